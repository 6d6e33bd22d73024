//! Entity tags (RFC 9110 §8.8.3) and the `*`-or-list of If-Match and
//! If-None-Match (§13.1.1, §13.1.2).
//!
//! An opaque-tag is not a quoted-string: it has no backslash escapes and may
//! contain commas, so lists of tags are scanned tag by tag instead of being
//! split with [`super::list::split_list`].

use std::fmt;

use serde::Serialize;

use super::list::{is_ows, trim_ows};

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct EntityTag {
    pub weak: bool,
    /// The characters between the double quotes.
    pub opaque: String,
}

impl EntityTag {
    pub fn strong(opaque: impl Into<String>) -> EntityTag {
        EntityTag { weak: false, opaque: opaque.into() }
    }

    pub fn weak(opaque: impl Into<String>) -> EntityTag {
        EntityTag { weak: true, opaque: opaque.into() }
    }

    /// Strong comparison (RFC 9110 §8.8.3.2): neither is weak and the
    /// opaque tags are identical.
    pub fn strong_eq(&self, other: &EntityTag) -> bool {
        !self.weak && !other.weak && self.opaque == other.opaque
    }

    /// Weak comparison (RFC 9110 §8.8.3.2): the opaque tags are identical,
    /// whatever the weakness.
    pub fn weak_eq(&self, other: &EntityTag) -> bool {
        self.opaque == other.opaque
    }
}

impl fmt::Display for EntityTag {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let prefix = if self.weak { "W/" } else { "" };
        write!(f, "{prefix}\"{}\"", self.opaque)
    }
}

pub fn strong_compare(a: &EntityTag, b: &EntityTag) -> bool {
    a.strong_eq(b)
}

