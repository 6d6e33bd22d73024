use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::{
    analysis::{Analysis, BodySummary, StatusAnalysis},
    exchange::HttpVersion,
    fields::field_names,
    lint::Profile,
    presets,
    route::Route,
};
use crate::engine::protocol::{Held, Job, HELD_WINDOW};
use crate::state::{Action, ComposerAction, ComposerState, FixTarget, LinkNote, Side};
use crate::ui::{
    components::{
        CachePanel, EntriesTable, ExportPanel, FindingsList, HeaderEditor, ProblemPanel, RetryPanel,
        SharePanel,
    },
    composer_host::{wants_schema_check, LOADED_LIMIT_BYTES, SCHEMA_AUTO_LIMIT_BYTES},
    context::{use_app, use_engine},
    engine_client::Engine,
};

/// Asks the engine for the next rows of a header section it holds.
fn take_held(engine: &Engine, held: Held, side: Side) -> Callback<()> {
    let engine = engine.clone();
    Callback::from(move |()| engine.run(Job::TakeHeld { side, held, count: HELD_WINDOW }))
}

/// Focuses the field a fix changed and marks it briefly (`.just-fixed`).
fn reveal_fixed_field(target: &FixTarget) {
    let Some(document) = crate::ui::browser::document() else { return };
    let element = match target {
        FixTarget::Status => document.get_element_by_id("status"),
        FixTarget::Reason => document.get_element_by_id("reason"),
        FixTarget::Body => document.get_element_by_id("response-body"),
        FixTarget::Header(name) => {
            let names = document.query_selector_all(".pane.response input.header-name").ok();
            (0..names.as_ref().map_or(0, |n| n.length()))
                .filter_map(|i| names.as_ref()?.item(i))
                .filter_map(|node| node.dyn_into::<HtmlInputElement>().ok())
                .find(|input| input.value().eq_ignore_ascii_case(name))
                .and_then(|input| input.next_element_sibling())
        }
        FixTarget::Headers => {
            document.query_selector(".pane.response .add-header").ok().flatten()
        }
    };
    let Some(element) = element.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) else {
        return;
    };
    let _ = element.focus();
    let _ = element.class_list().add_1("just-fixed");
    gloo_timers::callback::Timeout::new(2_000, move || {
        let _ = element.class_list().remove_1("just-fixed");
    })
    .forget();
}

/// Bodies up to this size are quoted in the error excerpts; a larger one
/// would be copied on every render for a few lines.
const EXCERPT_LIMIT_BYTES: usize = 256 << 10;

/// Bodies larger than this wait for "Show it for editing" (see above).
const EDITOR_LIMIT_BYTES: usize = 1 << 20;

fn excerpt_source(body: &str) -> AttrValue {
    if body.len() <= EXCERPT_LIMIT_BYTES {
        AttrValue::from(body.to_string())
    } else {
        AttrValue::default()
    }
}

/// Where the composer's edits go: the app reducer, as composer actions.
struct ComposerCallbacks {
    ondispatch: Callback<ComposerAction>,
}

const METHODS: &[&str] =
    &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY", "TRACE", "CONNECT"];
const VERSIONS: &[HttpVersion] =
    &[HttpVersion::Http10, HttpVersion::Http11, HttpVersion::Http2, HttpVersion::Http3];

fn input_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlInputElement>().value()
}

fn textarea_value(e: InputEvent) -> String {
    e.target_unchecked_into::<HtmlTextAreaElement>().value()
}

fn select_value(e: Event) -> String {
    e.target_unchecked_into::<HtmlSelectElement>().value()
}

fn version_select(
    id: &str,
    label: &str,
    current: HttpVersion,
    onchange: Callback<HttpVersion>,
) -> Html {
    let onchange = Callback::from(move |e: Event| {
        if let Some(version) = HttpVersion::parse(&select_value(e)) {
            onchange.emit(version);
        }
    });
    html! {
        <label class="field small" for={id.to_string()}>
            <span>{ label }</span>
            <select id={id.to_string()} {onchange}>
                { for VERSIONS.iter().map(|v| html! {
                    <option value={v.label()} selected={*v == current}>{ v.label() }</option>
                }) }
            </select>
        </label>
    }
}

