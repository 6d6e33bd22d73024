//! `statuslab explain` and `statuslab search`.

use std::io::{self, Write};

use serde::Serialize;

use super::text::wrap;
use crate::core::registry::{
    model::Text, ClassEntry, CodeError, Lookup, Registration, Registry, SpecRef, StatusEntry,
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

/// The JSON shape of `explain --json`: stable keys for scripts.
#[derive(Serialize)]
struct ExplainJson<'a> {
    code: u16,
    /// True when the code has an entry of its own (registered or unofficial).
    known: bool,
    class: &'a ClassEntry,
    /// For a code without an entry, the code a client treats it as (RFC 9110 §15).
    #[serde(skip_serializing_if = "Option::is_none")]
    treated_as: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    entry: Option<&'a StatusEntry>,
}

pub fn explain(text: &str, json: bool, out: &mut dyn Write) -> Result<i32, ExplainError> {
    let registry = Registry::global();
    let lookup = registry.lookup_text(text).map_err(ExplainError::Code)?;
    let code = lookup.code();
    let class = match lookup {
        Lookup::Known(_) => registry.class_of(code),
        Lookup::UnknownInClass { class, .. } => Some(class),
    };
    let Some(class) = class else {
        return Err(ExplainError::Code(CodeError::OutOfRange(code.to_string())));
    };
    if json {
        let document = match lookup {
            Lookup::Known(entry) => {
                ExplainJson { code, known: true, class, treated_as: None, entry: Some(entry) }
            }
            Lookup::UnknownInClass { .. } => ExplainJson {
                code,
                known: false,
                class,
                treated_as: Some(code / 100 * 100),
                entry: None,
            },
        };
        serde_json::to_writer_pretty(&mut *out, &document).map_err(io::Error::from)?;
        writeln!(out)?;
        return Ok(0);
    }
    match lookup {
        Lookup::Known(entry) => write_entry(registry, entry, class, out)?,
        Lookup::UnknownInClass { code, class } => write_unknown(code, class, out)?,
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
    class: &ClassEntry,
    out: &mut dyn Write,
) -> io::Result<()> {
    writeln!(out, "{} {}", e.code, e.name)?;
    let mut facts =
        vec![format!("{} ({}xx)", class.name, class.digit), e.registration.label().to_string()];
    if let Some(origin) = &e.origin {
        facts.push(format!("from {origin}"));
    }
    writeln!(out, "{}", facts.join(" · "))?;
    writeln!(out, "Defined in {}", spec(&e.spec))?;
    if !e.former_names.is_empty() {
        writeln!(out, "Formerly: {}", e.former_names.join(", "))?;
    }
    if let Some(note) = &e.registry_note {
        writeln!(out, "{}", wrap(&format!("Registry: {note}"), "", WIDTH))?;
    }
    if e.registration == Registration::Unofficial {
        let fallback = e.code / 100 * 100;
        writeln!(
            out,
            "{}",
            wrap(
                &format!("Not in the IANA registry: a generic client treats it as {fallback} (RFC 9110 §15)."),
                "",
                WIDTH
            )
        )?;
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
    let cache = if e.heuristically_cacheable {
        "cacheable by default: a cache may store it and assign a heuristic lifetime when no explicit freshness is given (RFC 9110 §15.1)."
    } else {
        "not cacheable by default: a cache stores it only with explicit freshness such as Cache-Control: max-age (RFC 9110 §15.1, RFC 9111 §3)."
    };
    writeln!(out, "\n{}", wrap(&format!("Caching: {cache}"), "", WIDTH))?;
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

fn write_unknown(code: u16, class: &ClassEntry, out: &mut dyn Write) -> io::Result<()> {
    let fallback = code / 100 * 100;
    writeln!(out, "{code} (no registered meaning)")?;
    writeln!(out, "{} ({}xx) · not in the IANA registry", class.name, class.digit)?;
    writeln!(out, "Class defined in {}", spec(&class.spec))?;
    writeln!(
        out,
        "\n{}",
        wrap(
            &format!(
                "A client that does not recognise {code} treats it as {fallback}. {}",
                class.unknown_code_handling
            ),
            "",
            WIDTH
        )
    )?;
    writeln!(out, "\n{}", wrap(&class.meaning, "", WIDTH))?;
    Ok(())
}

#[derive(Serialize)]
struct SearchJson<'a> {
    code: u16,
    name: &'a str,
    registration: Registration,
    summary: &'a str,
}

pub fn search(query: &str, json: bool, out: &mut dyn Write) -> Result<i32, ExplainError> {
    let hits = Registry::global().search(query);
    if json {
        let list: Vec<SearchJson> = hits
            .iter()
            .map(|h| SearchJson {
                code: h.entry.code,
                name: &h.entry.name,
                registration: h.entry.registration,
                summary: &h.entry.summary,
            })
            .collect();
        serde_json::to_writer_pretty(&mut *out, &list).map_err(io::Error::from)?;
        writeln!(out)?;
    } else if hits.is_empty() {
        writeln!(out, "No status code matches {query:?}.")?;
    } else {
        for hit in hits {
            let flag = match hit.entry.registration {
                Registration::Unofficial => " [unofficial]",
                Registration::Unused => " [unused]",
                Registration::Obsoleted => " [obsoleted]",
                Registration::Temporary => " [temporary]",
                Registration::Registered => "",
            };
            writeln!(out, "{} {}{flag}: {}", hit.entry.code, hit.entry.name, hit.entry.summary)?;
        }
    }
    Ok(0)
}
