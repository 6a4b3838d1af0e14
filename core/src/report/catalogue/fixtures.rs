//! Diagnostics that reach every branch of the message renderers: each code bare (every
//! fallback), fully parameterised, with each parameter varied or removed in turn, and the
//! products of the parameters that choose a sentence together.

use crate::report::Param;
use crate::report::messages::{CELL_HINT_KINDS, LABELLED_TYPES, PROBLEMS, REFERENTIAL_CHECKS};
use crate::report::{CONSTRAINTS, Diagnostic, ErrorCode};
use serde_json::{Value, json};

/// Every Table Schema type (those with a label, and `string`), and one that is not.
fn types() -> impl Iterator<Item = &'static str> {
    LABELLED_TYPES.iter().copied().chain(["string", "unknown"])
}

const FORMATS: &[&str] = &[
    "default",
    "any",
    "%d/%m/%Y",
    "%y-%m-%d %H:%M:%S",
    "array",
    "object",
    "email",
    "uri",
    "uuid",
    "binary",
    "unknown",
];

/// The hints of the referential checks, and one that is not a hint.
const OTHER_HINT_KINDS: &[&str] = &[
    "successor",
    "other-vintage",
    "postcode",
    "commune-code",
    "spelling",
    "unknown",
];

/// The checks with a sentence of their own, and two with none.
fn checks() -> Vec<&'static str> {
    [REFERENTIAL_CHECKS, &["reference-list-value", "siret"]].concat()
}

/// Values tried for one parameter at a time.
fn knobs() -> Vec<(Param, Vec<Value>)> {
    let strings = |v: &[&str]| v.iter().map(|s| json!(s)).collect::<Vec<_>>();
    let long: Vec<String> = (1..=30).map(|i| format!("v{i}")).collect();
    vec![
        (Param::Type, types().map(|t| json!(t)).collect()),
        (Param::Format, strings(FORMATS)),
        (
            Param::Constraint,
            strings(&[CONSTRAINTS, &["unknown"]].concat()),
        ),
        (
            Param::Reason,
            strings(&[
                "backtrack-limit",
                "null",
                "incomparable",
                "format",
                "format-or-year",
                "same",
                "order",
                "duplicate",
                "unknown",
            ]),
        ),
        (
            Param::HintKind,
            strings(&[CELL_HINT_KINDS, OTHER_HINT_KINDS].concat()),
        ),
        (
            Param::Problem,
            strings(&[PROBLEMS, &["other-problem"]].concat()),
        ),
        (
            Param::Kind,
            strings(&["number-as-text", "date-serial", "date-as-text", "unknown"]),
        ),
        (
            Param::Keyword,
            strings(&[
                "required",
                "type",
                "enum",
                "format",
                "pattern",
                "additionalProperties",
                "minimum",
                "exclusiveMinimum",
                "maximum",
                "exclusiveMaximum",
                "anyOf",
                "oneOf",
                "unknown",
            ]),
        ),
        (Param::Check, strings(&checks())),
        (Param::Op, strings(&[">", ">=", "==", "<=", "<", "!="])),
        (
            Param::Reasons,
            vec![
                json!(["slash"]),
                json!(["space"]),
                json!(["prefix"]),
                json!(["unknown"]),
                json!(["slash", "space", "prefix"]),
            ],
        ),
        (
            Param::Resource,
            vec![json!(""), json!("stations"), json!(3)],
        ),
        (Param::Count, vec![json!(0), json!(1), json!(5), json!("x")]),
        (Param::ValueCount, vec![json!(40)]),
        (
            Param::Value,
            vec![json!(["a", "b"]), json!(7), json!(null), json!(long)],
        ),
        (Param::Allowed, vec![json!(long), json!([1, 2])]),
        (Param::Pointer, vec![json!(""), json!("/fields/1")]),
        (Param::Vintage, vec![json!(""), json!("2024")]),
        (Param::Vintages, vec![json!("2023"), json!("2019, 2023")]),
        (Param::Successor, vec![json!(""), json!("01001")]),
        (Param::ListColumn, vec![json!(""), json!("code")]),
        (Param::Scientific, vec![json!(true), json!(false)]),
        (Param::Fields, vec![json!("id")]),
        (Param::SchemaPosition, vec![json!(7)]),
        (Param::Label, vec![json!(5)]),
        (Param::FirstRow, vec![json!("2")]),
    ]
}

