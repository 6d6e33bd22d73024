//! Behaviour of the registry as a user meets it: lookups of any number,
//! search by number, name and everyday words, and the per-code facts the
//! later engines (lint, cache, retry) rely on.

use statuslab::core::registry::{
    parse_code, CodeError, Lookup, MatchKind, Registration, Registry, Requirement,
};

fn top_codes(query: &str, n: usize) -> Vec<u16> {
    Registry::global().search(query).iter().take(n).map(|h| h.entry.code).collect()
}

#[test]
fn every_code_from_100_to_599_is_explained() {
    let registry = Registry::global();
    for code in 100..=599 {
        match registry.lookup(code).unwrap_or_else(|e| panic!("{code}: {e}")) {
            Lookup::Known(entry) => assert_eq!(entry.code, code),
            Lookup::UnknownInClass { code: c, class } => {
                assert_eq!(c, code);
                assert_eq!(u16::from(class.digit), code / 100);
            }
        }
    }
}

#[test]
fn numbers_outside_the_classes_are_errors_not_panics() {
    let registry = Registry::global();
    for code in (0..100).chain(600..=1000).chain([u16::MAX]) {
        assert!(matches!(registry.lookup(code), Err(CodeError::OutOfRange(_))), "{code}");
    }
    assert_eq!(parse_code(" 404 "), Ok(404));
    assert_eq!(parse_code(""), Err(CodeError::Empty));
    assert!(matches!(parse_code("4o4"), Err(CodeError::NotANumber(_))));
    assert!(matches!(parse_code("-1"), Err(CodeError::NotANumber(_))));
    assert!(matches!(parse_code("99999999999999999999"), Err(CodeError::OutOfRange(_))));
    let message = parse_code("abc").unwrap_err().to_string();
    assert!(message.contains("expected a status code") && message.contains("\"abc\""), "{message}");
}

#[test]
fn unrecognised_codes_fall_back_to_their_class() {
    let Ok(Lookup::UnknownInClass { class, .. }) = Registry::global().lookup(299) else {
        panic!("299 should be explained by its class");
    };
    assert_eq!(class.name, "Successful");
    assert!(class.spec.url.ends_with("#section-15.3"));
}

#[test]
fn search_by_number() {
    assert_eq!(top_codes("404", 1), [404]);
    let forties = top_codes("42", 50);
    assert!(forties.len() >= 8 && forties.iter().all(|c| (420..430).contains(c)), "{forties:?}");
    let class: Vec<u16> = top_codes("5xx", 100);
    assert!(class.contains(&500) && class.contains(&511) && class.iter().all(|c| c / 100 == 5));
    assert!(top_codes("600", 5).is_empty());
}

#[test]
fn search_by_everyday_words() {
    // Each query is something a person types; the code they want must be
    // among the first three hits.
    for (query, wanted) in [
        ("rate", 429),
        ("rate limit", 429),
        ("throttled", 429),
        ("moved", 301),
        ("login", 401),
        ("too big", 413),
        ("not found", 404),
        ("teapot", 418),
        ("duplicate", 409),
        ("maintenance", 503),
        ("timeout", 504),
        ("permission", 403),
        ("deleted", 410),
        ("validation", 422),
        ("upgrade", 426),
        ("early hints", 103),
        ("unprocessable", 422),
    ] {
        let hits = top_codes(query, 3);
        assert!(hits.contains(&wanted), "{query:?} → {hits:?}, expected {wanted} in the top 3");
    }
}

#[test]
fn search_by_current_and_former_names() {
    assert_eq!(top_codes("Too Many Requests", 1), [429]);
    assert_eq!(top_codes("content too large", 1), [413]);
    let hits = Registry::global().search("payload too large");
    assert_eq!(hits.first().map(|h| (h.entry.code, h.kind)), Some((413, MatchKind::FormerName)));
    assert_eq!(top_codes("Unprocessable Entity", 1), [422]);
}

