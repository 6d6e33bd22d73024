//! The composer's side of the app (the `composer` feature): the engine
//! worker and the effects that keep it and the state in step. The reference
//! build (index.html) leaves all of this out, so the page docs link to never
//! downloads the composer's code.

use yew::prelude::*;

use crate::core::{
    analysis::AnalysisOptions, export::to_raw, redact::redact_secrets, route::Route,
};
use crate::engine::protocol::Job;
use crate::state::{Action, ComposerAction, EngineAction};
use crate::ui::{
    browser,
    context::AppReducer,
    engine_client::{Engine, EngineEvent},
};

/// The composer's exchange as raw HTTP, saved on every edit so a reload
/// loses nothing. Raw text rather than JSON: the parser exists anyway.
/// Versioned so a later format can read and migrate older saves.
const EXCHANGE_KEY: &str = "statuslab.exchange.raw.v1";
/// Storage holds about 5 MB per site; a larger exchange is not kept.
const SAVE_LIMIT_BYTES: usize = 1 << 20;

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
    let composing = matches!(state.route, Route::Composer { .. });
    {
        // Every edit of the composer's exchange asks for a new analysis; the
        // engine drops answers to the older ones.
        // Effects follow `revision`, not a copy of the exchange (see
        // `ComposerState::revision`), and read the exchange when they run.
        let engine = (*engine).clone();
        let ready = composing && state.composer.settled();
        let snapshot = state.clone();
        let deps = (ready, state.composer.revision, state.composer.profile, state.composer.backoff);
        use_effect_with(deps, move |(ready, _, profile, backoff)| {
            if *ready {
                let options = AnalysisOptions {
                    backoff: *backoff,
                    ..AnalysisOptions::new(*profile, browser::now())
                };
                engine.analyze(&snapshot.composer.exchange, options);
            }
        });
    }
    {
        // The chosen export follows the exchange as it changes.
        let engine = (*engine).clone();
        let c = &state.composer;
        let snapshot = state.clone();
        let deps = (c.export_format, c.revision, c.profile, c.export_secrets);
        use_effect_with(deps, move |(format, _, profile, include_secrets)| {
            if let Some(format) = *format {
                let options = AnalysisOptions::new(*profile, browser::now());
                let exchange = snapshot.composer.exchange.clone();
                let include_secrets = *include_secrets;
                engine.run(Job::Export { format, exchange, options, include_secrets });
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
        use_effect_with(composing, move |composing| {
            if *composing && !checked.replace(true) {
                let wants_preset = matches!(route, Route::Composer { preset: Some(_) });
                if let (false, Some(saved)) = (wants_preset, browser::load_setting(EXCHANGE_KEY)) {
                    dispatcher.dispatch(Action::Composer(ComposerAction::RestoreRequested));
                    engine.run(Job::LoadText { text: saved });
                }
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
        let settled = *restore_checked.borrow() && state.composer.settled();
        let snapshot = state.clone();
        use_effect_with((settled, state.composer.revision), move |(settled, _)| {
            let exchange = &snapshot.composer.exchange;
            let size = exchange.request.body.len() + exchange.response.body.len();
            if *settled && size <= SAVE_LIMIT_BYTES {
                // Credentials are not written to storage in clear: a reload
                // brings the exchange back with them redacted.
                let (kept, _) = redact_secrets(exchange);
                browser::save_setting(EXCHANGE_KEY, &to_raw(&kept));
            }
        });
    }
    (*engine).clone()
}
