use yew::prelude::*;

use crate::core::{
    depth::{CodeDepth, DetailsFile, Snippet},
    explain::{explain, other_names_label, DefaultCacheability, Explanation},
    registry::{Citation, ClassEntry, Registration, Registry, StatusDetails, StatusEntry},
    route::Route,
};
use crate::ui::{
    browser,
    components::{source_link, CodeLink, SpecLink},
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
    let entry = registry.entry(props.code);
    let details = use_details(entry.map(|e| e.code));
    // Codes without an entry have no prose to wait for.
    let prose_pending = entry.is_some() && matches!(*details, Details::Loading);
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
            // Last on the page: drawn before the prose arrives, it would be
            // pushed down by it.
            if !prose_pending {
                <Permalink code={props.code} />
            }
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
                if let Some(note) = prose_ready.as_ref().and_then(|d| d.details.registry_note.clone()) {
                    <p class="note">{ note }</p>
                }
                if let Some(lifecycle) = &explanation.registration.lifecycle {
                    <p class={classes!("note", lifecycle.expired.then_some("lapsed"))}>{ lifecycle.note.clone() }</p>
                }
                // The registry note, once loaded, says the same in full.
                if let (Some(fallback), false) = (&explanation.registration.fallback, prose_ready.as_ref().is_some_and(|d| d.details.registry_note.is_some())) {
                    <p class="note">{ fallback.clone() }</p>
                }
            </header>
            // The sections below wait for the prose (usually already fetched
            // by the early script): drawn before it, they would jump down
            // when it arrives.
            { match prose {
                Details::Loaded(details) => details_view(details),
                Details::Loading => html! { <p class="loading" role="status">{ "Loading the full explanation…" }</p> },
                Details::Failed(why) => html! {
                    <p class="input-error" role="alert">{ format!("The full explanation could not be loaded ({why}). The facts below are complete.") }</p>
                },
            } }
            if !matches!(prose, Details::Loading) {
                { facts_view(e, cache, prose_ready.as_deref()) }
            }
        </>
    }
}

/// The facts under the prose: fields, caching and retries, depth, related.
fn facts_view(e: &StatusEntry, cache: &DefaultCacheability, prose: Option<&DetailsFile>) -> Html {
    html! {
        <>
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
                                    <td>{ prose.and_then(|d| d.details.header_notes.get(i).cloned()).unwrap_or_default() }{ " " }<SpecLink spec={Citation::from(&h.spec)} /></td>
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
            if let Some(file) = prose {
                { depth_view(e.code, &file.depth) }
            }
            if !e.related.is_empty() {
                <section aria-labelledby="related">
                    <h2 id="related">{ "Related codes" }</h2>
                    <ul class="chips">{ for e.related.iter().map(|&code| html! { <li><CodeLink {code} /></li> }) }</ul>
                </section>
            }
        </>
    }
}

