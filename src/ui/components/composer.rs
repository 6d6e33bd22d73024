use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::{
    exchange::HttpVersion,
    fields::field_names,
    lint::{lint, Profile},
    presets,
    registry::{Lookup, Registry},
    route::Route,
};
use crate::ui::{
    components::{EntriesTable, ExportPanel, FindingsList, HeaderEditor},
    state::{ComposerAction, ComposerState, Side},
};

const METHODS: &[&str] =
    &["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "QUERY", "TRACE", "CONNECT"];
const VERSIONS: &[HttpVersion] =
    &[HttpVersion::Http10, HttpVersion::Http11, HttpVersion::Http2, HttpVersion::Http3];

#[derive(Properties, PartialEq)]
pub struct ComposerProps {
    pub state: ComposerState,
    pub ondispatch: Callback<ComposerAction>,
}

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

/// The two-pane composer with its live analysis.
#[component]
pub fn Composer(props: &ComposerProps) -> Html {
    let state = &props.state;
    let exchange = &state.exchange;
    // The paste box is uncontrolled: a pasted HAR can be tens of megabytes,
    // too much to copy through the state on every render.
    let paste_box = use_node_ref();
    let send = |action: fn(String) -> ComposerAction| {
        props.ondispatch.reform(move |value: String| action(value))
    };
    let findings = {
        let (exchange, profile) = (exchange.clone(), state.profile);
        use_memo((exchange, profile), |(exchange, profile)| lint(exchange, *profile))
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
        <section class="composer" aria-labelledby="composer-title">
            <h1 id="composer-title">{ "Composer" }</h1>
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
            if let Some(preset) = state.preset.as_deref().and_then(presets::find) {
                <p class="preset-description">{ preset.description.to_string() }</p>
            }
            <details class="paste" open={state.paste_error.is_some()}
                ondragover={Callback::from(|e: DragEvent| e.prevent_default())} ondrop={on_drop(d.clone())}>
                <summary>{ "Paste or drop an exchange, curl -i / curl -v output or a HAR file" }</summary>
                <label class="visually-hidden" for="paste-text">{ "Exchange to paste" }</label>
                <textarea id="paste-text" rows="8" spellcheck="false"
                    placeholder={"GET /users/42 HTTP/1.1\nHost: api.example\n\nHTTP/1.1 404 Not Found\nContent-Type: application/problem+json\n\n{\"title\":\"Not Found\",\"status\":404}"}
                    ref={paste_box.clone()} />
                <div class="paste-actions">
                    <button type="button" id="load-paste" onclick={{
                        let (paste_box, dispatch) = (paste_box.clone(), d.clone());
                        Callback::from(move |_: MouseEvent| {
                            if let Some(area) = paste_box.cast::<HtmlTextAreaElement>() {
                                load_text(Rc::from(area.value()), dispatch.clone());
                            }
                        })
                    }}>{ "Load into the composer" }</button>
                    <label class="file-button">
                        { "Open a file…" }
                        <input id="open-file" class="visually-hidden" type="file"
                            accept=".har,.json,.http,.txt,text/plain,application/json"
                            onchange={on_file(d.clone())} />
                    </label>
                    if let Some((done, total)) = state.loading {
                        <p class="hint" role="status">
                            { if total == 0 { "Reading the HAR file…".to_string() } else { format!("Reading entries: {done} of {total}…") } }
                        </p>
                    } else if let Some(error) = &state.paste_error {
                        <p class="input-error" role="alert">{ error.clone() }</p>
                    } else if state.pasted_count > 1 {
                        <p class="hint">{ format!("The input held {} exchanges; the first is loaded.", state.pasted_count) }</p>
                    }
                </div>
            </details>
            if !state.entries.is_empty() {
                <EntriesTable entries={state.entries.clone()} selected={state.selected} page={state.entries_page}
                    profile={state.profile} onopen={d.reform(ComposerAction::OpenEntry)} onpage={d.reform(ComposerAction::SetEntriesPage)} />
            }
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
                    <HeaderEditor side="request" headers={exchange.request.headers.clone()} onname={rq_name} onvalue={rq_value} onadd={rq_add} onremove={rq_remove} />
                    <label class="field" for="request-body">
                        <span>{ "Body" }</span>
                        <textarea id="request-body" rows="5" spellcheck="false" value={exchange.request.body.clone()}
                            oninput={d.reform(|e: InputEvent| ComposerAction::SetBody(Side::Request, textarea_value(e)))} />
                    </label>
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
                    <HeaderEditor side="response" headers={exchange.response.headers.clone()} onname={rs_name} onvalue={rs_value} onadd={rs_add} onremove={rs_remove} />
                    <label class="field" for="response-body">
                        <span>{ "Body" }</span>
                        <textarea id="response-body" rows="8" spellcheck="false" value={exchange.response.body.clone()}
                            oninput={d.reform(|e: InputEvent| ComposerAction::SetBody(Side::Response, textarea_value(e)))} />
                    </label>
                </fieldset>
            </div>
            <section class="analysis" aria-label="Analysis">
                { status_meaning(exchange.response.status, &exchange.request.method, exchange.request_known) }
                <FindingsList findings={(*findings).clone()} onfix={d.reform(ComposerAction::ApplyFix)} />
            </section>
            <ExportPanel exchange={exchange.clone()} findings={(*findings).clone()} profile={state.profile} />
        </section>
    }
}

/// Loads text into the composer: a HAR in slices between frames, anything
/// else (small by nature) at once through the paste box.
fn load_text(text: Rc<str>, dispatch: Callback<ComposerAction>) {
    if text.trim_start().starts_with('{') {
        crate::ui::har_loader::load_har(text, dispatch);
    } else {
        dispatch.emit(ComposerAction::LoadText(text.to_string()));
    }
}

/// Reads a chosen or dropped file and loads it. The bytes are copied into
/// wasm and decoded there: decoding tens of megabytes into a JavaScript
/// string first (`File.text()`) blocks the main thread for about half a
/// second. A HAR file is not copied into the paste box either: at that size
/// the text area would be the slowest part of the page.
fn read_file(file: web_sys::File, dispatch: Callback<ComposerAction>) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let bytes = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(buffer) => js_sys::Uint8Array::new(&buffer).to_vec(),
            Err(_) => {
                return dispatch
                    .emit(ComposerAction::LoadFailed(format!("{name} could not be read")))
            }
        };
        match String::from_utf8(bytes) {
            Ok(text) => load_text(Rc::from(text), dispatch),
            Err(error) => dispatch.emit(ComposerAction::LoadFailed(format!(
                "{name} is not UTF-8 text (invalid byte at offset {})",
                error.utf8_error().valid_up_to()
            ))),
        }
    });
}

