//! The cache engine's RFC 9111 rules, one test (or more) per rule, each
//! naming the section it checks.

use statuslab::core::cache::{analyze_cache, CacheAction, CacheAnalysis, CacheVerdict};
use statuslab::core::exchange::{Exchange, Headers, Request, Response};
use statuslab::core::headers::date::{format_imf_fixdate, Timestamp};
use statuslab::core::time::UnixTime;

/// Mon, 24 Nov 2025 16:00:00 GMT.
const NOW: i64 = 1_764_000_000;

fn imf(at: i64) -> String {
    format_imf_fixdate(Timestamp(at))
}

fn headers(fields: &[(&str, &str)]) -> Headers {
    let mut headers = Headers::default();
    for (name, value) in fields {
        headers.push(*name, *value);
    }
    headers
}

fn exchange(
    method: &str,
    request: &[(&str, &str)],
    status: u16,
    response: &[(&str, &str)],
) -> Exchange {
    Exchange {
        request: Request {
            method: method.into(),
            target: "/page".into(),
            headers: headers(request),
            ..Request::default()
        },
        response: Response {
            status,
            reason: None,
            headers: headers(response),
            ..Response::default()
        },
        request_known: true,
    }
}

fn analyze(
    method: &str,
    request: &[(&str, &str)],
    status: u16,
    response: &[(&str, &str)],
) -> CacheAnalysis {
    analyze_cache(&exchange(method, request, status, response), UnixTime(NOW))
}

fn get(status: u16, response: &[(&str, &str)]) -> CacheAnalysis {
    analyze("GET", &[], status, response)
}

fn has_step(verdict: &CacheVerdict, label_part: &str, section: &str) -> bool {
    verdict.reasons.iter().any(|s| s.label.contains(label_part) && s.spec.label.ends_with(section))
}

fn labels(verdict: &CacheVerdict) -> Vec<String> {
    verdict.reasons.iter().map(|s| format!("{} [{}]", s.label, s.spec.label)).collect()
}

// RFC 9111 §3, RFC 9110 §9.2.3: GET and HEAD are cacheable methods.
#[test]
fn rfc9111_3_get_and_head_are_storable() {
    for method in ["GET", "HEAD"] {
        let a = analyze(method, &[], 200, &[("Cache-Control", "max-age=60")]);
        assert!(a.shared.storable && a.private.storable, "{method}");
        assert!(has_step(&a.shared, "is cacheable", "§3"), "{:?}", labels(&a.shared));
    }
}

// RFC 9111 §3: other methods are not understood as cacheable.
#[test]
fn rfc9111_3_put_delete_and_lowercase_get_are_not_storable() {
    for method in ["PUT", "DELETE", "PATCH", "get"] {
        let a = analyze(method, &[], 200, &[("Cache-Control", "max-age=60")]);
        assert!(!a.shared.storable && !a.private.storable, "{method}");
        assert_eq!(a.shared.action_at(0), CacheAction::GoToOrigin);
        assert!(has_step(&a.shared, "not cacheable", "§3"), "{method}: {:?}", labels(&a.shared));
    }
}

// RFC 9110 §9.3.3: POST only with explicit freshness and Content-Location = target.
#[test]
fn rfc9110_9_3_3_post_needs_freshness_and_content_location() {
    let plain = analyze("POST", &[], 200, &[("Cache-Control", "max-age=60")]);
    assert!(!plain.shared.storable && !plain.private.storable);
    assert!(has_step(&plain.shared, "POST", "§9.3.3"));
    let located = analyze(
        "POST",
        &[],
        200,
        &[("Cache-Control", "max-age=60"), ("Content-Location", "/page")],
    );
    assert!(located.shared.storable && located.private.storable);
    let absolute = analyze(
        "POST",
        &[("Host", "example.com")],
        200,
        &[("Expires", &imf(NOW + 60)), ("Content-Location", "https://example.com/page")],
    );
    assert!(absolute.private.storable);
    let elsewhere = analyze(
        "POST",
        &[],
        200,
        &[("Cache-Control", "max-age=60"), ("Content-Location", "/other")],
    );
    assert!(!elsewhere.private.storable);
    let no_freshness = analyze("POST", &[], 200, &[("Content-Location", "/page")]);
    assert!(!no_freshness.private.storable);
}

