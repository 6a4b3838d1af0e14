//! Errors that stop a validation before any report exists.
//!
//! Invalid data is *not* an error (it is a [`crate::Report`] with `valid: false`); these
//! types cover a schema that cannot be used and input that cannot be read.

use std::path::PathBuf;

/// A schema that cannot be used to validate anything.
///
/// Every variant says where the problem is (a JSON pointer into the descriptor when
/// there is one) and what to change.
///
/// ```
/// let err = conforme::Schema::from_slice(br#"{"fields": [{"name": "a", "type": "texte"}]}"#).unwrap_err();
/// assert!(err.to_string().contains("/fields/0/type"));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SchemaError {
    /// The schema text is neither JSON nor YAML.
    #[error(
        "the schema is not valid JSON (line {line}, column {column}): {message}. Check the file with a JSON validator; a trailing comma or a missing quote is the usual cause"
    )]
    Syntax {
        /// 1-based line of the syntax error.
        line: usize,
        /// 1-based column of the syntax error.
        column: usize,
        /// What the parser expected.
        message: String,
    },
    /// The descriptor is valid JSON but not a Table Schema.
    #[error("this is not a Table Schema: {reason}")]
    NotATableSchema {
        /// Why the descriptor was rejected.
        reason: String,
    },
    /// A key of the descriptor has a value that cannot be used.
    #[error("invalid schema{}: {message}. {hint}", at_pointer(pointer))]
    Invalid {
        /// JSON pointer of the offending value (e.g. `/fields/3/constraints/enum`).
        pointer: String,
        /// What is wrong.
        message: String,
        /// What to change.
        hint: String,
    },
    /// The descriptor does not follow its profile: keys with the wrong type, a field
    /// without a name, an unknown field type… (every violation, with its pointer).
    ///
    /// ```
    /// let err = conforme::Schema::from_slice(br#"{"fields": [{"type": "string"}, {"name": 2}]}"#).unwrap_err();
    /// let text = err.to_string();
    /// assert!(text.contains("/fields/0: the required key \"name\" is missing"));
    /// assert!(text.contains("/fields/1/name: expected a string, found the number 2"));
    /// ```
    #[error("{}", profile_message(profile, violations))]
    Profile {
        /// The profile: `Table Schema`, `Data Package`, `Table Dialect`.
        profile: &'static str,
        /// Every violation that is an error.
        violations: Vec<Violation>,
    },
    /// The schema file could not be read.
    #[error("cannot read the schema file {path}: {source}")]
    Io {
        /// The path given.
        path: PathBuf,
        /// The underlying I/O error.
        source: std::io::Error,
    },
}

impl SchemaError {
    pub(crate) fn invalid(
        pointer: impl Into<String>,
        message: impl Into<String>,
        hint: impl Into<String>,
    ) -> Self {
        SchemaError::Invalid {
            pointer: pointer.into(),
            message: message.into(),
            hint: hint.into(),
        }
    }
}

