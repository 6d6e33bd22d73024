//! Reading pasted text or captured bytes into exchanges.
//!
//! Accepted inputs, detected automatically:
//! - a raw exchange: a request (request line, headers, blank line, body)
//!   followed by its response; several exchanges may follow each other, and
//!   pipelined requests are answered in order;
//! - `curl -i` / `curl -I` output: one or more responses without requests
//!   (interim 1xx responses before a final one are dropped);
//! - `curl -v` output, as curl really prints it: `>` request lines, `<`
//!   response lines, `*` notes (also between header lines), `{ [N bytes
//!   data]` markers, the progress meter, then the body;
//! - a HAR 1.2 file (JSON), see `har.rs`.
//!
//! Messages keep their bytes as received. A body is framed as HTTP frames
//! it: by Content-Length, by chunked coding (decoded), or up to the next
//! message or the end of the input. A body the input does not contain
//! (curl -L redirects, curl -I, curl -v request bodies) is marked
//! [`BodyCapture::Missing`], not taken as empty; a body that is not UTF-8 is
//! kept as Latin-1 text ([`BodyEncoding::Latin1`]), never rejected.
//!
//! # Limits
//! Without Content-Length or chunked coding, a body ends where the next
//! start line begins, and a trailing line break at the end of the input is
//! taken as the end of the paste rather than part of the body.

use std::fmt;

use super::{
    body_from_bytes, har, BodyCapture, BodyEncoding, Exchange, Header, Headers, HttpVersion,
    Request, Response,
};

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
    /// Parts of the input that are not exchanges, each with why (a HAR
    /// entry that got no response).
    pub skipped: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ErrorKind {
    Invalid,
    /// Well-formed, but records no exchange (HAR status 0 or -1).
    NotAnExchange,
}

/// Why the input could not be read, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// 1-based line of the input; 0 when the error concerns the whole input.
    pub line: usize,
    pub message: String,
    kind: ErrorKind,
}

impl ParseError {
    pub(super) fn at(line: usize, message: impl Into<String>) -> ParseError {
        ParseError { line, message: message.into(), kind: ErrorKind::Invalid }
    }

    pub(super) fn not_an_exchange(message: impl Into<String>) -> ParseError {
        ParseError { line: 0, message: message.into(), kind: ErrorKind::NotAnExchange }
    }

