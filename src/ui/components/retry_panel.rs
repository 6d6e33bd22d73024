use yew::prelude::*;

use crate::core::retry::{
    format_milli, Attempt, BackoffSettings, RetryAdvice, RetryBudget, Verdict,
};
use crate::ui::components::SpecLink;

#[derive(Properties, PartialEq)]
pub struct RetryPanelProps {
    pub advice: RetryAdvice,
    pub backoff: BackoffSettings,
    pub onbackoff: Callback<BackoffSettings>,
}

/// A number field of the backoff settings. It commits on every input, not
/// on change: the field is controlled, so a render that arrived between a
/// keystroke and leaving the field (another worker's answer) would put the
/// old number back over what the user typed.
fn setting(id: &str, label: &str, value: u64, oncommit: Callback<u64>) -> Html {
    let oninput = Callback::from(move |e: InputEvent| {
        let number = e.target_unchecked_into::<web_sys::HtmlInputElement>().value_as_number();
        if number.is_finite() && number >= 0.0 {
            oncommit.emit(number as u64);
        }
    });
    html! {
        <label class="field small" for={id.to_string()}>
            <span>{ label }</span>
            <input id={id.to_string()} type="number" min="0" inputmode="numeric" value={value.to_string()} {oninput} />
        </label>
    }
}

/// The budget's scheme picker and its numbers. Tokens are typed whole (the
/// gRPC count is kept in thousandths underneath).
fn budget_settings(backoff: BackoffSettings, on: Callback<BackoffSettings>) -> Html {
    let with = move |budget: Option<RetryBudget>| BackoffSettings { budget, ..backoff };
    let onscheme = {
        let on = on.clone();
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<web_sys::HtmlSelectElement>().value();
            let budget = match value.as_str() {
                "aws" => Some(RetryBudget::AWS_FULL),
                "grpc" => Some(RetryBudget::GRPC_FULL),
                _ => None,
            };
            on.emit(with(budget));
        })
    };
    let scheme = match backoff.budget {
        None => "none",
        Some(RetryBudget::AwsQuota { .. }) => "aws",
        Some(RetryBudget::GrpcThrottling { .. }) => "grpc",
    };
    let numbers = match backoff.budget {
        None => html! {},
        Some(RetryBudget::AwsQuota { tokens, retry_cost }) => html! { <>
            { setting("budget-tokens", "Tokens left", u64::from(tokens), {
                let on = on.clone();
                Callback::from(move |v: u64| on.emit(with(Some(RetryBudget::AwsQuota { tokens: u32::try_from(v).unwrap_or(u32::MAX), retry_cost }))))
            }) }
            { setting("budget-cost", "Cost per retry", u64::from(retry_cost), {
                let on = on.clone();
                Callback::from(move |v: u64| on.emit(with(Some(RetryBudget::AwsQuota { tokens, retry_cost: u32::try_from(v).unwrap_or(u32::MAX) }))))
            }) }
        </> },
        Some(RetryBudget::GrpcThrottling { max_tokens, tokens_milli }) => html! { <>
            { setting("budget-tokens", "Tokens left", u64::from(tokens_milli / 1000), {
                let on = on.clone();
                Callback::from(move |v: u64| on.emit(with(Some(RetryBudget::GrpcThrottling { max_tokens, tokens_milli: u32::try_from(v.saturating_mul(1000)).unwrap_or(u32::MAX) }))))
            }) }
            { setting("budget-max", "Max tokens", u64::from(max_tokens), {
                let on = on.clone();
                Callback::from(move |v: u64| on.emit(with(Some(RetryBudget::GrpcThrottling { max_tokens: u32::try_from(v).unwrap_or(u32::MAX), tokens_milli }))))
            }) }
        </> },
    };
    html! {
        <div class="backoff-settings budget-settings">
            <label class="field small" for="retry-budget">
                <span>{ "Retry budget" }</span>
                <select id="retry-budget" onchange={onscheme}>
                    <option value="none" selected={scheme == "none"}>{ "None" }</option>
                    <option value="aws" selected={scheme == "aws"}>{ "AWS retry quota" }</option>
                    <option value="grpc" selected={scheme == "grpc"}>{ "gRPC retry throttling" }</option>
                </select>
            </label>
            { numbers }
        </div>
    }
}

