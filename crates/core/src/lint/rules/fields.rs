//! Checks of individual header fields' syntax and use, beyond what a status
//! code needs: the ground httplint (the engine behind REDbot) covers, with
//! the RFCs' own severities. Texts in `data/lint-rules-fields.toml`.
//!
//! Field values are read with the shared parsers in `crate::headers`, so the
//! lint calls a value what the cache and retry analyses make of it.

mod decode;
mod syntax;

use std::borrow::Cow;

use super::{once, Check, Context, Hit};
use crate::exchange::{body_bytes, BodyCapture, BodyEncoding, Headers};
use crate::headers::list::{is_token, split_list};
use crate::headers::{
    parse_cache_control, parse_delta_seconds, parse_entity_tag, parse_entity_tag_list,
    parse_http_date, CacheControl, CacheControlProblemKind as Kind, EtagErrorKind, Side, Timestamp,
};
use crate::lint::{AutoFix, Edit};
use crate::registry::model::SpecRef;
use syntax::ContentRange;
use syntax::{encode_plain_mistakes, parse_content_range, parse_sf_date, uri_reference_problem};

/// A check whose findings concern one field: each finding without a line
/// of its own points at that field's line (in the request when the finding
/// speaks of the request, as the Cache-Control and ETag checks do).
macro_rules! at_field {
    ($field:literal, $check:path) => {{
        fn located(cx: &Context) -> Vec<Hit> {
            point_at(cx, $field, $check(cx))
        }
        located as Check
    }};
}

fn point_at(cx: &Context, field: &str, hits: Vec<Hit>) -> Vec<Hit> {
    hits.into_iter()
        .map(|hit| {
            if hit.line.is_some() {
                return hit;
            }
            let request = hit.message.starts_with("The request");
            let headers =
                if request { &cx.exchange.request.headers } else { &cx.exchange.response.headers };
            match headers.fields(field).next() {
                Some(header) => hit.at(header),
                None => hit,
            }
        })
        .collect()
}

pub(super) static CHECKS: &[(&str, Check)] = &[
    ("cache-control-syntax", at_field!("Cache-Control", cache_control_syntax)),
    (
        "cache-control-unquoted-field-list",
        at_field!("Cache-Control", cache_control_unquoted_field_list),
    ),
    ("cache-control-conflict", at_field!("Cache-Control", cache_control_conflict)),
    ("cache-control-duplicate", at_field!("Cache-Control", cache_control_duplicate)),
    ("cache-control-wrong-side", at_field!("Cache-Control", cache_control_wrong_side)),
    ("cache-control-extension", at_field!("Cache-Control", cache_control_extension)),
    ("cache-control-delta-capped", at_field!("Cache-Control", cache_control_delta_capped)),
    ("content-coding-undecodable", at_field!("Content-Encoding", content_coding_undecodable)),
    ("last-modified-after-date", at_field!("Last-Modified", last_modified_after_date)),
    ("age-invalid", at_field!("Age", age_invalid)),
    ("age-huge", at_field!("Age", age_huge)),
    ("date-missing", date_missing),
    ("vary-syntax", at_field!("Vary", vary_syntax)),
    ("vary-star", at_field!("Vary", vary_star)),
    ("vary-user-agent", at_field!("Vary", vary_user_agent)),
    ("vary-host", at_field!("Vary", vary_host)),
    ("vary-duplicate", at_field!("Vary", vary_duplicate)),
    ("pragma-in-response", at_field!("Pragma", pragma_in_response)),
    ("expectation-failed-without-expect", expectation_failed_without_expect),
    ("content-range-syntax", at_field!("Content-Range", content_range_syntax)),
    ("content-range-status-mismatch", at_field!("Content-Range", content_range_status_mismatch)),
    (
        "content-range-unexpected-status",
        at_field!("Content-Range", content_range_unexpected_status),
    ),
    ("location-not-uri-reference", at_field!("Location", location_not_uri_reference)),
    ("etag-syntax", at_field!("ETag", etag_syntax)),
    ("deprecated-field", deprecated_field),
    ("request-field-in-response", request_field_in_response),
    ("content-type-body-mismatch", at_field!("Content-Type", content_type_body_mismatch)),
    ("sunset-invalid", at_field!("Sunset", sunset_invalid)),
    ("sunset-passed", at_field!("Sunset", sunset_passed)),
    ("deprecation-invalid", at_field!("Deprecation", deprecation_invalid)),
];

fn spec(doc: &'static str, section: &'static str, url: &'static str) -> SpecRef {
    SpecRef { doc: Cow::Borrowed(doc), section: Cow::Borrowed(section), url: Cow::Borrowed(url) }
}

fn rfc9110(section: &'static str) -> SpecRef {
    // The anchors are "#section-" plus the number; the URL is built once per
    // hit, which is rare.
    let url = format!("https://www.rfc-editor.org/rfc/rfc9110.html#section-{section}");
    SpecRef {
        doc: Cow::Borrowed("RFC 9110"),
        section: Cow::Borrowed(section),
        url: Cow::Owned(url),
    }
}

