//! HTTP-date (RFC 9110 §5.6.7): IMF-fixdate and the two obsolete forms a
//! recipient must still accept.
//!
//! The calendar arithmetic is our own (Howard Hinnant's `days_from_civil`)
//! rather than `httpdate`'s, because that crate rejects years before 1970 and
//! real `Expires` values such as `Thu, 01 Jan 1920 00:00:00 GMT` exist.

use std::fmt;

use serde::Serialize;

use super::list::saturating_decimal;

const SECONDS_PER_DAY: i64 = 86_400;

/// An example for error messages: the RFC's own.
const EXAMPLE: &str = "Sun, 06 Nov 1994 08:49:37 GMT";

/// Seconds since 1970-01-01T00:00:00Z, negative before; no leap seconds
/// (POSIX time).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(transparent)]
pub struct Timestamp(pub i64);

impl Timestamp {
    /// 0000-01-01T00:00:00Z, the earliest instant a four-digit year names.
    pub const MIN_HTTP: Timestamp = Timestamp(-62_167_219_200);
    /// 9999-12-31T23:59:59Z, the latest.
    pub const MAX_HTTP: Timestamp = Timestamp(253_402_300_799);

    pub const fn from_unix_seconds(seconds: i64) -> Timestamp {
        Timestamp(seconds)
    }

    pub const fn unix_seconds(self) -> i64 {
        self.0
    }

    pub fn saturating_add_seconds(self, seconds: i64) -> Timestamp {
        Timestamp(self.0.saturating_add(seconds))
    }

    /// `later - self` in seconds, negative when `later` is earlier.
    pub fn seconds_until(self, later: Timestamp) -> i64 {
        later.0.saturating_sub(self.0)
    }

    /// The UTC calendar date and time (proleptic Gregorian).
    pub fn to_civil(self) -> CivilDateTime {
        let days = self.0.div_euclid(SECONDS_PER_DAY);
        let second_of_day = self.0.rem_euclid(SECONDS_PER_DAY);
        let (year, month, day) = civil_from_days(days);
        CivilDateTime {
            year,
            month,
            day,
            hour: (second_of_day / 3600) as u8,
            minute: (second_of_day / 60 % 60) as u8,
            second: (second_of_day % 60) as u8,
        }
    }

    pub fn weekday(self) -> Weekday {
        Weekday::from_days_since_epoch(self.0.div_euclid(SECONDS_PER_DAY))
    }
}

/// A UTC calendar date and time; `month` and `day` count from 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CivilDateTime {
    pub year: i64,
    pub month: u8,
    pub day: u8,
    pub hour: u8,
    pub minute: u8,
    pub second: u8,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Weekday {
    pub const ALL: [Weekday; 7] = [
        Weekday::Mon,
        Weekday::Tue,
        Weekday::Wed,
        Weekday::Thu,
        Weekday::Fri,
        Weekday::Sat,
        Weekday::Sun,
    ];

    /// The `day-name` of IMF-fixdate and asctime.
    pub fn short_name(self) -> &'static str {
        match self {
            Weekday::Mon => "Mon",
            Weekday::Tue => "Tue",
            Weekday::Wed => "Wed",
            Weekday::Thu => "Thu",
            Weekday::Fri => "Fri",
            Weekday::Sat => "Sat",
            Weekday::Sun => "Sun",
        }
    }

    /// The `day-name-l` of RFC 850 dates.
    pub fn long_name(self) -> &'static str {
        match self {
            Weekday::Mon => "Monday",
            Weekday::Tue => "Tuesday",
            Weekday::Wed => "Wednesday",
            Weekday::Thu => "Thursday",
            Weekday::Fri => "Friday",
            Weekday::Sat => "Saturday",
            Weekday::Sun => "Sunday",
        }
    }

    fn from_days_since_epoch(days: i64) -> Weekday {
        // 1970-01-01 was a Thursday.
        match days.rem_euclid(7) {
            0 => Weekday::Thu,
            1 => Weekday::Fri,
            2 => Weekday::Sat,
            3 => Weekday::Sun,
            4 => Weekday::Mon,
            5 => Weekday::Tue,
            _ => Weekday::Wed,
        }
    }
}

const MONTHS: [(&str, &str); 12] = [
    ("Jan", "January"),
    ("Feb", "February"),
    ("Mar", "March"),
    ("Apr", "April"),
    ("May", "May"),
    ("Jun", "June"),
    ("Jul", "July"),
    ("Aug", "August"),
    ("Sep", "September"),
    ("Oct", "October"),
    ("Nov", "November"),
    ("Dec", "December"),
];

fn month_names(month: u8) -> (&'static str, &'static str) {
    usize::from(month)
        .checked_sub(1)
        .and_then(|index| MONTHS.get(index))
        .copied()
        .unwrap_or(("???", "month ???"))
}

/// Which of the three RFC 9110 §5.6.7 forms a date was written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateForm {
    /// `Sun, 06 Nov 1994 08:49:37 GMT`, the only form senders may generate.
    ImfFixdate,
    /// `Sunday, 06-Nov-94 08:49:37 GMT`, obsolete.
    Rfc850,
    /// `Sun Nov  6 08:49:37 1994`, obsolete.
    Asctime,
}

impl DateForm {
    /// Obsolete forms must be accepted but a sender MUST generate
    /// IMF-fixdate (RFC 9110 §5.6.7).
    pub fn is_obsolete(self) -> bool {
        self != DateForm::ImfFixdate
    }

    pub fn label(self) -> &'static str {
        match self {
            DateForm::ImfFixdate => "IMF-fixdate",
            DateForm::Rfc850 => "RFC 850 date",
            DateForm::Asctime => "asctime date",
        }
    }
}

