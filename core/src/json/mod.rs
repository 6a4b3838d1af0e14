//! JSON documents against JSON Schema (drafts 4, 6, 7, 2019-09, 2020-12).
//!
//! The schema is compiled once with the `jsonschema` crate; remote `$ref`s come from a
//! project [`Retrieve`] (never the network). A large document (a top-level array or a
//! GeoJSON `FeatureCollection`) is cut into its items by a byte scanner and validated in
//! parallel batches, so memory stays bounded; a small one is validated whole.
//!
//! ```
//! use conforme::Param;
//! use conforme::json::{JsonSchema, JsonSchemaOptions, JsonValidator};
//! let schema = JsonSchema::compile(&serde_json::json!({
//!     "$schema": "http://json-schema.org/draft-07/schema#",
//!     "type": "object",
//!     "required": ["siret"],
//!     "properties": {"siret": {"type": "string", "format": "siret"}}
//! }), &JsonSchemaOptions::default()).unwrap();
//! let validator = JsonValidator::new(&schema, conforme::ValidationOptions::default());
//! let report = validator.validate_slice(br#"{"siret": "12345678901234"}"#).unwrap();
//! assert!(!report.valid);
//! assert_eq!(report.errors[0].param_str(Param::Keyword), Some("format"));
//! assert_eq!(report.errors[0].param_str(Param::Pointer), Some("/siret"));
//! assert_eq!(report.errors[0].line, Some(1));
//! ```

mod duplicates;
pub mod formats;
mod locate;
mod read;
mod retrieve;
mod scan;

pub use retrieve::{LocalDirectories, NoRetrieval, Retrieve, RetrieveError};

use crate::ValidationOptions;
use crate::error::{SchemaError, SourceError};
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode, Report, Stats};
use jsonschema::error::{TypeKind, ValidationErrorKind};
use serde_json::Value;
use std::collections::BTreeMap;
use std::io::Read;
use std::path::Path;
use std::sync::Arc;

pub use crate::options::Draft;

fn draft_from_lib(d: jsonschema::Draft) -> Draft {
    match d {
        jsonschema::Draft::Draft4 => Draft::Draft4,
        jsonschema::Draft::Draft6 => Draft::Draft6,
        jsonschema::Draft::Draft7 => Draft::Draft7,
        jsonschema::Draft::Draft201909 => Draft::Draft201909,
        _ => Draft::Draft202012,
    }
}

fn draft_to_lib(d: Draft) -> jsonschema::Draft {
    match d {
        Draft::Draft4 => jsonschema::Draft::Draft4,
        Draft::Draft6 => jsonschema::Draft::Draft6,
        Draft::Draft7 => jsonschema::Draft::Draft7,
        Draft::Draft201909 => jsonschema::Draft::Draft201909,
        Draft::Draft202012 => jsonschema::Draft::Draft202012,
    }
}

/// How a JSON Schema is compiled.
///
/// ```
/// use conforme::json::{Draft, JsonSchemaOptions, LocalDirectories};
/// let options = JsonSchemaOptions::default()
///     .draft(Some(Draft::Draft7))
///     .retriever(LocalDirectories::new(vec!["schemas".into()]))
///     .assert_formats(false);
/// ```
#[derive(Clone)]
pub struct JsonSchemaOptions {
    draft: Option<Draft>,
    retriever: Arc<dyn Retrieve>,
    assert_formats: bool,
}

impl Default for JsonSchemaOptions {
    fn default() -> Self {
        JsonSchemaOptions {
            draft: None,
            retriever: Arc::new(NoRetrieval),
            assert_formats: true,
        }
    }
}

impl JsonSchemaOptions {
    /// Forces a draft (`None`: the schema's `$schema`, else draft-07).
    pub fn draft(mut self, draft: Option<Draft>) -> Self {
        self.draft = draft;
        self
    }

