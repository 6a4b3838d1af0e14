//! Parsing of the temporal Table Schema types (`date`, `time`, `datetime`, `year`,
//! `yearmonth`, `duration`) with the verdicts of frictionless-py 5.
//!
//! frictionless-py delegates to three Python libraries, whose behaviour is reproduced here:
//!
//! * custom formats (`"format": "%d/%m/%Y"`) and the `date` default go through CPython's
//!   `datetime.strptime`, re-implemented by [`StrptimeFormat`] (same directive regexes, same
//!   first-match backtracking, same defaults and calendar checks);
//! * the `datetime` default goes through `dateutil.parser.isoparse` ([`parse_iso_datetime`]);
//! * `duration` goes through `isodate.parse_duration` ([`parse_duration`]).
//!
//! The `"any"` format (dateutil's fuzzy `parser.parse` upstream) is replaced by a small,
//! documented heuristic: see [`parse_any_datetime`].
//!
//! Every parser returns a `TemporalError` on bad input and never panics.
//!
//! One module per parser: `strptime` (custom formats), `iso` (the default formats,
//! `year`, `yearmonth`), `duration`, `any`; `calendar` holds the date arithmetic they
//! share and `cursor` the byte cursor of the hand-written grammars.

mod any;
mod calendar;
mod cursor;
mod duration;
mod iso;
mod strptime;
#[cfg(test)]
mod testing;

pub use any::{parse_any_date, parse_any_datetime, parse_any_time};
pub use duration::parse_duration;
pub use iso::{parse_iso_date, parse_iso_datetime, parse_iso_time, parse_year, parse_yearmonth};
pub use strptime::StrptimeFormat;

use calendar::days_from_civil;
use std::fmt;

// ---------------------------------------------------------------------------------------------
// Public value types
// ---------------------------------------------------------------------------------------------

/// Calendar date (proleptic Gregorian), ordered chronologically.
///
/// ```
/// use conforme::table::types::temporal::Date;
/// let d = Date { year: 2023, month: 12, day: 31 };
/// assert_eq!(d.to_string(), "2023-12-31");
/// assert!(d > Date { year: 2023, month: 2, day: 28 });
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// Year (1..=9999 for parsed values, as Python's `datetime`).
    pub year: i32,
    /// Month, 1..=12.
    pub month: u8,
    /// Day of month, 1..=31.
    pub day: u8,
}

/// Time of day; `offset_seconds` is `Some` when a UTC offset (or `Z`) was given.
///
/// `nanos` is in `0..1_000_000_000`. Equality is structural; compare instants with
/// [`Time::cmp_key`].
///
/// ```
/// use conforme::table::types::temporal::Time;
/// let t = Time { hour: 9, minute: 5, second: 0, nanos: 0, offset_seconds: Some(3600) };
/// assert_eq!(t.to_string(), "09:05:00+01:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Time {
    /// Hour, 0..=23.
    pub hour: u8,
    /// Minute, 0..=59.
    pub minute: u8,
    /// Second, 0..=59 (leap seconds are rejected, as by Python's `datetime`).
    pub second: u8,
    /// Fraction of second in nanoseconds.
    pub nanos: u32,
    /// UTC offset in seconds (east positive), `None` for a naive time.
    pub offset_seconds: Option<i32>,
}

/// Date and time of day. Equality is structural; compare instants with [`DateTime::cmp_key`].
///
/// ```
/// use conforme::table::types::temporal::parse_iso_datetime;
/// let dt = parse_iso_datetime("2023-12-31T23:59:59+01:00").unwrap();
/// assert_eq!(dt.to_string(), "2023-12-31T23:59:59+01:00");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateTime {
    /// The calendar date.
    pub date: Date,
    /// The time of day (with its optional offset).
    pub time: Time,
}

/// ISO 8601 duration kept as its components: months and seconds are not convertible
/// (a month has no fixed length), so they are kept apart, as `isodate` does.
///
/// ```
/// use conforme::table::types::temporal::parse_duration;
/// let d = parse_duration("P1Y2M10DT2H30M").unwrap();
/// assert_eq!(d.months, 14.0);
/// assert_eq!(d.seconds, 10.0 * 86400.0 + 2.0 * 3600.0 + 30.0 * 60.0);
/// assert!(!d.negative);
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Duration {
    /// `years * 12 + months` (fractions allowed).
    pub months: f64,
    /// Weeks, days (86 400 s each), hours, minutes and seconds, in seconds.
    pub seconds: f64,
    /// Whether the duration was written with a leading `-`.
    pub negative: bool,
}

