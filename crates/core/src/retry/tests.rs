use super::*;
use crate::exchange::{Headers, Request, Response};

/// Sun, 06 Nov 1994 08:49:37 GMT (RFC 9110's example date).
const NOW: UnixTime = UnixTime(784_111_777);
const DATE: &str = "Sun, 06 Nov 1994 08:49:37 GMT";

fn headers(fields: &[(&str, &str)]) -> Headers {
    let mut headers = Headers::default();
    for (name, value) in fields {
        headers.push(*name, *value);
    }
    headers
}

fn exchange(
    method: &str,
    status: u16,
    response: &[(&str, &str)],
    request: &[(&str, &str)],
) -> Exchange {
    Exchange {
        request: Request { method: method.into(), headers: headers(request), ..Request::default() },
        response: Response {
            status,
            reason: None,
            headers: headers(response),
            ..Response::default()
        },
        request_known: true,
    }
}

fn advise_on(method: &str, status: u16, response: &[(&str, &str)]) -> RetryAdvice {
    advise(&exchange(method, status, response, &[]), NOW, &BackoffSettings::default())
}

fn verdict(method: &str, status: u16) -> Verdict {
    advise_on(method, status, &[]).verdict
}

#[test]
fn interim_and_success_have_nothing_to_retry() {
    // RFC 9110 §15.2 and §15.3.
    for status in [100, 103, 200, 201, 204, 206, 299] {
        let advice = advise_on("POST", status, &[]);
        assert_eq!(advice.verdict, Verdict::NothingToRetry, "{status}");
        assert!(
            !advice.should_retry && advice.schedule.is_empty() && advice.worst_case_wait_ms == 0
        );
    }
    assert_eq!(advise_on("GET", 200, &[]).spec.label, "RFC 9110 §15.3");
}

#[test]
fn redirects_and_not_modified_have_nothing_to_retry() {
    // RFC 9110 §15.4, §15.4.5; Retry-After on a 3xx is a redirect delay (§10.2.3).
    assert_eq!(advise_on("GET", 304, &[]).spec.label, "RFC 9110 §15.4.5");
    assert_eq!(verdict("GET", 301), Verdict::NothingToRetry);
    let advice = advise_on("GET", 307, &[("Retry-After", "30")]);
    assert_eq!(advice.verdict, Verdict::NothingToRetry);
    assert_eq!(advice.spec.label, "RFC 9110 §10.2.3");
    assert!(advice.reason.contains("before following the redirect"), "{}", advice.reason);
    assert_eq!(advice.after_s, Some(30));
}

#[test]
fn request_timeout_repeats_idempotent_requests_on_a_new_connection() {
    // RFC 9110 §15.5.9: the client MAY repeat the request.
    let advice = advise_on("GET", 408, &[]);
    assert_eq!(advice.verdict, Verdict::Retry);
    assert_eq!(advice.spec.label, "RFC 9110 §15.5.9");
    assert!(advice.reason.contains("new connection"));
    // A POST without a key: the RFC allows it, but a 408 does not prove the
    // request was never processed, so not automatically.
    let post = advise_on("POST", 408, &[]);
    assert_eq!(post.verdict, Verdict::DoNotRetry);
    assert!(!post.should_retry);
    assert!(post.reason.contains("Idempotency-Key"), "{}", post.reason);
    let keyed = advise(
        &exchange("POST", 408, &[], &[("Idempotency-Key", "\"a1\"")]),
        NOW,
        &BackoffSettings::default(),
    );
    assert_eq!(keyed.verdict, Verdict::Retry);
}

#[test]
fn too_early_retries_any_method_once_without_early_data() {
    // RFC 8470 §5.2.
    let advice = advise_on("POST", 425, &[]);
    assert_eq!(advice.verdict, Verdict::Retry);
    assert_eq!(advice.spec.label, "RFC 8470 §5.2");
    assert_eq!(advice.schedule.len(), 1);
    assert_eq!((advice.schedule[0].earliest_ms, advice.schedule[0].latest_ms), (0, 0));
}

