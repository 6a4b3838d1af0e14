//! The frictionless-py v5 report shape (`frictionless validate --json`): one task for the
//! table, errors with frictionless' keys (`rowNumber`, `fieldName`, `fieldNumber`, `note`…).

use super::RenderOptions;
use crate::report::{Diagnostic, Report};
use serde_json::{Value, json};
use std::path::Path;

fn tags(d: &Diagnostic) -> Vec<&'static str> {
    let code = d.code.as_str();
    if code.ends_with("-label") {
        vec!["#table", "#header", "#label"]
    } else if matches!(code, "blank-row" | "primary-key" | "foreign-key") {
        vec!["#table", "#row"]
    } else if d.field_number.is_some() {
        vec!["#table", "#row", "#cell"]
    } else {
        vec!["#table"]
    }
}

fn title(code: &str) -> String {
    let mut t = code.replace('-', " ");
    if let Some(first) = t.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    t
}

/// frictionless' `note`: `constraint "pattern" is "^\d+$"`, `type is "date/default"`.
fn note(d: &Diagnostic) -> String {
    match d.code.as_str() {
        "type-error" => format!(
            "type is \"{}/{}\"",
            d.param_str("type").unwrap_or(""),
            d.param_str("format").unwrap_or("default")
        ),
        "constraint-error" => {
            let value = match d.params.get("value") {
                Some(Value::String(s)) => s.clone(),
                Some(v) => v.to_string(),
                None => String::new(),
            };
            format!(
                "constraint \"{}\" is \"{value}\"",
                d.param_str("constraint").unwrap_or("")
            )
        }
        "unique-error" | "primary-key" => match d.params.get("first_row") {
            Some(r) => format!("the same as in the row at position {r}"),
            None => String::new(),
        },
        _ => String::new(),
    }
}

fn error(d: &Diagnostic) -> Value {
    let mut e = json!({
        "type": d.code.as_str(),
        "title": title(d.code.as_str()),
        "description": "",
        "message": d.message,
        "tags": tags(d),
        "note": note(d),
    });
    let map = e.as_object_mut().expect("an object");
    if let Some(r) = d.row {
        if d.code.as_str().ends_with("-label") {
            map.insert("rowNumbers".into(), json!([r]));
        } else {
            map.insert("rowNumber".into(), json!(r));
        }
    }
    if let Some(n) = d.field_number {
        map.insert("fieldNumber".into(), json!(n));
    }
    if let Some(f) = &d.field_name {
        map.insert("fieldName".into(), json!(f));
    }
    if let Some(c) = &d.cell {
        map.insert("cell".into(), json!(c));
    }
    if let Some(l) = d.param_str("label") {
        map.insert("label".into(), json!(l));
    }
    e
}

pub(super) fn render(report: &Report, o: &RenderOptions<'_>) -> String {
    let s = &report.stats;
    let name = Path::new(o.name)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| o.name.to_owned());
    let mut task_warnings: Vec<String> =
        report.warnings.iter().map(|w| w.message.clone()).collect();
    if s.truncated {
        task_warnings.push(format!("reached error limit: {}", s.error_count));
    }
    let errors: Vec<Value> = report.errors.iter().map(error).collect();
    let out = json!({
        "valid": report.valid,
        "stats": {"tasks": 1, "errors": s.error_count, "warnings": task_warnings.len(), "seconds": 0.0},
        "warnings": [],
        "errors": [],
        "tasks": [{
            "name": name,
            "type": "table",
            "valid": report.valid,
            "place": o.name,
            "labels": o.columns,
            "stats": {
                "errors": s.error_count,
                "warnings": task_warnings.len(),
                "seconds": 0.0,
                "bytes": s.bytes,
                "fields": s.fields,
                "rows": s.rows,
            },
            "warnings": task_warnings,
            "errors": errors,
        }],
    });
    serde_json::to_string_pretty(&out).expect("JSON values serialize") + "\n"
}
