//! Retry advice: whether a client should retry an exchange, when, and how.
//!
//! [`advise`] builds a chain of reasoning steps: the method's idempotency
//! (RFC 9110 §9.2.2, or an Idempotency-Key), what the status code says about
//! repeating the request (RFC 9110 §15 and the documents defining the other
//! codes), Retry-After (§10.2.3, read through [`crate::headers::retry_after`])
//! and the rate-limit fields. When a retry is advised it plans a schedule
//! (capped exponential backoff with full jitter, reproducible from a seed)
//! and shows what real clients' documented defaults would do, from
//! `data/retry-clients.json`.

mod budget;
mod clients;
mod method;
mod reading;
mod rules;
mod schedule;
mod spec;

use serde::{Deserialize, Serialize};

use crate::exchange::Exchange;
use crate::registry::model::Citation;
use crate::time::UnixTime;

pub use budget::{format_milli, RetryBudget};
pub use clients::{
    check_client_policies, client_policies, parse_client_policies, ClientPolicy, GrpcMap,
    GrpcMapping, InvalidRetryAfter, PolicyKind, RetryAfterHandling, RETRY_CLIENTS_JSON,
};
pub use reading::{
    RateLimitField, RateLimitReading, RateLimitScheme, ResetKind, RetryAfterForm,
    RetryAfterReading, WaitFrom, AGREEMENT_SECONDS, EPOCH_MILLIS_FROM, EPOCH_SECONDS_FROM,
    LONG_WAIT_SECONDS,
};

use method::judge_method;
use reading::{describe_seconds, read_rate_limit, read_retry_after};
use rules::{status_rule, Pace};

/// How the recommended schedule is built.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BackoffSettings {
    /// The first retry's jitter ceiling; doubled for each further retry.
    pub base_ms: u64,
    /// No single wait's jitter ceiling exceeds this.
    pub cap_ms: u64,
    /// Retries after the first request (0: none).
    pub max_attempts: u32,
    /// Stop planning retries that would start later than this after the
    /// response.
    pub deadline_ms: Option<u64>,
    /// Seeds the jitter draws, so a schedule is reproducible.
    pub seed: u64,
    /// A client-wide retry budget that can stop retries before
    /// `max_attempts` does.
    #[serde(default)]
    pub budget: Option<RetryBudget>,
}

impl BackoffSettings {
    pub const DEFAULT_SEED: u64 = 0x5EED_5EED;
}

impl BackoffSettings {
    /// Settings a person typed, kept within what a schedule can show: at
    /// least 1 ms, a cap no lower than the base, at most 20 retries and a
    /// day per wait.
    pub fn sanitized(self) -> BackoffSettings {
        let base_ms = self.base_ms.clamp(1, 86_400_000);
        BackoffSettings {
            base_ms,
            cap_ms: self.cap_ms.clamp(base_ms, 86_400_000),
            max_attempts: self.max_attempts.min(20),
            budget: self.budget.map(RetryBudget::sanitized),
            ..self
        }
    }
}

impl Default for BackoffSettings {
    fn default() -> Self {
        BackoffSettings {
            base_ms: 500,
            cap_ms: 30_000,
            max_attempts: 4,
            deadline_ms: None,
            seed: BackoffSettings::DEFAULT_SEED,
            budget: None,
        }
    }
}

/// The overall answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// A client may retry this exact request automatically.
    Retry,
    /// Repeating it unchanged gets the same answer: something must change first.
    AfterChange,
    /// Do not retry automatically.
    DoNotRetry,
    /// The request did not fail (1xx, 2xx, 3xx).
    NothingToRetry,
}

/// One link in the chain of reasoning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetryStep {
    pub label: String,
    pub detail: String,
    pub spec: Citation,
}

/// One planned retry. `earliest_ms..=latest_ms` is the jitter band of the
/// wait before it, `chosen_ms` the seeded draw from that band, and `at_ms`
/// when it starts, counted from the response (the sum of the chosen waits).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attempt {
    /// 1 for the first retry.
    pub number: u32,
    pub earliest_ms: u64,
    pub latest_ms: u64,
    pub chosen_ms: u64,
    pub at_ms: u64,
    /// What the retry budget holds once this retry has been sent and has
    /// failed (the worst case), in thousandths of a token (gRPC counts
    /// fractions; [`format_milli`] reads it), when a budget is set.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tokens_left_milli: Option<u32>,
}

/// What one real client's documented default would do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClientVerdict {
    /// The row's id in `data/retry-clients.json`.
    pub id: String,
    pub client: String,
    pub would_retry: bool,
    /// How long it would wait, when it retries.
    pub delay: Option<String>,
    pub note: String,
    /// Where the default is documented (URL).
    pub source: String,
    /// False when part of the row was not checked against its source (the
    /// note says which part).
    pub verified: bool,
    /// Where its default differs from the RFC-based verdict.
    pub departs_from_rfc: Option<String>,
}

