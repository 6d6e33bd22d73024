//! Lint: what is wrong or missing in an exchange, each finding with its
//! severity, reason, RFC section and a concrete fix.
//!
//! Rule *texts* (title, why, fix, spec link, profile notes, pass/fail
//! examples) live in `data/lint-rules.toml`; rule *checks* are small Rust
//! functions in `rules/`, joined to their text by id. A test proves every
//! text has a check and every check a text, and runs each rule's examples.

mod context;
pub mod model;
mod rules;

use serde::{Deserialize, Serialize};

use crate::exchange::{BodyCapture, BodyEncoding, Exchange, Header};
use crate::registry::model::{SpecRef, Text};
use crate::registry::Citation;
pub use context::Context;
pub use model::{ProfileNote, RuleText, Severity};

/// The statics `build.rs` generates from `data/lint-rules.toml`.
mod generated {
    use std::borrow::Cow;

    use super::model::*;
    use crate::registry::model::SpecRef;

    include!(concat!(env!("OUT_DIR"), "/lint_rules.rs"));
}

/// Which rule book to judge by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// The RFCs (9110, 9111, 9457, 6585 …) as written.
    #[default]
    Rfc,
    /// Zalando's RESTful API Guidelines, stricter in places; where they go
    /// beyond the RFCs the finding says so.
    Zalando,
}

impl Profile {
    pub fn parse(text: &str) -> Option<Profile> {
        match text.to_ascii_lowercase().as_str() {
            "rfc" => Some(Profile::Rfc),
            "zalando" => Some(Profile::Zalando),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Profile::Rfc => "RFC",
            Profile::Zalando => "Zalando API guidelines",
        }
    }
}

/// One edit that a mechanical fix makes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
// Externally tagged: an internally tagged enum costs a buffering
// deserialiser in the page's wasm for no gain.
#[serde(rename_all = "kebab-case")]
pub enum Edit {
    SetStatus {
        status: u16,
    },
    SetHeader {
        name: String,
        value: String,
    },
    RemoveHeader {
        name: String,
    },
    ClearBody,
    /// Replace the response body (a conversion to problem details).
    SetBody {
        body: String,
    },
    ClearReason,
}

/// A fix the playground can apply with one click.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AutoFix {
    pub label: String,
    pub edits: Vec<Edit>,
}

impl AutoFix {
    pub fn new(label: impl Into<String>, edits: Vec<Edit>) -> AutoFix {
        AutoFix { label: label.into(), edits }
    }

    pub fn apply(&self, exchange: &mut Exchange) {
        let response = &mut exchange.response;
        for edit in &self.edits {
            match edit {
                Edit::SetStatus { status } => {
                    response.status = *status;
                    response.reason = if response.version.is_framed() {
                        None
                    } else {
                        crate::registry::Registry::global()
                            .entry(*status)
                            .map(|e| e.name.to_string())
                    };
                }
                Edit::SetHeader { name, value } => response.headers.set(name, value.clone()),
                Edit::RemoveHeader { name } => response.headers.remove(name),
                Edit::SetBody { body } => {
                    response.body.clone_from(body);
                    response.body_capture = BodyCapture::Complete;
                    response.body_encoding = BodyEncoding::Utf8;
                }
                Edit::ClearBody => {
                    response.body.clear();
                    response.body_capture = BodyCapture::Complete;
                    response.body_encoding = BodyEncoding::Utf8;
                }
                Edit::ClearReason => response.reason = None,
            }
        }
    }
}

/// What a check reports: the specific message, and a fix when one is mechanical.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub message: String,
    pub autofix: Option<AutoFix>,
    /// A more precise section than the rule's own, when the hit has one
    /// (each deprecated code has its own definition).
    pub spec: Option<SpecRef>,
    /// The input line the finding is about, when it is about one field.
    pub line: Option<u32>,
}

impl Hit {
    pub fn new(message: impl Into<String>) -> Hit {
        Hit { message: message.into(), autofix: None, spec: None, line: None }
    }

