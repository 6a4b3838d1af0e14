//! The validation report: plain, serialisable data shared by the CLI, Python and JavaScript.
//!
//! Error codes are frictionless-py's (`type-error`, `constraint-error`, `missing-label`…) so
//! that users of frictionless and Validata recognise them; rows follow frictionless
//! numbering (the header is row 1).

mod catalogue;
mod code;
pub(crate) mod fatal_messages;
pub use fatal_messages::io_message;
mod lang;
mod messages;
mod params;
pub mod render;
mod summary;
mod summary_sentence;

pub(crate) use code::CONSTRAINTS;
pub(crate) use code::CodeCounts;
pub use code::{ErrorCode, Severity};
pub use lang::Lang;
pub use params::{Param, Params, UnknownParam};
pub use summary::{
    ColumnCount, EXAMPLES_PER_GROUP, Example, GroupSummary, RowSample, Summary, SummaryBuilder,
};

/// Version of the JSON report shape (`schemas/report.schema.json`); bumped on breaking changes.
pub const REPORT_VERSION: &str = "1";

use serde::Serialize;
use std::collections::BTreeMap;

/// The outcome of validating one table.
///
/// ```
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
/// let report = conforme::Validator::new(&schema).validate_slice(b"n\n1\nx\n").unwrap();
/// assert!(!report.valid);
/// assert_eq!(report.stats.rows, 2);
/// assert_eq!(report.errors[0].field_name.as_deref(), Some("n"));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Report {
    /// Version of this JSON shape ([`REPORT_VERSION`]).
    pub version: &'static str,
    /// `true` when no error was found (warnings do not make a file invalid).
    pub valid: bool,
    /// Counts and facts about the input.
    pub stats: Stats,
    /// Errors in file order, at most `max_errors` of them (see `stats.truncated`).
    pub errors: Vec<Diagnostic>,
    /// Things worth knowing that do not make the file invalid (encoding, schema lint…).
    pub warnings: Vec<Diagnostic>,
    /// Counts by type and column, invalid rows, first examples per (column, type).
    pub summary: Summary,
    /// The cells of the first rows with errors (only when asked for, e.g. for HTML).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub rows: Vec<RowSample>,
    /// `true` when cell values were kept out of the report (`mask_cells`).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub masked: bool,
}

impl Default for Report {
    /// A valid, empty report of the current version.
    fn default() -> Self {
        Report {
            version: REPORT_VERSION,
            valid: true,
            stats: Stats::default(),
            errors: Vec::new(),
            warnings: Vec::new(),
            summary: Summary::default(),
            rows: Vec::new(),
            masked: false,
        }
    }
}

/// Facts about the validated input.
///
/// ```
/// let stats = conforme::Stats::default();
/// assert_eq!(stats.rows, 0);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Stats {
    /// Data rows read (the header excluded).
    pub rows: u64,
    /// Number of fields in the schema.
    pub fields: usize,
    /// Bytes of input read; when validation stopped at the error limit, the offset of the
    /// row of the last error (so the figure does not depend on threads or read-ahead).
    pub bytes: u64,
    /// Encoding used to decode the input (`utf-8`, `windows-1252`…).
    pub encoding: String,
    /// Field delimiter used.
    pub delimiter: String,
    /// What the input was read as: `csv`, `csv+gzip`, `csv+zip`, `xlsx`, `xls`, `ods`…
    pub format: String,
    /// The sheet read, for spreadsheets.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sheet: Option<String>,
    /// Total number of errors found, including those beyond `max_errors`.
    pub error_count: u64,
    /// `true` when the error list was cut at `max_errors` (the count above is then a lower bound:
    /// validation stopped there).
    pub truncated: bool,
    /// Error counts by type (`type-error` → 12).
    pub error_types: BTreeMap<String, u64>,
    /// Total number of warnings found, including row warnings beyond those kept.
    pub warning_count: u64,
}

/// One error or warning, located as precisely as possible.
///
/// ```
/// use conforme::{Diagnostic, ErrorCode};
/// let d = Diagnostic::new(ErrorCode::BlankRow).at_row(3, 3);
/// assert_eq!(d.code.as_str(), "blank-row");
/// ```
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Diagnostic {
    /// Stable code: frictionless error type, or a conforme warning code.
    #[serde(rename = "type")]
    pub code: ErrorCode,
    /// Row number as frictionless counts it (header = 1, first data row = 2).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// Physical line in the file (1-based); differs from `row` when quoted cells span lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Byte offset in the input where the row (or the problem) starts.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub byte: Option<u64>,
    /// 1-based position of the column in the file.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_number: Option<usize>,
    /// Name of the schema field.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_name: Option<String>,
    /// The raw cell text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// Human message in the report's language.
    pub message: String,
    /// Structured parameters (`constraint`, `value`, `format`, …).
    #[serde(skip_serializing_if = "Params::is_empty")]
    pub params: Params,
}

impl Diagnostic {
    /// A diagnostic with only its code; locate it with the `at_*` builders.
    pub fn new(code: ErrorCode) -> Self {
        Diagnostic {
            code,
            row: None,
            line: None,
            byte: None,
            field_number: None,
            field_name: None,
            cell: None,
            message: String::new(),
            params: Params::new(),
        }
    }

