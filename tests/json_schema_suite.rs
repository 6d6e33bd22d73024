//! The official JSON-Schema-Test-Suite against the validator behind
//! `statuslab_core::problem::validate_schema_with` (boon), for the REQUIRED
//! tests (not `optional/`) of draft 2020-12, 2019-09 and 7.
//!
//! The suite is read from `../shared/data/json-schema-test-suite/` (see its
//! ORIGIN.txt); remote references (`http://localhost:1234/...`) are served
//! from its `remotes/` directory, nothing is fetched. Each draft prints its
//! pass rate and fails only on a test missing from [`ACCEPTED_FAILURES`].
//!
//! Only with the `schema` feature of statuslab-core:
//! `cargo test -p statuslab --test json_schema_suite --features statuslab-core/schema -- --nocapture`.
//! (The gate is the `if_schema_feature!` macro rather than `#![cfg(feature)]`,
//! because the feature belongs to statuslab-core, not to this package.)

statuslab_core::if_schema_feature! {

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use serde_json::Value;
use statuslab_core::problem::{validate_schema_with, SchemaDraft, SchemaOptions};

/// Known failures, as "draft/file: group / test", each with the reason.
const ACCEPTED_FAILURES: &[(&str, &str)] = &[];

fn suite_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data/json-schema-test-suite")
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            json_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
}

fn read(path: &Path) -> Value {
    let text = std::fs::read_to_string(path).expect("readable suite file");
    serde_json::from_str(&text).expect("suite file is JSON")
}

fn remotes(root: &Path) -> BTreeMap<String, Value> {
    let dir = root.join("remotes");
    let mut files = Vec::new();
    json_files(&dir, &mut files);
    files
        .into_iter()
        .map(|path| {
            let relative = path.strip_prefix(&dir).expect("under remotes").to_string_lossy().replace('\\', "/");
            (format!("http://localhost:1234/{relative}"), read(&path))
        })
        .collect()
}

fn run(draft_dir: &str, draft: SchemaDraft) {
    let root = suite_dir();
    if !root.is_dir() {
        eprintln!("{} is missing: suite skipped", root.display());
        return;
    }
    let options = SchemaOptions {
        default_draft: draft,
        assert_formats: false,
        resources: Arc::new(remotes(&root)),
    };
    let dir = root.join("tests").join(draft_dir);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("draft directory")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    files.sort();
    let (mut passed, mut total) = (0usize, 0usize);
    let mut failures = Vec::new();
    let mut accepted_seen = Vec::new();
    let mut not_compiled = 0usize;
    for file in &files {
        let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let Value::Array(groups) = read(file) else { continue };
        for group in &groups {
            let schema = &group["schema"];
            let group_name = group["description"].as_str().unwrap_or("");
            for case in group["tests"].as_array().into_iter().flatten() {
                total += 1;
                let data = &case["data"];
                let expected = case["valid"].as_bool().expect("valid flag");
                let verdict = validate_schema_with(schema, data, &data.to_string(), &options);
                let id = format!(
                    "{draft_dir}/{name}: {group_name} / {}",
                    case["description"].as_str().unwrap_or("")
                );
                let compile_error = verdict
                    .errors
                    .first()
                    .is_some_and(|e| e.message.starts_with("The schema does not compile"));
                if compile_error {
                    // An invalid verdict from a schema that did not compile
                    // is not a pass, whatever the test expects.
                    not_compiled += 1;
                    failures.push(format!("{id}: {:?}", verdict.errors[0].message));
                } else if verdict.valid == expected {
                    passed += 1;
                } else if ACCEPTED_FAILURES.iter().any(|(accepted, _)| *accepted == id) {
                    accepted_seen.push(id);
                } else {
                    failures.push(format!("{id} (expected valid={expected}; {:?})", verdict.errors.first().map(|e| &e.message)));
                }
            }
        }
    }
    let rate = if total == 0 { 0.0 } else { 100.0 * passed as f64 / total as f64 };
    eprintln!(
        "{draft_dir}: {passed}/{total} required tests pass ({rate:.2}%), {} accepted failures, {not_compiled} schemas did not compile",
        accepted_seen.len()
    );
    assert!(failures.is_empty(), "{} unexpected failures:\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn draft2020_12_required() {
    run("draft2020-12", SchemaDraft::Draft2020_12);
}

#[test]
fn draft2019_09_required() {
    run("draft2019-09", SchemaDraft::Draft2019_09);
}

#[test]
fn draft7_required() {
    run("draft7", SchemaDraft::Draft7);
}

}
