//! Exercise mode: the pack's list with progress, one exercise with its
//! graded answer and hints, and the printable answer sheet.

use std::collections::BTreeMap;

use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::core::{
    exercise::{Exercise, Grade, Pack},
    route::{ExerciseRoute, Route},
};
use crate::engine::protocol::{Job, PackSource};
use crate::state::{Action, ExerciseAction, ExerciseState, Progress};
use crate::ui::{
    browser,
    components::source_link,
    composer_host::open_in_composer,
    context::{use_app, use_engine},
};

/// The learner's record, kept between visits.
const PROGRESS_KEY: &str = "statuslab.exercises.progress.v1";
/// A workshop's own pack, kept so a reload does not fall back to the
/// shipped one.
const PACK_KEY: &str = "statuslab.exercises.pack.v1";

#[derive(Properties, PartialEq)]
pub struct ExercisesProps {
    pub at: ExerciseRoute,
}

fn exercise_source(exercise: &Exercise) -> Html {
    source_link(&exercise.spec.label(), &exercise.spec.url)
}

#[component]
pub fn Exercises(props: &ExercisesProps) -> Html {
    let (Some(app), Some(engine)) = (use_app(), use_engine()) else {
        return html! {};
    };
    let state = &app.exercises;
    {
        // The pack: one shared as a link, else the workshop's pack kept from
        // the last visit, else the shipped one.
        let (dispatcher, engine) = (app.dispatcher(), engine.clone());
        let link = match &props.at {
            ExerciseRoute::Pack(payload) => Some(payload.clone()),
            _ => None,
        };
        let needed = state.pack.is_none() || link.is_some();
        use_effect_with(link.clone(), move |link| {
            if needed {
                let source = match link {
                    Some(payload) => PackSource::Link(payload.clone()),
                    None => browser::load_setting(PACK_KEY)
                        .map_or(PackSource::Builtin, PackSource::Text),
                };
                dispatcher.dispatch(Action::Exercise(ExerciseAction::PackRequested));
                engine.run(Job::LoadPack { source });
            }
        });
    }
    {
        // A pack opened from a link is kept, and the address then names
        // the list.
        let text = state.pack_text.clone();
        let from_link = matches!(props.at, ExerciseRoute::Pack(_));
        let dispatcher = app.dispatcher();
        use_effect_with((text, state.pack.is_some()), move |(text, loaded)| {
            if *loaded {
                match text {
                    Some(text) => browser::save_setting(PACK_KEY, text),
                    None => browser::remove_setting(PACK_KEY),
                }
                if from_link {
                    let list = Route::Exercises(ExerciseRoute::List);
                    browser::replace_hash(&list.to_fragment());
                    dispatcher.dispatch(Action::Navigate(list));
                }
            }
        });
    }
    {
        // Progress comes back once, then follows every change.
        let dispatcher = app.dispatcher();
        let progress = state.progress.clone();
        let restored = use_mut_ref(|| false);
        use_effect_with(progress, move |progress| {
            if !restored.replace(true) {
                let saved = browser::load_setting(PROGRESS_KEY)
                    .and_then(|t| serde_json::from_str::<BTreeMap<String, Progress>>(&t).ok());
                if let Some(saved) = saved.filter(|_| progress.is_empty()) {
                    dispatcher.dispatch(Action::Exercise(ExerciseAction::ProgressRestored(saved)));
                }
                return;
            }
            if let Ok(json) = serde_json::to_string(progress) {
                browser::save_setting(PROGRESS_KEY, &json);
            }
        });
    }
    let dispatch = {
        let dispatcher = app.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(Action::Exercise(action)))
    };
    let Some(pack) = state.pack.clone() else {
        return html! {
            <section class="exercises">
                <h1>{ "Exercises" }</h1>
                if let Some(error) = &state.pack_error {
                    <p class="input-error" role="alert">{ error.clone() }</p>
                    <p><a href="#/exercises" onclick={{
                        let engine = engine.clone();
                        Callback::from(move |_: MouseEvent| {
                            browser::remove_setting(PACK_KEY);
                            engine.run(Job::LoadPack { source: PackSource::Builtin });
                        })
                    }}>{ "Open the Status Lab exercises instead" }</a></p>
                } else {
                    <p class="loading" role="status">{ "Loading the exercises…" }</p>
                }
            </section>
        };
    };
    match &props.at {
        ExerciseRoute::List | ExerciseRoute::Pack(_) => list_view(&pack, state, &engine, &dispatch),
        ExerciseRoute::Answers => answer_sheet(&pack),
        ExerciseRoute::Exercise(id) => match pack.exercise(id) {
            Some(exercise) => html! {
                <ExerciseView exercise={exercise.clone()} pack={pack.clone()} progress={state.progress_of(id)}
                    grade={state.grade.clone().filter(|g| &g.exercise == id)} score={state.score()} />
            },
            None => html! {
                <section class="exercises">
                    <h1>{ "No such exercise" }</h1>
                    <p>{ format!("The pack \"{}\" has no exercise \"{id}\".", pack.pack.title) }</p>
                    <p><a href="#/exercises">{ "All exercises" }</a></p>
                </section>
            },
        },
    }
}

