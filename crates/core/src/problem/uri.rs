//! Just enough of RFC 3986 for `type` and `instance`: is a string a URI
//! reference (§4.1), is it absolute (§4.3), and what does it resolve to
//! against a base (§5.2).

/// Why `text` is not a URI reference, or `None` when it is one.
pub fn uri_reference_problem(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'%' {
            let ok = bytes.get(i + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(i + 2).is_some_and(u8::is_ascii_hexdigit);
            if !ok {
                return Some(format!("\"%\" at offset {i} does not start a %XX escape"));
            }
            i += 3;
            continue;
        }
        let allowed = b.is_ascii_alphanumeric() || b"-._~:/?#[]@!$&'()*+,;=".contains(&b);
        if !allowed {
            let c = text[i..].chars().next().unwrap_or('?');
            let shown = if c == ' ' { "a space".to_string() } else { format!("{c:?}") };
            return Some(format!("{shown} is not allowed in a URI; percent-encode it"));
        }
        i += 1;
    }
    // A colon before the first "/", "?" or "#" must end a scheme.
    let head_end = text.find(['/', '?', '#']).unwrap_or(text.len());
    if let Some(colon) = text[..head_end].find(':') {
        if !valid_scheme(&text[..colon]) {
            return Some(format!(
                "\"{}\" before the colon is not a valid scheme (a relative reference cannot have a colon in its first segment)",
                &text[..colon]
            ));
        }
    }
    let fragment_at = text.find('#');
    if let Some(at) = fragment_at {
        if text[at + 1..].contains('#') {
            return Some("a URI has at most one \"#\"".into());
        }
    }
    None
}

fn valid_scheme(scheme: &str) -> bool {
    let mut chars = scheme.chars();
    chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
}

/// The scheme of an absolute URI, e.g. "https" (`None` for a relative
/// reference).
pub fn scheme(text: &str) -> Option<&str> {
    let colon = text.find(':')?;
    let head_end = text.find(['/', '?', '#']).unwrap_or(text.len());
    (colon < head_end && valid_scheme(&text[..colon])).then(|| &text[..colon])
}

struct Parts<'a> {
    scheme: Option<&'a str>,
    authority: Option<&'a str>,
    path: &'a str,
    query: Option<&'a str>,
    fragment: Option<&'a str>,
}

fn split(text: &str) -> Parts<'_> {
    let (rest, fragment) = match text.split_once('#') {
        Some((a, b)) => (a, Some(b)),
        None => (text, None),
    };
    let (rest, query) = match rest.split_once('?') {
        Some((a, b)) => (a, Some(b)),
        None => (rest, None),
    };
    let (scheme_part, rest) = match scheme(rest) {
        Some(s) => (Some(s), &rest[s.len() + 1..]),
        None => (None, rest),
    };
    let (authority, path) = match rest.strip_prefix("//") {
        Some(after) => {
            let end = after.find('/').unwrap_or(after.len());
            (Some(&after[..end]), &after[end..])
        }
        None => (None, rest),
    };
    Parts { scheme: scheme_part, authority, path, query, fragment }
}

/// RFC 3986 §5.2.4.
fn remove_dot_segments(path: &str) -> String {
    let mut output: Vec<&str> = Vec::new();
    let absolute = path.starts_with('/');
    let segments: Vec<&str> = path.split('/').collect();
    let last = segments.len().saturating_sub(1);
    let mut trailing_slash = false;
    for (i, segment) in segments.iter().enumerate() {
        match *segment {
            "." => trailing_slash = i == last,
            ".." => {
                if output.len() > usize::from(absolute) {
                    output.pop();
                }
                trailing_slash = i == last;
            }
            s => {
                output.push(s);
                trailing_slash = false;
            }
        }
    }
    let mut joined = output.join("/");
    if absolute && !joined.starts_with('/') {
        joined.insert(0, '/');
    }
    if trailing_slash && !joined.ends_with('/') {
        joined.push('/');
    }
    joined
}

/// Resolves `reference` against `base` (RFC 3986 §5.2.2). The base may
/// itself lack a scheme and authority (a request target such as
/// "/orders/7"): the result is then an origin-relative path.
pub fn resolve(base: &str, reference: &str) -> String {
    let r = split(reference);
    let b = split(base);
    let (scheme, authority, path, query);
    if r.scheme.is_some() {
        scheme = r.scheme;
        authority = r.authority;
        path = remove_dot_segments(r.path);
        query = r.query;
    } else {
        scheme = b.scheme;
        if r.authority.is_some() {
            authority = r.authority;
            path = remove_dot_segments(r.path);
            query = r.query;
        } else {
            authority = b.authority;
            if r.path.is_empty() {
                path = b.path.to_string();
                query = r.query.or(b.query);
            } else {
                path = if r.path.starts_with('/') {
                    remove_dot_segments(r.path)
                } else {
                    let merged = if b.authority.is_some() && b.path.is_empty() {
                        format!("/{}", r.path)
                    } else {
                        match b.path.rfind('/') {
                            Some(cut) => format!("{}{}", &b.path[..=cut], r.path),
                            None => r.path.to_string(),
                        }
                    };
                    remove_dot_segments(&merged)
                };
                query = r.query;
            }
        }
    }
    let mut out = String::new();
    if let Some(s) = scheme {
        out.push_str(s);
        out.push(':');
    }
    if let Some(a) = authority {
        out.push_str("//");
        out.push_str(a);
    }
    out.push_str(&path);
    if let Some(q) = query {
        out.push('?');
        out.push_str(q);
    }
    if let Some(f) = r.fragment {
        out.push('#');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_references() {
        for ok in [
            "https://example.com/probs/out-of-credit",
            "about:blank",
            "/probs/x",
            "probs/x?y=1#z",
            "",
            "tag:example.com,2024:problems/x",
            "urn:ietf:rfc:7807",
            "%7Euser",
        ] {
            assert_eq!(uri_reference_problem(ok), None, "{ok}");
        }
        for bad in ["has space", "1http://x", "a:b:c/d%zz", "é", "x#a#b", "{id}"] {
            assert!(uri_reference_problem(bad).is_some(), "{bad}");
        }
    }

    #[test]
    fn resolution_follows_rfc_3986_examples() {
        let base = "http://a/b/c/d;p?q";
        for (reference, want) in [
            ("g", "http://a/b/c/g"),
            ("./g", "http://a/b/c/g"),
            ("g/", "http://a/b/c/g/"),
            ("/g", "http://a/g"),
            ("//g", "http://g"),
            ("?y", "http://a/b/c/d;p?y"),
            ("#s", "http://a/b/c/d;p?q#s"),
            ("..", "http://a/b/"),
            ("../g", "http://a/b/g"),
            ("../../../g", "http://a/g"),
            ("g:h", "g:h"),
        ] {
            assert_eq!(resolve(base, reference), want, "{reference}");
        }
        assert_eq!(resolve("/orders/7", "../probs/x"), "/probs/x");
        assert_eq!(resolve("/orders/7", "probs/x"), "/orders/probs/x");
    }
}
