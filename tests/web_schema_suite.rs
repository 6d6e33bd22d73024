//! The JSON-Schema-Test-Suite's required tests in headless Chromium: the
//! validator as the page's worker runs it (boon compiled to wasm), with
//! the same runner and files as `tests/json_schema_suite.rs`. Needs the
//! validator's build:
//! `cargo test --target wasm32-unknown-unknown --features validator --test web_schema_suite`.
#![cfg(all(target_arch = "wasm32", feature = "validator"))]

#[path = "support/schema_suite.rs"]
mod schema_suite;

use schema_suite::{run, DRAFTS};
use wasm_bindgen_test::{console_log, wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn required_tests_of_every_draft_pass_in_wasm() {
    let mut failures = Vec::new();
    for (draft_dir, draft) in DRAFTS {
        let result = run(draft_dir, draft);
        console_log!("wasm {}", result.summary());
        assert!(result.total > 500, "{draft_dir}: the suite was read");
        failures.extend(result.failures);
    }
    assert!(
        failures.is_empty(),
        "{} unexpected failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
