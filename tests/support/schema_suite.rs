//! Runs the required tests of one draft of the JSON-Schema-Test-Suite
//! through `statuslab_core::problem::validate_schema_with` (boon), from the
//! files compiled into `schema_suite_files.rs`: the same code natively
//! (`tests/json_schema_suite.rs`) and in a browser (`tests/web_schema_suite.rs`).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::Arc;

use serde_json::Value;
use statuslab_core::problem::{validate_schema_with, SchemaDraft, SchemaOptions};

#[path = "schema_suite_files.rs"]
mod files;

pub use files::SUITE_FILES;

/// Known failures, as "draft/file: group / test", each with the reason.
pub const ACCEPTED_FAILURES: &[(&str, &str)] = &[];

/// One draft's result.
pub struct DraftResult {
    pub draft_dir: &'static str,
    pub passed: usize,
    pub total: usize,
    pub accepted: usize,
    pub not_compiled: usize,
    pub failures: Vec<String>,
}

impl DraftResult {
    pub fn summary(&self) -> String {
        let rate =
            if self.total == 0 { 0.0 } else { 100.0 * self.passed as f64 / self.total as f64 };
        format!(
            "{}: {}/{} required tests pass ({rate:.2}%), {} accepted failures, {} schemas did not compile",
            self.draft_dir, self.passed, self.total, self.accepted, self.not_compiled
        )
    }
}

pub const DRAFTS: [(&str, SchemaDraft); 3] = [
    ("draft2020-12", SchemaDraft::Draft2020_12),
    ("draft2019-09", SchemaDraft::Draft2019_09),
    ("draft7", SchemaDraft::Draft7),
];

fn parse(path: &str, text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{path} is not JSON: {e}"))
}

/// Remote documents, offered as `http://localhost:1234/...` as the suite's
/// README asks; nothing is fetched.
fn remotes() -> BTreeMap<String, Value> {
    SUITE_FILES
        .iter()
        .filter_map(|(path, text)| {
            let relative = path.strip_prefix("remotes/")?;
            Some((format!("http://localhost:1234/{relative}"), parse(path, text)))
        })
        .collect()
}

pub fn run(draft_dir: &'static str, draft: SchemaDraft) -> DraftResult {
    let options = SchemaOptions {
        default_draft: draft,
        assert_formats: false,
        resources: Arc::new(remotes()),
    };
    let prefix = format!("tests/{draft_dir}/");
    let mut result = DraftResult {
        draft_dir,
        passed: 0,
        total: 0,
        accepted: 0,
        not_compiled: 0,
        failures: Vec::new(),
    };
    for (path, text) in SUITE_FILES.iter().filter(|(p, _)| p.starts_with(&prefix)) {
        let name = &path[prefix.len()..];
        let Value::Array(groups) = parse(path, text) else { continue };
        for group in &groups {
            let schema = &group["schema"];
            let group_name = group["description"].as_str().unwrap_or("");
            for case in group["tests"].as_array().into_iter().flatten() {
                result.total += 1;
                let data = &case["data"];
                let expected =
                    case["valid"].as_bool().unwrap_or_else(|| panic!("{path}: valid flag"));
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
                    result.not_compiled += 1;
                    result.failures.push(format!("{id}: {:?}", verdict.errors[0].message));
                } else if verdict.valid == expected {
                    result.passed += 1;
                } else if ACCEPTED_FAILURES.iter().any(|(accepted, _)| *accepted == id) {
                    result.accepted += 1;
                } else {
                    result.failures.push(format!(
                        "{id} (expected valid={expected}; {:?})",
                        verdict.errors.first().map(|e| &e.message)
                    ));
                }
            }
        }
    }
    result
}
