//! The `any` format: what dateutil's `parser.parse` accepts (frictionless reads `any`
//! dates, times and datetimes with it), re-implemented with its default settings — English
//! month and weekday names, ordinals (`10th`), `of`/`at`/`on`, AM/PM, zone names and
//! offsets, month first when the order is ambiguous (`01/02/2020` is January 2nd,
//! `13/02/2020` February 13th).
//!
//! Where dateutil fills what the cell leaves out from the current date, a fixed reference
//! date is used instead ([`parser::REFERENCE_YEAR`], January, the 1st), so a verdict never
//! depends on the day it is given: a missing year is that year, a missing month January, a
//! missing day the 1st, and two-digit years are read within 50 years of that year.

mod lexer;
mod parser;
mod words;
mod ymd;

use super::calendar::{checked_date, checked_time, days_from_civil, next_day};
use super::{Date, DateTime, Result, Time, err};
use parser::{REFERENCE_YEAR, convert_year};
use words::UTC_ZONES;

fn to_u32(v: i64) -> Result<u32> {
    u32::try_from(v).or_else(|_| err("date or time part out of range"))
}

/// Table Schema `datetime` with the `any` format (dateutil's `parser.parse(cell)`).
///
/// ```
/// use conforme::table::types::temporal::parse_any_datetime;
/// assert_eq!(parse_any_datetime("10th Jan 1969 9 am").unwrap().to_string(), "1969-01-10T09:00:00");
/// assert_eq!(parse_any_datetime("2020-01-05T14:30+01:00").unwrap().to_string(), "2020-01-05T14:30:00+01:00");
/// assert_eq!(parse_any_datetime("01/02/2020").unwrap().to_string(), "2020-01-02T00:00:00");
/// assert!(parse_any_datetime("next tuesday").is_err());
/// ```
pub fn parse_any_datetime(s: &str) -> Result<DateTime> {
    let p = parser::parse(lexer::tokens(s))?;
    let anything = p.anything
        || [p.hour, p.minute, p.second, p.micro, p.offset]
            .iter()
            .any(Option::is_some)
        || p.zone.is_some();
    if !anything {
        return err("no date or time in the text");
    }
    let year = p
        .year
        .map_or(REFERENCE_YEAR, |y| convert_year(y, p.century_specified));
    let year = i32::try_from(year).or_else(|_| err("year out of range"))?;
    let mut date = checked_date(
        year,
        to_u32(p.month.unwrap_or(1))?,
        to_u32(p.day.unwrap_or(1))?,
    )?;
    // A weekday without a day is the first such day from there on; with a day, dateutil
    // does not check it.
    if let (Some(weekday), None) = (p.weekday, p.day) {
        while (days_from_civil(date) + 3).rem_euclid(7) != weekday as i64 {
            date = next_day(date)?;
        }
    }
    // A UTC zone name wins over an offset written next to it (dateutil's `validate`); an
    // unknown zone name alone leaves the time naive.
    let offset = match &p.zone {
        Some(zone) if UTC_ZONES.contains(&zone.as_str()) => Some(0),
        _ => p.offset,
    };
    let offset = offset
        .map(|o| i32::try_from(o).or_else(|_| err("UTC offset out of range")))
        .transpose()?;
    let micro = to_u32(p.micro.unwrap_or(0))?;
    let time = checked_time(
        to_u32(p.hour.unwrap_or(0))?,
        to_u32(p.minute.unwrap_or(0))?,
        to_u32(p.second.unwrap_or(0))?,
        micro.saturating_mul(1000),
        offset,
    )?;
    Ok(DateTime { date, time })
}

/// Table Schema `date` with the `any` format: `parser.parse(cell).date()`.
///
/// ```
/// use conforme::table::types::temporal::{parse_any_date, Date};
/// assert_eq!(parse_any_date("10th Jan 1969").unwrap(), Date { year: 1969, month: 1, day: 10 });
/// assert_eq!(parse_any_date("2020/01/05 10:00").unwrap(), Date { year: 2020, month: 1, day: 5 });
/// assert!(parse_any_date("31/02/2020").is_err());
/// ```
pub fn parse_any_date(s: &str) -> Result<Date> {
    Ok(parse_any_datetime(s)?.date)
}

