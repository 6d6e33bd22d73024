//! Reading pasted text into exchanges.
//!
//! Accepted inputs, detected automatically:
//! - a raw exchange: a request (request line, headers, blank line, body)
//!   followed by its response; several exchanges may follow each other;
//! - `curl -i` output: one or more responses without requests (interim 1xx
//!   responses before a final one are dropped);
//! - `curl -v` output: `>` request lines, `<` response lines, `*` notes, then
//!   the body;
//! - a HAR 1.2 file (JSON), see `har.rs`.
//!
//! # Limits
//! Bodies are text. A body ends where the next message's start line begins,
//! so a body line that itself starts with "HTTP/1.1 200" would be misread;
//! trailing newlines of a body are not part of it.

use std::fmt;

use super::{har, Exchange, Header, Headers, HttpVersion, Request, Response};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum InputFormat {
    Raw,
    CurlVerbose,
    Har,
}

impl InputFormat {
    pub fn label(self) -> &'static str {
        match self {
            InputFormat::Raw => "raw HTTP",
            InputFormat::CurlVerbose => "curl -v output",
            InputFormat::Har => "HAR",
        }
    }
}

/// What a paste turned into.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    pub format: InputFormat,
    pub exchanges: Vec<Exchange>,
}

/// Why the input could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line of the input; 0 when the error concerns the whole input.
    pub line: usize,
    pub message: String,
}

impl ParseError {
    pub(super) fn at(line: usize, message: impl Into<String>) -> ParseError {
        ParseError { line, message: message.into() }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}", self.message)
        } else {
            write!(f, "line {}: {}", self.line, self.message)
        }
    }
}

impl std::error::Error for ParseError {}

/// Reads any supported input into one or more exchanges.
pub fn parse_input(text: &str) -> Result<Parsed, ParseError> {
    let trimmed = text.trim_start_matches('\u{feff}').trim_start();
    if trimmed.is_empty() {
        return Err(ParseError::at(
            0,
            "the input is empty: paste a request and response, curl output or a HAR file",
        ));
    }
    if trimmed.starts_with('{') {
        return Ok(Parsed { format: InputFormat::Har, exchanges: har::parse_har(text)? });
    }
    parse_http_text(text)
}

/// Reads raw HTTP or curl output (not HAR). The page parses presets and
/// its saved exchange with this alone, so the HAR reader stays in the
/// engine worker's wasm and out of the first load.
pub fn parse_http_text(text: &str) -> Result<Parsed, ParseError> {
    if text.trim().is_empty() {
        return Err(ParseError::at(
            0,
            "the input is empty: paste a request and response, curl output or a HAR file",
        ));
    }
    let lines: Vec<&str> = text.lines().collect();
    if is_curl_verbose(&lines) {
        return Ok(Parsed {
            format: InputFormat::CurlVerbose,
            exchanges: parse_curl_verbose(&lines)?,
        });
    }
    Ok(Parsed { format: InputFormat::Raw, exchanges: parse_raw(&lines)? })
}

fn is_curl_verbose(lines: &[&str]) -> bool {
    let request = lines.iter().any(|l| l.starts_with("> "));
    let response = lines.iter().any(|l| l.starts_with("< "));
    request && response
}

fn snippet(line: &str) -> String {
    let short: String = line.chars().take(60).collect();
    if short.len() < line.len() {
        format!("{short:?}…")
    } else {
        format!("{short:?}")
    }
}

/// "HTTP/1.1 200 OK" → (version, status, reason).
fn parse_status_line(
    line: &str,
    number: usize,
) -> Result<(HttpVersion, u16, Option<String>), ParseError> {
    let mut parts = line.trim_end().splitn(3, ' ');
    let version_text = parts.next().unwrap_or_default();
    let version = HttpVersion::parse(version_text).ok_or_else(|| {
        ParseError::at(
            number,
            format!(
                "expected an HTTP version such as HTTP/1.1 or HTTP/2, got {}",
                snippet(version_text)
            ),
        )
    })?;
    let code_text = parts.next().unwrap_or_default();
    if code_text.len() != 3 || !code_text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(ParseError::at(
            number,
            format!(
                "expected a three-digit status code after {}, got {}",
                version.label(),
                snippet(code_text)
            ),
        ));
    }
    let status = code_text.parse().map_err(|_| ParseError::at(number, "unreadable status code"))?;
    let reason = parts.next().map(str::to_string).filter(|r| !r.is_empty());
    Ok((version, status, reason))
}

