//! Small grammars the field checks need and no other part of the core reads:
//! URI-reference (RFC 3986 §4.1), Content-Range (RFC 9110 §14.4) and the
//! structured-field Date of Deprecation (RFC 9651 §3.3.7).

/// Why `text` is not a URI-reference (RFC 3986 §4.1), or `None` when it is
/// one. Relative references (`/a`, `../b`, `?q`, `//host/p`) are valid.
pub fn uri_reference_problem(text: &str) -> Option<String> {
    let mut fragment = false;
    for (at, c) in text.char_indices() {
        let bad = match c {
            ' ' => Some("a space".to_string()),
            '\\' => Some("a backslash".to_string()),
            c if !c.is_ascii() => Some(format!("the non-ASCII character {c:?}")),
            c if c.is_ascii_control() => Some(format!("the control character {c:?}")),
            '"' | '<' | '>' | '^' | '`' | '{' | '|' | '}' => Some(format!("{c:?}")),
            '%' => {
                let hex = text.get(at + 1..at + 3).unwrap_or("");
                if hex.len() == 2 && hex.bytes().all(|b| b.is_ascii_hexdigit()) {
                    None
                } else {
                    Some(format!("a \"%\" not followed by two hex digits (at {:?})", &text[at..]))
                }
            }
            '#' if fragment => Some("a second \"#\"".to_string()),
            '#' => {
                fragment = true;
                None
            }
            _ => None,
        };
        if let Some(bad) = bad {
            return Some(format!("it contains {bad}, which must be percent-encoded"));
        }
    }
    // scheme ":" … or a relative reference whose first segment has no ":".
    let end = text.find(['/', '?', '#']).unwrap_or(text.len());
    if let Some(colon) = text[..end].find(':') {
        let scheme = &text[..colon];
        let valid = scheme.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
        if !valid {
            return Some(format!(
                "{scheme:?} before the first \":\" is not a scheme, and a relative reference cannot have \":\" in its first segment"
            ));
        }
    }
    let after_scheme = match text[..end].find(':') {
        Some(colon) => &text[colon + 1..],
        None => text,
    };
    let authority = after_scheme.strip_prefix("//").map(|rest| {
        let stop = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        &rest[..stop]
    });
    let brackets_outside = match authority {
        Some(authority) => {
            let host_port = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
            if let Some(literal) = host_port.strip_prefix('[') {
                let Some((inside, port)) = literal.split_once(']') else {
                    return Some(format!("the IP literal in {authority:?} has no closing \"]\""));
                };
                if inside.contains(['[', ']']) || port.contains(['[', ']']) {
                    return Some(format!("the authority {authority:?} has stray brackets"));
                }
                if let Some(problem) = port_problem(port.strip_prefix(':'), port) {
                    return Some(problem);
                }
            } else {
                if host_port.contains(['[', ']']) {
                    return Some(format!("the authority {authority:?} has stray brackets"));
                }
                if let Some((_, port)) = host_port.rsplit_once(':') {
                    if let Some(problem) = port_problem(Some(port), port) {
                        return Some(problem);
                    }
                }
            }
            let start = text.len() - after_scheme.len() + 2 + authority.len();
            text[start..].contains(['[', ']'])
        }
        None => text.contains(['[', ']']),
    };
    if brackets_outside {
        return Some(
            "it contains \"[\" or \"]\" outside an IP literal host, which must be percent-encoded"
                .into(),
        );
    }
    None
}

fn port_problem(port: Option<&str>, raw: &str) -> Option<String> {
    match port {
        Some(port) if port.bytes().all(|b| b.is_ascii_digit()) => None,
        Some(port) => Some(format!("the port {port:?} is not a number")),
        None if raw.is_empty() => None,
        None => Some(format!("unexpected {raw:?} after the IP literal")),
    }
}

