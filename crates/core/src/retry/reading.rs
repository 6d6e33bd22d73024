//! How the response says when to come back: Retry-After (RFC 9110 §10.2.3),
//! read through `headers::retry_after`, and the rate-limit fields (the IETF
//! RateLimit / RateLimit-Policy draft, its older RateLimit-Limit/-Remaining/
//! -Reset form, and the vendor X-RateLimit-* fields).

use serde::{Deserialize, Serialize};

use crate::exchange::Headers;
use crate::headers::date::{parse_http_date, DateForm, Timestamp};
use crate::headers::list::{number_shape, split_list, NumberShape};
use crate::headers::retry_after::{parse_retry_after, resolve_delay, RetryAfter, WaitBase};
use crate::time::UnixTime;

/// Waits beyond a day are unusual enough to mention.
pub const LONG_WAIT_SECONDS: u64 = 24 * 60 * 60;
/// Two waits closer than this are taken to agree.
pub const AGREEMENT_SECONDS: u64 = 5;
/// X-RateLimit-Reset values from here on look like Unix timestamps in
/// seconds (2001-09-09 onwards); smaller ones like delta-seconds.
pub const EPOCH_SECONDS_FROM: u64 = 1_000_000_000;
/// ... and from here on like Unix timestamps in milliseconds.
pub const EPOCH_MILLIS_FROM: u64 = 1_000_000_000_000;

/// Which form a Retry-After value was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RetryAfterForm {
    /// `delay-seconds`.
    Seconds,
    /// An HTTP-date in the preferred IMF-fixdate form.
    ImfFixdate,
    /// An HTTP-date in the obsolete RFC 850 form.
    Rfc850,
    /// An HTTP-date in the obsolete asctime form.
    Asctime,
    /// Neither; the value is ignored.
    Invalid,
}

impl RetryAfterForm {
    pub fn is_date(self) -> bool {
        matches!(
            self,
            RetryAfterForm::ImfFixdate | RetryAfterForm::Rfc850 | RetryAfterForm::Asctime
        )
    }

    /// The name the client data uses for date forms.
    pub fn data_name(self) -> &'static str {
        match self {
            RetryAfterForm::Seconds => "seconds",
            RetryAfterForm::ImfFixdate => "imf-fixdate",
            RetryAfterForm::Rfc850 => "rfc850",
            RetryAfterForm::Asctime => "asctime",
            RetryAfterForm::Invalid => "invalid",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            RetryAfterForm::Seconds => "delay-seconds",
            RetryAfterForm::ImfFixdate => "IMF-fixdate",
            RetryAfterForm::Rfc850 => "RFC 850 date (obsolete)",
            RetryAfterForm::Asctime => "asctime date (obsolete)",
            RetryAfterForm::Invalid => "invalid",
        }
    }
}

/// What a wait was measured from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum WaitFrom {
    /// A number of seconds, counted from when the response was received.
    Receipt,
    /// A date compared with the response's Date field (server clock to
    /// server clock, so clock skew does not matter).
    ResponseDate,
    /// A date compared with the analysis time, because the response has no
    /// usable Date: right only if the clocks agree.
    Now,
}

impl From<WaitBase> for WaitFrom {
    fn from(base: WaitBase) -> WaitFrom {
        match base {
            WaitBase::DelaySeconds => WaitFrom::Receipt,
            WaitBase::ResponseDate => WaitFrom::ResponseDate,
            WaitBase::ReceivedAt => WaitFrom::Now,
        }
    }
}

/// How Retry-After was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetryAfterReading {
    /// The first Retry-After field value, as sent.
    pub raw: String,
    pub form: RetryAfterForm,
    /// The wait it asks for, in seconds; `None` when it cannot be read.
    pub wait_s: Option<u64>,
    /// What the wait was measured from; `None` when it cannot be read.
    pub base: Option<WaitFrom>,
    /// For a date: the date, as Unix seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<i64>,
    /// The date was already past: the wait is 0.
    pub in_past: bool,
    /// What the value means for the advice, in plain words.
    pub effect: String,
    /// Anything wrong or unusual about it.
    pub problems: Vec<String>,
}

impl RetryAfterReading {
    pub fn usable(&self) -> bool {
        self.wait_s.is_some()
    }
}

/// The response's Date, when it has a valid one.
pub(crate) fn response_date(headers: &Headers, now: UnixTime) -> Option<Timestamp> {
    let value = headers.get("date")?;
    parse_http_date(value, Some(Timestamp(now.0))).ok().map(|d| d.timestamp)
}

fn seconds_text(seconds: u64) -> String {
    match seconds {
        0..=119 => format!("{seconds} s"),
        120..=7_199 => format!("{seconds} s ({} min)", seconds / 60),
        7_200..=172_799 => format!("{seconds} s ({} h)", seconds / 3_600),
        _ => format!("{seconds} s ({} days)", seconds / 86_400),
    }
}

