//! Tell-tale signs that a response exposes internals: stack traces, SQL,
//! server file paths, credentials. One list, read by the body lint (the
//! whole body) and by the problem-details checks (each string member).

/// (lower-case sign, what it reveals).
const SIGNS: &[(&str, &str)] = &[
    ("traceback (most recent call last)", "a Python traceback"),
    ("panicked at", "a Rust panic message"),
    ("exception in thread", "a Java stack trace"),
    (".java:", "a Java stack trace"),
    ("    at ", "a stack trace"),
    ("\tat ", "a stack trace"),
    ("\n  at ", "a stack trace"),
    (".cs:line ", "a .NET stack trace"),
    ("sqlstate", "a database error"),
    ("syntax error at or near", "a SQL error"),
    ("ora-0", "an Oracle error"),
    ("insert into", "SQL text"),
    ("delete from", "SQL text"),
    ("/var/www/", "an internal file path"),
    ("/home/", "an internal file path"),
    ("/usr/src/app", "an internal file path"),
    ("/app/src/", "an internal file path"),
    ("/srv/", "an internal file path"),
    ("/opt/", "an internal file path"),
    ("node_modules/", "an internal file path"),
    ("c:\\inetpub", "an internal file path"),
    ("c:\\\\inetpub", "an internal file path"),
    ("c:\\users\\", "an internal file path"),
    ("c:\\\\users\\\\", "an internal file path"),
    ("password=", "a password"),
    ("api_key", "an API key"),
    ("begin private key", "a private key"),
    ("bearer eyj", "a bearer token"),
];

/// An AWS access key id: "AKIA" and 16 upper-case letters or digits.
fn aws_key(text: &str) -> bool {
    text.match_indices("AKIA").any(|(i, _)| {
        let rest = &text.as_bytes()[i + 4..];
        rest.len() >= 16
            && rest.iter().take(16).all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    })
}

/// What `text` exposes, each kind once, in the list's order. `lower` is
/// `text` lower-cased (callers often have it already).
pub fn exposed(text: &str, lower: &str) -> Vec<&'static str> {
    let mut found: Vec<&'static str> = Vec::new();
    let mut add = |label: &'static str| {
        if !found.contains(&label) {
            found.push(label);
        }
    };
    for (sign, label) in SIGNS {
        if lower.contains(sign) {
            add(label);
        }
    }
    // "select" alone is an English word; with a FROM after it, it is SQL.
    if lower.find("select ").is_some_and(|at| lower[at..].contains(" from ")) {
        add("SQL text");
    }
    if aws_key(text) {
        add("an AWS access key");
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    fn of(text: &str) -> Vec<&'static str> {
        exposed(text, &text.to_ascii_lowercase())
    }

    #[test]
    fn finds_each_kind_once() {
        let trace = "Traceback (most recent call last):\n  File \"/home/app/x.py\"";
        assert_eq!(of(trace), ["a Python traceback", "an internal file path"]);
        assert_eq!(of("SELECT id FROM users WHERE 1"), ["SQL text"]);
        assert_eq!(of("key AKIAABCDEFGHIJKLMNOP"), ["an AWS access key"]);
    }

    #[test]
    fn ordinary_prose_is_not_a_leak() {
        assert!(of("Please select a size before checking out.").is_empty());
        assert!(of("The order was not found.").is_empty());
        assert!(of("AKIA is short").is_empty());
    }
}
