//! The one door into the engine: any document — a table (CSV, TSV, spreadsheet, in a ZIP or
//! gzip), a JSON or GeoJSON document, a Data Package — validated with the same
//! [`ValidationOptions`] into a [`DocumentReport`]. The command, Python, the browser and Dask
//! all come through here; what kind of document it is is decided once, by
//! [`DocumentKind::detect`].
//!
//! ```
//! use conforme::document::{DocumentSchema, validate_slice};
//! use conforme::ValidationOptions;
//! use serde_json::json;
//! let options = ValidationOptions::default();
//! let table = DocumentSchema::from_value(&json!({"fields": [{"name": "n", "type": "integer"}]}), None, &options).unwrap();
//! assert!(!validate_slice(b"n\nx\n", &table, &options).unwrap().valid());
//! let json_schema = DocumentSchema::from_value(&json!({"type": "object", "required": ["id"]}), None, &options).unwrap();
//! assert!(validate_slice(br#"{"id": 1}"#, &json_schema, &options).unwrap().valid());
//! ```

mod render;

pub use render::render_package;

use crate::json::{JsonSchema, JsonSchemaOptions, JsonValidator};
use crate::package::{PackageError, PackageReport};
use crate::{
    Diagnostic, OptionsError, Report, Schema, SchemaError, SourceError, ValidationOptions,
    Validator,
};
use serde_json::Value;
use std::io::Read;
use std::path::Path;

/// The kinds of document conforme validates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DocumentKind {
    /// A table against a Table Schema.
    Table,
    /// A JSON (or GeoJSON) document against a JSON Schema.
    JsonDocument,
    /// A Data Package: its resources against the schemas it names.
    Package,
}

impl DocumentKind {
    /// The kind of `data` checked against `schema`: the schema's kind when there is one
    /// (a Table Schema checks tables, a JSON Schema JSON documents); without a schema, only
    /// a Data Package descriptor (a JSON object with a `resources` list) can be checked.
    ///
    /// ```
    /// use conforme::document::{DocumentKind, DocumentSchema};
    /// let options = conforme::ValidationOptions::default();
    /// let schema = DocumentSchema::from_value(&serde_json::json!({"fields": []}), None, &options).unwrap();
    /// assert_eq!(DocumentKind::detect(Some(&schema), b"a,b\n").unwrap(), DocumentKind::Table);
    /// assert_eq!(DocumentKind::detect(None, br#"{"resources": []}"#).unwrap(), DocumentKind::Package);
    /// assert!(DocumentKind::detect(None, b"a,b\n").is_err());
    /// ```
    pub fn detect(
        schema: Option<&DocumentSchema>,
        head: &[u8],
    ) -> Result<DocumentKind, DocumentError> {
        match schema {
            Some(DocumentSchema::Table(_)) => Ok(DocumentKind::Table),
            Some(DocumentSchema::Json(_)) => Ok(DocumentKind::JsonDocument),
            None if is_package_descriptor(head) => Ok(DocumentKind::Package),
            None => Err(DocumentError::NoSchema),
        }
    }

    /// The kind in words, for messages.
    pub fn name(self) -> &'static str {
        match self {
            DocumentKind::Table => "a table",
            DocumentKind::JsonDocument => "a JSON document",
            DocumentKind::Package => "a Data Package",
        }
    }
}

/// Whether `bytes` are a Data Package descriptor: a JSON object with a `resources` list.
///
/// ```
/// assert!(conforme::document::is_package_descriptor(br#"{"name": "p", "resources": [{"path": "a.csv"}]}"#));
/// assert!(!conforme::document::is_package_descriptor(br#"{"fields": []}"#));
/// ```
pub fn is_package_descriptor(bytes: &[u8]) -> bool {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // Only a JSON object can be a descriptor: skip the parse for anything else.
    if bytes.iter().find(|b| !b.is_ascii_whitespace()) != Some(&b'{') {
        return false;
    }
    serde_json::from_slice::<Value>(bytes)
        .ok()
        .as_ref()
        .is_some_and(crate::package::is_package)
}

/// A schema compiled for validation: a Table Schema or a JSON Schema.
#[derive(Clone, Debug)]
pub enum DocumentSchema {
    /// A Table Schema (tables).
    Table(Schema),
    /// A JSON Schema (JSON documents).
    Json(JsonSchema),
}

impl DocumentSchema {
    /// Compiles a schema descriptor: a JSON Schema when it looks like one
    /// ([`crate::json::is_json_schema`]), else a Table Schema (with its lint warnings, which
    /// every report then carries). `location` is the schema's file, whose folder holds local
    /// copies of what a JSON Schema references and the lists of `reference-list-value`
    /// checks (the current folder without a location).
    pub fn from_value(
        value: &Value,
        location: Option<&Path>,
        options: &ValidationOptions,
    ) -> Result<DocumentSchema, SchemaError> {
        let mut read = crate::schema::local_lists(location);
        DocumentSchema::from_value_with_lists(value, location, options, &mut read)
    }

