//! The page's handle on the validator worker: started with the first body
//! that needs a schema verdict (never on a reference page or a bodiless
//! exchange), it numbers requests so only the latest answer is shown.

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};

use gloo_worker::{Spawnable, WorkerBridge};
use yew::Callback;

use crate::core::problem::SchemaInput;
use crate::engine::JsCodec;
use crate::validator::{ValidateJob, ValidateReply, ValidatorWorker};

/// Next to index.html, like the engine's loader.
const LOADER: &str = "./validator-loader.js";

#[derive(Debug, Clone, PartialEq)]
pub enum ValidatorEvent {
    /// The answer to the latest job, with the revision it was asked for.
    Reply { revision: u64, reply: ValidateReply },
    /// The first answer arrived this long after the worker was started.
    Started { startup_ms: f64 },
}

struct Inner {
    bridge: RefCell<Option<WorkerBridge<ValidatorWorker>>>,
    latest: Cell<u64>,
    /// The composer revision each job id was asked for (only the latest
    /// matters).
    latest_revision: Cell<u64>,
    spawned_at: Cell<Option<f64>>,
    on_event: Callback<ValidatorEvent>,
}

/// Cheap to clone; every clone talks to the same worker.
#[derive(Clone)]
pub struct Validator(Rc<Inner>);

impl PartialEq for Validator {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

fn now_ms() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

impl Validator {
    pub fn new(on_event: Callback<ValidatorEvent>) -> Validator {
        Validator(Rc::new(Inner {
            bridge: RefCell::new(None),
            latest: Cell::new(0),
            latest_revision: Cell::new(0),
            spawned_at: Cell::new(None),
            on_event,
        }))
    }

    fn spawn(&self) -> WorkerBridge<ValidatorWorker> {
        let weak = Rc::downgrade(&self.0);
        self.0.spawned_at.set(Some(now_ms()));
        ValidatorWorker::spawner()
            .callback(move |reply: ValidateReply| {
                if let Some(inner) = weak.upgrade() {
                    Validator(inner).receive(reply);
                }
            })
            .encoding::<JsCodec>()
            .as_module(false)
            .with_loader(true)
            .spawn(LOADER)
    }

    /// Validates `body` (against Appendix A's schema when `standard`, and
    /// the user's schema when given) for the composer's `revision`.
    pub fn validate(&self, revision: u64, body: String, standard: bool, user: Option<SchemaInput>) {
        let id = self.0.latest.get() + 1;
        self.0.latest.set(id);
        self.0.latest_revision.set(revision);
        if self.0.bridge.borrow().is_none() {
            let bridge = self.spawn();
            *self.0.bridge.borrow_mut() = Some(bridge);
        }
        if let Some(bridge) = self.0.bridge.borrow().as_ref() {
            bridge.send(ValidateJob { id, body, standard, user });
        }
    }

    fn receive(&self, reply: ValidateReply) {
        if let Some(spawned) = self.0.spawned_at.take() {
            self.0.on_event.emit(ValidatorEvent::Started { startup_ms: now_ms() - spawned });
        }
        if reply.id == self.0.latest.get() {
            let revision = self.0.latest_revision.get();
            self.0.on_event.emit(ValidatorEvent::Reply { revision, reply });
        }
    }
}
