//! RFC 9457 problem details: is a response body one, is it a correct one,
//! and how would a legacy error body look as one.
//!
//! [`analyze_problem`] reads the response's media type and body. A JSON body
//! is parsed with serde_json and indexed once by [`position::PositionIndex`],
//! so every finding carries the JSON pointer of the value it is about and
//! that value's 1-based line and column in the body text. The semantic
//! checks follow RFC 9457's own words for their severity: a MUST becomes an
//! error, a SHOULD a warning, a MAY or plain advice an info note.
//!
//! A legacy error body (`{"error": "NOT_FOUND", "message": ...}` and the
//! other shapes in [`convert`]) gets a [`Conversion`]: the same information
//! as problem details, with nothing of the original dropped.
//!
//! With the `schema` cargo feature, [`validate_schema`] also checks a body
//! against a JSON Schema (RFC 9457 Appendix A's, [`PROBLEM_SCHEMA_JSON`],
//! by default) with the `boon` validator. Without the feature the engine
//! still works and `standard_schema` is `None`: the page runs the validator
//! in a worker of its own.

mod convert;
pub mod position;
mod rules;
#[cfg(feature = "schema")]
mod schema;
mod spec;
pub mod uri;
pub mod user_schema;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::exchange::{BodyCapture, Exchange};
use crate::lint::Severity;
use crate::registry::model::Citation;

pub use convert::{convert_legacy, to_legacy};
pub use position::{char_offset, Pos, PositionIndex};
#[cfg(feature = "schema")]
pub use schema::{
    problem_schema, validate_schema, validate_schema_with, SchemaDraft, SchemaOptions,
};
pub use user_schema::{
    prepare as prepare_user_schema, schema_choices_in, PreparedSchema, SchemaInput,
};

/// Expands the items given to it only when this crate is built with the
/// `schema` feature. A dependent crate gates code on the feature with it
/// without a feature of its own: the root package's
/// `tests/json_schema_suite.rs` runs with `--features statuslab-core/schema`.
#[cfg(feature = "schema")]
#[macro_export]
macro_rules! if_schema_feature {
    ($($item:item)*) => { $($item)* };
}

/// See the `schema` variant: without the feature the items disappear.
#[cfg(not(feature = "schema"))]
#[macro_export]
macro_rules! if_schema_feature {
    ($($item:item)*) => {};
}

/// RFC 9457 Appendix A's JSON Schema for a problem details object (from the
/// working group's repository, ietf-wg-httpapi/rfc7807bis
/// `schema/json/problem.json`, with the RFC 8792 line wrapping undone). It is
/// non-normative; the semantic checks are the authority.
pub const PROBLEM_SCHEMA_JSON: &str = include_str!("problem-schema.json");

/// The media type of the JSON form (RFC 9457 §3).
pub const PROBLEM_JSON: &str = "application/problem+json";
/// The media type of the XML form (RFC 9457 Appendix B).
pub const PROBLEM_XML: &str = "application/problem+xml";

/// Everything the problem-details engine concludes about one response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemAnalysis {
    /// The body is, or claims to be (by its media type), problem details.
    pub detected: bool,
    /// Problem details with no error or warning from the semantic checks
    /// and, when `standard_schema` is filled, a passing schema verdict.
    pub valid: bool,
    /// The Content-Type's media type, lower-cased, without parameters.
    pub media_type: Option<String>,
    pub errors: Vec<ProblemError>,
    /// What each member means and how a consumer reads it.
    pub members: Vec<MemberNote>,
    /// RFC 9457 Appendix A's schema verdict; only with the `schema` feature.
    pub standard_schema: Option<SchemaVerdict>,
    /// The verdict of the user's own schema (`statuslab check --schema`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<SchemaVerdict>,
    /// The body rewritten as problem details, for a legacy error body.
    pub conversion: Option<Conversion>,
    /// For problem details: the same body in the source articles' legacy
    /// error format (`{"error", "message", "details"}`), for teams
    /// migrating clients that still read it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy: Option<String>,
}

/// One finding, placed in the body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ProblemError {
    /// JSON pointer (RFC 6901) of the value; "" for the whole body.
    pub pointer: String,
    /// 1-based line of the value in the body text.
    pub line: u32,
    /// 1-based column (in chars) of the value in its line.
    pub column: u32,
    pub message: String,
    pub severity: Severity,
    pub spec: Citation,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MemberKind {
    /// One of the five members RFC 9457 §3.1 defines.
    Standard,
    /// Anything else (§3.2).
    Extension,
}

/// How one member was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberNote {
    pub pointer: String,
    pub name: String,
    pub kind: MemberKind,
    pub note: String,
}

/// A JSON Schema validator's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaVerdict {
    pub valid: bool,
    pub errors: Vec<ProblemError>,
}

/// A legacy error body rewritten as problem details.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conversion {
    /// Pretty-printed JSON.
    pub body: String,
    /// Always "application/problem+json".
    pub content_type: String,
    /// (original member, member in `body`), as JSON pointers.
    pub mapped: Vec<(String, String)>,
    /// The extension members of `body` (after any renaming).
    pub kept_as_extensions: Vec<String>,
}

fn is_json_media(media: &str) -> bool {
    media == "application/json" || media == "text/json" || media.ends_with("+json")
}

fn is_xml_media(media: &str) -> bool {
    media == "application/xml" || media == "text/xml" || media.ends_with("+xml")
}

