//! The chain of RFC 9111 checks behind one cache's verdict.

use crate::exchange::Exchange;
use crate::headers::cache_control::{
    parse_cache_control, CacheControl, DeltaValue, Qualified, Side,
};
use crate::headers::date::{parse_http_date, DateForm, Timestamp};
use crate::headers::list::{parse_delta_seconds, split_list, trim_ows};
use crate::registry::model::Citation;
use crate::registry::Registry;
use crate::time::UnixTime;

use super::spec::{rfc5861, rfc8246, rfc9110, rfc9111};
use super::{CacheStep, CacheVerdict, Windows};

/// The heuristic freshness lifetime is 10% of the time since Last-Modified
/// (RFC 9111 §4.2.2), capped at one week, so that a years-old
/// Last-Modified does not make a response fresh for months.
pub const HEURISTIC_CAP_S: i64 = 7 * 86_400;

/// The fraction of the Last-Modified age used, in percent.
const HEURISTIC_PERCENT: i64 = 10;

fn step(label: impl Into<String>, detail: impl Into<String>, spec: Citation) -> CacheStep {
    CacheStep { label: label.into(), detail: detail.into(), spec }
}

/// How the Expires field reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ExpiresReading {
    Absent,
    /// Unparseable (e.g. "0") or several different values: already expired.
    Invalid(String),
    At {
        timestamp: i64,
        form: DateForm,
    },
}

/// What both verdicts share: the parsed fields and the age arithmetic.
pub(crate) struct Context<'a> {
    pub exchange: &'a Exchange,
    pub cc: CacheControl,
    pub req_cc: CacheControl,
    pub method: String,
    pub status: u16,
    /// The Date field, when valid.
    pub date: Option<i64>,
    /// Date, else `now`.
    pub received_at: i64,
    pub now: i64,
    /// corrected_initial_age (§4.2.3): the age the response had on arrival.
    pub initial_age: i64,
    pub age_s: i64,
    pub age_step: CacheStep,
    pub expires: ExpiresReading,
}

