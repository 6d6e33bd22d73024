//! Writing an exchange out again: as raw HTTP, a curl command, a HAR file,
//! Markdown for an issue or review, and a test fixture in the CLI's JSON.
//!
//! Every format round-trips through the parsers where one exists (raw HTTP
//! and HAR), which the tests check.

use serde_json::{json, Value};

use crate::{
    analysis::Analysis,
    exchange::{Exchange, Headers, HttpVersion},
    time::UnixTime,
};

/// The formats an exchange can be exported in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Raw,
    Curl,
    Har,
    Markdown,
    Fixture,
}

impl Format {
    pub const ALL: [Format; 5] =
        [Format::Raw, Format::Curl, Format::Har, Format::Markdown, Format::Fixture];

    pub fn label(self) -> &'static str {
        match self {
            Format::Raw => "Raw HTTP",
            Format::Curl => "curl",
            Format::Har => "HAR",
            Format::Markdown => "Markdown",
            Format::Fixture => "Test fixture",
        }
    }

    /// A file name for a download of this format, and its media type.
    pub fn file(self) -> (&'static str, &'static str) {
        match self {
            Format::Raw => ("exchange.http", "message/http"),
            Format::Curl => ("request.sh", "text/x-shellscript"),
            Format::Har => ("exchange.har", "application/json"),
            Format::Markdown => ("exchange.md", "text/markdown"),
            Format::Fixture => ("exchange.fixture.json", "application/json"),
        }
    }
}

/// The exchange in `format`; Markdown and fixtures carry its analysis.
pub fn export(format: Format, exchange: &Exchange, analysis: &Analysis) -> String {
    match format {
        Format::Raw => to_raw(exchange),
        Format::Curl => to_curl(exchange),
        Format::Har => {
            // The analysis's moment of receipt: the Date, or its `now`.
            let now = analysis.cache.as_ref().map_or(UnixTime(0), |c| c.received_at);
            to_har(std::slice::from_ref(exchange), now)
        }
        Format::Markdown => to_markdown(exchange, analysis),
        Format::Fixture => to_fixture(exchange, analysis),
    }
}

/// Appends a header section and its body (the body followed by `gap`).
fn push_message(out: &mut String, headers: &Headers, body: &str, gap: &str) {
    for header in headers.iter() {
        out.push_str(&format!("{}: {}\n", header.name, header.value));
    }
    out.push('\n');
    if !body.is_empty() {
        out.push_str(body);
        out.push_str(gap);
    }
}

/// The exchange as raw HTTP/1.1-style text, request first; the composer's
/// paste box reads it back.
/// An exchange whose request is unknown (pasted `curl -i` output) is written
/// as its response alone, so reading it back keeps the request unknown and
/// request-aware checks never run on a placeholder.
pub fn to_raw(exchange: &Exchange) -> String {
    let request = &exchange.request;
    let response = &exchange.response;
    let mut out = String::new();
    if exchange.request_known {
        out = format!("{} {} {}\n", request.method, request.target, request.version.label());
        // A blank line separates the request body from the status line.
        push_message(&mut out, &request.headers, &request.body, "\n\n");
    }
    out.push_str(&format!("{} {}", response.version.label(), response.status));
    if let Some(reason) = &response.reason {
        out.push(' ');
        out.push_str(reason);
    }
    out.push('\n');
    push_message(&mut out, &response.headers, &response.body, "\n");
    out
}

/// POSIX shell single-quoting: safe for any header value or body.
fn shell_quote(text: &str) -> String {
    format!("'{}'", text.replace('\'', "'\\''"))
}

/// The request's URL: an absolute target as it is, an origin-form one
/// resolved against the Host header (or example.com) over https.
pub fn absolute_url(request: &crate::exchange::Request) -> String {
    let target = request.target.trim();
    if target.starts_with("http://") || target.starts_with("https://") {
        target.to_string()
    } else {
        let host = request.headers.get("host").unwrap_or("example.com").trim();
        format!("https://{host}{target}")
    }
}

/// A curl command that sends the request (see [`absolute_url`]).
pub fn to_curl(exchange: &Exchange) -> String {
    let request = &exchange.request;
    let url = absolute_url(request);
    let mut parts = vec!["curl".to_string(), "-i".to_string()];
    match request.version {
        HttpVersion::Http10 => parts.push("--http1.0".into()),
        HttpVersion::Http2 => parts.push("--http2".into()),
        HttpVersion::Http3 => parts.push("--http3".into()),
        HttpVersion::Http11 => {}
    }
    // curl sends GET, or POST when given data; anything else needs -X.
    let implied = if request.body.is_empty() { "GET" } else { "POST" };
    if request.method != implied {
        parts.push("-X".into());
        parts.push(shell_quote(&request.method));
    }
    for header in request
        .headers
        .iter()
        .filter(|h| !h.name.eq_ignore_ascii_case("host") || !url.contains(h.value.as_str()))
    {
        parts.push("-H".into());
        parts.push(shell_quote(&format!("{}: {}", header.name, header.value)));
    }
    if !request.body.is_empty() {
        parts.push("--data-binary".into());
        parts.push(shell_quote(&request.body));
    }
    parts.push(shell_quote(&url));
    parts.join(" ")
}