fn response<'a>(cx: &Context<'a>) -> &'a Headers {
    &cx.exchange.response.headers
}

/// Parses a field's lines as a date, trimmed; `None` when absent or invalid
/// (invalid dates are `invalid-date-header`'s business).
fn date_of(headers: &Headers, name: &str) -> Option<Timestamp> {
    let value = headers.get(name)?;
    parse_http_date(value.trim(), None).ok().map(|d| d.timestamp)
}

// ---------------------------------------------------------------- Cache-Control

/// The Cache-Control of each side the lint may judge, parsed.
fn cache_controls(cx: &Context) -> Vec<(&'static str, Side, CacheControl)> {
    let mut out = Vec::new();
    let headers = response(cx);
    if headers.has("cache-control") {
        let lines: Vec<&str> = headers.all("cache-control").collect();
        out.push(("response", Side::Response, parse_cache_control(lines, Side::Response)));
    }
    let request = &cx.exchange.request.headers;
    if cx.request_known() && request.has("cache-control") {
        let lines: Vec<&str> = request.all("cache-control").collect();
        out.push(("request", Side::Request, parse_cache_control(lines, Side::Request)));
    }
    out
}

fn is_syntax(kind: Kind) -> bool {
    matches!(
        kind,
        Kind::Syntax
            | Kind::SpaceAroundEquals
            | Kind::EmptyElements
            | Kind::UnexpectedValue
            | Kind::MissingValue
            | Kind::InvalidDeltaSeconds
            | Kind::QuotedDeltaSeconds
    )
}

/// The directives whose argument is a number of seconds.
const DELTA_DIRECTIVES: &[&str] =
    &["max-age", "s-maxage", "max-stale", "min-fresh", "stale-while-revalidate", "stale-if-error"];

/// A repeated delta-seconds directive whose occurrences differ: RFC 9111
/// §4.2.1 lets a cache use the first or treat the response as stale, so
/// caches disagree. (Repeated field lists have one defined reading.)
fn conflicting_duplicate(cc: &CacheControl, name: &str) -> bool {
    if !DELTA_DIRECTIVES.contains(&name) {
        return false;
    }
    let mut same = cc.directives.iter().filter(|d| d.name == name);
    let Some(first) = same.next() else { return false };
    same.any(|d| d.value != first.value)
}

/// The response's Cache-Control rewritten without the spelling faults a
/// rewrite can remove for certain (quotes on numbers, whitespace around
/// "=", stray commas, arguments on directives that take none, unquoted
/// field lists, exact repeats); `None` when another fault remains.
fn normalized(cc: &CacheControl) -> Option<String> {
    let fixable = |kind: Kind| {
        matches!(
            kind,
            Kind::SpaceAroundEquals
                | Kind::EmptyElements
                | Kind::UnexpectedValue
                | Kind::QuotedDeltaSeconds
                | Kind::UnquotedFieldList
                | Kind::Duplicate
        ) || !(is_syntax(kind) || kind == Kind::Conflict)
    };
    if !cc.problems.iter().all(|p| fixable(p.kind)) {
        return None;
    }
    let has = |kind: Kind, name: &str| {
        cc.problems.iter().any(|p| p.kind == kind && p.directive.as_deref() == Some(name))
    };
    let mut parts: Vec<String> = Vec::new();
    for (index, directive) in cc.directives.iter().enumerate() {
        let name = &directive.name;
        if has(Kind::Duplicate, name) {
            if conflicting_duplicate(cc, name) {
                return None;
            }
            if cc.directives.iter().position(|d| &d.name == name) != Some(index) {
                continue;
            }
        }
        let part = match directive.value.as_deref() {
            None => directive.raw_name.clone(),
            Some(_) if has(Kind::UnexpectedValue, name) => directive.raw_name.clone(),
            Some(value) if has(Kind::UnquotedFieldList, name) || directive.quoted => {
                if has(Kind::QuotedDeltaSeconds, name) {
                    format!("{}={value}", directive.raw_name)
                } else if value.contains(['"', '\\']) {
                    return None;
                } else {
                    format!("{}=\"{value}\"", directive.raw_name)
                }
            }
            Some(value) => format!("{}={value}", directive.raw_name),
        };
        parts.push(part);
    }
    Some(parts.join(", "))
}

fn cache_control_hits(cx: &Context, wanted: impl Fn(Kind) -> bool, fix: bool) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (side, which, cc) in cache_controls(cx) {
        let autofix =
            (fix && which == Side::Response).then(|| normalized(&cc)).flatten().map(|value| {
                AutoFix::new(
                    format!("Rewrite Cache-Control as \"{value}\""),
                    vec![Edit::SetHeader { name: "Cache-Control".into(), value }],
                )
            });
        for problem in cc.problems.iter().filter(|p| wanted(p.kind)) {
            let mut hit = Hit::new(format!("The {side}'s Cache-Control: {}.", problem.message));
            if let Some(autofix) = &autofix {
                hit = hit.fix(autofix.clone());
            }
            hits.push(hit);
        }
    }
    hits
}

