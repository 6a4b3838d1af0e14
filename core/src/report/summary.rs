//! The summary producers need: counts by type and by column, invalid rows, first examples
//! per (column, type), built one error at a time in file order ([`SummaryBuilder`]).

use super::{CodeCounts, Diagnostic, ErrorCode};
use serde::Serialize;
use std::collections::BTreeMap;

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
        let mut builder = SummaryBuilder::default();
        errors.iter().for_each(|d| builder.add(d));
        builder.finish()
    }
}

/// Builds a [`Summary`] one error at a time, in file order, so that errors streamed out of
/// the process as they are found (and not kept) are still summarised. Its memory does not
/// grow with the number of errors: counts, a handful of examples per group, and one bit per
/// data row for the distinct invalid rows.
///
/// ```
/// use conforme::{Diagnostic, ErrorCode};
/// use conforme::report::SummaryBuilder;
/// let mut builder = SummaryBuilder::default();
/// builder.add(&Diagnostic::new(ErrorCode::BlankRow).at_row(3, 3));
/// builder.add(&Diagnostic::new(ErrorCode::BlankRow).at_row(3, 3));
/// let summary = builder.finish();
/// assert_eq!((summary.invalid_rows, summary.by_type["blank-row"]), (1, 2));
/// ```
///
/// Counting is the part of a run that one thread does for every error kept: it is done in
/// arrays indexed by code and by column rather than in maps keyed by names.
#[derive(Debug, Default)]
pub struct SummaryBuilder {
    /// Errors added so far (the index of the next one in file order).
    added: usize,
    by_type: CodeCounts,
    /// By column number (1-based; the first slot is unused).
    columns: Vec<Option<ColumnCount>>,
    groups: Vec<GroupSummary>,
    /// By column number plus one, 0 for errors without a column: each (type, index in
    /// `groups`).
    group_index: Vec<Vec<(ErrorCode, usize)>>,
    rows: RowSet,
}

/// Whether errors of a code are about the header (which carries row 1, but says nothing
/// about data rows), by code index.
fn header_codes() -> &'static [bool] {
    static HEADER: std::sync::LazyLock<Vec<bool>> = std::sync::LazyLock::new(|| {
        ErrorCode::ALL
            .iter()
            .map(|c| c.as_str().ends_with("-label"))
            .collect()
    });
    &HEADER
}

impl SummaryBuilder {
    /// Counts `d`, the next error in file order.
    pub fn add(&mut self, d: &Diagnostic) {
        let index = self.added;
        self.added += 1;
        self.by_type.add(d.code);
        if let (Some(r), false) = (d.row, header_codes()[d.code.index()]) {
            self.rows.insert(r);
        }
        if let Some(n) = d.field_number {
            if n >= self.columns.len() {
                self.columns.resize_with(n + 1, || None);
            }
            self.columns[n]
                .get_or_insert_with(|| ColumnCount {
                    field_number: n,
                    field_name: d.field_name.clone().unwrap_or_default(),
                    count: 0,
                })
                .count += 1;
        }
        let slot = d.field_number.map_or(0, |n| n + 1);
        if slot >= self.group_index.len() {
            self.group_index.resize_with(slot + 1, Vec::new);
        }
        let at = match self.group_index[slot].iter().find(|(c, _)| *c == d.code) {
            Some(&(_, at)) => at,
            None => {
                self.group_index[slot].push((d.code, self.groups.len()));
                self.groups.push(GroupSummary {
                    field_number: d.field_number,
                    field_name: d.field_name.clone(),
                    code: d.code.as_str().to_owned(),
                    count: 0,
                    examples: Vec::new(),
                });
                self.groups.len() - 1
            }
        };
        let group = &mut self.groups[at];
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

    /// The summary of the errors added.
    pub fn finish(self) -> Summary {
        // Groups sort by column, then by type name (as the report always listed them).
        let mut groups = self.groups;
        groups.sort_by(|a, b| (a.field_number, &a.code).cmp(&(b.field_number, &b.code)));
        Summary {
            invalid_rows: self.rows.len(),
            by_type: self.by_type.to_map(),
            by_column: self.columns.into_iter().flatten().collect(),
            groups,
        }
    }
}

/// Distinct row numbers: one bit per row up to the highest seen (125 kB per million rows),
/// whatever the order they come in.
#[derive(Debug, Default)]
struct RowSet {
    words: Vec<u64>,
    len: u64,
}

impl RowSet {
    fn insert(&mut self, row: u64) {
        let (word, bit) = ((row / 64) as usize, row % 64);
        if word >= self.words.len() {
            self.words.resize(word + 1, 0);
        }
        let mask = 1u64 << bit;
        if self.words[word] & mask == 0 {
            self.words[word] |= mask;
            self.len += 1;
        }
    }

    fn len(&self) -> u64 {
        self.len
    }
}
