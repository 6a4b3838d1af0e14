//! Options as data: read from (and written to) a JSON object whose keys are camelCase
//! (`maxErrors`) or snake_case (`max_errors`), as JavaScript, Python and the fixtures write
//! them. Values are applied in one fixed order, so every door gets the same result.

use super::{
    MAX_KEPT_ROWS, MAX_THREADS, OptionsError, ValidationOptions, check_name, delimiter_byte,
};
use crate::report::{ErrorCode, Lang};
use crate::source::Dialect;
use crate::table::HeaderProfile;
use serde::Deserialize;
use serde_json::{Map, Value};
use std::path::PathBuf;

/// Every option's name, as JavaScript writes it (Python and the fixtures write the same
/// names in snake_case).
pub const OPTION_NAMES: &[&str] = &[
    "maxErrors",
    "threads",
    "lang",
    "encoding",
    "dialect",
    "header",
    "delimiter",
    "chunkSize",
    "maxRecordBytes",
    "profile",
    "ignoreHeaderCase",
    "skipChecks",
    "pickErrors",
    "skipErrors",
    "keepRows",
    "maskCells",
    "sheet",
    "zipMember",
    "draft",
    "schemaDirs",
    "assertFormats",
];

/// The options object as written; `null` is the same as absent.
#[derive(Default, Deserialize)]
#[serde(default, deny_unknown_fields, rename_all = "camelCase")]
struct Spec {
    #[serde(alias = "max_errors")]
    max_errors: Option<usize>,
    threads: Option<usize>,
    lang: Option<String>,
    encoding: Option<String>,
    dialect: Option<Value>,
    header: Option<bool>,
    delimiter: Option<String>,
    #[serde(alias = "chunk_size")]
    chunk_size: Option<usize>,
    #[serde(alias = "max_record_bytes")]
    max_record_bytes: Option<usize>,
    profile: Option<String>,
    #[serde(alias = "ignore_header_case")]
    ignore_header_case: Option<bool>,
    #[serde(alias = "skip_checks")]
    skip_checks: Option<Vec<String>>,
    #[serde(alias = "pick_errors")]
    pick_errors: Option<Vec<String>>,
    #[serde(alias = "skip_errors")]
    skip_errors: Option<Vec<String>>,
    #[serde(alias = "keep_rows")]
    keep_rows: Option<usize>,
    #[serde(alias = "mask_cells")]
    mask_cells: Option<bool>,
    sheet: Option<SheetRef>,
    #[serde(alias = "zip_member")]
    zip_member: Option<String>,
    draft: Option<String>,
    #[serde(alias = "schema_dirs")]
    schema_dirs: Option<Vec<PathBuf>>,
    #[serde(alias = "assert_formats")]
    assert_formats: Option<bool>,
}

/// A sheet by name or by number from 1.
#[derive(Deserialize)]
#[serde(untagged)]
enum SheetRef {
    Number(usize),
    Name(String),
}

fn positive(option: &'static str, value: usize) -> Result<usize, OptionsError> {
    if value == 0 {
        return Err(OptionsError::OutOfRange {
            option,
            value,
            rule: "must be at least 1 (omit it for the default)",
        });
    }
    Ok(value)
}

fn codes(names: &[String]) -> Result<Vec<ErrorCode>, OptionsError> {
    names.iter().map(|n| n.parse()).collect()
}

