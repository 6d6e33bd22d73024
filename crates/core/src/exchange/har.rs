//! HAR 1.2 (the format browsers' DevTools export): every entry becomes an
//! exchange. Only the fields the analysis needs are read; unknown fields are
//! ignored, as the format allows custom ones.

use serde::Deserialize;

use base64::Engine as _;

use super::{
    body_from_bytes, parse::ParseError, BodyCapture, BodyEncoding, Exchange, Header, Headers,
    HttpVersion, Request, Response,
};

#[derive(Deserialize)]
struct HarEntry {
    request: HarRequest,
    response: HarResponse,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HarRequest {
    method: String,
    url: String,
    #[serde(default)]
    http_version: String,
    #[serde(default)]
    headers: Vec<HarHeader>,
    #[serde(default)]
    post_data: Option<HarPostData>,
}

#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
struct HarResponse {
    status: i64,
    #[serde(default)]
    status_text: String,
    #[serde(default)]
    http_version: String,
    #[serde(default)]
    headers: Vec<HarHeader>,
    #[serde(default)]
    content: Option<HarContent>,
}

#[derive(Deserialize)]
struct HarHeader {
    name: String,
    value: String,
}

#[derive(Deserialize)]
struct HarPostData {
    #[serde(default)]
    text: Option<String>,
}

#[derive(Deserialize)]
struct HarContent {
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    encoding: Option<String>,
    /// The decoded body's length; -1 or absent when unknown.
    #[serde(default)]
    size: Option<i64>,
}

fn headers(list: Vec<HarHeader>) -> Headers {
    // Browsers export HTTP/2 pseudo-headers (":status") as fields; they are
    // not header fields and would only confuse the checks.
    Headers(
        list.into_iter()
            .filter(|h| !h.name.starts_with(':'))
            .map(|h| Header::new(h.name, h.value))
            .collect(),
    )
}

/// Where one entry of `log.entries` sits in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntrySpan {
    pub start: usize,
    pub end: usize,
    /// The 1-based line the entry starts on.
    pub line: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    SeekEntries,
    InEntries,
    Done,
}

/// Finds the entries of a HAR file without parsing them, a slice of bytes
/// at a time. A browser can then spread a file of tens of megabytes over many
/// short tasks (scan, then parse each entry with [`parse_har_entry`]) instead
/// of freezing; a JSON parser would have to take the whole file in one go.
///
/// It tracks only strings, nesting and lines: the syntax of each entry is
/// checked when the entry is parsed.
#[derive(Debug)]
pub struct HarScanner<'a> {
    text: &'a str,
    pos: usize,
    line: usize,
    depth: usize,
    in_string: bool,
    escaped: bool,
    string_start: usize,
    /// The last key at the `log` level was "entries".
    entries_key: bool,
    entry_start: Option<(usize, usize)>,
    phase: Phase,
    pub entries: Vec<EntrySpan>,
}

