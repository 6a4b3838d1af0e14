//! The report in frictionless-py v5's shape (`Report.to_descriptor()`): one task per table,
//! camelCase keys, `title`/`tags`/`note` per error, so tools written for frictionless reports
//! read ours unchanged. Whole-row `cells` and header `labels` are not kept by conforme (it
//! validates in bounded memory), so they are empty lists.

use conforme::{Diagnostic, ErrorCode, Report};
use serde_json::{Map, Value, json};
use std::path::Path;

/// Title and tags frictionless gives each error type.
fn title_and_tags(code: ErrorCode) -> (&'static str, &'static [&'static str]) {
    const LABEL: &[&str] = &["#table", "#header", "#label"];
    const ROW: &[&str] = &["#table", "#row"];
    const CELL: &[&str] = &["#table", "#row", "#cell"];
    match code {
        ErrorCode::BlankLabel => ("Blank Label", LABEL),
        ErrorCode::DuplicateLabel => ("Duplicate Label", LABEL),
        ErrorCode::IncorrectLabel => ("Incorrect Label", LABEL),
        ErrorCode::MissingLabel => ("Missing Label", LABEL),
        ErrorCode::ExtraLabel => ("Extra Label", LABEL),
        ErrorCode::BlankRow => ("Blank Row", ROW),
        ErrorCode::PrimaryKey => ("PrimaryKey Error", ROW),
        ErrorCode::ForeignKey => ("ForeignKey Error", ROW),
        ErrorCode::ExtraCell => ("Extra Cell", CELL),
        ErrorCode::MissingCell => ("Missing Cell", CELL),
        ErrorCode::TypeError => ("Type Error", CELL),
        ErrorCode::ConstraintError => ("Constraint Error", CELL),
        ErrorCode::UniqueError => ("Unique Error", CELL),
        _ => ("Error", &[]),
    }
}

/// frictionless' `note`: the detail after the colon of its messages.
fn note(d: &Diagnostic) -> String {
    let text = |key: &str| match d.params.get(key) {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    match d.code {
        ErrorCode::TypeError => {
            let format = d.param_str("format").unwrap_or("default");
            format!("type is \"{}/{format}\"", text("type"))
        }
        ErrorCode::ConstraintError => {
            format!(
                "constraint \"{}\" is \"{}\"",
                text("constraint"),
                text("value")
            )
        }
        ErrorCode::UniqueError | ErrorCode::PrimaryKey if d.params.contains_key("first_row") => {
            format!("the same as in the row at position {}", text("first_row"))
        }
        _ => String::new(),
    }
}

fn error(d: &Diagnostic) -> Value {
    let (title, tags) = title_and_tags(d.code);
    let mut e = Map::new();
    e.insert("type".into(), json!(d.code.as_str()));
    e.insert("title".into(), json!(title));
    e.insert("description".into(), json!(""));
    e.insert("message".into(), json!(d.message));
    e.insert("tags".into(), json!(tags));
    e.insert("note".into(), json!(note(d)));
    if tags.contains(&"#label") {
        e.insert("labels".into(), json!([]));
        e.insert("rowNumbers".into(), json!([1]));
        e.insert("label".into(), json!(d.cell.clone().unwrap_or_default()));
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

/// The whole frictionless report for one validated table found at `place`.
pub(crate) fn report(r: &Report, place: &str, seconds: f64) -> Value {
    let name = Path::new(place)
        .file_stem()
        .and_then(|s| s.to_str())
        .filter(|s| !place.starts_with('<') && !s.is_empty())
        .unwrap_or("memory");
    let mut warnings: Vec<String> = r.warnings.iter().map(|w| w.message.clone()).collect();
    if r.stats.truncated {
        warnings.push(format!("reached error limit: {}", r.errors.len()));
    }
    let errors: Vec<Value> = r.errors.iter().map(error).collect();
    json!({
        "valid": r.valid,
        "stats": {"tasks": 1, "errors": errors.len(), "warnings": warnings.len(), "seconds": seconds},
        "warnings": [],
        "errors": [],
        "tasks": [{
            "name": name,
            "type": "table",
            "valid": r.valid,
            "place": place,
            "labels": [],
            "stats": {
                "errors": errors.len(),
                "warnings": warnings.len(),
                "seconds": seconds,
                "bytes": r.stats.bytes,
                "fields": r.stats.fields,
                "rows": r.stats.rows,
            },
            "warnings": warnings,
            "errors": errors,
        }],
    })
}