    /// [`from_value`](Self::from_value), reading the lists of `reference-list-value` checks
    /// with `read` (see [`Schema::from_value_with_lists`]): what a door that fetches remote
    /// documents uses for a schema loaded from a URL.
    ///
    /// ```
    /// use conforme::document::{DocumentSchema, validate_slice};
    /// let options = conforme::ValidationOptions::default();
    /// let descriptor = serde_json::json!({"fields": [{"name": "site",
    ///     "customCheck": {"name": "reference-list-value", "list": "sites.csv"}}]});
    /// let schema = DocumentSchema::from_value_with_lists(&descriptor, None, &options,
    ///     &mut |_: &str| Ok(b"code\nS1\n".to_vec())).unwrap();
    /// assert!(validate_slice(b"site\nS1\n", &schema, &options).unwrap().valid());
    /// assert!(!validate_slice(b"site\nS2\n", &schema, &options).unwrap().valid());
    /// ```
    pub fn from_value_with_lists(
        value: &Value,
        location: Option<&Path>,
        options: &ValidationOptions,
        read: &mut crate::ListReader<'_>,
    ) -> Result<DocumentSchema, SchemaError> {
        if crate::json::is_json_schema(value) {
            let json = JsonSchemaOptions::from_options(options, location);
            Ok(DocumentSchema::Json(JsonSchema::compile(value, &json)?))
        } else {
            Ok(DocumentSchema::Table(linted(value, read)?))
        }
    }

    /// [`from_value`](Self::from_value) on descriptor text (JSON, or YAML for a Table Schema).
    ///
    /// ```
    /// use conforme::document::DocumentSchema;
    /// let options = conforme::ValidationOptions::default();
    /// let schema = DocumentSchema::from_slice(b"fields:\n  - name: id\n", None, &options).unwrap();
    /// assert_eq!(schema.kind(), conforme::document::DocumentKind::Table);
    /// ```
    pub fn from_slice(
        bytes: &[u8],
        location: Option<&Path>,
        options: &ValidationOptions,
    ) -> Result<DocumentSchema, SchemaError> {
        DocumentSchema::from_value(&crate::schema::parse_descriptor(bytes)?, location, options)
    }

    /// The kind of document this schema checks.
    pub fn kind(&self) -> DocumentKind {
        match self {
            DocumentSchema::Table(_) => DocumentKind::Table,
            DocumentSchema::Json(_) => DocumentKind::JsonDocument,
        }
    }
}

/// A Table Schema with its lint findings as warnings.
fn linted(value: &Value, read: &mut crate::ListReader<'_>) -> Result<Schema, SchemaError> {
    let schema = Schema::from_value_with_lists(value, read)?;
    let warnings = crate::lint::lint_value(value)
        .into_iter()
        .map(crate::lint::Finding::into_warning)
        .collect();
    Ok(schema.with_lint(warnings))
}

/// Loads a Table Schema from descriptor text (JSON or YAML) as every door does: compiled,
/// with its lint findings kept as warnings for the reports made with it.
///
/// ```
/// let schema = conforme::document::load_table_schema(br#"{"fields": [{"name": "n", "type": "integer", "constraint": {"minimum": 0}}]}"#).unwrap();
/// assert!(!schema.lint_warnings().is_empty());
/// ```
pub fn load_table_schema(bytes: &[u8]) -> Result<Schema, SchemaError> {
    load_table_schema_with_lists(bytes, &mut |_: &str| Err(crate::ListFailure::NoAccess))
}

/// [`load_table_schema`], reading the lists of `reference-list-value` checks with `read`
/// (see [`Schema::from_value_with_lists`]).
///
/// ```
/// let schema = conforme::document::load_table_schema_with_lists(
///     br#"{"fields": [{"name": "s", "customCheck": {"name": "reference-list-value", "list": "l.csv"}}]}"#,
///     &mut |_: &str| Ok(b"s\nok\n".to_vec()),
/// ).unwrap();
/// assert!(conforme::Validator::new(&schema).validate_slice(b"s\nok\n").unwrap().valid);
/// ```
pub fn load_table_schema_with_lists(
    bytes: &[u8],
    read: &mut crate::ListReader<'_>,
) -> Result<Schema, SchemaError> {
    linted(&crate::schema::parse_descriptor(bytes)?, read)
}

