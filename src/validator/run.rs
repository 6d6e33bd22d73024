//! Validation itself, in plain Rust: the worker calls it, and native tests
//! prove it without a browser.

use crate::core::problem::{
    prepare_user_schema, problem_schema, validate_schema, PreparedSchema, SchemaInput,
};

use super::{ValidateJob, ValidateReply};

/// Keeps the last user schema prepared, so each keystroke in the body does
/// not parse the schema document again.
#[derive(Default)]
pub struct Validator {
    last: Option<(SchemaInput, Result<PreparedSchema, String>)>,
}

impl Validator {
    /// `clock` reads milliseconds (the worker passes `performance.now`).
    pub fn run(&mut self, job: ValidateJob, clock: impl Fn() -> f64) -> ValidateReply {
        let start = clock();
        let body_bytes = job.body.len();
        let parsed = serde_json::from_str::<serde_json::Value>(&job.body).ok();
        let standard = match (&parsed, job.standard) {
            (Some(value), true) => Some(validate_schema(problem_schema(), value, &job.body)),
            _ => None,
        };
        let user = job.user.map(|input| {
            let fresh = self.last.as_ref().is_none_or(|(last, _)| *last != input);
            if fresh {
                let prepared = prepare_user_schema(&input);
                self.last = Some((input, prepared));
            }
            match self.last.as_ref().map(|(_, prepared)| prepared) {
                Some(Ok(schema)) => schema.validate(&job.body).ok_or_else(|| {
                    "The body is not JSON, so your schema cannot check it.".to_string()
                }),
                Some(Err(error)) => Err(error.clone()),
                None => Err("No schema.".into()),
            }
        });
        ValidateReply { id: job.id, standard, user, elapsed_ms: clock() - start, body_bytes }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn job(body: &str, user: Option<SchemaInput>) -> ValidateJob {
        ValidateJob { id: 7, body: body.into(), standard: true, user }
    }

    #[test]
    fn checks_the_standard_schema_and_the_users_with_positions() {
        let schema = SchemaInput {
            text: r#"{"type": "object", "required": ["code"]}"#.into(),
            pointer: None,
        };
        let mut validator = Validator::default();
        let reply = validator.run(job("{\n  \"status\": \"404\"\n}", Some(schema)), || 0.0);
        assert_eq!(reply.id, 7);
        let standard = reply.standard.expect("a JSON body");
        assert!(!standard.valid);
        assert_eq!((standard.errors[0].pointer.as_str(), standard.errors[0].line), ("/status", 2));
        let user = reply.user.expect("asked").expect("a usable schema");
        assert!(!user.valid);
        assert!(user.errors[0].message.contains("code"), "{:?}", user.errors);
    }

    #[test]
    fn a_broken_schema_or_body_is_a_message_not_a_crash() {
        let broken = SchemaInput { text: "{ nope".into(), pointer: None };
        let mut validator = Validator::default();
        let reply = validator.run(job("{}", Some(broken)), || 0.0);
        assert!(reply.user.expect("asked").expect_err("unusable").contains("not a JSON document"));
        let schema = SchemaInput { text: "{}".into(), pointer: None };
        let reply = validator.run(job("<html>", Some(schema)), || 0.0);
        assert_eq!(reply.standard, None);
        assert!(reply.user.expect("asked").is_err());
    }
}