fn on_file(dispatch: Callback<ComposerAction>) -> Callback<Event> {
    Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<HtmlInputElement>();
        if let Some(file) = input.files().and_then(|files| files.get(0)) {
            read_file(file, dispatch.clone());
        }
    })
}

fn on_drop(dispatch: Callback<ComposerAction>) -> Callback<DragEvent> {
    Callback::from(move |e: DragEvent| {
        e.prevent_default();
        if let Some(file) = e.data_transfer().and_then(|t| t.files()).and_then(|files| files.get(0))
        {
            read_file(file, dispatch.clone());
        }
    })
}

fn status_meaning(status: u16, method: &str, request_known: bool) -> Html {
    let registry = Registry::global();
    let context = if request_known { format!(" in answer to {method}") } else { String::new() };
    match registry.lookup(status) {
        Ok(Lookup::Known(entry)) => html! {
            <section class="meaning" aria-labelledby="meaning-title">
                <h2 id="meaning-title">
                    { format!("{} {}{context}", entry.code, entry.name) }
                </h2>
                <p>{ entry.summary.to_string() }</p>
                <p class="meaning-retry"><strong>{ "Retry: " }</strong>{ entry.retry.to_string() }</p>
                <p><a href={Route::Code(status).to_fragment()}>{ format!("Reference page for {status}") }</a></p>
            </section>
        },
        Ok(Lookup::UnknownInClass { class, .. }) => html! {
            <section class="meaning" aria-labelledby="meaning-title">
                <h2 id="meaning-title">{ format!("{status}: no registered meaning{context}") }</h2>
                <p>{ format!("Clients treat it as {} ({}). {}", status / 100 * 100, class.name, class.unknown_code_handling) }</p>
                <p><a href={Route::Code(status).to_fragment()}>{ format!("Reference page for {status}") }</a></p>
            </section>
        },
        Err(error) => html! {
            <section class="meaning" aria-labelledby="meaning-title">
                <h2 id="meaning-title">{ format!("{status}: not a status code") }</h2>
                <p class="input-error">{ error.to_string() }</p>
            </section>
        },
    }
}
