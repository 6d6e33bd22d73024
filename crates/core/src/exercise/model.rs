//! The exercise pack file format (documented in `docs/exercises.md`).
//!
//! Every table denies unknown fields, so a misspelt key is reported by name
//! and line instead of being silently ignored.

use serde::{Deserialize, Serialize};

use crate::lint::Severity;

/// The format version this build reads and writes.
pub const PACK_FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub format: u32,
    pub pack: PackInfo,
    #[serde(rename = "exercise")]
    pub exercises: Vec<Exercise>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PackInfo {
    pub id: String,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Beginner,
    Intermediate,
    Advanced,
}

impl Level {
    pub fn label(self) -> &'static str {
        match self {
            Level::Beginner => "Beginner",
            Level::Intermediate => "Intermediate",
            Level::Advanced => "Advanced",
        }
    }
}

/// A section of a specification, as exercise files write it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub doc: String,
    #[serde(default)]
    pub section: String,
    pub url: String,
}

impl Source {
    pub fn label(&self) -> String {
        if self.section.is_empty() {
            self.doc.clone()
        } else {
            format!("{} §{}", self.doc, self.section)
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Exercise {
    pub id: String,
    pub title: String,
    pub level: Level,
    #[serde(default)]
    pub topics: Vec<String>,
    pub scenario: String,
    /// The fixed request, raw HTTP.
    pub request: String,
    /// The response the learner starts from.
    #[serde(default)]
    pub starter: Option<String>,
    pub hints: Vec<String>,
    pub explanation: String,
    pub spec: Source,
    /// A model answer (the response only) that passes every check.
    pub reference: String,
    pub expect: Expect,
}

/// What a passing answer must satisfy.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    pub status: Vec<u16>,
    #[serde(default)]
    pub require_headers: Vec<String>,
    #[serde(default)]
    pub forbid_headers: Vec<String>,
    /// The worst lint finding allowed; `warning` (no errors) by default.
    #[serde(default = "default_max_severity")]
    pub max_severity: Severity,
    #[serde(default)]
    pub problem_details: bool,
    #[serde(default, rename = "field")]
    pub fields: Vec<FieldExpect>,
    #[serde(default)]
    pub cache: Option<CacheExpect>,
    #[serde(default)]
    pub retry: Option<RetryExpect>,
}

fn default_max_severity() -> Severity {
    Severity::Warning
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldExpect {
    pub name: String,
    pub contains: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CacheScope {
    #[default]
    Shared,
    Private,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CacheExpect {
    pub storable: bool,
    #[serde(default)]
    pub min_lifetime_s: Option<i64>,
    #[serde(default)]
    pub max_lifetime_s: Option<i64>,
    #[serde(default)]
    pub scope: CacheScope,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryExpect {
    pub should_retry: bool,
    #[serde(default)]
    pub min_after_s: Option<u64>,
    #[serde(default)]
    pub max_after_s: Option<u64>,
}