/// Parse error: `what` is a short English reason meant for developers.
///
/// ```
/// use conforme::table::types::temporal::parse_iso_date;
/// let e = parse_iso_date("2023-13-01").unwrap_err();
/// assert!(!e.what.is_empty());
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemporalError {
    /// Why the input was rejected.
    pub what: &'static str,
}

impl fmt::Display for TemporalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.what)
    }
}

impl std::error::Error for TemporalError {}

type Result<T> = std::result::Result<T, TemporalError>;

fn err<T>(what: &'static str) -> Result<T> {
    Err(TemporalError { what })
}

const MIDNIGHT: Time = Time {
    hour: 0,
    minute: 0,
    second: 0,
    nanos: 0,
    offset_seconds: None,
};

const SECONDS_PER_DAY: i64 = 86_400;

impl Time {
    /// Sort key: seconds since midnight (moved to UTC when an offset is present) and nanos.
    ///
    /// Naive times are compared as if they were UTC.
    ///
    /// ```
    /// use conforme::table::types::temporal::parse_iso_time;
    /// let paris = parse_iso_time("10:00:00+01:00").unwrap();
    /// let utc = parse_iso_time("09:30:00Z").unwrap();
    /// assert!(paris.cmp_key() < utc.cmp_key());
    /// ```
    pub fn cmp_key(&self) -> (i64, u32) {
        let local =
            i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second);
        (
            local - i64::from(self.offset_seconds.unwrap_or(0)),
            self.nanos,
        )
    }
}

impl DateTime {
    /// Sort key: seconds since 0000-01-01T00:00:00 (UTC-adjusted when an offset is present;
    /// naive values are treated as UTC) and nanos.
    ///
    /// ```
    /// use conforme::table::types::temporal::parse_iso_datetime;
    /// let a = parse_iso_datetime("2023-12-31T23:59:59+01:00").unwrap();
    /// let b = parse_iso_datetime("2023-12-31T23:00:00Z").unwrap();
    /// assert!(a.cmp_key() < b.cmp_key());
    /// ```
    pub fn cmp_key(&self) -> (i64, u32) {
        let days = days_from_civil(self.date)
            - days_from_civil(Date {
                year: 0,
                month: 1,
                day: 1,
            });
        let (seconds, nanos) = self.time.cmp_key();
        (days * SECONDS_PER_DAY + seconds, nanos)
    }
}

impl Duration {
    /// Sort key: signed `(months, seconds)`, compared lexicographically.
    ///
    /// ```
    /// use conforme::table::types::temporal::parse_duration;
    /// let a = parse_duration("-P1D").unwrap();
    /// let b = parse_duration("PT1H").unwrap();
    /// assert!(a.cmp_key() < b.cmp_key());
    /// ```
    pub fn cmp_key(&self) -> (f64, f64) {
        if self.negative {
            (-self.months, -self.seconds)
        } else {
            (self.months, self.seconds)
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl fmt::Display for Time {
    /// `HH:MM:SS[.ffffff|.fffffffff][±HH:MM[:SS]]`, like Python's `isoformat` (which also
    /// writes `+00:00` rather than `Z`).
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}:{:02}", self.hour, self.minute, self.second)?;
        if self.nanos.is_multiple_of(1000) && self.nanos != 0 {
            write!(f, ".{:06}", self.nanos / 1000)?;
        } else if self.nanos != 0 {
            write!(f, ".{:09}", self.nanos)?;
        }
        if let Some(offset) = self.offset_seconds {
            let sign = if offset < 0 { '-' } else { '+' };
            let abs = offset.unsigned_abs();
            write!(f, "{sign}{:02}:{:02}", abs / 3600, abs / 60 % 60)?;
            if abs % 60 != 0 {
                write!(f, ":{:02}", abs % 60)?;
            }
        }
        Ok(())
    }
}

impl fmt::Display for DateTime {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}T{}", self.date, self.time)
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{d, dt, t};
    use super::*;

