//! The lint on captures no one wrote by hand: every file in
//! tests/fixtures/captures/ was recorded from real software (nginx, Python's
//! http.server, a Node server with gzip and brotli; curl in its many modes,
//! raw sockets, Chromium HARs). Each must produce exactly the warnings and
//! errors of its real defects (tests/fixtures/capture-expectations.toml):
//! a false alarm on a correct message fails the test.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;
use statuslab::core::{
    analysis::{analyze, AnalysisOptions},
    exchange::parse_bytes,
    lint::{Profile, Severity},
    time::UnixTime,
};

#[derive(Deserialize)]
struct Manifest {
    capture: Vec<Capture>,
}

#[derive(Deserialize)]
struct Capture {
    file: String,
    real_defects: Vec<String>,
}

#[derive(Deserialize)]
struct Expectations {
    findings: BTreeMap<String, Vec<String>>,
    unreadable: BTreeMap<String, String>,
    not_detected: BTreeMap<String, String>,
}

fn dir() -> &'static Path {
    Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/captures"))
}

fn read_toml<T: for<'de> Deserialize<'de>>(path: &Path) -> T {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The day the captures were recorded, so date checks see them as fresh.
const RECORDED: UnixTime = UnixTime(1_795_990_000);

#[test]
fn real_captures_get_their_real_defects_and_nothing_else() {
    let manifest: Manifest = read_toml(&dir().join("MANIFEST.toml"));
    let expected: Expectations = read_toml(&dir().join("../capture-expectations.toml"));
    assert!(manifest.capture.len() >= 50, "the corpus has {} captures", manifest.capture.len());
    let mut failures = Vec::new();
    let mut exchanges = 0;
    for capture in &manifest.capture {
        let bytes = std::fs::read(dir().join(&capture.file)).expect("a listed capture exists");
        let parsed = match parse_bytes(&bytes) {
            Ok(parsed) => parsed,
            Err(error) => {
                match expected.unreadable.get(&capture.file) {
                    Some(words) if error.to_string().contains(words.as_str()) => {}
                    _ => failures.push(format!("{}: unreadable: {error}", capture.file)),
                }
                continue;
            }
        };
        if expected.unreadable.contains_key(&capture.file) {
            failures.push(format!("{}: expected to be unreadable", capture.file));
        }
        let mut found: Vec<String> = Vec::new();
        for exchange in &parsed.exchanges {
            exchanges += 1;
            let analysis = analyze(exchange, AnalysisOptions::new(Profile::Rfc, RECORDED));
            for finding in analysis.findings.iter().filter(|f| f.severity <= Severity::Warning) {
                found.push(format!("{} ({})", finding.id, finding.message));
            }
        }
        let want = expected.findings.get(&capture.file).cloned().unwrap_or_default();
        let mut found_ids: Vec<&str> =
            found.iter().map(|f| f.split(' ').next().unwrap_or_default()).collect();
        found_ids.sort_unstable();
        found_ids.dedup();
        let mut want_ids: Vec<&str> = want.iter().map(String::as_str).collect();
        want_ids.sort_unstable();
        if found_ids != want_ids {
            failures.push(format!("{}: expected {want_ids:?}, found {found:#?}", capture.file));
        }
        let explained = !want.is_empty() || expected.not_detected.contains_key(&capture.file);
        if !capture.real_defects.is_empty() && !explained {
            failures.push(format!(
                "{}: the manifest lists real defects {:?} that no expectation accounts for",
                capture.file, capture.real_defects
            ));
        }
    }
    assert!(exchanges >= 100, "the corpus holds {exchanges} exchanges");
    assert!(
        failures.is_empty(),
        "{} capture(s) misjudged:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn every_expectation_names_a_capture() {
    let manifest: Manifest = read_toml(&dir().join("MANIFEST.toml"));
    let expected: Expectations = read_toml(&dir().join("../capture-expectations.toml"));
    let files: Vec<&str> = manifest.capture.iter().map(|c| c.file.as_str()).collect();
    let named = expected
        .findings
        .keys()
        .chain(expected.unreadable.keys())
        .chain(expected.not_detected.keys());
    for name in named {
        assert!(files.contains(&name.as_str()), "{name} is not in the corpus");
    }
}
