//! The summary producers need: counts by type and by column, invalid rows, first examples
//! per (column, type). Computed once at the end from the (bounded) error list.

use super::Diagnostic;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Examples kept per (column, type) group.
pub const EXAMPLES_PER_GROUP: usize = 5;

/// Counts and examples of a report's errors.
///
/// ```
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
/// let report = conforme::Validator::new(&schema).validate_slice(b"n\nx\ny\n1\n").unwrap();
/// assert_eq!(report.summary.invalid_rows, 2);
/// assert_eq!(report.summary.by_type["type-error"], 2);
/// assert_eq!(report.summary.groups[0].examples.len(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Summary {
    /// Distinct data rows with at least one error (among the errors listed).
    pub invalid_rows: u64,
    /// Error counts by type.
    pub by_type: BTreeMap<String, u64>,
    /// Error counts by column, in column order (errors without a column are left out).
    pub by_column: Vec<ColumnCount>,
    /// One group per (column, type), in column order, with its first examples.
    pub groups: Vec<GroupSummary>,
}

/// Errors in one column.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ColumnCount {
    /// 1-based column position.
    pub field_number: usize,
    /// Field name.
    pub field_name: String,
    /// Errors in the column.
    pub count: u64,
}

/// Errors of one type in one column (or without a column).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct GroupSummary {
    /// 1-based column position, if the errors have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_number: Option<usize>,
    /// Field name, if the errors have one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field_name: Option<String>,
    /// Error type.
    #[serde(rename = "type")]
    pub code: String,
    /// Errors in the group.
    pub count: u64,
    /// The first [`EXAMPLES_PER_GROUP`] errors of the group.
    pub examples: Vec<Example>,
}

/// Where one error is, briefly.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Example {
    /// Row (frictionless numbering).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<u64>,
    /// Physical line.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u64>,
    /// Cell text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
    /// Index of the error in `Report::errors`.
    pub index: usize,
}

/// The cells of one row with errors, for reports that show rows (HTML).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RowSample {
    /// Row (frictionless numbering).
    pub row: u64,
    /// Physical line.
    pub line: u64,
    /// Cell texts, as read.
    pub cells: Vec<String>,
}

impl Summary {
    /// Summarises `errors` (in file order).
    pub fn of(errors: &[Diagnostic]) -> Summary {
        let mut by_type = BTreeMap::new();
        let mut rows = BTreeSet::new();
        let mut columns: BTreeMap<usize, ColumnCount> = BTreeMap::new();
        let mut groups: BTreeMap<(Option<usize>, &str), GroupSummary> = BTreeMap::new();
        for (index, d) in errors.iter().enumerate() {
            *by_type.entry(d.code.as_str().to_owned()).or_default() += 1;
            let header = d.code.as_str().ends_with("-label");
            if let (Some(r), false) = (d.row, header) {
                rows.insert(r);
            }
            if let Some(n) = d.field_number {
                columns
                    .entry(n)
                    .or_insert_with(|| ColumnCount {
                        field_number: n,
                        field_name: d.field_name.clone().unwrap_or_default(),
                        count: 0,
                    })
                    .count += 1;
            }
            let group = groups
                .entry((d.field_number, d.code.as_str()))
                .or_insert_with(|| GroupSummary {
                    field_number: d.field_number,
                    field_name: d.field_name.clone(),
                    code: d.code.as_str().to_owned(),
                    count: 0,
                    examples: Vec::new(),
                });
            group.count += 1;
            if group.examples.len() < EXAMPLES_PER_GROUP {
                group.examples.push(Example {
                    row: d.row,
                    line: d.line,
                    cell: d.cell.clone(),
                    index,
                });
            }
        }
        Summary {
            invalid_rows: rows.len() as u64,
            by_type,
            by_column: columns.into_values().collect(),
            groups: groups.into_values().collect(),
        }
    }
}
