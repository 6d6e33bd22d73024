//! The `statuslab` command-line tool: the same core as the playground, for
//! terminals and CI.
//!
//! Exit codes: 0 success, 1 when `check` finds something at the `--fail-on`
//! level, 2 unusable input (with a message naming the file and line).

mod check;
mod exercise;
mod explain;
mod text;

use std::{ffi::OsString, io::Write};

use clap::{Parser, Subcommand};

use crate::core::{analysis::AnalysisOptions, lint::Profile, time::UnixTime};

fn parse_profile(text: &str) -> Result<Profile, String> {
    Profile::parse(text).ok_or_else(|| format!("unknown profile {text:?}: use rfc or zalando"))
}

/// Understand HTTP responses: status codes, caching, retries and lint.
#[derive(Debug, Parser)]
#[command(name = "statuslab", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Print the reference entry of a status code (any number from 100 to 599).
    Explain {
        /// The status code, e.g. 429.
        code: String,
        /// Print one JSON document instead of text.
        #[arg(long)]
        json: bool,
        /// Judge time-bound facts (temporary registrations) at this moment:
        /// RFC 3339 ("2026-11-29T10:00:00Z") or Unix seconds. Default: the clock.
        #[arg(long, allow_hyphen_values = true, value_parser = parse_moment)]
        now: Option<i64>,
    },
    /// Lint HTTP exchanges: raw HTTP, curl -i / curl -v output or HAR files.
    Check {
        /// Files to read; "-" reads standard input.
        #[arg(required = true)]
        files: Vec<String>,
        /// Print one JSON document {"exchanges": [...]} instead of text.
        #[arg(long)]
        json: bool,
        /// Exit 1 when a finding reaches this level.
        #[arg(long, value_enum, default_value = "error")]
        fail_on: check::FailOn,
        /// The rule book: "rfc" (default) or "zalando" (Zalando RESTful API Guidelines).
        #[arg(long, default_value = "rfc", value_parser = parse_profile)]
        profile: Profile,
        /// Analyse at this moment: RFC 3339 ("2026-11-29T10:00:00Z") or Unix
        /// seconds. Default: each response's moment of receipt, its Date
        /// field (so cache ages and Retry-After dates read as they did when
        /// it arrived); the clock only for a response without Date.
        #[arg(long, allow_hyphen_values = true, value_parser = parse_moment)]
        now: Option<i64>,
        /// Also validate each JSON response body against this JSON Schema
        /// (drafts 2020-12, 2019-09, 7), or an OpenAPI 3.1 document with
        /// --schema-ref. JSON only; $ref resolves inside the file.
        #[arg(long, value_name = "FILE")]
        schema: Option<String>,
        /// The schema inside --schema's document, as a JSON pointer:
        /// '#/components/schemas/Problem'.
        #[arg(long, value_name = "POINTER", requires = "schema")]
        schema_ref: Option<String>,
    },
    /// Print a Status Lab link (and its payload, for data-exchange cards) for
    /// the first exchange in FILE. Credentials are left out unless asked.
    Link {
        file: String,
        /// The site's address to prefix, e.g. https://statuslab.example/
        #[arg(long, default_value = "")]
        base: String,
        /// Keep Authorization, Cookie, Set-Cookie and token-like query
        /// parameters in the link.
        #[arg(long)]
        include_secrets: bool,
    },
    /// Workshop exercises: grade an answer, or list a pack.
    Exercise {
        #[command(subcommand)]
        command: ExerciseCommand,
    },
    /// Find status codes by number, name or words ("rate limit", "moved").
    Search {
        /// The words to look for.
        #[arg(required = true)]
        query: Vec<String>,
        /// Print one JSON document instead of text.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Subcommand)]
enum ExerciseCommand {
    /// Grade ANSWER_FILE (a raw HTTP response) against an exercise of
    /// EXERCISE_FILE (a pack, docs/exercises.md). Exit 0 when it passes, 1
    /// when it does not, 2 when a file cannot be used.
    Check {
        exercise_file: String,
        answer_file: String,
        /// The exercise, when the pack holds more than one.
        #[arg(long)]
        id: Option<String>,
        /// Print one JSON document instead of text.
        #[arg(long)]
        json: bool,
        /// Judge at this moment (a response without Date): RFC 3339 or Unix seconds.
        #[arg(long, allow_hyphen_values = true, value_parser = parse_moment)]
        now: Option<i64>,
    },
    /// List a pack's exercises.
    List {
        pack: String,
        #[arg(long)]
        json: bool,
    },
}

/// "2026-11-29T10:00:00Z" (UTC, whole seconds) or Unix seconds.
fn parse_moment(text: &str) -> Result<i64, String> {
    if let Ok(seconds) = text.trim().parse::<i64>() {
        return Ok(seconds);
    }
    let invalid =
        || format!("{text:?} is neither RFC 3339 (2026-11-29T10:00:00Z) nor Unix seconds");
    let (date, time) = text.trim().split_once(['T', 't']).ok_or_else(invalid)?;
    let time = time.strip_suffix(['Z', 'z']).ok_or_else(invalid)?;
    let days = crate::core::time::days_from_iso_date(date).ok_or_else(invalid)?;
    let parts: Vec<i64> = time
        .split(':')
        .map(|p| p.parse::<i64>().map_err(|_| invalid()))
        .collect::<Result<_, _>>()?;
    match parts.as_slice() {
        [h, m, s] if (0..24).contains(h) && (0..60).contains(m) && (0..=60).contains(s) => {
            Ok(days * 86_400 + h * 3600 + m * 60 + s)
        }
        _ => Err(invalid()),
    }
}

/// The moment verdicts are judged against: `--now` when given (for
/// reproducible CI runs), else the system clock. The only clock read of the
/// CLI; the core takes the time as an argument.
fn now(given: Option<i64>) -> UnixTime {
    if let Some(seconds) = given {
        return UnixTime(seconds);
    }
    #[allow(clippy::disallowed_methods)]
    let elapsed = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH);
    UnixTime(elapsed.map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX)))
}

