//! The subcommands that read the catalogue (`catalog list|show|search`, `guess`) and the
//! parts of `validate` that concern remote data and `@all`.

use super::catalog::Entry;
use super::{Remote, RemoteError, SchemaSet, guess, is_url, versions};
use crate::Format;
use crate::progress::ProgressReader;
use clap::{Subcommand, ValueEnum};
use conforme::document::{self, DocumentReport, DocumentSchema};
use conforme::{Diagnostic, Lang, ValidationOptions};
use std::io::IsTerminal;
use std::path::Path;

/// Catalogue entry kinds that `catalog list --type` filters on.
#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum Kind {
    /// Table Schema (CSV files).
    Tableschema,
    /// JSON Schema.
    Jsonschema,
    /// Data Package (several tables).
    Datapackage,
    /// Formats checked by dedicated tools.
    Other,
}

impl Kind {
    fn as_str(self) -> &'static str {
        match self {
            Kind::Tableschema => "tableschema",
            Kind::Jsonschema => "jsonschema",
            Kind::Datapackage => "datapackage",
            Kind::Other => "other",
        }
    }
}

/// `conforme catalog …`.
#[derive(Subcommand)]
pub enum CatalogCommand {
    /// List the schemas of the catalogue.
    List {
        /// Only this kind of schema.
        #[arg(long = "type", value_enum)]
        kind: Option<Kind>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Show one schema: description, versions, example files.
    Show {
        /// The schema name, e.g. etalab/schema-irve-statique.
        name: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
    /// Find schemas by words of their name, title or description (accents and case ignored).
    Search {
        /// The words, all of which must appear.
        #[arg(required = true)]
        words: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value = "text")]
        format: Format,
    },
}

fn say(lang: Lang, fr: &'static str, en: &'static str) -> &'static str {
    match lang {
        Lang::Fr => fr,
        Lang::En => en,
    }
}

fn latest_name(entry: &Entry) -> String {
    entry
        .latest()
        .map_or_else(|| "-".to_owned(), |v| v.version_name)
}

