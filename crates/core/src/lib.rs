//! The pure domain core of Status Lab: plain Rust with no browser or UI
//! imports, tested natively and shared by the wasm app, the engine worker and
//! the CLI.
//!
//! This is a crate of its own so the boundary is enforced by the build: its
//! manifest has no browser dependency on any target, so an import of `yew`,
//! `web-sys` or `js-sys` here fails to compile (and `tests/core_boundary.rs`
//! checks the dependency tree). Functions that need the time take it as an
//! argument (see `clippy.toml`).

pub mod analysis;
pub mod cache;
pub mod depth;
pub mod exchange;
pub mod exercise;
pub mod explain;
pub mod export;
pub mod fields;
pub mod guide;
pub mod headers;
pub mod leaks;
pub mod lint;
pub mod presets;
pub mod problem;
pub mod redact;
pub mod registry;
pub mod retry;
pub mod route;
pub mod share;
pub mod time;