/// Everything the retry engine concludes about one exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetryAdvice {
    pub verdict: Verdict,
    /// May a client retry this exact request automatically?
    pub should_retry: bool,
    /// The delay Retry-After asks for, in seconds, resolved against the
    /// response's Date (or the analysis time without one); `None` when
    /// Retry-After is absent or unreadable.
    pub after_s: Option<u64>,
    /// What must change before the request is sent again.
    pub needs_change: Option<String>,
    pub reason: String,
    /// The section behind the verdict.
    pub spec: Citation,
    pub steps: Vec<RetryStep>,
    pub retry_after: Option<RetryAfterReading>,
    pub rate_limit: Option<RateLimitReading>,
    /// The recommended retries, when `should_retry`.
    pub schedule: Vec<Attempt>,
    /// The longest total wait the schedule allows (the sum of the bands'
    /// upper ends, at most the deadline).
    pub worst_case_wait_ms: u64,
    pub clients: Vec<ClientVerdict>,
}

/// Advises on retrying `exchange`, judged at `now`.
pub fn advise(exchange: &Exchange, now: UnixTime, settings: &BackoffSettings) -> RetryAdvice {
    let response = &exchange.response;
    let status = response.status;
    let method = judge_method(exchange);
    let retry_after = read_retry_after(&response.headers, now);
    let rate_limit = read_rate_limit(&response.headers, now, retry_after.as_ref(), status);
    let after_s = retry_after.as_ref().and_then(|r| r.wait_s);
    let rule = status_rule(status, &method, after_s.is_some());
    let should_retry = rule.verdict == Verdict::Retry;

    let mut steps = vec![method.step.clone()];
    steps.push(RetryStep {
        label: rule.label.clone(),
        detail: rule.reason.clone(),
        spec: rule.spec.clone(),
    });
    if let Some(reading) = &retry_after {
        steps.push(retry_after_step(reading, status, rule.verdict));
    }
    if let Some(reading) = &rate_limit {
        steps.push(rate_limit_step(reading));
    }

    // The first retry waits at least what the server asked for: Retry-After,
    // else a rate-limit reset when the quota is spent (or the status is 429).
    let rate_floor = rate_limit
        .as_ref()
        .filter(|r| r.exhausted || status == 429)
        .and_then(|r| r.wait_s)
        .filter(|_| after_s.is_none());
    let floor_s = after_s.or(rate_floor).unwrap_or(0);
    let mut reason = rule.reason.clone();
    let (schedule, worst_case_wait_ms) = if should_retry {
        let immediate = rule.pace == Pace::Immediate;
        let plan = schedule::plan(settings, floor_s.saturating_mul(1000), immediate);
        if floor_s > 0 {
            reason.push_str(&format!(
                " Wait at least {} first ({}).",
                describe_seconds(floor_s),
                if after_s.is_some() { "Retry-After" } else { "the rate-limit reset" }
            ));
        }
        steps.push(schedule_step(settings, &plan, floor_s, immediate));
        if let Some(budget) = settings.budget {
            steps.push(budget_step(budget, &plan, settings.max_attempts));
        }
        (plan.attempts, plan.worst_case_wait_ms)
    } else {
        (Vec::new(), 0)
    };

    let spec_label = rule.spec.label.clone();
    let view = clients::RfcView {
        status,
        method: &method.method,
        request_known: exchange.request_known,
        verdict: rule.verdict,
        should_retry,
        retry_safe: method.retry_safe(),
        needs_change: rule.needs_change.as_deref(),
        spec_label: &spec_label,
        retry_after: retry_after.as_ref(),
        now,
    };
    let clients = client_policies().iter().map(|policy| clients::evaluate(policy, &view)).collect();

    RetryAdvice {
        verdict: rule.verdict,
        should_retry,
        after_s,
        needs_change: rule.needs_change,
        reason,
        spec: rule.spec,
        steps,
        retry_after,
        rate_limit,
        schedule,
        worst_case_wait_ms,
        clients,
    }
}

fn retry_after_step(reading: &RetryAfterReading, status: u16, verdict: Verdict) -> RetryStep {
    let mut detail =
        format!("Retry-After: {} ({}). {}", reading.raw, reading.form.label(), reading.effect);
    if reading.usable() {
        let context = match (status, verdict) {
            (300..=399, _) => " On a 3xx it is the minimum wait before following the redirect.",
            (413 | 429 | 503, Verdict::Retry) => "",
            (_, Verdict::Retry) => " The schedule treats it as a floor for the first retry.",
            (_, Verdict::NothingToRetry) => " The request did not fail, so it has no retry meaning here.",
            (_, Verdict::AfterChange) => {
                " The request must change before it is sent again; waiting alone does not make it succeed."
            }
            (_, Verdict::DoNotRetry) => " Waiting does not make an automatic retry safe or useful here.",
        };
        detail.push_str(context);
    }
    for problem in &reading.problems {
        detail.push(' ');
        detail.push_str(problem);
    }
    RetryStep { label: "Retry-After".into(), detail, spec: spec::rfc9110("10.2.3") }
}

