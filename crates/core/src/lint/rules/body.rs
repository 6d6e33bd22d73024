//! Response content: where it is forbidden, whether it matches its framing,
//! and what it says.

use serde_json::Value;

use super::{once, Context, Hit};
use crate::exchange::BodyCapture;
use crate::lint::{AutoFix, Edit};

fn clear_body() -> AutoFix {
    AutoFix::new("Remove the body", vec![Edit::ClearBody])
}

pub fn body_not_allowed(cx: &Context) -> Vec<Hit> {
    // RFC 9110 §15.3.5 (204), §15.3.6 (205: MUST NOT generate content),
    // §15.4.5 (304), §15.2 (1xx).
    let forbidden = (100..200).contains(&cx.status) || matches!(cx.status, 204 | 205 | 304);
    once(forbidden && cx.has_body(), || {
        Hit::new(format!(
            "A {} response cannot have content, but this one has {} bytes.",
            cx.status,
            cx.exchange.response.body_len()
        ))
        .fix(clear_body())
    })
}

pub fn head_response_with_body(cx: &Context) -> Vec<Hit> {
    once(cx.request_known() && cx.method().eq_ignore_ascii_case("HEAD") && cx.has_body(), || {
        Hit::new("The response to HEAD carries content; HEAD responses never do.").fix(clear_body())
    })
}

/// Content-Length counts the bytes as sent: compare it only with a body the
/// input holds byte for byte (not one it lacks, not one decoded from its
/// content coding), and not where other framing wins (Transfer-Encoding,
/// RFC 9112 §6.3) or no content exists (HEAD, 1xx, 204, 304).
pub fn content_length_mismatch(cx: &Context) -> Vec<Hit> {
    let mut hits = Vec::new();
    let response = &cx.exchange.response;
    let is_head = cx.method().eq_ignore_ascii_case("HEAD");
    let bodiless = (100..200).contains(&cx.status) || cx.status == 204 || cx.status == 304;
    let exact = response.body_capture == BodyCapture::Complete;
    if !is_head && !bodiless && exact && !response.headers.has("transfer-encoding") {
        if let Some(declared) =
            response.headers.get("content-length").and_then(|v| v.trim().parse::<usize>().ok())
        {
            let actual = response.body_len();
            if declared != actual {
                hits.push(
                    Hit::new(format!(
                        "Content-Length says {declared} bytes but the response body has {actual}."
                    ))
                    .fix(AutoFix::new(
                        format!("Set Content-Length: {actual}"),
                        vec![Edit::SetHeader {
                            name: "Content-Length".into(),
                            value: actual.to_string(),
                        }],
                    )),
                );
            }
        }
    }
    let request = &cx.exchange.request;
    let exact = request.body_capture == BodyCapture::Complete;
    if cx.request_known() && exact && !request.headers.has("transfer-encoding") {
        if let Some(declared) =
            request.headers.get("content-length").and_then(|v| v.trim().parse::<usize>().ok())
        {
            let actual = request.body_len();
            if declared != actual {
                hits.push(Hit::new(format!(
                    "The request's Content-Length says {declared} bytes but its body has {actual}."
                )));
            }
        }
    }
    hits
}

/// `"success": false`, or a non-empty `error` / `errors` member.
fn reports_failure(body: &Value) -> Option<String> {
    let object = body.as_object()?;
    if object.get("success").and_then(Value::as_bool) == Some(false) {
        return Some("\"success\": false".into());
    }
    for key in ["error", "errors"] {
        let present = match object.get(key) {
            None | Some(Value::Null) => false,
            Some(Value::String(s)) => !s.is_empty(),
            Some(Value::Array(a)) => !a.is_empty(),
            Some(Value::Object(o)) => !o.is_empty(),
            Some(Value::Bool(b)) => *b,
            Some(Value::Number(_)) => true,
        };
        if present {
            return Some(format!("an \"{key}\" member"));
        }
    }
    None
}

pub fn success_with_error_body(cx: &Context) -> Vec<Hit> {
    let Some(evidence) =
        cx.is_success().then(|| cx.json_body().and_then(reports_failure)).flatten()
    else {
        return Vec::new();
    };
    let body = cx.body_lower();
    let status = if body.contains("not found") {
        404
    } else if body.contains("unauthor") {
        401
    } else {
        400
    };
    let mut edits = vec![Edit::SetStatus { status }];
    if status == 401 && !cx.exchange.response.headers.has("www-authenticate") {
        // A 401 MUST carry a challenge (RFC 9110 §15.5.2).
        edits.push(Edit::SetHeader {
            name: "WWW-Authenticate".into(),
            value: "Bearer realm=\"api\"".into(),
        });
    }
    vec![Hit::new(format!(
        "{} says success, but the body reports a failure ({evidence}).",
        cx.status
    ))
    .fix(AutoFix::new(format!("Change the status to {status}"), edits))]
}

pub fn error_without_body(cx: &Context) -> Vec<Hit> {
    let head = cx.request_known() && cx.method().eq_ignore_ascii_case("HEAD");
    once(cx.is_error() && !head && cx.body_known() && !cx.has_body(), || {
        Hit::new(format!("{} has no body: the client gets no explanation of the error.", cx.status))
    })
}

pub fn error_body_not_problem_details(cx: &Context) -> Vec<Hit> {
    let media_type = cx.exchange.response.headers.media_type();
    // RFC 9457 defines a JSON form and, in Appendix B, an XML one.
    let is_problem = matches!(
        media_type.as_deref(),
        Some("application/problem+json" | "application/problem+xml")
    );
    once(cx.is_error() && cx.has_body() && !is_problem, || {
        Hit::new(format!(
            "The error body is {}, not application/problem+json: clients need custom parsing for each API.",
            media_type.as_deref().unwrap_or("untyped")
        ))
    })
}

pub fn body_leaks_internals(cx: &Context) -> Vec<Hit> {
    let found = crate::leaks::exposed(&cx.exchange.response.body, cx.body_lower());
    once(!found.is_empty(), || Hit::new(format!("The body exposes {}.", found.join(", "))))
}
