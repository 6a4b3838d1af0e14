//! Matching the file's header to the schema's fields: which column feeds which field, and
//! the header's own errors and warnings.
//!
//! * The schema's `fieldsMatch` (Table Schema v2) wins when declared: `exact` is
//!   positional, `equal`, `subset`, `superset` and `partial` match by name.
//! * Otherwise the [`HeaderProfile`] decides: `schema.data.gouv.fr` (default) matches by
//!   name like Validata — a missing required column is an error, a missing optional
//!   column, an extra column and reordered columns are warnings (one "reordered" warning
//!   with the expected order, never a cascade); `strict` is frictionless' positional
//!   `exact`, with its verdicts.
//!
//! Labels are compared after trimming spaces (as frictionless does); by name, a trimmed
//! label and a label matched only once case is ignored (`--ignore-header-case`) are
//! reported as warnings, and an unknown label gets the closest schema column as a hint.

use super::{CompiledTable, KeyKind};
use crate::checks::{HeaderOutcome, declaration::names_match};
use crate::engine::ValidationOptions;
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode};
use crate::schema::table::FieldsMatch;
use std::collections::{HashMap, HashSet};

/// The labels of the `headerRows` rows, joined cell by cell with `join`. An empty cell adds
/// nothing, and a cell equal (spaces trimmed) to the last one kept at its position is not
/// repeated: a merged spreadsheet cell spread over the header rows (`k1` above `k1` is
/// `k1`, not `k1 k1`), as frictionless joins them.
pub(crate) fn join_header_rows<R, C>(join: &str, rows: R) -> Vec<String>
where
    R: IntoIterator,
    R::Item: IntoIterator<Item = C>,
    C: AsRef<str>,
{
    let mut labels: Vec<String> = Vec::new();
    let mut kept: Vec<Option<String>> = Vec::new();
    for row in rows {
        for (i, cell) in row.into_iter().enumerate() {
            let cell = cell.as_ref();
            if kept.len() <= i {
                kept.resize(i + 1, None);
            }
            if kept[i].as_deref() == Some(cell.trim()) {
                continue;
            }
            kept[i] = Some(cell.trim().to_owned());
            match labels.get_mut(i) {
                Some(label) if !label.is_empty() && !cell.is_empty() => {
                    label.push_str(join);
                    label.push_str(cell);
                }
                Some(label) => label.push_str(cell),
                None => labels.push(cell.to_owned()),
            }
        }
    }
    labels
}

/// How the header is matched to the schema when the schema has no `fieldsMatch`.
///
/// ```
/// use conforme::HeaderProfile;
/// assert_eq!(HeaderProfile::from_name("strict"), Some(HeaderProfile::Strict));
/// assert_eq!(HeaderProfile::default().name(), "schema.data.gouv.fr");
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum HeaderProfile {
    /// By name, as Validata and schema.data.gouv.fr: missing optional, extra and
    /// reordered columns are warnings; a missing required column is an error.
    #[default]
    SchemaDataGouv,
    /// By position, exactly (frictionless' default `fieldsMatch: exact`).
    Strict,
}

impl HeaderProfile {
    /// Every profile with its name.
    pub const ALL: &'static [(HeaderProfile, &'static str)] = &[
        (HeaderProfile::SchemaDataGouv, "schema.data.gouv.fr"),
        (HeaderProfile::Strict, "strict"),
    ];

    /// Reads a profile name (`schema.data.gouv.fr`, `strict`).
    pub fn from_name(name: &str) -> Option<HeaderProfile> {
        Self::ALL.iter().find(|(_, n)| *n == name).map(|(p, _)| *p)
    }

    /// The profile's name.
    pub fn name(self) -> &'static str {
        Self::ALL
            .iter()
            .find(|(p, _)| *p == self)
            .map_or("schema.data.gouv.fr", |(_, n)| n)
    }
}

