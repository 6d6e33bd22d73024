use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::core::lint::{AutoFix, Edit};
use crate::core::problem::{char_offset, ProblemAnalysis, ProblemError};
use crate::ui::components::SpecLink;

#[derive(Properties, PartialEq)]
pub struct ProblemPanelProps {
    pub analysis: ProblemAnalysis,
    /// Applies the conversion to problem details.
    pub onconvert: Callback<AutoFix>,
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
                <ul class="problem-errors">
                    { for problem.errors.iter().map(|error| html! {
                        <li class={classes!("finding", error.severity.label())}>
                            <button type="button" class="link-button problem-place" onclick={reveal(error)}
                                aria-label={format!("Show line {} column {} in the body", error.line, error.column)}>
                                { format!("{}:{}", error.line, error.column) }
                                if !error.pointer.is_empty() {
                                    <code>{ format!(" {}", error.pointer) }</code>
                                }
                            </button>
                            { " " }<span class={classes!("severity", error.severity.label())}>{ error.severity.label() }</span>
                            { " " }{ error.message.clone() }{ " " }<SpecLink spec={error.spec.clone()} />
                        </li>
                    }) }
                </ul>
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