/// How a two-digit RFC 850 year was given its century.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TwoDigitYearRule {
    /// RFC 9110 §5.6.7: the latest year with those digits that is not more
    /// than 50 years after the given `now`.
    FiftyYearsAfterNow,
    /// No `now` was given: 70-99 are 1970-1999 and 00-69 are 2000-2069, the
    /// window most HTTP libraries use.
    Window1970To2069,
}

/// Something worth telling about a date that was nevertheless read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "note", rename_all = "kebab-case")]
pub enum DateNote {
    /// Whitespace around the value was removed.
    SurroundingWhitespace,
    /// A day name, month or `GMT` in the wrong case; §5.6.7 makes HTTP-date
    /// case-sensitive, but RFC 9111 §4.2 asks caches to match dates
    /// case-insensitively, so the value is read anyway.
    NameCase {
        found: String,
        expected: &'static str,
    },
    /// asctime with `Nov 6` instead of `Nov  6`.
    AsctimeSingleSpaceDay,
    /// The day name disagrees with the date; the date wins.
    WeekdayMismatch {
        stated: Weekday,
        actual: Weekday,
    },
    /// Second 60: read as the first second of the next minute, because
    /// timestamps do not count leap seconds.
    LeapSecond,
    TwoDigitYear {
        digits: u8,
        year: i64,
        rule: TwoDigitYearRule,
    },
}

impl DateNote {
    /// Whether the input broke the grammar and was read only because this
    /// parser is lenient.
    pub fn is_leniency(&self) -> bool {
        match self {
            DateNote::SurroundingWhitespace
            | DateNote::NameCase { .. }
            | DateNote::AsctimeSingleSpaceDay
            | DateNote::WeekdayMismatch { .. } => true,
            DateNote::LeapSecond | DateNote::TwoDigitYear { .. } => false,
        }
    }

    pub fn message(&self) -> String {
        match self {
            DateNote::SurroundingWhitespace => "whitespace around the date was ignored".into(),
            DateNote::NameCase { found, expected } => {
                format!("{found:?} should be written {expected:?}: HTTP dates are case-sensitive")
            }
            DateNote::AsctimeSingleSpaceDay => {
                "asctime pads a one-digit day with a second space (\"Nov  6\")".into()
            }
            DateNote::WeekdayMismatch { stated, actual } => format!(
                "the day name says {} but the date is a {}",
                stated.long_name(),
                actual.long_name()
            ),
            DateNote::LeapSecond => {
                "second 60 (a leap second) was read as the start of the next minute".into()
            }
            DateNote::TwoDigitYear { digits, year, rule } => match rule {
                TwoDigitYearRule::FiftyYearsAfterNow => format!(
                    "two-digit year {digits:02} read as {year:04}: the latest such year not more \
                     than 50 years in the future (RFC 9110 §5.6.7)"
                ),
                TwoDigitYearRule::Window1970To2069 => format!(
                    "two-digit year {digits:02} read as {year:04}, assuming 1970-2069 because no \
                     current time was given"
                ),
            },
        }
    }
}

/// A date that was read, with how it was written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParsedDate {
    pub timestamp: Timestamp,
    pub form: DateForm,
    pub notes: Vec<DateNote>,
}

impl ParsedDate {
    pub fn needed_leniency(&self) -> bool {
        self.notes.iter().any(DateNote::is_leniency)
    }

