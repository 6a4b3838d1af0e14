//! JUnit XML: one test suite for the file, one test case per schema column (or per error
//! type without a column); each error is a `<failure>`.

use super::{RenderOptions, group_title, location, ui};
use crate::report::Report;
use std::fmt::Write;

/// Escapes text and attribute values.
pub(crate) fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\n' | '\t' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

pub(super) fn render(report: &Report, o: &RenderOptions<'_>) -> String {
    let (suite, cases, failures) = suite(report, o);
    document(&suite, cases, failures)
}

/// The whole XML document around test suites.
pub(crate) fn document(suites: &str, cases: usize, failures: usize) -> String {
    let mut out = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"conforme\" tests=\"{cases}\" failures=\"{failures}\">"
    );
    out.push_str(suites);
    let _ = writeln!(out, "</testsuites>");
    out
}

/// One `<testsuite>` for one report, with its test case and failure counts.
pub(crate) fn suite(report: &Report, o: &RenderOptions<'_>) -> (String, usize, usize) {
    let lang = o.lang;
    let groups = &report.summary.groups;
    let mut out = String::new();
    let cases = groups.len().max(1);
    let _ = writeln!(
        out,
        "  <testsuite name=\"{}\" tests=\"{cases}\" failures=\"{}\">",
        xml(o.name),
        groups.len()
    );
    let _ = writeln!(out, "    <properties>");
    let _ = writeln!(
        out,
        "      <property name=\"rows\" value=\"{}\"/>\n      <property name=\"errors\" value=\"{}\"/>\n      <property name=\"truncated\" value=\"{}\"/>",
        report.stats.rows, report.stats.error_count, report.stats.truncated
    );
    let _ = writeln!(out, "    </properties>");
    if groups.is_empty() {
        let _ = writeln!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\"/>",
            xml(o.name),
            xml(&ui::verdict(report, lang))
        );
    }
    for g in groups {
        let name = group_title(g.field_name.as_deref(), &g.code, lang);
        let _ = writeln!(
            out,
            "    <testcase classname=\"{}\" name=\"{}\">",
            xml(o.name),
            xml(&name)
        );
        let mut body = String::new();
        for e in &g.examples {
            let d = &report.errors[e.index];
            let _ = writeln!(
                body,
                "{}{} {}",
                location(d, lang),
                ui::colon(lang),
                d.message
            );
        }
        let shown = g.examples.len() as u64;
        if g.count > shown {
            let _ = writeln!(body, "{}", ui::more(g.count - shown, lang));
        }
        let _ = writeln!(
            out,
            "      <failure type=\"{}\" message=\"{} ({})\">{}</failure>",
            xml(&g.code),
            xml(&name),
            xml(&ui::times(g.count, lang)),
            xml(&body)
        );
        let _ = writeln!(out, "    </testcase>");
    }
    if let Some(cut) = ui::truncation(report, lang) {
        let _ = writeln!(out, "    <system-err>{}</system-err>", xml(&cut));
    }
    let _ = writeln!(out, "  </testsuite>");
    (out, cases, groups.len())
}