#[test]
fn misdirected_request_retries_on_another_connection_whatever_the_method() {
    // RFC 9110 §15.5.20.
    let advice = advise_on("PATCH", 421, &[]);
    assert_eq!(advice.verdict, Verdict::Retry);
    assert_eq!(advice.spec.label, "RFC 9110 §15.5.20");
    assert_eq!(advice.schedule.len(), 1);
}

#[test]
fn too_many_requests_retries_after_the_delay_or_with_backoff() {
    // RFC 6585 §4; Retry-After per RFC 9110 §10.2.3.
    let advice = advise_on("POST", 429, &[("Retry-After", "120")]);
    assert_eq!(advice.verdict, Verdict::Retry);
    assert_eq!(advice.after_s, Some(120));
    assert_eq!(advice.spec.label, "RFC 6585 §4");
    assert!(advice.schedule[0].earliest_ms >= 120_000);
    assert!(advice.reason.contains("Wait at least 120 s"), "{}", advice.reason);
    let bare = advise_on("GET", 429, &[]);
    assert_eq!(bare.verdict, Verdict::Retry);
    assert_eq!(bare.after_s, None);
    assert_eq!(bare.schedule[0].earliest_ms, 0);
    assert!(bare.reason.contains("backoff"));
}

#[test]
fn service_unavailable_retries_and_guards_non_idempotent_requests() {
    // RFC 9110 §15.6.4.
    assert_eq!(verdict("GET", 503), Verdict::Retry);
    assert_eq!(verdict("POST", 503), Verdict::DoNotRetry);
    let stated = advise_on("POST", 503, &[("Retry-After", "60")]);
    assert_eq!(stated.verdict, Verdict::Retry, "a stated delay means the server declined");
    assert_eq!(stated.spec.label, "RFC 9110 §15.6.4");
    assert_eq!(stated.schedule[0].earliest_ms, 60_000);
}

#[test]
fn content_too_large_is_temporary_only_with_retry_after() {
    // RFC 9110 §15.5.14.
    let temporary = advise_on("PUT", 413, &[("Retry-After", "10")]);
    assert_eq!(temporary.verdict, Verdict::Retry);
    assert_eq!(temporary.schedule[0].earliest_ms, 10_000);
    let permanent = advise_on("PUT", 413, &[]);
    assert_eq!(permanent.verdict, Verdict::AfterChange);
    assert_eq!(permanent.needs_change.as_deref(), Some("shrink the payload"));
    assert_eq!(permanent.spec.label, "RFC 9110 §15.5.14");
    // An unreadable Retry-After does not make it temporary.
    assert_eq!(advise_on("PUT", 413, &[("Retry-After", "soon")]).verdict, Verdict::AfterChange);
}

#[test]
fn uri_and_header_size_need_a_change() {
    // RFC 9110 §15.5.15; RFC 6585 §5.
    let uri = advise_on("GET", 414, &[]);
    assert_eq!(
        (uri.verdict, uri.needs_change.as_deref()),
        (Verdict::AfterChange, Some("shorten the URI"))
    );
    let fields = advise_on("GET", 431, &[]);
    assert_eq!(fields.needs_change.as_deref(), Some("shorten the header fields"));
    assert_eq!(fields.spec.label, "RFC 6585 §5");
}

#[test]
fn server_errors_retry_only_what_is_safe_to_repeat() {
    // RFC 9110 §15.6.1, §15.6.3, §15.6.5 with §9.2.2.
    for (status, section) in [(500, "15.6.1"), (502, "15.6.3"), (504, "15.6.5")] {
        for method in ["GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE", "QUERY"] {
            let advice = advise_on(method, status, &[]);
            assert_eq!(advice.verdict, Verdict::Retry, "{method} {status}");
            assert_eq!(advice.schedule.len(), 4);
        }
        for method in ["POST", "PATCH", "CONNECT", "LOCK"] {
            let advice = advise_on(method, status, &[]);
            assert_eq!(advice.verdict, Verdict::DoNotRetry, "{method} {status}");
            assert!(advice.schedule.is_empty());
            assert_eq!(advice.spec.section, section);
        }
    }
}