pub fn weak_compare(a: &EntityTag, b: &EntityTag) -> bool {
    a.weak_eq(b)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EtagErrorKind {
    Empty,
    /// `w/"x"`: the ABNF `weak = %s"W/"` is case-sensitive.
    LowercaseWeakPrefix,
    Unquoted,
    Unterminated,
    /// A space, control character or DEL between the quotes.
    InvalidCharacter,
    TrailingText,
    /// `*` together with entity-tags.
    MisplacedWildcard,
    MissingComma,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EtagError {
    pub kind: EtagErrorKind,
    pub message: String,
    /// What the sender most likely meant, for a suggestion; `None` when
    /// there is no plausible reading. Comparisons must not use it: the value
    /// is not an entity-tag.
    pub lenient_reading: Option<EntityTag>,
}

impl EtagError {
    fn new(kind: EtagErrorKind, message: impl Into<String>) -> EtagError {
        EtagError { kind, message: message.into(), lenient_reading: None }
    }

    fn reading(mut self, tag: Option<EntityTag>) -> EtagError {
        self.lenient_reading = tag;
        self
    }
}

impl fmt::Display for EtagError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for EtagError {}

/// Parses one entity-tag, as in an ETag field; surrounding OWS is allowed.
pub fn parse_entity_tag(value: &str) -> Result<EntityTag, EtagError> {
    let text = trim_ows(value);
    if text.is_empty() {
        return Err(EtagError::new(
            EtagErrorKind::Empty,
            "the entity-tag is empty; expected e.g. \"xyzzy\" in double quotes",
        ));
    }
    let (tag, rest) = scan_entity_tag(text)?;
    if rest.is_empty() {
        return Ok(tag);
    }
    let message = if trim_ows(rest).starts_with(',') {
        format!("only one entity-tag is allowed here, but {tag} is followed by {rest:?}")
    } else {
        format!("unexpected {rest:?} after the entity-tag {tag}")
    };
    Err(EtagError::new(EtagErrorKind::TrailingText, message).reading(Some(tag)))
}

/// The value of If-Match or If-None-Match.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EntityTagList {
    /// `*`: any current representation.
    Any,
    /// May be empty: `#entity-tag` allows an empty list.
    Tags(Vec<EntityTag>),
}

impl EntityTagList {
    /// Whether If-Match would pass for `current`; it uses strong comparison
    /// (RFC 9110 §13.1.1). `Any` matches, assuming a current representation
    /// exists, which only the caller knows.
    pub fn matches_strong(&self, current: &EntityTag) -> bool {
        match self {
            EntityTagList::Any => true,
            EntityTagList::Tags(tags) => tags.iter().any(|tag| tag.strong_eq(current)),
        }
    }

    /// Whether If-None-Match would find `current`; it uses weak comparison
    /// (RFC 9110 §13.1.2).
    pub fn matches_weak(&self, current: &EntityTag) -> bool {
        match self {
            EntityTagList::Any => true,
            EntityTagList::Tags(tags) => tags.iter().any(|tag| tag.weak_eq(current)),
        }
    }
}

/// Parses `"*" / #entity-tag`. Several field lines can be joined with `, `
/// first. Empty list elements are skipped, as RFC 9110 §5.6.1 requires of
/// recipients.
pub fn parse_entity_tag_list(value: &str) -> Result<EntityTagList, EtagError> {
    let text = trim_ows(value);
    if text == "*" {
        return Ok(EntityTagList::Any);
    }
    let mut tags = Vec::new();
    let mut rest = text;
    loop {
        rest = rest.trim_start_matches(|c| c == ',' || is_ows(c));
        if rest.is_empty() {
            return Ok(EntityTagList::Tags(tags));
        }
        if rest.starts_with('*') {
            return Err(EtagError::new(
                EtagErrorKind::MisplacedWildcard,
                "\"*\" must be the whole field value, not one element of a list",
            ));
        }
        let element = tags.len() + 1;
        let (tag, after) = scan_entity_tag(rest).map_err(|error| EtagError {
            message: format!("element {element}: {}", error.message),
            ..error
        })?;
        rest = after.trim_start_matches(is_ows);
        if !rest.is_empty() && !rest.starts_with(',') {
            return Err(EtagError::new(
                EtagErrorKind::MissingComma,
                format!("expected \",\" after {tag}, found {rest:?}"),
            ));
        }
        tags.push(tag);
    }
}

/// Reads one entity-tag at the start of `input`, returning what follows.
fn scan_entity_tag(input: &str) -> Result<(EntityTag, &str), EtagError> {
    if let Some(rest) = input.strip_prefix("w/") {
        let meant = scan_opaque(rest, true).ok().map(|(tag, _)| tag);
        return Err(EtagError::new(
            EtagErrorKind::LowercaseWeakPrefix,
            "the weak prefix is case-sensitive: write \"W/\", not \"w/\" (RFC 9110 §8.8.3)",
        )
        .reading(meant));
    }
    match input.strip_prefix("W/") {
        Some(rest) => scan_opaque(rest, true),
        None => scan_opaque(input, false),
    }
}

fn scan_opaque(input: &str, weak: bool) -> Result<(EntityTag, &str), EtagError> {
    let prefix = if weak { "W/" } else { "" };
    let Some(body) = input.strip_prefix('"') else {
        let token = input.split(|c: char| c == ',' || is_ows(c)).next().unwrap_or("");
        let meant = (!token.is_empty() && token.chars().all(is_etagc))
            .then(|| EntityTag { weak, opaque: token.to_string() });
        let message =
            format!("entity-tag {prefix}{token} must be in double quotes: {prefix}\"{token}\"");
        return Err(EtagError::new(EtagErrorKind::Unquoted, message).reading(meant));
    };
    let Some((opaque, after)) = body.split_once('"') else {
        let message = format!("entity-tag {prefix}{input} has no closing double quote");
        return Err(EtagError::new(EtagErrorKind::Unterminated, message));
    };
    if let Some(bad) = opaque.chars().find(|&c| !is_etagc(c)) {
        let message = format!(
            "entity-tag {prefix}\"{opaque}\" contains {}, which etagc does not allow",
            describe(bad)
        );
        return Err(EtagError::new(EtagErrorKind::InvalidCharacter, message));
    }
    Ok((EntityTag { weak, opaque: opaque.to_string() }, after))
}

/// `etagc = %x21 / %x23-7E / obs-text`; any non-ASCII character of a Rust
/// string is made of obs-text bytes.
fn is_etagc(c: char) -> bool {
    c == '!' || ('#'..='~').contains(&c) || !c.is_ascii()
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".into(),
        '\t' => "a tab".into(),
        _ => format!("the control character U+{:04X}", u32::from(c)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(text: &str) -> EntityTag {
        parse_entity_tag(text).unwrap()
    }

    fn kind(text: &str) -> EtagErrorKind {
        parse_entity_tag(text).unwrap_err().kind
    }

    #[test]
    fn rfc_examples() {
        assert_eq!(tag("\"xyzzy\""), EntityTag::strong("xyzzy"));
        assert_eq!(tag("W/\"xyzzy\""), EntityTag::weak("xyzzy"));
        assert_eq!(tag("\"\""), EntityTag::strong(""));
    }

    #[test]
    fn opaque_tags_are_not_quoted_strings() {
        assert_eq!(tag(r#""a\""#), EntityTag::strong(r"a\"));
        assert_eq!(tag("\"a,b\""), EntityTag::strong("a,b"));
        assert_eq!(tag("\"héllo\""), EntityTag::strong("héllo"));
        assert_eq!(tag(" \"x\"\t"), EntityTag::strong("x"));
        assert_eq!(tag("\"!#~\""), EntityTag::strong("!#~"));
    }

    #[test]
    fn display_round_trips() {
        assert_eq!(EntityTag::weak("x").to_string(), "W/\"x\"");
        assert_eq!(EntityTag::strong("x").to_string(), "\"x\"");
        assert_eq!(tag(&EntityTag::weak("a-b").to_string()), EntityTag::weak("a-b"));
    }

    #[test]
    fn lowercase_weak_prefix_is_a_problem_with_a_reading() {
        let error = parse_entity_tag("w/\"x\"").unwrap_err();
        assert_eq!(error.kind, EtagErrorKind::LowercaseWeakPrefix);
        assert_eq!(error.lenient_reading, Some(EntityTag::weak("x")));
        assert_eq!(
            error.message,
            "the weak prefix is case-sensitive: write \"W/\", not \"w/\" (RFC 9110 §8.8.3)"
        );
    }

    #[test]
    fn unquoted_tags_suggest_quotes() {
        let error = parse_entity_tag("abc123").unwrap_err();
        assert_eq!(error.kind, EtagErrorKind::Unquoted);
        assert_eq!(error.message, "entity-tag abc123 must be in double quotes: \"abc123\"");
        assert_eq!(error.lenient_reading, Some(EntityTag::strong("abc123")));
        let weak = parse_entity_tag("W/abc").unwrap_err();
        assert_eq!(weak.message, "entity-tag W/abc must be in double quotes: W/\"abc\"");
        assert_eq!(weak.lenient_reading, Some(EntityTag::weak("abc")));
    }

    #[test]
    fn invalid_tags() {
        assert_eq!(kind(""), EtagErrorKind::Empty);
        assert_eq!(kind("  "), EtagErrorKind::Empty);
        assert_eq!(kind("\"abc"), EtagErrorKind::Unterminated);
        assert_eq!(kind("W/"), EtagErrorKind::Unquoted);
        assert_eq!(kind("\"a b\""), EtagErrorKind::InvalidCharacter);
        assert_eq!(kind("\"a\u{7f}\""), EtagErrorKind::InvalidCharacter);
        assert_eq!(kind("\"x\"y"), EtagErrorKind::TrailingText);
        assert_eq!(kind("W /\"x\""), EtagErrorKind::Unquoted);
        assert_eq!(
            parse_entity_tag("\"a\tb\"").unwrap_err().message,
            "entity-tag \"a\tb\" contains a tab, which etagc does not allow"
        );
        let two = parse_entity_tag("\"a\", \"b\"").unwrap_err();
        assert_eq!(two.kind, EtagErrorKind::TrailingText);
        assert_eq!(two.lenient_reading, Some(EntityTag::strong("a")));
        assert_eq!(
            two.message,
            "only one entity-tag is allowed here, but \"a\" is followed by \", \\\"b\\\"\""
        );
    }

    #[test]
    fn comparison_table_from_rfc_9110() {
        let rows = [
            ("W/\"1\"", "W/\"1\"", false, true),
            ("W/\"1\"", "W/\"2\"", false, false),
            ("W/\"1\"", "\"1\"", false, true),
            ("\"1\"", "\"1\"", true, true),
        ];
        for (a, b, strong, weak) in rows {
            let (a, b) = (tag(a), tag(b));
            assert_eq!(strong_compare(&a, &b), strong, "{a} {b}");
            assert_eq!(strong_compare(&b, &a), strong, "{b} {a}");
            assert_eq!(weak_compare(&a, &b), weak, "{a} {b}");
            assert_eq!(weak_compare(&b, &a), weak, "{b} {a}");
        }
    }

    #[test]
    fn lists_from_rfc_examples() {
        let list = |text| parse_entity_tag_list(text).unwrap();
        assert_eq!(list("*"), EntityTagList::Any);
        assert_eq!(list(" * "), EntityTagList::Any);
        assert_eq!(list("\"xyzzy\""), EntityTagList::Tags(vec![EntityTag::strong("xyzzy")]));
        assert_eq!(
            list("\"xyzzy\", \"r2d2xxxx\", \"c3piozzzz\""),
            EntityTagList::Tags(vec![
                EntityTag::strong("xyzzy"),
                EntityTag::strong("r2d2xxxx"),
                EntityTag::strong("c3piozzzz"),
            ])
        );
        assert_eq!(
            list("W/\"xyzzy\", W/\"r2d2xxxx\", W/\"c3piozzzz\""),
            EntityTagList::Tags(vec![
                EntityTag::weak("xyzzy"),
                EntityTag::weak("r2d2xxxx"),
                EntityTag::weak("c3piozzzz"),
            ])
        );
    }

    #[test]
    fn lists_keep_commas_in_tags_and_skip_empty_elements() {
        let parsed = parse_entity_tag_list(", \"a,b\",,W/\"c\" ,").unwrap();
        assert_eq!(
            parsed,
            EntityTagList::Tags(vec![EntityTag::strong("a,b"), EntityTag::weak("c")])
        );
        assert_eq!(parse_entity_tag_list(""), Ok(EntityTagList::Tags(vec![])));
        assert_eq!(parse_entity_tag_list(" , "), Ok(EntityTagList::Tags(vec![])));
    }

    #[test]
    fn invalid_lists() {
        let error = |text| parse_entity_tag_list(text).unwrap_err();
        assert_eq!(error("\"a\", *").kind, EtagErrorKind::MisplacedWildcard);
        assert_eq!(error("*, \"a\"").kind, EtagErrorKind::MisplacedWildcard);
        assert_eq!(error("\"a\" \"b\"").kind, EtagErrorKind::MissingComma);
        assert_eq!(error("\"a\" \"b\"").message, "expected \",\" after \"a\", found \"\\\"b\\\"\"");
        let second = error("\"a\", w/\"b\"");
        assert_eq!(second.kind, EtagErrorKind::LowercaseWeakPrefix);
        assert!(second.message.starts_with("element 2: "), "{}", second.message);
        assert_eq!(second.lenient_reading, Some(EntityTag::weak("b")));
        assert_eq!(error("abc, def").lenient_reading, Some(EntityTag::strong("abc")));
    }

    #[test]
    fn list_matching() {
        let current = EntityTag::strong("1");
        let weak_current = EntityTag::weak("1");
        let list = parse_entity_tag_list("W/\"1\", \"2\"").unwrap();
        assert!(!list.matches_strong(&current));
        assert!(list.matches_weak(&current));
        assert!(list.matches_weak(&weak_current));
        let strong = parse_entity_tag_list("\"1\"").unwrap();
        assert!(strong.matches_strong(&current));
        assert!(!strong.matches_strong(&weak_current));
        assert!(EntityTagList::Any.matches_strong(&weak_current));
        assert!(!EntityTagList::Tags(vec![]).matches_weak(&current));
    }
}
