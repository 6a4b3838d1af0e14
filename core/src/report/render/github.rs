//! GitHub Actions workflow commands: one `::error` annotation per error (written as each is
//! found when streamed), one `::warning` per warning, attached to the file and line, then a
//! closing `::notice` with the verdict (and where the list was cut).

use super::{RenderOptions, ui};
use crate::report::{Diagnostic, Report, Severity};
use std::fmt::Write;

/// Escapes a property value (`file=`, `title=`) of a workflow command.
fn property(s: &str) -> String {
    message(s).replace(':', "%3A").replace(',', "%2C")
}

/// Escapes a workflow command message.
fn message(s: &str) -> String {
    s.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

pub(super) fn annotation(out: &mut String, d: &Diagnostic, o: &RenderOptions<'_>) {
    let level = match d.code.severity() {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut props = format!("file={}", property(o.name));
    if let Some(line) = d.line {
        let _ = write!(props, ",line={line}");
    }
    if let Some(col) = d.field_number {
        let _ = write!(props, ",col={col}");
    }
    let title = match &d.field_name {
        Some(f) if !f.is_empty() => format!("{} ({f})", d.code),
        _ => d.code.to_string(),
    };
    let _ = write!(props, ",title={}", property(&title));
    let _ = writeln!(out, "::{level} {props}::{}", message(&d.message));
}

pub(super) fn render(report: &Report, o: &RenderOptions<'_>) -> String {
    let mut out = String::new();
    for d in &report.errors {
        annotation(&mut out, d, o);
    }
    out + &render_end(report, o)
}

/// Everything after the errors: warnings, then the closing notice.
pub(super) fn render_end(report: &Report, o: &RenderOptions<'_>) -> String {
    let mut out = String::new();
    for d in &report.warnings {
        annotation(&mut out, d, o);
    }
    let mut notice = format!("{} — {}", ui::verdict(report, o.lang), o.name);
    if let Some(cut) = ui::truncation(report, o.lang) {
        notice = format!("{notice}. {cut}");
    }
    let _ = writeln!(out, "::notice title=conforme::{}", message(&notice));
    out
}