#[test]
fn idempotency_key_flips_a_post_502_to_retry() {
    // draft-ietf-httpapi-idempotency-key-header; RFC 9110 §15.6.3.
    assert_eq!(verdict("POST", 502), Verdict::DoNotRetry);
    let keyed = advise(
        &exchange(
            "POST",
            502,
            &[],
            &[("Idempotency-Key", "\"8e03978e-40d5-43e8-bc93-6894a57f9324\"")],
        ),
        NOW,
        &BackoffSettings::default(),
    );
    assert_eq!(keyed.verdict, Verdict::Retry);
    assert!(keyed.should_retry);
    assert!(keyed.steps[0].label.contains("Idempotency-Key"));
    assert_eq!(keyed.steps[0].spec.doc, "draft-ietf-httpapi-idempotency-key-header");
    // An empty key is no key.
    let empty = advise(
        &exchange("POST", 502, &[], &[("Idempotency-Key", "")]),
        NOW,
        &BackoffSettings::default(),
    );
    assert_eq!(empty.verdict, Verdict::DoNotRetry);
}

#[test]
fn not_implemented_and_version_not_supported_are_final() {
    // RFC 9110 §15.6.2 and §15.6.6.
    for (status, section) in [(501, "15.6.2"), (505, "15.6.6")] {
        let advice = advise_on("GET", status, &[("Retry-After", "5")]);
        assert_eq!(advice.verdict, Verdict::DoNotRetry, "{status}");
        assert_eq!(advice.spec.section, section);
    }
}

#[test]
fn credentials_and_conflicts_need_a_change() {
    // RFC 9110 §15.5.2, §15.5.8, §15.5.10.
    for (status, change) in [
        (401, "obtain or refresh credentials"),
        (407, "obtain or refresh proxy credentials"),
        (409, "resolve the conflict"),
    ] {
        let advice = advise_on("PUT", status, &[]);
        assert_eq!(advice.verdict, Verdict::AfterChange, "{status}");
        assert_eq!(advice.needs_change.as_deref(), Some(change));
        assert!(!advice.should_retry);
    }
}

#[test]
fn other_client_errors_need_the_request_fixed() {
    // RFC 9110 §15.5: a 4xx is the client's fault; unknown 4xx are read as 400 (§15).
    for status in [400, 403, 404, 405, 410, 412, 415, 422, 428, 460, 499] {
        let advice = advise_on("GET", status, &[]);
        assert_eq!(advice.verdict, Verdict::AfterChange, "{status}");
        assert!(advice.needs_change.is_some());
    }
    assert_eq!(advise_on("GET", 499, &[]).needs_change.as_deref(), Some("fix the request"));
    assert_eq!(advise_on("GET", 499, &[]).spec.label, "RFC 9110 §15");
    assert_eq!(verdict("GET", 451), Verdict::DoNotRetry);
}

#[test]
fn unknown_codes_go_by_class_and_invalid_numbers_are_not_retried() {
    // RFC 9110 §15: an unrecognised code is treated as the x00 of its class.
    let unknown_5xx = advise_on("GET", 599, &[]);
    assert_eq!(unknown_5xx.verdict, Verdict::Retry);
    assert!(unknown_5xx.reason.contains("treated as 500"));
    assert_eq!(verdict("POST", 599), Verdict::DoNotRetry);
    assert_eq!(verdict("GET", 299), Verdict::NothingToRetry);
    for status in [0, 99, 600, 999, u16::MAX] {
        assert_eq!(verdict("GET", status), Verdict::DoNotRetry, "{status}");
    }
}

#[test]
fn an_unknown_request_is_judged_as_idempotent_and_says_so() {
    // RFC 9110 §9.2.2.
    let mut only_response = exchange("POST", 502, &[], &[]);
    only_response.request_known = false;
    let advice = advise(&only_response, NOW, &BackoffSettings::default());
    assert_eq!(advice.verdict, Verdict::Retry);
    assert_eq!(advice.steps[0].label, "Method unknown");
    assert!(advice.steps[0].detail.contains("Idempotency-Key"));
    assert!(advice.reason.contains("assumed idempotent"), "{}", advice.reason);
}

