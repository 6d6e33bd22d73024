use serde::{Deserialize, Serialize};

/// One header field line, as written (name spelling and order preserved).
#[derive(Debug, Clone, Eq, Serialize, Deserialize)]
pub struct Header {
    pub name: String,
    pub value: String,
    /// The 1-based line of the input it was read from, so a finding about
    /// it can point there; `None` for fields typed or taken from a HAR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
}

/// Two fields are equal when they say the same thing, wherever they stood.
impl PartialEq for Header {
    fn eq(&self, other: &Header) -> bool {
        self.name == other.name && self.value == other.value
    }
}

impl Header {
    pub fn new(name: impl Into<String>, value: impl Into<String>) -> Header {
        Header { name: name.into(), value: value.into(), line: None }
    }
}

/// A header section. Lookups ignore case, as field names are
/// case-insensitive (RFC 9110 §5.1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Headers(pub Vec<Header>);

impl Headers {
    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
    }

    /// Every field called `name`, in order.
    pub fn fields<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Header> + 'a {
        self.0.iter().filter(move |h| h.name.eq_ignore_ascii_case(name))
    }

    /// Every value of `name`, in order.
    pub fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.0.iter().filter(move |h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn has_any(&self, names: &[&str]) -> bool {
        names.iter().any(|name| self.has(name))
    }

    pub fn count(&self, name: &str) -> usize {
        self.0.iter().filter(|h| h.name.eq_ignore_ascii_case(name)).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Header> {
        self.0.iter()
    }

    pub fn push(&mut self, name: impl Into<String>, value: impl Into<String>) {
        self.0.push(Header::new(name, value));
    }

    /// Removes every field called `name`.
    pub fn remove(&mut self, name: &str) {
        self.0.retain(|h| !h.name.eq_ignore_ascii_case(name));
    }

    /// Replaces every field called `name` with one field holding `value`.
    pub fn set(&mut self, name: &str, value: impl Into<String>) {
        let value = value.into();
        match self.0.iter().position(|h| h.name.eq_ignore_ascii_case(name)) {
            Some(first) => {
                self.0[first].value = value;
                let mut index = 0;
                self.0.retain(|h| {
                    let keep = index <= first || !h.name.eq_ignore_ascii_case(name);
                    index += 1;
                    keep
                });
            }
            None => self.push(name, value),
        }
    }

    /// The media type of Content-Type, lower-cased, without parameters.
    pub fn media_type(&self) -> Option<String> {
        self.get("content-type")
            .map(|v| v.split(';').next().unwrap_or_default().trim().to_ascii_lowercase())
    }
}

/// How much of a message's body the input showed. A body the capture does
/// not contain is unknown, not empty: no check may judge it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyCapture {
    /// The body as sent: typed by the user, or captured byte for byte.
    #[default]
    Complete,
    /// The input does not contain the body: `curl -v` never prints request
    /// bodies, `curl -L` skips redirect bodies, `curl -I` and HEAD show none,
    /// a HAR may omit content.
    Missing,
    /// The body with its content coding removed (HAR `content.text`,
    /// `curl --compressed`): not the bytes Content-Length counts.
    Decoded,
}

/// How `body` holds the bytes. Latin-1 maps every byte to one char, so a
/// body that is not UTF-8 is kept losslessly and still shown as text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum BodyEncoding {
    #[default]
    Utf8,
    /// The bytes were not UTF-8; each is one char U+0000–U+00FF.
    Latin1,
}

/// The body's bytes as received, from its text and encoding.
pub fn body_bytes(body: &str, encoding: BodyEncoding) -> Vec<u8> {
    match encoding {
        BodyEncoding::Utf8 => body.as_bytes().to_vec(),
        BodyEncoding::Latin1 => {
            body.chars().map(|c| u8::try_from(u32::from(c)).unwrap_or(b'?')).collect()
        }
    }
}

/// Bytes as received → text and how to read it back.
pub fn body_from_bytes(bytes: &[u8]) -> (String, BodyEncoding) {
    match std::str::from_utf8(bytes) {
        Ok(text) => (text.to_string(), BodyEncoding::Utf8),
        Err(_) => (bytes.iter().map(|&b| char::from(b)).collect(), BodyEncoding::Latin1),
    }
}

