//! The `statuslab` binary, run as a user runs it.
#![cfg(not(target_arch = "wasm32"))]

use std::process::{Command, Output};

fn statuslab(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_statuslab")).args(args).output().expect("binary runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// Runs `statuslab <args> -` with `input` on stdin: exit code and JSON out.
fn check_stdin(args: &[&str], input: &str) -> (Option<i32>, serde_json::Value) {
    use std::io::Write;
    let mut all = args.to_vec();
    all.push("-");
    let mut child = Command::new(env!("CARGO_BIN_EXE_statuslab"))
        .args(&all)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    child.stdin.take().expect("stdin").write_all(input.as_bytes()).expect("writes");
    let output = child.wait_with_output().expect("finishes");
    (output.status.code(), serde_json::from_slice(&output.stdout).expect("JSON"))
}

#[test]
fn explain_prints_the_reference_entry() {
    let output = statuslab(&["explain", "429"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("429 Too Many Requests\n"), "{text}");
    for part in ["RFC 6585 §4", "Retry-After", "Often confused", "vs 503 Service Unavailable"] {
        assert!(text.contains(part), "missing {part:?} in:\n{text}");
    }
}

#[test]
fn explain_json_is_one_document_with_stable_keys() {
    let output = statuslab(&["explain", "418", "--json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["code"], 418);
    assert_eq!(json["known"], true);
    assert_eq!(json["entry"]["registration"], "unused");
    assert_eq!(json["class"]["digit"], 4);
    assert!(json["entry"]["spec"]["url"].as_str().is_some_and(|u| u.ends_with("#section-15.5.19")));
}

#[test]
fn explain_unregistered_code_uses_its_class() {
    let output = statuslab(&["explain", "299", "--json"]);
    assert!(output.status.success());
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("valid JSON");
    assert_eq!(json["known"], false);
    assert_eq!(json["treated_as"], 200);
    let text = stdout(&statuslab(&["explain", "299"]));
    assert!(text.contains("treats it as 200"), "{text}");
}

#[test]
fn bad_input_exits_2_with_a_message() {
    for (arg, expected) in [
        ("abc", "expected a status code (a number from 100 to 599), got \"abc\""),
        ("600", "600 is not an HTTP status code"),
        ("42", "42 is not an HTTP status code"),
    ] {
        let output = statuslab(&["explain", arg]);
        assert_eq!(output.status.code(), Some(2), "{arg}");
        let message = String::from_utf8_lossy(&output.stderr);
        assert!(message.contains(expected), "{arg}: {message}");
        assert!(output.stdout.is_empty());
    }
    let output = statuslab(&["frobnicate"]);
    assert_eq!(output.status.code(), Some(2));
}

#[test]
fn search_lists_matches() {
    let output = statuslab(&["search", "rate", "limit"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.starts_with("7 codes match \u{201c}rate limit\u{201d}."), "{text}");
    assert!(text.lines().nth(1).is_some_and(|l| l.starts_with("429 Too Many Requests")), "{text}");
    let json: serde_json::Value =
        serde_json::from_slice(&statuslab(&["search", "nginx", "--json"]).stdout).expect("JSON");
    assert!(json.as_array().is_some_and(|hits| hits.iter().any(|h| h["code"] == 499)));
}

#[test]
fn findings_about_one_field_point_at_its_line() {
    let raw = "GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nContent-Type: text/plain\nDate: Monday 23 Nov\n\nok";
    let (_, json) = check_stdin(&["check", "--json", "--fail-on", "never"], raw);
    let findings = json["exchanges"][0]["findings"].as_array().cloned().unwrap_or_default();
    let date =
        findings.iter().find(|f| f["id"] == "invalid-date-header").expect("the bad Date is found");
    assert_eq!(date["line"], 6, "line 6 of the input holds the Date field: {date}");
}

#[test]
fn check_json_carries_the_retry_advice() {
    let raw = "POST /orders HTTP/1.1\nHost: a\n\nHTTP/1.1 502 Bad Gateway\nDate: Mon, 23 Nov 2026 10:00:00 GMT\n\n";
    let json = |input: &str| check_stdin(&["check", "--json", "--fail-on", "never"], input).1;
    let post = json(raw);
    let retry = &post["exchanges"][0]["retry"];
    assert_eq!(retry["should_retry"], false, "a POST is not retried after 502: {retry}");
    for key in ["after_s", "needs_change", "reason", "spec", "clients"] {
        assert!(retry.get(key).is_some(), "retry lacks {key}: {retry}");
    }
    let keyed = json(&raw.replace("Host: a\n", "Host: a\nIdempotency-Key: 8e03978e\n"));
    assert_eq!(keyed["exchanges"][0]["retry"]["should_retry"], true);
}

#[test]
fn search_finds_a_bare_number_as_the_page_does() {
    let output = statuslab(&["search", "299"]);
    assert!(output.status.success());
    let text = stdout(&output);
    assert!(text.contains("299 No registered meaning: Treated as 200"), "{text}");
}

#[test]
fn explain_judges_a_temporary_registration_against_the_date() {
    // 2026-11-01 and 2026-11-29, 00:00 UTC.
    let before = stdout(&statuslab(&["explain", "104", "--now", "1793491200"]));
    assert!(before.contains("listed to expire on 2026-11-13 unless extended"), "{before}");
    let after = stdout(&statuslab(&["explain", "104", "--now", "1795910400"]));
    assert!(after.contains("which has passed"), "{after}");
    let json: serde_json::Value = serde_json::from_slice(
        &statuslab(&["explain", "104", "--json", "--now", "1795910400"]).stdout,
    )
    .expect("JSON");
    assert_eq!(json["registration"]["lifecycle"]["expired"], true);
    assert_eq!(json["treated_as"], 100);
}

#[test]
fn help_exits_0() {
    let output = statuslab(&["--help"]);
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("explain"));
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/exchanges/{name}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn check_fails_on_errors_and_names_the_rule() {
    let output = statuslab(&["check", &fixture("missing-token.http")]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(text.contains("unauthorized-without-www-authenticate"), "{text}");
    assert!(text.contains("RFC 9110"), "{text}");
}

#[test]
fn check_passes_a_clean_exchange() {
    let output = statuslab(&["check", &fixture("clean.http")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
}

#[test]
fn check_json_lists_exchanges_in_input_order() {
    let output = statuslab(&[
        "check",
        "--json",
        "--fail-on",
        "never",
        &fixture("clean.http"),
        &fixture("missing-token.http"),
        &fixture("curl-i.txt"),
    ]);
    assert_eq!(output.status.code(), Some(0));
    let json: serde_json::Value =
        serde_json::from_slice(&output.stdout).expect("one JSON document");
    let exchanges = json["exchanges"].as_array().expect("exchanges array");
    let codes: Vec<u64> = exchanges.iter().filter_map(|e| e["status"]["code"].as_u64()).collect();
    assert_eq!(codes, [201, 401, 429]);
    let second = &exchanges[1];
    assert_eq!(second["status"]["registered"], true);
    assert_eq!(second["status"]["class"], "Client Error");
    let finding = &second["findings"][0];
    for key in ["id", "severity", "message", "spec", "fix"] {
        assert!(!finding[key].is_null(), "finding lacks {key}: {finding}");
    }
}

#[test]
fn check_fail_on_warning() {
    // RFC 6585 §4: a 429 MAY carry Retry-After, so its absence is a note…
    let output = statuslab(&["check", "--fail-on", "warning", &fixture("curl-i.txt")]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("1 exchange: 0 errors, 0 warnings, 1 note"));
    // …which the Zalando profile raises, saying why.
    let output = statuslab(&[
        "check",
        "--fail-on",
        "warning",
        "--profile",
        "zalando",
        &fixture("curl-i.txt"),
    ]);
    assert_eq!(output.status.code(), Some(1), "{}", stdout(&output));
    assert!(stdout(&output).contains("profile: Zalando rule 153"), "{}", stdout(&output));
}

#[test]
fn check_reads_stdin() {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_statuslab"))
        .args(["check", "--json", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("spawns");
    let raw = std::fs::read(fixture("clean.http")).expect("fixture");
    child.stdin.take().expect("stdin").write_all(&raw).expect("writes");
    let output = child.wait_with_output().expect("runs");
    assert_eq!(output.status.code(), Some(0));
    assert!(stdout(&output).contains("\"exchanges\""));
}

#[test]
fn check_unreadable_input_exits_2_naming_file_and_line() {
    let output = statuslab(&["check", &fixture("broken.http")]);
    assert_eq!(output.status.code(), Some(2));
    let message = String::from_utf8_lossy(&output.stderr);
    assert!(message.contains("broken.http: line 5: expected a header field"), "{message}");
    let output = statuslab(&["check", "/no/such/file.http"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("/no/such/file.http: cannot read"));
}

#[test]
fn check_json_carries_the_cache_verdicts_at_the_moment_of_receipt() {
    let raw = "GET /a HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nDate: Mon, 23 Nov 2026 10:00:00 GMT\nCache-Control: private, max-age=600\n\nok";
    let run = |extra: &[&str]| -> serde_json::Value {
        let mut args = vec!["check", "--json", "--fail-on", "never"];
        args.extend_from_slice(extra);
        check_stdin(&args, raw).1
    };
    let at_receipt = run(&[]);
    let cache = &at_receipt["exchanges"][0]["cache"];
    assert_eq!(cache["shared"]["storable"], false, "private: {cache}");
    assert_eq!(cache["private"]["storable"], true);
    assert_eq!(cache["private"]["freshness_lifetime_s"], 600);
    assert_eq!(cache["age_s"], 0, "judged at its Date by default");
    let later = run(&["--now", "2026-11-23T10:15:00Z"]);
    assert_eq!(later["exchanges"][0]["cache"]["age_s"], 900);
    let bad = statuslab(&["check", "--now", "yesterday", &fixture("curl-i.txt")]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("RFC 3339"));
}

#[test]
fn check_validates_bodies_against_a_schema_from_an_openapi_document() {
    let schema =
        format!("{}/tests/fixtures/schemas/openapi-errors.json", env!("CARGO_MANIFEST_DIR"));
    let run = |body: &str| -> (Option<i32>, serde_json::Value) {
        let raw = format!("GET /orders/7 HTTP/1.1\nHost: a\n\nHTTP/1.1 404 Not Found\nContent-Type: application/problem+json\nDate: Mon, 23 Nov 2026 10:00:00 GMT\n\n{body}");
        let args = [
            "check",
            "--json",
            "--schema",
            &schema,
            "--schema-ref",
            "#/components/schemas/Problem",
        ];
        check_stdin(&args, &raw)
    };
    let (code, good) = run(
        r#"{"type":"https://api.example/problems/no-order","title":"Not Found","status":404,"trace_id":"7f3c9a1e2b"}"#,
    );
    assert_eq!(good["exchanges"][0]["problem"]["schema"]["valid"], true, "{good}");
    assert_eq!(code, Some(0));
    let (code, bad) = run("{\n  \"type\": \"https://api.example/problems/no-order\",\n  \"title\": \"Not Found\",\n  \"status\": 200\n}");
    let verdict = &bad["exchanges"][0]["problem"]["schema"];
    assert_eq!(verdict["valid"], false);
    let errors = verdict["errors"].as_array().cloned().unwrap_or_default();
    assert!(
        errors.iter().any(|e| e["pointer"] == "/status" && e["line"] == 4),
        "the $ref'd minimum fails at /status, line 4: {verdict}"
    );
    assert!(
        errors.iter().any(|e| e["message"].as_str().is_some_and(|m| m.contains("trace_id"))),
        "{verdict}"
    );
    assert_eq!(code, Some(1), "a body that breaks the schema fails the check");
    let missing = statuslab(&[
        "check",
        "--schema",
        &schema,
        "--schema-ref",
        "#/nope",
        &fixture("curl-i.txt"),
    ]);
    assert_eq!(missing.status.code(), Some(2));
}

fn temp_file(name: &str, text: &str) -> String {
    let dir = std::env::temp_dir().join(format!("statuslab-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let path = dir.join(name);
    std::fs::write(&path, text).expect("writes");
    path.to_string_lossy().into_owned()
}

const PACK: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/exercises/core.toml");

#[test]
fn exercise_check_grades_with_exit_codes_a_workshop_can_use() {
    let right = temp_file(
        "right.http",
        "HTTP/1.1 201 Created\nDate: Mon, 23 Nov 2026 10:00:00 GMT\nLocation: /users/42\nContent-Type: application/json\n\n{\"id\":42}",
    );
    let output = statuslab(&["exercise", "check", PACK, &right, "--id", "user-created"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("PASS"));

    let wrong = temp_file("wrong.http", "HTTP/1.1 200 OK\nDate: Mon, 23 Nov 2026 10:00:00 GMT\n\n");
    let output = statuslab(&["exercise", "check", PACK, &wrong, "--id", "user-created", "--json"]);
    assert_eq!(output.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert_eq!(report["passed"], false);
    assert_eq!(report["checks"][0]["label"], "Status");

    let output = statuslab(&["exercise", "check", PACK, &right]);
    assert_eq!(output.status.code(), Some(2), "a pack of many needs --id");
    let broken = temp_file("broken.toml", "format = 1\n[pack]\nid = \"x\"\n");
    let output = statuslab(&["exercise", "list", &broken]);
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("missing field"));
}

#[test]
fn exercise_list_shows_the_pack() {
    let output = statuslab(&["exercise", "list", PACK, "--json"]);
    assert_eq!(output.status.code(), Some(0));
    let listed: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    assert!(listed["exercises"].as_array().is_some_and(|e| e.len() >= 30));
}

#[test]
fn link_prints_a_link_the_page_opens_without_credentials() {
    let exchange = temp_file(
        "secret.http",
        "GET /me HTTP/1.1\nHost: api.example\nAuthorization: Bearer abc\n\nHTTP/1.1 200 OK\nDate: Mon, 23 Nov 2026 10:00:00 GMT\n\n",
    );
    let output = statuslab(&["link", &exchange, "--base", "https://statuslab.example/"]);
    assert_eq!(output.status.code(), Some(0));
    let link = stdout(&output);
    let payload = link.trim().rsplit("#/s/").next().expect("a payload");
    let state = statuslab::core::share::decode(payload).expect("the page can open it");
    assert!(state.exchange.contains("Bearer [redacted]"), "{}", state.exchange);
}

#[test]
fn explain_json_carries_the_reference_depth() {
    let output = statuslab(&["explain", "429", "--json"]);
    let explained: serde_json::Value = serde_json::from_str(&stdout(&output)).expect("JSON");
    let depth = &explained["depth"];
    assert!(depth["names"].as_array().is_some_and(|n| n.len() >= 8));
    assert!(depth["snippets"].as_array().is_some_and(|s| s.len() >= 7));
    assert!(depth["history"].as_array().is_some_and(|h| !h.is_empty()));
    let vendor = statuslab(&["explain", "218", "--json"]);
    let explained: serde_json::Value = serde_json::from_str(&stdout(&vendor)).expect("JSON");
    assert_eq!(explained["depth"]["evidence"]["level"], "doubtful");
}
