//! The JSON Schema validator's web worker; Trunk builds this for wasm32 with
//! the `validator` feature (see scripts/build-site.sh).

#[cfg(target_arch = "wasm32")]
fn main() {
    statuslab::validator::register();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!(
        "The validator runs as a web worker of the playground; the CLI validates in process."
    );
    std::process::exit(2);
}