    /// Where remote `$ref`s are read from.
    pub fn retriever(mut self, retriever: impl Retrieve + 'static) -> Self {
        self.retriever = Arc::new(retriever);
        self
    }

    /// Whether `format` is asserted (default: yes).
    pub fn assert_formats(mut self, yes: bool) -> Self {
        self.assert_formats = yes;
        self
    }

    /// The JSON Schema settings of `options` (draft, `format`, schema directories) for the
    /// schema read from `schema_path`: its own directory is searched after the given ones,
    /// as a local copy of what it references.
    ///
    /// ```
    /// use conforme::ValidationOptions;
    /// use conforme::json::JsonSchemaOptions;
    /// let options = ValidationOptions::default().assert_formats(false);
    /// let _ = JsonSchemaOptions::from_options(&options, Some(std::path::Path::new("schema.json")));
    /// ```
    pub fn from_options(options: &ValidationOptions, schema_path: Option<&Path>) -> Self {
        let mut dirs = options.schema_dirs.clone();
        if let Some(parent) = schema_path.and_then(Path::parent) {
            dirs.push(if parent.as_os_str().is_empty() {
                std::path::PathBuf::from(".")
            } else {
                parent.to_owned()
            });
        }
        JsonSchemaOptions::default()
            .draft(options.draft)
            .retriever(LocalDirectories::new(dirs))
            .assert_formats(options.assert_formats)
    }
}

/// A compiled JSON Schema, with the warnings found while compiling it.
#[derive(Clone)]
pub struct JsonSchema {
    validator: Arc<jsonschema::Validator>,
    draft: Draft,
    warnings: Vec<Diagnostic>,
}

impl std::fmt::Debug for JsonSchema {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("JsonSchema")
            .field("draft", &self.draft)
            .finish()
    }
}

/// `true` when `value` looks like a JSON Schema rather than a Table Schema or a package.
///
/// ```
/// use serde_json::json;
/// assert!(conforme::json::is_json_schema(&json!({"type": "object", "properties": {}})));
/// assert!(!conforme::json::is_json_schema(&json!({"fields": []})));
/// ```
pub fn is_json_schema(value: &Value) -> bool {
    match value {
        Value::Bool(_) => true,
        Value::Object(o) => {
            let declared = o.get("$schema").and_then(Value::as_str).unwrap_or("");
            if declared.contains("json-schema.org") {
                return true;
            }
            !o.get("fields").is_some_and(Value::is_array)
                && !o.get("resources").is_some_and(Value::is_array)
        }
        _ => false,
    }
}

fn schema_warning(pointer: &str, rule: &str, detail: String, detail_fr: String) -> Diagnostic {
    Diagnostic::new(ErrorCode::SchemaWarning)
        .with_param(Param::Pointer, pointer)
        .with_param(Param::Rule, rule)
        .with_param(Param::Detail, detail)
        .with_param(Param::DetailFr, detail_fr)
}

/// Every `format` named by the schema, with its pointer.
fn formats_used(value: &Value, pointer: &mut String, out: &mut Vec<(String, String)>) {
    match value {
        Value::Object(o) => {
            for (k, v) in o {
                let len = pointer.len();
                pointer.push('/');
                pointer.push_str(&k.replace('~', "~0").replace('/', "~1"));
                match (k.as_str(), v) {
                    ("format", Value::String(name)) => out.push((pointer.clone(), name.clone())),
                    // Values of these keywords are data, not schemas.
                    ("enum" | "const" | "examples" | "default", _) => {}
                    _ => formats_used(v, pointer, out),
                }
                pointer.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = pointer.len();
                pointer.push_str(&format!("/{i}"));
                formats_used(v, pointer, out);
                pointer.truncate(len);
            }
        }
        _ => {}
    }
}

