use yew::prelude::*;

use crate::core::{
    registry::{parse_code, CodeError, MatchKind, Registration, Registry, StatusEntry},
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
                    let entries = registry.entries().iter().filter(|e| e.code / 100 == u16::from(class.digit));
                    let id = format!("class-{}xx", class.digit);
                    html! {
                        <section class="class-group" aria-labelledby={id.clone()}>
                            <h2 id={id} class={classes!("class-title", format!("c{}", class.digit))}>
                                { format!("{}xx {}", class.digit, class.name) }
                            </h2>
                            <p class="class-summary">{ class.summary.clone() }</p>
                            <ul class="code-list">{ for entries.map(|e| row(e, None)) }</ul>
                        </section>
                    }
                }) }
            </section>
        };
    }

    let hits = registry.search(query);
    // A number with no entry of its own still has a page, explained by its class.
    let class_only = match parse_code(query) {
        Ok(code) if registry.entry(code).is_none() => Some(Ok(code)),
        Ok(_) => None,
        Err(CodeError::OutOfRange(text)) => Some(Err(CodeError::OutOfRange(text))),
        Err(_) => None,
    };
    let count = hits.len() + usize::from(matches!(class_only, Some(Ok(_))));
    let status = match count {
        0 => format!("No status code matches \u{201c}{query}\u{201d}."),
        1 => format!("1 code matches \u{201c}{query}\u{201d}."),
        n => format!("{n} codes match \u{201c}{query}\u{201d}."),
    };
    html! {
        <section class="reference" aria-labelledby="reference-title">
            <h1 id="reference-title">{ "Search results" }</h1>
            <p class="result-count" role="status" aria-live="polite">{ status }</p>
            { match &class_only {
                Some(Ok(code)) => {
                    let code = *code;
                    let class = registry.class_of(code);
                    html! {
                        <ul class="code-list">
                            <li class="code-row">
                                <a href={Route::Code(code).to_fragment()}>
                                    <span class="code-number">{ code }</span>
                                    <span class="code-name">{ "No registered meaning" }</span>
                                    <span class="code-summary">
                                        { class.map(|c| format!("Treated as {} ({} class).", code / 100 * 100, c.name)).unwrap_or_default() }
                                    </span>
                                </a>
                            </li>
                        </ul>
                    }
                }
                Some(Err(error)) => html! { <p class="input-error" role="alert">{ error.to_string() }</p> },
                None => html! {},
            } }
            if hits.is_empty() && class_only.is_none() {
                <p class="hint">
                    { "Try a number (404), a name (Not Found), a class (4xx) or words such as \u{201c}rate limit\u{201d}, \u{201c}moved\u{201d} or \u{201c}too big\u{201d}." }
                </p>
            }
            <ul class="code-list">{ for hits.iter().map(|hit| row(hit.entry, Some(hit.kind))) }</ul>
        </section>
    }
}

fn row(entry: &StatusEntry, kind: Option<MatchKind>) -> Html {
    let flag = match entry.registration {
        Registration::Registered => None,
        Registration::Unofficial => {
            Some(format!("unofficial · {}", entry.origin.as_deref().unwrap_or("vendor")))
        }
        Registration::Unused => Some("unused".to_string()),
        Registration::Obsoleted => Some("obsoleted".to_string()),
        Registration::Temporary => Some("temporary".to_string()),
    };
    let why = match kind {
        Some(MatchKind::FormerName) => Some(format!("formerly {}", entry.former_names.join(", "))),
        _ => None,
    };
    html! {
        <li class={classes!("code-row", format!("c{}", entry.code / 100))}>
            <a href={Route::Code(entry.code).to_fragment()}>
                <span class="code-number">{ entry.code }</span>
                <span class="code-name">
                    { entry.name.clone() }
                    if let Some(flag) = flag {
                        <span class="flag">{ flag }</span>
                    }
                    if let Some(why) = why {
                        <span class="flag subtle">{ why }</span>
                    }
                </span>
                <span class="code-summary">{ entry.summary.clone() }</span>
            </a>
        </li>
    }
}
