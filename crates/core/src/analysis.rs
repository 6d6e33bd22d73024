//! The analysis model: everything the product concludes about one exchange,
//! in one serialisable value. The engine worker computes it, the page
//! renders it, `statuslab check --json` prints it and the fixture export
//! embeds it; no shell computes or words a conclusion of its own.
//!
//! The cache, retry and problem-details slots are filled by their engines
//! (`cache`, `retry`, `problem`).

use serde::{Deserialize, Serialize};

use crate::cache::{analyze_cache, CacheAnalysis};
use crate::exchange::{body_len, BodyCapture, BodyEncoding, Exchange};
use crate::explain::explain;
use crate::lint::{lint, Finding, Profile, Severity};
use crate::problem::{analyze_problem, ProblemAnalysis};
use crate::registry::Registry;
use crate::retry::{advise, BackoffSettings, RetryAdvice};
use crate::time::UnixTime;

/// What an analysis depends on besides the exchange.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct AnalysisOptions {
    pub profile: Profile,
    /// The moment the analysis is made: registry lifecycles, Retry-After
    /// dates and, later, cache ages are judged against it.
    pub now: UnixTime,
    /// The backoff the retry advice draws its schedule with.
    #[serde(default)]
    pub backoff: BackoffSettings,
}

impl AnalysisOptions {
    /// Options with the default backoff settings.
    pub fn new(profile: Profile, now: UnixTime) -> AnalysisOptions {
        AnalysisOptions { profile, now, backoff: BackoffSettings::default() }
    }
}

/// Where `StatusAnalysis::reason` comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReasonSource {
    /// The status line carries this phrase.
    Message,
    /// The message has none (always so in HTTP/2 and HTTP/3): this is the
    /// registered name of the code.
    Registry,
    /// Neither: the message has no phrase and the code no registered name.
    None,
}

/// The status code in the context of this exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatusAnalysis {
    pub code: u16,
    /// The phrase the response carries, or the registered name when it
    /// carries none; `reason_source` says which.
    pub reason: Option<String>,
    pub reason_source: ReasonSource,
    /// The code's name in the reference ("Too Many Requests"), when it has an entry.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The class's name ("Client Error"); `None` outside 100–599.
    pub class: Option<String>,
    /// True for codes in the IANA registry (including temporary, unused and
    /// obsoleted entries), false for vendor codes and unknown numbers.
    pub registered: bool,
    /// "429 Too Many Requests in answer to POST".
    pub headline: String,
    pub summary: String,
    /// "IANA registered", "Unofficial: nginx", "not in the IANA registry".
    pub registration: String,
    /// The code a client treats this one as, when it does not know it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub treated_as: Option<u16>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fallback: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lifecycle: Option<String>,
    pub cacheable_by_default: bool,
    /// The registry's one-line retry advice, until the retry engine fills
    /// its slot.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retry_hint: Option<String>,
    /// Why the number is not a status code at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// The size and nature of a body as analysed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodySummary {
    /// Bytes as received (for a decoded body, after decoding).
    pub bytes: usize,
    /// "empty", "UTF-8 text", "ISO-8859-1 text (not UTF-8)", "binary".
    pub encoding: String,
    pub capture: BodyCapture,
    /// What the capture state means for the checks, when it limits them.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// Counts of findings by severity, and the worst one, for summaries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingCounts {
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub worst: Option<Severity>,
}

/// "1 error", "2 errors", "0 notes": a count with its noun in English.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl FindingCounts {
    /// "1 error, 0 warnings, 2 notes", joined by `separator`.
    pub fn describe(&self, separator: &str) -> String {
        [
            counted(self.errors, "error", "errors"),
            counted(self.warnings, "warning", "warnings"),
            counted(self.infos, "note", "notes"),
        ]
        .join(separator)
    }
}

/// Everything concluded about one exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Analysis {
    pub method: String,
    pub target: String,
    /// False when the input had only a response: request-aware checks did
    /// not run.
    pub request_known: bool,
    pub profile: Profile,
    pub status: StatusAnalysis,
    pub findings: Vec<Finding>,
    pub counts: FindingCounts,
    pub request_body: BodySummary,
    pub response_body: BodySummary,
    /// May caches store it, for how long, and why (`cache::analyze_cache`).
    pub cache: Option<CacheAnalysis>,
    /// Whether, when and how a client should retry (`retry::advise`).
    pub retry: Option<RetryAdvice>,
    /// RFC 9457 problem details: checks with positions, and a conversion
    /// for a legacy error body (`problem::analyze_problem`); `None` when the
    /// response has no body to judge.
    pub problem: Option<ProblemAnalysis>,
}

