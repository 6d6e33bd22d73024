//! Cacheability: an RFC 9111 verdict with its reasons.
//!
//! [`analyze_cache`] judges one exchange twice, once as a shared cache (a
//! CDN or proxy) and once as a private one (a browser). Each verdict is a
//! chain of steps in the order RFC 9111 §3 asks a cache to check them: the
//! request method, the request's `no-store`, the status code (RFC 9110
//! §15.1), the response's `no-store`, `private`, `public` and `no-cache`,
//! an Authorization header in the request (§3.5), Set-Cookie, Vary, and then
//! where the freshness lifetime comes from (§4.2.1, or the heuristic of
//! §4.2.2), the current age (§4.2.3), what may happen once the response is
//! stale (`must-revalidate`, RFC 5861) and `immutable` (RFC 8246).
//!
//! The verdict's [`Windows`] place those facts on a timeline counted from
//! the moment of receipt, so [`CacheVerdict::action_at`] can say cheaply
//! what a cache would do at any moment (the page calls it for a slider).
//!
//! Alongside, the analysis records what the `http-cache-semantics` crate
//! answers for the same exchange with the clock fixed to the same moments,
//! and explains where that library and this verdict differ.
//!
//! Everything is computed from the exchange and `now`; nothing reads the
//! system clock.

mod defaults;
mod fields;
mod library;
mod spec;
mod verdict;

use serde::{Deserialize, Serialize};

use crate::exchange::Exchange;
use crate::registry::model::Citation;
use crate::time::UnixTime;

pub use defaults::{DefaultBehaviour, DefaultFact, ImplementationKind, CACHE_DEFAULTS_JSON};
pub use verdict::HEURISTIC_CAP_S;

/// Everything the cache engine concludes about one exchange.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheAnalysis {
    /// A shared cache: a CDN, a reverse or forward proxy.
    pub shared: CacheVerdict,
    /// A private cache: the browser's.
    pub private: CacheVerdict,
    /// The response's current age at `now`, in seconds (RFC 9111 §4.2.3).
    pub age_s: i64,
    /// The assumed moment of receipt: the response's Date when it has a
    /// valid one, else `now`.
    pub received_at: UnixTime,
    pub validators: Validators,
    /// CDN-Cache-Control and other targeted fields (RFC 9213), and
    /// Cache-Status (RFC 9211), when the response carries them.
    pub targeted: Vec<TargetedField>,
    /// The http-cache-semantics crate's answer; `None` when the exchange
    /// cannot be expressed with the `http` crate's types (an invalid method
    /// token or a status outside 100–999).
    pub library: Option<LibraryVerdict>,
    /// What well-known CDNs and browsers do by default with this exchange,
    /// from their documentation (`data/cache-defaults.json`).
    #[serde(default)]
    pub defaults: Vec<DefaultBehaviour>,
}

/// One cache's verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheVerdict {
    /// May this cache store the response (RFC 9111 §3)?
    pub storable: bool,
    /// RFC 9111 §4.2.1, in seconds. Zero or negative when the explicit
    /// information says the response is already expired (including an
    /// invalid or past Expires, or an invalid max-age); `None` only when
    /// there is neither explicit nor heuristic freshness.
    pub freshness_lifetime_s: Option<i64>,
    /// The lifetime is heuristic (RFC 9111 §4.2.2): 10% of the time since
    /// Last-Modified, at most [`HEURISTIC_CAP_S`].
    pub heuristic: bool,
    /// The chain of reasoning, in order.
    pub reasons: Vec<CacheStep>,
    pub windows: Windows,
}

/// One link in the chain of reasoning.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CacheStep {
    pub label: String,
    pub detail: String,
    pub spec: Citation,
}

/// The verdict on a timeline: seconds counted from the moment of receipt.
/// Empty (all `None`) when the response is not storable or has no freshness.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Windows {
    /// Fresh before this moment: the freshness lifetime less the age the
    /// response already had on arrival. Zero or negative when it arrived
    /// stale.
    pub fresh_until_s: Option<i64>,
    /// After `fresh_until_s` and before this, a cache may serve it stale
    /// while it revalidates in the background (RFC 5861 §3).
    pub stale_while_revalidate_until_s: Option<i64>,
    /// Before this, a cache may serve it stale when the origin fails
    /// (RFC 5861 §4).
    pub stale_if_error_until_s: Option<i64>,
    /// Once stale, it must not be served without revalidation
    /// (must-revalidate; for shared caches also proxy-revalidate and
    /// s-maxage).
    pub must_revalidate: bool,
    /// Plain `no-cache`: every reuse needs a successful revalidation first.
    pub no_cache: bool,
}

