//! The shape of `data/presets.toml`; compiled into `build.rs` as well (see
//! `registry/model.rs`). `Text` comes from the parent module in both.

use serde::Deserialize;

use super::{List, Text};

/// A ready-made exchange from the scenarios the product grew from.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preset {
    pub id: Text,
    pub title: Text,
    pub group: Text,
    pub description: Text,
    /// The exchange as raw HTTP: exactly what the composer loads and shows.
    pub exchange: Text,
    /// For an anti-pattern, the rule ids it must trigger, exactly (tested).
    #[serde(default)]
    pub triggers: List<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PresetsFile {
    pub preset: Vec<Preset>,
}