// RFC 9111 §5.2.1.5: request no-store.
#[test]
fn rfc9111_5_2_1_5_request_no_store() {
    let a =
        analyze("GET", &[("Cache-Control", "no-store")], 200, &[("Cache-Control", "max-age=60")]);
    assert!(!a.shared.storable && !a.private.storable);
    assert!(has_step(&a.private, "Request says no-store", "§5.2.1.5"));
}

// RFC 9110 §15.1 and RFC 9111 §3: understood status, heuristically cacheable or not.
#[test]
fn rfc9110_15_1_status_cacheability() {
    for status in [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 501] {
        let a = get(status, &[]);
        assert!(a.shared.storable, "{status} is heuristically cacheable");
        assert!(has_step(&a.shared, "heuristically cacheable", "§15.1"), "{status}");
    }
    for status in [302, 307, 500, 503] {
        let bare = get(status, &[]);
        assert!(!bare.shared.storable && !bare.private.storable, "{status} bare");
        assert!(has_step(&bare.shared, "Nothing permits storing", "§3"));
        let explicit = get(status, &[("Cache-Control", "max-age=60")]);
        assert!(explicit.shared.storable, "{status} with max-age");
        assert_eq!(explicit.shared.freshness_lifetime_s, Some(60));
    }
    // 304 freshens a stored response rather than being stored (§4.3.4);
    // 1xx is not final; 999 is not understood.
    assert!(!get(304, &[("Cache-Control", "max-age=60")]).shared.storable);
    assert!(has_step(&get(304, &[]).shared, "304", "§4.3.4"));
    assert!(!get(103, &[("Cache-Control", "max-age=60")]).private.storable);
    assert!(!get(799, &[("Cache-Control", "max-age=60")]).private.storable);
}

// RFC 9111 §5.2.2.5: response no-store.
#[test]
fn rfc9111_5_2_2_5_no_store() {
    let a = get(200, &[("Cache-Control", "no-store, max-age=60")]);
    assert!(!a.shared.storable && !a.private.storable);
    assert!(has_step(&a.shared, "no-store", "§5.2.2.5"));
    assert_eq!(a.private.action_at(0), CacheAction::GoToOrigin);
}

// RFC 9111 §5.2.2.7: private, plain and qualified.
#[test]
fn rfc9111_5_2_2_7_private() {
    let plain = get(200, &[("Cache-Control", "private, max-age=60")]);
    assert!(!plain.shared.storable);
    assert!(plain.private.storable);
    assert!(has_step(&plain.shared, "private", "§5.2.2.7"));
    assert_eq!(plain.private.action_at(10), CacheAction::ServeFromCache);

    let qualified = get(200, &[("Cache-Control", "private=\"Set-Cookie\", max-age=60")]);
    assert!(qualified.shared.storable, "{:?}", labels(&qualified.shared));
    assert!(qualified.private.storable);
    let step = qualified.shared.reasons.iter().find(|s| s.label.starts_with("private=")).unwrap();
    assert!(step.detail.contains("Set-Cookie"), "{}", step.detail);
    assert_eq!(step.spec.label, "RFC 9111 §5.2.2.7");

    // private is also a permission to store for a private cache (§3).
    let bare_private = get(500, &[("Cache-Control", "private")]);
    assert!(bare_private.private.storable && !bare_private.shared.storable);
    assert_eq!(bare_private.private.freshness_lifetime_s, None);
    assert_eq!(bare_private.private.action_at(0), CacheAction::RevalidateFirst);
}

