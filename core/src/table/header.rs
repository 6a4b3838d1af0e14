//! Matching the file's header to the schema's fields.
//!
//! This is frictionless' `fieldsMatch: exact`: column *i* is field *i*; labels are compared
//! after trimming spaces.

use super::CompiledTable;
use crate::report::{Diagnostic, ErrorCode};

/// Which column feeds which field, and the header's own errors.
#[derive(Clone, Debug, Default)]
pub(crate) struct HeaderPlan {
    /// For each column of the file, the schema field it holds.
    pub column_field: Vec<Option<usize>>,
    /// Number of columns the header declares (cells beyond are `extra-cell`).
    pub label_count: usize,
    /// `blank-label`, `duplicate-label`, `incorrect-label`, `extra-label`, `missing-label`.
    pub errors: Vec<Diagnostic>,
}

impl HeaderPlan {
    /// Positional matching of `labels` against the schema.
    pub(crate) fn positional(table: &CompiledTable, labels: &[&str]) -> HeaderPlan {
        let fields = &table.fields;
        let mut errors = Vec::new();
        let mut column_field = Vec::with_capacity(labels.len());
        for (i, raw) in labels.iter().enumerate() {
            let label = raw.trim();
            let number = i + 1;
            let Some(field) = fields.get(i) else {
                column_field.push(None);
                errors.push(
                    Diagnostic::new(ErrorCode::ExtraLabel)
                        .at_row(1, 1)
                        .in_field(number, label)
                        .with_param("label", label),
                );
                continue;
            };
            column_field.push(Some(i));
            let code = if label.is_empty() {
                Some(ErrorCode::BlankLabel)
            } else if labels[..i].iter().any(|l| l.trim() == label) {
                Some(ErrorCode::DuplicateLabel)
            } else if label != field.name {
                Some(ErrorCode::IncorrectLabel)
            } else {
                None
            };
            if let Some(code) = code {
                errors.push(
                    Diagnostic::new(code)
                        .at_row(1, 1)
                        .in_field(number, &field.name)
                        .with_param("label", label),
                );
            }
        }
        for (i, field) in fields.iter().enumerate().skip(labels.len()) {
            errors.push(
                Diagnostic::new(ErrorCode::MissingLabel)
                    .at_row(1, 1)
                    .in_field(i + 1, &field.name),
            );
        }
        HeaderPlan {
            column_field,
            label_count: labels.len(),
            errors,
        }
    }

    /// A file without a header row: columns are the schema's fields in order.
    pub(crate) fn headerless(table: &CompiledTable) -> HeaderPlan {
        HeaderPlan {
            column_field: (0..table.fields.len()).map(Some).collect(),
            label_count: table.fields.len(),
            errors: Vec::new(),
        }
    }
}
