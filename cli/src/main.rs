//! `conforme`: check CSV files against the schemas of schema.data.gouv.fr.
//!
//! Exit status: 0 valid, 1 invalid, 2 usage error, unreadable input or unusable schema.

mod progress;
mod remote;

use clap::{Parser, Subcommand, ValueEnum};
use conforme::{Lang, ValidationOptions, Validator, render};
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

#[derive(Subcommand)]
enum Command {
    /// Validate a data file against a schema.
    Validate {
        /// The data file (`-` reads standard input), or its http(s) address.
        data: PathBuf,
        /// The Table Schema: a JSON or YAML file, an http(s) address, or a catalogue name
        /// (org/name, org/name@2.3.1, org/name@latest; org/name@all checks every version).
        #[arg(long, short)]
        schema: String,
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
    },
    /// Explore the schema catalogue (schema.data.gouv.fr or --catalog).
    Catalog {
        #[command(subcommand)]
        action: remote::commands::CatalogCommand,
    },
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

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let remote = remote::Remote::new(&cli.remote).map_err(|e| Fatal(e.to_string()))?;
    let command = match cli.command {
        Command::Catalog { action } => {
            let out = remote::commands::catalog(&remote, action, language(None)?)
                .map_err(|e| Fatal(e.to_string()))?;
            print(&out);
            return Ok(ExitCode::SUCCESS);
        }
        Command::Guess { data, top, format } => {
            let (out, found) =
                remote::commands::guess(&remote, &data, top, format, language(None)?)
                    .map_err(|e| Fatal(e.to_string()))?;
            print(&out);
            return Ok(ExitCode::from(u8::from(!found)));
        }
        validate => validate,
    };
    let Command::Validate {
        data,
        schema,
        format,
        max_errors,
        mask_cells,
        threads,
        lang,
        encoding,
        delimiter,
        max_record_bytes,
    } = command
    else {
        unreachable!("the other commands returned above")
    };
    let lang = language(lang.as_deref())?;
    let set = remote
        .load_schemas(&schema)
        .map_err(|e| Fatal(e.to_string()))?;
    let mut options = ValidationOptions::default()
        .max_errors(max_errors)
        .threads(threads)
        .lang(lang)
        .max_record_bytes(max_record_bytes)
        .mask_cells(mask_cells);
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
    if let Some(d) = delimiter {
        options = options.delimiter(delimiter_byte(&d)?);
    }
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
    let schema = &set.schemas[0].schema;
    let report = remote::commands::validate_one(&remote, &validator, &data, lang).map_err(Fatal)?;
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

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { 2 } else { 0 });
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(Fatal(message)) => {
            eprintln!("conforme: {message}");
            ExitCode::from(2)
        }
    }
}
