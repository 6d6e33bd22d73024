use super::verdict::describe;
use super::*;
use crate::exchange::{Headers, Request, Response};
use crate::headers::date::{format_imf_fixdate, Timestamp};

const NOW: i64 = 1_764_000_000;

fn exchange(
    method: &str,
    request: &[(&str, &str)],
    status: u16,
    response: &[(&str, &str)],
) -> Exchange {
    let mut req = Headers::default();
    for (n, v) in request {
        req.push(*n, *v);
    }
    let mut res = Headers::default();
    for (n, v) in response {
        res.push(*n, *v);
    }
    Exchange {
        request: Request {
            method: method.into(),
            target: "/a".into(),
            headers: req,
            ..Request::default()
        },
        response: Response { status, reason: None, headers: res, ..Response::default() },
        request_known: true,
    }
}

fn get(response: &[(&str, &str)]) -> CacheAnalysis {
    analyze_cache(&exchange("GET", &[], 200, response), UnixTime(NOW))
}

fn sections(verdict: &CacheVerdict) -> Vec<String> {
    verdict.reasons.iter().map(|s| s.spec.label.clone()).collect()
}

#[test]
fn rfc9111_3_chain_starts_with_method_and_status() {
    let a = get(&[("Cache-Control", "max-age=60")]);
    let s = sections(&a.shared);
    assert_eq!(s[0], "RFC 9111 §3");
    assert_eq!(s[1], "RFC 9110 §15.1");
    assert!(s.contains(&"RFC 9111 §4.2.3".to_string()));
}

#[test]
fn rfc9111_3_unknown_request_assumes_get() {
    let mut e =
        exchange("POST", &[("Authorization", "x")], 200, &[("Cache-Control", "max-age=60")]);
    e.request_known = false;
    let a = analyze_cache(&e, UnixTime(NOW));
    assert!(a.shared.storable && a.private.storable);
    assert!(a.shared.reasons[0].label.contains("GET assumed"));
}

#[test]
fn rfc9110_9_3_3_content_location_forms() {
    let post = |location: &str, host: Option<&str>| {
        let request: Vec<(&str, &str)> = host.map(|h| vec![("Host", h)]).unwrap_or_default();
        let e = exchange(
            "POST",
            &request,
            200,
            &[("Cache-Control", "max-age=5"), ("Content-Location", location)],
        );
        analyze_cache(&e, UnixTime(NOW)).private.storable
    };
    assert!(post("/a", None));
    assert!(post("http://example.com/a", Some("example.com")));
    assert!(!post("http://other.example/a", Some("example.com")));
    assert!(!post("/b", None));
    assert!(!post("a", None));
}

#[test]
fn rfc9111_4_2_1_invalid_s_maxage_is_stale_for_shared_only() {
    let a = get(&[("Cache-Control", "s-maxage=soon, max-age=60")]);
    assert_eq!(a.shared.freshness_lifetime_s, Some(0));
    assert_eq!(a.private.freshness_lifetime_s, Some(60));
}

#[test]
fn rfc9111_4_2_2_heuristic_needs_last_modified_before_date() {
    let date = format_imf_fixdate(Timestamp(NOW));
    let later = format_imf_fixdate(Timestamp(NOW + 60));
    let a = get(&[("Date", &date), ("Last-Modified", &later)]);
    assert_eq!(a.shared.freshness_lifetime_s, Some(0));
    assert!(a.shared.heuristic);
}

#[test]
fn rfc9111_4_2_3_future_date_does_not_make_age_negative() {
    let date = format_imf_fixdate(Timestamp(NOW + 600));
    let a = get(&[("Date", &date), ("Cache-Control", "max-age=60")]);
    assert_eq!(a.age_s, 0);
    assert_eq!(a.received_at, UnixTime(NOW + 600));
}

#[test]
fn rfc5861_stale_if_error_without_lifetime_has_no_window() {
    let a = analyze_cache(
        &exchange("GET", &[], 200, &[("Cache-Control", "stale-if-error=60")]),
        UnixTime(NOW),
    );
    assert_eq!(a.shared.windows.stale_if_error_until_s, None);
    assert!(a.shared.reasons.iter().any(|s| s.spec.label == "RFC 5861 §4"));
}

#[test]
fn rfc9111_5_4_pragma_in_response_is_ignored() {
    let a = get(&[("Pragma", "no-cache"), ("Expires", &format_imf_fixdate(Timestamp(NOW + 60)))]);
    assert!(!a.private.windows.no_cache);
    assert_eq!(a.private.action_at(0), CacheAction::ServeFromCache);
    assert!(sections(&a.private).contains(&"RFC 9111 §5.4".to_string()));
}

#[test]
fn action_at_and_fresh_for_at_agree() {
    let a = get(&[("Cache-Control", "max-age=100"), ("Age", "40")]);
    let v = &a.private;
    assert_eq!(v.windows.fresh_until_s, Some(60));
    assert_eq!(v.fresh_for_at(0), 60);
    assert_eq!(v.fresh_for_at(59), 1);
    assert_eq!(v.fresh_for_at(60), 0);
    assert_eq!(v.action_at(60), CacheAction::RevalidateFirst);
}

#[test]
fn durations_read_naturally() {
    assert_eq!(describe(59), "59 s");
    assert_eq!(describe(600), "10 min");
    assert_eq!(describe(7_200), "2 h");
    assert_eq!(describe(-86_400 * 3), "-3 days");
    assert_eq!(describe(i64::MIN), "-106751991167300 days");
}