/// What a cache does with a request for the response at a given moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum CacheAction {
    /// Fresh: served without contacting the origin.
    ServeFromCache,
    /// Stale, within stale-while-revalidate: served at once, refreshed in
    /// the background.
    ServeStaleWhileRevalidating,
    /// Stored but not usable as is: the cache asks the origin first (a
    /// conditional request when it has a validator).
    RevalidateFirst,
    /// Not storable: every request goes to the origin.
    GoToOrigin,
}

impl CacheVerdict {
    /// What this cache does `seconds_after_receipt` after it received the
    /// response. Cheap: a few comparisons.
    pub fn action_at(&self, seconds_after_receipt: i64) -> CacheAction {
        if !self.storable {
            return CacheAction::GoToOrigin;
        }
        let windows = &self.windows;
        let Some(fresh_until) = windows.fresh_until_s else {
            return CacheAction::RevalidateFirst;
        };
        if windows.no_cache {
            return CacheAction::RevalidateFirst;
        }
        if seconds_after_receipt < fresh_until {
            return CacheAction::ServeFromCache;
        }
        if windows.must_revalidate {
            return CacheAction::RevalidateFirst;
        }
        match windows.stale_while_revalidate_until_s {
            Some(until) if seconds_after_receipt < until => {
                CacheAction::ServeStaleWhileRevalidating
            }
            _ => CacheAction::RevalidateFirst,
        }
    }

    /// Seconds the response may still be served without contacting the
    /// origin, `seconds_after_receipt` after receipt (0 when it may not).
    pub fn fresh_for_at(&self, seconds_after_receipt: i64) -> i64 {
        if self.action_at(seconds_after_receipt) != CacheAction::ServeFromCache {
            return 0;
        }
        self.windows
            .fresh_until_s
            .map_or(0, |until| until.saturating_sub(seconds_after_receipt).max(0))
    }
}

/// The response's validators and how a cache would use them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// The entity tag as a cache would send it back (`"x"` or `W/"x"`).
    pub etag: Option<String>,
    pub weak: bool,
    /// The Last-Modified value, when it is a valid HTTP-date.
    pub last_modified: Option<String>,
    /// The fields a cache would add to revalidate: If-None-Match and
    /// If-Modified-Since (RFC 9111 §4.3.1).
    pub conditional_request: Vec<(String, String)>,
    /// What the stored header fields become when the origin answers 304
    /// (RFC 9111 §4.3.4, §3.2).
    pub after_304: String,
}

/// A targeted cache-control field (RFC 9213) or Cache-Status (RFC 9211).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetedField {
    pub name: String,
    pub value: String,
    pub explanation: String,
    pub spec: Citation,
}

/// The http-cache-semantics crate's answer for the same exchange, with its
/// clock fixed: the response received at `received_at`, asked at `now`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LibraryVerdict {
    pub shared_storable: bool,
    /// `time_to_live` at `now`, whole seconds.
    pub shared_ttl_s: i64,
    pub private_storable: bool,
    pub private_ttl_s: i64,
    /// Where it differs from this analysis, with the RFC text behind ours.
    pub differs: Vec<String>,
}

/// Judges `exchange` as shared and private caches would, at `now`.
pub fn analyze_cache(exchange: &Exchange, now: UnixTime) -> CacheAnalysis {
    let context = verdict::Context::new(exchange, now);
    let shared = verdict::judge(&context, true);
    let private = verdict::judge(&context, false);
    let library = library::compare(&context, &shared, &private);
    CacheAnalysis {
        age_s: context.age_s,
        received_at: UnixTime(context.received_at),
        validators: fields::validators(exchange),
        targeted: fields::targeted(exchange),
        defaults: defaults::defaults(&context),
        shared,
        private,
        library,
    }
}

#[cfg(test)]
mod tests;
