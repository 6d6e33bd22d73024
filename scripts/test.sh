#!/usr/bin/env bash
# Runs every check CI runs, installing what the tests need first:
#   formatting, dependencies (cargo deny), clippy (native and wasm32), native tests, wasm-bindgen tests in
#   headless Chromium, a release build of the site, the end-to-end tests, and
#   the performance budgets (size enforced, timings reported).
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_test_tools
cd "$STATUSLAB_ROOT"

say "cargo fmt --check"
cargo fmt --all -- --check

# Advisories (vendored RustSec snapshot), licenses, bans, sources: offline.
bash scripts/check-deps.sh

say "clippy (native)"
cargo clippy --all-targets --locked -- -D warnings
say "clippy (wasm32)"
cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
say "clippy (wasm32, reference build without the composer)"
cargo clippy --locked --target wasm32-unknown-unknown --no-default-features --lib --bin app -- -D warnings
say "clippy (wasm32, the validator worker's build)"
cargo clippy --locked --target wasm32-unknown-unknown --features validator --lib --bin validator -- -D warnings

say "native tests"
cargo test --locked

say "wasm-bindgen tests in headless Chromium"
cargo test --locked --target wasm32-unknown-unknown --test web
say "JSON-Schema-Test-Suite in wasm (headless Chromium), the validator worker's build"
cargo test --locked --target wasm32-unknown-unknown --features validator --test web_schema_suite -- --nocapture

say "release build of the site (dist/)"
bash scripts/build-site.sh

# The benchmarks' release builds (fat LTO, mostly one core) compile while
# the end-to-end tests drive the browser; the benchmark itself runs after
# both, on a quiet machine.
say "compiling the benchmarks in the background"
bench_log=target/bench-build.log
mkdir -p target
( cargo bench --locked --no-run \
  && cargo test --locked --release --target wasm32-unknown-unknown --test worker_cache_bench --no-run ) \
  >"$bench_log" 2>&1 &
bench_build=$!
trap 'kill "$bench_build" 2>/dev/null || true' EXIT

say "end-to-end tests in headless Chromium"
node --test --test-concurrency=1 tests/e2e/

say "waiting for the benchmark builds"
wait "$bench_build" || { cat "$bench_log" >&2; die "the benchmarks did not compile"; }

say "performance budgets"
node tests/e2e/bench.mjs --runs 5
cargo bench --locked --bench analysis
bash scripts/bench-cache.sh

say "all checks passed"
