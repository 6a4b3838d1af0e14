//! `conforme validate`: any document (table, JSON document, Data Package) through the
//! engine's one door, printed in the chosen format.

use super::status;
use crate::Fatal;
use crate::args::{Format, ValidateArgs};
use crate::output::{StreamOut, language, print, print_with, style};
use crate::remote::{self, Remote};
use conforme::document::{self, DocumentError, DocumentReport, DocumentSchema};
use conforme::render::{self, RenderOptions};
use conforme::{Lang, ValidationOptions};
use serde_json::Value;
use std::path::Path;

/// The JSON value of a local file, if it is one.
pub(crate) fn read_value(path: &Path) -> Option<Value> {
    let bytes = std::fs::read(path).ok()?;
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
    serde_json::from_slice(bytes).ok()
}

/// Validates and prints; the status is 0 when valid, 1 when not.
pub(crate) fn run(remote: &Remote, args: &ValidateArgs) -> Result<u8, Fatal> {
    let lang = language(args.lang.as_deref())?;
    let options = args.options(lang)?;
    let data = &args.data;
    let name = data.display().to_string();
    let Some(schema_ref) = args.schema.as_deref() else {
        return package(data, &name, &options, args.format);
    };
    // A local JSON Schema checks a JSON document; anything else names a Table Schema.
    let schema_path = Path::new(schema_ref);
    if let Some(value) = read_value(schema_path).filter(conforme::json::is_json_schema) {
        let schema = DocumentSchema::from_value(&value, Some(schema_path), &options)
            .map_err(|e| Fatal(format!("schema {schema_ref}: {}", e.message(lang))))?;
        let report =
            remote::commands::validate_one(remote, &schema, &options, data, None).map_err(Fatal)?;
        return print_report(&report, &name, &[], &options, args.format);
    }
    let set = remote
        .load_schemas(schema_ref)
        .map_err(|e| Fatal(e.message(lang)))?;
    if set.all_versions {
        let format = match args.format {
            render::Format::Text => Format::Text,
            render::Format::Json => Format::Json,
            _ => {
                return Err(Fatal(
                    "checking every version (@all) prints a table: use --format text or json."
                        .into(),
                ));
            }
        };
        let (out, code) =
            remote::commands::validate_versions(remote, &set, data, &options, format, lang)
                .map_err(Fatal)?;
        print(&out)?;
        return Ok(code);
    }
    let table = set.schemas[0].schema.clone();
    let columns: Vec<String> = table
        .table()
        .fields
        .iter()
        .map(|f| f.name.clone())
        .collect();
    if args.valid_rows.is_some() || args.invalid_rows.is_some() {
        split_rows(args, &table, &options)?;
    }
    let schema = DocumentSchema::Table(table);
    if args.format.streams() {
        return stream_report(
            remote,
            &schema,
            &options,
            args.format,
            data,
            &name,
            &columns,
        );
    }
    if args.format == render::Format::Text {
        return text_report(remote, &schema, &options, data, &name, &columns);
    }
    let report =
        remote::commands::validate_one(remote, &schema, &options, data, None).map_err(Fatal)?;
    print_report(&report, &name, &columns, &options, args.format)
}

/// Text shows counts and the first examples of each group: errors are streamed and only
/// those the summary quotes are kept, so memory does not grow with the number of errors
/// (5 million duplicate keys took 5 GB when every error was kept for a 1 kB report).
fn text_report(
    remote: &Remote,
    schema: &DocumentSchema,
    options: &ValidationOptions,
    data: &Path,
    name: &str,
    columns: &[String],
) -> Result<u8, Fatal> {
    let mut examples = ExampleKeeper::default();
    let mut report = remote::commands::validate_one(
        remote,
        schema,
        options,
        data,
        Some(&mut |d| examples.add(d)),
    )
    .map_err(Fatal)?;
    if let DocumentReport::Single(r) = &mut report {
        examples.restore(r);
    }
    print_report(&report, name, columns, options, render::Format::Text)
}

/// The streamed errors a summary can quote: the first few of each (column, type) group.
#[derive(Default)]
struct ExampleKeeper {
    streamed: usize,
    per_group: std::collections::HashMap<(Option<usize>, conforme::ErrorCode), usize>,
    kept: std::collections::HashMap<usize, conforme::Diagnostic>,
}

impl ExampleKeeper {
    fn add(&mut self, d: conforme::Diagnostic) {
        let seen = self.per_group.entry((d.field_number, d.code)).or_default();
        if *seen < conforme::report::EXAMPLES_PER_GROUP {
            self.kept.insert(self.streamed, d);
        }
        *seen += 1;
        self.streamed += 1;
    }

    /// Gives `report` the errors its summary quotes, in place of those streamed. The
    /// summary numbers errors in file order, streamed ones first, then those the report
    /// kept (a spreadsheet's).
    fn restore(mut self, report: &mut conforme::Report) {
        let mut rest: Vec<Option<conforme::Diagnostic>> = std::mem::take(&mut report.errors)
            .into_iter()
            .map(Some)
            .collect();
        for group in &mut report.summary.groups {
            for example in &mut group.examples {
                let d = match example.index.checked_sub(self.streamed) {
                    Some(i) => rest.get_mut(i).and_then(Option::take),
                    None => self.kept.remove(&example.index),
                };
                if let Some(d) = d {
                    example.index = report.errors.len();
                    report.errors.push(d);
                }
            }
        }
    }
}