fn list_view(
    pack: &Pack,
    state: &ExerciseState,
    engine: &crate::ui::engine_client::Engine,
    dispatch: &Callback<ExerciseAction>,
) -> Html {
    let (solved, total) = state.score();
    let onfile = {
        let (engine, dispatch) = (engine.clone(), dispatch.clone());
        Callback::from(move |e: Event| {
            let input = e.target_unchecked_into::<HtmlInputElement>();
            let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
            let (engine, dispatch) = (engine.clone(), dispatch.clone());
            wasm_bindgen_futures::spawn_local(async move {
                let text = wasm_bindgen_futures::JsFuture::from(file.text()).await;
                if let Some(text) = text.ok().and_then(|t| t.as_string()) {
                    dispatch.emit(ExerciseAction::PackRequested);
                    engine.run(Job::LoadPack { source: PackSource::Text(text) });
                }
            });
        })
    };
    let pack_link = state
        .pack_link
        .as_ref()
        .map(|payload| format!("{}#/exercises/pack/{payload}", browser::page_address()));
    html! {
        <section class="exercises" aria-labelledby="exercises-title">
            <h1 id="exercises-title">{ pack.pack.title.clone() }</h1>
            <p>{ pack.pack.description.clone() }</p>
            <p class="exercise-score" role="status">{ format!("Solved: {solved} of {total}") }</p>
            if let Some(error) = &state.pack_error {
                <p class="input-error" role="alert">{ error.clone() }</p>
            }
            <ol class="exercise-list">
                { for pack.exercises.iter().map(|exercise| {
                    let progress = state.progress_of(&exercise.id);
                    let route = Route::Exercises(ExerciseRoute::Exercise(exercise.id.clone()));
                    html! {
                        <li class={classes!(progress.solved.then_some("solved"))}>
                            <a href={route.to_fragment()}>{ exercise.title.clone() }</a>
                            <span class={classes!("level", format!("level-{}", exercise.level.label().to_ascii_lowercase()))}>{ exercise.level.label() }</span>
                            <span class="topics">{ exercise.topics.join(", ") }</span>
                            <span class="exercise-state">{ if progress.solved { "✓ Solved" } else if progress.attempts > 0 { "Tried" } else { "" } }</span>
                        </li>
                    }
                }) }
            </ol>
            <section class="workshop" aria-labelledby="workshop-title">
                <h2 id="workshop-title">{ "For workshop leaders" }</h2>
                <p>{ "Write your own pack (the format is in docs/exercises.md), open it here, and share it as one link. Progress stays in each learner's browser." }</p>
                <p class="workshop-actions">
                    <label class="file-button">{ "Open an exercise file…" }
                        <input id="open-pack" class="visually-hidden" type="file" accept=".toml,text/plain" onchange={onfile} />
                    </label>
                    <a href={Route::Exercises(ExerciseRoute::Answers).to_fragment()}>{ "Answer sheet (printable)" }</a>
                    <button type="button" id="reset-progress" onclick={dispatch.reform(|_: MouseEvent| ExerciseAction::Reset)}>{ "Reset my progress" }</button>
                </p>
                if let Some(link) = pack_link {
                    <label class="field" for="pack-link"><span>{ "This pack as a link" }</span>
                        <input id="pack-link" readonly=true value={link} />
                    </label>
                }
            </section>
        </section>
    }
}