/// Input that cannot be read as a table.
///
/// ```
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "a"}]}"#).unwrap();
/// let err = conforme::Validator::new(&schema).validate_slice(b"a\n\x00\x01\x02\x03\x00\x00").unwrap_err();
/// assert!(matches!(err, conforme::SourceError::Binary { .. }));
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum SourceError {
    /// Reading failed (missing file, permission, a directory, a broken pipe…).
    #[error("cannot read the data: {0}")]
    Io(#[from] std::io::Error),
    /// The input has no bytes at all.
    #[error(
        "the file is empty (0 bytes): there is no header and no row to check. Export the table again"
    )]
    Empty,
    /// The input looks like a binary file (zero bytes or a known binary signature).
    #[error(
        "this does not look like a CSV text file ({what}, byte {byte}). Export the table as CSV (UTF-8, comma or semicolon separated)"
    )]
    Binary {
        /// What was recognised (e.g. "a PDF document", "NUL bytes").
        what: String,
        /// Byte offset where it was seen.
        byte: u64,
    },
    /// One record is larger than the configured limit.
    #[error(
        "line {line} (byte {byte}) holds a record longer than {limit} bytes without a line break: this is not a usable CSV file (an unclosed quote, or the wrong file). Check the quotes on that line, or raise the limit with --max-record-bytes"
    )]
    RecordTooLong {
        /// Physical line where the record starts.
        line: u64,
        /// Byte offset where the record starts.
        byte: u64,
        /// The limit in bytes.
        limit: usize,
    },
    /// The file is of a kind conforme does not read (PDF, image, document…).
    #[error(
        "this file is {what}, not a table conforme can read. Give a CSV file (or .xlsx, .xls, .ods, or a .gz/.zip of a CSV)"
    )]
    Unsupported {
        /// What the file is.
        what: String,
    },
    /// A compressed file or workbook is damaged or incomplete.
    #[error("the {format} file is damaged or incomplete: {detail}. Download or export it again")]
    Corrupt {
        /// `gzip`, `ZIP`, `xlsx`…
        format: String,
        /// What the decoder said, and where.
        detail: String,
    },
    /// The ZIP archive does not single out one table.
    #[error("{}", zip_member_message(wanted.as_deref(), members))]
    ZipMember {
        /// The member asked for (`--zip-member`), if any.
        wanted: Option<String>,
        /// The data files the archive holds.
        members: Vec<String>,
    },
    /// The requested sheet is not in the workbook, or the workbook has no sheet.
    #[error("{}", sheet_message(wanted, sheets))]
    Sheet {
        /// The sheet asked for (`--sheet`).
        wanted: String,
        /// The workbook's sheets.
        sheets: Vec<String>,
    },
    /// The chosen sheet has no cell at all.
    #[error(
        "the sheet {sheet:?} is empty: there is no header and no row to check. Choose another sheet with --sheet"
    )]
    EmptySheet {
        /// The sheet's name.
        sheet: String,
    },
    /// The CSV text cannot be parsed.
    #[error("CSV syntax error at line {line} (byte {byte}): {message}")]
    Csv {
        /// Physical line.
        line: u64,
        /// Byte offset.
        byte: u64,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// The JSON text cannot be parsed.
    #[error(
        "JSON syntax error at line {line}, column {column}: {message}. Check the file with a JSON validator; a trailing comma or a missing quote is the usual cause"
    )]
    Json {
        /// 1-based line (0 when the document is cut short).
        line: u64,
        /// 1-based column.
        column: u64,
        /// What the parser expected.
        message: String,
    },
    /// The JSON text is well formed but holds a value conforme cannot read: nesting past
    /// the depth limit, a number past the range of numbers, half a surrogate pair.
    #[error("the JSON document cannot be read at line {line}, column {column}: {}", problem.english())]
    JsonValue {
        /// 1-based line.
        line: u64,
        /// 1-based column.
        column: u64,
        /// What is there.
        problem: JsonProblem,
    },
}

/// Valid JSON text that conforme cannot turn into a value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum JsonProblem {
    /// Arrays and objects nested deeper than [`crate::limits::JSON_DEPTH`] levels.
    Depth,
    /// A number too large for a 64-bit floating-point number (`1e400`, 1 000 digits).
    NumberRange,
    /// A `\u` escape of half a UTF-16 surrogate pair (`\ud800`) without its other half.
    Surrogate,
}

impl JsonProblem {
    /// The problem a JSON reader's error names, if it is one of these (it is otherwise a
    /// syntax error).
    pub(crate) fn of(e: &serde_json::Error) -> Option<JsonProblem> {
        let text = e.to_string();
        if text.starts_with("recursion limit exceeded") {
            Some(JsonProblem::Depth)
        } else if text.starts_with("number out of range") {
            Some(JsonProblem::NumberRange)
        } else if text.starts_with("lone leading surrogate")
            || text.starts_with("unexpected end of hex escape")
        {
            // The reader says "end of hex escape" only after a leading surrogate not
            // followed by its trailing half.
            Some(JsonProblem::Surrogate)
        } else {
            None
        }
    }

    fn english(self) -> String {
        match self {
            JsonProblem::Depth => format!(
                "arrays and objects are nested more than {} levels deep, past conforme's limit. Flatten the document (fewer levels of nesting)",
                crate::limits::JSON_DEPTH
            ),
            JsonProblem::NumberRange => "this number is too large to be read as a number (past ±1.8e308, the range of 64-bit floating-point numbers, as with 1e400 or a number of hundreds of digits). Write it as a string (in quotes) if its digits matter".into(),
            JsonProblem::Surrogate => "this `\\u` escape is half of a UTF-16 surrogate pair (`\\ud800` to `\\udfff`) without its other half: it stands for no character. Write the character itself, or the complete pair (`\\ud83d\\ude00`)".into(),
        }
    }

