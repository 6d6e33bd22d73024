//! `statuslab check`: lint exchanges from files or stdin, for CI.

use std::io::{self, Read, Write};

use serde::Serialize;

use super::text::wrap;
use crate::core::{
    exchange::{parse_input, Exchange},
    lint::{lint, Finding, Profile, Severity},
    registry::{Registration, Registry},
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

#[derive(Serialize)]
struct StatusJson {
    code: u16,
    reason: Option<String>,
    class: Option<String>,
    registered: bool,
}

#[derive(Serialize)]
struct SpecJson {
    label: String,
    url: String,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    id: &'a str,
    severity: &'a str,
    title: &'a str,
    message: &'a str,
    spec: SpecJson,
    fix: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    profile_note: Option<&'a str>,
}

#[derive(Serialize)]
struct ExchangeJson<'a> {
    source: String,
    method: &'a str,
    target: &'a str,
    status: StatusJson,
    findings: Vec<FindingJson<'a>>,
}

#[derive(Serialize)]
struct Report<'a> {
    profile: Profile,
    exchanges: Vec<ExchangeJson<'a>>,
}

fn status_json(exchange: &Exchange) -> StatusJson {
    let registry = Registry::global();
    let code = exchange.response.status;
    let entry = registry.entry(code);
    StatusJson {
        code,
        reason: exchange.response.reason.clone(),
        class: registry.class_of(code).map(|c| c.name.to_string()),
        registered: entry.is_some_and(|e| e.registration != Registration::Unofficial),
    }
}

fn finding_json(f: &Finding) -> FindingJson<'_> {
    FindingJson {
        id: f.id,
        severity: f.severity.label(),
        title: f.title,
        message: &f.message,
        spec: SpecJson { label: f.spec.label(), url: f.spec.url.to_string() },
        fix: f.fix,
        profile_note: f.profile_note,
    }
}

fn read_source(path: &str) -> Result<String, String> {
    if path == "-" {
        let mut text = String::new();
        io::stdin().read_to_string(&mut text).map_err(|e| format!("stdin: cannot read: {e}"))?;
        Ok(text)
    } else {
        std::fs::read_to_string(path).map_err(|e| format!("{path}: cannot read: {e}"))
    }
}

/// Runs the check; returns the exit code, or a message for exit 2.
pub fn check(
    files: &[String],
    json: bool,
    fail_on: FailOn,
    profile: Profile,
    out: &mut dyn Write,
) -> Result<i32, String> {
    let mut analysed: Vec<(String, Exchange, Vec<Finding>)> = Vec::new();
    for path in files {
        let text = read_source(path)?;
        let name = if path == "-" { "stdin" } else { path.as_str() };
        let parsed = parse_input(&text).map_err(|e| format!("{name}: {e}"))?;
        let count = parsed.exchanges.len();
        for (i, exchange) in parsed.exchanges.into_iter().enumerate() {
            let source = if count > 1 { format!("{name}#{}", i + 1) } else { name.to_string() };
            let findings = lint(&exchange, profile);
            analysed.push((source, exchange, findings));
        }
    }
    let failed = analysed.iter().flat_map(|(_, _, f)| f).any(|f| fail_on.trips(f.severity));
    let write_error = |e: io::Error| format!("cannot write output: {e}");
    if json {
        let report = Report {
            profile,
            exchanges: analysed
                .iter()
                .map(|(source, exchange, findings)| ExchangeJson {
                    source: source.clone(),
                    method: &exchange.request.method,
                    target: &exchange.request.target,
                    status: status_json(exchange),
                    findings: findings.iter().map(finding_json).collect(),
                })
                .collect(),
        };
        serde_json::to_writer_pretty(&mut *out, &report).map_err(|e| write_error(e.into()))?;
        writeln!(out).map_err(write_error)?;
    } else {
        for (source, exchange, findings) in &analysed {
            write_text(source, exchange, findings, out).map_err(write_error)?;
        }
        let count = |s: Severity| {
            analysed.iter().flat_map(|(_, _, f)| f).filter(|f| f.severity == s).count()
        };
        writeln!(
            out,
            "{} exchange(s): {} error(s), {} warning(s), {} note(s)",
            analysed.len(),
            count(Severity::Error),
            count(Severity::Warning),
            count(Severity::Info)
        )
        .map_err(write_error)?;
    }
    Ok(i32::from(failed))
}

fn write_text(
    source: &str,
    exchange: &Exchange,
    findings: &[Finding],
    out: &mut dyn Write,
) -> io::Result<()> {
    let status = status_json(exchange);
    let name =
        Registry::global().entry(status.code).map(|e| e.name.to_string()).unwrap_or_default();
    writeln!(
        out,
        "{source}: {} {} → {} {name}",
        exchange.request.method, exchange.request.target, status.code
    )?;
    if findings.is_empty() {
        writeln!(out, "  no findings")?;
    }
    for f in findings {
        writeln!(out, "  {:<7} {}  [{}]", f.severity.label(), f.message, f.id)?;
        writeln!(out, "{}", wrap(&format!("why: {}", f.why), "          ", 96))?;
        writeln!(out, "{}", wrap(&format!("fix: {}", f.fix), "          ", 96))?;
        writeln!(out, "          see {} <{}>", f.spec.label(), f.spec.url)?;
        if let Some(note) = f.profile_note {
            writeln!(out, "{}", wrap(&format!("profile: {note}"), "          ", 96))?;
        }
    }
    writeln!(out)
}
