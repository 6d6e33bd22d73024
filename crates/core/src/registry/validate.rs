//! Consistency rules for the registry data, run by `build.rs` on every build
//! (a broken data file is a compile error) and by the tests.
//!
//! Like `model.rs`, this file is compiled into the build script as well as the
//! library, so it may use only `model` and `std`.

use super::model::{Registration, RegistryData, SpecRef};

/// The status codes defined as cacheable by default ("heuristically
/// cacheable", RFC 9111 §4.2.2): the twelve RFC 9110 §15.1 lists, plus 451,
/// whose own definition says so (RFC 7725 §3).
pub const HEURISTICALLY_CACHEABLE: [u16; 13] =
    [200, 203, 204, 206, 300, 301, 308, 404, 405, 410, 414, 451, 501];

/// Every problem found in `data`, one human-readable line each; empty when the
/// data is consistent.
/// "2026-11-13": four, two and two digits with dashes, month and day in range.
pub fn is_iso_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let number = |part: &str, len: usize| {
        (part.len() == len && part.bytes().all(|b| b.is_ascii_digit()))
            .then(|| part.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [year, month, day] => {
            number(year, 4).is_some()
                && number(month, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(day, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

pub fn problems(data: &RegistryData) -> Vec<String> {
    let mut problems = Vec::new();
    let mut previous: Option<u16> = None;
    for entry in data.codes.iter() {
        let code = entry.code;
        let mut fail = |message: String| problems.push(format!("{code}: {message}"));
        if !(100..=599).contains(&code) {
            fail("code must be within 100-599".into());
        }
        if let Some(before) = previous {
            if code <= before {
                fail(format!(
                    "entries must be in ascending order without repeats (after {before})"
                ));
            }
        }
        previous = Some(code);
        let unofficial = entry.registration == Registration::Unofficial;
        if unofficial != entry.origin.is_some() {
            fail("`origin` is required for unofficial codes and only for them".into());
        }
        let temporary = entry.registration == Registration::Temporary;
        match &entry.temporary_until {
            Some(date) if !is_iso_date(date) => {
                fail(format!("temporary_until must be a date YYYY-MM-DD, got {date:?}"))
            }
            Some(_) if !temporary => {
                fail("temporary_until is only for temporary registrations".into())
            }
            None if temporary => {
                fail("a temporary registration needs temporary_until (its listed expiry)".into())
            }
            _ => {}
        }
        let expected_cacheable = !unofficial && HEURISTICALLY_CACHEABLE.contains(&code);
        if entry.heuristically_cacheable != expected_cacheable {
            fail(format!(
                "heuristically_cacheable must be {expected_cacheable} (RFC 9110 §15.1, RFC 7725 §3)"
            ));
        }
        for (field, text) in [
            ("name", &entry.name),
            ("summary", &entry.summary),
            ("meaning", &entry.meaning),
            ("retry", &entry.retry),
        ] {
            if text.trim().is_empty() {
                fail(format!("`{field}` is empty"));
            }
        }
        for (field, items) in [("use_when", &entry.use_when), ("avoid_when", &entry.avoid_when)] {
            if !(1..=4).contains(&items.len()) {
                fail(format!("`{field}` needs 1 to 4 items, has {}", items.len()));
            }
        }
        for keyword in entry.keywords.iter() {
            if keyword.to_lowercase() != keyword.as_ref() {
                fail(format!("keyword {keyword:?} must be lower-case"));
            }
        }
        let mut specs: Vec<&SpecRef> = vec![&entry.spec];
        specs.extend(entry.headers.iter().map(|h| &h.spec));
        specs.extend(entry.myths.iter().map(|m| &m.spec));
        for spec in specs {
            if !spec.url.starts_with("https://") {
                fail(format!("spec link {:?} must be an https URL", spec.url));
            }
        }
        let mut mentioned: Vec<u16> = entry.related.to_vec();
        mentioned.extend(entry.confusions.iter().flat_map(|c| c.versus.iter().copied()));
        for other in mentioned {
            if other == code || !data.codes.iter().any(|e| e.code == other) {
                fail(format!("refers to {other}, which is not another entry in the registry"));
            }
        }
    }
    let digits: Vec<u8> = data.classes.iter().map(|c| c.digit).collect();
    if digits != [1, 2, 3, 4, 5] {
        problems.push(format!("classes must be exactly 1..=5 in order, found {digits:?}"));
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::registry::Registry;

    fn shipped() -> RegistryData {
        Registry::global().data().clone()
    }

    #[test]
    fn the_shipped_data_is_consistent() {
        assert_eq!(problems(&shipped()), Vec::<String>::new());
    }

    #[test]
    fn each_rule_catches_its_defect() {
        let mut data = shipped();
        let codes = data.codes.to_mut();
        codes.swap(0, 1);
        codes[2].heuristically_cacheable = !codes[2].heuristically_cacheable;
        codes[3].origin = Some("somebody".into());
        codes[4].use_when = Vec::new().into();
        codes[5].keywords = vec!["Upper".into()].into();
        codes[6].spec.url = "http://insecure.example".into();
        codes[7].related = vec![999].into();
        codes[8].summary = " ".into();
        data.classes.to_mut().pop();
        let found = problems(&data);
        for expected in [
            "ascending order",
            "heuristically_cacheable must be",
            "`origin` is required",
            "`use_when` needs 1 to 4 items",
            "must be lower-case",
            "must be an https URL",
            "refers to 999",
            "`summary` is empty",
            "classes must be exactly",
        ] {
            assert!(found.iter().any(|p| p.contains(expected)), "{expected:?} not in {found:#?}");
        }
    }
}
