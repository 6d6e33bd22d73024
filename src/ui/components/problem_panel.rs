use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::analysis::counted;
use crate::core::lint::{AutoFix, Edit};
use crate::core::problem::{
    char_offset, schema_choices_in, ProblemAnalysis, ProblemError, SchemaInput, SchemaVerdict,
};
use crate::ui::components::SpecLink;
use crate::validator::ValidateReply;

#[derive(Properties, PartialEq)]
pub struct ProblemPanelProps {
    pub analysis: ProblemAnalysis,
    /// Applies the conversion to problem details.
    pub onconvert: Callback<AutoFix>,
    /// The validator worker's verdicts for the body on screen, once in.
    #[prop_or_default]
    pub schema_check: Option<ValidateReply>,
    /// Whether a schema verdict is expected (the body wants one).
    #[prop_or_default]
    pub schema_pending: bool,
    #[prop_or_default]
    pub user_schema: Option<SchemaInput>,
    #[prop_or_default]
    pub onschema: Callback<Option<SchemaInput>>,
    /// The response body, for the excerpts under each placed error.
    #[prop_or_default]
    pub body: AttrValue,
    /// How long the validator worker took to start, once it has.
    #[prop_or_default]
    pub validator_startup_ms: Option<f64>,
}

/// The error's line of the body with a caret under its column, the way a
/// compiler shows it: the place is visible without leaving the panel.
fn excerpt(body: &str, error: &ProblemError) -> Html {
    let Some(line) = body.lines().nth(error.line.saturating_sub(1) as usize) else {
        return html! {};
    };
    let shown: String = line.chars().take(160).collect();
    let column = (error.column.saturating_sub(1) as usize).min(shown.chars().count());
    let pad = " ".repeat(column);
    html! {
        <pre class="problem-excerpt" aria-hidden="true"><code>
            { format!("{shown}\n{pad}") }<mark>{ "^" }</mark>
        </code></pre>
    }
}

/// Each error as a button to its place, its message and an excerpt. The
/// semantic checks also show their severity and RFC section; a schema's
/// errors carry only the schema's word.
fn error_list(errors: &[ProblemError], body: &str, class: &'static str, semantic: bool) -> Html {
    html! {
        <ul class={classes!("problem-errors", class)}>
            { for errors.iter().map(|error| html! {
                <li class={classes!("finding", error.severity.label())}>
                    <button type="button" class="link-button problem-place" onclick={reveal(error)}
                        aria-label={format!("Show line {} column {} in the body", error.line, error.column)}>
                        { format!("{}:{}", error.line, error.column) }
                        if !error.pointer.is_empty() {
                            <code>{ format!(" {}", error.pointer) }</code>
                        }
                    </button>
                    if semantic {
                        { " " }<span class={classes!("severity", error.severity.label())}>{ error.severity.label() }</span>
                    }
                    { " " }{ error.message.clone() }
                    if semantic {
                        { " " }<SpecLink spec={error.spec.clone()} />
                    }
                    { excerpt(body, error) }
                </li>
            }) }
        </ul>
    }
}

fn schema_verdict(title: &str, verdict: &SchemaVerdict, body: &str, class: &'static str) -> Html {
    html! {
        <div class={classes!("schema-verdict", class)}>
            <p class={classes!("verdict", if verdict.valid { "ok" } else { "warn" })}>
                <strong>{ title }</strong>{ if verdict.valid { ": passes".to_string() } else { format!(": {}", counted(verdict.errors.len(), "error", "errors")) } }
            </p>
            if !verdict.errors.is_empty() {
                { error_list(&verdict.errors, body, "schema-errors", false) }
            }
        </div>
    }
}