// RFC 9111 §5.2.2.9: public makes a non-heuristic status storable and allows a heuristic.
#[test]
fn rfc9111_5_2_2_9_public() {
    let a = get(
        302,
        &[("Cache-Control", "public"), ("Date", &imf(NOW)), ("Last-Modified", &imf(NOW - 1000))],
    );
    assert!(a.shared.storable);
    assert!(has_step(&a.shared, "public", "§5.2.2.9"));
    assert_eq!(a.shared.freshness_lifetime_s, Some(100));
    assert!(a.shared.heuristic);
}

// RFC 9111 §5.2.2.4: no-cache plain and qualified.
#[test]
fn rfc9111_5_2_2_4_no_cache() {
    let plain = get(200, &[("Cache-Control", "no-cache, max-age=600")]);
    assert!(plain.shared.storable && plain.private.storable);
    assert!(plain.shared.windows.no_cache);
    assert_eq!(plain.shared.action_at(0), CacheAction::RevalidateFirst);
    assert!(has_step(&plain.private, "no-cache", "§5.2.2.4"));

    let qualified = get(200, &[("Cache-Control", "no-cache=\"Set-Cookie\", max-age=600")]);
    assert!(!qualified.shared.windows.no_cache);
    assert_eq!(qualified.shared.action_at(0), CacheAction::ServeFromCache);
    assert!(has_step(&qualified.shared, "no-cache=\"Set-Cookie\"", "§5.2.2.4"));
}

// RFC 9111 §3.5: Authorization in the request.
#[test]
fn rfc9111_3_5_authorization() {
    let auth = [("Authorization", "Bearer x")];
    let bare = analyze("GET", &auth, 200, &[("Cache-Control", "max-age=60")]);
    assert!(!bare.shared.storable);
    assert!(bare.private.storable);
    assert!(has_step(&bare.shared, "Authorization", "§3.5"));
    for allow in ["public, max-age=60", "s-maxage=60", "must-revalidate, max-age=60"] {
        let a = analyze("GET", &auth, 200, &[("Cache-Control", allow)]);
        assert!(a.shared.storable, "{allow}: {:?}", labels(&a.shared));
        let step = a.shared.reasons.iter().find(|s| s.label.contains("Authorization")).unwrap();
        assert!(step.detail.contains(allow.split(',').next().unwrap().split('=').next().unwrap()));
    }
    // Without a request, no Authorization is assumed.
    let mut only_response = exchange("GET", &auth, 200, &[("Cache-Control", "max-age=60")]);
    only_response.request_known = false;
    assert!(analyze_cache(&only_response, UnixTime(NOW)).shared.storable);
}

// RFC 9111 §7.3: Set-Cookie does not inhibit caching (a note).
#[test]
fn rfc9111_7_3_set_cookie_is_a_note() {
    let a = get(200, &[("Cache-Control", "max-age=60"), ("Set-Cookie", "a=b")]);
    assert!(a.shared.storable);
    assert_eq!(a.shared.freshness_lifetime_s, Some(60));
    assert!(has_step(&a.shared, "Set-Cookie", "§7.3"));
}

// RFC 9111 §4.1: Vary: * is never reusable; other Vary is a secondary key.
#[test]
fn rfc9111_4_1_vary() {
    let star = get(200, &[("Cache-Control", "max-age=60"), ("Vary", "*")]);
    assert!(has_step(&star.shared, "Vary: *", "§4.1"));
    assert_ne!(star.shared.action_at(0), CacheAction::ServeFromCache);
    assert_ne!(star.private.action_at(0), CacheAction::ServeFromCache);
    assert_eq!(star.shared.fresh_for_at(0), 0);
    let list = get(200, &[("Cache-Control", "max-age=60"), ("Vary", "Accept-Encoding, *")]);
    assert_ne!(list.private.action_at(0), CacheAction::ServeFromCache);
    let normal = get(200, &[("Cache-Control", "max-age=60"), ("Vary", "Accept-Encoding")]);
    assert_eq!(normal.shared.action_at(0), CacheAction::ServeFromCache);
    assert!(has_step(&normal.shared, "Vary: Accept-Encoding", "§4.1"));
}

