//! Booleans spelt another way (`Oui`, `VRAI`, `yes`, `1`) put onto the schema's
//! `trueValues` / `falseValues`, in the spelling the column already uses most.

use crate::repair::evidence::FieldEvidence;
use crate::schema::FieldType;
use crate::table::CompiledField;

const TRUE_WORDS: &[&str] = &["true", "vrai", "oui", "yes", "y", "o", "t", "1"];
const FALSE_WORDS: &[&str] = &["false", "faux", "non", "no", "n", "f", "0"];

/// The schema's spelling of the boolean `text` means, when it means one.
pub(crate) fn spelling(
    field: &CompiledField,
    evidence: &FieldEvidence,
    text: &str,
) -> Option<String> {
    if field.field_type != FieldType::Boolean {
        return None;
    }
    let (true_values, false_values) = field.boolean_values.as_ref()?;
    let lower = text.to_lowercase();
    // The schema's own values, in another case, first; then the common words.
    let side = |values: &[String], offset: usize| -> Option<Vec<usize>> {
        let same: Vec<usize> = (0..values.len())
            .filter(|&i| values[i].to_lowercase() == lower)
            .map(|i| i + offset)
            .collect();
        (!same.is_empty()).then_some(same)
    };
    let all: Vec<&String> = true_values.iter().chain(false_values).collect();
    let (choices, truth) = match (side(true_values, 0), side(false_values, true_values.len())) {
        (Some(c), None) => (c, true),
        (None, Some(c)) => (c, false),
        (Some(_), Some(_)) => return None,
        (None, None) => {
            let truth = match (
                TRUE_WORDS.contains(&lower.as_str()),
                FALSE_WORDS.contains(&lower.as_str()),
            ) {
                (true, false) => true,
                (false, true) => false,
                _ => return None,
            };
            let n = if truth {
                true_values.len()
            } else {
                false_values.len()
            };
            let offset = if truth { 0 } else { true_values.len() };
            ((offset..offset + n).collect(), truth)
        }
    };
    let _ = truth;
    // The spelling the column's valid cells use most; the schema's first on a tie.
    let best = choices.iter().copied().max_by_key(|&i| {
        (
            evidence.spellings.get(i).copied().unwrap_or(0),
            usize::MAX - i,
        )
    })?;
    Some(all[best].clone())
}
