//! The verdict a status code implies for repeating the request (RFC 9110
//! §15 and the documents that define the other codes).

use crate::registry::model::Citation;

use super::method::{MethodJudgement, MethodKind};
use super::spec::{rfc, rfc9110};
use super::Verdict;

/// How soon a retry may follow.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pace {
    /// Capped exponential backoff with full jitter.
    Backoff,
    /// One immediate retry (on a new connection, or without early data).
    Immediate,
}

#[derive(Debug, Clone)]
pub(crate) struct StatusRule {
    pub verdict: Verdict,
    pub needs_change: Option<String>,
    /// The step's title ("503 Service Unavailable: temporary").
    pub label: String,
    pub reason: String,
    pub spec: Citation,
    pub pace: Pace,
}

fn rule(verdict: Verdict, label: String, reason: String, spec: Citation) -> StatusRule {
    StatusRule { verdict, needs_change: None, label, reason, spec, pace: Pace::Backoff }
}

fn nothing(label: String, reason: String, spec: Citation) -> StatusRule {
    rule(Verdict::NothingToRetry, label, reason, spec)
}

fn retry(label: String, reason: String, spec: Citation, pace: Pace) -> StatusRule {
    StatusRule { pace, ..rule(Verdict::Retry, label, reason, spec) }
}

fn dont(label: String, reason: String, spec: Citation) -> StatusRule {
    rule(Verdict::DoNotRetry, label, reason, spec)
}

fn change(label: String, what: &str, reason: String, spec: Citation) -> StatusRule {
    StatusRule {
        needs_change: Some(what.to_string()),
        ..rule(Verdict::AfterChange, label, reason, spec)
    }
}

/// "GET", "POST (with its Idempotency-Key)", "the request (assumed idempotent)".
fn subject(method: &MethodJudgement) -> String {
    match method.kind {
        MethodKind::Idempotent | MethodKind::NonIdempotent => method.label.clone(),
        MethodKind::KeyedNonIdempotent => format!("{} (with its Idempotency-Key)", method.label),
        MethodKind::Unknown => "the request (assumed idempotent)".into(),
    }
}

/// 500, 502, 504 and other server errors: the server may have acted before
/// failing, so only a request that is safe to repeat is retried.
fn server_error(code: u16, name: &str, spec: Citation, method: &MethodJudgement) -> StatusRule {
    let label = format!("{code} {name}");
    if method.retry_safe() {
        retry(
            format!("{label}: retry with backoff"),
            format!(
                "A {code} is usually transient, and {} is safe to repeat, so retry it with \
                 capped exponential backoff and jitter; stop after a few attempts.",
                subject(method)
            ),
            spec,
            Pace::Backoff,
        )
    } else {
        dont(
            format!("{label}: not automatically for {}", method.label),
            format!(
                "The server may have acted on the request before the {code}, and {} is not \
                 idempotent and carries no Idempotency-Key, so a client must not repeat it \
                 automatically: check whether it took effect, or resend it with an \
                 Idempotency-Key.",
                method.label
            ),
            spec,
        )
    }
}