/// The two-pane composer with its live analysis. It reads the app state and
/// the engine from their contexts (see `ui::context`).
#[component]
pub fn Composer() -> Html {
    // The paste box is uncontrolled: a pasted HAR can be tens of megabytes,
    // too much to copy through the state on every render.
    let paste_box = use_node_ref();
    // The body editors are uncontrolled (see `ComposerState::body_revision`).
    let request_body = use_node_ref();
    let response_body = use_node_ref();
    let (Some(app), Some(engine)) = (use_app(), use_engine()) else {
        return html! { <p class="input-error" role="alert">{ "The composer needs the app's state." }</p> };
    };
    let state: &ComposerState = &app.composer;
    let exchange = &state.exchange;
    // A fix edits the rows on the page; the field it names may be among the
    // rows the engine holds, which the page cannot change, so the fix would
    // add a second field instead of correcting the first.
    let fixes_off: Option<AttrValue> = state.held.any().then(|| {
        format!(
            "One-click fixes are off while the engine holds {} of this message's header fields: edit the rows yourself, or open a shorter message.",
            super::thousands(state.held.total())
        )
        .into()
    });
    // A body over EDITOR_LIMIT_BYTES is analysed in full but not put in its
    // text area until the user asks: laying out megabytes of text blocks
    // the page for longer than any budget allows.
    let edit_large = use_state(|| false);
    {
        let (request_body, response_body) = (request_body.clone(), response_body.clone());
        let snapshot = app.clone();
        let deps = (state.body_revision, state.settled(), *edit_large);
        use_effect_with(deps, move |(_, _, edit_large)| {
            let exchange = &snapshot.composer.exchange;
            for (area, text) in
                [(&request_body, &exchange.request.body), (&response_body, &exchange.response.body)]
            {
                if let Some(area) = area.cast::<HtmlTextAreaElement>() {
                    let held_back = text.len() > EDITOR_LIMIT_BYTES && !edit_large;
                    area.set_read_only(held_back);
                    area.set_value(if held_back { "" } else { text });
                }
            }
        });
    }
    let large_body = [&exchange.request.body, &exchange.response.body]
        .iter()
        .map(|b| b.len())
        .max()
        .filter(|&bytes| bytes > EDITOR_LIMIT_BYTES && !*edit_large);
    let large_note = large_body.map(|bytes| {
        let edit_large = edit_large.clone();
        html! {
            <p class="hint large-body" role="status">
                { format!("A body of {:.1} MB is analysed in full but not shown in its editor, which would stall the page. ", bytes as f64 / 1e6) }
                <button type="button" class="link-button" id="edit-large-body" onclick={Callback::from(move |_: MouseEvent| edit_large.set(true))}>{ "Show it for editing" }</button>
            </p>
        }
    });
    {
        // Edited, a preset's exchange is the user's own: the address stops
        // naming the preset, so a reload restores the edits (see state).
        let dispatcher = app.dispatcher();
        let route = app.route.clone();
        let own = state.preset.is_none() && state.settled();
        use_effect_with((own, route.clone()), move |(own, route)| {
            if *own && matches!(route, Route::Composer { preset: Some(_) }) {
                let mine = Route::Composer { preset: None };
                crate::ui::browser::replace_hash(&mine.to_fragment());
                dispatcher.dispatch(Action::Navigate(mine));
            }
        });
    }
    {
        // After a one-click fix, focus goes to the field it changed, which
        // is marked for a moment; the live region below announces it.
        let fix = state.last_fix.clone();
        use_effect_with(fix.as_ref().map(|(n, _, _)| *n), move |_| {
            if let Some((_, _, target)) = fix {
                reveal_fixed_field(&target);
            }
        });
    }
    let ondispatch = {
        let dispatcher = app.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(Action::Composer(action)))
    };
    let props = ComposerCallbacks { ondispatch };
    let send = |action: fn(String) -> ComposerAction| {
        props.ondispatch.reform(move |value: String| action(value))
    };

    let onpreset = {
        let dispatch = props.ondispatch.clone();
        Callback::from(move |e: Event| {
            let id = select_value(e);
            crate::ui::browser::replace_hash(
                &Route::Composer { preset: Some(id.clone()) }.to_fragment(),
            );
            dispatch.emit(ComposerAction::LoadPreset(id));
        })
    };
    let onprofile = props.ondispatch.reform(|e: Event| {
        ComposerAction::SetProfile(Profile::parse(&select_value(e)).unwrap_or_default())
    });
    let header_callbacks = |side: Side| {
        let d = props.ondispatch.clone();
        let onname =
            d.reform(move |(i, v): (usize, String)| ComposerAction::SetHeaderName(side, i, v));
        let onvalue =
            d.reform(move |(i, v): (usize, String)| ComposerAction::SetHeaderValue(side, i, v));
        let onadd =
            d.reform(move |()| ComposerAction::AddHeader(side, String::new(), String::new()));
        let onremove = d.reform(move |i: usize| ComposerAction::RemoveHeader(side, i));
        (onname, onvalue, onadd, onremove)
    };
    let (rq_name, rq_value, rq_add, rq_remove) = header_callbacks(Side::Request);
    let (rs_name, rs_value, rs_add, rs_remove) = header_callbacks(Side::Response);
    let d = props.ondispatch.clone();

    let mut groups: Vec<&str> = Vec::new();
    for preset in presets::all() {
        if !groups.contains(&preset.group.as_ref()) {
            groups.push(preset.group.as_ref());
        }
    }

    html! {
        <section class="composer" aria-labelledby="composer-title" onkeydown={{
            // Ctrl+Z right after a fix undoes it. Any edit since clears the
            // undo, so this never takes over a text field's own undo.
            let (undo, dispatch) = (state.undo.is_some(), d.clone());
            Callback::from(move |e: KeyboardEvent| {
                if undo && (e.ctrl_key() || e.meta_key()) && !e.shift_key() && e.key().eq_ignore_ascii_case("z") {
                    e.prevent_default();
                    dispatch.emit(ComposerAction::UndoFix);
                }
            })
        }}>
            <h1 id="composer-title">{ "Composer" }</h1>
            // Under the title, where the page's shell (www/composer-shell.html)
            // painted it before the wasm arrived.
            if let Some(preset) = state.preset.as_deref().and_then(presets::find) {
                <p class="preset-description">{ preset.description.to_string() }</p>
            }
            <datalist id="field-names">
                { for field_names().map(|name| html! { <option value={name} /> }) }
            </datalist>
            <datalist id="methods">
                { for METHODS.iter().map(|m| html! { <option value={*m} /> }) }
            </datalist>
            <div class="toolbar">
                <label class="field" for="preset">
                    <span>{ "Preset" }</span>
                    <select id="preset" onchange={onpreset}>
                        <option value="" selected={state.preset.is_none()} disabled=true>{ "Your own exchange" }</option>
                        { for groups.iter().map(|group| html! {
                            <optgroup label={group.to_string()}>
                                { for presets::all().iter().filter(|p| p.group == *group).map(|p| html! {
                                    <option value={p.id.to_string()} selected={state.preset.as_deref() == Some(p.id.as_ref())}>{ p.title.to_string() }</option>
                                }) }
                            </optgroup>
                        }) }
                    </select>
                </label>
                <label class="field" for="profile">
                    <span>{ "Rules" }</span>
                    <select id="profile" onchange={onprofile}>
                        <option value="rfc" selected={state.profile == Profile::Rfc}>{ "RFCs (default)" }</option>
                        <option value="zalando" selected={state.profile == Profile::Zalando}>{ "Zalando API guidelines" }</option>
                    </select>
                </label>
            </div>
            <details class="paste" open={state.paste_error.is_some()}
                ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop(d.clone(), engine.clone())}>
                <summary>{ "Paste or drop an exchange, curl -i / curl -v output or a HAR file" }</summary>
                <label class="visually-hidden" for="paste-text">{ "Exchange to paste" }</label>
                <textarea id="paste-text" rows="8" spellcheck="false"
                    placeholder={"GET /users/42 HTTP/1.1\nHost: api.example\n\nHTTP/1.1 404 Not Found\nContent-Type: application/problem+json\n\n{\"title\":\"Not Found\",\"status\":404}"}
                    ref={paste_box.clone()} />
                <div class="paste-actions">
                    <button type="button" id="load-paste" onclick={{
                        let (paste_box, dispatch, engine) = (paste_box.clone(), d.clone(), engine.clone());
                        Callback::from(move |_: MouseEvent| {
                            if let Some(area) = paste_box.cast::<HtmlTextAreaElement>() {
                                let text = area.value();
                                dispatch.emit(ComposerAction::LoadStarted);
                                keep_source(&dispatch, &text);
                                engine.run(Job::LoadText { text });
                            }
                        })
                    }}>{ "Load into the composer" }</button>
                    <label class="file-button">
                        { "Open a file…" }
                        <input id="open-file" class="visually-hidden" type="file"
                            accept=".har,.json,.http,.txt,text/plain,application/json"
                            onchange={on_file(d.clone(), engine.clone())} />
                    </label>
                    if let Some(load) = state.loading {
                        <p class="hint loading-progress" role="status">
                            { if load.total == 0 { "Reading the file…".to_string() } else { format!("Reading entries: {} of {}…", load.done, load.total) } }
                            if load.total > 0 {
                                <progress max={load.total.to_string()} value={load.done.to_string()} />
                            }
                            <button type="button" id="cancel-load" onclick={{
                                let engine = engine.clone();
                                Callback::from(move |_: MouseEvent| engine.run(Job::Cancel))
                            }}>{ "Cancel" }</button>
                        </p>
                    } else if let Some(error) = &state.paste_error {
                        <p class="input-error" role="alert">{ error.clone() }</p>
                    } else if let Some(note) = &state.load_note {
                        <p class="hint">{ note.clone() }</p>
                    }
                </div>
            </details>
            { link_note(state, &d) }
            if let Some(note) = &state.engine_note {
                <p class="engine-note" role="alert">{ note.clone() }</p>
            }
            if state.entries.total > 1 {
                <EntriesTable entries={state.entries.clone()}
                    onopen={{
                        let d = d.clone();
                        Callback::from(move |index: usize| {
                            d.emit(ComposerAction::OpenEntry(index));
                            // After the render: bring the opened exchange and
                            // its analysis into view unless they already are.
                            gloo_timers::callback::Timeout::new(0, || crate::ui::browser::reveal("workbench")).forget();
                        })
                    }}
                    onpage={d.reform(ComposerAction::SetEntriesPage)} />
            }
            if state.settled() {
            { large_note.unwrap_or_default() }
            <div class="workbench" id="workbench">
            <div class="panes">
                <fieldset class="pane request">
                    <legend>{ "Request" }</legend>
                    <div class="start-line">
                        <label class="field small" for="method">
                            <span>{ "Method" }</span>
                            <input id="method" list="methods" spellcheck="false" value={exchange.request.method.clone()}
                                oninput={send(ComposerAction::SetMethod).reform(input_value)} />
                        </label>
                        <label class="field grow" for="target">
                            <span>{ "URL" }</span>
                            <input id="target" spellcheck="false" value={exchange.request.target.clone()}
                                oninput={send(ComposerAction::SetTarget).reform(input_value)} />
                        </label>
                        { version_select("request-version", "Version", exchange.request.version, d.reform(|v| ComposerAction::SetVersion(Side::Request, v))) }
                    </div>
                    if !exchange.request_known {
                        <p class="hint">{ "The input had no request: request-aware checks are off until you fill it in." }</p>
                    }
                    <HeaderEditor side="request" headers={exchange.request.headers.clone()} onname={rq_name} onvalue={rq_value} onadd={rq_add} onremove={rq_remove}
                        held={state.held.count(Side::Request)} ontake={take_held(&engine, state.held, Side::Request)} />
                    <label class="field" for="request-body">
                        <span>{ "Body" }</span>
                        <textarea id="request-body" rows="5" spellcheck="false" ref={request_body.clone()}
                            oninput={d.reform(|e: InputEvent| ComposerAction::SetBody(Side::Request, textarea_value(e)))} />
                    </label>
                    { body_hint(state.analysis.as_ref().map(|a| &a.request_body)) }
                </fieldset>
                <fieldset class="pane response">
                    <legend>{ "Response" }</legend>
                    <div class="start-line">
                        { version_select("response-version", "Version", exchange.response.version, d.reform(|v| ComposerAction::SetVersion(Side::Response, v))) }
                        <label class="field small" for="status">
                            <span>{ "Status" }</span>
                            <input id="status" inputmode="numeric" spellcheck="false" value={state.status_text.clone()}
                                aria-invalid={state.status_error().is_some().to_string()}
                                oninput={send(ComposerAction::SetStatus).reform(input_value)} />
                        </label>
                        <label class="field grow" for="reason">
                            <span>{ "Reason" }</span>
                            <input id="reason" spellcheck="false" value={exchange.response.reason.clone().unwrap_or_default()}
                                placeholder={if exchange.response.version.is_framed() { "(none in HTTP/2 and HTTP/3)" } else { "" }}
                                oninput={send(ComposerAction::SetReason).reform(input_value)} />
                        </label>
                    </div>
                    if let Some(error) = state.status_error() {
                        <p class="input-error" role="alert">{ error }</p>
                    }
                    <HeaderEditor side="response" headers={exchange.response.headers.clone()} onname={rs_name} onvalue={rs_value} onadd={rs_add} onremove={rs_remove}
                        held={state.held.count(Side::Response)} ontake={take_held(&engine, state.held, Side::Response)} />
                    <label class="field" for="response-body">
                        <span>{ "Body" }</span>
                        <textarea id="response-body" rows="8" spellcheck="false" ref={response_body.clone()}
                            oninput={d.reform(|e: InputEvent| ComposerAction::SetBody(Side::Response, textarea_value(e)))} />
                    </label>
                    { body_hint(state.analysis.as_ref().map(|a| &a.response_body)) }
                </fieldset>
            </div>
            <section class={classes!("analysis", state.status_error().is_some().then_some("paused"))} aria-label="Analysis" aria-busy={state.analysis.is_none().to_string()}>
                if state.status_error().is_some() {
                    <p class="analysis-paused" role="status">{ format!("Analysis paused while the status field is not a code; below is the analysis of {}.", state.exchange.response.status) }</p>
                }
                { match &state.analysis {
                    Some(analysis) => html! {
                        <>
                            { summary_bar(analysis) }
                            { section_nav(analysis) }
                            { status_meaning(&analysis.status) }
                            if let Some(cache) = &analysis.cache {
                                <CachePanel analysis={cache.clone()} moment={state.cache_moment_s}
                                    onmoment={d.reform(ComposerAction::SetCacheMoment)} />
                            }
                            if let Some(advice) = &analysis.retry {
                                <RetryPanel advice={advice.clone()} backoff={state.backoff}
                                    onbackoff={d.reform(ComposerAction::SetBackoff)} />
                            }
                            if let Some(problem) = analysis.problem.as_ref().filter(|p| p.detected || !p.errors.is_empty() || p.conversion.is_some() || state.user_schema.is_some()) {
                                <ProblemPanel analysis={problem.clone()} onconvert={d.reform(ComposerAction::ApplyFix)}
                                    schema_check={state.schema_check.clone()}
                                    schema_pending={state.schema_check.is_none() && exchange.response.body.len() <= SCHEMA_AUTO_LIMIT_BYTES && wants_schema_check(exchange, state.user_schema.is_some())}
                                    user_schema={state.user_schema.clone()}
                                    onschema={d.reform(ComposerAction::SetUserSchema)}
                                    body={excerpt_source(&exchange.response.body)}
                                    validator_startup_ms={state.validator_startup_ms} />
                            }
                            <p class="fix-note" role="status" aria-live="polite">
                                if let Some((_, label)) = &state.undo {
                                    { format!("Applied: {label}. ") }
                                    <button type="button" id="undo-fix" class="link-button" onclick={d.reform(|_: MouseEvent| ComposerAction::UndoFix)}>{ "Undo (Ctrl+Z)" }</button>
                                }
                            </p>
                            <FindingsList findings={analysis.findings.clone()} onfix={d.reform(ComposerAction::ApplyFix)} fixes_off={fixes_off.clone()} />
                            <ExportPanel chosen={state.export_format} text={state.export_text.clone()} onchoose={d.reform(ComposerAction::ChooseExport)}
                                include_secrets={state.export_secrets} redacted={state.export_redacted.clone()} onsecrets={d.reform(ComposerAction::SetExportSecrets)} />
                            <SharePanel link={state.share_link.clone()} include_secrets={state.share_secrets}
                                onsecrets={d.reform(ComposerAction::SetShareSecrets)} onopen={d.reform(ComposerAction::SetShareOpen)} embed=true />
                        </>
                    },
                    None => html! { <p class="loading" role="status">{ "Analysing…" }</p> },
                } }
            </section>
            </div>
            } else {
                <p class="loading" role="status">{ "Loading the exchange…" }</p>
            }
        </section>
    }
}

