//! The Yew playground: a thin shell that renders [`crate::state::AppState`]
//! and the engine's analysis, and dispatches [`crate::state::Action`]s.
//! Everything it shows comes from [`crate::core`] or the engine worker; this
//! module only talks to the browser.

mod app;
mod browser;
pub mod components;
#[cfg(feature = "composer")]
mod composer_host;
pub mod context;
mod details;
#[cfg(feature = "composer")]
pub mod engine_client;
mod hooks;
pub mod panic;
mod shortcut;
#[cfg(feature = "composer")]
pub mod validator_client;

pub use app::App;

/// Mounts the playground on `<div id="app">` (or the body if it is missing).
pub fn start() {
    panic::install();
    shortcut::install_shortcut_focus("/", "search");
    #[cfg(feature = "composer")]
    if composer_shell_on_screen() {
        // The page already shows its first lines, so the first render gets a
        // task of its own: compiling and starting the wasm is a long task
        // already, and joined with the render it kept the page from taking
        // input for twice as long (Lighthouse's blocking time). Elsewhere the
        // render is the first paint, and waits for nothing.
        gloo_timers::callback::Timeout::new(0, mount).forget();
        return;
    }
    mount();
}

/// Whether compose.html's shell (www/composer-shell.html) is showing.
#[cfg(feature = "composer")]
fn composer_shell_on_screen() -> bool {
    browser::document()
        .and_then(|d| d.query_selector(".app-shell:not([hidden])").ok().flatten())
        .is_some()
}

fn mount() {
    let root = browser::document().and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(element) => yew::Renderer::<App>::with_root(element).render(),
        None => yew::Renderer::<App>::new().render(),
    };
}
