//! The shape of the registry data files (`data/status-codes.toml`,
//! `data/classes.toml`).
//!
//! This file is compiled twice: by `build.rs`, which reads the TOML, checks it
//! and writes the data out as Rust `static`s, and by the library, which embeds
//! those statics. It must therefore depend on nothing but `serde`.
//!
//! Text and lists are `Cow<'static, _>`: owned while `build.rs` deserialises
//! the TOML, borrowed from static memory in the library, so the app starts
//! with the whole registry in place and parses nothing at run time.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

/// Text that is owned at build time and `&'static` at run time.
pub type Text = Cow<'static, str>;
/// A list that is owned at build time and `&'static` at run time.
pub type List<T> = Cow<'static, [T]>;

/// A link to the exact place in a specification that defines something.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpecRef {
    /// The document, e.g. "RFC 9110" or "nginx documentation".
    pub doc: Text,
    /// The section within `doc`; empty when the whole document is meant.
    pub section: Text,
    pub url: Text,
}

impl SpecRef {
    /// "RFC 9110 §15.5.20", or just the document when there is no section.
    pub fn label(&self) -> String {
        if self.section.is_empty() {
            self.doc.to_string()
        } else {
            format!("{} §{}", self.doc, self.section)
        }
    }
}

/// A specification reference as reports carry it: the parts of a
/// [`SpecRef`] plus its ready-made label ("RFC 9110 §15.5.20"), so every
/// shell prints the same words without recomputing them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citation {
    pub label: String,
    pub url: Text,
    pub doc: Text,
    pub section: Text,
}

impl From<&SpecRef> for Citation {
    fn from(spec: &SpecRef) -> Citation {
        Citation {
            label: spec.label(),
            url: spec.url.clone(),
            doc: spec.doc.clone(),
            section: spec.section.clone(),
        }
    }
}

/// Where a code stands in the IANA HTTP Status Code Registry.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Registration {
    /// Registered and in force.
    Registered,
    /// Registered provisionally, with an expiry date (e.g. 104).
    Temporary,
    /// Listed as "(Unused)": reserved, must not be assigned a new meaning (306, 418).
    Unused,
    /// Listed as "(OBSOLETED)" (510).
    Obsoleted,
    /// Not in the registry at all, but emitted by widely deployed software.
    Unofficial,
}

impl Registration {
    pub fn is_in_iana_registry(self) -> bool {
        !matches!(self, Registration::Unofficial)
    }

    pub fn label(self) -> &'static str {
        match self {
            Registration::Registered => "IANA registered",
            Registration::Temporary => "IANA temporary registration",
            Registration::Unused => "IANA: unused",
            Registration::Obsoleted => "IANA: obsoleted",
            Registration::Unofficial => "unofficial",
        }
    }
}

/// How strongly a specification asks for a header field (RFC 2119 words).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Requirement {
    Must,
    Should,
    May,
    ShouldNot,
    MustNot,
}

impl Requirement {
    pub fn label(self) -> &'static str {
        match self {
            Requirement::Must => "MUST",
            Requirement::Should => "SHOULD",
            Requirement::May => "MAY",
            Requirement::ShouldNot => "SHOULD NOT",
            Requirement::MustNot => "MUST NOT",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HeaderAdvice {
    pub name: Text,
    pub level: Requirement,
    pub note: Text,
    pub spec: SpecRef,
}

/// Two or more codes that people mix up, and how to tell them apart.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Confusion {
    pub versus: List<u16>,
    pub text: Text,
}

/// A common claim (from articles, folklore) that the specification contradicts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Myth {
    pub claim: Text,
    pub correction: Text,
    pub spec: SpecRef,
}

/// One status code's reference entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatusEntry {
    pub code: u16,
    pub name: Text,
    #[serde(default)]
    pub former_names: List<Text>,
    pub registration: Registration,
    /// Who emits an unofficial code ("nginx", "Cloudflare").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub registry_note: Option<Text>,
    /// For a temporary registration, the date (YYYY-MM-DD) IANA lists it to
    /// expire; the explanation judges it against the current date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub temporary_until: Option<Text>,
    pub spec: SpecRef,
    pub summary: Text,
    pub meaning: Text,
    pub use_when: List<Text>,
    pub avoid_when: List<Text>,
    /// Listed in RFC 9110 §15.1 as cacheable by default (heuristic freshness).
    pub heuristically_cacheable: bool,
    pub retry: Text,
    #[serde(default)]
    pub related: List<u16>,
    #[serde(default)]
    pub keywords: List<Text>,
    #[serde(default)]
    pub confusions: List<Confusion>,
    #[serde(default)]
    pub headers: List<HeaderAdvice>,
    #[serde(default)]
    pub myths: List<Myth>,
}

/// The long-form prose of an entry. The wasm build ships it as a separate
/// static file (`www/status-details.json`), fetched when a reference page is
/// opened, to keep the first load small; native builds embed it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusDetails {
    pub code: u16,
    pub meaning: Text,
    pub use_when: List<Text>,
    pub avoid_when: List<Text>,
    pub confusions: List<Confusion>,
    pub myths: List<Myth>,
    /// `registry_note` of the entry.
    pub registry_note: Option<Text>,
    /// The `note` of each of the entry's `headers`, in the same order.
    pub header_notes: List<Text>,
}

impl StatusDetails {
    pub fn of(entry: &StatusEntry) -> StatusDetails {
        StatusDetails {
            code: entry.code,
            meaning: entry.meaning.clone(),
            use_when: entry.use_when.clone(),
            avoid_when: entry.avoid_when.clone(),
            confusions: entry.confusions.clone(),
            myths: entry.myths.clone(),
            registry_note: entry.registry_note.clone(),
            header_notes: entry.headers.iter().map(|h| h.note.clone()).collect::<Vec<_>>().into(),
        }
    }
}

/// One of the five classes (1xx … 5xx), RFC 9110 §15.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassEntry {
    /// The first digit, 1 to 5.
    pub digit: u8,
    pub name: Text,
    pub summary: Text,
    pub meaning: Text,
    /// What a client does with an unrecognised code of this class.
    pub unknown_code_handling: Text,
    pub spec: SpecRef,
}

/// Everything in the registry data files, as `build.rs` hands it to the library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegistryData {
    /// When the IANA registry was last compared with this file.
    pub iana_snapshot: Text,
    pub classes: List<ClassEntry>,
    pub codes: List<StatusEntry>,
}

/// The raw TOML layout of `data/status-codes.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CodesFile {
    pub iana_snapshot: Text,
    pub code: List<StatusEntry>,
}

/// The raw TOML layout of `data/classes.toml`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClassesFile {
    pub class: List<ClassEntry>,
}