impl<'a> HarScanner<'a> {
    pub fn new(text: &'a str) -> HarScanner<'a> {
        HarScanner {
            text,
            pos: 0,
            line: 1,
            depth: 0,
            in_string: false,
            escaped: false,
            string_start: 0,
            entries_key: false,
            entry_start: None,
            phase: Phase::SeekEntries,
            entries: Vec::new(),
        }
    }

    /// How far the scan has come, in bytes.
    pub fn position(&self) -> usize {
        self.pos
    }

    /// Scans up to `budget` more bytes; `Ok(true)` once the whole file is
    /// scanned and the entries are known.
    pub fn advance(&mut self, budget: usize) -> Result<bool, ParseError> {
        let bytes = self.text.as_bytes();
        let stop = self.pos.saturating_add(budget).min(bytes.len());
        while self.pos < stop {
            let byte = bytes[self.pos];
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if byte == b'\\' {
                    self.escaped = true;
                } else if byte == b'"' {
                    self.in_string = false;
                    if self.phase == Phase::SeekEntries && self.depth == 2 {
                        self.entries_key = &bytes[self.string_start..self.pos] == b"entries";
                    }
                } else if byte == b'\n' {
                    self.line += 1;
                }
                self.pos += 1;
                continue;
            }
            match byte {
                b'"' => {
                    self.in_string = true;
                    self.string_start = self.pos + 1;
                }
                b'\n' => self.line += 1,
                b'{' | b'[' => {
                    if self.depth == 0 && byte != b'{' {
                        return Err(ParseError::at(
                            self.line,
                            "not a HAR file: expected a JSON object",
                        ));
                    }
                    if self.phase == Phase::SeekEntries
                        && self.depth == 2
                        && byte == b'['
                        && self.entries_key
                    {
                        self.phase = Phase::InEntries;
                    } else if self.phase == Phase::InEntries && self.depth == 3 && byte == b'{' {
                        self.entry_start = Some((self.pos, self.line));
                    }
                    self.depth += 1;
                }
                b'}' | b']' => {
                    if self.depth == 0 {
                        return Err(ParseError::at(
                            self.line,
                            format!("not a HAR file: unexpected '{}'", byte as char),
                        ));
                    }
                    self.depth -= 1;
                    if self.phase == Phase::InEntries && self.depth == 3 && byte == b'}' {
                        if let Some((start, line)) = self.entry_start.take() {
                            self.entries.push(EntrySpan { start, end: self.pos + 1, line });
                        }
                    } else if self.phase == Phase::InEntries && self.depth == 2 && byte == b']' {
                        self.phase = Phase::Done;
                    }
                }
                b',' if self.depth == 2 => self.entries_key = false,
                _ => {}
            }
            self.pos += 1;
        }
        if self.pos < bytes.len() {
            return Ok(false);
        }
        match self.phase {
            _ if self.in_string || self.depth != 0 => {
                Err(ParseError::at(self.line, "the HAR file ends too early: is it truncated?"))
            }
            Phase::Done if self.entries.is_empty() => {
                Err(ParseError::at(0, "the HAR file has no entries"))
            }
            Phase::Done => Ok(true),
            _ => Err(ParseError::at(0, "not a HAR file: no log.entries array")),
        }
    }
}

/// Parses one entry found by [`HarScanner`] (`index` is 0-based); errors
/// carry the file's line.
/// The request target as it went on the wire. An https URL whose host is
/// the request's Host (or `:authority`) was sent in origin form, path and
/// query only; anything else stays absolute. HAR files written by this tool
/// read back the way they were composed.
fn origin_form(url: &str, headers: &Headers) -> String {
    let Some(rest) = url.strip_prefix("https://") else { return url.to_string() };
    let (authority, path) = match rest.find(['/', '?']) {
        Some(at) => (&rest[..at], &rest[at..]),
        None => (rest, "/"),
    };
    let host = headers.get("host").or_else(|| headers.get(":authority")).map(str::trim);
    if host.is_some_and(|h| h.eq_ignore_ascii_case(authority)) && !path.starts_with('?') {
        path.to_string()
    } else {
        url.to_string()
    }
}

pub fn parse_har_entry(text: &str, span: EntrySpan, index: usize) -> Result<Exchange, ParseError> {
    let json = text.get(span.start..span.end).unwrap_or_default();
    let entry: HarEntry = serde_json::from_str(json).map_err(|e| {
        // serde's "at line 1 column 13" counts within the entry; the error
        // carries the file's line instead.
        let message = e.to_string();
        let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(m, _)| m);
        ParseError::at(
            span.line + e.line().saturating_sub(1),
            format!("HAR entry {}: {message}", index + 1),
        )
    })?;
    exchange_of(entry, index)
}

/// Every exchange of a HAR, and a note for each entry that is not one
/// (status 0 or -1).
pub(super) fn parse_har(text: &str) -> Result<(Vec<Exchange>, Vec<String>), ParseError> {
    let mut scanner = HarScanner::new(text);
    scanner.advance(usize::MAX)?;
    let mut exchanges = Vec::new();
    let mut skipped = Vec::new();
    for (n, span) in scanner.entries.iter().enumerate() {
        match parse_har_entry(text, *span, n) {
            Ok(exchange) => exchanges.push(exchange),
            Err(error) if error.is_not_an_exchange() => skipped.push(error.message),
            Err(error) => return Err(error),
        }
    }
    if exchanges.is_empty() {
        return Err(ParseError::at(
            0,
            format!(
                "the HAR file has no exchange to analyse: all {} entries got no response ({})",
                skipped.len(),
                skipped.first().map(String::as_str).unwrap_or_default()
            ),
        ));
    }
    Ok((exchanges, skipped))
}

