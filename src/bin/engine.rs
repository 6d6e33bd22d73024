//! The analysis engine's web worker; Trunk builds this for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    statuslab::engine::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The engine runs as a web worker of the playground: serve it with `bash scripts/serve.sh`."
    );
    std::process::exit(2);
}
