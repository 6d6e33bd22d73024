//! `statuslab explain` and `statuslab search`.

use crate::core::depth::CodeDepth;
use std::io::{self, Write};

use super::text::wrap;
use crate::core::{
    explain::{self, explain_text, other_names_label, Explanation},
    registry::{model::Text, CodeError, Registry, SpecRef, StatusEntry},
    time::UnixTime,
};

const WIDTH: usize = 88;

#[derive(Debug)]
pub enum ExplainError {
    Code(CodeError),
    Io(io::Error),
}

impl std::fmt::Display for ExplainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ExplainError::Code(e) => write!(f, "{e}"),
            ExplainError::Io(e) => write!(f, "cannot write output: {e}"),
        }
    }
}

impl From<io::Error> for ExplainError {
    fn from(e: io::Error) -> Self {
        ExplainError::Io(e)
    }
}

pub fn explain(
    text: &str,
    json: bool,
    now: UnixTime,
    out: &mut dyn Write,
) -> Result<i32, ExplainError> {
    let explanation = explain_text(text, now).map_err(ExplainError::Code)?;
    if json {
        serde_json::to_writer_pretty(&mut *out, &explanation).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(0);
    }
    match explanation.entry {
        Some(entry) => write_entry(Registry::global(), entry, &explanation, out)?,
        None => write_unknown(&explanation, out)?,
    }
    Ok(0)
}

fn spec(spec: &SpecRef) -> String {
    format!("{} <{}>", spec.label(), spec.url)
}

fn name_of(registry: &Registry, code: u16) -> String {
    match registry.entry(code) {
        Some(e) => format!("{code} {}", e.name),
        None => code.to_string(),
    }
}

fn write_entry(
    registry: &Registry,
    e: &StatusEntry,
    explanation: &Explanation,
    out: &mut dyn Write,
) -> io::Result<()> {
    let class = explanation.class;
    writeln!(out, "{}", explanation.title)?;
    let facts =
        [format!("{} ({}xx)", class.name, class.digit), explanation.registration.label.clone()];
    writeln!(out, "{}", facts.join(" · "))?;
    writeln!(out, "Defined in {}", spec(&e.spec))?;
    if !e.former_names.is_empty() {
        writeln!(out, "{}: {}", other_names_label(e), e.former_names.join(", "))?;
    }
    if let Some(note) = &e.registry_note {
        writeln!(out, "{}", wrap(&format!("Registry: {note}"), "", WIDTH))?;
    }
    if let Some(lifecycle) = &explanation.registration.lifecycle {
        writeln!(out, "{}", wrap(&lifecycle.note, "", WIDTH))?;
    }
    // The registry note, when there is one, already says how clients read it.
    if let (Some(fallback), None) = (&explanation.registration.fallback, &e.registry_note) {
        writeln!(out, "{}", wrap(fallback, "", WIDTH))?;
    }
    writeln!(out, "\n{}\n", wrap(&e.summary, "", WIDTH))?;
    writeln!(out, "{}", wrap(&e.meaning, "", WIDTH))?;
    write_list(out, "Use it when", &e.use_when)?;
    write_list(out, "Avoid it when", &e.avoid_when)?;
    if !e.confusions.is_empty() {
        writeln!(out, "\nOften confused")?;
        for c in e.confusions.iter() {
            let versus: Vec<String> = c.versus.iter().map(|&v| name_of(registry, v)).collect();
            writeln!(
                out,
                "{}",
                wrap(&format!("vs {}: {}", versus.join(", "), c.text), "  ", WIDTH)
            )?;
        }
    }
    if !e.headers.is_empty() {
        writeln!(out, "\nHeaders")?;
        for h in e.headers.iter() {
            writeln!(out, "  {} ({}), {}", h.name, h.level.label(), spec(&h.spec))?;
            writeln!(out, "{}", wrap(&h.note, "    ", WIDTH))?;
        }
    }
    let cache = &explanation.cacheability;
    writeln!(
        out,
        "\n{}",
        wrap(&format!("Caching: {} ({})", cache.text, cache.spec.label), "", WIDTH)
    )?;
    writeln!(out, "{}", wrap(&format!("Retry: {}", e.retry), "", WIDTH))?;
    if !e.myths.is_empty() {
        writeln!(out, "\nCommon claims, corrected")?;
        for m in e.myths.iter() {
            writeln!(out, "{}", wrap(&format!("Claim: {}", m.claim), "  ", WIDTH))?;
            writeln!(
                out,
                "{}",
                wrap(&format!("In fact: {} [{}]", m.correction, spec(&m.spec)), "  ", WIDTH)
            )?;
        }
    }
    if !e.related.is_empty() {
        let related: Vec<String> = e.related.iter().map(|&c| name_of(registry, c)).collect();
        writeln!(out, "\n{}", wrap(&format!("Related: {}", related.join(", ")), "", WIDTH))?;
    }
    if let Some(depth) = &explanation.depth {
        write_depth(depth, out)?;
    }
    Ok(())
}

