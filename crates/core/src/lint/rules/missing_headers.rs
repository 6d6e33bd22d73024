//! Status codes that need a header field to be useful (RFC 9110 §15 and the
//! RFCs that define the codes).

use super::{once, Context, Hit};
use crate::lint::{AutoFix, Edit};

fn missing(cx: &Context, statuses: &[u16], any_of: &[&str]) -> bool {
    statuses.contains(&cx.status) && !cx.exchange.response.headers.has_any(any_of)
}

fn add(name: &str, value: impl Into<String>) -> AutoFix {
    let value = value.into();
    AutoFix::new(format!("Add {name}: {value}"), vec![Edit::SetHeader { name: name.into(), value }])
}

/// The SHOULD is POST's (RFC 9110 §9.3.3): a PUT that creates the resource
/// at its target URI has named it already (§9.3.4, §15.3.2).
/// Where the created resource probably lives: the request's path joined
/// with the `id` the response body reports, when it reports one.
fn location_from_body(cx: &Context) -> Option<String> {
    let body: serde_json::Value = serde_json::from_str(&cx.exchange.response.body).ok()?;
    let id = match body.get("id")? {
        serde_json::Value::Number(n) => n.to_string(),
        serde_json::Value::String(s) if !s.is_empty() && !s.contains(['/', '?', '#', ' ']) => {
            s.clone()
        }
        _ => return None,
    };
    let target = cx.exchange.request.target.trim();
    let path = target.split(['?', '#']).next().unwrap_or_default();
    // An absolute-form target ("http://host/users"): keep only the path.
    let path = match path.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |at| &rest[at..]),
        None => path,
    };
    Some(format!("{}/{id}", path.trim_end_matches('/')))
}

pub fn created_without_location(cx: &Context) -> Vec<Hit> {
    // For PUT the target URI is the new resource; for DELETE and safe
    // methods the status itself is what is wrong (other rules say so).
    let exempt = cx.request_known()
        && ["PUT", "DELETE", "GET", "HEAD", "OPTIONS", "TRACE"]
            .iter()
            .any(|m| cx.method().eq_ignore_ascii_case(m));
    once(missing(cx, &[201], &["location"]) && !exempt, || {
        let hit = Hit::new(
            "201 Created without a Location field: clients cannot tell which resource was created.",
        );
        match location_from_body(cx).filter(|_| cx.request_known()) {
            Some(location) => hit.fix(AutoFix::new(
                format!("Add Location: {location} (from the body's id)"),
                vec![Edit::SetHeader { name: "Location".into(), value: location }],
            )),
            // The new resource's URI is the server's to choose: a
            // placeholder the user must edit, said so in the fix's label.
            None => hit.fix(AutoFix::new(
                "Add Location (placeholder: put the new resource's URI)",
                vec![Edit::SetHeader {
                    name: "Location".into(),
                    value: "/new-resource-uri".into(),
                }],
            )),
        }
    })
}

pub fn redirect_without_location(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[301, 302, 303, 307, 308], &["location"]), || {
        Hit::new(format!(
            "{} redirect without a Location field: there is nowhere to go.",
            cx.status
        ))
        .fix(add("Location", "/new-location"))
    })
}

pub fn unauthorized_without_www_authenticate(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[401], &["www-authenticate"]), || {
        Hit::new("401 Unauthorized without WWW-Authenticate: the client is not told how to authenticate.")
            .fix(add("WWW-Authenticate", "Bearer realm=\"api\""))
    })
}

pub fn proxy_auth_without_proxy_authenticate(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[407], &["proxy-authenticate"]), || {
        Hit::new("407 without Proxy-Authenticate: the client is not told how to authenticate to the proxy.")
            .fix(add("Proxy-Authenticate", "Basic realm=\"proxy\""))
    })
}

pub fn method_not_allowed_without_allow(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[405], &["allow"]), || {
        let method = cx.method().to_ascii_uppercase();
        let allowed: Vec<&str> =
            ["GET", "HEAD", "POST"].into_iter().filter(|m| *m != method).collect();
        // Only the server knows its methods: the value is a placeholder,
        // and the label says so.
        Hit::new(format!("405 Method Not Allowed without Allow: the client cannot learn which methods {} supports.", cx.exchange.request.target))
            .fix(AutoFix::new(
                format!("Add Allow: {} (placeholder: list the methods this resource supports)", allowed.join(", ")),
                vec![Edit::SetHeader { name: "Allow".into(), value: allowed.join(", ") }],
            ))
    })
}

pub fn partial_content_without_content_range(cx: &Context) -> Vec<Hit> {
    let multipart =
        cx.exchange.response.headers.media_type().is_some_and(|t| t == "multipart/byteranges");
    once(missing(cx, &[206], &["content-range"]) && !multipart, || {
        Hit::new("206 Partial Content without Content-Range (and not multipart/byteranges): the client cannot place the bytes.")
    })
}

pub fn range_not_satisfiable_without_content_range(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[416], &["content-range"]), || {
        Hit::new(
            "416 without Content-Range: tell the client the current length, e.g. \"bytes */4096\".",
        )
    })
}

pub fn upgrade_required_without_upgrade(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[426], &["upgrade"]), || {
        // RFC 9110 §7.8: a sender of Upgrade MUST also send the "upgrade"
        // connection option.
        Hit::new("426 Upgrade Required without an Upgrade field naming the protocol to switch to.")
            .fix(AutoFix::new(
                "Add Upgrade: HTTP/2 and Connection: Upgrade",
                vec![
                    Edit::SetHeader { name: "Upgrade".into(), value: "HTTP/2".into() },
                    Edit::SetHeader { name: "Connection".into(), value: "Upgrade".into() },
                ],
            ))
    })
}

pub fn rate_limited_without_retry_after(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[429], &["retry-after"]), || {
        Hit::new("429 Too Many Requests without Retry-After: clients must guess when to come back.")
            .fix(add("Retry-After", "60"))
    })
}

pub fn unavailable_without_retry_after(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[503], &["retry-after"]), || {
        Hit::new("503 Service Unavailable without Retry-After: clients cannot tell how long the outage lasts.")
            .fix(add("Retry-After", "120"))
    })
}

pub fn unsupported_media_type_without_accept(cx: &Context) -> Vec<Hit> {
    once(missing(cx, &[415], &["accept", "accept-post", "accept-patch", "accept-encoding"]), || {
        // RFC 9110 §15.5.16 names Accept (media type) and Accept-Encoding
        // (content coding); RFC 5789 §2.2 adds Accept-Patch for PATCH.
        let header =
            if cx.method().eq_ignore_ascii_case("PATCH") { "Accept-Patch" } else { "Accept" };
        Hit::new("415 without Accept, Accept-Encoding or Accept-Patch: the client is not told which media types or codings would work.")
            .fix(add(header, "application/json"))
    })
}
