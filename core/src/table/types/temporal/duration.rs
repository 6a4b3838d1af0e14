//! `duration`: isodate's `parse_duration` (ISO 8601 durations and their alternative form).

use super::cursor::Cursor;
use super::{Duration, Result, err};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
