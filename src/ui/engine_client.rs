//! The page's handle on the engine worker: starts it when first needed (the
//! reference pages never pay for it), numbers requests, drops superseded
//! replies, and restarts the worker when it stops answering (it died, or a
//! panic poisoned it) without losing the user's exchange.

use std::{
    cell::{Cell, RefCell},
    rc::Rc,
};

use gloo_timers::callback::Timeout;
use gloo_worker::{Spawnable, WorkerBridge};
use wasm_bindgen::JsValue;
use yew::Callback;

use crate::core::{analysis::AnalysisOptions, exchange::Exchange};
use crate::engine::{
    protocol::{
        watchdog_ms, BodyCache, BodyReuse, Envelope, Freshness, Held, Job, Reply, Sequencer,
    },
    EngineWorker, JsCodec, Request,
};

/// Where the worker's loader lives, next to index.html (see www/index.html).
const LOADER: &str = "./engine-loader.js";

/// What the page hears from the engine.
#[derive(Debug, Clone, PartialEq)]
pub enum EngineEvent {
    Reply(Reply),
    /// The worker stopped answering and was started again; `lost_entries`
    /// when a loaded file's entries went with it.
    Restarted {
        lost_entries: bool,
    },
}

struct Inner {
    bridge: RefCell<Option<WorkerBridge<EngineWorker>>>,
    sequencer: RefCell<Sequencer>,
    /// The last analysis asked for, re-sent after a restart.
    last_analysis: RefCell<Option<Job>>,
    bodies: RefCell<BodyCache>,
    watchdog: RefCell<Option<Timeout>>,
    /// Whether the current worker has answered at all (see `watchdog_ms`).
    answered: Cell<bool>,
    has_entries: Cell<bool>,
    on_event: Callback<EngineEvent>,
}

/// Cheap to clone; every clone talks to the same worker.
#[derive(Clone)]
pub struct Engine(Rc<Inner>);

impl PartialEq for Engine {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

impl Engine {
    pub fn new(on_event: Callback<EngineEvent>) -> Engine {
        Engine(Rc::new(Inner {
            bridge: RefCell::new(None),
            sequencer: RefCell::default(),
            last_analysis: RefCell::new(None),
            bodies: RefCell::default(),
            watchdog: RefCell::new(None),
            answered: Cell::new(false),
            has_entries: Cell::new(false),
            on_event,
        }))
    }

    fn spawn(&self) -> WorkerBridge<EngineWorker> {
        let weak = Rc::downgrade(&self.0);
        EngineWorker::spawner()
            .callback(move |reply: Envelope<Reply>| {
                if let Some(inner) = weak.upgrade() {
                    Engine(inner).receive(reply);
                }
            })
            .encoding::<JsCodec>()
            .as_module(false)
            .with_loader(true)
            .spawn(LOADER)
    }

    /// Sends a job; `payload` carries a browser object (a File) alongside.
    pub fn send(&self, mut job: Job, payload: JsValue) {
        if let Job::Analyze { exchange, reuse, .. } = &mut job {
            *reuse = self.0.bodies.borrow_mut().strip(exchange);
        }
        self.send_with(job, payload);
    }

    /// Sends an analysis whose bodies `copy_for_message` already prepared.
    fn send_prepared(&self, job: Job) {
        self.send_with(job, JsValue::UNDEFINED);
    }

    fn send_with(&self, job: Job, payload: JsValue) {
        let seq = self.0.sequencer.borrow_mut().issue(&job);
        if matches!(job, Job::Analyze { .. }) {
            *self.0.last_analysis.borrow_mut() = Some(job.clone());
        }
        if self.0.bridge.borrow().is_none() {
            self.0.answered.set(false);
            let bridge = self.spawn();
            *self.0.bridge.borrow_mut() = Some(bridge);
        }
        if let Some(bridge) = self.0.bridge.borrow().as_ref() {
            bridge.send(Request { seq, job, payload });
        }
        self.arm_watchdog();
    }

    /// Asks for an analysis of `exchange`, sending an unchanged large body
    /// only once (see `BodyCache`).
    pub fn analyze(&self, exchange: &Exchange, held: Held, options: AnalysisOptions) {
        let (exchange, reuse) = self.0.bodies.borrow_mut().copy_for_message(exchange);
        self.send_prepared(Job::Analyze { exchange, options, reuse, held });
    }

    pub fn run(&self, job: Job) {
        self.send(job, JsValue::UNDEFINED);
    }

    fn arm_watchdog(&self) {
        let weak = Rc::downgrade(&self.0);
        let timeout = Timeout::new(watchdog_ms(self.0.answered.get()), move || {
            if let Some(inner) = weak.upgrade() {
                Engine(inner).restart();
            }
        });
        // Replacing the handle cancels the previous timer.
        *self.0.watchdog.borrow_mut() = Some(timeout);
    }

    fn receive(&self, reply: Envelope<Reply>) {
        self.0.answered.set(true);
        let loading = matches!(reply.body, Reply::Progress { .. });
        if loading {
            self.arm_watchdog();
        } else {
            self.0.watchdog.borrow_mut().take();
        }
        if let Reply::Loaded { total, .. } = &reply.body {
            self.0.has_entries.set(*total > 1);
        }
        if self.0.sequencer.borrow().judge(&reply) == Freshness::Current {
            self.0.on_event.emit(EngineEvent::Reply(reply.body));
        }
    }

    /// Replaces a worker that stopped answering, and asks the new one for
    /// the latest analysis again.
    fn restart(&self) {
        self.0.watchdog.borrow_mut().take();
        // Dropping the bridge asks the old worker to close; a dead one
        // cannot, and is collected with its last reference.
        self.0.bridge.borrow_mut().take();
        let lost_entries = self.0.has_entries.replace(false);
        self.0.on_event.emit(EngineEvent::Restarted { lost_entries });
        let last = self.0.last_analysis.borrow().clone();
        if let Some(mut job) = last {
            // The new worker has no copy of the bodies: send them whole.
            if let Job::Analyze { exchange, reuse, .. } = &mut job {
                self.0.bodies.borrow_mut().unstrip(exchange, *reuse);
                *reuse = BodyReuse::default();
            }
            self.run(job);
        }
    }
}
