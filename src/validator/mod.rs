//! The JSON Schema validator as a web worker of its own. The validator
//! (boon) is the largest code in the product, so the composer's engine
//! leaves it out and the page starts this worker only when a JSON body
//! needs a schema verdict: the semantic verdict shows at once, the schema
//! verdicts when they arrive. The CLI validates in process.
//!
//! The worker binary is built with the `validator` feature (which turns on
//! the core's `schema`). The page, built without it, still names the
//! worker type to spawn it; in that build the worker's `received` is never
//! run, and answers with an error if it ever were.

use serde::{Deserialize, Serialize};

use crate::core::problem::{SchemaInput, SchemaVerdict};

/// Validate one response body.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ValidateJob {
    /// Replies carry it back; the page keeps only the latest.
    pub id: u64,
    pub body: String,
    /// Also check RFC 9457 Appendix A's schema.
    pub standard: bool,
    /// The user's own schema, when one is set.
    pub user: Option<SchemaInput>,
}

/// The verdicts for one [`ValidateJob`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ValidateReply {
    pub id: u64,
    /// `None` when not asked for, or when the body is not JSON.
    pub standard: Option<SchemaVerdict>,
    /// `Err` says why the user's schema cannot be used.
    pub user: Option<Result<SchemaVerdict, String>>,
    /// Time spent validating in the worker.
    pub elapsed_ms: f64,
    /// The size of the body checked, in bytes.
    pub body_bytes: usize,
}

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
pub use worker::{register, ValidatorWorker};

// Natively the core always has its validator (the CLI uses it), so the
// validation logic is tested there without a browser.
#[cfg(any(feature = "validator", not(target_arch = "wasm32")))]
mod run;

#[cfg(any(feature = "validator", not(target_arch = "wasm32")))]
pub use run::Validator;
