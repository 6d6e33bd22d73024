//! The reference's depth checked against sources written independently of
//! it: the names each language gives a code are read from the language
//! itself where it runs here (Python, Node, Java, the Rust `http` crate);
//! every vendor code carries evidence with a source; every code has a
//! history whose names search can find; every framework snippet sends a
//! response the product's own lint finds nothing wrong with.
#![cfg(not(target_arch = "wasm32"))]

use std::{collections::BTreeMap, path::PathBuf, process::Command};

use statuslab::core::{
    analysis::{analyze, receipt, AnalysisOptions},
    depth,
    exchange::parse_input,
    lint::{Profile, Severity},
    registry::{Registration, Registry},
    time::UnixTime,
};

type OracleNames = BTreeMap<u16, (Option<String>, Option<String>)>;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs an oracle script and reads its `{"429": {"constant", "phrase"}}`.
fn oracle(program: &str, args: &[&str]) -> OracleNames {
    let output = Command::new(program)
        .args(args)
        .current_dir(root())
        .output()
        .unwrap_or_else(|e| panic!("{program} must run on this machine for the oracle: {e}"));
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let parsed: BTreeMap<String, serde_json::Value> =
        serde_json::from_slice(&output.stdout).expect("the oracle prints JSON");
    parsed
        .into_iter()
        .map(|(code, v)| {
            let text = |key: &str| v.get(key).and_then(|s| s.as_str()).map(str::to_string);
            (code.parse().expect("numeric code"), (text("constant"), text("phrase")))
        })
        .collect()
}

fn data_names(ecosystem: &str) -> OracleNames {
    depth::all_names()
        .into_iter()
        .filter(|(id, ..)| id == ecosystem)
        .map(|(_, code, constant, phrase)| (code, (constant, phrase)))
        .collect()
}

/// Every name the language gives a code in our registry is in the data,
/// exactly, and the data claims nothing the language lacks.
fn compare(ecosystem: &str, from_language: OracleNames) {
    let registry = Registry::global();
    let ours = data_names(ecosystem);
    let theirs: OracleNames =
        from_language.into_iter().filter(|(code, _)| registry.entry(*code).is_some()).collect();
    assert!(theirs.len() >= 30, "{ecosystem}: the oracle named only {} codes", theirs.len());
    for (code, names) in &theirs {
        assert_eq!(ours.get(code), Some(names), "{ecosystem} {code}: data vs the language itself");
    }
    for code in ours.keys() {
        assert!(theirs.contains_key(code), "{ecosystem} {code}: the language has no such name");
    }
}

#[test]
fn python_names_match_http_httpstatus() {
    compare("python", oracle("python3", &["scripts/oracles/python-names.py"]));
}

#[test]
fn node_names_match_http_status_codes() {
    compare("node", oracle("node", &["scripts/oracles/node-names.mjs"]));
}

#[test]
fn java_names_match_httpurlconnection() {
    compare("java", oracle("java", &["scripts/oracles/JavaNames.java"]));
}

/// The `http` crate's source as Cargo downloaded it for this build.
fn http_status_source() -> PathBuf {
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .expect("CARGO_HOME or HOME");
    let registry = cargo_home.join("registry/src");
    std::fs::read_dir(&registry)
        .expect("Cargo's registry sources")
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("http-1.4.0/src/status.rs"))
        .find(|p| p.exists())
        .expect("http 1.4.0 is a dependency, so its source is in Cargo's registry")
}

#[test]
fn rust_names_match_the_http_crate() {
    let source = http_status_source();
    let names = oracle(
        "python3",
        &["scripts/oracles/rust-http-names.py", source.to_str().expect("UTF-8 path")],
    );
    // The phrases also come from the crate at run time.
    for (code, (_, phrase)) in &names {
        let status = http::StatusCode::from_u16(*code).expect("valid code");
        assert_eq!(status.canonical_reason(), phrase.as_deref(), "{code}");
    }
    compare("rust", names);
}