    /// Sets the row (frictionless numbering) and the physical line.
    pub fn at_row(mut self, row: u64, line: u64) -> Self {
        self.row = Some(row);
        self.line = Some(line);
        self
    }

    /// Sets the byte offset.
    pub fn at_byte(mut self, byte: u64) -> Self {
        self.byte = Some(byte);
        self
    }

    /// Sets the column position (1-based) and the field name.
    pub fn in_field(mut self, number: usize, name: &str) -> Self {
        self.field_number = Some(number);
        self.field_name = Some(name.to_owned());
        self
    }

    /// Sets the raw cell text.
    pub fn with_cell(mut self, cell: &str) -> Self {
        self.cell = Some(cell.to_owned());
        self
    }

    /// Adds a structured parameter.
    pub fn with_param(mut self, key: Param, value: impl Into<serde_json::Value>) -> Self {
        self.params.insert(key, value);
        self
    }

    /// Adds a structured parameter whose value other diagnostics share (built once with the
    /// schema: see [`Params`]).
    pub(crate) fn with_shared_param(
        mut self,
        key: Param,
        value: &std::sync::Arc<serde_json::Value>,
    ) -> Self {
        self.params.insert_shared(key, value);
        self
    }

    /// Adds a structured parameter whose value is a constant.
    pub(crate) fn with_static_param(
        mut self,
        key: Param,
        value: &'static serde_json::Value,
    ) -> Self {
        self.params.insert_static(key, value);
        self
    }

    /// The parameter `key` as a string, if present.
    pub fn param_str(&self, key: Param) -> Option<&str> {
        self.params.get(key).and_then(|v| v.as_str())
    }

    /// Fills `message` from the message catalogue.
    pub fn localize(&mut self, lang: Lang) {
        self.message = messages::render(self, lang);
        self.message.push_str(&messages::suffix(self, lang));
        // A report may keep a million messages: none keeps the room its rendering left.
        self.message.shrink_to_fit();
    }
}

impl Report {
    /// Renders every message in `lang` (reports are built language-neutral, then localized).
    ///
    /// ```
    /// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
    /// let mut report = conforme::Validator::new(&schema).validate_slice(b"n\nx\n").unwrap();
    /// report.localize(conforme::Lang::En);
    /// assert!(report.errors[0].message.contains("integer"));
    /// ```
    pub fn localize(&mut self, lang: Lang) {
        for d in self.errors.iter_mut().chain(self.warnings.iter_mut()) {
            d.localize(lang);
        }
    }

    /// Renders the messages not rendered yet (the engine's workers render those of the
    /// errors they find).
    pub(crate) fn localize_missing(&mut self, lang: Lang) {
        for d in self.errors.iter_mut().chain(self.warnings.iter_mut()) {
            if d.message.is_empty() {
                d.localize(lang);
            }
        }
    }

    /// Keeps cell values (personal data) out of the report: cells, hints, quoted values and
    /// sampled rows are replaced by [`MASK`]. Call before [`Report::localize`].
    ///
    /// ```
    /// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
    /// let mut report = conforme::Validator::new(&schema).validate_slice(b"n\nsecret\n").unwrap();
    /// report.mask_cells();
    /// report.localize(conforme::Lang::En);
    /// assert!(!serde_json::to_string(&report).unwrap().contains("secret"));
    /// ```
    pub fn mask_cells(&mut self) {
        self.masked = true;
        for d in self.errors.iter_mut().chain(self.warnings.iter_mut()) {
            d.mask();
        }
        for group in &mut self.summary.groups {
            for e in &mut group.examples {
                if e.cell.is_some() {
                    e.cell = Some(MASK.to_owned());
                }
            }
        }
        for r in &mut self.rows {
            r.cells.iter_mut().for_each(|c| *c = MASK.to_owned());
        }
    }
}

/// What replaces a masked cell value.
pub const MASK: &str = "•••";

impl Diagnostic {
    /// Replaces the cell and every parameter that may quote it by [`MASK`].
    pub(crate) fn mask(&mut self) {
        if self.cell.is_some() {
            self.cell = Some(MASK.to_owned());
        }
        // An enum hint is an allowed value from the schema; other hints derive from the cell.
        let keep_hint = self.param_str(Param::HintKind) == Some("closest-value");
        if self.params.contains_key(Param::Hint) && !keep_hint {
            self.params.insert(Param::Hint, MASK);
        }
        // A JSON Schema error's `detail` is the validator's own sentence, which quotes the value.
        if self.code == ErrorCode::JsonSchema && self.params.contains_key(Param::Detail) {
            self.params.insert(Param::Detail, MASK);
        }
        // Key errors quote the key's cells.
        if let Some(serde_json::Value::Array(values)) = self.params.get_mut(Param::Values) {
            values.iter_mut().for_each(|v| *v = MASK.into());
        }
        // A header label comes from the file (the first row of a file without a header is
        // data): the schema's own names stay, labels read from the file do not.
        let from_schema = matches!(
            self.code,
            ErrorCode::MissingLabel | ErrorCode::MissingColumn
        );
        if !from_schema && let Some(label) = self.param_str(Param::Label).map(str::to_owned) {
            if self.field_name.as_deref() == Some(label.as_str()) {
                self.field_name = Some(MASK.to_owned());
            }
            self.params.insert(Param::Label, MASK);
        }
    }
}
