//! Message rendering: for each diagnostic, the catalogue entry its code and parameters
//! choose, filled with values computed from its structured parameters (one module per
//! family of codes). The sentences themselves are in [`catalogue`](super::catalogue);
//! checks never build message text.

mod cells;
mod checks;
mod header;
mod input;
mod keys;
mod referential;
mod schemas;

use super::catalogue::say;
use super::{Diagnostic, ErrorCode, Lang};
use crate::report::Param;
pub(super) use input::suffix;
use serde_json::Value;

/// A parameter as it reads in a sentence: a string as it is, a list as `` `a`, `b` ``,
/// anything else as JSON, nothing for a missing or null one.
fn text(v: Option<&Value>) -> String {
    match v {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| format!("`{}`", text(Some(i))))
            .collect::<Vec<_>>()
            .join(", "),
        Some(other) => other.to_string(),
    }
}

/// Renders the message of `d` in `lang`.
pub(super) fn render(d: &Diagnostic, lang: Lang) -> String {
    match d.code {
        ErrorCode::BlankLabel
        | ErrorCode::DuplicateLabel
        | ErrorCode::IncorrectLabel
        | ErrorCode::MissingLabel
        | ErrorCode::ExtraLabel
        | ErrorCode::BlankRow
        | ErrorCode::ExtraCell
        | ErrorCode::MissingCell
        | ErrorCode::UnmatchedHeader
        | ErrorCode::MissingColumn
        | ErrorCode::ExtraColumn
        | ErrorCode::ColumnsReordered
        | ErrorCode::HeaderCase
        | ErrorCode::HeaderTrimmed => header::render(d, lang),
        ErrorCode::TypeError => cells::type_error(d, lang),
        ErrorCode::ConstraintError => cells::constraint_error(d, lang),
        ErrorCode::UniqueError | ErrorCode::PrimaryKey | ErrorCode::ForeignKey => {
            keys::render(d, lang)
        }
        ErrorCode::GeopointSwapped => cells::geopoint_swapped(d, lang),
        ErrorCode::UnclosedQuote
        | ErrorCode::StrayQuote
        | ErrorCode::SpaceAroundQuote
        | ErrorCode::MixedLineEndings
        | ErrorCode::TrailingEmptyColumns
        | ErrorCode::BlankRowsAtEnd
        | ErrorCode::NoDataRows
        | ErrorCode::DuplicateKey
        | ErrorCode::SpreadsheetConversion
        | ErrorCode::EncodingWarning
        | ErrorCode::DialectWarning
        | ErrorCode::SourceError => input::render(d, lang),
        ErrorCode::JsonSchema => schemas::json_schema(d, lang),
        ErrorCode::SchemaWarning | ErrorCode::SchemaError | ErrorCode::ResourceError => {
            schemas::render(d, lang)
        }
        ErrorCode::CheckError => checks::check_error(d, lang),
        ErrorCode::CustomCheckError => referential::render(d, lang),
        ErrorCode::DeprecatedCheck
        | ErrorCode::UnsupportedCheck
        | ErrorCode::FrenchSiretValue
        | ErrorCode::FrenchSirenValue
        | ErrorCode::CompareColumnsValue
        | ErrorCode::CohesiveColumnsValue
        | ErrorCode::SumColumnsValue
        | ErrorCode::OneOfRequired
        | ErrorCode::YearIntervalValue
        | ErrorCode::NomenclatureActes
        | ErrorCode::OpeningHoursValue
        | ErrorCode::PhoneNumberValue
        | ErrorCode::FrenchGpsCoordinates
        | ErrorCode::ReversedFrenchGpsCoordinates => checks::render(d, lang),
    }
}

/// `names` as `a, b, c` (no backquotes).
fn plain_list(v: Option<&Value>) -> String {
    match v {
        Some(Value::Array(items)) => items
            .iter()
            .map(|i| text(Some(i)))
            .collect::<Vec<_>>()
            .join(", "),
        other => text(other),
    }
}

/// A missing field's position in the schema: matched by name, the field number is the
/// position frictionless gives it (after the file's columns), so the schema's is a param.
fn schema_position(d: &Diagnostic) -> String {
    match d.params.get(Param::SchemaPosition) {
        Some(v) => text(Some(v)),
        None => d.field_number.unwrap_or(0).to_string(),
    }
}

