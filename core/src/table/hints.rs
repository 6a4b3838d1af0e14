//! Fix hints for type and enum errors, computed only when an error is reported.

use super::field::CompiledField;
use super::types::Caster;
use crate::schema::FieldType;

/// A rewritten value that would pass, when an obvious fix exists.
pub(crate) fn type_hint(field: &CompiledField, cell: &str) -> Option<String> {
    let t = cell.trim();
    let candidate = match field.field_type {
        FieldType::Number | FieldType::Integer => {
            // Decimal comma and spaces as thousands separators (`1 234,5` → `1234.5`).
            let s: String = t
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                .collect();
            if s.matches(',').count() == 1 && !s.contains('.') {
                Some(s.replace(',', "."))
            } else if s != t {
                Some(s)
            } else {
                None
            }
        }
        FieldType::Date if field.format == "default" || field.format == "%Y-%m-%d" => {
            // `15/10/2017`, `15-10-2017`, `15.10.2017` → `2017-10-15`
            let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
            match parts.as_slice() {
                [d, m, y] if y.len() == 4 && d.len() <= 2 && m.len() <= 2 => {
                    Some(format!("{y}-{:0>2}-{:0>2}", m, d))
                }
                _ => None,
            }
        }
        FieldType::Boolean => {
            let lower = t.to_lowercase();
            let (tv, fv) = field.boolean_values.as_ref()?;
            tv.iter()
                .chain(fv.iter())
                .find(|v| v.to_lowercase() == lower && v.as_str() != cell)
                .cloned()
        }
        _ => None,
    }?;
    // Only suggest what really passes.
    field.checker.caster.cast(&candidate).ok()?;
    (candidate != cell).then_some(candidate)
}

/// The allowed value closest to `cell` (case, accents and spaces aside, then edit distance).
pub(crate) fn closest_allowed<'v>(
    cell: &str,
    allowed: impl Iterator<Item = &'v str>,
) -> Option<&'v str> {
    let norm = |s: &str| -> String {
        s.trim()
            .chars()
            .map(|c| match c {
                'à' | 'â' | 'ä' | 'À' | 'Â' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' => 'e',
                'î' | 'ï' | 'Î' => 'i',
                'ô' | 'ö' | 'Ô' => 'o',
                'ù' | 'û' | 'ü' | 'Û' => 'u',
                'ç' | 'Ç' => 'c',
                c => c.to_ascii_lowercase(),
            })
            .collect()
    };
    let target = norm(cell);
    let mut best: Option<(&str, usize)> = None;
    for value in allowed {
        let d = edit_distance(&target, &norm(value));
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((value, d));
        }
    }
    let (value, d) = best?;
    // A suggestion far from what was typed is noise.
    (d <= 2.max(target.chars().count() / 3)).then_some(value)
}

/// The candidate closest to `name` for a "did you mean" hint: case, accents and the
/// separators ` `, `-`, `_`, `.` aside, then by edit distance (`Code INSEE` → `code_insee`).
pub(crate) fn closest_name<'v>(
    name: &str,
    candidates: impl Iterator<Item = &'v str>,
) -> Option<&'v str> {
    let norm = |s: &str| -> String {
        s.trim()
            .chars()
            .map(|c| match c {
                ' ' | '-' | '.' => '_',
                'à' | 'â' | 'ä' | 'À' | 'Â' | 'Ä' => 'a',
                'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => 'e',
                'î' | 'ï' | 'Î' | 'Ï' => 'i',
                'ô' | 'ö' | 'Ô' | 'Ö' => 'o',
                'ù' | 'û' | 'ü' | 'Ù' | 'Û' | 'Ü' => 'u',
                'ç' | 'Ç' => 'c',
                c => c.to_ascii_lowercase(),
            })
            .collect()
    };
    let target = norm(name);
    let mut best: Option<(&str, usize)> = None;
    for candidate in candidates {
        let d = edit_distance(&target, &norm(candidate));
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((candidate, d));
        }
    }
    let (candidate, d) = best?;
    (d <= 2.max(target.chars().count() / 3)).then_some(candidate)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether the caster is a plain string (enum hints are offered for text enums).
pub(crate) fn is_text(caster: &Caster) -> bool {
    matches!(caster, Caster::String(_) | Caster::Any)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn closest_value() {
        let allowed = ["oui", "non", "En service", "Hors service"];
        assert_eq!(closest_allowed("Oui", allowed.iter().copied()), Some("oui"));
        assert_eq!(
            closest_allowed("en  service", allowed.iter().copied()),
            Some("En service")
        );
        assert_eq!(closest_allowed("peut-être", allowed.iter().copied()), None);
    }

    #[test]
    fn closest_column_name() {
        let names = ["code_insee", "nom_commune", "siret"];
        assert_eq!(
            closest_name("Code INSEE", names.iter().copied()),
            Some("code_insee")
        );
        assert_eq!(closest_name("SIRET ", names.iter().copied()), Some("siret"));
        assert_eq!(
            closest_name("nom-communes", names.iter().copied()),
            Some("nom_commune")
        );
        assert_eq!(closest_name("population", names.iter().copied()), None);
    }
}

/// Whether `cell` is a number as a spreadsheet shows it in scientific notation
/// (`2,10104E+13`, `2.10104E+13`, `1E+14`): an identifier such as a SIRET that lost its digits.
pub(crate) fn scientific_notation(cell: &str) -> bool {
    let t = cell.trim().as_bytes();
    let Some(e) = t.iter().position(|&b| b == b'E' || b == b'e') else {
        return false;
    };
    let (mantissa, exponent) = (&t[..e], &t[e + 1..]);
    let exponent = exponent.strip_prefix(b"+").unwrap_or(exponent);
    let digits = |s: &[u8]| !s.is_empty() && s.iter().all(u8::is_ascii_digit);
    let mantissa_ok = match mantissa.iter().position(|&b| b == b',' || b == b'.') {
        Some(p) => digits(&mantissa[..p]) && digits(&mantissa[p + 1..]),
        None => digits(mantissa),
    };
    // Exponents of 6 and more: smaller ones are rarely identifiers.
    mantissa_ok
        && digits(exponent)
        && std::str::from_utf8(exponent)
            .ok()
            .and_then(|s| s.parse::<u32>().ok())
            .is_some_and(|n| n >= 6)
}

#[cfg(test)]
mod scientific_tests {
    use super::scientific_notation;

    #[test]
    fn spreadsheet_scientific_notation() {
        assert!(scientific_notation("2,10104E+13"));
        assert!(scientific_notation("2.10104E+13"));
        assert!(scientific_notation(" 1E+14 "));
        assert!(!scientific_notation("21010400000013"));
        assert!(!scientific_notation("1.5E-3"));
        assert!(!scientific_notation("E+13"));
        assert!(!scientific_notation("ETAB"));
    }
}
