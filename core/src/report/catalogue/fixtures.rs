//! Diagnostics that reach every branch of the message renderers: each code bare (every
//! fallback), fully parameterised, with each parameter varied or removed in turn, and the
//! products of the parameters that choose a sentence together.

use crate::report::{Diagnostic, ErrorCode};
use serde_json::{Value, json};

/// Every Table Schema type, and one that is not.
const TYPES: &[&str] = &[
    "string",
    "number",
    "integer",
    "boolean",
    "date",
    "time",
    "datetime",
    "year",
    "yearmonth",
    "duration",
    "geopoint",
    "geojson",
    "object",
    "array",
    "list",
    "unknown",
];

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

const CONSTRAINTS: &[&str] = &[
    "required",
    "unique",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
    "enum",
    "jsonSchema",
    "unknown",
];

const HINT_KINDS: &[&str] = &[
    "trim",
    "excel-float",
    "leading-zeros",
    "decimal-comma",
    "date-layout",
    "boolean-case",
    "closest-value",
    "swapped-lon-lat",
    "successor",
    "other-vintage",
    "postcode",
    "commune-code",
    "spelling",
    "unknown",
];

const CHECKS: &[&str] = &[
    "code-commune-insee",
    "numero-departement",
    "departement",
    "code-region",
    "region",
    "commune",
    "canton",
    "pays",
    "code-pays-iso2",
    "code-pays-iso3",
    "code-postal",
    "code-fantoir",
    "reference-list-value",
    "siret",
];

