//! All of the playground's state and the only way to change it: plain Rust,
//! no browser or Yew types, so `cargo test` runs the reducers natively. The
//! Yew shell wraps [`AppState`] in a reducer context (`ui::context`) and
//! performs side effects (storage, the engine worker) in effects, never here.
//!
//! The reducer is split by concern: navigation and search (this file), the
//! composer's edits (`composer.rs`) and what the engine reports (`engine.rs`).

mod composer;
mod engine;
mod exercises;

pub use composer::{ComposerAction, ComposerState, FixTarget, LinkNote, Side};
pub use engine::{EngineAction, EntriesView, LoadState};
pub use exercises::{ExerciseAction, ExerciseState, Progress};

use crate::core::route::{EmbedTarget, Route};

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
    /// The text in the search box, while the results are on screen.
    pub query: String,
    /// The search a code page was opened from, for its "Results for …"
    /// link; `None` when the page was reached another way.
    pub back_query: Option<String>,
    /// The page a search was started from, while its results show: Esc
    /// closes the search and returns there.
    pub search_from: Option<Route>,
    pub theme: Theme,
    pub composer: ComposerState,
    pub exercises: ExerciseState,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The fragment changed (link, Back button, typed address).
    Navigate(Route),
    /// The user typed in the search box.
    Search(String),
    /// Esc in the search box: empty it, stay on the page.
    ClearSearch,
    ToggleTheme,
    Composer(ComposerAction),
    Engine(EngineAction),
    Exercise(ExerciseAction),
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
        // A shared link opens in the composer; the address then names the
        // composer, so a reload keeps the user's edits, not the link's state.
        let route = match route {
            Route::Shared(payload) => {
                composer.expect_link(payload);
                Route::Composer { preset: None }
            }
            Route::Embed { target: EmbedTarget::Exchange(payload), options } => {
                composer.expect_link(payload.clone());
                Route::Embed { target: EmbedTarget::Exchange(payload), options }
            }
            other => other,
        };
        AppState {
            route,
            query,
            theme,
            composer,
            back_query: None,
            search_from: None,
            exercises: ExerciseState::default(),
        }
    }

    /// Search results (not the unfiltered list) are on screen.
    pub fn showing_results(&self) -> bool {
        matches!(&self.route, Route::Reference { query } if !query.is_empty())
    }

    /// Applies one action.
    pub fn reduce(&mut self, action: Action) {
        match action {
            Action::Navigate(Route::Shared(payload)) => {
                self.composer.expect_link(payload);
                self.reduce(Action::Navigate(Route::Composer { preset: None }));
            }
            Action::Navigate(route) => {
                self.back_query = match (&self.route, &route) {
                    (Route::Reference { query }, Route::Code(_)) if !query.trim().is_empty() => {
                        Some(query.clone())
                    }
                    // From one code page to a related one: still the same search.
                    (Route::Code(_), Route::Code(_)) => self.back_query.take(),
                    _ => None,
                };
                if !matches!(route, Route::Reference { .. }) {
                    self.search_from = None;
                }
                // The header's box shows a search only while its results do.
                self.query = match &route {
                    Route::Reference { query } => query.clone(),
                    _ => String::new(),
                };
                if let Route::Composer { preset: Some(id) } = &route {
                    if self.composer.preset.as_deref() != Some(id) {
                        self.composer.reduce(ComposerAction::LoadPreset(id.clone()));
                    }
                }
                self.route = route;
            }
            Action::Search(query) => {
                if !self.showing_results() {
                    self.search_from = Some(self.route.clone());
                }
                self.route = Route::Reference { query: query.clone() };
                self.query = query;
            }
            Action::ClearSearch => {
                self.query.clear();
                if self.showing_results() {
                    self.route = self
                        .search_from
                        .take()
                        .unwrap_or(Route::Reference { query: String::new() });
                }
            }
            Action::ToggleTheme => self.theme = self.theme.toggled(),
            Action::Composer(action) => self.composer.reduce(action),
            Action::Engine(EngineAction::Reply(reply)) if self.exercises.apply_reply(&reply) => {}
            Action::Engine(action) => self.composer.apply_engine(action),
            Action::Exercise(action) => self.exercises.reduce(action),
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
    fn a_shared_link_waits_for_the_engine_and_a_broken_one_gives_way_to_saved_work() {
        let mut state = AppState::new(Route::Shared("1.abc".into()), Theme::Light);
        assert_eq!(state.route, Route::Composer { preset: None });
        assert_eq!(state.composer.pending_link.as_deref(), Some("1.abc"));
        assert!(!state.composer.settled(), "nothing is shown or saved before the link is read");
        state.reduce(Action::Composer(ComposerAction::LinkRequested));
        let failed = Reply::LinkFailed { message: "damaged".into() };
        state.reduce(Action::Engine(EngineAction::Reply(failed)));
        assert_eq!(state.composer.link_failures, 1);
        assert!(matches!(state.composer.link_note, Some(LinkNote::Failed(_))));

        let mut state = AppState::new(Route::Shared("1.abc".into()), Theme::Light);
        let exchange = crate::core::presets::find("rate-limited-429").expect("preset").load();
        let shared = crate::core::share::SharedState {
            exchange: String::new(),
            profile: crate::core::lint::Profile::Zalando,
            backoff: None,
            schema: None,
            cache_moment_s: 60,
            analysed_at: Some(crate::core::time::UnixTime(5)),
        };
        let opened = Reply::LinkOpened {
            state: Box::new(shared),
            exchange: Box::new(exchange),
            held: crate::engine::protocol::Held::default(),
        };
        state.reduce(Action::Engine(EngineAction::Reply(opened)));
        assert!(state.composer.settled());
        assert_eq!(state.composer.exchange.response.status, 429);
        assert_eq!(state.composer.profile, crate::core::lint::Profile::Zalando);
        assert_eq!(
            (state.composer.cache_moment_s, state.composer.pinned_now.map(|t| t.0)),
            (60, Some(5))
        );
        assert_eq!(state.composer.shared_state().cache_moment_s, 60);
    }

    #[test]
    fn a_code_page_links_back_to_the_search_it_came_from_only() {
        let mut state = AppState::new(Route::Code(404), Theme::Dark);
        assert_eq!(state.back_query, None);
        state.reduce(Action::Search("rate limit".into()));
        state.reduce(Action::Navigate(Route::Code(429)));
        assert_eq!(state.back_query.as_deref(), Some("rate limit"));
        assert_eq!(state.query, "", "the box does not keep the query on a code page");
        state.reduce(Action::Navigate(Route::Code(503)));
        assert_eq!(state.back_query.as_deref(), Some("rate limit"), "a related code, same search");
        state.reduce(Action::Navigate(Route::Composer { preset: None }));
        state.reduce(Action::Navigate(Route::Code(404)));
        assert_eq!(state.back_query, None, "reached another way");
        state.reduce(Action::ToggleTheme);
        assert_eq!(state.theme, Theme::Light);
    }

    #[test]
    fn escape_closes_the_search_and_returns_where_it_started() {
        let composer = Route::Composer { preset: None };
        let mut state = AppState::new(composer.clone(), Theme::Light);
        state.reduce(Action::Search("ga".into()));
        state.reduce(Action::Search("gat".into()));
        assert_eq!(state.search_from.as_ref(), Some(&composer));
        state.reduce(Action::ClearSearch);
        assert_eq!((state.query.as_str(), &state.route), ("", &composer));
        // Results opened from a link: Esc shows the whole list.
        let mut state = AppState::new(Route::Reference { query: "login".into() }, Theme::Light);
        state.reduce(Action::ClearSearch);
        assert_eq!(state.route, Route::Reference { query: String::new() });
    }
}