    /// True for a part of the input that records no exchange and is skipped.
    pub fn is_not_an_exchange(&self) -> bool {
        self.kind == ErrorKind::NotAnExchange
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

const EMPTY_INPUT: &str =
    "the input is empty: paste a request and response, curl output or a HAR file";

/// Reads any supported input into one or more exchanges.
pub fn parse_input(text: &str) -> Result<Parsed, ParseError> {
    parse_bytes(text.as_bytes())
}

/// Reads any supported input, given as the bytes of a file or a capture.
pub fn parse_bytes(input: &[u8]) -> Result<Parsed, ParseError> {
    let input = input.strip_prefix("\u{feff}".as_bytes()).unwrap_or(input);
    let first = input.iter().position(|b| !b.is_ascii_whitespace());
    match first.map(|i| input[i]) {
        None => Err(ParseError::at(0, EMPTY_INPUT)),
        Some(b'{') => {
            // JSON is UTF-8 (RFC 8259 §8.1).
            let text = std::str::from_utf8(input).map_err(|e| {
                ParseError::at(
                    0,
                    format!(
                        "the HAR file is not UTF-8 (invalid byte at offset {})",
                        e.valid_up_to()
                    ),
                )
            })?;
            let (exchanges, skipped) = har::parse_har(text)?;
            Ok(Parsed { format: InputFormat::Har, exchanges, skipped })
        }
        Some(_) => parse_http_bytes(input),
    }
}

/// Reads raw HTTP or curl output (not HAR). The page parses presets and
/// its saved exchange with this alone, so the HAR reader stays in the
/// engine worker's wasm and out of the first load.
pub fn parse_http_text(text: &str) -> Result<Parsed, ParseError> {
    parse_http_bytes(text.as_bytes())
}

fn parse_http_bytes(input: &[u8]) -> Result<Parsed, ParseError> {
    if input.iter().all(u8::is_ascii_whitespace) {
        return Err(ParseError::at(0, EMPTY_INPUT));
    }
    let mut lines = Lines::of(input);
    if is_curl_verbose(input, &lines) {
        return Ok(Parsed {
            format: InputFormat::CurlVerbose,
            exchanges: parse_curl_verbose(input, &lines)?,
            skipped: Vec::new(),
        });
    }
    Ok(Parsed {
        format: InputFormat::Raw,
        exchanges: parse_raw(input, &mut lines)?,
        skipped: Vec::new(),
    })
}

/// The input's lines as byte ranges: `start..end` without the line break
/// (a trailing CR is trimmed by [`Lines::text`]), `next` after it.
struct Lines {
    spans: Vec<(usize, usize, usize)>,
}

impl Lines {
    fn of(input: &[u8]) -> Lines {
        let mut spans = Vec::new();
        let mut start = 0;
        while start < input.len() {
            let end =
                input[start..].iter().position(|&b| b == b'\n').map_or(input.len(), |i| start + i);
            spans.push((start, end, (end + 1).min(input.len())));
            start = end + 1;
        }
        Lines { spans }
    }

    fn len(&self) -> usize {
        self.spans.len()
    }

    /// Line `i` as text (Latin-1 where it is not UTF-8), without CR LF.
    fn text(&self, input: &[u8], i: usize) -> String {
        let (start, end, _) = self.spans[i];
        let bytes = &input[start..end];
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        field_text(bytes)
    }

    fn start(&self, i: usize) -> usize {
        self.spans.get(i).map_or(usize::MAX, |s| s.0)
    }

    /// The index of the line that starts at byte `offset`, splitting the
    /// line that contains it when a body ends mid-line (a request body
    /// glued to the status line after it).
    fn line_at(&mut self, offset: usize) -> usize {
        let i = self.spans.partition_point(|s| s.2 <= offset);
        if let Some(&(start, end, next)) = self.spans.get(i) {
            if offset > start && offset <= end {
                self.spans[i] = (start, offset, offset);
                self.spans.insert(i + 1, (offset, end, next));
                return i + 1;
            }
        }
        i
    }
}

/// Field lines are ASCII in practice; anything else is read as UTF-8 when
/// it is, else as Latin-1 (RFC 9110 §5.5: historically ISO-8859-1).
fn field_text(bytes: &[u8]) -> String {
    body_from_bytes(bytes).0
}

fn is_curl_verbose(input: &[u8], lines: &Lines) -> bool {
    let starts = |prefix: &[u8]| lines.spans.iter().any(|s| input[s.0..].starts_with(prefix));
    // curl's own first lines: a note ("*   Trying …") or the progress meter.
    let first = lines.spans.iter().map(|s| &input[s.0..s.1]).find(|l| !l.trim_ascii().is_empty());
    let opens_like_curl =
        first.is_some_and(|l| l.starts_with(b"* ") || l.trim_ascii_start().starts_with(b"% Total"));
    (starts(b"> ") && starts(b"< ")) || opens_like_curl
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

/// Reads header lines from line `*index` up to the blank line that ends
/// them (or the end), advancing `index` past the blank line. With a
/// `prefix` (curl -v's "< "), lines without it are curl's own notes and are
/// skipped.
fn parse_headers(
    input: &[u8],
    lines: &Lines,
    index: &mut usize,
    prefix: Option<&str>,
) -> Result<Headers, ParseError> {
    let mut headers = Headers::default();
    while *index < lines.len() {
        let number = *index + 1;
        let text = lines.text(input, *index);
        let line = match prefix {
            Some(prefix) => match text
                .strip_prefix(prefix)
                .or_else(|| (text == prefix.trim_end()).then_some(""))
            {
                Some(line) => line.to_string(),
                // curl prints notes between header lines; anything else
                // (the other side's lines) ends the block unread.
                None if text.starts_with("* ") || is_progress_line(&text) => {
                    *index += 1;
                    continue;
                }
                None => break,
            },
            None => text,
        };
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
                format!("expected a header field \"Name: value\", got {}", snippet(&line)),
            ));
        };
        let mut header = Header::new(name, value.trim());
        header.line = u32::try_from(number).ok();
        headers.0.push(header);
    }
    Ok(headers)
}

/// Where a body ends and how much of it the input holds.
struct Framed {
    body: String,
    encoding: BodyEncoding,
    capture: BodyCapture,
    /// The byte after the body.
    end: usize,
}

impl Framed {
    fn bytes(bytes: &[u8], end: usize) -> Framed {
        let (body, encoding) = body_from_bytes(bytes);
        Framed { body, encoding, capture: BodyCapture::Complete, end }
    }

