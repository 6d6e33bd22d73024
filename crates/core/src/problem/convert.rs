//! Legacy error bodies ↔ problem details.
//!
//! The shapes read (all seen in the seed articles and in common APIs):
//!
//! - `{"error": "NOT_FOUND", "message": "...", "details": {...}, ...}`
//! - `{"success": false, "error": {"code": ..., "message": ...}}` and
//!   `{"success": false, "error": "User not found"}`
//! - `{"errors": [{"message": ...}, ...]}`
//! - `{"code": ..., "description": ...}` (and `message`, `msg`)
//! - OAuth's `{"error": "invalid_grant", "error_description": "..."}`
//! - Spring Boot's `{"timestamp": ..., "status": 404, "error": "Not Found", "path": ...}`
//! - `{"message": "..."}` alone
//!
//! Decisions:
//!
//! - **type**: only when the body has a stable code (a token without spaces,
//!   such as "NOT_FOUND", "invalid_grant" or 1234). The code is the
//!   producer's own identifier, so the type URI lives under the producer's
//!   origin: `https://host/problems/not-found` when the request target is an
//!   absolute URI, else the relative reference `/problems/not-found`, which
//!   consumers resolve against the request URI (RFC 9457 §3.1.1). That page
//!   should document the type (§4); the URI is a placeholder until it does.
//!   Without a stable code the type is left out, i.e. "about:blank" (§4.2.1):
//!   the problem means no more than its status code, and inventing a type
//!   would promise an identifier the producer does not have.
//! - **title**: a humanised code ("Resource not found") when the type comes
//!   from a textual code (the title summarises the type and must not change
//!   between occurrences, §3.1.3); otherwise the registry's phrase for the
//!   status, as about:blank asks (§4.2.1).
//! - **detail**: the message (`message`, `description`, `error_description`,
//!   `msg`, or an error text); for several `errors`, their messages joined.
//! - **status**: the response's status code.
//! - Everything else is kept as an extension member under its own name, or
//!   renamed when the name breaks §4's advice ("request-id" →
//!   "request_id", "id" → "ext_id") or is a standard name whose value cannot
//!   be used ("status": "error" → "original_status"). Values that were
//!   mapped are kept too when they would otherwise be lost (the code stays
//!   as "code"), so every leaf value of the original is in the conversion.

use serde_json::{Map, Value};

use super::rules::{extension_name_problem, problem_shaped, reason_phrase, STANDARD};
use super::uri::{scheme, uri_reference_problem};
use super::{Conversion, PROBLEM_JSON};

/// Member names that carry the human-readable message, in preference order.
const MESSAGE_NAMES: [&str; 5] = ["message", "detail", "description", "error_description", "msg"];
/// Member names that carry a machine-readable code.
const CODE_NAMES: [&str; 3] = ["code", "error_code", "errorCode"];

/// A token without spaces that starts with a letter or digit: a stable
/// code, not a sentence.
fn is_code(text: &str) -> bool {
    let text = text.trim();
    !text.is_empty()
        && text.len() <= 80
        && text.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && text.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.' | ':'))
}

/// "RESOURCE_NOT_FOUND" → "resource-not-found".
fn slug(code: &str) -> String {
    let mut out = String::new();
    for c in code.trim().chars() {
        match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' => out.push(c.to_ascii_lowercase()),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
        }
    }
    out.trim_end_matches('-').to_string()
}

/// "RESOURCE_NOT_FOUND" → "Resource not found".
fn humanise(code: &str) -> String {
    let words = slug(code).replace('-', " ");
    let mut chars = words.chars();
    match chars.next() {
        Some(first) => first.to_ascii_uppercase().to_string() + chars.as_str(),
        None => String::new(),
    }
}

