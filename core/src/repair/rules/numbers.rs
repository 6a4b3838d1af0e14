//! Numbers written the French way or through a spreadsheet: decimal comma and spaces
//! between thousands (`1 234,5` → `1234.5`), and Excel's `.0` on integers and
//! identifiers (`75001.0` → `75001`).

use crate::schema::FieldType;
use crate::table::CompiledField;

/// `1 234,5` → `1234.5` on number and integer fields: spaces (also no-break) dropped, a
/// single comma without any dot read as the decimal mark.
pub(crate) fn decimal_comma(field: &CompiledField, text: &str) -> Option<String> {
    if !matches!(field.field_type, FieldType::Number | FieldType::Integer) {
        return None;
    }
    let s: String = text
        .chars()
        .filter(|c| !matches!(c, ' ' | '\u{a0}' | '\u{202f}'))
        .collect();
    let shaped = s
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ',' | '-' | '+'));
    if !shaped || !s.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    match s.matches(',').count() {
        1 => Some(s.replace(',', ".")),
        0 if s != text => Some(s),
        _ => None,
    }
}

/// `75001.0` → `75001` on integer fields and on text fields (identifiers, codes).
pub(crate) fn excel_float(field: &CompiledField, text: &str) -> Option<String> {
    if !matches!(
        field.field_type,
        FieldType::Integer | FieldType::String | FieldType::Any
    ) {
        return None;
    }
    let int = text
        .strip_suffix(".0")
        .or_else(|| text.strip_suffix(",0"))?;
    let digits = int.strip_prefix('-').unwrap_or(int);
    (!digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())).then(|| int.to_owned())
}
