//! `opening-hours-value`: an OpenStreetMap `opening_hours` value (landscape.md §3.9),
//! parsed with `opening-hours-syntax`, the grammar crate of the `opening-hours` engine
//! Validata itself uses (through `opening-hours-py`).

use super::{CellState, Finding};
use crate::report::ErrorCode;

/// Whether `text` follows the `opening_hours` grammar.
pub(crate) fn is_valid(text: &str) -> bool {
    opening_hours_syntax::parse(text).is_ok()
}

pub(crate) fn check(cell: &CellState<'_>) -> Option<Finding> {
    let CellState::Typed(_, text) = cell else {
        return None;
    };
    (!is_valid(text)).then(|| Finding::new(ErrorCode::OpeningHoursValue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let table = [
            ("24/7", true),
            ("Mo-Fr 08:00-12:00", true),
            ("Mo-Fr 08:00-12:00,14:00-18:00; Sa 09:00-12:00", true),
            ("Mo-Su 09:00-19:00; PH off", true),
            ("Jan-Mar Mo-Fr 10:00-16:00", true),
            ("sunrise-sunset", true),
            ("Mo 10:00+", true),
            ("bogus", false),
            ("Lundi 8h-12h", false),
            ("Mo-Fr 8h-12h", false),
            ("", false),
        ];
        for (value, valid) in table {
            assert_eq!(is_valid(value), valid, "{value:?}");
        }
    }
}