/// Why a HAR entry is not an exchange: DevTools records a blocked or
/// unanswered request with status 0, Playwright's recorder a failed one
/// with -1. Not an error in the file; the entry is skipped with this note.
fn not_an_exchange(status: i64) -> Option<&'static str> {
    match status {
        0 => Some("status 0: the browser got no response (blocked, cancelled or failed)"),
        s if s < 0 => Some("status -1: the request failed before any response"),
        _ => None,
    }
}

/// A HAR body: the text the browser recorded, after content decoding.
fn har_body(content: Option<HarContent>, headers: &Headers) -> (String, BodyCapture, BodyEncoding) {
    let content = content.unwrap_or(HarContent { text: None, encoding: None, size: None });
    let coded =
        headers.get("content-encoding").is_some_and(|c| !c.trim().eq_ignore_ascii_case("identity"));
    let capture = if coded { BodyCapture::Decoded } else { BodyCapture::Complete };
    let recorded_size = content.size.filter(|s| *s > 0);
    match (content.text, content.encoding.as_deref()) {
        (Some(text), Some(encoding)) if encoding.eq_ignore_ascii_case("base64") => {
            match base64::engine::general_purpose::STANDARD.decode(text.trim()) {
                Ok(bytes) => {
                    let (body, encoding) = body_from_bytes(&bytes);
                    (body, capture, encoding)
                }
                Err(_) => (String::new(), BodyCapture::Missing, BodyEncoding::Utf8),
            }
        }
        (Some(text), _) if !text.is_empty() || recorded_size.is_none() => {
            (text, capture, BodyEncoding::Utf8)
        }
        // No text, or none though the browser saw bytes: not recorded.
        _ if recorded_size.is_some()
            || headers.get("content-length").is_some_and(|l| l.trim() != "0") =>
        {
            (String::new(), BodyCapture::Missing, BodyEncoding::Utf8)
        }
        _ => (String::new(), BodyCapture::Complete, BodyEncoding::Utf8),
    }
}

fn exchange_of(entry: HarEntry, n: usize) -> Result<Exchange, ParseError> {
    if let Some(why) = not_an_exchange(entry.response.status) {
        return Err(ParseError::not_an_exchange(format!("HAR entry {}: {why}", n + 1)));
    }
    let status = u16::try_from(entry.response.status).map_err(|_| {
        ParseError::at(
            0,
            format!(
                "HAR entry {}: status {} is not an HTTP status code",
                n + 1,
                entry.response.status
            ),
        )
    })?;
    let version = HttpVersion::parse(&entry.response.http_version)
        .or_else(|| HttpVersion::parse(&entry.request.http_version))
        .unwrap_or(HttpVersion::Http11);
    let response_headers = headers(entry.response.headers);
    let (body, body_capture, body_encoding) = har_body(entry.response.content, &response_headers);
    let reason = Some(entry.response.status_text).filter(|r| !r.is_empty() && !version.is_framed());
    let request_headers = headers(entry.request.headers);
    let target = origin_form(&entry.request.url, &request_headers);
    let request_body = entry.request.post_data.and_then(|p| p.text);
    let request_capture = match &request_body {
        None if request_headers.get("content-length").is_some_and(|l| l.trim() != "0") => {
            BodyCapture::Missing
        }
        _ => BodyCapture::Complete,
    };
    Ok(Exchange {
        request: Request {
            method: entry.request.method,
            target,
            version: HttpVersion::parse(&entry.request.http_version).unwrap_or(version),
            headers: request_headers,
            body: request_body.unwrap_or_default(),
            body_capture: request_capture,
            body_encoding: BodyEncoding::Utf8,
        },
        response: Response {
            version,
            status,
            reason,
            headers: response_headers,
            body,
            body_capture,
            body_encoding,
        },
        request_known: true,
    })
}

#[cfg(test)]
mod tests {
    use super::super::parse::{parse_input, InputFormat};

