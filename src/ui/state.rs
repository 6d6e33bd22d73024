//! All of the playground's state and the only way to change it.
//!
//! Persistence and other side effects happen in `use_effect_with` in the
//! components, never in `reduce`.

use std::rc::Rc;

use yew::Reducible;

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
}

impl AppState {
    pub fn new(route: Route, theme: Theme) -> AppState {
        let query = match &route {
            Route::Reference { query } => query.clone(),
            _ => String::new(),
        };
        AppState { route, query, theme }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// The fragment changed (link, Back button, typed address).
    Navigate(Route),
    /// The user typed in the search box.
    Search(String),
    ToggleTheme,
}

impl Reducible for AppState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Navigate(route) => {
                if let Route::Reference { query } = &route {
                    next.query = query.clone();
                }
                next.route = route;
            }
            Action::Search(query) => {
                next.route = Route::Reference { query: query.clone() };
                next.query = query;
            }
            Action::ToggleTheme => next.theme = next.theme.toggled(),
        }
        if next == *self {
            self
        } else {
            Rc::new(next)
        }
    }
}
