//! `statuslab exercise`: workshop exercises graded by the same engine as the
//! playground, so a workshop can grade answers in CI.

use std::io::Write;

use serde::Serialize;

use super::text::wrap;
use crate::core::{
    exercise::{grade_text, Exercise, Grade, Pack},
    time::UnixTime,
};

fn read_text(path: &str) -> Result<String, String> {
    let bytes = super::check::read_source(path)?;
    String::from_utf8(bytes).map_err(|_| format!("{path}: not UTF-8 text"))
}

fn load_pack(path: &str) -> Result<Pack, String> {
    Pack::parse(&read_text(path)?).map_err(|error| format!("{path}: {error}"))
}

/// The exercise `id` names, or the pack's only one.
fn pick<'a>(pack: &'a Pack, id: Option<&str>, path: &str) -> Result<&'a Exercise, String> {
    match id {
        Some(id) => pack.exercise(id).ok_or_else(|| {
            format!("{path}: no exercise \"{id}\" (statuslab exercise list {path} shows them)")
        }),
        None if pack.exercises.len() == 1 => Ok(&pack.exercises[0]),
        None => Err(format!(
            "{path} holds {} exercises: name one with --id (statuslab exercise list {path} shows them)",
            pack.exercises.len()
        )),
    }
}

#[derive(Serialize)]
struct CheckReport<'a> {
    pack: &'a str,
    title: &'a str,
    #[serde(flatten)]
    grade: &'a Grade,
}

/// Grades ANSWER_FILE (a raw HTTP response) against one exercise; exit 0
/// when it passes, 1 when it does not.
pub fn check(
    pack_path: &str,
    answer_path: &str,
    id: Option<&str>,
    json: bool,
    now: UnixTime,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let pack = load_pack(pack_path)?;
    let exercise = pick(&pack, id, pack_path)?;
    let answer = read_text(answer_path)?;
    let grade = grade_text(exercise, &answer, now);
    let write_failed = |e: std::io::Error| format!("cannot write: {e}");
    if json {
        let report = CheckReport { pack: &pack.pack.id, title: &exercise.title, grade: &grade };
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(write_failed)?;
    } else {
        writeln!(
            out,
            "{} · {}: {} ({} of {} checks)",
            pack.pack.id,
            exercise.id,
            if grade.passed { "PASS" } else { "FAIL" },
            grade.passed_checks(),
            grade.checks.len()
        )
        .map_err(write_failed)?;
        for check in &grade.checks {
            let mark = if check.passed { "ok  " } else { "FAIL" };
            writeln!(out, "  {mark} {}: {}", check.label, check.detail).map_err(write_failed)?;
        }
        if !grade.passed {
            if let Some(hint) = exercise.hints.first() {
                writeln!(out, "\n  Hint: {}", wrap(hint, "        ", 72).trim_start())
                    .map_err(write_failed)?;
            }
        }
    }
    Ok(if grade.passed { 0 } else { 1 })
}

#[derive(Serialize)]
struct ListedExercise<'a> {
    id: &'a str,
    title: &'a str,
    level: &'a str,
    topics: &'a [String],
    accepts: &'a [u16],
}

/// Lists a pack's exercises.
pub fn list(pack_path: &str, json: bool, out: &mut dyn Write) -> Result<i32, String> {
    let pack = load_pack(pack_path)?;
    let write_failed = |e: std::io::Error| format!("cannot write: {e}");
    if json {
        let listed: Vec<ListedExercise> = pack
            .exercises
            .iter()
            .map(|e| ListedExercise {
                id: &e.id,
                title: &e.title,
                level: e.level.label(),
                topics: &e.topics,
                accepts: &e.expect.status,
            })
            .collect();
        let doc = serde_json::json!({ "pack": pack.pack, "exercises": listed });
        let text = serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?;
        writeln!(out, "{text}").map_err(write_failed)?;
        return Ok(0);
    }
    writeln!(out, "{} ({}): {} exercises", pack.pack.title, pack.pack.id, pack.exercises.len())
        .map_err(write_failed)?;
    writeln!(out, "{}\n", wrap(&pack.pack.description, "", 76)).map_err(write_failed)?;
    let width = pack.exercises.iter().map(|e| e.id.len()).max().unwrap_or(0);
    for exercise in &pack.exercises {
        writeln!(
            out,
            "  {:width$}  {:12}  {}  [{}]",
            exercise.id,
            exercise.level.label(),
            exercise.title,
            exercise.topics.join(", ")
        )
        .map_err(write_failed)?;
    }
    Ok(0)
}

/// `statuslab link`: the first exchange of a file as a shareable link.
pub fn link(
    path: &str,
    base: &str,
    include_secrets: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    use crate::core::{exchange::parse_bytes, lint::Profile, share};
    let exchange = super::check::read_source(path).and_then(|bytes| {
        let parsed = parse_bytes(&bytes).map_err(|e| format!("{path}: {e}"))?;
        parsed.exchanges.into_iter().next().ok_or_else(|| format!("{path}: no exchange"))
    });
    let exchange = match exchange {
        Ok(exchange) => exchange,
        Err(message) => {
            let _ = writeln!(err, "statuslab: {message}");
            return super::EXIT_BAD_INPUT;
        }
    };
    let state = share::SharedState {
        exchange: String::new(),
        profile: Profile::Rfc,
        backoff: None,
        schema: None,
        cache_moment_s: 0,
        analysed_at: None,
    };
    let prefix = format!("{}compose.html#/s/", base);
    let link = share::share(&exchange, state, include_secrets, prefix.len());
    let _ = writeln!(out, "{prefix}{}", link.payload);
    let _ = writeln!(err, "payload (for data-exchange): {}", link.payload);
    if !link.redacted.is_empty() {
        let _ = writeln!(err, "left out: the values of {}", link.redacted.join(", "));
    }
    if link.too_long_for_chat {
        let _ = writeln!(
            err,
            "note: longer than {} characters; chat tools may cut it",
            share::CHAT_LINK_LIMIT
        );
    }
    0
}