impl Spec {
    fn apply(self) -> Result<ValidationOptions, OptionsError> {
        let mut o = ValidationOptions::default();
        // The dialect first: `header` and `delimiter` refine it, never reset it.
        if let Some(descriptor) = &self.dialect {
            o = o.dialect_json(descriptor)?;
        }
        if let Some(header) = self.header {
            o.dialect.header = header;
        }
        if let Some(text) = &self.delimiter {
            o = o.delimiter(delimiter_byte(text)?);
        }
        match self.encoding.as_deref() {
            None | Some("detect") => {}
            Some(label) => {
                o = o
                    .encoding(label)
                    .ok_or_else(|| OptionsError::Encoding(label.to_owned()))?;
            }
        }
        if let Some(tag) = &self.lang {
            o.lang = tag.parse::<Lang>()?;
        }
        if let Some(n) = self.max_errors {
            o.max_errors = Some(positive("maxErrors", n)?);
        }
        if let Some(n) = self.threads {
            if n > MAX_THREADS {
                return Err(OptionsError::OutOfRange {
                    option: "threads",
                    value: n,
                    rule: "must be at most 256",
                });
            }
            o.threads = Some(positive("threads", n)?);
        }
        if let Some(n) = self.chunk_size {
            o.chunk_size = positive("chunkSize", n)?;
        }
        if let Some(n) = self.max_record_bytes {
            o.max_record_bytes = positive("maxRecordBytes", n)?;
        }
        if let Some(name) = &self.profile {
            o.profile = name.parse::<HeaderProfile>()?;
        }
        o.ignore_header_case = self.ignore_header_case.unwrap_or(false);
        if let Some(names) = &self.skip_checks {
            o.skip_checks = names
                .iter()
                .filter(|n| !n.trim().is_empty())
                .map(|n| check_name(n))
                .collect::<Result<_, _>>()?;
        }
        if let Some(names) = &self.pick_errors {
            o.pick_errors = Some(codes(names)?);
        }
        if let Some(names) = &self.skip_errors {
            o.skip_errors = codes(names)?;
        }
        if let Some(n) = self.keep_rows {
            if n > MAX_KEPT_ROWS {
                return Err(OptionsError::OutOfRange {
                    option: "keepRows",
                    value: n,
                    rule: "must be at most 200",
                });
            }
            o.keep_rows = n;
        }
        o.mask_cells = self.mask_cells.unwrap_or(false);
        o.sheet = match self.sheet {
            None => None,
            Some(SheetRef::Number(n)) => Some(positive("sheet", n)?.to_string()),
            Some(SheetRef::Name(name)) => Some(name),
        };
        o.zip_member = self.zip_member;
        if let Some(name) = &self.draft {
            o.draft = Some(name.parse()?);
        }
        o.schema_dirs = self.schema_dirs.unwrap_or_default();
        o.assert_formats = self.assert_formats.unwrap_or(true);
        Ok(o)
    }
}

/// The first option whose value alone does not read, named (serde's message for a wrongly
/// typed value does not say which key it was).
fn name_the_option(value: &Value) -> Option<OptionsError> {
    value.as_object()?.iter().find_map(|(key, v)| {
        let mut one = Map::new();
        one.insert(key.clone(), v.clone());
        Spec::deserialize(Value::Object(one))
            .err()
            .map(|e| OptionsError::Invalid {
                option: key.clone(),
                reason: e.to_string(),
            })
    })
}

impl ValidationOptions {
    /// Reads options from a JSON object (camelCase or snake_case keys, `null` for the
    /// default), checking every value.
    ///
    /// ```
    /// use conforme::ValidationOptions;
    /// use serde_json::json;
    /// let options = ValidationOptions::from_json(&json!({"maxErrors": 10, "lang": "en", "threads": 2})).unwrap();
    /// assert_eq!(options.thread_count(), 2);
    /// let same = ValidationOptions::from_json(&json!({"max_errors": 10, "lang": "en", "threads": 2})).unwrap();
    /// assert_eq!(options.to_json(), same.to_json());
    /// let err = ValidationOptions::from_json(&json!({"threads": 0})).unwrap_err();
    /// assert_eq!(err.to_string(), "threads = 0: must be at least 1 (omit it for the default)");
    /// ```
    pub fn from_json(value: &Value) -> Result<ValidationOptions, OptionsError> {
        if value.is_null() {
            return Ok(ValidationOptions::default());
        }
        match Spec::deserialize(value) {
            Ok(spec) => spec.apply(),
            Err(e) => Err(name_the_option(value).unwrap_or(OptionsError::Json(e))),
        }
    }

    /// [`from_json`](Self::from_json) on JSON text; empty text means the defaults.
    pub fn from_json_str(text: &str) -> Result<ValidationOptions, OptionsError> {
        if text.trim().is_empty() {
            return Ok(ValidationOptions::default());
        }
        let value: Value = serde_json::from_str(text)?;
        ValidationOptions::from_json(&value)
    }

