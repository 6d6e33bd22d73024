//! The semantic checks of RFC 9457. Severities follow the RFC's keywords:
//! MUST → error, SHOULD → warning, MAY or plain advice → info.

use serde_json::{Map, Value};

use super::position::{child, Pos, PositionIndex};
use super::spec::rfc9457;
use super::uri::{resolve, scheme, uri_reference_problem};
use super::{MemberKind, MemberNote, ProblemAnalysis, ProblemError};
use crate::exchange::Exchange;
use crate::lint::Severity;
use crate::registry::model::Citation;
use crate::registry::Registry;

/// The five members RFC 9457 §3.1 defines.
pub(crate) const STANDARD: [&str; 5] = ["type", "title", "status", "detail", "instance"];

pub(crate) fn whole_body(severity: Severity, message: &str, spec: Citation) -> ProblemError {
    ProblemError {
        pointer: String::new(),
        line: 1,
        column: 1,
        message: message.into(),
        severity,
        spec,
    }
}

/// A JSON object with at least two of the standard members.
pub(crate) fn problem_shaped(value: &Value) -> bool {
    value
        .as_object()
        .is_some_and(|o| STANDARD.iter().filter(|name| o.contains_key(**name)).count() >= 2)
}

/// The registry's name for `status` ("Not Found"), the recommended phrase.
pub(crate) fn reason_phrase(status: u16) -> Option<String> {
    Registry::global().entry(status).map(|entry| entry.name.to_string())
}

/// Why `name` breaks RFC 9457 §4's naming advice, or `None`.
pub(crate) fn extension_name_problem(name: &str) -> Option<String> {
    let mut reasons = Vec::new();
    if !name.chars().next().is_some_and(|c| c.is_ascii_alphabetic()) {
        reasons.push("does not start with a letter");
    }
    if !name.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
        reasons.push("has characters other than letters, digits and \"_\"");
    }
    if name.chars().count() < 3 {
        reasons.push("is shorter than three characters");
    }
    (!reasons.is_empty()).then(|| reasons.join(", "))
}

fn kind_of(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "an integer",
        Value::Number(_) => "a non-integer number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Extension member names that usually carry debugging output.
const DEBUG_NAMES: &[&str] =
    &["stack", "stacktrace", "stack_trace", "trace", "backtrace", "exception", "debug", "sql"];

/// What `text` exposes, or `None`.
pub(crate) fn leaks(text: &str) -> Option<String> {
    let found = crate::leaks::exposed(text, &text.to_ascii_lowercase());
    (!found.is_empty()).then(|| found.join(", "))
}

struct Checker<'a> {
    index: &'a PositionIndex,
    errors: Vec<ProblemError>,
    members: Vec<MemberNote>,
}

impl Checker<'_> {
    fn at(&mut self, pointer: &str, severity: Severity, message: String, spec: Citation) {
        let pos = self.index.locate(pointer);
        self.push(pointer, pos, severity, message, spec);
    }

    /// A finding about a member's name, placed on the name.
    fn at_key(&mut self, pointer: &str, severity: Severity, message: String, spec: Citation) {
        let pos = self.index.locate_key(pointer);
        self.push(pointer, pos, severity, message, spec);
    }

    fn push(
        &mut self,
        pointer: &str,
        pos: Pos,
        severity: Severity,
        message: String,
        spec: Citation,
    ) {
        let (line, column) = (pos.line, pos.column);
        self.errors.push(ProblemError {
            pointer: pointer.into(),
            line,
            column,
            message,
            severity,
            spec,
        });
    }

    fn note(&mut self, name: &str, kind: MemberKind, note: String) {
        self.members.push(MemberNote { pointer: child("", name), name: name.into(), kind, note });
    }

    /// §3.1: a standard member of the wrong type is ignored by consumers.
    fn wrong_type(&mut self, name: &str, value: &Value, expected: &str, consequence: &str) {
        let pointer = child("", name);
        self.at(
            &pointer,
            Severity::Warning,
            format!(
                "\"{name}\" is {}, not {expected}: consumers MUST ignore a member whose value has the wrong type, so {consequence}.",
                kind_of(value)
            ),
            rfc9457("3.1"),
        );
        self.note(
            name,
            MemberKind::Standard,
            format!("Ignored: {} instead of {expected}.", kind_of(value)),
        );
    }

    fn leak_scan(&mut self, pointer: &str, value: &Value) {
        match value {
            Value::String(text) => {
                if let Some(what) = leaks(text) {
                    self.at(
                        pointer,
                        Severity::Warning,
                        format!("This value exposes {what}; problem details should explain the problem to the client, not reveal the implementation."),
                        rfc9457("5"),
                    );
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.leak_scan(&format!("{pointer}/{i}"), item);
                }
            }
            Value::Object(members) => {
                for (name, item) in members {
                    self.leak_scan(&child(pointer, name), item);
                }
            }
            _ => {}
        }
    }

    fn uri_member(&mut self, name: &str, text: &str, base: Option<&str>, section: &'static str) {
        let pointer = child("", name);
        if let Some(problem) = uri_reference_problem(text) {
            self.at(
                &pointer,
                Severity::Warning,
                format!("\"{name}\" must be a URI reference (RFC 3986), but {problem}."),
                rfc9457(section),
            );
            self.note(
                name,
                MemberKind::Standard,
                format!("\"{text}\" is not a valid URI reference."),
            );
            return;
        }
        if scheme(text).is_some() {
            self.note(name, MemberKind::Standard, format!("Absolute URI {text}."));
            return;
        }
        let resolved = base.map(|b| resolve(b, text));
        self.note(
            name,
            MemberKind::Standard,
            match &resolved {
                Some(r) => {
                    format!("Relative reference; resolved against the request target it is {r}.")
                }
                None => "Relative reference; consumers resolve it against the request URI.".into(),
            },
        );
        let shown = resolved.map(|r| format!(" (here it resolves to {r})")).unwrap_or_default();
        if !text.starts_with('/') {
            // "it is RECOMMENDED that absolute URIs be used ... when possible
            // and that when relative URIs are used, they include the full path"
            self.at(
                &pointer,
                Severity::Warning,
                format!(
                    "\"{name}\" is a relative reference without the full path{shown}: it resolves differently for every resource that sends it. Use an absolute URI, or at least a path starting with \"/\"."
                ),
                rfc9457(section),
            );
        } else if name == "type" {
            self.at(
                &pointer,
                Severity::Info,
                format!(
                    "\"type\" is a relative reference{shown}; absolute URIs are RECOMMENDED when possible, as relative ones can confuse consumers."
                ),
                rfc9457(section),
            );
        }
    }
}

