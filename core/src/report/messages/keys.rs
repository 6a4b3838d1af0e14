//! Values of the key messages (`unique-error`, `primary-key`, `foreign-key`).

use super::text;
use crate::report::Param;
use crate::report::catalogue::{Lazy, say};
use crate::report::{Diagnostic, ErrorCode, Lang};
use serde_json::Value;

pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let cell = d.cell.as_deref().unwrap_or("");
    let fields = text(d.params.get(Param::Fields));
    let first_row = text(d.params.get(Param::FirstRow));
    let key = match d.code {
        ErrorCode::UniqueError if d.params.contains_key(Param::Fields) => "unique-error.columns",
        ErrorCode::PrimaryKey if d.param_str(Param::Reason) == Some("null") => "primary-key.null",
        ErrorCode::ForeignKey => return foreign_key(d, lang, &fields),
        code => code.as_str(),
    };
    say(
        lang,
        key,
        &[
            ("cell", &cell),
            ("field", &d.field_name.as_deref().unwrap_or("")),
            ("fields", &fields),
            ("values", &Lazy(|| text(d.params.get(Param::Values)))),
            ("first_row", &first_row),
        ],
    )
}

/// The value not found, and in which table when the diagnostic says (`resource`, empty
/// for the table itself).
fn foreign_key(d: &Diagnostic, lang: Lang, fields: &str) -> String {
    match (&d.cell, d.params.get(Param::Resource)) {
        (Some(cell), Some(Value::String(resource))) => {
            let table = match resource.is_empty() {
                true => say(lang, "foreign-key.same-table", &[]),
                false => say(lang, "foreign-key.table", &[("resource", resource)]),
            };
            say(
                lang,
                "foreign-key.value",
                &[("cell", cell), ("fields", &fields), ("table", &table)],
            )
        }
        _ => say(lang, "foreign-key", &[("fields", &fields)]),
    }
}