fn looks_like_json(body: &str) -> bool {
    matches!(body.trim_start().chars().next(), Some('{' | '['))
}

fn looks_like_html(body: &str) -> bool {
    let head: String = body.trim_start().chars().take(64).collect::<String>().to_ascii_lowercase();
    head.starts_with("<!doctype html") || head.starts_with("<html")
}

/// Analyzes the response of `exchange` as (possible) problem details.
/// `None` when the response has no JSON or XML body and is not a 4xx/5xx.
pub fn analyze_problem(exchange: &Exchange) -> Option<ProblemAnalysis> {
    let response = &exchange.response;
    let status = response.status;
    let is_error = (400..=599).contains(&status);
    let media_type = response.headers.media_type().filter(|m| !m.is_empty());
    let media = media_type.as_deref().unwrap_or("");
    let body = response.body.as_str();
    let problem_json = media == PROBLEM_JSON;
    let problem_xml = media == PROBLEM_XML;
    let json_body = is_json_media(media) || (media.is_empty() && looks_like_json(body));
    let xml_body = is_xml_media(media);

    let mut analysis = ProblemAnalysis {
        detected: problem_json || problem_xml,
        valid: false,
        media_type: media_type.clone(),
        errors: Vec::new(),
        members: Vec::new(),
        standard_schema: None,
        schema: None,
        conversion: None,
        legacy: None,
    };

    if response.body_capture == BodyCapture::Missing {
        if !is_error && !json_body && !xml_body {
            return None;
        }
        analysis.errors.push(rules::whole_body(
            Severity::Info,
            "The input does not contain the response body, so its problem details cannot be checked.",
            spec::rfc9457("3"),
        ));
        return Some(analysis);
    }

    if body.trim().is_empty() {
        if !is_error && !analysis.detected {
            return None;
        }
        analysis.errors.push(rules::whole_body(
            if analysis.detected { Severity::Error } else { Severity::Info },
            &if analysis.detected {
                format!("The body is empty although Content-Type says {media}: there is no problem details object to read.")
            } else {
                format!("A {status} response without a body gives the client no machine-readable explanation; problem details (application/problem+json) would.")
            },
            spec::rfc9457("3"),
        ));
        return Some(analysis);
    }

    if problem_xml {
        rules::check_xml(body, &mut analysis);
        analysis.valid = no_faults(&analysis.errors);
        return Some(analysis);
    }

    if !json_body && !problem_json {
        if !is_error && !xml_body {
            return None;
        }
        if is_error {
            let what = if looks_like_html(body) || media == "text/html" {
                "an HTML page".to_string()
            } else if media.is_empty() {
                "untyped text".to_string()
            } else {
                media.to_string()
            };
            analysis.errors.push(rules::whole_body(
                Severity::Info,
                &format!(
                    "This {status} error body is {what}; API clients read errors best as problem details (application/problem+json)."
                ),
                spec::rfc9457("3"),
            ));
        }
        return Some(analysis);
    }

    let value: Value = match serde_json::from_str(body) {
        Ok(value) => value,
        Err(error) => {
            let pos = position::from_serde(body, error.line(), error.column());
            let claimed = problem_json || is_json_media(media);
            analysis.errors.push(ProblemError {
                pointer: String::new(),
                line: pos.line,
                column: pos.column,
                message: format!("The body is not valid JSON: {error}."),
                severity: if claimed { Severity::Error } else { Severity::Info },
                spec: spec::rfc8259_grammar(),
            });
            return Some(analysis);
        }
    };
    let index = PositionIndex::build(body);
    let shaped = rules::problem_shaped(&value);

    if problem_json || shaped {
        analysis.detected = true;
        if !problem_json {
            let pos = index.locate("");
            analysis.errors.push(ProblemError {
                pointer: String::new(),
                line: pos.line,
                column: pos.column,
                message: format!(
                    "The body is shaped like problem details but is labelled {}: declare application/problem+json so clients recognise it.",
                    if media.is_empty() { "with no media type" } else { media }
                ),
                severity: Severity::Warning,
                spec: spec::rfc9457("3"),
            });
        }
        rules::check_problem(exchange, &value, &index, &mut analysis);
        analysis.legacy = to_legacy(&value);
        #[cfg(feature = "schema")]
        {
            analysis.standard_schema = Some(validate_schema(problem_schema(), &value, body));
        }
        let schema_ok = analysis.standard_schema.as_ref().is_none_or(|v| v.valid);
        analysis.valid = no_faults(&analysis.errors) && schema_ok;
        return Some(analysis);
    }

    if is_error {
        analysis.conversion = convert_legacy(&value, status, exchange_target(exchange));
        let advice = if analysis.conversion.is_some() {
            "This error body uses an API-specific format; the conversion shows it as problem details (application/problem+json), which generic clients understand."
        } else {
            "This JSON error body is not problem details; generic clients cannot find its title, detail or type."
        };
        analysis.errors.push(rules::whole_body(Severity::Info, advice, spec::rfc9457("3")));
    }
    Some(analysis)
}

/// The request target, when the input had a request.
fn exchange_target(exchange: &Exchange) -> Option<&str> {
    exchange.request_known.then_some(exchange.request.target.as_str())
}

fn no_faults(errors: &[ProblemError]) -> bool {
    errors.iter().all(|e| e.severity == Severity::Info)
}