    fn none(at: usize) -> Framed {
        Framed {
            body: String::new(),
            encoding: BodyEncoding::Utf8,
            capture: BodyCapture::Complete,
            end: at,
        }
    }

    fn missing(at: usize) -> Framed {
        Framed { capture: BodyCapture::Missing, ..Framed::none(at) }
    }
}

/// True when the bytes at `at` start a new message (after optional blank
/// lines): a status line, or a request line.
fn message_starts(input: &[u8], at: usize) -> bool {
    let rest = &input[at.min(input.len())..];
    let skip = rest.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(rest.len());
    let line_end = rest[skip..].iter().position(|&b| b == b'\n').map_or(rest.len(), |i| skip + i);
    let line = field_text(&rest[skip..line_end]);
    let line = line.trim_end_matches('\r');
    looks_like_status_line(line) || looks_like_request_line(line)
}

/// Decodes chunked transfer coding (RFC 9112 §7.1) from `at`; `None` when
/// the bytes are not chunked (curl prints bodies already de-chunked).
fn dechunk(input: &[u8], at: usize) -> Option<(Vec<u8>, usize)> {
    let mut pos = at;
    let mut body = Vec::new();
    loop {
        let line_end = input[pos..].iter().position(|&b| b == b'\n')? + pos;
        let line = std::str::from_utf8(&input[pos..line_end]).ok()?.trim_end_matches('\r');
        let size_text = line.split(';').next()?.trim();
        if size_text.is_empty() || !size_text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        let size = usize::from_str_radix(size_text, 16).ok()?;
        pos = line_end + 1;
        if size == 0 {
            // Trailer fields, then the empty line.
            loop {
                let end =
                    input[pos..].iter().position(|&b| b == b'\n').map_or(input.len(), |i| pos + i);
                let empty = input[pos..end].iter().all(|&b| b == b'\r');
                pos = (end + 1).min(input.len());
                if empty || end == input.len() {
                    return Some((body, pos));
                }
            }
        }
        let data_end = pos.checked_add(size)?;
        body.extend_from_slice(input.get(pos..data_end)?);
        pos = data_end;
        if input.get(pos) == Some(&b'\r') {
            pos += 1;
        }
        if input.get(pos) == Some(&b'\n') {
            pos += 1;
        }
    }
}

/// The next message's start at or after `from`, at a line start (and for a
/// request line, after a blank line); `input.len()` when none follows.
fn next_message(input: &[u8], lines: &Lines, from: usize) -> usize {
    let first = lines.spans.partition_point(|s| s.0 < from);
    for i in first..lines.len() {
        let line = lines.text(input, i);
        let after_blank = i == 0 || lines.text(input, i - 1).trim().is_empty();
        if looks_like_status_line(&line) || (after_blank && looks_like_request_line(&line)) {
            return lines.start(i);
        }
    }
    input.len()
}

/// Frames the body that starts at byte `at` of a message with `headers`.
/// `bodiless`: the message cannot have content (a response to HEAD, 1xx,
/// 204, 304).
fn frame_body(input: &[u8], lines: &Lines, at: usize, headers: &Headers, bodiless: bool) -> Framed {
    let at = at.min(input.len());
    let rest = &input[at..];
    if bodiless {
        if rest.iter().all(u8::is_ascii_whitespace) || message_starts(input, at) {
            return Framed::none(at);
        }
        // Content where none may be: keep it, so the lint can say so.
        return unframed(input, lines, at);
    }
    let chunked = headers
        .all("transfer-encoding")
        .flat_map(|v| v.split(','))
        .last()
        .is_some_and(|c| c.trim().eq_ignore_ascii_case("chunked"));
    if chunked {
        if let Some((bytes, end)) = dechunk(input, at) {
            return Framed::bytes(&bytes, end);
        }
    }
    let declared = headers.get("content-length").and_then(|v| v.trim().parse::<usize>().ok());
    if let (Some(length), false) = (declared, chunked) {
        if length > 0 && (rest.iter().all(u8::is_ascii_whitespace) || message_starts(input, at)) {
            // Content-Length announces a body the input does not show.
            return Framed::missing(at);
        }
        if rest.len() >= length {
            let end = at + length;
            let after = &input[end..];
            let tail_is_blank = after.iter().all(u8::is_ascii_whitespace);
            if tail_is_blank || message_starts(input, end) {
                return Framed::bytes(&input[at..end], end);
            }
        }
        // Shorter or longer than announced: the body runs to the next
        // message, and the length check says what is wrong.
    }
    unframed(input, lines, at)
}

