//! What well-known CDNs and browsers do by default with this exchange, from
//! `data/cache-defaults.json`, where each fact carries its source. The
//! lifetime a CDN or browser would give a response without explicit
//! freshness is computed from the data (a default per status code, a
//! heuristic fraction and cap); everything else is the documented fact,
//! shown when the exchange touches its topic.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::verdict::{describe, Context};

pub const CACHE_DEFAULTS_JSON: &str = include_str!("../../../../data/cache-defaults.json");

#[derive(Debug, Deserialize)]
struct DefaultsFile {
    implementations: Vec<Implementation>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum ImplementationKind {
    Cdn,
    Browser,
}

#[derive(Debug, Deserialize)]
struct Implementation {
    id: String,
    name: String,
    kind: ImplementationKind,
    /// One fallback lifetime for every cacheable response without explicit
    /// freshness.
    #[serde(default)]
    default_ttl_s: Option<i64>,
    /// Lifetimes by status without explicit freshness; `ttl_s: null` is
    /// "fresh indefinitely".
    #[serde(default)]
    default_ttl_by_status: Vec<StatusLifetime>,
    #[serde(default)]
    heuristic: Option<Heuristic>,
    facts: Vec<Fact>,
}

#[derive(Debug, Deserialize)]
struct StatusLifetime {
    statuses: Vec<u16>,
    ttl_s: Option<i64>,
}

#[derive(Debug, Deserialize)]
struct Heuristic {
    fraction: f64,
    cap_s: Option<i64>,
    #[serde(default)]
    statuses: Vec<u16>,
}

#[derive(Debug, Deserialize)]
struct Fact {
    topic: String,
    summary: String,
    departs_from_rfc: bool,
    rfc: String,
    source: String,
    verified: bool,
}

/// One implementation's default behaviour for this exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultBehaviour {
    pub id: String,
    pub name: String,
    pub kind: ImplementationKind,
    /// The lifetime it would give this response without explicit freshness,
    /// computed from its documented defaults.
    pub lifetime: Option<String>,
    pub facts: Vec<DefaultFact>,
}

/// A documented fact that this exchange touches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DefaultFact {
    pub topic: String,
    pub summary: String,
    /// It contradicts RFC 9111 (true), or only makes a choice the RFC
    /// leaves open (false).
    pub departs_from_rfc: bool,
    pub rfc: String,
    /// Where it is documented (an https URL).
    pub source: String,
    pub verified: bool,
}

fn implementations() -> &'static [Implementation] {
    static PARSED: OnceLock<Vec<Implementation>> = OnceLock::new();
    PARSED.get_or_init(|| match serde_json::from_str::<DefaultsFile>(CACHE_DEFAULTS_JSON) {
        Ok(file) => file.implementations,
        // A test parses the file, so a broken one never ships; an empty
        // list keeps a bad edit from reaching users as a panic.
        Err(_) => Vec::new(),
    })
}

/// `github:owner/repo@commit:path` (a file read from a code index) as the
/// address of that file on GitHub; URLs pass through.
fn source_url(source: &str) -> String {
    let Some(rest) = source.strip_prefix("github:") else {
        return source.to_string();
    };
    match rest
        .split_once('@')
        .and_then(|(repo, tail)| tail.split_once(':').map(|(commit, path)| (repo, commit, path)))
    {
        Some((repo, commit, path)) => format!("https://github.com/{repo}/blob/{commit}/{path}"),
        None => format!("https://github.com/{rest}"),
    }
}

/// Whether the exchange touches a fact's topic; `None` for a topic this
/// module does not know (a test keeps the data within the known ones).
fn touches(topic: &str, ctx: &Context<'_>, explicit: bool) -> Option<bool> {
    let response = &ctx.exchange.response.headers;
    let status = ctx.status;
    Some(match topic {
        "no-explicit-freshness" | "heuristic" | "file-types" | "cache-modes" | "status-codes" => {
            !explicit
        }
        "permanent-statuses" => !explicit && matches!(status, 300 | 301 | 308 | 410),
        "errors" | "error-statuses" => status >= 400,
        "redirects" => (300..400).contains(&status),
        "ttl-bounds" => explicit,
        "private" | "private-downstream" => ctx.cc.has("private"),
        "no-store" => ctx.cc.has("no-store"),
        "no-cache" => ctx.cc.has("no-cache"),
        "s-maxage" => ctx.cc.has("s-maxage"),
        "immutable" | "reload" => ctx.cc.has("immutable"),
        "set-cookie" => response.has("set-cookie"),
        "vary" => response.has("vary"),
        "pragma" => response.has("pragma"),
        "surrogate-control" => response.has("surrogate-control"),
        "targeted-field" => response.iter().any(|h| {
            let name = h.name.trim().to_ascii_lowercase();
            name == "cdn-cache-control" || name.ends_with("-cdn-cache-control")
        }),
        "request-directives" => {
            ctx.exchange.request_known
                && (ctx.exchange.request.headers.has("cache-control")
                    || ctx.exchange.request.headers.has("pragma"))
        }
        _ => return None,
    })
}

