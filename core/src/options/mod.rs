//! [`ValidationOptions`]: every setting of a validation run, defined once for every kind of
//! document and every door. The command maps its flags onto it, Python its keyword
//! arguments, the browser its options object and the fixtures their JSON, all through
//! [`ValidationOptions::from_json`]: one list of names ([`OPTION_NAMES`]), one set of
//! defaults, one validation of values ([`OptionsError`]).

mod error;
mod spec;
mod values;

pub use error::OptionsError;
pub use spec::OPTION_NAMES;
pub use values::Draft;
pub(crate) use values::{check_name, delimiter_byte};

use crate::report::{ErrorCode, Lang};
use crate::source::Dialect;
use crate::table::HeaderProfile;
use std::path::PathBuf;

/// The most worker threads a run may ask for ([`crate::limits::MAX_THREADS`]).
pub use crate::limits::MAX_THREADS;

/// Rows with errors whose cells a report can keep ([`ValidationOptions::keep_rows`]).
pub const MAX_KEPT_ROWS: usize = 200;

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
    /// Whether `skipInitialSpace` is guessed from the file (as frictionless does), the
    /// dialect not saying.
    pub(crate) sniff_skip_initial_space: bool,
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
    pub(crate) draft: Option<Draft>,
    pub(crate) schema_dirs: Vec<PathBuf>,
    pub(crate) assert_formats: bool,
}

impl Default for ValidationOptions {
    fn default() -> Self {
        ValidationOptions {
            max_errors: None,
            threads: None,
            encoding: None,
            dialect: Dialect::default(),
            sniff_delimiter: true,
            sniff_skip_initial_space: true,
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
            draft: None,
            schema_dirs: Vec::new(),
            assert_formats: true,
        }
    }
}

impl ValidationOptions {
    /// The options to read a sheet turned into CSV text: comma, UTF-8, no detection.
    #[cfg(feature = "excel")]
    pub(crate) fn for_sheet_text(&self) -> ValidationOptions {
        let mut options = self.clone();
        options.dialect.delimiter = b',';
        options.dialect.quote_char = Some(b'"');
        options.dialect.double_quote = true;
        options.dialect.escape_char = None;
        options.dialect.comment_char = None;
        options.dialect.skip_initial_space = false;
        options.sniff_delimiter = false;
        options.sniff_skip_initial_space = false;
        options.encoding = None;
        options
    }
}

impl ValidationOptions {
    /// Stops after this many errors (`None`: report them all).
    pub fn max_errors(mut self, n: Option<usize>) -> Self {
        self.max_errors = n;
        self
    }

    /// Worker threads in all (`None`: one per core), for every kind of document: chunks of a
    /// table, items of a JSON array, resources of a package. Kept within 1..=[`MAX_THREADS`].
    pub fn threads(mut self, n: Option<usize>) -> Self {
        self.threads = n.map(|n| n.clamp(1, MAX_THREADS));
        self
    }

    /// Forces the input encoding, by WHATWG label (`utf-8`, `windows-1252`, `latin1`…).
    /// Returns `None` for an unknown label.
    pub fn encoding(mut self, label: &str) -> Option<Self> {
        self.encoding = Some(encoding_rs::Encoding::for_label(label.as_bytes())?);
        Some(self)
    }

    /// Sets the whole dialect (no delimiter or `skipInitialSpace` detection).
    pub fn dialect(mut self, dialect: Dialect) -> Self {
        self.dialect = dialect;
        self.sniff_delimiter = false;
        self.sniff_skip_initial_space = false;
        self
    }

    /// Applies a Table Dialect descriptor (`{"delimiter": ";", "header": false, …}`) over the
    /// current dialect; the delimiter and `skipInitialSpace` are still detected unless the
    /// descriptor gives them.
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
        if descriptor.get("skipInitialSpace").is_some() {
            self.sniff_skip_initial_space = false;
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

    /// Whether diagnostics of every code are reported (no `pick_errors` nor `skip_errors`).
    pub(crate) fn keeps_all(&self) -> bool {
        self.pick_errors.is_none() && self.skip_errors.is_empty()
    }

    /// Whether diagnostics of `code` are reported (`pick_errors` / `skip_errors`).
    pub(crate) fn keeps(&self, code: ErrorCode) -> bool {
        self.pick_errors.as_ref().is_none_or(|p| p.contains(&code))
            && !self.skip_errors.contains(&code)
    }

    /// Keeps the cells of the first `n` rows with errors in `Report::rows` (at most 200), for
    /// reports that show rows (HTML). Default 0.
    pub fn keep_rows(mut self, n: usize) -> Self {
        self.keep_rows = n.min(MAX_KEPT_ROWS);
        self
    }

    /// Keeps cell values (personal data) out of the report (see [`crate::Report::mask_cells`]).
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

    /// JSON Schema draft for schemas without `$schema` (`None`: the schema's, else draft-07).
    pub fn draft(mut self, draft: Option<Draft>) -> Self {
        self.draft = draft;
        self
    }

    /// Directories holding local copies of schemas referenced by URL (`$ref`), looked up
    /// through their `index.json`, then `<dir>/<host>/<path>`.
    pub fn schema_dirs(mut self, dirs: impl IntoIterator<Item = PathBuf>) -> Self {
        self.schema_dirs = dirs.into_iter().collect();
        self
    }

    /// Whether JSON Schema `format` is asserted (default: yes).
    pub fn assert_formats(mut self, yes: bool) -> Self {
        self.assert_formats = yes;
        self
    }

    /// The message language.
    pub fn language(&self) -> Lang {
        self.lang
    }

    /// Whether cell values are kept out of the report.
    pub fn masks_cells(&self) -> bool {
        self.mask_cells
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

    /// Refuses the options that have no meaning for a JSON document (they describe how a
    /// table is read or matched), so that a user is not led to believe they were applied.
    ///
    /// ```
    /// let options = conforme::ValidationOptions::from_json_str(r#"{"sheet": "2"}"#).unwrap();
    /// let err = options.check_for_json_documents().unwrap_err();
    /// assert_eq!(err.to_string(), "sheet has no meaning for a JSON document: remove it");
    /// ```
    pub fn check_for_json_documents(&self) -> Result<(), OptionsError> {
        let defaults = ValidationOptions::default();
        let given = [
            ("encoding", self.encoding.is_some()),
            ("dialect", self.dialect != defaults.dialect),
            ("delimiter", !self.sniff_delimiter),
            ("profile", self.profile != defaults.profile),
            ("ignoreHeaderCase", self.ignore_header_case),
            ("skipChecks", !self.skip_checks.is_empty()),
            ("sheet", self.sheet.is_some()),
        ];
        match given.iter().find(|(_, set)| *set) {
            Some((option, _)) => Err(OptionsError::NotApplicable {
                option,
                kind: "a JSON document",
            }),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests;
