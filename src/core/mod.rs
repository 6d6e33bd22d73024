//! The pure domain core: plain Rust with no browser or UI imports, tested
//! natively and shared by the wasm app and the CLI.
//!
//! The native build has no `yew`, `web-sys` or `js-sys` dependency at all, so
//! an import of them here fails `cargo build`: the boundary enforces itself.
//! Functions that need the time take it as an argument (see `clippy.toml`).

pub mod exchange;
pub mod export;
pub mod fields;
pub mod lint;
pub mod presets;
pub mod registry;
pub mod route;