pub fn cache_control_syntax(cx: &Context) -> Vec<Hit> {
    cache_control_hits(cx, is_syntax, true)
}

pub fn cache_control_unquoted_field_list(cx: &Context) -> Vec<Hit> {
    cache_control_hits(cx, |kind| kind == Kind::UnquotedFieldList, true)
}

pub fn cache_control_conflict(cx: &Context) -> Vec<Hit> {
    let mut hits = cache_control_hits(cx, |kind| kind == Kind::Conflict, false);
    for (side, _, cc) in cache_controls(cx) {
        for problem in cc.problems.iter().filter(|p| p.kind == Kind::Duplicate) {
            let Some(name) = problem.directive.as_deref() else { continue };
            if conflicting_duplicate(&cc, name) {
                hits.push(Hit::new(format!("The {side}'s Cache-Control: {}.", problem.message)));
            }
        }
    }
    hits
}

pub fn cache_control_duplicate(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (side, which, cc) in cache_controls(cx) {
        let autofix = (which == Side::Response).then(|| normalized(&cc)).flatten();
        for problem in cc.problems.iter().filter(|p| p.kind == Kind::Duplicate) {
            let Some(name) = problem.directive.as_deref() else { continue };
            if conflicting_duplicate(&cc, name) {
                continue;
            }
            let mut hit = Hit::new(format!("The {side}'s Cache-Control: {}.", problem.message));
            if let Some(value) = &autofix {
                hit = hit.fix(AutoFix::new(
                    format!("Rewrite Cache-Control as \"{value}\""),
                    vec![Edit::SetHeader { name: "Cache-Control".into(), value: value.clone() }],
                ));
            }
            hits.push(hit);
        }
    }
    hits
}

pub fn cache_control_wrong_side(cx: &Context) -> Vec<Hit> {
    cache_control_hits(cx, |kind| kind == Kind::WrongSide, false)
}

pub fn cache_control_extension(cx: &Context) -> Vec<Hit> {
    cache_control_hits(cx, |kind| kind == Kind::UnknownDirective, false)
}

pub fn cache_control_delta_capped(cx: &Context) -> Vec<Hit> {
    cache_control_hits(cx, |kind| kind == Kind::DeltaSecondsCapped, false)
}

// ---------------------------------------------------------------- content coding

pub fn content_coding_undecodable(cx: &Context) -> Vec<Hit> {
    let message = &cx.exchange.response;
    // Only bytes as sent can be checked: a decoded capture (curl
    // --compressed, a HAR) has lost the coding, and a 206 carries a slice
    // of the coded representation that does not decode on its own.
    if message.body_capture != BodyCapture::Complete || message.body.is_empty() || cx.status == 206
    {
        return Vec::new();
    }
    let codings: Vec<String> = message
        .headers
        .all("content-encoding")
        .flat_map(|line| split_list(line).elements)
        .map(str::to_ascii_lowercase)
        .collect();
    if codings.is_empty() || !codings.iter().all(|c| decode::is_checkable(c)) {
        return Vec::new();
    }
    let mut bytes = body_bytes(&message.body, message.body_encoding);
    // Codings are listed in the order they were applied: undo the last first.
    for coding in codings.iter().rev() {
        match decode::decode(coding, &bytes) {
            Ok(decoded) if decoded.len() as u64 >= decode::OUTPUT_CAP => return Vec::new(),
            Ok(decoded) => bytes = decoded,
            Err(error) => {
                return vec![Hit::new(format!(
                    "Content-Encoding says {coding}, but the body does not decode as {coding}: {error}."
                ))]
            }
        }
    }
    Vec::new()
}

// ---------------------------------------------------------------- dates

pub fn last_modified_after_date(cx: &Context) -> Vec<Hit> {
    let headers = response(cx);
    let (Some(modified), Some(date)) =
        (date_of(headers, "last-modified"), date_of(headers, "date"))
    else {
        return Vec::new();
    };
    once(modified.unix_seconds() > date.unix_seconds(), || {
        let fixed = crate::headers::format_imf_fixdate(date);
        Hit::new(format!(
            "Last-Modified {:?} is {} seconds later than the response's Date {:?}.",
            headers.get("last-modified").unwrap_or_default().trim(),
            date.seconds_until(modified),
            headers.get("date").unwrap_or_default().trim(),
        ))
        .fix(AutoFix::new(
            format!("Set Last-Modified to the Date ({fixed})"),
            vec![Edit::SetHeader { name: "Last-Modified".into(), value: fixed }],
        ))
    })
}

pub fn date_missing(cx: &Context) -> Vec<Hit> {
    once((200..500).contains(&cx.status) && !response(cx).has("date"), || {
        if cx.status == 304 {
            Hit::new("The 304 has no Date: a 304 must carry the Date its 200 would have, and origin servers with a clock send Date in every 2xx, 3xx and 4xx response.")
                .cite(&rfc9110("15.4.5"))
        } else {
            Hit::new(format!(
                "The {} response has no Date field; origin servers with a clock must send one in every 2xx, 3xx and 4xx response.",
                cx.status
            ))
        }
    })
}

