//! The documents the retry advice cites, as [`Citation`]s.

use std::borrow::Cow;

use crate::registry::model::{Citation, SpecRef};

fn cite(doc: &'static str, section: &'static str, url: String) -> Citation {
    Citation::from(&SpecRef {
        doc: Cow::Borrowed(doc),
        section: Cow::Borrowed(section),
        url: Cow::Owned(url),
    })
}

/// A section of an RFC, e.g. `rfc(9110, "15.5.9")`.
pub(crate) fn rfc(number: u16, section: &'static str) -> Citation {
    let doc = match number {
        9110 => "RFC 9110",
        6585 => "RFC 6585",
        8470 => "RFC 8470",
        4918 => "RFC 4918",
        7725 => "RFC 7725",
        2295 => "RFC 2295",
        5842 => "RFC 5842",
        2774 => "RFC 2774",
        _ => "RFC",
    };
    let url = if section.is_empty() {
        format!("https://www.rfc-editor.org/rfc/rfc{number}.html")
    } else {
        format!("https://www.rfc-editor.org/rfc/rfc{number}.html#section-{section}")
    };
    cite(doc, section, url)
}

pub(crate) fn rfc9110(section: &'static str) -> Citation {
    rfc(9110, section)
}

/// The Idempotency-Key request header (IETF httpapi draft).
pub(crate) fn idempotency_key() -> Citation {
    cite(
        "draft-ietf-httpapi-idempotency-key-header",
        "",
        "https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/".into(),
    )
}

/// The QUERY method (IETF httpbis draft).
pub(crate) fn query_method() -> Citation {
    cite(
        "draft-ietf-httpbis-safe-method-w-body",
        "",
        "https://datatracker.ietf.org/doc/draft-ietf-httpbis-safe-method-w-body/".into(),
    )
}

/// The RateLimit and RateLimit-Policy fields (IETF httpapi draft).
pub(crate) fn ratelimit_headers() -> Citation {
    cite(
        "draft-ietf-httpapi-ratelimit-headers",
        "",
        "https://datatracker.ietf.org/doc/draft-ietf-httpapi-ratelimit-headers/".into(),
    )
}

/// Capped exponential backoff with full jitter.
pub(crate) fn backoff_and_jitter() -> Citation {
    cite(
        "AWS Architecture Blog: Exponential Backoff And Jitter",
        "",
        "https://aws.amazon.com/blogs/architecture/exponential-backoff-and-jitter/".into(),
    )
}

pub(crate) fn aws_retry_quota() -> Citation {
    cite(
        "AWS SDKs (smithy util-retry): retry quota constants",
        "",
        "https://github.com/smithy-lang/smithy-typescript/blob/main/packages/util-retry/src/constants.ts"
            .into(),
    )
}

pub(crate) fn grpc_retry_throttling() -> Citation {
    cite(
        "gRFC A6: Throttling Retry Attempts and Hedged RPCs",
        "",
        "https://github.com/grpc/proposal/blob/master/A6-client-retries.md#throttling-retry-attempts-and-hedged-rpcs"
            .into(),
    )
}
