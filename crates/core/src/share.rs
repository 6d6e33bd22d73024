//! Permalinks: the composer's whole state in a URL fragment, so a link
//! reproduces what its sender saw.
//!
//! A link's payload is `<version>.<base64url(deflate(JSON))>`. The version
//! comes first and outside the compressed part, so a future format can be
//! recognised (and refused with a clear message) without decoding it, and
//! every released version keeps a decoder of its own: `tests/share_links.rs`
//! holds a link of each one.
//!
//! Decoding is defensive by construction: the length is checked before any
//! work, inflation stops at a fixed output size, and every failure is a
//! [`LinkError`] with words for the user, never a panic.

use std::io::Read;

use base64::{engine::general_purpose::URL_SAFE_NO_PAD, Engine as _};
use serde::{Deserialize, Serialize};

use crate::{
    exchange::Exchange,
    lint::Profile,
    problem::SchemaInput,
    redact::{redact_link_secrets, SECRET_FIELDS},
    retry::BackoffSettings,
    time::UnixTime,
};

/// The version written by this build.
pub const LINK_VERSION: u32 = 1;
/// Common chat tools cut or refuse longer links.
pub const CHAT_LINK_LIMIT: usize = 2000;
/// A payload longer than this is refused before it is decoded: no state the
/// composer can share honestly needs more, and a 1 MB fragment must not
/// cost the page a freeze.
pub const MAX_PAYLOAD_CHARS: usize = 256 * 1024;
/// Inflation stops here: a small payload must not expand into gigabytes.
pub const MAX_STATE_BYTES: usize = 2 << 20;

/// Everything a link carries.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SharedState {
    /// The exchange as raw HTTP: the parser is the most stable format the
    /// product has, so old links keep reading as the model changes.
    pub exchange: String,
    pub profile: Profile,
    pub backoff: Option<BackoffSettings>,
    /// The user's JSON Schema, when one is in use.
    pub schema: Option<SchemaInput>,
    /// The cache timeline's moment, in seconds after receipt.
    pub cache_moment_s: i64,
    /// The moment the sender's analysis was made, so ages and Retry-After
    /// dates read the same for the receiver.
    pub analysed_at: Option<UnixTime>,
}

/// Version 1 on the wire: short keys keep links short.
#[derive(Serialize, Deserialize)]
struct WireV1 {
    x: String,
    #[serde(default)]
    p: Profile,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    b: Option<BackoffSettings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    s: Option<SchemaInput>,
    #[serde(default, skip_serializing_if = "is_zero")]
    m: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    n: Option<i64>,
}

fn is_zero(value: &i64) -> bool {
    *value == 0
}

/// Why a link could not be opened, in words for the user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum LinkError {
    Empty,
    TooLong { chars: usize },
    NoVersion,
    FutureVersion { version: u32 },
    NotBase64,
    Corrupt,
    TooLarge,
    Unreadable { detail: String },
}

impl std::fmt::Display for LinkError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LinkError::Empty => write!(f, "The link carries no state."),
            LinkError::TooLong { chars } => write!(
                f,
                "The link is {chars} characters long, more than the {MAX_PAYLOAD_CHARS} a shared state can take; it was not opened."
            ),
            LinkError::NoVersion => write!(
                f,
                "The link does not start with a format version: it was cut or changed on the way."
            ),
            LinkError::FutureVersion { version } => write!(
                f,
                "The link was made by a newer Status Lab (format {version}; this page reads up to {LINK_VERSION}). Reload to get the latest version."
            ),
            LinkError::NotBase64 => write!(
                f,
                "The link contains characters a Status Lab link never has: it was changed on the way."
            ),
            LinkError::Corrupt => write!(
                f,
                "The link is incomplete or damaged (its compressed data does not decode): it was probably cut off when it was copied."
            ),
            LinkError::TooLarge => write!(
                f,
                "The link expands to more than {} MB; it was not opened.",
                MAX_STATE_BYTES >> 20
            ),
            LinkError::Unreadable { detail } => {
                write!(f, "The link decodes, but its content is not a Status Lab state ({detail}).")
            }
        }
    }
}

impl std::error::Error for LinkError {}

