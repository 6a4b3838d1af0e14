//! The native JSON report (versioned; its JSON Schema is `schemas/report.schema.json`).

use crate::report::Report;

pub(super) fn render(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("a report always serializes") + "\n"
}