pub(crate) fn read_retry_after(headers: &Headers, now: UnixTime) -> Option<RetryAfterReading> {
    let raw = headers.get("retry-after")?.to_string();
    let now_ts = Timestamp(now.0);
    let mut problems = Vec::new();
    let count = headers.count("retry-after");
    if count > 1 {
        problems.push(format!(
            "The response has {count} Retry-After fields; only the first ({raw:?}) is used."
        ));
    }
    let parsed = match parse_retry_after(&raw, Some(now_ts)) {
        Ok(parsed) => parsed,
        Err(error) => {
            problems.push(error.message);
            return Some(RetryAfterReading {
                raw,
                form: RetryAfterForm::Invalid,
                wait_s: None,
                base: None,
                date: None,
                in_past: false,
                effect: "Unreadable, so it is ignored: the advice falls back to backoff, as a \
                         client that cannot parse it would."
                    .into(),
                problems,
            });
        }
    };
    let (form, date) = match &parsed {
        RetryAfter::Delay(_) => (RetryAfterForm::Seconds, None),
        RetryAfter::Date(date) => (
            match date.form {
                DateForm::ImfFixdate => RetryAfterForm::ImfFixdate,
                DateForm::Rfc850 => RetryAfterForm::Rfc850,
                DateForm::Asctime => RetryAfterForm::Asctime,
            },
            Some(date.timestamp.0),
        ),
    };
    let date_header = headers.get("date");
    let server_now = response_date(headers, now);
    if form.is_date() && date_header.is_some() && server_now.is_none() {
        problems.push(
            "The Date field is not a valid HTTP date, so the Retry-After date is measured \
             against the analysis time instead."
                .into(),
        );
    }
    let resolved = resolve_delay(&parsed, server_now, now_ts);
    let wait = resolved.wait_seconds;
    let base = WaitFrom::from(resolved.base);
    let effect = match (form, base) {
        (_, _) if resolved.date_in_past => {
            "The date is already past, so the wait is 0: the client may retry at once.".to_string()
        }
        (RetryAfterForm::Seconds, _) if wait == 0 => {
            "0 seconds: the client may retry at once.".to_string()
        }
        (RetryAfterForm::Seconds, _) => {
            format!("Wait {} from receipt of the response.", seconds_text(wait))
        }
        (_, WaitFrom::ResponseDate) => format!(
            "The date is {} after the response's Date, so wait {} from receipt (measured \
             server clock to server clock, so a skewed local clock does not matter).",
            seconds_text(wait),
            seconds_text(wait)
        ),
        (_, _) => format!(
            "The response has no usable Date, so the date is measured against the analysis \
             time: wait {} (right only if the clocks agree).",
            seconds_text(wait)
        ),
    };
    if resolved.huge {
        problems.push(format!(
            "It asks for {}, more than a year: probably a mistake (milliseconds sent as \
             seconds?). Clients cap such waits (urllib3 at 6 h) or give up.",
            seconds_text(wait)
        ));
    } else if wait > LONG_WAIT_SECONDS {
        problems.push(format!(
            "It asks for {}, more than a day: unusual for a retry delay (check it is not \
             milliseconds); urllib3 caps Retry-After at 21600 s (6 h).",
            seconds_text(wait)
        ));
    }
    Some(RetryAfterReading {
        raw,
        form,
        wait_s: Some(wait),
        base: Some(base),
        date,
        in_past: resolved.date_in_past,
        effect,
        problems,
    })
}

/// Which set of rate-limit fields the numbers come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RateLimitScheme {
    /// `RateLimit` / `RateLimit-Policy` (draft-ietf-httpapi-ratelimit-headers, -08 on).
    Ietf,
    /// `RateLimit-Limit` / `-Remaining` / `-Reset` (the draft up to -06).
    IetfLegacy,
    /// `X-RateLimit-Limit` / `-Remaining` / `-Reset` (vendor convention).
    Vendor,
}

/// How a reset value was interpreted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ResetKind {
    /// Seconds until the quota resets.
    DeltaSeconds,
    /// A Unix timestamp in seconds (GitHub's X-RateLimit-Reset).
    EpochSeconds,
    /// A Unix timestamp in milliseconds.
    EpochMillis,
}

/// One rate-limit field as received.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimitField {
    pub name: String,
    pub value: String,
}

