//! Cards for other people's pages: chrome-less, compact, sized for an
//! iframe (`www/embed-frame.js` reports the height to the parent page).
//! A code's card needs only the registry, so it is part of the reference
//! build; an exchange's card needs the engine and lives in compose.html.

use yew::prelude::*;

use crate::core::{
    registry::{Registry, Requirement},
    route::{EmbedOptions, EmbedTarget, Route},
};
use crate::ui::browser;

#[derive(Properties, PartialEq)]
pub struct EmbedProps {
    pub target: EmbedTarget,
    pub options: EmbedOptions,
}

#[component]
pub fn Embed(props: &EmbedProps) -> Html {
    match &props.target {
        EmbedTarget::Code(code) => code_card(*code),
        #[cfg(feature = "composer")]
        EmbedTarget::Exchange(payload) => html! {
            <super::embed_exchange::EmbedExchange payload={payload.clone()} options={props.options.clone()} />
        },
        #[cfg(not(feature = "composer"))]
        EmbedTarget::Exchange(_) => {
            browser::open_composer_page();
            html! { <p class="loading" role="status">{ "Loading…" }</p> }
        }
        EmbedTarget::Unknown(path) => html! {
            <article class="embed-card">
                <p class="input-error" role="alert">{ format!("Status Lab has no card at \"{path}\". Use embed/code/<number> or embed/exchange/<link>.") }</p>
            </article>
        },
    }
}

/// The address of the full page behind a card, opened in a new tab.
fn full_page(fragment: &str, page: &str) -> String {
    format!("{}{fragment}", browser::sibling_address(page))
}

fn code_card(code: u16) -> Html {
    let registry = Registry::global();
    let page = full_page(&Route::Code(code).to_fragment(), "index.html");
    let Some(entry) = registry.entry(code) else {
        let explained = crate::core::explain::explain(code, browser::now());
        return html! {
            <article class="embed-card">
                <h1 class="embed-title">{ code }</h1>
                <p>{ explained.map(|e| e.summary).unwrap_or_else(|_| format!("{code} is not a status code.")) }</p>
                <p class="embed-foot"><a href={page} target="_blank" rel="noopener">{ "Open in Status Lab" }</a></p>
            </article>
        };
    };
    let required: Vec<_> = entry
        .headers
        .iter()
        .filter(|h| matches!(h.level, Requirement::Must | Requirement::Should))
        .collect();
    html! {
        <article class="embed-card" aria-labelledby="embed-title">
            <h1 class="embed-title" id="embed-title">
                <span class={classes!("code-number", format!("c{}", code / 100))}>{ code }</span>{ " " }{ entry.name.to_string() }
            </h1>
            <p class="embed-registration">{ entry.registration.label() }{ " · " }
                <a href={entry.spec.url.to_string()} target="_blank" rel="noopener">{ entry.spec.label() }</a>
            </p>
            <p>{ entry.summary.to_string() }</p>
            if !required.is_empty() {
                <ul class="embed-fields">
                    { for required.iter().map(|h| html! {
                        <li><code>{ h.name.to_string() }</code>{ format!(" {}", h.level.label()) }</li>
                    }) }
                </ul>
            }
            <p class="embed-retry"><strong>{ "Retry: " }</strong>{ entry.retry.to_string() }</p>
            <p class="embed-foot"><a href={page} target="_blank" rel="noopener">{ "Full reference in Status Lab" }</a></p>
        </article>
    }
}