impl JsonSchema {
    /// Compiles `schema`.
    pub fn compile(schema: &Value, options: &JsonSchemaOptions) -> Result<JsonSchema, SchemaError> {
        let mut warnings = Vec::new();
        let declared = schema
            .get("$schema")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mut builder = jsonschema::options()
            .with_retriever(retrieve::Bridge(options.retriever.clone()))
            .should_validate_formats(options.assert_formats);
        for (name, check) in formats::FRENCH_FORMATS {
            builder = builder.with_format(*name, *check);
        }
        let draft = match (options.draft, &declared) {
            (Some(d), _) => Some(d),
            (None, Some(_)) => None,
            (None, None) => {
                warnings.push(schema_warning(
                    "/$schema",
                    "json-schema-no-draft",
                    "the schema has no \"$schema\": it is read as draft-07 (add \"$schema\": \"http://json-schema.org/draft-07/schema#\" or pass --draft)".into(),
                    "le schéma n'a pas de « $schema » : il est lu comme draft-07 (ajoutez \"$schema\": \"http://json-schema.org/draft-07/schema#\" ou utilisez --draft)".into(),
                ));
                Some(Draft::Draft7)
            }
        };
        if let Some(d) = draft {
            builder = builder.with_draft(draft_to_lib(d));
        }
        let validator = builder.build(schema).map_err(|e| SchemaError::Invalid {
            pointer: e.instance_path().as_str().to_owned(),
            message: format!("this JSON Schema cannot be compiled: {e}"),
            hint: "Fix the schema (check it against its draft's meta-schema), or give the local copy of a referenced schema with --schema-dir.".into(),
        })?;
        let draft = draft_from_lib(validator.draft());
        let mut used = Vec::new();
        formats_used(schema, &mut String::new(), &mut used);
        for (pointer, name) in used {
            if !builder.is_known_format(draft_to_lib(draft), &name) {
                warnings.push(schema_warning(
                    &pointer,
                    "unknown-format",
                    format!("the format {name:?} is unknown: it checks nothing (known formats include email, date, date-time, uri, siret, code-postal…)"),
                    format!("le format « {name} » est inconnu : il ne vérifie rien (formats connus : email, date, date-time, uri, siret, code-postal…)"),
                ));
            }
        }
        Ok(JsonSchema {
            validator: Arc::new(validator),
            draft,
            warnings,
        })
    }

    /// Reads and compiles a schema file.
    pub fn from_path(
        path: impl AsRef<Path>,
        options: &JsonSchemaOptions,
    ) -> Result<JsonSchema, SchemaError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| SchemaError::Io {
            path: path.to_owned(),
            source,
        })?;
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes);
        let value: Value = serde_json::from_slice(bytes).map_err(|e| SchemaError::Syntax {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        })?;
        JsonSchema::compile(&value, options)
    }

    /// The draft in use.
    pub fn draft(&self) -> Draft {
        self.draft
    }

    /// Warnings found while compiling (no `$schema`, unknown formats…).
    pub fn warnings(&self) -> &[Diagnostic] {
        &self.warnings
    }

    /// Every error of `instance` against this schema (descriptor profiles use them raw).
    pub(crate) fn errors<'a>(
        &'a self,
        instance: &'a Value,
    ) -> impl Iterator<Item = jsonschema::ValidationError<'a>> + 'a {
        self.validator.iter_errors(instance)
    }
}

/// Validates JSON documents against a [`JsonSchema`], reusable across documents.
#[derive(Clone, Debug)]
pub struct JsonValidator {
    schema: JsonSchema,
    options: ValidationOptions,
    batch_items: usize,
    whole_limit: usize,
}

/// Where a validation error is.
struct Location<'a> {
    /// Text the pointer is located in, and the position of its first byte.
    text: &'a [u8],
    line: u64,
    column: u64,
    offset: u64,
    /// Pointer inside `text`.
    inner: &'a str,
}

