//! Cache verdicts per second: this engine natively, against the npm package
//! `http-cache-semantics` on Node.js in the same run, over the corpus of the
//! differential test. Run it through `scripts/bench-cache.sh`, which adds
//! the same measurement inside a browser worker and prints the ratios.
//!
//! `cargo bench --bench cache -- [--corpus FILE] [--figures FILE]` writes
//! the corpus (for the Node.js and worker runs) and this run's figures as
//! JSON. One verdict is one cache's answer (storable and time to live) for
//! one exchange; `analyze_cache` gives two, the shared and the private
//! cache's, and also computes validators, targeted fields and the
//! http-cache-semantics crate's answer, so the figure is conservative.

// Timing is the point of a benchmark; the clock ban protects the core only.
#![allow(clippy::disallowed_methods)]

#[path = "../tests/support/cache_corpus.rs"]
mod cache_corpus;

use std::{hint::black_box, time::Instant};

use statuslab::core::cache::analyze_cache;
use statuslab::core::time::UnixTime;

/// Runs over the whole corpus; enough for about a second of work.
const ROUNDS: usize = 200;

fn argument(name: &str) -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1).cloned())
}

fn main() {
    let cases = cache_corpus::corpus();
    let exchanges: Vec<_> = cases.iter().map(cache_corpus::exchange).collect();
    let now = UnixTime(cache_corpus::NOW);
    // Warm up caches and lazy statics before timing.
    for exchange in &exchanges {
        black_box(analyze_cache(exchange, now));
    }
    let start = Instant::now();
    for _ in 0..ROUNDS {
        for exchange in &exchanges {
            black_box(analyze_cache(black_box(exchange), now));
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    let verdicts = 2 * ROUNDS * exchanges.len();
    let per_second = verdicts as f64 / seconds;
    println!(
        "cache verdicts, native: {verdicts} in {seconds:.3} s = {per_second:.0} verdicts/s \
         ({} exchanges × {ROUNDS} rounds × shared and private)",
        exchanges.len()
    );
    if let Some(path) = argument("--corpus") {
        let json = serde_json::to_vec(&cases).expect("the corpus serialises");
        std::fs::write(&path, json).unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
    if let Some(path) = argument("--figures") {
        let figures = serde_json::json!({
            "verdicts": verdicts, "seconds": seconds, "verdicts_per_s": per_second,
        });
        std::fs::write(&path, figures.to_string())
            .unwrap_or_else(|e| panic!("cannot write {path}: {e}"));
    }
}
