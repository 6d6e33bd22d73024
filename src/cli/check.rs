//! `statuslab check`: lint exchanges from files or stdin, for CI. Every
//! verdict comes from the core's analysis model; this module only chooses
//! between printing it as JSON and as text.

use std::io::{self, Read, Write};

use serde::Serialize;

use super::text::wrap;
use crate::core::{
    analysis::{analyze, counted, receipt, Analysis, AnalysisOptions, FindingCounts},
    exchange::{parse_bytes, Exchange},
    lint::{Profile, Severity},
    problem::{prepare_user_schema, PreparedSchema, SchemaInput},
};

/// When `check` exits 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FailOn {
    Error,
    Warning,
    Never,
}

impl FailOn {
    fn trips(self, severity: Severity) -> bool {
        match self {
            FailOn::Error => severity == Severity::Error,
            FailOn::Warning => severity <= Severity::Warning,
            FailOn::Never => false,
        }
    }
}

/// One exchange of the report: where it came from, then the analysis model
/// (whose `method`, `target`, `status` and `findings` keep the keys this
/// report has always had).
#[derive(Serialize)]
struct ExchangeReport<'a> {
    source: &'a str,
    #[serde(flatten)]
    analysis: &'a Analysis,
}

#[derive(Serialize)]
struct Report<'a> {
    profile: Profile,
    /// Parts of the inputs that record no exchange (HAR entries without a
    /// response), each with why.
    skipped: &'a [String],
    exchanges: Vec<ExchangeReport<'a>>,
}

/// The input's bytes: a capture may hold bodies that are not UTF-8.
pub fn read_source(path: &str) -> Result<Vec<u8>, String> {
    if path == "-" {
        let mut bytes = Vec::new();
        io::stdin().read_to_end(&mut bytes).map_err(|e| format!("stdin: cannot read: {e}"))?;
        Ok(bytes)
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: cannot read: {e}"))
    }
}

/// The analysis options and whether `--now` fixed the moment; when it did
/// not, each exchange is judged at its receipt (its Date field).
pub struct Moment {
    pub options: AnalysisOptions,
    pub fixed: bool,
}

/// The user's own JSON Schema (`--schema`, `--schema-ref`), prepared once
/// by the core and compiled per body by its validator.
pub struct UserSchema(PreparedSchema);

impl UserSchema {
    pub fn load(path: &str, pointer: Option<&str>) -> Result<UserSchema, String> {
        let text =
            std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))?;
        let input = SchemaInput { text, pointer: pointer.map(str::to_string) };
        prepare_user_schema(&input).map(UserSchema).map_err(|e| format!("{path}: {e}"))
    }

    /// Fills `analysis.problem.schema` for a JSON response body.
    fn judge(&self, exchange: &Exchange, analysis: &mut Analysis) {
        let Some(verdict) = self.0.validate(&exchange.response.body) else { return };
        if let Some(problem) = analysis.problem.as_mut() {
            problem.schema = Some(verdict);
        }
    }
}

/// Runs the check; returns the exit code, or a message for exit 2.
pub fn check(
    files: &[String],
    json: bool,
    fail_on: FailOn,
    moment: Moment,
    schema: Option<&UserSchema>,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let options = moment.options;
    let mut analysed: Vec<(String, Analysis)> = Vec::new();
    let mut skipped: Vec<String> = Vec::new();
    for path in files {
        let text = read_source(path)?;
        let name = if path == "-" { "stdin" } else { path.as_str() };
        let parsed = parse_bytes(&text).map_err(|e| format!("{name}: {e}"))?;
        for note in &parsed.skipped {
            skipped.push(format!("{name}: skipped {note}"));
        }
        let count = parsed.exchanges.len();
        for (i, exchange) in parsed.exchanges.iter().enumerate() {
            let source = if count > 1 { format!("{name}#{}", i + 1) } else { name.to_string() };
            let at = match (moment.fixed, receipt(exchange)) {
                (false, Some(received)) => AnalysisOptions { now: received, ..options },
                _ => options,
            };
            let mut analysis = analyze(exchange, at);
            if let Some(schema) = schema {
                schema.judge(exchange, &mut analysis);
            }
            analysed.push((source, analysis));
        }
    }
    // A body that breaks the team's own schema fails like an error.
    let schema_failed = analysed
        .iter()
        .any(|(_, a)| a.problem.as_ref().and_then(|p| p.schema.as_ref()).is_some_and(|v| !v.valid));
    let failed = analysed.iter().flat_map(|(_, a)| &a.findings).any(|f| fail_on.trips(f.severity))
        || (schema_failed && fail_on.trips(Severity::Error));
    let write_error = |e: io::Error| format!("cannot write output: {e}");
    if json {
        let report = Report {
            profile: options.profile,
            skipped: &skipped,
            exchanges: analysed
                .iter()
                .map(|(source, analysis)| ExchangeReport { source, analysis })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &report).map_err(|e| write_error(e.into()))?;
        writeln!(out).map_err(write_error)?;
    } else {
        for (source, analysis) in &analysed {
            write_text(source, analysis, out).map_err(write_error)?;
        }
        for note in &skipped {
            writeln!(out, "note: {note}").map_err(write_error)?;
        }
        let total =
            |pick: fn(&Analysis) -> usize| analysed.iter().map(|(_, a)| pick(a)).sum::<usize>();
        let counts = FindingCounts {
            errors: total(|a| a.counts.errors),
            warnings: total(|a| a.counts.warnings),
            infos: total(|a| a.counts.infos),
            worst: None,
        };
        writeln!(
            out,
            "{}: {}",
            counted(analysed.len(), "exchange", "exchanges"),
            counts.describe(", ")
        )
        .map_err(write_error)?;
    }
    Ok(i32::from(failed))
}

