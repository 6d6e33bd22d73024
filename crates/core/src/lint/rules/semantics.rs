//! Whether the status code fits the request and what the body says.

use super::{once, Context, Hit};
use crate::lint::{AutoFix, Edit};

fn set_status(status: u16) -> AutoFix {
    let name = crate::registry::Registry::global()
        .entry(status)
        .map(|e| e.name.to_string())
        .unwrap_or_default();
    AutoFix::new(format!("Change the status to {status} {name}"), vec![Edit::SetStatus { status }])
}

fn request_has_any(cx: &Context, names: &[&str]) -> bool {
    cx.exchange.request.headers.has_any(names)
}

fn body_mentions(cx: &Context, words: &[&str]) -> bool {
    let body = cx.body_lower();
    words.iter().any(|w| body.contains(w))
}

pub fn redirect_changes_method(cx: &Context) -> Vec<Hit> {
    let unsafe_method =
        ["POST", "PUT", "PATCH", "DELETE"].iter().any(|m| cx.method().eq_ignore_ascii_case(m));
    once(cx.request_known() && matches!(cx.status, 301 | 302) && unsafe_method, || {
        let (better, why) = if cx.status == 301 {
            (308, "a permanent move that keeps the method")
        } else {
            (307, "a temporary redirect that keeps the method")
        };
        Hit::new(format!(
            "{} answering {}: many clients repeat the request as GET. Use {better} for {why}, or 303 to send the client to a result page.",
            cx.status,
            cx.method()
        ))
        .fix(set_status(better))
    })
}

const CREDENTIALS: &[&str] = &["authorization", "cookie", "x-api-key", "proxy-authorization"];

pub fn unauthorized_with_valid_credentials(cx: &Context) -> Vec<Hit> {
    let credentials = request_has_any(cx, &["authorization", "cookie", "x-api-key"]);
    let permission = body_mentions(
        cx,
        &["permission", "forbidden", "role", "scope", "not allowed", "insufficient"],
    );
    once(cx.request_known() && cx.status == 401 && credentials && permission, || {
        Hit::new("401 although the request carries credentials and the body describes a permission problem: that is 403.")
            .fix(set_status(403))
    })
}

pub fn forbidden_without_credentials(cx: &Context) -> Vec<Hit> {
    once(cx.request_known() && cx.status == 403 && !request_has_any(cx, CREDENTIALS), || {
        Hit::new("403 to a request without any credentials: if signing in would help, answer 401 with WWW-Authenticate.")
            .fix(AutoFix::new(
                "Change to 401 and add WWW-Authenticate",
                vec![
                    Edit::SetStatus { status: 401 },
                    Edit::SetHeader { name: "WWW-Authenticate".into(), value: "Bearer realm=\"api\"".into() },
                ],
            ))
    })
}

pub fn not_found_for_deleted(cx: &Context) -> Vec<Hit> {
    once(
        cx.status == 404 && body_mentions(cx, &["deleted", "removed", "no longer available"]),
        || {
            Hit::new("404 while the body says the resource was deleted: 410 Gone tells clients and caches it is gone for good.")
            .fix(set_status(410))
        },
    )
}

pub fn server_error_for_client_input(cx: &Context) -> Vec<Hit> {
    let client_words = ["validation", "invalid", "required", "must be", "malformed"];
    once(cx.status == 500 && body_mentions(cx, &client_words), || {
        Hit::new("500 for what the body describes as bad input: that is a client error (400, or 422 for semantic validation).")
            .fix(set_status(422))
    })
}

pub fn created_for_safe_method(cx: &Context) -> Vec<Hit> {
    let safe =
        ["GET", "HEAD", "OPTIONS", "TRACE"].iter().any(|m| cx.method().eq_ignore_ascii_case(m));
    once(cx.request_known() && cx.status == 201 && safe, || {
        Hit::new(format!(
            "201 Created answering {}, a safe method that must not create anything.",
            cx.method()
        ))
        .fix(set_status(200))
    })
}

pub fn partial_without_range_request(cx: &Context) -> Vec<Hit> {
    once(
        cx.request_known() && matches!(cx.status, 206 | 416) && !request_has_any(cx, &["range"]),
        || Hit::new(format!("{} although the request has no Range field.", cx.status)),
    )
}

pub fn continue_without_expect(cx: &Context) -> Vec<Hit> {
    let expects = cx
        .exchange
        .request
        .headers
        .all("expect")
        .any(|v| v.trim().eq_ignore_ascii_case("100-continue"));
    once(cx.request_known() && cx.status == 100 && !expects, || {
        Hit::new("100 Continue although the request did not send \"Expect: 100-continue\".")
    })
}

pub fn switching_without_upgrade_request(cx: &Context) -> Vec<Hit> {
    once(cx.request_known() && cx.status == 101 && !request_has_any(cx, &["upgrade"]), || {
        Hit::new("101 Switching Protocols although the request asked for no Upgrade.")
    })
}

/// Only these can evaluate to false and give 412 (RFC 9110 §13.1, §13.2.2):
/// If-Match, If-Unmodified-Since, and If-None-Match on a method other than
/// GET or HEAD (which get 304 instead). If-Modified-Since and If-Range never
/// do.
pub fn precondition_failed_without_precondition(cx: &Context) -> Vec<Hit> {
    let safe_read =
        cx.method().eq_ignore_ascii_case("GET") || cx.method().eq_ignore_ascii_case("HEAD");
    let can_fail = request_has_any(cx, &["if-match", "if-unmodified-since"])
        || (!safe_read && request_has_any(cx, &["if-none-match"]));
    once(cx.request_known() && cx.status == 412 && !can_fail, || {
        Hit::new(if safe_read {
            "412 Precondition Failed, but no condition of this request can produce it: only If-Match and If-Unmodified-Since can fail a GET or HEAD (If-None-Match fails with 304, If-Modified-Since and If-Range never give 412)."
        } else {
            "412 Precondition Failed, but the request has none of the conditions that can produce it (If-Match, If-Unmodified-Since, If-None-Match)."
        })
    })
}

