// `conforme`: check CSV files against the schemas of schema.data.gouv.fr.
//
// Exit status: 0 valid, 1 invalid, 2 usage error, unreadable input or unusable schema.

mod documents;
mod generate;
mod progress;
mod remote;

use clap::{Parser, Subcommand, ValueEnum};
use conforme::{ErrorCode, HeaderProfile, Lang, ValidationOptions, Validator, render};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "conforme",
    version,
    about = "Vérifie des fichiers CSV par rapport aux schémas de schema.data.gouv.fr / Checks CSV files against schema.data.gouv.fr schemas"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    #[command(flatten)]
    remote: remote::RemoteArgs,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Readable by people (default).
    Text,
    /// One JSON object: the report.
    Json,
}

/// Output formats of `validate`.
#[derive(Clone, Copy, ValueEnum)]
enum ReportFormat {
    /// Readable by people: grouped by column and type, with counts, examples and hints
    /// (default; colours on a terminal).
    Text,
    /// The native JSON report, versioned (schemas/report.schema.json).
    Json,
    /// The frictionless-py v5 report shape.
    Frictionless,
    /// One JSON object per error, then a summary line.
    Jsonl,
    /// GitHub Actions workflow annotations.
    Github,
    /// JUnit XML, one test case per column and error type.
    Junit,
    /// Markdown, for a pull request or a ticket.
    Markdown,
    /// One self-contained HTML page with a chart and the first rows with errors.
    Html,
}

impl ReportFormat {
    /// JSON documents and packages print the native JSON report or text.
    fn documents(self) -> Format {
        match self {
            ReportFormat::Json => Format::Json,
            _ => Format::Text,
        }
    }

    fn core(self) -> render::Format {
        match self {
            ReportFormat::Text => render::Format::Text,
            ReportFormat::Json => render::Format::Json,
            ReportFormat::Frictionless => render::Format::Frictionless,
            ReportFormat::Jsonl => render::Format::Jsonl,
            ReportFormat::Github => render::Format::Github,
            ReportFormat::Junit => render::Format::Junit,
            ReportFormat::Markdown => render::Format::Markdown,
            ReportFormat::Html => render::Format::Html,
        }
    }
}

