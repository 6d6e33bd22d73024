use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::core::cache::{
    CacheAction, CacheAnalysis, CacheVerdict, DefaultBehaviour, ImplementationKind,
};
use crate::ui::components::SpecLink;

#[derive(Properties, PartialEq)]
pub struct CachePanelProps {
    pub analysis: CacheAnalysis,
    /// The timeline's moment, seconds after receipt: kept in the app state
    /// so a shared link carries it.
    pub moment: i64,
    pub onmoment: Callback<i64>,
}

fn action_text(action: CacheAction) -> (&'static str, &'static str) {
    match action {
        CacheAction::ServeFromCache => ("serve from cache", "ok"),
        CacheAction::ServeStaleWhileRevalidating => ("serve stale while revalidating", "ok"),
        CacheAction::RevalidateFirst => ("revalidate first", "warn"),
        CacheAction::GoToOrigin => ("go to the origin", "bad"),
    }
}

fn duration(seconds: i64) -> String {
    match seconds.abs() {
        s if s < 120 => format!("{seconds} s"),
        s if s < 7200 => format!("{} min", seconds / 60),
        s if s < 172_800 => format!("{} h", seconds / 3600),
        _ => format!("{} days", seconds / 86_400),
    }
}

fn lifetime(verdict: &CacheVerdict) -> String {
    match (verdict.storable, verdict.freshness_lifetime_s) {
        (false, _) => "not storable".into(),
        (true, None) => "storable, no freshness: revalidated on every use".into(),
        (true, Some(s)) if s <= 0 => "storable, already stale".into(),
        (true, Some(s)) if verdict.heuristic => format!("fresh for {} (heuristic)", duration(s)),
        (true, Some(s)) => format!("fresh for {}", duration(s)),
    }
}

/// The slider's range: past the last window, so every phase can be visited.
fn horizon(analysis: &CacheAnalysis) -> i64 {
    let ends = [&analysis.shared, &analysis.private].into_iter().flat_map(|v| {
        [
            v.windows.fresh_until_s,
            v.windows.stale_while_revalidate_until_s,
            v.windows.stale_if_error_until_s,
        ]
    });
    let last = ends.flatten().max().unwrap_or(0);
    (last + last / 2).clamp(60, 30 * 86_400)
}

/// The windows from receipt, drawn: fresh, stale-while-revalidate and
/// stale-if-error; a line marks the slider's moment. The verdicts beside it
/// say the same in words.
fn timeline(verdict: &CacheVerdict, span: i64, at: i64, label: &str) -> Html {
    const WIDTH: f64 = 300.0;
    let x = |s: i64| 2.0 + (s.clamp(0, span) as f64 / span as f64) * (WIDTH - 4.0);
    let w = &verdict.windows;
    let fresh = w.fresh_until_s.unwrap_or(0).max(0);
    let swr = w.stale_while_revalidate_until_s.unwrap_or(fresh).max(fresh);
    let sie = w.stale_if_error_until_s.unwrap_or(fresh).max(fresh);
    html! {
        <svg class="cache-timeline" viewBox={format!("0 0 {WIDTH} 30")} role="img" aria-label={label.to_string()}>
            if sie > fresh {
                <rect class="sie" x={x(fresh).to_string()} y="16" width={(x(sie) - x(fresh)).to_string()} height="8" />
            }
            if swr > fresh {
                <rect class="swr" x={x(fresh).to_string()} y="6" width={(x(swr) - x(fresh)).to_string()} height="8" />
            }
            if verdict.storable && fresh > 0 {
                <rect class="fresh" x={x(0).to_string()} y="6" width={(x(fresh) - x(0)).to_string()} height="18" />
            }
            <line class="now" x1={x(at).to_string()} x2={x(at).to_string()} y1="2" y2="28" />
        </svg>
    }
}

fn side(title: &str, verdict: &CacheVerdict, span: i64, at: i64) -> Html {
    let (action, tone) = action_text(verdict.action_at(at));
    let label = format!("{title}: {} from receipt", lifetime(verdict));
    html! {
        <div class="cache-side">
            <h3>{ title }</h3>
            <p class={classes!("verdict", tone)}>
                <strong>{ format!("At t + {}: {action}", duration(at)) }</strong>
            </p>
            <p class="cache-lifetime">{ lifetime(verdict) }</p>
            { timeline(verdict, span, at, &label) }
            <details class="cache-reasons">
                <summary>{ format!("Why ({} steps)", verdict.reasons.len()) }</summary>
                <ol>
                    { for verdict.reasons.iter().map(|step| html! {
                        <li><strong>{ step.label.clone() }</strong>{ ": " }{ step.detail.clone() }{ " " }<SpecLink spec={step.spec.clone()} /></li>
                    }) }
                </ol>
            </details>
        </div>
    }
}