/// A diagnostic with every parameter any message reads, each set to a visible value.
pub(in crate::report) fn full(code: ErrorCode) -> Diagnostic {
    Diagnostic::new(code)
        .at_row(4, 5)
        .at_byte(120)
        .in_field(2, "code_postal")
        .with_cell("7501")
        .with_param(Param::Type, "integer")
        .with_param(Param::Format, "default")
        .with_param(Param::TrueValues, vec!["oui"])
        .with_param(Param::FalseValues, vec!["non"])
        .with_param(Param::Constraint, "pattern")
        .with_param(Param::Value, "^[0-9]{5}$")
        .with_param(Param::Length, 4)
        .with_param(Param::Example, "75001")
        .with_param(Param::Hint, "07501")
        .with_param(Param::HintKind, "leading-zeros")
        .with_param(Param::Label, "cp")
        .with_param(Param::FirstRow, 2)
        .with_param(Param::Fields, vec!["id", "date"])
        .with_param(Param::Values, vec!["7", "2024-01-01"])
        .with_param(Param::Reason, "duplicate")
        .with_param(Param::Detail, "must be a string")
        .with_param(Param::DetailFr, "doit être une chaîne")
        .with_param(Param::Check, "siret")
        .with_param(Param::Problem, "unknown")
        .with_param(Param::Param, "column")
        .with_param(Param::Column, "date_debut")
        .with_param(Param::Column2, "date_fin")
        .with_param(Param::Value2, "2024-01-01")
        .with_param(Param::Op, "<=")
        .with_param(Param::Prefix, "Urbanism")
        .with_param(Param::Reasons, vec!["slash"])
        .with_param(Param::Expected, vec!["id", "date"])
        .with_param(Param::Columns, vec!["a", "b"])
        .with_param(Param::Absent, vec!["b"])
        .with_param(Param::Present, vec!["a"])
        .with_param(Param::Total, "10")
        .with_param(Param::Sum, "9")
        .with_param(Param::Name, "siret")
        .with_param(Param::NewName, "siret")
        .with_param(Param::Reference, vec!["id"])
        .with_param(Param::Keyword, "required")
        .with_param(Param::SchemaPath, "/required")
        .with_param(Param::Rule, "misspelt-key")
        .with_param(Param::Key, "contraints")
        .with_param(Param::Suggestion, "constraints")
        .with_param(Param::Column1, "date_debut")
        .with_param(Param::Replacement, "siret")
        .with_param(Param::Year1, 2020)
        .with_param(Param::Year2, 2019)
        .with_param(Param::Property, "\"id\"")
        .with_param(Param::Allowed, vec!["a", "b"])
        .with_param(Param::Message, "is not valid")
        .with_param(Param::Limit, 3)
        .with_param(Param::Pattern, "^[0-9]+$")
        .with_param(Param::Unexpected, vec!["x"])
        .with_param(Param::Resource, "stations")
        .with_param(Param::First, "CRLF")
        .with_param(Param::Other, "LF")
        .with_param(Param::Count, 3)
        .with_param(Param::Kind, "number-to-text")
        .with_param(Param::Sheet, "Feuil1")
        .with_param(Param::From, "2.10104E+13")
        .with_param(Param::To, "21010400000013")
        .with_param(Param::Pointer, "/fields/1")
        .with_param(Param::Encoding, "windows-1252")
        .with_param(Param::Delimiter, ";")
        .with_param(Param::Vintage, "2024")
        .with_param(Param::Vintages, "2019, 2023")
        .with_param(Param::Closest, "Saint-Étienne")
        .with_param(Param::Successor, "01001")
        .with_param(Param::SuccessorName, "L'Abergement-Clémenciat")
        .with_param(Param::List, "codes.csv")
        .with_param(Param::ListColumn, "code")
}

/// `d` with `key` set to each of `values`.
fn each(d: &Diagnostic, key: Param, values: &[&str]) -> Vec<Diagnostic> {
    values
        .iter()
        .map(|v| d.clone().with_param(key, *v))
        .collect()
}

