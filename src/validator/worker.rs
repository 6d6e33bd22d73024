//! The worker side: a gloo `Worker` answering [`ValidateJob`]s.

use gloo_worker::{HandlerId, Registrable, Worker, WorkerScope};

use super::{ValidateJob, ValidateReply};
use crate::engine::JsCodec;

pub struct ValidatorWorker {
    #[cfg(feature = "validator")]
    validator: super::Validator,
}

/// Starts the worker's message loop; called by the `validator` binary.
pub fn register() {
    ValidatorWorker::registrar().encoding::<JsCodec>().register();
}

/// Milliseconds from the worker's own clock.
#[cfg(feature = "validator")]
fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &"performance".into())
        .ok()
        .and_then(|p| wasm_bindgen::JsCast::dyn_into::<web_sys::Performance>(p).ok())
        .map_or(0.0, |p| p.now())
}

impl Worker for ValidatorWorker {
    type Message = ();
    type Input = ValidateJob;
    type Output = ValidateReply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        ValidatorWorker {
            #[cfg(feature = "validator")]
            validator: super::Validator::default(),
        }
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, job: ValidateJob, id: HandlerId) {
        #[cfg(feature = "validator")]
        let reply = self.validator.run(job, now_ms);
        #[cfg(not(feature = "validator"))]
        let reply = ValidateReply {
            id: job.id,
            standard: None,
            user: Some(Err("This build has no validator (the `validator` feature).".into())),
            elapsed_ms: 0.0,
            body_bytes: job.body.len(),
        };
        scope.respond(id, reply);
    }
}
