//! The one place the app state lives: a Yew reducer over [`AppState`]
//! provided as a context, with hooks to read it and to reach the engine.

use std::{ops::Deref, rc::Rc};

use yew::prelude::*;

use crate::core::route::Route;
use crate::state::{Action, AppState, Theme};
#[cfg(feature = "composer")]
use crate::ui::engine_client::Engine;

/// [`AppState`] as a Yew reducer: the logic stays in plain Rust
/// (`crate::state`, tested natively); this only adapts it.
#[derive(Debug, Clone, PartialEq)]
pub struct AppReducer(pub AppState);

impl AppReducer {
    pub fn new(route: Route, theme: Theme) -> AppReducer {
        AppReducer(AppState::new(route, theme))
    }
}

impl Deref for AppReducer {
    type Target = AppState;

    fn deref(&self) -> &AppState {
        &self.0
    }
}

impl Reducible for AppReducer {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = self.0.clone();
        next.reduce(action);
        if next == self.0 {
            self
        } else {
            Rc::new(AppReducer(next))
        }
    }
}

pub type AppContext = UseReducerHandle<AppReducer>;

/// The app state and its dispatcher, from any component under `App`.
#[hook]
pub fn use_app() -> Option<AppContext> {
    use_context::<AppContext>()
}

/// The engine worker's handle, from any component under `App`.
#[cfg(feature = "composer")]
#[hook]
pub fn use_engine() -> Option<Engine> {
    use_context::<Engine>()
}
