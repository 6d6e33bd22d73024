use yew::prelude::*;

use crate::core::{
    explain::{explain, other_names_label, Explanation},
    registry::{Citation, ClassEntry, Registration, Registry, StatusDetails, StatusEntry},
    route::Route,
};
use crate::ui::{
    browser,
    components::{CodeLink, SpecLink},
    details::{use_details, Details},
};

#[derive(Properties, PartialEq)]
pub struct CodePageProps {
    pub code: u16,
    /// The search that led here, for the way back.
    pub back_query: String,
}

/// One code's reference page (`#/code/N`).
#[component]
pub fn CodePage(props: &CodePageProps) -> Html {
    let registry = Registry::global();
    let details = use_details(registry.entry(props.code).map(|e| e.code));
    let back = Route::Reference { query: props.back_query.clone() };
    let back_label = if props.back_query.trim().is_empty() {
        "All status codes".to_string()
    } else {
        format!("Results for \u{201c}{}\u{201d}", props.back_query.trim())
    };
    let body = match explain(props.code, browser::now()) {
        Ok(explanation) => match explanation.entry {
            Some(entry) => entry_view(entry, &explanation, &details),
            None => unknown_view(explanation.code, explanation.class),
        },
        Err(error) => html! { <p class="input-error" role="alert">{ error.to_string() }</p> },
    };
    html! {
        <article class="entry">
            <nav class="crumbs" aria-label="Breadcrumb">
                <a href={back.to_fragment()}>{ "← " }{ back_label }</a>
            </nav>
            { body }
            <Permalink code={props.code} />
        </article>
    }
}

fn class_badge(class: Option<&ClassEntry>) -> Html {
    match class {
        Some(class) => html! {
            <p class={classes!("class-badge", format!("c{}", class.digit))}>
                { format!("{}xx {}", class.digit, class.name) }
            </p>
        },
        None => html! {},
    }
}