// RFC 9111 §4.2.1: precedence s-maxage > max-age > Expires for shared; max-age > Expires for private.
#[test]
fn rfc9111_4_2_1_precedence() {
    let date = imf(NOW);
    let expires = imf(NOW + 7200);
    let all = get(
        200,
        &[("Cache-Control", "s-maxage=30, max-age=60"), ("Date", &date), ("Expires", &expires)],
    );
    assert_eq!(all.shared.freshness_lifetime_s, Some(30));
    assert_eq!(all.private.freshness_lifetime_s, Some(60));
    assert!(has_step(&all.shared, "s-maxage", "§5.2.2.10"));
    assert!(has_step(&all.private, "s-maxage ignored", "§5.2.2.10"));
    assert!(has_step(&all.private, "max-age", "§5.2.2.1"));
    let expires_only = get(200, &[("Date", &date), ("Expires", &expires)]);
    assert_eq!(expires_only.shared.freshness_lifetime_s, Some(7200));
    assert!(has_step(&expires_only.shared, "Expires - Date", "§4.2.1"));
    assert!(!expires_only.shared.heuristic);
}

// RFC 9111 §4.2.1 with RFC 9110 §5.6.7: Expires in all three date forms.
#[test]
fn rfc9111_4_2_1_expires_three_forms() {
    // Date: Mon, 24 Nov 2025 16:00:00 GMT; Expires one hour later.
    let date = imf(NOW);
    for expires in [
        "Mon, 24 Nov 2025 17:00:00 GMT",
        "Monday, 24-Nov-25 17:00:00 GMT",
        "Mon Nov 24 17:00:00 2025",
    ] {
        let a = get(200, &[("Date", &date), ("Expires", expires)]);
        assert_eq!(a.shared.freshness_lifetime_s, Some(3600), "{expires}");
        assert_eq!(a.private.freshness_lifetime_s, Some(3600), "{expires}");
    }
    let asctime = get(200, &[("Date", &date), ("Expires", "Mon Nov 24 17:00:00 2025")]);
    assert!(asctime.shared.reasons.iter().any(|s| s.detail.contains("obsolete asctime")));
}

// RFC 9111 §5.3, §4.2.1: invalid and past Expires mean stale, not unknown.
#[test]
fn rfc9111_5_3_invalid_and_past_expires_are_stale() {
    for invalid in ["0", "-1", "tomorrow", ""] {
        let a = get(200, &[("Date", &imf(NOW)), ("Expires", invalid)]);
        assert!(a.shared.storable, "{invalid:?}");
        let lifetime = a.shared.freshness_lifetime_s.unwrap();
        assert!(lifetime <= 0, "{invalid:?}: {lifetime}");
        assert!(!a.shared.heuristic);
        assert!(has_step(&a.shared, "invalid Expires", "§5.3"), "{:?}", labels(&a.shared));
        assert_eq!(a.shared.action_at(0), CacheAction::RevalidateFirst);
    }
    let past = get(
        200,
        &[
            ("Date", &imf(NOW)),
            ("Expires", &imf(NOW - 3600)),
            ("Last-Modified", &imf(NOW - 86_400)),
        ],
    );
    assert_eq!(past.shared.freshness_lifetime_s, Some(-3600));
    assert!(!past.shared.heuristic, "explicit expiration wins over the heuristic");
    assert_eq!(past.private.action_at(0), CacheAction::RevalidateFirst);
    // Two different Expires values are invalid (§4.2.1).
    let twice = get(200, &[("Expires", &imf(NOW + 60)), ("Expires", &imf(NOW + 120))]);
    assert_eq!(twice.shared.freshness_lifetime_s, Some(0));
}