impl<'a> Context<'a> {
    pub fn new(exchange: &'a Exchange, now: UnixTime) -> Context<'a> {
        let response = &exchange.response;
        let headers = &response.headers;
        let cc = parse_cache_control(headers.all("cache-control"), Side::Response);
        let req_cc = if exchange.request_known {
            parse_cache_control(exchange.request.headers.all("cache-control"), Side::Request)
        } else {
            parse_cache_control(Vec::<String>::new(), Side::Request)
        };
        let reference = Some(Timestamp(now.0));
        let date = headers
            .get("date")
            .and_then(|value| parse_http_date(value, reference).ok())
            .map(|parsed| parsed.timestamp.0);
        let received_at = date.unwrap_or(now.0);
        let age_value = headers
            .all("age")
            .find_map(|value| parse_delta_seconds(value).ok())
            .map_or(0, |delta| i64::try_from(delta.seconds).unwrap_or(i64::MAX));
        // §4.2.3 with response_time = date_value (or now without a Date)
        // and request_time = response_time, so apparent_age and
        // response_delay are 0.
        let apparent_age = received_at.saturating_sub(date.unwrap_or(received_at)).max(0);
        let response_delay = 0;
        let corrected_age_value = age_value.saturating_add(response_delay);
        let initial_age = apparent_age.max(corrected_age_value);
        let resident_time = now.0.saturating_sub(received_at).max(0);
        let age_s = initial_age.saturating_add(resident_time);
        let receipt = match (date, headers.get("date")) {
            (Some(_), _) => "the receipt time is taken to be the response's Date".to_string(),
            (None, Some(raw)) => format!(
                "the Date {raw:?} is not a valid HTTP-date, so the receipt time is taken to be \
                 the analysis time"
            ),
            (None, None) => {
                "the response has no Date, so the receipt time is taken to be the analysis time \
                 (and a cache would add a Date of its own, RFC 9110 §6.6.1)"
                    .to_string()
            }
        };
        let age_note =
            if headers.has("age") && !headers.all("age").any(|v| parse_delta_seconds(v).is_ok()) {
                " The Age field is not a number of seconds and is ignored (RFC 9111 §5.1)."
            } else {
                ""
            };
        let age_step = step(
            format!("Current age: {}", describe(age_s)),
            format!(
                "current_age = corrected_initial_age + resident_time = {initial_age} + \
                 {resident_time} = {age_s} s: {receipt}; apparent_age = max(0, response_time - \
                 date_value) = {apparent_age}, corrected_age_value = age_value + response_delay = \
                 {age_value} + {response_delay}, resident_time = now - response_time.{age_note}"
            ),
            rfc9111("4.2.3"),
        );
        let expires = read_expires(exchange, reference);
        Context {
            exchange,
            cc,
            req_cc,
            method: exchange.request.method.trim().to_string(),
            status: response.status,
            date,
            received_at,
            now: now.0,
            initial_age,
            age_s,
            age_step,
            expires,
        }
    }

    fn request_has(&self, name: &str) -> bool {
        self.exchange.request_known && self.exchange.request.headers.has(name)
    }

    /// Explicit expiration information for this kind of cache (§4.2.1).
    pub fn has_explicit(&self, shared: bool) -> bool {
        (shared && self.cc.has("s-maxage"))
            || self.cc.has("max-age")
            || self.expires != ExpiresReading::Absent
    }
}

fn read_expires(exchange: &Exchange, reference: Option<Timestamp>) -> ExpiresReading {
    let values: Vec<&str> = exchange.response.headers.all("expires").collect();
    let Some(first) = values.first() else {
        return ExpiresReading::Absent;
    };
    if values.iter().any(|v| v.trim() != first.trim()) {
        return ExpiresReading::Invalid(format!(
            "{} Expires fields with different values: invalid, so already expired",
            values.len()
        ));
    }
    match parse_http_date(first, reference) {
        Ok(parsed) => ExpiresReading::At { timestamp: parsed.timestamp.0, form: parsed.form },
        Err(error) => ExpiresReading::Invalid(format!(
            "Expires: {first:?} is not an HTTP-date ({error}); a cache reads it as a time in the \
             past, already expired"
        )),
    }
}

/// "1 h 30 min" style durations for labels.
pub(crate) fn describe(seconds: i64) -> String {
    let sign = if seconds < 0 { "-" } else { "" };
    let s = seconds.unsigned_abs();
    let text = match s {
        0..=119 => format!("{s} s"),
        120..=7_199 => format!("{} min", s / 60),
        7_200..=172_799 => format!("{} h", s / 3_600),
        _ => format!("{} days", s / 86_400),
    };
    format!("{sign}{text}")
}

/// A delta-seconds directive as this engine reads it: the first occurrence
/// when every occurrence agrees; stale (0) when they disagree or the value
/// is invalid (RFC 9111 §4.2.1).
fn delta(cc: &CacheControl, name: &str) -> Option<(i64, String)> {
    let directive = cc.get(name)?;
    let written = directive.value.clone().unwrap_or_default();
    let all: Vec<&str> = cc
        .directives
        .iter()
        .filter(|d| d.name == name)
        .map(|d| d.value.as_deref().unwrap_or(""))
        .collect();
    if all.iter().any(|v| *v != written) {
        return Some((
            0,
            format!(
                "{name} appears {} times with different values ({}): RFC 9111 §4.2.1 lets a \
                 cache use the first or consider the response stale; this analysis takes the \
                 stricter reading, stale",
                all.len(),
                all.join(", ")
            ),
        ));
    }
    let duplicate = if all.len() > 1 {
        format!(" ({name} appears {} times with the same value; read once)", all.len())
    } else {
        String::new()
    };
    let value = cc.delta_value(name);
    match value {
        Some(DeltaValue::Seconds(seconds)) => {
            let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
            Some((seconds, format!("{name}={written}{duplicate}")))
        }
        Some(DeltaValue::Missing) | None => Some((
            0,
            format!(
                "{name} has no value: invalid freshness information, so the response is \
                 considered stale (RFC 9111 §4.2.1){duplicate}"
            ),
        )),
        Some(DeltaValue::Invalid) => Some((
            0,
            format!(
                "{name}={written} is not a number of seconds: invalid freshness information, so \
                 the response is considered stale (RFC 9111 §4.2.1){duplicate}"
            ),
        )),
    }
}

trait DeltaLookup {
    fn delta_value(&self, name: &str) -> Option<DeltaValue>;
}

impl DeltaLookup for CacheControl {
    fn delta_value(&self, name: &str) -> Option<DeltaValue> {
        let directive = match name {
            "max-age" => self.max_age(),
            "s-maxage" => self.s_maxage(),
            "stale-while-revalidate" => self.stale_while_revalidate(),
            "stale-if-error" => self.stale_if_error(),
            _ => None,
        };
        directive.map(|d| d.value)
    }
}

fn fields_list(fields: &[String]) -> String {
    fields.join(", ")
}

/// Is the Content-Location the request's target URI (RFC 9110 §9.3.3)?
fn content_location_is_target(exchange: &Exchange) -> bool {
    let Some(location) = exchange.response.headers.get("content-location") else {
        return false;
    };
    let host = exchange.request.headers.get("host").map(str::trim);
    let normalize = |uri: &str| -> Option<String> {
        let uri = uri.trim();
        let lower = uri.to_ascii_lowercase();
        for scheme in ["https://", "http://"] {
            if lower.starts_with(scheme) {
                let rest = &uri[scheme.len()..];
                let (authority, path) = match rest.find('/') {
                    Some(index) => (&rest[..index], &rest[index..]),
                    None => (rest, "/"),
                };
                if let Some(host) = host {
                    if !authority.eq_ignore_ascii_case(host) {
                        return None;
                    }
                }
                return Some(path.to_string());
            }
        }
        if uri.starts_with('/') {
            Some(uri.to_string())
        } else {
            None
        }
    };
    match (normalize(location), normalize(&exchange.request.target)) {
        (Some(a), Some(b)) => a == b,
        _ => false,
    }
}

struct Chain {
    steps: Vec<CacheStep>,
    storable: bool,
}

impl Chain {
    fn push(&mut self, step: CacheStep) {
        self.steps.push(step);
    }

