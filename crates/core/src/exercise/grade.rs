//! Grading an answer: each expectation becomes one check with its verdict
//! and a reason, read from the same analysis the composer shows.

use serde::{Deserialize, Serialize};

use super::{CacheScope, Exercise};
use crate::{
    analysis::{analyze, counted, receipt, Analysis, AnalysisOptions},
    exchange::Exchange,
    lint::{Profile, Severity},
    time::UnixTime,
};

/// One expectation and whether the answer meets it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    /// What was checked ("Status", "Location field").
    pub label: String,
    pub passed: bool,
    /// Why, in a sentence; never the answer itself.
    pub detail: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub exercise: String,
    pub passed: bool,
    pub checks: Vec<Check>,
}

impl Grade {
    pub fn passed_checks(&self) -> usize {
        self.checks.iter().filter(|c| c.passed).count()
    }
}

fn check(label: impl Into<String>, passed: bool, detail: impl Into<String>) -> Check {
    Check { label: label.into(), passed, detail: detail.into() }
}

/// Grades `exchange` (the exercise's request and the learner's response),
/// analysed at its Date, or at `now` without one.
pub fn grade(exercise: &Exercise, exchange: &Exchange, now: UnixTime) -> Grade {
    let at = receipt(exchange).unwrap_or(now);
    let analysis = analyze(exchange, AnalysisOptions::new(Profile::Rfc, at));
    grade_analysis(exercise, exchange, &analysis)
}

/// Grades a response written as raw HTTP; a response that does not parse
/// fails with one check saying why.
pub fn grade_text(exercise: &Exercise, response: &str, now: UnixTime) -> Grade {
    match exercise.exchange_with(response) {
        Ok(exchange) => grade(exercise, &exchange, now),
        Err(why) => Grade {
            exercise: exercise.id.clone(),
            passed: false,
            checks: vec![check("Response", false, format!("The answer could not be read: {why}"))],
        },
    }
}

fn grade_analysis(exercise: &Exercise, exchange: &Exchange, analysis: &Analysis) -> Grade {
    let expect = &exercise.expect;
    let response = &exchange.response;
    let mut checks = Vec::new();

    let status = response.status;
    checks.push(if expect.status.contains(&status) {
        check("Status", true, format!("{status} fits this scenario."))
    } else {
        check("Status", false, format!("{status} is not the status this scenario calls for."))
    });

    for name in &expect.require_headers {
        let present = response.headers.get(name).is_some();
        checks.push(check(
            format!("{name} field"),
            present,
            if present {
                format!("The response has {name}.")
            } else {
                format!("This response needs a {name} field.")
            },
        ));
    }
    for name in &expect.forbid_headers {
        let present = response.headers.get(name).is_some();
        checks.push(check(
            format!("No {name} field"),
            !present,
            if present {
                format!("{name} does not belong in this response.")
            } else {
                format!("Rightly, there is no {name}.")
            },
        ));
    }
    for field in &expect.fields {
        let value = response.headers.get(&field.name).unwrap_or_default();
        let missing: Vec<&str> = field
            .contains
            .iter()
            .filter(|token| !lists_token(value, token))
            .map(String::as_str)
            .collect();
        checks.push(check(
            format!("{} value", field.name),
            missing.is_empty(),
            if missing.is_empty() {
                format!("{} lists what it should.", field.name)
            } else {
                format!("{} should also name {}.", field.name, missing.join(", "))
            },
        ));
    }

    let too_severe: Vec<&str> = analysis
        .findings
        .iter()
        .filter(|f| f.severity < expect.max_severity)
        .map(|f| f.title.as_ref())
        .collect();
    let allowed = match expect.max_severity {
        Severity::Error => "any finding",
        Severity::Warning => "no errors",
        Severity::Info => "no errors or warnings",
    };
    checks.push(check(
        "Lint",
        too_severe.is_empty(),
        if too_severe.is_empty() {
            format!("Lint finds nothing beyond what is allowed ({allowed}).")
        } else {
            format!(
                "{} to fix first ({allowed} allowed): {}.",
                counted(too_severe.len(), "finding", "findings"),
                too_severe.join("; ")
            )
        },
    ));

    if expect.problem_details {
        let problem = analysis.problem.as_ref();
        let valid = problem.is_some_and(|p| p.detected && p.valid);
        let detail = match problem {
            _ if valid => "The body is valid problem details (RFC 9457).".to_string(),
            Some(p) if p.detected => format!(
                "The problem details body has {}: {}.",
                counted(p.errors.len(), "error", "errors"),
                p.errors.iter().map(|e| e.message.as_str()).collect::<Vec<_>>().join("; ")
            ),
            _ => "The body should be problem details: application/problem+json with at least type, title and status.".to_string(),
        };
        checks.push(check("Problem details", valid, detail));
    }

    if let Some(expected) = &expect.cache {
        checks.push(cache_check(expected, analysis));
    }
    if let Some(expected) = &expect.retry {
        checks.push(retry_check(expected, analysis));
    }

    Grade { exercise: exercise.id.clone(), passed: checks.iter().all(|c| c.passed), checks }
}

