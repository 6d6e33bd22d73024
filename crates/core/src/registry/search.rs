//! Finding codes by number, name or the words people use ("rate limit",
//! "moved", "login", "too big").
//!
//! The index is a lower-cased copy of each entry's searchable text, built
//! once. Ranking is a fixed, explainable order rather than a tuned relevance
//! model: a code typed as a number wins, then the name, then former names and
//! curated keywords, then words anywhere in the prose. With about a hundred
//! entries a linear scan takes microseconds.

use super::model::{RegistryData, StatusEntry};
use super::text::normalise;

/// Why an entry matched, shown to the user next to the hit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchKind {
    /// The query is the code, or the start of it ("42" → 420–429).
    Code,
    /// The query names the class ("4xx").
    Class,
    Name,
    /// A reason phrase the code used to have ("Payload Too Large").
    FormerName,
    /// A curated search word of the entry ("throttle").
    Keyword,
    /// Every word of the query appears somewhere in the entry's prose.
    Text,
}

#[derive(Debug, Clone, Copy)]
pub struct SearchHit<'a> {
    pub entry: &'a StatusEntry,
    pub kind: MatchKind,
    score: u32,
}

#[derive(Debug)]
pub(super) struct Index {
    pub(super) docs: &'static [SearchDoc],
}

/// One entry's searchable text, normalised by `build.rs` with the same
/// functions (`text.rs`) that normalise the query.
#[derive(Debug)]
pub struct SearchDoc {
    pub code: &'static str,
    pub name: &'static str,
    pub former_names: &'static [&'static str],
    pub keywords: &'static [&'static str],
    /// Distinct words, each preceded by a space (" too many requests"), so
    /// that "a word starts with the token" is `contains(" token")`.
    pub name_words: &'static str,
    pub keyword_words: &'static str,
    pub summary_words: &'static str,
    pub prose_words: &'static str,
}

/// Words too common to narrow a search down.
const STOPWORDS: &[&str] = &[
    "a", "an", "the", "to", "of", "is", "in", "on", "for", "and", "or", "it", "my", "i", "be",
    "was", "with", "what", "when", "code", "status", "http",
];

/// A crude English stem so that "limits", "limited" and "limit" meet.
fn stem(word: &str) -> &str {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(stripped) = word.strip_suffix(suffix) {
            if stripped.len() >= 4 {
                return stripped;
            }
        }
    }
    word
}

/// Whether some word of `field` (in the " w1 w2" layout) starts with the
/// token or with its stem; `needles` are " token" and " stem".
fn field_matches(field: &str, needles: &[String; 2]) -> bool {
    needles.iter().any(|needle| field.contains(needle.as_str()))
}

impl Index {
    pub(super) fn search<'a>(&self, data: &'a RegistryData, query: &str) -> Vec<SearchHit<'a>> {
        let query = normalise(query);
        if query.is_empty() {
            return Vec::new();
        }
        let mut hits: Vec<SearchHit<'a>> = self
            .docs
            .iter()
            .zip(data.codes.iter())
            .filter_map(|(doc, entry)| {
                let (kind, score) = score(doc, &query)?;
                Some(SearchHit { entry, kind, score })
            })
            .collect();
        // On equal scores the registered code comes first: someone typing
        // "rate limit" wants 429 before Twitter's old 420.
        hits.sort_by(|a, b| {
            b.score
                .cmp(&a.score)
                .then(
                    a.entry
                        .registration
                        .is_in_iana_registry()
                        .cmp(&b.entry.registration.is_in_iana_registry())
                        .reverse(),
                )
                .then(a.entry.code.cmp(&b.entry.code))
        });
        hits
    }
}

fn class_query(query: &str) -> Option<char> {
    let mut chars = query.chars();
    let digit = chars.next().filter(|d| ('1'..='5').contains(d))?;
    let rest = chars.as_str();
    (rest == "xx").then_some(digit)
}

fn score(doc: &SearchDoc, query: &str) -> Option<(MatchKind, u32)> {
    if query.bytes().all(|b| b.is_ascii_digit()) {
        return if doc.code == query {
            Some((MatchKind::Code, 1000))
        } else if doc.code.starts_with(query) {
            Some((MatchKind::Code, 900))
        } else {
            None
        };
    }
    if let Some(digit) = class_query(query) {
        return doc.code.starts_with(digit).then_some((MatchKind::Class, 900));
    }
    if doc.name == query {
        return Some((MatchKind::Name, 880));
    }
    if doc.former_names.contains(&query) {
        return Some((MatchKind::FormerName, 860));
    }
    if doc.keywords.contains(&query) {
        return Some((MatchKind::Keyword, 840));
    }
    if doc.name.starts_with(query) {
        return Some((MatchKind::Name, 820));
    }
    if doc.name.contains(query) {
        return Some((MatchKind::Name, 780));
    }
    if doc.former_names.iter().any(|n| n.contains(query)) {
        return Some((MatchKind::FormerName, 760));
    }
    if doc.keywords.iter().any(|k| k.starts_with(query)) {
        return Some((MatchKind::Keyword, 740));
    }
    if doc.keywords.iter().any(|k| k.contains(query)) {
        return Some((MatchKind::Keyword, 700));
    }
    text_score(doc, query)
}

/// Every meaningful word of the query must appear somewhere; where it appears
/// decides the weight.
fn text_score(doc: &SearchDoc, query: &str) -> Option<(MatchKind, u32)> {
    let tokens: Vec<&str> = query.split(' ').filter(|t| !STOPWORDS.contains(t)).collect();
    if tokens.is_empty() {
        return None;
    }
    let mut total = 0;
    let mut best_kind = MatchKind::Text;
    for token in tokens {
        let needles = [format!(" {token}"), format!(" {}", stem(token))];
        let in_field = |field: &str| field_matches(field, &needles);
        let (kind, weight) = if in_field(doc.name_words) {
            (MatchKind::Name, 60)
        } else if in_field(doc.keyword_words) {
            (MatchKind::Keyword, 50)
        } else if in_field(doc.summary_words) {
            (MatchKind::Text, 20)
        } else if in_field(doc.prose_words) {
            (MatchKind::Text, 8)
        } else {
            return None;
        };
        if weight >= 50 && best_kind == MatchKind::Text {
            best_kind = kind;
        }
        total += weight;
    }
    Some((best_kind, total))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_meet() {
        assert_eq!(stem("limits"), "limit");
        assert_eq!(stem("limited"), "limit");
        assert_eq!(stem("moved"), "moved", "too short to stem safely");
        assert_eq!(stem("is"), "is");
    }

    #[test]
    fn class_queries() {
        assert_eq!(class_query("4xx"), Some('4'));
        assert_eq!(class_query("6xx"), None);
        assert_eq!(class_query("4x"), None);
    }

    #[test]
    fn build_time_index_matches_run_time_normalisation() {
        let registry = crate::registry::Registry::global();
        for (doc, entry) in registry.index.docs.iter().zip(registry.entries()) {
            assert_eq!(doc.code, entry.code.to_string());
            assert_eq!(doc.name, normalise(&entry.name));
            let words: String =
                super::super::text::words(&entry.name).iter().map(|w| format!(" {w}")).collect();
            assert_eq!(doc.name_words, words);
        }
        assert_eq!(registry.index.docs.len(), registry.entries().len());
    }

    #[test]
    fn normalising_drops_punctuation_and_case() {
        assert_eq!(normalise("  Too-Many   Requests! "), "too many requests");
    }
}