/// The user's own schema: paste it or open a file, choose a schema inside
/// an OpenAPI document, and apply. The draft stays in the boxes until
/// applied, so a half-typed schema never reaches the validator.
#[component]
fn UserSchemaEditor(props: &UserSchemaProps) -> Html {
    let current = props.current.clone();
    let draft = use_state(|| current.as_ref().map(|s| s.text.clone()).unwrap_or_default());
    let pointer =
        use_state(|| current.as_ref().and_then(|s| s.pointer.clone()).unwrap_or_default());
    let choices = use_memo((*draft).clone(), |text| schema_choices_in(text));
    let ontext = {
        let draft = draft.clone();
        Callback::from(move |e: InputEvent| {
            draft.set(e.target_unchecked_into::<HtmlTextAreaElement>().value())
        })
    };
    let onfile = {
        let draft = draft.clone();
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            if let Some(file) = input.files().and_then(|files| files.get(0)) {
                let draft = draft.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                    if let Some(text) = text.ok().and_then(|t| t.as_string()) {
                        draft.set(text);
                    }
                });
            }
        })
    };
    let onpointer = {
        let pointer = pointer.clone();
        Callback::from(move |e: Event| {
            let target = e.target_unchecked_into::<web_sys::HtmlInputElement>();
            pointer.set(target.value());
        })
    };
    let onapply = {
        let (draft, pointer, on) = (draft.clone(), pointer.clone(), props.onschema.clone());
        Callback::from(move |_: MouseEvent| {
            let pointer = Some((*pointer).clone()).filter(|p| !p.trim().is_empty());
            on.emit(Some(SchemaInput { text: (*draft).clone(), pointer }));
        })
    };
    let onremove = {
        let on = props.onschema.clone();
        Callback::from(move |_: MouseEvent| on.emit(None))
    };
    html! {
        <details class="user-schema" open={current.is_some()}>
            <summary>{ "Your JSON Schema" }{ if current.is_some() { " (in use)" } else { "" } }</summary>
            <p class="subtle">{ "A JSON Schema (draft 2020-12, 2019-09 or 7) or an OpenAPI document; $ref resolves inside it. It stays in this browser." }</p>
            <label class="field" for="user-schema">
                <span>{ "Schema or OpenAPI document (JSON)" }</span>
                <textarea id="user-schema" rows="6" spellcheck="false" value={(*draft).clone()} oninput={ontext} />
            </label>
            <div class="user-schema-row">
                <label class="field small" for="user-schema-file">
                    <span>{ "Open a file" }</span>
                    <input id="user-schema-file" type="file" accept=".json,application/json,application/schema+json" onchange={onfile} />
                </label>
                if choices.is_empty() {
                    <label class="field small" for="user-schema-pointer">
                        <span>{ "Schema inside it (#/pointer, optional)" }</span>
                        <input id="user-schema-pointer" type="text" value={(*pointer).clone()} onchange={onpointer} />
                    </label>
                } else {
                    <label class="field small" for="user-schema-pointer">
                        <span>{ "Schema to use" }</span>
                        <select id="user-schema-pointer" onchange={onpointer}>
                            <option value="" selected={pointer.is_empty()}>{ "Choose…" }</option>
                            { for choices.iter().map(|c| html! { <option value={c.clone()} selected={*pointer == *c}>{ c.clone() }</option> }) }
                        </select>
                    </label>
                }
            </div>
            <div class="user-schema-row">
                <button type="button" id="apply-schema" onclick={onapply}>{ "Validate with this schema" }</button>
                if current.is_some() {
                    <button type="button" class="link-button" id="remove-schema" onclick={onremove}>{ "Stop using it" }</button>
                }
            </div>
        </details>
    }
}

#[derive(Properties, PartialEq)]
struct UserSchemaProps {
    current: Option<SchemaInput>,
    onschema: Callback<Option<SchemaInput>>,
}

/// Puts the cursor in the response body at the error's place, selecting
/// the rest of its line so the eye finds it.
fn reveal(error: &ProblemError) -> Callback<MouseEvent> {
    let (line, column) = (error.line, error.column);
    Callback::from(move |_: MouseEvent| {
        let area = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("response-body"))
            .and_then(|e| wasm_bindgen::JsCast::dyn_into::<HtmlTextAreaElement>(e).ok());
        if let Some(area) = area {
            let text = area.value();
            let start = char_offset(&text, line, column);
            let line_end = char_offset(&text, line, u32::MAX);
            let _ = area.focus();
            let _ = area.set_selection_range(start, line_end.max(start));
        }
    })
}

