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

/// `url` when it is safe to make clickable: only http(s) addresses. Links
/// built from user data (a problem's `type`, an exercise file's sources)
/// must never run script (`javascript:`) or open local schemes.
pub fn web_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let scheme = url.split_once(':')?.0;
    (scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http")).then_some(url)
}

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
    /// A shared state (`#/s/<payload>`, see `share`), opened in the
    /// composer.
    Shared(String),
    /// A chrome-less card for an iframe in someone's docs.
    Embed { target: EmbedTarget, options: EmbedOptions },
    /// "Which code should I return?", at a question or answer (`None`: the
    /// first question).
    Guide(Option<String>),
    /// Workshop exercises.
    Exercises(ExerciseRoute),
    /// `#/code/…` with something that is not a status code.
    BadCode(CodeError),
    /// A fragment this version of the playground does not know.
    NotFound(String),
}

/// What an embed shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EmbedTarget {
    Code(u16),
    /// A shared state's payload (as in [`Route::Shared`]).
    Exchange(String),
    /// `#/embed/…` naming nothing the embed view knows.
    Unknown(String),
}

/// The embed's theme, pinned by the docs author or following the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum EmbedTheme {
    #[default]
    Auto,
    Light,
    Dark,
}

/// How a docs author configured an embed, from the query after the path:
/// `?theme=dark&panels=status,lint&edit=1`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct EmbedOptions {
    pub theme: EmbedTheme,
    /// The analysis panels to show (`status`, `lint`, `cache`, `retry`,
    /// `problem`); empty means all.
    pub panels: Vec<String>,
    /// The reader may edit the exchange (the card stays read-only otherwise).
    pub editable: bool,
}

/// The panels an exchange embed can show, in page order.
pub const EMBED_PANELS: &[&str] = &["status", "lint", "cache", "retry", "problem"];

impl EmbedOptions {
    fn parse(query: &str) -> EmbedOptions {
        let mut options = EmbedOptions::default();
        for pair in query.split('&') {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let value = percent_decode_str(value).decode_utf8_lossy();
            let value = value.as_ref();
            match key {
                "theme" => {
                    options.theme = match value {
                        "light" => EmbedTheme::Light,
                        "dark" => EmbedTheme::Dark,
                        _ => EmbedTheme::Auto,
                    }
                }
                "panels" => {
                    options.panels = value
                        .split(',')
                        .filter(|p| EMBED_PANELS.contains(p))
                        .map(str::to_string)
                        .collect()
                }
                "edit" => options.editable = matches!(value, "1" | "true" | ""),
                _ => {}
            }
        }
        options
    }

    fn to_query(&self) -> String {
        let mut parts = Vec::new();
        match self.theme {
            EmbedTheme::Auto => {}
            EmbedTheme::Light => parts.push("theme=light".to_string()),
            EmbedTheme::Dark => parts.push("theme=dark".to_string()),
        }
        if !self.panels.is_empty() {
            parts.push(format!("panels={}", self.panels.join(",")));
        }
        if self.editable {
            parts.push("edit=1".to_string());
        }
        if parts.is_empty() {
            String::new()
        } else {
            format!("?{}", parts.join("&"))
        }
    }

    /// Whether the panel named `panel` is shown.
    pub fn shows(&self, panel: &str) -> bool {
        self.panels.is_empty() || self.panels.iter().any(|p| p == panel)
    }
}

