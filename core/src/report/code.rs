//! Stable diagnostic codes.

use serde::{Serialize, Serializer};

/// The Table Schema constraints (v1 and the v2 additions) a `constraint-error` may name,
/// each with its own sentence; the schema linter warns on any other key.
pub(crate) const CONSTRAINTS: &[&str] = &[
    "required",
    "unique",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "exclusiveMinimum",
    "exclusiveMaximum",
    "pattern",
    "enum",
    "jsonSchema",
];

/// Whether a diagnostic makes the file invalid.
///
/// ```
/// assert_eq!(conforme::ErrorCode::TypeError.severity(), conforme::Severity::Error);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Severity {
    /// Makes the file invalid.
    Error,
    /// Worth knowing; the file stays valid.
    Warning,
}

macro_rules! codes {
    ($( $(#[$doc:meta])* $variant:ident = $text:literal : $sev:ident ),+ $(,)?) => {
        /// A stable diagnostic code (frictionless error types for errors).
        ///
        /// ```
        /// use conforme::ErrorCode;
        /// assert_eq!(ErrorCode::ConstraintError.as_str(), "constraint-error");
        /// assert_eq!(ErrorCode::from_name("missing-label"), Some(ErrorCode::MissingLabel));
        /// ```
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
        #[non_exhaustive]
        pub enum ErrorCode {
            $( $(#[$doc])* $variant ),+
        }

        impl ErrorCode {
            /// Every code, in declaration order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$variant),+];

            /// The code as written in reports (`type-error`).
            pub fn as_str(self) -> &'static str {
                match self { $(ErrorCode::$variant => $text),+ }
            }

            /// Number of codes.
            pub(crate) const COUNT: usize = [$(ErrorCode::$variant),+].len();

            /// The code's position in [`ErrorCode::ALL`], to count by code in an array.
            pub(crate) const fn index(self) -> usize {
                self as usize
            }

            /// Parses a code written as in reports.
            pub fn from_name(name: &str) -> Option<ErrorCode> {
                match name { $($text => Some(ErrorCode::$variant),)+ _ => None }
            }

            /// Whether this code is an error or a warning.
            pub fn severity(self) -> Severity {
                match self { $(ErrorCode::$variant => Severity::$sev),+ }
            }
        }
    };
}

codes! {
    /// A header cell is empty.
    BlankLabel = "blank-label": Error,
    /// A header label appears twice.
    DuplicateLabel = "duplicate-label": Error,
    /// A header label differs from the schema field at that position.
    IncorrectLabel = "incorrect-label": Error,
    /// The header has fewer columns than the schema has fields.
    MissingLabel = "missing-label": Error,
    /// The header has more columns than the schema has fields.
    ExtraLabel = "extra-label": Error,
    /// Every cell of a row is empty.
    BlankRow = "blank-row": Error,
    /// A row has more cells than the header.
    ExtraCell = "extra-cell": Error,
    /// A row has fewer cells than the header.
    MissingCell = "missing-cell": Error,
    /// A cell cannot be read as its field's type and format.
    TypeError = "type-error": Error,
    /// A typed cell breaks a constraint (required, pattern, enum, minimum…).
    ConstraintError = "constraint-error": Error,
    /// A value declared unique appears again.
    UniqueError = "unique-error": Error,
    /// A primary key is repeated or has an empty part.
    PrimaryKey = "primary-key": Error,
    /// A foreign key value is not found in the referenced table.
    ForeignKey = "foreign-key": Error,
    /// The file is not UTF-8; it was decoded with another encoding.
    EncodingWarning = "encoding": Warning,
    /// The delimiter or other dialect settings were detected.
    DialectWarning = "dialect": Warning,
    /// The schema has something that weakens or breaks it (lint).
    SchemaWarning = "schema-warning": Warning,
    /// A Validata custom check is unknown or badly declared (it is not run).
    CheckError = "check-error": Error,
    /// Not a valid SIRET number (Luhn checksum, La Poste rule).
    FrenchSiretValue = "french-siret-value": Error,
    /// Not a valid SIREN number (Luhn checksum).
    FrenchSirenValue = "french-siren-value": Error,
    /// Two columns of a row do not compare as the schema requires.
    CompareColumnsValue = "compare-columns-value": Error,
    /// Columns that must be all filled or all empty are not.
    CohesiveColumnsValue = "cohesive-columns-value": Error,
    /// A total column differs from the sum of its addend columns.
    SumColumnsValue = "sum-columns-value": Error,
    /// Neither of two columns has a value.
    OneOfRequired = "one-of-required": Error,
    /// Not a `YYYY/YYYY` year interval (or year) as the schema requires.
    YearIntervalValue = "year-interval-value": Error,
    /// Not an Actes nomenclature (`Prefix/rest`).
    NomenclatureActes = "nomenclature-actes": Error,
    /// Not an OpenStreetMap `opening_hours` value.
    OpeningHoursValue = "opening-hours-value": Error,
    /// Not a valid phone number.
    PhoneNumberValue = "phone-number-value": Error,
    /// A value missing from an official French list (frformat's checks: commune codes of a
    /// COG vintage, postcodes…); Validata's error type for them.
    CustomCheckError = "custom-check-error": Error,
    /// A geographic point outside France.
    FrenchGpsCoordinates = "french-gps-coordinates": Error,
    /// A geographic point outside France that falls in France once longitude and latitude are swapped.
    ReversedFrenchGpsCoordinates = "reversed-french-gps-coordinates": Error,
    /// No column of the file matches a schema field (`fieldsMatch: partial`).
    UnmatchedHeader = "unmatched-header": Error,
    /// A custom check is declared under a deprecated name.
    DeprecatedCheck = "deprecated-check": Warning,
    /// A custom check known to Validata that this version does not run.
    UnsupportedCheck = "unsupported-check": Warning,
    /// An optional schema column is not in the file.
    MissingColumn = "missing-column": Warning,
    /// A column of the file is not defined in the schema (it is not validated).
    ExtraColumn = "extra-column": Warning,
    /// The file's columns are not in the schema's order.
    ColumnsReordered = "columns-reordered": Warning,
    /// A header label matched a field only once case was ignored.
    HeaderCase = "header-case": Warning,
    /// A header label had spaces around it, ignored for matching.
    HeaderTrimmed = "header-trimmed": Warning,
    /// A valid geopoint whose longitude and latitude look swapped (for France).
    GeopointSwapped = "geopoint-swapped": Warning,
    /// A quoted cell is never closed: the rest of the file was read into it.
    UnclosedQuote = "unclosed-quote": Warning,
    /// A quote inside an unquoted cell, or text right after a closing quote.
    StrayQuote = "stray-quote": Warning,
    /// Spaces between a delimiter and a quoted cell (the quotes become part of the value).
    SpaceAroundQuote = "space-around-quote": Warning,
    /// Some lines end with CRLF and others with LF.
    MixedLineEndings = "mixed-line-endings": Warning,
    /// The header ends with empty columns, as spreadsheet exports write them (`;;;;`).
    TrailingEmptyColumns = "trailing-empty-columns": Warning,
    /// The file ends with rows whose every cell is empty.
    BlankRowsAtEnd = "blank-rows-at-end": Warning,
    /// The file has a header and no data row.
    NoDataRows = "no-data-rows": Warning,
    /// Spreadsheet cells typed by the spreadsheet were converted to the text the schema expects.
    SpreadsheetConversion = "spreadsheet-conversion": Warning,
    /// A JSON document breaks its JSON Schema (the keyword is in `params.keyword`).
    JsonSchema = "json-schema": Error,
    /// A JSON object gives the same key twice: only the last value is read and checked.
    DuplicateKey = "duplicate-key": Warning,
    /// The schema itself has a problem that breaks it (`conforme schema check`).
    SchemaError = "schema-error": Error,
    /// A Data Package resource could not be validated (missing file, unusable schema…).
    ResourceError = "resource-error": Error,
    /// The data cannot be read as a table: an empty file (frictionless' `source-error`).
    SourceError = "source-error": Error,
}

impl Serialize for ErrorCode {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for ErrorCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Counts by code in an array: counting one error costs an increment, where a map keyed by
/// the code's name cost a lookup with string comparisons on the merging thread.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct CodeCounts([u64; ErrorCode::COUNT]);

impl Default for CodeCounts {
    fn default() -> Self {
        CodeCounts([0; ErrorCode::COUNT])
    }
}

impl CodeCounts {
    /// Counts one more `code`.
    #[inline]
    pub(crate) fn add(&mut self, code: ErrorCode) {
        self.0[code.index()] += 1;
    }

    /// Counts one `code` less.
    pub(crate) fn remove(&mut self, code: ErrorCode) {
        self.0[code.index()] -= 1;
    }

    /// The counts as reports give them: by code name, codes never counted left out.
    pub(crate) fn to_map(&self) -> std::collections::BTreeMap<String, u64> {
        ErrorCode::ALL
            .iter()
            .zip(self.0)
            .filter(|&(_, n)| n > 0)
            .map(|(c, n)| (c.as_str().to_owned(), n))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn index_is_the_position_in_all() {
        assert_eq!(ErrorCode::COUNT, ErrorCode::ALL.len());
        for (i, c) in ErrorCode::ALL.iter().enumerate() {
            assert_eq!(c.index(), i);
        }
    }

    #[test]
    fn code_counts_read_as_a_map_by_name() {
        let mut counts = CodeCounts::default();
        counts.add(ErrorCode::TypeError);
        counts.add(ErrorCode::TypeError);
        counts.add(ErrorCode::BlankRow);
        counts.remove(ErrorCode::BlankRow);
        counts.add(ErrorCode::ConstraintError);
        let map = counts.to_map();
        assert_eq!(
            map.into_iter().collect::<Vec<_>>(),
            [
                ("constraint-error".to_owned(), 1),
                ("type-error".to_owned(), 2)
            ]
        );
    }
}