fn write_depth(depth: &CodeDepth, out: &mut dyn Write) -> io::Result<()> {
    if let Some(evidence) = &depth.evidence {
        writeln!(out, "\nEvidence: {} ({})", evidence.level, evidence.vendor)?;
        writeln!(out, "{}", wrap(&evidence.finding, "  ", WIDTH))?;
        if let Some(historical) = &evidence.historical {
            writeln!(out, "{}", wrap(&format!("Historical: {}", historical.note), "  ", WIDTH))?;
        }
        for source in &evidence.sources {
            writeln!(out, "  Source: {} <{}>", source.label, source.url)?;
        }
    }
    if let Some(shared) = &depth.shared {
        writeln!(out, "\nMeanings of {}", shared.code)?;
        for m in &shared.meanings {
            writeln!(
                out,
                "{}",
                wrap(
                    &format!("{} ({}): {} <{}>", m.who, m.name, m.meaning, m.source.url),
                    "  ",
                    WIDTH
                )
            )?;
        }
    }
    if !depth.names.is_empty() {
        writeln!(out, "\nIn your language")?;
        for n in &depth.names {
            let name = n
                .constant
                .clone()
                .or_else(|| n.phrase.clone().map(|p| format!("\"{p}\"")))
                .unwrap_or_default();
            let old = n.outdated.as_ref().map(|o| format!(" (old name: {o})")).unwrap_or_default();
            writeln!(out, "{}", wrap(&format!("{}: {name}{old}", n.label), "  ", WIDTH))?;
        }
        if !depth.lacking.is_empty() {
            writeln!(
                out,
                "{}",
                wrap(&format!("No name in: {}", depth.lacking.join(", ")), "  ", WIDTH)
            )?;
        }
    }
    if !depth.snippets.is_empty() {
        let frameworks: Vec<&str> = depth.snippets.iter().map(|s| s.framework_label()).collect();
        writeln!(
            out,
            "\n{}",
            wrap(
                &format!(
                    "Send it correctly: snippets for {} (statuslab explain --json shows them)",
                    frameworks.join(", ")
                ),
                "",
                WIDTH
            )
        )?;
    }
    for topic in &depth.clients {
        writeln!(out, "\nWhat clients do: {}", topic.title)?;
        for fact in &topic.facts {
            writeln!(
                out,
                "{}",
                wrap(
                    &format!("{}: {} <{}>", fact.client, fact.behaviour, fact.source.url),
                    "  ",
                    WIDTH
                )
            )?;
        }
    }
    if !depth.history.is_empty() {
        writeln!(out, "\nHistory")?;
        for h in &depth.history {
            writeln!(
                out,
                "{}",
                wrap(
                    &format!("{} {} ({}): {}. {}", h.date, h.doc, h.change, h.name, h.note),
                    "  ",
                    WIDTH
                )
            )?;
        }
    }
    Ok(())
}

fn write_list(out: &mut dyn Write, title: &str, items: &[Text]) -> io::Result<()> {
    writeln!(out, "\n{title}")?;
    for item in items {
        let wrapped = wrap(item, "    ", WIDTH);
        writeln!(out, "  - {}", wrapped.trim_start())?;
    }
    Ok(())
}

fn write_unknown(explanation: &Explanation, out: &mut dyn Write) -> io::Result<()> {
    let class = explanation.class;
    writeln!(out, "{}", explanation.title)?;
    writeln!(out, "{} ({}xx) · {}", class.name, class.digit, explanation.registration.label)?;
    writeln!(out, "Class defined in {}", spec(&class.spec))?;
    writeln!(out, "\n{}", wrap(&explanation.summary, "", WIDTH))?;
    writeln!(out, "\n{}", wrap(&class.meaning, "", WIDTH))?;
    Ok(())
}

pub fn search(query: &str, json: bool, out: &mut dyn Write) -> Result<i32, ExplainError> {
    let results = explain::search(query);
    if json {
        serde_json::to_writer_pretty(&mut *out, &results.rows).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(0);
    }
    writeln!(out, "{}", results.message)?;
    if let Some(error) = &results.error {
        writeln!(out, "{error}")?;
    }
    if let Some(hint) = &results.hint {
        writeln!(out, "{}", wrap(hint, "", WIDTH))?;
    }
    for row in &results.rows {
        let flag = row.flag.as_ref().map(|f| format!(" [{f}]")).unwrap_or_default();
        let why = row.why.as_ref().map(|w| format!(" ({w})")).unwrap_or_default();
        writeln!(out, "{} {}{flag}{why}: {}", row.code, row.name, row.summary)?;
    }
    Ok(0)
}
