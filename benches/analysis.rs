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

/// The core's JSON Schema validator is native-only in this package (the
/// page runs it in its own worker build), so its figures are too.
#[cfg(not(target_arch = "wasm32"))]
fn schema_checks() {
    use statuslab::core::problem::{problem_schema, validate_schema};
    for (label, bytes, runs) in [("100 KB", 100 << 10, 200), ("1 MB", 1 << 20, 20)] {
        let body = problem_body(bytes);
        measure(
            &format!("Appendix A schema check, {label} problem body"),
            "reported",
            runs,
            || {
                let value: serde_json::Value =
                    serde_json::from_str(black_box(&body)).expect("JSON");
                assert!(validate_schema(problem_schema(), &value, &body).valid);
            },
        );
    }
}

#[cfg(target_arch = "wasm32")]
fn schema_checks() {}

/// A valid problem details body of about `bytes` bytes (an extension array
/// of items), as the browser benchmark builds it.
#[cfg_attr(target_arch = "wasm32", allow(dead_code))]
fn problem_body(bytes: usize) -> String {
    let mut items = Vec::new();
    let mut size = 200;
    let mut i = 0;
    while size < bytes {
        let item = format!(
            "{{\"sku\":\"SKU-{i}\",\"warehouse\":\"north\",\"missing\":{},\"note\":\"restock pending\"}}",
            i % 7
        );
        size += item.len() + 1;
        items.push(item);
        i += 1;
    }
    format!(
        "{{\"type\":\"https://example.com/probs/out-of-stock\",\"title\":\"Out of stock\",\"status\":409,\"detail\":\"Some items are not in stock.\",\"items\":[{}]}}",
        items.join(",")
    )
}

fn measure(label: &str, budget: &str, iterations: usize, mut work: impl FnMut()) {
    let mut samples = Vec::with_capacity(iterations);
    for _ in 0..iterations {
        let start = Instant::now();
        work();
        samples.push(start.elapsed().as_nanos());
    }
    samples.sort_unstable();
    let median = samples[samples.len() / 2] as f64 / 1000.0;
    let p95 = samples[samples.len() * 95 / 100] as f64 / 1000.0;
    println!("{label:<44} median {median:>8.1} µs   p95 {p95:>8.1} µs   ({budget})");
}

const UNDER_1MS: &str = "budget: well under 1000 µs";

fn main() {
    let typical = presets::find("rate-limited-429")
        .map(|p| p.exchange_text().to_string())
        .unwrap_or_default();
    let exchange = parse_input(&typical).expect("preset parses").exchanges.remove(0);
    measure("parse + lint, typical exchange (429 preset)", UNDER_1MS, 20_000, || {
        let parsed = parse_input(black_box(&typical)).expect("parses");
        black_box(lint(&parsed.exchanges[0], Profile::Rfc));
    });
    measure("lint only, typical exchange", UNDER_1MS, 20_000, || {
        black_box(lint(black_box(&exchange), Profile::Rfc));
    });
    schema_checks();
    let all: Vec<_> = presets::all().iter().map(|p| p.load()).collect();
    measure(&format!("lint all {} presets", all.len()), UNDER_1MS, 2_000, || {
        for e in &all {
            black_box(lint(black_box(e), Profile::Zalando));
        }
    });
}