/// A body without framing: up to the next message or the end.
fn unframed(input: &[u8], lines: &Lines, at: usize) -> Framed {
    let end = next_message(input, lines, at);
    let mut body = &input[at..end];
    // Without framing, the line break before the next message (or at the
    // end of a paste) separates messages; it is not content.
    while let Some(rest) = body.strip_suffix(b"\n") {
        body = rest.strip_suffix(b"\r").unwrap_or(rest);
    }
    Framed::bytes(body, end)
}

/// The response to a request that cannot have content.
fn response_is_bodiless(status: u16, request_method: Option<&str>) -> bool {
    (100..200).contains(&status)
        || status == 204
        || status == 304
        || request_method.is_some_and(|m| m.eq_ignore_ascii_case("HEAD"))
}

fn parse_raw(input: &[u8], lines: &mut Lines) -> Result<Vec<Exchange>, ParseError> {
    let mut exchanges = Vec::new();
    // Requests awaiting their responses, in order (pipelining).
    let mut pending: std::collections::VecDeque<(Request, usize)> = Default::default();
    let mut index = 0;
    loop {
        while index < lines.len() && lines.text(input, index).trim().is_empty() {
            index += 1;
        }
        if index >= lines.len() {
            break;
        }
        let line = lines.text(input, index);
        let number = index + 1;
        // Anything starting "HTTP/" is meant as a status line: parse it so a
        // typo gets the specific message ("expected a three-digit status code").
        if line.get(..5).is_some_and(|p| p.eq_ignore_ascii_case("HTTP/")) {
            let (version, status, reason) = parse_status_line(&line, number)?;
            index += 1;
            let headers = parse_headers(input, lines, &mut index, None)?;
            let method = pending.front().map(|(r, _)| r.method.as_str());
            let bodiless = response_is_bodiless(status, method);
            let framed =
                frame_body(input, lines, header_end(lines, index, input), &headers, bodiless);
            index = resume_at(lines, framed.end, input);
            let mut response = Response {
                version,
                status,
                reason,
                headers,
                body: framed.body,
                body_capture: framed.capture,
                body_encoding: framed.encoding,
            };
            if response.body_capture == BodyCapture::Complete && decoded_by_curl(&response) {
                response.body_capture = BodyCapture::Decoded;
            }
            // An interim 1xx followed by another response belongs to the same
            // request; only the final response is analysed.
            let more_follows = index < lines.len();
            if (100..200).contains(&status) && status != 101 && more_follows {
                continue;
            }
            let (request, request_known) = match pending.pop_front() {
                Some((request, _)) => (request, true),
                None => (Request::default(), false),
            };
            exchanges.push(Exchange { request, response, request_known });
        } else if looks_like_request_line(&line) {
            let (method, target, version) = parse_request_line(&line, number)?;
            index += 1;
            let headers = parse_headers(input, lines, &mut index, None)?;
            let framed = frame_body(input, lines, header_end(lines, index, input), &headers, false);
            index = resume_at(lines, framed.end, input);
            let request = Request {
                method,
                target,
                version,
                headers,
                body: framed.body,
                body_capture: framed.capture,
                body_encoding: framed.encoding,
            };
            pending.push_back((request, number));
        } else {
            return Err(ParseError::at(
                number,
                format!("expected a request line such as \"GET /path HTTP/1.1\" or a status line such as \"HTTP/1.1 200 OK\", got {}", snippet(&line)),
            ));
        }
    }
    if let Some((_, at)) = pending.front() {
        return Err(ParseError::at(*at, "this request has no response: paste the response (starting with a status line such as \"HTTP/1.1 200 OK\") after it"));
    }
    if exchanges.is_empty() {
        return Err(ParseError::at(0, "no HTTP message found"));
    }
    Ok(exchanges)
}

/// The byte where the body starts: just after the header section's blank
/// line (line `index` is the first line after it).
fn header_end(lines: &Lines, index: usize, input: &[u8]) -> usize {
    if index == 0 {
        return 0;
    }
    lines.spans.get(index - 1).map_or(input.len(), |s| s.2)
}