// RFC 9111 §4.2.1: duplicate and invalid directive values.
#[test]
fn rfc9111_4_2_1_duplicates_and_invalid_values() {
    let same = get(200, &[("Cache-Control", "max-age=60, max-age=60")]);
    assert_eq!(same.private.freshness_lifetime_s, Some(60));
    let differing = get(200, &[("Cache-Control", "max-age=60"), ("Cache-Control", "max-age=120")]);
    assert_eq!(differing.private.freshness_lifetime_s, Some(0));
    assert!(differing.private.reasons.iter().any(|s| s.detail.contains("stricter reading, stale")));
    for bad in ["max-age=abc", "max-age=-5", "max-age", "max-age=1.5"] {
        let a = get(200, &[("Cache-Control", bad), ("Expires", &imf(NOW + 3600))]);
        assert_eq!(a.private.freshness_lifetime_s, Some(0), "{bad}");
    }
    let quoted = get(200, &[("Cache-Control", "max-age=\"60\"")]);
    assert_eq!(quoted.private.freshness_lifetime_s, Some(60));
}

// RFC 9111 §4.2.2: heuristic freshness from Last-Modified, 10% with a cap.
#[test]
fn rfc9111_4_2_2_heuristic() {
    let a = get(200, &[("Date", &imf(NOW)), ("Last-Modified", &imf(NOW - 10 * 3600))]);
    assert!(a.shared.heuristic && a.private.heuristic);
    assert_eq!(a.shared.freshness_lifetime_s, Some(3600));
    assert!(has_step(&a.shared, "Heuristic", "§4.2.2"));
    let step = a.shared.reasons.iter().find(|s| s.label.starts_with("Heuristic")).unwrap();
    assert!(step.detail.contains("10%"), "{}", step.detail);
    let old = get(200, &[("Date", &imf(NOW)), ("Last-Modified", &imf(NOW - 365 * 86_400))]);
    assert_eq!(old.shared.freshness_lifetime_s, Some(statuslab::core::cache::HEURISTIC_CAP_S));
    assert!(old.shared.reasons.iter().any(|s| s.detail.contains("capped at 7 days")));
    // Not heuristically cacheable: no heuristic.
    let redirect = get(302, &[("Date", &imf(NOW)), ("Last-Modified", &imf(NOW - 3600))]);
    assert_eq!(redirect.shared.freshness_lifetime_s, None);
    assert!(!redirect.shared.heuristic);
    // No Last-Modified: storable, no lifetime at all.
    let none = get(200, &[("Date", &imf(NOW))]);
    assert!(none.shared.storable);
    assert_eq!(none.shared.freshness_lifetime_s, None);
    assert_eq!(none.shared.action_at(0), CacheAction::RevalidateFirst);
}

// RFC 9111 §4.2.3: current age from Age and Date.
#[test]
fn rfc9111_4_2_3_age() {
    let a = analyze_cache(
        &exchange(
            "GET",
            &[],
            200,
            &[("Date", &imf(NOW - 100)), ("Age", "50"), ("Cache-Control", "max-age=600")],
        ),
        UnixTime(NOW),
    );
    assert_eq!(a.received_at, UnixTime(NOW - 100));
    assert_eq!(a.age_s, 150);
    assert_eq!(a.shared.windows.fresh_until_s, Some(550));
    assert_eq!(a.shared.fresh_for_at(100), 450);
    assert!(has_step(&a.shared, "Current age", "§4.2.3"));
    let step = a.shared.reasons.iter().find(|s| s.label.starts_with("Current age")).unwrap();
    assert!(step.detail.contains("Date"), "{}", step.detail);
    let no_date = get(200, &[("Age", "30")]);
    assert_eq!(no_date.received_at, UnixTime(NOW));
    assert_eq!(no_date.age_s, 30);
    let step = no_date.shared.reasons.iter().find(|s| s.label.starts_with("Current age")).unwrap();
    assert!(step.detail.contains("no Date"), "{}", step.detail);
    let bad_age = get(200, &[("Age", "soon")]);
    assert_eq!(bad_age.age_s, 0);
}

