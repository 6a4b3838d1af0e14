//! One cell: left alone when it is valid or missing; otherwise rewritten only when the
//! rules agree on a single value that passes the field.

use super::evidence::FieldEvidence;
use super::rules::{self, judgement};
use super::{RepairOptions, Rule};
use crate::table::CompiledField;

/// Whether `text` casts and meets every constraint of `field`.
pub(crate) fn passes(field: &CompiledField, text: &str) -> bool {
    match field.checker.caster.cast(text) {
        Ok(value) => field
            .checker
            .constraints
            .iter()
            .all(|c| c.holds(text, &value)),
        Err(()) => false,
    }
}

/// Whether the cell is fine as it is (a missing value, or a value that passes).
pub(crate) fn is_valid(field: &CompiledField, text: &str) -> bool {
    field.missing.contains(text) || passes(field, text)
}

/// The repaired value of `cell` and the rules that made it, if there is exactly one.
pub(crate) fn repair(
    field: &CompiledField,
    evidence: &FieldEvidence,
    options: &RepairOptions,
    cell: &str,
) -> Option<(String, Vec<Rule>)> {
    if field.missing.contains(cell) {
        return None;
    }
    if passes(field, cell) {
        // A valid value is never changed, unless a judgement call was asked for.
        if options.swap_coordinates {
            return judgement::swapped_coordinates(field, cell)
                .map(|v| (v, vec![Rule::SwappedCoordinates]));
        }
        return None;
    }
    let text = cell.trim();
    if text.is_empty() {
        return None;
    }
    let mut before = Vec::new();
    if text != cell {
        if passes(field, text) {
            return Some((text.to_owned(), vec![Rule::Spaces]));
        }
        before.push(Rule::Spaces);
    }
    let mut found: Vec<(String, Vec<Rule>)> = Vec::new();
    for (value, rules) in rules::candidates(field, evidence, text) {
        if value != cell && passes(field, &value) && !found.iter().any(|(v, _)| *v == value) {
            found.push((value, rules));
        }
    }
    let chosen = match found.len() {
        1 => found.pop(),
        0 if options.closest_enum => judgement::closest_enum(field, text)
            .filter(|v| passes(field, v))
            .map(|v| (v, vec![Rule::ClosestEnum])),
        // Several plausible values: a guess, left to the user.
        _ => None,
    }?;
    let (value, rules) = chosen;
    before.extend(rules);
    Some((value, before))
}
