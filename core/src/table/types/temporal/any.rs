//! The `any` format.

use super::calendar::checked_date;
use super::calendar::checked_time;
use super::cursor::{Cursor, parse_offset};
use super::strptime::twelve_hour_clock;
use super::{Date, DateTime, MIDNIGHT, Result, Time, err};

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

#[cfg(test)]
mod tests {
    use super::super::testing::{d, dt, t};
    use super::*;

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
}