// ---------------------------------------------------------------- Age

pub fn age_invalid(cx: &Context) -> Vec<Hit> {
    response(cx)
        .all("age")
        .filter_map(|value| {
            let text = value.trim_matches([' ', '\t']);
            parse_delta_seconds(text).err().map(|error| {
                Hit::new(format!("Age {text:?} is not a whole number of seconds: {error}."))
            })
        })
        .collect()
}

const YEAR: u64 = 365 * 86_400;

pub fn age_huge(cx: &Context) -> Vec<Hit> {
    response(cx)
        .all("age")
        .filter_map(|value| {
            let text = value.trim_matches([' ', '\t']);
            let delta = parse_delta_seconds(text).ok()?;
            (delta.seconds > YEAR).then(|| {
                let capped = if delta.clamped {
                    " (more than 2^31 seconds: caches read it as 2147483648)"
                } else {
                    ""
                };
                Hit::new(format!(
                    "Age {text} says a cache has held this response for about {} years{capped}.",
                    delta.seconds / YEAR
                ))
            })
        })
        .collect()
}

// ---------------------------------------------------------------- Vary

fn vary_members<'a>(cx: &Context<'a>) -> Vec<&'a str> {
    response(cx).all("vary").flat_map(|line| split_list(line).elements).collect()
}

pub fn vary_syntax(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    for line in response(cx).all("vary") {
        let list = split_list(line);
        for member in list.elements.iter().filter(|m| **m != "*" && !is_token(m)) {
            hits.push(Hit::new(format!(
                "Vary lists {member:?}, which is neither a field name nor \"*\"."
            )));
        }
        if list.empty > 0 {
            hits.push(Hit::new(format!(
                "Vary {:?} has empty list elements (stray commas).",
                line.trim()
            )));
        }
    }
    hits
}

pub fn vary_star(cx: &Context) -> Vec<Hit> {
    once(vary_members(cx).contains(&"*"), || {
        Hit::new("Vary: * says the response depends on something outside the request's fields: no cache can reuse it for another request.")
    })
}

fn vary_lists(cx: &Context, name: &str, message: &str) -> Vec<Hit> {
    once(vary_members(cx).iter().any(|m| m.eq_ignore_ascii_case(name)), || {
        Hit::new(message.to_string())
    })
}

pub fn vary_user_agent(cx: &Context) -> Vec<Hit> {
    vary_lists(cx, "user-agent", "Vary lists User-Agent: caches keep a separate copy for every browser version string, so they rarely get to reuse one.")
}

pub fn vary_host(cx: &Context) -> Vec<Hit> {
    vary_lists(cx, "host", "Vary lists Host: the host is already part of the cache key (the target URI), so it changes nothing.")
}

pub fn vary_duplicate(cx: &Context) -> Vec<Hit> {
    let members = vary_members(cx);
    let mut unique: Vec<&str> = Vec::new();
    let mut repeated: Vec<&str> = Vec::new();
    for member in &members {
        if unique.iter().any(|u| u.eq_ignore_ascii_case(member)) {
            if !repeated.iter().any(|r| r.eq_ignore_ascii_case(member)) {
                repeated.push(member);
            }
        } else {
            unique.push(member);
        }
    }
    once(!repeated.is_empty(), || {
        let value = unique.join(", ");
        Hit::new(format!("Vary lists {} more than once.", repeated.join(", "))).fix(AutoFix::new(
            format!("Set Vary to \"{value}\""),
            vec![Edit::SetHeader { name: "Vary".into(), value }],
        ))
    })
}

// ---------------------------------------------------------------- Pragma, 417

pub fn pragma_in_response(cx: &Context) -> Vec<Hit> {
    let Some(value) = response(cx).get("pragma") else { return Vec::new() };
    vec![Hit::new(format!(
        "The response carries Pragma: {}; Pragma has no defined meaning in a response.",
        value.trim()
    ))
    .fix(AutoFix::new("Remove Pragma", vec![Edit::RemoveHeader { name: "Pragma".into() }]))]
}

pub fn expectation_failed_without_expect(cx: &Context) -> Vec<Hit> {
    once(
        cx.request_known() && cx.status == 417 && !cx.exchange.request.headers.has("expect"),
        || Hit::new("417 Expectation Failed although the request has no Expect field."),
    )
}

// ---------------------------------------------------------------- Content-Range