fn rate_limit_step(reading: &RateLimitReading) -> RetryStep {
    let scheme = match reading.scheme {
        RateLimitScheme::Ietf => "RateLimit / RateLimit-Policy",
        RateLimitScheme::IetfLegacy => "RateLimit-Limit / -Remaining / -Reset (older draft)",
        RateLimitScheme::Vendor => "X-RateLimit-* (vendor convention)",
    };
    let mut parts = Vec::new();
    if let Some(limit) = reading.limit {
        match reading.window_s {
            Some(window) => parts.push(format!("limit {limit} per {window} s")),
            None => parts.push(format!("limit {limit}")),
        }
    }
    if let Some(remaining) = reading.remaining {
        parts.push(format!("{remaining} remaining"));
    }
    if let Some(wait) = reading.wait_s {
        parts.push(format!("resets in {}", describe_seconds(wait)));
    }
    let mut detail = format!(
        "{scheme}: {}.",
        if parts.is_empty() { "no usable values".to_string() } else { parts.join(", ") }
    );
    if reading.exhausted {
        detail.push_str(" The quota is spent: no request before the reset will succeed.");
    }
    for note in &reading.notes {
        detail.push(' ');
        detail.push_str(note);
    }
    if let Some(contradiction) = &reading.contradiction {
        detail.push(' ');
        detail.push_str(contradiction);
    }
    RetryStep { label: "Rate-limit fields".into(), detail, spec: spec::ratelimit_headers() }
}

fn schedule_step(
    settings: &BackoffSettings,
    plan: &schedule::Plan,
    floor_s: u64,
    immediate: bool,
) -> RetryStep {
    let mut detail = if immediate {
        "One retry, at once (no backoff): the condition is cleared by the new connection or \
         handshake, not by time."
            .to_string()
    } else {
        format!(
            "Up to {} retries; retry n waits a random time between 0 and min({} ms, {} ms x \
             2^(n-1)) (full jitter), drawn from seed {}.",
            settings.max_attempts, settings.cap_ms, settings.base_ms, settings.seed
        )
    };
    if floor_s > 0 {
        detail.push_str(&format!(
            " The first retry waits at least {} on top of that.",
            describe_seconds(floor_s)
        ));
    }
    if plan.cut_by_deadline > 0 {
        detail.push_str(&format!(
            " The deadline cuts {} planned retr{}.",
            plan.cut_by_deadline,
            if plan.cut_by_deadline == 1 { "y" } else { "ies" }
        ));
        if plan.attempts.is_empty() {
            detail.push_str(" No retry fits before the deadline: give up or extend it.");
        }
    }
    if settings.max_attempts == 0 {
        detail.push_str(" Retries are switched off (max_attempts = 0).");
    }
    RetryStep { label: "Schedule".into(), detail, spec: spec::backoff_and_jitter() }
}

fn budget_step(budget: RetryBudget, plan: &schedule::Plan, max_attempts: u32) -> RetryStep {
    let mut detail = budget.sanitized().describe();
    if plan.cut_by_budget > 0 {
        detail.push_str(&format!(
            " If every retry fails, the budget runs out and stops {} planned retr{}.",
            plan.cut_by_budget,
            if plan.cut_by_budget == 1 { "y" } else { "ies" }
        ));
        if plan.attempts.is_empty() {
            detail.push_str(
                " No retry is sent: the client returns this failure at once, which is what a \
                 budget is for while a service fails for many requests.",
            );
        }
    } else if max_attempts > 0 {
        detail.push_str(" It does not cut this schedule.");
    }
    RetryStep { label: format!("Retry budget: {}", budget.name()), detail, spec: budget.spec() }
}

#[cfg(test)]
mod tests;

#[cfg(test)]
mod settings_tests {
    use super::BackoffSettings;

    #[test]
    fn typed_settings_are_kept_within_what_a_schedule_can_show() {
        let wild = BackoffSettings {
            base_ms: 0,
            cap_ms: 5,
            max_attempts: 900,
            ..BackoffSettings::default()
        };
        let kept = wild.sanitized();
        assert_eq!(kept.base_ms, 1);
        assert_eq!(kept.cap_ms, 5);
        assert_eq!(kept.max_attempts, 20);
        let inverted =
            BackoffSettings { base_ms: 2_000, cap_ms: 100, ..BackoffSettings::default() };
        assert_eq!(inverted.sanitized().cap_ms, 2_000, "a cap below the base is raised to it");
    }
}
