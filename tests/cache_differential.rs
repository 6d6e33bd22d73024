//! Differential test of the cache engine against the npm package
//! `http-cache-semantics` (4.3.0, pinned in tests/cache-differential).
//!
//! The corpus (`support/cache_corpus.rs`) goes through `analyze_cache` and
//! through the package (run by `tests/cache-differential/oracle.mjs` with
//! its clock fixed to the same moments). Storability and time to live are
//! compared for a shared and a private cache; the agreement rate is printed,
//! and every disagreement must be one of the intentional differences in
//! `docs/cache-differences.md`, each with the RFC text that justifies this
//! engine's answer. The test reads that table, so the docs cannot drift.
//!
//! Needs Node.js and the package: `npm ci --prefix tests/cache-differential`.

#[path = "support/cache_corpus.rs"]
mod cache_corpus;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use cache_corpus::{asctime, corpus, exchange, imf, rfc850, Case, NOW};
use serde::Deserialize;
use statuslab::core::cache::{analyze_cache, CacheAnalysis, CacheVerdict, HEURISTIC_CAP_S};
use statuslab::core::time::UnixTime;

/// The intentional differences, (kind, why), from the docs' table: rows
/// whose first cell is a code span.
fn intentional_differences() -> Vec<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/cache-differences.md");
    let text = std::fs::read_to_string(&path).expect("docs/cache-differences.md is readable");
    text.lines()
        .filter_map(|line| {
            let cells: Vec<&str> =
                line.trim().trim_matches('|').split('|').map(str::trim).collect();
            let kind = cells.first()?.strip_prefix('`')?.strip_suffix('`')?;
            (cells.len() == 3).then(|| (kind.to_string(), format!("{} {}", cells[1], cells[2])))
        })
        .collect()
}

#[derive(Debug, Deserialize)]
struct OracleCache {
    storable: bool,
    ttl_ms: f64,
}

#[derive(Debug, Deserialize)]
struct OracleLine {
    id: usize,
    shared: OracleCache,
    private: OracleCache,
}

fn has(case: &Case, name: &str) -> bool {
    case.response_headers.iter().any(|(n, _)| n.eq_ignore_ascii_case(name))
}

fn cache_control(case: &Case) -> String {
    case.response_headers
        .iter()
        .filter(|(n, _)| n.eq_ignore_ascii_case("cache-control"))
        .map(|(_, v)| v.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which intentional difference explains a disagreement, if any.
fn classify(
    case: &Case,
    shared: bool,
    ours: &CacheVerdict,
    ours_ttl: i64,
    theirs: &OracleCache,
    theirs_ttl: i64,
) -> Option<&'static str> {
    let cc = cache_control(case);
    let storable_only_ours = ours.storable && !theirs.storable;
    if case.method == "POST" && !ours.storable && theirs.storable {
        return Some("post-without-content-location");
    }
    if case.status == 206 && storable_only_ours {
        return Some("partial-content-206");
    }
    if matches!(case.status, 500 | 503) && storable_only_ours {
        return Some("server-error-with-explicit-freshness");
    }
    if !shared && cc.contains("private") && storable_only_ours {
        return Some("private-permits-private-cache");
    }
    if shared && cc.contains("private=") && storable_only_ours {
        return Some("qualified-private");
    }
    let both = ours.storable && theirs.storable;
    if !both {
        return None;
    }
    if ours.heuristic && ours.freshness_lifetime_s == Some(HEURISTIC_CAP_S) && ours_ttl < theirs_ttl
    {
        return Some("heuristic-cap");
    }
    if cc.contains("no-cache=") && theirs_ttl == 0 {
        return Some("qualified-no-cache");
    }
    if shared && has(case, "set-cookie") && !cc.contains("public") && theirs_ttl == 0 {
        return Some("set-cookie-in-shared-cache");
    }
    if shared && cc.contains("proxy-revalidate") && theirs_ttl == 0 {
        return Some("proxy-revalidate");
    }
    if has(case, "pragma") && !has(case, "cache-control") && theirs_ttl == 0 {
        return Some("pragma-in-response");
    }
    if cc.contains("immutable") && theirs_ttl >= 86_400 - 1 {
        return Some("immutable-minimum");
    }
    if cc.chars().any(|c| c.is_ascii_uppercase()) {
        return Some("directive-name-case");
    }
    let names: Vec<&str> =
        cc.split(',').map(|d| d.trim().split('=').next().unwrap_or("")).collect();
    if names.iter().enumerate().any(|(i, n)| names[i + 1..].contains(n)) && ours_ttl == 0 {
        return Some("duplicate-directive");
    }
    let vary = case.response_headers.iter().filter(|(n, _)| n.eq_ignore_ascii_case("vary"));
    if vary.clone().any(|(_, v)| v.split(',').any(|m| m.trim() == "*")) && ours_ttl == 0 {
        return Some("vary-star-in-list");
    }
    if (cc.contains("stale-while-revalidate") || cc.contains("stale-if-error"))
        && theirs_ttl > ours_ttl
    {
        return Some("stale-windows-in-ttl");
    }
    None
}

fn oracle_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests").join("cache-differential")
}