/// The payload for `state`.
pub fn encode(state: &SharedState) -> String {
    let wire = WireV1 {
        x: state.exchange.clone(),
        p: state.profile,
        b: state.backoff,
        s: state.schema.clone(),
        m: state.cache_moment_s,
        n: state.analysed_at.map(|t| t.0),
    };
    // Serialising plain data to a Vec cannot fail.
    let json = serde_json::to_vec(&wire).unwrap_or_default();
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    let compressed = std::io::Write::write_all(&mut encoder, &json)
        .and_then(|()| encoder.finish())
        .unwrap_or_default();
    format!("{LINK_VERSION}.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// Reads a payload made by this or any earlier version.
pub fn decode(payload: &str) -> Result<SharedState, LinkError> {
    let (version, bytes) = unpack(payload)?;
    match version {
        1 => decode_v1(&bytes),
        version => Err(LinkError::FutureVersion { version }),
    }
}

/// `<version>.<base64url(deflate(bytes))>`.
fn pack(version: u32, bytes: &[u8]) -> String {
    let mut encoder = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    // Writing to a Vec cannot fail.
    let compressed = std::io::Write::write_all(&mut encoder, bytes)
        .and_then(|()| encoder.finish())
        .unwrap_or_default();
    format!("{version}.{}", URL_SAFE_NO_PAD.encode(compressed))
}

/// The version and the inflated bytes of a payload, within the limits.
fn unpack(payload: &str) -> Result<(u32, Vec<u8>), LinkError> {
    let payload = payload.trim();
    if payload.is_empty() {
        return Err(LinkError::Empty);
    }
    if payload.len() > MAX_PAYLOAD_CHARS {
        return Err(LinkError::TooLong { chars: payload.chars().count() });
    }
    let (version, data) = payload.split_once('.').ok_or(LinkError::NoVersion)?;
    let version: u32 = version.parse().map_err(|_| LinkError::NoVersion)?;
    match version {
        0 => return Err(LinkError::NoVersion),
        1 => {}
        version => return Err(LinkError::FutureVersion { version }),
    }
    let compressed = URL_SAFE_NO_PAD.decode(data).map_err(|_| LinkError::NotBase64)?;
    let mut bytes = Vec::new();
    let mut reader =
        flate2::read::DeflateDecoder::new(compressed.as_slice()).take(MAX_STATE_BYTES as u64 + 1);
    reader.read_to_end(&mut bytes).map_err(|_| LinkError::Corrupt)?;
    if bytes.len() > MAX_STATE_BYTES {
        return Err(LinkError::TooLarge);
    }
    if bytes.is_empty() {
        return Err(LinkError::Corrupt);
    }
    Ok((version, bytes))
}

/// A text (an exercise pack) as a link payload.
pub fn encode_text(text: &str) -> String {
    pack(LINK_VERSION, text.as_bytes())
}

/// The text of a payload made by [`encode_text`].
pub fn decode_text(payload: &str) -> Result<String, LinkError> {
    let (_, bytes) = unpack(payload)?;
    String::from_utf8(bytes).map_err(|_| LinkError::Unreadable { detail: "not UTF-8 text".into() })
}

fn decode_v1(json: &[u8]) -> Result<SharedState, LinkError> {
    let wire: WireV1 = serde_json::from_slice(json)
        .map_err(|error| LinkError::Unreadable { detail: error.to_string() })?;
    Ok(SharedState {
        exchange: wire.x,
        profile: wire.p,
        backoff: wire.b,
        schema: wire.s,
        cache_moment_s: wire.m,
        analysed_at: wire.n.map(UnixTime),
    })
}

/// A link ready to share, and what the user should know about it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShareLink {
    pub payload: String,
    /// Fields and query parameters whose secret values the link leaves out.
    pub redacted: Vec<String>,
    /// Chat tools cut links longer than [`CHAT_LINK_LIMIT`]: the page offers
    /// a file export instead.
    pub too_long_for_chat: bool,
}

/// The link for `exchange` and the rest of `state`, with secrets left out
/// unless `include_secrets`. `base_len` is the length of the address the
/// payload is appended to, for the chat-length verdict.
pub fn share(
    exchange: &Exchange,
    mut state: SharedState,
    include_secrets: bool,
    base_len: usize,
) -> ShareLink {
    let (shown, redacted) = if include_secrets {
        (exchange.clone(), Vec::new())
    } else {
        redact_link_secrets(exchange)
    };
    state.exchange = crate::export::to_raw(&shown);
    let payload = encode(&state);
    let too_long_for_chat = base_len + payload.len() > CHAT_LINK_LIMIT;
    ShareLink { payload, redacted, too_long_for_chat }
}

/// The fields a link leaves out by default, for the page's note.
pub fn secret_fields() -> &'static [&'static str] {
    SECRET_FIELDS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::parse_input;

    fn state(exchange: &str) -> SharedState {
        SharedState {
            exchange: exchange.to_string(),
            profile: Profile::Rfc,
            backoff: None,
            schema: None,
            cache_moment_s: 0,
            analysed_at: None,
        }
    }

    #[test]
    fn a_state_survives_the_round_trip() {
        let mut original = state("GET / HTTP/1.1\nHost: a\n\nHTTP/1.1 200 OK\n\n");
        original.profile = Profile::Zalando;
        original.cache_moment_s = 3600;
        original.analysed_at = Some(UnixTime(1_795_000_000));
        original.schema = Some(SchemaInput { text: "{}".into(), pointer: Some("#/a".into()) });
        assert_eq!(decode(&encode(&original)), Ok(original));
    }

    #[test]
    fn broken_links_say_what_is_wrong() {
        let good = encode(&state("GET / HTTP/1.1\n\nHTTP/1.1 204 No Content\n\n"));
        assert_eq!(decode(""), Err(LinkError::Empty));
        assert_eq!(decode("abc"), Err(LinkError::NoVersion));
        assert_eq!(decode("7.AAAA"), Err(LinkError::FutureVersion { version: 7 }));
        assert_eq!(decode("1.***"), Err(LinkError::NotBase64));
        let cut = &good[..good.len() / 2];
        assert!(matches!(decode(cut), Err(LinkError::Corrupt | LinkError::NotBase64)));
        let huge = "1.".to_string() + &"A".repeat(MAX_PAYLOAD_CHARS);
        assert!(matches!(decode(&huge), Err(LinkError::TooLong { .. })));
        for error in [LinkError::Corrupt, LinkError::FutureVersion { version: 2 }] {
            assert!(!error.to_string().is_empty());
        }
    }

    #[test]
    fn a_text_survives_the_round_trip() {
        let text = "format = 1\n[pack]\nid = \"w\"\n";
        assert_eq!(decode_text(&encode_text(text)).as_deref(), Ok(text));
        assert!(decode_text("1.%%").is_err());
    }

    #[test]
    fn a_compression_bomb_is_refused() {
        let json = format!("{{\"x\":\"{}\"}}", "a".repeat(MAX_STATE_BYTES * 2));
        let mut encoder =
            flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut encoder, json.as_bytes()).expect("writes");
        let payload = format!("1.{}", URL_SAFE_NO_PAD.encode(encoder.finish().expect("ends")));
        assert!(payload.len() < 20_000, "4 MB of one letter compresses small");
        assert_eq!(decode(&payload), Err(LinkError::TooLarge));
    }

    #[test]
    fn secrets_stay_out_unless_asked_for() {
        let exchange = &parse_input(
            "GET /me?access_token=abc&page=2 HTTP/1.1\nHost: api.example\nAuthorization: Bearer xyz\n\nHTTP/1.1 200 OK\nSet-Cookie: sid=1\n\n",
        )
        .expect("parses")
        .exchanges[0];
        let link = share(exchange, state(""), false, 40);
        let opened = decode(&link.payload).expect("decodes");
        assert!(!opened.exchange.contains("abc") && !opened.exchange.contains("xyz"));
        assert!(opened.exchange.contains("page=2"), "{}", opened.exchange);
        assert_eq!(link.redacted, ["Authorization", "Set-Cookie", "access_token"]);
        let deliberate = share(exchange, state(""), true, 40);
        assert!(decode(&deliberate.payload).expect("decodes").exchange.contains("Bearer xyz"));
        assert!(deliberate.redacted.is_empty());
    }

    #[test]
    fn a_typical_exchange_fits_in_a_chat_message() {
        let exchange = &parse_input(
            "POST /users HTTP/1.1\nHost: api.example\nContent-Type: application/json\nAccept: application/json\n\n{\"name\":\"Alice\",\"email\":\"alice@example.com\"}\n\nHTTP/1.1 201 Created\nDate: Mon, 23 Nov 2026 10:00:00 GMT\nLocation: /users/42\nContent-Type: application/json\n\n{\"id\":42,\"name\":\"Alice\",\"email\":\"alice@example.com\",\"createdAt\":\"2026-11-23T10:00:00Z\"}\n",
        )
        .expect("parses")
        .exchanges[0];
        let link = share(exchange, state(""), false, 60);
        assert!(!link.too_long_for_chat, "{} characters", link.payload.len());
        assert!(link.payload.len() < 600, "{} characters", link.payload.len());
    }
}