pub fn allow_lists_request_method(cx: &Context) -> Vec<Hit> {
    let Some(allow) = cx.exchange.response.headers.get("allow") else { return Vec::new() };
    let listed = allow.split(',').any(|m| m.trim() == cx.method());
    once(cx.request_known() && cx.status == 405 && listed, || {
        Hit::new(format!(
            "405 says {} is not allowed, but Allow lists it: \"{allow}\".",
            cx.method()
        ))
    })
}

pub fn not_acceptable_without_accept(cx: &Context) -> Vec<Hit> {
    let negotiation = ["accept", "accept-encoding", "accept-language", "accept-charset"];
    once(cx.request_known() && cx.status == 406 && !request_has_any(cx, &negotiation), || {
        Hit::new(
            "406 Not Acceptable although the request expressed no preference (no Accept-* field).",
        )
    })
}

pub fn not_modified_with_content_headers(cx: &Context) -> Vec<Hit> {
    let present: Vec<&str> = ["Content-Type", "Content-Encoding", "Content-Language"]
        .into_iter()
        .filter(|h| cx.exchange.response.headers.has(h))
        .collect();
    once(cx.status == 304 && !present.is_empty(), || {
        Hit::new(format!("304 Not Modified carries {}: a 304 updates the stored response, and these fields describe content it does not have.", present.join(", ")))
            .fix(AutoFix::new(
                format!("Remove {}", present.join(", ")),
                present.iter().map(|h| Edit::RemoveHeader { name: h.to_string() }).collect(),
            ))
    })
}

/// Whether an Accept value admits only JSON media types.
fn accepts_only_json(accept: &str) -> bool {
    let types: Vec<String> = accept
        .split(',')
        .map(|t| t.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
        .filter(|t| !t.is_empty())
        .collect();
    !types.is_empty() && types.iter().all(|t| t == "application/json" || t.ends_with("+json"))
}

pub fn html_error_for_json_client(cx: &Context) -> Vec<Hit> {
    let html = cx.exchange.response.headers.media_type().as_deref() == Some("text/html");
    let json_only = cx.exchange.request.headers.get("accept").is_some_and(accepts_only_json);
    once(cx.request_known() && cx.is_error() && html && json_only, || {
        Hit::new("An HTML error page answers a request that accepts only JSON: the client cannot parse it.")
    })
}

pub fn created_for_delete(cx: &Context) -> Vec<Hit> {
    once(
        cx.request_known() && cx.status == 201 && cx.method().eq_ignore_ascii_case("DELETE"),
        || {
            Hit::new("201 Created answering DELETE: a deletion creates nothing.")
                .fix(set_status(204))
        },
    )
}

/// The registered code whose phrase (current or former) `phrase` is, when
/// that is not `status` itself.
fn code_named_by(phrase: &str, status: u16) -> Option<u16> {
    use crate::registry::model::Registration;
    let phrase = phrase.trim();
    let names = |e: &crate::registry::model::StatusEntry| {
        std::iter::once(e.name.to_string())
            .chain(e.former_names.iter().map(|n| n.to_string()))
            .collect::<Vec<_>>()
    };
    let registry = crate::registry::Registry::global();
    let own = registry.entry(status).map(names).unwrap_or_default();
    if own.iter().any(|n| n.eq_ignore_ascii_case(phrase)) {
        return None;
    }
    registry
        .entries()
        .iter()
        .filter(|e| matches!(e.registration, Registration::Registered | Registration::Temporary))
        .find(|e| e.code != status && names(e).iter().any(|n| n.eq_ignore_ascii_case(phrase)))
        .map(|e| e.code)
}

pub fn reason_phrase_names_other_code(cx: &Context) -> Vec<Hit> {
    let response = &cx.exchange.response;
    let other = response.reason.as_deref().and_then(|phrase| code_named_by(phrase, cx.status));
    let Some(other) = other.filter(|_| !response.version.is_framed()) else {
        return Vec::new();
    };
    let phrase = response.reason.as_deref().unwrap_or_default();
    let mut hit = Hit::new(format!(
        "The reason phrase \"{phrase}\" is {other}'s, but the status code is {}: clients go by the number, people reading logs by the words.",
        cx.status
    ));
    if let Some(entry) = crate::registry::Registry::global().entry(cx.status) {
        hit = hit.fix(AutoFix::new(
            format!("Use {}'s phrase, \"{}\"", cx.status, entry.name),
            vec![Edit::SetStatus { status: cx.status }],
        ));
    }
    vec![hit]
}

#[cfg(test)]
mod tests {
    use super::accepts_only_json;

    #[test]
    fn json_only_accept_values() {
        assert!(accepts_only_json("application/json"));
        assert!(accepts_only_json("application/problem+json, application/json;q=0.9"));
        assert!(!accepts_only_json("application/json, */*"));
        assert!(!accepts_only_json("text/html,application/xhtml+xml"));
        assert!(!accepts_only_json(""));
    }
}
