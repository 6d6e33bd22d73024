//! "Which code should I return?": one question at a time, ending at a code
//! with why, where the source articles disagree with the RFC, and an
//! example that opens in the composer.

use yew::prelude::*;

use crate::core::{
    guide::{Guide, Step},
    registry::Registry,
    route::Route,
};
use crate::ui::{
    components::source_link,
    composer_host::open_in_composer,
    context::{use_app, use_engine},
};

#[derive(Properties, PartialEq)]
pub struct GuidePageProps {
    pub at: Option<String>,
}

thread_local! {
    static GUIDE: std::cell::RefCell<Option<std::rc::Rc<Guide>>> = const { std::cell::RefCell::new(None) };
}

/// The guide, fetched once per visit (`guide.json`): most visits never
/// open it, so the page's wasm does not carry it.
#[hook]
fn use_guide() -> UseStateHandle<Option<Result<std::rc::Rc<Guide>, String>>> {
    let state = use_state(|| GUIDE.with(|g| g.borrow().clone()).map(Ok));
    {
        let state = state.clone();
        use_effect_with((), move |()| {
            if state.is_none() {
                wasm_bindgen_futures::spawn_local(async move {
                    let result = crate::ui::details::fetch_text("guide.json")
                        .await
                        .and_then(|text| Guide::parse(&text))
                        .map(std::rc::Rc::new);
                    if let Ok(guide) = &result {
                        GUIDE.with(|g| *g.borrow_mut() = Some(guide.clone()));
                    }
                    state.set(Some(result));
                });
            }
        });
    }
    state
}

#[component]
pub fn GuidePage(props: &GuidePageProps) -> Html {
    let loaded = use_guide();
    let (Some(app), Some(engine)) = (use_app(), use_engine()) else {
        return html! {};
    };
    let guide = match loaded.as_ref() {
        Some(Ok(guide)) => guide.clone(),
        Some(Err(why)) => {
            return html! {
                <section class="guide">
                    <h1>{ "Which code should I return?" }</h1>
                    <p class="input-error" role="alert">{ format!("The guide could not be loaded ({why}).") }</p>
                </section>
            };
        }
        None => {
            return html! {
                <section class="guide">
                    <h1>{ "Which code should I return?" }</h1>
                    <p class="loading" role="status">{ "Loading the guide…" }</p>
                </section>
            };
        }
    };
    let guide = &*guide;
    let at = props.at.clone().unwrap_or_else(|| guide.start.clone());
    let Some(step) = guide.step(&at) else {
        return html! {
            <section class="guide">
                <h1>{ "Which code should I return?" }</h1>
                <p class="input-error" role="alert">{ format!("The guide has no step \"{at}\".") }</p>
                <p><a href={Route::Guide(None).to_fragment()}>{ "Start from the first question" }</a></p>
            </section>
        };
    };
    let trail = guide.path_to(&at);
    html! {
        <section class="guide" aria-labelledby="guide-title">
            <h1 id="guide-title">{ "Which code should I return?" }</h1>
            if !trail.is_empty() {
                <ol class="guide-trail" aria-label="Your answers so far">
                    { for trail.iter().map(|(question, choice)| html! {
                        <li><a href={Route::Guide(Some(question.id.clone())).to_fragment()}>{ question.text.clone() }</a>{ " " }<span class="answer">{ choice.label.clone() }</span></li>
                    }) }
                </ol>
            }
            { match step {
                Step::Question(question) => html! {
                    <div class="guide-question">
                        <h2>{ question.text.clone() }</h2>
                        if let Some(help) = &question.help {
                            <p class="subtle">{ help.clone() }</p>
                        }
                        <ul class="guide-choices">
                            { for question.choices.iter().map(|choice| html! {
                                <li><a class="choice" href={Route::Guide(Some(choice.next.clone())).to_fragment()}>{ choice.label.clone() }</a></li>
                            }) }
                        </ul>
                    </div>
                },
                Step::Leaf(leaf) => {
                    let name = Registry::global().entry(leaf.code).map(|e| e.name.to_string()).unwrap_or_default();
                    let onopen = open_in_composer(app.dispatcher(), engine.clone(), leaf.exchange.clone());
                    html! {
                        <div class="guide-answer">
                            <h2 class="guide-code">{ format!("{} {name}", leaf.code) }</h2>
                            <p>{ leaf.why.clone() }</p>
                            <p>{ "Defined in " }
                                { source_link(&leaf.spec.label(), &leaf.spec.url) }
                            </p>
                            if let Some(correction) = &leaf.correction {
                                <div class="guide-correction">
                                    <h3>{ "Where the articles differ from the RFC" }</h3>
                                    <p>{ correction.clone() }</p>
                                </div>
                            }
                            <h3>{ "An example" }</h3>
                            <pre class="guide-exchange">{ leaf.exchange.trim().to_string() }</pre>
                            <p class="guide-actions">
                                <button type="button" class="primary" id="open-guide-example" onclick={onopen}>{ "Open this example in the composer" }</button>
                                <a href={Route::Code(leaf.code).to_fragment()}>{ format!("Reference page for {}", leaf.code) }</a>
                                <a href={Route::Guide(None).to_fragment()}>{ "Start again" }</a>
                            </p>
                        </div>
                    }
                }
            } }
        </section>
    }
}
