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
#[cfg(test)]
pub(super) use {
    cells::{CELL_HINT_KINDS, LABELLED_TYPES},
    checks::PROBLEMS,
    referential::REFERENTIAL_CHECKS,
};

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
    use crate::report::CONSTRAINTS;
    use crate::report::catalogue::fixtures;

    /// Marks of a placeholder left empty or unfilled in a rendered sentence.
    const UNFILLED: &[&str] = &[
        "``", "()", "( ", " )", "{", "}", " ,", " :.", "  ", "null", "..",
    ];

    /// The fixtures' diagnostic with every parameter set, for one type, constraint and hint.
    fn full(code: ErrorCode, ty: &str, constraint: &str, hint_kind: &str) -> Diagnostic {
        fixtures::full(code)
            .with_param(Param::Type, ty)
            .with_param(Param::Constraint, constraint)
            .with_param(Param::HintKind, hint_kind)
    }

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
        for ty in LABELLED_TYPES.iter().chain(&["string"]) {
            check(&full(ErrorCode::TypeError, ty, "", "trim"));
        }
        for c in CONSTRAINTS {
            check(&full(ErrorCode::ConstraintError, "string", c, "trim"));
        }
        for kind in CELL_HINT_KINDS {
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
