#![cfg_attr(target_arch = "wasm32", allow(dead_code))]
//! (The file shapes are read by native builds only; the browser gets
//! [`CodeDepth`] inside each details file.)
//!
//! The shapes of the reference-depth data files, and of what one code's
//! page gets from them ([`CodeDepth`]).

use serde::{Deserialize, Serialize};

/// A document or page behind a statement.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub label: String,
    pub url: String,
}

// ---- data/code-names.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct NamesFile {
    pub ecosystem: Vec<Ecosystem>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Ecosystem {
    pub id: String,
    pub label: String,
    pub version: String,
    pub source: String,
    pub verified_by: String,
    #[serde(default)]
    pub note: Option<String>,
    pub name: Vec<EcosystemName>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EcosystemName {
    pub code: u16,
    #[serde(default)]
    pub constant: Option<String>,
    #[serde(default)]
    pub phrase: Option<String>,
    #[serde(default)]
    pub outdated: Option<String>,
}

/// How one language or framework names a code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LanguageName {
    /// "python", "go", …
    pub ecosystem: String,
    /// "Python http.HTTPStatus"
    pub label: String,
    /// What a programmer types, when the ecosystem has constants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub constant: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
    /// Why this name is an old one (or means something else).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outdated: Option<String>,
    /// The version the name was read from, and the file.
    pub version: String,
    pub source: String,
    /// "oracle": a test reads it from the language on the build machine;
    /// "source": read from the source file above.
    pub verified_by: String,
    /// About the ecosystem as a whole ("Laravel's Response extends this").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

// ---- data/code-history.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HistoryFile {
    pub code: Vec<HistoryCode>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct HistoryCode {
    pub code: u16,
    pub event: Vec<HistoryEvent>,
}

/// One step in a code's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HistoryEvent {
    /// "1997-01", "2023-06-01" or "2009".
    pub date: String,
    pub doc: String,
    pub url: String,
    /// introduced, renamed, redefined, clarified, registered, reserved,
    /// obsoleted, deprecated or retired.
    pub change: String,
    /// The code's name in that document.
    pub name: String,
    pub note: String,
}

// ---- data/vendor-evidence.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EvidenceFile {
    pub code: Vec<EvidenceCode>,
    pub shared: Vec<SharedNumber>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct EvidenceCode {
    pub code: u16,
    pub evidence: String,
    pub vendor: String,
    pub finding: String,
    #[serde(default)]
    pub historical: Option<Historical>,
    pub source: Vec<Source>,
}

/// How sure we are that a vendor really sends an unofficial code.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evidence {
    /// "verified" (the vendor's own docs or source say it), "secondary"
    /// (only third-party lists) or "doubtful".
    pub level: String,
    pub vendor: String,
    pub finding: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub historical: Option<Historical>,
    pub sources: Vec<Source>,
}

/// A retired product or behaviour.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Historical {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub deprecated: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retired: Option<String>,
    pub note: String,
}

/// A number that means different things to different parties.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SharedNumber {
    pub code: u16,
    pub summary: String,
    #[serde(rename = "meaning")]
    pub meanings: Vec<Meaning>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Meaning {
    pub who: String,
    pub name: String,
    pub meaning: String,
    pub source: Source,
}

// ---- data/client-behaviour.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ClientsFile {
    pub topic: Vec<ClientTopic>,
}

/// What real clients do with some codes, where it differs from what the
/// name suggests.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientTopic {
    pub id: String,
    pub codes: Vec<u16>,
    pub title: String,
    pub summary: String,
    #[serde(rename = "fact")]
    pub facts: Vec<ClientFact>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientFact {
    pub client: String,
    pub behaviour: String,
    pub source: Source,
}

// ---- data/snippets.toml

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SnippetsFile {
    pub snippet: Vec<Snippet>,
}

/// A framework sending a code with its fields right.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Snippet {
    pub code: u16,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub topic: Option<String>,
    /// express, fastapi, spring, aspnetcore, axum, go or rails.
    pub framework: String,
    pub title: String,
    pub source: String,
    /// The request the snippet handles and the exact response it sends
    /// (linted by a test).
    pub exchange: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl Snippet {
    /// "Express", "ASP.NET Core", …
    pub fn framework_label(&self) -> &str {
        match self.framework.as_str() {
            "express" => "Express",
            "fastapi" => "FastAPI",
            "spring" => "Spring",
            "aspnetcore" => "ASP.NET Core",
            "axum" => "axum",
            "go" => "Go net/http",
            "rails" => "Rails",
            other => other,
        }
    }
}

/// Everything the reference knows about one code beyond its registry entry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CodeDepth {
    /// Its name in each language or framework that has one.
    pub names: Vec<LanguageName>,
    /// Languages and frameworks (labels) that have no name for this
    /// registered code.
    pub lacking: Vec<String>,
    pub snippets: Vec<Snippet>,
    /// In the browser's details file: how many snippets wait in the code's
    /// own snippets file (`details/<code>.snippets.json`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub snippets_elsewhere: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shared: Option<SharedNumber>,
    pub clients: Vec<ClientTopic>,
    pub history: Vec<HistoryEvent>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl CodeDepth {
    pub fn is_empty(&self) -> bool {
        *self == CodeDepth::default()
    }
}
