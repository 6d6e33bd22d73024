//! Field syntax and the status code itself.

use super::{once, Context, Hit};
use crate::exchange::Headers;
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
            hits.push(Hit::new(format!("{side} field name {:?} is not a valid token (letters, digits and !#$%&'*+-.^_`|~ only).", header.name)));
        } else if header.value.chars().any(|c| c.is_control() && c != '\t') {
            hits.push(Hit::new(format!(
                "{side} field {} contains control characters.",
                header.name
            )));
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
            Hit::new(format!(
                "{side} has {} {name} fields; it allows only one.",
                headers.count(name)
            ))
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
    vec![Hit::new(format!("{} is {state}: send a code with a current meaning.", cx.status))]
}

pub fn invalid_retry_after(cx: &Context) -> Vec<Hit> {
    let Some(value) = cx.exchange.response.headers.get("retry-after") else { return Vec::new() };
    let value = value.trim();
    let seconds = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit());
    once(!seconds && httpdate::parse_http_date(value).is_err(), || {
        Hit::new(format!("Retry-After {value:?} is neither a number of seconds nor an HTTP date."))
    })
}

pub fn invalid_date_header(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    for name in ["Date", "Expires", "Last-Modified"] {
        for value in cx.exchange.response.headers.all(name) {
            let value = value.trim();
            match httpdate::parse_http_date(value) {
                Err(_) if name == "Expires" => hits.push(Hit::new(format!(
                    "Expires {value:?} is not an HTTP date; caches must treat the response as already expired."
                ))),
                Err(_) => hits.push(Hit::new(format!("{name} {value:?} is not an HTTP date (e.g. \"Mon, 23 Nov 2026 10:00:00 GMT\")."))),
                Ok(time) if httpdate::fmt_http_date(time) != value => hits.push(Hit::new(format!(
                    "{name} {value:?} uses an obsolete date format; send IMF-fixdate (\"{}\").",
                    httpdate::fmt_http_date(time)
                ))),
                Ok(_) => {}
            }
        }
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
        for value in headers.all("content-length") {
            let value = value.trim();
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                hits.push(Hit::new(format!(
                    "The {side}'s Content-Length {value:?} is not a non-negative whole number."
                )));
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
