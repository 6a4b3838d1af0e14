//! `siret` (legacy `french-siret-value`) and `siren` (legacy `french-siren-value`):
//! French company and establishment identifiers (landscape.md §3.1, §3.2).
//!
//! Spaces and dots are ignored (formatting is the job of a `pattern` constraint); the rest
//! must be 14 (9) ASCII digits with a valid Luhn checksum. La Poste's establishments
//! (SIREN `356000000`) use a different rule: the sum of the 14 digits is a multiple of 5
//! (except the head office `35600000000048`, which follows Luhn).

use super::{CellState, Finding};
use crate::report::ErrorCode;

/// La Poste's SIREN: its SIRETs follow the "sum of digits" rule.
const LA_POSTE: &[u8] = b"356000000";
/// La Poste's head office, which follows Luhn like everyone else.
const LA_POSTE_HEAD_OFFICE: &[u8] = b"35600000000048";

/// The digits of `text` once spaces and dots are removed, if they are exactly `N` ASCII
/// digits (no allocation).
fn digits<const N: usize>(text: &str) -> Option<[u8; N]> {
    let mut out = [0u8; N];
    let mut n = 0;
    for b in text.trim().bytes() {
        match b {
            b' ' | b'.' => continue,
            b'0'..=b'9' if n < N => {
                out[n] = b;
                n += 1;
            }
            _ => return None,
        }
    }
    (n == N).then_some(out)
}

/// Luhn checksum: from the rightmost digit, double every second digit (minus 9 when
/// above 9); valid when the sum is a multiple of 10.
pub(crate) fn luhn_valid(digits: &[u8]) -> bool {
    let sum: u32 = digits
        .iter()
        .rev()
        .enumerate()
        .map(|(i, d)| {
            let d = u32::from(d - b'0');
            if i % 2 == 1 {
                let twice = d * 2;
                if twice > 9 { twice - 9 } else { twice }
            } else {
                d
            }
        })
        .sum();
    sum.is_multiple_of(10)
}

/// Whether `text` is a valid SIREN.
pub(crate) fn is_valid_siren(text: &str) -> bool {
    digits::<9>(text).is_some_and(|d| luhn_valid(&d))
}

/// Whether `text` is a valid SIRET.
pub(crate) fn is_valid_siret(text: &str) -> bool {
    let Some(d) = digits::<14>(text) else {
        return false;
    };
    let own_rule = if d.starts_with(LA_POSTE) && d != LA_POSTE_HEAD_OFFICE {
        d.iter()
            .map(|b| u32::from(b - b'0'))
            .sum::<u32>()
            .is_multiple_of(5)
    } else {
        luhn_valid(&d)
    };
    own_rule && luhn_valid(&d[..9])
}

/// The text the check reads: the raw cell (an integer-typed column would have lost its
/// leading zeros in Python; here the text as written is checked).
fn checked_text<'a>(cell: &CellState<'a>) -> Option<&'a str> {
    match cell {
        CellState::Typed(_, text) => Some(text),
        _ => None,
    }
}

pub(crate) fn check_siret(cell: &CellState<'_>) -> Option<Finding> {
    let text = checked_text(cell)?;
    (!is_valid_siret(text)).then(|| Finding::new(ErrorCode::FrenchSiretValue))
}

pub(crate) fn check_siren(cell: &CellState<'_>) -> Option<Finding> {
    let text = checked_text(cell)?;
    (!is_valid_siren(text)).then(|| Finding::new(ErrorCode::FrenchSirenValue))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::text;

    #[test]
    fn siret_values() {
        let table = [
            ("21740056300011", true),
            ("217 400 563 00011", true),
            ("217.400.563.00011", true),
            (" 21740056300011 ", true),
            // La Poste: sum of digits multiple of 5, Luhn would say no.
            ("35600000049837", true),
            ("35600000049838", false),
            // La Poste head office: Luhn.
            ("35600000000048", true),
            ("12345678901234", false),
            ("21920044100019", false),
            ("2174005630001", false),   // 13 digits
            ("217400563000111", false), // 15 digits
            ("2174005630001a", false),
            ("21740056300O11", false), // letter O
            ("", false),
            ("٢١٧٤٠٠٥٦٣٠٠٠١١", false), // non-ASCII digits
            // SIRET checksum right but SIREN part wrong.
            ("00000000000000", true),
            ("12345678000006", false),
        ];
        for (value, valid) in table {
            assert_eq!(is_valid_siret(value), valid, "siret {value:?}");
        }
    }

    #[test]
    fn siren_values() {
        let table = [
            ("217400563", true),
            ("217 400 563", true),
            ("356000000", true),
            ("732829320", true),
            ("732829321", false),
            ("21740056", false),
            ("2174005630", false),
            ("21740056x", false),
            ("", false),
        ];
        for (value, valid) in table {
            assert_eq!(is_valid_siren(value), valid, "siren {value:?}");
        }
    }

    #[test]
    fn missing_and_invalid_cells_are_skipped() {
        assert_eq!(check_siret(&CellState::Empty), None);
        assert_eq!(check_siret(&CellState::Absent), None);
        assert_eq!(check_siret(&CellState::Invalid("x")), None);
        assert_eq!(check_siret(&text("21740056300011")), None);
        assert_eq!(
            check_siret(&text("12345678901234")).map(|f| f.code),
            Some(ErrorCode::FrenchSiretValue)
        );
        assert_eq!(
            check_siren(&text("123")).map(|f| f.code),
            Some(ErrorCode::FrenchSirenValue)
        );
    }
}
