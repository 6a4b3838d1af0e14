//! JSON documents, Data Packages and `schema check`: the commands around JSON Schema,
//! packages and schema linting.

use crate::{Fatal, Format, language, print};
use clap::{Args, Subcommand};
use conforme::json::{Draft, JsonSchema, JsonSchemaOptions, JsonValidator, LocalDirectories};
use conforme::package::{PackageOptions, PackageReport};
use conforme::{Lang, Report, ValidationOptions};
use serde_json::Value;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Options for JSON Schemas.
#[derive(Args, Clone, Default)]
pub(crate) struct JsonArgs {
    /// Directory holding local copies of schemas referenced by URL (`$ref`); may be
    /// repeated. Looked up through its index.json map, then <dir>/<host>/<path>.
    #[arg(long)]
    pub schema_dir: Vec<PathBuf>,
    /// JSON Schema draft when the schema has no `$schema`, or to override it
    /// (4, 6, 7, 2019-09, 2020-12).
    #[arg(long)]
    pub draft: Option<String>,
    /// Do not assert JSON Schema `format` (asserted by default).
    #[arg(long)]
    pub no_format: bool,
}

#[derive(Subcommand)]
pub(crate) enum SchemaCommand {
    /// Lint a schema: misspelt keys, constraints that do not apply, half-anchored patterns,
    /// enum and example values that fail their field, unknown custom checks… Exit 1 when
    /// something is an error.
    Check {
        /// The schema (Table Schema JSON/YAML, or JSON Schema).
        schema: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
        /// Message language: fr or en (default: from LANG, else fr).
        #[arg(long)]
        lang: Option<String>,
        #[command(flatten)]
        json: JsonArgs,
    },
}

/// The JSON value of a local file, if it is one.
pub(crate) fn read_value(path: &Path) -> Option<Value> {
    let bytes = std::fs::read(path).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    serde_json::from_slice(bytes).ok()
}

fn json_options(args: &JsonArgs, schema_path: Option<&Path>) -> Result<JsonSchemaOptions, Fatal> {
    let draft = match args.draft.as_deref() {
        None => None,
        Some(name) => Some(Draft::from_name(name).ok_or_else(|| {
            Fatal(format!(
                "unknown JSON Schema draft {name:?}: use 4, 6, 7, 2019-09 or 2020-12."
            ))
        })?),
    };
    let mut dirs = args.schema_dir.clone();
    // The schema's own directory acts as a catalogue cache for the files it references.
    if let Some(parent) = schema_path.and_then(Path::parent) {
        dirs.push(if parent.as_os_str().is_empty() {
            PathBuf::from(".")
        } else {
            parent.to_owned()
        });
    }
    Ok(JsonSchemaOptions::default()
        .draft(draft)
        .retriever(LocalDirectories::new(dirs))
        .assert_formats(!args.no_format))
}

pub(crate) fn render_report(report: &Report, format: Format, name: &str, lang: Lang) -> String {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(report).expect("a report always serializes") + "\n"
        }
        Format::Text => text_report(report, name, lang),
    }
}

fn render_package(report: &PackageReport, format: Format, name: &str, lang: Lang) -> String {
    match format {
        Format::Json => {
            serde_json::to_string_pretty(report).expect("a report always serializes") + "\n"
        }
        Format::Text => {
            let n = report.resources.len();
            let mut out = match (report.valid, lang) {
                (true, Lang::Fr) => format!("Paquet de données valide — {name} ({n} ressources)\n"),
                (true, Lang::En) => format!("Valid data package — {name} ({n} resources)\n"),
                (false, Lang::Fr) => {
                    format!("Paquet de données invalide — {name} ({n} ressources)\n")
                }
                (false, Lang::En) => format!("Invalid data package — {name} ({n} resources)\n"),
            };
            for r in &report.resources {
                out.push('\n');
                let title = format!("{} ({})", r.name, r.path);
                out.push_str(&text_report(&r.report, &title, lang));
            }
            out
        }
    }
}

fn exit_for(valid: bool) -> ExitCode {
    if valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Validates `data` when it is a Data Package (no schema) or when `schema` is a local
/// JSON Schema; `None` when it is a table for the ordinary path.
pub(crate) fn try_validate(
    data: &Path,
    schema: Option<&str>,
    args: &JsonArgs,
    options: &ValidationOptions,
    format: Format,
    lang: Lang,
) -> Result<Option<ExitCode>, Fatal> {
    let name = data.display().to_string();
    let Some(schema) = schema else {
        let is_package = data.as_os_str() != "-"
            && read_value(data)
                .as_ref()
                .is_some_and(conforme::package::is_package);
        if !is_package {
            return Err(Fatal(format!(
                "{name}: give the schema with --schema (only a datapackage.json carries its own schemas)."
            )));
        }
        let json = json_options(args, Some(data))?;
        let package = PackageOptions {
            table: options.clone(),
            json,
        };
        let report = conforme::package::validate_package(data, &package)
            .map_err(|e| Fatal(e.to_string()))?;
        print(&render_package(&report, format, &name, lang));
        return Ok(Some(exit_for(report.valid)));
    };
    let schema_path = Path::new(schema);
    let Some(value) = read_value(schema_path).filter(conforme::json::is_json_schema) else {
        return Ok(None);
    };
    let json = json_options(args, Some(schema_path))?;
    let compiled =
        JsonSchema::compile(&value, &json).map_err(|e| Fatal(format!("schema {schema}: {e}")))?;
    let validator = JsonValidator::new(&compiled, options.clone());
    let result = if data.as_os_str() == "-" {
        validator.validate_reader(std::io::stdin())
    } else {
        validator.validate_path(data)
    };
    let report = result.map_err(|e| Fatal(format!("{name}: {e}")))?;
    print(&render_report(&report, format, &name, lang));
    Ok(Some(exit_for(report.valid)))
}

/// Lint warnings for a local Table Schema file (empty for anything else).
pub(crate) fn lint_warnings(schema: &str, lang: Lang) -> Vec<conforme::Diagnostic> {
    let Some(value) = read_value(Path::new(schema)) else {
        return Vec::new();
    };
    conforme::lint::lint_value(&value)
        .into_iter()
        .map(|f| {
            let mut d = f.into_warning();
            d.localize(lang);
            d
        })
        .collect()
}

/// `conforme schema check`.
pub(crate) fn schema_command(action: SchemaCommand) -> Result<ExitCode, Fatal> {
    let SchemaCommand::Check {
        schema,
        format,
        lang,
        json,
    } = action;
    let lang = language(lang.as_deref())?;
    let bytes = std::fs::read(&schema)
        .map_err(|e| Fatal(format!("cannot read {}: {e}", schema.display())))?;
    let value: Value = match read_value(&schema) {
        Some(v) => v,
        None => serde_yaml::from_slice(&bytes).map_err(|e| {
            Fatal(format!(
                "schema {}: neither JSON nor YAML: {e}",
                schema.display()
            ))
        })?,
    };
    let options = json_options(&json, Some(&schema))?;
    let mut report = conforme::lint::report(conforme::lint::lint_schema(&value, &options));
    report.localize(lang);
    print(&render_report(
        &report,
        format,
        &schema.display().to_string(),
        lang,
    ));
    Ok(exit_for(report.valid))
}

/// The text report, coloured on a terminal (as `validate` prints tables).
fn text_report(report: &Report, name: &str, lang: Lang) -> String {
    use conforme::render;
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let options = render::RenderOptions::new(name).lang(lang).style(if color {
        render::Style::ansi()
    } else {
        render::Style::plain()
    });
    render::render(report, render::Format::Text, &options)
}
