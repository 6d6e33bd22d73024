//! The composer's side of the app (the `composer` feature): the engine
//! worker and the effects that keep it and the state in step. The reference
//! build (index.html) leaves all of this out, so the page docs link to never
//! downloads the composer's code.

use yew::prelude::*;

use crate::core::problem::SchemaInput;
use crate::core::{
    analysis::AnalysisOptions,
    export::to_raw,
    redact::redact_secrets,
    route::Route,
    share::{LinkError, MAX_PAYLOAD_CHARS},
};
use crate::engine::protocol::Job;
use crate::state::{Action, ComposerAction, EngineAction};
use crate::ui::{
    browser,
    context::AppReducer,
    engine_client::{Engine, EngineEvent},
    validator_client::{Validator, ValidatorEvent},
};

/// The composer's exchange as raw HTTP, saved on every edit so a reload
/// loses nothing. Raw text rather than JSON: the parser exists anyway.
/// Versioned so a later format can read and migrate older saves.
const EXCHANGE_KEY: &str = "statuslab.exchange.raw.v1";
/// Storage holds about 5 MB per site; a larger exchange is not kept.
const SAVE_LIMIT_BYTES: usize = 1 << 20;
/// A loaded set of exchanges (a HAR, several pasted) and the entry open,
/// remembered between visits: JSON of `{"text": …, "selected": n}`.
const LOADED_KEY: &str = "statuslab.loaded.v1";
/// A loaded input larger than this is not kept (storage holds about 5 MB a
/// site, and the exchange's own autosave needs room too).
pub const LOADED_LIMIT_BYTES: usize = 2 << 20;

#[derive(serde::Serialize, serde::Deserialize)]
struct KeptLoad {
    text: String,
    selected: usize,
}

/// The user's JSON Schema, remembered between visits (JSON of `SchemaInput`).
const SCHEMA_KEY: &str = "statuslab.schema.v1";
/// Bodies up to this size are validated on every edit; a larger one would
/// copy megabytes to the validator per keystroke.
pub const SCHEMA_AUTO_LIMIT_BYTES: usize = 2 << 20;

/// Whether the response body wants a schema verdict: JSON-looking, and an
/// error, a JSON media type, or a schema of the user's to check it with.
pub fn wants_schema_check(exchange: &crate::core::exchange::Exchange, user: bool) -> bool {
    let response = &exchange.response;
    let looks_json = matches!(response.body.trim_start().chars().next(), Some('{' | '['));
    let json_media = response
        .headers
        .get("content-type")
        .is_some_and(|t| t.to_ascii_lowercase().contains("json"));
    looks_json && (user || json_media || response.status >= 400)
}

/// A button's callback that opens `text` (raw HTTP) in the composer: the
/// guide's examples and the exercises' answers use it.
pub fn open_in_composer(
    dispatcher: yew::functional::UseReducerDispatcher<AppReducer>,
    engine: Engine,
    text: String,
) -> Callback<MouseEvent> {
    Callback::from(move |_: MouseEvent| {
        let route = Route::Composer { preset: None };
        browser::push_hash(&route.to_fragment());
        dispatcher.dispatch(Action::Navigate(route));
        dispatcher.dispatch(Action::Composer(ComposerAction::LoadStarted));
        engine.run(Job::LoadText { text: text.clone() });
    })
}

/// Reads the last session's exchange back (through the engine, which holds
/// the parser), if there is one.
fn restore_saved(dispatcher: &yew::functional::UseReducerDispatcher<AppReducer>, engine: &Engine) {
    if let Some(saved) = browser::load_setting(EXCHANGE_KEY) {
        dispatcher.dispatch(Action::Composer(ComposerAction::RestoreRequested));
        engine.run(Job::LoadText { text: saved });
    }
}

