#!/usr/bin/env bash
# Cache verdicts per second: this engine natively and inside a browser's
# dedicated worker (release wasm, headless Chromium), against the npm
# package http-cache-semantics on Node.js, over the same corpus in one run.
# Prints each figure and the ratios. Timings are reported, not enforced.
set -euo pipefail
source "$(dirname "$0")/ensure-tools.sh"
ensure_test_tools
cd "$STATUSLAB_ROOT"

out=target/bench
mkdir -p "$out"
say "cache benchmark: native"
cargo bench --locked --bench cache -- --corpus "$out/cache-corpus.json" --figures "$out/cache-native.json"

say "cache benchmark: wasm in a dedicated worker (headless Chromium)"
cargo test --locked --release --target wasm32-unknown-unknown --test worker_cache_bench -- --nocapture \
  | tee "$out/cache-worker.log"
sed -n 's/.*CACHE_BENCH //p' "$out/cache-worker.log" | head -n 1 > "$out/cache-worker.json"
[ -s "$out/cache-worker.json" ] || die "the worker benchmark printed no figures"

say "cache benchmark: npm http-cache-semantics on Node.js, and the ratios"
node tests/cache-differential/bench.mjs "$out/cache-corpus.json" "$out/cache-native.json" "$out/cache-worker.json"