/// ` Vouliez-vous dire `x` ?` when the diagnostic has a `hint`.
fn did_you_mean(d: &Diagnostic, lang: Lang) -> String {
    match d.param_str(Param::Hint) {
        Some(hint) => say(lang, "hint.did-you-mean", &[("hint", &hint)]),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Marks of a placeholder left empty or unfilled in a rendered sentence.
    const UNFILLED: &[&str] = &[
        "``", "()", "( ", " )", "{", "}", " ,", " :.", "  ", "null", "..",
    ];

    /// A diagnostic with every parameter any message reads, each set to a visible value, so
    /// that an empty spot in a message can only be a placeholder the catalogue failed to fill.
    fn full(code: ErrorCode, ty: &str, constraint: &str, hint_kind: &str) -> Diagnostic {
        Diagnostic::new(code)
            .at_row(4, 5)
            .at_byte(120)
            .in_field(2, "code_postal")
            .with_cell("7501")
            .with_param(Param::Type, ty)
            .with_param(Param::Format, "default")
            .with_param(Param::TrueValues, vec!["oui"])
            .with_param(Param::FalseValues, vec!["non"])
            .with_param(Param::Constraint, constraint)
            .with_param(Param::Value, "^[0-9]{5}$")
            .with_param(Param::Length, 4)
            .with_param(Param::Example, "75001")
            .with_param(Param::Hint, "07501")
            .with_param(Param::HintKind, hint_kind)
            .with_param(Param::Label, "cp")
            .with_param(Param::FirstRow, 2)
            .with_param(Param::Fields, vec!["id", "date"])
            .with_param(Param::Values, vec!["7", "2024-01-01"])
            .with_param(Param::Reason, "duplicate")
            .with_param(Param::Detail, "must be a string")
            .with_param(Param::DetailFr, "doit être une chaîne")
            // Parameters of the custom checks and of by-name header matching.
            .with_param(Param::Check, "siret")
            .with_param(Param::Problem, "unknown")
            .with_param(Param::Param, "column")
            .with_param(Param::Column, "date_debut")
            .with_param(Param::Column2, "date_fin")
            .with_param(Param::Value2, "2024-01-01")
            .with_param(Param::Op, "<=")
            .with_param(Param::Prefix, "Urbanism")
            .with_param(Param::Reasons, vec!["slash"])
            .with_param(Param::Expected, vec!["id", "date"])
            .with_param(Param::Columns, vec!["a", "b"])
            .with_param(Param::Absent, vec!["b"])
            .with_param(Param::Present, vec!["a"])
            .with_param(Param::Total, "10")
            .with_param(Param::Sum, "9")
            .with_param(Param::Name, "siret")
            .with_param(Param::NewName, "siret")
            .with_param(Param::Reference, vec!["id"])
            .with_param(Param::Keyword, "required")
            .with_param(Param::SchemaPath, "/required")
            .with_param(Param::Rule, "misspelt-key")
            .with_param(Param::Key, "contraints")
            .with_param(Param::Suggestion, "constraints")
            .with_param(Param::Column1, "date_debut")
            .with_param(Param::Replacement, "siret")
            .with_param(Param::Year1, 2020)
            .with_param(Param::Year2, 2019)
            // Parameters of JSON Schema errors.
            .with_param(Param::Property, "\"id\"")
            .with_param(Param::Allowed, vec!["a", "b"])
            .with_param(Param::Message, "is not valid")
            .with_param(Param::Limit, 3)
            .with_param(Param::Pattern, "^[0-9]+$")
            .with_param(Param::Unexpected, vec!["x"])
            .with_param(Param::Resource, "stations")
            // Parameters of the input (CSV syntax, spreadsheet) warnings.
            .with_param(Param::First, "CRLF")
            .with_param(Param::Other, "LF")
            .with_param(Param::Count, 3)
            .with_param(Param::Kind, "number-to-text")
            .with_param(Param::Scientific, "2,10104E+13")
            .with_param(Param::Sheet, "Feuil1")
            .with_param(Param::From, "2.10104E+13")
            .with_param(Param::To, "21010400000013")
            .with_param(Param::Pointer, "/fields/1")
            .with_param(Param::Encoding, "windows-1252")
            .with_param(Param::Delimiter, ";")
    }

    const TYPES: &[&str] = &[
        "string",
        "number",
        "integer",
        "boolean",
        "date",
        "time",
        "datetime",
        "year",
        "yearmonth",
        "duration",
        "geopoint",
        "geojson",
        "object",
        "array",
        "list",
    ];
    const CONSTRAINTS: &[&str] = &[
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
    const HINT_KINDS: &[&str] = &[
        "trim",
        "excel-float",
        "leading-zeros",
        "decimal-comma",
        "date-layout",
        "boolean-case",
        "closest-value",
        "swapped-lon-lat",
    ];

    fn check(d: &Diagnostic) {
        let fr = render(d, Lang::Fr);
        let en = render(d, Lang::En);
        let what = format!("{} {:?}", d.code, d.params);
        assert!(!fr.trim().is_empty(), "no French message for {what}");
        assert!(!en.trim().is_empty(), "no English message for {what}");
        assert_ne!(fr, en, "French and English are the same for {what}");
        for (lang, m) in [("fr", &fr), ("en", &en)] {
            for mark in UNFILLED {
                // `{5}` is the pattern quoted from the schema, not a placeholder.
                let m = m.replace("{5}", "");
                assert!(
                    !m.contains(mark),
                    "{lang} message for {what} has an unfilled placeholder ({mark:?}): {m}"
                );
            }
        }
    }

    #[test]
    fn every_code_has_both_translations_with_every_placeholder_filled() {
        for &code in ErrorCode::ALL {
            check(&full(code, "integer", "pattern", "leading-zeros"));
        }
        for ty in TYPES {
            check(&full(ErrorCode::TypeError, ty, "", "trim"));
        }
        for c in CONSTRAINTS {
            check(&full(ErrorCode::ConstraintError, "string", c, "trim"));
        }
        for kind in HINT_KINDS {
            check(&full(ErrorCode::TypeError, "integer", "", kind));
            // Every kind has its own explanation in both languages.
            let d = full(ErrorCode::TypeError, "integer", "", kind);
            let generic = full(ErrorCode::TypeError, "integer", "", "unknown-kind");
            assert_ne!(
                render(&d, Lang::Fr),
                render(&generic, Lang::Fr),
                "{kind} (fr)"
            );
            assert_ne!(
                render(&d, Lang::En),
                render(&generic, Lang::En),
                "{kind} (en)"
            );
        }
    }

    #[test]
    fn a_hint_is_rendered_with_its_reason() {
        let d = full(
            ErrorCode::ConstraintError,
            "string",
            "pattern",
            "leading-zeros",
        );
        let fr = render(&d, Lang::Fr);
        assert!(fr.contains("Suggestion : `07501`"), "{fr}");
        assert!(fr.contains("zéros"), "{fr}");
        assert!(fr.contains("Exemple de valeur valide : `75001`"), "{fr}");
    }
}
