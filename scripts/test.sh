#!/usr/bin/env bash
# Runs every check CI runs, installing what the tests need first:
#   formatting, dependencies (cargo deny), clippy (native and wasm32), native
#   tests, wasm-bindgen tests in headless Chromium, a release build of the
#   site, the end-to-end tests, and the performance budgets (size and
#   Lighthouse enforced, timings reported).
#
# Builds go to a target folder shared by every clone on the machine
# (STATUSLAB_TARGET_DIR, by default ~/.cache/statuslab/target), as a CI
# cache would keep it: a fresh clone then compiles only the project's own
# crates, not its 180 dependencies three ways for two targets. Set
# STATUSLAB_TARGET_DIR=target to keep everything inside the clone.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_test_tools
cd "$STATUSLAB_ROOT"
export CARGO_TARGET_DIR="${STATUSLAB_TARGET_DIR:-$HOME/.cache/statuslab/target}"
mkdir -p "$CARGO_TARGET_DIR"
say "build folder: $CARGO_TARGET_DIR"

say "cargo fmt --check"
cargo fmt --all -- --check

# Advisories (vendored RustSec snapshot), licenses, bans, sources: offline.
bash scripts/check-deps.sh

say "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings
# The validator feature adds to the default build, so one pass covers the
# composer, the engine and the validator worker.
say "clippy (wasm32, the full build)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown --features validator -- -D warnings
say "clippy (wasm32, reference build without the composer)"
cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --lib --bin app -- -D warnings

say "native tests"
cargo test --locked

say "wasm-bindgen tests and the JSON-Schema-Test-Suite in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --features validator --test web --test web_schema_suite -- --nocapture

say "release build of the site (dist/)"
bash scripts/build-site.sh

say "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/

say "performance budgets"
node tests/e2e/bench.mjs --runs 5
cargo bench --locked --bench analysis
bash scripts/bench-cache.sh

say "all checks passed"