fn content_ranges<'a>(
    cx: &Context<'a>,
) -> impl Iterator<Item = (&'a str, Result<ContentRange, String>)> + 'a {
    response(cx).all("content-range").map(|value| (value.trim(), parse_content_range(value)))
}

pub fn content_range_syntax(cx: &Context) -> Vec<Hit> {
    content_ranges(cx)
        .filter_map(|(value, parsed)| {
            parsed
                .err()
                .map(|error| Hit::new(format!("Content-Range {value:?} is malformed: {error}.")))
        })
        .collect()
}

pub fn content_range_status_mismatch(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    for (value, parsed) in content_ranges(cx) {
        match (cx.status, parsed) {
            (206, Ok(ContentRange::Unsatisfied { .. })) => hits.push(
                Hit::new(format!("A 206 carries Content-Range {value:?}, the form for a range that could not be satisfied; a 206 must say which range it encloses, e.g. \"bytes 0-499/1234\"."))
                    .cite(&rfc9110("15.3.7.1")),
            ),
            (416, Ok(ContentRange::Range { unit, complete, .. })) => {
                let length = complete.map_or("1234".to_string(), |c| c.to_string());
                hits.push(
                    Hit::new(format!("A 416 carries Content-Range {value:?}, which claims a range was sent; a 416 says only the current length: \"{unit} */{length}\"."))
                        .cite(&rfc9110("15.5.17")),
                );
            }
            _ => {}
        }
    }
    hits
}

pub fn content_range_unexpected_status(cx: &Context) -> Vec<Hit> {
    once(!matches!(cx.status, 206 | 416) && response(cx).has("content-range"), || {
        Hit::new(format!(
            "A {} response carries Content-Range {:?}; only 206 and 416 give it a meaning.",
            cx.status,
            response(cx).get("content-range").unwrap_or_default().trim()
        ))
    })
}

// ---------------------------------------------------------------- Location

pub fn location_not_uri_reference(cx: &Context) -> Vec<Hit> {
    response(cx)
        .all("location")
        .filter_map(|value| {
            let value = value.trim_matches([' ', '\t']);
            let problem = uri_reference_problem(value)?;
            let mut hit =
                Hit::new(format!("Location {value:?} is not a URI reference: {problem}."));
            if let Some(encoded) = encode_plain_mistakes(value) {
                hit = hit.fix(AutoFix::new(
                    format!("Percent-encode it: {encoded}"),
                    vec![Edit::SetHeader { name: "Location".into(), value: encoded }],
                ));
            }
            Some(hit)
        })
        .collect()
}

// ---------------------------------------------------------------- ETag

pub fn etag_syntax(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    for value in response(cx).all("etag") {
        let Err(error) = parse_entity_tag(value) else { continue };
        let mut hit = Hit::new(format!("ETag {:?}: {}.", value.trim(), error.message));
        let mechanical =
            matches!(error.kind, EtagErrorKind::LowercaseWeakPrefix | EtagErrorKind::Unquoted);
        if let Some(tag) = error.lenient_reading.filter(|_| mechanical) {
            let tag = tag.to_string();
            hit = hit.fix(AutoFix::new(
                format!("Set ETag to {tag}"),
                vec![Edit::SetHeader { name: "ETag".into(), value: tag }],
            ));
        }
        hits.push(hit);
    }
    if cx.request_known() {
        for name in ["If-Match", "If-None-Match"] {
            let lines: Vec<&str> = cx.exchange.request.headers.all(name).collect();
            if lines.is_empty() {
                continue;
            }
            let joined = lines.join(", ");
            if let Err(error) = parse_entity_tag_list(&joined) {
                hits.push(Hit::new(format!(
                    "The request's {name} {:?}: {}.",
                    joined.trim(),
                    error.message
                )));
            }
        }
    }
    hits
}

// ---------------------------------------------------------------- deprecated fields

/// Fields the IANA HTTP Field Name Registry marks deprecated or obsoleted
/// (https://www.iana.org/assignments/http-fields/), with the document that
/// retired them. Pragma has a rule of its own (`pragma-in-response`).
const DEPRECATED: &[(&str, &str, &str, &str, &str)] = &[
    // name, status, doc, section, url
    (
        "Content-MD5",
        "obsoleted",
        "RFC 7231",
        "B",
        "https://www.rfc-editor.org/rfc/rfc7231.html#appendix-B",
    ),
    (
        "Warning",
        "obsoleted",
        "RFC 9111",
        "5.5",
        "https://www.rfc-editor.org/rfc/rfc9111.html#section-5.5",
    ),
    ("Expect-CT", "obsoleted", "RFC 9163", "", "https://www.rfc-editor.org/rfc/rfc9163.html"),
    ("Public-Key-Pins", "obsoleted", "RFC 7469", "", "https://www.rfc-editor.org/rfc/rfc7469.html"),
    (
        "Public-Key-Pins-Report-Only",
        "obsoleted",
        "RFC 7469",
        "",
        "https://www.rfc-editor.org/rfc/rfc7469.html",
    ),
    ("P3P", "obsoleted", "W3C P3P", "", "https://www.w3.org/TR/P3P/"),
    (
        "Set-Cookie2",
        "obsoleted",
        "RFC 6265",
        "1",
        "https://www.rfc-editor.org/rfc/rfc6265.html#section-1",
    ),
    (
        "Content-Base",
        "obsoleted",
        "RFC 2616",
        "19.6.3",
        "https://www.rfc-editor.org/rfc/rfc2616.html#section-19.6.3",
    ),
    (
        "Content-Version",
        "obsoleted",
        "RFC 2616",
        "19.6.3",
        "https://www.rfc-editor.org/rfc/rfc2616.html#section-19.6.3",
    ),
    (
        "Derived-From",
        "obsoleted",
        "RFC 2616",
        "19.6.3",
        "https://www.rfc-editor.org/rfc/rfc2616.html#section-19.6.3",
    ),
    (
        "Public",
        "obsoleted",
        "RFC 2616",
        "19.6.3",
        "https://www.rfc-editor.org/rfc/rfc2616.html#section-19.6.3",
    ),
    (
        "URI",
        "obsoleted",
        "RFC 2616",
        "19.6.3",
        "https://www.rfc-editor.org/rfc/rfc2616.html#section-19.6.3",
    ),
    ("Digest", "obsoleted", "RFC 9530", "", "https://www.rfc-editor.org/rfc/rfc9530.html"),
    (
        "HTTP2-Settings",
        "obsoleted",
        "RFC 9113",
        "3.1",
        "https://www.rfc-editor.org/rfc/rfc9113.html#section-3.1",
    ),
    (
        "Ext",
        "obsoleted",
        "RFC 2774",
        "",
        "https://datatracker.ietf.org/doc/status-change-http-experiments-to-historic/",
    ),
    (
        "C-Ext",
        "obsoleted",
        "RFC 2774",
        "",
        "https://datatracker.ietf.org/doc/status-change-http-experiments-to-historic/",
    ),
    (
        "Man",
        "obsoleted",
        "RFC 2774",
        "",
        "https://datatracker.ietf.org/doc/status-change-http-experiments-to-historic/",
    ),
    (
        "C-Man",
        "obsoleted",
        "RFC 2774",
        "",
        "https://datatracker.ietf.org/doc/status-change-http-experiments-to-historic/",
    ),
    (
        "Opt",
        "obsoleted",
        "RFC 2774",
        "",
        "https://datatracker.ietf.org/doc/status-change-http-experiments-to-historic/",
    ),
    (
        "C-Opt",
        "obsoleted",
        "RFC 2774",
        "",
        "https://datatracker.ietf.org/doc/status-change-http-experiments-to-historic/",
    ),
    ("PEP", "obsoleted", "W3C PEP", "", "https://www.w3.org/TR/WD-http-pep"),
    ("C-PEP", "obsoleted", "W3C PEP", "", "https://www.w3.org/TR/WD-http-pep"),
];

pub fn deprecated_field(cx: &Context) -> Vec<Hit> {
    DEPRECATED
        .iter()
        .filter(|(name, ..)| response(cx).has(name))
        .map(|(name, status, doc, section, url)| {
            Hit::new(format!(
                "The response carries {name}, which the IANA field registry lists as {status}."
            ))
            .cite(&spec(doc, section, url))
            .fix(AutoFix::new(
                format!("Remove {name}"),
                vec![Edit::RemoveHeader { name: name.to_string() }],
            ))
        })
        .collect()
}

// ---------------------------------------------------------------- request fields

/// Fields defined only for requests, with their definition. Accept and
/// Accept-Encoding are left out: a 415 may send Accept (RFC 9110 §15.5.16)
/// and any response may send Accept-Encoding (RFC 7694 §3).
const REQUEST_ONLY: &[(&str, &str)] = &[
    ("Accept-Charset", "12.5.2"),
    ("Accept-Language", "12.5.4"),
    ("Authorization", "11.6.2"),
    ("Expect", "10.1.1"),
    ("From", "10.1.2"),
    ("Host", "7.2"),
    ("If-Match", "13.1.1"),
    ("If-None-Match", "13.1.2"),
    ("If-Modified-Since", "13.1.3"),
    ("If-Unmodified-Since", "13.1.4"),
    ("If-Range", "13.1.5"),
    ("Max-Forwards", "7.6.2"),
    ("Proxy-Authorization", "11.7.2"),
    ("Range", "14.2"),
    ("Referer", "10.1.3"),
    ("TE", "10.1.4"),
    ("User-Agent", "10.1.5"),
];

pub fn request_field_in_response(cx: &Context) -> Vec<Hit> {
    let mut hits: Vec<Hit> = REQUEST_ONLY
        .iter()
        .filter(|(name, _)| response(cx).has(name))
        .map(|(name, section)| {
            Hit::new(format!(
                "The response carries {name}, a request field: in a response it means nothing."
            ))
            .cite(&rfc9110(section))
            .fix(AutoFix::new(
                format!("Remove {name}"),
                vec![Edit::RemoveHeader { name: name.to_string() }],
            ))
        })
        .collect();
    if response(cx).has("cookie") {
        hits.push(
            Hit::new("The response carries Cookie, a request field; to store a cookie in the client, a response sends Set-Cookie.")
                .cite(&spec("RFC 6265", "5.4", "https://www.rfc-editor.org/rfc/rfc6265.html#section-5.4")),
        );
    }
    hits
}

// ---------------------------------------------------------------- Content-Type

/// The `charset` parameter of a Content-Type, lower-cased, unquoted.
fn charset(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|param| {
        let (name, value) = param.split_once('=')?;
        name.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| value.trim().trim_matches('"').to_ascii_lowercase())
    })
}