    /// Points the finding at the line `header` was read from, if known.
    pub fn at(mut self, header: &Header) -> Hit {
        self.line = header.line;
        self
    }

    pub fn cite(mut self, spec: &SpecRef) -> Hit {
        self.spec = Some(spec.clone());
        self
    }

    pub fn fix(mut self, autofix: AutoFix) -> Hit {
        self.autofix = Some(autofix);
        self
    }
}

/// A finding as users see it. Its texts borrow from the compiled rule
/// table (`Cow::Borrowed`, no copy) and become owned only when the finding
/// crosses a boundary (the engine worker, a JSON report).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Finding {
    pub id: Text,
    pub severity: Severity,
    pub title: Text,
    /// What is wrong in this exchange, specifically.
    pub message: String,
    pub why: Text,
    pub spec: Citation,
    pub fix: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autofix: Option<AutoFix>,
    /// Where the selected profile departs from the RFCs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profile_note: Option<Text>,
    /// The 1-based input line the finding points at, when it concerns one
    /// field of a pasted or captured message.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// Every rule's text, in catalogue order.
pub fn rule_texts() -> &'static [RuleText] {
    generated::RULES
}

fn text_of(id: &str) -> Option<&'static RuleText> {
    generated::RULES.iter().find(|r| r.id == id)
}

/// A rule's fix text with `$status` and `$reason` filled in from the
/// exchange, so its example is the case at hand (a 405 example on a 405).
fn for_this_case(fix: &Text, cx: &Context) -> Text {
    if !fix.contains('$') {
        return fix.clone();
    }
    let reason = crate::registry::Registry::global()
        .entry(cx.status)
        .map_or_else(|| "Error".to_string(), |e| e.name.to_string());
    Text::Owned(fix.replace("$status", &cx.status.to_string()).replace("$reason", &reason))
}

/// Analyses one exchange; findings come most severe first, then in
/// catalogue order.
pub fn lint(exchange: &Exchange, profile: Profile) -> Vec<Finding> {
    let cx = Context::new(exchange);
    let mut findings = Vec::new();
    for (id, check) in rules::all_checks() {
        let Some(text) = text_of(id) else { continue };
        for hit in check(&cx) {
            let (severity, profile_note) = match (profile, &text.zalando) {
                (Profile::Zalando, Some(note)) => {
                    (note.severity.unwrap_or(text.severity), Some(&note.note))
                }
                _ => (text.severity, None),
            };
            findings.push(Finding {
                id: text.id.clone(),
                severity,
                title: text.title.clone(),
                message: hit.message,
                why: text.why.clone(),
                spec: Citation::from(hit.spec.as_ref().unwrap_or(&text.spec)),
                fix: for_this_case(&text.fix, &cx),
                autofix: hit.autofix,
                line: hit.line,
                profile_note: profile_note.cloned(),
            });
        }
    }
    findings.sort_by_key(|f| f.severity);
    findings
}

/// Ids of the rules that have a check, for the consistency test.
pub fn checked_rule_ids() -> impl Iterator<Item = &'static str> {
    rules::all_checks().map(|(id, _)| *id)
}

#[cfg(test)]
mod case_tests {
    use super::*;
    use crate::exchange::parse_input;

    #[test]
    fn fix_examples_match_the_case_at_hand() {
        let raw = "DELETE /orders/7 HTTP/1.1\r\nHost: api.example\r\n\r\nHTTP/1.1 405 Method Not Allowed\r\nAllow: GET\r\n\r\n";
        let exchange = parse_input(raw).expect("parses").exchanges.remove(0);
        let findings = lint(&exchange, Profile::Rfc);
        let empty = findings.iter().find(|f| f.id == "error-without-body").expect("found");
        assert!(empty.fix.contains("\"status\":405"), "{}", empty.fix);
        assert!(empty.fix.contains("\"title\":\"Method Not Allowed\""), "{}", empty.fix);
        assert!(!empty.fix.contains('$'));
    }
}