fn error_diagnostic(
    e: &jsonschema::ValidationError<'_>,
    pointer: &str,
    at: Option<Location<'_>>,
) -> Diagnostic {
    let kind = e.kind();
    let mut d = Diagnostic::new(ErrorCode::JsonSchema)
        .with_param(Param::Keyword, kind.keyword())
        .with_param(Param::Pointer, pointer)
        .with_param(Param::SchemaPath, e.schema_path().as_str())
        .with_param(Param::Detail, e.to_string());
    match kind {
        ValidationErrorKind::Required { property } => {
            d = d.with_param(Param::Property, property.clone())
        }
        ValidationErrorKind::Type { kind } => {
            let expected: Vec<String> = match kind {
                TypeKind::Single(t) => vec![t.to_string()],
                TypeKind::Multiple(set) => set.iter().map(|t| t.to_string()).collect(),
            };
            d = d.with_param(Param::Expected, expected);
        }
        ValidationErrorKind::Enum { options } => {
            d = d.with_param(Param::Allowed, (**options).clone())
        }
        ValidationErrorKind::Format { format } => d = d.with_param(Param::Format, format.as_str()),
        ValidationErrorKind::Pattern { pattern } => {
            d = d.with_param(Param::Pattern, pattern.as_str())
        }
        ValidationErrorKind::AdditionalProperties { unexpected } => {
            d = d.with_param(Param::Unexpected, unexpected.clone())
        }
        ValidationErrorKind::Minimum { limit }
        | ValidationErrorKind::Maximum { limit }
        | ValidationErrorKind::ExclusiveMinimum { limit }
        | ValidationErrorKind::ExclusiveMaximum { limit } => {
            d = d.with_param(Param::Limit, limit.clone())
        }
        ValidationErrorKind::MinLength { limit }
        | ValidationErrorKind::MaxLength { limit }
        | ValidationErrorKind::MinItems { limit }
        | ValidationErrorKind::MaxItems { limit } => d = d.with_param(Param::Limit, *limit),
        _ => {}
    }
    let instance = e.instance();
    if let Value::String(s) = instance.as_ref() {
        d.cell = Some(s.clone());
    } else if !matches!(instance.as_ref(), Value::Object(_) | Value::Array(_)) {
        d.cell = Some(instance.to_string());
    }
    if let Some(at) = at {
        let offset = locate::locate(at.text, at.inner);
        let (line, column) = locate::line_column(at.text, offset);
        let column = if line == 1 {
            at.column + column - 1
        } else {
            column
        };
        d.line = Some(at.line + line - 1);
        d.byte = Some(at.offset + offset as u64);
        d = d.with_param(Param::Column, column);
    }
    d
}

/// The error for JSON text that cannot be read, placed in the whole document: the text
/// started at `line`, `column` (an item of a split array, or the document itself).
fn json_syntax(e: &serde_json::Error, line: u64, column: u64) -> SourceError {
    let (l, c) = (e.line() as u64, e.column() as u64);
    let line = line + l.saturating_sub(1);
    let column = if l <= 1 {
        column + c.saturating_sub(1)
    } else {
        c
    };
    if let Some(problem) = crate::error::JsonProblem::of(e) {
        return SourceError::JsonValue {
            line,
            column,
            problem,
        };
    }
    // The reader's own text ends with its place in the text it was given, which is not
    // the place in the document for a split item: the place is given once, above.
    let text = e.to_string();
    let message = match text.rfind(" at line ") {
        Some(at) => text[..at].to_owned(),
        None => text,
    };
    SourceError::Json {
        line,
        column,
        message,
    }
}

impl JsonValidator {
    /// A validator with `options` (`max_errors`, `threads`, `lang` are used).
    pub fn new(schema: &JsonSchema, options: ValidationOptions) -> JsonValidator {
        JsonValidator {
            schema: schema.clone(),
            options,
            batch_items: 2000,
            whole_limit: 8 << 20,
        }
    }

    /// Sets the split thresholds: items per parallel batch, and the size under which a
    /// document is validated whole (mainly for tests).
    pub fn batching(mut self, batch_items: usize, whole_limit: usize) -> Self {
        self.batch_items = batch_items.max(1);
        self.whole_limit = whole_limit;
        self
    }