fn entry_lines(entries: &[&Entry]) -> String {
    let width = entries
        .iter()
        .map(|e| e.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = String::new();
    for e in entries {
        out.push_str(&format!(
            "{:<width$}  {:<11}  {:<8}  {}\n",
            e.name,
            e.schema_type,
            latest_name(e),
            e.title.as_deref().unwrap_or(""),
        ));
    }
    out
}

fn entries_json(entries: &[&Entry]) -> String {
    serde_json::to_string_pretty(entries).expect("entries always serialize") + "\n"
}

/// Runs `conforme catalog …`; returns what to print.
pub fn catalog(
    remote: &Remote,
    command: CatalogCommand,
    lang: Lang,
) -> Result<String, RemoteError> {
    let catalog = remote.catalog()?;
    Ok(match command {
        CatalogCommand::List { kind, format } => {
            let entries: Vec<&Entry> = catalog
                .schemas
                .iter()
                .filter(|e| kind.is_none_or(|k| e.schema_type == k.as_str()))
                .collect();
            match format {
                Format::Json => entries_json(&entries),
                Format::Text => entry_lines(&entries),
            }
        }
        CatalogCommand::Search { words, format } => {
            let entries = catalog.search(&words.join(" "));
            match format {
                Format::Json => entries_json(&entries),
                Format::Text if entries.is_empty() => format!(
                    "{} « {} ».\n",
                    say(lang, "Aucun schéma ne contient", "No schema contains"),
                    words.join(" ")
                ),
                Format::Text => entry_lines(&entries),
            }
        }
        CatalogCommand::Show { name, format } => {
            let reference = super::catalog::Reference {
                name: name.clone(),
                selector: super::catalog::Selector::Latest,
            };
            let (entry, _) = catalog.resolve(&reference)?;
            match format {
                Format::Json => {
                    serde_json::to_string_pretty(entry).expect("an entry always serializes") + "\n"
                }
                Format::Text => show_text(remote, entry, lang),
            }
        }
    })
}

fn show_text(remote: &Remote, entry: &Entry, lang: Lang) -> String {
    let mut out = entry.name.clone();
    if let Some(title) = &entry.title {
        out.push_str(&format!(" — {title}"));
    }
    out.push('\n');
    out.push_str(&format!("type: {}\n", entry.schema_type));
    if let Some(d) = &entry.description {
        out.push_str(&format!("\n{}\n", d.trim()));
    }
    out.push_str(&format!(
        "\n{}: {}):\n",
        say(lang, "Versions (dernière ", "Versions (latest"),
        latest_name(entry)
    ));
    for v in entry.sorted_versions() {
        out.push_str(&format!(
            "  {:<10} {}\n",
            v.version_name,
            remote.schema_location(&v.schema_url)
        ));
    }
    if !entry.examples.is_empty() {
        out.push_str(&format!("\n{}:\n", say(lang, "Exemples", "Examples")));
        for x in &entry.examples {
            out.push_str(&format!(
                "  {}: {}\n",
                x.title.as_deref().unwrap_or("-"),
                x.path
            ));
        }
    }
    let mut extra = Vec::new();
    if !entry.labels.is_empty() {
        extra.push(format!("labels: {}", entry.labels.join(", ")));
    }
    if let Some(h) = &entry.homepage {
        extra.push(format!("{}: {h}", say(lang, "dépôt", "repository")));
    }
    if let Some(c) = &entry.contact {
        extra.push(format!("contact: {c}"));
    }
    if !extra.is_empty() {
        out.push('\n');
        out.push_str(&extra.join("\n"));
        out.push('\n');
    }
    out
}

/// Runs `conforme guess DATA`; returns what to print and whether a candidate was found.
pub fn guess(
    remote: &Remote,
    data: &str,
    top: usize,
    format: Format,
    lang: Lang,
) -> Result<(String, bool), RemoteError> {
    let head = if is_url(data) {
        guess::read_head(remote.open_data(data)?, data)?
    } else {
        let file = std::fs::File::open(data).map_err(|source| RemoteError::Io {
            path: data.to_owned(),
            source,
        })?;
        guess::read_head(file, data)?
    };
    let header = guess::header_of(&head, data)?;
    let detected = conforme::detect::detect_columns(&head);
    let mut candidates = guess::rank(remote, &header)?;
    candidates.truncate(top.max(1));
    let found = !candidates.is_empty();
    if let Format::Json = format {
        let value = serde_json::json!({"data": data, "header": header, "candidates": candidates, "checks": detected});
        return Ok((
            serde_json::to_string_pretty(&value).expect("candidates always serialize") + "\n",
            found,
        ));
    }
    if !found {
        let mut out = format!(
            "{} ({} {}).\n",
            say(
                lang,
                "Aucun schéma du catalogue ne partage de colonne avec ce fichier",
                "No catalogue schema shares a column with this file"
            ),
            header.len(),
            say(lang, "colonnes", "columns"),
        );
        out.push_str(&detected_text(&detected, lang));
        return Ok((out, false));
    }
    let width = candidates
        .iter()
        .map(|c| c.name.chars().count())
        .max()
        .unwrap_or(0);
    let mut out = format!(
        "{} ({} {}){}\n\n",
        say(
            lang,
            "Schémas les plus proches de l'en-tête",
            "Schemas closest to the header"
        ),
        header.len(),
        say(lang, "colonnes", "columns"),
        say(lang, " :", ":"),
    );
    out.push_str(&format!(
        "{:>6}  {:>9}  {:<width$}  {:<8}  {}\n",
        "score",
        say(lang, "colonnes", "columns"),
        say(lang, "schéma", "schema"),
        "version",
        say(lang, "titre", "title"),
    ));
    for c in &candidates {
        out.push_str(&format!(
            "{:>4.0} %  {:>9}  {:<width$}  {:<8}  {}\n",
            c.score * 100.0,
            format!("{}/{}", c.matched, c.fields),
            c.name,
            c.version,
            c.title,
        ));
    }
    let best = &candidates[0];
    if !best.missing.is_empty() || !best.unknown.is_empty() {
        out.push_str(&format!(
            "\n{} {}{}\n",
            say(lang, "Écarts avec", "Differences from"),
            best.name,
            say(lang, " :", ":"),
        ));
        if !best.missing.is_empty() {
            out.push_str(&format!(
                "  {}{} {}\n",
                say(
                    lang,
                    "champs absents du fichier",
                    "fields missing from the file"
                ),
                say(lang, " :", ":"),
                best.missing.join(", ")
            ));
        }
        if !best.unknown.is_empty() {
            out.push_str(&format!(
                "  {}{} {}\n",
                say(
                    lang,
                    "colonnes inconnues du schéma",
                    "columns unknown to the schema"
                ),
                say(lang, " :", ":"),
                best.unknown.join(", ")
            ));
        }
    }
    out.push_str(&detected_text(&detected, lang));
    out.push_str(&format!(
        "\n{} conforme validate {data} --schema {}\n",
        say(lang, "Pour vérifier :", "To check:"),
        best.name
    ));
    Ok((out, true))
}

/// The columns whose first values follow an official list or SIRET/SIREN, with the
/// declaration that checks them.
fn detected_text(detected: &[conforme::detect::Detection], lang: Lang) -> String {
    if detected.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "\n{}\n",
        say(
            lang,
            "Colonnes qui suivent un référentiel (premières lignes) ; à vérifier avec ce customCheck :",
            "Columns that follow an official list (first rows); check them with this customCheck:"
        )
    );
    let width = detected
        .iter()
        .map(|d| d.column.chars().count())
        .max()
        .unwrap_or(0);
    for d in detected {
        out.push_str(&format!(
            "  {:<width$}  {}/{} {}  \"customCheck\": {}\n",
            d.column,
            d.matched,
            d.values,
            say(lang, "valeurs", "values"),
            d.declaration,
        ));
    }
    out
}