#[test]
fn every_vendor_code_has_evidence_with_a_source_and_doubtful_ones_say_so() {
    let registry = Registry::global();
    for entry in registry.entries().iter().filter(|e| e.registration == Registration::Unofficial) {
        let depth = depth::of(entry.code);
        let evidence = depth.evidence.unwrap_or_else(|| panic!("{}: no evidence", entry.code));
        assert!(
            ["verified", "secondary", "doubtful"].contains(&evidence.level.as_str()),
            "{}",
            entry.code
        );
        assert!(!evidence.sources.is_empty(), "{}: no source", entry.code);
        for source in &evidence.sources {
            assert!(source.url.starts_with("https://"), "{}: {}", entry.code, source.url);
        }
    }
    for code in [218, 598, 599] {
        assert_eq!(
            depth::of(code).evidence.map(|e| e.level).as_deref(),
            Some("doubtful"),
            "{code}"
        );
    }
    let railgun = depth::of(527).evidence.and_then(|e| e.historical).expect("527 is historical");
    assert_eq!(
        (railgun.deprecated.as_deref(), railgun.retired.as_deref()),
        (Some("2023-06-01"), Some("2024-01-31"))
    );
    for code in [440, 449, 451, 498, 499] {
        let shared =
            depth::of(code).shared.unwrap_or_else(|| panic!("{code}: no meanings side by side"));
        assert!(shared.meanings.len() >= 2 || code == 440, "{code}");
    }
}

#[test]
fn every_code_has_a_history_whose_names_search_finds() {
    let registry = Registry::global();
    let histories: BTreeMap<u16, _> = depth::all_histories().into_iter().collect();
    for entry in registry.entries() {
        let events =
            histories.get(&entry.code).unwrap_or_else(|| panic!("{}: no history", entry.code));
        assert!(!events.is_empty(), "{}", entry.code);
        assert!(
            events.windows(2).all(|w| w[0].date <= w[1].date),
            "{}: events out of order",
            entry.code
        );
        for event in events.iter() {
            assert!(
                statuslab::core::route::web_link(&event.url).is_some(),
                "{}: {}",
                entry.code,
                event.url
            );
            let known = std::iter::once(entry.name.as_ref())
                .chain(entry.former_names.iter().map(|n| n.as_ref()))
                .any(|n| n.eq_ignore_ascii_case(&event.name));
            assert!(
                known,
                "{}: \"{}\" is neither its name nor a former name",
                entry.code, event.name
            );
        }
    }
    // Search finds a code by an old name.
    let hits = statuslab::core::explain::search("Request Entity Too Large");
    assert_eq!(hits.rows.first().map(|r| r.code), Some(413));
}

#[test]
fn every_snippet_sends_a_response_lint_finds_nothing_wrong_with() {
    let snippets = depth::all_snippets();
    let mut frameworks: BTreeMap<(u16, bool), Vec<&str>> = BTreeMap::new();
    for snippet in snippets {
        let parsed = parse_input(&snippet.exchange)
            .unwrap_or_else(|e| panic!("{} {}: {e}", snippet.framework, snippet.code));
        let exchange = &parsed.exchanges[0];
        assert_eq!(
            exchange.response.status, snippet.code,
            "{} {}",
            snippet.framework, snippet.title
        );
        let at = receipt(exchange).unwrap_or(UnixTime(1_795_428_000));
        let analysis = analyze(exchange, AnalysisOptions::new(Profile::Rfc, at));
        let serious: Vec<_> = analysis
            .findings
            .iter()
            .filter(|f| f.severity <= Severity::Warning)
            .map(|f| f.id.to_string())
            .collect();
        assert!(
            serious.is_empty(),
            "{} {} ({}): {serious:?}",
            snippet.framework,
            snippet.code,
            snippet.title
        );
        if let Some(problem) = analysis.problem.as_ref().filter(|p| p.detected) {
            assert!(
                problem.valid,
                "{} {}: invalid problem details",
                snippet.framework, snippet.code
            );
        }
        frameworks
            .entry((snippet.code, snippet.topic.as_deref() == Some("problem-details")))
            .or_default()
            .push(&snippet.framework);
    }
    let all = ["aspnetcore", "axum", "express", "fastapi", "go", "rails", "spring"];
    for code in [201, 301, 302, 303, 307, 308, 401, 405, 416, 429, 503] {
        let mut seen = frameworks.get(&(code, false)).cloned().unwrap_or_default();
        seen.sort();
        assert_eq!(seen, all, "{code}: a snippet per framework");
    }
    let problem: usize = frameworks.iter().filter(|((_, p), _)| *p).map(|(_, f)| f.len()).sum();
    assert_eq!(problem, all.len(), "a problem details snippet per framework");
}
