//! `nomenclature-acte` (legacy `nomenclature-actes-value`): `<Prefix>/<rest>` where the
//! prefix is one of the Actes nomenclature's domains, compared without case and accents,
//! with no space right before or after the slash (landscape.md §3.8).
//!
//! This is the intended rule, not frformat's: `Urbanismex` (no slash) is invalid,
//! `URBANISME /plu` reports the space, and every invalid value gets a non-empty reason.

use super::{CellState, Finding};
use crate::report::ErrorCode;
use crate::report::Param;

/// The authorised prefixes, lower-case and without accents.
const PREFIXES: &[&str] = &[
    "commande publique",
    "urbanisme",
    "domaine et patrimoine",
    "fonction publique",
    "institutions et vie politique",
    "libertes publiques et pouvoirs de police",
    "finances locales",
    "domaines de competences par themes",
    "autres domaines de competences",
];

fn fold(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ç' | 'Ç' => 'c',
        c => c.to_ascii_lowercase(),
    }
}

/// Whether `prefix` is an authorised prefix (case and accents aside).
fn known_prefix(prefix: &str) -> bool {
    PREFIXES.iter().any(|p| {
        let mut a = prefix.chars().map(fold);
        let mut b = p.chars();
        loop {
            match (a.next(), b.next()) {
                (None, None) => return true,
                (Some(x), Some(y)) if x == y => {}
                _ => return false,
            }
        }
    })
}

pub(crate) fn check(cell: &CellState<'_>) -> Option<Finding> {
    let CellState::Typed(_, text) = cell else {
        return None;
    };
    let Some(slash) = text.find('/') else {
        return Some(
            Finding::new(ErrorCode::NomenclatureActes).with(Param::Reasons, vec!["slash"]),
        );
    };
    let prefix = &text[..slash];
    let mut reasons = Vec::new();
    if prefix.ends_with(char::is_whitespace) || text[slash + 1..].starts_with(char::is_whitespace) {
        reasons.push("space");
    }
    // The prefix is judged without the spaces before the slash, already reported.
    let prefix = prefix.trim_end();
    if !known_prefix(prefix) {
        reasons.push("prefix");
    }
    (!reasons.is_empty()).then(|| {
        Finding::new(ErrorCode::NomenclatureActes)
            .with(Param::Reasons, reasons)
            .with(Param::Prefix, prefix)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::test_support::text;

    fn reasons(value: &str) -> Vec<String> {
        check(&text(value))
            .map(|f| {
                f.params[Param::Reasons]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|r| r.as_str().unwrap().to_owned())
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn values() {
        let table: &[(&str, &[&str])] = &[
            ("Urbanisme/Documents d'urbanisme", &[]),
            ("URBANISME/plu", &[]),
            ("Libertés publiques et pouvoirs de police/x", &[]),
            ("Libertes publiques et pouvoirs de police/x", &[]),
            ("Domaines de compétences par thèmes/Culture", &[]),
            ("Commande publique/", &[]),
            ("Finances locales/Divers/x", &[]),
            // Validata accepts this one (no slash): fixed.
            ("Urbanismex", &["slash"]),
            ("Urbanisme", &["slash"]),
            ("", &["slash"]),
            ("Urbanisme /plu", &["space"]),
            ("URBANISME /plu", &["space"]),
            ("Urbanisme/ plu", &["space"]),
            ("Jardinage/x", &["prefix"]),
            ("Jardinage / x", &["space", "prefix"]),
            // Validata gives an empty message here: fixed.
            (" Urbanisme/x", &["prefix"]),
        ];
        for (value, want) in table {
            assert_eq!(reasons(value), *want, "{value:?}");
        }
        assert_eq!(check(&CellState::Empty), None);
    }
}
