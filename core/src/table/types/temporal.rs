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
//! Every parser returns a [`TemporalError`] on bad input and never panics.

use std::fmt;
use std::sync::OnceLock;

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

// ---------------------------------------------------------------------------------------------
// Calendar helpers
// ---------------------------------------------------------------------------------------------

fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

fn days_in_year(year: i32) -> u32 {
    if is_leap(year) { 366 } else { 365 }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before), computed over
/// 400-year eras counted from March so that the leap day is the last day of a "year".
fn days_from_civil(date: Date) -> i64 {
    let month = i64::from(date.month);
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(date.day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

/// Builds a date with the checks of Python's `datetime.date` (years 1..=9999 only).
fn checked_date(year: i32, month: u32, day: u32) -> Result<Date> {
    if !(1..=9999).contains(&year) {
        return err("year is out of range 1..9999");
    }
    if !(1..=12).contains(&month) {
        return err("month is out of range 1..12");
    }
    if day == 0 || day > days_in_month(year, month) {
        return err("day is out of range for month");
    }
    // The checks above make the narrowing casts lossless.
    Ok(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

/// Builds a time with the checks of Python's `datetime.time` and `datetime.timezone`.
fn checked_time(
    hour: u32,
    minute: u32,
    second: u32,
    nanos: u32,
    offset: Option<i32>,
) -> Result<Time> {
    if hour > 23 {
        return err("hour is out of range 0..23");
    }
    if minute > 59 {
        return err("minute is out of range 0..59");
    }
    if second > 59 {
        return err("second is out of range 0..59");
    }
    if nanos >= 1_000_000_000 {
        return err("fraction of second is out of range");
    }
    if offset.is_some_and(|o| o.unsigned_abs() >= 86_400) {
        return err("UTC offset must be strictly between -24:00 and +24:00");
    }
    Ok(Time {
        hour: hour as u8,
        minute: minute as u8,
        second: second as u8,
        nanos,
        offset_seconds: offset,
    })
}

/// The day after `date`, failing past 9999-12-31 like Python's `OverflowError`.
fn next_day(date: Date) -> Result<Date> {
    let (year, month, day) = (date.year, u32::from(date.month), u32::from(date.day));
    if day < days_in_month(year, month) {
        checked_date(year, month, day + 1)
    } else if month < 12 {
        checked_date(year, month + 1, 1)
    } else {
        checked_date(year + 1, 1, 1)
    }
}

/// Date of the `julian`-th day (1-based) of `year`. Like CPython's `_strptime`
/// (`date.fromordinal(julian - 1 + date(year, 1, 1).toordinal())`), day 366 of a common
/// year silently rolls over to January 1st of the next year.
fn date_from_julian(year: i32, julian: u32) -> Result<Date> {
    let start = checked_date(year, 1, 1)?;
    let mut remaining = julian;
    let mut year = start.year;
    if remaining > days_in_year(year) {
        remaining -= days_in_year(year);
        year += 1;
    }
    let mut month = 1;
    while month < 12 && remaining > days_in_month(year, month) {
        remaining -= days_in_month(year, month);
        month += 1;
    }
    checked_date(year, month, remaining)
}

/// Python's `str.isspace` (what `\s` matches in a `str` regex), close enough: Rust's
/// `White_Space` set plus the ASCII information separators that Python also counts.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Value of a run of ASCII digits; spaces are skipped because `%d` may match ` 5`.
/// Callers only pass at most 9 digits, so this cannot overflow.
fn small_number(text: &str) -> u32 {
    text.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

/// Nanoseconds of a fraction given by its digits (`"5"` -> 500 ms); digits beyond the ninth
/// are truncated.
fn fraction_to_nanos(digits: &[u8]) -> u32 {
    let mut nanos = 0;
    for i in 0..9 {
        let digit = digits.get(i).map_or(0, |b| u32::from(b - b'0'));
        nanos = nanos * 10 + digit;
    }
    nanos
}

// ---------------------------------------------------------------------------------------------
// strptime
// ---------------------------------------------------------------------------------------------

/// A field captured by one strptime directive (one named group in CPython's regex).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Field {
    Year4,
    Year2,
    Month,
    MonthFull,
    MonthAbbr,
    Day,
    DayOfYear,
    Hour24,
    Hour12,
    AmPm,
    Minute,
    Second,
    Fraction,
    Offset,
    ZoneName,
    WeekdayFull,
    WeekdayAbbr,
}

const FIELD_COUNT: usize = 17;

/// One character class `[lo-hi]` of a directive's regex.
type Class = (u8, u8);
/// One alternative of a directive's regex: a fixed sequence of classes.
type Alternative = &'static [Class];

const DIGIT: Class = (b'0', b'9');

const fn one(b: u8) -> Class {
    (b, b)
}

// The regexes of CPython's `_strptime.TimeRE`, alternatives in the same order (the order
// matters: Python takes the first alternative that lets the rest of the format match).
const YEAR4: &[Alternative] = &[&[DIGIT; 4]];
const YEAR2: &[Alternative] = &[&[DIGIT; 2]];
// 1[0-2]|0[1-9]|[1-9]  (%m and %I)
const ONE_TO_TWELVE: &[Alternative] = &[
    &[one(b'1'), (b'0', b'2')],
    &[one(b'0'), (b'1', b'9')],
    &[(b'1', b'9')],
];
// 3[01]|[12]\d|0[1-9]|[1-9]| [1-9]
const DAY: &[Alternative] = &[
    &[one(b'3'), (b'0', b'1')],
    &[(b'1', b'2'), DIGIT],
    &[one(b'0'), (b'1', b'9')],
    &[(b'1', b'9')],
    &[one(b' '), (b'1', b'9')],
];
// 36[0-6]|3[0-5]\d|[12]\d\d|0[1-9]\d|00[1-9]|[1-9]\d|0[1-9]|[1-9]
const DAY_OF_YEAR: &[Alternative] = &[
    &[one(b'3'), one(b'6'), (b'0', b'6')],
    &[one(b'3'), (b'0', b'5'), DIGIT],
    &[(b'1', b'2'), DIGIT, DIGIT],
    &[one(b'0'), (b'1', b'9'), DIGIT],
    &[one(b'0'), one(b'0'), (b'1', b'9')],
    &[(b'1', b'9'), DIGIT],
    &[one(b'0'), (b'1', b'9')],
    &[(b'1', b'9')],
];
// 2[0-3]|[0-1]\d|\d
const HOUR24: &[Alternative] = &[&[one(b'2'), (b'0', b'3')], &[(b'0', b'1'), DIGIT], &[DIGIT]];
// [0-5]\d|\d
const MINUTE: &[Alternative] = &[&[(b'0', b'5'), DIGIT], &[DIGIT]];
// 6[0-1]|[0-5]\d|\d
const SECOND: &[Alternative] = &[&[one(b'6'), (b'0', b'1')], &[(b'0', b'5'), DIGIT], &[DIGIT]];
// [0-9]{1,6}: greedy, so the longest run is tried first.
const FRACTION: &[Alternative] = &[
    &[DIGIT; 6],
    &[DIGIT; 5],
    &[DIGIT; 4],
    &[DIGIT; 3],
    &[DIGIT; 2],
    &[DIGIT; 1],
];

// English (C locale) names, as Python's `LocaleTime` lowercases them.
const MONTHS_FULL: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONTHS_ABBR: &[&str] = &[
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];
const WEEKDAYS_FULL: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const WEEKDAYS_ABBR: &[&str] = &["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const AM_PM: &[&str] = &["am", "pm"];
// `%Z` only knows UTC/GMT (plus the local zone in Python, which is UTC on servers).
const ZONE_NAMES: &[&str] = &["utc", "gmt"];

/// How a field is recognised in the input.
enum Pattern {
    Alternatives(&'static [Alternative]),
    /// Case-insensitive names; none is a prefix of another, so at most one matches.
    Names(&'static [&'static str]),
    /// `%z`, whose regex has nested optional parts.
    Offset,
}

impl Field {
    fn from_directive(directive: char) -> Option<Field> {
        Some(match directive {
            'Y' => Field::Year4,
            'y' => Field::Year2,
            'm' => Field::Month,
            'B' => Field::MonthFull,
            'b' | 'h' => Field::MonthAbbr,
            'd' => Field::Day,
            'j' => Field::DayOfYear,
            'H' => Field::Hour24,
            'I' => Field::Hour12,
            'p' => Field::AmPm,
            'M' => Field::Minute,
            'S' => Field::Second,
            'f' => Field::Fraction,
            'z' => Field::Offset,
            'Z' => Field::ZoneName,
            'A' => Field::WeekdayFull,
            'a' => Field::WeekdayAbbr,
            _ => return None,
        })
    }

    fn bit(self) -> u32 {
        1 << self as u32
    }

    fn pattern(self) -> Pattern {
        match self {
            Field::Year4 => Pattern::Alternatives(YEAR4),
            Field::Year2 => Pattern::Alternatives(YEAR2),
            Field::Month | Field::Hour12 => Pattern::Alternatives(ONE_TO_TWELVE),
            Field::Day => Pattern::Alternatives(DAY),
            Field::DayOfYear => Pattern::Alternatives(DAY_OF_YEAR),
            Field::Hour24 => Pattern::Alternatives(HOUR24),
            Field::Minute => Pattern::Alternatives(MINUTE),
            Field::Second => Pattern::Alternatives(SECOND),
            Field::Fraction => Pattern::Alternatives(FRACTION),
            Field::MonthFull => Pattern::Names(MONTHS_FULL),
            Field::MonthAbbr => Pattern::Names(MONTHS_ABBR),
            Field::WeekdayFull => Pattern::Names(WEEKDAYS_FULL),
            Field::WeekdayAbbr => Pattern::Names(WEEKDAYS_ABBR),
            Field::AmPm => Pattern::Names(AM_PM),
            Field::ZoneName => Pattern::Names(ZONE_NAMES),
            Field::Offset => Pattern::Offset,
        }
    }
}

const DATE_FIELDS: u32 = (1 << Field::Year4 as u32)
    | (1 << Field::Year2 as u32)
    | (1 << Field::Month as u32)
    | (1 << Field::MonthFull as u32)
    | (1 << Field::MonthAbbr as u32)
    | (1 << Field::Day as u32)
    | (1 << Field::DayOfYear as u32)
    | (1 << Field::WeekdayFull as u32)
    | (1 << Field::WeekdayAbbr as u32);
const TIME_FIELDS: u32 = (1 << Field::Hour24 as u32)
    | (1 << Field::Hour12 as u32)
    | (1 << Field::AmPm as u32)
    | (1 << Field::Minute as u32)
    | (1 << Field::Second as u32)
    | (1 << Field::Fraction as u32);

/// Python has no limit, but the matcher recurses once per item: a cap keeps the stack safe.
const MAX_FORMAT_ITEMS: usize = 1000;

#[derive(Clone, Copy, Debug)]
enum Item {
    /// A literal character, matched case-insensitively (CPython compiles with IGNORECASE).
    Literal(char),
    /// A run of whitespace in the format, matching `\s+`.
    Whitespace,
    Field(Field),
}

/// Byte span of each field in the input, indexed by `Field as usize`.
type Spans = [(usize, usize); FIELD_COUNT];

/// Possible lengths of a field at some position, in the order Python's regex tries them.
struct Candidates {
    lengths: [usize; 12],
    count: usize,
}

impl Candidates {
    fn push(&mut self, length: usize) {
        // Saturating: no pattern produces more than 12 candidates, but never panic.
        if self.count < self.lengths.len() {
            self.lengths[self.count] = length;
            self.count += 1;
        }
    }

    fn as_slice(&self) -> &[usize] {
        &self.lengths[..self.count]
    }
}

/// A compiled `strptime` format, behaving like CPython's `datetime.strptime`.
///
/// Compile once, then parse many cells: parsing does not allocate.
///
/// ```
/// use conforme::table::types::temporal::{Date, StrptimeFormat};
/// let fmt = StrptimeFormat::compile("%d/%m/%Y").unwrap();
/// assert_eq!(fmt.parse_date("5/1/2020").unwrap(), Date { year: 2020, month: 1, day: 5 });
/// assert!(fmt.parse_date("31/02/2023").is_err());
/// assert!(StrptimeFormat::compile("%e").is_err());
/// ```
#[derive(Clone, Debug)]
pub struct StrptimeFormat {
    items: Vec<Item>,
    /// Bit set of the fields present (each at most once).
    fields: u32,
    /// The format is exactly `%Y-%m-%d` (the catalogue's most common one): cells of the
    /// canonical `YYYY-MM-DD` shape skip the general matcher.
    ymd: bool,
}

impl StrptimeFormat {
    /// Compiles a format. Supported directives: `%Y %y %m %d %j %b %h %B %a %A %H %I %p %M %S
    /// %f %z %Z %%` and the C-locale `%c %x %X`. Unknown directives, a trailing `%` and a
    /// directive used twice (a regex error in Python) are errors.
    ///
    /// ```
    /// use conforme::table::types::temporal::StrptimeFormat;
    /// assert!(StrptimeFormat::compile("%Y-%m-%dT%H:%M:%S%z").is_ok());
    /// assert!(StrptimeFormat::compile("%Y %Y").is_err());
    /// assert!(StrptimeFormat::compile("%Y%").is_err());
    /// ```
    pub fn compile(fmt: &str) -> Result<StrptimeFormat> {
        let mut format = StrptimeFormat {
            items: Vec::new(),
            fields: 0,
            ymd: fmt == "%Y-%m-%d",
        };
        format.push_format(fmt, true)?;
        if format.items.len() > MAX_FORMAT_ITEMS {
            return err("format is too long");
        }
        Ok(format)
    }

    fn push_format(&mut self, fmt: &str, allow_locale_directives: bool) -> Result<()> {
        let mut chars = fmt.chars();
        while let Some(c) = chars.next() {
            if c == '%' {
                let Some(directive) = chars.next() else {
                    return err("stray % at the end of the format");
                };
                self.push_directive(directive, allow_locale_directives)?;
            } else if is_py_space(c) {
                // Python turns each whitespace run of the format into one `\s+`.
                if !matches!(self.items.last(), Some(Item::Whitespace)) {
                    self.items.push(Item::Whitespace);
                }
            } else {
                self.items.push(Item::Literal(c));
            }
        }
        Ok(())
    }

    fn push_directive(&mut self, directive: char, allow_locale_directives: bool) -> Result<()> {
        // C-locale expansions of the locale directives, as CPython's `LocaleTime` computes them.
        let expansion = match directive {
            '%' => {
                self.items.push(Item::Literal('%'));
                return Ok(());
            }
            'c' => "%a %b %d %H:%M:%S %Y",
            'x' => "%m/%d/%y",
            'X' => "%H:%M:%S",
            _ => {
                let Some(field) = Field::from_directive(directive) else {
                    return err("unknown strptime directive");
                };
                if self.fields & field.bit() != 0 {
                    return err("a strptime directive is used twice");
                }
                self.fields |= field.bit();
                self.items.push(Item::Field(field));
                return Ok(());
            }
        };
        if allow_locale_directives {
            self.push_format(expansion, false)
        } else {
            err("unknown strptime directive")
        }
    }

    /// Whether the format has a date directive (`%Y %y %m %d %j %b %B %a %A`).
    ///
    /// ```
    /// use conforme::table::types::temporal::StrptimeFormat;
    /// assert!(StrptimeFormat::compile("%d/%m/%Y").unwrap().has_date());
    /// assert!(!StrptimeFormat::compile("%H:%M").unwrap().has_date());
    /// ```
    pub fn has_date(&self) -> bool {
        self.fields & DATE_FIELDS != 0
    }

    /// Whether the format has a time-of-day directive (`%H %I %p %M %S %f`; `%z` and `%Z`
    /// alone do not count).
    ///
    /// ```
    /// use conforme::table::types::temporal::StrptimeFormat;
    /// assert!(StrptimeFormat::compile("%H:%M").unwrap().has_time());
    /// assert!(!StrptimeFormat::compile("%Y-%m-%d").unwrap().has_time());
    /// ```
    pub fn has_time(&self) -> bool {
        self.fields & TIME_FIELDS != 0
    }

    /// Parses a date: `datetime.strptime(s, fmt).date()`. Time directives are allowed (and
    /// still validated); missing parts default to 1900-01-01.
    ///
    /// ```
    /// use conforme::table::types::temporal::{Date, StrptimeFormat};
    /// let fmt = StrptimeFormat::compile("%Y").unwrap();
    /// assert_eq!(fmt.parse_date("2020").unwrap(), Date { year: 2020, month: 1, day: 1 });
    /// ```
    pub fn parse_date(&self, s: &str) -> Result<Date> {
        if self.ymd
            && let Some(date) = canonical_ymd(s)
        {
            return Ok(date);
        }
        Ok(self.parse_datetime(s)?.date)
    }

    /// Parses a time: `datetime.strptime(s, fmt)` then its time and offset (`timetz()`).
    ///
    /// ```
    /// use conforme::table::types::temporal::StrptimeFormat;
    /// let fmt = StrptimeFormat::compile("%I:%M %p").unwrap();
    /// let t = fmt.parse_time("12:30 am").unwrap();
    /// assert_eq!((t.hour, t.minute), (0, 30));
    /// ```
    pub fn parse_time(&self, s: &str) -> Result<Time> {
        Ok(self.parse_datetime(s)?.time)
    }

    /// Parses a datetime exactly like `datetime.strptime(s, fmt)`: the whole string must be
    /// consumed, then the calendar values are checked.
    ///
    /// ```
    /// use conforme::table::types::temporal::StrptimeFormat;
    /// let fmt = StrptimeFormat::compile("%Y-%m-%d %H:%M:%S%z").unwrap();
    /// let dt = fmt.parse_datetime("2023-12-31 23:59:59+0100").unwrap();
    /// assert_eq!(dt.time.offset_seconds, Some(3600));
    /// assert!(fmt.parse_datetime("2023-12-31 23:59:59+0100 ").is_err());
    /// ```
    pub fn parse_datetime(&self, s: &str) -> Result<DateTime> {
        let mut spans: Spans = [(0, 0); FIELD_COUNT];
        let Some(end) = match_items(&self.items, s, 0, &mut spans) else {
            return err("does not match the format");
        };
        if end != s.len() {
            return err("unconverted data remains after the format");
        }
        self.resolve(s, &spans)
    }

    /// Turns the captured fields into a value, following CPython's `_strptime` step by step.
    fn resolve(&self, s: &str, spans: &Spans) -> Result<DateTime> {
        let text = |field: Field| {
            let (start, end) = spans[field as usize];
            &s[start..end]
        };
        let is_pm =
            self.fields & Field::AmPm.bit() != 0 && text(Field::AmPm).eq_ignore_ascii_case("pm");
        let (mut year, mut month, mut day, mut julian) = (None, 1, 1, None);
        let (mut hour, mut minute, mut second, mut nanos, mut offset) = (0, 0, 0, 0, None);
        // In format order, so that a later directive wins (e.g. `%y` after `%Y`), as in Python.
        for item in &self.items {
            let Item::Field(field) = *item else { continue };
            let value = text(field);
            match field {
                Field::Year4 => year = Some(small_number(value) as i32),
                Field::Year2 => year = Some(two_digit_year(small_number(value))),
                Field::Month => month = small_number(value),
                Field::MonthFull => month = name_index(MONTHS_FULL, value),
                Field::MonthAbbr => month = name_index(MONTHS_ABBR, value),
                Field::Day => day = small_number(value),
                Field::DayOfYear => julian = Some(small_number(value)),
                Field::Hour24 => hour = small_number(value),
                Field::Hour12 => hour = twelve_hour_clock(small_number(value), is_pm),
                Field::Minute => minute = small_number(value),
                Field::Second => second = small_number(value),
                Field::Fraction => nanos = fraction_to_nanos(value.as_bytes()),
                Field::Offset => offset = Some(strptime_offset(value)?),
                // Parsed but unused by Python when building a datetime.
                Field::AmPm | Field::ZoneName | Field::WeekdayFull | Field::WeekdayAbbr => {}
            }
        }
        // Python defaults the year to 1900 (so a year-less 29 February is an error).
        let year = year.unwrap_or(1900);
        let date = match julian {
            // With %j, Python ignores %m and %d entirely.
            Some(julian) => date_from_julian(year, julian)?,
            None => checked_date(year, month, day)?,
        };
        let time = checked_time(hour, minute, second, nanos, offset)?;
        Ok(DateTime { date, time })
    }
}

/// `%y`: 69-99 are 1969-1999, 00-68 are 2000-2068 (POSIX, as Python).
fn two_digit_year(value: u32) -> i32 {
    let value = value as i32;
    if value <= 68 {
        2000 + value
    } else {
        1900 + value
    }
}

/// `%I` with `%p`: 12 AM is 0 h, 12 PM stays 12 h; without `%p`, AM is assumed.
fn twelve_hour_clock(hour: u32, is_pm: bool) -> u32 {
    match (hour, is_pm) {
        (12, false) => 0,
        (12, true) => 12,
        (h, true) => h + 12,
        (h, false) => h,
    }
}

/// 1-based position of a matched name (always found, since the matcher only accepts names).
fn name_index(names: &[&str], value: &str) -> u32 {
    names
        .iter()
        .position(|n| n.eq_ignore_ascii_case(value))
        .map_or(0, |i| i as u32 + 1)
}

/// Offset of a `%z` match, with CPython's checks (colons used consistently).
fn strptime_offset(value: &str) -> Result<i32> {
    let b = value.as_bytes();
    if b == b"Z" {
        return Ok(0);
    }
    // The regex guarantees `[+-]HH:?MM(:?SS(.ffffff)?)?`.
    let (colon, rest) = if b.get(3) == Some(&b':') {
        (true, &b[4..])
    } else {
        (false, &b[3..])
    };
    let minutes = two_digits(rest).unwrap_or(0);
    let seconds = match rest.get(2) {
        None => 0,
        Some(b':') if colon => two_digits(&rest[3..]).unwrap_or(0),
        Some(b) if !colon && b.is_ascii_digit() => two_digits(&rest[2..]).unwrap_or(0),
        Some(_) => return err("inconsistent use of ':' in the UTC offset"),
    };
    let hours = two_digits(&b[1..]).unwrap_or(0);
    let total = (hours * 3600 + minutes * 60 + seconds) as i32;
    Ok(if b[0] == b'-' { -total } else { total })
}

/// Value of the two ASCII digits at the start of `b`.
fn two_digits(b: &[u8]) -> Option<u32> {
    match b {
        [d1 @ b'0'..=b'9', d2 @ b'0'..=b'9', ..] => {
            Some(u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0'))
        }
        _ => None,
    }
}

/// Backtracking matcher: returns the end of the FIRST match found in Python's regex order.
/// Like `re.match` followed by CPython's "unconverted data remains" check, it does not look for
/// a longer match when the first one leaves characters over.
fn match_items(items: &[Item], s: &str, mut pos: usize, spans: &mut Spans) -> Option<usize> {
    let mut items = items;
    // Literals never branch: consume them iteratively (keeps recursion shallow).
    while let Some((Item::Literal(expected), rest)) = items.split_first() {
        let actual = s[pos..].chars().next()?;
        if !chars_eq_ignore_case(*expected, actual) {
            return None;
        }
        pos += actual.len_utf8();
        items = rest;
    }
    let Some((item, rest)) = items.split_first() else {
        return Some(pos);
    };
    match *item {
        Item::Literal(_) => None, // consumed by the loop above
        Item::Whitespace => match_whitespace(rest, s, pos, spans),
        Item::Field(field) => {
            let candidates = field_candidates(field, &s.as_bytes()[pos..]);
            for &length in candidates.as_slice() {
                spans[field as usize] = (pos, pos + length);
                // Field matches are ASCII, so `pos + length` is a char boundary.
                if let Some(end) = match_items(rest, s, pos + length, spans) {
                    return Some(end);
                }
            }
            None
        }
    }
}

/// `\s+` is greedy: try the whole whitespace run first, then give characters back.
fn match_whitespace(rest: &[Item], s: &str, pos: usize, spans: &mut Spans) -> Option<usize> {
    let tail = &s[pos..];
    let run = tail.find(|c| !is_py_space(c)).unwrap_or(tail.len());
    for (start, c) in tail[..run].char_indices().rev() {
        if let Some(end) = match_items(rest, s, pos + start + c.len_utf8(), spans) {
            return Some(end);
        }
    }
    None
}

/// Case-insensitive character comparison (approximates Python's `re.IGNORECASE`).
fn chars_eq_ignore_case(a: char, b: char) -> bool {
    a == b || a.to_lowercase().eq(b.to_lowercase())
}

fn field_candidates(field: Field, input: &[u8]) -> Candidates {
    let mut candidates = Candidates {
        lengths: [0; 12],
        count: 0,
    };
    match field.pattern() {
        Pattern::Alternatives(alternatives) => {
            for alternative in alternatives {
                let fits = alternative.len() <= input.len()
                    && alternative
                        .iter()
                        .zip(input)
                        .all(|(&(lo, hi), &b)| (lo..=hi).contains(&b));
                if fits {
                    candidates.push(alternative.len());
                }
            }
        }
        Pattern::Names(names) => {
            for name in names {
                if input
                    .get(..name.len())
                    .is_some_and(|prefix| prefix.eq_ignore_ascii_case(name.as_bytes()))
                {
                    candidates.push(name.len());
                }
            }
        }
        Pattern::Offset => offset_candidates(input, &mut candidates),
    }
    candidates
}

/// Candidates of `%z`: `[+-]\d\d:?[0-5]\d(:?[0-5]\d(\.\d{1,6})?)?|(?-i:Z)`, in regex order.
/// Each `:?` is deterministic here (a colon can never start `[0-5]\d`).
fn offset_candidates(input: &[u8], candidates: &mut Candidates) {
    if input.first() == Some(&b'Z') {
        candidates.push(1);
        return;
    }
    let minute_at = |i: usize| matches!(input.get(i..i + 2), Some([b'0'..=b'5', b'0'..=b'9']));
    if !matches!(input.first(), Some(b'+' | b'-')) || two_digits(&input[1..]).is_none() {
        return;
    }
    let mut pos = 3;
    if input.get(pos) == Some(&b':') && minute_at(pos + 1) {
        pos += 1;
    }
    if !minute_at(pos) {
        return;
    }
    pos += 2;
    let mut seconds_at = pos;
    if input.get(seconds_at) == Some(&b':') && minute_at(seconds_at + 1) {
        seconds_at += 1;
    }
    if minute_at(seconds_at) {
        let after_seconds = seconds_at + 2;
        if input.get(after_seconds) == Some(&b'.') {
            let digits = input[after_seconds + 1..]
                .iter()
                .take(6)
                .take_while(|b| b.is_ascii_digit())
                .count();
            for n in (1..=digits).rev() {
                candidates.push(after_seconds + 1 + n);
            }
        }
        candidates.push(after_seconds);
    }
    candidates.push(pos);
}

// ---------------------------------------------------------------------------------------------
// Hand-written ISO parsers
// ---------------------------------------------------------------------------------------------

/// Byte cursor for the hand-written grammars below (all their syntax is ASCII, so a
/// non-ASCII byte simply fails to match).
struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn new(s: &'a str) -> Self {
        Cursor {
            bytes: s.as_bytes(),
            pos: 0,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn rest(&self) -> &'a [u8] {
        &self.bytes[self.pos.min(self.bytes.len())..]
    }

    fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, b: u8, what: &'static str) -> Result<()> {
        if self.eat(b) { Ok(()) } else { err(what) }
    }

    fn count_digits(&self) -> usize {
        self.rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    }

    /// Exactly `n` (at most 9) ASCII digits.
    fn fixed_digits(&mut self, n: usize) -> Result<u32> {
        if self.count_digits() < n {
            return err("expected more digits");
        }
        let value = self.rest()[..n]
            .iter()
            .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'));
        self.pos += n;
        Ok(value)
    }

    /// A greedy run of `min..=max` (at most 9) digits: `(value, digit count)`.
    fn digit_run(&mut self, min: usize, max: usize) -> Result<(u32, usize)> {
        let n = self.count_digits().min(max);
        if n < min {
            return err("expected digits");
        }
        Ok((self.fixed_digits(n)?, n))
    }

    /// Fraction digits after the decimal separator (1..=`max` of them), as nanoseconds.
    fn fraction_nanos(&mut self, max: usize) -> Result<u32> {
        let n = self.count_digits();
        if n == 0 || n > max {
            return err("bad number of fraction digits");
        }
        let nanos = fraction_to_nanos(&self.rest()[..n]);
        self.pos += n;
        Ok(nanos)
    }

    fn skip_spaces(&mut self) -> bool {
        let start = self.pos;
        while self.peek().is_some_and(|b| b.is_ascii_whitespace()) {
            self.pos += 1;
        }
        self.pos > start
    }

    /// Consumes `word` case-insensitively if it comes next.
    fn eat_word(&mut self, word: &str) -> bool {
        let found = self
            .rest()
            .get(..word.len())
            .is_some_and(|p| p.eq_ignore_ascii_case(word.as_bytes()));
        if found {
            self.pos += word.len();
        }
        found
    }
}

/// A whole UTC offset, as dateutil accepts it: `Z`, `z`, `±HH`, `±HHMM` or `±HH:MM`, with
/// hours 0-23 and minutes 0-59.
fn parse_offset(b: &[u8]) -> Result<i32> {
    let (sign, digits) = match b {
        [b'Z' | b'z'] => return Ok(0),
        [b'+', rest @ ..] => (1, rest),
        [b'-', rest @ ..] => (-1, rest),
        _ => return err("bad UTC offset"),
    };
    let (hours, minutes) = match digits {
        [_, _] => (two_digits(digits), Some(0)),
        [_, _, _, _] => (two_digits(digits), two_digits(&digits[2..])),
        [_, _, b':', _, _] => (two_digits(digits), two_digits(&digits[3..])),
        _ => return err("a UTC offset must be Z, ±HH, ±HHMM or ±HH:MM"),
    };
    let (Some(hours), Some(minutes)) = (hours, minutes) else {
        return err("bad UTC offset");
    };
    if hours > 23 || minutes > 59 {
        return err("UTC offset is out of range");
    }
    Ok(sign * (hours * 3600 + minutes * 60) as i32)
}

/// A valid date written exactly `YYYY-MM-DD`, or `None` (then the general matcher decides:
/// it accepts more shapes, such as `2020-1-5`, and gives the same date for this one).
#[inline]
fn canonical_ymd(s: &str) -> Option<Date> {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let digit = |i: usize| b[i].is_ascii_digit().then(|| u32::from(b[i] - b'0'));
    let year = digit(0)? * 1000 + digit(1)? * 100 + digit(2)? * 10 + digit(3)?;
    let month = digit(5)? * 10 + digit(6)?;
    let day = digit(8)? * 10 + digit(9)?;
    let year = year as i32;
    if year < 1 || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    Some(Date {
        year,
        month: month as u8,
        day: day as u8,
    })
}

fn iso_date_format() -> &'static StrptimeFormat {
    static FORMAT: OnceLock<StrptimeFormat> = OnceLock::new();
    FORMAT.get_or_init(|| StrptimeFormat::compile("%Y-%m-%d").expect("a valid format"))
}

/// Table Schema `date` with the `default` format. frictionless-py uses
/// `datetime.strptime(s, "%Y-%m-%d")`, so one-digit months and days are accepted but nothing
/// may follow the day.
///
/// ```
/// use conforme::table::types::temporal::{parse_iso_date, Date};
/// assert_eq!(parse_iso_date("2020-1-5").unwrap(), Date { year: 2020, month: 1, day: 5 });
/// assert!(parse_iso_date("2021-02-29").is_err());
/// assert!(parse_iso_date("2023-12-31T00:00:00").is_err());
/// ```
pub fn parse_iso_date(s: &str) -> Result<Date> {
    iso_date_format().parse_date(s)
}

/// Table Schema `time` with the `default` format, as frictionless-py 5 reads it: the cell must
/// be at least 8 characters long with `:` at index 5 (its "guard"), then it goes through
/// `dateutil.parser.isoparse("2000-01-01T" + cell).timetz()`. Hence `HH:MM:SS`, then an
/// optional fraction (`.` or `,`, any number of digits, kept to the nanosecond) and an optional
/// offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`). `24:00:00` is accepted and is midnight.
///
/// ```
/// use conforme::table::types::temporal::parse_iso_time;
/// let t = parse_iso_time("23:59:59.5Z").unwrap();
/// assert_eq!((t.hour, t.nanos, t.offset_seconds), (23, 500_000_000, Some(0)));
/// assert_eq!(parse_iso_time("24:00:00").unwrap().hour, 0);
/// assert!(parse_iso_time("12:00").is_err());
/// assert!(parse_iso_time("9:00:00").is_err());
/// ```
pub fn parse_iso_time(s: &str) -> Result<Time> {
    // frictionless' guard (`cell[5] == ":"` and `len(cell) >= 8`) rules out the shorter
    // forms isoparse would accept (`HH`, `HH:MM`, `HHMMSS`).
    if s.len() < 8 || s.as_bytes()[5] != b':' {
        return err("a time must start with HH:MM:SS");
    }
    let mut c = Cursor::new(s);
    // `timetz()` keeps the time of `24:00:00`, i.e. midnight, and drops the next-day carry.
    let (time, _is_next_day) = iso_time_part(&mut c)?;
    Ok(time)
}

/// Table Schema `datetime` with the `default` format, following `dateutil.parser.isoparse`:
/// date `YYYY-MM-DD` or `YYYYMMDD`; then optionally `T` or one space and a time `HH`, `HH:MM`,
/// `HHMM`, `HH:MM:SS`, `HHMMSS`, seconds optionally followed by `.` or `,` and fraction digits
/// (kept to the nanosecond); then an optional offset (`Z`, `±HH:MM`, `±HHMM`, `±HH`).
/// A date alone is midnight, and `24:00:00` is midnight of the next day.
///
/// Note: frictionless-py 5 only calls isoparse after a guard, `len(cell) >= 19` and
/// `cell[16] == ":"` (so a date alone, `YYYY-MM-DDTHH:MM` or compact forms are invalid there);
/// the field type is expected to apply that guard before calling this function.
///
/// ```
/// use conforme::table::types::temporal::parse_iso_datetime;
/// let dt = parse_iso_datetime("2023-12-31 23:59:59").unwrap();
/// assert_eq!(dt.time.offset_seconds, None);
/// assert_eq!(parse_iso_datetime("2023-12-31T24:00:00").unwrap().to_string(), "2024-01-01T00:00:00");
/// assert_eq!(parse_iso_datetime("2023-12-31").unwrap().time.hour, 0);
/// ```
pub fn parse_iso_datetime(s: &str) -> Result<DateTime> {
    let mut c = Cursor::new(s);
    let date = iso_date_part(&mut c)?;
    if c.at_end() {
        return Ok(DateTime {
            date,
            time: MIDNIGHT,
        });
    }
    if !(c.eat(b'T') || c.eat(b' ')) {
        return err("expected 'T' or a space between the date and the time");
    }
    let (time, is_next_day) = iso_time_part(&mut c)?;
    let date = if is_next_day { next_day(date)? } else { date };
    Ok(DateTime { date, time })
}

/// `YYYY-MM-DD` or `YYYYMMDD` (dashes used consistently).
fn iso_date_part(c: &mut Cursor) -> Result<Date> {
    let year = c.fixed_digits(4)?;
    let has_dashes = c.eat(b'-');
    let month = c.fixed_digits(2)?;
    if has_dashes {
        c.expect(b'-', "expected '-' after the month")?;
    }
    let day = c.fixed_digits(2)?;
    checked_date(year as i32, month, day)
}

/// The time of an isoparse datetime, up to the end of input. Returns `true` with midnight
/// for `24:00:00`, which dateutil maps to the next day.
fn iso_time_part(c: &mut Cursor) -> Result<(Time, bool)> {
    // dateutil checks for an offset before each component, so `12Z` and `12:30Z` are fine.
    let at_offset_or_end = |c: &Cursor| matches!(c.peek(), None | Some(b'+' | b'-' | b'Z' | b'z'));
    let hour = c.fixed_digits(2)?;
    let (mut minute, mut second, mut nanos) = (0, 0, 0);
    if !at_offset_or_end(c) {
        let has_colons = c.eat(b':');
        minute = c.fixed_digits(2)?;
        if !at_offset_or_end(c) {
            if has_colons {
                c.expect(b':', "inconsistent use of ':' in the time")?;
            }
            second = c.fixed_digits(2)?;
            if c.eat(b'.') || c.eat(b',') {
                nanos = c.fraction_nanos(usize::MAX)?;
            }
        }
    }
    let offset = if c.at_end() {
        None
    } else {
        Some(parse_offset(c.rest())?)
    };
    if hour == 24 {
        // dateutil checks the microseconds: digits beyond the sixth are ignored.
        if minute != 0 || second != 0 || nanos / 1000 != 0 {
            return err("hour may only be 24 at 24:00:00");
        }
        return Ok((checked_time(0, 0, 0, 0, offset)?, true));
    }
    Ok((checked_time(hour, minute, second, nanos, offset)?, false))
}

/// Table Schema `year`: exactly four ASCII digits (0000-9999).
///
/// ```
/// use conforme::table::types::temporal::parse_year;
/// assert_eq!(parse_year("2020"), Ok(2020));
/// assert!(parse_year("20").is_err());
/// assert!(parse_year("+202").is_err());
/// ```
pub fn parse_year(s: &str) -> Result<i32> {
    let mut c = Cursor::new(s);
    let year = c.fixed_digits(4)?;
    if !c.at_end() {
        return err("a year must be exactly 4 digits");
    }
    Ok(year as i32)
}

/// Table Schema `yearmonth`: `YYYY-MM` or `YYYY-M`, month 1-12.
///
/// ```
/// use conforme::table::types::temporal::parse_yearmonth;
/// assert_eq!(parse_yearmonth("2020-1"), Ok((2020, 1)));
/// assert_eq!(parse_yearmonth("2020-12"), Ok((2020, 12)));
/// assert!(parse_yearmonth("2020-13").is_err());
/// ```
pub fn parse_yearmonth(s: &str) -> Result<(i32, u8)> {
    let mut c = Cursor::new(s);
    let year = c.fixed_digits(4)?;
    c.expect(b'-', "expected '-' after the year")?;
    let (month, _) = c.digit_run(1, 2)?;
    if !c.at_end() {
        return err("unexpected characters after the month");
    }
    if !(1..=12).contains(&month) {
        return err("month is out of range 1..12");
    }
    Ok((year as i32, month as u8))
}

// ---------------------------------------------------------------------------------------------
// Durations
// ---------------------------------------------------------------------------------------------

#[derive(Clone, Copy)]
enum Unit {
    Months(f64),
    Seconds(f64),
}

const DATE_UNITS: &[(u8, Unit)] = &[
    (b'Y', Unit::Months(12.0)),
    (b'M', Unit::Months(1.0)),
    (b'W', Unit::Seconds(7.0 * 86_400.0)),
    (b'D', Unit::Seconds(86_400.0)),
];
const TIME_UNITS: &[(u8, Unit)] = &[
    (b'H', Unit::Seconds(3600.0)),
    (b'M', Unit::Seconds(60.0)),
    (b'S', Unit::Seconds(1.0)),
];

/// Table Schema `duration` (isodate's `parse_duration`):
/// `[+-]P[nY][nM][nW][nD][T[nH][nM][nS]]` where each `n` may have a fraction (`.` or `,`),
/// with at least one component and at least one after `T`; or the alternative form
/// `PYYYY-MM-DDTHH:MM:SS`.
///
/// ```
/// use conforme::table::types::temporal::parse_duration;
/// assert_eq!(parse_duration("P0.5Y").unwrap().months, 6.0);
/// assert!(parse_duration("-P1D").unwrap().negative);
/// assert!(parse_duration("P").is_err());
/// assert!(parse_duration("PT").is_err());
/// assert_eq!(parse_duration("P0001-02-03T04:05:06").unwrap().months, 14.0);
/// ```
pub fn parse_duration(s: &str) -> Result<Duration> {
    let (negative, unsigned) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    let Some(body) = unsigned.strip_prefix('P') else {
        return err("a duration must start with 'P'");
    };
    // isodate only tries the alternative form on unsigned strings.
    if unsigned.len() == s.len() && body.as_bytes().get(4) == Some(&b'-') {
        return parse_alternative_duration(body);
    }
    let mut duration = Duration {
        months: 0.0,
        seconds: 0.0,
        negative,
    };
    let (date_part, time_part) = match body.split_once('T') {
        Some((date_part, time_part)) => (date_part, Some(time_part)),
        None => (body, None),
    };
    let mut components = add_components(date_part, DATE_UNITS, &mut duration)?;
    if let Some(time_part) = time_part {
        let time_components = add_components(time_part, TIME_UNITS, &mut duration)?;
        if time_components == 0 {
            return err("'T' must be followed by at least one time component");
        }
        components += time_components;
    }
    if components == 0 {
        return err("a duration needs at least one component");
    }
    Ok(duration)
}

/// Adds the `<number><designator>` components of `part` to `duration`; designators must come
/// in the order of `units`, each at most once. Returns how many components were read.
fn add_components(part: &str, units: &[(u8, Unit)], duration: &mut Duration) -> Result<usize> {
    let bytes = part.as_bytes();
    let (mut pos, mut next_unit, mut count) = (0, 0, 0);
    while pos < bytes.len() {
        let number_end = decimal_end(bytes, pos)?;
        let value = parse_decimal(&part[pos..number_end])?;
        let Some(&designator) = bytes.get(number_end) else {
            return err("a duration number must be followed by a designator");
        };
        let Some(offset) = units[next_unit..]
            .iter()
            .position(|(d, _)| *d == designator)
        else {
            return err("unexpected or out-of-order duration designator");
        };
        match units[next_unit + offset].1 {
            Unit::Months(factor) => duration.months += value * factor,
            Unit::Seconds(factor) => duration.seconds += value * factor,
        }
        next_unit += offset + 1;
        pos = number_end + 1;
        count += 1;
    }
    if !(duration.months.is_finite() && duration.seconds.is_finite()) {
        return err("duration is too large");
    }
    Ok(count)
}

/// End of `digits+([.,]digits+)?` starting at `start`.
fn decimal_end(bytes: &[u8], start: usize) -> Result<usize> {
    let digits_from = |i: usize| {
        bytes
            .get(i..)
            .map_or(0, |t| t.iter().take_while(|b| b.is_ascii_digit()).count())
    };
    let integer = digits_from(start);
    if integer == 0 {
        return err("expected a number in the duration");
    }
    let mut end = start + integer;
    if matches!(bytes.get(end), Some(b'.' | b',')) {
        let fraction = digits_from(end + 1);
        if fraction == 0 {
            return err("expected digits after the decimal separator");
        }
        end += 1 + fraction;
    }
    Ok(end)
}

/// Parses a validated `digits([.,]digits)?` string (allocates only for a decimal comma).
fn parse_decimal(text: &str) -> Result<f64> {
    let parsed = if text.contains(',') {
        text.replace(',', ".").parse()
    } else {
        text.parse()
    };
    parsed.or_else(|_| err("bad number in the duration"))
}

/// `YYYY-MM-DDTHH:MM:SS[.f]` after the `P`, with the ISO 8601 carry-over limits (months
/// 0-12, days 0-30, hours 0-24, minutes and seconds 0-59).
fn parse_alternative_duration(body: &str) -> Result<Duration> {
    let mut c = Cursor::new(body);
    let years = c.fixed_digits(4)?;
    c.expect(b'-', "expected '-' after the years")?;
    let months = c.fixed_digits(2)?;
    c.expect(b'-', "expected '-' after the months")?;
    let days = c.fixed_digits(2)?;
    c.expect(b'T', "expected 'T' after the days")?;
    let hours = c.fixed_digits(2)?;
    c.expect(b':', "expected ':' after the hours")?;
    let minutes = c.fixed_digits(2)?;
    c.expect(b':', "expected ':' after the minutes")?;
    let seconds = c.fixed_digits(2)?;
    let nanos = if c.eat(b'.') || c.eat(b',') {
        c.fraction_nanos(usize::MAX)?
    } else {
        0
    };
    if !c.at_end() {
        return err("unexpected characters after the duration");
    }
    if months > 12 || days > 30 || hours > 24 || minutes > 59 || seconds > 59 {
        return err("duration component is out of range");
    }
    let total_seconds = f64::from(days) * 86_400.0
        + f64::from(hours) * 3600.0
        + f64::from(minutes) * 60.0
        + f64::from(seconds)
        + f64::from(nanos) / 1e9;
    Ok(Duration {
        months: f64::from(years) * 12.0 + f64::from(months),
        seconds: total_seconds,
        negative: false,
    })
}

// ---------------------------------------------------------------------------------------------
// "any" format
// ---------------------------------------------------------------------------------------------

/// Table Schema `datetime` with the `any` format. Upstream uses dateutil's fuzzy
/// `parser.parse`; this is a deliberately small, predictable heuristic instead.
///
/// After trimming surrounding whitespace, the input is a date, optionally followed by `T` or
/// whitespace and a time (see [`parse_any_time`]). Dates (day and month may have 1 or 2
/// digits, years have 4):
///
/// * `YYYY-MM-DD`, `YYYY/MM/DD`, `YYYY.MM.DD` and compact `YYYYMMDD` (year first);
/// * `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY` (day first, the French convention — dateutil
///   would read `01/02/2020` month first).
///
/// A date alone is midnight.
///
/// ```
/// use conforme::table::types::temporal::parse_any_datetime;
/// let dt = parse_any_datetime("05/01/2020 14:30").unwrap();
/// assert_eq!(dt.to_string(), "2020-01-05T14:30:00");
/// assert_eq!(parse_any_datetime("2020-01-05").unwrap().time.hour, 0);
/// assert!(parse_any_datetime("next tuesday").is_err());
/// ```
pub fn parse_any_datetime(s: &str) -> Result<DateTime> {
    let mut c = Cursor::new(s.trim());
    let date = any_date_part(&mut c)?;
    if c.at_end() {
        return Ok(DateTime {
            date,
            time: MIDNIGHT,
        });
    }
    if !(c.eat(b'T') || c.eat(b't') || c.skip_spaces()) {
        return err("expected 'T' or a space between the date and the time");
    }
    let time = any_time_rest(&mut c)?;
    Ok(DateTime { date, time })
}

/// Table Schema `date` with the `any` format: the date of [`parse_any_datetime`] (a time
/// may follow and is ignored, like dateutil's `parse(s).date()`).
///
/// ```
/// use conforme::table::types::temporal::{parse_any_date, Date};
/// let d = Date { year: 2020, month: 1, day: 5 };
/// assert_eq!(parse_any_date("5.1.2020").unwrap(), d);
/// assert_eq!(parse_any_date("2020/01/05 10:00").unwrap(), d);
/// assert!(parse_any_date("31/02/2020").is_err());
/// ```
pub fn parse_any_date(s: &str) -> Result<Date> {
    Ok(parse_any_datetime(s)?.date)
}

/// Table Schema `time` with the `any` format. After trimming whitespace: an hour of 1-2
/// digits, `:MM`, optionally `:SS` and a fraction (`.` or `,`); or compact `HHMM[SS[.f]]`.
/// Then optionally `AM`/`PM` (any case, hour 1-12), then optionally an offset (`Z`, `±HH`,
/// `±HHMM`, `±HH:MM`) or `UTC`/`GMT`, each possibly preceded by spaces.
///
/// ```
/// use conforme::table::types::temporal::parse_any_time;
/// assert_eq!(parse_any_time("2:30 PM").unwrap().hour, 14);
/// assert_eq!(parse_any_time("14:30:15+02:00").unwrap().offset_seconds, Some(7200));
/// assert!(parse_any_time("13:00 PM").is_err());
/// ```
pub fn parse_any_time(s: &str) -> Result<Time> {
    let mut c = Cursor::new(s.trim());
    any_time_rest(&mut c)
}

/// The date of the `any` format (see [`parse_any_datetime`]).
fn any_date_part(c: &mut Cursor) -> Result<Date> {
    let is_separator = |b: Option<u8>| matches!(b, Some(b'-' | b'/' | b'.'));
    let (first, first_len) = c.digit_run(1, 8)?;
    match first_len {
        8 => checked_date((first / 10_000) as i32, first / 100 % 100, first % 100),
        4 | 1 | 2 => {
            let separator = c.peek();
            if !is_separator(separator) {
                return err("expected '-', '/' or '.' in the date");
            }
            c.pos += 1;
            let (month, _) = c.digit_run(1, 2)?;
            if c.peek() != separator {
                return err("date separators must be the same");
            }
            c.pos += 1;
            if first_len == 4 {
                let (day, _) = c.digit_run(1, 2)?;
                checked_date(first as i32, month, day)
            } else {
                let year = c.fixed_digits(4)?;
                checked_date(year as i32, month, first)
            }
        }
        _ => err("unrecognised date"),
    }
}

/// The time of the `any` format (see [`parse_any_time`]), up to the end of input.
fn any_time_rest(c: &mut Cursor) -> Result<Time> {
    let (mut hour, hour_len) = c.digit_run(1, 2)?;
    let (minute, second) = if c.eat(b':') {
        let minute = c.fixed_digits(2)?;
        (
            minute,
            if c.eat(b':') {
                Some(c.fixed_digits(2)?)
            } else {
                None
            },
        )
    } else if hour_len == 2 && c.count_digits() >= 2 {
        // Compact `HHMM[SS]`, only with a two-digit hour.
        let minute = c.fixed_digits(2)?;
        (
            minute,
            if c.count_digits() >= 2 {
                Some(c.fixed_digits(2)?)
            } else {
                None
            },
        )
    } else {
        return err("expected minutes after the hour");
    };
    // A fraction only makes sense after the seconds.
    let nanos = if second.is_some() && (c.eat(b'.') || c.eat(b',')) {
        c.fraction_nanos(usize::MAX)?
    } else {
        0
    };
    let second = second.unwrap_or(0);
    c.skip_spaces();
    let is_pm = c.eat_word("pm");
    if is_pm || c.eat_word("am") {
        if !(1..=12).contains(&hour) {
            return err("hour must be 1-12 with AM/PM");
        }
        hour = twelve_hour_clock(hour, is_pm);
        c.skip_spaces();
    }
    let offset = if c.at_end() {
        None
    } else if c.eat_word("utc") || c.eat_word("gmt") {
        if !c.at_end() {
            return err("unexpected characters after the time zone");
        }
        Some(0)
    } else {
        Some(parse_offset(c.rest())?)
    };
    checked_time(hour, minute, second, nanos, offset)
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;

    fn d(year: i32, month: u8, day: u8) -> Date {
        Date { year, month, day }
    }

    fn t(hour: u8, minute: u8, second: u8, nanos: u32, offset_seconds: Option<i32>) -> Time {
        Time {
            hour,
            minute,
            second,
            nanos,
            offset_seconds,
        }
    }

    fn dt(date: Date, time: Time) -> DateTime {
        DateTime { date, time }
    }

    /// (format, input, expected datetime or None for an error)
    #[allow(clippy::type_complexity)]
    fn strptime_cases() -> Vec<(&'static str, &'static str, Option<DateTime>)> {
        let midnight = MIDNIGHT;
        let day = |y, m, dd| Some(dt(d(y, m, dd), midnight));
        vec![
            // %Y: exactly 4 digits; alone gives January 1st.
            ("%Y", "2020", day(2020, 1, 1)),
            ("%Y", "202", None),
            ("%Y", "20201", None),
            ("%Y", "0000", None), // year 0 is out of range in Python
            // %y pivot.
            ("%y", "68", day(2068, 1, 1)),
            ("%y", "69", day(1969, 1, 1)),
            ("%y", "00", day(2000, 1, 1)),
            ("%y", "5", None),
            // %m, %d, one or two digits, leading space for %d.
            ("%d/%m/%Y", "5/1/2020", day(2020, 1, 5)),
            ("%d/%m/%Y", "05/01/2020", day(2020, 1, 5)),
            ("%d/%m/%Y", " 5/1/2020", day(2020, 1, 5)),
            ("%d/%m/%Y", "31/02/2023", None),
            ("%d/%m/%Y", "29/02/2020", day(2020, 2, 29)),
            ("%d/%m/%Y", "29/02/2021", None),
            ("%d/%m/%Y", "29/02/1900", None),
            ("%d/%m/%Y", "29/02/2000", day(2000, 2, 29)),
            ("%d/%m/%Y", "00/01/2020", None),
            ("%d/%m/%Y", "1/13/2020", None),
            ("%d/%m", "29/02", None), // year defaults to 1900, not a leap year
            ("%m", "12", day(1900, 12, 1)),
            // Backtracking and first-match semantics.
            ("%Y%m%d", "2020111", day(2020, 11, 1)),
            ("%Y%m%d", "20201231", day(2020, 12, 31)),
            ("%Y%m%d", "202011", day(2020, 1, 1)),
            ("%Y%m%d", "2020131", day(2020, 1, 31)),
            ("%m%d", "111", day(1900, 11, 1)),
            ("%d", "123", None), // first match "12" leaves "3" over
            ("%H%M", "123", Some(dt(d(1900, 1, 1), t(12, 3, 0, 0, None)))),
            // The date default format.
            ("%Y-%m-%d", "2023-12-31T00:00:00", None),
            ("%Y-%m-%d", " 2023-12-31", None),
            ("%Y-%m-%d", "2023-12-31 ", None),
            // Case-insensitive literals, whitespace runs.
            (
                "%Y-%m-%dT%H",
                "2023-12-31t05",
                Some(dt(d(2023, 12, 31), t(5, 0, 0, 0, None))),
            ),
            ("%Y %m", "2020 \t 3", day(2020, 3, 1)),
            ("%Y %m", "20203", None),
            (" %Y", "  2020", day(2020, 1, 1)),
            ("%Y\t%m", "2020 3", day(2020, 3, 1)),
            ("%%%Y", "%2020", day(2020, 1, 1)),
            // %j
            ("%Y %j", "2020 366", day(2020, 12, 31)),
            ("%Y %j", "2021 366", day(2022, 1, 1)), // CPython rolls over silently
            ("%Y %j", "2021 060", day(2021, 3, 1)),
            ("%Y %j", "2020 60", day(2020, 2, 29)),
            ("%Y %j", "2020 367", None),
            ("%Y %j", "2020 000", None),
            ("%Y %j %m", "2020 32 12", day(2020, 2, 1)), // %m ignored with %j
            ("%j", "1", day(1900, 1, 1)),
            // Names.
            ("%d %b %Y", "5 JAN 2020", day(2020, 1, 5)),
            ("%d %b %Y", "5 January 2020", None),
            ("%d %B %Y", "5 january 2020", day(2020, 1, 5)),
            ("%d %B %Y", "5 Jan 2020", None),
            ("%d %h %Y", "5 sep 2020", day(2020, 9, 5)),
            ("%a %d/%m/%Y", "Sun 05/01/2020", day(2020, 1, 5)),
            ("%a %d/%m/%Y", "Mon 05/01/2020", day(2020, 1, 5)), // weekday not checked
            ("%A %d/%m/%Y", "wednesday 05/01/2020", day(2020, 1, 5)),
            ("%A %d/%m/%Y", "wed 05/01/2020", None),
            // Time directives.
            (
                "%H:%M:%S",
                "23:59:59",
                Some(dt(d(1900, 1, 1), t(23, 59, 59, 0, None))),
            ),
            ("%H:%M:%S", "24:00:00", None),
            (
                "%H:%M:%S",
                "1:2:3",
                Some(dt(d(1900, 1, 1), t(1, 2, 3, 0, None))),
            ),
            ("%H:%M:%S", "12:60:00", None),
            ("%H:%M:%S", "12:00:60", None), // the regex allows 60, datetime does not
            ("%H:%M:%S", "12:00:61", None),
            (
                "%I:%M %p",
                "12:30 AM",
                Some(dt(d(1900, 1, 1), t(0, 30, 0, 0, None))),
            ),
            (
                "%I:%M %p",
                "12:30 pm",
                Some(dt(d(1900, 1, 1), t(12, 30, 0, 0, None))),
            ),
            (
                "%I:%M %p",
                "1:30 PM",
                Some(dt(d(1900, 1, 1), t(13, 30, 0, 0, None))),
            ),
            ("%I:%M %p", "13:30 PM", None),
            ("%I:%M %p", "0:30 AM", None),
            ("%I", "12", Some(dt(d(1900, 1, 1), t(0, 0, 0, 0, None)))),
            (
                "%p %I",
                "PM 3",
                Some(dt(d(1900, 1, 1), t(15, 0, 0, 0, None))),
            ),
            (
                "%H %p",
                "3 PM",
                Some(dt(d(1900, 1, 1), t(3, 0, 0, 0, None))),
            ), // %p needs %I
            (
                "%S.%f",
                "01.5",
                Some(dt(d(1900, 1, 1), t(0, 0, 1, 500_000_000, None))),
            ),
            (
                "%S.%f",
                "01.000123",
                Some(dt(d(1900, 1, 1), t(0, 0, 1, 123_000, None))),
            ),
            ("%S.%f", "01.1234567", None),
            (
                "%f%S",
                "1234567",
                Some(dt(d(1900, 1, 1), t(0, 0, 7, 123_456_000, None))),
            ),
            // %z and %Z.
            (
                "%H%z",
                "10+0100",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(3600)))),
            ),
            (
                "%H%z",
                "10-01:30",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(-5400)))),
            ),
            (
                "%H%z",
                "10Z",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(0)))),
            ),
            ("%H%z", "10z", None),
            ("%H%z", "10+01", None),
            (
                "%H%z",
                "10+010203",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(3723)))),
            ),
            (
                "%H%z",
                "10+01:02:03.5",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(3723)))),
            ),
            ("%H%z", "10+01:0203", None),
            ("%H%z", "10+0102:03", None),
            ("%H%z", "10+2400", None),
            (
                "%H%z",
                "10+2359",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, Some(86_340)))),
            ),
            (
                "%H %Z",
                "10 UTC",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, None))),
            ),
            (
                "%H %Z",
                "10 gmt",
                Some(dt(d(1900, 1, 1), t(10, 0, 0, 0, None))),
            ),
            ("%H %Z", "10 CET", None),
            // Locale directives (C locale).
            ("%x", "01/05/20", day(2020, 1, 5)),
            (
                "%X",
                "10:11:12",
                Some(dt(d(1900, 1, 1), t(10, 11, 12, 0, None))),
            ),
            (
                "%c",
                "Sun Jan  5 10:11:12 2020",
                Some(dt(d(2020, 1, 5), t(10, 11, 12, 0, None))),
            ),
            // Later directive wins.
            ("%Y %y", "2020 99", day(1999, 1, 1)),
            (
                "%H %I",
                "15 3",
                Some(dt(d(1900, 1, 1), t(3, 0, 0, 0, None))),
            ),
            // Non-ASCII literal and empty format.
            ("%Yé", "2020É", day(2020, 1, 1)),
            ("", "", day(1900, 1, 1)),
            ("", "x", None),
        ]
    }

    #[test]
    fn strptime_table() {
        for (fmt, input, expected) in strptime_cases() {
            let format = StrptimeFormat::compile(fmt).unwrap_or_else(|e| panic!("{fmt}: {e}"));
            let got = format.parse_datetime(input).ok();
            assert_eq!(got, expected, "format {fmt:?} on {input:?}");
        }
    }

    #[test]
    fn strptime_date_and_time_views() {
        let format = StrptimeFormat::compile("%Y-%m-%d %H:%M%z").unwrap();
        assert_eq!(
            format.parse_date("2020-01-05 10:30+0200"),
            Ok(d(2020, 1, 5))
        );
        assert_eq!(
            format.parse_time("2020-01-05 10:30+0200"),
            Ok(t(10, 30, 0, 0, Some(7200)))
        );
        // Time parts are still validated by parse_date.
        assert!(format.parse_date("2020-01-05 10:30+2500").is_err());
        let date_only = StrptimeFormat::compile("%Y-%m-%d").unwrap();
        assert_eq!(date_only.parse_time("2020-01-05"), Ok(MIDNIGHT));
    }

    #[test]
    fn strptime_compile_errors() {
        for fmt in [
            "%e", "%", "%Y%", "%Y %Y", "%b %h", "%c %d", "% Y", "%U", "%Q", "%-d",
        ] {
            assert!(
                StrptimeFormat::compile(fmt).is_err(),
                "{fmt:?} should not compile"
            );
        }
        assert!(StrptimeFormat::compile(&"a".repeat(2000)).is_err());
    }

    #[test]
    fn strptime_has_date_has_time() {
        let cases = [
            ("%Y-%m-%d", true, false),
            ("%H:%M:%S", false, true),
            ("%d/%m/%Y %I %p", true, true),
            ("%z", false, false),
            ("%j", true, false),
            ("%c", true, true),
            ("%f", false, true),
        ];
        for (fmt, has_date, has_time) in cases {
            let format = StrptimeFormat::compile(fmt).unwrap();
            assert_eq!(
                (format.has_date(), format.has_time()),
                (has_date, has_time),
                "{fmt}"
            );
        }
    }

    #[test]
    fn iso_date_table() {
        let cases = [
            ("2020-01-05", Some(d(2020, 1, 5))),
            ("2020-1-5", Some(d(2020, 1, 5))),
            ("2020-02-29", Some(d(2020, 2, 29))),
            ("2021-02-29", None),
            ("2023-12-31", Some(d(2023, 12, 31))),
            ("2023-12-31T00:00:00", None),
            (" 2020-01-05", None),
            ("2020-01-05 ", None),
            ("20200105", None),
            ("2020-13-01", None),
            ("2020-00-01", None),
            ("0000-01-01", None),
            ("9999-12-31", Some(d(9999, 12, 31))),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_iso_date(input).ok(), expected, "{input:?}");
        }
    }

    #[test]
    fn iso_time_table() {
        let cases = [
            ("00:00:00", Some(t(0, 0, 0, 0, None))),
            ("23:59:59", Some(t(23, 59, 59, 0, None))),
            ("23:59:59.123456789", Some(t(23, 59, 59, 123_456_789, None))),
            (
                "23:59:59.1234567891",
                Some(t(23, 59, 59, 123_456_789, None)),
            ),
            ("23:59:59,5", Some(t(23, 59, 59, 500_000_000, None))),
            ("12:00:00.", None),
            ("12:00:00Z", Some(t(12, 0, 0, 0, Some(0)))),
            ("12:00:00z", Some(t(12, 0, 0, 0, Some(0)))),
            ("12:00:00+01:00", Some(t(12, 0, 0, 0, Some(3600)))),
            ("12:00:00-0130", Some(t(12, 0, 0, 0, Some(-5400)))),
            ("12:00:00+05", Some(t(12, 0, 0, 0, Some(18_000)))),
            (
                "12:00:00.5-05",
                Some(t(12, 0, 0, 500_000_000, Some(-18_000))),
            ),
            ("12:00:00+24:00", None),
            ("12:00:00+1", None),
            ("24:00:00", Some(MIDNIGHT)),
            ("24:00:00+01:00", Some(t(0, 0, 0, 0, Some(3600)))),
            ("24:00:00.0000001", Some(MIDNIGHT)),
            ("24:00:00.000001", None),
            ("24:00:01", None),
            ("25:00:00", None),
            ("12:60:00", None),
            ("12:00:60", None),
            ("9:00:00", None),
            ("12:00", None),
            ("12:00Z", None),
            ("120000", None),
            ("12000000", None),
            ("12:0000:", None),
            (" 12:00:00", None),
            ("12:00:00 ", None),
            ("12:00:00é", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_iso_time(input).ok(), expected, "{input:?}");
        }
    }

    #[test]
    fn iso_datetime_table() {
        let cases = [
            ("2023-12-31", Some(dt(d(2023, 12, 31), MIDNIGHT))),
            ("20231231", Some(dt(d(2023, 12, 31), MIDNIGHT))),
            (
                "2023-12-31 23:59:59",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, None))),
            ),
            (
                "2023-12-31T23:59:59",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, None))),
            ),
            (
                "2023-12-31T23:59:59+01:00",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, Some(3600)))),
            ),
            (
                "2023-12-31T23:59:59Z",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, Some(0)))),
            ),
            (
                "2023-12-31T23:59:59z",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 0, Some(0)))),
            ),
            (
                "2023-12-31T23:59:59.5",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 500_000_000, None))),
            ),
            (
                "2023-12-31T23:59:59,25",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 250_000_000, None))),
            ),
            (
                "2023-12-31T23:59:59.1234567891",
                Some(dt(d(2023, 12, 31), t(23, 59, 59, 123_456_789, None))),
            ),
            (
                "2023-12-31T23",
                Some(dt(d(2023, 12, 31), t(23, 0, 0, 0, None))),
            ),
            (
                "2023-12-31T23:30",
                Some(dt(d(2023, 12, 31), t(23, 30, 0, 0, None))),
            ),
            (
                "2023-12-31T2330",
                Some(dt(d(2023, 12, 31), t(23, 30, 0, 0, None))),
            ),
            (
                "2023-12-31T233015",
                Some(dt(d(2023, 12, 31), t(23, 30, 15, 0, None))),
            ),
            (
                "20231231T233015-0500",
                Some(dt(d(2023, 12, 31), t(23, 30, 15, 0, Some(-18_000)))),
            ),
            (
                "2023-12-31T23Z",
                Some(dt(d(2023, 12, 31), t(23, 0, 0, 0, Some(0)))),
            ),
            (
                "2023-12-31T23:30+02",
                Some(dt(d(2023, 12, 31), t(23, 30, 0, 0, Some(7200)))),
            ),
            ("2023-12-31T24:00:00", Some(dt(d(2024, 1, 1), MIDNIGHT))),
            ("2023-12-31T24:00", Some(dt(d(2024, 1, 1), MIDNIGHT))),
            (
                "2023-02-28T24:00:00+01:00",
                Some(dt(d(2023, 3, 1), t(0, 0, 0, 0, Some(3600)))),
            ),
            ("9999-12-31T24:00:00", None),
            ("2023-12-31T24:00:01", None),
            ("2023-12-31T25:00:00", None),
            ("2023-12-31T23:5", None),
            ("2023-12-31T23:30:", None),
            ("2023-12-31T23:3015", None),
            ("2023-12-31T2330:15", None),
            ("2023-12-31T23:30.5", None),
            ("2023-12-31T", None),
            ("2023-12-31  23:00", None),
            ("2023-12-31X23:00", None),
            ("2023-1231", None),
            ("2023-12-31T23:59:60", None),
            ("2023-12-31T23:00+25:00", None),
            ("2021-02-29T00:00:00", None),
            ("0000-01-01T00:00:00", None),
            ("2023-12", None),
            ("", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_iso_datetime(input).ok(), expected, "{input:?}");
        }
    }

    #[test]
    fn year_and_yearmonth_tables() {
        let years = [
            ("2020", Some(2020)),
            ("0000", Some(0)),
            ("9999", Some(9999)),
            ("202", None),
            ("20201", None),
            ("+202", None),
            ("-202", None),
            (" 202", None),
            ("２０２０", None),
            ("", None),
        ];
        for (input, expected) in years {
            assert_eq!(parse_year(input).ok(), expected, "{input:?}");
        }
        let yearmonths = [
            ("2020-1", Some((2020, 1))),
            ("2020-01", Some((2020, 1))),
            ("2020-12", Some((2020, 12))),
            ("2020-13", None),
            ("2020-0", None),
            ("2020-00", None),
            ("2020-001", None),
            ("2020", None),
            ("2020-", None),
            ("20-01", None),
            ("2020/01", None),
            ("2020-01-01", None),
        ];
        for (input, expected) in yearmonths {
            assert_eq!(parse_yearmonth(input).ok(), expected, "{input:?}");
        }
    }

    #[test]
    fn duration_table() {
        let dur = |months: f64, seconds: f64, negative: bool| {
            Some(Duration {
                months,
                seconds,
                negative,
            })
        };
        let cases = [
            (
                "P1Y2M10DT2H30M",
                dur(14.0, 10.0 * 86_400.0 + 2.0 * 3600.0 + 1800.0, false),
            ),
            ("P1Y", dur(12.0, 0.0, false)),
            ("P0.5Y", dur(6.0, 0.0, false)),
            ("P0,5Y", dur(6.0, 0.0, false)),
            ("P2W", dur(0.0, 14.0 * 86_400.0, false)),
            ("P1W1D", dur(0.0, 8.0 * 86_400.0, false)),
            ("-P1D", dur(0.0, 86_400.0, true)),
            ("+P1D", dur(0.0, 86_400.0, false)),
            ("PT1.5S", dur(0.0, 1.5, false)),
            ("PT36H", dur(0.0, 36.0 * 3600.0, false)),
            ("PT1M", dur(0.0, 60.0, false)),
            ("P1M", dur(1.0, 0.0, false)),
            ("P0D", dur(0.0, 0.0, false)),
            ("P1DT1S", dur(0.0, 86_401.0, false)),
            (
                "P0001-02-03T04:05:06",
                dur(14.0, 3.0 * 86_400.0 + 4.0 * 3600.0 + 306.0, false),
            ),
            ("P", None),
            ("PT", None),
            ("P1DT", None),
            ("-P", None),
            ("", None),
            ("1D", None),
            ("p1d", None),
            ("P1", None),
            ("P.5Y", None),
            ("P1.Y", None),
            ("P1D1Y", None),
            ("P1Y1Y", None),
            ("P1H", None),
            ("PT1D", None),
            ("PT1H2H", None),
            ("P1DT1H1D", None),
            ("P-1D", None),
            ("--P1D", None),
            ("P1D ", None),
            ("P1Y2M10DT2H30M1", None),
            ("-P0001-02-03T04:05:06", None),
            ("P0001-13-03T04:05:06", None),
            ("P0001-02-03", None),
        ];
        for (input, expected) in cases {
            assert_eq!(parse_duration(input).ok(), expected, "{input:?}");
        }
    }

    #[test]
    fn any_tables() {
        let dates = [
            ("2020-01-05", Some(d(2020, 1, 5))),
            ("2020-1-5", Some(d(2020, 1, 5))),
            ("2020/01/05", Some(d(2020, 1, 5))),
            ("2020.01.05", Some(d(2020, 1, 5))),
            ("20200105", Some(d(2020, 1, 5))),
            ("05/01/2020", Some(d(2020, 1, 5))),
            ("5/1/2020", Some(d(2020, 1, 5))),
            ("05-01-2020", Some(d(2020, 1, 5))),
            ("05.01.2020", Some(d(2020, 1, 5))),
            ("  05.01.2020  ", Some(d(2020, 1, 5))),
            ("2020-01-05T10:00:00Z", Some(d(2020, 1, 5))),
            ("05/01/2020 10:00", Some(d(2020, 1, 5))),
            ("31/02/2020", None),
            ("05/01-2020", None),
            ("05/01/20", None),
            ("2020-01", None),
            ("Jan 5 2020", None),
            ("", None),
        ];
        for (input, expected) in dates {
            assert_eq!(parse_any_date(input).ok(), expected, "{input:?}");
        }
        let times = [
            ("14:30", Some(t(14, 30, 0, 0, None))),
            ("9:05", Some(t(9, 5, 0, 0, None))),
            ("14:30:15", Some(t(14, 30, 15, 0, None))),
            ("14:30:15.25", Some(t(14, 30, 15, 250_000_000, None))),
            ("143015", Some(t(14, 30, 15, 0, None))),
            ("1430", Some(t(14, 30, 0, 0, None))),
            ("2:30 PM", Some(t(14, 30, 0, 0, None))),
            ("2:30pm", Some(t(14, 30, 0, 0, None))),
            ("12:00 am", Some(t(0, 0, 0, 0, None))),
            ("12:00 PM", Some(t(12, 0, 0, 0, None))),
            ("14:30Z", Some(t(14, 30, 0, 0, Some(0)))),
            ("14:30 +02:00", Some(t(14, 30, 0, 0, Some(7200)))),
            ("14:30 UTC", Some(t(14, 30, 0, 0, Some(0)))),
            ("2:30 PM GMT", Some(t(14, 30, 0, 0, Some(0)))),
            ("13:00 PM", None),
            ("0:30 AM", None),
            ("24:00", None),
            ("14", None),
            ("14:3", None),
            ("14:30 UTC+1", None),
            ("14h30", None),
        ];
        for (input, expected) in times {
            assert_eq!(parse_any_time(input).ok(), expected, "{input:?}");
        }
        let datetimes = [
            ("2020-01-05", Some(dt(d(2020, 1, 5), MIDNIGHT))),
            (
                "2020-01-05T10:00:00+01:00",
                Some(dt(d(2020, 1, 5), t(10, 0, 0, 0, Some(3600)))),
            ),
            (
                "20200105T103000",
                Some(dt(d(2020, 1, 5), t(10, 30, 0, 0, None))),
            ),
            (
                "05/01/2020 10:00 PM",
                Some(dt(d(2020, 1, 5), t(22, 0, 0, 0, None))),
            ),
            (
                "05.01.2020   8:15",
                Some(dt(d(2020, 1, 5), t(8, 15, 0, 0, None))),
            ),
            ("2020-01-05X10:00", None),
            ("2020-01-05 garbage", None),
        ];
        for (input, expected) in datetimes {
            assert_eq!(parse_any_datetime(input).ok(), expected, "{input:?}");
        }
    }

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
    fn days_from_civil_matches_known_values() {
        assert_eq!(days_from_civil(d(1970, 1, 1)), 0);
        assert_eq!(days_from_civil(d(2000, 3, 1)), 11_017);
        assert_eq!(days_from_civil(d(1969, 12, 31)), -1);
        // Consecutive days over several centuries, including leap days.
        let mut previous = days_from_civil(d(1599, 12, 31));
        let mut date = d(1600, 1, 1);
        while date.year < 2101 {
            let days = days_from_civil(date);
            assert_eq!(days, previous + 1, "{date}");
            previous = days;
            date = next_day(date).unwrap();
        }
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
