//! Leading zeros a spreadsheet dropped from a fixed-length code (`1000` → `01000` for a
//! postcode or commune code whose pattern or length wants five characters).

use crate::schema::FieldType;
use crate::table::CompiledField;

/// The all-digit `text` with one or two zeros in front, on text fields only (a number has
/// no leading zeros to lose). The caller keeps the one that passes, if only one does.
pub(crate) fn leading_zeros(field: &CompiledField, text: &str) -> Vec<String> {
    if !matches!(field.field_type, FieldType::String | FieldType::Any) {
        return Vec::new();
    }
    if text.is_empty() || text.len() >= 14 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    vec![format!("0{text}"), format!("00{text}")]
}
