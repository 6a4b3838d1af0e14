//! A single self-contained HTML page (no script, no external resource): the verdict, the
//! summary table, a bar chart of errors by column (inline SVG), the first rows with their
//! invalid cells highlighted (when the report kept rows), then the examples per group.

use super::junit::xml as esc;
use super::{RenderOptions, column_name, group_title, location, ui};
use crate::report::{Lang, Report};
use std::collections::HashMap;
use std::fmt::Write;

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2rem;color:#1e1e1e;max-width:80rem}\
h1{font-size:1.5rem}.ok{color:#18753c}.ko{color:#ce0500}\
table{border-collapse:collapse;margin:1rem 0}th,td{border:1px solid #ccc;padding:.25rem .5rem;text-align:left;vertical-align:top}\
th{background:#f3f3f3}td.num{text-align:right}td.bad{background:#ffe2e2;outline:2px solid #ce0500}\
.warn{color:#8a5a00}.cut{background:#fff4d6;padding:.5rem;border-left:4px solid #e8a400}\
code{background:#f3f3f3;padding:0 .2rem}svg text{font-size:12px;font-family:system-ui,sans-serif}";

/// The bar chart of errors by column, as inline SVG.
fn chart(report: &Report, lang: Lang) -> String {
    let columns = &report.summary.by_column;
    let max = columns.iter().map(|c| c.count).max().unwrap_or(0).max(1);
    let (label_w, bar_w, row_h) = (220usize, 420usize, 24usize);
    let height = columns.len() * row_h + 10;
    let mut svg = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"{}\" width=\"{}\" height=\"{height}\">",
        ui::word("by_column", lang),
        label_w + bar_w + 80
    );
    for (i, c) in columns.iter().enumerate() {
        let y = i * row_h + 5;
        let w = ((c.count as f64 / max as f64) * bar_w as f64).max(2.0) as usize;
        let name: String = c.field_name.chars().take(30).collect();
        let _ = write!(
            svg,
            "<text x=\"{}\" y=\"{}\" text-anchor=\"end\">{}</text><rect x=\"{label_w}\" y=\"{y}\" width=\"{w}\" height=\"{}\" fill=\"#ce0500\"><title>{} : {}</title></rect><text x=\"{}\" y=\"{}\">{}</text>",
            label_w - 6,
            y + 15,
            esc(&name),
            row_h - 6,
            esc(&c.field_name),
            c.count,
            label_w + w + 6,
            y + 15,
            c.count
        );
    }
    svg.push_str("</svg>");
    svg
}

/// The kept rows, their invalid cells highlighted and titled with the messages.
fn rows(report: &Report, o: &RenderOptions<'_>) -> String {
    let width = report.rows.iter().map(|r| r.cells.len()).max().unwrap_or(0);
    let mut bad: HashMap<(u64, usize), Vec<&str>> = HashMap::new();
    let mut row_only: HashMap<u64, Vec<&str>> = HashMap::new();
    for d in &report.errors {
        match (d.row, d.field_number) {
            (Some(r), Some(n)) => bad.entry((r, n)).or_default().push(&d.message),
            (Some(r), None) => row_only.entry(r).or_default().push(&d.message),
            _ => {}
        }
    }
    let mut t = format!(
        "<table class=\"rows\"><thead><tr><th>{}</th>",
        ui::word("row", o.lang)
    );
    for n in 1..=width {
        let _ = write!(t, "<th>{}</th>", esc(&column_name(o, n)));
    }
    t.push_str("</tr></thead><tbody>");
    for r in &report.rows {
        let title = row_only
            .get(&r.row)
            .map(|m| m.join("\n"))
            .unwrap_or_default();
        let _ = write!(t, "<tr><th title=\"{}\">{}</th>", esc(&title), r.row);
        for n in 1..=width {
            let text = r.cells.get(n - 1).map(String::as_str).unwrap_or("");
            match bad.get(&(r.row, n)) {
                Some(messages) => {
                    let _ = write!(
                        t,
                        "<td class=\"bad\" title=\"{}\">{}</td>",
                        esc(&messages.join("\n")),
                        esc(text)
                    );
                }
                None => {
                    let _ = write!(t, "<td>{}</td>", esc(text));
                }
            }
        }
        t.push_str("</tr>");
    }
    t.push_str("</tbody></table>");
    t
}

pub(super) fn render(report: &Report, o: &RenderOptions<'_>) -> String {
    let lang = o.lang;
    let w = |k| ui::word(k, lang);
    let html_lang = lang.tag();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{html_lang}\"><head><meta charset=\"utf-8\"><title>conforme — {}</title><style>{STYLE}</style></head><body>",
        esc(o.name)
    );
    let class = if report.valid { "ok" } else { "ko" };
    let _ = write!(
        out,
        "<h1 id=\"verdict\" class=\"{class}\">{}</h1><p><code>{}</code></p><p>{}</p>",
        esc(&ui::verdict(report, lang)),
        esc(o.name),
        esc(&ui::facts(report, lang))
    );
    let invalid_rows = ui::invalid_rows(report, lang);
    if !report.valid && !invalid_rows.is_empty() {
        let _ = write!(out, "<p>{}</p>", esc(&invalid_rows));
    }
    if report.masked {
        let _ = write!(out, "<p>{}</p>", esc(w("masked")));
    }
    if let Some(cut) = ui::truncation(report, lang) {
        let _ = write!(out, "<p class=\"cut\">{}</p>", esc(&cut));
    }
    if !report.warnings.is_empty() {
        let _ = write!(out, "<h2>{}</h2><ul>", w("warnings"));
        for d in &report.warnings {
            let _ = write!(out, "<li class=\"warn\">⚠ {}</li>", esc(&d.message));
        }
        out.push_str("</ul>");
    }
    let groups = &report.summary.groups;
    if !groups.is_empty() {
        let _ = write!(
            out,
            "<h2>{}</h2><table id=\"summary\"><thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            w("summary"),
            w("column"),
            w("type"),
            w("count")
        );
        for g in groups {
            let column = g
                .field_name
                .as_deref()
                .filter(|f| !f.is_empty())
                .unwrap_or(w("none"));
            let _ = write!(
                out,
                "<tr><td>{}</td><td><code>{}</code></td><td class=\"num\">{}</td></tr>",
                esc(column),
                esc(&g.code),
                g.count
            );
        }
        out.push_str("</tbody></table>");
    }
    if !report.summary.by_column.is_empty() {
        let _ = write!(out, "<h2>{}</h2>{}", w("by_column"), chart(report, lang));
    }
    if !report.rows.is_empty() {
        let _ = write!(out, "<h2>{}</h2>{}", w("rows"), rows(report, o));
    }
    if !groups.is_empty() {
        let _ = write!(out, "<h2>{}</h2>", w("errors"));
        for g in groups {
            let title = group_title(g.field_name.as_deref(), &g.code, lang);
            let _ = write!(
                out,
                "<h3>{} ({})</h3><ul>",
                esc(&title),
                esc(&ui::times(g.count, lang))
            );
            for e in &g.examples {
                let d = &report.errors[e.index];
                let _ = write!(
                    out,
                    "<li><strong>{}</strong> : {}</li>",
                    esc(&location(d, lang)),
                    esc(&d.message)
                );
            }
            let shown = g.examples.len() as u64;
            if g.count > shown {
                let _ = write!(out, "<li>{}</li>", esc(&ui::more(g.count - shown, lang)));
            }
            out.push_str("</ul>");
        }
    }
    out.push_str("</body></html>\n");
    out
}
