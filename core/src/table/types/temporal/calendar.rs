//! Proleptic Gregorian calendar arithmetic and the range checks of Python's `datetime`.

use super::{Date, Result, Time, err};

pub(super) fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

pub(super) fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

pub(super) fn days_in_year(year: i32) -> u32 {
    if is_leap(year) { 366 } else { 365 }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (negative before), computed over
/// 400-year eras counted from March so that the leap day is the last day of a "year".
pub(super) fn days_from_civil(date: Date) -> i64 {
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
pub(super) fn checked_date(year: i32, month: u32, day: u32) -> Result<Date> {
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
pub(super) fn checked_time(
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
pub(super) fn next_day(date: Date) -> Result<Date> {
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
pub(super) fn date_from_julian(year: i32, julian: u32) -> Result<Date> {
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

/// Nanoseconds of a fraction given by its digits (`"5"` -> 500 ms); digits beyond the ninth
/// are truncated.
pub(super) fn fraction_to_nanos(digits: &[u8]) -> u32 {
    let mut nanos = 0;
    for i in 0..9 {
        let digit = digits.get(i).map_or(0, |b| u32::from(b - b'0'));
        nanos = nanos * 10 + digit;
    }
    nanos
}

#[cfg(test)]
mod tests {
    use super::super::testing::d;
    use super::*;

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
}
