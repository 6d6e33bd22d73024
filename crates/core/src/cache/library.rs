//! The http-cache-semantics crate's answer, with the clock fixed, and where
//! it differs from ours.

use std::time::{Duration, SystemTime};

use http::header::{HeaderName, HeaderValue};
use http_cache_semantics::{CacheOptions, CachePolicy};

use crate::headers::cache_control::Qualified;

use super::verdict::{Context, ExpiresReading};
use super::{CacheVerdict, LibraryVerdict};

/// 2^31 seconds: RFC 9111 §1.2.2's cap for delta-seconds, applied to Age
/// before the library sees it (its own arithmetic could overflow).
const DELTA_CAP: u64 = 2_147_483_648;

fn at(seconds: i64) -> SystemTime {
    let seconds = u64::try_from(seconds).unwrap_or(0);
    SystemTime::UNIX_EPOCH
        .checked_add(Duration::from_secs(seconds))
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

fn build(ctx: &Context<'_>) -> Option<(http::Request<()>, http::Response<()>)> {
    let exchange = ctx.exchange;
    let method = if exchange.request_known { ctx.method.as_str() } else { "GET" };
    let mut request = http::Request::new(());
    *request.method_mut() = http::Method::from_bytes(method.as_bytes()).ok()?;
    if let Ok(uri) = exchange.request.target.trim().parse::<http::Uri>() {
        *request.uri_mut() = uri;
    }
    if exchange.request_known {
        for header in exchange.request.headers.iter() {
            if let (Ok(name), Ok(value)) = (
                HeaderName::from_bytes(header.name.trim().as_bytes()),
                HeaderValue::from_str(header.value.trim()),
            ) {
                // HeaderMap holds at most 32,768 fields and panics past that
                // on `append`; a message that large gets no library verdict.
                request.headers_mut().try_append(name, value).ok()?;
            }
        }
    }
    let mut response = http::Response::new(());
    *response.status_mut() = http::StatusCode::from_u16(ctx.status).ok()?;
    for header in exchange.response.headers.iter() {
        let value = if header.name.eq_ignore_ascii_case("age") {
            match header.value.trim().parse::<u64>() {
                Ok(age) => age.min(DELTA_CAP).to_string(),
                Err(_) => continue,
            }
        } else {
            header.value.trim().to_string()
        };
        if let (Ok(name), Ok(value)) =
            (HeaderName::from_bytes(header.name.trim().as_bytes()), HeaderValue::from_str(&value))
        {
            response.headers_mut().try_append(name, value).ok()?;
        }
    }
    Some((request, response))
}

fn ttl(policy: &CachePolicy, now: SystemTime) -> i64 {
    i64::try_from(policy.time_to_live(now).as_secs()).unwrap_or(i64::MAX)
}

pub(crate) fn compare(
    ctx: &Context<'_>,
    shared: &CacheVerdict,
    private: &CacheVerdict,
) -> Option<LibraryVerdict> {
    let (request, response) = build(ctx)?;
    let received = at(ctx.received_at);
    let now = at(ctx.now);
    let run = |shared: bool| {
        let options = CacheOptions { shared, ..CacheOptions::default() };
        CachePolicy::new_options(&request, &response, received, options)
    };
    let shared_policy = run(true);
    let private_policy = run(false);
    let shared_storable = shared_policy.is_storable();
    let private_storable = private_policy.is_storable();
    let shared_ttl_s = if shared_storable { ttl(&shared_policy, now) } else { 0 };
    let private_ttl_s = if private_storable { ttl(&private_policy, now) } else { 0 };
    let elapsed = ctx.now.saturating_sub(ctx.received_at);
    let mut differs = Vec::new();
    for (label, ours, storable, theirs_ttl, is_shared) in [
        ("shared", shared, shared_storable, shared_ttl_s, true),
        ("private", private, private_storable, private_ttl_s, false),
    ] {
        let our_ttl = ours.fresh_for_at(elapsed);
        if ours.storable != storable {
            differs.push(format!(
                "{label} cache: the library says {}, this analysis says {}. {}",
                if storable { "storable" } else { "not storable" },
                if ours.storable { "storable" } else { "not storable" },
                explain(ctx, is_shared)
            ));
        } else if ours.storable && (our_ttl - theirs_ttl).abs() > 1 {
            differs.push(format!(
                "{label} cache: the library's time to live is {theirs_ttl} s, this analysis's \
                 {our_ttl} s. {}",
                explain(ctx, is_shared)
            ));
        }
    }
    Some(LibraryVerdict { shared_storable, shared_ttl_s, private_storable, private_ttl_s, differs })
}

/// The likeliest cause of a difference, with the RFC text behind ours.
fn explain(ctx: &Context<'_>, shared: bool) -> String {
    let cc = &ctx.cc;
    let headers = &ctx.exchange.response.headers;
    let mut causes: Vec<&str> = Vec::new();
    if ctx.exchange.request_known && ctx.method == "POST" {
        causes.push(
            "POST: the library stores a POST response with explicit freshness alone; RFC 9110 \
             §9.3.3 also requires \"a Content-Location header field that has the same value as \
             the POST's target URI\".",
        );
    }
    if ctx.status == 206 {
        causes.push(
            "206: the library does not understand partial content; RFC 9110 §15.1 lists 206 as \
             heuristically cacheable and RFC 9111 §3.4 lets a cache that supports ranges store \
             it.",
        );
    }
    if matches!(ctx.status, 500..=599) && ctx.status != 501 {
        causes.push(
            "5xx: the library stores only the status codes it lists; RFC 9111 §3 lets a cache \
             store any final status it understands when the response has explicit freshness \
             (\"the response status code is final\" and \"contains ... a max-age response \
             directive\").",
        );
    }
    if !shared && cc.has("private") {
        causes.push(
            "private in a private cache: RFC 9111 §3 lets a cache store a response that \
             \"contains ... a private response directive, if the cache is not shared\", whatever \
             its status; the library does not count it as a permission.",
        );
    }
    if cc.directives.iter().any(|d| d.raw_name != d.name) {
        causes.push(
            "Directive case: the library matches directive names case-sensitively; RFC 9111 \
             §5.2: directives are \"compared case-insensitively\".",
        );
    }
    if headers.all("vary").any(|v| v.split(',').any(|m| m.trim() == "*") && v.trim() != "*") {
        causes.push(
            "Vary: the library recognises only a Vary of exactly \"*\"; RFC 9111 §4.1: a Vary \
             \"containing a member \"*\" always fails to match\".",
        );
    }
    if matches!(cc.private(), Qualified::Fields(_)) {
        causes.push(
            "Qualified private: the library treats private=\"...\" as plain private; RFC 9111 \
             §5.2.2.7 says a shared cache \"MUST NOT store the specified field names\" but may \
             store the rest.",
        );
    }
    if matches!(cc.no_cache(), Qualified::Fields(_)) {
        causes.push(
            "Qualified no-cache: the library treats no-cache=\"...\" as plain no-cache; RFC 9111 \
             §5.2.2.4: the listed fields \"MUST NOT\" be sent without revalidation, but the rest \
             of the response may be reused.",
        );
    }
    if shared && headers.has("set-cookie") && !cc.public() && !cc.immutable() {
        causes.push(
            "Set-Cookie: the library gives shared caches no freshness for responses with \
             Set-Cookie unless public; RFC 9111 §7.3: \"the Set-Cookie response header field \
             does not inhibit caching\".",
        );
    }
    if shared && cc.proxy_revalidate() {
        causes.push(
            "proxy-revalidate: the library gives shared caches no freshness at all; RFC 9111 \
             §5.2.2.8 makes it must-revalidate for shared caches, which applies only once the \
             response is stale.",
        );
    }
    if !headers.has("cache-control") && headers.has("pragma") {
        causes.push(
            "Pragma: the library reads Pragma: no-cache in a response as no-cache; RFC 9111 §5.4 \
             defines Pragma only for requests.",
        );
    }
    if cc.immutable() {
        causes.push(
            "immutable: the library gives immutable responses at least 24 h; RFC 8246 §2 says \
             immutable applies while the response is fresh and does not extend freshness.",
        );
    }
    if cc.directives.iter().enumerate().any(|(i, d)| {
        cc.directives.iter().skip(i + 1).any(|e| e.name == d.name && e.value != d.value)
    }) {
        causes.push(
            "Duplicated directive: RFC 9111 §4.2.1: \"either the first occurrence should be used \
             or the response should be considered stale\"; this analysis considers it stale.",
        );
    }
    if let ExpiresReading::At { form, .. } = ctx.expires {
        if form.is_obsolete() {
            causes.push(
                "Obsolete date form: the library reads only IMF-fixdate; RFC 9110 §5.6.7: \
                 \"recipients ... MUST accept all three HTTP-date formats\".",
            );
        }
    }
    if headers.get("date").is_some() && ctx.date.is_none() {
        causes.push(
            "Date: this analysis could not read the Date and used the analysis time; the \
             library may read it differently.",
        );
    }
    if headers.has("last-modified") && ctx.expires == ExpiresReading::Absent && !cc.has("max-age") {
        causes.push(
            "Heuristic: this analysis caps the heuristic lifetime at 7 days; RFC 9111 §4.2.2 \
             leaves the algorithm to the cache (\"a typical setting of this fraction might be \
             10%\").",
        );
    }
    if causes.is_empty() {
        return "The chain of steps above gives this analysis's reasons.".to_string();
    }
    causes.join(" ")
}