/// The line to continue at after a body that ends at byte `end`. A body
/// may end mid-line (a request body glued to the status line that
/// follows): the rest of that line is then read as a line of its own.
fn resume_at(lines: &mut Lines, end: usize, input: &[u8]) -> usize {
    if end >= input.len() {
        return lines.len();
    }
    lines.line_at(end)
}

/// `curl -v` as curl prints it with `2>&1`: the progress meter, `*` notes,
/// `>` request lines, `<` response lines, `{ [N bytes data]` / `} [N bytes
/// data]` markers, and the final response's body after all of them.
fn parse_curl_verbose(input: &[u8], lines: &Lines) -> Result<Vec<Exchange>, ParseError> {
    let is_meta = |i: usize| {
        let line = lines.text(input, i);
        let line = line.trim_start_matches('\r');
        line.starts_with("* ")
            || line.starts_with("> ")
            || line == ">"
            || line.starts_with("< ")
            || line == "<"
            || line.starts_with("{ [")
            || line.starts_with("} [")
            || is_progress_line(line)
    };
    let last_meta = (0..lines.len()).rev().find(|&i| is_meta(i));
    let mut exchanges = Vec::new();
    let mut index = 0;
    while index < lines.len() {
        // The next request.
        while index < lines.len() && !lines.text(input, index).starts_with("> ") {
            index += 1;
        }
        if index >= lines.len() {
            break;
        }
        let number = index + 1;
        let request_line = lines.text(input, index)[2..].to_string();
        let (method, target, version) = parse_request_line(&request_line, number)?;
        index += 1;
        let headers = parse_request_headers_verbose(input, lines, &mut index)?;
        // curl never prints what it uploads, only "} [N bytes data]".
        let mut uploaded = false;
        while index < lines.len() && !lines.text(input, index).starts_with("< ") {
            uploaded |= lines.text(input, index).starts_with("} [");
            if lines.text(input, index).starts_with("> ") {
                break;
            }
            index += 1;
        }
        let sends_body = uploaded
            || headers.get("content-length").is_some_and(|l| l.trim() != "0")
            || headers.has("transfer-encoding");
        let mut response = None;
        while index < lines.len() && lines.text(input, index).starts_with("< ") {
            let number = index + 1;
            let (rversion, status, reason) =
                parse_status_line(&lines.text(input, index)[2..], number)?;
            index += 1;
            let rheaders = parse_headers(input, lines, &mut index, Some("< "))?;
            while index < lines.len() && lines.text(input, index).starts_with("* ") {
                index += 1;
            }
            response = Some(Response {
                version: rversion,
                status,
                reason,
                headers: rheaders,
                ..Response::default()
            });
        }
        let Some(mut response) = response else {
            return Err(ParseError::at(
                number,
                "curl shows this request but no response (no \"< HTTP/…\" line follows)",
            ));
        };
        let another_request = (index..lines.len()).any(|i| lines.text(input, i).starts_with("> "));
        let bodiless = response_is_bodiless(response.status, Some(&method));
        if !bodiless {
            if another_request {
                // curl -L prints only the last response's body.
                let announced =
                    response.headers.get("content-length").is_some_and(|l| l.trim() != "0")
                        || response.headers.has("transfer-encoding");
                if announced {
                    response.body_capture = BodyCapture::Missing;
                }
            } else {
                let start =
                    last_meta.map_or(lines.start(index), |i| lines.spans[i].2).min(input.len());
                let (body, encoding) = body_from_bytes(&input[start..]);
                response.body = body;
                response.body_encoding = encoding;
                let announced =
                    response.headers.get("content-length").is_some_and(|l| l.trim() != "0");
                if response.body.is_empty() && announced {
                    response.body_capture = BodyCapture::Missing;
                } else if decoded_by_curl(&response) {
                    response.body_capture = BodyCapture::Decoded;
                }
            }
        }
        let request = Request {
            method,
            target,
            version,
            headers,
            body_capture: if sends_body { BodyCapture::Missing } else { BodyCapture::Complete },
            ..Request::default()
        };
        exchanges.push(Exchange { request, response, request_known: true });
    }
    if exchanges.is_empty() {
        let note = (0..lines.len()).map(|i| lines.text(input, i)).find(|l| {
            l.contains("Failed to connect")
                || l.contains("Could not resolve")
                || l.starts_with("curl: (")
        });
        let why = note
            .map(|n| format!(": curl says {:?}", n.trim_start_matches("* ").trim()))
            .unwrap_or_default();
        return Err(ParseError::at(
            0,
            format!("this curl -v output holds no request and response{why}"),
        ));
    }
    Ok(exchanges)
}