fn is_json_type(media_type: &str) -> bool {
    media_type == "application/json" || media_type.ends_with("+json")
}

fn parses_as_json(body: &str) -> Result<(), String> {
    let text = body.strip_prefix('\u{feff}').unwrap_or(body);
    serde_json::from_str::<serde::de::IgnoredAny>(text).map(|_| ()).map_err(|e| e.to_string())
}

pub fn content_type_body_mismatch(cx: &Context) -> Vec<Hit> {
    let message = &cx.exchange.response;
    let coded = message
        .headers
        .all("content-encoding")
        .flat_map(|line| split_list(line).elements)
        .any(|c| !c.eq_ignore_ascii_case("identity"));
    let Some(content_type) = message.headers.get("content-type") else { return Vec::new() };
    // Only the whole body as sent, and not in a content coding, says what
    // the representation is; a 206 holds a slice of it.
    if message.body_capture != BodyCapture::Complete
        || message.body.trim().is_empty()
        || coded
        || cx.status == 206
    {
        return Vec::new();
    }
    let media_type = message.headers.media_type().unwrap_or_default();
    let mut hits = Vec::new();
    let latin1 = message.body_encoding == BodyEncoding::Latin1;
    if is_json_type(&media_type) {
        if latin1 {
            hits.push(Hit::new(format!("Content-Type is {media_type}, but the body is not valid UTF-8, the only encoding JSON allows.")));
        } else if let Err(error) = parses_as_json(&message.body) {
            hits.push(Hit::new(format!(
                "Content-Type is {media_type}, but the body is not JSON ({error})."
            )));
        }
    } else if media_type == "text/html" {
        let text = message.body.trim_start();
        if (text.starts_with('{') || text.starts_with('[')) && parses_as_json(text).is_ok() {
            hits.push(Hit::new("Content-Type is text/html, but the body is JSON: clients will not parse it as JSON, and a browser renders it as a page.".to_string()));
        }
    }
    if latin1 && !is_json_type(&media_type) && charset(content_type).as_deref() == Some("utf-8") {
        hits.push(Hit::new(format!(
            "Content-Type {:?} declares UTF-8, but the body is not valid UTF-8.",
            content_type.trim()
        )));
    }
    hits
}

