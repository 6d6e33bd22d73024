//! Parsers for header field values that more than one analysis needs.
//!
//! Lint judges how a value is written, the cache analysis (RFC 9111) and the
//! retry analysis act on what it means; both must read a value the same way,
//! or the tool would contradict itself (a Retry-After lint calls valid what
//! the retry timeline cannot use). So the parsers live here, once, and return
//! both the meaning and everything noteworthy about the spelling: lenient
//! readings, obsolete forms, duplicates. Callers decide severity.
//!
//! Nothing here reads the clock; "now" is always an argument.

pub mod cache_control;
pub mod date;
pub mod etag;
pub mod list;
pub mod retry_after;

pub use cache_control::{
    parse_cache_control, CacheControl, CacheControlProblem, CacheControlProblemKind,
    DeltaDirective, DeltaValue, Directive, Qualified, Side,
};
pub use date::{
    format_imf_fixdate, parse_http_date, DateError, DateErrorKind, DateForm, DateNote, ParsedDate,
    Timestamp, TwoDigitYearRule, Weekday,
};
pub use etag::{
    parse_entity_tag, parse_entity_tag_list, strong_compare, weak_compare, EntityTag,
    EntityTagList, EtagError, EtagErrorKind,
};
pub use list::{parse_delta_seconds, split_list, DeltaSeconds, DeltaSecondsError};
pub use retry_after::{
    parse_retry_after, resolve_delay, Resolved, RetryAfter, RetryAfterError, RetryAfterErrorKind,
    WaitBase,
};

#[cfg(test)]
mod tests {
    use super::*;

    const SEEDS: [&str; 8] = [
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "120",
        "no-cache=\"Set-Cookie, Authorization\", max-age=60, private",
        "W/\"xyzzy\", \"r2d2xxxx\"",
        "*",
        "a=\"b\\\"c\", ,d",
    ];

    /// Characters that stress the parsers: separators, quotes, escapes,
    /// digits, signs and multi-byte text.
    const ALPHABET: [char; 16] =
        ['"', '\\', ',', '=', ' ', '\t', '-', '.', ':', '0', '9', 'W', '/', 'é', '\u{0}', '*'];

    fn mutations() -> Vec<String> {
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        let mut out = Vec::new();
        for seed in SEEDS {
            for _ in 0..400 {
                let mut chars: Vec<char> = seed.chars().collect();
                for _ in 0..1 + next() % 4 {
                    let at = (next() as usize) % (chars.len() + 1);
                    let c = ALPHABET[(next() as usize) % ALPHABET.len()];
                    match next() % 3 {
                        0 => chars.insert(at, c),
                        1 if at < chars.len() => {
                            chars.remove(at);
                        }
                        _ if at < chars.len() => chars[at] = c,
                        _ => chars.push(c),
                    }
                }
                out.push(chars.into_iter().collect());
            }
        }
        out
    }

    #[test]
    fn no_parser_panics_on_mutated_input() {
        let now = Some(Timestamp(1_750_000_000));
        let mut dates = 0;
        for text in mutations() {
            if let Ok(date) = parse_http_date(&text, now) {
                dates += 1;
                assert_eq!(parse_http_date(&date.imf_fixdate(), None).unwrap().timestamp, {
                    date.timestamp.clamp(Timestamp::MIN_HTTP, Timestamp::MAX_HTTP)
                });
            }
            if let Ok(retry) = parse_retry_after(&text, now) {
                let resolved = resolve_delay(&retry, now, Timestamp(0));
                assert_eq!(resolved.huge, resolved.wait_seconds > 365 * 86_400);
            }
            for side in [Side::Request, Side::Response] {
                let cc = parse_cache_control([text.as_str()], side);
                assert!(cc.directives.iter().all(|d| d.name == d.raw_name.to_ascii_lowercase()));
            }
            let _ = parse_entity_tag(&text);
            let _ = parse_entity_tag_list(&text);
            let _ = parse_delta_seconds(&text);
            let list = split_list(&text);
            assert!(list.elements.iter().all(|e| !e.is_empty()));
        }
        // The mutations must also produce valid dates, or the round trip
        // above tests nothing.
        assert!(dates >= 10, "{dates}");
    }
}