fn answer_sheet(pack: &Pack) -> Html {
    html! {
        <section class="answer-sheet" aria-labelledby="answers-title">
            <h1 id="answers-title">{ format!("{}: answer sheet", pack.pack.title) }</h1>
            <p class="no-print">
                <a href="#/exercises">{ "Back to the exercises" }</a>{ " · " }
                <button type="button" id="print-answers" onclick={Callback::from(|_: MouseEvent| browser::print())}>{ "Print" }</button>
            </p>
            { for pack.exercises.iter().enumerate().map(|(i, exercise)| html! {
                <article class="answer">
                    <h2>{ format!("{}. {}", i + 1, exercise.title) }<span class="level">{ exercise.level.label() }</span></h2>
                    <p>{ exercise.scenario.trim().to_string() }</p>
                    <p><strong>{ "Accepted: " }</strong>{ exercise.expect.status.iter().map(u16::to_string).collect::<Vec<_>>().join(", ") }</p>
                    <pre class="answer-reference">{ exercise.reference.trim().to_string() }</pre>
                    <p>{ exercise.explanation.trim().to_string() }{ " " }{ exercise_source(exercise) }</p>
                </article>
            }) }
        </section>
    }
}

#[derive(Properties, PartialEq)]
struct ExerciseViewProps {
    exercise: Exercise,
    pack: std::rc::Rc<Pack>,
    progress: Progress,
    grade: Option<Grade>,
    score: (usize, usize),
}

