//! What the checks share about one exchange, computed once.

use std::cell::OnceCell;

use serde_json::Value;

use crate::exchange::{BodyCapture, Exchange};
use crate::registry::{Registry, StatusEntry};

pub struct Context<'a> {
    pub exchange: &'a Exchange,
    pub status: u16,
    /// The status code's reference entry, when it has one.
    pub entry: Option<&'static StatusEntry>,
    json_body: OnceCell<Option<Value>>,
    body_lower: OnceCell<String>,
}

impl<'a> Context<'a> {
    pub fn new(exchange: &'a Exchange) -> Context<'a> {
        let status = exchange.response.status;
        Context {
            exchange,
            status,
            entry: Registry::global().entry(status),
            json_body: OnceCell::new(),
            body_lower: OnceCell::new(),
        }
    }

    pub fn is_error(&self) -> bool {
        (400..600).contains(&self.status)
    }

    pub fn is_success(&self) -> bool {
        (200..300).contains(&self.status)
    }

    /// True when the request is known (not a placeholder for `curl -i`
    /// output): request-aware checks run only then.
    pub fn request_known(&self) -> bool {
        self.exchange.request_known
    }

    pub fn method(&self) -> &str {
        &self.exchange.request.method
    }

    pub fn has_body(&self) -> bool {
        !self.exchange.response.body.is_empty()
    }

    /// False when the input did not contain the response body (curl -I,
    /// curl -L redirects, a HAR without content): checks of its content
    /// cannot run, and an empty `body` means nothing.
    pub fn body_known(&self) -> bool {
        self.exchange.response.body_capture != BodyCapture::Missing
    }

    /// The response body parsed as JSON, if it is JSON.
    pub fn json_body(&self) -> Option<&Value> {
        self.json_body
            .get_or_init(|| serde_json::from_str(&self.exchange.response.body).ok())
            .as_ref()
    }

    /// The response body lower-cased, for keyword heuristics; computed once
    /// however many rules ask.
    pub fn body_lower(&self) -> &str {
        self.body_lower.get_or_init(|| self.exchange.response.body.to_lowercase())
    }
}