/// Adds the schema's lint warnings to a table's report, in the report's language and with
/// the same filters as every other diagnostic: what every door does after a table's
/// validation (the push-based [`crate::StreamValidator`] callers included).
pub fn add_lint(report: &mut Report, schema: &DocumentSchema, options: &ValidationOptions) {
    let DocumentSchema::Table(table) = schema else {
        return;
    };
    for warning in table.lint_warnings() {
        if options.keeps(warning.code) {
            let mut w = warning.clone();
            w.localize(options.language());
            report.warnings.push(w);
        }
    }
    report.stats.warning_count = report.warnings.len() as u64;
}

impl From<Schema> for DocumentSchema {
    fn from(schema: Schema) -> Self {
        DocumentSchema::Table(schema)
    }
}

impl From<JsonSchema> for DocumentSchema {
    fn from(schema: JsonSchema) -> Self {
        DocumentSchema::Json(schema)
    }
}

/// The outcome of a validation: one report, or one per resource for a package.
// One value per validation run: the size difference between the variants does not matter.
#[allow(clippy::large_enum_variant)]
#[derive(Clone, Debug, serde::Serialize)]
#[serde(untagged)]
pub enum DocumentReport {
    /// A table or a JSON document.
    Single(Report),
    /// A Data Package.
    Package(PackageReport),
}

impl DocumentReport {
    /// Whether the document is valid.
    pub fn valid(&self) -> bool {
        match self {
            DocumentReport::Single(r) => r.valid,
            DocumentReport::Package(p) => p.valid,
        }
    }

    /// The kind of report, for renderers that need it.
    pub fn as_single(&self) -> Option<&Report> {
        match self {
            DocumentReport::Single(r) => Some(r),
            DocumentReport::Package(_) => None,
        }
    }
}

/// Why a document could not be validated at all (invalid data is a report, not an error).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// The options do not apply to this document.
    #[error(transparent)]
    Options(#[from] OptionsError),
    /// The input cannot be read.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// The schema cannot be used.
    #[error(transparent)]
    Schema(#[from] SchemaError),
    /// The package descriptor cannot be used.
    #[error(transparent)]
    Package(#[from] PackageError),
    /// No schema, and the data is not a Data Package that carries its own.
    #[error(
        "no schema to validate against: give one (a Table Schema for tables, a JSON Schema for JSON documents); only a Data Package descriptor (datapackage.json) carries its own schemas"
    )]
    NoSchema,
    /// The output format cannot show this kind of document.
    #[error(
        "--format {format} is not available for {kind}: use text, json, jsonl, github, junit, markdown or frictionless"
    )]
    FormatNotAvailable {
        /// The format's name.
        format: &'static str,
        /// The kind of document, in words.
        kind: &'static str,
    },
    /// A package was given as bytes or a stream: its resources are files next to it.
    #[error(
        "a Data Package is validated from its descriptor's path (its resources are files next to it), not from bytes"
    )]
    PackageFromBytes,
}

impl DocumentError {
    /// The message in `lang` (English is the `Display` text). Option errors name the
    /// option and stay as they are.
    pub fn message(&self, lang: crate::report::Lang) -> String {
        match (self, lang) {
            (_, crate::report::Lang::En) | (DocumentError::Options(_), _) => self.to_string(),
            (DocumentError::Source(e), lang) => e.message(lang),
            (DocumentError::Schema(e), lang) => e.message(lang),
            (DocumentError::Package(e), lang) => e.message(lang),
            (DocumentError::NoSchema, _) => "aucun schéma pour valider : donnez-en un (un Table Schema pour un tableau, un JSON Schema pour un document JSON) ; seul un descripteur de Data Package (datapackage.json) porte ses propres schémas".into(),
            (DocumentError::FormatNotAvailable { format, kind }, _) => format!(
                "--format {format} n'est pas disponible pour {kind} : utilisez text, json, jsonl, github, junit, markdown ou frictionless"
            ),
            (DocumentError::PackageFromBytes, _) => "un Data Package se valide depuis le chemin de son descripteur (ses ressources sont des fichiers à côté de lui), pas depuis des octets".into(),
        }
    }
}

fn single(schema: &DocumentSchema, options: &ValidationOptions) -> Result<Door, DocumentError> {
    Ok(match schema {
        DocumentSchema::Table(s) => Door::Table(Validator::with_options(s, options.clone())),
        DocumentSchema::Json(s) => {
            options.check_for_json_documents()?;
            Door::Json(JsonValidator::new(s, options.clone()))
        }
    })
}

/// The validator for one document, chosen once.
#[allow(clippy::large_enum_variant)] // One per run, on the stack for its duration.
enum Door {
    Table(Validator),
    Json(JsonValidator),
}

