//! The command line's arguments (clap), and how `validate`'s flags map onto the engine's one
//! options type: the flags become the same JSON object Python and the browser pass, read by
//! [`conforme::ValidationOptions::from_json`], so every door checks values the same way.

use crate::Fatal;
use crate::commands::generate::GenerateArgs;
use crate::remote;
use clap::{Parser, Subcommand, ValueEnum};
use conforme::{Lang, ValidationOptions, render};
use serde_json::{Map, Value, json};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "conforme",
    version,
    about = "Vérifie des fichiers CSV par rapport aux schémas de schema.data.gouv.fr / Checks CSV files against schema.data.gouv.fr schemas"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub command: Command,
    #[command(flatten)]
    pub remote: remote::RemoteArgs,
}

/// Output formats of the commands that print a table or a JSON object.
#[derive(Clone, Copy, ValueEnum)]
pub enum Format {
    /// Readable by people (default).
    Text,
    /// One JSON object: the report.
    Json,
}

/// The formats `validate` can print: the renderers' own list, parsed by their own names.
fn report_format() -> impl clap::builder::TypedValueParser<Value = render::Format> {
    use clap::builder::TypedValueParser;
    let names: Vec<&'static str> = render::Format::ALL.iter().map(|f| f.name()).collect();
    clap::builder::PossibleValuesParser::new(names).try_map(|name| name.parse::<render::Format>())
}

/// Rows with errors whose cells the HTML page shows.
const HTML_ROWS: usize = 50;