fn details_view(file: &DetailsFile) -> Html {
    let d: &StatusDetails = &file.details;
    html! {
        <>
            { evidence_view(&file.depth) }
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

/// Evidence for a vendor code, and every meaning of a shared number.
fn evidence_view(depth: &CodeDepth) -> Html {
    html! {
        <>
            if let Some(evidence) = &depth.evidence {
                <section class={classes!("evidence", format!("evidence-{}", evidence.level))} aria-labelledby="evidence">
                    <h2 id="evidence">{ "Is it real?" }</h2>
                    <p><span class={classes!("badge", if evidence.level == "verified" { "ok" } else { "warn" })}>{ format!("Evidence: {}", evidence.level) }</span>
                        { format!(" {}", evidence.vendor) }</p>
                    if evidence.level == "doubtful" {
                        <p class="note"><strong>{ "Doubtful: " }</strong>{ "no vendor documents this code; treat lists that name it with care." }</p>
                    }
                    <p>{ evidence.finding.clone() }</p>
                    if let Some(historical) = &evidence.historical {
                        <p class="note historical"><strong>{ "Historical. " }</strong>{ historical.note.clone() }</p>
                    }
                    <ul class="sources">
                        { for evidence.sources.iter().map(|s| html! { <li>{ source_link(&s.label, &s.url) }</li> }) }
                    </ul>
                </section>
            }
            if let Some(shared) = &depth.shared {
                <section aria-labelledby="meanings">
                    <h2 id="meanings">{ format!("{} means different things to different parties", shared.code) }</h2>
                    <p>{ shared.summary.clone() }</p>
                    <table class="meanings">
                        <thead><tr><th scope="col">{ "Who" }</th><th scope="col">{ "Name" }</th><th scope="col">{ "Meaning" }</th><th scope="col">{ "Source" }</th></tr></thead>
                        <tbody>
                            { for shared.meanings.iter().map(|m| html! {
                                <tr><th scope="row">{ m.who.clone() }</th><td>{ m.name.clone() }</td><td>{ m.meaning.clone() }</td><td>{ source_link(&m.source.label, &m.source.url) }</td></tr>
                            }) }
                        </tbody>
                    </table>
                </section>
            }
        </>
    }
}

/// The code in languages and frameworks, what clients do, and its history.
fn depth_view(code: u16, depth: &CodeDepth) -> Html {
    html! {
        <>
            if !depth.names.is_empty() {
                <section aria-labelledby="names">
                    <h2 id="names">{ "In your language" }</h2>
                    <table class="names">
                        <thead><tr><th scope="col">{ "Language or framework" }</th><th scope="col">{ "Name" }</th><th scope="col">{ "Phrase" }</th></tr></thead>
                        <tbody>
                            { for depth.names.iter().map(|n| html! {
                                <tr data-ecosystem={n.ecosystem.clone()}>
                                    <th scope="row">{ source_link(&n.label, &n.source) }<span class="version">{ format!(" ({})", n.version) }</span></th>
                                    <td>{ n.constant.as_ref().map_or_else(|| html! { "—" }, |c| html! { <code>{ c.clone() }</code> }) }
                                        if let Some(outdated) = &n.outdated {
                                            <span class="outdated">{ format!(" Old name: {outdated}") }</span>
                                        }
                                    </td>
                                    <td>{ n.phrase.clone().unwrap_or_default() }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                    if !depth.lacking.is_empty() {
                        <p class="note">{ format!("No name for this code in: {}.", depth.lacking.join(", ")) }</p>
                    }
                </section>
            }
            if !depth.snippets.is_empty() || depth.snippets_elsewhere > 0 {
                <Snippets {code} inline={depth.snippets.clone()} waiting={depth.snippets_elsewhere} />
            }
            if !depth.clients.is_empty() {
                <section aria-labelledby="clients">
                    <h2 id="clients">{ "What clients do" }</h2>
                    { for depth.clients.iter().map(|topic| html! {
                        <div class="client-topic">
                            <h3>{ topic.title.clone() }</h3>
                            <p>{ topic.summary.clone() }</p>
                            <ul>
                                { for topic.facts.iter().map(|f| html! {
                                    <li><strong>{ f.client.clone() }</strong>{ format!(": {} ", f.behaviour) }{ source_link(&f.source.label, &f.source.url) }</li>
                                }) }
                            </ul>
                        </div>
                    }) }
                </section>
            }
            if !depth.history.is_empty() {
                <section aria-labelledby="history">
                    <h2 id="history">{ "History" }</h2>
                    <ol class="timeline">
                        { for depth.history.iter().map(|h| html! {
                            <li class={classes!("event", format!("change-{}", h.change))}>
                                <span class="date">{ h.date.clone() }</span>{ " " }
                                { source_link(&h.doc, &h.url) }{ format!(" · {}: ", h.change) }<strong>{ h.name.clone() }</strong>
                                <p>{ h.note.clone() }</p>
                            </li>
                        }) }
                    </ol>
                </section>
            }
        </>
    }
}

#[derive(Properties, PartialEq)]
struct SnippetsProps {
    code: u16,
    /// Snippets already at hand (none in the browser's details file).
    inline: Vec<Snippet>,
    /// Snippets in the code's own file, fetched when the reader asks.
    waiting: usize,
}

/// "Send it correctly": a snippet per framework, each with what it sends.
/// The snippets are most of a page's depth, so they load on request.
#[component]
fn Snippets(props: &SnippetsProps) -> Html {
    let loaded = use_state(|| None::<Result<Vec<Snippet>, String>>);
    let snippets = if props.inline.is_empty() {
        loaded.as_ref().and_then(|r| r.as_ref().ok()).cloned()
    } else {
        Some(props.inline.clone())
    };
    let onshow = {
        let (loaded, code) = (loaded.clone(), props.code);
        Callback::from(move |_: MouseEvent| {
            let loaded = loaded.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let url = format!("details/{code}.snippets.json");
                let result = crate::ui::details::fetch_text(&url).await.and_then(|text| {
                    serde_json::from_str::<Vec<Snippet>>(&text)
                        .map_err(|e| format!("{url} is damaged: {e}"))
                });
                loaded.set(Some(result));
            });
        })
    };
    html! {
        <section aria-labelledby="send-it">
            <h2 id="send-it">{ "Send it correctly" }</h2>
            <p class="subtle">{ "Each snippet's response is checked by Status Lab's own lint: none has a warning." }</p>
            { match snippets {
                Some(snippets) => snippets.iter().map(|s| html! {
                    <details class="snippet" data-framework={s.framework.clone()}>
                        <summary>{ format!("{}: {}", s.framework_label(), s.title) }</summary>
                        <pre class="snippet-source" tabindex="0" aria-label={format!("{} snippet", s.framework_label())}><code>{ s.source.trim_end().to_string() }</code></pre>
                        <CopyButton text={s.source.trim_end().to_string()} label="Copy the snippet" />
                        if let Some(note) = &s.note {
                            <p class="note">{ note.clone() }</p>
                        }
                        <p class="subtle">{ "What it sends:" }</p>
                        <pre class="snippet-exchange" tabindex="0" aria-label="The exchange this snippet produces">{ s.exchange.trim().to_string() }</pre>
                    </details>
                }).collect::<Html>(),
                None => html! {
                    <>
                        <button type="button" id="show-snippets" class="copy-snippet" onclick={onshow}>
                            { format!("Show the snippets ({} frameworks)", props.waiting) }
                        </button>
                        if let Some(Err(why)) = loaded.as_ref() {
                            <p class="input-error" role="alert">{ format!("The snippets could not be loaded ({why}).") }</p>
                        }
                    </>
                },
            } }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct CopyButtonProps {
    text: String,
    label: &'static str,
}

/// Copies `text`; says "Copied" only once the browser confirms it.
#[component]
fn CopyButton(props: &CopyButtonProps) -> Html {
    let done = use_state(|| None::<bool>);
    let onclick = {
        let (done, text) = (done.clone(), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let done = done.clone();
            browser::copy_to_clipboard(&text, move |ok| done.set(Some(ok)));
        })
    };
    html! {
        <button type="button" class="copy-snippet" {onclick}>
            { match *done { Some(true) => "Copied", Some(false) => "Copy failed: select the text", None => props.label } }
        </button>
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
