//! `year-interval-value`: `YYYY/YYYY` with the first year before the second, or a single
//! `YYYY` when `allow-year-only` is on (landscape.md §3.7).
//!
//! Deliberate differences with Validata: `allow-year-only` may also be a JSON boolean,
//! and the "second year must be later" message prints the years in their order.

use super::{CellState, Finding};
use crate::report::ErrorCode;
use crate::report::Param;

/// The compiled check.
#[derive(Debug)]
pub(crate) struct YearInterval {
    pub allow_year_only: bool,
}

/// A 4-ASCII-digit year.
fn year(text: &str) -> Option<u16> {
    (text.len() == 4 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

impl YearInterval {
    pub(crate) fn check(&self, cell: &CellState<'_>) -> Option<Finding> {
        let CellState::Typed(_, text) = cell else {
            return None;
        };
        let fail = |reason: &str| {
            Some(Finding::new(ErrorCode::YearIntervalValue).with(Param::Reason, reason))
        };
        let interval = text
            .split_once('/')
            .and_then(|(a, b)| Some((year(a)?, year(b)?)));
        match interval {
            None if self.allow_year_only => {
                if year(text).is_some() {
                    None
                } else {
                    fail("format-or-year")
                }
            }
            None => fail("format"),
            Some((a, b)) if a == b => fail("same"),
            Some((a, b)) if a > b => {
                fail("order").map(|f| f.with(Param::Year1, a).with(Param::Year2, b))
            }
            Some(_) => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::text;

    fn reason(allow: bool, value: &str) -> Option<String> {
        YearInterval {
            allow_year_only: allow,
        }
        .check(&text(value))
        .map(|f| f.params[Param::Reason].as_str().unwrap().to_owned())
    }

    #[test]
    fn values() {
        let table = [
            (false, "2017/2018", None),
            (false, "2018/2017", Some("order")),
            (false, "2018/2018", Some("same")),
            (false, "2018", Some("format")),
            (false, "2018-2019", Some("format")),
            (false, "18/19", Some("format")),
            (false, "2017/2018 ", Some("format")),
            (false, "２０１７/２０１８", Some("format")),
            (true, "2018", None),
            (true, "2017/2018", None),
            (true, "2018/2017", Some("order")),
            (true, "18", Some("format-or-year")),
            (true, "abcd", Some("format-or-year")),
        ];
        for (allow, value, want) in table {
            assert_eq!(
                reason(allow, value).as_deref(),
                want,
                "{value:?} allow={allow}"
            );
        }
        assert_eq!(
            YearInterval {
                allow_year_only: false
            }
            .check(&CellState::Empty),
            None
        );
    }

    #[test]
    fn order_message_keeps_years_in_order() {
        let f = YearInterval {
            allow_year_only: false,
        }
        .check(&text("2018/2017"))
        .unwrap();
        assert_eq!(f.params[Param::Year1], 2018);
        assert_eq!(f.params[Param::Year2], 2017);
    }
}
