//! Bounds that leave no value: `minimum` above `maximum` (numbers, dates, times, years…,
//! compared as the field reads them), `minLength` above `maxLength`. Every cell of such a
//! field fails one of the two, which is a mistake in the schema, not in the data.

use super::{Finding, as_text, finding};
use crate::report::Severity;
use crate::table::CompiledField;
use crate::table::field::Check;
use std::cmp::Ordering;

/// Adds a finding for each lower bound of `field` that no value below its upper bound can
/// meet.
pub(super) fn check(field: &CompiledField, pointer: &str, out: &mut Vec<Finding>) {
    let constraints = &field.checker.constraints;
    for low in constraints {
        for high in constraints {
            let empty = match (&low.check, &high.check) {
                (Check::MinLength(a), Check::MaxLength(b)) => a > b,
                (
                    Check::Minimum(a) | Check::ExclusiveMinimum(a),
                    Check::Maximum(b) | Check::ExclusiveMaximum(b),
                ) => {
                    let strict = matches!(low.check, Check::ExclusiveMinimum(_))
                        || matches!(high.check, Check::ExclusiveMaximum(_));
                    match a.compare(b) {
                        Some(Ordering::Greater) => true,
                        Some(Ordering::Equal) => strict,
                        _ => false,
                    }
                }
                _ => false,
            };
            if empty {
                out.push(contradiction(field, low, high, pointer));
            }
        }
    }
}

fn contradiction(
    field: &CompiledField,
    low: &crate::table::field::Constraint,
    high: &crate::table::field::Constraint,
    pointer: &str,
) -> Finding {
    let (l, h) = (low.name, high.name);
    let (lv, hv) = (as_text(&low.value), as_text(&high.value));
    let name = &field.name;
    finding(
        "empty-range",
        Severity::Error,
        format!("{pointer}/constraints/{l}"),
        format!(
            "the field {name:?} has {l} {lv} and {h} {hv}: no value can meet both, so every cell will be reported as an error. Swap the two values, or correct the one that was mistyped"
        ),
        format!(
            "le champ « {name} » a {l} {lv} et {h} {hv} : aucune valeur ne peut respecter les deux, donc chaque cellule sera signalée en erreur. Inversez les deux valeurs, ou corrigez celle qui a été mal saisie"
        ),
    )
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    fn rules(constraints: serde_json::Value, ty: &str) -> Vec<(String, String)> {
        crate::lint::lint_value(
            &json!({"fields": [{"name": "f", "type": ty, "constraints": constraints}]}),
        )
        .into_iter()
        .filter(|f| f.rule == "empty-range")
        .map(|f| (f.pointer, f.detail_fr))
        .collect()
    }

    #[test]
    fn reversed_bounds_are_errors() {
        let found = rules(json!({"minimum": 10, "maximum": 2}), "integer");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].0, "/fields/0/constraints/minimum");
        assert!(
            found[0].1.contains("minimum 10 et maximum 2"),
            "{}",
            found[0].1
        );
        assert_eq!(
            rules(json!({"minLength": 5, "maxLength": 3}), "string").len(),
            1
        );
        // Compared as the field reads them: dates, times, numbers given as text.
        for (c, ty) in [
            (
                json!({"minimum": "2024-12-01", "maximum": "2024-01-31"}),
                "date",
            ),
            (
                json!({"minimum": "18:00:00", "maximum": "08:00:00"}),
                "time",
            ),
            (json!({"minimum": "10.5", "maximum": "9"}), "number"),
            (json!({"exclusiveMinimum": 3, "maximum": 3}), "integer"),
        ] {
            assert_eq!(rules(c.clone(), ty).len(), 1, "{c}");
        }
    }

    #[test]
    fn bounds_that_leave_a_value_pass() {
        for (c, ty) in [
            (json!({"minimum": 3, "maximum": 3}), "integer"),
            (json!({"minimum": 2, "maximum": 10}), "integer"),
            (json!({"minLength": 3, "maxLength": 3}), "string"),
            (
                json!({"minimum": "2024-01-01", "maximum": "2024-12-31"}),
                "date",
            ),
            (json!({"minimum": 10}), "integer"),
        ] {
            assert!(rules(c.clone(), ty).is_empty(), "{c}");
        }
    }
}