#[test]
fn method_case_is_noted() {
    // RFC 9110 §9.1: methods are case-sensitive.
    let advice = advise_on("get", 503, &[]);
    assert_eq!(advice.verdict, Verdict::Retry);
    assert!(advice.steps[0].detail.contains("case-sensitive"));
}

fn reading(response: &[(&str, &str)]) -> RetryAfterReading {
    advise_on("GET", 503, response).retry_after.expect("a Retry-After reading")
}

#[test]
fn retry_after_dates_in_all_three_forms_resolve_against_date() {
    // RFC 9110 §10.2.3 and §5.6.7.
    for (value, form) in [
        ("Sun, 06 Nov 1994 08:51:37 GMT", RetryAfterForm::ImfFixdate),
        ("Sunday, 06-Nov-94 08:51:37 GMT", RetryAfterForm::Rfc850),
        ("Sun Nov  6 08:51:37 1994", RetryAfterForm::Asctime),
    ] {
        let r = reading(&[("Date", DATE), ("Retry-After", value)]);
        assert_eq!(r.form, form, "{value}");
        assert_eq!(r.wait_s, Some(120), "{value}");
        assert_eq!(r.base, Some(WaitFrom::ResponseDate));
        assert!(!r.in_past && r.problems.is_empty(), "{r:?}");
    }
}

#[test]
fn retry_after_date_uses_the_servers_clock_when_date_is_present() {
    // RFC 9110 §10.2.3: the server's Date and Retry-After share a clock.
    let advice = advise_on(
        "GET",
        503,
        &[
            ("Date", "Sun, 06 Nov 1994 07:49:37 GMT"),
            ("Retry-After", "Sun, 06 Nov 1994 07:51:37 GMT"),
        ],
    );
    assert_eq!(advice.after_s, Some(120), "measured against Date, not the local clock");
}

#[test]
fn retry_after_without_date_falls_back_to_now() {
    // RFC 9110 §10.2.3; no Date field (§6.6.1) to compare with.
    let r = reading(&[("Retry-After", "Sun, 06 Nov 1994 08:50:37 GMT")]);
    assert_eq!((r.wait_s, r.base), (Some(60), Some(WaitFrom::Now)));
    assert!(r.effect.contains("no usable Date"));
    let bad_date =
        reading(&[("Date", "yesterday"), ("Retry-After", "Sun, 06 Nov 1994 08:50:37 GMT")]);
    assert_eq!(bad_date.base, Some(WaitFrom::Now));
    assert!(bad_date.problems.iter().any(|p| p.contains("Date field is not a valid")));
}

#[test]
fn retry_after_past_date_and_zero_mean_retry_now() {
    // RFC 9110 §10.2.3.
    let past = reading(&[("Date", DATE), ("Retry-After", "Sat, 05 Nov 1994 08:49:37 GMT")]);
    assert_eq!(past.wait_s, Some(0));
    assert!(past.in_past);
    assert!(past.effect.contains("already past"));
    let zero = reading(&[("Retry-After", "0")]);
    assert_eq!(
        (zero.form, zero.wait_s, zero.base),
        (RetryAfterForm::Seconds, Some(0), Some(WaitFrom::Receipt))
    );
    assert_eq!(advise_on("GET", 503, &[("Retry-After", "0")]).schedule[0].earliest_ms, 0);
}