    /// Validates a JSON file (`.json`, `.geojson`).
    pub fn validate_path(&self, path: impl AsRef<Path>) -> Result<Report, SourceError> {
        let path = path.as_ref();
        if path.is_dir() {
            return Err(SourceError::Io(std::io::Error::new(
                std::io::ErrorKind::IsADirectory,
                format!("{} is a directory, not a file", path.display()),
            )));
        }
        self.validate_reader(std::fs::File::open(path)?)
    }

    /// Validates JSON bytes in memory.
    pub fn validate_slice(&self, input: &[u8]) -> Result<Report, SourceError> {
        self.validate_reader(input)
    }

    /// Validates everything `input` yields, in bounded memory for split documents, and
    /// warns of keys given twice in one object (`duplicate-key`: JSON readers keep the last
    /// value silently).
    pub fn validate_reader<R: Read + Send>(&self, input: R) -> Result<Report, SourceError> {
        let limit = self.options.limit();
        let mut duplicates = duplicates::DuplicateKeys::default();
        let input = duplicates::DuplicateCheck::new(input, &mut duplicates);
        let mut reader = read::DocumentReader::new(input, self.batch_items, self.whole_limit);
        let mut item_errors: Vec<Diagnostic> = Vec::new();
        let mut kept = 0usize;
        let mut failure: Option<SourceError> = None;
        // Set when the error limit stopped the reading: the rest of the document is unread,
        // so "unbalanced" is expected and the list is cut, not lost.
        let mut stopped = false;
        let schema = &self.schema;
        crate::pipeline::ordered(
            self.options.thread_count(),
            || reader.next_batch(),
            || (),
            |_, batch| validate_batch(schema, &batch, limit),
            |errors| match errors {
                Ok(errors) => {
                    kept += errors.iter().filter(|d| self.options.keeps(d.code)).count();
                    item_errors.extend(errors);
                    if kept > limit {
                        stopped = true;
                        crate::pipeline::Flow::Stop
                    } else {
                        crate::pipeline::Flow::Continue
                    }
                }
                Err(e) => {
                    failure = Some(e);
                    crate::pipeline::Flow::Stop
                }
            },
        )?;
        if let Some(e) = failure {
            return Err(e);
        }
        if reader.bytes_in == 0 {
            return Err(SourceError::Empty);
        }
        let mut errors: Vec<Diagnostic> = Vec::new();
        let rows;
        if let Some(whole) = &reader.whole {
            let text = whole.as_slice();
            let doc: Value = serde_json::from_slice(text).map_err(|e| json_syntax(&e, 1, 1))?;
            for e in self.schema.validator.iter_errors(&doc) {
                let pointer = e.instance_path().as_str().to_owned();
                let at = Location {
                    text,
                    line: 1,
                    column: 1,
                    offset: 0,
                    inner: &pointer,
                };
                errors.push(error_diagnostic(&e, &pointer, Some(at)));
            }
            rows = if reader.splitter.split() {
                reader.items_seen
            } else {
                1
            };
        } else {
            if !stopped && !reader.splitter.balanced() {
                let (line, column) = reader.splitter.end_position();
                return Err(SourceError::Json {
                    line,
                    column,
                    message: "the document ends before its last value is closed (a missing `]` or `}`: the file may be cut short)".into(),
                });
            }
            errors.extend(self.envelope_errors(&reader.splitter, reader.first_item.as_deref())?);
            errors.extend(item_errors);
            rows = reader.items_seen;
        }
        let bytes_in = reader.bytes_in;
        // The same filters and masking as for tables: the options mean the same everywhere.
        errors.retain(|e| self.options.keeps(e.code));
        let error_count = errors.len();
        let truncated = error_count > limit || stopped;
        errors.truncate(limit);
        let mut error_types = BTreeMap::new();
        for e in &errors {
            *error_types.entry(e.code.as_str().to_owned()).or_default() += 1;
        }
        let mut report = Report {
            valid: errors.is_empty(),
            stats: Stats {
                rows,
                fields: 0,
                bytes: bytes_in,
                encoding: "utf-8".into(),
                delimiter: String::new(),
                error_count: errors.len() as u64,
                truncated,
                error_types,
                format: "json".into(),
                sheet: None,
                warning_count: self.schema.warnings.len() as u64,
            },
            summary: crate::report::Summary::of(&errors),
            errors,
            warnings: self.schema.warnings.clone(),
            version: crate::report::REPORT_VERSION,
            rows: Vec::new(),
            masked: false,
        };
        drop(reader);
        report.warnings.extend(duplicates.warnings());
        report.warnings.retain(|w| self.options.keeps(w.code));
        report.stats.warning_count = report.warnings.len() as u64;
        if self.options.mask_cells {
            report.mask_cells();
        }
        report.localize(self.options.lang);
        Ok(report)
    }