    /// The options that differ from the defaults, as a JSON object (camelCase keys) that
    /// [`from_json`](Self::from_json) reads back into the same options.
    pub fn to_json(&self) -> Value {
        let d = ValidationOptions::default();
        let mut m = Map::new();
        let mut put = |key: &str, v: Value| {
            m.insert(key.to_owned(), v);
        };
        if let Some(n) = self.max_errors {
            put("maxErrors", n.into());
        }
        if let Some(n) = self.threads {
            put("threads", n.into());
        }
        if self.lang != d.lang {
            put("lang", self.lang.tag().into());
        }
        if let Some(e) = self.encoding {
            put("encoding", e.name().to_ascii_lowercase().into());
        }
        let mut dialect = dialect_descriptor(&self.dialect, self.sniff_delimiter);
        if !self.sniff_skip_initial_space {
            // Given, even as `false`: it must not be guessed again when read back.
            dialect.insert(
                "skipInitialSpace".into(),
                self.dialect.skip_initial_space.into(),
            );
        }
        if !dialect.is_empty() {
            put("dialect", Value::Object(dialect));
        }
        if self.chunk_size != d.chunk_size {
            put("chunkSize", self.chunk_size.into());
        }
        if self.max_record_bytes != d.max_record_bytes {
            put("maxRecordBytes", self.max_record_bytes.into());
        }
        if self.profile != d.profile {
            put("profile", self.profile.name().into());
        }
        if self.ignore_header_case {
            put("ignoreHeaderCase", true.into());
        }
        if !self.skip_checks.is_empty() {
            put("skipChecks", self.skip_checks.clone().into());
        }
        let names = |codes: &[ErrorCode]| -> Value {
            codes.iter().map(|c| c.as_str()).collect::<Vec<_>>().into()
        };
        if let Some(codes) = &self.pick_errors {
            put("pickErrors", names(codes));
        }
        if !self.skip_errors.is_empty() {
            put("skipErrors", names(&self.skip_errors));
        }
        if self.keep_rows != 0 {
            put("keepRows", self.keep_rows.into());
        }
        if self.mask_cells {
            put("maskCells", true.into());
        }
        if let Some(s) = &self.sheet {
            put("sheet", s.as_str().into());
        }
        if let Some(z) = &self.zip_member {
            put("zipMember", z.as_str().into());
        }
        if let Some(draft) = self.draft {
            put("draft", draft.name().into());
        }
        if !self.schema_dirs.is_empty() {
            let dirs: Vec<Value> = self
                .schema_dirs
                .iter()
                .map(|p| p.to_string_lossy().into_owned().into())
                .collect();
            put("schemaDirs", dirs.into());
        }
        if !self.assert_formats {
            put("assertFormats", false.into());
        }
        Value::Object(m)
    }
}

/// The Table Dialect keys that differ from the defaults (the delimiter only when it was
/// given rather than detected).
fn dialect_descriptor(dialect: &Dialect, sniffed: bool) -> Map<String, Value> {
    let d = Dialect::default();
    let ch = |b: u8| Value::from((b as char).to_string());
    let mut m = Map::new();
    if !sniffed {
        m.insert("delimiter".into(), ch(dialect.delimiter));
    }
    if dialect.quote_char != d.quote_char {
        m.insert("quoteChar".into(), dialect.quote_char.map_or("".into(), ch));
    }
    if dialect.double_quote != d.double_quote {
        m.insert("doubleQuote".into(), dialect.double_quote.into());
    }
    if let Some(e) = dialect.escape_char {
        m.insert("escapeChar".into(), ch(e));
    }
    if dialect.skip_initial_space != d.skip_initial_space {
        m.insert("skipInitialSpace".into(), dialect.skip_initial_space.into());
    }
    if dialect.header != d.header {
        m.insert("header".into(), dialect.header.into());
    }
    if dialect.header_rows != d.header_rows {
        m.insert("headerRows".into(), dialect.header_rows.clone().into());
    }
    if dialect.header_join != d.header_join {
        m.insert("headerJoin".into(), dialect.header_join.as_str().into());
    }
    if let Some(c) = dialect.comment_char {
        m.insert("commentChar".into(), ch(c));
    }
    if let Some(n) = &dialect.null_sequence {
        m.insert("nullSequence".into(), n.as_str().into());
    }
    m
}