/// What the rate-limit fields say.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RateLimitReading {
    pub scheme: RateLimitScheme,
    /// Every rate-limit field the response carries.
    pub fields: Vec<RateLimitField>,
    /// The policy's name, when RateLimit-Policy or RateLimit names one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub policy: Option<String>,
    pub limit: Option<u64>,
    pub remaining: Option<u64>,
    /// The policy window in seconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub window_s: Option<u64>,
    /// The reset value as sent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_raw: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reset_kind: Option<ResetKind>,
    /// Seconds until the quota resets.
    pub wait_s: Option<u64>,
    /// What an epoch reset was measured from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wait_from: Option<WaitFrom>,
    /// `remaining` is 0: no more requests until the reset.
    pub exhausted: bool,
    /// Set when the fields disagree with Retry-After.
    pub contradiction: Option<String>,
    pub notes: Vec<String>,
}

const FIELD_NAMES: [&str; 8] = [
    "ratelimit",
    "ratelimit-policy",
    "ratelimit-limit",
    "ratelimit-remaining",
    "ratelimit-reset",
    "x-ratelimit-limit",
    "x-ratelimit-remaining",
    "x-ratelimit-reset",
];

/// The first whole number in a field value: `100`, `100, 10;w=1` (older
/// drafts allowed a policy after the quota) or `"100"`.
fn leading_number(value: &str, notes: &mut Vec<String>, name: &str) -> Option<u64> {
    let first = split_list(value).elements.first().copied().unwrap_or("");
    let first = first.split(';').next().unwrap_or("").trim().trim_matches('"');
    match number_shape(first) {
        NumberShape::Digits { value, .. } => Some(value),
        NumberShape::Fractional => {
            let whole = first.split('.').next().unwrap_or("");
            let value = match number_shape(whole) {
                NumberShape::Digits { value, .. } => Some(value.saturating_add(1)),
                _ => None,
            };
            notes.push(match value {
                Some(value) => {
                    format!("{name}: {first:?} has a fraction; read as {value} (rounded up).")
                }
                None => format!("{name}: {first:?} is not a whole number; ignored."),
            });
            value
        }
        _ => {
            notes.push(format!("{name}: {first:?} is not a whole number; ignored."));
            None
        }
    }
}

/// Parameters of a Structured Field list member: `"name";q=100;w=60`.
struct Member<'a> {
    name: Option<&'a str>,
    params: Vec<(&'a str, &'a str)>,
}

fn members(value: &str) -> Vec<Member<'_>> {
    split_list(value)
        .elements
        .into_iter()
        .map(|element| {
            let mut parts = element.split(';').map(str::trim);
            let head = parts.next().unwrap_or("");
            let (name, mut params) = match head.split_once('=') {
                // The draft-07 dictionary form `limit=100, remaining=50, reset=30`.
                Some((key, value)) => (None, vec![(key.trim(), value.trim())]),
                None => (Some(head.trim_matches('"')), Vec::new()),
            };
            params
                .extend(parts.filter_map(|p| p.split_once('=')).map(|(k, v)| (k.trim(), v.trim())));
            Member { name, params }
        })
        .collect()
}

/// The first member of a RateLimit or RateLimit-Policy value; the draft-07
/// dictionary form (`limit=100, remaining=50, reset=30`) is merged into one.
fn first_member(value: &str) -> Option<Member<'_>> {
    let mut all = members(value).into_iter();
    let mut first = all.next()?;
    if first.name.is_none() {
        for other in all.filter(|m| m.name.is_none()) {
            first.params.extend(other.params);
        }
    }
    Some(first)
}

fn param<'a>(member: &Member<'a>, keys: &[&str]) -> Option<&'a str> {
    member
        .params
        .iter()
        .find(|(k, _)| keys.iter().any(|key| k.eq_ignore_ascii_case(key)))
        .map(|(_, v)| *v)
}

fn number(text: Option<&str>) -> Option<u64> {
    match number_shape(text?.trim_matches('"')) {
        NumberShape::Digits { value, .. } => Some(value),
        _ => None,
    }
}