fn verdict_label(verdict: Verdict) -> (&'static str, &'static str) {
    match verdict {
        Verdict::Retry => ("Retry automatically", "ok"),
        Verdict::AfterChange => ("Retry only after a change", "warn"),
        Verdict::DoNotRetry => ("Do not retry", "bad"),
        Verdict::NothingToRetry => ("Nothing to retry", "neutral"),
    }
}

fn seconds(ms: u64) -> String {
    if ms < 1000 {
        format!("{ms} ms")
    } else {
        format!("{:.1} s", ms as f64 / 1000.0)
    }
}

/// The recommended attempts on one time axis from the response: each
/// retry's jitter band (counted from the attempt before it) and the seeded
/// draw within it. The table after it says the same in text.
fn schedule_chart(schedule: &[Attempt], worst_ms: u64) -> Html {
    const WIDTH: f64 = 320.0;
    const ROW: f64 = 18.0;
    let previous = |a: &Attempt| a.at_ms.saturating_sub(a.chosen_ms);
    let end = schedule.iter().map(|a| previous(a) + a.latest_ms).max().unwrap_or(1);
    let span = worst_ms.max(end).max(1) as f64;
    let x = |ms: u64| 4.0 + (ms as f64 / span) * (WIDTH - 8.0);
    let height = ROW * schedule.len() as f64 + 20.0;
    html! {
        <svg class="schedule-chart" viewBox={format!("0 0 {WIDTH} {height}")} role="img"
            aria-label="Retry schedule: jitter band and chosen time of each attempt (the table below lists them)">
            { for schedule.iter().enumerate().map(|(i, a)| {
                let y = 6.0 + ROW * i as f64;
                html! {
                    <g>
                        <rect class="band" x={x(previous(a) + a.earliest_ms).to_string()} y={y.to_string()}
                            width={(x(previous(a) + a.latest_ms) - x(previous(a) + a.earliest_ms)).max(1.0).to_string()} height="10" rx="2" />
                        <circle class="draw" cx={x(a.at_ms).to_string()} cy={(y + 5.0).to_string()} r="4" />
                    </g>
                }
            }) }
            <line class="axis" x1="4" x2={(WIDTH - 4.0).to_string()} y1={(height - 8.0).to_string()} y2={(height - 8.0).to_string()} />
        </svg>
    }
}