#[component]
fn ExerciseView(props: &ExerciseViewProps) -> Html {
    let (Some(app), Some(engine)) = (use_app(), use_engine()) else {
        return html! {};
    };
    let exercise = &props.exercise;
    let answer = props
        .progress
        .answer
        .clone()
        .or_else(|| exercise.starter.clone())
        .unwrap_or_else(|| "HTTP/1.1 200 OK\n".into());
    let dispatch = {
        let dispatcher = app.dispatcher();
        Callback::from(move |action| dispatcher.dispatch(Action::Exercise(action)))
    };
    let id = exercise.id.clone();
    let oninput = {
        let (dispatch, id) = (dispatch.clone(), id.clone());
        Callback::from(move |e: InputEvent| {
            let text = e.target_unchecked_into::<HtmlTextAreaElement>().value();
            dispatch.emit(ExerciseAction::Answer { exercise: id.clone(), text });
        })
    };
    let oncheck = {
        let (dispatch, engine, exercise, answer) =
            (dispatch.clone(), engine.clone(), exercise.clone(), answer.clone());
        Callback::from(move |_: MouseEvent| {
            dispatch.emit(ExerciseAction::Checked { exercise: exercise.id.clone() });
            engine.run(Job::Grade {
                exercise: Box::new(exercise.clone()),
                response: answer.clone(),
                now: browser::now(),
            });
        })
    };
    let oncompose = open_in_composer(
        app.dispatcher(),
        engine.clone(),
        format!("{}\n\n{}", exercise.request.trim_end(), answer.trim_start()),
    );
    let index = props.pack.exercises.iter().position(|e| e.id == exercise.id).unwrap_or(0);
    let neighbour = |i: Option<usize>| {
        i.and_then(|i| props.pack.exercises.get(i))
            .map(|e| Route::Exercises(ExerciseRoute::Exercise(e.id.clone())).to_fragment())
    };
    let hints_shown = props.progress.hints.min(exercise.hints.len());
    let show_explanation = props.progress.solved || props.progress.gave_up;
    html! {
        <section class="exercise" aria-labelledby="exercise-title">
            <nav class="exercise-nav" aria-label="Exercises">
                <a href="#/exercises">{ "All exercises" }</a>
                <span class="exercise-score">{ format!("Solved: {} of {}", props.score.0, props.score.1) }</span>
                if let Some(previous) = neighbour(index.checked_sub(1)) {
                    <a href={previous}>{ "← Previous" }</a>
                }
                if let Some(next) = neighbour(Some(index + 1)) {
                    <a href={next}>{ "Next →" }</a>
                }
            </nav>
            <h1 id="exercise-title">{ exercise.title.clone() }</h1>
            <p class="exercise-meta">
                <span class={classes!("level", format!("level-{}", exercise.level.label().to_ascii_lowercase()))}>{ exercise.level.label() }</span>
                { format!(" {} of {} · {}", index + 1, props.pack.exercises.len(), exercise.topics.join(", ")) }
            </p>
            <p class="scenario">{ exercise.scenario.trim().to_string() }</p>
            <h2>{ "The request" }</h2>
            <pre class="exercise-request">{ exercise.request.trim().to_string() }</pre>
            <label class="field" for="exercise-answer">
                <span>{ "Your response (raw HTTP: status line, fields, a blank line, the body)" }</span>
                <textarea id="exercise-answer" rows="10" spellcheck="false" value={answer} {oninput} />
            </label>
            <p class="exercise-actions">
                <button type="button" id="check-answer" class="primary" onclick={oncheck}>{ "Check my answer" }</button>
                <button type="button" id="open-in-composer" onclick={oncompose}>{ "Open in the composer" }</button>
            </p>
            if let Some(grade) = &props.grade {
                <div class={classes!("grade", if grade.passed { "passed" } else { "failed" })} role="status">
                    <p class="grade-verdict"><strong>{ if grade.passed { "Correct: every check passes." } else { "Not yet." } }</strong>
                        { format!(" {} of {} checks pass.", grade.passed_checks(), grade.checks.len()) }</p>
                    <ul class="grade-checks">
                        { for grade.checks.iter().map(|c| html! {
                            <li class={classes!(if c.passed { "ok" } else { "fail" })}>
                                <span class="check-mark" aria-hidden="true">{ if c.passed { "✓" } else { "✗" } }</span>
                                <span class="visually-hidden">{ if c.passed { "Passed: " } else { "Failed: " } }</span>
                                <strong>{ c.label.clone() }</strong>{ ": " }{ c.detail.clone() }
                            </li>
                        }) }
                    </ul>
                </div>
            }
            <section class="hints" aria-labelledby="hints-title">
                <h2 id="hints-title">{ "Hints" }</h2>
                <ol>
                    { for exercise.hints.iter().take(hints_shown).map(|hint| html! { <li>{ hint.clone() }</li> }) }
                </ol>
                if hints_shown < exercise.hints.len() {
                    <button type="button" id="show-hint" onclick={dispatch.reform({ let id = id.clone(); move |_: MouseEvent| ExerciseAction::ShowHint { exercise: id.clone() } })}>
                        { format!("Show a hint ({} left)", exercise.hints.len() - hints_shown) }
                    </button>
                }
            </section>
            <section class="explanation" aria-labelledby="explanation-title">
                <h2 id="explanation-title">{ "Explanation" }</h2>
                if show_explanation {
                    <p>{ exercise.explanation.trim().to_string() }</p>
                    <p>{ "Source: " }{ exercise_source(exercise) }</p>
                    <p>{ "A model answer:" }</p>
                    <pre class="exercise-reference">{ exercise.reference.trim().to_string() }</pre>
                } else {
                    <button type="button" id="give-up" onclick={dispatch.reform(move |_: MouseEvent| ExerciseAction::GiveUp { exercise: id.clone() })}>
                        { "Show the explanation and a model answer" }
                    </button>
                }
            </section>
        </section>
    }
}