fn har_headers(headers: &Headers) -> Value {
    Value::Array(headers.iter().map(|h| json!({ "name": h.name, "value": h.value })).collect())
}

/// ISO 8601 in UTC, as HAR's `startedDateTime` wants it.
fn iso8601(at: UnixTime) -> String {
    let c = crate::headers::date::Timestamp(at.0).to_civil();
    format!(
        "{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.000Z",
        c.year, c.month, c.day, c.hour, c.minute, c.second
    )
}

/// The query of a target as HAR's `queryString` pairs (not decoded: HAR
/// keeps them as sent).
fn query_pairs(target: &str) -> Value {
    let query = target.split_once('?').map_or("", |(_, q)| q);
    let query = query.split('#').next().unwrap_or_default();
    Value::Array(
        query
            .split('&')
            .filter(|pair| !pair.is_empty())
            .map(|pair| {
                let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
                json!({ "name": name, "value": value })
            })
            .collect(),
    )
}

/// A HAR 1.2 document holding the exchanges. Each entry starts at its
/// response's Date, or at `now` without one (the core reads no clock);
/// timings are not known, so they are zero. URLs are absolute (see
/// [`absolute_url`]); importing the file gives the same exchanges back.
pub fn to_har(exchanges: &[Exchange], now: UnixTime) -> String {
    let entries: Vec<Value> = exchanges
        .iter()
        .map(|e| {
            let media_type = e.response.headers.get("content-type").unwrap_or("").to_string();
            let started = e
                .response
                .headers
                .get("date")
                .and_then(|d| crate::headers::date::parse_http_date(d, None).ok())
                .map_or(now, |d| UnixTime(d.timestamp.0));
            // HAR: "Redirection target URL from the Location response header."
            let redirect = match e.response.status {
                300..=399 => e.response.headers.get("location").unwrap_or(""),
                _ => "",
            };
            let mut request = json!({
                "method": e.request.method,
                "url": absolute_url(&e.request),
                "httpVersion": e.request.version.label(),
                "headers": har_headers(&e.request.headers),
                "queryString": query_pairs(&e.request.target),
                "cookies": [],
                "headersSize": -1,
                "bodySize": e.request.body.len(),
            });
            if !e.request.body.is_empty() {
                request["postData"] = json!({
                    "mimeType": e.request.headers.get("content-type").unwrap_or(""),
                    "text": e.request.body,
                });
            }
            json!({
                "startedDateTime": iso8601(started),
                "time": 0,
                "request": request,
                "response": {
                    "status": e.response.status,
                    "statusText": e.response.reason.clone().unwrap_or_default(),
                    "httpVersion": e.response.version.label(),
                    "headers": har_headers(&e.response.headers),
                    "cookies": [],
                    "content": { "size": e.response.body.len(), "mimeType": media_type, "text": e.response.body },
                    "redirectURL": redirect,
                    "headersSize": -1,
                    "bodySize": e.response.body.len(),
                },
                "cache": {},
                "timings": { "send": 0, "wait": 0, "receive": 0 },
            })
        })
        .collect();
    let har = json!({ "log": { "version": "1.2", "creator": { "name": "Status Lab", "version": env!("CARGO_PKG_VERSION") }, "entries": entries } });
    serde_json::to_string_pretty(&har).unwrap_or_default()
}

/// Markdown for an issue or a review comment: the exchange, then findings.
pub fn to_markdown(exchange: &Exchange, analysis: &Analysis) -> String {
    let (findings, profile) = (&analysis.findings, analysis.profile);
    // Wire data may hold backticks: a fence longer than any run of them in
    // the text cannot be closed from inside (CommonMark §4.5).
    let raw = to_raw(exchange);
    let fence = "`".repeat(longest_backtick_run(&raw).max(2) + 1);
    let mut out = format!("### HTTP exchange\n\n{fence}http\n");
    out.push_str(raw.trim_end());
    out.push_str(&format!("\n{fence}\n\n"));
    if findings.is_empty() {
        out.push_str(&format!("No findings ({} rules).\n", profile.label()));
        return out;
    }
    out.push_str(&format!("### Findings ({} rules)\n\n", profile.label()));
    for f in findings {
        out.push_str(&format!(
            "- **{}** `{}`: {} ([{}]({}))\n  - Why: {}\n  - Fix: {}\n",
            f.severity.label(),
            f.id,
            // Messages quote header values and bodies: escaped.
            markdown_inline(&f.message),
            f.spec.label,
            f.spec.url,
            f.why,
            f.fix
        ));
        if let Some(note) = &f.profile_note {
            out.push_str(&format!("  - Profile: {note}\n"));
        }
    }
    out
}