fn looks_like_status_line(line: &str) -> bool {
    let upper = line.get(..5).map(str::to_ascii_uppercase);
    upper.as_deref() == Some("HTTP/")
        && line
            .split(' ')
            .nth(1)
            .is_some_and(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_digit()))
}

/// A method token followed by a target: "GET /x HTTP/1.1", "QUERY /search".
fn looks_like_request_line(line: &str) -> bool {
    let mut parts = line.split(' ');
    let method = parts.next().unwrap_or_default();
    let target = parts.next().unwrap_or_default();
    let version = parts.next();
    let is_token = !method.is_empty()
        && method.bytes().all(|b| b.is_ascii_uppercase() || b == b'-' || b == b'_');
    is_token
        && !target.is_empty()
        && parts.next().is_none()
        && version.is_none_or(|v| HttpVersion::parse(v).is_some())
}

fn parse_request_line(
    line: &str,
    number: usize,
) -> Result<(String, String, HttpVersion), ParseError> {
    let mut parts = line.split(' ');
    let method = parts.next().unwrap_or_default().to_string();
    let target = parts.next().unwrap_or_default().to_string();
    let version = match parts.next() {
        Some(v) => HttpVersion::parse(v).ok_or_else(|| {
            ParseError::at(number, format!("expected an HTTP version, got {}", snippet(v)))
        })?,
        None => HttpVersion::Http11,
    };
    Ok((method, target, version))
}

/// Reads header lines from `lines[*index]` up to the blank line that ends
/// them (or the end), advancing `index` past the blank line.
fn parse_headers(lines: &[&str], index: &mut usize, strip: &str) -> Result<Headers, ParseError> {
    let mut headers = Headers::default();
    while *index < lines.len() {
        let raw = lines[*index].strip_prefix(strip).unwrap_or(lines[*index]);
        let line = raw.trim_end_matches('\r');
        let number = *index + 1;
        *index += 1;
        if line.trim().is_empty() {
            break;
        }
        if line.starts_with([' ', '\t']) {
            // Obsolete line folding (RFC 9112 §5.2): join onto the previous value.
            match headers.0.last_mut() {
                Some(previous) => {
                    previous.value.push(' ');
                    previous.value.push_str(line.trim());
                    continue;
                }
                None => {
                    return Err(ParseError::at(
                        number,
                        "a header section cannot start with a continuation line",
                    ))
                }
            }
        }
        let Some((name, value)) = line.split_once(':') else {
            return Err(ParseError::at(
                number,
                format!("expected a header field \"Name: value\", got {}", snippet(line)),
            ));
        };
        headers.0.push(Header::new(name, value.trim()));
    }
    Ok(headers)
}

/// Body lines from `*index` until the next start line (or the end).
fn take_body(lines: &[&str], index: &mut usize) -> String {
    let start = *index;
    while *index < lines.len() {
        let line = lines[*index].trim_end_matches('\r');
        let after_blank = *index == start || lines[*index - 1].trim().is_empty();
        if looks_like_status_line(line) || (after_blank && looks_like_request_line(line)) {
            break;
        }
        *index += 1;
    }
    let body: Vec<&str> = lines[start..*index].iter().map(|l| l.trim_end_matches('\r')).collect();
    body.join("\n").trim_end_matches('\n').to_string()
}

