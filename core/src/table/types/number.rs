//! `number` and `integer`.
//!
//! Accepted like frictionless 5 (Python `Decimal` / `int`): surrounding whitespace,
//! a sign, `1e3`, `.5`, `5.`, `INF`, `NaN`; not `1,5` unless `decimalChar` is `,`.
//! Deliberate differences: Python's `1_000` and non-ASCII digits are rejected (they are
//! not numbers in a CSV file for anyone but Python).

use crate::table::value::Value;

/// Rewrites `cell` into `buf` without group characters and with `.` as the decimal mark;
/// returns `None` when the result does not fit (very long cells then go to the heap).
fn normalize<'b>(
    cell: &str,
    decimal: char,
    group: Option<char>,
    buf: &'b mut [u8; 96],
) -> Option<&'b str> {
    let mut len = 0;
    for c in cell.chars() {
        if Some(c) == group {
            continue;
        }
        let c = if c == decimal { '.' } else { c };
        let n = c.len_utf8();
        if len + n > buf.len() {
            return None;
        }
        c.encode_utf8(&mut buf[len..len + n]);
        len += n;
    }
    std::str::from_utf8(&buf[..len]).ok()
}

fn normalize_owned(cell: &str, decimal: char, group: Option<char>) -> String {
    cell.chars()
        .filter(|c| Some(*c) != group)
        .map(|c| if c == decimal { '.' } else { c })
        .collect()
}

/// `bareNumber: false`: strips currency signs, percent signs and other text around the
/// number (`€ 95`, `95 %`).
fn strip_non_bare(cell: &str, decimal: char) -> &str {
    let start = cell
        .find(|c: char| c.is_ascii_digit() || c == '-' || c == '+' || c == '.' || c == decimal)
        .unwrap_or(cell.len());
    let rest = &cell[start..];
    let end = rest
        .rfind(|c: char| c.is_ascii_digit())
        .map_or(0, |i| i + 1);
    &rest[..end]
}

const POW10: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// Plain decimals (`-12.5`, `48.8566`: sign, at most 15 digits, no exponent) without the
/// general float parser: the digits form an exact integer below 2^53 and one division by an
/// exact power of ten is correctly rounded, so the result equals `str::parse`'s.
/// `None` means "not that simple": the caller falls back to the general parser.
#[inline]
pub(crate) fn fast_decimal(text: &str) -> Option<f64> {
    let b = text.as_bytes();
    let (negative, digits) = match b.first()? {
        b'-' => (true, &b[1..]),
        b'+' => (false, &b[1..]),
        _ => (false, b),
    };
    let (mut mantissa, mut count, mut frac, mut seen_dot) = (0u64, 0usize, 0usize, false);
    for &c in digits {
        match c {
            b'0'..=b'9' => {
                mantissa = mantissa * 10 + u64::from(c - b'0');
                count += 1;
                frac += usize::from(seen_dot);
            }
            b'.' if !seen_dot => seen_dot = true,
            _ => return None,
        }
        if count > 15 {
            return None;
        }
    }
    if count == 0 {
        return None;
    }
    let value = mantissa as f64 / POW10[frac];
    Some(if negative { -value } else { value })
}

/// Python's `Decimal` grammar on already normalised text, as an `f64`.
fn parse_decimal(text: &str) -> Option<f64> {
    if let Some(v) = fast_decimal(text) {
        return Some(v);
    }
    let t = text.trim();
    let body = t.strip_prefix(['+', '-']).unwrap_or(t);
    let special = ["inf", "infinity", "nan", "snan"];
    if special.iter().any(|s| body.eq_ignore_ascii_case(s)) {
        if body.len() >= 3 && body[body.len() - 3..].eq_ignore_ascii_case("nan") {
            return Some(f64::NAN);
        }
        return Some(if t.starts_with('-') {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        });
    }
    // Rust's float grammar is Decimal's for finite numbers; check the characters so that
    // nothing else slips through.
    if body.is_empty()
        || !body
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'+' | b'-'))
    {
        return None;
    }
    t.parse::<f64>().ok()
}

/// Compiled `number` format.
#[derive(Clone, Debug)]
pub(crate) struct NumberFormat {
    pub decimal: char,
    pub group: Option<char>,
    pub bare: bool,
}

impl NumberFormat {
    pub(crate) fn parse(&self, cell: &str) -> Option<f64> {
        let cell = if self.bare {
            cell
        } else {
            strip_non_bare(cell, self.decimal)
        };
        if self.decimal == '.' && self.group.is_none() {
            return parse_decimal(cell);
        }
        // With another decimal mark, a `.` that is not the group character is neither:
        // `1.234` under `decimalChar: ","` is ambiguous (1234 or 1,234?), and frictionless
        // rejects it.
        if self.decimal != '.' && self.group != Some('.') && cell.contains('.') {
            return None;
        }
        let mut buf = [0u8; 96];
        match normalize(cell, self.decimal, self.group, &mut buf) {
            Some(text) => parse_decimal(text),
            None => parse_decimal(&normalize_owned(cell, self.decimal, self.group)),
        }
    }
}

