//! Custom formats (`"format": "%d/%m/%Y"`) and the `date` default: CPython's
//! `datetime.strptime`, with the same directive regexes, the same first-match backtracking,
//! the same defaults and the same calendar checks.

mod directives;
mod matcher;
#[cfg(test)]
mod tests;

use super::calendar::{
    checked_date, checked_time, date_from_julian, days_in_month, fraction_to_nanos,
};
use super::cursor::two_digits;
use super::{Date, DateTime, Result, Time, err};
use directives::{DATE_FIELDS, FIELD_COUNT, Field, MONTHS_ABBR, MONTHS_FULL, TIME_FIELDS};
use matcher::{Item, Spans, match_items};

/// Python's `str.isspace` (what `\s` matches in a `str` regex), close enough: Rust's
/// `White_Space` set plus the ASCII information separators that Python also counts.
pub(super) fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\x1c'..='\x1f').contains(&c)
}

/// Value of a run of ASCII digits; spaces are skipped because `%d` may match ` 5`.
/// Callers only pass at most 9 digits, so this cannot overflow.
fn small_number(text: &str) -> u32 {
    text.bytes()
        .filter(u8::is_ascii_digit)
        .fold(0, |acc, b| acc * 10 + u32::from(b - b'0'))
}

/// Python has no limit, but the matcher recurses once per item: a cap keeps the stack safe.
const MAX_FORMAT_ITEMS: usize = 1000;

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
pub(super) fn twelve_hour_clock(hour: u32, is_pm: bool) -> u32 {
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
