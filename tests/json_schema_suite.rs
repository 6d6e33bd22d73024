//! The official JSON-Schema-Test-Suite against the validator behind
//! `statuslab_core::problem::validate_schema_with` (boon), for the REQUIRED
//! tests (not `optional/`) of draft 2020-12, 2019-09 and 7, natively. The
//! suite is vendored in `tests/fixtures/json-schema-test-suite/` (see its
//! ORIGIN.txt) and compiled in; `tests/web_schema_suite.rs` runs the same
//! in headless Chromium. Each draft prints its pass rate and fails only on
//! a test missing from `ACCEPTED_FAILURES` (`support/schema_suite.rs`).
//!
//! `cargo test --test json_schema_suite -- --nocapture`
//! (the native build always has the core's `schema` feature: the CLI uses it).

statuslab_core::if_schema_feature! {

#[path = "support/schema_suite.rs"]
mod schema_suite;

use std::path::Path;

use schema_suite::{run, DRAFTS, SUITE_FILES};

fn check(index: usize) {
    let (draft_dir, draft) = DRAFTS[index];
    let result = run(draft_dir, draft);
    eprintln!("{}", result.summary());
    assert!(result.total > 500, "{draft_dir}: the suite was read ({} tests)", result.total);
    assert!(
        result.failures.is_empty(),
        "{} unexpected failures:\n{}",
        result.failures.len(),
        result.failures.join("\n")
    );
}

#[test]
fn draft2020_12_required() {
    check(0);
}

#[test]
fn draft2019_09_required() {
    check(1);
}

#[test]
fn draft7_required() {
    check(2);
}

/// The compiled-in list is every JSON file of the vendored suite.
#[test]
fn the_file_list_matches_the_vendored_suite() {
    fn walk(dir: &Path, root: &Path, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("readable").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, root, out);
            } else if path.extension().is_some_and(|e| e == "json") {
                let relative = path.strip_prefix(root).expect("under root");
                out.push(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/json-schema-test-suite");
    let mut on_disk = Vec::new();
    walk(&root, &root, &mut on_disk);
    on_disk.sort();
    let listed: Vec<String> = SUITE_FILES.iter().map(|(p, _)| p.to_string()).collect();
    assert_eq!(listed, on_disk, "run `python3 scripts/list-schema-suite.py`");
}

}