/// Values tried for one parameter at a time.
fn knobs() -> Vec<(&'static str, Vec<Value>)> {
    let strings = |v: &[&str]| v.iter().map(|s| json!(s)).collect::<Vec<_>>();
    let long: Vec<String> = (1..=30).map(|i| format!("v{i}")).collect();
    vec![
        ("type", strings(TYPES)),
        ("format", strings(FORMATS)),
        ("constraint", strings(CONSTRAINTS)),
        (
            "reason",
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
        ("hint_kind", strings(HINT_KINDS)),
        (
            "problem",
            strings(&[
                "unknown",
                "declaration",
                "missing-param",
                "param-type",
                "unknown-column",
                "bad-operator",
                "column-type",
                "empty-list",
                "bad-vintage",
                "list-no-access",
                "list-unreadable",
                "list-column",
                "other-problem",
            ]),
        ),
        (
            "kind",
            strings(&["number-as-text", "date-serial", "date-as-text", "unknown"]),
        ),
        (
            "keyword",
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
        ("check", strings(CHECKS)),
        ("op", strings(&[">", ">=", "==", "<=", "<", "!="])),
        (
            "reasons",
            vec![
                json!(["slash"]),
                json!(["space"]),
                json!(["prefix"]),
                json!(["unknown"]),
                json!(["slash", "space", "prefix"]),
            ],
        ),
        ("resource", vec![json!(""), json!("stations"), json!(3)]),
        ("count", vec![json!(0), json!(1), json!(5), json!("x")]),
        ("value_count", vec![json!(40)]),
        (
            "value",
            vec![json!(["a", "b"]), json!(7), json!(null), json!(long)],
        ),
        ("allowed", vec![json!(long), json!([1, 2])]),
        ("pointer", vec![json!(""), json!("/fields/1")]),
        ("vintage", vec![json!(""), json!("2024")]),
        ("vintages", vec![json!("2023"), json!("2019, 2023")]),
        ("successor", vec![json!(""), json!("01001")]),
        ("list_column", vec![json!(""), json!("code")]),
        ("scientific", vec![json!(true), json!(false)]),
        ("fields", vec![json!("id")]),
        ("schema_position", vec![json!(7)]),
        ("label", vec![json!(5)]),
        ("first_row", vec![json!("2")]),
    ]
}

/// A diagnostic with every parameter any message reads, each set to a visible value.
pub(super) fn full(code: ErrorCode) -> Diagnostic {
    Diagnostic::new(code)
        .at_row(4, 5)
        .at_byte(120)
        .in_field(2, "code_postal")
        .with_cell("7501")
        .with_param("type", "integer")
        .with_param("format", "default")
        .with_param("trueValues", vec!["oui"])
        .with_param("falseValues", vec!["non"])
        .with_param("constraint", "pattern")
        .with_param("value", "^[0-9]{5}$")
        .with_param("length", 4)
        .with_param("example", "75001")
        .with_param("hint", "07501")
        .with_param("hint_kind", "leading-zeros")
        .with_param("label", "cp")
        .with_param("first_row", 2)
        .with_param("fields", vec!["id", "date"])
        .with_param("values", vec!["7", "2024-01-01"])
        .with_param("reason", "duplicate")
        .with_param("detail", "must be a string")
        .with_param("detail_fr", "doit être une chaîne")
        .with_param("check", "siret")
        .with_param("problem", "unknown")
        .with_param("param", "column")
        .with_param("column", "date_debut")
        .with_param("column2", "date_fin")
        .with_param("value2", "2024-01-01")
        .with_param("op", "<=")
        .with_param("prefix", "Urbanism")
        .with_param("reasons", vec!["slash"])
        .with_param("expected", vec!["id", "date"])
        .with_param("columns", vec!["a", "b"])
        .with_param("absent", vec!["b"])
        .with_param("present", vec!["a"])
        .with_param("total", "10")
        .with_param("sum", "9")
        .with_param("name", "siret")
        .with_param("new_name", "siret")
        .with_param("reference", vec!["id"])
        .with_param("keyword", "required")
        .with_param("schema_path", "/required")
        .with_param("rule", "misspelt-key")
        .with_param("key", "contraints")
        .with_param("suggestion", "constraints")
        .with_param("column1", "date_debut")
        .with_param("replacement", "siret")
        .with_param("year1", 2020)
        .with_param("year2", 2019)
        .with_param("property", "\"id\"")
        .with_param("allowed", vec!["a", "b"])
        .with_param("message", "is not valid")
        .with_param("limit", 3)
        .with_param("pattern", "^[0-9]+$")
        .with_param("unexpected", vec!["x"])
        .with_param("resource", "stations")
        .with_param("first", "CRLF")
        .with_param("other", "LF")
        .with_param("count", 3)
        .with_param("kind", "number-to-text")
        .with_param("sheet", "Feuil1")
        .with_param("from", "2.10104E+13")
        .with_param("to", "21010400000013")
        .with_param("pointer", "/fields/1")
        .with_param("encoding", "windows-1252")
        .with_param("delimiter", ";")
        .with_param("vintage", "2024")
        .with_param("vintages", "2019, 2023")
        .with_param("closest", "Saint-Étienne")
        .with_param("successor", "01001")
        .with_param("successor_name", "L'Abergement-Clémenciat")
        .with_param("list", "codes.csv")
        .with_param("list_column", "code")
}

/// `d` with `key` set to each of `values`.
fn each(d: &Diagnostic, key: &'static str, values: &[&str]) -> Vec<Diagnostic> {
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
    for ty in TYPES {
        for format in FORMATS {
            for kind in HINT_KINDS {
                let d = full(ErrorCode::TypeError)
                    .with_param("type", *ty)
                    .with_param("format", *format)
                    .with_param("hint_kind", *kind);
                let mut without_hint = d.clone();
                without_hint.params.remove("hint");
                out.extend([d, without_hint]);
            }
        }
    }
    for constraint in CONSTRAINTS {
        for reason in ["backtrack-limit", "other"] {
            for kind in ["trim", "closest-value"] {
                let d = full(ErrorCode::ConstraintError)
                    .with_param("constraint", *constraint)
                    .with_param("reason", reason)
                    .with_param("hint_kind", kind)
                    .with_param("value_count", 40);
                let mut bare = d.clone();
                for key in ["example", "hint", "value_count", "length"] {
                    bare.params.remove(key);
                }
                out.extend([d, bare]);
            }
        }
    }
    for check in CHECKS {
        for kind in HINT_KINDS {
            for successor in ["", "01001"] {
                for vintage in ["", "2024"] {
                    let d = full(ErrorCode::CustomCheckError)
                        .with_param("check", *check)
                        .with_param("hint_kind", *kind)
                        .with_param("successor", successor)
                        .with_param("vintage", vintage);
                    out.extend(each(&d, "vintages", &["2023", "2019, 2023", ""]));
                }
            }
        }
    }
    let lookup = full(ErrorCode::CustomCheckError).with_param("check", "reference-list-value");
    out.extend(each(&lookup, "list_column", &["", "code"]));
    let unknown_check = full(ErrorCode::CheckError).with_param("problem", "unknown");
    let mut no_hint = unknown_check.clone();
    no_hint.params.remove("hint");
    out.extend(each(&no_hint, "problem", &["unknown", "unknown-column"]));
    for keyword in ["enum", "required", "unknown"] {
        let d = full(ErrorCode::JsonSchema).with_param("keyword", keyword);
        out.extend(each(&d, "pointer", &["", "/a"]));
        let mut no_pointer = d.clone();
        no_pointer.params.remove("pointer");
        out.push(no_pointer);
        let long: Vec<String> = (1..=30).map(|i| format!("v{i}")).collect();
        out.push(d.with_param("allowed", long));
    }
    for kind in ["number-as-text", "date-serial", "date-as-text", "unknown"] {
        let d = full(ErrorCode::SpreadsheetConversion).with_param("kind", kind);
        out.extend(each(&d, "to", &["x"]));
    }
    out
}
