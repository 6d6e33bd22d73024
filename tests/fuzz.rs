//! Hostile input for every parser and decoder, on the stable toolchain:
//! proptest drives each target with random text and with mutations of real
//! inputs (the recorded captures, the shipped exercise pack, seeds of each
//! header). A target passes when it returns, an error being as good as a
//! result; a panic fails it, and proptest keeps the shrunk input in
//! `proptest-regressions/fuzz.txt`, which is committed and replayed first.
//!
//! The test command runs each target for proptest's default number of
//! cases (256). A longer run, documented in the README:
//!
//!     PROPTEST_CASES=20000 cargo test --release --test fuzz
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use statuslab::core::{
    analysis::{analyze, AnalysisOptions},
    exchange::{parse_bytes, parse_input},
    exercise::{grade_text, Pack, CORE_PACK_TOML},
    headers::{
        parse_cache_control, parse_delta_seconds, parse_entity_tag, parse_entity_tag_list,
        parse_http_date, parse_retry_after, Side,
    },
    lint::Profile,
    problem::{analyze_problem, prepare_user_schema, SchemaInput},
    route::Route,
    time::UnixTime,
};

const NOW: UnixTime = UnixTime(1_795_428_000);

/// Every recorded capture: raw HTTP, curl output and Chromium HAR files.
fn captures() -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/captures");
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .expect("captures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "http" || e == "har" || e == "txt"))
        .collect();
    files.sort();
    files.into_iter().map(|p| std::fs::read(p).expect("readable")).collect()
}

