//! All of the playground's state and the only way to change it: plain Rust,
//! no browser or Yew types, so `cargo test` runs the reducers natively. The
//! Yew shell wraps [`AppState`] in a reducer context (`ui::context`) and
//! performs side effects (storage, the engine worker) in effects, never here.
//!
//! The reducer is split by concern: navigation and search (this file), the
//! composer's edits (`composer.rs`) and what the engine reports (`engine.rs`).

mod composer;
mod engine;

pub use composer::{ComposerAction, ComposerState, Side};
pub use engine::{EngineAction, EntriesView, LoadState};

use crate::core::route::Route;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Light,
    Dark,
}

impl Theme {
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AppState {
    pub route: Route,
    /// The text in the search box. It survives visits to code pages, so
    /// "Back to results" returns to the same list.
    pub query: String,
    pub theme: Theme,
    pub composer: ComposerState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The fragment changed (link, Back button, typed address).
    Navigate(Route),
    /// The user typed in the search box.
    Search(String),
    ToggleTheme,
    Composer(ComposerAction),
    Engine(EngineAction),
}

impl AppState {
    pub fn new(route: Route, theme: Theme) -> AppState {
        let query = match &route {
            Route::Reference { query } => query.clone(),
            _ => String::new(),
        };
        let mut composer = ComposerState::default();
        if let Route::Composer { preset: Some(id) } = &route {
            composer.reduce(ComposerAction::LoadPreset(id.clone()));
        }
        AppState { route, query, theme, composer }
    }

    /// Applies one action.
    pub fn reduce(&mut self, action: Action) {
        match action {
            Action::Navigate(route) => {
                if let Route::Reference { query } = &route {
                    self.query = query.clone();
                }
                if let Route::Composer { preset: Some(id) } = &route {
                    if self.composer.preset.as_deref() != Some(id) {
                        self.composer.reduce(ComposerAction::LoadPreset(id.clone()));
                    }
                }
                self.route = route;
            }
            Action::Search(query) => {
                self.route = Route::Reference { query: query.clone() };
                self.query = query;
            }
            Action::ToggleTheme => self.theme = self.theme.toggled(),
            Action::Composer(action) => self.composer.reduce(action),
            Action::Engine(action) => self.composer.apply_engine(action),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::protocol::Reply;

    /// What the engine answers to `Job::LoadPreset`.
    fn engine_sends_preset(state: &mut AppState, id: &str) {
        let exchange = crate::core::presets::find(id).expect("preset exists").load();
        let reply = Reply::Preset { id: id.into(), exchange: Box::new(exchange) };
        state.reduce(Action::Engine(EngineAction::Reply(reply)));
    }

    #[test]
    fn a_preset_route_loads_the_preset_once() {
        let mut state = AppState::new(Route::Reference { query: String::new() }, Theme::Light);
        state.reduce(Action::Navigate(Route::Composer { preset: Some("rate-limited-429".into()) }));
        assert_eq!(state.composer.preset.as_deref(), Some("rate-limited-429"));
        assert!(!state.composer.settled(), "the preset's exchange is on its way");
        engine_sends_preset(&mut state, "rate-limited-429");
        assert!(state.composer.settled());
        assert_eq!(state.composer.exchange.response.status, 429);
        // The user edits; navigating to the same preset does not reload it.
        state.reduce(Action::Composer(ComposerAction::SetStatus("503".into())));
        state.reduce(Action::Navigate(Route::Composer { preset: Some("rate-limited-429".into()) }));
        assert_eq!(state.composer.exchange.response.status, 503);
    }

    #[test]
    fn a_late_preset_does_not_replace_a_restored_exchange() {
        let mut state = AppState::new(Route::Composer { preset: None }, Theme::Light);
        // The default preset was asked for, then the saved exchange.
        state.reduce(Action::Composer(ComposerAction::RestoreRequested));
        let first = crate::core::presets::all()[0].id.to_string();
        engine_sends_preset(&mut state, &first);
        assert_eq!(state.composer.preset, None);
        assert!(!state.composer.settled(), "still waiting for the saved exchange");
    }

    #[test]
    fn searching_keeps_the_query_for_the_way_back() {
        let mut state = AppState::new(Route::Code(404), Theme::Dark);
        state.reduce(Action::Search("rate limit".into()));
        state.reduce(Action::Navigate(Route::Code(429)));
        assert_eq!(state.query, "rate limit");
        state.reduce(Action::ToggleTheme);
        assert_eq!(state.theme, Theme::Light);
    }
}