/// What became of a shared link: opened (and at which moment it is judged),
/// or why not, with the user's own work shown instead.
fn link_note(state: &ComposerState, dispatch: &Callback<ComposerAction>) -> Html {
    let dismiss = dispatch.reform(|_: MouseEvent| ComposerAction::DismissLinkNote);
    match &state.link_note {
        Some(LinkNote::Failed(message)) => html! {
            <div class="link-note failed" role="alert">
                <p><strong>{ "This link could not be opened. " }</strong>{ message.clone() }</p>
                <p>{ "Nothing was changed: your own exchange, as you left it, is below." }</p>
                <button type="button" class="link-button" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        },
        Some(LinkNote::Opened) => html! {
            <div class="link-note" role="status">
                <p>
                    { "Opened from a shared link. Your edits are saved in this browser as you make them." }
                    if let Some(at) = state.pinned_now {
                        { format!(" Ages and Retry-After dates are judged at the sender's moment ({}). ", at.utc_label()) }
                        <button type="button" class="link-button" id="use-current-time"
                            onclick={dispatch.reform(|_: MouseEvent| ComposerAction::UseCurrentTime)}>{ "Judge at the current time" }</button>
                    }
                </p>
                <button type="button" class="link-button" onclick={dismiss}>{ "Dismiss" }</button>
            </div>
        },
        None => html! {},
    }
}

