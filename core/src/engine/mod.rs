//! Drivers: the reusable [`Validator`], its [`ValidationOptions`], the parallel file
//! driver and the push-based [`StreamValidator`]. All of them feed the same chunk
//! validation and ordered merge, so they produce the same report for the same bytes.

mod chunk;
mod dispatch;
mod front;
mod key_set;
pub(crate) mod keys;
mod merge;
mod parallel;
mod stream;

pub use stream::StreamValidator;

use crate::report::{ErrorCode, Lang, Report, Stats};
use crate::schema::Schema;
use crate::source::Dialect;
use crate::table::{CompiledTable, HeaderProfile};
use std::sync::Arc;

/// Settings of a validation run.
///
/// ```
/// use conforme::{Lang, ValidationOptions};
/// let options = ValidationOptions::default().max_errors(Some(100)).threads(Some(1)).lang(Lang::En);
/// assert_eq!(options.thread_count(), 1);
/// ```
#[derive(Clone, Debug)]
pub struct ValidationOptions {
    pub(crate) max_errors: Option<usize>,
    pub(crate) threads: Option<usize>,
    pub(crate) encoding: Option<&'static encoding_rs::Encoding>,
    pub(crate) dialect: Dialect,
    pub(crate) sniff_delimiter: bool,
    pub(crate) lang: Lang,
    pub(crate) chunk_size: usize,
    pub(crate) max_record_bytes: usize,
    pub(crate) profile: HeaderProfile,
    pub(crate) ignore_header_case: bool,
    pub(crate) skip_checks: Vec<String>,
    pub(crate) pick_errors: Option<Vec<ErrorCode>>,
    pub(crate) skip_errors: Vec<ErrorCode>,
    pub(crate) keep_rows: usize,
    pub(crate) mask_cells: bool,
    pub(crate) sheet: Option<String>,
    pub(crate) zip_member: Option<String>,
}

impl Default for ValidationOptions {
    fn default() -> Self {
        ValidationOptions {
            max_errors: None,
            threads: None,
            encoding: None,
            dialect: Dialect::default(),
            sniff_delimiter: true,
            lang: Lang::Fr,
            chunk_size: 1 << 20,
            max_record_bytes: 64 << 20,
            profile: HeaderProfile::default(),
            ignore_header_case: false,
            skip_checks: Vec::new(),
            pick_errors: None,
            skip_errors: Vec::new(),
            keep_rows: 0,
            mask_cells: false,
            sheet: None,
            zip_member: None,
        }
    }
}

impl ValidationOptions {
    /// Stops after this many errors (`None`: report them all).
    pub fn max_errors(mut self, n: Option<usize>) -> Self {
        self.max_errors = n;
        self
    }

    /// Worker threads (`None`: one per core).
    pub fn threads(mut self, n: Option<usize>) -> Self {
        self.threads = n;
        self
    }

    /// Forces the input encoding, by WHATWG label (`utf-8`, `windows-1252`, `latin1`…).
    /// Returns `None` for an unknown label.
    pub fn encoding(mut self, label: &str) -> Option<Self> {
        self.encoding = Some(encoding_rs::Encoding::for_label(label.as_bytes())?);
        Some(self)
    }

