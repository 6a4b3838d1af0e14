//! The frictionless-py v5 report shape (`frictionless validate --json`,
//! `Report.to_descriptor()`): one task per table, camelCase keys, frictionless' `title`,
//! `tags` and `note` per error, so tools written for frictionless reports read ours
//! unchanged. Whole-row `cells` and an error's header `labels` are not kept (validation
//! runs in bounded memory): they are empty lists; the task's `labels` are the schema's
//! columns when the caller gives them. The one renderer of this shape: the command and Python both use it.

use super::RenderOptions;
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode, Report};
use serde_json::{Map, Value, json};
use std::path::Path;

const LABEL: &[&str] = &["#table", "#header", "#label"];
const ROW: &[&str] = &["#table", "#row"];
const CELL: &[&str] = &["#table", "#row", "#cell"];

/// The title and tags frictionless gives each error type (its own spelling: "PrimaryKey
/// Error"); conforme's own types get a title made from their code.
fn title_and_tags(d: &Diagnostic) -> (String, &'static [&'static str]) {
    let known = match d.code {
        ErrorCode::BlankLabel => Some(("Blank Label", LABEL)),
        ErrorCode::DuplicateLabel => Some(("Duplicate Label", LABEL)),
        ErrorCode::IncorrectLabel => Some(("Incorrect Label", LABEL)),
        ErrorCode::MissingLabel => Some(("Missing Label", LABEL)),
        ErrorCode::ExtraLabel => Some(("Extra Label", LABEL)),
        ErrorCode::BlankRow => Some(("Blank Row", ROW)),
        ErrorCode::PrimaryKey => Some(("PrimaryKey Error", ROW)),
        ErrorCode::ForeignKey => Some(("ForeignKey Error", ROW)),
        ErrorCode::ExtraCell => Some(("Extra Cell", CELL)),
        ErrorCode::MissingCell => Some(("Missing Cell", CELL)),
        ErrorCode::TypeError => Some(("Type Error", CELL)),
        ErrorCode::ConstraintError => Some(("Constraint Error", CELL)),
        ErrorCode::UniqueError => Some(("Unique Error", CELL)),
        // Validata's title for the frformat referential checks.
        ErrorCode::CustomCheckError => Some(("Format Invalide", CELL)),
        _ => None,
    };
    if let Some((title, tags)) = known {
        return (title.to_owned(), tags);
    }
    let tags: &[&str] = match (d.field_number, d.row) {
        (Some(_), Some(_)) => CELL,
        (None, Some(_)) => ROW,
        _ => &["#table"],
    };
    (title_of(d.code.as_str()), tags)
}

/// `french-siret-value` → `French Siret Value`.
fn title_of(code: &str) -> String {
    code.split('-')
        .map(|w| {
            let mut c = w.chars();
            c.next()
                .map(|f| f.to_uppercase().chain(c).collect())
                .unwrap_or_default()
        })
        .collect::<Vec<String>>()
        .join(" ")
}

fn text(d: &Diagnostic, key: Param) -> String {
    match d.params.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    }
}

/// frictionless' `note`: `constraint "pattern" is "^\d+$"`, `type is "date/default"`.
fn note(d: &Diagnostic) -> String {
    match d.code {
        ErrorCode::TypeError => format!(
            "type is \"{}/{}\"",
            text(d, Param::Type),
            d.param_str(Param::Format).unwrap_or("default")
        ),
        ErrorCode::ConstraintError => format!(
            "constraint \"{}\" is \"{}\"",
            text(d, Param::Constraint),
            text(d, Param::Value)
        ),
        ErrorCode::UniqueError | ErrorCode::PrimaryKey
            if d.params.contains_key(Param::FirstRow) =>
        {
            format!(
                "the same as in the row at position {}",
                text(d, Param::FirstRow)
            )
        }
        _ => String::new(),
    }
}

fn error(d: &Diagnostic) -> Value {
    let (title, tags) = title_and_tags(d);
    let mut e = Map::new();
    e.insert("type".into(), json!(d.code.as_str()));
    e.insert("title".into(), json!(title));
    e.insert("description".into(), json!(""));
    e.insert("message".into(), json!(d.message));
    e.insert("tags".into(), json!(tags));
    e.insert("note".into(), json!(note(d)));
    if tags.contains(&"#label") {
        // The file's labels are not kept (bounded memory): an empty list, as for `cells`.
        e.insert("labels".into(), json!([]));
        e.insert("rowNumbers".into(), json!([d.row.unwrap_or(1)]));
        let label = d
            .param_str(Param::Label)
            .map(str::to_owned)
            .or_else(|| d.cell.clone())
            .unwrap_or_default();
        e.insert("label".into(), json!(label));
    } else if tags.contains(&"#row") {
        e.insert("cells".into(), json!([]));
        e.insert("rowNumber".into(), json!(d.row));
    }
    if tags.contains(&"#cell") {
        e.insert("cell".into(), json!(d.cell.clone().unwrap_or_default()));
    }
    if tags.contains(&"#cell") || tags.contains(&"#label") {
        e.insert(
            "fieldName".into(),
            json!(d.field_name.clone().unwrap_or_default()),
        );
        e.insert("fieldNumber".into(), json!(d.field_number));
    }
    Value::Object(e)
}

/// The report as a frictionless JSON value (what [`render`] prints).
pub(crate) fn value(report: &Report, o: &RenderOptions<'_>) -> Value {
    let name = Path::new(o.name)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !o.name.starts_with('<') && !s.is_empty())
        .unwrap_or("memory");
    let mut warnings: Vec<String> = report.warnings.iter().map(|w| w.message.clone()).collect();
    if report.stats.truncated {
        warnings.push(format!("reached error limit: {}", report.errors.len()));
    }
    let errors: Vec<Value> = report.errors.iter().map(error).collect();
    json!({
        "valid": report.valid,
        "stats": {"tasks": 1, "errors": errors.len(), "warnings": warnings.len(), "seconds": o.seconds},
        "warnings": [],
        "errors": [],
        "tasks": [{
            "name": name,
            "type": "table",
            "valid": report.valid,
            "place": o.name,
            "labels": o.columns,
            "stats": {
                "errors": errors.len(),
                "warnings": warnings.len(),
                "seconds": o.seconds,
                "bytes": report.stats.bytes,
                "fields": report.stats.fields,
                "rows": report.stats.rows,
            },
            "warnings": warnings,
            "errors": errors,
        }],
    })
}

pub(super) fn render(report: &Report, o: &RenderOptions<'_>) -> String {
    serde_json::to_string_pretty(&value(report, o)).expect("JSON values serialize") + "\n"
}