// RFC 9111 §4.2.4, §5.2.2.2, RFC 5861: action_at around max-age, SWR and must-revalidate.
#[test]
fn action_at_timeline() {
    let a =
        get(200, &[("Cache-Control", "max-age=60, stale-while-revalidate=30, stale-if-error=300")]);
    let v = &a.shared;
    assert_eq!(v.windows.fresh_until_s, Some(60));
    assert_eq!(v.windows.stale_while_revalidate_until_s, Some(90));
    assert_eq!(v.windows.stale_if_error_until_s, Some(360));
    assert_eq!(v.action_at(0), CacheAction::ServeFromCache);
    assert_eq!(v.action_at(59), CacheAction::ServeFromCache);
    assert_eq!(v.action_at(60), CacheAction::ServeStaleWhileRevalidating);
    assert_eq!(v.action_at(89), CacheAction::ServeStaleWhileRevalidating);
    assert_eq!(v.action_at(90), CacheAction::RevalidateFirst);
    assert!(has_step(v, "stale-while-revalidate=30", "§3"));
    assert!(has_step(v, "stale-if-error=300", "§4"));

    let strict =
        get(200, &[("Cache-Control", "max-age=60, must-revalidate, stale-while-revalidate=30")]);
    assert!(strict.private.windows.must_revalidate);
    assert_eq!(strict.private.windows.stale_while_revalidate_until_s, None);
    assert_eq!(strict.private.action_at(30), CacheAction::ServeFromCache);
    assert_eq!(strict.private.action_at(61), CacheAction::RevalidateFirst);
    assert!(has_step(&strict.private, "must-revalidate", "§5.2.2.2"));

    // proxy-revalidate and s-maxage bind shared caches only.
    let proxy =
        get(200, &[("Cache-Control", "max-age=60, proxy-revalidate, stale-while-revalidate=30")]);
    assert!(proxy.shared.windows.must_revalidate && !proxy.private.windows.must_revalidate);
    assert_eq!(proxy.shared.action_at(70), CacheAction::RevalidateFirst);
    assert_eq!(proxy.private.action_at(70), CacheAction::ServeStaleWhileRevalidating);
    let s_maxage = get(200, &[("Cache-Control", "s-maxage=60")]);
    assert!(s_maxage.shared.windows.must_revalidate);
    assert!(has_step(&s_maxage.shared, "implies proxy-revalidate", "§5.2.2.10"));
}

// RFC 8246 §2: immutable is a note; it does not extend freshness.
#[test]
fn rfc8246_immutable_is_a_note() {
    let a = get(200, &[("Cache-Control", "max-age=60, immutable")]);
    assert_eq!(a.private.freshness_lifetime_s, Some(60));
    assert!(has_step(&a.private, "immutable", "§2"));
}

// RFC 9111 §4.3.1, §4.3.4: validators and the conditional request.
#[test]
fn rfc9111_4_3_validators() {
    let lm = imf(NOW - 3600);
    let a = get(200, &[("ETag", "W/\"v1\""), ("Last-Modified", &lm)]);
    assert_eq!(a.validators.etag.as_deref(), Some("W/\"v1\""));
    assert!(a.validators.weak);
    assert_eq!(a.validators.last_modified.as_deref(), Some(lm.as_str()));
    assert_eq!(
        a.validators.conditional_request,
        vec![
            ("If-None-Match".to_string(), "W/\"v1\"".to_string()),
            ("If-Modified-Since".to_string(), lm.clone())
        ]
    );
    assert!(a.validators.after_304.contains("304"));
    let none = get(200, &[]);
    assert!(none.validators.conditional_request.is_empty());
    assert!(none.validators.after_304.contains("No validator"));
}