/// Retry advice: the verdict with its reasons, the schedule, and what real
/// clients' defaults would do.
#[component]
pub fn RetryPanel(props: &RetryPanelProps) -> Html {
    let advice = &props.advice;
    let (label, tone) = verdict_label(advice.verdict);
    let budgeted = advice.schedule.iter().any(|a| a.tokens_left_milli.is_some());
    html! {
        <section class="retry" aria-labelledby="retry-title">
            <h2 id="retry-title">{ "Retry" }</h2>
            <p class={classes!("verdict", tone)}>
                <strong>{ label }</strong>
                if let Some(after) = advice.after_s {
                    { format!(" · after {after} s (Retry-After)") }
                }
                if let Some(change) = &advice.needs_change {
                    { format!(" · first: {change}") }
                }
            </p>
            <p>{ advice.reason.clone() }{ " " }<SpecLink spec={advice.spec.clone()} /></p>
            <ol class="retry-steps">
                { for advice.steps.iter().map(|step| html! {
                    <li>
                        <strong>{ step.label.clone() }</strong>{ ": " }{ step.detail.clone() }{ " " }
                        <SpecLink spec={step.spec.clone()} />
                    </li>
                }) }
            </ol>
            // The settings stay while retrying is advised, even when they cut
            // every retry, so the user can undo what emptied the schedule.
            if advice.should_retry {
                <h3>{ "Recommended schedule" }</h3>
                <div class="backoff-settings">
                    { setting("backoff-base", "Base (ms)", props.backoff.base_ms, {
                        let (b, on) = (props.backoff, props.onbackoff.clone());
                        Callback::from(move |v| on.emit(BackoffSettings { base_ms: v, ..b }))
                    }) }
                    { setting("backoff-cap", "Cap (ms)", props.backoff.cap_ms, {
                        let (b, on) = (props.backoff, props.onbackoff.clone());
                        Callback::from(move |v| on.emit(BackoffSettings { cap_ms: v, ..b }))
                    }) }
                    { setting("backoff-attempts", "Retries", u64::from(props.backoff.max_attempts), {
                        let (b, on) = (props.backoff, props.onbackoff.clone());
                        Callback::from(move |v: u64| on.emit(BackoffSettings { max_attempts: u32::try_from(v).unwrap_or(u32::MAX), ..b }))
                    }) }
                    { setting("backoff-deadline", "Deadline (ms, 0 = none)", props.backoff.deadline_ms.unwrap_or(0), {
                        let (b, on) = (props.backoff, props.onbackoff.clone());
                        Callback::from(move |v| on.emit(BackoffSettings { deadline_ms: (v > 0).then_some(v), ..b }))
                    }) }
                </div>
                { budget_settings(props.backoff, props.onbackoff.clone()) }
            }
            if !advice.schedule.is_empty() {
                { schedule_chart(&advice.schedule, advice.worst_case_wait_ms) }
                <table class="schedule-table">
                    <caption>{ format!("Capped exponential backoff with full jitter; worst case {} in all.", seconds(advice.worst_case_wait_ms)) }</caption>
                    <thead><tr><th scope="col">{ "Retry" }</th><th scope="col">{ "Wait window" }</th><th scope="col">{ "Drawn wait" }</th><th scope="col">{ "Starts at" }</th>
                        if budgeted { <th scope="col">{ "Budget left if it fails" }</th> }
                    </tr></thead>
                    <tbody>
                        { for advice.schedule.iter().map(|a| html! {
                            <tr>
                                <td>{ a.number }</td>
                                <td>{ format!("{} – {}", seconds(a.earliest_ms), seconds(a.latest_ms)) }</td>
                                <td>{ seconds(a.chosen_ms) }</td>
                                <td>{ seconds(a.at_ms) }</td>
                                if let Some(left) = a.tokens_left_milli {
                                    <td>{ format_milli(left) }</td>
                                }
                            </tr>
                        }) }
                    </tbody>
                </table>
            }
            if !advice.clients.is_empty() {
                <h3>{ "What real clients would do by default" }</h3>
                <div class="table-scroll">
                    <table class="clients-table">
                        <thead><tr><th scope="col">{ "Client" }</th><th scope="col">{ "Retries?" }</th><th scope="col">{ "Note" }</th></tr></thead>
                        <tbody>
                            { for advice.clients.iter().map(|c| html! {
                                <tr class={classes!(c.departs_from_rfc.is_some().then_some("departs"))}>
                                    <th scope="row"><a href={c.source.clone()} rel="noopener" target="_blank">{ c.client.clone() }</a></th>
                                    <td>{ if c.would_retry { "yes" } else { "no" } }{ c.delay.as_ref().map(|d| format!(" ({d})")).unwrap_or_default() }</td>
                                    <td>
                                        { c.note.clone() }
                                        if !c.verified {
                                            <span class="flag subtle">{ " not fully verified" }</span>
                                        }
                                        if let Some(departs) = &c.departs_from_rfc {
                                            <span class="departs-note">{ " Differs from the RFC advice: " }{ departs.clone() }</span>
                                        }
                                    </td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </section>
    }
}
