//! HAR 1.2 (the format browsers' DevTools export): every entry becomes an
//! exchange. Only the fields the analysis needs are read; unknown fields are
//! ignored, as the format allows custom ones.

use serde::Deserialize;

use super::{parse::ParseError, Exchange, Header, Headers, HttpVersion, Request, Response};

#[derive(Deserialize)]
struct HarFile {
    log: HarLog,
}

#[derive(Deserialize)]
struct HarLog {
    entries: Vec<HarEntry>,
}

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

pub(super) fn parse_har(text: &str) -> Result<Vec<Exchange>, ParseError> {
    let file: HarFile = serde_json::from_str(text)
        .map_err(|e| ParseError::at(e.line(), format!("not a readable HAR file: {e}")))?;
    let mut exchanges = Vec::with_capacity(file.log.entries.len());
    for (n, entry) in file.log.entries.into_iter().enumerate() {
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
        let content = entry.response.content.unwrap_or(HarContent { text: None, encoding: None });
        // Base64 content is binary (images, fonts): the text checks do not apply.
        let body = match (content.text, content.encoding.as_deref()) {
            (Some(text), None) => text,
            _ => String::new(),
        };
        let reason =
            Some(entry.response.status_text).filter(|r| !r.is_empty() && !version.is_framed());
        exchanges.push(Exchange {
            request: Request {
                method: entry.request.method,
                target: entry.request.url,
                version: HttpVersion::parse(&entry.request.http_version).unwrap_or(version),
                headers: headers(entry.request.headers),
                body: entry.request.post_data.and_then(|p| p.text).unwrap_or_default(),
            },
            response: Response {
                version,
                status,
                reason,
                headers: headers(entry.response.headers),
                body,
            },
            request_known: true,
        });
    }
    if exchanges.is_empty() {
        return Err(ParseError::at(0, "the HAR file has no entries"));
    }
    Ok(exchanges)
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
    fn broken_har_names_the_line() {
        let error = parse_input("{\n\"log\": {\n\"entries\": [ {\"request\": 3} ]\n}}")
            .expect_err("invalid");
        assert_eq!(error.line, 3);
        assert!(error.message.contains("not a readable HAR file"), "{error}");
        let error = parse_input("{\"log\":{\"entries\":[]}}").expect_err("empty");
        assert!(error.message.contains("no entries"));
        let error = parse_input("{ not json").expect_err("not json");
        assert!(error.to_string().starts_with("line 1:"), "{error}");
    }
}