    const HAR: &str = r#"{"log":{"version":"1.2","creator":{"name":"test","version":"1"},"entries":[
      {"startedDateTime":"2026-11-23T10:00:00Z","time":12,
       "request":{"method":"GET","url":"https://api.example/users/1","httpVersion":"h2","headers":[{"name":":authority","value":"api.example"},{"name":"accept","value":"application/json"}],"queryString":[],"cookies":[],"headersSize":-1,"bodySize":0},
       "response":{"status":404,"statusText":"","httpVersion":"h2","headers":[{"name":"content-type","value":"application/problem+json"}],"cookies":[],"content":{"size":20,"mimeType":"application/problem+json","text":"{\"status\":404}"},"redirectURL":"","headersSize":-1,"bodySize":20},
       "cache":{},"timings":{"send":0,"wait":10,"receive":2}},
      {"startedDateTime":"2026-11-23T10:00:01Z","time":5,
       "request":{"method":"POST","url":"https://api.example/upload","httpVersion":"HTTP/1.1","headers":[],"postData":{"mimeType":"text/plain","text":"hi"}},
       "response":{"status":201,"statusText":"Created","httpVersion":"HTTP/1.1","headers":[{"name":"Location","value":"/files/9"}],"content":{"size":3,"mimeType":"image/png","text":"iVB","encoding":"base64"}}}
    ]}}"#;

    #[test]
    fn reads_entries_in_order() {
        let parsed = parse_input(HAR).expect("parses");
        assert_eq!(parsed.format, InputFormat::Har);
        let [first, second] = &parsed.exchanges[..] else { panic!("two entries") };
        assert_eq!(first.response.status, 404);
        assert!(first.response.version.is_framed());
        assert_eq!(first.response.reason, None);
        assert!(!first.request.headers.has(":authority"));
        assert_eq!(first.response.body, "{\"status\":404}");
        assert_eq!(second.request.body, "hi");
        assert_eq!(second.response.body, "", "base64 content is not analysed as text");
        assert_eq!(second.response.reason.as_deref(), Some("Created"));
    }

    #[test]
    fn entries_parse_one_by_one_with_file_line_numbers() {
        let text = "{\"log\": {\"entries\": [\n{\"request\": {\"method\": \"GET\", \"url\": \"/a\"}, \"response\": {\"status\": 200}},\n{\"request\": {\"method\": \"GET\"},\n \"response\": {\"status\": 200}}\n]}}";
        let mut scanner = super::HarScanner::new(text);
        // A tiny budget: the scan must resume correctly at any byte.
        while !scanner.advance(7).expect("scans") {}
        let entries = scanner.entries.clone();
        assert_eq!(entries.len(), 2);
        assert!(super::parse_har_entry(text, entries[0], 0).is_ok());
        let error = super::parse_har_entry(text, entries[1], 1).expect_err("no url");
        assert_eq!(error.line, 3, "{error}");
        assert!(error.message.starts_with("HAR entry 2:"), "{error}");
    }

    #[test]
    fn broken_har_names_the_line() {
        let error = parse_input("{\n\"log\": {\n\"entries\": [ {\"request\": 3} ]\n}}")
            .expect_err("invalid");
        assert_eq!(error.line, 3);
        assert!(error.message.contains("HAR entry 1: invalid type"), "{error}");
        assert!(!error.message.contains("column"), "{error}");
        let error = parse_input("{\"log\":{\"entries\":[]}}").expect_err("empty");
        assert!(error.message.contains("no entries"));
        let error = parse_input("{ not json").expect_err("not json");
        assert!(error.to_string().starts_with("line 1:"), "{error}");
        let error = parse_input("{\"log\": {\"entries\": [{\"request\": {").expect_err("truncated");
        assert!(error.message.contains("truncated"), "{error}");
        let error = parse_input("{\"log\": {\"pages\": []}}").expect_err("no entries");
        assert!(error.message.contains("no log.entries"), "{error}");
        let error = parse_input("{\"log\": {\"comment\": \"entries [\", \"entries\": []}}")
            .expect_err("empty");
        assert!(error.message.contains("no entries"), "{error}");
    }
}
