//! Repairs: from "here is what is wrong" to "here is your corrected file".
//!
//! [`fix`] reads a table exactly as validation reads it (same formats, encodings, dialect
//! detection and header rows), and writes it in the form the schema expects: UTF-8 without
//! byte-order mark, comma-separated, one line feed per record, header labels renamed when
//! they differ from a field name only by case, accents or spaces, fields in the schema's
//! order (columns it does not know after them). A cell is rewritten only when it fails its
//! field and the rules agree on exactly one value that passes (see [`Rule`]); a valid value
//! is never changed, and every change is handed to the caller's log. Judgement calls
//! (closest enum value, swapped coordinates) each need their own [`RepairOptions`] flag.
//!
//! The input is read twice when a rule needs the whole column (dates: which of day and
//! month comes first; datetimes: their zone; booleans: their usual spelling), keeping a few
//! counters per field; rows are streamed, one at a time, in both passes.
//!
//! [`split`] writes the rows without errors to one file and the rows with errors, plus a
//! column listing them, to another.
//!
//! ```
//! use conforme::repair::{fix, Input, RepairOptions};
//! use conforme::{Schema, ValidationOptions};
//! let schema = Schema::from_slice(br#"{"fields": [
//!     {"name": "code", "type": "string", "constraints": {"pattern": "[0-9]{5}"}},
//!     {"name": "prix", "type": "number"}]}"#).unwrap();
//! let mut out = Vec::new();
//! let mut changes = Vec::new();
//! let summary = fix(Input::Bytes(b"Code;prix\n1000;2,5\n"), &schema, &ValidationOptions::default(),
//!     &RepairOptions::default(), &mut out, &mut |c| { changes.push(c.clone()); Ok(()) }).unwrap();
//! assert_eq!(String::from_utf8(out).unwrap(), "code,prix\n01000,2.5\n");
//! assert_eq!(summary.changes, 3); // the header label, the code, the price
//! assert_eq!(changes[0].rule(), "header");
//! assert_eq!(changes[1].rule(), "leading-zeros");
//! ```

mod cell;
mod day_month;
mod evidence;
mod fix;
mod fold;
mod header;
mod log;
mod rules;
mod split;
mod write;

pub use crate::source::table_reader::Input;
pub use fix::fix;
pub use log::ChangeLog;
pub use split::{SplitSummary, split};

use crate::{SourceError, ValidationOptions};

/// A family of repairs, as written in the change log.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Rule {
    /// A header label renamed to the field it differs from only by case, accents or spaces.
    Header,
    /// Spaces before or after the value.
    Spaces,
    /// Decimal comma and spaces between thousands (`1 234,5` → `1234.5`).
    DecimalComma,
    /// A date or datetime in a spreadsheet layout (`01/03/2024` → `2024-03-01`).
    DateLayout,
    /// A boolean put onto the schema's `trueValues`/`falseValues` (`Oui` → `true`).
    Boolean,
    /// An enum value spelt with another case, accents or spaces.
    EnumSpelling,
    /// Excel's `.0` on an integer or identifier (`75001.0` → `75001`).
    ExcelFloat,
    /// Leading zeros lost on a fixed-length code (`1000` → `01000`).
    LeadingZeros,
    /// Judgement call: the closest allowed value of an enum.
    ClosestEnum,
    /// Judgement call: longitude and latitude put back in order.
    SwappedCoordinates,
}

impl Rule {
    /// The rule's name in logs (`decimal-comma`, `date-layout`…).
    pub fn name(self) -> &'static str {
        match self {
            Rule::Header => "header",
            Rule::Spaces => "spaces",
            Rule::DecimalComma => "decimal-comma",
            Rule::DateLayout => "date-layout",
            Rule::Boolean => "boolean",
            Rule::EnumSpelling => "enum-spelling",
            Rule::ExcelFloat => "excel-float",
            Rule::LeadingZeros => "leading-zeros",
            Rule::ClosestEnum => "closest-enum",
            Rule::SwappedCoordinates => "swapped-coordinates",
        }
    }
}

/// The judgement calls to make (none by default).
///
/// ```
/// let options = conforme::repair::RepairOptions { closest_enum: true, ..Default::default() };
/// assert!(!options.swap_coordinates);
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RepairOptions {
    /// Replace a value outside an enum by the closest allowed one (a few typos away).
    pub closest_enum: bool,
    /// Swap a geopoint's longitude and latitude when only the swapped point is in France.
    pub swap_coordinates: bool,
}

/// One change made to the data.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize)]
pub struct Change {
    /// Row number as reports give it (the header is row 1).
    pub row: u64,
    /// The field's name (the column's label when no field matches it).
    pub column: String,
    /// The value read.
    pub old: String,
    /// The value written.
    pub new: String,
    /// The rules applied, in order.
    #[serde(serialize_with = "rules_text")]
    pub rules: Vec<Rule>,
}

fn rules_text<S: serde::Serializer>(rules: &[Rule], s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&join_rules(rules))
}

fn join_rules(rules: &[Rule]) -> String {
    rules.iter().map(|r| r.name()).collect::<Vec<_>>().join("+")
}

impl Change {
    /// The rules as one text (`excel-float+leading-zeros`).
    pub fn rule(&self) -> String {
        join_rules(&self.rules)
    }
}

/// What a repair did.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct RepairSummary {
    /// Data rows written.
    pub rows: u64,
    /// Changes made (header renames included).
    pub changes: u64,
    /// Changes per rule name.
    pub by_rule: std::collections::BTreeMap<String, u64>,
    /// Whether the columns were put in the schema's order.
    pub reordered: bool,
}

/// Why a table could not be repaired or split.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RepairError {
    /// The input cannot be read.
    #[error(transparent)]
    Source(#[from] SourceError),
    /// The corrected file or the log cannot be written.
    #[error("cannot write {what}: {source}. Check the path and the free space of the disk")]
    Write {
        /// What was being written.
        what: &'static str,
        /// The failure.
        source: std::io::Error,
    },
}

impl RepairError {
    /// The message in `lang` (English is the `Display` text).
    pub fn message(&self, lang: crate::report::Lang) -> String {
        match (self, lang) {
            (RepairError::Source(e), lang) => e.message(lang),
            (_, crate::report::Lang::En) => self.to_string(),
            (RepairError::Write { what, source }, lang) => format!(
                "impossible d'écrire {} : {}. Vérifiez le chemin et l'espace libre du disque",
                match *what {
                    "the output file" => "le fichier corrigé",
                    "the change log" => "le journal des modifications",
                    other => other,
                },
                crate::report::fatal_messages::io(source, lang)
            ),
        }
    }

    fn output(source: std::io::Error) -> RepairError {
        RepairError::Write {
            what: "the output file",
            source,
        }
    }
}

/// The options to validate a corrected file with: the same checks, reading UTF-8
/// comma-separated text with one header row (the form [`fix`] writes).
///
/// ```
/// let options = conforme::ValidationOptions::default().delimiter(b';');
/// let fixed = conforme::repair::fixed_file_options(&options);
/// # let _ = fixed;
/// ```
pub fn fixed_file_options(options: &ValidationOptions) -> ValidationOptions {
    let mut fixed = options.clone();
    let header = options.dialect.header;
    let null = options.dialect.null_sequence.clone();
    fixed.dialect = crate::Dialect {
        header,
        null_sequence: null,
        ..crate::Dialect::default()
    };
    fixed.sniff_delimiter = false;
    fixed.sniff_skip_initial_space = false;
    fixed.encoding = None;
    fixed.sheet = None;
    fixed.zip_member = None;
    fixed
}

#[cfg(test)]
mod tests;
