//! The Yew playground: a thin shell that renders [`state::AppState`] and
//! dispatches [`state::Action`]s. Everything it shows comes from
//! [`crate::core`]; this module only talks to the browser.

mod app;
mod browser;
pub mod components;
mod details;
mod har_loader;
mod hooks;
pub mod state;

pub use app::App;

/// Mounts the playground on `<div id="app">` (or the body if it is missing).
pub fn start() {
    let root = browser::document().and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(element) => yew::Renderer::<App>::with_root(element).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