/// curl's request header block ends with a line that is just ">".
fn parse_request_headers_verbose(
    input: &[u8],
    lines: &Lines,
    index: &mut usize,
) -> Result<Headers, ParseError> {
    parse_headers(input, lines, index, Some("> "))
}

/// The progress meter's lines: its two heading lines and the updates,
/// which start with a carriage return.
fn is_progress_line(line: &str) -> bool {
    let trimmed = line.trim_start();
    trimmed.starts_with("% Total")
        || trimmed.starts_with("Dload")
        || (line.contains("--:--:--")
            && line.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// curl --compressed (and any tool that decodes) prints the decoded body:
/// UTF-8 text where Content-Encoding promises gzip, br or deflate bytes,
/// which are practically never valid UTF-8.
fn decoded_by_curl(response: &Response) -> bool {
    let coded = response
        .headers
        .get("content-encoding")
        .is_some_and(|c| !c.trim().eq_ignore_ascii_case("identity"));
    coded && response.body_encoding == BodyEncoding::Utf8 && !response.body.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::BodyCapture;

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
            // Pipelined: the response answers the first request.
            ("GET / HTTP/1.1\n\nGET /b HTTP/1.1\n\nHTTP/1.1 200 OK\n", 3, "has no response"),
            ("HTTP/7 200 OK\n", 1, "expected an HTTP version"),
            ("HTTP/1.1 200 OK\n  folded-first\n", 2, "continuation"),
        ] {
            let error = parse_input(text).expect_err(text);
            assert_eq!(error.line, line, "{text:?}: {error}");
            assert!(error.to_string().contains(words), "{text:?}: {error}");
        }
    }

    #[test]
    fn content_length_frames_the_body_byte_for_byte() {
        let e = one("HTTP/1.1 200 OK\r\nContent-Length: 6\r\n\r\nhello\n");
        assert_eq!(e.response.body, "hello\n", "the newline is content: Content-Length counts it");
        assert_eq!(e.response.body_capture, BodyCapture::Complete);
        assert_eq!(e.response.body_len(), 6);
    }

    #[test]
    fn a_request_body_glued_to_the_status_line_is_split_by_its_length() {
        let e = one("POST /items HTTP/1.1\r\nContent-Length: 17\r\n\r\n{\"name\":\"widget\"}HTTP/1.1 201 Created\r\nContent-Length: 2\r\n\r\n{}");
        assert_eq!(e.request.body, "{\"name\":\"widget\"}");
        assert_eq!(e.response.status, 201);
        assert_eq!(e.response.body, "{}");
    }

    #[test]
    fn pipelined_requests_are_answered_in_order() {
        let parsed = parse_input("GET /a HTTP/1.1\r\n\r\nGET /b HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 1\r\n\r\naHTTP/1.1 204 No Content\r\n\r\n").expect("parses");
        let pairs: Vec<(&str, u16)> = parsed
            .exchanges
            .iter()
            .map(|e| (e.request.target.as_str(), e.response.status))
            .collect();
        assert_eq!(pairs, [("/a", 200), ("/b", 204)]);
    }

    #[test]
    fn bodies_the_input_does_not_show_are_missing_not_empty() {
        // curl -I: the headers of a HEAD response, Content-Length and no body.
        let head = one("HTTP/1.1 200 OK\r\nContent-Length: 612\r\n\r\n");
        assert_eq!(head.response.body_capture, BodyCapture::Missing);
        // curl -iL: the redirect's body is not printed.
        let parsed = parse_input("HTTP/1.1 302 Found\r\nLocation: /b\r\nContent-Length: 5\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok").expect("parses");
        assert_eq!(parsed.exchanges[0].response.body_capture, BodyCapture::Missing);
        assert_eq!(parsed.exchanges[1].response.body, "ok");
        assert_eq!(parsed.exchanges[1].response.body_capture, BodyCapture::Complete);
        // A response to HEAD has no content whatever its Content-Length.
        let e = one("HEAD / HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\n");
        assert_eq!(e.response.body_capture, BodyCapture::Complete);
        assert_eq!(e.response.body, "");
    }

    #[test]
    fn chunked_bodies_are_decoded() {
        let e = one("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n6;ext=1\r\n world\r\n0\r\nX-Trailer: 1\r\n\r\n");
        assert_eq!(e.response.body, "hello world");
        // curl prints chunked bodies already decoded: read them as they are.
        let e = one("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n{\"ok\":true}");
        assert_eq!(e.response.body, "{\"ok\":true}");
    }

    #[test]
    fn a_body_that_is_not_utf8_is_kept_as_bytes() {
        let mut input =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 4\r\n\r\n".to_vec();
        input.extend_from_slice(&[0xFC, 0xDF, 0xE9, 0x0A]);
        let parsed = parse_bytes(&input).expect("a Latin-1 body is not an error");
        let response = &parsed.exchanges[0].response;
        assert_eq!(response.body_encoding, BodyEncoding::Latin1);
        assert_eq!(response.body, "\u{fc}\u{df}\u{e9}\n");
        assert_eq!(
            super::super::body_bytes(&response.body, response.body_encoding),
            [0xFC, 0xDF, 0xE9, 0x0A]
        );
        assert_eq!(response.body_len(), 4);
    }

    #[test]
    fn curl_verbose_as_curl_prints_it() {
        let text = "  % Total    % Received % Xferd  Average Speed   Time    Time     Time  Current\n                                 Dload  Upload   Total   Spent    Left  Speed\n\r  0     0    0     0    0     0      0      0 --:--:-- --:--:-- --:--:--     0*   Trying 127.0.0.1:1...\n* Connected\n> POST /private HTTP/1.1\r\n> Host: a\r\n> Content-Length: 3\r\n> \r\n} [3 bytes data]\n< HTTP/1.1 302 Found\r\n< Location: /b\r\n* Please rewind output before next send\n< Content-Length: 5\r\n< \r\n* Ignoring the response-body\n{ [5 bytes data]\n> GET /b HTTP/1.1\r\n> Host: a\r\n> \r\n< HTTP/1.1 401 Unauthorized\r\n< Content-Length: 25\r\n< \r\n{ [25 bytes data]\n\r100    25  100    25    0     0  21570      0 --:--:-- --:--:-- --:--:-- 25000\n* Connection #0 to host 127.0.0.1 left intact\nAuthentication required.\n";
        let parsed = parse_input(text).expect("parses");
        let [redirect, last] = &parsed.exchanges[..] else { panic!("two exchanges") };
        assert_eq!(
            redirect.request.body_capture,
            BodyCapture::Missing,
            "curl never prints uploads"
        );
        assert_eq!(redirect.response.headers.get("content-length"), Some("5"));
        assert_eq!(redirect.response.body_capture, BodyCapture::Missing);
        assert_eq!(last.response.status, 401);
        assert_eq!(last.response.body, "Authentication required.\n");
        assert_eq!(last.response.body_len(), 25);
    }

    #[test]
    fn curl_verbose_without_any_exchange_says_what_curl_said() {
        let error = parse_input("*   Trying 127.0.0.1:9...\n* connect to 127.0.0.1 port 9 failed: Connection refused\n* Failed to connect to 127.0.0.1 port 9 after 0 ms: Couldn't connect to server\n* Closing connection 0\ncurl: (7) Failed to connect\n").expect_err("nothing to analyse");
        assert!(error.message.contains("Failed to connect"), "{error}");
    }

    #[test]
    fn odd_input_gets_an_answer_not_a_panic() {
        // Each odd input either reads as something definite or is refused
        // with a message naming the line.
        for (text, outcome) in [
            ("\u{feff}", Err(0)),
            ("{", Err(1)),
            ("> GET\n< ", Err(2)),
            ("HTTP/", Err(1)),
            ("GET", Err(1)),
            ("\r\n\r\n", Err(0)),
            ("HTTP/1.1 999 X\n", Ok(999)),
            ("é: ü\n", Err(1)),
            ("> GET / HTTP/1.1\n< HTTP/1.1 2", Err(2)),
            (
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n",
                Ok(200),
            ),
            ("HTTP/1.1 200 OK\r\nContent-Length: 99999999999999999999\r\n\r\nx", Ok(200)),
        ] {
            match (parse_input(text), outcome) {
                (Ok(parsed), Ok(status)) => {
                    assert_eq!(parsed.exchanges[0].response.status, status, "{text:?}")
                }
                (Err(error), Err(line)) => {
                    assert_eq!(error.line, line, "{text:?}: {error}");
                    assert!(!error.message.is_empty());
                }
                (result, expected) => panic!("{text:?}: expected {expected:?}, got {result:?}"),
            }
        }
    }
}