    /// The problem explained, with what to do, in `lang`.
    pub fn message(self, lang: crate::report::Lang) -> String {
        match lang {
            crate::report::Lang::En => self.english(),
            crate::report::Lang::Fr => match self {
                JsonProblem::Depth => format!(
                    "les tableaux et objets sont imbriqués sur plus de {} niveaux, au-delà de la limite de conforme. Aplatissez le document (moins de niveaux d'imbrication)",
                    crate::limits::JSON_DEPTH
                ),
                JsonProblem::NumberRange => "ce nombre est trop grand pour être lu comme un nombre (au-delà de ±1,8e308, la limite des nombres à virgule flottante sur 64 bits, comme 1e400 ou un nombre de plusieurs centaines de chiffres). Écrivez-le comme une chaîne (entre guillemets) si ses chiffres comptent".into(),
                JsonProblem::Surrogate => "cet échappement `\\u` est une moitié de paire de substitution UTF-16 (`\\ud800` à `\\udfff`) sans son autre moitié : il ne désigne aucun caractère. Écrivez le caractère lui-même, ou la paire complète (`\\ud83d\\ude00`)".into(),
            },
        }
    }
}

/// Violations listed after this many are counted, not shown.
pub(crate) const SHOWN_VIOLATIONS: usize = 20;

fn profile_message(profile: &str, violations: &[Violation]) -> String {
    let mut out = format!(
        "this descriptor does not follow the {profile} specification ({} problem(s)):",
        violations.len()
    );
    for v in violations.iter().take(SHOWN_VIOLATIONS) {
        out.push_str("\n  - ");
        out.push_str(&v.to_string());
    }
    if violations.len() > SHOWN_VIOLATIONS {
        out.push_str(&format!(
            "\n  - … and {} more",
            violations.len() - SHOWN_VIOLATIONS
        ));
    }
    out
}

fn zip_member_message(wanted: Option<&str>, members: &[String]) -> String {
    let list = capped_names(members, crate::report::Lang::En);
    match (wanted, members.is_empty()) {
        (_, true) => "the ZIP archive holds no data file".to_owned(),
        (Some(w), false) => format!(
            "the ZIP archive has no member {w:?}; it holds: {list}. Pass one of these names to --zip-member"
        ),
        (None, false) => format!(
            "the ZIP archive holds several files ({list}): choose the one to check with --zip-member NAME"
        ),
    }
}

/// The first names of a list, joined, the rest counted: an archive of 100 000 members must
/// not make a megabyte-long message.
pub(crate) fn capped_names(names: &[String], lang: crate::report::Lang) -> String {
    let limit = crate::limits::ZIP_NAMES_QUOTED;
    let mut list = names
        .iter()
        .take(limit)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > limit {
        let more = names.len() - limit;
        list.push_str(&match lang {
            crate::report::Lang::Fr => format!(" … et {more} autres"),
            crate::report::Lang::En => format!(" … and {more} more"),
        });
    }
    list
}

fn sheet_message(wanted: &str, sheets: &[String]) -> String {
    if sheets.is_empty() {
        return "the workbook has no worksheet".to_owned();
    }
    format!(
        "the workbook has no sheet {wanted:?}; its sheets are: {}. Pass a name or a number from 1 to {} to --sheet",
        sheets.join(", "),
        sheets.len()
    )
}

/// One place where a descriptor does not follow its profile.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// JSON pointer of the offending value in the descriptor (`""`: the whole descriptor).
    pub pointer: String,
    /// The JSON Schema keyword of the profile that failed (`type`, `required`, `enum`…).
    pub keyword: String,
    /// What is wrong and what was expected, in English.
    pub message: String,
    /// The same in French.
    pub message_fr: String,
    /// `true` when conforme still reads the value (the deviation is a warning).
    pub lenient: bool,
}

impl std::fmt::Display for Violation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let at = if self.pointer.is_empty() {
            "/"
        } else {
            &self.pointer
        };
        write!(f, "{at}: {}", self.message)
    }
}

/// ` at /fields/3` for a pointer into the descriptor; nothing for the whole descriptor.
fn at_pointer(pointer: &str) -> String {
    if pointer.is_empty() {
        String::new()
    } else {
        format!(" at {pointer}")
    }
}
