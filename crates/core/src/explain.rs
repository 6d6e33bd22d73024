//! The explanation model: everything the product says about a status code
//! by itself (the reference page, `statuslab explain`, `statuslab search`
//! and the status part of an exchange's analysis). Shells render these
//! values; they never word a conclusion of their own, so the page and the
//! CLI cannot drift apart.

use serde::Serialize;

use crate::registry::{
    parse_code, Citation, ClassEntry, CodeError, Lookup, MatchKind, Registration, Registry,
    SpecRef, StatusEntry,
};
use crate::time::{days_from_iso_date, UnixTime};

/// How a code stands in the IANA registry, judged on a given day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RegistrationStatus {
    /// `None` for a code with no entry at all.
    pub state: Option<Registration>,
    /// "IANA registered", "Unofficial: nginx", "not in the IANA registry".
    pub label: String,
    /// For a temporary registration: its listed expiry and whether it has passed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<Lifecycle>,
    /// What a client does with a code it does not recognise, when that applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Lifecycle {
    /// The date IANA lists the temporary registration to expire (YYYY-MM-DD).
    pub expires: String,
    pub expired: bool,
    pub note: String,
}

/// Whether a cache may store the code without explicit freshness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DefaultCacheability {
    pub by_default: bool,
    /// A short label for badges: "Cacheable by default".
    pub label: String,
    pub text: String,
    pub spec: Citation,
}

/// One code explained. `code`, `known`, `class`, `treated_as` and `entry`
/// are the fields `statuslab explain --json` has always had.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation<'a> {
    pub code: u16,
    /// True when the code has an entry of its own (registered or unofficial).
    pub known: bool,
    pub class: &'a ClassEntry,
    /// For a code without an IANA registration, the code a client treats it
    /// as (RFC 9110 §15).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub treated_as: Option<u16>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub entry: Option<&'a StatusEntry>,
    /// "429 Too Many Requests", or "299 (no registered meaning)".
    pub title: String,
    pub summary: String,
    pub registration: RegistrationStatus,
    pub cacheability: DefaultCacheability,
    /// Names in languages, framework snippets, vendor evidence, what
    /// clients do, history. Native builds fill it in; the browser reads it
    /// from the code's details file (see `depth`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub depth: Option<crate::depth::CodeDepth>,
}

fn rfc9110(section: &str, anchor: &str) -> Citation {
    Citation::from(&SpecRef {
        doc: "RFC 9110".into(),
        section: section.to_string().into(),
        url: format!("https://www.rfc-editor.org/rfc/rfc9110.html#{anchor}").into(),
    })
}

fn cacheability(by_default: bool) -> DefaultCacheability {
    let spec = rfc9110("15.1", "section-15.1");
    if by_default {
        DefaultCacheability {
            by_default,
            label: "Cacheable by default".into(),
            text: "Cacheable by default: without explicit freshness (Cache-Control max-age, Expires) a cache may still store it and give it a heuristic lifetime.".into(),
            spec,
        }
    } else {
        DefaultCacheability {
            by_default,
            label: "Not cacheable by default".into(),
            text: "Not cacheable by default: a cache stores it only when the response carries explicit freshness, such as Cache-Control: max-age.".into(),
            spec,
        }
    }
}

fn lifecycle(entry: &StatusEntry, now: UnixTime) -> Option<Lifecycle> {
    let expires = entry.temporary_until.as_deref()?;
    let expiry_day = days_from_iso_date(expires)?;
    let expired = now.days() > expiry_day;
    let note = if expired {
        format!("IANA listed this temporary registration to expire on {expires}, which has passed: unless the registry shows an extension or a permanent registration, {} is no longer registered and a client treats it as {}.", entry.code, entry.code / 100 * 100)
    } else {
        format!("A temporary registration, listed to expire on {expires} unless extended or made permanent.")
    };
    Some(Lifecycle { expires: expires.to_string(), expired, note })
}

/// How to introduce an entry's `former_names`: a registered code's are its
/// earlier names in its own standard; an unofficial code's are what other
/// vendors call it.
pub fn other_names_label(entry: &StatusEntry) -> &'static str {
    if entry.registration == Registration::Unofficial {
        "Also called"
    } else {
        "Formerly"
    }
}

fn unregistered_fallback(code: u16) -> String {
    format!(
        "Not in the IANA registry: a client that does not recognise {code} treats it as {} (RFC 9110 §15).",
        code / 100 * 100
    )
}