#[test]
fn malformed_retry_after_is_ignored_with_the_reason() {
    // RFC 9110 §10.2.3: delay-seconds is 1*DIGIT.
    for (value, word) in [
        ("-5", "negative"),
        ("1.5", "fraction"),
        ("soon", "not a valid HTTP date"),
        ("5s", "neither"),
    ] {
        let advice = advise_on("GET", 503, &[("Retry-After", value)]);
        let r = advice.retry_after.expect("reading");
        assert_eq!(r.form, RetryAfterForm::Invalid, "{value}");
        assert_eq!(r.wait_s, None);
        assert!(r.problems.iter().any(|p| p.contains(word)), "{value}: {:?}", r.problems);
        assert!(r.effect.contains("ignored"));
        assert_eq!(advice.after_s, None);
        assert_eq!(advice.verdict, Verdict::Retry, "503 still retries, with backoff");
        assert_eq!(advice.schedule[0].earliest_ms, 0);
    }
}

#[test]
fn huge_retry_after_is_flagged_and_does_not_overflow() {
    // RFC 9110 §10.2.3.
    let day = reading(&[("Retry-After", "172800")]);
    assert!(day.problems.iter().any(|p| p.contains("more than a day")), "{:?}", day.problems);
    let year = advise_on("GET", 503, &[("Retry-After", "99999999999999999999")]);
    let r = year.retry_after.as_ref().expect("reading");
    assert_eq!(r.wait_s, Some(u64::MAX));
    assert!(r.problems.iter().any(|p| p.contains("more than a year")));
    assert_eq!(year.schedule[0].earliest_ms, u64::MAX);
    assert_eq!(year.worst_case_wait_ms, u64::MAX);
}

#[test]
fn several_retry_after_fields_use_the_first() {
    // RFC 9110 §5.3: Retry-After is a singleton field.
    let r = reading(&[("Retry-After", "10"), ("Retry-After", "20")]);
    assert_eq!(r.wait_s, Some(10));
    assert!(r.problems.iter().any(|p| p.contains("2 Retry-After fields")));
}

#[test]
fn ietf_ratelimit_fields_are_read() {
    // draft-ietf-httpapi-ratelimit-headers (-08 on).
    let advice = advise_on(
        "GET",
        429,
        &[("RateLimit-Policy", "\"burst\";q=100;w=60"), ("RateLimit", "\"burst\";r=0;t=30")],
    );
    let rl = advice.rate_limit.expect("reading");
    assert_eq!(rl.scheme, RateLimitScheme::Ietf);
    assert_eq!(
        (rl.limit, rl.remaining, rl.window_s, rl.wait_s),
        (Some(100), Some(0), Some(60), Some(30))
    );
    assert_eq!(rl.policy.as_deref(), Some("burst"));
    assert!(rl.exhausted);
    // Without Retry-After, the reset is the floor of the first retry.
    assert_eq!(advice.after_s, None);
    assert_eq!(advice.schedule[0].earliest_ms, 30_000);
    assert!(advice.reason.contains("rate-limit reset"));
}

#[test]
fn legacy_ratelimit_fields_are_read_as_delta_seconds() {
    // draft-ietf-httpapi-ratelimit-headers up to -06.
    let rl = advise_on(
        "GET",
        200,
        &[("RateLimit-Limit", "10"), ("RateLimit-Remaining", "3"), ("RateLimit-Reset", "7")],
    )
    .rate_limit
    .expect("reading");
    assert_eq!(rl.scheme, RateLimitScheme::IetfLegacy);
    assert_eq!((rl.limit, rl.remaining, rl.wait_s), (Some(10), Some(3), Some(7)));
    assert_eq!(rl.reset_kind, Some(ResetKind::DeltaSeconds));
}

