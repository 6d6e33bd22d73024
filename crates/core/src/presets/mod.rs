//! Preset exchanges for the composer, from `data/presets.toml`.

pub mod model;

use crate::exchange::{parse_http_text, Exchange};
// `model.rs` (also compiled into build.rs) reaches this as `super::Text`.
use crate::registry::model::{List, Text};
pub use model::Preset;

mod generated {
    use std::borrow::Cow;

    use super::model::Preset;

    include!(concat!(env!("OUT_DIR"), "/presets.rs"));
}

pub fn all() -> &'static [Preset] {
    generated::PRESETS
}

pub fn find(id: &str) -> Option<&'static Preset> {
    all().iter().find(|p| p.id == id)
}

impl Preset {
    /// The preset's exchange as raw HTTP (kept apart from the list, see
    /// `build.rs`).
    pub fn exchange_text(&self) -> &'static str {
        let index = all().iter().position(|p| p.id == self.id);
        index.and_then(|i| generated::PRESET_EXCHANGES.get(i)).copied().unwrap_or_default()
    }

    /// The preset's exchange; presets are checked by a test to parse.
    pub fn load(&self) -> Exchange {
        parse_http_text(self.exchange_text())
            .ok()
            .and_then(|p| p.exchanges.into_iter().next())
            .unwrap_or_default()
    }
}