/// What a by-name matching does with each kind of mismatch.
#[derive(Clone, Copy)]
struct ByName {
    /// Code for a missing field that is required / optional (`None`: silent).
    missing_required: Option<ErrorCode>,
    missing_optional: Option<ErrorCode>,
    /// Code for a column that is not a schema field (`None`: silent).
    extra: Option<ErrorCode>,
    /// Warn once when the columns are not in the schema's order.
    warn_reordered: bool,
    /// At least one column must match (`partial`).
    at_least_one: bool,
    /// Warn about labels with surrounding spaces.
    warn_trimmed: bool,
    /// A row too short for a column that is not a schema field still has a missing cell
    /// there (frictionless' modes; the schema.data.gouv.fr profile only warns about such
    /// columns).
    cells_under_extra: bool,
}

enum Mode {
    Positional,
    ByName(ByName),
}

fn mode(fields_match: Option<FieldsMatch>, profile: HeaderProfile) -> Mode {
    use ErrorCode::*;
    // frictionless 5: every by-name mode reports a missing required field (or primary key
    // field); `superset` and `partial` tolerate only the optional ones.
    let strict_by_name = |missing: bool, extra: bool, at_least_one| {
        Mode::ByName(ByName {
            missing_required: Some(MissingLabel),
            missing_optional: missing.then_some(MissingLabel),
            extra: extra.then_some(ExtraLabel),
            warn_reordered: false,
            at_least_one,
            warn_trimmed: false,
            cells_under_extra: true,
        })
    };
    match (fields_match, profile) {
        (Some(FieldsMatch::Exact), _) | (None, HeaderProfile::Strict) => Mode::Positional,
        (Some(FieldsMatch::Equal), _) => strict_by_name(true, true, false),
        (Some(FieldsMatch::Subset), _) => strict_by_name(true, false, false),
        (Some(FieldsMatch::Superset), _) => strict_by_name(false, true, false),
        (Some(FieldsMatch::Partial), _) => strict_by_name(false, false, true),
        (None, HeaderProfile::SchemaDataGouv) => Mode::ByName(ByName {
            missing_required: Some(MissingLabel),
            missing_optional: Some(MissingColumn),
            extra: Some(ExtraColumn),
            warn_reordered: true,
            at_least_one: false,
            warn_trimmed: true,
            cells_under_extra: false,
        }),
    }
}

/// Which column feeds which field, and the header's own errors and warnings.
#[derive(Clone, Debug, Default)]
pub(crate) struct HeaderPlan {
    /// For each column of the file, the schema field it holds.
    pub column_field: Vec<Option<usize>>,
    /// For each schema field, the column holding it (`None`: not in the file).
    pub field_column: Vec<Option<usize>>,
    /// Number of columns the header declares (cells beyond are `extra-cell`).
    pub label_count: usize,
    /// For each column that is not a schema field, its label when a row too short for it
    /// has a `missing-cell` there (as frictionless reports it), else `None`.
    pub extra_column_labels: Vec<Option<String>>,
    /// Header errors (row 1) and declaration errors of the custom checks (no row).
    pub errors: Vec<Diagnostic>,
    /// Header and custom-check warnings.
    pub warnings: Vec<Diagnostic>,
    /// For each custom check, whether it runs on rows.
    pub checks_enabled: Vec<bool>,
    /// For each key check, whether it runs (a key on a column absent from the file is
    /// not checked when matching by name).
    pub keys_enabled: Vec<bool>,
}

fn at_header(code: ErrorCode) -> Diagnostic {
    Diagnostic::new(code).at_row(1, 1)
}

impl HeaderPlan {
    /// Matches `labels` against the schema as `options` and the schema say.
    pub(crate) fn build(
        table: &CompiledTable,
        labels: &[&str],
        options: &ValidationOptions,
    ) -> HeaderPlan {
        let mut plan = match mode(table.fields_match, options.profile) {
            Mode::Positional => HeaderPlan::positional(table, labels, options),
            Mode::ByName(rules) => HeaderPlan::by_name(table, labels, rules, options),
        };
        plan.finish(table, options);
        plan
    }