/// A seed with up to eight byte-level edits: inserts, deletions and
/// replacements drawn from bytes that matter to HTTP and JSON parsers.
fn mutated(seeds: Vec<Vec<u8>>) -> impl Strategy<Value = Vec<u8>> {
    let interesting = prop_oneof![
        Just(b'\r'),
        Just(b'\n'),
        Just(b':'),
        Just(b' '),
        Just(b'"'),
        Just(b'\\'),
        Just(b','),
        Just(b'{'),
        Just(b'}'),
        Just(b'['),
        Just(0u8),
        Just(0xFFu8),
        Just(0xC3u8),
        any::<u8>(),
    ];
    let edits = proptest::collection::vec((any::<usize>(), 0u8..3, interesting), 0..8);
    (0..seeds.len(), edits).prop_map(move |(which, edits)| {
        let mut bytes = seeds[which].clone();
        for (at, kind, byte) in edits {
            let at = if bytes.is_empty() { 0 } else { at % (bytes.len() + 1) };
            match kind {
                0 => bytes.insert(at, byte),
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ if at < bytes.len() => bytes[at] = byte,
                _ => bytes.push(byte),
            }
        }
        bytes
    })
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// Parses, then runs the whole analysis (lint, cache, retry, problem
/// details) on what parsed: the parser's output is the analysis's input.
fn parse_and_analyse(bytes: &[u8]) {
    if let Ok(parsed) = parse_bytes(bytes) {
        for exchange in parsed.exchanges.iter().take(4) {
            let _ = analyze(exchange, AnalysisOptions::new(Profile::Rfc, NOW));
            let _ = analyze(exchange, AnalysisOptions::new(Profile::Zalando, NOW));
        }
    }
}

const HEADER_SEEDS: &[&str] = &[
    "max-age=60, s-maxage=300, stale-while-revalidate=30, must-revalidate",
    "no-cache=\"Set-Cookie, Authorization\", private, no-store",
    "Sun, 06 Nov 1994 08:49:37 GMT",
    "Sunday, 06-Nov-94 08:49:37 GMT",
    "Sun Nov  6 08:49:37 1994",
    "120",
    "W/\"xyzzy\", \"r2d2xxxx\"",
    "*",
    "\"default\";q=100;w=60",
    "\"default\";r=0;t=30",
];

proptest! {
    #[test]
    fn raw_http_curl_and_har_inputs(bytes in mutated(captures())) {
        parse_and_analyse(&bytes);
    }

    #[test]
    fn random_bytes_as_an_input(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        parse_and_analyse(&bytes);
    }

    #[test]
    fn header_field_parsers(value in mutated(HEADER_SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect())) {
        let value = text(&value);
        let _ = parse_cache_control([value.as_str()], Side::Response);
        let _ = parse_cache_control([value.as_str()], Side::Request);
        let _ = parse_http_date(&value, None);
        let _ = parse_retry_after(&value, None);
        let _ = parse_entity_tag(&value);
        let _ = parse_entity_tag_list(&value);
        let _ = parse_delta_seconds(&value);
    }

    /// The fields the analysis reads (RateLimit's structured fields among
    /// them) with hostile values, through the whole pipeline.
    #[test]
    fn header_values_through_the_analysis(
        status in 100u16..600,
        values in proptest::collection::vec(mutated(HEADER_SEEDS.iter().map(|s| s.as_bytes().to_vec()).collect()), 6),
    ) {
        let names = ["Cache-Control", "Retry-After", "RateLimit", "RateLimit-Policy", "ETag", "Expires"];
        let mut raw = String::from("GET /x HTTP/1.1\r\nHost: a.example\r\n\r\n");
        raw.push_str(&format!("HTTP/1.1 {status} X\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n"));
        for (name, value) in names.iter().zip(&values) {
            let value = text(value).replace(['\r', '\n'], " ");
            raw.push_str(&format!("{name}: {value}\r\n"));
        }
        raw.push_str("\r\n");
        parse_and_analyse(raw.as_bytes());
    }

    #[test]
    fn exercise_packs(bytes in mutated(vec![CORE_PACK_TOML.as_bytes()[..6000.min(CORE_PACK_TOML.len())].to_vec(), CORE_PACK_TOML.as_bytes().to_vec()])) {
        if let Ok(pack) = Pack::parse(&text(&bytes)) {
            for exercise in pack.exercises.iter().take(2) {
                let _ = grade_text(exercise, &exercise.reference, NOW);
            }
        }
    }

    #[test]
    fn problem_bodies(body in mutated(vec![
        br##"{"type":"https://example.com/p","title":"T","status":400,"detail":"D","instance":"/i","errors":[{"pointer":"#/a"}]}"##.to_vec(),
        br#"{"error":"bad","message":"m","details":[1,2,{"x":null}]}"#.to_vec(),
    ])) {
        let raw = format!(
            "GET /x HTTP/1.1\r\nHost: a\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n\r\n{}",
            text(&body)
        );
        if let Ok(parsed) = parse_input(&raw) {
            let _ = analyze_problem(&parsed.exchanges[0]);
        }
    }

    #[test]
    fn user_schemas(schema in mutated(vec![
        br##"{"$defs":{"p":{"type":"object","properties":{"status":{"type":"integer"}},"required":["status"]}},"$ref":"#/$defs/p"}"##.to_vec(),
        b"openapi: 3.1.0\ncomponents:\n  schemas:\n    P:\n      type: object\n".to_vec(),
    ]), pointer in proptest::option::of("#/[a-z$/]{0,20}")) {
        let input = SchemaInput { text: text(&schema), pointer };
        if let Ok(prepared) = prepare_user_schema(&input) {
            let _ = prepared.validate(r#"{"status":400,"title":"x"}"#);
        }
    }

    #[test]
    fn addresses(fragment in "#/[a-z]{0,10}/[ -~]{0,40}") {
        let route = Route::parse(&fragment);
        let _ = Route::parse(&route.to_fragment());
    }
}

/// A schema that refers to itself must give a verdict, not a stack overflow.
#[test]
fn a_recursive_schema_gets_a_verdict() {
    let input = SchemaInput {
        text: r##"{"$ref":"#/$defs/node","$defs":{"node":{"type":"object","properties":{"next":{"$ref":"#/$defs/node"}}}}}"##.into(),
        pointer: None,
    };
    let prepared = prepare_user_schema(&input).expect("a recursive schema is valid");
    let nested = |depth: usize| {
        let mut body = String::from("{}");
        for _ in 0..depth {
            body = format!("{{\"next\":{body}}}");
        }
        body
    };
    assert!(prepared.validate(&nested(50)).is_some_and(|v| v.valid));
    // Deeper than serde_json's recursion limit (128): not JSON it can read,
    // which the verdict's absence says; no stack overflow either way.
    let _ = prepared.validate(&nested(5_000));
    let self_loop = SchemaInput { text: r##"{"$ref":"#"}"##.into(), pointer: None };
    if let Ok(prepared) = prepare_user_schema(&self_loop) {
        let _ = prepared.validate("{}");
    }
}

/// JSON nested 10,000 deep: an answer (serde_json's depth limit says
/// why), never a stack overflow.
#[test]
fn a_body_nested_ten_thousand_deep_is_answered() {
    let body = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    let raw = format!(
        "GET /x HTTP/1.1\r\nHost: a\r\n\r\nHTTP/1.1 400 Bad Request\r\nContent-Type: application/problem+json\r\n\r\n{body}"
    );
    let parsed = parse_input(&raw).expect("parses");
    let analysis = analyze(&parsed.exchanges[0], AnalysisOptions::new(Profile::Rfc, NOW));
    assert!(analysis.problem.is_some());
}

/// 100,000 fields: past `http::HeaderMap`'s 32,768-field limit, where the
/// cache library comparison once panicked. The analysis answers; only the
/// library's second opinion is left out.
#[test]
fn a_message_with_100_000_fields_is_analysed() {
    let mut raw = String::from("GET / HTTP/1.1\r\nHost: a.example\r\n\r\nHTTP/1.1 200 OK\r\nDate: Mon, 23 Nov 2026 10:00:00 GMT\r\n");
    for i in 0..100_000 {
        raw.push_str(&format!("X-Field-{i}: value {i}\r\n"));
    }
    raw.push_str("\r\nok");
    let parsed = parse_input(&raw).expect("parses");
    assert_eq!(parsed.exchanges[0].response.headers.0.len(), 100_001);
    let analysis = analyze(&parsed.exchanges[0], AnalysisOptions::new(Profile::Rfc, NOW));
    assert!(analysis.cache.is_some_and(|c| c.library.is_none()));
}
