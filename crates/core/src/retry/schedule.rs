//! The recommended retry schedule: capped exponential backoff with full
//! jitter ("Exponential Backoff And Jitter", AWS Architecture Blog), made
//! reproducible by a seeded generator.

use super::budget::Bucket;
use super::{Attempt, BackoffSettings};

/// SplitMix64 (Steele, Lea and Flood): tiny, fast and good enough to spread
/// retries; deterministic from its seed.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64(u64);

impl SplitMix64 {
    pub fn new(seed: u64) -> SplitMix64 {
        SplitMix64(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A draw in `low..=high` (`high` below `low` gives `low`).
    pub fn between(&mut self, low: u64, high: u64) -> u64 {
        let draw = self.next_u64();
        match high.checked_sub(low).and_then(|span| span.checked_add(1)) {
            Some(width) => low + draw % width,
            // The whole u64 range: any draw is in it.
            None if high > low => draw,
            None => low,
        }
    }
}

/// `min(cap, base * 2^(n-1))` without overflow.
pub(crate) fn ceiling_ms(settings: &BackoffSettings, attempt: u32) -> u64 {
    let doubled = match attempt.saturating_sub(1) {
        shift if shift >= 64 => u64::MAX,
        shift => settings.base_ms.saturating_mul(1u64 << shift),
    };
    doubled.min(settings.cap_ms)
}

/// The outcome of planning.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Plan {
    pub attempts: Vec<Attempt>,
    pub worst_case_wait_ms: u64,
    /// Retries the deadline cut off (0 when none).
    pub cut_by_deadline: u32,
    /// Retries the budget stopped, every retry failing (0 when none).
    pub cut_by_budget: u32,
}

/// Plans up to `settings.max_attempts` retries. The first waits at least
/// `floor_ms` (Retry-After); with `immediate`, there is a single retry at
/// the floor (no backoff: 421 and 425 ask for one prompt retry).
pub(crate) fn plan(settings: &BackoffSettings, floor_ms: u64, immediate: bool) -> Plan {
    let mut rng = SplitMix64::new(settings.seed);
    let mut attempts = Vec::new();
    let mut at_ms: u64 = 0;
    let mut worst: u64 = 0;
    let total = if immediate { settings.max_attempts.min(1) } else { settings.max_attempts };
    let mut cut = 0;
    let mut cut_by_budget = 0;
    let mut bucket = settings.budget.map(Bucket::after_failure);
    for number in 1..=total {
        let earliest = if number == 1 { floor_ms } else { 0 };
        let jitter = if immediate { 0 } else { ceiling_ms(settings, number) };
        let latest = earliest.saturating_add(jitter);
        let chosen = rng.between(earliest, latest);
        let next_at = at_ms.saturating_add(chosen);
        if settings.deadline_ms.is_some_and(|deadline| next_at > deadline) {
            cut = total - number + 1;
            break;
        }
        if let Some(bucket) = bucket.as_mut() {
            if !bucket.try_retry() {
                cut_by_budget = total - number + 1;
                break;
            }
        }
        at_ms = next_at;
        worst = worst.saturating_add(latest);
        attempts.push(Attempt {
            number,
            earliest_ms: earliest,
            latest_ms: latest,
            chosen_ms: chosen,
            at_ms,
            tokens_left_milli: bucket.map(|b| b.left_milli()),
        });
    }
    if let Some(deadline) = settings.deadline_ms {
        worst = worst.min(deadline);
    }
    Plan { attempts, worst_case_wait_ms: worst, cut_by_deadline: cut, cut_by_budget }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic_and_stays_in_range() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..1000 {
            let (x, y) = (a.between(10, 20), b.between(10, 20));
            assert_eq!(x, y);
            assert!((10..=20).contains(&x));
        }
        assert_eq!(a.between(5, 5), 5);
        assert_eq!(a.between(9, 3), 9);
        let _ = a.between(0, u64::MAX);
    }

    #[test]
    fn ceiling_doubles_then_caps_without_overflow() {
        let settings = BackoffSettings { base_ms: 500, cap_ms: 30_000, ..Default::default() };
        let ceilings: Vec<u64> = (1..=8).map(|n| ceiling_ms(&settings, n)).collect();
        assert_eq!(ceilings, [500, 1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000]);
        let huge = BackoffSettings { base_ms: u64::MAX, cap_ms: u64::MAX, ..Default::default() };
        assert_eq!(ceiling_ms(&huge, 200), u64::MAX);
    }

    #[test]
    fn a_budget_stops_the_schedule_where_its_tokens_run_out() {
        use crate::retry::RetryBudget;
        // gRFC A6's example: 10 tokens, a failure already taken → 4 retries.
        let settings = BackoffSettings {
            max_attempts: 10,
            budget: Some(RetryBudget::GRPC_FULL),
            ..BackoffSettings::default()
        };
        let plan = plan(&settings, 0, false);
        assert_eq!(plan.attempts.len(), 4);
        assert_eq!(plan.cut_by_budget, 6);
        let left: Vec<_> = plan.attempts.iter().filter_map(|a| a.tokens_left_milli).collect();
        assert_eq!(left, [8_000, 7_000, 6_000, 5_000]);
        // A nearly drained AWS quota: 12 tokens pay for two retries of 5.
        let aws = BackoffSettings {
            budget: Some(RetryBudget::AwsQuota { tokens: 12, retry_cost: 5 }),
            ..BackoffSettings::default()
        };
        let plan = super::plan(&aws, 0, false);
        assert_eq!((plan.attempts.len(), plan.cut_by_budget), (2, 2));
        // Without a budget nothing is counted.
        let plan = super::plan(&BackoffSettings::default(), 0, false);
        assert!(plan.attempts.iter().all(|a| a.tokens_left_milli.is_none()));
        assert_eq!(plan.cut_by_budget, 0);
    }

    #[test]
    fn immediate_plans_one_retry_at_the_floor() {
        let plan = plan(&BackoffSettings::default(), 0, true);
        assert_eq!(plan.attempts.len(), 1);
        assert_eq!((plan.attempts[0].earliest_ms, plan.attempts[0].latest_ms), (0, 0));
        assert_eq!(plan.worst_case_wait_ms, 0);
    }
}
