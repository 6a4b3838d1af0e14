//! Markdown for a pull request or a ticket: verdict, summary table, then the first examples
//! of each (column, type) group.

use super::escape::{markdown_html, markdown_text};
use super::{RenderOptions, location, ui};
use crate::report::Report;
use std::fmt::Write;

/// Makes text safe inside a Markdown table cell (GitHub reads `|` as a cell border even
/// inside a code span).
fn cell(s: &str) -> String {
    markdown_text(s).replace('|', "\\|").replace("\\\\|", "\\|")
}

pub(super) fn render(report: &Report, o: &RenderOptions<'_>) -> String {
    let lang = o.lang;
    let w = |k| ui::word(k, lang);
    let mut out = String::new();
    // Cells, labels and names come from the file: every one goes through `markdown_text`
    // (or `markdown_html` inside HTML), so none becomes a tag, a link or an image.
    let _ = writeln!(
        out,
        "### {} — {}\n",
        ui::verdict(report, lang),
        markdown_text(&format!("`{}`", o.name.replace('`', "'")))
    );
    let facts = ui::facts(report, lang);
    if !facts.is_empty() {
        let _ = writeln!(out, "{}", markdown_text(&facts));
    }
    let invalid_rows = ui::invalid_rows(report, lang);
    if !report.valid && !invalid_rows.is_empty() {
        let _ = writeln!(out, "\n{invalid_rows}");
    }
    if report.masked {
        let _ = writeln!(out, "\n{}", w("masked"));
    }
    if let Some(cut) = ui::truncation(report, lang) {
        let _ = writeln!(out, "\n> **{cut}**");
    }
    if !report.warnings.is_empty() {
        let _ = writeln!(out, "\n#### {}\n", w("warnings"));
        for d in &report.warnings {
            let _ = writeln!(out, "- ⚠ {}", markdown_text(&d.message));
        }
    }
    let groups = &report.summary.groups;
    if groups.is_empty() {
        return out;
    }
    let _ = writeln!(out, "\n#### {}\n", w("summary"));
    let _ = writeln!(out, "| {} | {} | {} |", w("column"), w("type"), w("count"));
    let _ = writeln!(out, "|---|---|---:|");
    for g in groups {
        let column = match &g.field_name {
            Some(f) if !f.is_empty() => cell(&format!("`{}`", f.replace('`', "'"))),
            _ => w("none").to_owned(),
        };
        let _ = writeln!(out, "| {column} | `{}` | {} |", g.code, g.count);
    }
    let _ = writeln!(out, "\n#### {}\n", w("errors"));
    for g in groups {
        let title = super::group_title(g.field_name.as_deref(), &g.code, lang);
        let _ = writeln!(
            out,
            "<details><summary>{} ({})</summary>\n",
            markdown_html(&title),
            ui::times(g.count, lang)
        );
        for e in &g.examples {
            let d = &report.errors[e.index];
            let _ = writeln!(
                out,
                "- **{}** : {}",
                location(d, lang),
                markdown_text(&d.message)
            );
        }
        let shown = g.examples.len() as u64;
        if g.count > shown {
            let _ = writeln!(out, "- {}", ui::more(g.count - shown, lang));
        }
        let _ = writeln!(out, "\n</details>\n");
    }
    out
}
