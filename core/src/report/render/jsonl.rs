//! JSON Lines: one error per line (written as each is found when streamed), then one line
//! per warning, then one line with the verdict, the stats and the summary. Each line is a
//! diagnostic as in the JSON report, plus `"severity"`.

use crate::report::{Diagnostic, Report, Severity};
use serde_json::json;

/// One diagnostic as one JSON line (with its newline), for callers that write errors as
/// they come.
///
/// ```
/// use conforme::{Diagnostic, ErrorCode};
/// let line = conforme::render::jsonl_line(&Diagnostic::new(ErrorCode::BlankRow).at_row(3, 3));
/// assert!(line.starts_with("{\"severity\":\"error\",\"type\":\"blank-row\""));
/// assert!(line.ends_with("}\n"));
/// ```
pub fn write_diagnostic(d: &Diagnostic) -> String {
    let severity = match d.code.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut value = json!({ "severity": severity });
    if let (Some(map), Ok(serde_json::Value::Object(fields))) =
        (value.as_object_mut(), serde_json::to_value(d))
    {
        map.extend(fields);
    }
    value.to_string() + "\n"
}

pub(super) fn render(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.errors {
        out.push_str(&write_diagnostic(d));
    }
    out + &render_end(report)
}

/// Everything after the errors: warnings, then the summary line.
pub(super) fn render_end(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.warnings {
        out.push_str(&write_diagnostic(d));
    }
    let end = json!({
        "severity": "summary",
        "version": report.version,
        "valid": report.valid,
        "stats": report.stats,
        "summary": {
            "invalid_rows": report.summary.invalid_rows,
            "by_type": report.summary.by_type,
            "by_column": report.summary.by_column,
        },
    });
    out.push_str(&end.to_string());
    out.push('\n');
    out
}
