//! Retry-After (RFC 9110 §10.2.3): `HTTP-date / delay-seconds`.

use std::fmt;

use serde::Serialize;

use super::date::{parse_http_date, ParsedDate, Timestamp};
use super::list::{number_shape, saturating_decimal, trim_ows, NumberShape};

/// Waits longer than this (365 days) are almost certainly a mistake, such as
/// milliseconds sent as seconds, so results flag them.
pub const HUGE_DELAY_SECONDS: u64 = 365 * 24 * 60 * 60;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RetryAfter {
    /// `delay-seconds`; digit strings beyond `u64::MAX` saturate to it.
    Delay(u64),
    Date(ParsedDate),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum RetryAfterErrorKind {
    Empty,
    Negative,
    Fractional,
    /// It looked like a date (it starts with a letter) but is not a valid one.
    InvalidDate,
    NeitherDelayNorDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RetryAfterError {
    pub kind: RetryAfterErrorKind,
    pub message: String,
}

impl fmt::Display for RetryAfterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for RetryAfterError {}

/// Parses a Retry-After value after trimming OWS.
///
/// `now_hint` is passed to [`parse_http_date`] for two-digit RFC 850 years.
pub fn parse_retry_after(
    value: &str,
    now_hint: Option<Timestamp>,
) -> Result<RetryAfter, RetryAfterError> {
    let text = trim_ows(value);
    let error = |kind, message: String| Err(RetryAfterError { kind, message });
    if text.starts_with(|c: char| c.is_ascii_alphabetic()) {
        return parse_http_date(text, now_hint).map(RetryAfter::Date).map_err(|e| {
            let message = format!("Retry-After {text:?} is not a valid HTTP date: {e}");
            RetryAfterError { kind: RetryAfterErrorKind::InvalidDate, message }
        });
    }
    match number_shape(text) {
        NumberShape::Digits { value, .. } => Ok(RetryAfter::Delay(value)),
        NumberShape::Empty => error(
            RetryAfterErrorKind::Empty,
            "Retry-After is empty; send a number of seconds or an HTTP date".into(),
        ),
        NumberShape::Negative => error(
            RetryAfterErrorKind::Negative,
            format!("Retry-After {text:?} is negative; delay-seconds is 0 or more"),
        ),
        NumberShape::Fractional => error(
            RetryAfterErrorKind::Fractional,
            format!(
                "Retry-After {text:?} has a fraction; delay-seconds is a whole number \
                 (e.g. \"{}\")",
                round_up(text)
            ),
        ),
        NumberShape::Other => error(
            RetryAfterErrorKind::NeitherDelayNorDate,
            format!(
                "Retry-After {text:?} is neither a number of seconds (e.g. \"120\") nor an \
                 HTTP date (e.g. \"Fri, 31 Dec 1999 23:59:59 GMT\")"
            ),
        ),
    }
}

/// The whole number a fractional delay should have been, rounded up so a
/// client never retries early.
fn round_up(fractional: &str) -> u64 {
    let (whole, fraction) = fractional.split_once('.').unwrap_or((fractional, ""));
    let (whole, _) = saturating_decimal(whole);
    let has_fraction = fraction.bytes().any(|b| b != b'0');
    whole.saturating_add(u64::from(has_fraction))
}

/// What a delay was measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaitBase {
    /// delay-seconds counts from when the response was received.
    DelaySeconds,
    /// The date was compared with the response's Date, so clock skew between
    /// server and client does not change the wait.
    ResponseDate,
    /// There was no Date, so the date was compared with the local receipt
    /// time, which is only right if the clocks agree.
    ReceivedAt,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Resolved {
    pub wait_seconds: u64,
    pub base: WaitBase,
    /// The date was before its base; the wait is then 0.
    pub date_in_past: bool,
    /// Longer than [`HUGE_DELAY_SECONDS`].
    pub huge: bool,
    /// When to retry on the local clock: `received_at + wait_seconds`.
    pub retry_at: Timestamp,
}

/// Turns a Retry-After into a wait.
///
/// A date is measured against the response's Date when there is one: both
/// come from the server's clock, so their difference is the wait the server
/// meant even when the local clock is off. That wait then starts at
/// `received_at`.
pub fn resolve_delay(
    ra: &RetryAfter,
    response_date: Option<Timestamp>,
    received_at: Timestamp,
) -> Resolved {
    let (wait_seconds, base, date_in_past) = match ra {
        RetryAfter::Delay(seconds) => (*seconds, WaitBase::DelaySeconds, false),
        RetryAfter::Date(date) => {
            let (origin, base) = match response_date {
                Some(date) => (date, WaitBase::ResponseDate),
                None => (received_at, WaitBase::ReceivedAt),
            };
            let difference = origin.seconds_until(date.timestamp);
            (u64::try_from(difference).unwrap_or(0), base, difference < 0)
        }
    };
    let offset = i64::try_from(wait_seconds).unwrap_or(i64::MAX);
    Resolved {
        wait_seconds,
        base,
        date_in_past,
        huge: wait_seconds > HUGE_DELAY_SECONDS,
        retry_at: received_at.saturating_add_seconds(offset),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::headers::date::DateForm;

    const RFC_DATE: &str = "Fri, 31 Dec 1999 23:59:59 GMT";
    const RFC_DATE_TS: Timestamp = Timestamp(946_684_799);

    fn kind(value: &str) -> RetryAfterErrorKind {
        parse_retry_after(value, None).unwrap_err().kind
    }

    #[test]
    fn delay_seconds() {
        assert_eq!(parse_retry_after("120", None), Ok(RetryAfter::Delay(120)));
        assert_eq!(parse_retry_after("0", None), Ok(RetryAfter::Delay(0)));
        assert_eq!(parse_retry_after(" 10 ", None), Ok(RetryAfter::Delay(10)));
        assert_eq!(parse_retry_after("\t007", None), Ok(RetryAfter::Delay(7)));
    }

    #[test]
    fn huge_delay_saturates() {
        let huge = parse_retry_after("99999999999999999999", None).unwrap();
        assert_eq!(huge, RetryAfter::Delay(u64::MAX));
        let resolved = resolve_delay(&huge, None, Timestamp(1_000));
        assert!(resolved.huge);
        assert_eq!(resolved.wait_seconds, u64::MAX);
        assert_eq!(resolved.retry_at, Timestamp(i64::MAX));
    }

    #[test]
    fn rfc_example_date() {
        let parsed = parse_retry_after(RFC_DATE, None).unwrap();
        let RetryAfter::Date(date) = &parsed else { panic!("{parsed:?}") };
        assert_eq!(date.timestamp, RFC_DATE_TS);
        assert_eq!(date.form, DateForm::ImfFixdate);
    }

    #[test]
    fn obsolete_date_forms_use_the_now_hint() {
        let now = Some(Timestamp(1_750_000_000));
        let parsed = parse_retry_after("Friday, 31-Dec-99 23:59:59 GMT", now).unwrap();
        let RetryAfter::Date(date) = parsed else { panic!() };
        assert_eq!(date.timestamp, RFC_DATE_TS);
        assert_eq!(date.form, DateForm::Rfc850);
    }

    #[test]
    fn invalid_values_say_why() {
        assert_eq!(kind(""), RetryAfterErrorKind::Empty);
        assert_eq!(kind("   "), RetryAfterErrorKind::Empty);
        assert_eq!(kind("-1"), RetryAfterErrorKind::Negative);
        assert_eq!(kind("-5"), RetryAfterErrorKind::Negative);
        assert_eq!(kind("1.5"), RetryAfterErrorKind::Fractional);
        assert_eq!(kind("abc"), RetryAfterErrorKind::InvalidDate);
        assert_eq!(kind("Fri, 31 Dec 1999 23:59:59 UTC"), RetryAfterErrorKind::InvalidDate);
        assert_eq!(kind("+5"), RetryAfterErrorKind::NeitherDelayNorDate);
        assert_eq!(kind("5s"), RetryAfterErrorKind::NeitherDelayNorDate);
        assert_eq!(kind("1 2"), RetryAfterErrorKind::NeitherDelayNorDate);
        assert_eq!(kind("120, 60"), RetryAfterErrorKind::NeitherDelayNorDate);
        assert_eq!(kind("\"120\""), RetryAfterErrorKind::NeitherDelayNorDate);
    }

    #[test]
    fn messages_are_specific() {
        let message = |value| parse_retry_after(value, None).unwrap_err().message;
        assert_eq!(message("-1"), "Retry-After \"-1\" is negative; delay-seconds is 0 or more");
        assert_eq!(
            message("1.5"),
            "Retry-After \"1.5\" has a fraction; delay-seconds is a whole number (e.g. \"2\")"
        );
        assert_eq!(
            message("2.0"),
            "Retry-After \"2.0\" has a fraction; delay-seconds is a whole number (e.g. \"2\")"
        );
        assert_eq!(
            message("Foo, 31 Dec 1999 23:59:59 GMT"),
            "Retry-After \"Foo, 31 Dec 1999 23:59:59 GMT\" is not a valid HTTP date: day name \
             \"Foo\" is not one of Mon…Sun (or Monday…Sunday)"
        );
    }

    #[test]
    fn resolve_delay_seconds_counts_from_receipt() {
        let resolved = resolve_delay(&RetryAfter::Delay(120), Some(Timestamp(0)), Timestamp(500));
        assert_eq!(
            resolved,
            Resolved {
                wait_seconds: 120,
                base: WaitBase::DelaySeconds,
                date_in_past: false,
                huge: false,
                retry_at: Timestamp(620),
            }
        );
    }

    fn date_at(timestamp: Timestamp) -> RetryAfter {
        RetryAfter::Date(ParsedDate { timestamp, form: DateForm::ImfFixdate, notes: vec![] })
    }

    #[test]
    fn resolve_date_against_response_date() {
        let ra = parse_retry_after(RFC_DATE, None).unwrap();
        // The server's clock says 60 s before the date; ours is 1 h ahead.
        let response_date = Timestamp(RFC_DATE_TS.0 - 60);
        let received_at = Timestamp(RFC_DATE_TS.0 + 3_600);
        let resolved = resolve_delay(&ra, Some(response_date), received_at);
        assert_eq!(resolved.wait_seconds, 60);
        assert_eq!(resolved.base, WaitBase::ResponseDate);
        assert!(!resolved.date_in_past);
        assert_eq!(resolved.retry_at, Timestamp(received_at.0 + 60));
    }

    #[test]
    fn resolve_date_against_receipt_without_date() {
        let ra = date_at(Timestamp(10_000));
        let resolved = resolve_delay(&ra, None, Timestamp(9_000));
        assert_eq!(resolved.wait_seconds, 1_000);
        assert_eq!(resolved.base, WaitBase::ReceivedAt);
        assert_eq!(resolved.retry_at, Timestamp(10_000));
    }

    #[test]
    fn past_date_means_no_wait() {
        let ra = parse_retry_after(RFC_DATE, None).unwrap();
        let resolved = resolve_delay(&ra, None, Timestamp(1_700_000_000));
        assert_eq!(
            resolved,
            Resolved {
                wait_seconds: 0,
                base: WaitBase::ReceivedAt,
                date_in_past: true,
                huge: false,
                retry_at: Timestamp(1_700_000_000),
            }
        );
        let same = resolve_delay(&ra, Some(RFC_DATE_TS), Timestamp(5));
        assert_eq!((same.wait_seconds, same.date_in_past), (0, false));
    }

    #[test]
    fn pre_1970_and_far_future_dates_resolve() {
        let old = parse_retry_after("Thu, 01 Jan 1920 00:00:00 GMT", None).unwrap();
        let resolved = resolve_delay(&old, None, Timestamp(0));
        assert!(resolved.date_in_past);
        assert_eq!(resolved.wait_seconds, 0);
        let far = parse_retry_after("Fri, 31 Dec 9999 23:59:59 GMT", None).unwrap();
        let resolved = resolve_delay(&far, Some(Timestamp(0)), Timestamp(0));
        assert_eq!(resolved.wait_seconds, 253_402_300_799);
        assert!(resolved.huge);
        let extreme = resolve_delay(&far, Some(Timestamp(i64::MIN)), Timestamp(i64::MAX));
        assert_eq!(extreme.wait_seconds, i64::MAX as u64);
        assert_eq!(extreme.retry_at, Timestamp(i64::MAX));
    }

    #[test]
    fn serializes_for_the_ui() {
        let json = serde_json::to_value(RetryAfter::Delay(5)).unwrap();
        assert_eq!(json, serde_json::json!({ "delay": 5 }));
        let resolved = resolve_delay(&RetryAfter::Delay(5), None, Timestamp(1));
        let json = serde_json::to_value(resolved).unwrap();
        assert_eq!(json["base"], "delay-seconds");
        assert_eq!(json["retry_at"], 6);
    }
}