#[test]
fn search_handles_junk() {
    for query in ["", "   ", "zzzzqqq", "!!!", "💥", "a", "the", "<script>"] {
        let _ = Registry::global().search(query);
    }
    assert!(Registry::global().search("zzzzqqq").is_empty());
}

#[test]
fn required_headers_are_recorded_with_rfc_strength() {
    let registry = Registry::global();
    let level = |code: u16, field: &str| {
        registry
            .entry(code)
            .and_then(|e| e.headers.iter().find(|h| h.name.contains(field)))
            .map(|h| h.level)
    };
    assert_eq!(level(401, "WWW-Authenticate"), Some(Requirement::Must));
    assert_eq!(level(407, "Proxy-Authenticate"), Some(Requirement::Must));
    assert_eq!(level(405, "Allow"), Some(Requirement::Must));
    assert_eq!(level(426, "Upgrade"), Some(Requirement::Must));
    assert_eq!(level(206, "Content-Range"), Some(Requirement::Must));
    assert_eq!(level(416, "Content-Range"), Some(Requirement::Should));
    for code in [201, 301, 302, 303, 307, 308] {
        assert_eq!(level(code, "Location"), Some(Requirement::Should), "{code}");
    }
    for code in [429, 503] {
        assert_eq!(level(code, "Retry-After"), Some(Requirement::May), "{code}");
    }
    assert!(level(415, "Accept").is_some());
    assert!(level(101, "Upgrade").is_some());
}

#[test]
fn registered_entries_are_complete() {
    for entry in Registry::global().entries() {
        let code = entry.code;
        assert!(!entry.keywords.is_empty(), "{code}: no search keywords");
        assert!(!entry.related.is_empty(), "{code}: no related codes");
        if entry.registration != Registration::Unofficial {
            assert!(!entry.confusions.is_empty(), "{code}: no confusion explained");
            assert!(
                entry.spec.doc.starts_with("RFC") || entry.spec.doc.contains("draft"),
                "{code}"
            );
        } else {
            assert!(entry.origin.as_deref().is_some_and(|o| !o.is_empty()), "{code}: no origin");
        }
    }
}

#[test]
fn rfc_links_point_at_the_cited_section() {
    let registry = Registry::global();
    let specs = registry.entries().iter().flat_map(|e| {
        std::iter::once(&e.spec)
            .chain(e.headers.iter().map(|h| &h.spec))
            .chain(e.myths.iter().map(|m| &m.spec))
    });
    for spec in specs.chain(registry.classes().iter().map(|c| &c.spec)) {
        if let Some(number) = spec.doc.strip_prefix("RFC ") {
            assert!(spec.url.contains(&format!("rfc{number}")), "{spec:?}");
            if !spec.section.is_empty() {
                // RFC appendices are lettered and anchored as "appendix-F.3".
                let kind = if spec.section.starts_with(|c: char| c.is_ascii_alphabetic()) {
                    "appendix"
                } else {
                    "section"
                };
                assert!(
                    spec.url.ends_with(&format!("#{kind}-{}", spec.section)),
                    "{spec:?}: link and section disagree"
                );
            }
        }
    }
}

#[test]
fn heuristic_cacheability_matches_the_defining_rfcs() {
    let cacheable: Vec<u16> = Registry::global()
        .entries()
        .iter()
        .filter(|e| e.heuristically_cacheable)
        .map(|e| e.code)
        .collect();
    // RFC 9110 §15.1 lists twelve; RFC 7725 §3 makes 451 cacheable by default too.
    assert_eq!(cacheable, [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501]);
}

#[test]
fn unofficial_codes_name_their_origin() {
    let registry = Registry::global();
    for (code, origin) in
        [(444, "nginx"), (499, "nginx"), (520, "Cloudflare"), (460, "AWS"), (509, "Apache")]
    {
        let entry = registry.entry(code).unwrap_or_else(|| panic!("{code} missing"));
        assert_eq!(entry.registration, Registration::Unofficial, "{code}");
        assert!(
            entry.origin.as_deref().is_some_and(|o| o.contains(origin)),
            "{code}: {:?}",
            entry.origin
        );
    }
}
