//! JSON Schema validation with boon 0.6 (only with the `schema` feature).
//!
//! Errors are boon's leaf errors (the innermost causes), each placed at its
//! instance location's line and column through [`PositionIndex`].

use std::collections::BTreeMap;
use std::error::Error;
use std::sync::{Arc, OnceLock};

use boon::{Compiler, Draft, Schemas, UrlLoader, ValidationError};
use serde_json::Value;

use super::position::PositionIndex;
use super::spec::rfc9457;
use super::{ProblemError, SchemaVerdict, PROBLEM_SCHEMA_JSON};
use crate::lint::Severity;
use crate::registry::model::Citation;

/// Which draft a schema without `$schema` follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SchemaDraft {
    Draft7,
    Draft2019_09,
    Draft2020_12,
}

/// How [`validate_schema_with`] compiles the schema.
#[derive(Debug, Clone, PartialEq)]
pub struct SchemaOptions {
    pub default_draft: SchemaDraft,
    /// Treat `format` as an assertion (2019-09 and 2020-12 only annotate
    /// by default).
    pub assert_formats: bool,
    /// Documents `$ref` may load, by absolute URL; nothing else is fetched.
    pub resources: Arc<BTreeMap<String, Value>>,
}

impl Default for SchemaOptions {
    fn default() -> Self {
        SchemaOptions {
            default_draft: SchemaDraft::Draft2020_12,
            assert_formats: false,
            resources: Arc::new(BTreeMap::new()),
        }
    }
}

/// RFC 9457 Appendix A's schema, parsed once.
pub fn problem_schema() -> &'static Value {
    static SCHEMA: OnceLock<Value> = OnceLock::new();
    SCHEMA.get_or_init(|| serde_json::from_str(PROBLEM_SCHEMA_JSON).unwrap_or(Value::Bool(true)))
}

/// Validates `instance` (parsed from `body_text`) against `schema`. For
/// problem details, `format: uri-reference` is asserted: Appendix A's
/// schema means it, although 2020-12 only annotates formats by default.
pub fn validate_schema(schema: &Value, instance: &Value, body_text: &str) -> SchemaVerdict {
    let options = SchemaOptions { assert_formats: true, ..SchemaOptions::default() };
    validate_schema_with(schema, instance, body_text, &options)
}

struct MapLoader(Arc<BTreeMap<String, Value>>);

impl UrlLoader for MapLoader {
    fn load(&self, url: &str) -> Result<Value, Box<dyn Error>> {
        let key = url.split('#').next().unwrap_or(url);
        self.0.get(key).cloned().ok_or_else(|| format!("{url} is not available offline").into())
    }
}

const ROOT: &str = "urn:statuslab:schema";

/// [`validate_schema`] with explicit options. A schema that does not
/// compile gives an invalid verdict whose one error says why.
pub fn validate_schema_with(
    schema: &Value,
    instance: &Value,
    body_text: &str,
    options: &SchemaOptions,
) -> SchemaVerdict {
    let spec = rfc9457("A");
    let mut compiler = Compiler::new();
    compiler.set_default_draft(match options.default_draft {
        SchemaDraft::Draft7 => Draft::V7,
        SchemaDraft::Draft2019_09 => Draft::V2019_09,
        SchemaDraft::Draft2020_12 => Draft::V2020_12,
    });
    if options.assert_formats {
        compiler.enable_format_assertions();
    }
    compiler.use_loader(Box::new(MapLoader(Arc::clone(&options.resources))));
    let mut schemas = Schemas::new();
    let compiled = match compiler.add_resource(ROOT, schema.clone()) {
        Ok(()) => compiler.compile(ROOT, &mut schemas),
        Err(error) => Err(error),
    };
    let index = match compiled {
        Ok(index) => index,
        Err(error) => {
            return SchemaVerdict {
                valid: false,
                errors: vec![ProblemError {
                    pointer: String::new(),
                    line: 1,
                    column: 1,
                    message: format!("The schema does not compile: {error}"),
                    severity: Severity::Error,
                    spec,
                }],
            };
        }
    };
    if !schemas.contains(index) {
        return SchemaVerdict { valid: false, errors: Vec::new() };
    }
    match schemas.validate(instance, index) {
        Ok(()) => SchemaVerdict { valid: true, errors: Vec::new() },
        Err(error) => {
            let positions = PositionIndex::build(body_text);
            let mut errors = Vec::new();
            collect(&error, &positions, &spec, &mut errors);
            SchemaVerdict { valid: false, errors }
        }
    }
}

fn collect(
    error: &ValidationError,
    positions: &PositionIndex,
    spec: &Citation,
    out: &mut Vec<ProblemError>,
) {
    if error.causes.is_empty() {
        let pointer = error.instance_location.to_string();
        let pos = positions.locate(&pointer);
        out.push(ProblemError {
            pointer,
            line: pos.line,
            column: pos.column,
            message: error.kind.to_string(),
            severity: Severity::Error,
            spec: spec.clone(),
        });
    } else {
        for cause in &error.causes {
            collect(cause, positions, spec, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appendix_a_schema_catches_types_with_positions() {
        let text = "{\n  \"status\": \"404\",\n  \"type\": \"not a uri\"\n}";
        let value: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        let verdict = validate_schema(problem_schema(), &value, text);
        assert!(!verdict.valid);
        let status = verdict.errors.iter().find(|e| e.pointer == "/status");
        assert_eq!(status.map(|e| (e.line, e.column)), Some((2, 13)));
        assert!(verdict.errors.iter().any(|e| e.pointer == "/type"), "{verdict:?}");
        let ok = serde_json::json!({"type": "https://example.com/p", "status": 404});
        assert!(validate_schema(problem_schema(), &ok, "{}").valid);
    }
}
