use yew::prelude::*;

use crate::core::{
    registry::Registry,
    route::{EmbedTheme, Route},
};
use crate::state::{Action, Theme};
#[cfg(feature = "composer")]
use crate::ui::engine_client::Engine;
use crate::ui::{
    browser,
    components::{CodePage, Embed, MessagePage, ReferenceList, SiteFooter, SiteHeader},
    context::AppReducer,
    hooks::use_hash_route,
};

const THEME_KEY: &str = "statuslab.theme";

fn initial_theme() -> Theme {
    browser::load_setting(THEME_KEY)
        .and_then(|saved| Theme::parse(&saved))
        .unwrap_or(if browser::prefers_dark() { Theme::Dark } else { Theme::Light })
}

fn page_title(route: &Route) -> String {
    match route {
        Route::Code(code) => match Registry::global().entry(*code) {
            Some(entry) => format!("{} {} · Status Lab", entry.code, entry.name),
            None => format!("{code} · Status Lab"),
        },
        Route::Composer { .. } | Route::Shared(_) => "Composer · Status Lab".to_string(),
        Route::Guide(_) => "Which code should I return? · Status Lab".to_string(),
        Route::Exercises(_) => "Exercises · Status Lab".to_string(),
        Route::Embed { .. } => "Status Lab".to_string(),
        _ => "HTTP status codes · Status Lab".to_string(),
    }
}

#[component]
pub fn App() -> Html {
    let state = use_reducer(|| AppReducer::new(Route::parse(&browser::hash()), initial_theme()));
    use_hash_route(state.dispatcher());
    #[cfg(feature = "composer")]
    let engine = crate::ui::composer_host::use_composer_host(&state);

    // An embed follows the theme its docs author pinned, or the reader's
    // system; the app's own setting is not the host page's business.
    let embed_theme = match &state.route {
        Route::Embed { options, .. } => Some(match options.theme {
            EmbedTheme::Light => Theme::Light,
            EmbedTheme::Dark => Theme::Dark,
            EmbedTheme::Auto if browser::prefers_dark() => Theme::Dark,
            EmbedTheme::Auto => Theme::Light,
        }),
        _ => None,
    };
    use_effect_with(embed_theme.unwrap_or(state.theme), |theme| {
        browser::apply_theme(theme.as_str())
    });
    use_effect_with(state.route.clone(), |route| {
        browser::set_title(&page_title(route));
        if let Some(window) = browser::window() {
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });

    let onsearch = {
        let dispatcher = state.dispatcher();
        // A search already on screen is refined in place; starting one
        // (from any other page, or the unfiltered list) adds one history
        // entry, so Back returns to where the user was, not per keystroke.
        let refining = state.showing_results();
        Callback::from(move |query: String| {
            let fragment = Route::Reference { query: query.clone() }.to_fragment();
            if refining {
                browser::replace_hash(&fragment);
            } else {
                browser::push_hash(&fragment);
            }
            dispatcher.dispatch(Action::Search(query));
        })
    };
    let onclearsearch = {
        let dispatcher = state.dispatcher();
        let on_results = state.showing_results();
        let started_here = state.search_from.is_some();
        Callback::from(move |()| {
            match (on_results, started_here) {
                // The search added one history entry: stepping back over it
                // returns to the page it started from, history and all.
                (true, true) => browser::history_back(),
                (true, false) => {
                    browser::replace_hash(&Route::Reference { query: String::new() }.to_fragment());
                    dispatcher.dispatch(Action::ClearSearch);
                }
                (false, _) => dispatcher.dispatch(Action::ClearSearch),
            }
        })
    };
    let onopen = {
        // The page changes first, then the address: whoever sees the new
        // address sees the new page (the hashchange that follows is a no-op).
        let dispatcher = state.dispatcher();
        Callback::from(move |code: u16| {
            dispatcher.dispatch(Action::Navigate(Route::Code(code)));
            browser::push_hash(&Route::Code(code).to_fragment());
        })
    };
    let ontoggletheme = {
        let dispatcher = state.dispatcher();
        let next = state.theme.toggled();
        Callback::from(move |()| {
            browser::save_setting(THEME_KEY, next.as_str());
            dispatcher.dispatch(Action::ToggleTheme);
        })
    };

    let page = match &state.route {
        Route::Reference { query } => html! { <ReferenceList query={query.clone()} /> },
        Route::Code(code) => {
            html! { <CodePage code={*code} back_query={state.back_query.clone().unwrap_or_default()} /> }
        }
        #[cfg(feature = "composer")]
        Route::Composer { .. } => html! { <crate::ui::components::Composer /> },
        // This build is the reference alone (the page docs link to): the
        // composer is the full build, compose.html.
        #[cfg(feature = "composer")]
        Route::Guide(at) => html! { <crate::ui::components::GuidePage at={at.clone()} /> },
        #[cfg(feature = "composer")]
        Route::Exercises(at) => html! { <crate::ui::components::Exercises at={at.clone()} /> },
        // The state becomes the composer's as the app starts (see state).
        #[cfg(feature = "composer")]
        Route::Shared(_) => html! { <crate::ui::components::Composer /> },
        #[cfg(not(feature = "composer"))]
        Route::Composer { .. } | Route::Guide(_) | Route::Exercises(_) | Route::Shared(_) => {
            browser::open_composer_page();
            html! { <MessagePage title="Opening the composer" message="The composer is loading…" /> }
        }
        Route::Embed { target, options } => {
            return html! {
                <ContextProvider<crate::ui::context::AppContext> context={state.clone()}>
                    <main id="main" class="embed">
                        <Embed target={target.clone()} options={options.clone()} />
                    </main>
                </ContextProvider<crate::ui::context::AppContext>>
            };
        }
        Route::BadCode(error) => html! {
            <MessagePage title="Not a status code" message={error.to_string()} />
        },
        Route::NotFound(path) => html! {
            <MessagePage
                title="Page not found"
                message={format!("This playground has no page at \"#/{path}\".")}
            />
        },
    };

    let body = html! {
        <ContextProvider<crate::ui::context::AppContext> context={state.clone()}>
            <a class="skip-link" href="#main" onclick={Callback::from(|e: MouseEvent| {
                e.prevent_default();
                browser::focus_element("main");
            })}>{ "Skip to content" }</a>
            <SiteHeader query={state.query.clone()} theme={state.theme} route={state.route.clone()} {onsearch} {onclearsearch} {onopen} {ontoggletheme} />
            <main id="main" tabindex="-1">{ page }</main>
            <SiteFooter snapshot={Registry::global().iana_snapshot().to_string()} />
        </ContextProvider<crate::ui::context::AppContext>>
    };
    #[cfg(feature = "composer")]
    return html! { <ContextProvider<Engine> context={engine}>{ body }</ContextProvider<Engine>> };
    #[cfg(not(feature = "composer"))]
    body
}