/// Rows with errors whose cells the HTML page shows.
const HTML_ROWS: usize = 50;

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
enum Command {
    /// Validate a data file against a schema.
    Validate {
        /// The data file (`-` reads standard input), or its http(s) address: CSV, JSON,
        /// GeoJSON, or a `datapackage.json` (then no --schema).
        data: PathBuf,
        /// The schema: a Table Schema (JSON or YAML file, http(s) address, or catalogue name
        /// org/name, org/name@2.3.1, org/name@latest, org/name@all) for CSV, or a local
        /// JSON Schema file for JSON documents.
        #[arg(long, short)]
        schema: Option<String>,
        #[command(flatten)]
        json: documents::JsonArgs,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: ReportFormat,
        /// Stop after this many errors (the report then says that the list is cut).
        #[arg(long)]
        max_errors: Option<usize>,
        /// Keep cell values (personal data) out of the report: cells, quoted values and
        /// hints are replaced by •••.
        #[arg(long)]
        mask_cells: bool,
        /// Worker threads (default: one per core).
        #[arg(long)]
        threads: Option<usize>,
        /// Message language: fr or en (default: from LANG, else fr).
        #[arg(long)]
        lang: Option<String>,
        /// Force the input encoding (utf-8, windows-1252, latin1…).
        #[arg(long)]
        encoding: Option<String>,
        /// Force the delimiter (one character; `\t` for tab).
        #[arg(long)]
        delimiter: Option<String>,
        /// Longest record accepted, in bytes.
        #[arg(long, default_value_t = 64 << 20)]
        max_record_bytes: usize,
        /// Header matching when the schema has no fieldsMatch: `schema.data.gouv.fr`
        /// (by name; missing optional, extra and reordered columns are warnings) or
        /// `strict` (by position, as frictionless).
        #[arg(long, default_value = "schema.data.gouv.fr")]
        profile: String,
        /// Match header labels to field names ignoring case (each such match is a warning).
        #[arg(long)]
        ignore_header_case: bool,
        /// Do not run these custom checks (comma-separated names, e.g. siret,phone-number-value).
        #[arg(long, value_delimiter = ',')]
        skip_checks: Vec<String>,
        /// Report only these error types (comma-separated, e.g. type-error,french-siret-value).
        #[arg(long, value_delimiter = ',')]
        pick_errors: Vec<String>,
        /// Never report these error types (comma-separated).
        #[arg(long, value_delimiter = ',')]
        skip_errors: Vec<String>,
        #[command(flatten)]
        input: InputArgs,
    },
    /// Work on schemas (lint: `schema check`).
    Schema {
        #[command(subcommand)]
        action: documents::SchemaCommand,
    },
    /// Explore the schema catalogue (schema.data.gouv.fr or --catalog).
    Catalog {
        #[command(subcommand)]
        action: remote::commands::CatalogCommand,
    },
    /// Write realistic rows for a schema (an example file, a template, benchmark data).
    Generate(generate::GenerateArgs),
    /// Find which catalogue schemas a CSV file's header matches best.
    Guess {
        /// The data file, or its http(s) address.
        data: String,
        /// How many schemas to show.
        #[arg(long, default_value_t = 5)]
        top: usize,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

/// How to read the input: spreadsheet sheet, ZIP member, CSV dialect (Table Dialect keys).
#[derive(clap::Args)]
struct InputArgs {
    /// Spreadsheet sheet to check, by name or number from 1 (default: the first).
    #[arg(long)]
    sheet: Option<String>,
    /// File to check inside a ZIP archive (default: its only file).
    #[arg(long)]
    zip_member: Option<String>,
    /// Table Dialect as JSON (`{"delimiter": ";", "header": false}`) or @file.json.
    #[arg(long)]
    dialect: Option<String>,
    /// Quote character (`none` disables quoting).
    #[arg(long)]
    quote_char: Option<String>,
    /// A doubled quote is not a literal quote (use with --escape-char).
    #[arg(long)]
    no_double_quote: bool,
    /// Escape character inside quoted cells.
    #[arg(long)]
    escape_char: Option<String>,
    /// Ignore spaces after a delimiter.
    #[arg(long)]
    skip_initial_space: bool,
    /// The file has no header row.
    #[arg(long)]
    no_header: bool,
    /// Rows forming the header, from 1 (`1,2` joins two rows).
    #[arg(long, value_delimiter = ',')]
    header_rows: Option<Vec<usize>>,
    /// Lines starting with this character are comments.
    #[arg(long)]
    comment_char: Option<String>,
    /// Text that stands for a missing value in this file.
    #[arg(long)]
    null_sequence: Option<String>,
}

impl InputArgs {
    /// The flags as one Table Dialect descriptor (the `--dialect` object, flags on top).
    fn dialect(&self) -> Result<Option<serde_json::Value>, Fatal> {
        let mut d = match &self.dialect {
            None => serde_json::Map::new(),
            Some(text) => {
                let text = match text.strip_prefix('@') {
                    Some(path) => std::fs::read_to_string(path)
                        .map_err(|e| Fatal(format!("cannot read the dialect file {path}: {e}")))?,
                    None => text.clone(),
                };
                match serde_json::from_str(&text) {
                    Ok(serde_json::Value::Object(o)) => o,
                    Ok(_) => return Err(Fatal("--dialect must be a JSON object".into())),
                    Err(e) => return Err(Fatal(format!("--dialect is not valid JSON: {e}"))),
                }
            }
        };
        let mut set = |k: &str, v: serde_json::Value| {
            d.insert(k.to_owned(), v);
        };
        if let Some(q) = &self.quote_char {
            set(
                "quoteChar",
                if q == "none" {
                    "".into()
                } else {
                    q.as_str().into()
                },
            );
        }
        if self.no_double_quote {
            set("doubleQuote", false.into());
        }
        if let Some(e) = &self.escape_char {
            set("escapeChar", e.as_str().into());
        }
        if self.skip_initial_space {
            set("skipInitialSpace", true.into());
        }
        if self.no_header {
            set("header", false.into());
        }
        if let Some(rows) = &self.header_rows {
            set("headerRows", rows.clone().into());
        }
        if let Some(c) = &self.comment_char {
            set("commentChar", c.as_str().into());
        }
        if let Some(n) = &self.null_sequence {
            set("nullSequence", n.as_str().into());
        }
        Ok((!d.is_empty()).then_some(serde_json::Value::Object(d)))
    }
}

/// A failure that ends the run with exit status 2 and a paragraph on stderr.
struct Fatal(String);

fn language(arg: Option<&str>) -> Result<Lang, Fatal> {
    if let Some(tag) = arg {
        return Lang::from_tag(tag)
            .ok_or_else(|| Fatal(format!("unknown language {tag:?}: use fr or en.")));
    }
    let env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    Ok(env.as_deref().and_then(Lang::from_tag).unwrap_or(Lang::Fr))
}

fn delimiter_byte(text: &str) -> Result<u8, Fatal> {
    match text {
        "\\t" | "tab" => Ok(b'\t'),
        t if t.len() == 1 && t.is_ascii() => Ok(t.as_bytes()[0]),
        _ => Err(Fatal(format!(
            "the delimiter must be one ASCII character (got {text:?}); use \\t for a tab."
        ))),
    }
}

fn print(out: &str) {
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush());
}

fn header_profile(name: &str) -> Result<HeaderProfile, Fatal> {
    HeaderProfile::from_name(name).ok_or_else(|| {
        let known: Vec<&str> = HeaderProfile::ALL.iter().map(|(_, n)| *n).collect();
        Fatal(format!(
            "unknown profile {name:?}: use one of {}.",
            known.join(", ")
        ))
    })
}

fn error_codes(names: &[String], flag: &str) -> Result<Vec<ErrorCode>, Fatal> {
    names
        .iter()
        .filter(|n| !n.trim().is_empty())
        .map(|n| {
            ErrorCode::from_name(n.trim()).ok_or_else(|| {
                let known: Vec<&str> = ErrorCode::ALL.iter().map(|c| c.as_str()).collect();
                Fatal(format!(
                    "{flag}: unknown error type {n:?}; known types: {}.",
                    known.join(", ")
                ))
            })
        })
        .collect()
}

fn check_names(names: &[String]) -> Result<Vec<String>, Fatal> {
    const DEPRECATED: &[&str] = &[
        "french-siret-value",
        "french-siren-value",
        "nomenclature-actes-value",
    ];
    names
        .iter()
        .map(|n| n.trim().to_owned())
        .filter(|n| !n.is_empty())
        .map(|n| {
            if conforme::KNOWN_CHECKS.contains(&n.as_str()) || DEPRECATED.contains(&n.as_str()) {
                Ok(n)
            } else {
                Err(Fatal(format!(
                    "--skip-checks: unknown custom check {n:?}; known checks: {}.",
                    conforme::KNOWN_CHECKS.join(", ")
                )))
            }
        })
        .collect()
}

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let remote = cli.remote.connect();
    let command = match cli.command {
        Command::Catalog { action } => {
            let out = remote::commands::catalog(&remote, action, language(None)?)
                .map_err(|e| Fatal(e.to_string()))?;
            print(&out);
            return Ok(ExitCode::SUCCESS);
        }
        Command::Generate(args) => {
            generate::run(&remote, &args).map_err(Fatal)?;
            return Ok(ExitCode::SUCCESS);
        }
        Command::Guess { data, top, format } => {
            let (out, found) =
                remote::commands::guess(&remote, &data, top, format, language(None)?)
                    .map_err(|e| Fatal(e.to_string()))?;
            print(&out);
            return Ok(ExitCode::from(u8::from(!found)));
        }
        Command::Schema { action } => return documents::schema_command(action),
        validate => validate,
    };
    let Command::Validate {
        data,
        schema,
        json,
        format,
        max_errors,
        mask_cells,
        threads,
        lang,
        encoding,
        delimiter,
        max_record_bytes,
        profile,
        ignore_header_case,
        skip_checks,
        pick_errors,
        skip_errors,
        input,
    } = command
    else {
        unreachable!("the other commands returned above")
    };
    let lang = language(lang.as_deref())?;
    let mut options = ValidationOptions::default()
        .max_errors(max_errors)
        .threads(threads)
        .lang(lang)
        .max_record_bytes(max_record_bytes)
        .profile(header_profile(&profile)?)
        .ignore_header_case(ignore_header_case)
        .skip_checks(check_names(&skip_checks)?)
        .skip_errors(error_codes(&skip_errors, "--skip-errors")?)
        .mask_cells(mask_cells);
    if !pick_errors.is_empty() {
        options = options.pick_errors(error_codes(&pick_errors, "--pick-errors")?);
    }
    if let ReportFormat::Html = format {
        options = options.keep_rows(HTML_ROWS);
    }
    if let Some(label) = encoding {
        options = options.encoding(&label).ok_or_else(|| {
            Fatal(format!(
                "unknown encoding {label:?}: use utf-8, windows-1252, iso-8859-1, utf-16le…"
            ))
        })?;
    }
    if let Some(dialect) = input.dialect()? {
        options = options
            .dialect_json(&dialect)
            .map_err(|e| Fatal(e.to_string()))?;
    }
    if let Some(d) = delimiter {
        options = options.delimiter(delimiter_byte(&d)?);
    }
    options = options.sheet(input.sheet).zip_member(input.zip_member);
    if let Some(code) = documents::try_validate(
        &data,
        schema.as_deref(),
        &json,
        &options,
        format.documents(),
        lang,
    )? {
        return Ok(code);
    }
    let schema = schema.expect("try_validate handles a missing schema");
    let set = remote
        .load_schemas(&schema)
        .map_err(|e| Fatal(e.to_string()))?;
    if set.all_versions {
        let format = match format {
            ReportFormat::Text => Format::Text,
            ReportFormat::Json => Format::Json,
            _ => {
                return Err(Fatal(
                    "checking every version (@all) prints a table: use --format text or json."
                        .into(),
                ));
            }
        };
        let (out, code) =
            remote::commands::validate_versions(&remote, &set, &data, &options, format, lang)
                .map_err(Fatal)?;
        print(&out);
        return Ok(code);
    }
    let validator = Validator::with_options(&set.schemas[0].schema, options);
    let mut report =
        remote::commands::validate_one(&remote, &validator, &data, lang).map_err(Fatal)?;
    report
        .warnings
        .extend(documents::lint_warnings(&schema, lang));
    let schema = &set.schemas[0].schema;
    let columns: Vec<String> = schema
        .table()
        .fields
        .iter()
        .map(|f| f.name.clone())
        .collect();
    let name = data.display().to_string();
    let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
    let render_options = render::RenderOptions::new(&name)
        .lang(lang)
        .columns(&columns)
        .style(if color {
            render::Style::ansi()
        } else {
            render::Style::plain()
        });
    let out = render::render(&report, format.core(), &render_options);
    print(&out);
    Ok(if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Runs the command line `args` (program name first) exactly as the `conforme` binary does
/// and returns its exit status. The Python package's `python -m conforme` calls this.
pub fn main_with_args<I, T>(args: I) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return if e.use_stderr() { 2 } else { 0 };
        }
    };
    match run(cli) {
        // `ExitCode` hides its value; find the status it was made from.
        Ok(code) => (0..=u8::MAX)
            .find(|&n| ExitCode::from(n) == code)
            .unwrap_or(1),
        Err(Fatal(message)) => {
            eprintln!("conforme: {message}");
            2
        }
    }
}

fn main() -> ExitCode {
    ExitCode::from(main_with_args(std::env::args_os()))
}
