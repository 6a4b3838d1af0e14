//! Text for people: the verdict first, then errors grouped by column and type, with counts,
//! examples located by row and line, and the fix hints (inside the messages).

use super::escape::escape_controls as safe;
use super::{RenderOptions, group_title, location, ui};
use crate::report::Report;
use std::fmt::Write;

/// Terminal styling: ANSI sequences, or nothing. The caller decides (TTY, `NO_COLOR`…).
///
/// ```
/// assert_eq!(conforme::render::Style::plain().bold, "");
/// assert_eq!(conforme::render::Style::ansi().reset, "\x1b[0m");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Style {
    /// Starts red text (errors).
    pub red: &'static str,
    /// Starts green text (valid).
    pub green: &'static str,
    /// Starts yellow text (warnings).
    pub yellow: &'static str,
    /// Starts bold text.
    pub bold: &'static str,
    /// Ends any of the above.
    pub reset: &'static str,
}

impl Style {
    /// No styling.
    pub const fn plain() -> Style {
        Style {
            red: "",
            green: "",
            yellow: "",
            bold: "",
            reset: "",
        }
    }

    /// ANSI colours.
    pub const fn ansi() -> Style {
        Style {
            red: "\x1b[31m",
            green: "\x1b[32m",
            yellow: "\x1b[33m",
            bold: "\x1b[1m",
            reset: "\x1b[0m",
        }
    }
}

pub(super) fn render(report: &Report, o: &RenderOptions<'_>) -> String {
    let Style {
        red,
        green,
        yellow,
        bold,
        reset,
    } = o.style;
    let lang = o.lang;
    let mut out = String::new();
    let colour = if report.valid { green } else { red };
    let _ = writeln!(
        out,
        "{colour}{bold}{}{reset} — {}",
        ui::verdict(report, lang),
        safe(o.name)
    );
    // Everything from the file (cells, labels, names) goes through `safe`: a cell must not
    // be able to send escape sequences to the terminal.
    let facts = ui::facts(report, lang);
    if !facts.is_empty() {
        let _ = writeln!(out, "{}", safe(&facts));
    }
    let invalid_rows = ui::invalid_rows(report, lang);
    if !report.valid && !invalid_rows.is_empty() {
        let _ = writeln!(out, "{invalid_rows}");
    }
    if report.masked {
        let _ = writeln!(out, "{}", ui::word("masked", lang));
    }
    for w in &report.warnings {
        let at = if w.row.is_some() {
            format!("{}{} ", location(w, lang), ui::colon(lang))
        } else {
            String::new()
        };
        let _ = writeln!(out, "{yellow}⚠ {at}{}{reset}", safe(&w.message));
    }
    for g in &report.summary.groups {
        let title = group_title(g.field_name.as_deref(), &g.code, lang);
        let title = safe(&title);
        let _ = writeln!(out, "\n{bold}{title} ({}){reset}", ui::times(g.count, lang));
        for e in &g.examples {
            let d = &report.errors[e.index];
            let _ = writeln!(
                out,
                "  {}{} {}",
                location(d, lang),
                ui::colon(lang),
                safe(&d.message)
            );
        }
        let shown = g.examples.len() as u64;
        if g.count > shown {
            let _ = writeln!(out, "  {}", ui::more(g.count - shown, lang));
        }
    }
    if let Some(cut) = ui::truncation(report, lang) {
        let _ = writeln!(out, "\n{yellow}{cut}{reset}");
    }
    out
}