// ---------------------------------------------------------------- Sunset, Deprecation

pub fn sunset_invalid(cx: &Context) -> Vec<Hit> {
    response(cx)
        .all("sunset")
        .filter_map(|value| {
            parse_http_date(value.trim(), None).err().map(|error| {
                Hit::new(format!(
                    "Sunset {:?} is not an HTTP date: {}.",
                    value.trim(),
                    error.message
                ))
            })
        })
        .collect()
}

pub fn sunset_passed(cx: &Context) -> Vec<Hit> {
    let headers = response(cx);
    let (Some(sunset), Some(date)) = (date_of(headers, "sunset"), date_of(headers, "date")) else {
        return Vec::new();
    };
    once(sunset.unix_seconds() < date.unix_seconds(), || {
        Hit::new(format!(
            "Sunset {:?} is before the response's own Date {:?}: the resource is past the end it announced.",
            headers.get("sunset").unwrap_or_default().trim(),
            headers.get("date").unwrap_or_default().trim()
        ))
    })
}

pub fn deprecation_invalid(cx: &Context) -> Vec<Hit> {
    response(cx)
        .all("deprecation")
        .filter(|value| parse_sf_date(value).is_none())
        .map(|value| {
            let value = value.trim();
            if let Ok(date) = parse_http_date(value, None) {
                let fixed = format!("@{}", date.timestamp.unix_seconds());
                Hit::new(format!("Deprecation {value:?} is an HTTP date, the form of early drafts; RFC 9745 writes the date as a structured-field Date: {fixed}."))
                    .fix(AutoFix::new(
                        format!("Set Deprecation to {fixed}"),
                        vec![Edit::SetHeader { name: "Deprecation".into(), value: fixed }],
                    ))
            } else {
                Hit::new(format!("Deprecation {value:?} is not a structured-field Date such as @1688169599 (seconds since 1970, after \"@\")."))
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::{body_from_bytes, parse_bytes, Exchange};

    fn capture(name: &str) -> Exchange {
        let path = format!("{}/../../tests/fixtures/captures/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(&path).unwrap();
        parse_bytes(&bytes).unwrap().exchanges.remove(0)
    }

    #[test]
    fn real_coded_bodies_are_checked_and_decode() {
        for name in [
            "nginx-gzip-curl-i.http",
            "nginx-gzip-socket.raw.http",
            "node-gzip-curl-i.http",
            "node-brotli-curl-i.http",
        ] {
            let mut exchange = capture(name);
            assert_eq!(exchange.response.body_capture, BodyCapture::Complete, "{name}");
            assert!(content_coding_undecodable(&Context::new(&exchange)).is_empty(), "{name}");
            // The same capture cut short no longer decodes.
            let bytes = body_bytes(&exchange.response.body, exchange.response.body_encoding);
            let (body, encoding) = body_from_bytes(&bytes[..bytes.len() / 2]);
            exchange.response.body = body;
            exchange.response.body_encoding = encoding;
            exchange.response.headers.remove("content-length");
            let hits = content_coding_undecodable(&Context::new(&exchange));
            assert_eq!(hits.len(), 1, "{name}");
        }
    }

    #[test]
    fn decoded_and_partial_bodies_are_not_checked() {
        let mut exchange = Exchange::default();
        exchange.response.headers.push("Content-Encoding", "gzip");
        exchange.response.body = "{\"a\":1}".into();
        exchange.response.body_capture = BodyCapture::Decoded;
        assert!(content_coding_undecodable(&Context::new(&exchange)).is_empty());
        exchange.response.body_capture = BodyCapture::Complete;
        assert_eq!(content_coding_undecodable(&Context::new(&exchange)).len(), 1);
        exchange.response.status = 206;
        assert!(content_coding_undecodable(&Context::new(&exchange)).is_empty());
        exchange.response.status = 200;
        exchange.response.headers.set("Content-Encoding", "zstd");
        assert!(content_coding_undecodable(&Context::new(&exchange)).is_empty());
    }

    fn response_with(headers: &[(&str, &str)], body: &str) -> Exchange {
        let mut exchange = Exchange::default();
        for (name, value) in headers {
            exchange.response.headers.push(*name, *value);
        }
        exchange.response.body = body.into();
        exchange
    }

    #[test]
    fn cache_control_problems_map_to_rules() {
        let exchange = response_with(
            &[("Cache-Control", "max-age=\"60\", no-store=1, private, public, foo, min-fresh=5")],
            "",
        );
        let cx = Context::new(&exchange);
        assert_eq!(cache_control_syntax(&cx).len(), 2);
        assert_eq!(cache_control_conflict(&cx).len(), 1);
        assert_eq!(cache_control_extension(&cx).len(), 1);
        assert_eq!(cache_control_wrong_side(&cx).len(), 1);
        // A conflict remains, so no rewrite is offered.
        assert!(cache_control_syntax(&cx).iter().all(|h| h.autofix.is_none()));

        let exchange = response_with(
            &[("Cache-Control", "max-age = 60,, no-cache=Set-Cookie, no-store, no-store")],
            "",
        );
        let cx = Context::new(&exchange);
        let fix = cache_control_syntax(&cx)[0].autofix.clone().unwrap();
        assert_eq!(
            fix.edits,
            vec![Edit::SetHeader {
                name: "Cache-Control".into(),
                value: "max-age=60, no-cache=\"Set-Cookie\", no-store".into()
            }]
        );
        assert_eq!(cache_control_duplicate(&cx).len(), 1);

        let exchange = response_with(&[("Cache-Control", "max-age=60, max-age=3600")], "");
        let cx = Context::new(&exchange);
        assert_eq!(cache_control_conflict(&cx).len(), 1);
        assert!(cache_control_duplicate(&cx).is_empty());
    }

    #[test]
    fn content_type_mismatches() {
        let json = response_with(&[("Content-Type", "application/json")], "\u{feff}{\"a\":1}");
        assert!(content_type_body_mismatch(&Context::new(&json)).is_empty());
        let html = response_with(&[("Content-Type", "text/html")], " [1, 2]");
        assert_eq!(content_type_body_mismatch(&Context::new(&html)).len(), 1);
        let page = response_with(&[("Content-Type", "text/html")], "<p>{}</p>");
        assert!(content_type_body_mismatch(&Context::new(&page)).is_empty());
        let mut latin =
            response_with(&[("Content-Type", "text/plain; charset=\"UTF-8\"")], "Gr\u{fc}\u{df}e");
        latin.response.body_encoding = BodyEncoding::Latin1;
        assert_eq!(content_type_body_mismatch(&Context::new(&latin)).len(), 1);
        latin.response.headers.set("Content-Type", "text/plain; charset=iso-8859-1");
        assert!(content_type_body_mismatch(&Context::new(&latin)).is_empty());
    }

    #[test]
    fn dates_compare_within_the_message() {
        let exchange = response_with(
            &[
                ("Date", "Mon, 23 Nov 2026 10:00:00 GMT"),
                ("Last-Modified", "Mon, 23 Nov 2026 10:00:01 GMT"),
                ("Sunset", "Sun, 22 Nov 2026 10:00:00 GMT"),
                ("Deprecation", "Sun, 01 Nov 2026 00:00:00 GMT"),
            ],
            "",
        );
        let cx = Context::new(&exchange);
        assert_eq!(last_modified_after_date(&cx).len(), 1);
        assert_eq!(sunset_passed(&cx).len(), 1);
        let fix = deprecation_invalid(&cx)[0].autofix.clone().unwrap();
        assert_eq!(
            fix.edits,
            vec![Edit::SetHeader { name: "Deprecation".into(), value: "@1793491200".into() }]
        );
    }
}
