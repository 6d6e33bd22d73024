//! Registered HTTP field names, for autocompletion (`data/field-names.txt`).

const FIELD_NAMES: &str = include_str!("../../../data/field-names.txt");

/// The names, in file order, without comments.
pub fn field_names() -> impl Iterator<Item = &'static str> {
    FIELD_NAMES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    #[test]
    fn names_are_tokens_and_unique() {
        let names: Vec<&str> = super::field_names().collect();
        assert!(names.len() > 80);
        for (i, name) in names.iter().enumerate() {
            assert!(name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'), "{name}");
            assert!(!names[..i].iter().any(|n| n.eq_ignore_ascii_case(name)), "{name} twice");
        }
    }
}
