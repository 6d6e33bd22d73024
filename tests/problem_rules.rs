//! The problem-details engine (RFC 9457): one test (or more) per rule, each
//! naming the section it checks; positions; conversions of legacy bodies.

use serde_json::{json, Value};
use statuslab::core::exchange::{Exchange, Headers, Request, Response};
use statuslab::core::lint::Severity;
use statuslab::core::problem::{
    analyze_problem, convert_legacy, to_legacy, MemberKind, ProblemAnalysis, ProblemError,
};

fn exchange_to(target: &str, status: u16, content_type: Option<&str>, body: &str) -> Exchange {
    let mut headers = Headers::default();
    if let Some(content_type) = content_type {
        headers.push("Content-Type", content_type);
    }
    Exchange {
        request: Request { target: target.into(), ..Request::default() },
        response: Response {
            status,
            reason: None,
            headers,
            body: body.into(),
            ..Response::default()
        },
        request_known: true,
    }
}

fn exchange(status: u16, content_type: Option<&str>, body: &str) -> Exchange {
    exchange_to("/orders/7", status, content_type, body)
}

fn analyze(status: u16, content_type: Option<&str>, body: &str) -> ProblemAnalysis {
    analyze_problem(&exchange(status, content_type, body)).expect("an analysis")
}

fn problem(status: u16, body: &str) -> ProblemAnalysis {
    analyze(status, Some("application/problem+json"), body)
}

/// The findings citing RFC 9457 `section`.
fn citing<'a>(analysis: &'a ProblemAnalysis, section: &str) -> Vec<&'a ProblemError> {
    analysis
        .errors
        .iter()
        .filter(|e| e.spec.doc == "RFC 9457" && e.spec.section == section)
        .collect()
}

fn only<'a>(analysis: &'a ProblemAnalysis, section: &str) -> &'a ProblemError {
    let found = citing(analysis, section);
    assert_eq!(found.len(), 1, "one finding for §{section}: {:#?}", analysis.errors);
    found[0]
}

fn faults(analysis: &ProblemAnalysis) -> Vec<&ProblemError> {
    analysis.errors.iter().filter(|e| e.severity != Severity::Info).collect()
}

const GOOD: &str = r#"{
  "type": "https://example.com/probs/out-of-credit",
  "title": "You do not have enough credit.",
  "status": 403,
  "detail": "Your current balance is 30, but that costs 50.",
  "instance": "/account/12345/msgs/abc",
  "balance": 30,
  "accounts": ["/account/12345", "/account/67890"]
}"#;

// §3: the media type.

#[test]
fn rfc9457_s3_problem_json_with_parameters_and_any_case_is_recognised() {
    let analysis = analyze(403, Some("Application/Problem+JSON; charset=utf-8"), GOOD);
    assert!(analysis.detected);
    assert!(analysis.valid, "{:#?}", analysis.errors);
    assert_eq!(analysis.media_type.as_deref(), Some("application/problem+json"));
    assert!(faults(&analysis).is_empty());
    let balance = analysis.members.iter().find(|m| m.name == "balance").expect("balance noted");
    assert_eq!(balance.kind, MemberKind::Extension);
    assert_eq!(balance.pointer, "/balance");
    let title = analysis.members.iter().find(|m| m.name == "title").expect("title noted");
    assert_eq!(title.kind, MemberKind::Standard);
}

#[test]
fn rfc9457_s3_plain_json_shaped_like_a_problem_should_declare_the_media_type() {
    let analysis = analyze(403, Some("application/json"), GOOD);
    assert!(analysis.detected);
    assert!(!analysis.valid);
    let finding = only(&analysis, "3");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.contains("application/problem+json"));
    assert_eq!((finding.pointer.as_str(), finding.line, finding.column), ("", 1, 1));
}