pub(crate) fn read_rate_limit(
    headers: &Headers,
    now: UnixTime,
    retry_after: Option<&RetryAfterReading>,
    status: u16,
) -> Option<RateLimitReading> {
    let fields: Vec<RateLimitField> = headers
        .iter()
        .filter(|h| FIELD_NAMES.iter().any(|n| h.name.eq_ignore_ascii_case(n)))
        .map(|h| RateLimitField { name: h.name.clone(), value: h.value.clone() })
        .collect();
    if fields.is_empty() {
        return None;
    }
    let mut notes = Vec::new();
    let mut policy = None;
    let mut limit = None;
    let mut remaining = None;
    let mut window_s = None;
    let mut reset_raw = None;
    let mut reset_kind = None;
    let mut wait_s = None;
    let mut wait_from = None;

    let scheme = if headers.has("ratelimit") || headers.has("ratelimit-policy") {
        if let Some(value) = headers.get("ratelimit-policy") {
            if let Some(first) = &first_member(value) {
                policy = first.name.map(str::to_string);
                limit = number(param(first, &["q"]));
                window_s = number(param(first, &["w"]));
            }
        }
        if let Some(value) = headers.get("ratelimit") {
            if let Some(first) = &first_member(value) {
                if policy.is_none() {
                    policy = first.name.map(str::to_string);
                }
                remaining = number(param(first, &["r", "remaining"]));
                limit = limit.or(number(param(first, &["limit"])));
                if let Some(t) = param(first, &["t", "reset"]) {
                    reset_raw = Some(t.to_string());
                    reset_kind = Some(ResetKind::DeltaSeconds);
                    wait_s = number(Some(t));
                    wait_from = Some(WaitFrom::Receipt);
                }
            }
        }
        RateLimitScheme::Ietf
    } else if headers.has_any(&["ratelimit-limit", "ratelimit-remaining", "ratelimit-reset"]) {
        limit = headers
            .get("ratelimit-limit")
            .and_then(|v| leading_number(v, &mut notes, "RateLimit-Limit"));
        remaining = headers
            .get("ratelimit-remaining")
            .and_then(|v| leading_number(v, &mut notes, "RateLimit-Remaining"));
        if let Some(value) = headers.get("ratelimit-reset") {
            reset_raw = Some(value.trim().to_string());
            reset_kind = Some(ResetKind::DeltaSeconds);
            wait_s = leading_number(value, &mut notes, "RateLimit-Reset");
            wait_from = Some(WaitFrom::Receipt);
        }
        RateLimitScheme::IetfLegacy
    } else {
        limit = headers
            .get("x-ratelimit-limit")
            .and_then(|v| leading_number(v, &mut notes, "X-RateLimit-Limit"));
        remaining = headers
            .get("x-ratelimit-remaining")
            .and_then(|v| leading_number(v, &mut notes, "X-RateLimit-Remaining"));
        if let Some(value) = headers.get("x-ratelimit-reset") {
            reset_raw = Some(value.trim().to_string());
            if let Some(reset) = leading_number(value, &mut notes, "X-RateLimit-Reset") {
                let base = response_date(headers, now);
                let origin = base.map_or(now.0, |d| d.0);
                let from = if base.is_some() { WaitFrom::ResponseDate } else { WaitFrom::Now };
                let until = |epoch_seconds: u64| {
                    let epoch = i64::try_from(epoch_seconds).unwrap_or(i64::MAX);
                    u64::try_from(epoch.saturating_sub(origin)).unwrap_or(0)
                };
                let (kind, wait, measured) = if reset >= EPOCH_MILLIS_FROM {
                    (ResetKind::EpochMillis, until(reset / 1000), from)
                } else if reset >= EPOCH_SECONDS_FROM {
                    (ResetKind::EpochSeconds, until(reset), from)
                } else {
                    (ResetKind::DeltaSeconds, reset, WaitFrom::Receipt)
                };
                notes.push(match kind {
                    ResetKind::DeltaSeconds => format!(
                        "X-RateLimit-Reset {reset} is small, so it reads as seconds from now \
                         (some APIs send a Unix timestamp instead)."
                    ),
                    ResetKind::EpochSeconds | ResetKind::EpochMillis => format!(
                        "X-RateLimit-Reset {reset} is large, so it reads as a Unix timestamp{} \
                         (as GitHub sends it): the reset is {wait} s after {}.",
                        if kind == ResetKind::EpochMillis { " in milliseconds" } else { "" },
                        if from == WaitFrom::ResponseDate {
                            "the response's Date"
                        } else {
                            "the analysis time (the response has no usable Date)"
                        }
                    ),
                });
                reset_kind = Some(kind);
                wait_s = Some(wait);
                wait_from = Some(measured);
            }
        }
        RateLimitScheme::Vendor
    };

    let exhausted = remaining == Some(0);
    if let (Some(left), 429) = (remaining, status) {
        if left > 0 {
            notes.push(format!(
                "The fields say {left} requests remain, yet the status is 429: the limit that \
                 was hit is another one (or the fields are stale)."
            ));
        }
    }
    let contradiction = match (retry_after.and_then(|r| r.wait_s), wait_s) {
        (Some(ra), Some(rl)) if ra.abs_diff(rl) > AGREEMENT_SECONDS => Some(format!(
            "Retry-After asks for {} but the rate-limit reset is in {}; Retry-After is the \
             standard field and wins, and a client that reads only the rate-limit field \
             retries {}.",
            seconds_text(ra),
            seconds_text(rl),
            if rl < ra { "too early" } else { "later than needed" }
        )),
        _ => None,
    };
    Some(RateLimitReading {
        scheme,
        fields,
        policy,
        limit,
        remaining,
        window_s,
        reset_raw,
        reset_kind,
        wait_s,
        wait_from,
        exhausted,
        contradiction,
        notes,
    })
}

pub(crate) fn describe_seconds(seconds: u64) -> String {
    seconds_text(seconds)
}