// Parsed once per run: the size of the largest variant does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Subcommand)]
pub(crate) enum Command {
    /// Validate a data file against a schema.
    Validate(ValidateArgs),
    /// Work on schemas (lint: `schema check`).
    Schema {
        #[command(subcommand)]
        action: SchemaCommand,
    },
    /// Explore the schema catalogue (schema.data.gouv.fr or --catalog).
    Catalog {
        #[command(subcommand)]
        action: remote::commands::CatalogCommand,
    },
    /// Write realistic rows for a schema (an example file, a template, benchmark data).
    Generate(GenerateArgs),
    /// Write a corrected copy of a table (only the repairs with one plausible result), log
    /// each change, then report what is left to fix by hand.
    Fix(FixArgs),
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

/// Arguments of `conforme validate`.
#[derive(clap::Args)]
pub(crate) struct ValidateArgs {
    /// The data file (`-` reads standard input), or its http(s) address: CSV, JSON,
    /// GeoJSON, or a `datapackage.json` (then no --schema).
    pub data: PathBuf,
    /// The schema: a Table Schema (JSON or YAML file, http(s) address, or catalogue name
    /// org/name, org/name@2.3.1, org/name@latest, org/name@all) for CSV, or a local
    /// JSON Schema file for JSON documents.
    #[arg(long, short)]
    pub schema: Option<String>,
    #[command(flatten)]
    pub json: JsonArgs,
    /// Output format: text (default; for people, coloured on a terminal), json (the native
    /// report, schemas/report.schema.json), frictionless (frictionless-py v5's shape), jsonl
    /// (one error per line, then a summary), github (workflow annotations), junit, markdown,
    /// html (one self-contained page).
    #[arg(long, default_value = "text", value_parser = report_format())]
    pub format: render::Format,
    /// Stop after this many errors (the report then says that the list is cut).
    #[arg(long)]
    max_errors: Option<usize>,
    /// Keep cell values (personal data) out of the report: cells, quoted values and
    /// hints are replaced by •••.
    #[arg(long)]
    mask_cells: bool,
    /// Worker threads in all (default: one per core; at most 256).
    #[arg(long)]
    threads: Option<usize>,
    /// Message language: fr or en (default: from LANG, else fr).
    #[arg(long)]
    pub lang: Option<String>,
    /// Longest record accepted, in bytes.
    #[arg(long)]
    max_record_bytes: Option<usize>,
    /// Header matching when the schema has no fieldsMatch: `schema.data.gouv.fr`
    /// (by name; missing optional, extra and reordered columns are warnings) or
    /// `strict` (by position, as frictionless).
    #[arg(long)]
    profile: Option<String>,
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
    /// Any of the engine's options as a JSON object (`{"chunkSize": 65536}`) or @file.json,
    /// with the names Python and JavaScript use; the flags above take precedence.
    #[arg(long, value_name = "JSON")]
    options: Option<String>,
    /// Also write the rows without errors to this CSV file (input's delimiter, UTF-8).
    #[arg(long)]
    pub valid_rows: Option<PathBuf>,
    /// Also write the rows with errors to this CSV file, with a last column listing them.
    #[arg(long)]
    pub invalid_rows: Option<PathBuf>,
}

/// Arguments of `conforme fix`.
#[derive(clap::Args)]
pub(crate) struct FixArgs {
    /// The data file (`-` reads standard input): CSV in any encoding and dialect, gzip,
    /// ZIP or spreadsheet, read as `validate` reads it.
    pub data: PathBuf,
    /// The Table Schema (file, http(s) address or catalogue name org/name[@version]).
    #[arg(long, short)]
    pub schema: String,
    /// The corrected file to write (UTF-8, comma, the schema's column names and order).
    #[arg(long, short)]
    pub output: PathBuf,
    /// Write the changes to this CSV file (row, column, old, new, rule).
    #[arg(long)]
    pub log: Option<PathBuf>,
    /// Judgement call: replace a value outside an enum by the closest allowed one.
    #[arg(long)]
    pub closest_enum: bool,
    /// Judgement call: swap longitude and latitude when only the swapped point is in France.
    #[arg(long)]
    pub swap_coordinates: bool,
    /// Format of the report on the corrected file (the formats of `validate`).
    #[arg(long, default_value = "text", value_parser = report_format())]
    pub format: render::Format,
    /// Message language: fr or en (default: from LANG, else fr).
    #[arg(long)]
    pub lang: Option<String>,
    /// Worker threads in all, for the repair and the report (default: one per core; at
    /// most 256).
    #[arg(long)]
    threads: Option<usize>,
    #[command(flatten)]
    input: InputArgs,
}

impl FixArgs {
    /// How the input is read, as the engine's options (the same keys as `validate`).
    pub fn options(&self, lang: Lang) -> Result<ValidationOptions, Fatal> {
        let mut m = Map::new();
        m.insert("lang".into(), json!(lang.tag()));
        if let Some(n) = self.threads {
            m.insert("threads".into(), n.into());
        }
        self.input.put(&mut m)?;
        ValidationOptions::from_json(&Value::Object(m)).map_err(|e| Fatal(e.to_string()))
    }
}

/// Options for JSON Schemas.
#[derive(clap::Args, Clone, Default)]
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

impl JsonArgs {
    /// The JSON Schema keys of the options object.
    fn put(&self, m: &mut Map<String, Value>) {
        if !self.schema_dir.is_empty() {
            let dirs: Vec<Value> = self
                .schema_dir
                .iter()
                .map(|p| p.to_string_lossy().into_owned().into())
                .collect();
            m.insert("schemaDirs".into(), dirs.into());
        }
        if let Some(draft) = &self.draft {
            m.insert("draft".into(), draft.as_str().into());
        }
        if self.no_format {
            m.insert("assertFormats".into(), false.into());
        }
    }