#[test]
fn rfc9457_s3_error_without_problem_details_gets_advice() {
    let empty = analyze(404, None, "");
    assert!(!empty.detected);
    assert_eq!(only(&empty, "3").severity, Severity::Info);

    let html = analyze(500, Some("text/html"), "<!DOCTYPE html><html><body>Oops</body></html>");
    let finding = only(&html, "3");
    assert_eq!(finding.severity, Severity::Info);
    assert!(finding.message.contains("HTML"));

    let text = analyze(503, Some("text/plain"), "try later");
    assert_eq!(only(&text, "3").severity, Severity::Info);

    let legacy = analyze(
        404,
        Some("application/json"),
        r#"{"error": "NOT_FOUND", "message": "No such order"}"#,
    );
    assert!(!legacy.detected);
    assert!(legacy.conversion.is_some());
    assert_eq!(only(&legacy, "3").severity, Severity::Info);
}

#[test]
fn rfc9457_s3_no_analysis_for_success_without_json_or_xml() {
    assert_eq!(analyze_problem(&exchange(200, Some("text/html"), "<p>hi</p>")), None);
    assert_eq!(analyze_problem(&exchange(204, None, "")), None);
    let ok_json = analyze(200, Some("application/json"), r#"{"id": 7}"#);
    assert!(!ok_json.detected);
    assert!(ok_json.errors.is_empty());
}

#[test]
fn rfc9457_s3_empty_body_labelled_problem_json_is_an_error() {
    let analysis = problem(400, "  ");
    assert!(analysis.detected);
    assert_eq!(only(&analysis, "3").severity, Severity::Error);
}

#[test]
fn rfc9457_s3_a_problem_document_is_an_object() {
    let analysis = problem(400, "[1, 2]");
    let finding = only(&analysis, "3");
    assert_eq!(finding.severity, Severity::Error);
    assert!(finding.message.contains("array"));
}

#[test]
fn rfc9457_s1_problem_details_on_a_success_are_noted() {
    let analysis = problem(200, r#"{"title": "OK", "status": 200}"#);
    assert_eq!(only(&analysis, "1").severity, Severity::Info);
}

// Appendix B: the XML form.

#[test]
fn rfc9457_appendix_b_xml_form_is_recognised_not_parsed() {
    let body = r#"<?xml version="1.0" encoding="UTF-8"?>
<problem xmlns="urn:ietf:rfc:7807"><title>Not Found</title><status>404</status></problem>"#;
    let analysis = analyze(404, Some("application/problem+xml"), body);
    assert!(analysis.detected);
    assert!(analysis.valid);
    let finding = only(&analysis, "B");
    assert!(finding.message.contains("XML form"));

    let no_namespace = analyze(404, Some("application/problem+xml"), "<problem/>");
    assert_eq!(citing(&no_namespace, "B").len(), 2);

    let json = analyze(404, Some("application/problem+xml"), r#"{"title": "x"}"#);
    assert_eq!(only(&json, "B").severity, Severity::Warning);
}

// §3.1.1 type.

#[test]
fn rfc9457_s3_1_1_relative_type_is_resolved_against_the_request_target() {
    // Full path: allowed, though absolute URIs are RECOMMENDED when possible.
    let full = problem(404, r#"{"type": "/probs/gone", "title": "Gone away", "status": 404}"#);
    let finding = only(&full, "3.1.1");
    assert_eq!(finding.severity, Severity::Info);
    assert!(full.valid);

    // Without the full path it resolves per resource: RECOMMENDED → warning.
    let partial = problem(404, r#"{"type": "../probs/gone", "title": "Gone away", "status": 404}"#);
    let finding = only(&partial, "3.1.1");
    assert_eq!(finding.severity, Severity::Warning);
    assert!(finding.message.contains("/probs/gone"), "{}", finding.message);
    let note = partial.members.iter().find(|m| m.name == "type").expect("type note");
    assert!(note.note.contains("/probs/gone"));
    assert!(!partial.valid);
}

#[test]
fn rfc9457_s3_1_1_type_must_be_a_uri_reference() {
    let body = "{\n  \"type\": \"out of credit\",\n  \"status\": 403\n}";
    let analysis = problem(403, body);
    let finding = only(&analysis, "3.1.1");
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!((finding.pointer.as_str(), finding.line, finding.column), ("/type", 2, 11));
}

#[test]
fn rfc9457_s3_1_1_absent_type_means_about_blank() {
    let analysis = problem(404, r#"{"title": "Not Found", "status": 404}"#);
    let note = analysis.members.iter().find(|m| m.name == "type").expect("type note");
    assert!(note.note.contains("about:blank"));
    assert!(analysis.valid, "{:#?}", analysis.errors);
}

// §4.2.1 about:blank.

#[test]
fn rfc9457_s4_2_1_about_blank_title_should_be_the_status_phrase() {
    let wrong = problem(404, r#"{"type": "about:blank", "title": "Order missing", "status": 404}"#);
    let finding = only(&wrong, "4.2.1");
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.pointer, "/title");
    assert!(finding.message.contains("Not Found"));

    let absent_type = problem(404, r#"{"title": "Order missing", "status": 404}"#);
    assert_eq!(only(&absent_type, "4.2.1").severity, Severity::Warning);

    let right = problem(404, r#"{"type": "about:blank", "title": "not found"}"#);
    assert!(citing(&right, "4.2.1").is_empty());

    let no_title = problem(404, r#"{"type": "about:blank", "status": 404}"#);
    assert_eq!(only(&no_title, "4.2.1").severity, Severity::Info);

    let other_type =
        problem(404, r#"{"type": "https://example.com/p/missing", "title": "Order missing"}"#);
    assert!(citing(&other_type, "4.2.1").is_empty());
}

// §3.1: wrong types are ignored by consumers.

#[test]
fn rfc9457_s3_1_members_of_the_wrong_type_are_ignored() {
    let body = r#"{
  "type": 5,
  "title": ["Not", "Found"],
  "status": "404",
  "detail": {"text": "x"},
  "instance": true
}"#;
    let analysis = problem(404, body);
    let found = citing(&analysis, "3.1");
    let mut pointers: Vec<(&str, u32, u32)> =
        found.iter().map(|e| (e.pointer.as_str(), e.line, e.column)).collect();
    pointers.sort();
    assert_eq!(
        pointers,
        vec![
            ("/detail", 5, 13),
            ("/instance", 6, 15),
            ("/status", 4, 13),
            ("/title", 3, 12),
            ("/type", 2, 11),
        ]
    );
    assert!(found.iter().all(|e| e.severity == Severity::Warning));
    assert!(found.iter().all(|e| e.message.contains("MUST ignore")));
    assert!(!analysis.valid);
}

#[test]
fn rfc9457_s3_1_standard_names_are_case_sensitive() {
    let analysis = problem(404, r#"{"title": "Not Found", "Status": 404}"#);
    let finding = only(&analysis, "3.1");
    assert_eq!(finding.severity, Severity::Info);
    assert_eq!(finding.pointer, "/Status");
}

// §3.1.2 status.

#[test]
fn rfc9457_s3_1_2_status_must_match_the_response() {
    let body = "{\n  \"title\": \"Not Found\",\n  \"status\": 400\n}";
    let analysis = problem(404, body);
    let finding = only(&analysis, "3.1.2");
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!((finding.pointer.as_str(), finding.line, finding.column), ("/status", 3, 13));
    assert!(finding.message.contains("MUST"));

    let out_of_range = problem(404, r#"{"status": 999, "title": "Not Found"}"#);
    assert!(only(&out_of_range, "3.1.2").message.contains("100–599"));

    let matching = problem(404, r#"{"status": 404, "title": "Not Found"}"#);
    assert!(citing(&matching, "3.1.2").is_empty());

    let float = problem(404, r#"{"status": 404.0, "title": "Not Found"}"#);
    assert_eq!(only(&float, "3.1").severity, Severity::Warning);
}

// §3.1.4 detail.

#[test]
fn rfc9457_s3_1_4_detail_repeating_title_is_noted() {
    let analysis = problem(404, r#"{"title": "Not Found", "detail": "not found ", "status": 404}"#);
    let finding = only(&analysis, "3.1.4");
    assert_eq!(finding.severity, Severity::Info);
    assert_eq!(finding.pointer, "/detail");
}

// §3.1.5 instance.

#[test]
fn rfc9457_s3_1_5_instance_must_be_a_uri_reference() {
    let analysis = problem(404, r#"{"title": "Not Found", "instance": "/orders/{id}"}"#);
    let finding = only(&analysis, "3.1.5");
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(finding.pointer, "/instance");
    let partial = problem(404, r#"{"title": "Not Found", "instance": "msgs/abc"}"#);
    assert_eq!(only(&partial, "3.1.5").severity, Severity::Warning);
    let full = problem(404, r#"{"title": "Not Found", "instance": "/account/12345/msgs/abc"}"#);
    assert!(citing(&full, "3.1.5").is_empty());
    let ok = problem(
        404,
        r#"{"title": "Not Found", "instance": "urn:uuid:6e8bc430-9c3a-11d9-9669-0800200c9a66"}"#,
    );
    assert!(citing(&ok, "3.1.5").is_empty());
}

// §4 (with §3.2): extension member names.

#[test]
fn rfc9457_s4_extension_names_should_be_xml_friendly() {
    let body = "{\n  \"title\": \"Not Found\",\n  \"id\": 1,\n  \"1st\": 2,\n  \"retry-after\": 3,\n  \"good_name2\": 4\n}";
    let analysis = problem(404, body);
    let mut found: Vec<(&str, u32, u32)> =
        citing(&analysis, "4").iter().map(|e| (e.pointer.as_str(), e.line, e.column)).collect();
    found.sort();
    // Name findings are placed on the member name.
    assert_eq!(found, vec![("/1st", 4, 3), ("/id", 3, 3), ("/retry-after", 5, 3)]);
    assert!(citing(&analysis, "4").iter().all(|e| e.severity == Severity::Warning));
}

// §5 security.

#[test]
fn rfc9457_s5_details_must_not_leak_internals() {
    let body = r#"{
  "title": "Internal Server Error",
  "status": 500,
  "detail": "NullPointerException\n    at com.acme.Orders.get(Orders.java:42)",
  "query": "SELECT * FROM orders WHERE id = 7",
  "stackTrace": null,
  "exception": "boom"
}"#;
    let analysis = problem(500, body);
    let found = citing(&analysis, "5");
    let mut pointers: Vec<&str> = found.iter().map(|e| e.pointer.as_str()).collect();
    pointers.sort();
    assert_eq!(pointers, vec!["/detail", "/exception", "/query"]);
    assert!(found.iter().all(|e| e.severity == Severity::Warning));
    let detail = found.iter().find(|e| e.pointer == "/detail").expect("detail");
    assert_eq!((detail.line, detail.column), (4, 13));
}

// Positions and syntax errors.

#[test]
fn positions_are_1_based_lines_and_char_columns_of_the_value() {
    let body = "{\r\n\t\"title\": \"Prüfung fehlgeschlagen\", \"status\": 401\r\n}";
    let analysis = problem(404, body);
    let finding = only(&analysis, "3.1.2");
    // The tab and the "ü" count as one column each.
    assert_eq!((finding.line, finding.column), (2, 47));
}

#[test]
fn syntax_errors_give_serde_json_message_and_position() {
    let body = "{\n  \"title\": \"Bad\",\n  \"status\": 40x\n}";
    let analysis = problem(400, body);
    assert!(analysis.detected);
    assert!(!analysis.valid);
    assert_eq!(analysis.errors.len(), 1);
    let error = &analysis.errors[0];
    assert_eq!(error.spec.doc, "RFC 8259");
    assert_eq!(error.severity, Severity::Error);
    assert_eq!(error.line, 3);
    assert!((13..=15).contains(&error.column), "{error:?}");
    assert!(error.message.contains("line 3"), "{}", error.message);
}

#[test]
fn no_panics_on_odd_input() {
    let bodies = [
        "",
        " ",
        "{",
        "}",
        "[",
        "null",
        "0",
        "\"str\"",
        "{\"type\": \"%\"}",
        "{\"type\": \":\"}",
        "{\"\": 1, \"~/\": 2}",
        "[[[[[[[[[[]]]]]]]]]]",
        "{\"status\": -1}",
        "{\"status\": 18446744073709551616}",
        "{\"status\": 1e400}",
        "\u{feff}{}",
        "<html>",
        "{\"type\": \"\\ud800\"}",
        "{\"a\":\"\\u00e9\\n\",\"b\":[{\"c\":[1,{\"d\":\"é😀\"}]}]}",
    ];
    for body in bodies {
        for content_type in [
            None,
            Some("application/problem+json"),
            Some("application/json"),
            Some("application/problem+xml"),
            Some("text/html"),
        ] {
            for status in [0, 200, 404, 500, 999] {
                let _ = analyze_problem(&exchange(status, content_type, body));
            }
        }
    }
}

// Conversion of legacy bodies.

fn leaves(value: &Value, out: &mut Vec<Value>) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| leaves(item, out)),
        Value::Object(members) => members.values().for_each(|item| leaves(item, out)),
        scalar => out.push(scalar.clone()),
    }
}

/// Converts, checks the result passes the semantic checks and loses no
/// leaf value, and returns it.
fn round_trip(status: u16, legacy: Value) -> (Value, statuslab::core::problem::Conversion) {
    let conversion = convert_legacy(&legacy, status, Some("/orders/7")).expect("a conversion");
    assert_eq!(conversion.content_type, "application/problem+json");
    let converted: Value = serde_json::from_str(&conversion.body).expect("JSON");
    let analysis = problem(status, &conversion.body);
    assert!(analysis.detected);
    assert!(analysis.valid, "converted {converted:#} has faults: {:#?}", faults(&analysis));
    let (mut before, mut after) = (Vec::new(), Vec::new());
    leaves(&legacy, &mut before);
    leaves(&converted, &mut after);
    for leaf in before {
        assert!(after.contains(&leaf), "{leaf} lost in {converted:#}");
    }
    for name in &conversion.kept_as_extensions {
        assert!(converted.get(name).is_some(), "{name}");
    }
    // The engine offers the same conversion for the legacy body.
    let offered = analyze(status, Some("application/json"), &legacy.to_string());
    assert_eq!(offered.conversion.as_ref(), Some(&conversion));
    (converted, conversion)
}

#[test]
fn converts_error_code_message_details() {
    let (converted, conversion) = round_trip(
        404,
        json!({"error": "RESOURCE_NOT_FOUND", "message": "User with ID 'usr_12345' not found",
               "requestId": "req_abc123def456",
               "details": {"resourceType": "User", "identifier": "usr_12345"}}),
    );
    assert_eq!(converted["type"], "/problems/resource-not-found");
    assert_eq!(converted["title"], "Resource not found");
    assert_eq!(converted["status"], 404);
    assert_eq!(converted["detail"], "User with ID 'usr_12345' not found");
    assert_eq!(converted["code"], "RESOURCE_NOT_FOUND");
    assert!(conversion.mapped.contains(&("/message".into(), "/detail".into())));
    assert!(conversion.mapped.contains(&("/error".into(), "/type".into())));
    assert!(conversion.kept_as_extensions.contains(&"details".to_string()));

    let legacy = to_legacy(&converted).expect("legacy");
    let back: Value = serde_json::from_str(&legacy).expect("JSON");
    assert_eq!(back["error"], "RESOURCE_NOT_FOUND");
    assert_eq!(back["message"], "User with ID 'usr_12345' not found");
    assert_eq!(back["details"]["requestId"], "req_abc123def456");
    // The legacy "details" object is merged, not nested.
    assert_eq!(back["details"]["resourceType"], "User");
    assert_eq!(back["details"]["type"], "/problems/resource-not-found");
}

#[test]
fn converted_type_is_absolute_for_an_absolute_request_target() {
    let legacy = json!({"error": "NOT_FOUND", "message": "No such user"});
    let conversion =
        convert_legacy(&legacy, 404, Some("https://api.example.com/users/1")).expect("conversion");
    let converted: Value = serde_json::from_str(&conversion.body).expect("JSON");
    assert_eq!(converted["type"], "https://api.example.com/problems/not-found");
}

#[test]
fn converts_success_false_with_error_object() {
    let (converted, conversion) = round_trip(
        403,
        json!({"success": false, "error": {"code": "PERMISSION_DENIED",
               "message": "You cannot delete this resource",
               "details": {"requiredRole": "admin", "yourRole": "user"}}}),
    );
    assert_eq!(converted["type"], "/problems/permission-denied");
    assert_eq!(converted["detail"], "You cannot delete this resource");
    assert_eq!(converted["success"], false);
    assert!(conversion.mapped.contains(&("/error/message".into(), "/detail".into())));
}

#[test]
fn converts_success_false_with_error_text_to_about_blank() {
    let (converted, _) = round_trip(404, json!({"success": false, "error": "User not found"}));
    assert!(converted.get("type").is_none(), "no stable code: about:blank");
    assert_eq!(converted["title"], "Not Found");
    assert_eq!(converted["detail"], "User not found");
}

#[test]
fn converts_errors_array() {
    let (converted, _) = round_trip(
        422,
        json!({"errors": [
            {"field": "email", "message": "Invalid email format", "code": "INVALID_FORMAT", "value": "not-an-email"},
            {"field": "age", "message": "Must be at least 18", "code": "MIN_VALUE", "value": 16}
        ]}),
    );
    assert_eq!(converted["detail"], "Invalid email format; Must be at least 18");
    assert_eq!(converted["errors"][1]["value"], 16);
    assert!(converted.get("type").is_none());
}

#[test]
fn converts_code_and_description() {
    let (converted, _) = round_trip(429, json!({"code": 1234, "description": "Quota exceeded"}));
    assert_eq!(converted["type"], "/problems/1234");
    assert_eq!(converted["title"], "Too Many Requests");
    assert_eq!(converted["detail"], "Quota exceeded");
    assert_eq!(converted["code"], 1234);
}

#[test]
fn converts_oauth_and_spring_shapes() {
    let (oauth, _) = round_trip(
        400,
        json!({"error": "invalid_grant", "error_description": "The refresh token expired"}),
    );
    assert_eq!(oauth["type"], "/problems/invalid-grant");
    assert_eq!(oauth["detail"], "The refresh token expired");

    let (spring, conversion) = round_trip(
        404,
        json!({"timestamp": "2025-01-08T12:00:00Z", "status": 404, "error": "Not Found", "path": "/users/1"}),
    );
    assert_eq!(spring["title"], "Not Found");
    assert!(spring.get("type").is_none());
    assert_eq!(spring["path"], "/users/1");
    assert!(conversion.mapped.contains(&("/status".into(), "/status".into())));
}

#[test]
fn renames_extension_names_that_break_the_advice() {
    let (converted, conversion) = round_trip(
        400,
        json!({"error": "BAD_INPUT", "message": "Bad", "request-id": "r1", "id": 7, "status": "error"}),
    );
    assert_eq!(converted["request_id"], "r1");
    assert_eq!(converted["ext_id"], 7);
    assert_eq!(converted["original_status"], "error");
    assert!(conversion.mapped.contains(&("/request-id".into(), "/request_id".into())));
    assert!(conversion.mapped.contains(&("/id".into(), "/ext_id".into())));
}

#[test]
fn problem_details_are_not_converted() {
    let value: Value = serde_json::from_str(GOOD).expect("JSON");
    assert_eq!(convert_legacy(&value, 403, None), None);
    assert_eq!(problem(403, GOOD).conversion, None);
}
