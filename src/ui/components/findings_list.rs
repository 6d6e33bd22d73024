use yew::prelude::*;

use crate::core::analysis::count_findings;
use crate::core::lint::{AutoFix, Finding};
use crate::ui::components::SpecLink;

#[derive(Properties, PartialEq)]
pub struct FindingsListProps {
    pub findings: Vec<Finding>,
    pub onfix: Callback<AutoFix>,
    /// Why one-click fixes are off, when they are.
    #[prop_or_default]
    pub fixes_off: Option<AttrValue>,
}

/// Lint findings, most severe first, each with why, spec link and fix.
#[component]
pub fn FindingsList(props: &FindingsListProps) -> Html {
    let summary = if props.findings.is_empty() {
        "No findings: nothing wrong or missing that the rules can see.".to_string()
    } else {
        count_findings(&props.findings).describe(", ")
    };
    html! {
        <section class="findings" aria-labelledby="findings-title">
            <h2 id="findings-title">{ "Findings" }</h2>
            <p class="findings-summary" role="status" aria-live="polite">{ summary }</p>
            if let Some(why) = &props.fixes_off {
                <p class="hint fixes-off">{ why.clone() }</p>
            }
            <ul class="finding-list">
                { for props.findings.iter().map(|f| {
                    let onfix = f.autofix.clone().filter(|_| props.fixes_off.is_none()).map(|fix| {
                        let onfix = props.onfix.clone();
                        let label = fix.label.clone();
                        (label, Callback::from(move |_: MouseEvent| onfix.emit(fix.clone())))
                    });
                    html! {
                        <li class={classes!("finding", f.severity.label())} data-rule={f.id.to_string()}>
                            <p class="finding-head">
                                <span class={classes!("severity", f.severity.label())}>{ f.severity.label() }</span>
                                if let Some(line) = f.line {
                                    <span class="finding-line">{ format!("line {line}") }</span>
                                }
                                <span class="finding-message">{ f.message.clone() }</span>
                            </p>
                            <p class="finding-why">{ f.why.to_string() }{ " " }<SpecLink spec={f.spec.clone()} /></p>
                            <p class="finding-fix"><strong>{ "Fix: " }</strong>{ f.fix.to_string() }</p>
                            if let Some(note) = &f.profile_note {
                                <p class="finding-profile">{ note.to_string() }</p>
                            }
                            <p class="finding-meta">
                                <code>{ f.id.to_string() }</code>
                                if let Some((label, onclick)) = onfix {
                                    <button type="button" class="apply-fix" {onclick}>{ label }</button>
                                }
                            </p>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}