/// Compiled `integer` format.
#[derive(Clone, Debug)]
pub(crate) struct IntegerFormat {
    pub group: Option<char>,
    pub bare: bool,
}

fn parse_integer_text(text: &str) -> Option<Value<'static>> {
    let t = text.trim();
    let digits = t.strip_prefix(['+', '-']).unwrap_or(t);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    match t.parse::<i128>() {
        Ok(i) => Some(Value::Integer(i)),
        // Beyond 38 digits: still an integer, compared approximately.
        Err(_) => t.parse::<f64>().ok().map(Value::Number),
    }
}

impl IntegerFormat {
    pub(crate) fn parse(&self, cell: &str) -> Option<Value<'static>> {
        let cell = if self.bare {
            cell
        } else {
            strip_non_bare(cell, '.')
        };
        match self.group {
            None => parse_integer_text(cell),
            Some(g) => {
                let mut buf = [0u8; 96];
                match normalize(cell, '\u{0}', Some(g), &mut buf) {
                    Some(text) => parse_integer_text(text),
                    None => parse_integer_text(&normalize_owned(cell, '\u{0}', Some(g))),
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: NumberFormat = NumberFormat {
        decimal: '.',
        group: None,
        bare: true,
    };

    #[test]
    fn numbers_like_python_decimal() {
        for ok in [
            "1", "-1.5", "+5", "1e3", "1E-3", ".5", "5.", " 7 ", "INF", "-inf", "Infinity", "NaN",
            "0",
        ] {
            assert!(PLAIN.parse(ok).is_some(), "{ok} should be a number");
        }
        for bad in [
            "", "1,5", "1_000", "abc", "1.2.3", "e5", ".", "0x10", "1 000", "١٢", "--1",
        ] {
            assert!(PLAIN.parse(bad).is_none(), "{bad} should not be a number");
        }
        assert!(PLAIN.parse("NaN").unwrap().is_nan());
        assert_eq!(PLAIN.parse("1e3"), Some(1000.0));
    }

    #[test]
    fn fast_path_equals_the_float_parser() {
        for text in [
            "0",
            "-0",
            "1.5",
            "48.856614",
            "-2.3522219",
            "123456789012345",
            "0.00000000000001",
            "5.",
            ".5",
            "+7.25",
            "999999999999999",
        ] {
            assert_eq!(
                fast_decimal(text),
                Some(text.parse::<f64>().unwrap()),
                "{text}"
            );
        }
        for text in ["1e3", "1234567890123456", "", "-", ".", "1.2.3", " 1"] {
            assert_eq!(fast_decimal(text), None, "{text}");
        }
    }

    #[test]
    fn decimal_and_group_chars() {
        let fr = NumberFormat {
            decimal: ',',
            group: Some(' '),
            bare: true,
        };
        assert_eq!(fr.parse("1 234,5"), Some(1234.5));
        let nbsp = NumberFormat {
            decimal: ',',
            group: Some('\u{a0}'),
            bare: true,
        };
        assert_eq!(nbsp.parse("1\u{a0}234,5"), Some(1234.5));
        // A `.` is neither the decimal mark nor the group character: rejected, as in
        // frictionless (`1.234` could be 1234 or 1,234).
        let comma = NumberFormat {
            decimal: ',',
            group: None,
            bare: true,
        };
        assert_eq!(comma.parse("1,5"), Some(1.5));
        assert_eq!(comma.parse("1.234"), None);
        assert_eq!(fr.parse("1.234,5"), None);
        let dotted = NumberFormat {
            decimal: ',',
            group: Some('.'),
            bare: true,
        };
        assert_eq!(dotted.parse("1.234,5"), Some(1234.5));
    }

    #[test]
    fn bare_number_false_strips_text() {
        let f = NumberFormat {
            decimal: '.',
            group: None,
            bare: false,
        };
        assert_eq!(f.parse("95%"), Some(95.0));
        assert_eq!(f.parse("€ 95.5"), Some(95.5));
        assert_eq!(f.parse("-12 EUR"), Some(-12.0));
    }

    #[test]
    fn integers_like_python_int() {
        let f = IntegerFormat {
            group: None,
            bare: true,
        };
        assert_eq!(f.parse("05"), Some(Value::Integer(5)));
        assert_eq!(f.parse("+5"), Some(Value::Integer(5)));
        assert_eq!(f.parse(" 7 "), Some(Value::Integer(7)));
        assert_eq!(f.parse("-1"), Some(Value::Integer(-1)));
        for bad in ["5.0", "1e3", "", "1_000", "x", "+", "1 000"] {
            assert!(f.parse(bad).is_none(), "{bad}");
        }
        let g = IntegerFormat {
            group: Some(' '),
            bare: true,
        };
        assert_eq!(g.parse("1 000"), Some(Value::Integer(1000)));
        assert!(matches!(
            f.parse("123456789012345678901234567890123456789012"),
            Some(Value::Number(_))
        ));
    }
}
