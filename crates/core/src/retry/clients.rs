//! What real clients' documented defaults would do with a response, computed
//! from `data/retry-clients.json` (status lists, method lists, Retry-After
//! handling), never hard-coded per status.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use crate::headers::date::Timestamp;
use crate::headers::retry_after::{parse_retry_after, resolve_delay, RetryAfter};
use crate::time::UnixTime;

use super::reading::{describe_seconds, RetryAfterForm, RetryAfterReading, AGREEMENT_SECONDS};
use super::{ClientVerdict, Verdict};

/// The data file, compiled in.
pub const RETRY_CLIENTS_JSON: &str = include_str!("../../../../data/retry-clients.json");

/// What kind of behaviour a row describes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum PolicyKind {
    /// A retry policy whose job is to retry transient failures.
    RetryPolicy,
    /// A retry policy an operator opts into (Envoy's retry_on values): its
    /// narrowness is the operator's choice, so only retrying more than the
    /// RFCs allow counts as a departure.
    ConfiguredPolicy,
    /// A platform that retries only what its own specification says.
    Platform,
    /// The gRPC HTTP-to-status mapping.
    GrpcMapping,
}

/// What a client does with a Retry-After it cannot read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InvalidRetryAfter {
    /// Ignores it and uses its backoff.
    Backoff,
    /// Raises an error instead of retrying.
    Error,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetryAfterHandling {
    pub honored: bool,
    /// The statuses whose Retry-After it reads; `None`: any it retries.
    pub statuses: Option<Vec<u16>>,
    pub cap_s: Option<u64>,
    /// The date forms it can parse; `None`: all three.
    pub date_forms: Option<Vec<String>>,
    pub invalid: InvalidRetryAfter,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrpcMap {
    pub http: u16,
    pub grpc: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GrpcMapping {
    pub map: Vec<GrpcMap>,
    pub otherwise: String,
    /// gRPC codes retried by default.
    pub retryable: Vec<String>,
}

impl GrpcMapping {
    pub fn code_for(&self, status: u16) -> &str {
        self.map.iter().find(|m| m.http == status).map_or(self.otherwise.as_str(), |m| &m.grpc)
    }
}

/// One client's documented default, as the data file states it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ClientPolicy {
    pub id: String,
    pub client: String,
    pub source: String,
    /// What was read to establish the row.
    pub checked: String,
    /// Claims in the row that were not checked against the source.
    pub unverified: Vec<String>,
    pub kind: PolicyKind,
    pub retries_by_default: bool,
    pub statuses: Vec<u16>,
    /// Inclusive `[low, high]` ranges.
    pub status_ranges: Vec<[u16; 2]>,
    pub except_statuses: Vec<u16>,
    /// Retried only when the response has a non-empty Retry-After.
    pub statuses_with_retry_after: Vec<u16>,
    /// `None`: any method.
    pub methods: Option<Vec<String>>,
    pub retry_after: RetryAfterHandling,
    pub backoff: String,
    pub note: String,
    #[serde(default)]
    pub grpc: Option<GrpcMapping>,
}

impl ClientPolicy {
    pub fn verified(&self) -> bool {
        self.unverified.is_empty()
    }

    /// Is the status in the retried lists (ignoring Retry-After-only codes)?
    pub fn lists_status(&self, status: u16) -> bool {
        !self.except_statuses.contains(&status)
            && (self.statuses.contains(&status)
                || self.status_ranges.iter().any(|[low, high]| (*low..=*high).contains(&status)))
    }

    pub fn allows_method(&self, method: &str) -> bool {
        self.methods.as_ref().is_none_or(|list| list.iter().any(|m| m.eq_ignore_ascii_case(method)))
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ClientData {
    #[allow(dead_code)]
    about: String,
    clients: Vec<ClientPolicy>,
}

/// Parses the data file; a test proves it parses.
pub fn parse_client_policies(json: &str) -> Result<Vec<ClientPolicy>, serde_json::Error> {
    serde_json::from_str::<ClientData>(json).map(|data| data.clients)
}

/// Every client row, parsed once.
pub fn client_policies() -> &'static [ClientPolicy] {
    static POLICIES: OnceLock<Vec<ClientPolicy>> = OnceLock::new();
    POLICIES.get_or_init(|| parse_client_policies(RETRY_CLIENTS_JSON).unwrap_or_default())
}

/// What the RFC-based analysis concluded, for comparison.
pub(crate) struct RfcView<'a> {
    pub status: u16,
    /// The method a client would see ("GET" standing in when unknown).
    pub method: &'a str,
    pub request_known: bool,
    pub verdict: Verdict,
    pub should_retry: bool,
    pub retry_safe: bool,
    pub needs_change: Option<&'a str>,
    pub spec_label: &'a str,
    pub retry_after: Option<&'a RetryAfterReading>,
    pub now: UnixTime,
}

/// How a client would read the Retry-After value: against its local clock.
fn client_wait(reading: &RetryAfterReading, now: UnixTime) -> Option<u64> {
    let parsed = parse_retry_after(&reading.raw, Some(Timestamp(now.0))).ok()?;
    let local = resolve_delay(&parsed, None, Timestamp(now.0));
    Some(match parsed {
        RetryAfter::Delay(seconds) => seconds,
        RetryAfter::Date(_) => local.wait_seconds,
    })
}

pub(crate) fn evaluate(policy: &ClientPolicy, rfc: &RfcView<'_>) -> ClientVerdict {
    let mut notes: Vec<String> = vec![policy.note.clone()];
    if let Some(grpc) = &policy.grpc {
        return grpc_verdict(policy, grpc, rfc);
    }
    let method_ok = policy.allows_method(rfc.method);
    let listed = policy.lists_status(rfc.status);
    let ra_present = rfc.retry_after.is_some_and(|r| !r.raw.trim().is_empty());
    let ra_listed = ra_present && policy.statuses_with_retry_after.contains(&rfc.status);
    let mut would_retry = policy.retries_by_default && method_ok && (listed || ra_listed);
    let mut departs: Option<String> = None;
    let mut delay = None;
    let mut ra_used = false;
    if !rfc.request_known && policy.methods.is_some() {
        notes.push("The request method is unknown; judged as GET.".into());
    }
    if policy.retries_by_default && !method_ok && (listed || ra_listed) {
        notes.push(format!(
            "It would retry a {} only for its allowed methods, not {}.",
            rfc.status, rfc.method
        ));
    }
    if policy.retries_by_default
        && !listed
        && !ra_present
        && policy.statuses_with_retry_after.contains(&rfc.status)
    {
        notes.push(format!("It retries {} only when Retry-After is present.", rfc.status));
    }
    if would_retry {
        let handling = &policy.retry_after;
        let reads_status = handling.statuses.as_ref().is_none_or(|s| s.contains(&rfc.status));
        match rfc.retry_after {
            Some(reading) if handling.honored && reads_status && ra_present => {
                let form_ok = !reading.form.is_date()
                    || handling
                        .date_forms
                        .as_ref()
                        .is_none_or(|forms| forms.iter().any(|f| f == reading.form.data_name()));
                match client_wait(reading, rfc.now) {
                    Some(wait) if form_ok => {
                        ra_used = true;
                        let capped = handling.cap_s.map_or(wait, |cap| wait.min(cap));
                        delay = Some(if capped < wait {
                            format!(
                                "Retry-After, capped: {} instead of {}",
                                describe_seconds(capped),
                                describe_seconds(wait)
                            )
                        } else {
                            format!("Retry-After: {}", describe_seconds(capped))
                        });
                        if capped < wait {
                            departs = Some(format!(
                                "caps Retry-After at {}: retries after {} although the server asked for {}",
                                describe_seconds(capped),
                                describe_seconds(capped),
                                describe_seconds(wait)
                            ));
                        } else if let Some(server) =
                            reading.wait_s.filter(|_| reading.form.is_date())
                        {
                            if server.abs_diff(wait) > AGREEMENT_SECONDS {
                                departs = Some(format!(
                                    "measures the Retry-After date against the local clock \
                                     ({}) rather than the response's Date ({})",
                                    describe_seconds(wait),
                                    describe_seconds(server)
                                ));
                            }
                        }
                    }
                    Some(_) => {
                        notes.push(format!(
                            "It cannot parse a Retry-After {}, so it uses its backoff.",
                            reading.form.label()
                        ));
                        departs = Some(format!(
                            "cannot read the {} Retry-After (recipients must accept all three \
                             HTTP-date forms, RFC 9110 §5.6.7) and retries on its own backoff",
                            reading.form.label()
                        ));
                    }
                    None => match handling.invalid {
                        InvalidRetryAfter::Error => {
                            would_retry = false;
                            notes.push(
                                "The Retry-After value is unreadable: it raises an error \
                                 (InvalidHeader) instead of retrying."
                                    .into(),
                            );
                        }
                        InvalidRetryAfter::Backoff => notes.push(
                            "The Retry-After value is unreadable, so it uses its backoff.".into(),
                        ),
                    },
                }
            }
            Some(reading) if reading.usable() && reading.wait_s != Some(0) => {
                departs = Some(format!(
                    "ignores Retry-After (the server asked for {}) and retries on its own backoff",
                    describe_seconds(reading.wait_s.unwrap_or(0))
                ));
            }
            _ => {}
        }
        if would_retry && !ra_used {
            delay = Some(policy.backoff.clone());
        }
    }
    // Doing more than the RFCs allow matters more than any Retry-After detail.
    if would_retry && !rfc.should_retry {
        departs = Some(retries_against_rfc(rfc));
    } else if !would_retry
        && rfc.should_retry
        && policy.kind == PolicyKind::RetryPolicy
        && policy.retries_by_default
    {
        if method_ok {
            departs = Some(format!(
                "does not retry {}, which the RFC-based advice retries ({})",
                rfc.status, rfc.spec_label
            ));
        } else {
            notes.push(format!(
                "More cautious than the RFC-based advice, which retries this {} ({}).",
                rfc.method, rfc.spec_label
            ));
        }
    }
    if !policy.verified() {
        notes.push(format!("Not verified: {}", policy.unverified.join(" ")));
    }
    ClientVerdict {
        id: policy.id.clone(),
        client: policy.client.clone(),
        would_retry,
        delay,
        note: notes.join(" "),
        source: policy.source.clone(),
        verified: policy.verified(),
        departs_from_rfc: departs,
    }
}

fn retries_against_rfc(rfc: &RfcView<'_>) -> String {
    let status = rfc.status;
    match rfc.verdict {
        Verdict::DoNotRetry if !rfc.retry_safe => format!(
            "retries {} on {status} although {} is not idempotent and has no Idempotency-Key, \
             so the request may take effect twice (RFC 9110 §9.2.2)",
            rfc.method, rfc.method
        ),
        Verdict::DoNotRetry => {
            format!(
                "retries {status}, which will not change by repeating the request ({})",
                rfc.spec_label
            )
        }
        Verdict::AfterChange => format!(
            "retries {status} unchanged, though the request must change first ({}; {})",
            rfc.needs_change.unwrap_or("fix the request"),
            rfc.spec_label
        ),
        Verdict::NothingToRetry => format!("retries a {status}, which needs no retry"),
        Verdict::Retry => String::new(),
    }
}

fn grpc_verdict(policy: &ClientPolicy, grpc: &GrpcMapping, rfc: &RfcView<'_>) -> ClientVerdict {
    let code = grpc.code_for(rfc.status);
    let would_retry = grpc.retryable.iter().any(|c| c == code);
    let mapping = if (100..200).contains(&rfc.status) {
        "A gRPC client skips a 1xx header block and reads the next one.".to_string()
    } else {
        format!("Without a grpc-status field, a gRPC client reports HTTP {} as {code}.", rfc.status)
    };
    let policy_note = if would_retry {
        format!("{code} is retried by default.")
    } else if grpc.retryable.is_empty() {
        format!(
            "gRPC retries nothing by default: only a service config retryPolicy that lists {code} \
             in retryableStatusCodes would retry it."
        )
    } else {
        format!("{code} is not among the codes retried by default.")
    };
    ClientVerdict {
        id: policy.id.clone(),
        client: policy.client.clone(),
        would_retry,
        delay: would_retry.then(|| policy.backoff.clone()),
        note: format!("{mapping} {policy_note} {}", policy.note),
        source: policy.source.clone(),
        verified: policy.verified(),
        departs_from_rfc: None,
    }
}

/// Sanity rules for the data file (used by tests).
pub fn check_client_policies(policies: &[ClientPolicy]) -> Vec<String> {
    let mut problems = Vec::new();
    for (index, policy) in policies.iter().enumerate() {
        let id = &policy.id;
        if policies.iter().skip(index + 1).any(|other| &other.id == id) {
            problems.push(format!("{id}: duplicate id"));
        }
        if !policy.source.starts_with("https://") {
            problems.push(format!("{id}: source must be an https URL"));
        }
        if policy.client.trim().is_empty()
            || policy.checked.trim().is_empty()
            || policy.note.trim().is_empty()
        {
            problems.push(format!("{id}: client, checked and note must be filled"));
        }
        if policy.status_ranges.iter().any(|[low, high]| low > high) {
            problems.push(format!("{id}: a status range is reversed"));
        }
        if (policy.kind == PolicyKind::GrpcMapping) != policy.grpc.is_some() {
            problems.push(format!("{id}: grpc data goes with kind grpc-mapping, and only there"));
        }
        if let Some(forms) = &policy.retry_after.date_forms {
            for form in forms {
                if ![RetryAfterForm::ImfFixdate, RetryAfterForm::Rfc850, RetryAfterForm::Asctime]
                    .iter()
                    .any(|f| f.data_name() == form)
                {
                    problems.push(format!("{id}: unknown date form {form:?}"));
                }
            }
        }
    }
    problems
}
