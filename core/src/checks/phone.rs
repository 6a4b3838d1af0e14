//! `phone-number-value`: a French number (national or international form), any
//! international number with its `+CC` prefix, or a French short number (`115`, `3949`)
//! (landscape.md §3.10).
//!
//! Long numbers are checked with the `phonenumber` crate (a port of Google's
//! libphonenumber; its metadata version, 9.0.33, differs from Validata's Python
//! `phonenumbers` 8.13.55, so numbers allocated between the two may differ). That crate
//! has no short-number support, so short numbers follow the French short-code table of
//! libphonenumber's `ShortNumberMetadata.xml` (general pattern `[1-8]\d{1,5}`, then the
//! `shortCode` pattern below), applied to the digits as written.

use super::{CellState, Finding};
use crate::report::ErrorCode;
use phonenumber::country::Id;
use regex::Regex;
use std::sync::LazyLock;

/// French short codes (libphonenumber `ShortNumberMetadata.xml`, region FR, `shortCode`).
static FRENCH_SHORT_CODE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:1(?:0\d\d|1(?:[02459]|6(?:000|111)|8\d{3})|[578]|9[167])|2(?:0(?:00|2)0|24)|[3-8]\d{4}|3\d{3}|6(?:1[14]|34)|7(?:0[06]|22|40))$",
    )
    .expect("a valid regular expression")
});

/// Whether `text` (spaces, dots and dashes aside) is a French short number.
fn is_french_short_number(text: &str) -> bool {
    let mut digits = [0u8; 6];
    let mut n = 0;
    for b in text.trim().bytes() {
        match b {
            b' ' | b'.' | b'-' => {}
            b'0'..=b'9' if n < digits.len() => {
                digits[n] = b;
                n += 1;
            }
            _ => return false,
        }
    }
    let digits = &digits[..n];
    (2..=6).contains(&n)
        && (b'1'..=b'8').contains(&digits[0])
        && std::str::from_utf8(digits).is_ok_and(|d| FRENCH_SHORT_CODE.is_match(d))
}

/// Whether `text` is an accepted phone number.
pub(crate) fn is_valid(text: &str) -> bool {
    if phonenumber::parse(Some(Id::FR), text).is_ok_and(|n| phonenumber::is_valid(&n)) {
        return true;
    }
    if is_french_short_number(text) {
        return true;
    }
    text.trim_start().starts_with('+')
        && phonenumber::parse(None, text).is_ok_and(|n| phonenumber::is_valid(&n))
}

pub(crate) fn check(cell: &CellState<'_>) -> Option<Finding> {
    let CellState::Typed(_, text) = cell else {
        return None;
    };
    (!is_valid(text)).then(|| Finding::new(ErrorCode::PhoneNumberValue))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let table = [
            ("01 99 00 27 37", true),
            ("0199002737", true),
            ("01.99.00.27.37", true),
            ("+33 1 99 00 27 37", true),
            ("+33199002737", true),
            ("06 12 34 56 78", true),
            ("09 70 80 90 00", true),
            ("+44 20 7946 0958", true),
            ("+33 1 23", false),
            ("+999 1234", false),
            ("115", true),
            ("15", true),
            ("112", true),
            ("3949", true),
            ("3646", true),
            ("116000", true),
            ("12345", false),
            ("01 23", false),
            ("123", false),
            ("01 99 00 27", false),
            ("not a number", false),
            ("00 00 00 00 00", false),
        ];
        for (value, valid) in table {
            assert_eq!(is_valid(value), valid, "{value:?}");
        }
    }
}
