//! French identifiers usable as JSON Schema `format`s: `siren`, `siret`,
//! `code-postal`, `code-commune-insee`, `numero-departement`, `code-region`,
//! `code-pays-iso2`, `code-pays-iso3`, `code-fantoir`. The list-based ones look the value
//! up in the embedded official lists ([`crate::referentials`]), latest COG vintage.
//!
//! The SIREN/SIRET Luhn check is written here on its own; the Validata custom checks
//! (`checks/`) have their own, to be unified later.

use crate::referentials::List;

/// A format check.
pub(crate) type FormatCheck = fn(&str) -> bool;

/// The formats this module adds.
pub(crate) const FRENCH_FORMATS: &[(&str, FormatCheck)] = &[
    ("siren", is_siren),
    ("siret", is_siret),
    ("code-postal", is_code_postal),
    ("code-commune-insee", is_code_commune_insee),
    ("numero-departement", |s| {
        in_latest(List::NumeroDepartement, s)
    }),
    ("code-region", |s| in_latest(List::CodeRegion, s)),
    ("code-pays-iso2", |s| in_latest(List::CodePaysIso2, s)),
    ("code-pays-iso3", |s| in_latest(List::CodePaysIso3, s)),
    ("code-fantoir", |s| {
        !crate::referentials::available() || crate::referentials::is_code_fantoir(s)
    }),
    // Names, spelt as INSEE writes them (frformat's checks of the same names).
    ("commune", |s| in_latest(List::Commune, s)),
    ("departement", |s| in_latest(List::Departement, s)),
    ("region", |s| in_latest(List::Region, s)),
    ("canton", |s| in_latest(List::Canton, s)),
    ("pays", |s| in_latest(List::Pays, s)),
];

/// Whether `s` is in the newest vintage `list` carries (any value, in a build without the
/// lists: the format is then not asserted beyond its shape).
fn in_latest(list: List, s: &str) -> bool {
    !crate::referentials::available() || list.contains(s, list.vintage("latest"))
}

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

/// A postcode in use: La Poste's official list.
///
/// ```
/// assert!(conforme::json::formats::is_code_postal("75001"));
/// assert!(!conforme::json::formats::is_code_postal("77777"));
/// ```
pub fn is_code_postal(s: &str) -> bool {
    if !crate::referentials::available() {
        return all_digits(s, 5) && !s.starts_with("00");
    }
    List::CodePostal.contains(s, None)
}

/// An INSEE commune code of the latest COG vintage carried (arrondissements of Paris,
/// Lyon and Marseille included).
///
/// ```
/// assert!(conforme::json::formats::is_code_commune_insee("2A004"));
/// assert!(!conforme::json::formats::is_code_commune_insee("20004"));
/// ```
pub fn is_code_commune_insee(s: &str) -> bool {
    commune_code_shape(s) && in_latest(List::CodeCommuneInsee, s)
}

/// Two department characters (`01`–`19`, `21`–`95`, `2A`, `2B`, or `97` overseas) and three
/// digits: all a build without the lists can check.
fn commune_code_shape(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 5 || !b[2..].iter().all(u8::is_ascii_digit) {
        return false;
    }
    match (b[0], b[1]) {
        (b'2', b'A' | b'B') => true,
        (b'0', b'0') | (b'2', b'0') => false,
        (b'9', b'6' | b'9') => false,
        (a, c) => a.is_ascii_digit() && c.is_ascii_digit(),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(feature = "referentials")]
    #[test]
    fn names_are_formats_too() {
        let check = |name: &str, value: &str| {
            let (_, f) = FRENCH_FORMATS.iter().find(|(n, _)| *n == name).unwrap();
            f(value)
        };
        assert!(check("commune", "Saint-Étienne"));
        assert!(!check("commune", "SAINT-ETIENNE"));
        assert!(check("departement", "Côte-d'Or"));
        assert!(check("region", "Île-de-France"));
        assert!(!check("region", "Ile de France"));
        assert!(check("pays", "Allemagne"));
        assert!(check("canton", "Bourg-en-Bresse-1"));
    }

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
        assert!(!is_code_postal("77777")); // five digits, but no such postcode
        assert!(is_code_commune_insee("75056"));
        assert!(is_code_commune_insee("2A004"));
        assert!(is_code_commune_insee("97411"));
        assert!(!is_code_commune_insee("2C004"));
        assert!(!is_code_commune_insee("20004"));
        assert!(!is_code_commune_insee("96001"));
        assert!(!is_code_commune_insee("75001")); // a postcode
        assert!(is_code_commune_insee("75101")); // Paris 1er arrondissement
    }
}
