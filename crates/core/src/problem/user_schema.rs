//! The user's own JSON Schema, as the CLI's `--schema` and the page's schema
//! box take it: a schema document, or an OpenAPI (or any JSON) document
//! with a pointer to the schema inside it, whose own `$ref`s then resolve
//! within the whole document. Preparing needs only serde_json; validating
//! needs the `schema` feature (the validator).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::position::escape_token;

/// The name under which the whole document is offered to `$ref`.
const DOCUMENT: &str = "urn:statuslab:schema-document";

/// A schema as the user gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SchemaInput {
    pub text: String,
    /// A JSON pointer into `text`, as a URL fragment ("#/components/schemas/Problem")
    /// or a bare pointer; `None` when the document is the schema.
    pub pointer: Option<String>,
}

/// A schema ready for the validator.
#[derive(Debug, Clone, PartialEq)]
pub struct PreparedSchema {
    pub schema: Value,
    /// Documents `$ref` may load, by absolute URL.
    pub resources: BTreeMap<String, Value>,
}

/// Reads the user's schema; the error says what to do about it.
pub fn prepare(input: &SchemaInput) -> Result<PreparedSchema, String> {
    let document: Value = serde_json::from_str(&input.text).map_err(|e| {
        format!(
            "The schema is not a JSON document (line {}, column {}: {}). YAML is not read: convert it to JSON.",
            e.line(),
            e.column(),
            e.to_string().split(" at line").next().unwrap_or_default()
        )
    })?;
    let pointer = input.pointer.as_deref().map(str::trim).filter(|p| !p.is_empty() && *p != "#");
    let Some(pointer) = pointer else {
        let choices = schema_choices(&document);
        if document.get("openapi").is_some() || document.get("swagger").is_some() {
            return Err(if choices.is_empty() {
                "This is an OpenAPI document without components.schemas: give the pointer of the schema to use.".into()
            } else {
                format!(
                    "This is an OpenAPI document: choose one of its schemas ({}).",
                    choices.join(", ")
                )
            });
        }
        return Ok(PreparedSchema { schema: document, resources: BTreeMap::new() });
    };
    let fragment = pointer.trim_start_matches('#');
    if !fragment.is_empty() && !fragment.starts_with('/') {
        return Err(format!("{pointer} is not a JSON pointer: it starts with #/ or /."));
    }
    if document.pointer(fragment).is_none() {
        return Err(format!("Nothing at {pointer} in the document."));
    }
    let mut resources = BTreeMap::new();
    resources.insert(DOCUMENT.to_string(), document);
    Ok(PreparedSchema {
        schema: serde_json::json!({ "$ref": format!("{DOCUMENT}#{fragment}") }),
        resources,
    })
}

/// The schemas a document offers to choose from, as URL fragments:
/// OpenAPI 3 `components.schemas`, Swagger 2 `definitions`, and `$defs`.
pub fn schema_choices(document: &Value) -> Vec<String> {
    let mut choices = Vec::new();
    for (path, tokens) in [
        ("#/components/schemas/", &["components", "schemas"][..]),
        ("#/definitions/", &["definitions"][..]),
        ("#/$defs/", &["$defs"][..]),
    ] {
        let mut node = Some(document);
        for token in tokens {
            node = node.and_then(|n| n.get(token));
        }
        if let Some(Value::Object(members)) = node {
            choices.extend(members.keys().map(|name| format!("{path}{}", escape_token(name))));
        }
    }
    choices
}

/// [`schema_choices`] of a document given as text (none when it is not JSON).
pub fn schema_choices_in(text: &str) -> Vec<String> {
    serde_json::from_str::<Value>(text).map(|d| schema_choices(&d)).unwrap_or_default()
}

#[cfg(feature = "schema")]
impl PreparedSchema {
    /// Validates a JSON body; `None` when the body is not JSON (the
    /// semantic checks report that).
    pub fn validate(&self, body: &str) -> Option<super::SchemaVerdict> {
        let value: Value = serde_json::from_str(body).ok()?;
        let options = super::SchemaOptions {
            resources: std::sync::Arc::new(self.resources.clone()),
            ..super::SchemaOptions::default()
        };
        Some(super::validate_schema_with(&self.schema, &value, body, &options))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OPENAPI: &str = r##"{"openapi": "3.1.0", "info": {"title": "t", "version": "1"},
        "components": {"schemas": {
            "Problem": {"type": "object", "required": ["title"],
                        "properties": {"title": {"type": "string"}, "code": {"$ref": "#/components/schemas/Code"}}},
            "Code": {"type": "string", "pattern": "^E[0-9]+$"}}}}"##;

    fn input(text: &str, pointer: Option<&str>) -> SchemaInput {
        SchemaInput { text: text.into(), pointer: pointer.map(Into::into) }
    }

    #[test]
    fn an_openapi_document_lists_its_schemas_and_asks_for_one() {
        let document: Value = serde_json::from_str(OPENAPI).expect("json");
        assert_eq!(
            schema_choices(&document),
            ["#/components/schemas/Code", "#/components/schemas/Problem"]
        );
        let error = prepare(&input(OPENAPI, None)).expect_err("must choose");
        assert!(error.contains("#/components/schemas/Problem"), "{error}");
        assert!(prepare(&input(OPENAPI, Some("#/components/schemas/Nope"))).is_err());
        assert!(prepare(&input(OPENAPI, Some("components"))).is_err());
    }

    #[test]
    fn a_bad_document_says_where() {
        let error = prepare(&input("{\n  \"type\": \n}", None)).expect_err("not json");
        assert!(error.contains("line 3"), "{error}");
        assert!(error.contains("YAML"));
    }

    #[cfg(feature = "schema")]
    #[test]
    fn refs_inside_the_chosen_schema_resolve_in_the_document() {
        let schema = prepare(&input(OPENAPI, Some("#/components/schemas/Problem"))).expect("ok");
        let good = schema.validate(r#"{"title": "Out of stock", "code": "E42"}"#).expect("json");
        assert!(good.valid, "{good:?}");
        let body = "{\n  \"title\": \"Out of stock\",\n  \"code\": \"42\"\n}";
        let bad = schema.validate(body).expect("json");
        assert!(!bad.valid);
        assert_eq!(bad.errors[0].pointer, "/code");
        assert_eq!((bad.errors[0].line, bad.errors[0].column), (3, 11));
        assert_eq!(schema.validate("not json"), None);
    }
}
