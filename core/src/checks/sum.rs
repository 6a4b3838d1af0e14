//! `sum-columns-value`: `column` equals the sum of `columns` on every row where all have
//! a value (landscape.md §3.5).
//!
//! The sum is exact in decimal, as Validata's (Python `Decimal`): `0.1 + 0.2` equals
//! `0.3`. Numbers are read back from their shortest decimal form, which is the form
//! written in the file for any value with at most 15 significant digits.

use super::{CellState, Finding};
use crate::report::ErrorCode;
use crate::report::Param;
use crate::table::value::Value;
use std::fmt::Write;

/// The compiled check.
#[derive(Debug)]
pub(crate) struct Sum {
    pub addends: Vec<usize>,
    pub column: String,
    pub columns: Vec<String>,
}

/// `mantissa × 10^exponent`.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Decimal {
    mantissa: i128,
    exponent: i32,
}

/// A fixed buffer for formatting a float without allocating.
struct Stack {
    buf: [u8; 48],
    len: usize,
}

impl Write for Stack {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let end = self.len + s.len();
        if end > self.buf.len() {
            return Err(std::fmt::Error);
        }
        self.buf[self.len..end].copy_from_slice(s.as_bytes());
        self.len = end;
        Ok(())
    }
}

impl Decimal {
    fn from_f64(f: f64) -> Option<Decimal> {
        if !f.is_finite() {
            return None;
        }
        let mut s = Stack {
            buf: [0; 48],
            len: 0,
        };
        // `{:e}` is the shortest representation that reads back to the same float.
        write!(s, "{f:e}").ok()?;
        let text = std::str::from_utf8(&s.buf[..s.len]).ok()?;
        let (digits, exp) = text.split_once('e')?;
        let mut exponent: i32 = exp.parse().ok()?;
        let (sign, digits) = match digits.strip_prefix('-') {
            Some(d) => (-1, d),
            None => (1, digits),
        };
        let mut mantissa: i128 = 0;
        let (int_part, frac) = digits.split_once('.').unwrap_or((digits, ""));
        for b in int_part.bytes().chain(frac.bytes()) {
            mantissa = mantissa
                .checked_mul(10)?
                .checked_add(i128::from(b - b'0'))?;
        }
        exponent -= frac.len() as i32;
        Some(Decimal {
            mantissa: sign * mantissa,
            exponent,
        })
    }

    fn from_value(v: &Value<'_>) -> Option<Decimal> {
        match v {
            Value::Integer(i) => Some(Decimal {
                mantissa: *i,
                exponent: 0,
            }),
            Value::Year(y) => Some(Decimal {
                mantissa: i128::from(*y),
                exponent: 0,
            }),
            Value::Number(f) => Decimal::from_f64(*f),
            _ => None,
        }
    }

    /// Both values at the same exponent.
    fn aligned(self, other: Decimal) -> Option<(i128, i128, i32)> {
        let e = self.exponent.min(other.exponent);
        let scale = |d: Decimal| {
            let shift = u32::try_from(d.exponent - e).ok()?;
            d.mantissa.checked_mul(10i128.checked_pow(shift)?)
        };
        Some((scale(self)?, scale(other)?, e))
    }

    fn add(self, other: Decimal) -> Option<Decimal> {
        let (a, b, exponent) = self.aligned(other)?;
        Some(Decimal {
            mantissa: a.checked_add(b)?,
            exponent,
        })
    }

    fn to_text(self) -> String {
        let negative = self.mantissa < 0;
        let digits = self.mantissa.unsigned_abs().to_string();
        let body = if self.exponent >= 0 {
            let mut s = digits;
            if s != "0" {
                s.extend(std::iter::repeat_n('0', self.exponent as usize));
            }
            s
        } else {
            let frac = (-self.exponent) as usize;
            let padded = format!("{digits:0>width$}", width = frac + 1);
            let (i, f) = padded.split_at(padded.len() - frac);
            let f = f.trim_end_matches('0');
            if f.is_empty() {
                i.to_owned()
            } else {
                format!("{i}.{f}")
            }
        };
        if negative { format!("-{body}") } else { body }
    }
}

