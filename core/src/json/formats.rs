//! French identifiers usable as JSON Schema `format`s: `siren`, `siret`,
//! `code-postal`, `code-commune-insee`.
//!
//! The SIREN/SIRET Luhn check is written here on its own; the Validata custom checks
//! (`checks/`) have their own, to be unified later.

/// A format check.
pub(crate) type FormatCheck = fn(&str) -> bool;

/// The formats this module adds.
pub(crate) const FRENCH_FORMATS: &[(&str, FormatCheck)] = &[
    ("siren", is_siren),
    ("siret", is_siret),
    ("code-postal", is_code_postal),
    ("code-commune-insee", is_code_commune_insee),
];

fn all_digits(s: &str, len: usize) -> bool {
    s.len() == len && s.bytes().all(|b| b.is_ascii_digit())
}

/// A SIREN: 9 digits with a valid Luhn key.
///
/// ```
/// assert!(conforme::json::formats::is_siren("732829320"));
/// assert!(!conforme::json::formats::is_siren("732829321"));
/// ```
pub fn is_siren(s: &str) -> bool {
    // Strict digits here (a JSON format has no formatting to forgive); the checksum is the
    // custom checks' own.
    all_digits(s, 9) && crate::checks::siret::is_valid_siren(s)
}

/// A SIRET: 14 digits with a valid Luhn key; La Poste's establishments (SIREN 356000000,
/// head office aside) use a digit sum divisible by 5 instead.
pub fn is_siret(s: &str) -> bool {
    all_digits(s, 14) && crate::checks::siret::is_valid_siret(s)
}

/// A French postal code: five digits, not starting with `00`.
pub fn is_code_postal(s: &str) -> bool {
    all_digits(s, 5) && !s.starts_with("00")
}

/// An INSEE commune code: two department characters (`01`–`19`, `21`–`95`, `2A`, `2B`, or
/// `97` overseas) followed by three digits.
pub fn is_code_commune_insee(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || !b[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    match (b[0], b[1]) {
        (b'2', b'A' | b'B') => true,
        (b'0', b'0') => false,
        (b'2', b'0') => false,
        (b'9', b'6' | b'7' | b'8' | b'9') => b[1] != b'6' && b[1] != b'9',
        (a, c) => a.is_ascii_digit() && c.is_ascii_digit(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siren_and_siret() {
        assert!(is_siren("732829320"));
        assert!(!is_siren("73282932"));
        assert!(is_siret("73282932000074"));
        assert!(!is_siret("73282932000075"));
        assert!(is_siret("35600000000001"));
        // La Poste's head office follows Luhn like everyone else (landscape.md §3.1), as the
        // siret custom check says: one implementation for both now.
        assert!(is_siret("35600000000048"));
    }

    #[test]
    fn postal_and_insee() {
        assert!(is_code_postal("75001"));
        assert!(!is_code_postal("7500"));
        assert!(!is_code_postal("00123"));
        assert!(is_code_commune_insee("75056"));
        assert!(is_code_commune_insee("2A004"));
        assert!(is_code_commune_insee("97411"));
        assert!(!is_code_commune_insee("2C004"));
        assert!(!is_code_commune_insee("20004"));
        assert!(!is_code_commune_insee("96001"));
    }
}
