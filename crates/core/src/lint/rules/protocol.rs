//! Notes that depend on the HTTP version or on connection behaviour.

use super::{once, Context, Hit};
use crate::lint::{AutoFix, Edit};

pub fn reason_phrase_in_http2(cx: &Context) -> Vec<Hit> {
    let response = &cx.exchange.response;
    once(response.version.is_framed() && response.reason.is_some(), || {
        Hit::new(format!(
            "{} has no reason phrase; \"{}\" would never be sent.",
            response.version.label(),
            response.reason.as_deref().unwrap_or_default()
        ))
        .fix(AutoFix::new("Remove the reason phrase", vec![Edit::ClearReason]))
    })
}

pub fn upgrade_in_http2(cx: &Context) -> Vec<Hit> {
    let response = &cx.exchange.response;
    let upgrade = response.headers.has("upgrade");
    once(response.version.is_framed() && (cx.status == 101 || upgrade), || {
        let mut hit = Hit::new(format!(
            "{} cannot switch protocols: there is no 101 and no Upgrade field (WebSockets use extended CONNECT).",
            response.version.label()
        ));
        if upgrade {
            // Connection goes too: it is as connection-specific as Upgrade.
            hit = hit.fix(AutoFix::new(
                "Remove Upgrade and Connection",
                vec![
                    Edit::RemoveHeader { name: "Upgrade".into() },
                    Edit::RemoveHeader { name: "Connection".into() },
                ],
            ));
        }
        hit
    })
}

/// RFC 9113 §8.2.2 and RFC 9114 §4.2: HTTP/2 and HTTP/3 messages MUST NOT
/// contain connection-specific fields. Upgrade in a response is reported by
/// `upgrade-in-http2`; TE is allowed in a request with the value "trailers".
pub fn connection_field_in_http2(cx: &Context) -> Vec<Hit> {
    const CONNECTION_SPECIFIC: &[&str] =
        &["Connection", "Keep-Alive", "Proxy-Connection", "Transfer-Encoding", "Upgrade"];
    let mut hits = Vec::new();
    let sides = [
        ("response", &cx.exchange.response.headers, cx.exchange.response.version),
        ("request", &cx.exchange.request.headers, cx.exchange.request.version),
    ];
    for (side, headers, version) in sides {
        if !version.is_framed() || (side == "request" && !cx.request_known()) {
            continue;
        }
        for name in CONNECTION_SPECIFIC {
            if side == "response" && *name == "Upgrade" || !headers.has(name) {
                continue;
            }
            hits.push(
                Hit::new(format!(
                    "The {side} is {} but carries {name}, a connection-specific field these versions forbid.",
                    version.label()
                ))
                .fix(AutoFix::new(format!("Remove {name}"), vec![Edit::RemoveHeader { name: name.to_string() }])),
            );
        }
        let te = headers.get("te").map(str::trim);
        if side == "request" && te.is_some_and(|v| !v.eq_ignore_ascii_case("trailers")) {
            hits.push(Hit::new(format!(
                "The request is {} and sends TE {:?}: only \"trailers\" is allowed there.",
                version.label(),
                te.unwrap_or_default()
            )));
        }
    }
    hits
}

/// RFC 9110 §7.8: "A sender of Upgrade MUST also send an "upgrade"
/// connection option in the Connection header field" (HTTP/1.1 only: the
/// field does not exist in HTTP/2 and HTTP/3).
pub fn upgrade_without_connection_option(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    let sides = [
        ("response", &cx.exchange.response.headers, cx.exchange.response.version),
        ("request", &cx.exchange.request.headers, cx.exchange.request.version),
    ];
    for (side, headers, version) in sides {
        if version.is_framed()
            || (side == "request" && !cx.request_known())
            || !headers.has("upgrade")
        {
            continue;
        }
        let option = headers
            .all("connection")
            .flat_map(|v| v.split(','))
            .any(|o| o.trim().eq_ignore_ascii_case("upgrade"));
        if !option {
            let mut hit = Hit::new(format!("The {side} sends Upgrade without \"Connection: Upgrade\": intermediaries forward Upgrade end to end, so the recipient cannot trust it."));
            if side == "response" {
                hit = hit.fix(AutoFix::new(
                    "Add Connection: Upgrade",
                    vec![Edit::SetHeader { name: "Connection".into(), value: "Upgrade".into() }],
                ));
            }
            hits.push(hit);
        }
    }
    hits
}

/// RFC 9110 §7.8: a server that sends 101 MUST send Upgrade, naming the
/// protocol it switches to.
pub fn switching_without_upgrade_field(cx: &Context) -> Vec<Hit> {
    let response = &cx.exchange.response;
    once(
        cx.status == 101 && !response.version.is_framed() && !response.headers.has("upgrade"),
        || {
            let requested = cx.exchange.request.headers.get("upgrade").map(str::to_string);
            let mut hit = Hit::new("101 Switching Protocols without Upgrade: the client is not told which protocol the connection switches to.");
            if let Some(protocol) = requested.filter(|_| cx.request_known()) {
                let first = protocol.split(',').next().unwrap_or_default().trim().to_string();
                hit = hit.fix(AutoFix::new(
                    format!("Add Upgrade: {first} and Connection: Upgrade"),
                    vec![
                        Edit::SetHeader { name: "Upgrade".into(), value: first },
                        Edit::SetHeader { name: "Connection".into(), value: "Upgrade".into() },
                    ],
                ));
            }
            hit
        },
    )
}

pub fn misdirected_request(cx: &Context) -> Vec<Hit> {
    once(cx.status == 421, || {
        Hit::new("421: this server is not authoritative for the request's host, typically after a client reused an HTTP/2 or HTTP/3 connection for another host. The client may retry on a new connection.")
    })
}

pub fn too_early(cx: &Context) -> Vec<Hit> {
    once(cx.status == 425, || {
        Hit::new("425: the server refused a request sent in TLS early data (0-RTT) because it could be replayed. The client should retry after the handshake completes.")
    })
}