fn as_f64(v: &Value<'_>) -> Option<f64> {
    match v {
        Value::Integer(i) => Some(*i as f64),
        Value::Year(y) => Some(f64::from(*y)),
        Value::Number(f) => Some(*f),
        _ => None,
    }
}

impl Sum {
    pub(crate) fn check<'c>(
        &self,
        total: &CellState<'c>,
        cell: &dyn Fn(usize) -> CellState<'c>,
    ) -> Option<Finding> {
        let expected = total.value()?;
        let mut exact = Some(Decimal {
            mantissa: 0,
            exponent: 0,
        });
        let mut float = 0.0;
        for &f in &self.addends {
            let c = cell(f);
            let v = c.value()?;
            float += as_f64(v)?;
            exact = exact.and_then(|s| s.add(Decimal::from_value(v)?));
        }
        let (equal, sum_text) = match (exact, Decimal::from_value(expected)) {
            (Some(sum), Some(want)) => match sum.aligned(want) {
                Some((a, b, _)) => (a == b, sum),
                None => (float == as_f64(expected)?, sum),
            },
            // Beyond exact arithmetic (infinities, huge exponents): as floats.
            _ => {
                let want = as_f64(expected)?;
                if float == want {
                    return None;
                }
                return Some(self.finding(total.text(), &format!("{float}")));
            }
        };
        (!equal).then(|| self.finding(total.text(), &sum_text.to_text()))
    }

    fn finding(&self, value: &str, sum: &str) -> Finding {
        Finding::new(ErrorCode::SumColumnsValue)
            .with(Param::Column, self.column.as_str())
            .with(Param::Columns, self.columns.clone())
            .with(Param::Sum, sum)
            .with(Param::Value, value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(f: f64) -> CellState<'static> {
        CellState::Typed(Value::Number(f), "")
    }

    fn int(i: i128) -> CellState<'static> {
        CellState::Typed(Value::Integer(i), "")
    }

    fn run(total: CellState<'static>, addends: Vec<CellState<'static>>) -> Option<String> {
        let s = Sum {
            addends: (0..addends.len()).collect(),
            column: "t".into(),
            columns: vec!["a".into(); addends.len()],
        };
        s.check(&total, &|f| addends[f].clone())
            .map(|f| f.params[Param::Sum].as_str().unwrap().to_owned())
    }

    #[test]
    fn exact_sums() {
        assert_eq!(run(int(9), vec![int(4), int(3), int(2)]), None);
        assert_eq!(run(int(9), vec![int(4), int(3), int(1)]), Some("8".into()));
        assert_eq!(run(num(0.3), vec![num(0.1), num(0.2)]), None);
        assert_eq!(run(num(1.5), vec![int(1), num(0.5)]), None);
        assert_eq!(run(int(2), vec![num(1.0), num(1.0)]), None);
        assert_eq!(run(num(1.25), vec![num(1.0), num(0.2)]), Some("1.2".into()));
        assert_eq!(run(num(-0.5), vec![num(0.5), num(-1.0)]), None);
        assert_eq!(run(num(1e20), vec![num(5e19), num(5e19)]), None);
        assert_eq!(run(int(0), vec![num(1e-3), int(0)]), Some("0.001".into()));
    }

    #[test]
    fn any_missing_value_skips_the_row() {
        assert_eq!(run(int(9), vec![int(4), CellState::Empty]), None);
        assert_eq!(run(CellState::Empty, vec![int(4), int(3)]), None);
        assert_eq!(run(int(9), vec![int(4), CellState::Absent]), None);
        assert_eq!(run(int(9), vec![int(4), CellState::Invalid("x")]), None);
    }

    #[test]
    fn decimal_text() {
        let d = |m, e| Decimal {
            mantissa: m,
            exponent: e,
        };
        assert_eq!(d(15, -1).to_text(), "1.5");
        assert_eq!(d(-15, -3).to_text(), "-0.015");
        assert_eq!(d(12, 2).to_text(), "1200");
        assert_eq!(d(150, -2).to_text(), "1.5");
        assert_eq!(d(0, -2).to_text(), "0");
    }
}
