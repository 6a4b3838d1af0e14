//! A package report in every output format: the same renderers as for one table, one
//! section (or task, or test suite) per resource.

use super::DocumentError;
use crate::package::{PackageReport, ResourceReport};
use crate::render::{Format, RenderOptions, frictionless_value, jsonl_line, render};
use crate::report::Lang;
use serde_json::{Value, json};
use std::path::Path;

/// Renders a package report in `format`; `options.name` is the descriptor's path (resource
/// paths are shown relative to its folder). Every format but HTML (one page per table) is
/// available.
///
/// ```no_run
/// use conforme::render::{Format, RenderOptions};
/// let report = conforme::package::validate_package("datapackage.json", &Default::default()).unwrap();
/// let text = conforme::document::render_package(&report, Format::Markdown, &RenderOptions::new("datapackage.json")).unwrap();
/// # let _ = text;
/// ```
pub fn render_package(
    report: &PackageReport,
    format: Format,
    options: &RenderOptions<'_>,
) -> Result<String, DocumentError> {
    let base = Path::new(options.name)
        .parent()
        .filter(|p| !p.as_os_str().is_empty());
    let place = |r: &ResourceReport| match base {
        Some(dir) => dir.join(&r.path).display().to_string(),
        None => r.path.clone(),
    };
    let n = report.resources.len();
    let name = options.name;
    Ok(match format {
        Format::Json => {
            serde_json::to_string_pretty(report).expect("a report always serializes") + "\n"
        }
        Format::Text | Format::Markdown => {
            let title = match (report.valid, options.lang) {
                (true, Lang::Fr) => format!("Paquet de données valide — {name} ({n} ressources)"),
                (true, Lang::En) => format!("Valid data package — {name} ({n} resources)"),
                (false, Lang::Fr) => {
                    format!("Paquet de données invalide — {name} ({n} ressources)")
                }
                (false, Lang::En) => format!("Invalid data package — {name} ({n} resources)"),
            };
            let mut out = if format == Format::Markdown {
                format!("# {title}\n")
            } else {
                title + "\n"
            };
            for r in &report.resources {
                out.push('\n');
                let title = format!("{} ({})", r.name, r.path);
                let o = RenderOptions {
                    name: &title,
                    ..options.clone()
                };
                out.push_str(&render(&r.report, format, &o));
            }
            out
        }
        Format::Github => {
            let mut out = String::new();
            for r in &report.resources {
                let place = place(r);
                let o = RenderOptions {
                    name: &place,
                    ..options.clone()
                };
                out.push_str(&render(&r.report, format, &o));
            }
            out
        }
        Format::Jsonl => {
            let mut out = String::new();
            for r in &report.resources {
                for d in r.report.warnings.iter().chain(&r.report.errors) {
                    let line = jsonl_line(d);
                    let mut value: Value =
                        serde_json::from_str(&line).expect("a JSON line reads back");
                    value["resource"] = json!(r.name);
                    out.push_str(&value.to_string());
                    out.push('\n');
                }
            }
            let resources: Vec<Value> = report
                .resources
                .iter()
                .map(|r| json!({"name": r.name, "path": r.path, "valid": r.report.valid, "stats": r.report.stats}))
                .collect();
            let end = json!({"severity": "summary", "valid": report.valid, "resources": resources});
            out.push_str(&end.to_string());
            out.push('\n');
            out
        }
        Format::Junit => {
            let (mut suites, mut cases, mut failures) = (String::new(), 0, 0);
            for r in &report.resources {
                let place = place(r);
                let o = RenderOptions {
                    name: &place,
                    ..options.clone()
                };
                let (suite, c, f) = crate::report::render::junit::suite(&r.report, &o);
                suites.push_str(&suite);
                cases += c;
                failures += f;
            }
            crate::report::render::junit::document(&suites, cases, failures)
        }
        Format::Frictionless => {
            let mut tasks = Vec::new();
            let (mut errors, mut warnings) = (0u64, 0u64);
            for r in &report.resources {
                let place = place(r);
                let o = RenderOptions {
                    name: &place,
                    ..options.clone()
                };
                let mut one = frictionless_value(&r.report, &o);
                errors += one["stats"]["errors"].as_u64().unwrap_or(0);
                warnings += one["stats"]["warnings"].as_u64().unwrap_or(0);
                let mut task = one["tasks"][0].take();
                task["name"] = json!(r.name);
                tasks.push(task);
            }
            let out = json!({
                "valid": report.valid,
                "stats": {"tasks": tasks.len(), "errors": errors, "warnings": warnings, "seconds": options.seconds},
                "warnings": [],
                "errors": [],
                "tasks": tasks,
            });
            serde_json::to_string_pretty(&out).expect("JSON values serialize") + "\n"
        }
        Format::Html => {
            return Err(DocumentError::FormatNotAvailable {
                format: format.name(),
                kind: "a Data Package",
            });
        }
    })
}
