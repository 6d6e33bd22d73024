//! The list and number syntax several fields share: `#element` lists
//! (RFC 9110 §5.6.1), tokens and quoted strings (§5.6.2, §5.6.4) and
//! delta-seconds (RFC 9111 §1.2.2).
//!
//! Comments `( … )` are not handled: none of the fields parsed in this module
//! allows them.

use std::fmt;

use serde::Serialize;

/// RFC 9111 §1.2.2 lets a cache that cannot represent a larger delta-seconds
/// use 2^31 instead; it stands for "practically forever" (over 68 years), so
/// treating every larger value as 2^31 loses nothing and keeps later sums far
/// from overflow.
pub const DELTA_SECONDS_CAP: u64 = 1 << 31;

/// The elements of one field line, split on commas outside quoted strings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct ListElements<'a> {
    /// Non-empty elements with the surrounding OWS removed, in order.
    pub elements: Vec<&'a str>,
    /// Empty elements (`a,,b`, a leading or trailing comma): recipients must
    /// ignore them and senders must not generate them (RFC 9110 §5.6.1), so
    /// callers may want to flag them.
    pub empty: usize,
    /// A quoted string ran to the end of the line; its element was kept.
    pub unterminated_quote: bool,
}

/// Splits one field line value into list elements (RFC 9110 §5.6.1),
/// keeping commas inside quoted strings (with `\` escapes) in their element.
///
/// A value that is empty or only whitespace is an empty list, not one empty
/// element, because `#element` allows zero elements.
pub fn split_list(value: &str) -> ListElements<'_> {
    let mut out = ListElements::default();
    if trim_ows(value).is_empty() {
        return out;
    }
    let mut start = 0;
    let mut in_quotes = false;
    let mut escaped = false;
    for (index, c) in value.char_indices() {
        if escaped {
            escaped = false;
        } else if in_quotes {
            match c {
                '\\' => escaped = true,
                '"' => in_quotes = false,
                _ => {}
            }
        } else if c == '"' {
            in_quotes = true;
        } else if c == ',' {
            push_element(&mut out, value.get(start..index).unwrap_or(""));
            start = index + 1;
        }
    }
    push_element(&mut out, value.get(start..).unwrap_or(""));
    out.unterminated_quote = in_quotes;
    out
}

fn push_element<'a>(out: &mut ListElements<'a>, piece: &'a str) {
    let element = trim_ows(piece);
    if element.is_empty() {
        out.empty += 1;
    } else {
        out.elements.push(element);
    }
}

/// OWS is only space and horizontal tab (RFC 9110 §5.6.3).
pub fn is_ows(c: char) -> bool {
    c == ' ' || c == '\t'
}

pub fn trim_ows(text: &str) -> &str {
    text.trim_matches(is_ows)
}

