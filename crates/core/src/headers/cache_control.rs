//! Cache-Control (RFC 9111 §5.2): `#( token [ "=" ( token / quoted-string ) ] )`.
//!
//! Parsing keeps every directive as written and collects problems instead of
//! failing, because a cache must still act on the rest of the field and lint
//! wants to report all of them. The typed accessors read the directives the
//! way RFC 9111 asks a cache to; when a choice is left to the cache (a
//! duplicated `max-age`) they expose the fact and let the caller decide.

use serde::Serialize;

use super::list::{
    is_token, parse_delta_seconds, parse_quoted_string, split_list, trim_ows, DELTA_SECONDS_CAP,
};

/// Whether the field came with a request or a response: the directive sets
/// differ (RFC 9111 §5.2.1, §5.2.2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Side {
    Request,
    Response,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Directive {
    /// Lower-cased, since directive names are case-insensitive.
    pub name: String,
    pub raw_name: String,
    /// The argument, with quotes and escapes removed when it was quoted.
    pub value: Option<String>,
    pub quoted: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CacheControl {
    pub side: Side,
    /// In field order, duplicates included.
    pub directives: Vec<Directive>,
    pub problems: Vec<CacheControlProblem>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CacheControlProblemKind {
    /// Not `token [ "=" ( token / quoted-string ) ]`; an element whose name
    /// is not a token is dropped.
    Syntax,
    /// `max-age = 5`: the grammar has no whitespace around `=`, but the
    /// intent is clear, so the directive is read.
    SpaceAroundEquals,
    /// Stray commas (RFC 9110 §5.6.1): ignored, but senders must not send them.
    EmptyElements,
    /// An argument on a directive that takes none (`no-store=5`); the
    /// directive still counts, as the more restrictive reading.
    UnexpectedValue,
    MissingValue,
    /// Not delta-seconds: negative, fractional, empty or not a number.
    InvalidDeltaSeconds,
    /// `max-age="60"`: senders MUST NOT quote (RFC 9111 §5.2.1.1, §5.2.2.1),
    /// recipients ought to accept it (§5.2); the value is used.
    QuotedDeltaSeconds,
    /// `no-cache=Set-Cookie`: senders SHOULD NOT use the token form
    /// (RFC 9111 §5.2.2.4, §5.2.2.7); the value is used.
    UnquotedFieldList,
    /// More than 2^31 seconds, read as 2^31 (RFC 9111 §1.2.2). Informational.
    DeltaSecondsCapped,
    Duplicate,
    /// `public` with `private`.
    Conflict,
    /// A request-only directive in a response or the reverse.
    WrongSide,
    /// Not in the IANA Cache Directive Registry. Informational: extensions
    /// are allowed and ignored by caches that do not know them (§5.2.3).
    UnknownDirective,
}

impl CacheControlProblemKind {
    /// Problems that describe the field rather than fault it.
    pub fn is_informational(self) -> bool {
        matches!(
            self,
            CacheControlProblemKind::UnknownDirective | CacheControlProblemKind::DeltaSecondsCapped
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CacheControlProblem {
    pub kind: CacheControlProblemKind,
    /// The lower-cased directive name concerned, if any.
    pub directive: Option<String>,
    pub message: String,
}

/// A delta-seconds directive's value as a cache reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DeltaValue {
    /// Capped at 2^31 (RFC 9111 §1.2.2).
    Seconds(u64),
    /// No argument: an error for most directives, "any staleness" for
    /// `max-stale`.
    Missing,
    /// Not delta-seconds; RFC 9111 §4.2.1 encourages treating invalid
    /// freshness information as stale.
    Invalid,
}

/// A delta-seconds directive: the first occurrence's value, and whether
/// there were more. RFC 9111 §4.2.1 lets a cache either use the first
/// occurrence or consider the response stale, so callers choose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct DeltaDirective {
    pub value: DeltaValue,
    pub duplicate: bool,
}

impl DeltaDirective {
    pub fn seconds(&self) -> Option<u64> {
        match self.value {
            DeltaValue::Seconds(seconds) => Some(seconds),
            DeltaValue::Missing | DeltaValue::Invalid => None,
        }
    }
}

/// `no-cache` and `private` in a response may name the fields they apply
/// to (RFC 9111 §5.2.2.4, §5.2.2.7).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Qualified {
    None,
    /// Applies to the whole response.
    Plain,
    /// Applies to these fields only, as written (field names are
    /// case-insensitive).
    Fields(Vec<String>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Argument {
    NoValue,
    Seconds,
    OptionalSeconds,
    OptionalFieldList,
}

/// A registered directive and the argument it takes on each side; `None`
/// where the directive is not defined for that side.
struct Known {
    name: &'static str,
    request: Option<Argument>,
    response: Option<Argument>,
}

impl Known {
    fn argument(&self, side: Side) -> Option<Argument> {
        match side {
            Side::Request => self.request,
            Side::Response => self.response,
        }
    }
}

const fn known(name: &'static str, request: Option<Argument>, response: Option<Argument>) -> Known {
    Known { name, request, response }
}

const NO_VALUE: Option<Argument> = Some(Argument::NoValue);
const SECONDS: Option<Argument> = Some(Argument::Seconds);

/// The IANA Cache Directive Registry: RFC 9111 §5.2.1 and §5.2.2, RFC 8246
/// (immutable) and RFC 5861 (stale-while-revalidate, stale-if-error).
const KNOWN: [Known; 16] = [
    known("max-age", SECONDS, SECONDS),
    known("max-stale", Some(Argument::OptionalSeconds), None),
    known("min-fresh", SECONDS, None),
    known("no-cache", NO_VALUE, Some(Argument::OptionalFieldList)),
    known("no-store", NO_VALUE, NO_VALUE),
    known("no-transform", NO_VALUE, NO_VALUE),
    known("only-if-cached", NO_VALUE, None),
    known("must-revalidate", None, NO_VALUE),
    known("must-understand", None, NO_VALUE),
    known("private", None, Some(Argument::OptionalFieldList)),
    known("proxy-revalidate", None, NO_VALUE),
    known("public", None, NO_VALUE),
    known("s-maxage", None, SECONDS),
    known("immutable", None, NO_VALUE),
    known("stale-while-revalidate", None, SECONDS),
    known("stale-if-error", SECONDS, SECONDS),
];

fn lookup(name: &str) -> Option<&'static Known> {
    KNOWN.iter().find(|known| known.name == name)
}

/// Parses one or more Cache-Control field lines, which together form one
/// list (RFC 9110 §5.3). Accepts `&[&str]`, `[&str; N]`, `Vec<String>` and
/// the like.
pub fn parse_cache_control<I>(lines: I, side: Side) -> CacheControl
where
    I: IntoIterator,
    I::Item: AsRef<str>,
{
    let mut directives = Vec::new();
    let mut problems = Vec::new();
    let mut empty = 0;
    for line in lines {
        let list = split_list(line.as_ref());
        empty += list.empty;
        for element in list.elements {
            if let Some(directive) = parse_element(element, &mut problems) {
                directives.push(directive);
            }
        }
    }
    if empty > 0 {
        let plural = if empty == 1 { "" } else { "s" };
        problems.push(problem(
            CacheControlProblemKind::EmptyElements,
            None,
            format!(
                "{empty} empty list element{plural} (stray commas): recipients ignore them, but \
                 senders MUST NOT generate them (RFC 9110 §5.6.1.1)"
            ),
        ));
    }
    check_directives(&directives, side, &mut problems);
    CacheControl { side, directives, problems }
}

fn problem(
    kind: CacheControlProblemKind,
    directive: Option<&str>,
    message: String,
) -> CacheControlProblem {
    CacheControlProblem { kind, directive: directive.map(str::to_string), message }
}

fn parse_element(element: &str, problems: &mut Vec<CacheControlProblem>) -> Option<Directive> {
    let (name_part, argument) = match element.split_once('=') {
        Some((name, argument)) => (name, Some(argument)),
        None => (element, None),
    };
    let raw_name = trim_ows(name_part);
    if !is_token(raw_name) {
        problems.push(problem(
            CacheControlProblemKind::Syntax,
            None,
            format!("{element:?} is not a directive: names are tokens such as \"max-age\""),
        ));
        return None;
    }
    let name = raw_name.to_ascii_lowercase();
    let Some(argument) = argument else {
        return Some(Directive {
            name,
            raw_name: raw_name.to_string(),
            value: None,
            quoted: false,
        });
    };
    let text = trim_ows(argument);
    if raw_name.len() != name_part.len() || text.len() != argument.len() {
        problems.push(problem(
            CacheControlProblemKind::SpaceAroundEquals,
            Some(&name),
            format!(
                "{element:?} has whitespace around \"=\", which the grammar does not allow; \
                 read as {raw_name}={text}"
            ),
        ));
    }
    let (value, quoted) = parse_argument(&name, text, problems);
    Some(Directive { name, raw_name: raw_name.to_string(), value: Some(value), quoted })
}

/// Reads `token / quoted-string`. An empty token is left for the argument
/// checks, which can say what the directive needed.
fn parse_argument(
    name: &str,
    text: &str,
    problems: &mut Vec<CacheControlProblem>,
) -> (String, bool) {
    let Some(quoted) = parse_quoted_string(text) else {
        if !text.is_empty() && !is_token(text) {
            problems.push(problem(
                CacheControlProblemKind::Syntax,
                Some(name),
                format!("the {name} argument {text:?} is neither a token nor a quoted string"),
            ));
        }
        return (text.to_string(), false);
    };
    if !quoted.terminated {
        problems.push(problem(
            CacheControlProblemKind::Syntax,
            Some(name),
            format!("the {name} argument {text} has no closing double quote"),
        ));
    } else if !quoted.rest.is_empty() {
        problems.push(problem(
            CacheControlProblemKind::Syntax,
            Some(name),
            format!("unexpected {:?} after the quoted {name} argument", quoted.rest),
        ));
    }
    (quoted.content, true)
}

fn check_directives(directives: &[Directive], side: Side, problems: &mut Vec<CacheControlProblem>) {
    for (index, directive) in directives.iter().enumerate() {
        let first = directives.iter().position(|d| d.name == directive.name) == Some(index);
        let known = lookup(&directive.name);
        // On the wrong side, judge the argument by the side it belongs to.
        let argument = known.and_then(|k| k.argument(side).or(k.request).or(k.response));
        if first {
            check_name(directive, known, side, problems);
            check_duplicates(directive, directives, argument, problems);
        }
        if let Some(argument) = argument {
            check_argument(directive, argument, problems);
        } else if directive.value.as_deref() == Some("") && !directive.quoted {
            problems.push(problem(
                CacheControlProblemKind::Syntax,
                Some(&directive.name),
                format!("{}= has \"=\" but no argument", directive.raw_name),
            ));
        }
    }
    let has = |name: &str| directives.iter().any(|d| d.name == name);
    if side == Side::Response && has("public") && has("private") {
        problems.push(problem(
            CacheControlProblemKind::Conflict,
            Some("private"),
            "public and private contradict each other; caches should honour the more \
             restrictive private (RFC 9111 §4.2.1)"
                .into(),
        ));
    }
}

fn check_name(
    directive: &Directive,
    known: Option<&Known>,
    side: Side,
    problems: &mut Vec<CacheControlProblem>,
) {
    let name = &directive.name;
    let Some(known) = known else {
        let hint = suggestion(name).map(|s| format!(" (did you mean {s}?)")).unwrap_or_default();
        problems.push(problem(
            CacheControlProblemKind::UnknownDirective,
            Some(name),
            format!(
                "{} is an extension directive{hint}; caches that do not understand it ignore it \
                 (RFC 9111 §5.2.3)",
                directive.raw_name
            ),
        ));
        return;
    };
    if known.argument(side).is_none() {
        let (belongs, here) = match side {
            Side::Request => ("response", "request"),
            Side::Response => ("request", "response"),
        };
        problems.push(problem(
            CacheControlProblemKind::WrongSide,
            Some(name),
            format!("{name} is a {belongs} directive; in a {here} it has no defined meaning"),
        ));
    }
}

/// Catches the common misspellings (`maxage`, `s-max-age`, `no_cache`).
fn suggestion(name: &str) -> Option<&'static str> {
    let squash = |text: &str| text.replace(['-', '_'], "");
    let squashed = squash(name);
    KNOWN.iter().map(|known| known.name).find(|known| squash(known) == squashed)
}

fn check_duplicates(
    directive: &Directive,
    directives: &[Directive],
    argument: Option<Argument>,
    problems: &mut Vec<CacheControlProblem>,
) {
    let name = &directive.name;
    let same: Vec<&Directive> = directives.iter().filter(|d| &d.name == name).collect();
    if same.len() < 2 {
        return;
    }
    let count = same.len();
    let message = match argument {
        Some(Argument::Seconds | Argument::OptionalSeconds) => {
            let values: Vec<&str> =
                same.iter().map(|d| d.value.as_deref().unwrap_or("no value")).collect();
            format!(
                "{name} appears {count} times ({}); a cache either uses the first or treats the \
                 response as stale (RFC 9111 §4.2.1)",
                values.join(", ")
            )
        }
        Some(Argument::OptionalFieldList) => format!(
            "{name} appears {count} times; read together, an unqualified one wins and field \
             lists are combined"
        ),
        Some(Argument::NoValue) | None => {
            format!("{name} appears {count} times; once has the same effect")
        }
    };
    problems.push(problem(CacheControlProblemKind::Duplicate, Some(name), message));
}

fn check_argument(
    directive: &Directive,
    argument: Argument,
    problems: &mut Vec<CacheControlProblem>,
) {
    let name = directive.name.as_str();
    match (argument, directive.value.as_deref()) {
        (Argument::NoValue, Some(_)) => problems.push(problem(
            CacheControlProblemKind::UnexpectedValue,
            Some(name),
            format!(
                "{name} takes no argument; \"={}\" is ignored and {name} still applies",
                written_value(directive)
            ),
        )),
        (Argument::Seconds, None) => problems.push(problem(
            CacheControlProblemKind::MissingValue,
            Some(name),
            format!("{name} needs a number of seconds, e.g. {name}=60"),
        )),
        (Argument::Seconds | Argument::OptionalSeconds, Some(value)) => {
            check_seconds(directive, value, problems);
        }
        (Argument::OptionalFieldList, Some(value)) => check_field_list(directive, value, problems),
        (Argument::NoValue | Argument::OptionalSeconds | Argument::OptionalFieldList, None) => {}
    }
}

fn written_value(directive: &Directive) -> String {
    let value = directive.value.as_deref().unwrap_or("");
    if directive.quoted {
        format!("\"{value}\"")
    } else {
        value.to_string()
    }
}

fn check_seconds(directive: &Directive, value: &str, problems: &mut Vec<CacheControlProblem>) {
    let name = directive.name.as_str();
    let delta = match parse_delta_seconds(value) {
        Ok(delta) => delta,
        Err(error) => {
            problems.push(problem(
                CacheControlProblemKind::InvalidDeltaSeconds,
                Some(name),
                format!("{name}={}: {error}", written_value(directive)),
            ));
            return;
        }
    };
    if directive.quoted {
        problems.push(problem(
            CacheControlProblemKind::QuotedDeltaSeconds,
            Some(name),
            format!(
                "{name}=\"{value}\" quotes the number; senders must write {name}={value}, but \
                 recipients accept it and read {}",
                delta.seconds
            ),
        ));
    }
    if delta.clamped {
        problems.push(problem(
            CacheControlProblemKind::DeltaSecondsCapped,
            Some(name),
            format!(
                "{name}={value} is more than 2^31 seconds (about 68 years); caches read it as \
                 {DELTA_SECONDS_CAP} (RFC 9111 §1.2.2)"
            ),
        ));
    }
}

fn check_field_list(directive: &Directive, value: &str, problems: &mut Vec<CacheControlProblem>) {
    let name = directive.name.as_str();
    if !directive.quoted {
        problems.push(problem(
            CacheControlProblemKind::UnquotedFieldList,
            Some(name),
            format!("{name}={value} should be quoted: {name}=\"{value}\""),
        ));
    }
    let list = split_list(value);
    if list.elements.is_empty() {
        problems.push(problem(
            CacheControlProblemKind::Syntax,
            Some(name),
            format!(
                "{name}={} lists no field names; read as a plain {name}",
                written_value(directive)
            ),
        ));
    }
    for element in list.elements.iter().filter(|e| !is_token(e)) {
        problems.push(problem(
            CacheControlProblemKind::Syntax,
            Some(name),
            format!("{name} lists {element:?}, which is not a field name"),
        ));
    }
}

impl CacheControl {
    /// The first occurrence of a directive; `name` in any case.
    pub fn get(&self, name: &str) -> Option<&Directive> {
        self.directives.iter().find(|d| d.name.eq_ignore_ascii_case(name))
    }

    pub fn has(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    pub fn is_duplicated(&self, name: &str) -> bool {
        self.directives.iter().filter(|d| d.name.eq_ignore_ascii_case(name)).nth(1).is_some()
    }

    fn delta(&self, name: &str) -> Option<DeltaDirective> {
        let first = self.get(name)?;
        let value = match first.value.as_deref() {
            None => DeltaValue::Missing,
            Some(text) => match parse_delta_seconds(text) {
                Ok(delta) => DeltaValue::Seconds(delta.seconds),
                Err(_) => DeltaValue::Invalid,
            },
        };
        Some(DeltaDirective { value, duplicate: self.is_duplicated(name) })
    }

    /// Every occurrence read together, most restrictive first: an
    /// unqualified one (or one whose list is unusable) covers the whole
    /// response; otherwise the field lists are combined. In a request these
    /// directives take no argument, so any occurrence is `Plain`.
    fn qualified(&self, name: &str) -> Qualified {
        let mut fields: Vec<String> = Vec::new();
        let mut present = false;
        for directive in self.directives.iter().filter(|d| d.name == name) {
            present = true;
            let listed = match (self.side, directive.value.as_deref()) {
                (Side::Response, Some(value)) => field_names(value),
                _ => Vec::new(),
            };
            if listed.is_empty() {
                return Qualified::Plain;
            }
            for field in listed {
                if !fields.iter().any(|f| f.eq_ignore_ascii_case(field)) {
                    fields.push(field.to_string());
                }
            }
        }
        if present {
            Qualified::Fields(fields)
        } else {
            Qualified::None
        }
    }

    pub fn max_age(&self) -> Option<DeltaDirective> {
        self.delta("max-age")
    }

    pub fn s_maxage(&self) -> Option<DeltaDirective> {
        self.delta("s-maxage")
    }

    pub fn stale_while_revalidate(&self) -> Option<DeltaDirective> {
        self.delta("stale-while-revalidate")
    }

    pub fn stale_if_error(&self) -> Option<DeltaDirective> {
        self.delta("stale-if-error")
    }

    pub fn min_fresh(&self) -> Option<DeltaDirective> {
        self.delta("min-fresh")
    }

    /// `DeltaValue::Missing` here means the client accepts any staleness
    /// (RFC 9111 §5.2.1.2).
    pub fn max_stale(&self) -> Option<DeltaDirective> {
        self.delta("max-stale")
    }

    pub fn no_cache(&self) -> Qualified {
        self.qualified("no-cache")
    }

    pub fn private(&self) -> Qualified {
        self.qualified("private")
    }

    pub fn no_store(&self) -> bool {
        self.has("no-store")
    }

    pub fn public(&self) -> bool {
        self.has("public")
    }

    pub fn must_revalidate(&self) -> bool {
        self.has("must-revalidate")
    }

    pub fn proxy_revalidate(&self) -> bool {
        self.has("proxy-revalidate")
    }

    pub fn no_transform(&self) -> bool {
        self.has("no-transform")
    }

    pub fn immutable(&self) -> bool {
        self.has("immutable")
    }

    pub fn must_understand(&self) -> bool {
        self.has("must-understand")
    }

    pub fn only_if_cached(&self) -> bool {
        self.has("only-if-cached")
    }
}

fn field_names(value: &str) -> Vec<&str> {
    split_list(value).elements.into_iter().filter(|e| is_token(e)).collect()
}

#[cfg(test)]
mod tests {
    use super::CacheControlProblemKind as Kind;
    use super::*;

    fn response(value: &str) -> CacheControl {
        parse_cache_control([value], Side::Response)
    }

    fn request(value: &str) -> CacheControl {
        parse_cache_control([value], Side::Request)
    }

    fn kinds(cc: &CacheControl) -> Vec<Kind> {
        cc.problems.iter().map(|p| p.kind).collect()
    }

    fn seconds(value: u64) -> Option<DeltaDirective> {
        Some(DeltaDirective { value: DeltaValue::Seconds(value), duplicate: false })
    }

    #[test]
    fn typical_response() {
        let cc = response("public, max-age=3600, must-revalidate");
        assert_eq!(cc.problems, []);
        assert_eq!(cc.max_age(), seconds(3600));
        assert!(cc.public() && cc.must_revalidate());
        assert!(!cc.no_store() && !cc.immutable() && !cc.proxy_revalidate());
        assert_eq!(cc.no_cache(), Qualified::None);
        assert_eq!(cc.private(), Qualified::None);
        assert_eq!(cc.s_maxage(), None);
        assert_eq!(
            cc.directives[1],
            Directive {
                name: "max-age".into(),
                raw_name: "max-age".into(),
                value: Some("3600".into()),
                quoted: false
            }
        );
    }

    #[test]
    fn every_flag_accessor() {
        let cc = response(
            "no-store, public, must-revalidate, proxy-revalidate, no-transform, immutable, \
             must-understand",
        );
        assert_eq!(kinds(&cc), []);
        assert!(cc.no_store() && cc.public() && cc.must_revalidate() && cc.proxy_revalidate());
        assert!(cc.no_transform() && cc.immutable() && cc.must_understand());
        assert!(!cc.only_if_cached());
        assert!(request("only-if-cached").only_if_cached());
    }

    #[test]
    fn delta_accessors() {
        let cc = response("s-maxage=10, stale-while-revalidate=30, stale-if-error=60");
        assert_eq!(kinds(&cc), []);
        assert_eq!(cc.s_maxage(), seconds(10));
        assert_eq!(cc.stale_while_revalidate(), seconds(30));
        assert_eq!(cc.stale_if_error(), seconds(60));
        let req = request("min-fresh=5, max-stale=20, max-age=0, stale-if-error=1");
        assert_eq!(kinds(&req), []);
        assert_eq!(req.min_fresh(), seconds(5));
        assert_eq!(req.max_stale(), seconds(20));
        assert_eq!(req.max_age(), seconds(0));
        assert_eq!(req.max_age().unwrap().seconds(), Some(0));
    }

    #[test]
    fn max_stale_without_value_means_any() {
        let cc = request("max-stale");
        assert_eq!(cc.problems, []);
        let max_stale = cc.max_stale().unwrap();
        assert_eq!(max_stale.value, DeltaValue::Missing);
        assert_eq!(max_stale.seconds(), None);
    }

    #[test]
    fn quoted_max_age_is_read_and_flagged() {
        let cc = response("max-age=\"60\"");
        assert_eq!(cc.max_age(), seconds(60));
        assert_eq!(kinds(&cc), [Kind::QuotedDeltaSeconds]);
        assert_eq!(
            cc.problems[0].message,
            "max-age=\"60\" quotes the number; senders must write max-age=60, but recipients \
             accept it and read 60"
        );
        assert!(cc.directives[0].quoted);
    }

    #[test]
    fn duplicate_max_age_is_exposed() {
        let cc = response("max-age=60, max-age=120");
        assert_eq!(
            cc.max_age(),
            Some(DeltaDirective { value: DeltaValue::Seconds(60), duplicate: true })
        );
        assert_eq!(kinds(&cc), [Kind::Duplicate]);
        assert_eq!(cc.problems[0].directive.as_deref(), Some("max-age"));
        assert_eq!(
            cc.problems[0].message,
            "max-age appears 2 times (60, 120); a cache either uses the first or treats the \
             response as stale (RFC 9111 §4.2.1)"
        );
        assert!(cc.is_duplicated("MAX-AGE"));
        assert!(!cc.is_duplicated("public"));
    }

    #[test]
    fn duplicates_across_field_lines() {
        let cc = parse_cache_control(&["max-age=5", "no-store", "Max-Age=7"], Side::Response);
        assert!(cc.max_age().unwrap().duplicate);
        assert_eq!(cc.max_age().unwrap().seconds(), Some(5));
        assert!(cc.no_store());
        assert_eq!(kinds(&cc), [Kind::Duplicate]);
        let repeated = response("no-store, no-store");
        assert_eq!(
            repeated.problems[0].message,
            "no-store appears 2 times; once has the same effect"
        );
    }

    #[test]
    fn accepts_owned_lines() {
        let lines = vec![String::from("public"), String::from("max-age=5")];
        let cc = parse_cache_control(lines, Side::Response);
        assert!(cc.public());
        assert_eq!(cc.max_age(), seconds(5));
    }

    #[test]
    fn qualified_no_cache_and_private() {
        let cc = response("no-cache=\"Set-Cookie, Authorization\"");
        assert_eq!(cc.problems, []);
        assert_eq!(
            cc.no_cache(),
            Qualified::Fields(vec!["Set-Cookie".into(), "Authorization".into()])
        );
        assert_eq!(cc.directives[0].value.as_deref(), Some("Set-Cookie, Authorization"));

        let private = response("private=\"x\"");
        assert_eq!(private.problems, []);
        assert_eq!(private.private(), Qualified::Fields(vec!["x".into()]));
        assert_eq!(response("private").private(), Qualified::Plain);
    }

    #[test]
    fn qualified_occurrences_combine_most_restrictively() {
        let combined = response("no-cache=\"a\", no-cache=\"B, A\"");
        assert_eq!(combined.no_cache(), Qualified::Fields(vec!["a".into(), "B".into()]));
        assert_eq!(kinds(&combined), [Kind::Duplicate]);
        assert_eq!(response("no-cache=\"a\", no-cache").no_cache(), Qualified::Plain);
        let empty = response("no-cache=\"\"");
        assert_eq!(empty.no_cache(), Qualified::Plain);
        assert_eq!(kinds(&empty), [Kind::Syntax]);
    }

    #[test]
    fn token_form_field_list_is_read_and_flagged() {
        let cc = response("no-cache=Set-Cookie");
        assert_eq!(cc.no_cache(), Qualified::Fields(vec!["Set-Cookie".into()]));
        assert_eq!(kinds(&cc), [Kind::UnquotedFieldList]);
        assert_eq!(
            cc.problems[0].message,
            "no-cache=Set-Cookie should be quoted: no-cache=\"Set-Cookie\""
        );
    }

    #[test]
    fn field_list_with_bad_names() {
        let cc = response("private=\"a b, c\"");
        assert_eq!(kinds(&cc), [Kind::Syntax]);
        assert_eq!(cc.private(), Qualified::Fields(vec!["c".into()]));
    }

    #[test]
    fn request_no_cache_takes_no_argument() {
        let cc = request("no-cache=\"x\"");
        assert_eq!(kinds(&cc), [Kind::UnexpectedValue]);
        assert_eq!(cc.no_cache(), Qualified::Plain);
    }

    #[test]
    fn value_on_valueless_directive() {
        let cc = response("no-store=1");
        assert!(cc.no_store());
        assert_eq!(kinds(&cc), [Kind::UnexpectedValue]);
        assert_eq!(
            cc.problems[0].message,
            "no-store takes no argument; \"=1\" is ignored and no-store still applies"
        );
        assert_eq!(kinds(&response("public=\"yes\"")), [Kind::UnexpectedValue]);
        assert_eq!(kinds(&response("no-store=")), [Kind::UnexpectedValue]);
    }

    #[test]
    fn missing_and_invalid_delta_seconds() {
        let missing = response("max-age");
        assert_eq!(kinds(&missing), [Kind::MissingValue]);
        assert_eq!(missing.max_age().unwrap().value, DeltaValue::Missing);
        assert_eq!(
            missing.problems[0].message,
            "max-age needs a number of seconds, e.g. max-age=60"
        );

        let negative = response("max-age=-1");
        assert_eq!(kinds(&negative), [Kind::InvalidDeltaSeconds]);
        assert_eq!(negative.max_age().unwrap().value, DeltaValue::Invalid);
        assert_eq!(
            negative.problems[0].message,
            "max-age=-1: \"-1\" is negative; delta-seconds is a whole number of seconds, 0 or more"
        );

        let text = response("max-age=abc");
        assert_eq!(kinds(&text), [Kind::InvalidDeltaSeconds]);
        assert_eq!(text.max_age().unwrap().value, DeltaValue::Invalid);

        assert_eq!(kinds(&response("max-age=1.5")), [Kind::InvalidDeltaSeconds]);
        assert_eq!(kinds(&response("max-age=\"abc\"")), [Kind::InvalidDeltaSeconds]);
        assert_eq!(kinds(&response("max-age=")), [Kind::InvalidDeltaSeconds]);
        assert_eq!(response("max-age=").max_age().unwrap().value, DeltaValue::Invalid);
        assert_eq!(kinds(&response("s-maxage")), [Kind::MissingValue]);
    }

    #[test]
    fn huge_delta_seconds_read_as_two_to_the_31() {
        let cc = response("max-age=99999999999999999999");
        assert_eq!(cc.max_age(), seconds(2_147_483_648));
        assert_eq!(kinds(&cc), [Kind::DeltaSecondsCapped]);
        assert!(cc.problems[0].kind.is_informational());
    }

    #[test]
    fn names_are_case_insensitive() {
        let cc = response("Max-Age=5, NO-STORE");
        assert_eq!(cc.problems, []);
        assert_eq!(cc.max_age(), seconds(5));
        assert!(cc.no_store());
        assert_eq!(cc.directives[0].name, "max-age");
        assert_eq!(cc.directives[0].raw_name, "Max-Age");
        assert_eq!(cc.get("MAX-AGE").unwrap().value.as_deref(), Some("5"));
    }

    #[test]
    fn whitespace_around_equals_is_read_and_flagged() {
        let cc = response("max-age = 5");
        assert_eq!(cc.max_age(), seconds(5));
        assert_eq!(kinds(&cc), [Kind::SpaceAroundEquals]);
        assert_eq!(
            cc.problems[0].message,
            "\"max-age = 5\" has whitespace around \"=\", which the grammar does not allow; read \
             as max-age=5"
        );
        assert_eq!(kinds(&response("max-age =5")), [Kind::SpaceAroundEquals]);
        assert_eq!(kinds(&response("max-age=\t5")), [Kind::SpaceAroundEquals]);
    }

    #[test]
    fn empty_elements_are_skipped_and_flagged_once() {
        let cc = response(",,max-age=5,");
        assert_eq!(cc.max_age(), seconds(5));
        assert_eq!(cc.directives.len(), 1);
        assert_eq!(kinds(&cc), [Kind::EmptyElements]);
        assert!(cc.problems[0].message.starts_with("3 empty list elements"));
        let empty_field = response("");
        assert_eq!(empty_field.directives, []);
        assert_eq!(empty_field.problems, []);
    }

    #[test]
    fn directives_on_the_wrong_side() {
        let cc = response("max-stale=10, min-fresh=5, only-if-cached");
        assert_eq!(kinds(&cc), [Kind::WrongSide; 3]);
        assert_eq!(
            cc.problems[0].message,
            "max-stale is a request directive; in a response it has no defined meaning"
        );
        assert_eq!(cc.min_fresh(), seconds(5));

        let req = request(
            "public, private, s-maxage=5, must-revalidate, proxy-revalidate, must-understand, \
             immutable, stale-while-revalidate=5",
        );
        assert_eq!(kinds(&req), [Kind::WrongSide; 8]);
        assert_eq!(
            req.problems[0].message,
            "public is a response directive; in a request it has no defined meaning"
        );
        assert_eq!(kinds(&request("s-maxage=abc")), [Kind::WrongSide, Kind::InvalidDeltaSeconds]);
        assert_eq!(kinds(&request("no-store, no-transform, max-age=5, stale-if-error=5")), []);
    }

    #[test]
    fn public_with_private_conflicts() {
        let cc = response("public, private");
        assert_eq!(kinds(&cc), [Kind::Conflict]);
        assert_eq!(cc.private(), Qualified::Plain);
        assert!(cc.public());
        assert_eq!(kinds(&response("no-store, max-age=60")), []);
    }

    #[test]
    fn extensions_are_kept_and_listed_as_info() {
        // RFC 9111 §5.2.3's example extension.
        let cc = response("private, community=\"UCI\", foo");
        assert_eq!(kinds(&cc), [Kind::UnknownDirective; 2]);
        assert!(cc.problems.iter().all(|p| p.kind.is_informational()));
        assert_eq!(cc.get("community").unwrap().value.as_deref(), Some("UCI"));
        assert_eq!(
            cc.problems[0].message,
            "community is an extension directive; caches that do not understand it ignore it \
             (RFC 9111 §5.2.3)"
        );
        let misspelt = response("maxage=5, s-max-age=5, no_cache");
        let hints: Vec<bool> =
            misspelt.problems.iter().map(|p| p.message.contains("did you mean")).collect();
        assert_eq!(hints, [true, true, true]);
        assert!(misspelt.problems[0].message.contains("(did you mean max-age?)"));
        assert_eq!(kinds(&response("foo=")), [Kind::UnknownDirective, Kind::Syntax]);
    }

    #[test]
    fn syntax_errors() {
        let no_equals = response("max-age 5, public");
        assert_eq!(kinds(&no_equals), [Kind::Syntax]);
        assert_eq!(no_equals.directives.len(), 1);
        assert!(no_equals.public());

        let open = response("private=\"a, b");
        assert_eq!(kinds(&open), [Kind::Syntax]);
        assert_eq!(open.private(), Qualified::Fields(vec!["a".into(), "b".into()]));

        let after = response("private=\"a\"b");
        assert_eq!(kinds(&after), [Kind::Syntax]);

        let spaced = response("foo=a b");
        assert_eq!(kinds(&spaced), [Kind::Syntax, Kind::UnknownDirective]);

        let quoted_name = response("\"max-age\"=5");
        assert_eq!(kinds(&quoted_name), [Kind::Syntax]);
        assert_eq!(quoted_name.directives, []);
    }

    #[test]
    fn escapes_in_quoted_arguments() {
        let cc = response(r#"ext="a\"b, c", max-age=1"#);
        assert_eq!(cc.get("ext").unwrap().value.as_deref(), Some(r#"a"b, c"#));
        assert_eq!(cc.max_age(), seconds(1));
    }

    #[test]
    fn serializes_for_the_ui() {
        let cc = response("max-age=\"5\"");
        let json = serde_json::to_value(&cc).unwrap();
        assert_eq!(json["side"], "response");
        assert_eq!(json["directives"][0]["name"], "max-age");
        assert_eq!(json["problems"][0]["kind"], "quoted-delta-seconds");
        let json = serde_json::to_value(cc.max_age()).unwrap();
        assert_eq!(json, serde_json::json!({ "value": { "seconds": 5 }, "duplicate": false }));
    }
}
