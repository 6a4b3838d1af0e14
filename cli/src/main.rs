//! `conforme`: check CSV files against the schemas of schema.data.gouv.fr.
//!
//! Exit status: 0 valid, 1 invalid, 2 usage error, unreadable input or unusable schema.

mod render;

use clap::{Parser, Subcommand, ValueEnum};
use conforme::{Lang, Schema, ValidationOptions, Validator};
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
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// Readable by people (default).
    Text,
    /// One JSON object: the report.
    Json,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a data file against a schema.
    Validate {
        /// The data file (`-` reads standard input).
        data: PathBuf,
        /// The Table Schema (JSON or YAML file).
        #[arg(long, short)]
        schema: PathBuf,
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

fn run(cli: Cli) -> Result<ExitCode, Fatal> {
    let Command::Validate {
        data,
        schema,
        format,
        max_errors,
        threads,
        lang,
        encoding,
        delimiter,
        max_record_bytes,
    } = cli.command;
    let lang = language(lang.as_deref())?;
    let schema = Schema::from_path(&schema)
        .map_err(|e| Fatal(format!("schema {}: {e}", schema.display())))?;
    let mut options = ValidationOptions::default()
        .max_errors(max_errors)
        .threads(threads)
        .lang(lang)
        .max_record_bytes(max_record_bytes);
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
    let validator = Validator::with_options(&schema, options);
    let result = if data.as_os_str() == "-" {
        validator.validate_reader(std::io::stdin())
    } else {
        validator.validate_path(&data)
    };
    let report = result.map_err(|e| Fatal(format!("{}: {e}", data.display())))?;
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
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is not an error worth a message.
    let _ = stdout
        .write_all(out.as_bytes())
        .and_then(|()| stdout.flush());
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