/// `tchar` of RFC 9110 §5.6.2.
pub fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-.^_`|~".contains(c)
}

/// `token = 1*tchar` (RFC 9110 §5.6.2).
pub fn is_token(text: &str) -> bool {
    !text.is_empty() && text.chars().all(is_tchar)
}

/// A quoted string read from the start of a text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct QuotedString<'a> {
    /// The content with the quotes removed and `\x` escapes resolved.
    pub content: String,
    /// What follows the closing quote.
    pub rest: &'a str,
    /// False when the text ended before a closing quote; `content` then holds
    /// everything after the opening quote.
    pub terminated: bool,
}

/// Reads a quoted-string (RFC 9110 §5.6.4) at the start of `text`; `None`
/// when `text` does not start with a double quote.
pub fn parse_quoted_string(text: &str) -> Option<QuotedString<'_>> {
    let body = text.strip_prefix('"')?;
    let mut content = String::new();
    let mut escaped = false;
    for (index, c) in body.char_indices() {
        if escaped {
            content.push(c);
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if c == '"' {
            let rest = body.get(index + 1..).unwrap_or("");
            return Some(QuotedString { content, rest, terminated: true });
        } else {
            content.push(c);
        }
    }
    Some(QuotedString { content, rest: "", terminated: false })
}

/// A delta-seconds value as a cache reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeltaSeconds {
    pub seconds: u64,
    /// The text named more than [`DELTA_SECONDS_CAP`] seconds and was read
    /// as the cap.
    pub clamped: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeltaSecondsErrorKind {
    Empty,
    Negative,
    Fractional,
    NotDigits,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DeltaSecondsError {
    pub kind: DeltaSecondsErrorKind,
    pub message: String,
}

impl fmt::Display for DeltaSecondsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DeltaSecondsError {}

/// Parses `delta-seconds = 1*DIGIT` (RFC 9111 §1.2.2), capping large values
/// at [`DELTA_SECONDS_CAP`].
///
/// The text must be exactly the digits: callers remove OWS and quotes first,
/// because whether those are acceptable depends on the field.
pub fn parse_delta_seconds(text: &str) -> Result<DeltaSeconds, DeltaSecondsError> {
    let error = |kind, message: String| Err(DeltaSecondsError { kind, message });
    match number_shape(text) {
        NumberShape::Digits { value, overflowed } => {
            let clamped = overflowed || value > DELTA_SECONDS_CAP;
            Ok(DeltaSeconds { seconds: value.min(DELTA_SECONDS_CAP), clamped })
        }
        NumberShape::Empty => error(
            DeltaSecondsErrorKind::Empty,
            "the value is empty; expected a number of seconds".into(),
        ),
        NumberShape::Negative => error(
            DeltaSecondsErrorKind::Negative,
            format!("{text:?} is negative; delta-seconds is a whole number of seconds, 0 or more"),
        ),
        NumberShape::Fractional => error(
            DeltaSecondsErrorKind::Fractional,
            format!("{text:?} has a fraction; delta-seconds is a whole number of seconds"),
        ),
        NumberShape::Other => error(
            DeltaSecondsErrorKind::NotDigits,
            format!("{text:?} is not a number of seconds (only the digits 0-9 are allowed)"),
        ),
    }
}

/// How a would-be number looks, so errors can say what is wrong with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NumberShape {
    /// Only ASCII digits; `value` saturates at `u64::MAX`.
    Digits {
        value: u64,
        overflowed: bool,
    },
    Negative,
    Fractional,
    Empty,
    Other,
}

pub(crate) fn number_shape(text: &str) -> NumberShape {
    if text.is_empty() {
        return NumberShape::Empty;
    }
    if let Some(magnitude) = text.strip_prefix('-') {
        return match number_shape(magnitude) {
            NumberShape::Digits { .. } | NumberShape::Fractional => NumberShape::Negative,
            _ => NumberShape::Other,
        };
    }
    if text.bytes().all(|b| b.is_ascii_digit()) {
        let (value, overflowed) = saturating_decimal(text);
        return NumberShape::Digits { value, overflowed };
    }
    match text.split_once('.') {
        Some((whole, fraction))
            if whole.bytes().chain(fraction.bytes()).all(|b| b.is_ascii_digit())
                && !(whole.is_empty() && fraction.is_empty()) =>
        {
            NumberShape::Fractional
        }
        _ => NumberShape::Other,
    }
}

/// Reads ASCII digits, saturating at `u64::MAX`; the flag says it did.
pub(crate) fn saturating_decimal(digits: &str) -> (u64, bool) {
    let mut value: u64 = 0;
    for b in digits.bytes() {
        let digit = u64::from(b.wrapping_sub(b'0'));
        match value.checked_mul(10).and_then(|v| v.checked_add(digit)) {
            Some(next) => value = next,
            None => return (u64::MAX, true),
        }
    }
    (value, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_plain_list() {
        let list = split_list("a, b ,\tc");
        assert_eq!(list.elements, ["a", "b", "c"]);
        assert_eq!(list.empty, 0);
        assert!(!list.unterminated_quote);
    }

    #[test]
    fn counts_empty_elements_rfc_example() {
        // RFC 9110 §5.6.1.2: `foo ,bar,` and `foo , ,bar,charlie` are valid.
        let list = split_list("foo ,bar,");
        assert_eq!(list.elements, ["foo", "bar"]);
        assert_eq!(list.empty, 1);
        let list = split_list("foo , ,bar,charlie");
        assert_eq!(list.elements, ["foo", "bar", "charlie"]);
        assert_eq!(list.empty, 1);
        let list = split_list(",,max-age=5,");
        assert_eq!(list.elements, ["max-age=5"]);
        assert_eq!(list.empty, 3);
    }

    #[test]
    fn empty_value_is_empty_list() {
        assert_eq!(split_list(""), ListElements::default());
        assert_eq!(split_list(" \t "), ListElements::default());
        let only_comma = split_list(",");
        assert!(only_comma.elements.is_empty());
        assert_eq!(only_comma.empty, 2);
    }

    #[test]
    fn keeps_commas_inside_quotes() {
        let list = split_list(r#"no-cache="Set-Cookie, Authorization", max-age=5"#);
        assert_eq!(list.elements, [r#"no-cache="Set-Cookie, Authorization""#, "max-age=5"]);
        let escaped = split_list(r#"a="x\",y", b"#);
        assert_eq!(escaped.elements, [r#"a="x\",y""#, "b"]);
    }

    #[test]
    fn flags_unterminated_quote() {
        let list = split_list(r#"a="x, b"#);
        assert_eq!(list.elements, [r#"a="x, b"#]);
        assert!(list.unterminated_quote);
    }

    #[test]
    fn tokens() {
        assert!(is_token("max-age"));
        assert!(is_token("!#$%&'*+-.^_`|~09azAZ"));
        assert!(!is_token(""));
        assert!(!is_token("a b"));
        assert!(!is_token("a=b"));
        assert!(!is_token("\"a\""));
        assert!(!is_token("é"));
    }

    #[test]
    fn quoted_strings() {
        let q = parse_quoted_string(r#""a\"b\\c", rest"#).unwrap();
        assert_eq!(q.content, r#"a"b\c"#);
        assert_eq!(q.rest, ", rest");
        assert!(q.terminated);
        let open = parse_quoted_string(r#""abc"#).unwrap();
        assert_eq!(open.content, "abc");
        assert!(!open.terminated);
        assert_eq!(parse_quoted_string("abc"), None);
        assert_eq!(parse_quoted_string(r#""""#).unwrap().content, "");
    }

    #[test]
    fn delta_seconds_valid() {
        assert_eq!(parse_delta_seconds("0"), Ok(DeltaSeconds { seconds: 0, clamped: false }));
        assert_eq!(parse_delta_seconds("0060"), Ok(DeltaSeconds { seconds: 60, clamped: false }));
        assert_eq!(
            parse_delta_seconds("2147483648"),
            Ok(DeltaSeconds { seconds: DELTA_SECONDS_CAP, clamped: false })
        );
    }

    #[test]
    fn delta_seconds_overflow_reads_as_two_to_the_31() {
        let capped = DeltaSeconds { seconds: 2_147_483_648, clamped: true };
        assert_eq!(parse_delta_seconds("2147483649"), Ok(capped));
        assert_eq!(parse_delta_seconds("99999999999999999999999999"), Ok(capped));
    }

    #[test]
    fn delta_seconds_invalid() {
        let kind = |text| parse_delta_seconds(text).unwrap_err().kind;
        assert_eq!(kind(""), DeltaSecondsErrorKind::Empty);
        assert_eq!(kind("-1"), DeltaSecondsErrorKind::Negative);
        assert_eq!(kind("-1.5"), DeltaSecondsErrorKind::Negative);
        assert_eq!(kind("1.5"), DeltaSecondsErrorKind::Fractional);
        assert_eq!(kind(".5"), DeltaSecondsErrorKind::Fractional);
        assert_eq!(kind("abc"), DeltaSecondsErrorKind::NotDigits);
        assert_eq!(kind("+5"), DeltaSecondsErrorKind::NotDigits);
        assert_eq!(kind(" 5"), DeltaSecondsErrorKind::NotDigits);
        assert_eq!(kind("1e3"), DeltaSecondsErrorKind::NotDigits);
        assert_eq!(kind("."), DeltaSecondsErrorKind::NotDigits);
        assert_eq!(kind("-"), DeltaSecondsErrorKind::NotDigits);
        assert_eq!(kind("١٢"), DeltaSecondsErrorKind::NotDigits);
        assert_eq!(
            parse_delta_seconds("-1").unwrap_err().message,
            "\"-1\" is negative; delta-seconds is a whole number of seconds, 0 or more"
        );
    }

    #[test]
    fn saturating_decimal_saturates() {
        assert_eq!(saturating_decimal("18446744073709551615"), (u64::MAX, false));
        assert_eq!(saturating_decimal("18446744073709551616"), (u64::MAX, true));
        assert_eq!(saturating_decimal(""), (0, false));
    }
}
