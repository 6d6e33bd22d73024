//! The client matrix of the retry advice: each real client's documented
//! default (data/retry-clients.json), reproduced on the codes the data
//! claims, and where it departs from the RFC-based verdict.

use statuslab::core::exchange::{Exchange, Headers, Request, Response};
use statuslab::core::retry::{
    advise, client_policies, BackoffSettings, ClientPolicy, ClientVerdict, PolicyKind, Verdict,
};
use statuslab::core::time::UnixTime;

/// Sun, 06 Nov 1994 08:49:37 GMT.
const NOW: UnixTime = UnixTime(784_111_777);

fn headers(fields: &[(&str, &str)]) -> Headers {
    let mut headers = Headers::default();
    for (name, value) in fields {
        headers.push(*name, *value);
    }
    headers
}

fn exchange(method: &str, status: u16, response: &[(&str, &str)]) -> Exchange {
    let (request_fields, response_fields): (Vec<_>, Vec<_>) = response
        .iter()
        .copied()
        .partition(|(name, _)| name.eq_ignore_ascii_case("idempotency-key"));
    Exchange {
        request: Request {
            method: method.into(),
            headers: headers(&request_fields),
            ..Request::default()
        },
        response: Response {
            status,
            reason: None,
            headers: headers(&response_fields),
            ..Response::default()
        },
        request_known: true,
    }
}

/// What client `id` would do; an Idempotency-Key in `fields` goes on the request.
fn client(id: &str, method: &str, status: u16, fields: &[(&str, &str)]) -> ClientVerdict {
    let advice = advise(&exchange(method, status, fields), NOW, &BackoffSettings::default());
    advice.clients.into_iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no client {id}"))
}

fn retries(id: &str, method: &str, status: u16) -> bool {
    client(id, method, status, &[]).would_retry
}

fn policy(id: &str) -> &'static ClientPolicy {
    client_policies().iter().find(|p| p.id == id).unwrap_or_else(|| panic!("no policy {id}"))
}

fn departs(verdict: &ClientVerdict) -> &str {
    verdict.departs_from_rfc.as_deref().unwrap_or("")
}

/// Every row's own lists hold: listed statuses are retried (for an allowed
/// method), excepted ones are not, Retry-After-only ones need the field.
#[test]
fn every_row_reproduces_the_codes_its_data_claims() {
    for policy in client_policies() {
        if policy.kind == PolicyKind::GrpcMapping || !policy.retries_by_default {
            for status in [200, 408, 429, 500, 502, 503, 504] {
                assert!(!retries(&policy.id, "GET", status), "{} retried {status}", policy.id);
            }
            continue;
        }
        let method = policy.methods.as_ref().and_then(|m| m.first()).map_or("GET", String::as_str);
        for &status in &policy.statuses {
            assert!(retries(&policy.id, method, status), "{} should retry {status}", policy.id);
        }
        for [low, high] in &policy.status_ranges {
            for status in [*low, *high, low.saturating_add(1)] {
                let expected = !policy.except_statuses.contains(&status);
                assert_eq!(retries(&policy.id, method, status), expected, "{} {status}", policy.id);
            }
        }
        for &status in &policy.except_statuses {
            assert!(!retries(&policy.id, method, status), "{} must not retry {status}", policy.id);
        }
        for &status in &policy.statuses_with_retry_after {
            assert!(
                client(&policy.id, method, status, &[("Retry-After", "1")]).would_retry,
                "{} {status}",
                policy.id
            );
            assert!(
                !retries(&policy.id, method, status),
                "{} {status} without Retry-After",
                policy.id
            );
        }
        assert!(!retries(&policy.id, method, 200), "{} retried a 200", policy.id);
        assert!(client(&policy.id, method, 200, &[]).source.starts_with("https://"));
    }
}