/// RFC 9457: whether the error body is problem details, each finding placed
/// in the body (a click moves the cursor there), and a one-click conversion
/// for a legacy body.
#[component]
pub fn ProblemPanel(props: &ProblemPanelProps) -> Html {
    let problem = &props.analysis;
    let (label, tone) = match (problem.detected, problem.valid) {
        (true, true) => ("Valid problem details (RFC 9457)", "ok"),
        (true, false) => ("Problem details with faults", "warn"),
        (false, _) => ("Not problem details", "neutral"),
    };
    let body = props.body.as_str();
    let check = props.schema_check.as_ref();
    html! {
        <section class="problem" aria-labelledby="problem-title">
            <h2 id="problem-title">{ "Error body" }</h2>
            <p class={classes!("verdict", tone)}>
                <strong>{ label }</strong>
                if let Some(media) = &problem.media_type {
                    { format!(" · {media}") }
                }
            </p>
            if !problem.errors.is_empty() {
                { error_list(&problem.errors, body, "semantic-errors", true) }
            }
            if problem.detected {
                <div class="schema-standard"
                    data-elapsed-ms={check.map(|c| format!("{:.2}", c.elapsed_ms))}
                    data-body-bytes={check.map(|c| c.body_bytes.to_string())}
                    data-startup-ms={props.validator_startup_ms.map(|ms| format!("{ms:.1}"))}>
                    { match check.and_then(|c| c.standard.as_ref()) {
                        Some(verdict) => schema_verdict("RFC 9457 Appendix A schema", verdict, body, "standard"),
                        None if props.schema_pending => html! { <p class="verdict neutral" role="status">{ "RFC 9457 Appendix A schema: loading the validator…" }</p> },
                        None => html! {},
                    } }
                    if let Some(c) = check {
                        <p class="subtle">{ format!("Checked in {:.1} ms in the validator worker{}.", c.elapsed_ms,
                            props.validator_startup_ms.map(|ms| format!(", which started in {ms:.0} ms")).unwrap_or_default()) }</p>
                    }
                    <p class="subtle">{ "The schema checks member types and URI formats only; the checks above also cover what it cannot see, such as status matching the response and the reason phrase for about:blank." }</p>
                </div>
            }
            if let Some(user) = check.and_then(|c| c.user.as_ref()) {
                { match user {
                    Ok(verdict) => schema_verdict("Your schema", verdict, body, "user"),
                    Err(message) => html! { <p class="input-error user-schema-error" role="alert">{ message.clone() }</p> },
                } }
            }
            <UserSchemaEditor current={props.user_schema.clone()} onschema={props.onschema.clone()} />
            if let Some(legacy) = &problem.legacy {
                <details class="problem-legacy">
                    <summary>{ "The same body in the legacy {error, message, details} format" }</summary>
                    <pre class="problem-preview"><code>{ legacy.clone() }</code></pre>
                </details>
            }
            if let Some(conversion) = &problem.conversion {
                <div class="problem-conversion">
                    <p>{ format!(
                        "As problem details, this body keeps {} member(s) as extensions{}.",
                        conversion.kept_as_extensions.len(),
                        if conversion.mapped.is_empty() { String::new() } else { format!(" and maps {}", conversion.mapped.iter().map(|(from, to)| format!("{from} → {to}")).collect::<Vec<_>>().join(", ")) }
                    ) }</p>
                    <pre class="problem-preview"><code>{ conversion.body.clone() }</code></pre>
                    <button type="button" id="convert-problem" onclick={{
                        let onconvert = props.onconvert.clone();
                        let fix = AutoFix::new("Convert to problem details", vec![
                            Edit::SetBody { body: conversion.body.clone() },
                            Edit::SetHeader { name: "Content-Type".into(), value: conversion.content_type.clone() },
                        ]);
                        Callback::from(move |_: MouseEvent| onconvert.emit(fix.clone()))
                    }}>{ "Convert to problem details" }</button>
                </div>
            }
        </section>
    }
}
