//! Time as the core sees it: a number the shell passes in. The core never
//! reads a clock (see `clippy.toml`), so every verdict that depends on the
//! date is reproducible in a test.

use serde::{Deserialize, Serialize};

const SECONDS_PER_DAY: i64 = 86_400;

/// Seconds since 1970-01-01T00:00:00Z; negative before it (HTTP dates may
/// name any year from 0000 on).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct UnixTime(pub i64);

impl UnixTime {
    /// Midnight UTC of the day `days` after 1970-01-01.
    pub fn from_days(days: i64) -> UnixTime {
        UnixTime(days.saturating_mul(SECONDS_PER_DAY))
    }

    /// Whole days since 1970-01-01 (rounded towards the past).
    pub fn days(self) -> i64 {
        self.0.div_euclid(SECONDS_PER_DAY)
    }

    /// From milliseconds, as JavaScript's `Date.now()` gives them.
    /// "2026-11-23 10:00:00 UTC", for people.
    pub fn utc_label(self) -> String {
        let (year, month, day) = civil_from_days(self.0.div_euclid(86_400));
        let seconds = self.0.rem_euclid(86_400);
        format!(
            "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
            seconds / 3600,
            seconds / 60 % 60,
            seconds % 60
        )
    }

    pub fn from_millis(millis: f64) -> UnixTime {
        // `as` saturates for out-of-range floats and maps NaN to 0.
        UnixTime((millis / 1000.0).floor() as i64)
    }
}

/// Days from 1970-01-01 to the given proleptic Gregorian date; `month`
/// 1–12, `day` 1–31, not validated. (The arithmetic lives with the HTTP-date
/// parser, `headers::date`, which needs it for every year from 0000.)
pub fn days_from_civil(year: i64, month: u32, day: u32) -> i64 {
    let narrow = |n: u32| u8::try_from(n).unwrap_or(u8::MAX);
    crate::headers::date::days_from_civil(year, narrow(month), narrow(day))
}

/// The (year, month, day) of a day count from 1970-01-01.
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let (year, month, day) = crate::headers::date::civil_from_days(days);
    (year, u32::from(month), u32::from(day))
}

/// "2026-11-13" → days since 1970-01-01; `None` unless it is such a date.
pub fn days_from_iso_date(text: &str) -> Option<i64> {
    let mut parts = text.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() != 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let year: i64 = year.parse().ok()?;
    let month: u32 = month.parse().ok()?;
    let day: u32 = day.parse().ok()?;
    let days = days_from_civil(year, month, day);
    // Round-tripping rejects 2026-02-30 and month 13.
    (civil_from_days(days) == (year, month, day)).then_some(days)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn civil_dates_round_trip_across_eras() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(days_from_civil(1969, 12, 31), -1);
        for days in (-800_000..800_000).step_by(997) {
            let (y, m, d) = civil_from_days(days);
            assert_eq!(days_from_civil(y, m, d), days, "{y}-{m}-{d}");
        }
    }

    #[test]
    fn iso_dates() {
        assert_eq!(days_from_iso_date("2026-11-13"), Some(days_from_civil(2026, 11, 13)));
        assert_eq!(days_from_iso_date("2024-02-29").map(|d| civil_from_days(d).2), Some(29));
        assert_eq!(days_from_iso_date("2026-02-29"), None);
        assert_eq!(days_from_iso_date("2026-13-01"), None);
        assert_eq!(days_from_iso_date("26-11-13"), None);
        assert_eq!(days_from_iso_date("2026-11-13-1"), None);
    }

    #[test]
    fn unix_time_days_round_towards_the_past() {
        assert_eq!(UnixTime(-1).days(), -1);
        assert_eq!(UnixTime(86_399).days(), 0);
        assert_eq!(UnixTime::from_millis(1_764_000_000_123.0), UnixTime(1_764_000_000));
        assert_eq!(UnixTime::from_millis(f64::NAN), UnixTime(0));
    }
}
