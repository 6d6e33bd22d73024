//! HTTP exchanges: the typed model the analysis works on, and the parsers
//! that turn what users paste (raw HTTP, `curl -i` / `curl -v` output, HAR
//! files) into it.
//!
//! Parsing is lossless where it matters for findings: header names keep
//! their spelling and order, duplicates are kept, bodies are kept byte for
//! byte (as text), and each error names the line it happened on.

pub mod har;
mod model;
mod parse;

pub use har::{parse_har_entry, EntrySpan, HarScanner};
pub use model::{
    body_bytes, body_from_bytes, body_len, BodyCapture, BodyEncoding, Exchange, Header, Headers,
    HttpVersion, Request, Response,
};
pub use parse::{parse_bytes, parse_http_text, parse_input, InputFormat, ParseError, Parsed};