/// Where in the exercises the user is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExerciseRoute {
    /// The list of the current pack's exercises, with progress.
    List,
    /// One exercise of the current pack, by id.
    Exercise(String),
    /// The current pack's printable answer sheet.
    Answers,
    /// A pack shared as a link (a payload as in `share`, holding the
    /// pack's TOML text).
    Pack(String),
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
            "s" => Route::Shared(tail.to_string()),
            "embed" => {
                let (path, query) = tail.split_once('?').unwrap_or((tail, ""));
                let (kind, rest) = path.split_once('/').unwrap_or((path, ""));
                let target = match kind {
                    "code" => match parse_code(&percent_decode_str(rest).decode_utf8_lossy()) {
                        Ok(code) => EmbedTarget::Code(code),
                        Err(_) => EmbedTarget::Unknown(path.to_string()),
                    },
                    "exchange" if !rest.is_empty() => EmbedTarget::Exchange(rest.to_string()),
                    _ => EmbedTarget::Unknown(path.to_string()),
                };
                Route::Embed { target, options: EmbedOptions::parse(query) }
            }
            "guide" => Route::Guide(
                Some(tail.trim_end_matches('/'))
                    .filter(|t| !t.is_empty())
                    .map(|t| percent_decode_str(t).decode_utf8_lossy().into_owned()),
            ),
            "exercises" => {
                let tail = tail.trim_end_matches('/');
                Route::Exercises(match tail.split_once('/') {
                    Some(("pack", payload)) => ExerciseRoute::Pack(payload.to_string()),
                    _ if tail.is_empty() => ExerciseRoute::List,
                    _ if tail == "answers" => ExerciseRoute::Answers,
                    _ => ExerciseRoute::Exercise(
                        percent_decode_str(tail).decode_utf8_lossy().into_owned(),
                    ),
                })
            }
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
            Route::Shared(payload) => format!("#/s/{payload}"),
            Route::Embed { target, options } => {
                let path = match target {
                    EmbedTarget::Code(code) => format!("code/{code}"),
                    EmbedTarget::Exchange(payload) => format!("exchange/{payload}"),
                    EmbedTarget::Unknown(path) => path.clone(),
                };
                format!("#/embed/{path}{}", options.to_query())
            }
            Route::Guide(None) => "#/guide".to_string(),
            Route::Guide(Some(at)) => format!("#/guide/{}", utf8_percent_encode(at, QUERY_ESCAPES)),
            Route::Exercises(ExerciseRoute::List) => "#/exercises".to_string(),
            Route::Exercises(ExerciseRoute::Answers) => "#/exercises/answers".to_string(),
            Route::Exercises(ExerciseRoute::Pack(payload)) => format!("#/exercises/pack/{payload}"),
            Route::Exercises(ExerciseRoute::Exercise(id)) => {
                format!("#/exercises/{}", utf8_percent_encode(id, QUERY_ESCAPES))
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

    #[test]
    fn only_web_addresses_become_links() {
        assert_eq!(web_link(" https://example.com/a "), Some("https://example.com/a"));
        assert_eq!(web_link("HTTP://example.com"), Some("HTTP://example.com"));
        for hostile in [
            "javascript:alert(1)",
            "JaVaScRiPt:x",
            "data:text/html,x",
            "vbscript:x",
            "/relative",
            "about:blank",
            "",
        ] {
            assert_eq!(web_link(hostile), None, "{hostile}");
        }
    }

    #[test]
    fn sharing_embedding_guide_and_exercise_routes_round_trip() {
        let routes = [
            Route::Shared("1.abc-_".into()),
            Route::Embed { target: EmbedTarget::Code(429), options: EmbedOptions::default() },
            Route::Embed {
                target: EmbedTarget::Exchange("1.xyz".into()),
                options: EmbedOptions {
                    theme: EmbedTheme::Dark,
                    panels: vec!["status".into(), "cache".into()],
                    editable: true,
                },
            },
            Route::Guide(None),
            Route::Guide(Some("created".into())),
            Route::Exercises(ExerciseRoute::List),
            Route::Exercises(ExerciseRoute::Answers),
            Route::Exercises(ExerciseRoute::Exercise("duplicate-email".into())),
            Route::Exercises(ExerciseRoute::Pack("1.p".into())),
        ];
        for route in routes {
            assert_eq!(Route::parse(&route.to_fragment()), route);
        }
        let odd = Route::parse("#/embed/code/abc?theme=neon&panels=cache,evil");
        assert!(matches!(odd, Route::Embed { target: EmbedTarget::Unknown(_), .. }));
        let Route::Embed { options, .. } = Route::parse("#/embed/code/404?panels=cache,evil")
        else {
            panic!("an embed")
        };
        assert_eq!(options.panels, ["cache"]);
        assert!(options.shows("cache") && !options.shows("lint"));
    }
}
