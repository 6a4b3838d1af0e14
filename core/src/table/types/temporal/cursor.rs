//! The byte cursor of the hand-written grammars (ISO formats, durations, `any`), and the
//! UTC offsets they share.

use super::calendar::fraction_to_nanos;
use super::{Result, err};

/// Byte cursor for the hand-written grammars below (all their syntax is ASCII, so a
/// non-ASCII byte simply fails to match).
pub(super) struct Cursor<'a> {
    pub(super) bytes: &'a [u8],
    pub(super) pos: usize,
}

impl<'a> Cursor<'a> {
    pub(super) fn new(s: &'a str) -> Self {
        Cursor {
            bytes: s.as_bytes(),
            pos: 0,
        }
    }

    pub(super) fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    pub(super) fn at_end(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    pub(super) fn rest(&self) -> &'a [u8] {
        &self.bytes[self.pos.min(self.bytes.len())..]
    }

    pub(super) fn eat(&mut self, b: u8) -> bool {
        let found = self.peek() == Some(b);
        if found {
            self.pos += 1;
        }
        found
    }

    pub(super) fn expect(&mut self, b: u8, what: &'static str) -> Result<()> {
        if self.eat(b) { Ok(()) } else { err(what) }
    }

    pub(super) fn count_digits(&self) -> usize {
        self.rest()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    }

    /// Exactly `n` (at most 9) ASCII digits.
    pub(super) fn fixed_digits(&mut self, n: usize) -> Result<u32> {
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
    pub(super) fn digit_run(&mut self, min: usize, max: usize) -> Result<(u32, usize)> {
        let n = self.count_digits().min(max);
        if n < min {
            return err("expected digits");
        }
        Ok((self.fixed_digits(n)?, n))
    }

    /// Fraction digits after the decimal separator (1..=`max` of them), as nanoseconds.
    pub(super) fn fraction_nanos(&mut self, max: usize) -> Result<u32> {
        let n = self.count_digits();
        if n == 0 || n > max {
            return err("bad number of fraction digits");
        }
        let nanos = fraction_to_nanos(&self.rest()[..n]);
        self.pos += n;
        Ok(nanos)
    }
}

/// A whole UTC offset, as dateutil accepts it: `Z`, `z`, `±HH`, `±HHMM` or `±HH:MM`, with
/// hours 0-23 and minutes 0-59.
pub(super) fn parse_offset(b: &[u8]) -> Result<i32> {
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

/// Value of the two ASCII digits at the start of `b`.
pub(super) fn two_digits(b: &[u8]) -> Option<u32> {
    match b {
        [d1 @ b'0'..=b'9', d2 @ b'0'..=b'9', ..] => {
            Some(u32::from(d1 - b'0') * 10 + u32::from(d2 - b'0'))
        }
        _ => None,
    }
}