fn registration(entry: &StatusEntry, now: UnixTime) -> RegistrationStatus {
    let lifecycle = lifecycle(entry, now);
    let lapsed = lifecycle.as_ref().is_some_and(|l| l.expired);
    let label = match (&entry.registration, &entry.origin) {
        (Registration::Unofficial, Some(origin)) => format!("Unofficial: {origin}"),
        (Registration::Temporary, _) if lapsed => "IANA temporary registration (lapsed)".into(),
        (registration, _) => registration.label().to_string(),
    };
    let fallback = (entry.registration == Registration::Unofficial || lapsed)
        .then(|| unregistered_fallback(entry.code));
    RegistrationStatus { state: Some(entry.registration), label, lifecycle, fallback }
}

/// Explains `code`, judging time-bound facts (temporary registrations)
/// against `now`.
pub fn explain(code: u16, now: UnixTime) -> Result<Explanation<'static>, CodeError> {
    let registry = Registry::global();
    match registry.lookup(code)? {
        Lookup::Known(entry) => {
            let class =
                registry.class_of(code).ok_or_else(|| CodeError::OutOfRange(code.to_string()))?;
            let registration = registration(entry, now);
            let treated_as = registration.fallback.is_some().then_some(code / 100 * 100);
            Ok(Explanation {
                code,
                known: true,
                class,
                treated_as,
                entry: Some(entry),
                title: format!("{code} {}", entry.name),
                summary: entry.summary.to_string(),
                registration,
                cacheability: cacheability(entry.heuristically_cacheable),
                depth: depth_of(code),
            })
        }
        Lookup::UnknownInClass { code, class } => Ok(Explanation {
            code,
            known: false,
            class,
            treated_as: Some(code / 100 * 100),
            entry: None,
            title: format!("{code} (no registered meaning)"),
            summary: format!(
                "A client that does not recognise {code} treats it as {}. {}",
                code / 100 * 100,
                class.unknown_code_handling
            ),
            registration: RegistrationStatus {
                state: None,
                label: "not in the IANA registry".into(),
                lifecycle: None,
                fallback: Some(unregistered_fallback(code)),
            },
            // RFC 9110 §15.1: only codes defined as cacheable by default are;
            // an unrecognised code is not.
            cacheability: cacheability(false),
            depth: None,
        }),
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn depth_of(code: u16) -> Option<crate::depth::CodeDepth> {
    Some(crate::depth::of(code)).filter(|d| !d.is_empty())
}

#[cfg(target_arch = "wasm32")]
fn depth_of(_code: u16) -> Option<crate::depth::CodeDepth> {
    None
}

/// `explain` for text the user typed ("429", " 404 ").
pub fn explain_text(text: &str, now: UnixTime) -> Result<Explanation<'static>, CodeError> {
    explain(parse_code(text)?, now)
}

/// One row of a search result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ResultRow {
    pub code: u16,
    pub name: String,
    pub registration: Option<Registration>,
    pub summary: String,
    /// "unofficial · nginx", "temporary" …; none for a registered code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub flag: Option<String>,
    /// Why the row matched when it is not obvious ("formerly Payload Too Large").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub why: Option<String>,
    /// For a vendor code: how well its use is documented, and where.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub evidence: Option<RowEvidence>,
}

/// A vendor code's evidence level and first source, on its search row.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowEvidence {
    pub level: &'static str,
    pub source: &'static str,
}

/// What a search found, worded once for every shell.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SearchResults {
    pub query: String,
    /// "3 codes match “rate limit”."
    pub message: String,
    pub rows: Vec<ResultRow>,
    /// A number outside 100–599 is not a status code: say why.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Shown when nothing matched.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

fn flag(entry: &StatusEntry) -> Option<String> {
    match entry.registration {
        Registration::Registered => None,
        Registration::Unofficial => {
            Some(format!("unofficial · {}", entry.origin.as_deref().unwrap_or("vendor")))
        }
        Registration::Unused => Some("unused".into()),
        Registration::Obsoleted => Some("obsoleted".into()),
        Registration::Temporary => Some("temporary".into()),
    }
}

/// Why a search hit matched, when its row does not show it already (the
/// number and the name are on the row): the former or other name, the
/// search word, or the description.
fn match_reason(entry: &StatusEntry, kind: MatchKind, query: &str) -> Option<String> {
    let words: Vec<String> =
        query.split_whitespace().map(|w| w.to_lowercase()).filter(|w| w.len() > 1).collect();
    let hits = |text: &str| {
        let text = text.to_lowercase();
        words.iter().any(|w| text.contains(w.as_str()))
    };
    if matches!(kind, MatchKind::Code | MatchKind::Class) || hits(&entry.name) {
        return None;
    }
    if let Some(name) = entry.former_names.iter().find(|n| hits(n)) {
        return Some(format!("{} \u{201c}{name}\u{201d}", other_names_label(entry).to_lowercase()));
    }
    if let Some(keyword) = entry.keywords.iter().find(|k| hits(k)) {
        return Some(format!("matches \u{201c}{keyword}\u{201d}"));
    }
    Some("in its description".into())
}

