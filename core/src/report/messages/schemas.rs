//! Values of the schema and document messages (`schema-warning`, `schema-error`,
//! `resource-error`, `json-schema`).

use super::text;
use crate::report::catalogue::{Lazy, say};
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
            ("pointer", &Lazy(|| text(d.params.get("pointer")))),
            ("resource", &Lazy(|| text(d.params.get("resource")))),
            ("detail", &Lazy(|| text(detail))),
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
            ("property", &Lazy(|| p("property"))),
            ("expected", &Lazy(|| p("expected"))),
            (
                "allowed",
                &Lazy(|| capped_list(d.params.get("allowed"), lang)),
            ),
            ("format", &Lazy(|| p("format"))),
            ("pattern", &Lazy(|| p("pattern"))),
            ("unexpected", &Lazy(|| p("unexpected"))),
            ("limit", &Lazy(|| p("limit"))),
            ("detail", &Lazy(|| p("detail"))),
        ],
    )
}

/// A list quoted as `text` does, its first [`ENUM_VALUES_QUOTED`] items only and the rest
/// counted: a message must stay readable whatever the size of the list.
///
/// [`ENUM_VALUES_QUOTED`]: crate::limits::ENUM_VALUES_QUOTED
fn capped_list(v: Option<&Value>, lang: Lang) -> String {
    let limit = crate::limits::ENUM_VALUES_QUOTED;
    match v {
        Some(Value::Array(items)) if items.len() > limit => {
            let head = text(Some(&Value::Array(items[..limit].to_vec())));
            let rest = items.len() - limit;
            head + &say(lang, "list.more", &[("rest", &rest)])
        }
        other => text(other),
    }
}