fn code_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) if is_code(s) => Some(s.trim().to_string()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// The origin of an absolute http(s) request target.
fn origin(target: &str) -> Option<String> {
    let s = scheme(target)?;
    if !s.eq_ignore_ascii_case("http") && !s.eq_ignore_ascii_case("https") {
        return None;
    }
    let rest = target[s.len() + 1..].strip_prefix("//")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    (end > 0).then(|| format!("{}://{}", s.to_ascii_lowercase(), &rest[..end]))
}

struct Builder {
    standard: Map<String, Value>,
    extensions: Vec<(String, Value)>,
    mapped: Vec<(String, String)>,
}

impl Builder {
    fn taken(&self, name: &str) -> bool {
        STANDARD.contains(&name) || self.extensions.iter().any(|(n, _)| n == name)
    }

    /// Keeps `value` as an extension member, renamed when needed.
    fn keep(&mut self, from: &str, name: &str, value: Value) {
        let mut clean: String = name
            .chars()
            .map(|c| if c.is_ascii_alphanumeric() || c == '_' { c } else { '_' })
            .collect();
        if STANDARD.contains(&clean.as_str()) {
            clean = format!("original_{clean}");
        }
        if extension_name_problem(&clean).is_some() {
            let trimmed = clean.trim_start_matches('_');
            clean = if trimmed.is_empty() { "ext_member".into() } else { format!("ext_{trimmed}") };
        }
        let mut unique = clean.clone();
        let mut n = 2;
        while self.taken(&unique) {
            unique = format!("{clean}_{n}");
            n += 1;
        }
        if from != escape_pointer(&unique) {
            self.mapped.push((from.into(), escape_pointer(&unique)));
        }
        self.extensions.push((unique, value));
    }

    fn set(&mut self, from: &str, name: &str, value: Value) {
        if !from.is_empty() {
            self.mapped.push((from.into(), format!("/{name}")));
        }
        self.standard.insert(name.into(), value);
    }
}

fn escape_pointer(name: &str) -> String {
    format!("/{}", super::position::escape_token(name))
}

/// Rewrites a legacy error body as problem details; `None` when `body` is
/// not an object in a recognised legacy shape (or already problem details).
pub fn convert_legacy(
    body: &Value,
    status: u16,
    request_target: Option<&str>,
) -> Option<Conversion> {
    let object = body.as_object()?;
    if problem_shaped(body) {
        return None;
    }
    let legacy = ["error", "errors", "success", "error_description"]
        .iter()
        .chain(MESSAGE_NAMES.iter())
        .chain(CODE_NAMES.iter())
        .any(|name| object.contains_key(*name));
    if !legacy {
        return None;
    }

    // Hoist a nested error object's members: {"error": {"code", "message"}}.
    let mut members: Vec<(String, String, Value)> = Vec::new(); // (from pointer, name, value)
    for (name, value) in object {
        match (name.as_str(), value) {
            ("error", Value::Object(inner)) if !inner.is_empty() => {
                for (inner_name, inner_value) in inner {
                    let from = format!("/error{}", escape_pointer(inner_name));
                    let hoisted = if object.contains_key(inner_name) {
                        format!("error_{inner_name}")
                    } else {
                        inner_name.clone()
                    };
                    members.push((from, hoisted, inner_value.clone()));
                }
            }
            _ => members.push((escape_pointer(name), name.clone(), value.clone())),
        }
    }
    let get = |wanted: &str| members.iter().position(|(_, name, _)| name == wanted);

    let mut used = vec![false; members.len()];
    let phrase = reason_phrase(status);

    // The stable code: "code"-like members first, then "error"/"type" tokens.
    let mut code: Option<(usize, String)> = None;
    for name in CODE_NAMES.iter().chain(["error", "type"].iter()) {
        if let Some(i) = get(name) {
            if let Some(text) = code_text(&members[i].2) {
                let is_phrase =
                    phrase.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(text.as_str()));
                let is_uri = *name == "type" && scheme(&text).is_some();
                if !is_phrase && !is_uri {
                    code = Some((i, text));
                    break;
                }
            }
        }
    }

    // The message.
    let mut message: Option<(usize, String)> = None;
    for name in MESSAGE_NAMES {
        if let Some(i) = get(name) {
            if let Value::String(text) = &members[i].2 {
                if !text.trim().is_empty() {
                    message = Some((i, text.clone()));
                    break;
                }
            }
        }
    }
    // An error text that is not a code ("User not found") is the message
    // when there is none, or the title when it is the status phrase.
    let mut error_text_is_title = false;
    if let Some(i) = get("error") {
        if let Value::String(text) = &members[i].2 {
            let is_phrase = phrase.as_deref().is_some_and(|p| p.eq_ignore_ascii_case(text.trim()));
            if is_phrase {
                error_text_is_title = true;
            } else if message.is_none() && !is_code(text) && !text.trim().is_empty() {
                message = Some((i, text.clone()));
            }
        }
    }
    // Several errors: their messages joined.
    let mut errors_detail: Option<String> = None;
    if message.is_none() {
        if let Some(i) = get("errors") {
            if let Value::Array(items) = &members[i].2 {
                let texts: Vec<String> = items
                    .iter()
                    .filter_map(|item| match item {
                        Value::String(s) => Some(s.clone()),
                        Value::Object(o) => MESSAGE_NAMES
                            .iter()
                            .chain(["title"].iter())
                            .find_map(|k| o.get(*k).and_then(Value::as_str))
                            .map(str::to_string),
                        _ => None,
                    })
                    .collect();
                if !texts.is_empty() {
                    errors_detail = Some(texts.join("; "));
                }
            }
        }
    }

    let mut builder = Builder { standard: Map::new(), extensions: Vec::new(), mapped: Vec::new() };

    // type and title
    let textual_code =
        code.as_ref().is_some_and(|(_, c)| c.chars().any(|ch| ch.is_ascii_alphabetic()));
    if let Some((i, text)) = &code {
        let path = format!("/problems/{}", slug(text));
        let type_uri = match request_target.and_then(origin) {
            Some(origin) => format!("{origin}{path}"),
            None => path,
        };
        builder.set(&members[*i].0, "type", Value::String(type_uri));
    }
    let legacy_title = get("title").and_then(|i| members[i].2.as_str().map(|t| (i, t.to_string())));
    if let Some((i, title)) = legacy_title {
        builder.set(&members[i].0, "title", Value::String(title));
        used[i] = true;
    } else if let (true, Some((_, text))) = (textual_code, &code) {
        builder.set("", "title", Value::String(humanise(text)));
    } else if let Some(phrase) = &phrase {
        if let (true, Some(i)) = (error_text_is_title, get("error")) {
            builder.set(&members[i].0, "title", Value::String(phrase.clone()));
            used[i] = true;
        } else {
            builder.set("", "title", Value::String(phrase.clone()));
        }
    }

    // status: the response's; a legacy integer status that agrees is mapped.
    if (100..=599).contains(&status) {
        builder.set("", "status", Value::from(status));
        if let Some(i) = get("status") {
            if members[i].2.as_u64() == Some(u64::from(status)) {
                builder.mapped.push((members[i].0.clone(), "/status".into()));
                used[i] = true;
            }
        }
    }

    // detail
    if let Some((i, text)) = &message {
        builder.set(&members[*i].0, "detail", Value::String(text.clone()));
        used[*i] = true;
    } else if let Some(text) = errors_detail {
        if let Some(i) = get("errors") {
            builder.mapped.push((members[i].0.clone(), "/detail".into()));
        }
        builder.set("", "detail", Value::String(text));
    }

    // instance: only from the body itself.
    if let Some(i) = get("instance") {
        if let Value::String(text) = &members[i].2 {
            if uri_reference_problem(text).is_none() {
                builder.set(&members[i].0, "instance", Value::String(text.clone()));
                used[i] = true;
            }
        }
    }
    // A legacy "type" that is already a URI.
    if builder.standard.get("type").is_none() {
        if let Some(i) = get("type") {
            if let Value::String(text) = &members[i].2 {
                if scheme(text).is_some() && uri_reference_problem(text).is_none() {
                    builder.set(&members[i].0, "type", Value::String(text.clone()));
                    used[i] = true;
                }
            }
        }
    }

    // Everything not consumed stays, as an extension. The code is kept
    // (as "code") even though it became the type: a consumer may match it.
    for (i, (from, name, value)) in members.iter().enumerate() {
        if used[i] {
            continue;
        }
        let is_code_member = code.as_ref().is_some_and(|(c, _)| *c == i);
        let target =
            if is_code_member && !CODE_NAMES.contains(&name.as_str()) && get("code").is_none() {
                "code"
            } else {
                name.as_str()
            };
        builder.keep(from, target, value.clone());
    }

    let mut out: Vec<(String, Value)> = Vec::new();
    for name in STANDARD {
        if let Some(value) = builder.standard.get(name) {
            out.push((name.to_string(), value.clone()));
        }
    }
    let kept_as_extensions: Vec<String> =
        builder.extensions.iter().map(|(n, _)| n.clone()).collect();
    out.extend(builder.extensions);
    Some(Conversion {
        body: pretty_object(&out),
        content_type: PROBLEM_JSON.into(),
        mapped: builder.mapped,
        kept_as_extensions,
    })
}