#[test]
fn x_ratelimit_reset_tells_epoch_from_delta() {
    // Vendor convention: GitHub sends a Unix timestamp, others seconds.
    // A 2025 clock: epoch timestamps are only told apart from delays after 2001.
    let now = UnixTime(1_750_000_000);
    let date = crate::headers::format_imf_fixdate(crate::headers::Timestamp(now.0));
    let at = |response: &[(&str, &str)]| {
        advise(&exchange("GET", 429, response, &[]), now, &BackoffSettings::default())
            .rate_limit
            .expect("reading")
    };
    let epoch = (now.0 + 90).to_string();
    let rl = at(&[("Date", &date), ("X-RateLimit-Remaining", "0"), ("X-RateLimit-Reset", &epoch)]);
    assert_eq!(rl.scheme, RateLimitScheme::Vendor);
    assert_eq!(
        (rl.reset_kind, rl.wait_s, rl.wait_from),
        (Some(ResetKind::EpochSeconds), Some(90), Some(WaitFrom::ResponseDate))
    );
    let millis = ((now.0 + 45) * 1000).to_string();
    let rl = at(&[("X-RateLimit-Reset", &millis)]);
    assert_eq!(
        (rl.reset_kind, rl.wait_s, rl.wait_from),
        (Some(ResetKind::EpochMillis), Some(45), Some(WaitFrom::Now))
    );
    let delta = at(&[("X-RateLimit-Reset", "15")]);
    assert_eq!((delta.reset_kind, delta.wait_s), (Some(ResetKind::DeltaSeconds), Some(15)));
}

#[test]
fn ratelimit_contradicting_retry_after_is_flagged() {
    // RFC 9110 §10.2.3 against the rate-limit draft.
    let advice = advise_on(
        "GET",
        429,
        &[("Retry-After", "60"), ("X-RateLimit-Reset", "5"), ("X-RateLimit-Remaining", "0")],
    );
    let rl = advice.rate_limit.as_ref().expect("reading");
    assert!(rl.contradiction.as_deref().is_some_and(|c| c.contains("too early")), "{rl:?}");
    assert_eq!(advice.schedule[0].earliest_ms, 60_000, "Retry-After wins");
    let agree = advise_on("GET", 429, &[("Retry-After", "60"), ("X-RateLimit-Reset", "58")]);
    assert_eq!(agree.rate_limit.expect("reading").contradiction, None);
    let odd =
        advise_on("GET", 429, &[("X-RateLimit-Remaining", "12")]).rate_limit.expect("reading");
    assert!(odd.notes.iter().any(|n| n.contains("12 requests remain")));
}

#[test]
fn schedule_is_deterministic_from_the_seed() {
    // AWS Architecture Blog, "Exponential Backoff And Jitter".
    let settings = BackoffSettings { seed: 42, ..BackoffSettings::default() };
    let a = advise(&exchange("GET", 503, &[], &[]), NOW, &settings);
    let b = advise(&exchange("GET", 503, &[], &[]), NOW, &settings);
    assert_eq!(a.schedule, b.schedule);
    let other =
        advise(&exchange("GET", 503, &[], &[]), NOW, &BackoffSettings { seed: 43, ..settings });
    assert_ne!(a.schedule, other.schedule);
}

#[test]
fn schedule_bands_double_up_to_the_cap() {
    // Full jitter: retry n waits random(0, min(cap, base * 2^(n-1))).
    let settings = BackoffSettings {
        base_ms: 1_000,
        cap_ms: 5_000,
        max_attempts: 5,
        deadline_ms: None,
        seed: 9,
        budget: None,
    };
    let advice = advise(&exchange("GET", 500, &[], &[]), NOW, &settings);
    let bands: Vec<(u64, u64)> =
        advice.schedule.iter().map(|a| (a.earliest_ms, a.latest_ms)).collect();
    assert_eq!(bands, [(0, 1_000), (0, 2_000), (0, 4_000), (0, 5_000), (0, 5_000)]);
    let mut at = 0;
    for (index, attempt) in advice.schedule.iter().enumerate() {
        assert_eq!(attempt.number as usize, index + 1);
        assert!((attempt.earliest_ms..=attempt.latest_ms).contains(&attempt.chosen_ms));
        at += attempt.chosen_ms;
        assert_eq!(attempt.at_ms, at);
    }
    assert_eq!(advice.worst_case_wait_ms, 17_000);
}

#[test]
fn retry_after_is_a_floor_for_the_first_retry_only() {
    // RFC 9110 §10.2.3.
    let advice = advise_on("GET", 503, &[("Retry-After", "3")]);
    let first = advice.schedule[0];
    assert_eq!((first.earliest_ms, first.latest_ms), (3_000, 3_500));
    assert!(first.chosen_ms >= 3_000);
    assert_eq!(advice.schedule[1].earliest_ms, 0);
}

