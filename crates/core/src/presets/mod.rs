//! Preset exchanges for the composer, from `data/presets.toml`.

pub mod model;

use crate::exchange::{parse_input, Exchange};
// `model.rs` (also compiled into build.rs) reaches this as `super::Text`.
use crate::registry::model::Text;
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
    /// The preset's exchange; presets are checked by a test to parse.
    pub fn load(&self) -> Exchange {
        parse_input(&self.exchange)
            .ok()
            .and_then(|p| p.exchanges.into_iter().next())
            .unwrap_or_default()
    }
}
