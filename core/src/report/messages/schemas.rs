//! Values of the schema and document messages (`schema-warning`, `schema-error`,
//! `resource-error`, `json-schema`).

use super::{capped_list, text};
use crate::report::catalogue::say;
use crate::report::{Diagnostic, Lang};
use serde_json::Value;

/// `schema-warning`, `schema-error`, `resource-error`: where, and the detail (the French
/// one when there is one).
pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let detail = match lang {
        Lang::Fr => d.params.get("detail_fr").or(d.params.get("detail")),
        Lang::En => d.params.get("detail"),
    };
    say(
        lang,
        d.code.as_str(),
        &[
            ("pointer", &text(d.params.get("pointer"))),
            ("resource", &text(d.params.get("resource"))),
            ("detail", &text(detail)),
        ],
    )
}

/// A JSON Schema error, by keyword.
pub(super) fn json_schema(d: &Diagnostic, lang: Lang) -> String {
    let at = match d.params.get("pointer").and_then(Value::as_str) {
        Some("") | None => say(lang, "json-schema.root", &[]),
        Some(pointer) => pointer.to_owned(),
    };
    let keyword = d.param_str("keyword").unwrap_or("");
    let key = match keyword {
        "required" | "type" | "enum" | "format" | "pattern" | "additionalProperties" => {
            format!("json-schema.{keyword}")
        }
        "minimum" | "exclusiveMinimum" => "json-schema.minimum".to_owned(),
        "maximum" | "exclusiveMaximum" => "json-schema.maximum".to_owned(),
        "anyOf" | "oneOf" => "json-schema.anyOf".to_owned(),
        _ => "json-schema.other".to_owned(),
    };
    let p = |k: &str| text(d.params.get(k));
    say(
        lang,
        &key,
        &[
            ("at", &at),
            ("keyword", &keyword),
            ("value", &d.cell.as_deref().unwrap_or("")),
            ("property", &p("property")),
            ("expected", &p("expected")),
            ("allowed", &capped_list(d.params.get("allowed"), lang)),
            ("format", &p("format")),
            ("pattern", &p("pattern")),
            ("unexpected", &p("unexpected")),
            ("limit", &p("limit")),
            ("detail", &p("detail")),
        ],
    )
}