#[test]
fn the_deadline_cuts_the_schedule() {
    // Backoff must stop at the caller's deadline.
    let settings = BackoffSettings {
        base_ms: 10_000,
        cap_ms: 60_000,
        max_attempts: 6,
        deadline_ms: Some(15_000),
        seed: 1,
        budget: None,
    };
    let advice = advise(&exchange("GET", 502, &[], &[]), NOW, &settings);
    assert!(advice.schedule.len() < 6);
    assert!(advice.schedule.iter().all(|a| a.at_ms <= 15_000));
    assert!(advice.worst_case_wait_ms <= 15_000);
    assert!(advice
        .steps
        .iter()
        .any(|s| s.label == "Schedule" && s.detail.contains("deadline cuts")));
    let beyond = advise(&exchange("GET", 503, &[("Retry-After", "60")], &[]), NOW, &settings);
    assert!(beyond.should_retry && beyond.schedule.is_empty());
    assert!(beyond.steps.iter().any(|s| s.detail.contains("No retry fits")));
    let off = advise(
        &exchange("GET", 503, &[], &[]),
        NOW,
        &BackoffSettings { max_attempts: 0, ..settings },
    );
    assert!(off.schedule.is_empty() && off.worst_case_wait_ms == 0);
}

#[test]
fn advice_round_trips_through_json_with_the_cli_keys() {
    let advice = advise_on("POST", 429, &[("Retry-After", "5"), ("RateLimit", "\"d\";r=0;t=5")]);
    let json = serde_json::to_value(&advice).expect("serialise");
    for key in [
        "should_retry",
        "after_s",
        "needs_change",
        "reason",
        "spec",
        "clients",
        "verdict",
        "steps",
        "schedule",
    ] {
        assert!(json.get(key).is_some(), "{key}");
    }
    assert_eq!(json["verdict"], "retry");
    assert_eq!(json["retry_after"]["form"], "seconds");
    let back: RetryAdvice = serde_json::from_value(json).expect("deserialise");
    assert_eq!(back, advice);
    assert_eq!(
        serde_json::to_value(Verdict::NothingToRetry).expect("serialise"),
        "nothing-to-retry"
    );
}

#[test]
fn no_input_panics() {
    let values = [
        "",
        " ",
        "0",
        "-1",
        "1.5",
        "99999999999999999999",
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "é",
        "\"5\"",
    ];
    let settings = [
        BackoffSettings::default(),
        BackoffSettings {
            base_ms: u64::MAX,
            cap_ms: u64::MAX,
            max_attempts: 100,
            deadline_ms: Some(u64::MAX),
            seed: u64::MAX,
            budget: Some(RetryBudget::AwsQuota { tokens: u32::MAX, retry_cost: 0 }),
        },
        BackoffSettings {
            base_ms: 0,
            cap_ms: 0,
            max_attempts: 3,
            deadline_ms: Some(0),
            seed: 0,
            budget: Some(RetryBudget::GrpcThrottling { max_tokens: u32::MAX, tokens_milli: 0 }),
        },
    ];
    let mut advised = 0;
    for status in (0..=1000).step_by(7).chain([408, 413, 421, 425, 429, 503, u16::MAX]) {
        for value in values {
            for method in ["GET", "POST", "", "QUERY"] {
                let response = [
                    ("Retry-After", value),
                    ("Date", value),
                    ("X-RateLimit-Reset", value),
                    ("RateLimit", value),
                ];
                let settings = settings[advised % settings.len()];
                let advice = advise(
                    &exchange(method, status, &response, &[]),
                    UnixTime(i64::MAX),
                    &settings,
                );
                assert_eq!(advice.should_retry, advice.verdict == Verdict::Retry);
                assert!(advice
                    .schedule
                    .iter()
                    .all(|a| a.earliest_ms <= a.chosen_ms && a.chosen_ms <= a.latest_ms));
                advised += 1;
            }
        }
    }
    assert!(advised > 1000);
}