/// Validates one data source (path, `-` or URL) against one schema, through the engine's
/// one door, with a progress bar on a terminal.
pub fn validate_one(
    remote: &Remote,
    schema: &DocumentSchema,
    options: &ValidationOptions,
    data: &Path,
    mut on_error: Option<&mut dyn FnMut(Diagnostic)>,
) -> Result<DocumentReport, String> {
    let name = data.display().to_string();
    let lang = options.language();
    let mut from_reader = |input: Box<dyn std::io::Read + Send>, total: Option<u64>| {
        let input = match ProgressReader::wrap(input, total, lang) {
            Ok(wrapped) => Box::new(wrapped) as Box<dyn std::io::Read + Send>,
            Err(input) => input,
        };
        match on_error.as_deref_mut() {
            Some(sink) => document::validate_reader_streaming(input, schema, options, sink),
            None => document::validate_reader(input, schema, options),
        }
    };
    let result = match data.to_str() {
        Some("-") => from_reader(Box::new(std::io::stdin()), None),
        Some(url) if is_url(url) => {
            let opened = remote.open_data(url).map_err(|e| e.to_string())?;
            from_reader(opened, None)
        }
        _ if std::io::stderr().is_terminal() && data.is_file() => {
            let file = std::fs::File::open(data).map_err(|e| format!("{name}: {e}"))?;
            let total = file.metadata().ok().map(|m| m.len());
            from_reader(Box::new(file), total)
        }
        _ => match on_error {
            Some(sink) => document::validate_path_streaming(data, Some(schema), options, sink),
            None => document::validate_path(data, Some(schema), options),
        },
    };
    result.map_err(|e| format!("{name}: {}", e.message(lang)))
}

/// Validates one data source against every version of `set` in one pass; returns what
/// to print and the exit status (0 when at least one version is satisfied).
pub fn validate_versions(
    remote: &Remote,
    set: &SchemaSet,
    data: &Path,
    options: &ValidationOptions,
    format: Format,
    lang: Lang,
) -> Result<(String, u8), String> {
    let name = data.display().to_string();
    let input: Box<dyn std::io::Read + Send> = match data.to_str() {
        Some("-") => Box::new(std::io::stdin()),
        Some(url) if is_url(url) => remote.open_data(url).map_err(|e| e.to_string())?,
        _ => Box::new(
            std::fs::File::open(data).map_err(|e| format!("{name}: cannot read the data: {e}"))?,
        ),
    };
    let verdicts =
        versions::validate_all(set, options, input).map_err(|e| format!("{name}: {e}"))?;
    let schema_name = set.name.as_deref().unwrap_or("?");
    let out = match format {
        Format::Json => versions::render_json(schema_name, &name, &verdicts),
        Format::Text => versions::render_table(schema_name, &name, &verdicts, lang),
    };
    let code = u8::from(!verdicts.iter().any(|v| v.valid));
    Ok((out, code))
}