    /// Sets the whole dialect (no delimiter detection).
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = dialect;
        self.sniff_delimiter = false;
        self
    }

    /// Applies a Table Dialect descriptor (`{"delimiter": ";", "header": false, …}`) over the
    /// current dialect; the delimiter is still detected unless the descriptor gives it.
    ///
    /// ```
    /// let options = conforme::ValidationOptions::default()
    ///     .dialect_json(&serde_json::json!({"commentChar": "#"}))
    ///     .unwrap();
    /// # let _ = options;
    /// ```
    pub fn dialect_json(
        mut self,
        descriptor: &serde_json::Value,
    ) -> Result<Self, crate::source::DialectError> {
        if self.dialect.apply_json(descriptor)? {
            self.sniff_delimiter = false;
        }
        Ok(self)
    }

    /// Sets the delimiter (no detection).
    pub fn delimiter(mut self, delimiter: u8) -> Self {
        self.dialect.delimiter = delimiter;
        self.sniff_delimiter = false;
        self
    }

    /// Language of the messages.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    /// Size of the chunks validated in parallel (bytes).
    pub fn chunk_size(mut self, bytes: usize) -> Self {
        self.chunk_size = bytes.max(1);
        self
    }

    /// Longest record accepted, in bytes (protects memory on broken files).
    pub fn max_record_bytes(mut self, bytes: usize) -> Self {
        self.max_record_bytes = bytes.max(1);
        self
    }

    /// How the header is matched to the schema when the schema has no `fieldsMatch`
    /// (default: [`HeaderProfile::SchemaDataGouv`], by name).
    ///
    /// ```
    /// use conforme::{HeaderProfile, Schema, ValidationOptions, Validator};
    /// let schema = Schema::from_slice(br#"{"fields": [{"name": "a"}, {"name": "b"}]}"#).unwrap();
    /// let data = b"b,a\n1,2\n";
    /// // By name: reordered columns are only a warning.
    /// assert!(Validator::new(&schema).validate_slice(data).unwrap().valid);
    /// let strict = ValidationOptions::default().profile(HeaderProfile::Strict);
    /// assert!(!Validator::with_options(&schema, strict).validate_slice(data).unwrap().valid);
    /// ```
    pub fn profile(mut self, profile: HeaderProfile) -> Self {
        self.profile = profile;
        self
    }

    /// Matches header labels to field names ignoring case (by-name matching only); each
    /// label matched that way is reported as a warning.
    pub fn ignore_header_case(mut self, yes: bool) -> Self {
        self.ignore_header_case = yes;
        self
    }

    /// Does not run these custom checks (current or deprecated names).
    pub fn skip_checks<S: Into<String>>(mut self, names: impl IntoIterator<Item = S>) -> Self {
        self.skip_checks = names.into_iter().map(Into::into).collect();
        self
    }

    /// Reports only diagnostics of these codes (the file is valid if none is found).
    ///
    /// ```
    /// use conforme::{ErrorCode, Schema, ValidationOptions, Validator};
    /// let schema = Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
    /// let options = ValidationOptions::default().pick_errors([ErrorCode::BlankRow]);
    /// let report = Validator::with_options(&schema, options).validate_slice(b"n\nx\n").unwrap();
    /// assert!(report.valid);
    /// ```
    pub fn pick_errors(mut self, codes: impl IntoIterator<Item = ErrorCode>) -> Self {
        self.pick_errors = Some(codes.into_iter().collect());
        self
    }

    /// Never reports diagnostics of these codes.
    pub fn skip_errors(mut self, codes: impl IntoIterator<Item = ErrorCode>) -> Self {
        self.skip_errors = codes.into_iter().collect();
        self
    }

    /// Whether diagnostics of `code` are reported (`pick_errors` / `skip_errors`).
    pub(crate) fn keeps(&self, code: ErrorCode) -> bool {
        self.pick_errors.as_ref().is_none_or(|p| p.contains(&code))
            && !self.skip_errors.contains(&code)
    }

    /// Keeps the cells of the first `n` rows with errors in `Report::rows` (at most 200), for
    /// reports that show rows (HTML). Default 0.
    pub fn keep_rows(mut self, n: usize) -> Self {
        self.keep_rows = n.min(merge::MAX_ROW_SAMPLES);
        self
    }

    /// Keeps cell values (personal data) out of the report (see [`Report::mask_cells`]).
    pub fn mask_cells(mut self, mask: bool) -> Self {
        self.mask_cells = mask;
        self
    }

    /// The spreadsheet sheet to validate, by name or 1-based number (default: the first).
    pub fn sheet(mut self, sheet: Option<String>) -> Self {
        self.sheet = sheet;
        self
    }

    /// The member of a ZIP archive to validate (default: its only data file).
    pub fn zip_member(mut self, name: Option<String>) -> Self {
        self.zip_member = name;
        self
    }

    /// The number of worker threads this run will use (always 1 on wasm32, which has no
    /// threads without shared memory).
    pub fn thread_count(&self) -> usize {
        if cfg!(target_arch = "wasm32") {
            return 1;
        }
        self.threads
            .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from))
            .max(1)
    }

    pub(crate) fn limit(&self) -> usize {
        self.max_errors.unwrap_or(usize::MAX).max(1)
    }

    pub(crate) fn chunk_limits(&self) -> chunk::ChunkLimits {
        chunk::ChunkLimits {
            errors: self.limit(),
            keep_rows: self.keep_rows,
        }
    }
}

