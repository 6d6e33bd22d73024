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
            hit = hit.fix(AutoFix::new(
                "Remove Upgrade",
                vec![Edit::RemoveHeader { name: "Upgrade".into() }],
            ));
        }
        hit
    })
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