/// Percent-encodes the characters that make a would-be URI invalid but
/// whose intent is plain: spaces and non-ASCII text. `None` when other
/// problems remain.
pub fn encode_plain_mistakes(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.chars() {
        if c == ' ' || !c.is_ascii() {
            let mut buffer = [0; 4];
            for byte in c.encode_utf8(&mut buffer).bytes() {
                out.push_str(&format!("%{byte:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    (out != text && uri_reference_problem(&out).is_none()).then_some(out)
}

/// A Content-Range value (RFC 9110 §14.4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContentRange {
    /// `unit first-last/complete`; `complete` is `None` for `*`.
    Range { unit: String, first: u64, last: u64, complete: Option<u64> },
    /// `unit */complete`, as a 416 sends it.
    Unsatisfied { unit: String, complete: u64 },
}

fn digits(text: &str, what: &str) -> Result<u64, String> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{what} {text:?} is not a number"));
    }
    text.parse().map_err(|_| format!("{what} {text} is too large"))
}

/// `range-unit SP ( incl-range "/" ( complete-length / "*" ) / "*/" complete-length )`.
pub fn parse_content_range(value: &str) -> Result<ContentRange, String> {
    let value = crate::headers::list::trim_ows(value);
    let Some((unit, rest)) = value.split_once(' ') else {
        return Err("expected a unit, a space and a range, e.g. \"bytes 0-499/1234\"".into());
    };
    if !crate::headers::list::is_token(unit) {
        return Err(format!("the range unit {unit:?} is not a token"));
    }
    if let Some(complete) = rest.strip_prefix("*/") {
        return Ok(ContentRange::Unsatisfied {
            unit: unit.to_string(),
            complete: digits(complete, "the complete length")?,
        });
    }
    let Some((range, complete)) = rest.split_once('/') else {
        return Err(format!("{rest:?} lacks \"/\" and the complete length (or \"*\")"));
    };
    let Some((first, last)) = range.split_once('-') else {
        return Err(format!("the range {range:?} is not first-last"));
    };
    let first = digits(first, "the first position")?;
    let last = digits(last, "the last position")?;
    let complete = match complete {
        "*" => None,
        text => Some(digits(text, "the complete length")?),
    };
    if last < first {
        return Err(format!("the last position {last} is before the first {first}"));
    }
    if let Some(length) = complete.filter(|&length| length <= last) {
        return Err(format!("the range ends at byte {last}, beyond the complete length {length}"));
    }
    Ok(ContentRange::Range { unit: unit.to_string(), first, last, complete })
}

/// Whether `value` is an sf-date (`@` then an sf-integer: an optional
/// minus and 1 to 15 digits), and if so its seconds.
pub fn parse_sf_date(value: &str) -> Option<i64> {
    let text = value.trim_matches(' ').strip_prefix('@')?;
    let digits = text.strip_prefix('-').unwrap_or(text);
    if digits.is_empty() || digits.len() > 15 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_references() {
        for good in [
            "/orders/1042",
            "https://api.example/v2/payments?id=7#top",
            "../up",
            "?page=2",
            "//cdn.example/a.js",
            "",
            "http://[2001:db8::1]:8080/x",
            "https://user:pw@host.example:443/p%20q",
            "mailto:someone@example.com",
        ] {
            assert_eq!(uri_reference_problem(good), None, "{good}");
        }
        for bad in [
            "/my file.pdf",
            "/caf\u{e9}",
            "\\\\server\\share",
            "/a#b#c",
            "/100%",
            "1http://x",
            "http://host:80a/",
            "/a[0]",
            "http://[::1/",
        ] {
            assert!(uri_reference_problem(bad).is_some(), "{bad}");
        }
        assert_eq!(encode_plain_mistakes("/my file").as_deref(), Some("/my%20file"));
        assert_eq!(encode_plain_mistakes("/caf\u{e9}").as_deref(), Some("/caf%C3%A9"));
        assert_eq!(encode_plain_mistakes("/a b\\c"), None);
    }

    #[test]
    fn content_ranges() {
        assert_eq!(
            parse_content_range("bytes 0-499/1234"),
            Ok(ContentRange::Range {
                unit: "bytes".into(),
                first: 0,
                last: 499,
                complete: Some(1234)
            })
        );
        assert_eq!(
            parse_content_range("bytes 0-499/*"),
            Ok(ContentRange::Range { unit: "bytes".into(), first: 0, last: 499, complete: None })
        );
        assert_eq!(
            parse_content_range("bytes */1234"),
            Ok(ContentRange::Unsatisfied { unit: "bytes".into(), complete: 1234 })
        );
        for bad in [
            "bytes=0-499/1234",
            "bytes 0-499",
            "bytes 500-499/1234",
            "bytes 0-1234/1234",
            "0-4/5",
            "bytes */*",
            "bytes -5/10",
        ] {
            assert!(parse_content_range(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn sf_dates() {
        assert_eq!(parse_sf_date("@1688169599"), Some(1_688_169_599));
        assert_eq!(parse_sf_date("@-5"), Some(-5));
        for bad in ["true", "1688169599", "@", "@1.5", "Sun, 01 Jan 2023 00:00:00 GMT"] {
            assert_eq!(parse_sf_date(bad), None, "{bad}");
        }
    }
}