    /// The engine's options for JSON Schemas alone (`schema check`).
    pub fn options(&self) -> Result<ValidationOptions, Fatal> {
        let mut m = Map::new();
        self.put(&mut m);
        ValidationOptions::from_json(&Value::Object(m)).map_err(|e| Fatal(e.to_string()))
    }
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

/// How to read the input: encoding, spreadsheet sheet, ZIP member, CSV dialect (Table
/// Dialect keys); shared by `validate` and `fix`.
#[derive(clap::Args)]
struct InputArgs {
    /// Force the input encoding (utf-8, windows-1252, latin1…).
    #[arg(long)]
    encoding: Option<String>,
    /// Force the delimiter (one character; `\t` for tab).
    #[arg(long)]
    delimiter: Option<String>,
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
    /// Ignore spaces after a delimiter (without it, guessed from the file as frictionless does)
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

/// `max_errors` → `maxErrors` (camelCase names are left as they are).
fn camel_case(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// A JSON object given inline or as `@file.json`.
fn json_object(text: &str, flag: &str) -> Result<Map<String, Value>, Fatal> {
    let text = match text.strip_prefix('@') {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| Fatal(format!("cannot read the {flag} file {path}: {e}")))?,
        None => text.to_owned(),
    };
    match serde_json::from_str(&text) {
        Ok(Value::Object(o)) => Ok(o),
        Ok(_) => Err(Fatal(format!("{flag} must be a JSON object"))),
        Err(e) => Err(Fatal(format!("{flag} is not valid JSON: {e}"))),
    }
}

impl InputArgs {
    /// The reading keys of the options object.
    fn put(&self, m: &mut Map<String, Value>) -> Result<(), Fatal> {
        if let Some(e) = &self.encoding {
            m.insert("encoding".into(), e.as_str().into());
        }
        if let Some(d) = &self.delimiter {
            m.insert("delimiter".into(), d.as_str().into());
        }
        if let Some(d) = self.dialect()? {
            m.insert("dialect".into(), d);
        }
        if let Some(s) = &self.sheet {
            m.insert("sheet".into(), s.as_str().into());
        }
        if let Some(z) = &self.zip_member {
            m.insert("zipMember".into(), z.as_str().into());
        }
        Ok(())
    }

    /// The flags as one Table Dialect descriptor (the `--dialect` object, flags on top).
    fn dialect(&self) -> Result<Option<Value>, Fatal> {
        let mut d = match &self.dialect {
            None => Map::new(),
            Some(text) => json_object(text, "--dialect")?,
        };
        let mut set = |k: &str, v: Value| {
            d.insert(k.to_owned(), v);
        };
        if let Some(q) = &self.quote_char {
            set(
                "quoteChar",
                if q == "none" { "" } else { q.as_str() }.into(),
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
        Ok((!d.is_empty()).then_some(Value::Object(d)))
    }
}

impl ValidateArgs {
    /// The flags as the engine's options object (what Python and JavaScript would pass).
    pub fn options_json(&self, lang: Lang) -> Result<Value, Fatal> {
        let mut m = match &self.options {
            None => Map::new(),
            // Flags are put under camelCase names: a snake_case key would be a second copy.
            Some(text) => json_object(text, "--options")?
                .into_iter()
                .map(|(k, v)| (camel_case(&k), v))
                .collect(),
        };
        if self.lang.is_some() || !m.contains_key("lang") {
            m.insert("lang".into(), json!(lang.tag()));
        }
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        if let Some(n) = self.max_errors {
            put("maxErrors", n.into());
        }
        if let Some(n) = self.threads {
            put("threads", n.into());
        }
        if self.mask_cells {
            put("maskCells", true.into());
        }
        if let Some(n) = self.max_record_bytes {
            put("maxRecordBytes", n.into());
        }
        if let Some(p) = &self.profile {
            put("profile", p.as_str().into());
        }
        if self.ignore_header_case {
            put("ignoreHeaderCase", true.into());
        }
        if !self.skip_checks.is_empty() {
            put("skipChecks", self.skip_checks.clone().into());
        }
        let names = |v: &[String]| -> Value {
            v.iter()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .into()
        };
        if !self.pick_errors.is_empty() {
            put("pickErrors", names(&self.pick_errors));
        }
        if !self.skip_errors.is_empty() {
            put("skipErrors", names(&self.skip_errors));
        }
        if self.format == render::Format::Html {
            put("keepRows", HTML_ROWS.into());
        }
        self.input.put(&mut m)?;
        self.json.put(&mut m);
        Ok(Value::Object(m))
    }

    /// The engine's options, each value checked by the engine's one validation.
    pub fn options(&self, lang: Lang) -> Result<ValidationOptions, Fatal> {
        let value = self.options_json(lang)?;
        ValidationOptions::from_json(&value).map_err(|e| Fatal(e.to_string()))
    }
}
