# Installs whatever building and testing Status Lab needs, skipping what is
# already present, so a second run takes a second. Sourced by serve.sh and
# test.sh (it exports PATH for the tools it finds or installs).
#
#   ensure_build_tools    wasm32 target, trunk, wasm-bindgen-cli, wasm-opt
#   ensure_test_tools     the above + Chromium, chromedriver, python3, e2e npm packages
#   ensure_deny           cargo-deny (the dependency check)
#
# Versions are pinned here and must agree with Cargo.toml / Trunk.toml.

STATUSLAB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TRUNK_VERSION="0.21.14"
BINARYEN_VERSION="132"
# The CLI must equal the wasm-bindgen crate pinned in Cargo.toml ("=0.2.130").
WASM_BINDGEN_VERSION="$(sed -n 's/^wasm-bindgen = "=\([0-9.]*\)".*/\1/p' "$STATUSLAB_ROOT/Cargo.toml")"
TOOLS_DIR="$STATUSLAB_ROOT/.tools"

export PATH="$TOOLS_DIR/node_modules/.bin:$HOME/.cargo/bin:$PATH"

# Steps print the time since the outermost script started, so a slow CI run
# shows where its minutes went.
: "${STATUSLAB_T0:=$(date +%s)}"
export STATUSLAB_T0
say() { printf '\033[1m==> [%4ss] %s\033[0m\n' "$(($(date +%s) - STATUSLAB_T0))" "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
have() { command -v "$1" >/dev/null 2>&1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif have sudo; then sudo "$@"; else
    die "need root to run: $* (install it yourself or run as root)"
  fi
}

apt_install() {
  say "installing Debian packages: $*"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

ensure_build_tools() {
  have cargo || die "cargo not found: install Rust with rustup (https://rustup.rs) first"
  have npm || die "npm not found: install Node.js 20 or newer first"
  [ -n "$WASM_BINDGEN_VERSION" ] || die "could not read the pinned wasm-bindgen version from Cargo.toml"

  if ! rustup target list --installed 2>/dev/null | grep -qx wasm32-unknown-unknown; then
    say "adding the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
  if ! trunk --version 2>/dev/null | grep -q " $TRUNK_VERSION\$"; then
    say "installing trunk $TRUNK_VERSION (takes several minutes once)"
    cargo install --locked trunk --version "$TRUNK_VERSION"
  fi
  if ! wasm-bindgen --version 2>/dev/null | grep -q " $WASM_BINDGEN_VERSION\$"; then
    # Not --locked: its lockfile names a webpki-roots release the registry mirror lacks.
    say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (takes a few minutes once)"
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi
  # Debian's binaryen (108) cannot read current rustc output; npm's can.
  if ! wasm-opt --version 2>/dev/null | grep -q "version $BINARYEN_VERSION"; then
    say "installing wasm-opt (binaryen $BINARYEN_VERSION) into .tools/"
    npm install --prefix "$TOOLS_DIR" --no-audit --no-fund --loglevel=error "binaryen@$BINARYEN_VERSION" >/dev/null
  fi
}

CARGO_DENY_VERSION="0.19.4"
ensure_deny() {
  if ! cargo deny --version 2>/dev/null | grep -q " $CARGO_DENY_VERSION\$"; then
    say "installing cargo-deny $CARGO_DENY_VERSION (takes a few minutes once)"
    cargo install --locked cargo-deny --version "$CARGO_DENY_VERSION"
  fi
}

# `npm ci` in $1 unless its lockfile is what was installed last time.
npm_ci_once() {
  local dir="$1" what="$2"
  local stamp="$dir/node_modules/.installed-lock"
  if [ ! -f "$stamp" ] || ! cmp -s "$dir/package-lock.json" "$stamp"; then
    say "installing $what (npm ci)"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    cp "$dir/package-lock.json" "$stamp"
  fi
}

ensure_test_tools() {
  ensure_build_tools
  local missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  have python3 || missing+=(python3)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  export CHROMEDRIVER=/usr/bin/chromedriver

  npm_ci_once "$STATUSLAB_ROOT/tests/e2e" "end-to-end test packages"
  # The npm http-cache-semantics package: the oracle of the cache engine's
  # differential test.
  npm_ci_once "$STATUSLAB_ROOT/tests/cache-differential" "the cache differential oracle"
}