/// Hands a chosen or dropped file to the engine worker, which reads and
/// parses it there: the page never copies or decodes the bytes, so even a
/// HAR of tens of megabytes leaves it responsive.
fn read_file(file: web_sys::File, dispatch: &Callback<ComposerAction>, engine: &Engine) {
    dispatch.emit(ComposerAction::LoadStarted);
    // A file small enough to keep for a reload is also read here, in the
    // background; a larger one only has its size noted.
    let bytes = file.size() as usize;
    if bytes <= LOADED_LIMIT_BYTES {
        let (dispatch, blob) = (dispatch.clone(), web_sys::Blob::from(file.clone()));
        wasm_bindgen_futures::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(blob.text()).await;
            if let Some(text) = text.ok().and_then(|t| t.as_string()) {
                keep_source(&dispatch, &text);
            }
        });
    } else {
        dispatch.emit(ComposerAction::SourceKept { text: None, bytes });
    }
    engine.send(Job::LoadFile { name: file.name() }, file.into());
}

/// Keeps a loaded input's text for a reload when it is small enough.
fn keep_source(dispatch: &Callback<ComposerAction>, text: &str) {
    let bytes = text.len();
    let text = (bytes <= LOADED_LIMIT_BYTES).then(|| std::rc::Rc::from(text));
    dispatch.emit(ComposerAction::SourceKept { text, bytes });
}

