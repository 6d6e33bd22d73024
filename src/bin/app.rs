//! The browser playground's entry point; Trunk builds this for wasm32.

#[cfg(target_arch = "wasm32")]
fn main() {
    statuslab::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The playground runs in the browser: serve it with `bash scripts/serve.sh`.");
    std::process::exit(2);
}