/// The byte length of a body held as `encoding`.
pub fn body_len(body: &str, encoding: BodyEncoding) -> usize {
    match encoding {
        BodyEncoding::Utf8 => body.len(),
        BodyEncoding::Latin1 => body.chars().count(),
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum HttpVersion {
    #[serde(rename = "HTTP/1.0")]
    Http10,
    #[serde(rename = "HTTP/1.1")]
    Http11,
    #[serde(rename = "HTTP/2")]
    Http2,
    #[serde(rename = "HTTP/3")]
    Http3,
}

impl HttpVersion {
    /// Reads "HTTP/1.1", "HTTP/2", "HTTP/2.0", "h2", "h3" (HAR and curl spell
    /// versions differently).
    pub fn parse(text: &str) -> Option<HttpVersion> {
        match text.trim().to_ascii_uppercase().as_str() {
            "HTTP/1.0" => Some(HttpVersion::Http10),
            "HTTP/1.1" => Some(HttpVersion::Http11),
            "HTTP/2" | "HTTP/2.0" | "H2" | "H2C" => Some(HttpVersion::Http2),
            "HTTP/3" | "HTTP/3.0" | "H3" => Some(HttpVersion::Http3),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            HttpVersion::Http10 => "HTTP/1.0",
            HttpVersion::Http11 => "HTTP/1.1",
            HttpVersion::Http2 => "HTTP/2",
            HttpVersion::Http3 => "HTTP/3",
        }
    }

    /// HTTP/2 and HTTP/3 frame messages: no reason phrase, no 101 upgrade.
    pub fn is_framed(self) -> bool {
        matches!(self, HttpVersion::Http2 | HttpVersion::Http3)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Request {
    /// Any token, including QUERY and extension methods; case is kept
    /// because methods are case-sensitive (RFC 9110 §9.1).
    pub method: String,
    pub target: String,
    pub version: HttpVersion,
    pub headers: Headers,
    pub body: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub body_capture: BodyCapture,
    #[serde(default, skip_serializing_if = "is_default")]
    pub body_encoding: BodyEncoding,
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

impl Default for Request {
    fn default() -> Self {
        Request {
            method: "GET".into(),
            target: "/".into(),
            version: HttpVersion::Http11,
            headers: Headers::default(),
            body: String::new(),
            body_capture: BodyCapture::Complete,
            body_encoding: BodyEncoding::Utf8,
        }
    }
}

impl Request {
    /// The body's length in bytes as received.
    pub fn body_len(&self) -> usize {
        body_len(&self.body, self.body_encoding)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Response {
    pub version: HttpVersion,
    /// Any number the user typed; the lint says what is wrong with it.
    pub status: u16,
    /// `None` when the status line has none (always so in HTTP/2 and HTTP/3).
    pub reason: Option<String>,
    pub headers: Headers,
    pub body: String,
    #[serde(default, skip_serializing_if = "is_default")]
    pub body_capture: BodyCapture,
    #[serde(default, skip_serializing_if = "is_default")]
    pub body_encoding: BodyEncoding,
}

impl Default for Response {
    fn default() -> Self {
        Response {
            version: HttpVersion::Http11,
            status: 200,
            reason: Some("OK".into()),
            headers: Headers::default(),
            body: String::new(),
            body_capture: BodyCapture::Complete,
            body_encoding: BodyEncoding::Utf8,
        }
    }
}

impl Response {
    /// The body's length in bytes as received.
    pub fn body_len(&self) -> usize {
        body_len(&self.body, self.body_encoding)
    }
}

/// A request and the final response to it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Exchange {
    pub request: Request,
    pub response: Response,
    /// False when the input had only a response (e.g. `curl -i` output): the
    /// request is a placeholder and request-aware checks are skipped.
    pub request_known: bool,
}

impl Exchange {
    pub fn method_is(&self, method: &str) -> bool {
        self.request.method.eq_ignore_ascii_case(method)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_lookup_ignores_case_and_keeps_duplicates() {
        let mut headers = Headers::default();
        headers.push("Vary", "Accept");
        headers.push("vary", "Origin");
        assert_eq!(headers.get("VARY"), Some("Accept"));
        assert_eq!(headers.count("Vary"), 2);
        headers.set("Vary", "*");
        assert_eq!(headers.0, vec![Header::new("Vary", "*")]);
        headers.set("Allow", "GET");
        assert_eq!(headers.get("allow"), Some("GET"));
        headers.remove("ALLOW");
        assert!(!headers.has("Allow"));
    }

    #[test]
    fn versions_in_every_spelling() {
        assert_eq!(HttpVersion::parse("h2"), Some(HttpVersion::Http2));
        assert_eq!(HttpVersion::parse("HTTP/2.0"), Some(HttpVersion::Http2));
        assert_eq!(HttpVersion::parse("http/1.1"), Some(HttpVersion::Http11));
        assert_eq!(HttpVersion::parse("HTTP/9"), None);
    }

    #[test]
    fn media_type_drops_parameters() {
        let mut headers = Headers::default();
        headers.push("Content-Type", "Application/Problem+JSON; charset=utf-8");
        assert_eq!(headers.media_type().as_deref(), Some("application/problem+json"));
    }
}