/// Pretty JSON with members in the given order.
fn pretty_object(members: &[(String, Value)]) -> String {
    if members.is_empty() {
        return "{}".into();
    }
    let mut out = String::from("{\n");
    for (i, (name, value)) in members.iter().enumerate() {
        let key = serde_json::to_string(name).unwrap_or_else(|_| "\"\"".into());
        let value = serde_json::to_string_pretty(value).unwrap_or_else(|_| "null".into());
        out.push_str("  ");
        out.push_str(&key);
        out.push_str(": ");
        out.push_str(&value.replace('\n', "\n  "));
        if i + 1 < members.len() {
            out.push(',');
        }
        out.push('\n');
    }
    out.push('}');
    out
}

/// Problem details → the seeds' error format:
/// `{"error": CODE, "message": ..., "details": {...}}`. CODE is the "code"
/// extension, else the type's last path segment, else the title, in
/// SCREAMING_SNAKE_CASE; every other member goes into "details" (merged
/// into a "details" object the problem already carries). `None`
/// when `problem` is not an object.
pub fn to_legacy(problem: &Value) -> Option<String> {
    let object = problem.as_object()?;
    let screaming = |text: &str| slug(text).replace('-', "_").to_ascii_uppercase();
    let mut used: Vec<&str> = Vec::new();
    let code = if let Some(value) = object.get("code").and_then(code_text) {
        used.push("code");
        value
    } else if let Some(segment) = object
        .get("type")
        .and_then(Value::as_str)
        .filter(|t| *t != "about:blank")
        .and_then(|t| t.trim_end_matches('/').rsplit(['/', ':']).next())
        .filter(|s| !slug(s).is_empty())
    {
        screaming(segment)
    } else if let Some(title) =
        object.get("title").and_then(Value::as_str).filter(|t| !slug(t).is_empty())
    {
        screaming(title)
    } else {
        "ERROR".into()
    };
    let message = if let Some(detail) = object.get("detail").and_then(Value::as_str) {
        used.push("detail");
        detail.to_string()
    } else if let Some(title) = object.get("title").and_then(Value::as_str) {
        used.push("title");
        title.to_string()
    } else {
        String::new()
    };
    // A "details" object (the legacy format's own member) is the base;
    // every other member joins it, prefixed "problem_" on a clash.
    let mut details: Map<String, Value> = match object.get("details") {
        Some(Value::Object(inner)) => {
            used.push("details");
            inner.clone()
        }
        _ => Map::new(),
    };
    for (name, value) in object.iter().filter(|(name, _)| !used.contains(&name.as_str())) {
        let key = if details.contains_key(name) { format!("problem_{name}") } else { name.clone() };
        details.insert(key, value.clone());
    }
    let mut out = vec![
        ("error".to_string(), Value::String(code)),
        ("message".to_string(), Value::String(message)),
    ];
    if !details.is_empty() {
        out.push(("details".into(), Value::Object(details)));
    }
    Some(pretty_object(&out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_and_titles() {
        assert_eq!(slug("RESOURCE_NOT_FOUND"), "resource-not-found");
        assert_eq!(humanise("RESOURCE_NOT_FOUND"), "Resource not found");
        assert!(is_code("invalid_grant"));
        assert!(!is_code("User not found"));
        assert_eq!(
            origin("https://api.example.com/users/1").as_deref(),
            Some("https://api.example.com")
        );
        assert_eq!(origin("/users/1"), None);
    }

    #[test]
    fn non_objects_are_not_converted() {
        assert_eq!(convert_legacy(&Value::Null, 500, None), None);
        assert_eq!(convert_legacy(&serde_json::json!([1]), 500, None), None);
        assert_eq!(convert_legacy(&serde_json::json!({"name": "x"}), 500, None), None);
        assert_eq!(to_legacy(&Value::Bool(true)), None);
    }
}
