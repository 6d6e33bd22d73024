use super::*;

const NOW: UnixTime = UnixTime(1_795_428_000);

use crate::time::UnixTime;

#[test]
fn every_shipped_exercise_validates_and_its_reference_answer_passes() {
    let pack = core_pack().unwrap_or_else(|error| panic!("data/exercises/core.toml: {error}"));
    assert!(pack.exercises.len() >= 30, "{} exercises", pack.exercises.len());
    for level in [Level::Beginner, Level::Intermediate, Level::Advanced] {
        assert!(pack.exercises.iter().filter(|e| e.level == level).count() >= 5, "{level:?}");
    }
    for exercise in &pack.exercises {
        let grade = grade_text(exercise, &exercise.reference, NOW);
        let failed: Vec<_> = grade.checks.iter().filter(|c| !c.passed).collect();
        assert!(grade.passed, "{}: reference fails {failed:?}", exercise.id);
        if let Some(starter) = &exercise.starter {
            assert!(
                !grade_text(exercise, starter, NOW).passed,
                "{}: the starter response already passes, leaving nothing to do",
                exercise.id
            );
        }
    }
}

fn minimal(expect: &str) -> String {
    format!(
        r#"format = 1
[pack]
id = "t"
title = "T"
description = "D"

[[exercise]]
id = "one"
title = "One"
level = "beginner"
scenario = "S"
request = "GET /a HTTP/1.1\nHost: x\n"
hints = ["h"]
explanation = "E"
spec = {{ doc = "RFC 9110", section = "15", url = "https://www.rfc-editor.org/rfc/rfc9110.html#section-15" }}
reference = "HTTP/1.1 204 No Content\nDate: Mon, 23 Nov 2026 10:00:00 GMT\n"
{expect}
"#
    )
}

#[test]
fn a_minimal_pack_reads() {
    let pack = Pack::parse(&minimal("[exercise.expect]\nstatus = [204]")).expect("parses");
    assert_eq!(pack.exercises[0].expect.max_severity, crate::lint::Severity::Warning);
    let grade = grade_text(
        &pack.exercises[0],
        "HTTP/1.1 200 OK\nDate: Mon, 23 Nov 2026 10:00:00 GMT\n\nhi",
        NOW,
    );
    assert!(!grade.passed);
    assert_eq!(grade.checks[0].label, "Status");
    assert!(grade_text(&pack.exercises[0], "not http at all", NOW).checks[0]
        .detail
        .contains("could not be read"));
}

#[test]
fn mistakes_name_their_line_and_field() {
    let missing = Pack::parse(&minimal("")).expect_err("no expect table");
    assert!(missing.message.contains("expect"), "{missing}");
    assert_eq!(missing.line, 7, "the [[exercise]] line: {missing:?}");

    let typo =
        Pack::parse(&minimal("[exercise.expect]\nstatus = [204]\nrequire_header = [\"Date\"]"))
            .expect_err("misspelt key");
    assert_eq!(typo.line, 19, "{typo:?}");
    assert!(typo.message.contains("require_header"), "{typo}");

    let bad_code = Pack::parse(&minimal("[exercise.expect]\nstatus = [999]")).expect_err("999");
    assert_eq!(bad_code.field.as_deref(), Some("exercise.expect.status"));
    assert_eq!(bad_code.line, 8, "the exercise's id line: {bad_code:?}");

    let syntax = Pack::parse("format = 1\n[pack\nid = 1").expect_err("broken TOML");
    assert_eq!(syntax.line, 2, "{syntax:?}");

    let future = Pack::parse(
        &minimal("[exercise.expect]\nstatus = [204]").replace("format = 1", "format = 9"),
    )
    .expect_err("future format");
    assert_eq!(future.field.as_deref(), Some("format"));
}
