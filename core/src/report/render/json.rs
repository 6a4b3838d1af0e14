//! The native JSON report (versioned; its JSON Schema is `schemas/report.schema.json`).

use crate::report::Report;
use std::io::Write as _;

pub(super) fn render(report: &Report) -> String {
    serde_json::to_string_pretty(report).expect("a report always serializes") + "\n"
}

/// Writes the report without building the text in memory first (for a report of many
/// errors, the text is larger than the errors themselves).
pub(super) fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    serde_json::to_writer_pretty(&mut out, report)?;
    out.write_all(b"\n")?;
    out.flush()
}
