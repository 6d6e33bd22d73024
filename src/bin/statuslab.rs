//! The `statuslab` command-line tool; all logic lives in `statuslab::cli`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let code = statuslab::cli::run(
        std::env::args_os(),
        &mut std::io::stdout().lock(),
        &mut std::io::stderr().lock(),
    );
    std::process::exit(code);
}

#[cfg(target_arch = "wasm32")]
fn main() {}
