//! Values of the schema and document messages (`schema-warning`, `schema-error`,
//! `resource-error`, `json-schema`).

use super::text;
use crate::report::Param;
use crate::report::catalogue::{Lazy, say};
use crate::report::{Diagnostic, Lang};
use serde_json::Value;

/// `schema-warning`, `schema-error`, `resource-error`: where, and the detail (the French
/// one when there is one).
pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    let detail = match lang {
        Lang::Fr => d
            .params
            .get(Param::DetailFr)
            .or(d.params.get(Param::Detail)),
        Lang::En => d.params.get(Param::Detail),
    };
    say(
        lang,
        d.code.as_str(),
        &[
            ("pointer", &Lazy(|| text(d.params.get(Param::Pointer)))),
            ("resource", &Lazy(|| text(d.params.get(Param::Resource)))),
            ("detail", &Lazy(|| text(detail))),
        ],
    )
}

/// A JSON Schema error, by keyword.
pub(super) fn json_schema(d: &Diagnostic, lang: Lang) -> String {
    let at = match d.params.get(Param::Pointer).and_then(Value::as_str) {
        Some("") | None => say(lang, "json-schema.root", &[]),
        Some(pointer) => pointer.to_owned(),
    };
    let keyword = d.param_str(Param::Keyword).unwrap_or("");
    let key = match keyword {
        "required" | "type" | "enum" | "format" | "pattern" | "additionalProperties" => {
            format!("json-schema.{keyword}")
        }
        "minimum" | "exclusiveMinimum" => "json-schema.minimum".to_owned(),
        "maximum" | "exclusiveMaximum" => "json-schema.maximum".to_owned(),
        "anyOf" | "oneOf" => "json-schema.anyOf".to_owned(),
        _ => "json-schema.other".to_owned(),
    };
    let p = |k: Param| text(d.params.get(k));
    say(
        lang,
        &key,
        &[
            ("at", &at),
            ("keyword", &keyword),
            ("value", &d.cell.as_deref().unwrap_or("")),
            ("property", &Lazy(|| p(Param::Property))),
            ("expected", &Lazy(|| p(Param::Expected))),
            (
                "allowed",
                &Lazy(|| capped_list(d.params.get(Param::Allowed), lang)),
            ),
            ("format", &Lazy(|| p(Param::Format))),
            ("pattern", &Lazy(|| p(Param::Pattern))),
            ("unexpected", &Lazy(|| p(Param::Unexpected))),
            ("limit", &Lazy(|| p(Param::Limit))),
            ("detail", &Lazy(|| p(Param::Detail))),
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