fn status_lifetime(imp: &Implementation, status: u16) -> Option<Option<i64>> {
    imp.default_ttl_by_status.iter().find(|l| l.statuses.contains(&status)).map(|l| l.ttl_s)
}

fn lifetime(imp: &Implementation, ctx: &Context<'_>) -> Option<String> {
    let status = ctx.status;
    if let Some(ttl) = status_lifetime(imp, status) {
        return Some(match ttl {
            Some(seconds) => {
                format!("Without explicit freshness it keeps a {status} for {}.", describe(seconds))
            }
            None => {
                format!("Without explicit freshness it treats a {status} as fresh indefinitely.")
            }
        });
    }
    match imp.kind {
        ImplementationKind::Cdn => {
            match (imp.default_ttl_s, imp.default_ttl_by_status.is_empty()) {
                (Some(seconds), _) => Some(format!(
                "Without explicit freshness it keeps a cacheable response for its default TTL, \
                 {}.",
                describe(seconds)
            )),
                (None, false) => Some(format!(
                    "Without explicit freshness it does not cache a {status} by default."
                )),
                // Set entirely by configuration: nothing to compute.
                (None, true) => None,
            }
        }
        ImplementationKind::Browser => {
            let heuristic = imp.heuristic.as_ref()?;
            if !heuristic.statuses.contains(&status) {
                return Some(format!("It gives a {status} no heuristic freshness."));
            }
            let last_modified = ctx
                .exchange
                .response
                .headers
                .get("last-modified")
                .and_then(|v| {
                    crate::headers::date::parse_http_date(
                        v,
                        Some(crate::headers::date::Timestamp(ctx.now)),
                    )
                    .ok()
                })
                .map(|d| d.timestamp.0);
            let Some(last_modified) = last_modified.filter(|lm| *lm <= ctx.received_at) else {
                return Some(
                    "Without Last-Modified (or with one in the future) it has no heuristic: \
                     the response is stale at once and revalidated before reuse."
                        .into(),
                );
            };
            let age = ctx.received_at - last_modified;
            // The fraction is 0.1 for every browser in the data; rounding
            // toward zero matches integer seconds.
            let computed = (age as f64 * heuristic.fraction) as i64;
            let percent = (heuristic.fraction * 100.0).round() as i64;
            Some(match heuristic.cap_s {
                Some(cap) if computed > cap => format!(
                    "Heuristic: {percent}% of the Last-Modified age would be {}, capped at {}.",
                    describe(computed),
                    describe(cap)
                ),
                Some(cap) => format!(
                    "Heuristic: {percent}% of the Last-Modified age, {} (its cap is {}).",
                    describe(computed),
                    describe(cap)
                ),
                None => format!(
                    "Heuristic: {percent}% of the Last-Modified age, {}, with no cap.",
                    describe(computed)
                ),
            })
        }
    }
}

