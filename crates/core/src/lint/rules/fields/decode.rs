//! Whether a body really is in the content coding its Content-Encoding
//! names (RFC 9110 §8.4.1). Decoding stops at [`OUTPUT_CAP`], so a
//! compression bomb costs at most that much work and memory.

use std::io::{self, Read};

/// Decoded bytes looked at per coding; past this the body counts as valid.
pub const OUTPUT_CAP: u64 = 10 * 1024 * 1024;

/// The codings this check can verify, lower-cased.
pub fn is_checkable(coding: &str) -> bool {
    matches!(coding, "gzip" | "x-gzip" | "deflate" | "br" | "identity")
}

/// Removes one coding; `Err` says why the bytes are not in it. The output
/// stops at [`OUTPUT_CAP`] bytes.
pub fn decode(coding: &str, bytes: &[u8]) -> Result<Vec<u8>, String> {
    match coding {
        "gzip" | "x-gzip" => read_capped(flate2::read::GzDecoder::new(bytes)),
        // "deflate" is the zlib format (RFC 9110 §8.4.1.2). Some servers send
        // raw DEFLATE instead; every browser accepts that, so it is no
        // reason to call the body undecodable.
        "deflate" => read_capped(flate2::read::ZlibDecoder::new(bytes)).or_else(|error| {
            read_capped(flate2::read::DeflateDecoder::new(bytes)).map_err(|_| error)
        }),
        "br" => read_capped(brotli_decompressor::Decompressor::new(bytes, 4096)),
        _ => Ok(bytes.to_vec()),
    }
}

fn read_capped(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match reader.take(OUTPUT_CAP).read_to_end(&mut out) {
        Ok(_) => Ok(out),
        Err(error) => Err(describe(&error)),
    }
}

fn describe(error: &io::Error) -> String {
    match error.kind() {
        io::ErrorKind::UnexpectedEof => "the data ends before the compressed stream does".into(),
        _ => error.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    fn gzip(data: &[u8]) -> Vec<u8> {
        let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        encoder.write_all(data).unwrap();
        encoder.finish().unwrap()
    }

    #[test]
    fn valid_and_invalid_bodies() {
        let packed = gzip(b"hello, world");
        assert_eq!(decode("gzip", &packed).unwrap(), b"hello, world");
        assert!(decode("gzip", b"hello, world").is_err());
        assert!(decode("gzip", &packed[..packed.len() - 6]).is_err());
        let mut zlib = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
        zlib.write_all(b"abc").unwrap();
        assert_eq!(decode("deflate", &zlib.finish().unwrap()).unwrap(), b"abc");
        let mut raw = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::fast());
        raw.write_all(b"abc").unwrap();
        assert_eq!(decode("deflate", &raw.finish().unwrap()).unwrap(), b"abc");
        assert!(decode("br", b"{\"plain\":\"json\"}").is_err());
    }

    #[test]
    fn a_bomb_stops_at_the_cap() {
        let bomb = gzip(&vec![0; (OUTPUT_CAP + 4096) as usize]);
        assert!(bomb.len() < 100_000);
        assert_eq!(decode("gzip", &bomb).unwrap().len() as u64, OUTPUT_CAP);
    }
}