fn longest_backtick_run(text: &str) -> usize {
    text.split(|c| c != '`').map(str::len).max().unwrap_or(0)
}

/// Text for a Markdown list item: line breaks folded, and the characters
/// that start Markdown syntax escaped, so a message quoting wire data stays
/// plain text.
fn markdown_inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// The exchange with its expected analysis: the same model `statuslab
/// check --json` prints for each exchange, so a test suite can pin today's
/// verdicts.
pub fn to_fixture(exchange: &Exchange, analysis: &Analysis) -> String {
    let fixture = json!({ "exchange": to_raw(exchange), "expected": analysis });
    serde_json::to_string_pretty(&fixture).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        analysis::{analyze, AnalysisOptions},
        exchange::parse_input,
        lint::Profile,
        presets,
    };

    #[test]
    fn raw_and_har_round_trip_every_preset() {
        for preset in presets::all() {
            let exchange = preset.load();
            let again = &parse_input(&to_raw(&exchange)).expect("raw parses").exchanges[0];
            assert_eq!(again.request, exchange.request, "{}", preset.id);
            assert_eq!(again.response, exchange.response, "{}", preset.id);
            let har = to_har(std::slice::from_ref(&exchange), UnixTime(0));
            let from_har = &parse_input(&har).expect("HAR parses").exchanges[0];
            // Lossless: the same request and response come back.
            assert_eq!(from_har.request, exchange.request, "{}", preset.id);
            assert_eq!(from_har.response, exchange.response, "{}", preset.id);
        }
    }

    #[test]
    fn markdown_keeps_wire_data_inside_its_code_block() {
        let exchange = &parse_input("GET /x HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\nX-Evil: ```\n\n```\n# injected heading\n<img src=x onerror=alert(1)>\n````").expect("parses").exchanges[0];
        let analysis = analyze(exchange, AnalysisOptions::new(Profile::Rfc, UnixTime(0)));
        let markdown = to_markdown(exchange, &analysis);
        let fence = "`````";
        assert!(markdown.contains(&format!("{fence}http\n")), "{markdown}");
        let inside = markdown.split(&format!("{fence}http\n")).nth(1).expect("opened");
        let (block, after) = inside.split_once(&format!("\n{fence}\n")).expect("closed");
        assert!(block.contains("# injected heading") && block.contains("````"));
        assert!(!after.contains("# injected heading"), "nothing escapes the block: {after}");
        assert_eq!(markdown_inline("a `b` *c*\n# d"), "a \\`b\\` \\*c\\* \\# d");
    }

    #[test]
    fn a_response_without_its_request_stays_without_one() {
        let exchange = &parse_input("HTTP/1.1 404 Not Found\n\n").expect("parses").exchanges[0];
        assert!(!exchange.request_known);
        let raw = to_raw(exchange);
        assert!(raw.starts_with("HTTP/1.1 404"), "{raw}");
        assert!(!parse_input(&raw).expect("reads back").exchanges[0].request_known);
    }

    #[test]
    fn curl_quotes_everything() {
        let exchange = &parse_input("POST /users HTTP/1.1\nHost: api.example\nContent-Type: application/json\n\n{\"name\":\"O'Brien\"}\n\nHTTP/1.1 201 Created\nLocation: /users/1\n\n").expect("parses").exchanges[0];
        let curl = to_curl(exchange);
        assert_eq!(
            curl,
            "curl -i -H 'Content-Type: application/json' --data-binary '{\"name\":\"O'\\''Brien\"}' 'https://api.example/users'"
        );
    }

    #[test]
    fn markdown_and_fixture_carry_the_findings() {
        let preset = presets::find("ok-with-error-body").expect("preset exists");
        let exchange = preset.load();
        let analysis = analyze(&exchange, AnalysisOptions::new(Profile::Rfc, UnixTime(0)));
        let markdown = to_markdown(&exchange, &analysis);
        assert!(markdown.contains("```http\nGET /users/999"));
        assert!(markdown.contains("`success-with-error-body`"));
        let fixture: serde_json::Value =
            serde_json::from_str(&to_fixture(&exchange, &analysis)).expect("JSON");
        assert_eq!(fixture["expected"]["status"]["code"], 200);
        assert!(fixture["expected"]["findings"]
            .as_array()
            .is_some_and(|f| f.iter().any(|f| f["id"] == "success-with-error-body")));
    }
}
