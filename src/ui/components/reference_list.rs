use yew::prelude::*;

use crate::core::{
    explain::{all_rows, search, ResultRow},
    registry::Registry,
    route::Route,
};

#[derive(Properties, PartialEq)]
pub struct ReferenceListProps {
    pub query: String,
}

/// The searchable reference: every code grouped by class, or the hits for
/// the query, best first.
#[component]
pub fn ReferenceList(props: &ReferenceListProps) -> Html {
    let registry = Registry::global();
    let query = props.query.trim();
    if query.is_empty() {
        return html! {
            <section class="reference" aria-labelledby="reference-title">
                <h1 id="reference-title">{ "HTTP status codes" }</h1>
                <p class="lede">
                    { format!(
                        "All {} codes in the IANA registry and {} widely seen unofficial ones, each with its meaning, \
                         the headers it needs, caching and retry behaviour, and the mix-ups to avoid.",
                        registry.entries().iter().filter(|e| e.registration.is_in_iana_registry()).count(),
                        registry.entries().iter().filter(|e| !e.registration.is_in_iana_registry()).count(),
                    ) }
                </p>
                { for registry.classes().iter().map(|class| {
                    let rows: Vec<ResultRow> = all_rows().filter(|r| r.code / 100 == u16::from(class.digit)).collect();
                    let id = format!("class-{}xx", class.digit);
                    html! {
                        <section class="class-group" aria-labelledby={id.clone()}>
                            <h2 id={id} class={classes!("class-title", format!("c{}", class.digit))}>
                                { format!("{}xx {}", class.digit, class.name) }
                            </h2>
                            <p class="class-summary">{ class.summary.clone() }</p>
                            <ul class="code-list">{ for rows.iter().map(row) }</ul>
                        </section>
                    }
                }) }
            </section>
        };
    }

    let results = search(query);
    html! {
        <section class="reference" aria-labelledby="reference-title">
            <h1 id="reference-title">{ "Search results" }</h1>
            <p class="result-count" role="status" aria-live="polite">{ results.message.clone() }</p>
            if let Some(error) = &results.error {
                <p class="input-error" role="alert">{ error.clone() }</p>
            }
            if let Some(hint) = &results.hint {
                <p class="hint">{ hint.clone() }</p>
            }
            <ul class="code-list">{ for results.rows.iter().map(row) }</ul>
        </section>
    }
}

fn row(row: &ResultRow) -> Html {
    html! {
        <li class={classes!("code-row", format!("c{}", row.code / 100))}>
            <a href={Route::Code(row.code).to_fragment()}>
                <span class="code-number">{ row.code }</span>
                <span class="code-name">
                    { row.name.clone() }
                    if let Some(flag) = &row.flag {
                        <span class="flag" title={flag.clone()}>{ flag.clone() }</span>
                    }
                    if let Some(why) = &row.why {
                        <span class="flag subtle">{ why.clone() }</span>
                    }
                </span>
                <span class="code-summary">{ row.summary.clone() }</span>
            </a>
            if let Some(evidence) = &row.evidence {
                <span class={classes!("row-evidence", format!("evidence-{}", evidence.level))}>
                    { format!("Evidence: {} · ", evidence.level) }
                    if let Some(url) = crate::core::route::web_link(evidence.source) {
                        <a href={url.to_string()} rel="noopener" target="_blank" aria-label={format!("Source for {}", row.code)}>{ "source" }</a>
                    }
                </span>
            }
        </li>
    }
}