// RFC 9213 and RFC 9211: targeted fields and Cache-Status.
#[test]
fn rfc9213_and_rfc9211_targeted_fields() {
    let a = get(
        200,
        &[
            ("CDN-Cache-Control", "max-age=600"),
            ("Cloudflare-CDN-Cache-Control", "max-age=60"),
            ("Cache-Status", "ExampleCDN; fwd=uri-miss; stored, BrowserCache; hit; ttl=30"),
        ],
    );
    assert_eq!(a.targeted.len(), 3);
    assert_eq!(a.targeted[0].spec.label, "RFC 9213 §3");
    assert!(a.targeted[0].explanation.contains("max-age"));
    assert_eq!(a.targeted[1].spec.label, "RFC 9213 §2");
    assert_eq!(a.targeted[2].spec.label, "RFC 9211 §2");
    assert!(a.targeted[2].explanation.contains("nothing stored for this URI"));
    assert!(a.targeted[2].explanation.contains("hit"));
}

// The library's answer is recorded, and differences are explained.
#[test]
fn library_verdict_and_differences() {
    let same = get(200, &[("Cache-Control", "max-age=60")]);
    let library = same.library.clone().unwrap();
    assert!(library.shared_storable && library.private_storable);
    assert_eq!(library.shared_ttl_s, 60);
    assert!(library.differs.is_empty(), "{:?}", library.differs);
    let post = analyze("POST", &[], 200, &[("Cache-Control", "max-age=60")]);
    let library = post.library.unwrap();
    assert!(library.shared_storable);
    assert!(library.differs.iter().any(|d| d.contains("§9.3.3")), "{:?}", library.differs);
}

// The analysis serialises with kebab-case enums and round-trips.
#[test]
fn serde_round_trip() {
    let a = get(200, &[("Cache-Control", "max-age=60, stale-while-revalidate=30")]);
    let json = serde_json::to_string(&a).unwrap();
    let back: CacheAnalysis = serde_json::from_str(&json).unwrap();
    assert_eq!(back, a);
    assert_eq!(
        serde_json::to_string(&CacheAction::ServeStaleWhileRevalidating).unwrap(),
        "\"serve-stale-while-revalidating\""
    );
}

// No input panics.
#[test]
fn hostile_inputs_do_not_panic() {
    let big = "9".repeat(40);
    let cases: Vec<Vec<(&str, String)>> = vec![
        vec![("Age", big.clone()), ("Cache-Control", format!("max-age={big}"))],
        vec![
            ("Age", "18446744073709551615".into()),
            ("Date", "Thu, 01 Jan 1970 00:00:00 GMT".into()),
        ],
        vec![
            ("Date", "Fri, 31 Dec 9999 23:59:59 GMT".into()),
            ("Expires", "Sat, 01 Jan 0000 00:00:00 GMT".into()),
        ],
        vec![
            ("Last-Modified", "Sat, 01 Jan 0000 00:00:00 GMT".into()),
            ("Date", "Fri, 31 Dec 9999 23:59:59 GMT".into()),
        ],
        vec![
            ("Cache-Control", "s-maxage=\"".into()),
            ("Vary", ",,,".into()),
            ("Cache-Status", ";;;=".into()),
        ],
        vec![
            ("Cache-Control", "max-age=60, stale-while-revalidate=99999999999999".into()),
            ("Age", "2147483648".into()),
        ],
    ];
    for fields in cases {
        let borrowed: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
        for now in [i64::MIN, -1, 0, NOW, i64::MAX] {
            let a = analyze_cache(
                &exchange("GET", &[("Authorization", "x")], 200, &borrowed),
                UnixTime(now),
            );
            for t in [i64::MIN, 0, i64::MAX] {
                let _ = a.shared.action_at(t);
                let _ = a.private.fresh_for_at(t);
            }
        }
    }
    for status in [0, 1, 99, 100, 599, 600, 999, 1000, u16::MAX] {
        let _ = analyze_cache(&exchange("G E T", &[], status, &[]), UnixTime(NOW));
    }
}