/// A compiled schema with its options, reusable across files and threads.
///
/// ```
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "ok", "type": "boolean"}]}"#).unwrap();
/// let validator = conforme::Validator::new(&schema);
/// assert!(validator.validate_slice(b"ok\ntrue\n").unwrap().valid);
/// ```
#[derive(Clone, Debug)]
pub struct Validator {
    pub(crate) table: Arc<CompiledTable>,
    pub(crate) options: Arc<ValidationOptions>,
}

impl Validator {
    /// A validator with default options.
    pub fn new(schema: &Schema) -> Validator {
        Validator::with_options(schema, ValidationOptions::default())
    }

    /// A validator with `options`.
    pub fn with_options(schema: &Schema, options: ValidationOptions) -> Validator {
        let table = match &options.dialect.null_sequence {
            Some(null) => with_null_sequence(schema, null),
            None => schema.compiled().clone(),
        };
        Validator {
            table,
            options: Arc::new(options),
        }
    }

    /// A push-based validator for input that arrives in pieces.
    pub fn stream(&self) -> StreamValidator {
        StreamValidator::new(self.clone())
    }
}

/// The schema compiled with the dialect's `nullSequence` as one more missing value
/// (for the whole schema and for fields with their own `missingValues`).
fn with_null_sequence(schema: &Schema, null: &str) -> Arc<CompiledTable> {
    let mut descriptor = schema.table().clone();
    let value = crate::schema::MissingValue {
        value: null.to_owned(),
        label: None,
    };
    descriptor.missing_values.push(value.clone());
    for field in &mut descriptor.fields {
        if let Some(own) = &mut field.missing_values {
            own.push(value.clone());
        }
    }
    // The descriptor compiled once already; adding a missing value cannot break it.
    CompiledTable::compile(&descriptor)
        .map(Arc::new)
        .unwrap_or_else(|_| schema.compiled().clone())
}

fn build_report(v: &Validator, merger: merge::Merger, front: &front::Front) -> Report {
    let dialect = front
        .setup
        .as_ref()
        .map(|s| s.dialect.clone())
        .unwrap_or_default();
    let stats = Stats {
        bytes: front.bytes_in,
        encoding: front.encoding.name(),
        delimiter: (dialect.delimiter as char).to_string(),
        format: "csv".to_owned(),
        ..Stats::default()
    };
    let warnings = front
        .warnings()
        .into_iter()
        .filter(|w| v.options.keeps(w.code))
        .collect();
    let mut report = merger.finish(stats, warnings);
    add_table_warnings(&mut report, dialect.header_record_count() as u64);
    report.warnings.retain(|w| v.options.keeps(w.code));
    report.rows.truncate(v.options.keep_rows);
    if v.options.mask_cells {
        report.mask_cells();
    }
    report.localize(v.options.lang);
    report
}

/// Warnings read off the finished report: no data row, blank rows at the end.
fn add_table_warnings(report: &mut Report, header_records: u64) {
    use crate::report::{Diagnostic, ErrorCode};
    // Stopped at the error limit before the first row: rows were not read, not absent.
    if report.stats.rows == 0 && header_records > 0 && !report.stats.truncated {
        report.warnings.push(Diagnostic::new(ErrorCode::NoDataRows));
    }
    if report.stats.truncated {
        return;
    }
    let last_row = report.stats.rows + header_records;
    let mut count = 0u64;
    let mut line = None;
    for e in report.errors.iter().rev() {
        if e.code != ErrorCode::BlankRow || e.row != Some(last_row - count) {
            break;
        }
        count += 1;
        line = e.line;
    }
    // One blank row at the end is common enough to say only when it is a run.
    if count > 0 {
        let mut d = Diagnostic::new(ErrorCode::BlankRowsAtEnd)
            .with_param("count", count)
            .with_param("first_row", last_row + 1 - count);
        d.line = line;
        report.warnings.push(d);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn validator_and_schema_are_shareable() {
        assert_send_sync::<Validator>();
        assert_send_sync::<Schema>();
    }
}