/// What CDNs and browsers do by default with this exchange: the computed
/// lifetime and the documented facts it touches, each with its source.
/// Collapsed by default: it is context, not the verdict.
fn real_world_defaults(defaults: &[DefaultBehaviour]) -> Html {
    let departing = defaults.iter().filter(|d| d.facts.iter().any(|f| f.departs_from_rfc)).count();
    html! {
        <details class="cache-defaults">
            <summary>{ format!("What CDNs and browsers do by default ({} of {} depart from RFC 9111 here)", departing, defaults.len()) }</summary>
            <ul>
                { for defaults.iter().map(|d| html! {
                    <li class="cache-default">
                        <strong>{ d.name.clone() }</strong>
                        { match d.kind { ImplementationKind::Cdn => " (CDN)", ImplementationKind::Browser => " (browser)" } }
                        if let Some(lifetime) = &d.lifetime { { ": " }{ lifetime.clone() } }
                        <ul>
                            { for d.facts.iter().map(|f| html! {
                                <li>
                                    if f.departs_from_rfc { <span class="flag">{ "departs from the RFC" }</span>{ " " } }
                                    { f.summary.clone() }{ " " }
                                    <span class="subtle">{ format!("({})", f.rfc) }</span>{ " " }
                                    <a href={f.source.clone()} rel="noopener noreferrer" target="_blank">{ "source" }</a>
                                    if !f.verified { <span class="flag subtle">{ " not verified" }</span> }
                                </li>
                            }) }
                        </ul>
                    </li>
                }) }
            </ul>
        </details>
    }
}

/// RFC 9111 verdicts for a shared and a private cache, side by side, at a
/// moment the user moves with a slider; with the reasons, the validators,
/// and the http-cache-semantics crate's answer where it differs.
#[component]
pub fn CachePanel(props: &CachePanelProps) -> Html {
    let analysis = &props.analysis;
    let span = horizon(analysis);
    let moment = props.moment.min(span);
    let oninput = {
        let onmoment = props.onmoment.clone();
        Callback::from(move |e: InputEvent| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value_as_number();
            if value.is_finite() {
                onmoment.emit(value as i64);
            }
        })
    };
    html! {
        <section class="cache" aria-labelledby="cache-title">
            <h2 id="cache-title">{ "Caching" }</h2>
            <label class="cache-slider" for="cache-moment">
                <span>{ format!("Moment: t + {} after receipt (age now {})", duration(moment), duration(analysis.age_s)) }</span>
                <input id="cache-moment" type="range" min="0" max={span.to_string()} step="1"
                    value={moment.to_string()} {oninput}
                    aria-valuetext={format!("{} after receipt", duration(moment))} />
            </label>
            <div class="cache-sides">
                { side("Shared cache (CDN, proxy)", &analysis.shared, span, moment) }
                { side("Private cache (browser)", &analysis.private, span, moment) }
            </div>
            if analysis.validators.etag.is_some() || analysis.validators.last_modified.is_some() {
                <p class="cache-validators">
                    { "To revalidate, a cache sends: " }
                    <code>{ analysis.validators.conditional_request.iter().map(|(n, v)| format!("{n}: {v}")).collect::<Vec<_>>().join(", ") }</code>
                    { ". " }{ analysis.validators.after_304.clone() }
                </p>
            }
            { for analysis.targeted.iter().map(|field| html! {
                <p class="cache-targeted"><code>{ format!("{}: {}", field.name, field.value) }</code>{ " " }{ field.explanation.clone() }{ " " }<SpecLink spec={field.spec.clone()} /></p>
            }) }
            if let Some(library) = &analysis.library {
                if !library.differs.is_empty() {
                    <div class="cache-library">
                        <h3>{ "What the http-cache-semantics crate says" }</h3>
                        <p>{ format!(
                            "Shared: {}, {}. Private: {}, {}.",
                            if library.shared_storable { "storable" } else { "not storable" },
                            duration(library.shared_ttl_s),
                            if library.private_storable { "storable" } else { "not storable" },
                            duration(library.private_ttl_s),
                        ) }</p>
                        <ul>{ for library.differs.iter().map(|d| html! { <li>{ d.clone() }</li> }) }</ul>
                    </div>
                }
            }
            if !analysis.defaults.is_empty() {
                { real_world_defaults(&analysis.defaults) }
            }
        </section>
    }
}