fn write_text(source: &str, analysis: &Analysis, out: &mut dyn Write) -> io::Result<()> {
    let status = &analysis.status;
    let name = status.name.as_deref().unwrap_or_default();
    writeln!(out, "{source}: {} {} → {} {name}", analysis.method, analysis.target, status.code)?;
    if let Some(note) = status.lifecycle.as_ref().or(status.fallback.as_ref()) {
        writeln!(out, "{}", wrap(note, "  ", 96))?;
    }
    if let Some(cache) = &analysis.cache {
        let side = |v: &crate::core::cache::CacheVerdict| match (v.storable, v.freshness_lifetime_s)
        {
            (false, _) => "not storable".to_string(),
            (true, Some(s)) if s > 0 && v.heuristic => format!("fresh {s} s (heuristic)"),
            (true, Some(s)) if s > 0 => format!("fresh {s} s"),
            (true, _) => "storable, revalidate before use".to_string(),
        };
        writeln!(
            out,
            "  cache: shared {}; private {}; age {} s",
            side(&cache.shared),
            side(&cache.private),
            cache.age_s
        )?;
        let departures: Vec<&str> = cache
            .defaults
            .iter()
            .filter(|d| d.facts.iter().any(|f| f.departs_from_rfc))
            .map(|d| d.name.as_str())
            .collect();
        if !departures.is_empty() {
            let note = format!(
                "defaults that depart from RFC 9111 here: {} (see --json cache.defaults)",
                departures.join(", ")
            );
            writeln!(out, "{}", wrap(&note, "         ", 96))?;
        }
    }
    if let Some(retry) = &analysis.retry {
        let after = retry.after_s.map(|s| format!(" after {s} s")).unwrap_or_default();
        let change =
            retry.needs_change.as_ref().map(|c| format!(" (first: {c})")).unwrap_or_default();
        let verdict = if retry.should_retry { "may retry" } else { "no automatic retry" };
        writeln!(out, "  retry: {verdict}{after}{change}")?;
        writeln!(
            out,
            "{}",
            wrap(&format!("{} [{}]", retry.reason, retry.spec.label), "         ", 96)
        )?;
    }
    if let Some(problem) = analysis.problem.as_ref().filter(|p| p.detected || !p.errors.is_empty())
    {
        let verdict = match (problem.detected, problem.valid) {
            (true, true) => "valid problem details",
            (true, false) => "problem details with faults",
            (false, _) => "not problem details",
        };
        writeln!(out, "  error body: {verdict}")?;
        for error in &problem.errors {
            let place = format!("{}:{}", error.line, error.column);
            writeln!(
                out,
                "    {place:<7} {:<7} {} [{}]",
                error.severity.label(),
                error.message,
                error.spec.label
            )?;
        }
        if let Some(schema) = &problem.schema {
            let verdict = if schema.valid { "valid" } else { "invalid" };
            writeln!(out, "  your schema: {verdict}")?;
            for error in &schema.errors {
                let place = format!("{}:{}", error.line, error.column);
                writeln!(out, "    {place:<7} {} {}", error.pointer, error.message)?;
            }
        }
    }
    if analysis.findings.is_empty() {
        writeln!(out, "  no findings")?;
    }
    for f in &analysis.findings {
        let place = f.line.map(|l| format!("line {l}: ")).unwrap_or_default();
        writeln!(out, "  {:<7} {place}{}  [{}]", f.severity.label(), f.message, f.id)?;
        writeln!(out, "{}", wrap(&format!("why: {}", f.why), "          ", 96))?;
        writeln!(out, "{}", wrap(&format!("fix: {}", f.fix), "          ", 96))?;
        writeln!(out, "          see {} <{}>", f.spec.label, f.spec.url)?;
        if let Some(note) = &f.profile_note {
            writeln!(out, "{}", wrap(&format!("profile: {note}"), "          ", 96))?;
        }
    }
    writeln!(out)
}
