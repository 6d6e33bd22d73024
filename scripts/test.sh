#!/usr/bin/env bash
# Runs every check CI runs, installing what the tests need first:
#   formatting, dependencies (cargo deny), clippy (native and wasm32), native
#   tests, wasm-bindgen tests in headless Chromium, a release build of the
#   site, the end-to-end tests, and the performance budgets (size and
#   Lighthouse enforced, timings reported).
#
# Two lanes build side by side: the native one (clippy, tests, the native
# benchmarks) and the wasm one (clippy, browser tests, the site, the worker
# benchmark). Much of a build runs on one core (linking, fat LTO), so the
# lanes fill each other's idle core. Each lane has its own target folder,
# because cargo locks the one it builds in. The end-to-end tests and the
# benchmarks then run alone, so nothing competes with what they time.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_test_tools
cd "$STATUSLAB_ROOT"

say "cargo fmt --check"
cargo fmt --all -- --check

# Advisories (vendored RustSec snapshot), licenses, bans, sources: offline.
bash scripts/check-deps.sh

# The native lane's target folder; scripts/bench-cache.sh reads it too.
export STATUSLAB_NATIVE_TARGET="$STATUSLAB_ROOT/target/native"

native_lane() {
  export CARGO_TARGET_DIR="$STATUSLAB_NATIVE_TARGET"
  say "clippy (native)"
  cargo clippy --all-targets --locked -- -D warnings
  say "native tests"
  cargo test --locked
  say "compiling the native benchmarks"
  cargo bench --locked --no-run
}

wasm_lane() {
  # The validator feature adds to the default build, so one pass covers
  # the composer, the engine and the validator worker.
  say "clippy (wasm32, the full build)"
  cargo clippy --all-targets --locked --target wasm32-unknown-unknown --features validator -- -D warnings
  say "clippy (wasm32, reference build without the composer)"
  cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --lib --bin app -- -D warnings
  say "wasm-bindgen tests and the JSON-Schema-Test-Suite in headless Chromium"
  cargo test --locked --target wasm32-unknown-unknown --features validator --test web --test web_schema_suite -- --nocapture
  say "release build of the site (dist/)"
  bash scripts/build-site.sh
  say "compiling the worker benchmark"
  cargo test --locked --release --target wasm32-unknown-unknown --test worker_cache_bench --no-run
}

mkdir -p target
native_log=target/native-lane.log
say "native lane in the background (log: $native_log)"
( native_lane ) >"$native_log" 2>&1 &
native_pid=$!
trap 'kill "$native_pid" 2>/dev/null || true' EXIT

wasm_lane

say "waiting for the native lane"
if ! wait "$native_pid"; then
  cat "$native_log" >&2
  die "the native lane failed (its log is above)"
fi
grep -a '^test result:' "$native_log" | awk '{p+=$4; f+=$6} END {printf "native tests: %d passed, %d failed\n", p, f}' >&2

say "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/

say "performance budgets"
node tests/e2e/bench.mjs --runs 5
CARGO_TARGET_DIR="$STATUSLAB_NATIVE_TARGET" cargo bench --locked --bench analysis
bash scripts/bench-cache.sh

say "all checks passed"
