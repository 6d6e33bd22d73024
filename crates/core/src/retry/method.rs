//! Whether repeating the request is safe, judged from its method
//! (RFC 9110 §9.2.2) and an Idempotency-Key request header.

use crate::exchange::Exchange;

use super::spec::{idempotency_key, query_method, rfc9110};
use super::RetryStep;

/// How the request's method bears on repeating it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum MethodKind {
    /// Idempotent by definition (§9.2.2) or by the QUERY draft.
    Idempotent,
    /// Not idempotent, but the request carries an Idempotency-Key, so the
    /// server can recognise a repeat.
    KeyedNonIdempotent,
    /// Not idempotent and no key: a repeat may act twice.
    NonIdempotent,
    /// The input had no request; judged as idempotent.
    Unknown,
}

#[derive(Debug, Clone)]
pub(crate) struct MethodJudgement {
    pub kind: MethodKind,
    /// The method as a client library compares it (upper case), or "GET"
    /// standing in for an unknown request.
    pub method: String,
    /// "POST", or "the request" when unknown, for sentences.
    pub label: String,
    pub step: RetryStep,
}

impl MethodJudgement {
    /// May the request be repeated without risking a second effect?
    pub fn retry_safe(&self) -> bool {
        !matches!(self.kind, MethodKind::NonIdempotent)
    }
}

const IDEMPOTENT: [&str; 6] = ["GET", "HEAD", "OPTIONS", "TRACE", "PUT", "DELETE"];

pub(crate) fn judge_method(exchange: &Exchange) -> MethodJudgement {
    if !exchange.request_known {
        return MethodJudgement {
            kind: MethodKind::Unknown,
            method: "GET".into(),
            label: "the request".into(),
            step: RetryStep {
                label: "Method unknown".into(),
                detail: "The input has only the response, so the request method is unknown. The \
                         advice assumes an idempotent request (GET, HEAD, PUT, DELETE, ...); for \
                         a POST or PATCH, read every \"retry\" below as \"retry only with an \
                         Idempotency-Key\"."
                    .into(),
                spec: rfc9110("9.2.2"),
            },
        };
    }
    let raw = exchange.request.method.trim();
    let upper = raw.to_ascii_uppercase();
    let case_note = if raw != upper && (IDEMPOTENT.contains(&upper.as_str()) || upper == "POST") {
        format!(
            " (methods are case-sensitive, RFC 9110 §9.1: \"{raw}\" is not \"{upper}\"; it is \
             judged as {upper} here, but a server may reject it)"
        )
    } else {
        String::new()
    };
    if IDEMPOTENT.contains(&upper.as_str()) {
        return MethodJudgement {
            kind: MethodKind::Idempotent,
            label: upper.clone(),
            step: RetryStep {
                label: format!("{upper} is idempotent"),
                detail: format!(
                    "Repeating {upper} has the same intended effect as sending it once, so a \
                     client may repeat it after a failure{case_note}."
                ),
                spec: rfc9110("9.2.2"),
            },
            method: upper,
        };
    }
    if upper == "QUERY" {
        return MethodJudgement {
            kind: MethodKind::Idempotent,
            label: upper.clone(),
            step: RetryStep {
                label: "QUERY is safe and idempotent".into(),
                detail: "QUERY carries its query in the body but is defined as safe and \
                         idempotent, so it may be repeated like GET."
                    .into(),
                spec: query_method(),
            },
            method: upper,
        };
    }
    let key = exchange.request.headers.get("idempotency-key").map(str::trim);
    let name = if upper.is_empty() { "This method".to_string() } else { upper.clone() };
    match key {
        Some(key) if !key.is_empty() && key != "\"\"" => MethodJudgement {
            kind: MethodKind::KeyedNonIdempotent,
            label: name.clone(),
            step: RetryStep {
                label: format!("{name} with an Idempotency-Key"),
                detail: format!(
                    "{name} is not idempotent, but the request carries Idempotency-Key: {key}. A \
                     server that supports the key recognises a repeat with the same key and \
                     returns the first result instead of acting twice, so the request may be \
                     retried with the same key and the same body{case_note}."
                ),
                spec: idempotency_key(),
            },
            method: upper,
        },
        _ => MethodJudgement {
            kind: MethodKind::NonIdempotent,
            label: name.clone(),
            step: RetryStep {
                label: format!("{name} is not idempotent"),
                detail: format!(
                    "Only GET, HEAD, OPTIONS, TRACE, PUT and DELETE (and QUERY) are idempotent. \
                     Repeating {name} after a failure that may have reached the server can act \
                     twice (a second order, a second payment){}. Send an Idempotency-Key to \
                     make repeats safe{case_note}.",
                    if key.is_some() { "; the Idempotency-Key field is empty" } else { "" }
                ),
                spec: rfc9110("9.2.2"),
            },
            method: upper,
        },
    }
}
