//! Status Lab: understand HTTP responses.
//!
//! - [`core`]: the pure domain logic, the `statuslab-core` crate (no browser APIs).
//! - `ui` (wasm32 only): the Yew playground, a thin shell over `core`.
//! - `cli` (native only): the `statuslab` command-line tool over `core`.
//!
//! You will notably *not* find an HTTP client here: nothing is ever fetched,
//! every analysis runs on the text the user supplies.

pub use statuslab_core as core;

#[cfg(not(target_arch = "wasm32"))]
pub mod cli;

#[cfg(target_arch = "wasm32")]
pub mod ui;