    #[test]
    fn comparisons_are_offset_aware() {
        let key = |s| parse_iso_datetime(s).unwrap().cmp_key();
        assert_eq!(
            key("2023-12-31T23:59:59+01:00"),
            key("2023-12-31T22:59:59Z")
        );
        assert!(key("2023-12-31T23:59:59+01:00") < key("2023-12-31T23:00:00Z"));
        assert!(key("2024-01-01T00:30:00+01:00") < key("2023-12-31T23:45:00"));
        assert!(key("2023-12-31T23:59:59.1") < key("2023-12-31T23:59:59.2"));
        assert_eq!(key("0001-01-01T00:00:00").0, 366 * 86_400); // year 0 is a leap year
        assert!(key("1999-12-31") < key("2000-01-01"));
        let time_key = |s| parse_iso_time(s).unwrap().cmp_key();
        assert!(time_key("10:00:00+01:00") < time_key("09:30:00Z"));
        assert_eq!(time_key("10:00:00+01:00"), time_key("09:00:00"));
        assert!(time_key("00:30:00+01:00").0 < 0);
        let duration_key = |s| parse_duration(s).unwrap().cmp_key();
        assert!(duration_key("-P1D") < duration_key("P0D"));
        assert!(duration_key("P1M") > duration_key("P40D"));
        assert!(duration_key("PT1H") < duration_key("PT61M"));
        assert!(d(2020, 1, 5) < d(2020, 2, 1));
    }

    #[test]
    fn display_is_iso() {
        assert_eq!(d(2020, 1, 5).to_string(), "2020-01-05");
        assert_eq!(t(9, 5, 3, 0, None).to_string(), "09:05:03");
        assert_eq!(
            t(9, 5, 3, 120_000_000, Some(0)).to_string(),
            "09:05:03.120000+00:00"
        );
        assert_eq!(
            t(9, 5, 3, 1, Some(-5400)).to_string(),
            "09:05:03.000000001-01:30"
        );
        assert_eq!(t(9, 5, 3, 0, Some(3723)).to_string(), "09:05:03+01:02:03");
        assert_eq!(
            dt(d(2020, 1, 5), t(9, 5, 3, 0, None)).to_string(),
            "2020-01-05T09:05:03"
        );
        // Round trip through the ISO parser.
        let s = "2023-12-31T23:59:59.250000-05:00";
        assert_eq!(parse_iso_datetime(s).unwrap().to_string(), s);
    }

    /// Tiny xorshift PRNG: deterministic fuzzing without dependencies.
    struct XorShift(u64);

    impl XorShift {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
    }

    #[test]
    fn fuzz_never_panics() {
        const ALPHABET: &[&str] = &[
            "0", "1", "2", "3", "4", "5", "6", "9", "-", ":", "T", " ", "Z", "z", "+", ".", ",",
            "/", "P", "Y", "M", "W", "D", "H", "S", "%", "Y", "m", "d", "H", "j", "f", "z", "b",
            "p", "I", "é", "\t", "2", "0", "AM", "Jan", "UTC", "\u{3000}",
        ];
        let mut rng = XorShift(0x9E37_79B9_7F4A_7C15);
        let mut input = String::new();
        for _ in 0..100_000 {
            input.clear();
            let len = rng.next() % 24;
            for _ in 0..len {
                input.push_str(ALPHABET[(rng.next() % ALPHABET.len() as u64) as usize]);
            }
            let _ = parse_iso_date(&input);
            let _ = parse_iso_time(&input);
            let _ = parse_iso_datetime(&input);
            let _ = parse_year(&input);
            let _ = parse_yearmonth(&input);
            let _ = parse_duration(&input);
            let _ = parse_any_date(&input);
            let _ = parse_any_time(&input);
            if let Ok(format) = StrptimeFormat::compile(&input) {
                let _ = format.parse_datetime(&input);
                let _ = format.parse_datetime("2020-01-05 10:30:00+01:00");
            }
            // Prefixing a digit-ish string exercises more of the strptime regexes.
            if let Ok(format) = StrptimeFormat::compile("%Y%m%d %H:%M:%S.%f%z") {
                let _ = format.parse_datetime(&input);
            }
        }
    }
}