    fn refuse(&mut self, step: CacheStep) {
        self.storable = false;
        self.steps.push(step);
    }
}

/// The verdict for a shared (`true`) or private cache.
pub(crate) fn judge(ctx: &Context<'_>, shared: bool) -> CacheVerdict {
    let cc = &ctx.cc;
    let who = if shared { "A shared cache" } else { "A private cache" };
    let mut chain = Chain { steps: Vec::new(), storable: true };
    let explicit = ctx.has_explicit(shared);

    method_step(ctx, explicit, &mut chain);
    if ctx.req_cc.no_store() {
        chain.refuse(step(
            "Request says no-store",
            "The request's Cache-Control: no-store forbids storing any part of the request or \
             of any response to it.",
            rfc9111("5.2.1.5"),
        ));
    }
    let heuristic_status = status_step(ctx, &mut chain);

    if cc.no_store() {
        chain.refuse(step(
            "no-store",
            "Cache-Control: no-store: no cache may store any part of this response.",
            rfc9111("5.2.2.5"),
        ));
    }
    let private = cc.private();
    match (&private, shared) {
        (Qualified::None, _) => {}
        (Qualified::Plain, true) => chain.refuse(step(
            "private",
            "Cache-Control: private: the response is for one user; a shared cache must not \
             store it.",
            rfc9111("5.2.2.7"),
        )),
        (Qualified::Plain, false) => chain.push(step(
            "private",
            "Cache-Control: private: meant for one user, so only a private cache such as the \
             browser's may store it; that is this cache, and private also permits storing \
             (RFC 9111 §3).",
            rfc9111("5.2.2.7"),
        )),
        (Qualified::Fields(fields), true) => chain.push(step(
            format!("private=\"{}\"", fields_list(fields)),
            format!(
                "A qualified private: a shared cache may store the response but must not store \
                 the listed field{} ({}); the rest is reusable.",
                if fields.len() == 1 { "" } else { "s" },
                fields_list(fields)
            ),
            rfc9111("5.2.2.7"),
        )),
        (Qualified::Fields(fields), false) => chain.push(step(
            format!("private=\"{}\"", fields_list(fields)),
            "A qualified private restricts shared caches only; a private cache stores the whole \
             response.",
            rfc9111("5.2.2.7"),
        )),
    }
    if cc.public() {
        let detail = if private != Qualified::None {
            "Cache-Control: public together with private: the two contradict each other and the \
             more restrictive private is honoured (RFC 9111 §4.2.1)."
        } else if shared && ctx.request_has("authorization") {
            "Cache-Control: public: any cache may store it, even though the request carried \
             Authorization (see below)."
        } else {
            "Cache-Control: public: any cache may store it, and a heuristic freshness lifetime \
             is allowed whatever the status code."
        };
        chain.push(step("public", detail, rfc9111("5.2.2.9")));
    }
    let no_cache = cc.no_cache();
    match &no_cache {
        Qualified::None => {}
        Qualified::Plain => chain.push(step(
            "no-cache",
            format!(
                "Cache-Control: no-cache: {} may store it but must not use it, not even when \
                 fresh, without revalidating it with the origin first.",
                who.to_ascii_lowercase()
            ),
            rfc9111("5.2.2.4"),
        )),
        Qualified::Fields(fields) => chain.push(step(
            format!("no-cache=\"{}\"", fields_list(fields)),
            format!(
                "A qualified no-cache: the listed field{} ({}) must not be reused in a response \
                 without revalidation; the rest of the response may be.",
                if fields.len() == 1 { "" } else { "s" },
                fields_list(fields)
            ),
            rfc9111("5.2.2.4"),
        )),
    }
    authorization_step(ctx, shared, &mut chain);
    if ctx.exchange.response.headers.has("set-cookie") {
        let advice = if shared && private == Qualified::None {
            " Unless the response is marked private (or private=\"Set-Cookie\"), a shared cache \
             may hand this cookie to every user; some caches refuse to store such responses."
        } else {
            ""
        };
        chain.push(step(
            "Set-Cookie",
            format!(
                "Set-Cookie does not by itself inhibit caching: a cacheable response with \
                 Set-Cookie can be reused for other requests.{advice}"
            ),
            rfc9111("7.3"),
        ));
    }
    let vary_star = vary_step(ctx, &mut chain);
    permission_step(ctx, shared, heuristic_status, private != Qualified::None, &mut chain);

    let (lifetime, heuristic) = freshness(ctx, shared, heuristic_status, &mut chain);
    chain.push(ctx.age_step.clone());

    let must_revalidate = revalidate_step(ctx, shared, &mut chain);
    let fresh_until = lifetime.map(|l| l.saturating_sub(ctx.initial_age));
    let stale_ok = !must_revalidate && no_cache != Qualified::Plain;
    let swr = stale_step(ctx, "stale-while-revalidate", "3", fresh_until, stale_ok, &mut chain);
    let sie = stale_step(ctx, "stale-if-error", "4", fresh_until, stale_ok, &mut chain);
    if cc.immutable() {
        chain.push(step(
            "immutable",
            "Cache-Control: immutable: while it is fresh, the body will not change, so a \
             browser need not revalidate it even when the user reloads. It does not lengthen \
             the freshness lifetime.",
            rfc8246("2"),
        ));
    }
    if !ctx.exchange.response.headers.has("cache-control")
        && ctx.exchange.response.headers.has("pragma")
    {
        chain.push(step(
            "Pragma",
            "Pragma is defined only for requests and is deprecated; in a response it has no \
             defined meaning and this analysis ignores it (some caches read Pragma: no-cache \
             as Cache-Control: no-cache).",
            rfc9111("5.4"),
        ));
    }

    let usable = chain.storable && !vary_star;
    let windows = Windows {
        fresh_until_s: if usable { fresh_until } else { None },
        stale_while_revalidate_until_s: if usable { swr } else { None },
        stale_if_error_until_s: if usable { sie } else { None },
        must_revalidate: chain.storable && must_revalidate,
        no_cache: chain.storable && no_cache == Qualified::Plain,
    };
    CacheVerdict {
        storable: chain.storable,
        freshness_lifetime_s: lifetime,
        heuristic,
        reasons: chain.steps,
        windows,
    }
}

fn method_step(ctx: &Context<'_>, explicit: bool, chain: &mut Chain) {
    if !ctx.exchange.request_known {
        chain.push(step(
            "Request unknown: GET assumed",
            "The input has only the response; the verdict assumes it answered a GET, the method \
             caches store responses to.",
            rfc9111("3"),
        ));
        return;
    }
    let method = ctx.method.as_str();
    match method {
        "GET" | "HEAD" => chain.push(step(
            format!("{method} is cacheable"),
            format!(
                "{method} is a cacheable method that every cache understands (RFC 9110 §9.2.3)."
            ),
            rfc9111("3"),
        )),
        "POST" => {
            let located = content_location_is_target(ctx.exchange);
            if explicit && located {
                chain.push(step(
                    "POST with explicit freshness and Content-Location",
                    "A response to POST is reusable for a later GET of the same URI when it has \
                     explicit freshness information and a Content-Location equal to the target \
                     URI.",
                    rfc9110("9.3.3"),
                ));
            } else {
                let missing = match (explicit, located) {
                    (false, false) => "explicit freshness information and a Content-Location equal to the target URI",
                    (false, true) => "explicit freshness information (max-age, s-maxage or Expires)",
                    _ => "a Content-Location equal to the target URI",
                };
                chain.refuse(step(
                    "POST response not storable",
                    format!(
                        "A response to POST is cacheable only with explicit freshness information \
                         and a Content-Location equal to the target URI; this one lacks {missing}. \
                         Caches rarely store POST responses in any case."
                    ),
                    rfc9110("9.3.3"),
                ));
            }
        }
        other => {
            let upper = other.to_ascii_uppercase();
            let detail = if upper != other && matches!(upper.as_str(), "GET" | "HEAD" | "POST") {
                format!(
                    "Methods are case-sensitive (RFC 9110 §9.1): {other:?} is not {upper}, and a \
                     cache does not understand it as cacheable."
                )
            } else {
                format!(
                    "{other} is not a method a cache understands as cacheable (only GET, HEAD \
                     and, with conditions, POST are), so it must not store the response."
                )
            };
            chain.refuse(step(format!("{other} is not cacheable"), detail, rfc9111("3")));
        }
    }
}

/// Returns whether the status is heuristically cacheable.
fn status_step(ctx: &Context<'_>, chain: &mut Chain) -> bool {
    let status = ctx.status;
    let entry = Registry::global().entry(status);
    let name = entry.map(|e| format!("{status} {}", e.name)).unwrap_or_else(|| status.to_string());
    if status < 200 {
        chain.refuse(step(
            format!("{name} is not final"),
            "An informational (1xx) response is not a final response; caches store only final \
             responses.",
            rfc9111("3"),
        ));
        return false;
    }
    if status == 304 {
        chain.refuse(step(
            name.clone(),
            "A 304 is not stored on its own: it freshens the stored response it validates, \
             whose header fields it updates.",
            rfc9111("4.3.4"),
        ));
        return false;
    }
    let Some(entry) = entry.filter(|_| status <= 599) else {
        chain.refuse(step(
            format!("{status} is not understood"),
            format!(
                "{status} is not a registered status code; a cache must not store a response \
                 whose status it does not understand."
            ),
            rfc9111("3"),
        ));
        return false;
    };
    if entry.heuristically_cacheable {
        let partial = if status == 206 {
            " A cache that does not support range requests must not store it (RFC 9111 §3.3, \
             §3.4); this analysis assumes one that does."
        } else {
            ""
        };
        chain.push(step(
            format!("{name} is heuristically cacheable"),
            format!(
                "{status} is understood and cacheable by default: a cache may store it and give \
                 it a heuristic freshness lifetime even without explicit freshness information.{partial}"
            ),
            rfc9110("15.1"),
        ));
        true
    } else {
        chain.push(step(
            format!("{name} is not heuristically cacheable"),
            format!(
                "{status} is understood but not cacheable by default: a cache may store it only \
                 when the response says so (max-age, s-maxage, Expires, public or private)."
            ),
            rfc9110("15.1"),
        ));
        false
    }
}

fn authorization_step(ctx: &Context<'_>, shared: bool, chain: &mut Chain) {
    if !ctx.request_has("authorization") {
        return;
    }
    let cc = &ctx.cc;
    if !shared {
        chain.push(step(
            "Authorization in the request",
            "The request carried Authorization; that restricts shared caches only, so the \
             browser's cache may store the response.",
            rfc9111("3.5"),
        ));
        return;
    }
    let allowing: Vec<&str> =
        ["public", "s-maxage", "must-revalidate"].into_iter().filter(|name| cc.has(name)).collect();
    if allowing.is_empty() {
        chain.refuse(step(
            "Authorization in the request",
            "The request carried Authorization: a shared cache must not store the response \
             unless it says public, s-maxage or must-revalidate, and it says none of them.",
            rfc9111("3.5"),
        ));
    } else {
        chain.push(step(
            "Authorization in the request",
            format!(
                "The request carried Authorization, but the response's {} explicitly allows a \
                 shared cache to store it.",
                allowing.join(", ")
            ),
            rfc9111("3.5"),
        ));
    }
}

/// Returns whether Vary contains "*".
fn vary_step(ctx: &Context<'_>, chain: &mut Chain) -> bool {
    let mut names: Vec<String> = Vec::new();
    for value in ctx.exchange.response.headers.all("vary") {
        for element in split_list(value).elements {
            names.push(trim_ows(element).to_string());
        }
    }
    if names.is_empty() {
        return false;
    }
    if names.iter().any(|n| n == "*") {
        chain.push(step(
            "Vary: *",
            "Vary: * means the response depends on more than request fields: a stored copy never \
             matches a later request, so it is never reused; every request goes to the origin.",
            rfc9111("4.1"),
        ));
        return true;
    }
    chain.push(step(
        format!("Vary: {}", names.join(", ")),
        format!(
            "A stored copy is reused only for requests whose {} match the original request's; \
             other requests need a separate entry.",
            names.join(", ")
        ),
        rfc9111("4.1"),
    ));
    false
}

/// The last §3 condition: something must permit storing.
fn permission_step(
    ctx: &Context<'_>,
    shared: bool,
    heuristic_status: bool,
    has_private: bool,
    chain: &mut Chain,
) {
    if !chain.storable {
        return;
    }
    let cc = &ctx.cc;
    let mut permits: Vec<&str> = Vec::new();
    if ctx.expires != ExpiresReading::Absent {
        permits.push("Expires");
    }
    if cc.has("max-age") {
        permits.push("max-age");
    }
    if shared && cc.has("s-maxage") {
        permits.push("s-maxage");
    }
    if cc.public() {
        permits.push("public");
    }
    if !shared && has_private {
        permits.push("private");
    }
    if heuristic_status {
        permits.push("a heuristically cacheable status");
    }
    if permits.is_empty() {
        chain.refuse(step(
            "Nothing permits storing",
            format!(
                "A cache may store a response only when it has Expires, max-age, s-maxage (shared \
                 caches), public, private (private caches) or a heuristically cacheable status; \
                 {} has none of these.",
                ctx.status
            ),
            rfc9111("3"),
        ));
    } else {
        chain.push(step("Storable", format!("Permitted by {}.", permits.join(", ")), rfc9111("3")));
    }
}

/// The freshness lifetime and whether it is heuristic.
fn freshness(
    ctx: &Context<'_>,
    shared: bool,
    heuristic_status: bool,
    chain: &mut Chain,
) -> (Option<i64>, bool) {
    let cc = &ctx.cc;
    if shared {
        if let Some((seconds, how)) = delta(cc, "s-maxage") {
            chain.push(step(
                format!("Fresh for {} (s-maxage)", describe(seconds)),
                format!(
                    "{how}: for a shared cache s-maxage overrides max-age and Expires, so the \
                     freshness lifetime is {seconds} s."
                ),
                rfc9111("5.2.2.10"),
            ));
            return (Some(seconds), false);
        }
    } else if cc.has("s-maxage") {
        chain.push(step(
            "s-maxage ignored",
            "s-maxage applies to shared caches only; a private cache ignores it.",
            rfc9111("5.2.2.10"),
        ));
    }
    if let Some((seconds, how)) = delta(cc, "max-age") {
        let overrides =
            if ctx.expires != ExpiresReading::Absent { " and overrides Expires" } else { "" };
        chain.push(step(
            format!("Fresh for {} (max-age)", describe(seconds)),
            format!("{how}: the freshness lifetime is {seconds} s{overrides}."),
            rfc9111("5.2.2.1"),
        ));
        return (Some(seconds), false);
    }
    let date_value = ctx.received_at;
    let date_source =
        if ctx.date.is_some() { "the response's Date" } else { "the receipt time (no valid Date)" };
    match &ctx.expires {
        ExpiresReading::Invalid(why) => {
            chain.push(step(
                "Already expired (invalid Expires)",
                format!("{why}. The freshness lifetime is 0: the response is stale on arrival."),
                rfc9111("5.3"),
            ));
            return (Some(0), false);
        }
        ExpiresReading::At { timestamp, form } => {
            let lifetime = timestamp.saturating_sub(date_value);
            let obsolete = if form.is_obsolete() {
                format!(
                    " It is written as an obsolete {}; recipients must accept it, senders must \
                     send IMF-fixdate (RFC 9110 §5.6.7).",
                    form.label()
                )
            } else {
                String::new()
            };
            let label = if lifetime > 0 {
                format!("Fresh for {} (Expires - Date)", describe(lifetime))
            } else {
                "Already expired (Expires in the past)".to_string()
            };
            chain.push(step(
                label,
                format!(
                    "freshness_lifetime = expires_value - date_value = {lifetime} s, with \
                     date_value = {date_source}.{obsolete}"
                ),
                rfc9111("4.2.1"),
            ));
            return (Some(lifetime), false);
        }
        ExpiresReading::Absent => {}
    }
    if !(heuristic_status || cc.public()) {
        chain.push(step(
            "No freshness lifetime",
            "No s-maxage, max-age or Expires, and the status is neither heuristically cacheable \
             nor marked public, so no heuristic applies: the response can be reused only after \
             revalidation.",
            rfc9111("4.2.2"),
        ));
        return (None, false);
    }
    let last_modified = ctx
        .exchange
        .response
        .headers
        .get("last-modified")
        .and_then(|v| parse_http_date(v, Some(Timestamp(ctx.now))).ok())
        .map(|p| p.timestamp.0);
    let Some(last_modified) = last_modified else {
        chain.push(step(
            "No freshness lifetime",
            "No explicit expiration and no valid Last-Modified to base a heuristic on: a cache \
             may store the response but must revalidate it before reuse.",
            rfc9111("4.2.2"),
        ));
        return (None, false);
    };
    let since = date_value.saturating_sub(last_modified);
    let uncapped = since / (100 / HEURISTIC_PERCENT);
    let lifetime = uncapped.clamp(0, HEURISTIC_CAP_S);
    let cap = if uncapped > HEURISTIC_CAP_S {
        format!(", capped at {} ({HEURISTIC_CAP_S} s)", describe(HEURISTIC_CAP_S))
    } else {
        String::new()
    };
    let detail = if since <= 0 {
        "Last-Modified is not earlier than the Date, so the heuristic gives no freshness \
         (a Last-Modified later than Date is invalid, RFC 9110 §8.8.2.1)."
            .to_string()
    } else {
        format!(
            "No explicit expiration: the lifetime is {HEURISTIC_PERCENT}% of the time since \
             Last-Modified ({since} s to {date_source}) = {uncapped} s{cap}. The cap is this \
             analysis's choice (at most {}); caches pick their own.",
            describe(HEURISTIC_CAP_S)
        )
    };
    chain.push(step(
        format!("Heuristic: fresh for {}", describe(lifetime)),
        detail,
        rfc9111("4.2.2"),
    ));
    (Some(lifetime), true)
}

fn revalidate_step(ctx: &Context<'_>, shared: bool, chain: &mut Chain) -> bool {
    let cc = &ctx.cc;
    if cc.must_revalidate() {
        chain.push(step(
            "must-revalidate",
            "Once stale, the response must not be used without successful revalidation; if the \
             origin cannot be reached the cache answers 504 instead of serving it stale.",
            rfc9111("5.2.2.2"),
        ));
        return true;
    }
    if cc.proxy_revalidate() {
        if shared {
            chain.push(step(
                "proxy-revalidate",
                "For a shared cache this is must-revalidate: no serving stale without successful \
                 revalidation.",
                rfc9111("5.2.2.8"),
            ));
            return true;
        }
        chain.push(step(
            "proxy-revalidate",
            "proxy-revalidate binds shared caches only; a private cache may serve the response \
             stale where the rules allow.",
            rfc9111("5.2.2.8"),
        ));
    }
    if shared && cc.has("s-maxage") {
        chain.push(step(
            "s-maxage implies proxy-revalidate",
            "A shared cache must not serve the response stale without revalidating it.",
            rfc9111("5.2.2.10"),
        ));
        return true;
    }
    false
}

fn stale_step(
    ctx: &Context<'_>,
    name: &str,
    section: &'static str,
    fresh_until: Option<i64>,
    stale_ok: bool,
    chain: &mut Chain,
) -> Option<i64> {
    let cc = &ctx.cc;
    cc.get(name)?;
    let value = cc.delta_value(name);
    let Some(DeltaValue::Seconds(seconds)) = value else {
        chain.push(step(
            name.to_string(),
            format!("{name} needs a number of seconds; this one is ignored."),
            rfc5861(section),
        ));
        return None;
    };
    let seconds = i64::try_from(seconds).unwrap_or(i64::MAX);
    let meaning = if name == "stale-while-revalidate" {
        "after it becomes stale, a cache may keep serving it while it revalidates in the background"
    } else {
        "after it becomes stale, a cache may serve it when the origin answers with an error (500, 502, 503, 504) or cannot be reached"
    };
    if !stale_ok {
        chain.push(step(
            format!("{name}={seconds} does not apply"),
            format!(
                "For {} {meaning}, but must-revalidate (or proxy-revalidate / s-maxage in a \
                 shared cache) or no-cache forbids serving it stale.",
                describe(seconds)
            ),
            rfc9111("4.2.4"),
        ));
        return None;
    }
    let Some(fresh_until) = fresh_until else {
        chain.push(step(
            format!("{name}={seconds}"),
            format!(
                "For {} {meaning}; without a freshness lifetime it has no window to extend.",
                describe(seconds)
            ),
            rfc5861(section),
        ));
        return None;
    };
    chain.push(step(
        format!("{name}={seconds}"),
        format!("For {} {meaning}.", describe(seconds)),
        rfc5861(section),
    ));
    Some(fresh_until.saturating_add(seconds))
}