/// Formats with one line per error (`jsonl`, `github`): each error is written as soon as
/// its place in file order is final, so memory stays bounded whatever the number of errors
/// and a reader of the output sees the first ones while the file is still being read.
fn stream_report(
    remote: &Remote,
    schema: &DocumentSchema,
    options: &ValidationOptions,
    format: render::Format,
    data: &Path,
    name: &str,
    columns: &[String],
) -> Result<u8, Fatal> {
    let render_options = RenderOptions::new(name)
        .lang(options.language())
        .columns(columns)
        .style(style());
    let mut out = StreamOut::default();
    let report = remote::commands::validate_one(
        remote,
        schema,
        options,
        data,
        Some(&mut |d| {
            if let Some(line) = render::render_error(&d, format, &render_options) {
                out.write(&line);
            }
        }),
    )
    .map_err(Fatal)?;
    let DocumentReport::Single(report) = &report else {
        return print_report(&report, name, columns, options, format);
    };
    out.write(&render::render_end(report, format, &render_options));
    out.finish()?;
    Ok(status(report.valid))
}

/// No schema: the data must be a Data Package descriptor carrying its own.
fn package(
    data: &Path,
    name: &str,
    options: &ValidationOptions,
    format: render::Format,
) -> Result<u8, Fatal> {
    let lang = options.language();
    let no_schema = match lang {
        Lang::Fr => format!(
            "{name} : donnez le schéma avec --schema (seul un datapackage.json porte ses propres schémas)."
        ),
        Lang::En => format!(
            "{name}: give the schema with --schema (only a datapackage.json carries its own schemas)."
        ),
    };
    if data.as_os_str() == "-" {
        return Err(Fatal(no_schema));
    }
    let report = document::validate_path(data, None, options).map_err(|e| match e {
        DocumentError::NoSchema => Fatal(no_schema),
        DocumentError::Source(e) => Fatal(match lang {
            Lang::Fr => format!(
                "{no_schema} Le fichier ne peut pas être lu : {}",
                e.message(lang)
            ),
            Lang::En => format!("{no_schema} The file cannot be read: {e}"),
        }),
        e => Fatal(e.message(lang)),
    })?;
    print_report(&report, name, &[], options, format)
}

pub(crate) fn print_report(
    report: &DocumentReport,
    name: &str,
    columns: &[String],
    options: &ValidationOptions,
    format: render::Format,
) -> Result<u8, Fatal> {
    let render_options = RenderOptions::new(name)
        .lang(options.language())
        .columns(columns)
        .style(style());
    match report {
        DocumentReport::Single(r) => {
            print_with(|out| render::write(r, format, &render_options, out))?;
        }
        DocumentReport::Package(p) => print(
            &document::render_package(p, format, &render_options)
                .map_err(|e| Fatal(e.to_string()))?,
        )?,
    }
    Ok(status(report.valid()))
}

/// `--valid-rows` / `--invalid-rows`: the rows without and with errors, each to its file.
fn split_rows(
    args: &ValidateArgs,
    table: &conforme::Schema,
    options: &ValidationOptions,
) -> Result<(), Fatal> {
    use std::io::{BufWriter, Write};
    let data = &args.data;
    if data.as_os_str() == "-" || data.to_str().is_some_and(|d| d.contains("://")) {
        return Err(Fatal(
            "--valid-rows and --invalid-rows read a local file (not standard input or an address)."
                .into(),
        ));
    }
    let open = |path: &Option<std::path::PathBuf>| -> Result<Box<dyn Write>, Fatal> {
        match path {
            Some(p) => std::fs::File::create(p)
                .map(|f| Box::new(BufWriter::new(f)) as Box<dyn Write>)
                .map_err(|e| Fatal(format!("cannot create {}: {e}", p.display()))),
            None => Ok(Box::new(std::io::sink())),
        }
    };
    let (mut valid, mut invalid) = (open(&args.valid_rows)?, open(&args.invalid_rows)?);
    conforme::repair::split(
        conforme::repair::Input::Path(data),
        table,
        options,
        &mut valid,
        &mut invalid,
    )
    .map_err(|e| Fatal(format!("{}: {e}", data.display())))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::ExampleKeeper;
    use conforme::render::{Format, RenderOptions, render};

    /// The text of a streamed run, with only the quoted errors kept, is the text of the run
    /// that kept every error.
    #[test]
    fn streamed_text_quotes_the_same_examples() {
        let schema = conforme::Schema::from_slice(
            br#"{"fields": [{"name": "id", "type": "string"}, {"name": "n", "type": "integer"}], "primaryKey": "id"}"#,
        )
        .unwrap();
        let mut csv = String::from("id,n\n");
        for i in 0..3000 {
            let n = if i % 7 == 0 { "x" } else { "1" };
            csv.push_str(&format!("k{},{n}\n", i % 40));
        }
        let validator = conforme::Validator::new(&schema);
        let whole = validator.validate_slice(csv.as_bytes()).unwrap();
        let mut keeper = ExampleKeeper::default();
        let mut streamed = validator
            .validate_reader_streaming(csv.as_bytes(), &mut |d| keeper.add(d))
            .unwrap();
        let kept = keeper.kept.len();
        keeper.restore(&mut streamed);
        assert_eq!(kept, 10);
        assert_eq!(streamed.errors.len(), 10);
        let options = RenderOptions::new("data.csv");
        assert_eq!(
            render(&streamed, Format::Text, &options),
            render(&whole, Format::Text, &options)
        );
    }
}