fn entry_row(entry: &StatusEntry, kind: Option<MatchKind>, query: &str) -> ResultRow {
    ResultRow {
        code: entry.code,
        name: entry.name.to_string(),
        registration: Some(entry.registration),
        summary: entry.summary.to_string(),
        flag: flag(entry),
        evidence: crate::depth::evidence_level(entry.code)
            .map(|(level, source)| RowEvidence { level, source }),
        why: kind.and_then(|kind| match_reason(entry, kind, query)),
    }
}

/// Finds codes by number, name or words. A number without an entry of its
/// own (299) still matches: it has a page, explained by its class.
pub fn search(query: &str) -> SearchResults {
    let registry = Registry::global();
    let mut rows = Vec::new();
    let mut error = None;
    match parse_code(query) {
        Ok(code) if registry.entry(code).is_none() => {
            if let Some(class) = registry.class_of(code) {
                rows.push(ResultRow {
                    code,
                    name: "No registered meaning".into(),
                    registration: None,
                    summary: format!("Treated as {} ({} class).", code / 100 * 100, class.name),
                    flag: None,
                    why: None,
                    evidence: None,
                });
            }
        }
        Err(out_of_range @ CodeError::OutOfRange(_)) => error = Some(out_of_range.to_string()),
        _ => {}
    }
    rows.extend(
        registry.search(query).iter().map(|hit| entry_row(hit.entry, Some(hit.kind), query)),
    );
    let shown = query.trim();
    let message = match rows.len() {
        0 => format!("No status code matches \u{201c}{shown}\u{201d}."),
        1 => format!("1 code matches \u{201c}{shown}\u{201d}."),
        n => format!("{n} codes match \u{201c}{shown}\u{201d}."),
    };
    let hint = (rows.is_empty() && error.is_none()).then(|| {
        "Try a number (404), a name (Not Found), a class (4xx) or words such as \u{201c}rate limit\u{201d}, \u{201c}moved\u{201d} or \u{201c}too big\u{201d}.".to_string()
    });
    SearchResults { query: shown.to_string(), message, rows, error, hint }
}

/// Every entry as a list row, for the home page.
pub fn all_rows() -> impl Iterator<Item = ResultRow> {
    Registry::global().entries().iter().map(|entry| entry_row(entry, None, ""))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(iso: &str) -> UnixTime {
        UnixTime::from_days(days_from_iso_date(iso).expect("a date"))
    }

    #[test]
    fn a_temporary_registration_lapses_after_its_listed_date() {
        let before = explain(104, day("2026-11-13")).expect("104 exists");
        let lifecycle = before.registration.lifecycle.expect("104 is temporary");
        assert!(!lifecycle.expired);
        assert_eq!(before.treated_as, None);
        assert_eq!(before.registration.label, "IANA temporary registration");

        let after = explain(104, day("2026-11-29")).expect("104 exists");
        let lifecycle = after.registration.lifecycle.expect("104 is temporary");
        assert!(lifecycle.expired);
        assert!(lifecycle.note.contains("2026-11-13"), "{}", lifecycle.note);
        assert_eq!(after.treated_as, Some(100));
        assert!(after.registration.label.contains("lapsed"));
    }

    #[test]
    fn unofficial_and_unknown_codes_fall_back_to_their_class() {
        let nginx = explain(499, day("2026-11-29")).expect("499 exists");
        assert!(nginx.known);
        assert_eq!(nginx.treated_as, Some(400));
        assert!(nginx.registration.label.starts_with("Unofficial: "));

        let unknown = explain(299, day("2026-11-29")).expect("in the 2xx class");
        assert!(!unknown.known);
        assert_eq!(unknown.treated_as, Some(200));
        assert_eq!(unknown.title, "299 (no registered meaning)");
        assert!(!unknown.cacheability.by_default);
    }

    #[test]
    fn numbers_outside_the_classes_are_errors() {
        assert!(matches!(explain(600, UnixTime(0)), Err(CodeError::OutOfRange(_))));
        assert!(matches!(explain_text("abc", UnixTime(0)), Err(CodeError::NotANumber(_))));
    }

    #[test]
    fn a_bare_number_without_an_entry_is_found() {
        let results = search("299");
        assert_eq!(results.rows.len(), 1);
        assert_eq!(results.rows[0].code, 299);
        assert_eq!(results.message, "1 code matches \u{201c}299\u{201d}.");
        let out_of_range = search("700");
        assert!(out_of_range.rows.is_empty());
        assert!(out_of_range.error.is_some_and(|e| e.contains("100 to 599")));
        assert!(search("zzzz-nothing").hint.is_some());
        assert!(search("rate limit").rows.iter().any(|row| row.code == 429));
    }
}