fn status_analysis(exchange: &Exchange, now: UnixTime) -> StatusAnalysis {
    let registry = Registry::global();
    let code = exchange.response.status;
    let entry = registry.entry(code);
    let (reason, reason_source) = match (&exchange.response.reason, entry) {
        (Some(phrase), _) => (Some(phrase.clone()), ReasonSource::Message),
        (None, Some(entry)) => (Some(entry.name.to_string()), ReasonSource::Registry),
        (None, None) => (None, ReasonSource::None),
    };
    let context = if exchange.request_known {
        format!(" in answer to {}", exchange.request.method)
    } else {
        String::new()
    };
    let base = StatusAnalysis {
        code,
        reason,
        reason_source,
        name: entry.map(|e| e.name.to_string()),
        class: registry.class_of(code).map(|c| c.name.to_string()),
        registered: entry.is_some_and(|e| e.registration.is_in_iana_registry()),
        headline: String::new(),
        summary: String::new(),
        registration: String::new(),
        treated_as: None,
        fallback: None,
        lifecycle: None,
        cacheable_by_default: false,
        retry_hint: None,
        error: None,
    };
    match explain(code, now) {
        Ok(explanation) => StatusAnalysis {
            headline: match explanation.entry {
                Some(entry) => format!("{code} {}{context}", entry.name),
                None => format!("{code}: no registered meaning{context}"),
            },
            summary: explanation.summary,
            registration: explanation.registration.label,
            treated_as: explanation.treated_as,
            fallback: explanation.registration.fallback,
            lifecycle: explanation.registration.lifecycle.map(|l| l.note),
            cacheable_by_default: explanation.cacheability.by_default,
            retry_hint: explanation.entry.map(|e| e.retry.to_string()),
            ..base
        },
        Err(error) => StatusAnalysis {
            headline: format!("{code}: not a status code"),
            summary: error.to_string(),
            registration: "not a status code".into(),
            error: Some(error.to_string()),
            ..base
        },
    }
}

fn body_summary(body: &str, encoding: BodyEncoding, capture: BodyCapture) -> BodySummary {
    let binary = body.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'));
    let label = match (body.is_empty(), encoding, binary) {
        (true, _, _) => "empty",
        (false, _, true) => "binary",
        (false, BodyEncoding::Utf8, false) => "UTF-8 text",
        (false, BodyEncoding::Latin1, false) => "ISO-8859-1 text (not UTF-8)",
    };
    let note = match capture {
        BodyCapture::Complete => None,
        BodyCapture::Missing => Some(
            "The input does not contain this body (curl -I, a redirect under curl -L, a request body under curl -v, a HAR without content): checks of its content and length did not run.".to_string(),
        ),
        BodyCapture::Decoded => Some(
            "This body was decoded from its content coding (HAR, curl --compressed): Content-Length counts the encoded bytes, so the lengths were not compared.".to_string(),
        ),
    };
    BodySummary { bytes: body_len(body, encoding), encoding: label.into(), capture, note }
}

/// Findings counted by severity, with the worst.
pub fn count_findings(findings: &[Finding]) -> FindingCounts {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    FindingCounts {
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
        worst: findings.iter().map(|f| f.severity).min(),
    }
}

/// Analyses one exchange.
/// The moment the response was received, by its Date field, when it has a
/// valid one: the moment a saved exchange is judged at by default.
pub fn receipt(exchange: &Exchange) -> Option<UnixTime> {
    let date = exchange.response.headers.get("date")?;
    crate::headers::parse_http_date(date, None).ok().map(|d| UnixTime(d.timestamp.0))
}

pub fn analyze(exchange: &Exchange, options: AnalysisOptions) -> Analysis {
    let findings = lint(exchange, options.profile);
    Analysis {
        method: exchange.request.method.clone(),
        target: exchange.request.target.clone(),
        request_known: exchange.request_known,
        profile: options.profile,
        status: status_analysis(exchange, options.now),
        counts: count_findings(&findings),
        findings,
        request_body: body_summary(
            &exchange.request.body,
            exchange.request.body_encoding,
            exchange.request.body_capture,
        ),
        response_body: body_summary(
            &exchange.response.body,
            exchange.response.body_encoding,
            exchange.response.body_capture,
        ),
        cache: Some(analyze_cache(exchange, options.now)),
        retry: Some(advise(exchange, options.now, &options.backoff)),
        problem: analyze_problem(exchange),
    }
}

#[cfg(test)]
mod counting_tests {
    use super::*;

