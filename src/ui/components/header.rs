use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::registry::{parse_code, Registry};
use crate::core::route::Route;
use crate::state::Theme;

#[derive(Properties, PartialEq)]
pub struct SiteHeaderProps {
    pub query: String,
    pub theme: Theme,
    /// The current page, to mark the active tab.
    pub route: Route,
    pub onsearch: Callback<String>,
    /// Esc in the search box: empty it and stay on the page.
    pub onclearsearch: Callback<()>,
    /// Enter in the search box: open this code's page.
    pub onopen: Callback<u16>,
    pub ontoggletheme: Callback<()>,
}

#[component]
pub fn SiteHeader(props: &SiteHeaderProps) -> Html {
    let oninput = {
        let onsearch = props.onsearch.clone();
        Callback::from(move |e: InputEvent| {
            onsearch.emit(e.target_unchecked_into::<HtmlInputElement>().value());
        })
    };
    let onkeydown = {
        let onopen = props.onopen.clone();
        let onclear = props.onclearsearch.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                // The browser would clear a search field and fire an input
                // event, which reads as "search for nothing" (the home list).
                e.prevent_default();
                let input = e.target_unchecked_into::<HtmlInputElement>();
                input.set_value("");
                let _ = input.blur();
                onclear.emit(());
                return;
            }
            if e.key() != "Enter" {
                return;
            }
            let query = e.target_unchecked_into::<HtmlInputElement>().value();
            // A typed number opens that code even when it has no entry of its
            // own (e.g. 299, explained by its class); otherwise the best hit.
            let target = parse_code(&query)
                .ok()
                .or_else(|| Registry::global().search(&query).first().map(|hit| hit.entry.code));
            if let Some(code) = target {
                e.prevent_default();
                onopen.emit(code);
            }
        })
    };
    let (toggle_label, toggle_icon) = match props.theme {
        Theme::Light => ("Switch to dark theme", "☾"),
        Theme::Dark => ("Switch to light theme", "☀"),
    };
    let ontoggle = {
        let ontoggletheme = props.ontoggletheme.clone();
        Callback::from(move |_: MouseEvent| ontoggletheme.emit(()))
    };
    html! {
        <header class="site-header">
            <a class="brand" href="#/" aria-label="Status Lab: all status codes">
                <span class="brand-mark" aria-hidden="true">{ "◆" }</span>
                <span class="brand-name">{ "Status Lab" }</span>
            </a>
            <nav class="tabs" aria-label="Sections">
                <a href="#/" aria-current={matches!(props.route, Route::Reference { .. } | Route::Code(_)).then_some("page")}>{ "Reference" }</a>
                <a href="#/compose" aria-current={matches!(props.route, Route::Composer { .. }).then_some("page")}>{ "Composer" }</a>
                <a href="#/guide" aria-current={matches!(props.route, Route::Guide(_)).then_some("page")}>{ "Which code?" }</a>
                <a href="#/exercises" aria-current={matches!(props.route, Route::Exercises(_)).then_some("page")}>{ "Exercises" }</a>
            </nav>
            <div class="search" role="search">
                <label for="search" class="visually-hidden">{ "Search status codes" }</label>
                <input
                    id="search"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Search: 429, “rate limit”, moved, login…  ( / )"
                    value={props.query.clone()}
                    {oninput}
                    {onkeydown}
                />
            </div>
            <button
                type="button"
                class="theme-toggle"
                aria-label={toggle_label}
                title={toggle_label}
                onclick={ontoggle}
            >
                <span aria-hidden="true">{ toggle_icon }</span>
            </button>
        </header>
    }
}
