//! The default formats, following frictionless-py 5: `date` through
//! `datetime.strptime(s, "%Y-%m-%d")`, `time` and `datetime` through
//! `dateutil.parser.isoparse`; and `year`, `yearmonth`.

#[cfg(test)]
mod tests;

use super::calendar::{checked_date, checked_time, next_day};
use super::cursor::{Cursor, parse_offset};
use super::strptime::StrptimeFormat;
use super::{Date, DateTime, MIDNIGHT, Result, Time, err};
use std::sync::OnceLock;

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
/// date `YYYY-MM-DD` or `YYYYMMDD`; then optionally `T` (or `t`, as RFC 3339 allows) or one
/// space and a time `HH`, `HH:MM`,
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
/// assert_eq!(parse_iso_datetime("2023-12-31t23:59:59z").unwrap().time.offset_seconds, Some(0));
/// assert!(parse_iso_datetime("2023-12-31x23:59:59").is_err());
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
    // dateutil takes any one ASCII character here (`2020-01-01x10:00:00`); only RFC 3339's
    // separators are kept: `T`, `t` and a space.
    if !(c.eat(b'T') || c.eat(b't') || c.eat(b' ')) {
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
