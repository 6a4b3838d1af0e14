//! Schema descriptors: loading, detection and compilation.
//!
//! A [`Schema`] is loaded once (from JSON or YAML), checked, and compiled into everything
//! the per-cell work needs (regexes, enum sets, bounds, date formats). It is cheap to clone
//! and can be shared by threads.

pub(crate) mod table;

pub use table::{
    Constraints, FieldDescriptor, FieldType, FieldsMatch, ForeignKey, MissingValue, TableSchema,
};

use crate::checks::lookup::ReferenceLists;
use crate::checks::{ListFailure, ListReader};
use crate::error::SchemaError;
use crate::table::CompiledTable;
use std::path::Path;
use std::sync::Arc;

/// A loaded and compiled schema.
///
/// ```
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "id", "type": "integer"}]}"#).unwrap();
/// assert_eq!(schema.table().fields.len(), 1);
/// // YAML works too.
/// let yaml = conforme::Schema::from_slice(b"fields:\n  - name: id\n    type: integer\n").unwrap();
/// assert_eq!(yaml.table().fields[0].name, "id");
/// ```
#[derive(Clone, Debug)]
pub struct Schema {
    descriptor: Arc<TableSchema>,
    compiled: Arc<CompiledTable>,
    /// The descriptor's lint findings, as warnings, when it was loaded through the
    /// engine's door ([`crate::document::load_table_schema`]).
    lint: Arc<[crate::report::Diagnostic]>,
    /// The reference lists its `reference-list-value` checks read (kept for recompiling).
    lists: Arc<ReferenceLists>,
}

impl Schema {
    /// Loads a schema from JSON or YAML bytes.
    pub fn from_slice(bytes: &[u8]) -> Result<Schema, SchemaError> {
        Schema::from_value(&parse_descriptor(bytes)?)
    }

    /// Loads a schema from an already parsed JSON value. The descriptor is first checked
    /// against the Table Schema profile ([`crate::profile`]): every structural error is
    /// reported at once, with its pointer.
    ///
    /// A `reference-list-value` check needs its list read from the schema's location: here
    /// there is none, so such a check reports a `check-error` (use
    /// [`from_path`](Self::from_path) or [`from_value_with_lists`](Self::from_value_with_lists)).
    pub fn from_value(value: &serde_json::Value) -> Result<Schema, SchemaError> {
        Schema::from_value_with_lists(value, &mut |_: &str| Err(ListFailure::NoAccess))
    }

    /// [`from_value`](Self::from_value), reading the reference lists of its
    /// `reference-list-value` checks with `read` (given each `list` parameter as written;
    /// it resolves it against the schema's location). Each list is read once.
    ///
    /// ```
    /// use conforme::{ListFailure, Schema, Validator};
    /// let descriptor = serde_json::json!({"fields": [{"name": "code",
    ///     "customCheck": {"name": "reference-list-value", "list": "codes.csv"}}]});
    /// let schema = Schema::from_value_with_lists(&descriptor, &mut |list: &str| match list {
    ///     "codes.csv" => Ok(b"code\nA1\nB2\n".to_vec()),
    ///     _ => Err(ListFailure::NoAccess),
    /// }).unwrap();
    /// let report = Validator::new(&schema).validate_slice(b"code\nA1\nC3\n").unwrap();
    /// assert_eq!(report.errors.len(), 1);
    /// ```
    pub fn from_value_with_lists(
        value: &serde_json::Value,
        read: &mut ListReader<'_>,
    ) -> Result<Schema, SchemaError> {
        // Without "fields" the loader's own message (a package? a JSON Schema?) says more.
        if value.get("fields").is_some() {
            let violations = crate::profile::errors(crate::profile::Profile::TableSchema, value);
            if !violations.is_empty() {
                return Err(SchemaError::Profile {
                    profile: crate::profile::Profile::TableSchema.name(),
                    violations,
                });
            }
        }
        let descriptor = TableSchema::from_value(value)?;
        let wanted = crate::checks::wanted_lists(&descriptor);
        let lists = crate::source::lists::load_lists(
            wanted.iter().map(|(l, c)| (l.as_str(), c.as_deref())),
            read,
        );
        let compiled = CompiledTable::compile(&descriptor, &lists)?;
        Ok(Schema {
            descriptor: Arc::new(descriptor),
            compiled: Arc::new(compiled),
            lint: Arc::from(Vec::new()),
            lists: Arc::new(lists),
        })
    }

