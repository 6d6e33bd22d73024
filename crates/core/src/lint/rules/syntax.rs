//! Field syntax and the status code itself.

use super::{once, Context, Hit};
use crate::exchange::Headers;
use crate::headers::{parse_http_date, parse_retry_after};
use crate::lint::{AutoFix, Edit};
use crate::registry::Registration;

/// RFC 9110 §5.6.2 tchar.
fn is_token(name: &str) -> bool {
    !name.is_empty()
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

fn bad_fields(headers: &Headers, side: &str) -> Vec<Hit> {
    let mut hits = Vec::new();
    for header in headers.iter() {
        if !is_token(&header.name) {
            hits.push(Hit::new(format!("{side} field name {:?} is not a valid token (letters, digits and !#$%&'*+-.^_`|~ only).", header.name)).at(header));
        } else if header.value.chars().any(|c| c.is_control() && c != '\t') {
            hits.push(
                Hit::new(format!("{side} field {} contains control characters.", header.name))
                    .at(header),
            );
        }
    }
    hits
}

pub fn header_syntax(cx: &Context) -> Vec<Hit> {
    let mut hits = bad_fields(&cx.exchange.response.headers, "Response");
    if cx.request_known() {
        hits.extend(bad_fields(&cx.exchange.request.headers, "Request"));
    }
    hits
}

/// Fields defined as a single value: a repeat makes the message ambiguous.
const SINGLETONS: &[&str] = &[
    "Content-Length",
    "Content-Type",
    "Location",
    "Date",
    "ETag",
    "Last-Modified",
    "Expires",
    "Retry-After",
    "Age",
    "Content-Range",
    "Authorization",
    "Host",
    "Max-Forwards",
    "If-Modified-Since",
    "If-Unmodified-Since",
    "If-Range",
    "Referer",
    "User-Agent",
    "Server",
    "From",
    "Range",
    "Content-Location",
    "Proxy-Authorization",
];

fn repeats(headers: &Headers, side: &str) -> Vec<Hit> {
    SINGLETONS
        .iter()
        .filter(|name| headers.count(name) > 1)
        .map(|name| {
            let second = headers.fields(name).nth(1);
            let hit = Hit::new(format!(
                "{side} has {} {name} fields; it allows only one.",
                headers.count(name)
            ));
            match second {
                Some(header) => hit.at(header),
                None => hit,
            }
        })
        .collect()
}

pub fn duplicate_singleton_header(cx: &Context) -> Vec<Hit> {
    let mut hits = repeats(&cx.exchange.response.headers, "The response");
    if cx.request_known() {
        hits.extend(repeats(&cx.exchange.request.headers, "The request"));
    }
    hits
}

pub fn status_out_of_range(cx: &Context) -> Vec<Hit> {
    once(!(100..=599).contains(&cx.status), || {
        Hit::new(format!(
            "{} is not an HTTP status code: codes are three digits from 100 to 599.",
            cx.status
        ))
    })
}

pub fn status_unregistered(cx: &Context) -> Vec<Hit> {
    if !(100..=599).contains(&cx.status) {
        return Vec::new();
    }
    let fallback = cx.status / 100 * 100;
    match cx.entry {
        Some(entry) if entry.registration == Registration::Unofficial => vec![Hit::new(format!(
            "{} {} is not in the IANA registry ({}); generic clients treat it as {fallback}.",
            cx.status,
            entry.name,
            entry.origin.as_deref().unwrap_or("vendor code")
        ))],
        Some(_) => Vec::new(),
        None => vec![Hit::new(format!(
            "{} has no registered meaning; clients treat it as {fallback}.",
            cx.status
        ))],
    }
}

pub fn status_deprecated(cx: &Context) -> Vec<Hit> {
    let Some(entry) = cx.entry else { return Vec::new() };
    let state = match (cx.status, entry.registration) {
        (305, _) => "deprecated (it asked clients to use a proxy, a security risk)",
        (_, Registration::Unused) => "reserved and unused",
        (_, Registration::Obsoleted) => "obsoleted",
        _ => return Vec::new(),
    };
    // Each code's own definition says why (305: RFC 9110 §15.4.6, 306:
    // §15.4.7, 418: §15.5.19, 510: RFC 2774 and its status change).
    vec![Hit::new(format!("{} is {state}: send a code with a current meaning.", cx.status))
        .cite(&entry.spec)]
}

pub fn invalid_retry_after(cx: &Context) -> Vec<Hit> {
    let Some(header) = cx.exchange.response.headers.fields("retry-after").next() else {
        return Vec::new();
    };
    match parse_retry_after(&header.value, None) {
        Ok(_) => Vec::new(),
        Err(error) => {
            vec![Hit::new(format!("Retry-After {:?}: {}", header.value.trim(), error.message))
                .at(header)]
        }
    }
}

pub fn invalid_date_header(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    for name in ["Date", "Expires", "Last-Modified"] {
        for header in cx.exchange.response.headers.fields(name) {
            let value = header.value.trim();
            // Any year, any of the three forms; surrounding whitespace (a
            // curl -v line that lost its trailing space) is not an error.
            let hit = match parse_http_date(value, None) {
                Err(error) if name == "Expires" => Hit::new(format!(
                    "Expires {value:?} is not an HTTP date ({}); caches must treat the response as already expired.",
                    error.message
                )),
                Err(error) => Hit::new(format!("{name} {value:?} is not an HTTP date: {} (e.g. \"Mon, 23 Nov 2026 10:00:00 GMT\").", error.message)),
                Ok(date) if date.form.is_obsolete() => Hit::new(format!(
                    "{name} {value:?} uses an obsolete date format; send IMF-fixdate (\"{}\").",
                    date.imf_fixdate()
                )),
                Ok(_) => continue,
            };
            hits.push(hit.at(header));
        }
    }
    hits
}

/// RFC 9110 §8.6: a server MUST NOT send Content-Length in a 1xx or 204
/// response.
pub fn content_length_in_bodiless_status(cx: &Context) -> Vec<Hit> {
    let bodiless = (100..200).contains(&cx.status) || cx.status == 204;
    once(bodiless && cx.exchange.response.headers.has("content-length"), || {
        Hit::new(format!(
            "A {} response must not carry Content-Length: it has no content to measure.",
            cx.status
        ))
        .fix(AutoFix::new(
            "Remove Content-Length",
            vec![Edit::RemoveHeader { name: "Content-Length".into() }],
        ))
    })
}

/// RFC 9112 §6.2: a sender MUST NOT send Content-Length in a message that
/// has Transfer-Encoding (which then frames it, §6.3).
pub fn content_length_with_transfer_encoding(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    let both = |h: &Headers| h.has("content-length") && h.has("transfer-encoding");
    if both(&cx.exchange.response.headers) {
        hits.push(
            Hit::new("The response has both Content-Length and Transfer-Encoding: recipients must ignore Content-Length, and intermediaries may disagree on where the message ends (request smuggling).")
                .fix(AutoFix::new(
                    "Remove Content-Length",
                    vec![Edit::RemoveHeader { name: "Content-Length".into() }],
                )),
        );
    }
    if cx.request_known() && both(&cx.exchange.request.headers) {
        hits.push(Hit::new("The request has both Content-Length and Transfer-Encoding: a server may reject it, and intermediaries may disagree on where it ends (request smuggling)."));
    }
    hits
}

pub fn invalid_content_length(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    let sides =
        [("response", &cx.exchange.response.headers), ("request", &cx.exchange.request.headers)];
    for (side, headers) in sides {
        if side == "request" && !cx.request_known() {
            continue;
        }
        for header in headers.fields("content-length") {
            let value = header.value.trim();
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                hits.push(
                    Hit::new(format!(
                        "The {side}'s Content-Length {value:?} is not a non-negative whole number."
                    ))
                    .at(header),
                );
            }
        }
    }
    hits
}

#[cfg(test)]
mod tests {
    use super::is_token;

    #[test]
    fn tokens() {
        assert!(is_token("X-Request-ID"));
        assert!(!is_token("Bad Header"));
        assert!(!is_token(""));
        assert!(!is_token("Grüße"));
    }
}
