//! `conforme`: check CSV files against the schemas of schema.data.gouv.fr.
//!
//! Exit status: 0 valid, 1 invalid, 2 usage error, unreadable input or unusable schema.

mod documents;
mod generate;
mod remote;
mod render;

use clap::{Parser, Subcommand, ValueEnum};
use conforme::{ErrorCode, HeaderProfile, Lang, ValidationOptions, Validator};
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
        format: Format,
        /// Stop after this many errors.
        #[arg(long)]
        max_errors: Option<usize>,
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
    let remote = remote::Remote::new(&cli.remote).map_err(|e| Fatal(e.to_string()))?;
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
        .skip_errors(error_codes(&skip_errors, "--skip-errors")?);
    if !pick_errors.is_empty() {
        options = options.pick_errors(error_codes(&pick_errors, "--pick-errors")?);
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
    if let Some(code) =
        documents::try_validate(&data, schema.as_deref(), &json, &options, format, lang)?
    {
        return Ok(code);
    }
    let schema = schema.expect("try_validate handles a missing schema");
    let set = remote
        .load_schemas(&schema)
        .map_err(|e| Fatal(e.to_string()))?;
    if set.all_versions {
        let (out, code) =
            remote::commands::validate_versions(&remote, &set, &data, &options, format, lang)
                .map_err(Fatal)?;
        print(&out);
        return Ok(code);
    }
    let validator = Validator::with_options(&set.schemas[0].schema, options);
    let mut report = remote::commands::validate_one(&remote, &validator, &data).map_err(Fatal)?;
    report
        .warnings
        .extend(documents::lint_warnings(&schema, lang));
    let out = match format {
        Format::Json => {
            serde_json::to_string_pretty(&report).expect("a report always serializes") + "\n"
        }
        Format::Text => render::text(
            &report,
            &data.display().to_string(),
            lang,
            std::io::stdout().is_terminal(),
        ),
    };
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
