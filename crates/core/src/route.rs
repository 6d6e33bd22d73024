//! The playground's addressable pages, as URL fragments a docs author can
//! link to (`#/code/429`, `#/search/rate%20limit`).
//!
//! The route owns its codec: [`Route::parse`] never fails (an unknown
//! fragment becomes [`Route::NotFound`], so a bad link shows a message rather
//! than a blank page) and [`Route::to_fragment`] is its inverse for every
//! route it produces.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, CONTROLS};

use super::registry::{parse_code, CodeError};

/// Characters escaped in a search query inside a fragment: everything that
/// would end or confuse the fragment or look like a path separator.
const QUERY_ESCAPES: &AsciiSet = &CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'#')
    .add(b'%')
    .add(b'/')
    .add(b'<')
    .add(b'>')
    .add(b'?')
    .add(b'`')
    .add(b'{')
    .add(b'}');

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The searchable reference; an empty query lists every code.
    Reference { query: String },
    /// One code's page; any code in 100–599 (unregistered ones are explained
    /// by their class).
    Code(u16),
    /// The exchange composer, optionally starting from a preset
    /// (`#/compose/rate-limited-429`).
    Composer { preset: Option<String> },
    /// `#/code/…` with something that is not a status code.
    BadCode(CodeError),
    /// A fragment this version of the playground does not know.
    NotFound(String),
}

impl Default for Route {
    fn default() -> Self {
        Route::Reference { query: String::new() }
    }
}

impl Route {
    /// Reads a `location.hash` value, with or without the leading `#`.
    pub fn parse(fragment: &str) -> Route {
        let path = fragment.strip_prefix('#').unwrap_or(fragment);
        let path = path.strip_prefix('/').unwrap_or(path);
        if path.is_empty() {
            return Route::default();
        }
        let (head, tail) = path.split_once('/').unwrap_or((path, ""));
        match head {
            "code" => {
                let text = percent_decode_str(tail.trim_end_matches('/')).decode_utf8_lossy();
                match parse_code(&text) {
                    Ok(code) => Route::Code(code),
                    Err(error) => Route::BadCode(error),
                }
            }
            "compose" => Route::Composer {
                preset: Some(tail.trim_end_matches('/'))
                    .filter(|p| !p.is_empty())
                    .map(|p| percent_decode_str(p).decode_utf8_lossy().into_owned()),
            },
            "search" => Route::Reference {
                query: percent_decode_str(tail).decode_utf8_lossy().into_owned(),
            },
            _ => Route::NotFound(path.to_string()),
        }
    }

    /// The fragment (with `#`) that leads to this route.
    pub fn to_fragment(&self) -> String {
        match self {
            Route::Reference { query } if query.is_empty() => "#/".to_string(),
            Route::Reference { query } => {
                format!("#/search/{}", utf8_percent_encode(query, QUERY_ESCAPES))
            }
            Route::Code(code) => format!("#/code/{code}"),
            Route::Composer { preset: None } => "#/compose".to_string(),
            Route::Composer { preset: Some(id) } => {
                format!("#/compose/{}", utf8_percent_encode(id, QUERY_ESCAPES))
            }
            Route::BadCode(_) | Route::NotFound(_) => "#/".to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn code_pages() {
        assert_eq!(Route::parse("#/code/429"), Route::Code(429));
        assert_eq!(Route::parse("#/code/429/"), Route::Code(429));
        assert_eq!(Route::parse("/code/299"), Route::Code(299));
        assert_eq!(Route::Code(418).to_fragment(), "#/code/418");
    }

    #[test]
    fn bad_codes_are_routes_not_crashes() {
        assert!(matches!(Route::parse("#/code/abc"), Route::BadCode(CodeError::NotANumber(_))));
        assert!(matches!(Route::parse("#/code/600"), Route::BadCode(CodeError::OutOfRange(_))));
        assert!(matches!(Route::parse("#/code/99999999999"), Route::BadCode(_)));
        assert!(matches!(Route::parse("#/code/"), Route::BadCode(CodeError::Empty)));
        assert_eq!(Route::parse("#/nowhere"), Route::NotFound("nowhere".into()));
    }

    #[test]
    fn composer_routes() {
        assert_eq!(Route::parse("#/compose"), Route::Composer { preset: None });
        assert_eq!(Route::parse("#/compose/"), Route::Composer { preset: None });
        let route = Route::Composer { preset: Some("rate-limited-429".into()) };
        assert_eq!(Route::parse(&route.to_fragment()), route);
    }

    #[test]
    fn search_round_trips() {
        for query in ["rate limit", "too big", "a/b?c#d%e", "naïve", "4xx"] {
            let route = Route::Reference { query: query.to_string() };
            assert_eq!(Route::parse(&route.to_fragment()), route, "{query}");
        }
        assert_eq!(Route::parse(""), Route::default());
        assert_eq!(Route::parse("#"), Route::default());
        assert_eq!(Route::parse("#/"), Route::default());
    }
}