fn parse_raw(lines: &[&str]) -> Result<Vec<Exchange>, ParseError> {
    let mut exchanges = Vec::new();
    let mut pending: Option<(Request, usize)> = None;
    let mut index = 0;
    loop {
        while index < lines.len() && lines[index].trim().is_empty() {
            index += 1;
        }
        if index >= lines.len() {
            break;
        }
        let line = lines[index].trim_end_matches('\r');
        let number = index + 1;
        // Anything starting "HTTP/" is meant as a status line: parse it so a
        // typo gets the specific message ("expected a three-digit status code").
        if line.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("HTTP/")) {
            let (version, status, reason) = parse_status_line(line, number)?;
            index += 1;
            let headers = parse_headers(lines, &mut index, "")?;
            let body = take_body(lines, &mut index);
            let response = Response { version, status, reason, headers, body };
            // An interim 1xx followed by another response belongs to the same
            // request; only the final response is analysed.
            let more_follows = index < lines.len();
            if (100..200).contains(&status) && status != 101 && more_follows {
                continue;
            }
            let (request, request_known) = match pending.take() {
                Some((request, _)) => (request, true),
                None => (Request::default(), false),
            };
            exchanges.push(Exchange { request, response, request_known });
        } else if looks_like_request_line(line) {
            if let Some((_, at)) = pending {
                return Err(ParseError::at(at, "this request has no response: paste the response (starting with a status line such as \"HTTP/1.1 200 OK\") after it"));
            }
            let (method, target, version) = parse_request_line(line, number)?;
            index += 1;
            let headers = parse_headers(lines, &mut index, "")?;
            let body = take_body(lines, &mut index);
            pending = Some((Request { method, target, version, headers, body }, number));
        } else {
            return Err(ParseError::at(
                number,
                format!("expected a request line such as \"GET /path HTTP/1.1\" or a status line such as \"HTTP/1.1 200 OK\", got {}", snippet(line)),
            ));
        }
    }
    if let Some((_, at)) = pending {
        return Err(ParseError::at(at, "this request has no response: paste the response (starting with a status line such as \"HTTP/1.1 200 OK\") after it"));
    }
    if exchanges.is_empty() {
        return Err(ParseError::at(0, "no HTTP message found"));
    }
    Ok(exchanges)
}