/// Table Schema `time` with the `any` format: `parser.parse(cell).timetz()`.
///
/// ```
/// use conforme::table::types::temporal::parse_any_time;
/// assert_eq!(parse_any_time("2:30 PM").unwrap().hour, 14);
/// assert_eq!(parse_any_time("14:30:15+02:00").unwrap().offset_seconds, Some(7200));
/// assert!(parse_any_time("13:00 PM").is_err());
/// ```
pub fn parse_any_time(s: &str) -> Result<Time> {
    Ok(parse_any_datetime(s)?.time)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each cell with what dateutil 2.9 gives for it with a default date of 2026-01-01
    /// (`parser.parse(cell, default=datetime(2026, 1, 1)).isoformat()`), `None` when it
    /// raises.
    #[test]
    fn like_dateutil() {
        let cases: &[(&str, Option<&str>)] = &[
            ("10th Jan 1969", Some("1969-01-10T00:00:00")),
            ("10th Jan 1969 9 am", Some("1969-01-10T09:00:00")),
            ("January 10, 1969", Some("1969-01-10T00:00:00")),
            ("Jan 10 1969", Some("1969-01-10T00:00:00")),
            ("10 January 1969", Some("1969-01-10T00:00:00")),
            ("1st of March 2020", Some("2020-03-01T00:00:00")),
            ("March 2nd, 2020 at 5pm", Some("2020-03-02T17:00:00")),
            ("Sunday, 5 January 2020", Some("2020-01-05T00:00:00")),
            ("Sep.20.2009", Some("2009-09-20T00:00:00")),
            ("2020-01-05", Some("2020-01-05T00:00:00")),
            ("2020-1-5", Some("2020-01-05T00:00:00")),
            ("2020/01/05", Some("2020-01-05T00:00:00")),
            ("2020.01.05", Some("2020-01-05T00:00:00")),
            ("20200105", Some("2020-01-05T00:00:00")),
            ("05/01/2020", Some("2020-05-01T00:00:00")),
            ("13/01/2020", Some("2020-01-13T00:00:00")),
            ("01/13/2020", Some("2020-01-13T00:00:00")),
            ("5/1/2020", Some("2020-05-01T00:00:00")),
            ("05-01-2020", Some("2020-05-01T00:00:00")),
            ("05.01.2020", Some("2020-05-01T00:00:00")),
            ("  05.01.2020  ", Some("2020-05-01T00:00:00")),
            ("2020-01-05T10:00:00Z", Some("2020-01-05T10:00:00+00:00")),
            (
                "2020-01-05T10:00:00+01:00",
                Some("2020-01-05T10:00:00+01:00"),
            ),
            ("05/01/2020 10:00 PM", Some("2020-05-01T22:00:00")),
            ("20200105T103000", Some("2020-01-05T10:30:00")),
            ("20200105103000", Some("2020-01-05T10:30:00")),
            ("2020-01-05 14:30:15.25", Some("2020-01-05T14:30:15.250000")),
            ("31/02/2020", None),
            ("05/01/20", Some("2020-05-01T00:00:00")),
            ("05/01/99", Some("1999-05-01T00:00:00")),
            ("1969-07-20 20:17:40 UTC", Some("1969-07-20T20:17:40+00:00")),
            (
                "2003-09-25T10:49:41-03:00",
                Some("2003-09-25T10:49:41-03:00"),
            ),
            ("10:49:41 GMT+3", Some("2026-01-01T10:49:41-03:00")),
            ("12h30", Some("2026-01-01T12:30:00")),
            ("5pm", Some("2026-01-01T17:00:00")),
            ("12 am", Some("2026-01-01T00:00:00")),
            ("Thu Sep 25 10:36:28 2003", Some("2003-09-25T10:36:28")),
            ("25-Sep-2003", Some("2003-09-25T00:00:00")),
            ("2003-Sep-25", Some("2003-09-25T00:00:00")),
            ("Sep-25-2003", Some("2003-09-25T00:00:00")),
            ("990101", Some("1999-01-01T00:00:00")),
            ("199901", None),
            ("19990101T23", Some("1999-01-01T23:00:00")),
            ("3rd of May 2001", Some("2001-05-03T00:00:00")),
            ("May 2001", Some("2001-05-01T00:00:00")),
            ("2001", Some("2001-01-01T00:00:00")),
            ("10:00", Some("2026-01-01T10:00:00")),
            ("10:00 utc", None),
            ("next tuesday", None),
            ("garbage", None),
            ("2020-01-05X10:00", None),
            ("13:00 PM", None),
            ("24:00", None),
            ("14h30", Some("2026-01-01T14:30:00")),
            ("10:30.5", Some("2026-01-01T10:30:30")),
            ("1e5", None),
            ("2020-13-01", None),
            ("0000-01-01", None),
            ("29 Feb 2019", None),
            ("29 Feb 2020", Some("2020-02-29T00:00:00")),
            ("nan", None),
            ("at", None),
            ("", None),
            ("1 2 3 4", None),
            ("2020 5", Some("2020-05-01T00:00:00")),
            ("Jan of 01", Some("2001-01-01T00:00:00")),
            ("10:00 -03:00 (BRST)", Some("2026-01-01T10:00:00-03:00")),
            ("10:00 CET", Some("2026-01-01T10:00:00")),
            ("2020-01-05 10:00 +0530", Some("2020-01-05T10:00:00+05:30")),
            ("14:30 +02:00", Some("2026-01-01T14:30:00+02:00")),
            ("14:30Z", Some("2026-01-01T14:30:00+00:00")),
            ("2:30 PM GMT", Some("2026-01-01T14:30:00+00:00")),
            ("14:30 UTC+1", Some("2026-01-01T14:30:00-01:00")),
            ("0:30 AM", Some("2026-01-01T00:30:00")),
            ("12:00 am", Some("2026-01-01T00:00:00")),
            ("143015", None),
            ("1430", Some("1430-01-01T00:00:00")),
            ("5 h 30 m", Some("2026-01-01T05:30:00")),
            ("1.5h", Some("2026-01-01T01:30:00")),
            ("Feb 29", None),
            ("10 Jan", Some("2026-01-10T00:00:00")),
            ("Monday", Some("2026-01-05T00:00:00")),
            ("2020-01-05 garbage", None),
            ("Jan-", None),
            ("2020-01-", None),
            ("10:", None),
            (
                "2020-01-05T10:00:00.1234567",
                Some("2020-01-05T10:00:00.123456"),
            ),
            (
                "2020-01-05 10:00:00 -0300",
                Some("2020-01-05T10:00:00-03:00"),
            ),
            ("10.5.2020", Some("2020-10-05T00:00:00")),
            ("Dec 31, 9999 11:59 pm", Some("9999-12-31T23:59:00")),
            ("Jan 1, 0001", Some("2001-01-01T00:00:00")),
        ];
        for (input, expected) in cases {
            let got = parse_any_datetime(input).ok().map(|dt| dt.to_string());
            assert_eq!(got.as_deref(), *expected, "{input:?}");
        }
    }

    #[test]
    fn dates_and_times_are_views_of_the_datetime() {
        let d = Date {
            year: 1969,
            month: 1,
            day: 10,
        };
        assert_eq!(parse_any_date("10th Jan 1969 9 am"), Ok(d));
        let t = parse_any_time("10th Jan 1969 9:30 pm +01:00").unwrap();
        assert_eq!((t.hour, t.minute, t.offset_seconds), (21, 30, Some(3600)));
        assert!(parse_any_date("31/02/2020").is_err());
    }

    #[test]
    fn never_panics() {
        let pieces = [
            "1",
            "12",
            "2020",
            "-",
            "/",
            ".",
            ",",
            ":",
            " ",
            "+",
            "Jan",
            "of",
            "th",
            "am",
            "pm",
            "h",
            "m",
            "s",
            "Z",
            "UTC",
            "GMT",
            "(",
            ")",
            "T",
            "é",
            "99999999999999",
            "0",
            "nan",
        ];
        let mut state = 0x2545_F491_4F6C_DD1Du64;
        for _ in 0..20_000 {
            let mut input = String::new();
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let mut s = state;
            for _ in 0..(s % 9) {
                s = s.rotate_left(7) ^ 0x9E37_79B9;
                input.push_str(pieces[(s % pieces.len() as u64) as usize]);
            }
            let _ = parse_any_datetime(&input);
        }
    }
}