    /// Loads a schema file (JSON or YAML); the lists of its `reference-list-value` checks
    /// are read from the file's folder.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Schema, SchemaError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|source| SchemaError::Io {
            path: path.to_owned(),
            source,
        })?;
        Schema::from_value_with_lists(&parse_descriptor(&bytes)?, &mut local_lists(Some(path)))
    }

    /// The Table Schema descriptor as loaded.
    pub fn table(&self) -> &TableSchema {
        &self.descriptor
    }

    /// The lint warnings that every report made with this schema carries (empty unless it was
    /// loaded by [`crate::document::load_table_schema`]).
    pub fn lint_warnings(&self) -> &[crate::report::Diagnostic] {
        &self.lint
    }

    pub(crate) fn with_lint(mut self, warnings: Vec<crate::report::Diagnostic>) -> Schema {
        self.lint = Arc::from(warnings);
        self
    }

    pub(crate) fn compiled(&self) -> &Arc<CompiledTable> {
        &self.compiled
    }

    pub(crate) fn lists(&self) -> &ReferenceLists {
        &self.lists
    }
}

/// Reads reference lists from the file system, relative to the folder of the schema file
/// `schema` (the current folder without one). A URL cannot be read here: the command and
/// Python load schemas through `conforme-remote`, which fetches them (with its cache).
pub(crate) fn local_lists(
    schema: Option<&Path>,
) -> impl FnMut(&str) -> Result<Vec<u8>, ListFailure> {
    let folder = schema
        .and_then(Path::parent)
        .map(Path::to_path_buf)
        .unwrap_or_default();
    move |list: &str| {
        let lower = list.to_ascii_lowercase();
        let remote = ["http://", "https://", "data.gouv.fr:"];
        if cfg!(target_arch = "wasm32") || remote.iter().any(|r| lower.starts_with(r)) {
            return Err(ListFailure::NoAccess);
        }
        std::fs::read(folder.join(list))
            .map_err(|e| ListFailure::Unreadable(format!("{}: {e}", folder.join(list).display())))
    }
}

/// Parses descriptor text (JSON or YAML, a UTF-8 BOM allowed) into a JSON value, with the
/// line and column of a syntax error. Text that starts like JSON is reported as JSON.
///
/// ```
/// let value = conforme::schema::parse_descriptor(b"fields:\n  - name: id\n").unwrap();
/// assert_eq!(value["fields"][0]["name"], "id");
/// assert!(conforme::schema::parse_descriptor(b"{\"fields\": [}").is_err());
/// ```
pub fn parse_descriptor(bytes: &[u8]) -> Result<serde_json::Value, SchemaError> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let value: serde_json::Value = match serde_json::from_slice(bytes) {
        Ok(v) => v,
        Err(json_err) => {
            let first = bytes.iter().find(|b| !b.is_ascii_whitespace());
            // A document that starts like JSON is reported as JSON, so the user sees
            // the JSON syntax error rather than a confusing YAML one.
            if matches!(first, Some(b'{') | Some(b'[') | None) {
                return Err(SchemaError::Syntax {
                    line: json_err.line(),
                    column: json_err.column(),
                    message: json_err.to_string(),
                });
            }
            serde_yaml::from_slice(bytes).map_err(|yaml_err| {
                let loc = yaml_err.location();
                SchemaError::Syntax {
                    line: loc.as_ref().map_or(json_err.line(), |l| l.line()),
                    column: loc.as_ref().map_or(json_err.column(), |l| l.column()),
                    message: format!("neither JSON ({json_err}) nor YAML ({yaml_err})"),
                }
            })?
        }
    };
    Ok(value)
}
