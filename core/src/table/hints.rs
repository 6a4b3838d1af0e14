//! Fix hints for type and enum errors, computed only when an error is reported.

use super::field::CompiledField;
use super::types::Caster;
use crate::schema::table::FieldType;

/// Why a suggested value would pass: rendered by the message catalogue as `params.hint_kind`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HintKind {
    /// Spaces before or after the value.
    Trim,
    /// An Excel float artefact (`75001.0` for an integer or a code).
    ExcelFloat,
    /// Leading zeros lost by a spreadsheet (`7501` → `07501`).
    LeadingZeros,
    /// Decimal comma or thousands spaces (`1 234,5` → `1234.5`).
    DecimalComma,
    /// A date written day first (`15/10/2017` → `2017-10-15`).
    DateLayout,
    /// A boolean written with another case (`Vrai` → `vrai`).
    BooleanCase,
}

impl HintKind {
    /// The name written in `params.hint_kind`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            HintKind::Trim => "trim",
            HintKind::ExcelFloat => "excel-float",
            HintKind::LeadingZeros => "leading-zeros",
            HintKind::DecimalComma => "decimal-comma",
            HintKind::DateLayout => "date-layout",
            HintKind::BooleanCase => "boolean-case",
        }
    }
}

/// Whether `candidate` casts and meets every constraint of `field`.
fn passes(field: &CompiledField, candidate: &str) -> bool {
    match field.checker.caster.cast(candidate) {
        Ok(value) => field
            .checker
            .constraints
            .iter()
            .all(|c| c.holds(candidate, &value)),
        Err(()) => false,
    }
}

/// A rewritten value that would pass, with the reason, when an obvious fix exists.
/// Runs only when an error is reported (never on the happy path).
pub(crate) fn repair(field: &CompiledField, cell: &str) -> Option<(HintKind, String)> {
    let t = cell.trim();
    let mut candidates: Vec<(HintKind, String)> = Vec::new();
    if t != cell && !t.is_empty() {
        candidates.push((HintKind::Trim, t.to_owned()));
    }
    if let Some(int) = t.strip_suffix(".0").or_else(|| t.strip_suffix(",0"))
        && !int.is_empty()
        && int.bytes().all(|b| b.is_ascii_digit())
    {
        candidates.push((HintKind::ExcelFloat, int.to_owned()));
    }
    if !t.is_empty() && t.len() < 12 && t.bytes().all(|b| b.is_ascii_digit()) {
        for zeros in ["0", "00"] {
            candidates.push((HintKind::LeadingZeros, format!("{zeros}{t}")));
        }
    }
    match field.field_type {
        FieldType::Number | FieldType::Integer => {
            // Decimal comma and spaces as thousands separators (`1 234,5` → `1234.5`).
            let s: String = t
                .chars()
                .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
                .collect();
            if s.matches(',').count() == 1 && !s.contains('.') {
                candidates.push((HintKind::DecimalComma, s.replace(',', ".")));
            } else if s != t {
                candidates.push((HintKind::DecimalComma, s));
            }
        }
        FieldType::Date if field.format == "default" || field.format == "%Y-%m-%d" => {
            // `15/10/2017`, `15-10-2017`, `15.10.2017` → `2017-10-15`
            let parts: Vec<&str> = t.split(['/', '-', '.']).collect();
            if let [d, m, y] = parts.as_slice()
                && y.len() == 4
                && d.len() <= 2
                && m.len() <= 2
            {
                candidates.push((HintKind::DateLayout, format!("{y}-{m:0>2}-{d:0>2}")));
            }
        }
        FieldType::Boolean => {
            let lower = t.to_lowercase();
            if let Some((tv, fv)) = field.boolean_values.as_ref()
                && let Some(v) = tv
                    .iter()
                    .chain(fv.iter())
                    .find(|v| v.to_lowercase() == lower && v.as_str() != cell)
            {
                candidates.push((HintKind::BooleanCase, v.clone()));
            }
        }
        _ => {}
    }
    // Only suggest what really passes.
    candidates
        .into_iter()
        .find(|(_, c)| c != cell && passes(field, c))
}