    /// The same instant as a sender should write it.
    pub fn imf_fixdate(&self) -> String {
        format_imf_fixdate(self.timestamp)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum DateErrorKind {
    Empty,
    /// A separator or part is missing or misplaced.
    Syntax,
    DayName,
    Month,
    /// A numeric part has the wrong number of digits or is not a number.
    Digits,
    /// A day, hour, minute or second that does not exist.
    OutOfRange,
    TimeZone,
    TrailingText,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct DateError {
    pub kind: DateErrorKind,
    pub message: String,
}

impl DateError {
    fn new(kind: DateErrorKind, message: impl Into<String>) -> DateError {
        DateError { kind, message: message.into() }
    }
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

/// Parses an HTTP-date in any of its three forms.
///
/// `now` only matters for RFC 850 dates, whose two-digit year needs a
/// reference point (see [`TwoDigitYearRule`]).
pub fn parse_http_date(text: &str, now: Option<Timestamp>) -> Result<ParsedDate, DateError> {
    let trimmed = text.trim_ascii();
    if trimmed.is_empty() {
        return Err(DateError::new(DateErrorKind::Empty, "the date is empty"));
    }
    let mut notes = Vec::new();
    if trimmed.len() != text.len() {
        notes.push(DateNote::SurroundingWhitespace);
    }
    let raw = scan(trimmed, &mut notes)?;
    let year = match raw.year {
        RawYear::Full(year) => year,
        RawYear::TwoDigit(digits) => {
            let (year, rule) = resolve_two_digit_year(digits, &raw, now);
            notes.push(DateNote::TwoDigitYear { digits, year, rule });
            year
        }
    };
    validate(&raw, year)?;
    let leap_second = raw.second == 60;
    let days = days_from_civil(year, raw.month, raw.day);
    let second = if leap_second { 59 } else { raw.second };
    let timestamp = Timestamp(
        seconds_from_days(days, raw.hour, raw.minute, second)
            .saturating_add(i64::from(leap_second)),
    );
    if leap_second {
        notes.push(DateNote::LeapSecond);
    }
    let actual = Weekday::from_days_since_epoch(days);
    if actual != raw.weekday {
        notes.push(DateNote::WeekdayMismatch { stated: raw.weekday, actual });
    }
    Ok(ParsedDate { timestamp, form: raw.form, notes })
}

/// Formats a timestamp as IMF-fixdate. Instants outside years 0000-9999,
/// which four digits cannot write, are clamped to the nearest one inside.
pub fn format_imf_fixdate(ts: Timestamp) -> String {
    let ts = ts.clamp(Timestamp::MIN_HTTP, Timestamp::MAX_HTTP);
    let civil = ts.to_civil();
    format!(
        "{}, {:02} {} {:04} {:02}:{:02}:{:02} GMT",
        ts.weekday().short_name(),
        civil.day,
        month_names(civil.month).0,
        civil.year,
        civil.hour,
        civil.minute,
        civil.second
    )
}

pub fn is_leap_year(year: i64) -> bool {
    year.rem_euclid(4) == 0 && (year.rem_euclid(100) != 0 || year.rem_euclid(400) == 0)
}

pub fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Hinnant's
/// `days_from_civil`); Euclidean division keeps it right for negative years.
pub(crate) fn days_from_civil(year: i64, month: u8, day: u8) -> i64 {
    let (month, day) = (i64::from(month), i64::from(day));
    // Counting years from March puts the leap day last.
    let year = if month <= 2 { year.saturating_sub(1) } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * (month + if month > 2 { -3 } else { 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era.saturating_mul(146_097).saturating_add(day_of_era - 719_468)
}

/// The inverse of [`days_from_civil`] (Hinnant's `civil_from_days`).
pub(crate) fn civil_from_days(days: i64) -> (i64, u8, u8) {
    let shifted = days.saturating_add(719_468);
    let era = shifted.div_euclid(146_097);
    let day_of_era = shifted.rem_euclid(146_097);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = if month_from_march < 10 { month_from_march + 3 } else { month_from_march - 9 };
    let year = era.saturating_mul(400).saturating_add(year_of_era + i64::from(month <= 2));
    (year, month as u8, day as u8)
}

fn seconds_from_days(days: i64, hour: u8, minute: u8, second: u8) -> i64 {
    let second_of_day = i64::from(hour) * 3600 + i64::from(minute) * 60 + i64::from(second);
    days.saturating_mul(SECONDS_PER_DAY).saturating_add(second_of_day)
}

enum RawYear {
    Full(i64),
    TwoDigit(u8),
}

/// The parts as written, before the calendar is consulted.
struct RawDate {
    form: DateForm,
    weekday: Weekday,
    day: u8,
    month: u8,
    year: RawYear,
    hour: u8,
    minute: u8,
    second: u8,
}

fn resolve_two_digit_year(
    digits: u8,
    raw: &RawDate,
    now: Option<Timestamp>,
) -> (i64, TwoDigitYearRule) {
    let digits_value = i64::from(digits);
    let Some(now) = now else {
        let century = if digits < 70 { 2000 } else { 1900 };
        return (century + digits_value, TwoDigitYearRule::Window1970To2069);
    };
    let now = now.to_civil();
    let limit = seconds_from_days(
        days_from_civil(now.year.saturating_add(50), now.month, now.day),
        now.hour,
        now.minute,
        now.second,
    );
    let century = now.year.div_euclid(100).saturating_mul(100).saturating_add(digits_value);
    // The century after now's may still be within 50 years; the one before
    // always is, so the search ends there.
    let candidates = [century.saturating_add(100), century, century.saturating_sub(100)];
    let not_too_far = |year: &i64| {
        let days = days_from_civil(*year, raw.month, raw.day);
        seconds_from_days(days, raw.hour, raw.minute, raw.second) <= limit
    };
    let year = candidates.into_iter().find(not_too_far).unwrap_or(candidates[2]);
    (year, TwoDigitYearRule::FiftyYearsAfterNow)
}

fn validate(raw: &RawDate, year: i64) -> Result<(), DateError> {
    let out_of_range = |message: String| Err(DateError::new(DateErrorKind::OutOfRange, message));
    let days = days_in_month(year, raw.month);
    let month_long = month_names(raw.month).1;
    if raw.day == 0 {
        return out_of_range(format!("day 00 does not exist in {month_long} {year:04}"));
    }
    if raw.day > days {
        let reason = if raw.month == 2 && raw.day == 29 {
            format!("{year:04} is not a leap year")
        } else {
            format!("it has {days} days")
        };
        return out_of_range(format!(
            "day {} does not exist in {month_long} {year:04} ({reason})",
            raw.day
        ));
    }
    if raw.hour > 23 {
        return out_of_range(format!("hour {:02} is out of range (00-23)", raw.hour));
    }
    if raw.minute > 59 {
        return out_of_range(format!("minute {:02} is out of range (00-59)", raw.minute));
    }
    if raw.second > 60 {
        return out_of_range(format!(
            "second {:02} is out of range (00-59, or 60 for a leap second)",
            raw.second
        ));
    }
    Ok(())
}

struct Cursor<'a> {
    rest: &'a str,
}

impl<'a> Cursor<'a> {
    fn take_while(&mut self, keep: impl Fn(char) -> bool) -> &'a str {
        let end = self.rest.find(|c: char| !keep(c)).unwrap_or(self.rest.len());
        let (taken, rest) = self.rest.split_at_checked(end).unwrap_or((self.rest, ""));
        self.rest = rest;
        taken
    }

    fn eat(&mut self, expected: char) -> bool {
        match self.rest.strip_prefix(expected) {
            Some(rest) => {
                self.rest = rest;
                true
            }
            None => false,
        }
    }

    fn peek(&self) -> Option<char> {
        self.rest.chars().next()
    }

    fn expect(&mut self, expected: char, what: &str) -> Result<(), DateError> {
        if self.eat(expected) {
            Ok(())
        } else {
            Err(self.expected(what))
        }
    }

    fn expected(&self, what: &str) -> DateError {
        let message = if self.rest.is_empty() {
            format!("expected {what}, but the date ends there")
        } else {
            format!("expected {what}, found {:?}", preview(self.rest))
        };
        DateError::new(DateErrorKind::Syntax, message)
    }

    /// A fixed-width number, read as the whole alphanumeric run so that
    /// `"1994x"` is reported as one bad year rather than as stray text.
    fn digits(&mut self, count: usize, field: &str) -> Result<u32, DateError> {
        let token = self.take_while(|c| c.is_ascii_alphanumeric());
        let plural = if count == 1 { "" } else { "s" };
        if token.is_empty() {
            return Err(self.expected(&format!("the {field} ({count} digit{plural})")));
        }
        if token.len() != count || !token.bytes().all(|b| b.is_ascii_digit()) {
            let message = format!("{field} {token:?} is not {count} digit{plural}");
            return Err(DateError::new(DateErrorKind::Digits, message));
        }
        Ok(u32::try_from(saturating_decimal(token).0).unwrap_or(u32::MAX))
    }

    fn two_digits(&mut self, field: &str) -> Result<u8, DateError> {
        self.digits(2, field).map(|value| value as u8)
    }

    fn end(&self) -> Result<(), DateError> {
        if self.rest.is_empty() {
            Ok(())
        } else {
            let message = format!("unexpected {:?} after the date", preview(self.rest));
            Err(DateError::new(DateErrorKind::TrailingText, message))
        }
    }
}

fn preview(text: &str) -> String {
    const LIMIT: usize = 16;
    if text.chars().count() > LIMIT {
        format!("{}…", text.chars().take(LIMIT).collect::<String>())
    } else {
        text.to_string()
    }
}

struct DayName {
    weekday: Weekday,
    long: bool,
}

fn scan(text: &str, notes: &mut Vec<DateNote>) -> Result<RawDate, DateError> {
    let mut cursor = Cursor { rest: text };
    let name = cursor.take_while(|c| c.is_ascii_alphabetic());
    if name.is_empty() {
        let message = format!(
            "{:?} does not start with a day name; an HTTP date looks like {EXAMPLE:?}",
            preview(text)
        );
        return Err(DateError::new(DateErrorKind::Syntax, message));
    }
    let day_name = day_name(name, notes)?;
    match cursor.peek() {
        Some(',') => scan_comma_form(cursor, name, &day_name, notes),
        Some(' ') => scan_asctime(cursor, name, &day_name, notes),
        _ => Err(cursor.expected(&format!("\",\" or \" \" after the day name {name:?}"))),
    }
}

fn day_name(name: &str, notes: &mut Vec<DateNote>) -> Result<DayName, DateError> {
    for weekday in Weekday::ALL {
        for (canonical, long) in [(weekday.short_name(), false), (weekday.long_name(), true)] {
            if name.eq_ignore_ascii_case(canonical) {
                note_case(name, canonical, notes);
                return Ok(DayName { weekday, long });
            }
        }
    }
    let message = format!("day name {name:?} is not one of Mon…Sun (or Monday…Sunday)");
    Err(DateError::new(DateErrorKind::DayName, message))
}

fn note_case(found: &str, canonical: &'static str, notes: &mut Vec<DateNote>) {
    if found != canonical {
        notes.push(DateNote::NameCase { found: found.to_string(), expected: canonical });
    }
}

/// IMF-fixdate and RFC 850 both start `name, DD`; the separator after the
/// day tells them apart, which gives better messages than the name length.
fn scan_comma_form(
    mut cursor: Cursor<'_>,
    name: &str,
    day_name: &DayName,
    notes: &mut Vec<DateNote>,
) -> Result<RawDate, DateError> {
    cursor.expect(',', "\",\"")?;
    cursor.expect(' ', &format!("a space after \"{name},\""))?;
    let day = cursor.two_digits("day")?;
    let form = match cursor.peek() {
        Some(' ') => DateForm::ImfFixdate,
        Some('-') => DateForm::Rfc850,
        _ => {
            return Err(cursor.expected("\" \" (IMF-fixdate) or \"-\" (RFC 850 date) after the day"))
        }
    };
    check_name_length(name, day_name, form)?;
    let separator = if form == DateForm::ImfFixdate { ' ' } else { '-' };
    cursor.expect(separator, "a separator")?;
    let month = month(&mut cursor, notes)?;
    cursor.expect(separator, &format!("{separator:?} after the month"))?;
    let year = if form == DateForm::ImfFixdate {
        RawYear::Full(i64::from(cursor.digits(4, "year")?))
    } else {
        RawYear::TwoDigit(cursor.two_digits("year")?)
    };
    cursor.expect(' ', "a space after the year")?;
    let (hour, minute, second) = time_of_day(&mut cursor)?;
    cursor.expect(' ', "a space before \"GMT\"")?;
    gmt(&mut cursor, notes)?;
    cursor.end()?;
    Ok(RawDate { form, weekday: day_name.weekday, day, month, year, hour, minute, second })
}

fn check_name_length(name: &str, day_name: &DayName, form: DateForm) -> Result<(), DateError> {
    let weekday = day_name.weekday;
    let message = match (form, day_name.long) {
        (DateForm::Rfc850, false) => format!(
            "an RFC 850 date uses the full day name {:?}, not {name:?}",
            weekday.long_name()
        ),
        (DateForm::Rfc850, true) => return Ok(()),
        (_, true) => format!(
            "an {} uses the three-letter day name {:?}, not {name:?}",
            form.label(),
            weekday.short_name()
        ),
        (_, false) => return Ok(()),
    };
    Err(DateError::new(DateErrorKind::DayName, message))
}

fn scan_asctime(
    mut cursor: Cursor<'_>,
    name: &str,
    day_name: &DayName,
    notes: &mut Vec<DateNote>,
) -> Result<RawDate, DateError> {
    check_name_length(name, day_name, DateForm::Asctime)?;
    cursor.expect(' ', "a space after the day name")?;
    let month = month(&mut cursor, notes)?;
    cursor.expect(' ', "a space after the month")?;
    let day = asctime_day(&mut cursor, notes)?;
    cursor.expect(' ', "a space after the day")?;
    let (hour, minute, second) = time_of_day(&mut cursor)?;
    cursor.expect(' ', "a space before the year")?;
    let year = RawYear::Full(i64::from(cursor.digits(4, "year")?));
    cursor.end()?;
    let weekday = day_name.weekday;
    Ok(RawDate { form: DateForm::Asctime, weekday, day, month, year, hour, minute, second })
}

/// `date3 = month SP ( 2DIGIT / ( SP DIGIT ) )`, plus the single-space
/// `Nov 6` that hand-written and reformatted logs produce.
fn asctime_day(cursor: &mut Cursor<'_>, notes: &mut Vec<DateNote>) -> Result<u8, DateError> {
    if cursor.eat(' ') {
        return cursor.digits(1, "day").map(|day| day as u8);
    }
    let run = cursor.rest.bytes().take_while(u8::is_ascii_digit).count();
    let next_is_space = cursor.rest.as_bytes().get(run) == Some(&b' ');
    if run == 1 && next_is_space {
        notes.push(DateNote::AsctimeSingleSpaceDay);
        return cursor.digits(1, "day").map(|day| day as u8);
    }
    cursor.two_digits("day")
}

fn month(cursor: &mut Cursor<'_>, notes: &mut Vec<DateNote>) -> Result<u8, DateError> {
    let name = cursor.take_while(|c| c.is_ascii_alphanumeric());
    if name.is_empty() {
        return Err(cursor.expected("a month such as \"Nov\""));
    }
    for (number, (short, _)) in (1u8..).zip(MONTHS) {
        if name.eq_ignore_ascii_case(short) {
            note_case(name, short, notes);
            return Ok(number);
        }
    }
    let message = format!("month {name:?} is not one of Jan…Dec");
    Err(DateError::new(DateErrorKind::Month, message))
}

fn time_of_day(cursor: &mut Cursor<'_>) -> Result<(u8, u8, u8), DateError> {
    let hour = cursor.two_digits("hour")?;
    cursor.expect(':', "\":\" after the hour")?;
    let minute = cursor.two_digits("minute")?;
    cursor.expect(':', "\":\" after the minute")?;
    let second = cursor.two_digits("second")?;
    Ok((hour, minute, second))
}

fn gmt(cursor: &mut Cursor<'_>, notes: &mut Vec<DateNote>) -> Result<(), DateError> {
    let zone = cursor.take_while(|c| !c.is_ascii_whitespace());
    if zone.eq_ignore_ascii_case("GMT") {
        note_case(zone, "GMT", notes);
        return Ok(());
    }
    if zone.is_empty() {
        return Err(cursor.expected("\"GMT\""));
    }
    let message =
        format!("time zone {zone:?} is not allowed: HTTP dates are in UTC, written \"GMT\"");
    Err(DateError::new(DateErrorKind::TimeZone, message))
}

#[cfg(test)]
mod tests {
    use std::time::{Duration, SystemTime, UNIX_EPOCH};

    use super::*;

    const RFC_EXAMPLE_TS: Timestamp = Timestamp(784_111_777);

    fn parse(text: &str) -> ParsedDate {
        parse_http_date(text, None).unwrap()
    }

    fn error(text: &str) -> DateError {
        parse_http_date(text, None).unwrap_err()
    }

    fn ts_of(year: i64, month: u8, day: u8, hour: u8, minute: u8, second: u8) -> Timestamp {
        Timestamp(seconds_from_days(days_from_civil(year, month, day), hour, minute, second))
    }

    #[test]
    fn rfc_examples_all_three_forms() {
        let imf = parse("Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(
            imf,
            ParsedDate { timestamp: RFC_EXAMPLE_TS, form: DateForm::ImfFixdate, notes: vec![] }
        );
        assert!(!imf.needed_leniency());
        assert!(!imf.form.is_obsolete());

        let rfc850 = parse("Sunday, 06-Nov-94 08:49:37 GMT");
        assert_eq!(rfc850.timestamp, RFC_EXAMPLE_TS);
        assert_eq!(rfc850.form, DateForm::Rfc850);
        assert!(rfc850.form.is_obsolete());
        assert_eq!(
            rfc850.notes,
            [DateNote::TwoDigitYear {
                digits: 94,
                year: 1994,
                rule: TwoDigitYearRule::Window1970To2069
            }]
        );
        assert!(!rfc850.needed_leniency());

        let asctime = parse("Sun Nov  6 08:49:37 1994");
        assert_eq!(
            asctime,
            ParsedDate { timestamp: RFC_EXAMPLE_TS, form: DateForm::Asctime, notes: vec![] }
        );
    }

    #[test]
    fn asctime_with_single_space_or_two_digit_day() {
        let single = parse("Sun Nov 6 08:49:37 1994");
        assert_eq!(single.timestamp, RFC_EXAMPLE_TS);
        assert_eq!(single.notes, [DateNote::AsctimeSingleSpaceDay]);
        assert!(single.needed_leniency());
        let padded = parse("Sun Nov 06 08:49:37 1994");
        assert_eq!(padded.timestamp, RFC_EXAMPLE_TS);
        assert!(padded.notes.is_empty());
        let two_digit = parse("Wed Nov 16 08:49:37 1994");
        assert_eq!(two_digit.timestamp, Timestamp(RFC_EXAMPLE_TS.0 + 10 * 86_400));
        assert!(two_digit.notes.is_empty());
        assert_eq!(error("Wed Nov  16 08:49:37 1994").kind, DateErrorKind::Digits);
    }

    #[test]
    fn pre_1970_dates() {
        let parsed = parse("Thu, 01 Jan 1920 00:00:00 GMT");
        assert_eq!(parsed.timestamp, Timestamp(-1_577_923_200));
        assert!(parsed.notes.is_empty());
        assert_eq!(format_imf_fixdate(Timestamp(-1_577_923_200)), "Thu, 01 Jan 1920 00:00:00 GMT");
        assert_eq!(parse("Wed, 31 Dec 1969 23:59:59 GMT").timestamp, Timestamp(-1));
        assert_eq!(parse("Sat, 01 Jan 0000 00:00:00 GMT").timestamp, Timestamp::MIN_HTTP);
        assert_eq!(parse("Fri, 31 Dec 9999 23:59:59 GMT").timestamp, Timestamp::MAX_HTTP);
        assert_eq!(parse("Fri, 13 Dec 1901 20:45:52 GMT").timestamp, Timestamp(-2_147_483_648));
    }

    #[test]
    fn leap_years() {
        assert_eq!(parse("Tue, 29 Feb 2000 00:00:00 GMT").timestamp, Timestamp(951_782_400));
        assert_eq!(parse("Thu, 29 Feb 2024 12:00:00 GMT").timestamp, Timestamp(1_709_208_000));
        let not_leap = error("Thu, 29 Feb 1900 00:00:00 GMT");
        assert_eq!(not_leap.kind, DateErrorKind::OutOfRange);
        assert_eq!(
            not_leap.message,
            "day 29 does not exist in February 1900 (1900 is not a leap year)"
        );
        assert_eq!(error("Wed, 29 Feb 2023 00:00:00 GMT").kind, DateErrorKind::OutOfRange);
        assert_eq!(
            error("Thu, 31 Apr 2024 00:00:00 GMT").message,
            "day 31 does not exist in April 2024 (it has 30 days)"
        );
        assert_eq!(error("Thu, 00 Apr 2024 00:00:00 GMT").kind, DateErrorKind::OutOfRange);
        assert!(is_leap_year(2000) && is_leap_year(2024) && is_leap_year(0) && is_leap_year(-4));
        assert!(!is_leap_year(1900) && !is_leap_year(2023) && !is_leap_year(2100));
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2024, 13), 0);
    }

    #[test]
    fn time_ranges() {
        assert_eq!(
            error("Sun, 06 Nov 1994 24:00:00 GMT").message,
            "hour 24 is out of range (00-23)"
        );
        assert_eq!(
            error("Sun, 06 Nov 1994 23:60:00 GMT").message,
            "minute 60 is out of range (00-59)"
        );
        assert_eq!(error("Sun, 06 Nov 1994 23:59:61 GMT").kind, DateErrorKind::OutOfRange);
        assert_eq!(
            parse("Sun, 06 Nov 1994 23:59:59 GMT").timestamp,
            ts_of(1994, 11, 6, 23, 59, 59)
        );
    }

    #[test]
    fn leap_second_is_accepted() {
        let parsed = parse("Sat, 31 Dec 2016 23:59:60 GMT");
        assert_eq!(parsed.timestamp, ts_of(2017, 1, 1, 0, 0, 0));
        assert_eq!(parsed.notes, [DateNote::LeapSecond]);
        assert!(!parsed.needed_leniency());
    }

    #[test]
    fn weekday_mismatch_is_flagged_not_rejected() {
        let parsed = parse("Mon, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(parsed.timestamp, RFC_EXAMPLE_TS);
        assert_eq!(
            parsed.notes,
            [DateNote::WeekdayMismatch { stated: Weekday::Mon, actual: Weekday::Sun }]
        );
        assert!(parsed.needed_leniency());
        assert_eq!(parsed.notes[0].message(), "the day name says Monday but the date is a Sunday");
    }

    #[test]
    fn case_deviation_is_flagged() {
        let parsed = parse("sun, 06 NOV 1994 08:49:37 gmt");
        assert_eq!(parsed.timestamp, RFC_EXAMPLE_TS);
        assert_eq!(
            parsed.notes,
            [
                DateNote::NameCase { found: "sun".into(), expected: "Sun" },
                DateNote::NameCase { found: "NOV".into(), expected: "Nov" },
                DateNote::NameCase { found: "gmt".into(), expected: "GMT" },
            ]
        );
        assert!(parsed.needed_leniency());
        let long = parse("SUNDAY, 06-Nov-94 08:49:37 GMT");
        assert_eq!(
            long.notes[0],
            DateNote::NameCase { found: "SUNDAY".into(), expected: "Sunday" }
        );
    }

    #[test]
    fn surrounding_whitespace_is_trimmed() {
        let parsed = parse("  Sun, 06 Nov 1994 08:49:37 GMT\r\n");
        assert_eq!(parsed.timestamp, RFC_EXAMPLE_TS);
        assert_eq!(parsed.notes, [DateNote::SurroundingWhitespace]);
        assert_eq!(error("Sun,  06 Nov 1994 08:49:37 GMT").kind, DateErrorKind::Syntax);
        assert_eq!(error("Sun, 06 Nov 1994  08:49:37 GMT").kind, DateErrorKind::Syntax);
    }

    fn two_digit_year(parsed: &ParsedDate) -> (i64, TwoDigitYearRule) {
        parsed
            .notes
            .iter()
            .find_map(|note| match note {
                DateNote::TwoDigitYear { year, rule, .. } => Some((*year, *rule)),
                _ => None,
            })
            .unwrap()
    }

    #[test]
    fn two_digit_year_without_now_uses_1970_to_2069() {
        let year = |text| {
            let (year, rule) = two_digit_year(&parse(text));
            assert_eq!(rule, TwoDigitYearRule::Window1970To2069);
            year
        };
        assert_eq!(year("Thursday, 01-Jan-70 00:00:00 GMT"), 1970);
        assert_eq!(year("Tuesday, 31-Dec-69 00:00:00 GMT"), 2069);
        assert_eq!(year("Saturday, 01-Jan-00 00:00:00 GMT"), 2000);
        assert_eq!(year("Friday, 31-Dec-99 00:00:00 GMT"), 1999);
    }

    #[test]
    fn two_digit_year_with_now_uses_fifty_year_rule() {
        let now = Some(ts_of(2025, 6, 1, 0, 0, 0));
        let year = |text| {
            let (year, rule) = two_digit_year(&parse_http_date(text, now).unwrap());
            assert_eq!(rule, TwoDigitYearRule::FiftyYearsAfterNow);
            year
        };
        assert_eq!(year("Sunday, 06-Nov-94 08:49:37 GMT"), 1994);
        assert_eq!(year("Sunday, 01-Jun-25 00:00:00 GMT"), 2025);
        // Exactly 50 years ahead is not "more than 50 years in the future".
        assert_eq!(year("Saturday, 01-Jun-75 00:00:00 GMT"), 2075);
        assert_eq!(year("Saturday, 01-Jun-75 00:00:01 GMT"), 1975);
        assert_eq!(year("Tuesday, 01-Jan-70 00:00:00 GMT"), 2070);
        assert_eq!(year("Tuesday, 01-Jan-80 00:00:00 GMT"), 1980);

        // Where the fixed window would say 2010, the rule looks ahead.
        let late = Some(ts_of(2090, 1, 1, 0, 0, 0));
        let parsed = parse_http_date("Wednesday, 01-Jan-10 00:00:00 GMT", late).unwrap();
        assert_eq!(parsed.timestamp, ts_of(2110, 1, 1, 0, 0, 0));
        assert_eq!(two_digit_year(&parsed), (2110, TwoDigitYearRule::FiftyYearsAfterNow));
        assert_eq!(parsed.notes.len(), 1);
    }

    #[test]
    fn two_digit_year_decides_leap_day() {
        assert_eq!(parse("Tuesday, 29-Feb-00 00:00:00 GMT").timestamp, ts_of(2000, 2, 29, 0, 0, 0));
        // Seen from 1940, 2000 is more than 50 years ahead, so "00" is 1900,
        // which has no 29 February.
        let now = Some(ts_of(1940, 1, 1, 0, 0, 0));
        let err = parse_http_date("Thursday, 29-Feb-00 00:00:00 GMT", now).unwrap_err();
        assert_eq!(err.message, "day 29 does not exist in February 1900 (1900 is not a leap year)");
    }

    #[test]
    fn syntax_errors_name_what_is_wrong() {
        assert_eq!(error("").kind, DateErrorKind::Empty);
        assert_eq!(error("   ").kind, DateErrorKind::Empty);
        assert_eq!(
            error("Sun, 06 Foo 1994 08:49:37 GMT").message,
            "month \"Foo\" is not one of Jan…Dec"
        );
        assert_eq!(error("Sun, 06 November 1994 08:49:37 GMT").kind, DateErrorKind::Month);
        assert_eq!(
            error("Sun, 06 Nov 1994 08:49:37 UTC").message,
            "time zone \"UTC\" is not allowed: HTTP dates are in UTC, written \"GMT\""
        );
        assert_eq!(error("Thu, 05 Dec 1996 18:08:25 +0000").kind, DateErrorKind::TimeZone);
        assert_eq!(
            error("Sun, 06 Nov 1994 08:49:37").message,
            "expected a space before \"GMT\", but the date ends there"
        );
        assert_eq!(error("Sun, 06 Nov 1994 08:49:37 GMT x").kind, DateErrorKind::TrailingText);
        assert_eq!(error("Foo, 06 Nov 1994 08:49:37 GMT").kind, DateErrorKind::DayName);
        assert_eq!(
            error("Sunday, 06 Nov 1994 08:49:37 GMT").message,
            "an IMF-fixdate uses the three-letter day name \"Sun\", not \"Sunday\""
        );
        assert_eq!(
            error("Sun, 06-Nov-94 08:49:37 GMT").message,
            "an RFC 850 date uses the full day name \"Sunday\", not \"Sun\""
        );
        assert_eq!(error("Sunday Nov  6 08:49:37 1994").kind, DateErrorKind::DayName);
        assert_eq!(error("Sun, 6 Nov 1994 08:49:37 GMT").message, "day \"6\" is not 2 digits");
        assert_eq!(error("Sun, 06 Nov 94 08:49:37 GMT").message, "year \"94\" is not 4 digits");
        assert_eq!(error("Sun, 06 Nov 1994 8:49:37 GMT").message, "hour \"8\" is not 2 digits");
        assert_eq!(error("Sun, 06 Nov 1994 08-49-37 GMT").kind, DateErrorKind::Syntax);
        assert_eq!(error("1994-11-06T08:49:37Z").kind, DateErrorKind::Syntax);
        assert_eq!(error("Sun 06 Nov 1994").kind, DateErrorKind::Month);
        assert_eq!(error("Sun;").kind, DateErrorKind::Syntax);
        assert_eq!(
            error("Sun,").message,
            "expected a space after \"Sun,\", but the date ends there"
        );
        assert_eq!(error("Sun, 06/Nov").kind, DateErrorKind::Syntax);
        assert_eq!(error("0").kind, DateErrorKind::Syntax);
        assert_eq!(error("Sun, ０６ Nov 1994 08:49:37 GMT").kind, DateErrorKind::Syntax);
    }

    #[test]
    fn never_panics_on_prefixes_and_odd_bytes() {
        let samples = [
            "Sun, 06 Nov 1994 08:49:37 GMT",
            "Sunday, 06-Nov-94 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994",
        ];
        for sample in samples {
            for end in 0..=sample.len() {
                let prefix = &sample[..end];
                let result = parse_http_date(prefix, Some(Timestamp(i64::MAX)));
                assert_eq!(result.is_ok(), end == sample.len(), "{prefix:?}");
            }
        }
        for odd in ["é", "Sun, 0é Nov", "Sun Nov é", "\u{0}", "Sun, 99 Nov 9999 99:99:99 GMT"] {
            assert!(parse_http_date(odd, Some(Timestamp(i64::MIN))).is_err(), "{odd:?}");
        }
    }

    #[test]
    fn extreme_now_does_not_overflow() {
        for now in [i64::MIN, i64::MAX, 0] {
            let parsed = parse_http_date("Sunday, 06-Nov-94 08:49:37 GMT", Some(Timestamp(now)));
            assert_eq!(parsed.unwrap().form, DateForm::Rfc850);
        }
    }

    #[test]
    fn format_clamps_outside_four_digit_years() {
        assert_eq!(format_imf_fixdate(RFC_EXAMPLE_TS), "Sun, 06 Nov 1994 08:49:37 GMT");
        assert_eq!(format_imf_fixdate(Timestamp(0)), "Thu, 01 Jan 1970 00:00:00 GMT");
        assert_eq!(format_imf_fixdate(Timestamp(i64::MIN)), "Sat, 01 Jan 0000 00:00:00 GMT");
        assert_eq!(format_imf_fixdate(Timestamp(i64::MAX)), "Fri, 31 Dec 9999 23:59:59 GMT");
        assert_eq!(
            parse("Thu, 01 Jan 1920 00:00:00 GMT").imf_fixdate(),
            "Thu, 01 Jan 1920 00:00:00 GMT"
        );
    }

    #[test]
    fn civil_round_trip_including_negative_years() {
        for days in (-800_000..800_000).step_by(997).chain([-719_528, -1, 0, 1, 2_932_896]) {
            let (year, month, day) = civil_from_days(days);
            assert_eq!(days_from_civil(year, month, day), days, "{year}-{month}-{day}");
            assert!((1..=days_in_month(year, month)).contains(&day));
        }
        assert_eq!(civil_from_days(-719_528), (0, 1, 1));
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        let civil = Timestamp(-1).to_civil();
        assert_eq!(
            civil,
            CivilDateTime { year: 1969, month: 12, day: 31, hour: 23, minute: 59, second: 59 }
        );
        assert_eq!(Timestamp(0).weekday(), Weekday::Thu);
        assert_eq!(Timestamp(-86_400).weekday(), Weekday::Wed);
    }

    /// Deterministic spread of instants over 1970..=9999 plus edge cases.
    fn sample_timestamps() -> Vec<i64> {
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut out: Vec<i64> = (0..20_000)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                (state % (Timestamp::MAX_HTTP.0 as u64 + 1)) as i64
            })
            .collect();
        out.extend([0, 1, 59, 86_399, 86_400, 951_782_400, 2_147_483_647, 4_107_542_399]);
        out.push(Timestamp::MAX_HTTP.0);
        out
    }

    fn system_time(seconds: i64) -> SystemTime {
        UNIX_EPOCH + Duration::from_secs(seconds as u64)
    }

    fn oracle_seconds(text: &str) -> i64 {
        let time = httpdate::parse_http_date(text).unwrap();
        time.duration_since(UNIX_EPOCH).unwrap().as_secs() as i64
    }

    fn format_asctime(ts: Timestamp) -> String {
        let c = ts.to_civil();
        let (month, _) = month_names(c.month);
        let weekday = ts.weekday().short_name();
        let (year, hour, minute, second) = (c.year, c.hour, c.minute, c.second);
        format!("{weekday} {month} {:>2} {hour:02}:{minute:02}:{second:02} {year:04}", c.day)
    }

    fn format_rfc850(ts: Timestamp) -> String {
        let c = ts.to_civil();
        let (month, _) = month_names(c.month);
        let weekday = ts.weekday().long_name();
        let (hour, minute, second) = (c.hour, c.minute, c.second);
        format!(
            "{weekday}, {:02}-{month}-{:02} {hour:02}:{minute:02}:{second:02} GMT",
            c.day,
            c.year % 100
        )
    }

    #[test]
    fn imf_fixdate_agrees_with_httpdate() {
        for seconds in sample_timestamps() {
            let ts = Timestamp(seconds);
            let ours = format_imf_fixdate(ts);
            assert_eq!(ours, httpdate::fmt_http_date(system_time(seconds)));
            assert_eq!(oracle_seconds(&ours), seconds);
            let parsed = parse_http_date(&ours, None).unwrap();
            assert_eq!(
                parsed,
                ParsedDate { timestamp: ts, form: DateForm::ImfFixdate, notes: vec![] }
            );
        }
    }

    #[test]
    fn asctime_agrees_with_httpdate() {
        for seconds in sample_timestamps() {
            let text = format_asctime(Timestamp(seconds));
            assert_eq!(oracle_seconds(&text), seconds, "{text}");
            let parsed = parse_http_date(&text, None).unwrap();
            assert_eq!((parsed.timestamp.0, parsed.form), (seconds, DateForm::Asctime), "{text}");
            assert!(parsed.notes.is_empty(), "{text}");
        }
    }

    #[test]
    fn rfc850_agrees_with_httpdate_in_its_window() {
        let end_of_2069 = 3_155_759_999;
        for seconds in sample_timestamps().into_iter().map(|s| s % (end_of_2069 + 1)) {
            let text = format_rfc850(Timestamp(seconds));
            assert_eq!(oracle_seconds(&text), seconds, "{text}");
            let parsed = parse_http_date(&text, None).unwrap();
            assert_eq!((parsed.timestamp.0, parsed.form), (seconds, DateForm::Rfc850), "{text}");
        }
    }
}