/// `curl -v`: "> " request lines, "< " response lines, "* " notes; the
/// response body follows the last "< " line unprefixed.
fn parse_curl_verbose(lines: &[&str]) -> Result<Vec<Exchange>, ParseError> {
    let mut exchanges = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        // The next request.
        while index < lines.len() && !lines[index].starts_with("> ") {
            index += 1;
        }
        if index >= lines.len() {
            break;
        }
        let number = index + 1;
        let request_line = lines[index][2..].trim_end_matches('\r');
        let (method, target, version) = parse_request_line(request_line, number)?;
        index += 1;
        let headers = parse_headers(lines, &mut index, "> ")?;
        // Skip notes and upload data up to the response.
        while index < lines.len() && !lines[index].starts_with("< ") {
            index += 1;
        }
        let mut response = None;
        while index < lines.len() && lines[index].starts_with("< ") {
            let number = index + 1;
            let (rversion, status, reason) =
                parse_status_line(lines[index][2..].trim_end_matches('\r'), number)?;
            index += 1;
            let rheaders = parse_headers(lines, &mut index, "< ")?;
            while index < lines.len() && lines[index].starts_with("* ") {
                index += 1;
            }
            response = Some(Response {
                version: rversion,
                status,
                reason,
                headers: rheaders,
                body: String::new(),
            });
        }
        let Some(mut response) = response else {
            return Err(ParseError::at(
                number,
                "curl shows this request but no response (no \"< HTTP/…\" line follows)",
            ));
        };
        let start = index;
        while index < lines.len()
            && !lines[index].starts_with("> ")
            && !lines[index].starts_with("* ")
            && !lines[index].starts_with("{ ")
            && !lines[index].starts_with("} ")
        {
            index += 1;
        }
        let body: Vec<&str> =
            lines[start..index].iter().map(|l| l.trim_end_matches('\r')).collect();
        response.body = body.join("\n").trim_end_matches('\n').to_string();
        let request = Request { method, target, version, headers, body: String::new() };
        exchanges.push(Exchange { request, response, request_known: true });
    }
    if exchanges.is_empty() {
        return Err(ParseError::at(0, "no request found in the curl -v output"));
    }
    Ok(exchanges)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> Exchange {
        let parsed = parse_input(text).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(parsed.exchanges.len(), 1);
        parsed.exchanges.into_iter().next().unwrap_or_default()
    }

    #[test]
    fn raw_exchange_with_bodies() {
        let e = one("POST /users HTTP/1.1\r\nHost: api.example\r\nContent-Type: application/json\r\n\r\n{\"name\":\"Alice\"}\r\n\r\nHTTP/1.1 201 Created\r\nLocation: /users/42\r\n\r\n{\"id\":42}\r\n");
        assert!(e.request_known);
        assert_eq!(e.request.method, "POST");
        assert_eq!(e.request.target, "/users");
        assert_eq!(e.request.body, "{\"name\":\"Alice\"}");
        assert_eq!(e.response.status, 201);
        assert_eq!(e.response.reason.as_deref(), Some("Created"));
        assert_eq!(e.response.headers.get("location"), Some("/users/42"));
        assert_eq!(e.response.body, "{\"id\":42}");
    }

    #[test]
    fn http2_status_line_has_no_reason() {
        let e = one("HTTP/2 204\ndate: Mon, 23 Nov 2026 10:00:00 GMT\n");
        assert!(!e.request_known);
        assert_eq!(e.response.version, HttpVersion::Http2);
        assert_eq!(e.response.reason, None);
    }

    #[test]
    fn custom_methods_and_http10() {
        let e = one("QUERY /search HTTP/1.1\nContent-Type: application/json\n\n{\"q\":1}\n\nHTTP/1.0 200 OK\n\nok");
        assert_eq!(e.request.method, "QUERY");
        assert_eq!(e.response.version, HttpVersion::Http10);
        assert_eq!(e.response.body, "ok");
    }

    #[test]
    fn curl_i_with_interim_response_keeps_the_final_one() {
        let parsed = parse_input(
            "HTTP/1.1 100 Continue\n\nHTTP/1.1 200 OK\nContent-Type: text/plain\n\nhello\n",
        )
        .expect("parses");
        assert_eq!(parsed.exchanges.len(), 1);
        assert_eq!(parsed.exchanges[0].response.status, 200);
        assert_eq!(parsed.exchanges[0].response.body, "hello");
    }

    #[test]
    fn curl_i_with_redirects_gives_one_exchange_per_response() {
        let parsed = parse_input("HTTP/1.1 301 Moved Permanently\nLocation: https://b.example/\n\nHTTP/2 200\ncontent-type: text/html\n\n<p>hi</p>").expect("parses");
        assert_eq!(
            parsed.exchanges.iter().map(|e| e.response.status).collect::<Vec<_>>(),
            [301, 200]
        );
    }

    #[test]
    fn curl_verbose() {
        let text = "*   Trying 127.0.0.1:8080...\n* Connected to localhost\n> GET /health HTTP/1.1\n> Host: localhost:8080\n> User-Agent: curl/8.5.0\n> Accept: */*\n> \n< HTTP/1.1 503 Service Unavailable\n< Retry-After: 120\n< Content-Type: application/json\n< \n* Connection #0 left intact\n{\"status\":\"down\"}";
        let parsed = parse_input(text).expect("parses");
        assert_eq!(parsed.format, InputFormat::CurlVerbose);
        let e = &parsed.exchanges[0];
        assert_eq!(e.request.headers.get("user-agent"), Some("curl/8.5.0"));
        assert_eq!(e.response.status, 503);
        assert_eq!(e.response.headers.get("retry-after"), Some("120"));
        assert_eq!(e.response.body, "{\"status\":\"down\"}");
    }

    #[test]
    fn folded_header_lines_are_joined() {
        let e = one("HTTP/1.1 200 OK\nX-Long: one\n  two\n\n");
        assert_eq!(e.response.headers.get("x-long"), Some("one two"));
    }

    #[test]
    fn malformed_input_names_the_line() {
        for (text, line, words) in [
            ("", 0, "empty"),
            ("hello world\n", 1, "expected a request line"),
            ("HTTP/1.1 20 OK\n", 1, "three-digit status code"),
            ("HTTP/1.1 200 OK\nno colon here\n", 2, "expected a header field"),
            ("GET / HTTP/1.1\nHost: a\n\n", 1, "has no response"),
            ("GET / HTTP/1.1\n\nGET /b HTTP/1.1\n\nHTTP/1.1 200 OK\n", 1, "has no response"),
            ("HTTP/7 200 OK\n", 1, "expected an HTTP version"),
            ("HTTP/1.1 200 OK\n  folded-first\n", 2, "continuation"),
        ] {
            let error = parse_input(text).expect_err(text);
            assert_eq!(error.line, line, "{text:?}: {error}");
            assert!(error.to_string().contains(words), "{text:?}: {error}");
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for text in [
            "\u{feff}",
            "{",
            "> GET\n< ",
            "HTTP/",
            "GET",
            "\r\n\r\n",
            "HTTP/1.1 999 X\n",
            "é: ü\n",
            "> GET / HTTP/1.1\n< HTTP/1.1 2",
        ] {
            let _ = parse_input(text);
        }
    }
}