    #[test]
    fn counts_speak_english() {
        let counts = FindingCounts { errors: 1, warnings: 0, infos: 2, worst: None };
        assert_eq!(counts.describe(", "), "1 error, 0 warnings, 2 notes");
        assert_eq!(counted(1, "exchange", "exchanges"), "1 exchange");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::{parse_input, HttpVersion};

    const NOW: UnixTime = UnixTime(1_795_000_000);

    fn options() -> AnalysisOptions {
        AnalysisOptions::new(Profile::Rfc, NOW)
    }

    fn exchange(text: &str) -> Exchange {
        parse_input(text).expect("parses").exchanges.remove(0)
    }

    #[test]
    fn the_reason_says_where_it_comes_from() {
        let http1 = analyze(&exchange("HTTP/1.1 404 Nope\n\n"), options());
        assert_eq!(http1.status.reason.as_deref(), Some("Nope"));
        assert_eq!(http1.status.reason_source, ReasonSource::Message);

        let http2 = analyze(&exchange("HTTP/2 404\n\n"), options());
        assert_eq!(http2.status.reason.as_deref(), Some("Not Found"));
        assert_eq!(http2.status.reason_source, ReasonSource::Registry);

        let mut unknown = exchange("HTTP/2 299\n\n");
        unknown.response.version = HttpVersion::Http2;
        let unknown = analyze(&unknown, options());
        assert_eq!(unknown.status.reason, None);
        assert_eq!(unknown.status.reason_source, ReasonSource::None);
        assert_eq!(unknown.status.treated_as, Some(200));
        assert!(!unknown.status.registered);
    }

    #[test]
    fn the_headline_puts_the_code_in_the_request_context() {
        let known = analyze(
            &exchange(
                "POST /x HTTP/1.1\nHost: a\n\nHTTP/1.1 429 Too Many Requests\nRetry-After: 5\n\n",
            ),
            options(),
        );
        assert_eq!(known.status.headline, "429 Too Many Requests in answer to POST");
        assert_eq!(known.status.class.as_deref(), Some("Client Error"));
        assert!(known.status.registered);
        assert!(known.status.retry_hint.is_some());

        let response_only = analyze(&exchange("HTTP/1.1 429 Too Many Requests\n\n"), options());
        assert_eq!(response_only.status.headline, "429 Too Many Requests");
        assert!(!response_only.request_known);
    }

    #[test]
    fn counts_and_worst_follow_the_findings() {
        let analysis = analyze(&exchange("HTTP/1.1 401 Unauthorized\n\n"), options());
        assert!(analysis.findings.iter().any(|f| f.id == "unauthorized-without-www-authenticate"));
        let total = analysis.counts.errors + analysis.counts.warnings + analysis.counts.infos;
        assert_eq!(total, analysis.findings.len());
        assert_eq!(analysis.counts.worst, analysis.findings.first().map(|f| f.severity));
    }

    #[test]
    fn the_model_round_trips_through_json_with_the_retry_slot_filled() {
        let exchange = exchange(
            "GET /x HTTP/1.1\nHost: a\n\nHTTP/1.1 503 Service Unavailable\nRetry-After: 120\n\n",
        );
        let analysis = analyze(&exchange, options());
        let json = serde_json::to_value(&analysis).expect("serialises");
        assert_eq!(
            json["problem"]["detected"], false,
            "an error without a body is not problem details"
        );
        assert_eq!(json["cache"]["shared"]["storable"], false, "503 without freshness");
        assert_eq!(json["retry"]["should_retry"], true);
        assert_eq!(json["retry"]["after_s"], 120);
        assert_eq!(json["status"]["code"], 503);
        let back: Analysis = serde_json::from_value(json).expect("deserialises");
        assert_eq!(back, analysis);
    }

    #[test]
    fn bodies_say_how_they_were_captured() {
        let head = analyze(&exchange("HTTP/1.1 200 OK\r\nContent-Length: 612\r\n\r\n"), options());
        assert_eq!(head.response_body.capture, BodyCapture::Missing);
        assert!(head.response_body.note.as_deref().is_some_and(|n| n.contains("did not run")));
        let mut bytes = b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n".to_vec();
        bytes.extend_from_slice(&[0xE9, 0x74, 0xE9]);
        let latin1 = crate::exchange::parse_bytes(&bytes).expect("parses").exchanges.remove(0);
        let analysis = analyze(&latin1, options());
        assert_eq!(analysis.response_body.encoding, "ISO-8859-1 text (not UTF-8)");
        assert_eq!(analysis.response_body.bytes, 3);
        assert!(analysis.findings.iter().all(|f| f.id != "content-length-mismatch"));
    }

    #[test]
    fn a_number_outside_the_classes_is_explained_not_rejected() {
        let mut odd = exchange("HTTP/1.1 200 OK\n\n");
        odd.response.status = 999;
        let analysis = analyze(&odd, options());
        assert!(analysis.status.error.is_some());
        assert_eq!(analysis.status.class, None);
        assert!(analysis.findings.iter().any(|f| f.id == "status-out-of-range"));
    }
}
