//! Cache verdicts per second inside a browser's dedicated worker, where the
//! page's engine runs them: the corpus of the differential test, judged by
//! `analyze_cache` compiled to wasm. Run by `scripts/bench-cache.sh` in
//! release mode (the engine worker's profile); it prints one line,
//! `CACHE_BENCH {json}`, that the script reads.
#![cfg(all(target_arch = "wasm32", not(target_os = "wasi")))]

#[path = "support/cache_corpus.rs"]
mod cache_corpus;

use std::hint::black_box;

use statuslab::core::cache::analyze_cache;
use statuslab::core::time::UnixTime;
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_dedicated_worker);

/// Keep measuring whole rounds until this much time has passed.
const MEASURE_MS: f64 = 1_000.0;

#[wasm_bindgen_test]
fn cache_verdicts_per_second_in_a_worker() {
    // Only worker scopes have importScripts.
    let in_worker = js_sys::Reflect::has(&js_sys::global(), &"importScripts".into()) == Ok(true);
    assert!(in_worker, "the benchmark runs in a dedicated worker");
    let exchanges: Vec<_> = cache_corpus::corpus().iter().map(cache_corpus::exchange).collect();
    let now = UnixTime(cache_corpus::NOW);
    let storable_warm: usize =
        exchanges.iter().filter(|e| analyze_cache(e, now).shared.storable).count();
    let start = js_sys::Date::now();
    let mut rounds = 0usize;
    let mut storable = 0usize;
    while js_sys::Date::now() - start < MEASURE_MS {
        storable = 0;
        for exchange in &exchanges {
            storable += usize::from(analyze_cache(black_box(exchange), now).shared.storable);
        }
        rounds += 1;
    }
    let seconds = (js_sys::Date::now() - start) / 1000.0;
    assert_eq!(storable, storable_warm, "every round judges the corpus alike");
    let verdicts = 2 * rounds * exchanges.len();
    let per_second = verdicts as f64 / seconds;
    console_log!(
        "CACHE_BENCH {{\"verdicts\":{verdicts},\"seconds\":{seconds},\"verdicts_per_s\":{per_second}}}"
    );
}