#[test]
fn urllib3_retries_413_429_503_only_with_retry_after_and_caps_it() {
    // urllib3 Retry: status_forcelist=None, RETRY_AFTER_STATUS_CODES, DEFAULT_ALLOWED_METHODS.
    for status in [413, 429, 503] {
        assert!(!retries("urllib3", "GET", status), "{status} without Retry-After");
        let with = client("urllib3", "GET", status, &[("Retry-After", "5")]);
        assert!(with.would_retry, "{status}");
        assert_eq!(with.delay.as_deref(), Some("Retry-After: 5 s"));
    }
    for status in [408, 500, 502, 504] {
        assert!(!retries("urllib3", "GET", status), "{status}: status_forcelist is empty");
    }
    // A GET 502 the RFCs would retry: a departure.
    assert!(departs(&client("urllib3", "GET", 502, &[])).contains("does not retry"));
    // POST is not in allowed_methods.
    let post = client("urllib3", "POST", 503, &[("Retry-After", "5")]);
    assert!(!post.would_retry);
    assert_eq!(post.departs_from_rfc, None, "being more cautious about POST is not a departure");
    assert!(post.note.contains("More cautious"), "{}", post.note);
    // Retry-After is capped at 21600 s.
    let long = client("urllib3", "GET", 503, &[("Retry-After", "86400")]);
    assert!(long.would_retry);
    assert!(
        long.delay.as_deref().is_some_and(|d| d.contains("capped: 21600 s")),
        "{:?}",
        long.delay
    );
    assert!(departs(&long).contains("caps Retry-After"));
    assert_eq!(policy("urllib3").retry_after.cap_s, Some(21_600));
    // An unreadable value raises InvalidHeader instead of retrying.
    let garbage = client("urllib3", "GET", 503, &[("Retry-After", "soon")]);
    assert!(!garbage.would_retry && garbage.note.contains("InvalidHeader"));
    // Dates are measured against the local clock, not Date.
    let skewed = client(
        "urllib3",
        "GET",
        503,
        &[
            ("Date", "Sun, 06 Nov 1994 07:49:37 GMT"),
            ("Retry-After", "Sun, 06 Nov 1994 07:51:37 GMT"),
        ],
    );
    assert!(departs(&skewed).contains("local clock"), "{skewed:?}");
}

#[test]
fn go_retryablehttp_retries_5xx_but_501_and_429_with_any_method() {
    // go-retryablehttp baseRetryPolicy and DefaultBackoff.
    for status in [429, 500, 502, 503, 504, 507, 599] {
        assert!(retries("go-retryablehttp", "GET", status), "{status}");
    }
    for status in [400, 404, 408, 409, 501] {
        assert!(!retries("go-retryablehttp", "GET", status), "{status}");
    }
    let post = client("go-retryablehttp", "POST", 502, &[]);
    assert!(post.would_retry);
    assert!(departs(&post).contains("not idempotent"), "{post:?}");
    let keyed = client("go-retryablehttp", "POST", 502, &[("Idempotency-Key", "\"k\"")]);
    assert_eq!(keyed.departs_from_rfc, None, "a keyed POST may be retried");
    let waited = client("go-retryablehttp", "GET", 429, &[("Retry-After", "10")]);
    assert_eq!(waited.delay.as_deref(), Some("Retry-After: 10 s"));
    // Only IMF-fixdate parses (time.RFC1123); an RFC 850 date falls back to backoff.
    let obsolete = client(
        "go-retryablehttp",
        "GET",
        503,
        &[("Retry-After", "Sunday, 06-Nov-94 08:51:37 GMT")],
    );
    assert!(obsolete.would_retry && departs(&obsolete).contains("cannot read"), "{obsolete:?}");
    // Retry-After is read for 429 and 503 only.
    assert!(departs(&client("go-retryablehttp", "GET", 502, &[("Retry-After", "30")]))
        .contains("ignores Retry-After"));
}

#[test]
fn aws_standard_mode_retries_500_502_503_504_but_not_429_by_status() {
    // botocore retries/standard.py: _TRANSIENT_STATUS_CODES.
    for status in [500, 502, 503, 504] {
        assert!(retries("aws-sdk-standard", "GET", status), "{status}");
    }
    for status in [408, 429, 501, 505] {
        assert!(!retries("aws-sdk-standard", "GET", status), "{status}");
    }
    assert!(departs(&client("aws-sdk-standard", "GET", 429, &[])).contains("does not retry"));
    assert!(departs(&client("aws-sdk-standard", "POST", 500, &[])).contains("not idempotent"));
    let ignored = client("aws-sdk-standard", "GET", 503, &[("Retry-After", "20")]);
    assert!(departs(&ignored).contains("ignores Retry-After"));
    assert!(!ignored.verified, "the Retry-After claim is marked unverified");
    assert!(ignored.note.contains("Not verified"));
}

#[test]
fn google_cloud_retries_408_429_5xx_for_idempotent_operations() {
    // cloud.google.com/storage/docs/retry-strategy.
    for status in [408, 429, 500, 502, 503, 504, 501] {
        assert!(retries("google-cloud", "GET", status), "{status}");
        assert!(!retries("google-cloud", "POST", status), "POST {status}");
    }
    assert!(!retries("google-cloud", "GET", 404));
    assert!(departs(&client("google-cloud", "GET", 501, &[])).contains("will not change"));
}

#[test]
fn polly_handles_5xx_and_408_but_not_429() {
    // Polly.Extensions.Http HandleTransientHttpError.
    for status in [408, 500, 501, 503, 599] {
        assert!(retries("polly-transient", "GET", status), "{status}");
    }
    assert!(!retries("polly-transient", "GET", 429));
    assert!(departs(&client("polly-transient", "GET", 505, &[])).contains("will not change"));
}

