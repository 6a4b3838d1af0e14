//! The token loop of dateutil's `parser.parse` (not fuzzy): each token is a number, a
//! weekday, a month, AM/PM, a zone name, a UTC offset or a skippable word; anything else
//! rejects the cell.

use super::super::{Result, err};
use super::words::{self, UTC_ZONES};
use super::ymd::{Label, Ymd, int};

/// What the cell said; `None` where it said nothing.
#[derive(Default, Debug)]
pub(super) struct Parsed {
    pub year: Option<i64>,
    pub month: Option<i64>,
    pub day: Option<i64>,
    pub hour: Option<i64>,
    pub minute: Option<i64>,
    pub second: Option<i64>,
    pub micro: Option<i64>,
    pub offset: Option<i64>,
    pub zone: Option<String>,
    /// Weekday named (0 Monday … 6 Sunday).
    pub weekday: Option<usize>,
    /// Something was recognised (a weekday or AM/PM alone count too).
    pub anything: bool,
    pub century_specified: bool,
}

struct Parser<'t> {
    tokens: Vec<String>,
    ymd: Ymd,
    res: Parsed,
    ampm: Option<usize>,
    _marker: std::marker::PhantomData<&'t ()>,
}

/// A decimal number token (`10`, `21.447`), as `f64`.
fn number(token: &str) -> Option<f64> {
    let mut dots = 0;
    let ok = !token.is_empty()
        && token.bytes().all(|b| {
            dots += usize::from(b == b'.');
            b.is_ascii_digit() || b == b'.'
        })
        && dots <= 1
        && token != ".";
    if ok { token.parse().ok() } else { None }
}

/// Seconds and microseconds of `S[.ffffff]` (dateutil's `_parsems`).
fn seconds_micros(token: &str) -> Result<(i64, i64)> {
    match token.split_once('.') {
        None => Ok((int(token)?, 0)),
        Some((s, f)) => {
            if f.contains('.') {
                return err("bad seconds");
            }
            let mut digits: String = f.chars().take(6).collect();
            while digits.len() < 6 {
                digits.push('0');
            }
            Ok((int(s)?, int(&digits)?))
        }
    }
}

/// Minutes, and seconds from a fraction of a minute (`30.5` → 30 min 30 s).
fn minutes_seconds(value: f64) -> (i64, Option<i64>) {
    let fraction = value.fract();
    let seconds = (fraction != 0.0).then(|| (60.0 * fraction).trunc() as i64);
    (value.trunc() as i64, seconds)
}

fn adjust_ampm(hour: i64, pm: usize) -> i64 {
    match (hour, pm) {
        (h, 1) if h < 12 => h + 12,
        (12, 0) => 0,
        (h, _) => h,
    }
}

/// Parses the tokens of a cell.
pub(super) fn parse(tokens: Vec<String>) -> Result<Parsed> {
    let mut p = Parser {
        tokens,
        ymd: Ymd::default(),
        res: Parsed::default(),
        ampm: None,
        _marker: std::marker::PhantomData,
    };
    p.run()?;
    let (year, month, day) = p.ymd.resolve()?;
    p.res.year = year;
    p.res.month = month;
    p.res.day = day;
    p.res.century_specified = p.ymd.century_specified;
    p.res.anything |= year.is_some() || month.is_some() || day.is_some();
    Ok(p.res)
}