fn run_oracle(cases: &[Case]) -> BTreeMap<usize, OracleLine> {
    let install =
        "install it with `npm ci --prefix tests/cache-differential` (Node.js 18 or later)";
    let dir = oracle_dir();
    assert!(
        dir.join("node_modules").join("http-cache-semantics").join("package.json").is_file(),
        "the npm package http-cache-semantics is missing from tests/cache-differential/node_modules: {install}"
    );
    let file =
        std::env::temp_dir().join(format!("statuslab-cache-corpus-{}.json", std::process::id()));
    let json = serde_json::to_vec(cases).expect("the corpus serialises");
    std::fs::write(&file, json).expect("the corpus file can be written");
    let output = Command::new("node")
        .arg(dir.join("oracle.mjs"))
        .arg(&file)
        .env("TZ", "UTC")
        .output()
        .unwrap_or_else(|error| {
            panic!("cannot run `node` ({error}): install Node.js, then {install}")
        });
    let _ = std::fs::remove_file(&file);
    assert!(
        output.status.success(),
        "the oracle failed ({}): {}\n{install}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let parsed: OracleLine =
                serde_json::from_str(line).unwrap_or_else(|e| panic!("{e}: {line}"));
            (parsed.id, parsed)
        })
        .collect()
}

#[test]
fn agrees_with_npm_http_cache_semantics() {
    let cases = corpus();
    assert!(cases.len() >= 500);
    let documented = intentional_differences();
    assert!(documented.len() >= 10, "the docs' table of intentional differences was read");
    let oracle = run_oracle(&cases);
    assert_eq!(oracle.len(), cases.len(), "the oracle answered every case");

    let mut comparisons = 0usize;
    let mut agreements = 0usize;
    let mut intentional: BTreeMap<&str, usize> = BTreeMap::new();
    let mut unexplained = Vec::new();
    for case in &cases {
        let analysis: CacheAnalysis = analyze_cache(&exchange(case), UnixTime(case.now_ms / 1000));
        let elapsed = case.now_ms / 1000 - analysis.received_at.0;
        let line = &oracle[&case.id];
        for (shared, ours, theirs) in
            [(true, &analysis.shared, &line.shared), (false, &analysis.private, &line.private)]
        {
            comparisons += 1;
            let ours_ttl = if ours.storable { ours.fresh_for_at(elapsed) } else { 0 };
            let theirs_ttl =
                if theirs.storable { (theirs.ttl_ms / 1000.0).round() as i64 } else { 0 };
            let agree = ours.storable == theirs.storable && (ours_ttl - theirs_ttl).abs() <= 1;
            if agree {
                agreements += 1;
                continue;
            }
            match classify(case, shared, ours, ours_ttl, theirs, theirs_ttl) {
                Some(kind) => *intentional.entry(kind).or_default() += 1,
                None => unexplained.push(format!(
                    "case {} ({} cache): {} {} {:?} {:?}\n  ours: storable={} ttl={ours_ttl} \
                     lifetime={:?} heuristic={}\n  npm:  storable={} ttl={theirs_ttl}\n  steps: {:?}",
                    case.id,
                    if shared { "shared" } else { "private" },
                    case.method,
                    case.status,
                    case.request_headers,
                    case.response_headers,
                    ours.storable,
                    ours.freshness_lifetime_s,
                    ours.heuristic,
                    theirs.storable,
                    ours.reasons.iter().map(|s| s.label.as_str()).collect::<Vec<_>>(),
                )),
            }
        }
    }
    let rate = 100.0 * agreements as f64 / comparisons as f64;
    println!(
        "cache differential: {} cases, {comparisons} comparisons, {agreements} agree ({rate:.1}%)",
        cases.len()
    );
    for (kind, count) in &intentional {
        let why = documented.iter().find(|(k, _)| k == kind).map(|(_, why)| why.as_str());
        let why = why.unwrap_or_else(|| panic!("{kind} is missing from docs/cache-differences.md"));
        println!("  intentional {kind}: {count} — {why}");
    }
    for (kind, _) in &documented {
        assert!(
            documented.iter().filter(|(k, _)| k == kind).count() == 1,
            "{kind} is listed once in docs/cache-differences.md"
        );
    }
    assert!(
        unexplained.is_empty(),
        "{} disagreement(s) with http-cache-semantics that are not intentional:\n{}",
        unexplained.len(),
        unexplained.join("\n")
    );
}

#[test]
fn date_forms_render_as_expected() {
    assert_eq!(imf(NOW + 3_600), "Mon, 24 Nov 2025 17:00:00 GMT");
    assert_eq!(rfc850(NOW + 3_600), "Monday, 24-Nov-25 17:00:00 GMT");
    assert_eq!(asctime(NOW + 3_600), "Mon Nov 24 17:00:00 2025");
    assert_eq!(asctime(NOW - 20 * 86_400), "Tue Nov  4 16:00:00 2025");
}
