//! Valid and invalid rows to two files: the rows without errors for the next step of a
//! pipeline, the rows with errors (plus a column listing them) for whoever fixes the data.
//!
//! A first pass validates the input (all errors, in file order, taken as they come) and
//! keeps the row numbers with errors and their list; a second pass reads the records again
//! and sends each to its file, in the input's delimiter and quote character, UTF-8. Memory
//! grows with the number of rows with errors, not with the file.

use super::RepairError;
use super::write::{CsvStyle, record};
use crate::engine::records::{Header, Input, Record, RecordVisitor};
use crate::report::Diagnostic;
use crate::{Schema, ValidationOptions, Validator};
use std::collections::HashMap;
use std::io::{Read, Write};

/// The name of the column listing a row's errors (a number is added if the file has one).
pub const ERRORS_COLUMN: &str = "errors";

/// How many rows went where.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct SplitSummary {
    /// Rows written to the valid file.
    pub valid_rows: u64,
    /// Rows written to the invalid file.
    pub invalid_rows: u64,
}

/// Splits the table `input` into the rows without errors (`valid`) and with errors
/// (`invalid`, with an `errors` column: `code (field): message` items joined by ` | `).
/// Errors about the whole table (a missing column) count against every row.
///
/// ```
/// use conforme::repair::{split, Input};
/// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
/// let (mut good, mut bad) = (Vec::new(), Vec::new());
/// let options = conforme::ValidationOptions::default().lang(conforme::Lang::En);
/// let summary = split(Input::Bytes(b"n\n1\nx\n"), &schema, &options, &mut good, &mut bad).unwrap();
/// assert_eq!(String::from_utf8(good).unwrap(), "n\n1\n");
/// assert!(String::from_utf8(bad).unwrap().starts_with("n,errors\nx,type-error (n): "));
/// assert_eq!(summary.invalid_rows, 1);
/// ```
pub fn split(
    input: Input<'_>,
    schema: &Schema,
    options: &ValidationOptions,
    valid: &mut dyn Write,
    invalid: &mut dyn Write,
) -> Result<SplitSummary, RepairError> {
    let mut all = options.clone();
    all.max_errors = None;
    let validator = Validator::with_options(schema, all);
    let (rows, table_errors) = errors_by_row(input, &validator)?;
    let mut writer = Splitter {
        rows,
        table_errors,
        style: CsvStyle::default(),
        valid,
        invalid,
        summary: SplitSummary::default(),
    };
    validator.read_records(input, &mut writer)?;
    for out in [&mut writer.valid, &mut writer.invalid] {
        out.flush().map_err(RepairError::output)?;
    }
    Ok(writer.summary)
}

/// One error in the errors column.
fn describe(d: &Diagnostic) -> String {
    match &d.field_name {
        Some(field) if !field.is_empty() => format!("{} ({field}): {}", d.code.as_str(), d.message),
        _ => format!("{}: {}", d.code.as_str(), d.message),
    }
}

type RowErrors = HashMap<u64, String>;

/// First pass: the errors of each row, and those about the whole table.
fn errors_by_row(
    input: Input<'_>,
    validator: &Validator,
) -> Result<(RowErrors, String), RepairError> {
    let mut rows: RowErrors = HashMap::new();
    let mut table = Vec::new();
    let mut keep = |errors: Vec<Diagnostic>| {
        for d in errors {
            match d.row {
                Some(row) => {
                    let entry = rows.entry(row).or_default();
                    if !entry.is_empty() {
                        entry.push_str(" | ");
                    }
                    entry.push_str(&describe(&d));
                }
                None => table.push(describe(&d)),
            }
        }
    };
    let report = match input {
        Input::Path(path) => {
            // Spreadsheets and archives go through the validator's own reading.
            let mut file = std::fs::File::open(path).map_err(crate::SourceError::Io)?;
            let plain = matches!(
                crate::source::InputFormat::from_path(path)?,
                Some(crate::source::InputFormat::Csv)
            );
            if plain {
                let mut stream = validator.stream();
                let mut buf = vec![0u8; 256 * 1024];
                loop {
                    let n = crate::source::read_retrying(&mut file, &mut buf)
                        .map_err(crate::SourceError::Io)?;
                    if n == 0 {
                        break;
                    }
                    stream.push(&buf[..n])?;
                    keep(stream.take_errors());
                }
                stream.finish()?
            } else {
                drop(file);
                validator.validate_path(path)?
            }
        }
        Input::Bytes(bytes) => {
            let mut stream = validator.stream();
            let mut rest: &[u8] = bytes;
            let mut buf = vec![0u8; 256 * 1024];
            if crate::source::InputFormat::sniff(bytes).is_some() {
                validator.validate_slice(bytes)?
            } else {
                loop {
                    let n = rest.read(&mut buf).map_err(crate::SourceError::Io)?;
                    if n == 0 {
                        break;
                    }
                    stream.push(&buf[..n])?;
                    keep(stream.take_errors());
                }
                stream.finish()?
            }
        }
    };
    keep(report.errors);
    Ok((rows, table.join(" | ")))
}

/// Second pass: each row to its file.
struct Splitter<'o> {
    rows: RowErrors,
    table_errors: String,
    style: CsvStyle,
    valid: &'o mut dyn Write,
    invalid: &'o mut dyn Write,
    summary: SplitSummary,
}

impl RecordVisitor for Splitter<'_> {
    type Error = RepairError;

    fn header(&mut self, header: Header<'_>) -> Result<(), RepairError> {
        self.style = CsvStyle {
            delimiter: header.dialect.delimiter,
            quote: header.dialect.quote_char.unwrap_or(b'"'),
        };
        if let Some(labels) = header.labels {
            let mut name = ERRORS_COLUMN.to_owned();
            let mut n = 1;
            while labels.contains(&name) {
                n += 1;
                name = format!("{ERRORS_COLUMN}_{n}");
            }
            record(self.valid, self.style, labels.iter().map(String::as_str))
                .map_err(RepairError::output)?;
            let with_errors = labels.iter().map(String::as_str).chain([name.as_str()]);
            record(self.invalid, self.style, with_errors).map_err(RepairError::output)?;
        }
        Ok(())
    }

    fn record(&mut self, found: Record<'_>) -> Result<(), RepairError> {
        let (row, cells) = (found.row, found.cells);
        let own = self.rows.remove(&row);
        let errors = match (own, self.table_errors.is_empty()) {
            (None, true) => None,
            (None, false) => Some(self.table_errors.clone()),
            (Some(e), true) => Some(e),
            (Some(e), false) => Some(format!("{} | {e}", self.table_errors)),
        };
        match errors {
            None => {
                self.summary.valid_rows += 1;
                record(self.valid, self.style, cells.iter().copied())
            }
            Some(errors) => {
                self.summary.invalid_rows += 1;
                let with_errors = cells.iter().copied().chain([errors.as_str()]);
                record(self.invalid, self.style, with_errors)
            }
        }
        .map_err(RepairError::output)
    }
}