/// Whether the list field `value` has `token` as one of its items
/// (case-insensitive). An item's parameters (`; charset=utf-8`) and, when
/// the token has none, a directive's value (`private="Set-Cookie"`) are
/// ignored; a token is never matched inside a longer item, so `max-age=60`
/// is not found in `max-age=600`.
fn lists_token(value: &str, token: &str) -> bool {
    let token = token.trim();
    value.split(',').map(str::trim).any(|item| {
        let head = item.split(';').next().unwrap_or_default().trim();
        let name = head.split('=').next().unwrap_or_default().trim();
        item.eq_ignore_ascii_case(token)
            || head.eq_ignore_ascii_case(token)
            || (!token.contains('=') && name.eq_ignore_ascii_case(token))
    })
}

fn cache_check(expected: &super::CacheExpect, analysis: &Analysis) -> Check {
    let (label, verdict) = match (expected.scope, analysis.cache.as_ref()) {
        (_, None) => {
            return check("Caching", false, "The response could not be judged for caching.")
        }
        (CacheScope::Shared, Some(cache)) => ("Shared caches", &cache.shared),
        (CacheScope::Private, Some(cache)) => ("Browser cache", &cache.private),
    };
    if verdict.storable != expected.storable {
        let detail = if expected.storable {
            format!("{label} may not store this response; they should be able to.")
        } else {
            format!("{label} may store this response; they should not.")
        };
        return check(label, false, detail);
    }
    if !expected.storable {
        return check(label, true, format!("{label} will not store it."));
    }
    let lifetime = verdict.freshness_lifetime_s.unwrap_or(0);
    let low = expected.min_lifetime_s.is_some_and(|min| lifetime < min);
    let high = expected.max_lifetime_s.is_some_and(|max| lifetime > max);
    let detail = match (low, high) {
        (true, _) => format!("Fresh for {lifetime} s in {label}: too short for this scenario."),
        (_, true) => format!("Fresh for {lifetime} s in {label}: too long for this scenario."),
        _ => format!("Fresh for {lifetime} s in {label}, as the scenario asks."),
    };
    check(label, !low && !high, detail)
}

fn retry_check(expected: &super::RetryExpect, analysis: &Analysis) -> Check {
    let Some(advice) = analysis.retry.as_ref() else {
        return check("Retry", false, "The response could not be judged for retrying.");
    };
    if advice.should_retry != expected.should_retry {
        let detail = if expected.should_retry {
            "A client would not retry after this response; here it should be able to."
        } else {
            "A client would retry after this response; here it must not."
        };
        return check("Retry", false, detail);
    }
    let after = advice.after_s;
    let low = expected.min_after_s.is_some_and(|min| after.is_none_or(|a| a < min));
    let high = expected.max_after_s.is_some_and(|max| after.is_some_and(|a| a > max));
    let detail = match (after, low, high) {
        (None, true, _) => "Say how long the client should wait before it tries again.".to_string(),
        (Some(a), true, _) => format!("A wait of {a} s is shorter than this scenario needs."),
        (Some(a), _, true) => format!("A wait of {a} s is longer than this scenario needs."),
        _ => "The retry behaviour fits the scenario.".to_string(),
    };
    check("Retry", !low && !high, detail)
}

#[cfg(test)]
mod tests {
    use super::lists_token;

    #[test]
    fn list_tokens_match_whole_items_only() {
        assert!(lists_token("public, max-age=60, s-maxage=3600", "max-age=60"));
        assert!(!lists_token("public, max-age=600", "max-age=60"));
        assert!(lists_token("GET, HEAD", "head"));
        assert!(!lists_token("GETTER", "GET"));
        assert!(lists_token("application/problem+json; charset=utf-8", "application/problem+json"));
        assert!(lists_token("private=\"Set-Cookie\"", "private"));
        assert!(lists_token("bytes */4096", "bytes */4096"));
        assert!(!lists_token("", "private"));
    }
}