impl Parser<'_> {
    fn tok(&self, i: usize) -> Result<&str> {
        match self.tokens.get(i) {
            Some(t) => Ok(t),
            None => err("the date ends too early"),
        }
    }

    fn is(&self, i: usize, s: &str) -> bool {
        self.tokens.get(i).is_some_and(|t| t == s)
    }

    fn run(&mut self) -> Result<()> {
        let len = self.tokens.len();
        let mut i = 0;
        while i < len {
            let token = self.tokens[i].clone();
            let lower = token.to_lowercase();
            if matches!(lower.as_str(), "nan" | "inf" | "infinity") {
                return err("not a date");
            }
            if let Some(value) = number(&token) {
                i = self.numeric(i, value)?;
            } else if let Some(weekday) = words::weekday(&token) {
                self.res.weekday = Some(weekday);
                self.res.anything = true;
            } else if let Some(month) = words::month(&token) {
                self.ymd.push_value(month as f64, Some(Label::Month))?;
                if self.is(i + 1, "-") || self.is(i + 1, "/") {
                    // Jan-01[-99]
                    let sep = self.tokens[i + 1].clone();
                    let next = self.tok(i + 2)?.to_owned();
                    self.ymd.push_text(&next, None)?;
                    if self.is(i + 3, &sep) {
                        let last = self.tok(i + 4)?.to_owned();
                        self.ymd.push_text(&last, None)?;
                        i += 2;
                    }
                    i += 2;
                } else if i + 4 < len
                    && self.is(i + 1, " ")
                    && self.is(i + 3, " ")
                    && words::is_pertain(&self.tokens[i + 2])
                {
                    // Jan of 01: clearly a year.
                    let year = &self.tokens[i + 4];
                    if year.bytes().all(|b| b.is_ascii_digit()) && !year.is_empty() {
                        let year = convert_year(int(year)?, false);
                        self.ymd
                            .push_text(&format!("{year:04}"), Some(Label::Year))?;
                    }
                    i += 4;
                }
            } else if let Some(value) = words::ampm(&token) {
                let hour = match self.res.hour {
                    None => return err("AM/PM without an hour"),
                    Some(h) if !(0..=12).contains(&h) => {
                        return err("hour must be 0-12 with AM/PM");
                    }
                    Some(h) => h,
                };
                self.res.hour = Some(adjust_ampm(hour, value));
                self.ampm = Some(value);
                self.res.anything = true;
            } else if self.could_be_zone(&token) {
                self.res.offset = UTC_ZONES.contains(&token.as_str()).then_some(0);
                self.res.zone = Some(token.clone());
                self.res.anything = true;
                if self.is(i + 1, "+") || self.is(i + 1, "-") {
                    // `GMT+3` means "my time +3 is GMT": the sign is reversed.
                    let flipped = if self.is(i + 1, "+") { "-" } else { "+" };
                    self.tokens[i + 1] = flipped.to_owned();
                    self.res.offset = None;
                    if UTC_ZONES.contains(&token.as_str()) {
                        self.res.zone = None;
                    }
                }
            } else if self.res.hour.is_some() && (token == "+" || token == "-") {
                i = self.offset(i)?;
            } else if !words::is_jump(&token) {
                return err("not a date or time word");
            }
            i += 1;
        }
        Ok(())
    }

    fn could_be_zone(&self, token: &str) -> bool {
        self.res.offset.is_none() && self.could_be_zone_name(token)
    }

    /// A zone name after a time (an offset may be known already: `-0300 (BRST)`).
    fn could_be_zone_name(&self, token: &str) -> bool {
        self.res.hour.is_some()
            && self.res.zone.is_none()
            && token.chars().count() <= 5
            && (token.bytes().all(|b| b.is_ascii_uppercase()) || UTC_ZONES.contains(&token))
    }

    /// `+0300`, `-03:00`, `+3` after a time.
    fn offset(&mut self, i: usize) -> Result<usize> {
        let sign = if self.tokens[i] == "+" { 1 } else { -1 };
        let digits = self.tok(i + 1)?.to_owned();
        let mut i = i;
        let (hours, minutes) = if digits.len() == 4 {
            (int(&digits[..2])?, int(&digits[2..])?)
        } else if self.is(i + 2, ":") {
            let minutes = int(self.tok(i + 3)?)?;
            i += 2;
            (int(&digits)?, minutes)
        } else if digits.len() <= 2 {
            (int(&digits)?, 0)
        } else {
            return err("bad UTC offset");
        };
        self.res.offset = Some(sign * (hours * 3600 + minutes * 60));
        // A zone name in parentheses may follow: `-0300 (BRST)`.
        if i + 5 < self.tokens.len()
            && words::is_jump(&self.tokens[i + 2])
            && self.is(i + 3, "(")
            && self.is(i + 5, ")")
            && self.tokens[i + 4].chars().count() >= 3
            && self.could_be_zone_name(&self.tokens[i + 4])
        {
            self.res.zone = Some(self.tokens[i + 4].clone());
            i += 4;
        }
        Ok(i + 1)
    }

    /// The `h`/`m`/`s` word a number goes with, if any: `12h`, `12 h`, the `04` of
    /// `12h04`, the `30` of `5 m 30`.
    fn hms_index(&self, i: usize) -> Option<usize> {
        let hms = |j: usize| self.tokens.get(j).and_then(|t| words::hms(t));
        let len = self.tokens.len();
        if hms(i + 1).is_some() {
            Some(i + 1)
        } else if i + 2 < len && self.is(i + 1, " ") && hms(i + 2).is_some() {
            Some(i + 2)
        } else if i > 0 && hms(i - 1).is_some() {
            Some(i - 1)
        } else if 1 < i && i == len - 1 && self.is(i - 1, " ") && hms(i - 2).is_some() {
            Some(i - 2)
        } else {
            None
        }
    }

    /// A number token at `i`; returns the index of the last token it used.
    fn numeric(&mut self, i: usize, value: f64) -> Result<usize> {
        let s = self.tokens[i].clone();
        let n = s.len();
        let len = self.tokens.len();
        let mut i = i;
        let next_is_time_mark = self.is(i + 1, ":")
            || self
                .tokens
                .get(i + 1)
                .is_some_and(|t| words::hms(t).is_some());
        if self.ymd.len() == 3
            && (n == 2 || n == 4)
            && self.res.hour.is_none()
            && !next_is_time_mark
        {
            // 19990101T23[59]
            self.res.hour = Some(int(&s[..2])?);
            if n == 4 {
                self.res.minute = Some(int(&s[2..])?);
            }
        } else if n == 6 || (n > 6 && s.find('.') == Some(6)) {
            if self.ymd.is_empty() && !s.contains('.') {
                // YYMMDD
                self.ymd.push_text(&s[..2], None)?;
                self.ymd.push_text(&s[2..4], None)?;
                self.ymd.push_text(&s[4..], None)?;
            } else {
                // HHMMSS[.ss]
                self.res.hour = Some(int(&s[..2])?);
                self.res.minute = Some(int(&s[2..4])?);
                let (second, micro) = seconds_micros(&s[4..])?;
                self.res.second = Some(second);
                self.res.micro = Some(micro);
            }
        } else if n == 8 || n == 12 || n == 14 {
            // YYYYMMDD[hhmm[ss]]
            self.ymd.push_text(&s[..4], Some(Label::Year))?;
            self.ymd.push_text(&s[4..6], None)?;
            self.ymd.push_text(&s[6..8], None)?;
            if n > 8 {
                self.res.hour = Some(int(&s[8..10])?);
                self.res.minute = Some(int(&s[10..12])?);
                if n > 12 {
                    self.res.second = Some(int(&s[12..])?);
                }
            }
        } else if let Some(at) = self.hms_index(i) {
            let word = words::hms(&self.tokens[at]).unwrap_or(0);
            let kind = if at > i {
                i = at;
                word
            } else {
                word + 1
            };
            match kind {
                0 => {
                    self.res.hour = Some(value.trunc() as i64);
                    if value.fract() != 0.0 {
                        self.res.minute = Some((60.0 * value.fract()).trunc() as i64);
                    }
                }
                1 => {
                    let (minute, second) = minutes_seconds(value);
                    self.res.minute = Some(minute);
                    self.res.second = second;
                }
                2 => {
                    let (second, micro) = seconds_micros(&s)?;
                    self.res.second = Some(second);
                    self.res.micro = Some(micro);
                }
                _ => {}
            }
        } else if i + 2 < len && self.is(i + 1, ":") {
            // HH:MM[:SS[.ss]]
            self.res.hour = Some(value.trunc() as i64);
            let Some(minutes) = number(&self.tokens[i + 2]) else {
                return err("expected minutes after ':'");
            };
            let (minute, second) = minutes_seconds(minutes);
            self.res.minute = Some(minute);
            self.res.second = second;
            if i + 4 < len && self.is(i + 3, ":") {
                let (second, micro) = seconds_micros(&self.tokens[i + 4])?;
                self.res.second = Some(second);
                self.res.micro = Some(micro);
                i += 2;
            }
            i += 2;
        } else if i + 1 < len && matches!(self.tokens[i + 1].as_str(), "-" | "/" | ".") {
            // 01-01[-01], 01-Jan[-01]
            let sep = self.tokens[i + 1].clone();
            self.ymd.push_text(&s, None)?;
            if i + 2 < len && !words::is_jump(&self.tokens[i + 2]) {
                let second = self.tokens[i + 2].clone();
                if !second.is_empty() && second.bytes().all(|b| b.is_ascii_digit()) {
                    self.ymd.push_text(&second, None)?;
                } else if let Some(month) = words::month(&second) {
                    self.ymd.push_value(month as f64, Some(Label::Month))?;
                } else {
                    return err("expected a day or a month");
                }
                if i + 3 < len && self.is(i + 3, &sep) {
                    let third = self.tok(i + 4)?.to_owned();
                    match words::month(&third) {
                        Some(month) => self.ymd.push_value(month as f64, Some(Label::Month))?,
                        None => self.ymd.push_text(&third, None)?,
                    }
                    i += 2;
                }
                i += 1;
            }
            i += 1;
        } else if i + 1 >= len || words::is_jump(&self.tokens[i + 1]) {
            if let Some(pm) = self.tokens.get(i + 2).and_then(|t| words::ampm(t)) {
                // 12 am
                self.res.hour = Some(adjust_ampm(value.trunc() as i64, pm));
                i += 1;
            } else {
                self.ymd.push_value(value, None)?;
            }
            i += 1;
        } else if let Some(pm) = words::ampm(&self.tokens[i + 1]).filter(|_| value < 24.0) {
            // 12am
            self.res.hour = Some(adjust_ampm(value.trunc() as i64, pm));
            i += 1;
        } else if self.ymd.could_be_day(value) {
            self.ymd.push_value(value, None)?;
        } else {
            return err("unexpected number");
        }
        self.res.anything = true;
        Ok(i)
    }
}

/// A two-digit year without its century, as dateutil reads it: within 50 years of the
/// current year. The current year is fixed at [`REFERENCE_YEAR`] so that a verdict never
/// depends on the day it is given.
pub(super) fn convert_year(year: i64, century_specified: bool) -> i64 {
    if year >= 100 || century_specified {
        return year;
    }
    let century = REFERENCE_YEAR / 100 * 100;
    let year = year + century;
    if year >= REFERENCE_YEAR + 50 {
        year - 100
    } else if year < REFERENCE_YEAR - 50 {
        year + 100
    } else {
        year
    }
}

/// The "current" year of the reading of two-digit years and of dates without a year.
pub(super) const REFERENCE_YEAR: i64 = 2026;
