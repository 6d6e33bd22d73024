//! Validators (RFC 9111 §4.3) and the targeted fields (RFC 9213, RFC 9211).

use crate::exchange::Exchange;
use crate::headers::cache_control::{parse_cache_control, Side};
use crate::headers::date::parse_http_date;
use crate::headers::etag::parse_entity_tag;
use crate::headers::list::{split_list, trim_ows};

use super::spec::{rfc9211, rfc9213};
use super::{TargetedField, Validators};

pub(crate) fn validators(exchange: &Exchange) -> Validators {
    let headers = &exchange.response.headers;
    let tag = headers.get("etag").and_then(|value| match parse_entity_tag(value) {
        Ok(tag) => Some(tag),
        Err(error) => error.lenient_reading,
    });
    let etag = tag.as_ref().map(ToString::to_string);
    let weak = tag.as_ref().is_some_and(|t| t.weak);
    let last_modified = headers
        .get("last-modified")
        .filter(|value| parse_http_date(value, None).is_ok())
        .map(|value| value.trim().to_string());
    let mut conditional_request = Vec::new();
    if let Some(etag) = &etag {
        conditional_request.push(("If-None-Match".to_string(), etag.clone()));
    }
    if let Some(last_modified) = &last_modified {
        conditional_request.push(("If-Modified-Since".to_string(), last_modified.clone()));
    }
    let after_304 = match (&etag, &last_modified) {
        (None, None) => "No validator (ETag or Last-Modified): a cache cannot revalidate this \
                         response with a conditional request, so once it is stale (or under \
                         no-cache) the cache fetches the whole response again."
            .to_string(),
        _ => {
            let sent = conditional_request
                .iter()
                .map(|(name, value)| format!("{name}: {value}"))
                .collect::<Vec<_>>()
                .join(" and ");
            format!(
                "To revalidate, a cache sends {sent}{}. If the origin answers 304 Not Modified, \
                 the cache keeps the stored body and replaces the stored header fields with the \
                 ones the 304 carries (its Date, Cache-Control, Expires, ETag, ...), except \
                 Content-Length and the other fields that describe the stored body; the \
                 response is then fresh again, with its freshness computed from the updated \
                 fields (RFC 9111 §4.3.4, §3.2).",
                if weak {
                    " (a weak ETag still validates for caching, via the weak comparison \
                     If-None-Match uses)"
                } else {
                    ""
                }
            )
        }
    };
    Validators { etag, weak, last_modified, conditional_request, after_304 }
}

pub(crate) fn targeted(exchange: &Exchange) -> Vec<TargetedField> {
    let mut out = Vec::new();
    for header in exchange.response.headers.iter() {
        let lower = header.name.to_ascii_lowercase();
        if lower == "cache-status" {
            out.push(TargetedField {
                name: header.name.clone(),
                value: header.value.clone(),
                explanation: cache_status(&header.value),
                spec: rfc9211("2"),
            });
        } else if lower.ends_with("-cache-control") {
            let cc = parse_cache_control([header.value.as_str()], Side::Response);
            let names: Vec<&str> = cc.directives.iter().map(|d| d.name.as_str()).collect();
            let directives = if names.is_empty() {
                "no directives it can read".to_string()
            } else {
                format!("directives {}", names.join(", "))
            };
            let (explanation, spec) = if lower == "cdn-cache-control" {
                (
                    format!(
                        "CDN-Cache-Control targets CDNs: a CDN that implements RFC 9213 obeys its \
                         {directives} instead of Cache-Control (and usually removes it before \
                         forwarding); browsers and other caches ignore it and follow \
                         Cache-Control. The verdicts above are for Cache-Control."
                    ),
                    rfc9213("3"),
                )
            } else {
                (
                    format!(
                        "A targeted cache-control field ({}): the caches it targets obey its \
                         {directives} instead of CDN-Cache-Control and Cache-Control; every other \
                         cache ignores it. The verdicts above are for Cache-Control.",
                        header.name
                    ),
                    rfc9213("2"),
                )
            };
            out.push(TargetedField {
                name: header.name.clone(),
                value: header.value.clone(),
                explanation,
                spec,
            });
        }
    }
    out
}

/// Describes each cache in a Cache-Status list, first (nearest the origin)
/// to last (nearest the user).
fn cache_status(value: &str) -> String {
    let mut parts = Vec::new();
    for member in split_list(value).elements {
        let mut pieces = member.split(';').map(trim_ows);
        let name = pieces.next().unwrap_or_default();
        let mut facts = Vec::new();
        let mut hit = false;
        for param in pieces {
            let (key, val) = match param.split_once('=') {
                Some((k, v)) => {
                    (trim_ows(k).to_ascii_lowercase(), Some(trim_ows(v).trim_matches('"')))
                }
                None => (param.to_ascii_lowercase(), None),
            };
            match (key.as_str(), val) {
                ("hit", _) => {
                    hit = true;
                    facts.push("served from its cache (hit)".to_string());
                }
                ("fwd", Some(reason)) => facts.push(format!(
                    "forwarded the request ({})",
                    match reason {
                        "bypass" => "configured to bypass the cache",
                        "method" => "the method is not cacheable",
                        "uri-miss" => "nothing stored for this URI",
                        "vary-miss" => "stored copies did not match Vary",
                        "miss" => "nothing stored",
                        "request" => "the request asked to go to the origin",
                        "stale" => "the stored copy was stale",
                        "partial" => "only part was stored",
                        other => other,
                    }
                )),
                ("fwd-status", Some(status)) => {
                    facts.push(format!("the next hop answered {status}"))
                }
                ("ttl", Some(ttl)) => facts.push(format!("remaining freshness {ttl} s")),
                ("stored", _) => facts.push("stored the response".to_string()),
                ("collapsed", _) => facts.push("collapsed this request with another".to_string()),
                ("key", Some(key)) => facts.push(format!("cache key {key}")),
                ("detail", Some(detail)) => facts.push(format!("detail: {detail}")),
                (other, _) => facts.push(format!("parameter {other}")),
            }
        }
        if !hit && !facts.iter().any(|f| f.starts_with("forwarded")) {
            facts.insert(0, "no hit or fwd parameter (read as a miss)".to_string());
        }
        parts.push(format!("{name}: {}", facts.join("; ")));
    }
    if parts.is_empty() {
        return "Cache-Status is empty.".to_string();
    }
    format!(
        "Cache-Status reports what each cache on the path did, nearest the origin first: {}.",
        parts.join(" | ")
    )
}
