//! Retry budgets: a token bucket shared by every request a client sends to
//! one service, so that during an outage retries stop adding load. The
//! schedule assumes the worst case, every retry failing, and shows where the
//! bucket runs dry before the attempt limit does.

use serde::{Deserialize, Serialize};

use crate::registry::model::Citation;

use super::spec;

/// gRPC counts tokens in fractions (`tokenRatio`); thousandths keep the
/// arithmetic exact and the model free of floats.
const MILLI: u32 = 1000;

/// A client-wide retry budget, as the user set it for this failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "scheme", rename_all = "kebab-case")]
pub enum RetryBudget {
    /// The AWS SDKs' retry quota (standard mode): each retry takes
    /// `retry_cost` tokens and is sent only while that many are left; the
    /// bucket starts with 500, a retry costs 5 (10 after a timeout), and a
    /// success without retries gives one back.
    AwsQuota { tokens: u32, retry_cost: u32 },
    /// gRPC retry throttling (gRFC A6): every failed attempt takes one
    /// token, every success gives back `tokenRatio`, and no retry is sent
    /// while the count is at or below half of `max_tokens`.
    GrpcThrottling { max_tokens: u32, tokens_milli: u32 },
}

impl RetryBudget {
    /// The AWS quota as a fresh client starts it.
    pub const AWS_FULL: RetryBudget = RetryBudget::AwsQuota { tokens: 500, retry_cost: 5 };
    /// gRPC throttling with the example configuration of gRFC A6, full.
    pub const GRPC_FULL: RetryBudget =
        RetryBudget::GrpcThrottling { max_tokens: 10, tokens_milli: 10 * MILLI };

    /// Values a person typed, kept within what each scheme allows: gRFC A6
    /// bounds maxTokens to 1..=1000; the count never exceeds it.
    pub fn sanitized(self) -> RetryBudget {
        match self {
            RetryBudget::AwsQuota { tokens, retry_cost } => RetryBudget::AwsQuota {
                tokens: tokens.min(1_000_000),
                retry_cost: retry_cost.clamp(1, 1_000),
            },
            RetryBudget::GrpcThrottling { max_tokens, tokens_milli } => {
                let max_tokens = max_tokens.clamp(1, 1_000);
                RetryBudget::GrpcThrottling {
                    max_tokens,
                    tokens_milli: tokens_milli.min(max_tokens * MILLI),
                }
            }
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            RetryBudget::AwsQuota { .. } => "AWS retry quota",
            RetryBudget::GrpcThrottling { .. } => "gRPC retry throttling",
        }
    }

    pub fn spec(self) -> Citation {
        match self {
            RetryBudget::AwsQuota { .. } => spec::aws_retry_quota(),
            RetryBudget::GrpcThrottling { .. } => spec::grpc_retry_throttling(),
        }
    }

    /// How the budget reads at the start, for the reasons.
    pub fn describe(self) -> String {
        match self {
            RetryBudget::AwsQuota { tokens, retry_cost } => format!(
                "{tokens} tokens in the quota; each retry takes {retry_cost}, and none is sent \
                 with fewer left."
            ),
            RetryBudget::GrpcThrottling { max_tokens, tokens_milli } => format!(
                "{} of {max_tokens} tokens; this failure takes one, each failed retry another, \
                 and no retry is sent at or below {}.",
                format_milli(tokens_milli),
                format_milli(max_tokens * MILLI / 2),
            ),
        }
    }
}

/// "7", "7.5", "0.125": thousandths without trailing zeros.
pub fn format_milli(milli: u32) -> String {
    let whole = milli / MILLI;
    match milli % MILLI {
        0 => whole.to_string(),
        part => format!("{whole}.{}", format!("{part:03}").trim_end_matches('0')),
    }
}

/// The bucket as the schedule spends it, assuming every retry fails.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Bucket(RetryBudget);

impl Bucket {
    /// The bucket right after the failure being analysed: gRPC counts that
    /// failure too, the AWS quota charges only for retries.
    pub fn after_failure(budget: RetryBudget) -> Bucket {
        Bucket(match budget.sanitized() {
            RetryBudget::GrpcThrottling { max_tokens, tokens_milli } => {
                RetryBudget::GrpcThrottling {
                    max_tokens,
                    tokens_milli: tokens_milli.saturating_sub(MILLI),
                }
            }
            aws => aws,
        })
    }

    /// Spends what one more retry needs, if the bucket allows it. A gRPC
    /// retry is allowed above the threshold and, failing, takes a token.
    pub fn try_retry(&mut self) -> bool {
        match &mut self.0 {
            RetryBudget::AwsQuota { tokens, retry_cost } => {
                let allowed = *tokens >= *retry_cost;
                if allowed {
                    *tokens -= *retry_cost;
                }
                allowed
            }
            RetryBudget::GrpcThrottling { max_tokens, tokens_milli } => {
                let allowed = *tokens_milli > *max_tokens * MILLI / 2;
                if allowed {
                    *tokens_milli = tokens_milli.saturating_sub(MILLI);
                }
                allowed
            }
        }
    }

    /// Tokens left, in thousandths.
    pub fn left_milli(&self) -> u32 {
        match self.0 {
            RetryBudget::AwsQuota { tokens, .. } => tokens.saturating_mul(MILLI),
            RetryBudget::GrpcThrottling { tokens_milli, .. } => tokens_milli,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn retries_allowed(budget: RetryBudget) -> usize {
        let mut bucket = Bucket::after_failure(budget);
        (0..10_000).take_while(|_| bucket.try_retry()).count()
    }

    #[test]
    fn a_full_aws_quota_allows_a_hundred_failing_retries() {
        // smithy util-retry constants: 500 initial tokens, a retry costs 5.
        assert_eq!(retries_allowed(RetryBudget::AWS_FULL), 100);
        assert_eq!(retries_allowed(RetryBudget::AwsQuota { tokens: 9, retry_cost: 5 }), 1);
        assert_eq!(retries_allowed(RetryBudget::AwsQuota { tokens: 4, retry_cost: 5 }), 0);
    }

    #[test]
    fn grpc_stops_retrying_at_half_of_max_tokens() {
        // gRFC A6: 10 tokens; this failure → 9, retries at 9, 8, 7, 6 (each
        // failing) → 5, which is the threshold: no more.
        assert_eq!(retries_allowed(RetryBudget::GRPC_FULL), 4);
        let at_threshold = RetryBudget::GrpcThrottling { max_tokens: 10, tokens_milli: 6_000 };
        assert_eq!(retries_allowed(at_threshold), 0);
        let fractional = RetryBudget::GrpcThrottling { max_tokens: 10, tokens_milli: 6_100 };
        assert_eq!(retries_allowed(fractional), 1);
    }

    #[test]
    fn typed_values_are_kept_in_range() {
        let wild = RetryBudget::GrpcThrottling { max_tokens: 0, tokens_milli: u32::MAX };
        assert_eq!(
            wild.sanitized(),
            RetryBudget::GrpcThrottling { max_tokens: 1, tokens_milli: 1_000 }
        );
        let free = RetryBudget::AwsQuota { tokens: 10, retry_cost: 0 }.sanitized();
        assert_eq!(free, RetryBudget::AwsQuota { tokens: 10, retry_cost: 1 });
        assert_eq!(retries_allowed(RetryBudget::AwsQuota { tokens: 10, retry_cost: 0 }), 10);
    }

    #[test]
    fn thousandths_read_naturally() {
        assert_eq!(format_milli(7_000), "7");
        assert_eq!(format_milli(7_500), "7.5");
        assert_eq!(format_milli(125), "0.125");
    }
}
