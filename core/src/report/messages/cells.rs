//! Values of the cell messages (`type-error`, `constraint-error`): the type's label, the
//! form a value takes, the fix hint, the end of a long list of allowed values.

use super::text;
use crate::report::Param;
use crate::report::catalogue::{Lazy, say};
use crate::report::{CONSTRAINTS, Diagnostic, Lang};
use serde_json::Value;

/// The types with a label (a string that is not valid has a sentence of its own).
pub(in crate::report) const LABELLED_TYPES: &[&str] = &[
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
];

/// A Table Schema type as named inside a sentence (`un nombre entier`).
fn type_label(ty: &str, lang: Lang) -> String {
    match LABELLED_TYPES.contains(&ty) {
        true => say(lang, &format!("type.{ty}"), &[]),
        false => say(lang, "type.other", &[]),
    }
}

/// A strptime format as people read it: `%d/%m/%Y` → `JJ/MM/AAAA`.
fn strptime_human(format: &str, lang: Lang) -> String {
    let (year, day) = match lang {
        Lang::Fr => ("AAAA", "JJ"),
        Lang::En => ("YYYY", "DD"),
    };
    format
        .replace("%Y", year)
        .replace("%y", &year[2..])
        .replace("%m", "MM")
        .replace("%d", day)
        .replace("%H", "hh")
        .replace("%M", "mm")
        .replace("%S", "ss")
}

/// ` Forme attendue : AAAA-MM-JJ (2024-03-31).`: the form a value of the diagnostic's type
/// and format takes, when it has one worth showing.
fn expected_form(d: &Diagnostic, lang: Lang) -> String {
    let ty = d.param_str(Param::Type).unwrap_or("");
    let format = d.param_str(Param::Format).unwrap_or("default");
    let described = match (ty, format) {
        ("date", "default") => Some("AAAA-MM-JJ (2024-03-31)"),
        ("datetime", "default") => Some("AAAA-MM-JJThh:mm:ss (2024-03-31T14:05:00)"),
        ("time", "default") => Some("hh:mm:ss (14:05:00)"),
        ("year", _) => Some("AAAA (2024)"),
        ("yearmonth", _) => Some("AAAA-MM (2024-03)"),
        ("duration", _) => Some("ISO 8601 (P1Y2M10DT2H30M)"),
        ("geopoint", "default") => Some("\"lon, lat\" (2.35, 48.85)"),
        ("geopoint", "array") => Some("[lon, lat] ([2.35, 48.85])"),
        ("geopoint", "object") => Some("{\"lon\": 2.35, \"lat\": 48.85}"),
        _ => None,
    };
    if let Some(form) = described {
        let form = match lang {
            Lang::Fr => form.to_owned(),
            Lang::En => form.replace("AAAA", "YYYY").replace("JJ", "DD"),
        };
        return say(lang, "form.expected", &[("form", &form)]);
    }
    if matches!(ty, "date" | "datetime" | "time") && format != "default" && format != "any" {
        let form = strptime_human(format, lang);
        return say(
            lang,
            "form.expected-strptime",
            &[("form", &form), ("format", &format)],
        );
    }
    if ty == "boolean" {
        return say(
            lang,
            "form.boolean",
            &[
                ("true_values", &text(d.params.get(Param::TrueValues))),
                ("false_values", &text(d.params.get(Param::FalseValues))),
            ],
        );
    }
    String::new()
}

/// The fix hints of cell errors, each with its own explanation.
pub(in crate::report) const CELL_HINT_KINDS: &[&str] = &[
    "trim",
    "excel-float",
    "leading-zeros",
    "decimal-comma",
    "date-layout",
    "boolean-case",
    "closest-value",
    "swapped-lon-lat",
];

/// The fix hint sentence, explained by `hint_kind` (`trim`, `excel-float`, …).
pub(super) fn hint(d: &Diagnostic, lang: Lang) -> String {
    let Some(hint) = d.param_str(Param::Hint) else {
        return String::new();
    };
    let kind = d.param_str(Param::HintKind).unwrap_or("");
    let why = match CELL_HINT_KINDS.contains(&kind) {
        true => say(lang, &format!("hint.{kind}"), &[]),
        false => say(lang, "hint.other", &[]),
    };
    say(lang, "hint.suggestion", &[("hint", &hint), ("why", &why)])
}

/// `, … et 34 980 autres (liste complète dans le schéma)` when an `enum` message quotes only
/// the first values of a long list (`params.value_count`).
fn more_values(d: &Diagnostic, lang: Lang) -> String {
    let quoted = d
        .params
        .get(Param::Value)
        .and_then(Value::as_array)
        .map_or(0, Vec::len) as u64;
    let Some(count) = d.params.get(Param::ValueCount).and_then(Value::as_u64) else {
        return String::new();
    };
    let rest = count.saturating_sub(quoted);
    say(lang, "list.more-in-schema", &[("rest", &rest)])
}

/// `type-error`: what the cell is not, and for other types than strings the form
/// expected and the fix hint.
pub(super) fn type_error(d: &Diagnostic, lang: Lang) -> String {
    let cell = d.cell.as_deref().unwrap_or("");
    let ty = d.param_str(Param::Type).unwrap_or("");
    if ty == "string" {
        let what = match d.param_str(Param::Format).unwrap_or("") {
            format @ ("email" | "uri" | "uuid" | "binary") => format!("format.{format}"),
            _ => "format.other".to_owned(),
        };
        let what = say(lang, &what, &[]);
        return say(
            lang,
            "type-error.string",
            &[("cell", &cell), ("what", &what)],
        );
    }
    say(
        lang,
        "type-error",
        &[
            ("cell", &cell),
            ("expected", &Lazy(|| type_label(ty, lang))),
            ("form", &Lazy(|| expected_form(d, lang))),
            ("hint", &Lazy(|| hint(d, lang))),
        ],
    )
}

/// `constraint-error`, by constraint.
pub(super) fn constraint_error(d: &Diagnostic, lang: Lang) -> String {
    let constraint = d.param_str(Param::Constraint).unwrap_or("");
    let key = match constraint {
        "pattern" if d.param_str(Param::Reason) == Some("backtrack-limit") => {
            "constraint-error.pattern.backtrack-limit".to_owned()
        }
        c if CONSTRAINTS.contains(&c) => format!("constraint-error.{c}"),
        _ => "constraint-error.other".to_owned(),
    };
    let example = || {
        d.param_str(Param::Example)
            .map(|example| say(lang, "hint.example", &[("example", &example)]))
            .unwrap_or_default()
    };
    // A JSON value as JSON (a length is a number: `4`).
    let length = || {
        d.params
            .get(Param::Length)
            .map(|v| v.to_string())
            .unwrap_or_default()
    };
    say(
        lang,
        &key,
        &[
            ("cell", &d.cell.as_deref().unwrap_or("")),
            ("value", &Lazy(|| text(d.params.get(Param::Value)))),
            ("constraint", &constraint),
            ("length", &Lazy(length)),
            ("example", &Lazy(example)),
            ("more", &Lazy(|| more_values(d, lang))),
            ("hint", &Lazy(|| hint(d, lang))),
        ],
    )
}

/// `geopoint-swapped`: the point, and the swapped one as the hint.
pub(super) fn geopoint_swapped(d: &Diagnostic, lang: Lang) -> String {
    say(
        lang,
        "geopoint-swapped",
        &[
            ("cell", &d.cell.as_deref().unwrap_or("")),
            ("hint", &Lazy(|| hint(d, lang))),
        ],
    )
}