fn on_file(dispatch: Callback<ComposerAction>, engine: Engine) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<HtmlInputElement>();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            read_file(file, &dispatch, &engine);
        }
    })
}

fn on_drop(dispatch: Callback<ComposerAction>, engine: Engine) -> Callback<DragEvent> {
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e.data_transfer().and_then(|t| t.files()).and_then(|files| files.get(0))
        {
            read_file(file, &dispatch, &engine);
        }
    })
}

/// What the analysis knows about a body: its size and encoding, and why a
/// check could not run on it.
fn body_hint(body: Option<&BodySummary>) -> Html {
    let Some(body) = body else { return html! {} };
    if body.bytes == 0 && body.note.is_none() {
        return html! {};
    }
    html! {
        <p class="hint body-hint">
            { format!("{} bytes, {}.", body.bytes, body.encoding) }
            if let Some(note) = &body.note {
                { " " }{ note.clone() }
            }
        </p>
    }
}

/// Jumps to the analysis's sections; the cache, retry and problem panels
/// join it as their engines fill the model's slots. Buttons, not `#id`
/// links, which would change the hash route.
fn section_nav(analysis: &Analysis) -> Html {
    let jump =
        |id: &'static str| Callback::from(move |_: MouseEvent| crate::ui::browser::scroll_to(id));
    let findings = format!("Findings ({})", analysis.findings.len());
    html! {
        <nav class="analysis-nav" aria-label="Analysis sections">
            <button type="button" onclick={jump("meaning-title")}>{ "Meaning" }</button>
            if analysis.cache.is_some() {
                <button type="button" onclick={jump("cache-title")}>{ "Caching" }</button>
            }
            if analysis.retry.is_some() {
                <button type="button" onclick={jump("retry-title")}>{ "Retry" }</button>
            }
            if analysis.problem.as_ref().is_some_and(|p| p.detected || !p.errors.is_empty() || p.conversion.is_some()) {
                <button type="button" onclick={jump("problem-title")}>{ "Error body" }</button>
            }
            <button type="button" onclick={jump("findings-title")}>{ findings }</button>
            <button type="button" onclick={jump("export-title")}>{ "Export" }</button>
        </nav>
    }
}

