//! Status Lab: understand HTTP responses.
//!
//! - [`core`]: the pure domain logic, the `statuslab-core` crate (no browser APIs).
//! - `ui` (wasm32 only): the Yew playground, a thin shell over `core`.
//! - `cli` (native only): the `statuslab` command-line tool over `core`.
//! - [`engine`]: the analysis engine's worker and its typed protocol.
//! - [`validator`]: the JSON Schema validator's worker, loaded on demand.
//! - [`state`]: the playground's state and reducers, plain Rust.
//!
//! You will notably *not* find an HTTP client here: nothing is ever fetched,
//! every analysis runs on the text the user supplies.

pub use statuslab_core as core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

pub mod engine;
pub mod state;
pub mod validator;

#[cfg(target_arch = "wasm32")]
pub mod ui;
