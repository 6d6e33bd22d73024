//! The shape of `data/lint-rules.toml`. Compiled into `build.rs` as well as
//! the library (see `registry/model.rs` for why); `SpecRef`, `Text` and
//! `Cow` come from the parent module in both.

use serde::{Deserialize, Serialize};

use super::{SpecRef, Text};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// How the API style-guide profile departs from the RFC default.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileNote {
    #[serde(default)]
    pub severity: Option<Severity>,
    pub note: Text,
}

/// The reviewable text of one lint rule; the check itself is Rust
/// (`rules/`), matched by `id`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuleText {
    pub id: Text,
    pub severity: Severity,
    pub title: Text,
    pub why: Text,
    pub fix: Text,
    pub spec: SpecRef,
    #[serde(default)]
    pub zalando: Option<ProfileNote>,
}

/// One `[[rule]]` of the data file, with its test vectors (kept out of the
/// binary; the tests read them from the TOML). Unknown keys cannot be
/// rejected here: serde does not support `deny_unknown_fields` with `flatten`.
#[derive(Debug, Deserialize)]
pub struct RuleEntry {
    #[serde(flatten)]
    pub text: RuleText,
    pub fail: String,
    pub pass: String,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesFile {
    #[serde(default)]
    pub rule: Vec<RuleEntry>,
}
