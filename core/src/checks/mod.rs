//! Validata `custom_checks`: the French checks of schema.data.gouv.fr schemas
//! (SIRET, SIREN, column comparisons, phone numbers, opening hours, GPS coordinates, the
//! official French lists of communes, départements, postcodes…).
//!
//! Declarations are read once per schema ([`declaration`]) into [`CompiledCheck`]s; each
//! check lives in its own module and looks at the *typed* values of one row, after the
//! missing-value handling of the Table Schema fields (landscape.md §3.0): a missing or
//! uncastable cell is "no value" for the checks. A check never builds message text: it
//! returns a [`Finding`] (code and parameters), rendered by the report's catalogue.

mod cohesive;
mod compare;
pub(crate) mod declaration;
mod gps;
pub(crate) mod lookup;
mod nomenclature;
mod one_of_required;
mod opening_hours;
#[cfg(feature = "phone")]
mod phone;
pub(crate) mod referential;
pub(crate) mod siret;
mod sum;
mod year_interval;

use crate::report::{Diagnostic, ErrorCode, Param, Params};
use crate::table::value::Value;
use serde_json::Value as Json;

pub(crate) use declaration::{compile_checks, wanted_lists};
pub use lookup::{ListFailure, ListReader};

/// A cell as the checks see it.
#[derive(Clone, Debug)]
pub(crate) enum CellState<'a> {
    /// The column is not in the file.
    Absent,
    /// A missing value (or a missing cell).
    Empty,
    /// A value that failed casting: "no value" for the checks, but the text is kept.
    Invalid(&'a str),
    /// A typed value and its text.
    Typed(Value<'a>, &'a str),
}

impl<'a> CellState<'a> {
    /// The typed value, if the cell has one.
    pub(crate) fn value(&self) -> Option<&Value<'a>> {
        match self {
            CellState::Typed(v, _) => Some(v),
            _ => None,
        }
    }

    /// The raw text ("" for an absent column or a missing value).
    pub(crate) fn text(&self) -> &'a str {
        match self {
            CellState::Typed(_, t) | CellState::Invalid(t) => t,
            CellState::Absent | CellState::Empty => "",
        }
    }
}

/// What a failing check reports: its code and the parameters of the message.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Finding {
    pub code: ErrorCode,
    pub params: Params,
}

impl Finding {
    pub(crate) fn new(code: ErrorCode) -> Finding {
        Finding {
            code,
            params: Params::new(),
        }
    }

    pub(crate) fn with(mut self, key: Param, value: impl Into<Json>) -> Finding {
        self.params.insert(key, value);
        self
    }
}

/// The compiled form of one check (parameters resolved to schema field indexes).
#[derive(Debug)]
pub(crate) enum CheckKind {
    Siret,
    Siren,
    Compare(compare::Compare),
    Cohesive(cohesive::Cohesive),
    Sum(sum::Sum),
    OneOfRequired(one_of_required::OneOfRequired),
    YearInterval(year_interval::YearInterval),
    Nomenclature,
    OpeningHours,
    Phone,
    FrenchGps,
    Referential(referential::Referential),
    Lookup(lookup::Lookup),
}

/// One declared check, ready to run on rows.
#[derive(Debug)]
pub(crate) struct CompiledCheck {
    /// The check's current name (`siret`, `compare-columns-value`…).
    pub name: &'static str,
    /// The name as written in the schema (a deprecated alias, possibly).
    pub declared_name: String,
    /// The `column` parameter: errors are anchored on this field (row errors otherwise).
    pub anchor: Option<usize>,
    pub kind: CheckKind,
}

/// What a check decides once the header is known.
pub(crate) enum HeaderOutcome {
    /// Run on every row.
    Run,
    /// Never run; report this finding on the header row, if any.
    Disabled(Option<Finding>),
}

impl CompiledCheck {
    /// Header-level rules (cohesive-columns-value, one-of-required); `present(f)` says
    /// whether field `f` has a column in the file.
    pub(crate) fn on_header(
        &self,
        present: &dyn Fn(usize) -> bool,
        names: &dyn Fn(usize) -> String,
    ) -> HeaderOutcome {
        match &self.kind {
            CheckKind::Cohesive(c) => c.on_header(self.anchor, present, names),
            CheckKind::OneOfRequired(o) => o.on_header(present, names),
            _ => HeaderOutcome::Run,
        }
    }

    /// Runs the check on one row; `cell(f)` gives the state of schema field `f`.
    pub(crate) fn run<'c>(&self, cell: &dyn Fn(usize) -> CellState<'c>) -> Option<Finding> {
        let anchored = || self.anchor.map(cell).unwrap_or(CellState::Absent);
        match &self.kind {
            CheckKind::Siret => siret::check_siret(&anchored()),
            CheckKind::Siren => siret::check_siren(&anchored()),
            CheckKind::Compare(c) => c.check(&anchored(), &cell(c.other)),
            CheckKind::Cohesive(c) => c.check(&anchored(), cell),
            CheckKind::Sum(s) => s.check(&anchored(), cell),
            CheckKind::OneOfRequired(o) => o.check(&cell(o.first), &cell(o.second)),
            CheckKind::YearInterval(y) => y.check(&anchored()),
            CheckKind::Nomenclature => nomenclature::check(&anchored()),
            CheckKind::OpeningHours => opening_hours::check(&anchored()),
            #[cfg(feature = "phone")]
            CheckKind::Phone => phone::check(&anchored()),
            // Never compiled without the feature (declarations warn `unsupported-check`).
            #[cfg(not(feature = "phone"))]
            CheckKind::Phone => None,
            CheckKind::FrenchGps => gps::check(&anchored()),
            CheckKind::Referential(r) => r.check(&anchored()),
            CheckKind::Lookup(l) => l.check(&anchored()),
        }
    }
}

/// Everything the schema's checks declared: the runnable checks and the problems found in
/// their declarations (reported in every report, validation going on).
#[derive(Debug, Default)]
pub(crate) struct CheckSet {
    pub checks: Vec<CompiledCheck>,
    /// `check-error` diagnostics, each with the check name it is about.
    pub errors: Vec<(String, Diagnostic)>,
    /// Deprecated names and other warnings, each with the check name it is about.
    pub warnings: Vec<(String, Diagnostic)>,
}

#[cfg(test)]
pub(crate) mod test_support {
    //! Helpers for the checks' value tables.
    use super::*;

    /// A typed string cell.
    pub(crate) fn text(s: &str) -> CellState<'_> {
        CellState::Typed(Value::String(s), s)
    }
}
