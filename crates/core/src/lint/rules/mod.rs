//! The checks, one function per rule id. The table below joins them to
//! their texts in `data/lint-rules.toml`.

mod body;
mod fields;
mod missing_headers;
mod protocol;
mod semantics;
mod syntax;

use super::{Context, Hit};

pub(super) type Check = fn(&Context) -> Vec<Hit>;

pub(super) static CHECKS: &[(&str, Check)] = &[
    ("created-without-location", missing_headers::created_without_location),
    ("redirect-without-location", missing_headers::redirect_without_location),
    (
        "unauthorized-without-www-authenticate",
        missing_headers::unauthorized_without_www_authenticate,
    ),
    (
        "proxy-auth-without-proxy-authenticate",
        missing_headers::proxy_auth_without_proxy_authenticate,
    ),
    ("method-not-allowed-without-allow", missing_headers::method_not_allowed_without_allow),
    (
        "partial-content-without-content-range",
        missing_headers::partial_content_without_content_range,
    ),
    (
        "range-not-satisfiable-without-content-range",
        missing_headers::range_not_satisfiable_without_content_range,
    ),
    ("upgrade-required-without-upgrade", missing_headers::upgrade_required_without_upgrade),
    ("rate-limited-without-retry-after", missing_headers::rate_limited_without_retry_after),
    ("unavailable-without-retry-after", missing_headers::unavailable_without_retry_after),
    (
        "unsupported-media-type-without-accept",
        missing_headers::unsupported_media_type_without_accept,
    ),
    ("body-not-allowed", body::body_not_allowed),
    ("head-response-with-body", body::head_response_with_body),
    ("content-length-mismatch", body::content_length_mismatch),
    ("success-with-error-body", body::success_with_error_body),
    ("error-without-body", body::error_without_body),
    ("error-body-not-problem-details", body::error_body_not_problem_details),
    ("body-leaks-internals", body::body_leaks_internals),
    ("redirect-changes-method", semantics::redirect_changes_method),
    ("unauthorized-with-valid-credentials", semantics::unauthorized_with_valid_credentials),
    ("forbidden-without-credentials", semantics::forbidden_without_credentials),
    ("not-found-for-deleted", semantics::not_found_for_deleted),
    ("server-error-for-client-input", semantics::server_error_for_client_input),
    ("header-syntax", syntax::header_syntax),
    ("duplicate-singleton-header", syntax::duplicate_singleton_header),
    ("status-out-of-range", syntax::status_out_of_range),
    ("status-unregistered", syntax::status_unregistered),
    ("status-deprecated", syntax::status_deprecated),
    ("invalid-retry-after", syntax::invalid_retry_after),
    ("invalid-date-header", syntax::invalid_date_header),
    ("created-for-safe-method", semantics::created_for_safe_method),
    ("created-for-delete", semantics::created_for_delete),
    ("partial-without-range-request", semantics::partial_without_range_request),
    ("continue-without-expect", semantics::continue_without_expect),
    ("switching-without-upgrade-request", semantics::switching_without_upgrade_request),
    (
        "precondition-failed-without-precondition",
        semantics::precondition_failed_without_precondition,
    ),
    ("allow-lists-request-method", semantics::allow_lists_request_method),
    ("not-acceptable-without-accept", semantics::not_acceptable_without_accept),
    ("not-modified-with-content-headers", semantics::not_modified_with_content_headers),
    ("html-error-for-json-client", semantics::html_error_for_json_client),
    ("reason-phrase-in-http2", protocol::reason_phrase_in_http2),
    ("reason-phrase-names-other-code", semantics::reason_phrase_names_other_code),
    ("upgrade-in-http2", protocol::upgrade_in_http2),
    ("misdirected-request", protocol::misdirected_request),
    ("too-early", protocol::too_early),
    ("invalid-content-length", syntax::invalid_content_length),
    ("content-length-in-bodiless-status", syntax::content_length_in_bodiless_status),
    ("content-length-with-transfer-encoding", syntax::content_length_with_transfer_encoding),
    ("connection-field-in-http2", protocol::connection_field_in_http2),
    ("switching-without-upgrade-field", protocol::switching_without_upgrade_field),
    ("upgrade-without-connection-option", protocol::upgrade_without_connection_option),
];

/// Every check: the core catalogue, then the field checks
/// (`data/lint-rules-fields.toml`).
pub(super) fn all_checks() -> impl Iterator<Item = &'static (&'static str, Check)> {
    CHECKS.iter().chain(fields::CHECKS)
}

/// `Some(hit)` as a one-element list: most checks report at most once.
fn once(condition: bool, hit: impl FnOnce() -> Hit) -> Vec<Hit> {
    if condition {
        vec![hit()]
    } else {
        Vec::new()
    }
}