/// The page of a code with an entry; `prose` (meaning, lists, notes) arrives
/// separately and fills in when loaded.
fn entry_view(e: &StatusEntry, explanation: &Explanation, prose: &Details) -> Html {
    let class = Some(explanation.class);
    let prose_ready = match prose {
        Details::Loaded(details) => Some(details.clone()),
        _ => None,
    };
    let registration_class = match e.registration {
        Registration::Registered => "badge ok",
        _ => "badge warn",
    };
    let registration = explanation.registration.label.clone();
    let cache = &explanation.cacheability;
    html! {
        <>
            <header class="entry-header">
                { class_badge(class) }
                <h1><span class="code-number big">{ e.code }</span>{ " " }{ e.name.clone() }</h1>
                <p class="badges">
                    <span class={registration_class}>{ registration }</span>
                    <span class="badge">{ cache.label.clone() }</span>
                    if !e.former_names.is_empty() {
                        <span class="badge subtle">{ format!("{}: {}", other_names_label(e), e.former_names.join(", ")) }</span>
                    }
                </p>
                <p class="summary">{ e.summary.clone() }</p>
                <p class="defined-in">{ "Defined in " }<SpecLink spec={Citation::from(&e.spec)} /></p>
                if let Some(note) = prose_ready.as_ref().and_then(|d| d.registry_note.clone()) {
                    <p class="note">{ note }</p>
                }
                if let Some(lifecycle) = &explanation.registration.lifecycle {
                    <p class={classes!("note", lifecycle.expired.then_some("lapsed"))}>{ lifecycle.note.clone() }</p>
                }
                // The registry note, once loaded, says the same in full.
                if let (Some(fallback), false) = (&explanation.registration.fallback, prose_ready.as_ref().is_some_and(|d| d.registry_note.is_some())) {
                    <p class="note">{ fallback.clone() }</p>
                }
            </header>
            { match prose {
                Details::Loaded(details) => details_view(details),
                Details::Loading => html! { <p class="loading" role="status">{ "Loading the full explanation…" }</p> },
                Details::Failed(why) => html! {
                    <p class="input-error" role="alert">{ format!("The full explanation could not be loaded ({why}). The facts below are complete.") }</p>
                },
            } }
            if !e.headers.is_empty() {
                <section aria-labelledby="headers">
                    <h2 id="headers">{ "Headers" }</h2>
                    <table class="headers">
                        <thead><tr><th scope="col">{ "Field" }</th><th scope="col">{ "Requirement" }</th><th scope="col">{ "Why" }</th></tr></thead>
                        <tbody>
                            { for e.headers.iter().enumerate().map(|(i, h)| html! {
                                <tr>
                                    <th scope="row"><code>{ h.name.clone() }</code></th>
                                    <td><span class={classes!("req", h.level.label().replace(' ', "-").to_lowercase())}>{ h.level.label() }</span></td>
                                    <td>{ prose_ready.as_ref().and_then(|d| d.header_notes.get(i).cloned()).unwrap_or_default() }{ " " }<SpecLink spec={Citation::from(&h.spec)} /></td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </section>
            }
            <section aria-labelledby="cache-retry">
                <h2 id="cache-retry">{ "Caching and retries" }</h2>
                <dl class="facts">
                    <dt>{ "Caching" }</dt>
                    <dd>
                        { cache.text.clone() }{ " " }<SpecLink spec={cache.spec.clone()} />
                    </dd>
                    <dt>{ "Retry" }</dt>
                    <dd>{ e.retry.clone() }</dd>
                </dl>
            </section>
            if !e.related.is_empty() {
                <section aria-labelledby="related">
                    <h2 id="related">{ "Related codes" }</h2>
                    <ul class="chips">{ for e.related.iter().map(|&code| html! { <li><CodeLink {code} /></li> }) }</ul>
                </section>
            }
        </>
    }
}

fn details_view(d: &StatusDetails) -> Html {
    html! {
        <>
            <section aria-labelledby="meaning">
                <h2 id="meaning">{ "What it means" }</h2>
                <p>{ d.meaning.clone() }</p>
            </section>
            <div class="two-col">
                <section aria-labelledby="use-when">
                    <h2 id="use-when">{ "Use it when" }</h2>
                    <ul class="checks">{ for d.use_when.iter().map(|t| html! { <li>{ t.clone() }</li> }) }</ul>
                </section>
                <section aria-labelledby="avoid-when">
                    <h2 id="avoid-when">{ "Avoid it when" }</h2>
                    <ul class="crosses">{ for d.avoid_when.iter().map(|t| html! { <li>{ t.clone() }</li> }) }</ul>
                </section>
            </div>
            if !d.confusions.is_empty() {
                <section aria-labelledby="confusions">
                    <h2 id="confusions">{ "Often confused with" }</h2>
                    <dl class="confusions">
                        { for d.confusions.iter().map(|c| html! {
                            <>
                                <dt>{ "vs " }{ for c.versus.iter().map(|&code| html! { <CodeLink {code} /> }) }</dt>
                                <dd>{ c.text.clone() }</dd>
                            </>
                        }) }
                    </dl>
                </section>
            }
            if !d.myths.is_empty() {
                <section aria-labelledby="myths">
                    <h2 id="myths">{ "Common claims, corrected" }</h2>
                    <ul class="myths">
                        { for d.myths.iter().map(|m| html! {
                            <li>
                                <p class="claim"><span class="visually-hidden">{ "Claim: " }</span>{ m.claim.clone() }</p>
                                <p class="correction"><strong>{ "In fact: " }</strong>{ m.correction.clone() }{ " " }<SpecLink spec={Citation::from(&m.spec)} /></p>
                            </li>
                        }) }
                    </ul>
                </section>
            }
        </>
    }
}

fn unknown_view(code: u16, class: &ClassEntry) -> Html {
    let fallback = code / 100 * 100;
    html! {
        <>
            <header class="entry-header">
                { class_badge(Some(class)) }
                <h1><span class="code-number big">{ code }</span>{ " No registered meaning" }</h1>
                <p class="badges"><span class="badge warn">{ "Not in the IANA registry" }</span></p>
                <p class="summary">
                    { format!("{code} has no meaning of its own. A client that does not recognise it treats it as ") }
                    <CodeLink code={fallback} />{ "." }
                </p>
                <p class="defined-in">{ "Class defined in " }<SpecLink spec={Citation::from(&class.spec)} /></p>
            </header>
            <section aria-labelledby="handling">
                <h2 id="handling">{ "How clients handle it" }</h2>
                <p>{ class.unknown_code_handling.clone() }</p>
            </section>
            <section aria-labelledby="class-meaning">
                <h2 id="class-meaning">{ format!("The {}xx class", class.digit) }</h2>
                <p>{ class.meaning.clone() }</p>
            </section>
        </>
    }
}

#[derive(Properties, PartialEq)]
struct PermalinkProps {
    code: u16,
}

/// The shareable address of this page, with a copy button.
#[component]
fn Permalink(props: &PermalinkProps) -> Html {
    let copied = use_state(|| None::<bool>);
    let link = format!("{}{}", browser::page_address(), Route::Code(props.code).to_fragment());
    let onclick = {
        let copied = copied.clone();
        let link = link.clone();
        Callback::from(move |_: MouseEvent| {
            let copied = copied.clone();
            browser::copy_to_clipboard(&link, move |ok| copied.set(Some(ok)));
        })
    };
    html! {
        <p class="permalink">
            <span>{ "Link to this page: " }</span>
            <code>{ link }</code>
            <button type="button" {onclick}>{ match *copied { Some(true) => "Copied", Some(false) => "Copy failed: select the link", None => "Copy link" } }</button>
        </p>
    }
}
