//! The registry checked against sources written independently of it: IANA's
//! own CSV (tests/fixtures), Node's `http.STATUS_CODES` and Python's
//! `http.HTTPStatus`. Nothing registered may be missing, nothing may be
//! claimed as registered that is not, and every phrase those libraries use
//! must be our current name or a recorded former name.
#![cfg(not(target_arch = "wasm32"))]

use std::{collections::BTreeMap, process::Command};

use statuslab::core::registry::{Registration, Registry};

struct IanaRow {
    low: u16,
    high: u16,
    description: String,
    reference: String,
}

fn iana_rows() -> Vec<IanaRow> {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/iana-http-status-codes.csv");
    let mut reader = csv::Reader::from_path(path).expect("IANA fixture is readable");
    reader
        .records()
        .map(|record| {
            let record = record.expect("IANA fixture is valid CSV");
            let value = &record[0];
            let (low, high) = value.split_once('-').unwrap_or((value, value));
            IanaRow {
                low: low.parse().expect("numeric value"),
                high: high.parse().expect("numeric value"),
                description: record[1].to_string(),
                reference: record[2].to_string(),
            }
        })
        .collect()
}

fn assigned() -> Vec<IanaRow> {
    iana_rows().into_iter().filter(|r| r.description != "Unassigned").collect()
}

#[test]
fn every_iana_code_is_present_with_its_name_state_and_reference() {
    let registry = Registry::global();
    let rows = assigned();
    assert_eq!(rows.len(), 64, "the 2025-09-15 registry has 64 assigned codes");
    for row in rows {
        let code = row.low;
        let entry = registry.entry(code).unwrap_or_else(|| panic!("{code} is missing"));
        let expected_state = if row.description == "(Unused)" {
            Registration::Unused
        } else if row.description.contains("(OBSOLETED)") {
            Registration::Obsoleted
        } else if row.description.contains("(TEMPORARY") {
            Registration::Temporary
        } else {
            Registration::Registered
        };
        assert_eq!(entry.registration, expected_state, "{code}");
        let registered_name =
            row.description.split(" (").next().unwrap_or_default().trim().to_string();
        if expected_state == Registration::Unused {
            assert!(
                entry.registry_note.as_deref().is_some_and(|n| n.contains("nused")),
                "{code}: an unused code must say so in registry_note"
            );
        } else {
            assert_eq!(entry.name, registered_name, "{code}: name must match IANA");
        }
        // "[RFC9110, Section 15.5.20]" → doc "RFC 9110", section "15.5.20".
        let reference = row.reference.trim_start_matches('[');
        let document = reference.split([',', ']']).next().unwrap_or_default();
        if let Some(number) = document.strip_prefix("RFC") {
            assert_eq!(entry.spec.doc, format!("RFC {number}"), "{code}: defining document");
        } else {
            assert!(
                entry
                    .spec
                    .doc
                    .contains(document.trim_end_matches(char::is_numeric).trim_end_matches('-')),
                "{code}: {} should name {document}",
                entry.spec.doc
            );
        }
        if let Some(section) = reference.split("Section ").nth(1) {
            let section = section.trim_end_matches(']');
            assert_eq!(entry.spec.section, section, "{code}: section");
            assert!(
                entry.spec.url.ends_with(&format!("#section-{section}")),
                "{code}: link {} must point at §{section}",
                entry.spec.url
            );
        }
    }
}

#[test]
fn nothing_unregistered_is_claimed_as_registered() {
    let rows = assigned();
    for entry in Registry::global().entries() {
        let in_iana = rows.iter().any(|r| r.low == entry.code);
        assert_eq!(
            entry.registration.is_in_iana_registry(),
            in_iana,
            "{}: registration {:?} disagrees with the IANA fixture",
            entry.code,
            entry.registration
        );
    }
}

#[test]
fn unofficial_codes_sit_in_unassigned_ranges() {
    let unassigned: Vec<IanaRow> =
        iana_rows().into_iter().filter(|r| r.description == "Unassigned").collect();
    for entry in Registry::global().entries() {
        if entry.registration == Registration::Unofficial {
            assert!(
                unassigned.iter().any(|r| (r.low..=r.high).contains(&entry.code)),
                "{} is marked unofficial but IANA assigned it",
                entry.code
            );
        }
    }
}

fn normalised_phrase(phrase: &str) -> String {
    phrase.to_lowercase().replace(['-', '\''], " ").replace("’", " ")
}

/// Every code in an independent list must exist here, and its phrase must be
/// our name or one of our recorded former names.
fn assert_covers(source: &str, list: &BTreeMap<u16, String>) {
    assert!(list.len() > 50, "{source} returned only {} codes", list.len());
    let registry = Registry::global();
    for (code, phrase) in list {
        let entry =
            registry.entry(*code).unwrap_or_else(|| panic!("{source} knows {code}, we do not"));
        let known: Vec<String> = std::iter::once(&entry.name)
            .chain(entry.former_names.iter())
            .map(|n| normalised_phrase(n))
            .collect();
        assert!(
            known.contains(&normalised_phrase(phrase)),
            "{code}: {source} calls it {phrase:?}; add it to former_names or fix the name ({known:?})"
        );
    }
}

fn run_json(program: &str, args: &[&str]) -> BTreeMap<u16, String> {
    let output = Command::new(program).args(args).output().unwrap_or_else(|e| {
        panic!("{program} is required by this test (scripts/ensure-tools.sh installs it): {e}")
    });
    assert!(
        output.status.success(),
        "{program} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let map: BTreeMap<String, String> =
        serde_json::from_slice(&output.stdout).expect("the oracle prints a JSON object");
    map.into_iter().map(|(k, v)| (k.parse().expect("numeric key"), v)).collect()
}

#[test]
fn covers_node_http_status_codes() {
    let list = run_json(
        "node",
        &["-e", "process.stdout.write(JSON.stringify(require('http').STATUS_CODES))"],
    );
    assert_covers("Node http.STATUS_CODES", &list);
}

#[test]
fn covers_python_http_status() {
    let list = run_json(
        "python3",
        &[
            "-c",
            "import http, json; print(json.dumps({s.value: s.phrase for s in http.HTTPStatus}))",
        ],
    );
    assert_covers("Python http.HTTPStatus", &list);
}