/// Starts (lazily) and drives the engine worker for the composer; returns
/// the handle the composer reaches through its context.
#[hook]
pub fn use_composer_host(state: &UseReducerHandle<AppReducer>) -> Engine {
    // The engine worker starts with the first request, so the reference
    // pages never download it.
    let engine = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Engine::new(Callback::from(move |event| {
                dispatcher.dispatch(Action::Engine(match event {
                    EngineEvent::Reply(reply) => EngineAction::Reply(reply),
                    EngineEvent::Restarted { lost_entries } => {
                        EngineAction::Restarted { lost_entries }
                    }
                }))
            }))
        })
    };
    let validator = {
        let dispatcher = state.dispatcher();
        use_memo((), move |_| {
            Validator::new(Callback::from(move |event| {
                dispatcher.dispatch(Action::Composer(match event {
                    ValidatorEvent::Reply { revision, reply } => {
                        ComposerAction::SchemaChecked { revision, reply }
                    }
                    ValidatorEvent::Started { startup_ms } => {
                        ComposerAction::ValidatorStarted(startup_ms)
                    }
                }))
            }))
        })
    };
    // An embedded exchange is the composer's state too, shown as a card.
    let embedded = matches!(
        state.route,
        Route::Embed { target: crate::core::route::EmbedTarget::Exchange(_), .. }
    );
    let composing = matches!(state.route, Route::Composer { .. }) || embedded;
    {
        // The schema verdicts follow the body and the user's schema; the
        // validator worker starts with the first body that needs it.
        let validator = (*validator).clone();
        // After the engine's first answer for this exchange: starting the
        // validator sooner would compete with the first analysis for the
        // CPU, and the semantic verdict is what the user reads first.
        let ready = composing && state.composer.settled() && state.composer.analysis.is_some();
        let snapshot = state.clone();
        use_effect_with((ready, state.composer.schema_revision), move |(ready, revision)| {
            let c = &snapshot.composer;
            let user = c.user_schema.clone();
            let body = &c.exchange.response.body;
            if *ready
                && body.len() <= SCHEMA_AUTO_LIMIT_BYTES
                && wants_schema_check(&c.exchange, user.is_some())
            {
                validator.validate(*revision, body.clone(), true, user);
            }
        });
    }
    {
        // The last schema used comes back on the next visit, and is kept
        // whenever it changes.
        let dispatcher = state.dispatcher();
        let schema = state.composer.user_schema.clone();
        let restored = use_mut_ref(|| false);
        use_effect_with(schema, move |schema| {
            if !restored.replace(true) {
                let saved = browser::load_setting(SCHEMA_KEY)
                    .and_then(|text| serde_json::from_str::<SchemaInput>(&text).ok());
                if let Some(saved) = saved.filter(|_| schema.is_none()) {
                    dispatcher
                        .dispatch(Action::Composer(ComposerAction::SetUserSchema(Some(saved))));
                }
                return;
            }
            let text =
                schema.as_ref().and_then(|s| serde_json::to_string(s).ok()).unwrap_or_default();
            browser::save_setting(SCHEMA_KEY, &text);
        });
    }
    {
        // Every edit of the composer's exchange asks for a new analysis; the
        // engine drops answers to the older ones.
        // Effects follow `revision`, not a copy of the exchange (see
        // `ComposerState::revision`), and read the exchange when they run.
        let engine = (*engine).clone();
        // While the status field is not a code, nothing is analysed: the
        // page says so instead of passing off the last valid code as current.
        let ready =
            composing && state.composer.settled() && state.composer.status_error().is_none();
        let snapshot = state.clone();
        let c = &state.composer;
        let deps = (ready, c.revision, c.profile, c.backoff, c.pinned_now);
        use_effect_with(deps, move |(ready, _, profile, backoff, pinned)| {
            if *ready {
                let options = AnalysisOptions {
                    backoff: *backoff,
                    ..AnalysisOptions::new(*profile, pinned.unwrap_or_else(browser::now))
                };
                engine.analyze(&snapshot.composer.exchange, snapshot.composer.held, options);
            }
        });
    }
    {
        // The chosen export follows the exchange as it changes.
        let engine = (*engine).clone();
        let c = &state.composer;
        let snapshot = state.clone();
        let paused = c.status_error().is_some();
        let deps = (c.export_format, c.revision, c.profile, c.export_secrets, paused);
        use_effect_with(deps, move |(format, _, profile, include_secrets, paused)| {
            if let (Some(format), false) = (*format, *paused) {
                let options = AnalysisOptions::new(*profile, browser::now());
                let exchange = snapshot.composer.exchange.clone();
                let include_secrets = *include_secrets;
                let held = snapshot.composer.held;
                engine.run(Job::Export { format, exchange, options, include_secrets, held });
            }
        });
    }
    {
        // A loaded file's table asks for the rows of its page.
        let engine = (*engine).clone();
        let entries = &state.composer.entries;
        let deps = (entries.total, entries.page, state.composer.profile);
        use_effect_with(deps, move |(total, page, profile)| {
            if *total > 1 {
                let options = AnalysisOptions::new(*profile, browser::now());
                engine.run(Job::EntriesPage { page: *page, options });
            }
        });
    }
    let restore_checked = use_mut_ref(|| false);
    {
        // The first time the composer opens, read the last session's
        // exchange back (through the engine, which holds the parser), unless
        // the address names a preset.
        let dispatcher = state.dispatcher();
        let engine = (*engine).clone();
        let route = state.route.clone();
        let checked = restore_checked.clone();
        let link_pending = state.composer.pending_link.is_some();
        use_effect_with(composing, move |composing| {
            if *composing && !checked.replace(true) {
                let wants_preset = matches!(route, Route::Composer { preset: Some(_) });
                if link_pending {
                    // The link decides; the saved work comes back only if
                    // it cannot be opened (see below).
                    return;
                }
                let kept = browser::load_setting(LOADED_KEY)
                    .and_then(|json| serde_json::from_str::<KeptLoad>(&json).ok());
                if wants_preset {
                    // The address names a preset: that is what to show.
                } else if let Some(kept) = kept {
                    // A loaded file comes back with the entry that was open.
                    let text: std::rc::Rc<str> = kept.text.into();
                    dispatcher.dispatch(Action::Composer(ComposerAction::RestoreLoaded {
                        text: text.clone(),
                        selected: kept.selected,
                    }));
                    engine.run(Job::LoadText { text: text.to_string() });
                } else {
                    restore_saved(&dispatcher, &engine);
                }
            }
        });
    }
    {
        // A shared link (on arrival, or pasted into the address bar later)
        // is read by the engine; the address then names the composer, so a
        // reload keeps the user's edits rather than the link's state.
        let dispatcher = state.dispatcher();
        let engine = (*engine).clone();
        let pending = state.composer.pending_link.clone();
        use_effect_with((composing, pending), move |(composing, pending)| {
            if let (true, Some(payload)) = (composing, pending) {
                dispatcher.dispatch(Action::Composer(ComposerAction::LinkRequested));
                if !embedded {
                    browser::replace_hash(&Route::Composer { preset: None }.to_fragment());
                }
                if payload.len() > MAX_PAYLOAD_CHARS {
                    // Refused here: a megabyte fragment is not worth a copy
                    // to the worker.
                    let message = LinkError::TooLong { chars: payload.len() }.to_string();
                    dispatcher.dispatch(Action::Engine(EngineAction::Reply(
                        crate::engine::protocol::Reply::LinkFailed { message },
                    )));
                } else {
                    engine.run(Job::OpenLink { payload: payload.clone() });
                }
            }
        });
    }
    {
        // A link that cannot be opened gives way to the user's saved work,
        // untouched.
        let dispatcher = state.dispatcher();
        let engine = (*engine).clone();
        use_effect_with(state.composer.link_failures, move |failures| {
            if *failures > 0 && !embedded {
                restore_saved(&dispatcher, &engine);
            }
        });
    }
    {
        // While the share panel is open, its link follows every change.
        let engine = (*engine).clone();
        let c = &state.composer;
        let snapshot = state.clone();
        let paused = c.status_error().is_some() || !c.settled();
        let deps = (
            c.share_open && !paused,
            c.revision,
            c.share_secrets,
            (c.profile, c.backoff, c.cache_moment_s, c.pinned_now),
            c.user_schema.clone(),
        );
        use_effect_with(deps, move |(open, _, include_secrets, _, _)| {
            if *open {
                let c = &snapshot.composer;
                let base_len = browser::page_address().len() + "#/s/".len();
                engine.run(Job::Share {
                    exchange: c.exchange.clone(),
                    state: c.shared_state(),
                    include_secrets: *include_secrets,
                    base_len,
                    held: c.held,
                });
            }
        });
    }
    {
        // A preset chosen (or named by the address) arrives from the engine.
        let engine = (*engine).clone();
        let deps = (composing, state.composer.pending_preset.clone());
        use_effect_with(deps, move |(composing, pending)| {
            if let (true, Some(id)) = (composing, pending) {
                engine.run(Job::LoadPreset { id: id.clone() });
            }
        });
    }
    {
        // Saved on every edit, so a reload or a closed tab loses nothing. An
        // exchange too large for storage (about 5 MB a site) is not written
        // at all, which also keeps a 10 MB body from slowing each keystroke.
        // An embed shows someone's example: it never replaces the reader's
        // own saved work.
        let settled = *restore_checked.borrow() && state.composer.settled() && !embedded;
        let snapshot = state.clone();
        use_effect_with((settled, state.composer.revision), move |(settled, _)| {
            let exchange = &snapshot.composer.exchange;
            let fields = |headers: &crate::core::exchange::Headers| {
                headers.iter().map(|h| h.name.len() + h.value.len() + 4).sum::<usize>()
            };
            let size = exchange.request.body.len()
                + exchange.response.body.len()
                + fields(&exchange.request.headers)
                + fields(&exchange.response.headers);
            // Fields the engine holds are not on the page to save: the
            // exchange is as large as the file it came from, which stays
            // where the user opened it.
            if *settled && size <= SAVE_LIMIT_BYTES && !snapshot.composer.held.any() {
                // Credentials are not written to storage in clear: a reload
                // brings the exchange back with them redacted.
                let (kept, _) = redact_secrets(exchange);
                browser::save_setting(EXCHANGE_KEY, &to_raw(&kept));
            }
        });
    }
    {
        // A loaded set is kept with its open entry; a new single exchange
        // (or a set too large to keep) forgets the old one.
        let c = &state.composer;
        let source = c.loaded_source.clone();
        let busy = c.loading.is_some() || c.reopen_entry.is_some() || c.loads_done == 0;
        let deps = (c.loads_done, c.entries.total, c.entries.selected, busy);
        use_effect_with(deps, move |(_, total, selected, busy)| {
            if *busy {
                return;
            }
            match source {
                Some(text) if *total > 1 => {
                    let kept = KeptLoad { text: text.to_string(), selected: *selected };
                    if let Ok(json) = serde_json::to_string(&kept) {
                        browser::save_setting(LOADED_KEY, &json);
                    }
                }
                _ => browser::remove_setting(LOADED_KEY),
            }
        });
    }
    (*engine).clone()
}