#[test]
fn microsoft_resilience_adds_429_and_reads_retry_after() {
    // Microsoft.Extensions.Http.Resilience IsTransientHttpFailure + ShouldRetryAfterHeader.
    for status in [408, 429, 500, 503, 504] {
        assert!(retries("ms-http-resilience", "GET", status), "{status}");
    }
    assert!(!retries("ms-http-resilience", "GET", 409));
    let waited = client("ms-http-resilience", "GET", 429, &[("Retry-After", "7")]);
    assert_eq!(waited.delay.as_deref(), Some("Retry-After: 7 s"));
    assert!(departs(&client("ms-http-resilience", "PATCH", 500, &[])).contains("not idempotent"));
    assert!(!policy("ms-http-resilience").verified(), "attempt defaults are marked unverified");
}

#[test]
fn reqwest_retry_treats_5xx_408_429_as_transient_and_ignores_retry_after() {
    // reqwest-retry default_on_request_success.
    for status in [408, 429, 500, 501, 503, 599] {
        assert!(retries("reqwest-retry", "GET", status), "{status}");
    }
    for status in [400, 404, 409, 425] {
        assert!(!retries("reqwest-retry", "GET", status), "{status}");
    }
    let waited = client("reqwest-retry", "GET", 429, &[("Retry-After", "30")]);
    assert!(departs(&waited).contains("ignores Retry-After"));
    assert!(waited.delay.as_deref().is_some_and(|d| d.contains("ExponentialBackoff")));
}

#[test]
fn envoy_retries_nothing_by_default_and_what_each_retry_on_names() {
    // Envoy router filter: no retry policy, no retries; x-envoy-retry-on values.
    for status in [409, 425, 500, 502, 503, 504] {
        assert!(!retries("envoy-default", "GET", status), "{status}");
    }
    for status in [500, 501, 502, 503, 504, 599] {
        assert!(retries("envoy-5xx", "GET", status), "5xx {status}");
    }
    assert!(departs(&client("envoy-5xx", "GET", 501, &[])).contains("will not change"));
    assert!(!retries("envoy-gateway-error", "GET", 500));
    for status in [502, 503, 504] {
        assert!(retries("envoy-gateway-error", "GET", status), "gateway-error {status}");
    }
    let conflict = client("envoy-retriable-4xx", "PUT", 409, &[]);
    assert!(conflict.would_retry);
    assert!(departs(&conflict).contains("resolve the conflict"), "{conflict:?}");
    assert!(!retries("envoy-retriable-4xx", "PUT", 408));
}

#[test]
fn browsers_retry_only_421_once() {
    // Fetch Standard, HTTP-network-or-cache fetch.
    let misdirected = client("browser-fetch", "POST", 421, &[]);
    assert!(misdirected.would_retry);
    assert_eq!(misdirected.departs_from_rfc, None, "RFC 9110 §15.5.20 allows it for any method");
    for status in [408, 425, 429, 500, 503] {
        let verdict = client("browser-fetch", "GET", status, &[("Retry-After", "1")]);
        assert!(!verdict.would_retry, "{status}");
        assert_eq!(
            verdict.departs_from_rfc, None,
            "not retrying is the page's choice, not a departure"
        );
    }
}

#[test]
fn grpc_maps_http_statuses_and_retries_nothing_by_default() {
    // grpc/doc/http-grpc-status-mapping.md; gRFC A6.
    for (status, code) in [
        (400, "INTERNAL"),
        (401, "UNAUTHENTICATED"),
        (403, "PERMISSION_DENIED"),
        (404, "UNIMPLEMENTED"),
        (429, "UNAVAILABLE"),
        (431, "INTERNAL"),
        (502, "UNAVAILABLE"),
        (503, "UNAVAILABLE"),
        (504, "UNAVAILABLE"),
        (200, "UNKNOWN"),
        (500, "UNKNOWN"),
        (418, "UNKNOWN"),
    ] {
        let verdict = client("grpc", "POST", status, &[]);
        assert!(
            verdict.note.contains(&format!("HTTP {status} as {code}")),
            "{status}: {}",
            verdict.note
        );
        assert!(!verdict.would_retry);
        assert_eq!(verdict.delay, None);
    }
    assert!(client("grpc", "GET", 100, &[]).note.contains("1xx"));
}

#[test]
fn client_rows_never_contradict_the_rfc_without_saying_so() {
    // Whenever a client retries what the RFC-based advice does not, the row says why.
    for status in [200, 304, 400, 401, 408, 409, 421, 425, 429, 500, 501, 502, 503, 504, 505, 599] {
        for method in ["GET", "POST"] {
            let advice = advise(&exchange(method, status, &[]), NOW, &BackoffSettings::default());
            for verdict in &advice.clients {
                if verdict.would_retry && !advice.should_retry {
                    assert!(verdict.departs_from_rfc.is_some(), "{} {method} {status}", verdict.id);
                }
            }
            if advice.verdict == Verdict::NothingToRetry {
                assert!(advice.clients.iter().all(|c| !c.would_retry), "{method} {status}");
            }
        }
    }
}