/// Validates the file at `path` (a table, a JSON document, or — without a schema — a Data
/// Package descriptor).
pub fn validate_path(
    path: impl AsRef<Path>,
    schema: Option<&DocumentSchema>,
    options: &ValidationOptions,
) -> Result<DocumentReport, DocumentError> {
    path_to(path.as_ref(), schema, options, None)
}

/// Validates the file at `path` like [`validate_path`], handing a table's errors to
/// `on_error` as they are found, in file order, instead of keeping them (see
/// [`Validator::validate_path_streaming`]). JSON documents and packages keep theirs in the
/// report, as do spreadsheets: render the report's remaining errors after the streamed ones.
///
/// ```
/// use conforme::document::{DocumentSchema, validate_path_streaming};
/// let schema = DocumentSchema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#, None, &Default::default()).unwrap();
/// let path = std::env::temp_dir().join("conforme-doc-document-streaming.csv");
/// std::fs::write(&path, "n\nx\n").unwrap();
/// let mut streamed = 0;
/// let report = validate_path_streaming(&path, Some(&schema), &Default::default(), &mut |_| streamed += 1).unwrap();
/// assert_eq!((streamed, report.valid()), (1, false));
/// ```
pub fn validate_path_streaming(
    path: impl AsRef<Path>,
    schema: Option<&DocumentSchema>,
    options: &ValidationOptions,
    on_error: &mut dyn FnMut(Diagnostic),
) -> Result<DocumentReport, DocumentError> {
    path_to(path.as_ref(), schema, options, Some(on_error))
}

fn path_to(
    path: &Path,
    schema: Option<&DocumentSchema>,
    options: &ValidationOptions,
    on_error: Option<&mut dyn FnMut(Diagnostic)>,
) -> Result<DocumentReport, DocumentError> {
    let Some(schema) = schema else {
        let head = read_head(path)?;
        return match DocumentKind::detect(None, &head)? {
            DocumentKind::Package => Ok(DocumentReport::Package(crate::package::validate_package(
                path, options,
            )?)),
            _ => Err(DocumentError::NoSchema),
        };
    };
    let mut report = match (single(schema, options)?, on_error) {
        (Door::Table(v), Some(sink)) => v.validate_path_streaming(path, sink)?,
        (Door::Table(v), None) => v.validate_path(path)?,
        (Door::Json(v), _) => v.validate_path(path)?,
    };
    add_lint(&mut report, schema, options);
    Ok(DocumentReport::Single(report))
}

/// Validates what `input` yields against `schema`.
pub fn validate_reader(
    input: impl Read + Send,
    schema: &DocumentSchema,
    options: &ValidationOptions,
) -> Result<DocumentReport, DocumentError> {
    reader_to(input, schema, options, None)
}

/// Validates what `input` yields like [`validate_reader`], handing a table's errors to
/// `on_error` as [`validate_path_streaming`] does.
pub fn validate_reader_streaming(
    input: impl Read + Send,
    schema: &DocumentSchema,
    options: &ValidationOptions,
    on_error: &mut dyn FnMut(Diagnostic),
) -> Result<DocumentReport, DocumentError> {
    reader_to(input, schema, options, Some(on_error))
}

fn reader_to(
    input: impl Read + Send,
    schema: &DocumentSchema,
    options: &ValidationOptions,
    on_error: Option<&mut dyn FnMut(Diagnostic)>,
) -> Result<DocumentReport, DocumentError> {
    let mut report = match (single(schema, options)?, on_error) {
        (Door::Table(v), Some(sink)) => v.validate_reader_streaming(input, sink)?,
        (Door::Table(v), None) => v.validate_reader(input)?,
        (Door::Json(v), _) => v.validate_reader(input)?,
    };
    add_lint(&mut report, schema, options);
    Ok(DocumentReport::Single(report))
}

/// Validates bytes in memory against `schema`.
pub fn validate_slice(
    bytes: &[u8],
    schema: &DocumentSchema,
    options: &ValidationOptions,
) -> Result<DocumentReport, DocumentError> {
    let mut report = match single(schema, options)? {
        Door::Table(v) => v.validate_slice(bytes)?,
        Door::Json(v) => v.validate_slice(bytes)?,
    };
    add_lint(&mut report, schema, options);
    Ok(DocumentReport::Single(report))
}

/// The start of a file: enough to tell a package descriptor (which is read whole anyway).
fn read_head(path: &Path) -> Result<Vec<u8>, SourceError> {
    // Descriptors are small; a big file is data, not a descriptor, and is not read whole.
    const DESCRIPTOR_LIMIT: u64 = 16 << 20;
    let file = std::fs::File::open(path).map_err(SourceError::Io)?;
    let mut head = Vec::new();
    file.take(DESCRIPTOR_LIMIT)
        .read_to_end(&mut head)
        .map_err(SourceError::Io)?;
    Ok(head)
}