/// The fixture set.
pub(super) fn diagnostics() -> Vec<Diagnostic> {
    let knobs = knobs();
    let mut out = Vec::new();
    for &code in ErrorCode::ALL {
        out.push(Diagnostic::new(code));
        let base = full(code);
        out.push(base.clone());
        for (key, values) in &knobs {
            out.extend(
                values
                    .iter()
                    .map(|v| base.clone().with_param(*key, v.clone())),
            );
        }
        for (key, _) in base.params.iter() {
            let mut d = base.clone();
            d.params.remove(key);
            out.push(d);
        }
        let mut d = base.clone();
        d.cell = None;
        out.push(d);
        let mut d = base.clone();
        (d.field_name, d.field_number) = (None, None);
        out.push(d);
        let mut d = base.clone();
        (d.line, d.byte, d.row) = (None, None, None);
        out.push(d);
    }
    // Parameters that choose a sentence together.
    for ty in types() {
        for format in FORMATS {
            for kind in CELL_HINT_KINDS.iter().chain(OTHER_HINT_KINDS) {
                let d = full(ErrorCode::TypeError)
                    .with_param(Param::Type, ty)
                    .with_param(Param::Format, *format)
                    .with_param(Param::HintKind, *kind);
                let mut without_hint = d.clone();
                without_hint.params.remove(Param::Hint);
                out.extend([d, without_hint]);
            }
        }
    }
    for constraint in CONSTRAINTS.iter().chain(&["unknown"]) {
        for reason in ["backtrack-limit", "other"] {
            for kind in ["trim", "closest-value"] {
                let d = full(ErrorCode::ConstraintError)
                    .with_param(Param::Constraint, *constraint)
                    .with_param(Param::Reason, reason)
                    .with_param(Param::HintKind, kind)
                    .with_param(Param::ValueCount, 40);
                let mut bare = d.clone();
                for key in [
                    Param::Example,
                    Param::Hint,
                    Param::ValueCount,
                    Param::Length,
                ] {
                    bare.params.remove(key);
                }
                out.extend([d, bare]);
            }
        }
    }
    for check in checks() {
        for kind in CELL_HINT_KINDS.iter().chain(OTHER_HINT_KINDS) {
            for successor in ["", "01001"] {
                for vintage in ["", "2024"] {
                    let d = full(ErrorCode::CustomCheckError)
                        .with_param(Param::Check, check)
                        .with_param(Param::HintKind, *kind)
                        .with_param(Param::Successor, successor)
                        .with_param(Param::Vintage, vintage);
                    out.extend(each(&d, Param::Vintages, &["2023", "2019, 2023", ""]));
                }
            }
        }
    }
    let lookup = full(ErrorCode::CustomCheckError).with_param(Param::Check, "reference-list-value");
    out.extend(each(&lookup, Param::ListColumn, &["", "code"]));
    let unknown_check = full(ErrorCode::CheckError).with_param(Param::Problem, "unknown");
    let mut no_hint = unknown_check.clone();
    no_hint.params.remove(Param::Hint);
    out.extend(each(
        &no_hint,
        Param::Problem,
        &["unknown", "unknown-column"],
    ));
    for keyword in ["enum", "required", "unknown"] {
        let d = full(ErrorCode::JsonSchema).with_param(Param::Keyword, keyword);
        out.extend(each(&d, Param::Pointer, &["", "/a"]));
        let mut no_pointer = d.clone();
        no_pointer.params.remove(Param::Pointer);
        out.push(no_pointer);
        let long: Vec<String> = (1..=30).map(|i| format!("v{i}")).collect();
        out.push(d.with_param(Param::Allowed, long));
    }
    for kind in ["number-as-text", "date-serial", "date-as-text", "unknown"] {
        let d = full(ErrorCode::SpreadsheetConversion).with_param(Param::Kind, kind);
        out.extend(each(&d, Param::To, &["x"]));
    }
    out
}

/// Reports summed up in a sentence: without errors, and with a cut list of errors.
pub(super) fn reports() -> Vec<crate::report::Report> {
    let mut invalid = crate::report::Report {
        valid: false,
        ..Default::default()
    };
    invalid.stats.error_count = 3;
    invalid.stats.rows = 2;
    invalid.stats.truncated = true;
    invalid.errors.push(full(ErrorCode::BlankRow));
    vec![crate::report::Report::default(), invalid]
}
