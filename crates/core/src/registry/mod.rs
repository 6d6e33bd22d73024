//! The HTTP status code registry: every IANA-registered code, widely seen
//! unofficial ones, and the five classes that explain everything else.
//!
//! The data lives in `data/status-codes.toml` and `data/classes.toml`;
//! `build.rs` checks it and compiles it into `static`s, together with a
//! precomputed search index, so [`Registry::global`] costs nothing at start-up.
//!
//! # What is *not* here
//! No opinion about a concrete exchange: that is the job of the lint, cache
//! and retry modules, which read this table.

pub mod model;
mod search;
mod text;
pub mod validate;

use std::fmt;

pub use model::{
    Citation, ClassEntry, Confusion, HeaderAdvice, Myth, Registration, RegistryData, Requirement,
    SpecRef, StatusDetails, StatusEntry,
};
pub use search::{MatchKind, SearchHit};

/// The statics `build.rs` generates from the data files.
mod generated {
    use std::borrow::Cow;

    use super::model::*;
    use super::search::SearchDoc;

    include!(concat!(env!("OUT_DIR"), "/registry_data.rs"));
}

/// The registry with a search index over it.
#[derive(Debug)]
pub struct Registry {
    data: &'static RegistryData,
    index: search::Index,
}

static REGISTRY: Registry =
    Registry { data: &generated::DATA, index: search::Index { docs: generated::SEARCH_DOCS } };

/// The answer to "what is status code N?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// The code has an entry of its own (registered or unofficial).
    Known(&'a StatusEntry),
    /// A code in 100–599 with no entry: RFC 9110 §15 says a client treats it
    /// as the x00 code of its class.
    UnknownInClass { code: u16, class: &'a ClassEntry },
}

/// Why a piece of text is not a status code we can explain.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CodeError {
    /// Nothing was given.
    Empty,
    /// Not a number at all, e.g. "abc" or "4o4".
    NotANumber(String),
    /// A number outside 100–599: HTTP defines no class for it (RFC 9110 §15).
    OutOfRange(String),
}

impl fmt::Display for CodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CodeError::Empty => {
                write!(f, "expected a status code (a number from 100 to 599), got nothing")
            }
            CodeError::NotANumber(text) => {
                write!(f, "expected a status code (a number from 100 to 599), got {text:?}")
            }
            CodeError::OutOfRange(text) => write!(
                f,
                "{text} is not an HTTP status code: RFC 9110 §15 defines codes from 100 to 599 only"
            ),
        }
    }
}

impl std::error::Error for CodeError {}

/// Parses user input such as " 429 " into a status code in 100–599.
pub fn parse_code(text: &str) -> Result<u16, CodeError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(CodeError::Empty);
    }
    if !trimmed.bytes().all(|b| b.is_ascii_digit()) {
        return Err(CodeError::NotANumber(trimmed.to_string()));
    }
    match trimmed.parse::<u16>() {
        Ok(code) if (100..=599).contains(&code) => Ok(code),
        _ => Err(CodeError::OutOfRange(trimmed.to_string())),
    }
}

impl Registry {
    /// The registry compiled into this binary.
    pub fn global() -> &'static Registry {
        &REGISTRY
    }

    /// The raw data, e.g. to check it with [`validate::problems`].
    pub fn data(&self) -> &'static RegistryData {
        self.data
    }

    /// All entries, ordered by code.
    pub fn entries(&self) -> &[StatusEntry] {
        &self.data.codes
    }

    pub fn classes(&self) -> &[ClassEntry] {
        &self.data.classes
    }

    /// The date the data was last compared with the IANA registry.
    pub fn iana_snapshot(&self) -> &str {
        &self.data.iana_snapshot
    }

    pub fn entry(&self, code: u16) -> Option<&StatusEntry> {
        self.data.codes.binary_search_by_key(&code, |e| e.code).ok().map(|i| &self.data.codes[i])
    }

    /// The class of a code in 100–599.
    pub fn class_of(&self, code: u16) -> Option<&ClassEntry> {
        if !(100..=599).contains(&code) {
            return None;
        }
        let digit = u8::try_from(code / 100).ok()?;
        self.data.classes.iter().find(|c| c.digit == digit)
    }

    /// Explains any code; codes outside 100–599 are an error, not a panic.
    pub fn lookup(&self, code: u16) -> Result<Lookup<'_>, CodeError> {
        if let Some(entry) = self.entry(code) {
            return Ok(Lookup::Known(entry));
        }
        match self.class_of(code) {
            Some(class) => Ok(Lookup::UnknownInClass { code, class }),
            None => Err(CodeError::OutOfRange(code.to_string())),
        }
    }

    /// The prose and depth of each entry as the JSON documents the browser
    /// build fetches, one per code (`www/details/429.json`): a page loads and
    /// parses only its own. Framework snippets, the bulk of a page's depth
    /// and shown collapsed, go to a file of their own (`429.snippets.json`),
    /// fetched when the reader opens them. A test keeps the files current.
    #[cfg(not(target_arch = "wasm32"))]
    pub fn details_files(&self) -> Vec<(String, String)> {
        let mut files = Vec::new();
        for e in self.entries() {
            let mut depth = crate::depth::of(e.code);
            let snippets = std::mem::take(&mut depth.snippets);
            depth.snippets_elsewhere = snippets.len();
            let file = crate::depth::DetailsFile { details: StatusDetails::of(e), depth };
            let mut json = serde_json::to_string(&file).unwrap_or_default();
            json.push('\n');
            files.push((format!("{}.json", e.code), json));
            if !snippets.is_empty() {
                let mut json = serde_json::to_string(&snippets).unwrap_or_default();
                json.push('\n');
                files.push((format!("{}.snippets.json", e.code), json));
            }
        }
        files
    }

    /// Parses and explains user input in one step.
    pub fn lookup_text(&self, text: &str) -> Result<Lookup<'_>, CodeError> {
        self.lookup(parse_code(text)?)
    }

    /// Entries matching `query` (a number, a name or words), best first.
    /// An empty query matches nothing; callers show the full list instead.
    pub fn search(&self, query: &str) -> Vec<SearchHit<'_>> {
        self.index.search(self.data, query)
    }
}

impl<'a> Lookup<'a> {
    pub fn code(&self) -> u16 {
        match self {
            Lookup::Known(entry) => entry.code,
            Lookup::UnknownInClass { code, .. } => *code,
        }
    }
}
