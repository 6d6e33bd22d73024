//! The analysis engine as a web worker: parsing (raw, curl, HAR), lint and
//! every later analysis run here, off the main thread, behind the typed
//! protocol of [`protocol`]. The page only renders and dispatches.
//!
//! The worker keeps the loaded entries (a HAR can hold tens of thousands);
//! the page asks for one table page at a time, so it never holds or
//! deserialises more than it shows.

pub mod protocol;

#[cfg(target_arch = "wasm32")]
mod worker;

#[cfg(target_arch = "wasm32")]
pub use worker::{register, EngineWorker, JsCodec, Request};
