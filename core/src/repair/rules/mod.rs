//! The repair rules, one module per family. Each proposes rewritten values for a cell that
//! fails its field; the caller keeps a proposal only when it passes the field and no other
//! proposal disagrees with it.

pub(crate) mod booleans;
pub(crate) mod dates;
pub(crate) mod enums;
pub(crate) mod judgement;
pub(crate) mod numbers;
pub(crate) mod zeros;

use super::Rule;
use super::evidence::FieldEvidence;
use crate::table::CompiledField;

/// Every value the default rules propose for `text` (already trimmed), with the rules that
/// produced it. Excel's `.0` and lost leading zeros compose (`1000.0` → `01000`).
pub(crate) fn candidates(
    field: &CompiledField,
    evidence: &FieldEvidence,
    text: &str,
) -> Vec<(String, Vec<Rule>)> {
    let mut out: Vec<(String, Vec<Rule>)> = Vec::new();
    if let Some(v) = numbers::decimal_comma(field, text) {
        out.push((v, vec![Rule::DecimalComma]));
    }
    let integer = numbers::excel_float(field, text);
    if let Some(v) = &integer {
        out.push((v.clone(), vec![Rule::ExcelFloat]));
    }
    for v in zeros::leading_zeros(field, text) {
        out.push((v, vec![Rule::LeadingZeros]));
    }
    if let Some(int) = &integer {
        for v in zeros::leading_zeros(field, int) {
            out.push((v, vec![Rule::ExcelFloat, Rule::LeadingZeros]));
        }
    }
    if let Some(v) = dates::layout(field, evidence, text) {
        out.push((v, vec![Rule::DateLayout]));
    }
    if let Some(v) = booleans::spelling(field, evidence, text) {
        out.push((v, vec![Rule::Boolean]));
    }
    if let Some(v) = enums::spelling(field, text) {
        out.push((v, vec![Rule::EnumSpelling]));
    }
    out
}