    /// A file without a header row: columns are the schema's fields in order.
    pub(crate) fn headerless(table: &CompiledTable, options: &ValidationOptions) -> HeaderPlan {
        let n = table.fields.len();
        let mut plan = HeaderPlan {
            column_field: (0..n).map(Some).collect(),
            field_column: (0..n).map(Some).collect(),
            label_count: n,
            ..HeaderPlan::default()
        };
        plan.finish(table, options);
        plan
    }

    /// frictionless' `fieldsMatch: exact`: column *i* is field *i*. With
    /// `ignore_header_case`, a label differing from its field by case only is a warning
    /// (frictionless' `headerCase: false` compares them lowercased).
    fn positional(
        table: &CompiledTable,
        labels: &[&str],
        options: &ValidationOptions,
    ) -> HeaderPlan {
        let fields = &table.fields;
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let mut column_field = Vec::with_capacity(labels.len());
        let mut extra_column_labels = vec![None; labels.len()];
        // A set, not a scan of the labels before: a 100 000-column header stays linear.
        let mut seen: HashSet<&str> = HashSet::with_capacity(labels.len());
        for (i, raw) in labels.iter().enumerate() {
            let label = raw.trim();
            let number = i + 1;
            let repeated = !seen.insert(label);
            let Some(field) = fields.get(i) else {
                column_field.push(None);
                extra_column_labels[i] = Some(label.to_owned());
                errors.push(
                    at_header(ErrorCode::ExtraLabel)
                        .in_field(number, label)
                        .with_param(Param::Label, label),
                );
                continue;
            };
            column_field.push(Some(i));
            let code = if label.is_empty() {
                Some(ErrorCode::BlankLabel)
            } else if repeated {
                Some(ErrorCode::DuplicateLabel)
            } else if label == field.name {
                None
            } else if options.ignore_header_case
                && label.to_lowercase() == field.name.to_lowercase()
            {
                warnings.push(
                    at_header(ErrorCode::HeaderCase)
                        .in_field(number, &field.name)
                        .with_param(Param::Label, label),
                );
                None
            } else {
                Some(ErrorCode::IncorrectLabel)
            };
            if let Some(code) = code {
                errors.push(
                    at_header(code)
                        .in_field(number, &field.name)
                        .with_param(Param::Label, label),
                );
            }
        }
        for (i, field) in fields.iter().enumerate().skip(labels.len()) {
            errors.push(at_header(ErrorCode::MissingLabel).in_field(i + 1, &field.name));
        }
        let field_column = (0..fields.len())
            .map(|i| (i < labels.len()).then_some(i))
            .collect();
        HeaderPlan {
            column_field,
            field_column,
            label_count: labels.len(),
            extra_column_labels,
            errors,
            warnings,
            ..HeaderPlan::default()
        }
    }

