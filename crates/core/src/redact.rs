//! Secrets in an exchange: credentials and session cookies that must not
//! leave the user's machine by accident (saved state, shared exports).

use crate::exchange::{Exchange, Headers};

/// Fields whose values are credentials.
pub const SECRET_FIELDS: &[&str] =
    &["Authorization", "Proxy-Authorization", "Cookie", "Set-Cookie"];

/// What stands in for a secret value.
pub const REDACTED: &str = "[redacted]";

fn redact_headers(headers: &mut Headers, found: &mut Vec<String>) {
    for header in headers.0.iter_mut() {
        let Some(name) = SECRET_FIELDS.iter().find(|n| header.name.eq_ignore_ascii_case(n)) else {
            continue;
        };
        let value = header.value.trim();
        // Keep the scheme ("Bearer") and the cookie names: they explain the
        // exchange without granting anything.
        let redacted = if name.ends_with("Authorization") {
            match value.split_once(' ') {
                Some((scheme, _)) => format!("{scheme} {REDACTED}"),
                None => REDACTED.to_string(),
            }
        } else {
            value
                .split(';')
                .map(|pair| match pair.split_once('=') {
                    Some((key, _)) if !key.trim().is_empty() => {
                        format!("{}={REDACTED}", key.trim())
                    }
                    _ => pair.trim().to_string(),
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        if redacted != header.value {
            header.value = redacted;
            if !found.iter().any(|f| f == name) {
                found.push(name.to_string());
            }
        }
    }
}

/// The exchange with every secret value replaced, and the names of the
/// fields that held one.
pub fn redact_secrets(exchange: &Exchange) -> (Exchange, Vec<String>) {
    let mut redacted = exchange.clone();
    let mut found = Vec::new();
    redact_headers(&mut redacted.request.headers, &mut found);
    redact_headers(&mut redacted.response.headers, &mut found);
    (redacted, found)
}

/// Query parameters whose names look like credentials: signed URLs and
/// OAuth flows put tokens in the query, where a shared link would carry
/// them.
fn is_secret_parameter(name: &str) -> bool {
    let name = name.to_ascii_lowercase();
    const PARTS: &[&str] = &[
        "token",
        "secret",
        "password",
        "passwd",
        "apikey",
        "api_key",
        "api-key",
        "signature",
        "credential",
        "session",
    ];
    const WHOLE: &[&str] = &["key", "sig", "code", "auth", "pwd", "sid"];
    PARTS.iter().any(|part| name.contains(part)) || WHOLE.contains(&name.as_str())
}

/// `target` with the values of secret-looking query parameters replaced;
/// the names of those parameters go to `found`.
fn redact_query(target: &str, found: &mut Vec<String>) -> String {
    let Some((path, query)) = target.split_once('?') else {
        return target.to_string();
    };
    let (query, fragment) = match query.split_once('#') {
        Some((query, fragment)) => (query, Some(fragment)),
        None => (query, None),
    };
    let pairs: Vec<String> = query
        .split('&')
        .map(|pair| match pair.split_once('=') {
            Some((name, value)) if is_secret_parameter(name) && value != REDACTED => {
                if !found.iter().any(|f| f == name) {
                    found.push(name.to_string());
                }
                format!("{name}={REDACTED}")
            }
            _ => pair.to_string(),
        })
        .collect();
    let mut out = format!("{path}?{}", pairs.join("&"));
    if let Some(fragment) = fragment {
        out.push('#');
        out.push_str(fragment);
    }
    out
}

/// Like [`redact_secrets`], and also the secret-looking query parameters of
/// the request target and of the URLs the response points to: a link is
/// pasted where anyone may read it.
pub fn redact_link_secrets(exchange: &Exchange) -> (Exchange, Vec<String>) {
    let (mut redacted, mut found) = redact_secrets(exchange);
    redacted.request.target = redact_query(&redacted.request.target, &mut found);
    for header in redacted.response.headers.0.iter_mut() {
        if ["location", "content-location"].iter().any(|n| header.name.eq_ignore_ascii_case(n)) {
            header.value = redact_query(&header.value, &mut found);
        }
    }
    (redacted, found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::parse_input;

    #[test]
    fn credentials_go_and_their_shape_stays() {
        let exchange = &parse_input("GET /me HTTP/1.1\nAuthorization: Bearer mF_9.B5f-4.1JqM\nCookie: sid=abc; theme=dark\n\nHTTP/1.1 200 OK\nSet-Cookie: sid=def; Path=/; HttpOnly\n\n").expect("parses").exchanges[0];
        let (redacted, found) = redact_secrets(exchange);
        assert_eq!(redacted.request.headers.get("authorization"), Some("Bearer [redacted]"));
        assert_eq!(
            redacted.request.headers.get("cookie"),
            Some("sid=[redacted]; theme=[redacted]")
        );
        assert_eq!(
            redacted.response.headers.get("set-cookie"),
            Some("sid=[redacted]; Path=[redacted]; HttpOnly")
        );
        assert_eq!(found, ["Authorization", "Cookie", "Set-Cookie"]);
        let (_, none) = redact_secrets(&redacted);
        assert!(none.is_empty(), "redacting twice changes nothing");
    }

    #[test]
    fn token_parameters_go_and_the_rest_of_the_query_stays() {
        let exchange = &parse_input("GET /cb?code=s3cr3t&state=xyz&X-Amz-Signature=f00 HTTP/1.1\nHost: a\n\nHTTP/1.1 302 Found\nLocation: /next?id_token=abc#top\n\n").expect("parses").exchanges[0];
        let (redacted, found) = redact_link_secrets(exchange);
        assert_eq!(
            redacted.request.target,
            "/cb?code=[redacted]&state=xyz&X-Amz-Signature=[redacted]"
        );
        assert_eq!(
            redacted.response.headers.get("location"),
            Some("/next?id_token=[redacted]#top")
        );
        assert_eq!(found, ["code", "X-Amz-Signature", "id_token"]);
        assert!(redact_link_secrets(&redacted).1.is_empty(), "redacting twice changes nothing");
    }
}