/// The rule for `code`, for a request judged as `method`, given whether a
/// usable Retry-After came with it.
pub(crate) fn status_rule(code: u16, method: &MethodJudgement, retry_after: bool) -> StatusRule {
    let who = subject(method);
    match code {
        100..=199 => nothing(
            format!("{code}: interim response"),
            "A 1xx is an interim response; the final response to the same request follows on \
             the same connection. There is nothing to retry."
                .into(),
            rfc9110("15.2"),
        ),
        200..=299 => nothing(
            format!("{code}: success"),
            format!("The request succeeded ({code}); there is nothing to retry."),
            rfc9110("15.3"),
        ),
        304 => nothing(
            "304 Not Modified: use the cached response".into(),
            "The stored response is still fresh to use: serve it from the cache. There is \
             nothing to retry."
                .into(),
            rfc9110("15.4.5"),
        ),
        300..=399 => nothing(
            format!("{code}: redirection"),
            format!(
                "A {code} is not a failure: follow the redirect (Location) or choose a \
                 representation. There is nothing to retry{}.",
                if retry_after {
                    "; Retry-After on a 3xx is the minimum wait before following the \
                     redirect (RFC 9110 §10.2.3), not a retry delay"
                } else {
                    ""
                }
            ),
            if retry_after { rfc9110("10.2.3") } else { rfc9110("15.4") },
        ),
        408 => {
            if method.retry_safe() {
                retry(
                    "408 Request Timeout: repeat on a new connection".into(),
                    format!(
                        "The server closed the connection before it received the whole \
                         request, so it did not act on it; the client MAY repeat the request, \
                         on a new connection. {who} may be repeated."
                    ),
                    rfc9110("15.5.9"),
                    Pace::Backoff,
                )
            } else {
                dont(
                    format!("408 Request Timeout: not automatically for {}", method.label),
                    format!(
                        "RFC 9110 lets a client repeat a request after a 408, because the server \
                         says it never received it whole. But gateways and applications also \
                         send 408 after a request was forwarded or processed, and nothing in the \
                         response proves which happened, so a non-idempotent {} without an \
                         Idempotency-Key is not repeated automatically: send it again with an \
                         Idempotency-Key, or after checking that it had no effect.",
                        method.label
                    ),
                    rfc9110("15.5.9"),
                )
            }
        }
        413 if retry_after => retry(
            "413 Content Too Large: temporary".into(),
            "The server refused the content, but sent Retry-After to say the condition is \
             temporary: the client MAY try again after the delay."
                .into(),
            rfc9110("15.5.14"),
            Pace::Backoff,
        ),
        413 => change(
            "413 Content Too Large".into(),
            "shrink the payload",
            "The content is larger than the server will process, and without Retry-After the \
             condition is not temporary: send less (compress, split, or upload in parts)."
                .into(),
            rfc9110("15.5.14"),
        ),
        414 => change(
            "414 URI Too Long".into(),
            "shorten the URI",
            "The target URI is longer than the server will interpret: move data from the query \
             into the body (POST or QUERY) or shorten it."
                .into(),
            rfc9110("15.5.15"),
        ),
        421 => retry(
            "421 Misdirected Request: retry on another connection".into(),
            "The connection reached a server that cannot answer for this origin, so the \
             request was not processed: the client MAY retry it over a different connection, \
             whether or not the method is idempotent."
                .into(),
            rfc9110("15.5.20"),
            Pace::Immediate,
        ),
        425 => retry(
            "425 Too Early: retry without early data".into(),
            "The server refused to process a request sent in TLS early data (0-RTT), which \
             could be replayed: send it again once the handshake has completed, not as early \
             data. The request was not processed, so this holds for any method."
                .into(),
            rfc(8470, "5.2"),
            Pace::Immediate,
        ),
        429 => retry(
            "429 Too Many Requests: wait, then retry".into(),
            format!(
                "The client sent too many requests and the server refused this one before \
                 acting on it: retry {}.",
                if retry_after {
                    "after the Retry-After delay"
                } else {
                    "later, with backoff (no Retry-After says how long)"
                }
            ),
            rfc(6585, "4"),
            Pace::Backoff,
        ),
        431 => change(
            "431 Request Header Fields Too Large".into(),
            "shorten the header fields",
            "A header field, or the header section as a whole, is too large: drop or shorten \
             fields (often oversized cookies) before sending again."
                .into(),
            rfc(6585, "5"),
        ),
        401 => change(
            "401 Unauthorized".into(),
            "obtain or refresh credentials",
            "The request lacks valid credentials for the resource: authenticate as \
             WWW-Authenticate describes (or refresh an expired token), then send it again."
                .into(),
            rfc9110("15.5.2"),
        ),
        407 => change(
            "407 Proxy Authentication Required".into(),
            "obtain or refresh proxy credentials",
            "The proxy needs credentials: authenticate as Proxy-Authenticate describes, then \
             send the request again."
                .into(),
            rfc9110("15.5.8"),
        ),
        409 => change(
            "409 Conflict".into(),
            "resolve the conflict",
            "The request conflicts with the current state of the resource (a version or \
             uniqueness clash): fetch the current state, resolve the conflict, then send a \
             changed request. Repeating it unchanged gets the same answer."
                .into(),
            rfc9110("15.5.10"),
        ),
        403 => change(
            "403 Forbidden".into(),
            "obtain permission",
            "The server understood the request but refuses it; repeating the same request will \
             not help. Different credentials or access rights are needed."
                .into(),
            rfc9110("15.5.4"),
        ),
        404 => change(
            "404 Not Found".into(),
            "fix the target URI",
            "No resource is there; repeating the request unchanged gets the same answer.".into(),
            rfc9110("15.5.5"),
        ),
        405 => change(
            "405 Method Not Allowed".into(),
            "use a method the Allow field lists",
            "The target does not support this method.".into(),
            rfc9110("15.5.6"),
        ),
        406 => change(
            "406 Not Acceptable".into(),
            "accept one of the available representations",
            "No representation matches the request's Accept fields.".into(),
            rfc9110("15.5.7"),
        ),
        410 => change(
            "410 Gone".into(),
            "stop using this URI",
            "The resource is gone for good; repeating the request will not bring it back.".into(),
            rfc9110("15.5.11"),
        ),
        411 => change(
            "411 Length Required".into(),
            "send Content-Length",
            "The server refuses a request without a Content-Length.".into(),
            rfc9110("15.5.12"),
        ),
        412 => change(
            "412 Precondition Failed".into(),
            "refresh the preconditions",
            "A condition (If-Match, If-Unmodified-Since) was false: the resource changed. \
             Fetch its current state and decide again; repeating the same conditional request \
             fails the same way."
                .into(),
            rfc9110("15.5.13"),
        ),
        415 => change(
            "415 Unsupported Media Type".into(),
            "send a supported content type or coding",
            "The server does not accept the content's media type or content coding.".into(),
            rfc9110("15.5.16"),
        ),
        416 => change(
            "416 Range Not Satisfiable".into(),
            "request a range inside the representation",
            "None of the requested ranges overlaps the representation.".into(),
            rfc9110("15.5.17"),
        ),
        417 => change(
            "417 Expectation Failed".into(),
            "drop the Expect field",
            "The server (or a proxy) cannot meet the request's Expect field.".into(),
            rfc9110("15.5.18"),
        ),
        422 => change(
            "422 Unprocessable Content".into(),
            "fix the content",
            "The content is well-formed but its instructions cannot be processed (validation \
             errors): correct it."
                .into(),
            rfc9110("15.5.21"),
        ),
        423 => change(
            "423 Locked".into(),
            "wait for the lock to be released, or send the lock token",
            "The resource is locked (WebDAV); the same request succeeds only once the lock is \
             gone or its token is supplied."
                .into(),
            rfc(4918, "11.3"),
        ),
        424 => change(
            "424 Failed Dependency".into(),
            "fix the action it depended on",
            "The method could not be performed because another action it depended on failed."
                .into(),
            rfc(4918, "11.4"),
        ),
        426 => change(
            "426 Upgrade Required".into(),
            "switch to the protocol the Upgrade field names",
            "The server refuses the request over this protocol.".into(),
            rfc9110("15.5.22"),
        ),
        428 => change(
            "428 Precondition Required".into(),
            "make the request conditional",
            "The server requires a conditional request (If-Match with the current ETag) to \
             avoid lost updates."
                .into(),
            rfc(6585, "3"),
        ),
        451 => dont(
            "451 Unavailable For Legal Reasons".into(),
            "The resource is withheld for legal reasons; repeating the request will not change \
             that."
                .into(),
            rfc(7725, "3"),
        ),
        400..=499 => change(
            format!("{code}: client error"),
            "fix the request",
            format!(
                "A 4xx says the request itself is at fault{}: repeating it unchanged gets the \
                 same answer.",
                if code == 400 { "" } else { " (an unrecognised 4xx is treated as 400)" }
            ),
            if code == 400 { rfc9110("15.5.1") } else { rfc9110("15") },
        ),
        500 => server_error(500, "Internal Server Error", rfc9110("15.6.1"), method),
        502 => server_error(502, "Bad Gateway", rfc9110("15.6.3"), method),
        504 => server_error(504, "Gateway Timeout", rfc9110("15.6.5"), method),
        507 => server_error(507, "Insufficient Storage", rfc(4918, "11.5"), method),
        503 => {
            if method.retry_safe() || retry_after {
                retry(
                    "503 Service Unavailable: temporary".into(),
                    if retry_after {
                        format!(
                            "The server is temporarily unable to handle the request (overload \
                             or maintenance) and says when to come back: retry {who} after the \
                             Retry-After delay{}.",
                            if method.retry_safe() {
                                ""
                            } else {
                                "; a server that states a delay declined the request rather \
                                 than failing halfway through it"
                            }
                        )
                    } else {
                        format!(
                            "The server is temporarily unable to handle the request (overload \
                             or maintenance): retry {who} with backoff; without Retry-After \
                             nothing says how long it will last."
                        )
                    },
                    rfc9110("15.6.4"),
                    Pace::Backoff,
                )
            } else {
                dont(
                    format!("503 Service Unavailable: not automatically for {}", method.label),
                    format!(
                        "A 503 without Retry-After may come from a proxy that lost the \
                         connection to the server after forwarding the request, so a \
                         non-idempotent {} without an Idempotency-Key is not repeated \
                         automatically: check whether it took effect, or resend it with an \
                         Idempotency-Key.",
                        method.label
                    ),
                    rfc9110("15.6.4"),
                )
            }
        }
        501 => dont(
            "501 Not Implemented".into(),
            "The server does not support the functionality (usually the method) the request \
             needs; that will not change by repeating it."
                .into(),
            rfc9110("15.6.2"),
        ),
        505 => dont(
            "505 HTTP Version Not Supported".into(),
            "The server refuses the request's major HTTP version; repeating it over the same \
             version gets the same answer."
                .into(),
            rfc9110("15.6.6"),
        ),
        506 => dont(
            "506 Variant Also Negotiates".into(),
            "A server configuration error in content negotiation; repeating will not fix it."
                .into(),
            rfc(2295, "8.1"),
        ),
        508 => dont(
            "508 Loop Detected".into(),
            "The server found an infinite loop while processing the request (WebDAV); it will \
             find it again."
                .into(),
            rfc(5842, "7.2"),
        ),
        510 => dont(
            "510 Not Extended".into(),
            "The request lacks an extension the server requires (RFC 2774, now obsoleted); \
             repeating it unchanged will not help."
                .into(),
            rfc(2774, "7"),
        ),
        511 => change(
            "511 Network Authentication Required".into(),
            "authenticate with the network",
            "A captive portal or network operator wants the client to log in before it gets \
             access; the response did not come from the origin."
                .into(),
            rfc(6585, "6"),
        ),
        _ if (500..=599).contains(&code) => {
            let mut rule = server_error(code, "Server Error", rfc9110("15"), method);
            rule.reason =
                format!("An unrecognised {code} is treated as 500 (RFC 9110 §15). {}", rule.reason);
            rule
        }
        _ => dont(
            format!("{code}: not a status code"),
            format!(
                "{code} is outside 100-599, so the response is invalid; treat it as a failed \
                 exchange rather than a status to retry on."
            ),
            rfc9110("15"),
        ),
    }
}
