//! The HAR export against the HAR 1.2 structure (`fixtures/har-1.2.schema.json`,
//! checked with the same JSON Schema validator the product uses), and its
//! details: absolute URLs, a real start time, redirectURL only on a 3xx.
#![cfg(not(target_arch = "wasm32"))]

use serde_json::Value;
use statuslab::core::{
    analysis::{analyze, AnalysisOptions},
    exchange::parse_input,
    export::{export, Format},
    lint::Profile,
    presets,
    problem::validate_schema,
    time::UnixTime,
};

fn har_of(raw_or_exchange: &statuslab::core::exchange::Exchange) -> String {
    let analysis =
        analyze(raw_or_exchange, AnalysisOptions::new(Profile::Rfc, UnixTime(1_764_000_000)));
    export(Format::Har, raw_or_exchange, &analysis)
}

#[test]
fn every_preset_exports_valid_har_1_2() {
    let schema: Value =
        serde_json::from_str(include_str!("fixtures/har-1.2.schema.json")).expect("schema");
    for preset in presets::all() {
        let har = har_of(&preset.load());
        let value: Value = serde_json::from_str(&har).expect("JSON");
        let verdict = validate_schema(&schema, &value, &har);
        assert!(verdict.valid, "{}: {:?}", preset.id, verdict.errors);
    }
}

#[test]
fn urls_are_absolute_start_times_real_and_redirects_only_on_3xx() {
    let exchange = parse_input(
        "POST /users?team=7 HTTP/1.1\r\nHost: api.example\r\n\r\n{}\r\n\r\nHTTP/1.1 201 Created\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\nLocation: /users/42\r\n\r\n",
    )
    .expect("parses")
    .exchanges
    .remove(0);
    let har: Value = serde_json::from_str(&har_of(&exchange)).expect("JSON");
    let entry = &har["log"]["entries"][0];
    assert_eq!(entry["request"]["url"], "https://api.example/users?team=7");
    assert_eq!(entry["request"]["queryString"][0]["name"], "team");
    assert_eq!(entry["startedDateTime"], "2026-11-23T10:00:00.000Z");
    assert_eq!(entry["response"]["redirectURL"], "", "a 201's Location is not a redirect");
    // Re-imported, the exchange is the same.
    let again = parse_input(&har_of(&exchange)).expect("HAR parses").exchanges.remove(0);
    assert_eq!(again.request, exchange.request);
    assert_eq!(again.response, exchange.response);
}