fn cache_summary(cache: &crate::core::cache::CacheAnalysis) -> String {
    let one = |verdict: &crate::core::cache::CacheVerdict| match (
        verdict.storable,
        verdict.freshness_lifetime_s,
    ) {
        (false, _) => "not stored".to_string(),
        (true, Some(s)) if s > 0 => format!("fresh {s} s"),
        (true, _) => "revalidate".to_string(),
    };
    format!("CDN: {} · browser: {}", one(&cache.shared), one(&cache.private))
}

fn retry_summary(advice: &crate::core::retry::RetryAdvice) -> String {
    use crate::core::retry::Verdict;
    match (advice.verdict, advice.after_s) {
        (Verdict::Retry, Some(after)) => format!("retry after {after} s"),
        (Verdict::Retry, None) => "retry with backoff".into(),
        (Verdict::AfterChange, _) => "retry after a change".into(),
        (Verdict::DoNotRetry, _) => "do not retry".into(),
        (Verdict::NothingToRetry, _) => "nothing to retry".into(),
    }
}

/// The one-line verdict that stays in view (sticky on a phone).
fn summary_bar(analysis: &Analysis) -> Html {
    let counts = &analysis.counts;
    let worst = analysis.findings.first();
    html! {
        <div class="analysis-summary" role="status" aria-live="polite">
            <span class={classes!("summary-status", format!("c{}", analysis.status.code / 100))}>{ analysis.status.code }</span>
            <span class="summary-counts">{ counts.describe(" · ") }</span>
            if let Some(cache) = &analysis.cache {
                <span class="summary-cache">{ cache_summary(cache) }</span>
            }
            if let Some(retry) = &analysis.retry {
                <span class="summary-retry">{ retry_summary(retry) }</span>
            }
            <button type="button" class={classes!("summary-worst", worst.map(|w| w.severity.label()))}
                onclick={Callback::from(|_: MouseEvent| crate::ui::browser::scroll_to("findings-title"))}>
                { worst.map_or_else(|| "See the analysis".to_string(), |w| w.title.to_string()) }
            </button>
        </div>
    }
}

fn status_meaning(status: &StatusAnalysis) -> Html {
    html! {
        <section class="meaning" aria-labelledby="meaning-title">
            <h2 id="meaning-title">{ status.headline.clone() }</h2>
            if let Some(error) = &status.error {
                <p class="input-error">{ error.clone() }</p>
            } else {
                <p>{ status.summary.clone() }</p>
                if let Some(note) = &status.lifecycle {
                    <p class="note">{ note.clone() }</p>
                }
                if let Some(fallback) = &status.fallback {
                    <p class="note">{ fallback.clone() }</p>
                }
                // No generic retry line here: the retry panel judges this
                // method and these fields, where the registry's line speaks
                // of methods in general ("repeating a POST") even on a GET.
                <p><a href={Route::Code(status.code).to_fragment()}>{ format!("Reference page for {}", status.code) }</a></p>
            }
        </section>
    }
}