    fn by_name(
        table: &CompiledTable,
        labels: &[&str],
        rules: ByName,
        options: &ValidationOptions,
    ) -> HeaderPlan {
        let fields = &table.fields;
        let mut column_field: Vec<Option<usize>> = vec![None; labels.len()];
        let mut field_column: Vec<Option<usize>> = vec![None; fields.len()];
        let mut errors = Vec::new();
        let mut warnings = Vec::new();
        let trimmed: Vec<&str> = labels.iter().map(|l| l.trim()).collect();
        let mut duplicate = vec![false; labels.len()];

        // Sets and maps rather than scans: a header of 100 000 labels stays linear.
        let mut seen: HashSet<&str> = HashSet::with_capacity(labels.len());
        let mut by_field_name: HashMap<&str, usize> = HashMap::with_capacity(fields.len());
        for (f, field) in fields.iter().enumerate().rev() {
            by_field_name.insert(field.name.as_str(), f);
        }

        // Exact names first, so that a case-insensitive match never takes the field of a
        // column that names it exactly. Empty labels are blank, not duplicates of each other.
        for (col, label) in trimmed.iter().enumerate() {
            if !seen.insert(label) && !label.is_empty() {
                duplicate[col] = true;
                errors.push(
                    at_header(ErrorCode::DuplicateLabel)
                        .in_field(col + 1, label)
                        .with_param(Param::Label, *label),
                );
                continue;
            }
            if let Some(&f) = by_field_name.get(label) {
                column_field[col] = Some(f);
                field_column[f] = Some(col);
            }
        }
        if options.ignore_header_case {
            // Fields by lower-case name, in schema order; the first one still free is taken.
            let mut by_lower: HashMap<String, Vec<usize>> = HashMap::new();
            for (f, field) in fields.iter().enumerate() {
                by_lower
                    .entry(field.name.to_lowercase())
                    .or_default()
                    .push(f);
            }
            for (col, label) in trimmed.iter().enumerate() {
                if column_field[col].is_some() || duplicate[col] {
                    continue;
                }
                let found = by_lower
                    .get(&label.to_lowercase())
                    .and_then(|list| list.iter().copied().find(|&f| field_column[f].is_none()));
                if let Some(f) = found {
                    column_field[col] = Some(f);
                    field_column[f] = Some(col);
                    warnings.push(
                        at_header(ErrorCode::HeaderCase)
                            .in_field(col + 1, &fields[f].name)
                            .with_param(Param::Label, *label),
                    );
                }
            }
        }
        if rules.warn_trimmed {
            for (col, raw) in labels.iter().enumerate() {
                if let Some(f) = column_field[col].filter(|_| raw.trim() != *raw) {
                    warnings.push(
                        at_header(ErrorCode::HeaderTrimmed)
                            .in_field(col + 1, &fields[f].name)
                            .with_param(Param::Label, *raw),
                    );
                }
            }
        }

        let unknown: Vec<&str> = (0..labels.len())
            .filter(|&c| column_field[c].is_none() && !duplicate[c])
            .map(|c| trimmed[c])
            .collect();
        let missing: Vec<&str> = (0..fields.len())
            .filter(|&f| field_column[f].is_none())
            .map(|f| fields[f].name.as_str())
            .collect();
        // "Did you mean" compares every unknown label with every missing field: on a header
        // of many thousands of unknown labels that search alone would take minutes.
        let hints = unknown.len().saturating_mul(missing.len()) <= crate::limits::HINT_COMPARISONS;
        for (col, label) in trimmed.iter().enumerate() {
            if column_field[col].is_some() || duplicate[col] {
                continue;
            }
            let Some(code) = rules.extra else { continue };
            let mut d = at_header(code)
                .in_field(col + 1, label)
                .with_param(Param::Label, *label);
            if let Some(best) = hints
                .then(|| super::closest_name(label, missing.iter().copied()))
                .flatten()
            {
                d = d.with_param(Param::Hint, best);
            }
            push(code, d, &mut errors, &mut warnings);
        }
        if rules.at_least_one && field_column.iter().all(Option::is_none) {
            errors.push(at_header(ErrorCode::UnmatchedHeader));
        }
        // A field absent from the file has no position in it: as frictionless, the missing
        // fields reported are numbered after the file's columns, in schema order.
        let mut next_number = labels.len() + 1;
        for (f, field) in fields.iter().enumerate() {
            if field_column[f].is_some() {
                continue;
            }
            let code = if table.is_required(f) {
                rules.missing_required
            } else {
                rules.missing_optional
            };
            let Some(code) = code else { continue };
            let mut d = at_header(code)
                .in_field(next_number, &field.name)
                .with_param(Param::SchemaPosition, f + 1);
            next_number += 1;
            if let Some(best) = hints
                .then(|| super::closest_name(&field.name, unknown.iter().copied()))
                .flatten()
            {
                d = d.with_param(Param::Hint, best);
            }
            push(code, d, &mut errors, &mut warnings);
        }
        if rules.warn_reordered {
            let order: Vec<usize> = column_field.iter().filter_map(|f| *f).collect();
            if order.windows(2).any(|w| w[0] > w[1]) {
                let mut expected = order.clone();
                expected.sort_unstable();
                let names: Vec<&str> = expected.iter().map(|&f| fields[f].name.as_str()).collect();
                warnings.push(
                    at_header(ErrorCode::ColumnsReordered).with_param(Param::Expected, names),
                );
            }
        }
        let extra_column_labels = (0..labels.len())
            .map(|c| {
                (rules.cells_under_extra && column_field[c].is_none())
                    .then(|| trimmed[c].to_owned())
            })
            .collect();
        HeaderPlan {
            column_field,
            field_column,
            label_count: labels.len(),
            extra_column_labels,
            errors,
            warnings,
            ..HeaderPlan::default()
        }
    }