    /// Errors outside the items of a split document: the envelope (all its keys) with the
    /// first item standing for the array.
    fn envelope_errors(
        &self,
        splitter: &scan::Splitter,
        first: Option<&[u8]>,
    ) -> Result<Vec<Diagnostic>, SourceError> {
        let mut envelope: Value =
            serde_json::from_slice(&splitter.envelope).map_err(|e| json_syntax(&e, 1, 1))?;
        let first: Option<Value> = first.and_then(|b| serde_json::from_slice(b).ok());
        let item_prefix = match &mut envelope {
            Value::Array(items) => {
                items.extend(first);
                "/"
            }
            Value::Object(o) => {
                if let Some(Value::Array(items)) = o.get_mut("features") {
                    items.extend(first);
                }
                "/features/"
            }
            _ => "/",
        };
        let prefix_len = splitter.prefix_len.unwrap_or(0);
        let mut out = Vec::new();
        for e in self.schema.validator.iter_errors(&envelope) {
            let pointer = e.instance_path().as_str().to_owned();
            if pointer.starts_with(item_prefix) && pointer.len() > item_prefix.len() {
                continue;
            }
            let text = &splitter.envelope[..prefix_len];
            let offset = locate::locate(&splitter.envelope, &pointer);
            let at = (offset < prefix_len).then_some(Location {
                text,
                line: 1,
                column: 1,
                offset: 0,
                inner: &pointer,
            });
            out.push(error_diagnostic(&e, &pointer, at));
        }
        Ok(out)
    }
}

fn validate_batch(
    schema: &JsonSchema,
    job: &read::Batch,
    limit: usize,
) -> Result<Vec<Diagnostic>, SourceError> {
    let mut values = Vec::with_capacity(job.items.len());
    for item in &job.items {
        let v: Value = serde_json::from_slice(&item.bytes)
            .map_err(|e| json_syntax(&e, item.line, item.column))?;
        values.push(v);
    }
    let (doc, item_prefix) = match job.prefix.as_ref() {
        Value::Object(o) => {
            let mut o = o.clone();
            o.insert("features".into(), Value::Array(values));
            (Value::Object(o), "/features/")
        }
        _ => (Value::Array(values), "/"),
    };
    let mut out = Vec::new();
    for e in schema.validator.iter_errors(&doc) {
        let path = e.instance_path().as_str();
        let Some(rest) = path.strip_prefix(item_prefix) else {
            continue;
        };
        let (index, inner) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
        let Ok(local) = index.parse::<usize>() else {
            continue;
        };
        let Some(item) = job.items.get(local) else {
            continue;
        };
        let pointer = format!("{item_prefix}{}{inner}", job.first_item + local as u64);
        let at = Location {
            text: &item.bytes,
            line: item.line,
            column: item.column,
            offset: item.offset,
            inner,
        };
        out.push(error_diagnostic(&e, &pointer, Some(at)));
        if out.len() > limit {
            break;
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
