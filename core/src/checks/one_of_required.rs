//! `one-of-required`: at least one of `column1`, `column2` has a value on each row
//! (landscape.md §3.6). A row error (no `column` parameter). If both columns are absent
//! from the file, one header error and the check stops; if one is absent, the other is
//! required on every row.
//!
//! Deliberate difference with Validata: a value is "empty" only when it is missing (or
//! uncastable), not when it is `0` or `false` (Python truthiness).

use super::{CellState, Finding, HeaderOutcome};
use crate::report::ErrorCode;
use crate::report::Param;

/// The compiled check.
#[derive(Debug)]
pub(crate) struct OneOfRequired {
    pub first: usize,
    pub second: usize,
    pub column1: String,
    pub column2: String,
}

impl OneOfRequired {
    fn finding(&self) -> Finding {
        Finding::new(ErrorCode::OneOfRequired)
            .with(Param::Column1, self.column1.as_str())
            .with(Param::Column2, self.column2.as_str())
    }

    pub(crate) fn on_header(
        &self,
        present: &dyn Fn(usize) -> bool,
        _names: &dyn Fn(usize) -> String,
    ) -> HeaderOutcome {
        if present(self.first) || present(self.second) {
            return HeaderOutcome::Run;
        }
        let mut names = [self.column1.as_str(), self.column2.as_str()];
        names.sort_unstable();
        HeaderOutcome::Disabled(Some(self.finding().with(Param::Absent, names.to_vec())))
    }

    pub(crate) fn check(&self, a: &CellState<'_>, b: &CellState<'_>) -> Option<Finding> {
        let has = |c: &CellState<'_>| matches!(c, CellState::Typed(..));
        (!has(a) && !has(b)).then(|| self.finding())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::text;
    use crate::table::value::Value;

    #[test]
    fn values() {
        use CellState::*;
        let c = OneOfRequired {
            first: 0,
            second: 1,
            column1: "b".into(),
            column2: "a".into(),
        };
        let zero = Typed(Value::Integer(0), "0");
        let no = Typed(Value::Boolean(false), "false");
        let table = [
            (text("x"), Empty, true),
            (Empty, text("y"), true),
            (text("x"), text("y"), true),
            (Empty, Empty, false),
            (Absent, Empty, false),
            (Absent, text("y"), true),
            (Invalid("abc"), Empty, false),
            // Validata's truthiness bug, fixed: 0 and false are values.
            (zero.clone(), Empty, true),
            (Empty, no, true),
        ];
        for (a, b, ok) in table {
            assert_eq!(c.check(&a, &b).is_none(), ok, "{a:?} / {b:?}");
        }
        let names = |_| String::new();
        assert!(matches!(
            c.on_header(&|f| f == 0, &names),
            HeaderOutcome::Run
        ));
        match c.on_header(&|_| false, &names) {
            HeaderOutcome::Disabled(Some(f)) => {
                assert_eq!(f.params[Param::Absent], serde_json::json!(["a", "b"]))
            }
            _ => panic!("both absent is reported once"),
        }
    }
}
