//! `conforme schema check`: lint a Table Schema or a JSON Schema.

use super::status;
use crate::Fatal;
use crate::args::{Format, SchemaCommand};
use crate::output::{io_text, language, print, say, style};
use conforme::render::{self, RenderOptions};
use serde_json::Value;

/// Lints the schema and prints the findings.
pub(crate) fn run(action: SchemaCommand) -> Result<u8, Fatal> {
    let SchemaCommand::Check {
        schema,
        format,
        lang,
        json,
    } = action;
    let lang = language(lang.as_deref())?;
    let bytes = std::fs::read(&schema).map_err(|e| {
        let (path, e) = (schema.display(), io_text(&e, lang));
        Fatal(say(
            lang,
            format!("impossible de lire {path} : {e}"),
            format!("cannot read {path}: {e}"),
        ))
    })?;
    let value: Value = match super::validate::read_value(&schema) {
        Some(v) => v,
        None => serde_yaml::from_slice(&bytes).map_err(|e| {
            let path = schema.display();
            Fatal(say(
                lang,
                format!("schéma {path} : ce n'est ni du JSON ni du YAML valide : {e}"),
                format!("schema {path}: neither JSON nor YAML: {e}"),
            ))
        })?,
    };
    let options = conforme::json::JsonSchemaOptions::from_options(&json.options()?, Some(&schema));
    let mut report = conforme::lint::report(conforme::lint::lint_schema(&value, &options));
    report.localize(lang);
    let name = schema.display().to_string();
    let out = match format {
        Format::Json => render::render(&report, render::Format::Json, &RenderOptions::new(&name)),
        Format::Text => render::render(
            &report,
            render::Format::Text,
            &RenderOptions::new(&name).lang(lang).style(style()),
        ),
    };
    print(&out)?;
    Ok(status(report.valid))
}