/// Exit code for input the tool cannot use.
pub const EXIT_BAD_INPUT: i32 = 2;

/// Runs the CLI on `args` (including the program name), writing to the given
/// streams, and returns the process exit code.
pub fn run(
    args: impl IntoIterator<Item = OsString>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            let code = if error.use_stderr() { EXIT_BAD_INPUT } else { 0 };
            let stream: &mut dyn Write = if error.use_stderr() { err } else { out };
            let _ = write!(stream, "{}", error.render());
            return code;
        }
    };
    let result = match cli.command {
        Command::Explain { code, json, now: at } => explain::explain(&code, json, now(at), out),
        Command::Search { query, json } => explain::search(&query.join(" "), json, out),
        Command::Link { file, base, include_secrets } => {
            return exercise::link(&file, &base, include_secrets, out, err);
        }
        Command::Exercise { command } => {
            let result = match command {
                ExerciseCommand::Check { exercise_file, answer_file, id, json, now: at } => {
                    exercise::check(&exercise_file, &answer_file, id.as_deref(), json, now(at), out)
                }
                ExerciseCommand::List { pack, json } => exercise::list(&pack, json, out),
            };
            return result.unwrap_or_else(|message| {
                let _ = writeln!(err, "statuslab: {message}");
                EXIT_BAD_INPUT
            });
        }
        Command::Check { files, json, fail_on, profile, now: at, schema, schema_ref } => {
            // Without --now each exchange is judged at its own receipt.
            let options = AnalysisOptions::new(profile, now(at));
            let options = check::Moment { options, fixed: at.is_some() };
            let schema =
                match schema.map(|path| check::UserSchema::load(&path, schema_ref.as_deref())) {
                    Some(Err(message)) => {
                        let _ = writeln!(err, "statuslab: {message}");
                        return EXIT_BAD_INPUT;
                    }
                    Some(Ok(schema)) => Some(schema),
                    None => None,
                };
            match check::check(&files, json, fail_on, options, schema.as_ref(), out) {
                Ok(code) => return code,
                Err(message) => {
                    let _ = writeln!(err, "statuslab: {message}");
                    return EXIT_BAD_INPUT;
                }
            }
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            let _ = writeln!(err, "statuslab: {error}");
            EXIT_BAD_INPUT
        }
    }
}
