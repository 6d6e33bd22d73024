//! How long the core takes to analyse a typical exchange, natively: parse the
//! raw text, then lint it. Run with `cargo bench --bench analysis`; prints
//! the median and 95th percentile per iteration beside the budget.
//!
//! A plain harness (no criterion): the figures of interest are far from any
//! noise floor, and this keeps the dependency tree small.

// Timing is the point of a benchmark; the clock ban protects the core only.
#![allow(clippy::disallowed_methods)]

use std::{hint::black_box, time::Instant};

use statuslab::core::{
    exchange::parse_input,
    lint::{lint, Profile},
    presets,
};

fn measure(label: &str, iterations: usize, mut work: impl FnMut()) {
    let mut samples = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        work();
        samples.push(start.elapsed().as_nanos());
    }
    samples.sort_unstable();
    let median = samples[samples.len() / 2] as f64 / 1000.0;
    let p95 = samples[samples.len() * 95 / 100] as f64 / 1000.0;
    println!(
        "{label:<44} median {median:>8.1} µs   p95 {p95:>8.1} µs   (budget: well under 1000 µs)"
    );
}

fn main() {
    let typical =
        presets::find("rate-limited-429").map(|p| p.exchange.to_string()).unwrap_or_default();
    let exchange = parse_input(&typical).expect("preset parses").exchanges.remove(0);
    measure("parse + lint, typical exchange (429 preset)", 20_000, || {
        let parsed = parse_input(black_box(&typical)).expect("parses");
        black_box(lint(&parsed.exchanges[0], Profile::Rfc));
    });
    measure("lint only, typical exchange", 20_000, || {
        black_box(lint(black_box(&exchange), Profile::Rfc));
    });
    let all: Vec<_> = presets::all().iter().map(|p| p.load()).collect();
    measure(&format!("lint all {} presets", all.len()), 2_000, || {
        for e in &all {
            black_box(lint(black_box(e), Profile::Zalando));
        }
    });
}