    /// Decides which custom checks and keys run, and adds the checks' own diagnostics.
    fn finish(&mut self, table: &CompiledTable, options: &ValidationOptions) {
        let skipped = |name: &str| options.skip_checks.iter().any(|s| names_match(s, name));
        let checks = &table.checks;
        for (name, d) in &checks.errors {
            if !skipped(name) {
                self.errors.push(d.clone());
            }
        }
        for (name, d) in &checks.warnings {
            if !skipped(name) {
                self.warnings.push(d.clone());
            }
        }
        let field_column = &self.field_column;
        let present = |f: usize| field_column.get(f).copied().flatten().is_some();
        let name = |f: usize| table.fields[f].name.clone();
        let mut header_findings = Vec::new();
        self.checks_enabled = checks
            .checks
            .iter()
            .map(|c| {
                if skipped(c.name) || skipped(&c.declared_name) {
                    return false;
                }
                match c.on_header(&present, &name) {
                    HeaderOutcome::Run => true,
                    HeaderOutcome::Disabled(finding) => {
                        header_findings.extend(finding);
                        false
                    }
                }
            })
            .collect();
        for f in header_findings {
            let mut d = at_header(f.code);
            d.params = f.params;
            self.errors.push(d);
        }
        // A key on a column missing from the file cannot be checked: its missing-label
        // says it all, in every mode (frictionless 5.21 checks keys on the fields the
        // header holds only, positional matching included).
        self.keys_enabled = table
            .keys
            .iter()
            .map(|k| k.fields.iter().all(|&f| present(f)))
            .collect();
        for (i, k) in table.keys.iter().enumerate() {
            if let KeyKind::Foreign { reference } = k.kind {
                let both = self.keys_enabled[i] && self.keys_enabled[reference];
                self.keys_enabled[i] = both;
                self.keys_enabled[reference] = both;
            }
        }
    }
}

fn push(
    code: ErrorCode,
    d: Diagnostic,
    errors: &mut Vec<Diagnostic>,
    warnings: &mut Vec<Diagnostic>,
) {
    match code.severity() {
        crate::report::Severity::Error => errors.push(d),
        crate::report::Severity::Warning => warnings.push(d),
    }
}

#[cfg(test)]
mod tests {
    use super::join_header_rows;

    #[test]
    fn header_rows_join_without_repeating_a_merged_cell() {
        let rows = [
            vec!["Population", "Population", "code"],
            vec!["Population", "2021", ""],
            vec![" Population ", "2021", "commune"],
        ];
        assert_eq!(
            join_header_rows(" ", rows),
            ["Population", "Population 2021", "code commune"]
        );
        // Only the cell right above counts: a label may come back lower down.
        assert_eq!(join_header_rows(".", [["a"], ["b"], ["a"]]), ["a.b.a"]);
        // One header row: the labels as they are.
        assert_eq!(join_header_rows(" ", [["x", "", "x"]]), ["x", "", "x"]);
    }
}
