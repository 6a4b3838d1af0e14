//! `compare-columns-value`: `column op column2` on every row where both have a value
//! (landscape.md §3.3).
//!
//! Numbers (and strings that read as numbers) compare as numbers, other strings by code
//! point, values of the same type (dates, times…) by their typed order. Deliberate
//! difference with Validata: datetimes with different UTC offsets compare as instants,
//! not as their text.

use super::{CellState, Finding};
use crate::report::ErrorCode;
use crate::report::Param;
use crate::table::value::Value;
use std::cmp::Ordering;

/// A comparison operator of the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Op {
    Greater,
    GreaterOrEqual,
    Equal,
    LessOrEqual,
    Less,
}

impl Op {
    /// Reads `>`, `>=`, `==`, `<=`, `<`.
    pub(crate) fn parse(text: &str) -> Option<Op> {
        Some(match text {
            ">" => Op::Greater,
            ">=" => Op::GreaterOrEqual,
            "==" => Op::Equal,
            "<=" => Op::LessOrEqual,
            "<" => Op::Less,
            _ => return None,
        })
    }

    fn as_str(self) -> &'static str {
        match self {
            Op::Greater => ">",
            Op::GreaterOrEqual => ">=",
            Op::Equal => "==",
            Op::LessOrEqual => "<=",
            Op::Less => "<",
        }
    }

    fn holds(self, o: Ordering) -> bool {
        match self {
            Op::Greater => o == Ordering::Greater,
            Op::GreaterOrEqual => o != Ordering::Less,
            Op::Equal => o == Ordering::Equal,
            Op::LessOrEqual => o != Ordering::Greater,
            Op::Less => o == Ordering::Less,
        }
    }
}

/// The compiled check.
#[derive(Debug)]
pub(crate) struct Compare {
    /// The second operand's field.
    pub other: usize,
    pub op: Op,
    pub column: String,
    pub column2: String,
}

#[derive(Clone, Copy)]
enum Num {
    Int(i128),
    Float(f64),
}

/// The value as a number, when Validata would compare it as one: numbers, years, and
/// strings that read as a number.
fn numeric(v: &Value<'_>) -> Option<Num> {
    match v {
        Value::Integer(i) => Some(Num::Int(*i)),
        Value::Number(f) => Some(Num::Float(*f)),
        Value::Year(y) => Some(Num::Int(i128::from(*y))),
        Value::String(s) => {
            let t = s.trim();
            t.parse::<i128>()
                .map(Num::Int)
                .ok()
                .or_else(|| t.parse::<f64>().ok().map(Num::Float))
        }
        _ => None,
    }
}

fn compare_numbers(a: Num, b: Num) -> Option<Ordering> {
    let float = |n| match n {
        Num::Int(i) => i as f64,
        Num::Float(f) => f,
    };
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(&y)),
        _ => float(a).partial_cmp(&float(b)),
    }
}

/// `Ok(ordering)`, `Err(())` when the two values cannot be compared. `Ok(None)` is a
/// comparison that is always false (NaN).
fn order(a: &Value<'_>, b: &Value<'_>) -> Result<Option<Ordering>, ()> {
    if let (Some(x), Some(y)) = (numeric(a), numeric(b)) {
        return Ok(compare_numbers(x, y));
    }
    if std::mem::discriminant(a) != std::mem::discriminant(b) {
        return Err(());
    }
    // Strings by code point (UTF-8 byte order is code point order), others typed.
    a.compare(b).map(Some).ok_or(())
}

impl Compare {
    pub(crate) fn check(&self, first: &CellState<'_>, second: &CellState<'_>) -> Option<Finding> {
        let (Some(a), Some(b)) = (first.value(), second.value()) else {
            return None;
        };
        let finding = |code| {
            Finding::new(code)
                .with(Param::Column, self.column.as_str())
                .with(Param::Column2, self.column2.as_str())
                .with(Param::Op, self.op.as_str())
                .with(Param::Value, first.text())
                .with(Param::Value2, second.text())
        };
        match order(a, b) {
            Err(()) => {
                Some(finding(ErrorCode::CompareColumnsValue).with(Param::Reason, "incomparable"))
            }
            Ok(Some(o)) if self.op.holds(o) => None,
            Ok(_) => Some(finding(ErrorCode::CompareColumnsValue)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::text;
    use crate::table::types::temporal::Date;

    fn check(op: &str, a: CellState<'_>, b: CellState<'_>) -> Option<Option<String>> {
        let c = Compare {
            other: 1,
            op: Op::parse(op).unwrap(),
            column: "a".into(),
            column2: "b".into(),
        };
        c.check(&a, &b).map(|f| {
            f.params
                .get(Param::Reason)
                .and_then(|r| r.as_str())
                .map(str::to_owned)
        })
    }

    fn int(i: i128) -> CellState<'static> {
        CellState::Typed(Value::Integer(i), "")
    }

    fn date(y: i32, m: u8, d: u8) -> CellState<'static> {
        CellState::Typed(
            Value::Date(Date {
                year: y,
                month: m,
                day: d,
            }),
            "",
        )
    }

    #[test]
    fn operators() {
        let table = [
            (">", 2, 1, true),
            (">", 1, 1, false),
            (">=", 1, 1, true),
            (">=", 0, 1, false),
            ("==", 1, 1, true),
            ("==", 1, 2, false),
            ("<=", 1, 1, true),
            ("<=", 2, 1, false),
            ("<", 1, 2, true),
            ("<", 2, 2, false),
        ];
        for (op, a, b, ok) in table {
            assert_eq!(check(op, int(a), int(b)).is_none(), ok, "{a} {op} {b}");
        }
        assert_eq!(Op::parse("!="), None);
        assert_eq!(Op::parse("=>"), None);
    }

    #[test]
    fn numeric_strings_compare_as_numbers() {
        assert_eq!(check(">", text("10"), text("9")), None);
        assert_eq!(check(">", text("1e2"), text("99.5")), None);
        assert_eq!(check("==", text("5"), int(5)), None);
        assert_eq!(
            check("==", CellState::Typed(Value::Number(5.0), "5.0"), int(5)),
            None
        );
        // NaN compares with nothing: the comparison fails.
        assert_eq!(check("==", text("nan"), text("nan")), Some(None));
    }

    #[test]
    fn strings_compare_by_code_point() {
        assert_eq!(check(">", text("abc"), text("abd")), Some(None));
        assert_eq!(check("<", text("abc"), text("abd")), None);
        assert_eq!(check("<", text("Z"), text("a")), None);
        assert_eq!(check(">", text("é"), text("z")), None);
    }

    #[test]
    fn dates_compare_in_time() {
        assert_eq!(check(">=", date(2017, 10, 15), date(2017, 10, 15)), None);
        assert_eq!(
            check(">=", date(2017, 10, 14), date(2017, 10, 15)),
            Some(None)
        );
        assert_eq!(check("<", date(999, 1, 1), date(2017, 1, 1)), None);
    }

    #[test]
    fn different_types_are_not_comparable() {
        assert_eq!(
            check(">", date(2017, 10, 15), int(3)),
            Some(Some("incomparable".into()))
        );
        assert_eq!(
            check("==", text("abc"), int(3)),
            Some(Some("incomparable".into()))
        );
    }

    #[test]
    fn missing_or_invalid_values_skip_the_row() {
        assert_eq!(check(">", CellState::Empty, int(1)), None);
        assert_eq!(check(">", int(1), CellState::Absent), None);
        assert_eq!(check(">", CellState::Invalid("x"), int(1)), None);
    }
}
