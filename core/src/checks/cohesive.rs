//! `cohesive-columns-value`: on each row, `column` and `othercolumns` are all filled or
//! all empty (landscape.md §3.4). A missing value and an uncastable value both count as
//! empty. If only some of these columns are in the file, the check reports it once on
//! the header and does not run; if none is, it does nothing.

use super::{CellState, Finding, HeaderOutcome};
use crate::report::ErrorCode;
use crate::report::Param;

/// The compiled check.
#[derive(Debug)]
pub(crate) struct Cohesive {
    pub others: Vec<usize>,
    /// `column` then `othercolumns`, for messages.
    pub names: Vec<String>,
}

fn filled(cell: &CellState<'_>) -> bool {
    matches!(cell, CellState::Typed(..))
}

impl Cohesive {
    pub(crate) fn on_header(
        &self,
        anchor: Option<usize>,
        present: &dyn Fn(usize) -> bool,
        names: &dyn Fn(usize) -> String,
    ) -> HeaderOutcome {
        let all: Vec<usize> = anchor
            .into_iter()
            .chain(self.others.iter().copied())
            .collect();
        let absent: Vec<String> = all
            .iter()
            .filter(|&&f| !present(f))
            .map(|&f| names(f))
            .collect();
        if absent.is_empty() {
            HeaderOutcome::Run
        } else if absent.len() == all.len() {
            HeaderOutcome::Disabled(None)
        } else {
            HeaderOutcome::Disabled(Some(
                Finding::new(ErrorCode::CohesiveColumnsValue)
                    .with(Param::Columns, self.names.clone())
                    .with(Param::Absent, absent),
            ))
        }
    }

    pub(crate) fn check<'c>(
        &self,
        first: &CellState<'c>,
        cell: &dyn Fn(usize) -> CellState<'c>,
    ) -> Option<Finding> {
        let expected = filled(first);
        let cohesive = self.others.iter().all(|&f| filled(&cell(f)) == expected);
        (!cohesive).then(|| {
            Finding::new(ErrorCode::CohesiveColumnsValue).with(Param::Columns, self.names.clone())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::text;

    fn run(cells: [CellState<'static>; 3]) -> bool {
        let c = Cohesive {
            others: vec![1, 2],
            names: vec!["a".into(), "b".into(), "c".into()],
        };
        let cells2 = cells.clone();
        c.check(&cells[0], &|f| cells2[f].clone()).is_none()
    }

    #[test]
    fn all_filled_or_all_empty() {
        use CellState::*;
        assert!(run([text("1"), text("2"), text("3")]));
        assert!(run([Empty, Empty, Empty]));
        assert!(!run([text("1"), Empty, text("3")]));
        assert!(!run([Empty, text("2"), Empty]));
        // An uncastable value counts as empty (as in Validata).
        assert!(!run([text("1"), Invalid("abc"), text("3")]));
        assert!(run([Empty, Invalid("abc"), Empty]));
    }

    #[test]
    fn header_rule() {
        let c = Cohesive {
            others: vec![1, 2],
            names: vec!["A".into(), "B".into(), "C".into()],
        };
        let names = |f: usize| ["A", "B", "C"][f].to_owned();
        assert!(matches!(
            c.on_header(Some(0), &|_| true, &names),
            HeaderOutcome::Run
        ));
        assert!(matches!(
            c.on_header(Some(0), &|_| false, &names),
            HeaderOutcome::Disabled(None)
        ));
        match c.on_header(Some(0), &|f| f != 1, &names) {
            HeaderOutcome::Disabled(Some(f)) => {
                assert_eq!(f.params[Param::Absent], serde_json::json!(["B"]))
            }
            _ => panic!("a partly absent group is reported"),
        }
    }
}