/// The checks of a JSON body that is, or claims to be, problem details.
pub(crate) fn check_problem(
    exchange: &Exchange,
    value: &Value,
    index: &PositionIndex,
    analysis: &mut ProblemAnalysis,
) {
    let mut checker = Checker { index, errors: Vec::new(), members: Vec::new() };
    match value.as_object() {
        Some(object) => check_object(exchange, object, &mut checker),
        None => checker.at(
            "",
            Severity::Error,
            format!(
                "A problem details document is a JSON object, but this body is {}.",
                kind_of(value)
            ),
            rfc9457("3"),
        ),
    }
    analysis.errors.append(&mut checker.errors);
    analysis.members.append(&mut checker.members);
}

fn check_object(exchange: &Exchange, object: &Map<String, Value>, c: &mut Checker) {
    let status = exchange.response.status;
    let base = exchange.request_known.then_some(exchange.request.target.as_str());

    if !(400..=599).contains(&status) {
        c.at(
            "",
            Severity::Info,
            format!("Problem details describe an error, but this response is a {status}."),
            rfc9457("1"),
        );
    }

    // type (§3.1.1)
    let mut about_blank = true;
    match object.get("type") {
        None => c.note(
            "type",
            MemberKind::Standard,
            "Absent: consumers assume \"about:blank\", a problem with no meaning beyond the status code.".into(),
        ),
        Some(Value::String(text)) => {
            about_blank = text == "about:blank";
            if about_blank {
                c.note(
                    "type",
                    MemberKind::Standard,
                    "\"about:blank\": the problem has no meaning beyond the status code (RFC 9457 §4.2.1).".into(),
                );
            } else {
                c.uri_member("type", text, base, "3.1.1");
            }
        }
        Some(other) => c.wrong_type("type", other, "a string (a URI reference)", "they treat the problem as \"about:blank\""),
    }

    // title (§3.1.3) and about:blank's title (§4.2.1)
    let phrase = reason_phrase(status);
    match object.get("title") {
        Some(Value::String(title)) => {
            c.note("title", MemberKind::Standard, "A short summary of the problem type.".into());
            if let (true, Some(phrase)) = (about_blank, phrase.as_deref()) {
                if !title.trim().eq_ignore_ascii_case(phrase) {
                    c.at(
                        "/title",
                        Severity::Warning,
                        format!(
                            "With type \"about:blank\" the title SHOULD be the status phrase, \"{phrase}\" for {status}, not \"{title}\" (a translation of the phrase is fine)."
                        ),
                        rfc9457("4.2.1"),
                    );
                }
            }
        }
        Some(other) => c.wrong_type("title", other, "a string", "the problem has no title"),
        None => {
            c.note("title", MemberKind::Standard, "Absent.".into());
            if let (true, Some(phrase)) = (about_blank, phrase.as_deref()) {
                c.at(
                    "",
                    Severity::Info,
                    format!("With type \"about:blank\" the title is the status phrase: add \"title\": \"{phrase}\" for readers."),
                    rfc9457("4.2.1"),
                );
            }
        }
    }

    // status (§3.1.2)
    match object.get("status") {
        Some(Value::Number(number)) if number.is_i64() || number.is_u64() => {
            let member = number.as_i64().unwrap_or(i64::MAX);
            c.note(
                "status",
                MemberKind::Standard,
                format!("Advisory copy of the status code: {member}."),
            );
            if member != i64::from(status) {
                let range = if (100..=599).contains(&member) {
                    String::new()
                } else {
                    " (and is not a status code at all: 100–599)".into()
                };
                c.at(
                    "/status",
                    Severity::Error,
                    format!(
                        "\"status\" says {member}{range} but the response is {status}: generators MUST use the same status code in the response (the member is only advisory, but it lets a consumer notice when an intermediary changed the status)."
                    ),
                    rfc9457("3.1.2"),
                );
            }
        }
        Some(Value::String(text)) if text.trim().parse::<u16>().is_ok() => {
            let pointer = "/status";
            c.at(
                pointer,
                Severity::Warning,
                format!("\"status\" is the string \"{text}\", not a number: consumers MUST ignore a member of the wrong type. Send {} as a JSON number.", text.trim()),
                rfc9457("3.1"),
            );
            c.note("status", MemberKind::Standard, "Ignored: a string instead of a number.".into());
        }
        Some(other) => c.wrong_type("status", other, "an integer", "the advisory status is lost"),
        None => c.note(
            "status",
            MemberKind::Standard,
            "Absent: it is only advisory; the response's status code is authoritative.".into(),
        ),
    }

    // detail (§3.1.4)
    match object.get("detail") {
        Some(Value::String(detail)) => {
            c.note("detail", MemberKind::Standard, "Explanation of this occurrence.".into());
            let repeats = object
                .get("title")
                .and_then(Value::as_str)
                .is_some_and(|title| title.trim().eq_ignore_ascii_case(detail.trim()));
            if repeats {
                c.at(
                    "/detail",
                    Severity::Info,
                    "\"detail\" repeats \"title\"; it should explain this occurrence and help the client correct it.".into(),
                    rfc9457("3.1.4"),
                );
            }
        }
        Some(other) => c.wrong_type("detail", other, "a string", "the explanation is lost"),
        None => {}
    }

    // instance (§3.1.5)
    match object.get("instance") {
        Some(Value::String(text)) => c.uri_member("instance", text, base, "3.1.5"),
        Some(other) => c.wrong_type(
            "instance",
            other,
            "a string (a URI reference)",
            "the occurrence has no identifier",
        ),
        None => {}
    }

    // Leaks anywhere in the text members (§5).
    for name in ["title", "detail"] {
        if let Some(value) = object.get(name) {
            c.leak_scan(&child("", name), value);
        }
    }

    // Extension members (§3.2).
    for (name, value) in object {
        if STANDARD.contains(&name.as_str()) {
            continue;
        }
        let pointer = child("", name);
        c.note(
            name,
            MemberKind::Extension,
            format!(
                "Extension member ({}); consumers that do not recognise it MUST ignore it.",
                kind_of(value)
            ),
        );
        if let Some(standard) = STANDARD.iter().find(|s| s.eq_ignore_ascii_case(name)) {
            c.at_key(
                &pointer,
                Severity::Info,
                format!("\"{name}\" is not the standard \"{standard}\": member names are case-sensitive, so consumers read it as an extension."),
                rfc9457("3.1"),
            );
        }
        if let Some(problem) = extension_name_problem(name) {
            c.at_key(
                &pointer,
                Severity::Warning,
                format!("Extension member name \"{name}\" {problem}; names SHOULD start with a letter, use only letters, digits and \"_\", and be at least three characters long, so that formats other than JSON (such as the XML form, §3.2) can carry them."),
                rfc9457("4"),
            );
        }
        if DEBUG_NAMES.contains(&name.to_ascii_lowercase().as_str()) && !value.is_null() {
            c.at_key(
                &pointer,
                Severity::Warning,
                format!("\"{name}\" looks like debugging output; problem details should not reveal the implementation."),
                rfc9457("5"),
            );
        }
        c.leak_scan(&pointer, value);
    }
}

/// The XML form (Appendix B): recognised, not parsed.
pub(crate) fn check_xml(body: &str, analysis: &mut ProblemAnalysis) {
    let trimmed = body.trim_start();
    if trimmed.starts_with('{') || trimmed.starts_with('[') {
        analysis.errors.push(whole_body(
            Severity::Warning,
            "The body looks like JSON but is labelled application/problem+xml; label it application/problem+json.",
            rfc9457("B"),
        ));
        return;
    }
    analysis.errors.push(whole_body(
        Severity::Info,
        "This is the XML form of problem details (application/problem+xml); its members are not checked here.",
        rfc9457("B"),
    ));
    if !body.contains("urn:ietf:rfc:7807") {
        analysis.errors.push(whole_body(
            Severity::Info,
            "The XML form puts its elements in the namespace \"urn:ietf:rfc:7807\", which this body does not mention.",
            rfc9457("B"),
        ));
    }
}
