//! An exchange and its analysis as a card for someone's docs: read-only by
//! default (the docs author's example, with the panels they chose), or the
//! full composer when the author allows editing.

use yew::prelude::*;

use crate::core::{export::to_raw, route::EmbedOptions};
use crate::state::{ComposerAction, LinkNote};
use crate::ui::{
    browser,
    components::{CachePanel, Composer, FindingsList, RetryPanel},
    context::use_app,
};

#[derive(Properties, PartialEq)]
pub struct EmbedExchangeProps {
    pub payload: String,
    pub options: EmbedOptions,
}

#[component]
pub fn EmbedExchange(props: &EmbedExchangeProps) -> Html {
    let Some(app) = use_app() else { return html! {} };
    let c = &app.composer;
    let open_full = format!("{}#/s/{}", browser::sibling_address("compose.html"), props.payload);
    let foot = html! {
        <p class="embed-foot"><a href={open_full} target="_blank" rel="noopener">{ "Open in Status Lab" }</a></p>
    };
    if let Some(LinkNote::Failed(message)) = &c.link_note {
        return html! {
            <article class="embed-card">
                <p class="input-error" role="alert">{ format!("This example could not be opened: {message}") }</p>
                { foot }
            </article>
        };
    }
    if props.options.editable {
        return html! { <article class="embed-card editable"><Composer />{ foot }</article> };
    }
    let Some(analysis) = c.analysis.as_ref().filter(|_| c.settled()) else {
        return html! { <article class="embed-card"><p class="loading" role="status">{ "Analysing…" }</p></article> };
    };
    let shows = |panel: &str| props.options.shows(panel);
    let d = app.dispatcher();
    html! {
        <article class="embed-card embed-exchange" aria-label="An HTTP exchange analysed by Status Lab">
            <pre class="embed-raw">{ to_raw(&c.exchange) }</pre>
            if shows("status") {
                <section class="meaning">
                    <h2>{ analysis.status.headline.clone() }</h2>
                    <p>{ analysis.status.summary.clone() }</p>
                    <p class="summary-counts">{ analysis.counts.describe(" · ") }</p>
                </section>
            }
            if shows("cache") {
                if let Some(cache) = &analysis.cache {
                    <CachePanel analysis={cache.clone()} moment={c.cache_moment_s}
                        onmoment={Callback::from(move |m| d.dispatch(crate::state::Action::Composer(ComposerAction::SetCacheMoment(m))))} />
                }
            }
            if shows("retry") {
                if let Some(advice) = &analysis.retry {
                    <RetryPanel advice={advice.clone()} backoff={c.backoff} onbackoff={Callback::from(|_| ())} />
                }
            }
            if shows("lint") {
                <FindingsList findings={analysis.findings.clone()} onfix={Callback::from(|_| ())} />
            }
            { foot }
        </article>
    }
}