/// Whether a valid geopoint of France reads as if longitude and latitude were swapped
/// (metropolitan France: longitude −5.5…10, latitude 41…51.5).
pub(crate) fn lon_lat_swapped(lon: f64, lat: f64) -> bool {
    let in_france =
        |lon: f64, lat: f64| (-5.5..=10.0).contains(&lon) && (41.0..=51.5).contains(&lat);
    !in_france(lon, lat) && in_france(lat, lon)
}

/// A geopoint written in the field's format (`default`, `array`, `object`).
pub(crate) fn geopoint_text(format: &str, lon: f64, lat: f64) -> String {
    match format {
        "array" => format!("[{lon}, {lat}]"),
        "object" => format!("{{\"lon\": {lon}, \"lat\": {lat}}}"),
        _ => format!("{lon}, {lat}"),
    }
}

/// The allowed value closest to `cell` (case, accents and spaces aside, then by edit
/// distance), when it is close enough to be a plausible intent; through the same index as
/// the enum hints.
pub(crate) fn closest_allowed<'v>(
    cell: &str,
    allowed: impl Iterator<Item = &'v str>,
) -> Option<&'v str> {
    let values: Vec<&'v str> = allowed.collect();
    let index = super::closest::ClosestIndex::new(values.iter().copied());
    index.closest(cell).map(|i| values[i])
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
    use crate::report::Param;

    /// The hint and its kind for the first error of `cell` in a field described by `field`.
    fn hint_for(field: &str, cell: &str) -> Option<(String, String)> {
        let schema = format!(r#"{{"fields": [{field}]}}"#);
        let schema = crate::Schema::from_slice(schema.as_bytes()).unwrap();
        let data = format!("f\n\"{cell}\"\n");
        let report = crate::Validator::new(&schema)
            .validate_slice(data.as_bytes())
            .unwrap();
        let d = report.errors.first().or(report.warnings.first())?;
        Some((
            d.param_str(Param::Hint)?.to_owned(),
            d.param_str(Param::HintKind)?.to_owned(),
        ))
    }

    fn pair(hint: &str, kind: &str) -> Option<(String, String)> {
        Some((hint.to_owned(), kind.to_owned()))
    }

    #[test]
    fn hints_for_common_spreadsheet_damage() {
        let code_postal =
            r#"{"name": "f", "type": "string", "constraints": {"pattern": "^[0-9]{5}$"}}"#;
        assert_eq!(
            hint_for(code_postal, "7501"),
            pair("07501", "leading-zeros")
        );
        assert_eq!(
            hint_for(code_postal, "75001.0"),
            pair("75001", "excel-float")
        );
        assert_eq!(hint_for(code_postal, " 75001 "), pair("75001", "trim"));
        assert_eq!(hint_for(code_postal, "abc"), None);
        let integer = r#"{"name": "f", "type": "integer"}"#;
        assert_eq!(hint_for(integer, "12.0"), pair("12", "excel-float"));
        let number = r#"{"name": "f", "type": "number"}"#;
        assert_eq!(hint_for(number, "1 234,5"), pair("1234.5", "decimal-comma"));
        let date = r#"{"name": "f", "type": "date"}"#;
        assert_eq!(
            hint_for(date, "15/10/2017"),
            pair("2017-10-15", "date-layout")
        );
        let boolean = r#"{"name": "f", "type": "boolean"}"#;
        assert_eq!(hint_for(boolean, "tRUE"), pair("true", "boolean-case"));
        let status = r#"{"name": "f", "type": "string", "constraints": {"enum": ["oui", "non"]}}"#;
        assert_eq!(hint_for(status, "Oui"), pair("oui", "closest-value"));
    }

    #[test]
    fn swapped_coordinates_are_a_warning_with_the_fixed_point() {
        let point = r#"{"name": "f", "type": "geopoint"}"#;
        assert_eq!(
            hint_for(point, "48.85, 2.35"),
            pair("2.35, 48.85", "swapped-lon-lat")
        );
        assert_eq!(hint_for(point, "2.35, 48.85"), None);
        let array = r#"{"name": "f", "type": "geopoint", "format": "array"}"#;
        assert_eq!(
            hint_for(array, "[48.85, 2.35]"),
            pair("[2.35, 48.85]", "swapped-lon-lat")
        );
        assert!(lon_lat_swapped(48.85, 2.35));
        assert!(!lon_lat_swapped(-61.5, 16.2), "Guadeloupe is not a swap");
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
