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
}