/// The implementations this exchange gives something to say about.
pub(crate) fn defaults(ctx: &Context<'_>) -> Vec<DefaultBehaviour> {
    implementations()
        .iter()
        .filter_map(|imp| {
            let explicit = ctx.has_explicit(imp.kind == ImplementationKind::Cdn);
            let lifetime = if explicit { None } else { lifetime(imp, ctx) };
            let facts: Vec<DefaultFact> = imp
                .facts
                .iter()
                .filter(|f| touches(&f.topic, ctx, explicit) == Some(true))
                .map(|f| DefaultFact {
                    topic: f.topic.clone(),
                    summary: f.summary.clone(),
                    departs_from_rfc: f.departs_from_rfc,
                    rfc: f.rfc.clone(),
                    source: source_url(&f.source),
                    verified: f.verified,
                })
                .collect();
            (lifetime.is_some() || !facts.is_empty()).then(|| DefaultBehaviour {
                id: imp.id.clone(),
                name: imp.name.clone(),
                kind: imp.kind,
                lifetime,
                facts,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::parse_input;
    use crate::time::UnixTime;

    fn behaviours(raw: &str) -> Vec<DefaultBehaviour> {
        let exchange = parse_input(raw).expect("parses").exchanges.remove(0);
        let now = UnixTime(1_764_000_000);
        defaults(&Context::new(&exchange, now))
    }

    fn of<'a>(all: &'a [DefaultBehaviour], id: &str) -> &'a DefaultBehaviour {
        all.iter().find(|b| b.id == id).unwrap_or_else(|| panic!("{id} missing"))
    }

    #[test]
    fn the_data_parses_and_every_topic_and_source_is_understood() {
        let file: DefaultsFile = serde_json::from_str(CACHE_DEFAULTS_JSON).expect("valid data");
        assert!(file.implementations.len() >= 6);
        let exchange = parse_input("GET / HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\n\r\n")
            .expect("parses")
            .exchanges
            .remove(0);
        let ctx = Context::new(&exchange, UnixTime(0));
        for imp in &file.implementations {
            assert!(!imp.facts.is_empty(), "{} has facts", imp.id);
            for fact in &imp.facts {
                assert!(
                    touches(&fact.topic, &ctx, false).is_some(),
                    "unknown topic {}",
                    fact.topic
                );
                assert!(source_url(&fact.source).starts_with("https://"), "{}", fact.source);
                assert!(fact.rfc.contains("RFC"), "{} {} names its RFC", imp.id, fact.topic);
            }
        }
    }

    #[test]
    fn cdn_lifetimes_without_explicit_freshness_come_from_the_status() {
        let all = behaviours("GET / HTTP/1.1\r\n\r\nHTTP/1.1 404 Not Found\r\n\r\n");
        assert_eq!(
            of(&all, "cloudflare").lifetime.as_deref(),
            Some("Without explicit freshness it keeps a 404 for 3 min.")
        );
        assert!(of(&all, "cloudfront").lifetime.as_deref().is_some_and(|l| l.contains("10 s")));
        let redirect = behaviours("GET / HTTP/1.1\r\n\r\nHTTP/1.1 307 Temporary Redirect\r\n\r\n");
        assert_eq!(
            of(&redirect, "fastly").lifetime.as_deref(),
            Some("Without explicit freshness it does not cache a 307 by default.")
        );
    }

    #[test]
    fn browser_heuristics_follow_their_cap_and_status_list() {
        // Date − Last-Modified = 200 days: 10 % is 20 days; Firefox caps at
        // a week, Chromium has no cap.
        let raw =
            "GET / HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\nDate: Mon, 24 Nov 2025 16:00:00 GMT\r\n\
                   Last-Modified: Wed, 07 May 2025 16:00:00 GMT\r\n\r\n";
        let all = behaviours(raw);
        assert_eq!(
            of(&all, "chromium").lifetime.as_deref(),
            Some("Heuristic: 10% of the Last-Modified age, 20 days, with no cap.")
        );
        assert_eq!(
            of(&all, "firefox").lifetime.as_deref(),
            Some("Heuristic: 10% of the Last-Modified age would be 20 days, capped at 7 days.")
        );
        let gone = behaviours("GET / HTTP/1.1\r\n\r\nHTTP/1.1 410 Gone\r\n\r\n");
        assert!(of(&gone, "chromium")
            .lifetime
            .as_deref()
            .is_some_and(|l| l.contains("indefinitely")));
        let no_content = behaviours("GET / HTTP/1.1\r\n\r\nHTTP/1.1 204 No Content\r\n\r\n");
        assert_eq!(
            of(&no_content, "chromium").lifetime.as_deref(),
            Some("It gives a 204 no heuristic freshness.")
        );
    }

    #[test]
    fn explicit_freshness_leaves_only_the_facts_its_directives_touch() {
        let all = behaviours(
            "GET / HTTP/1.1\r\n\r\nHTTP/1.1 200 OK\r\nCache-Control: max-age=600, immutable\r\n\r\n",
        );
        let chromium = of(&all, "chromium");
        assert_eq!(chromium.lifetime, None);
        assert!(chromium.facts.iter().any(|f| f.topic == "immutable"));
        assert!(all.iter().all(|b| b.facts.iter().all(|f| f.topic != "no-explicit-freshness")));
    }
}