#[test]
fn the_client_data_parses_and_is_complete() {
    let policies =
        parse_client_policies(RETRY_CLIENTS_JSON).expect("data/retry-clients.json parses");
    assert_eq!(policies.len(), client_policies().len());
    assert_eq!(check_client_policies(&policies), Vec::<String>::new());
    let ids: Vec<&str> = policies.iter().map(|p| p.id.as_str()).collect();
    for id in [
        "urllib3",
        "go-retryablehttp",
        "aws-sdk-standard",
        "google-cloud",
        "polly-transient",
        "ms-http-resilience",
        "reqwest-retry",
        "envoy-default",
        "envoy-5xx",
        "envoy-gateway-error",
        "envoy-retriable-4xx",
        "browser-fetch",
        "grpc",
    ] {
        assert!(ids.contains(&id), "{id} missing");
    }
    // Every advice carries one verdict per row, in data order.
    let advice = advise_on("GET", 503, &[]);
    assert_eq!(advice.clients.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ids);
}

#[test]
fn dictionary_ratelimit_and_fractional_resets_are_read() {
    // draft-ietf-httpapi-ratelimit-headers-07 used one dictionary field.
    let rl = advise_on("GET", 429, &[("RateLimit", "limit=100, remaining=0, reset=20")])
        .rate_limit
        .expect("reading");
    assert_eq!((rl.limit, rl.remaining, rl.wait_s), (Some(100), Some(0), Some(20)));
    let fractional =
        advise_on("GET", 429, &[("X-RateLimit-Reset", "12.5")]).rate_limit.expect("reading");
    assert_eq!(fractional.wait_s, Some(13));
    assert!(fractional.notes.iter().any(|n| n.contains("read as 13")), "{:?}", fractional.notes);
}

#[test]
fn retry_after_on_a_final_answer_is_explained_not_used() {
    // RFC 9110 §10.2.3 defines Retry-After for 3xx, 503 (and 413, 429 elsewhere).
    let advice = advise_on("POST", 500, &[("Retry-After", "30")]);
    assert_eq!(advice.verdict, Verdict::DoNotRetry);
    assert_eq!(advice.after_s, Some(30));
    let step = advice.steps.iter().find(|s| s.label == "Retry-After").expect("a Retry-After step");
    assert!(step.detail.contains("does not make an automatic retry safe"), "{}", step.detail);
    assert!(advice.schedule.is_empty());
}

#[test]
fn a_drained_retry_budget_stops_retries_and_says_why() {
    // gRFC A6 throttling: at 6 of 10 tokens this failure takes one, leaving
    // 5 = the threshold, so no retry is sent; the AWS quota's 500 tokens
    // do not cut a four-retry schedule.
    let drained = BackoffSettings {
        budget: Some(RetryBudget::GrpcThrottling { max_tokens: 10, tokens_milli: 6_000 }),
        ..BackoffSettings::default()
    };
    let advice = advise(&exchange("GET", 503, &[], &[]), NOW, &drained);
    assert!(advice.should_retry, "the RFC verdict stands; the budget only cuts the plan");
    assert!(advice.schedule.is_empty());
    let step = advice.steps.iter().find(|s| s.label.starts_with("Retry budget")).expect("a step");
    assert!(step.detail.contains("stops 4 planned retries"), "{}", step.detail);
    assert!(step.detail.contains("No retry is sent"));
    assert!(step.spec.url.contains("A6-client-retries"));

    let full =
        BackoffSettings { budget: Some(RetryBudget::AWS_FULL), ..BackoffSettings::default() };
    let advice = advise(&exchange("GET", 503, &[], &[]), NOW, &full);
    assert_eq!(advice.schedule.len(), 4);
    assert_eq!(advice.schedule[3].tokens_left_milli, Some(480_000));
    let step = advice.steps.iter().find(|s| s.label.starts_with("Retry budget")).expect("a step");
    assert!(step.detail.contains("does not cut"), "{}", step.detail);
}
