//! Text normalisation shared by the search index, which `build.rs`
//! precomputes, and the query, which is normalised at run time: both sides
//! must split words identically. Compiled into the build script as well, so
//! it uses only `std`.

/// Lower-case, punctuation to spaces, single spaces: "Too-Many  Requests!" →
/// "too many requests".
pub fn normalise(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| if c.is_alphanumeric() { c.to_ascii_lowercase() } else { ' ' })
        .collect();
    mapped.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The distinct normalised words of `text`, in first-seen order.
#[allow(dead_code)] // used by build.rs, which includes this file, and by tests
pub fn words(text: &str) -> Vec<String> {
    let mut seen = Vec::new();
    for word in normalise(text).split(' ').filter(|w| !w.is_empty()) {
        if !seen.iter().any(|s: &String| s == word) {
            seen.push(word.to_string());
        }
    }
    seen
}
