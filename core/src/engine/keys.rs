//! Reading the typed key values of some fields from a table, for foreign keys across the
//! resources of a Data Package. The table is read by the [record reader](super::records)
//! (the front validation uses: encoding, dialect, header matching) and cells are cast as
//! validation casts them, so keys compare exactly as typed values do.

use super::Validator;
use super::records::{Header, Input, Record, RecordVisitor};
use crate::error::SourceError;
use std::path::Path;

/// The key of one data row.
pub(crate) struct KeyRow {
    /// Frictionless row number (header = 1).
    pub row: u64,
    /// Physical line (spreadsheet row for a sheet).
    pub line: u64,
    /// 128-bit hash of the typed key; `None` when a part is missing or not castable.
    pub hash: Option<u128>,
    /// The key cells as written, joined with `, ` (for messages).
    pub text: String,
    /// The key cells as written, one per field.
    pub values: Vec<String>,
}

/// Collects the keys of `fields` (schema field indexes), row by row.
struct Keys<'v, S> {
    validator: &'v Validator,
    fields: &'v [usize],
    /// The file column of each key field.
    columns: Vec<Option<usize>>,
    key: Vec<u8>,
    sink: S,
}

impl<S: FnMut(KeyRow)> RecordVisitor for Keys<'_, S> {
    type Error = SourceError;

    fn header(&mut self, header: Header<'_>) -> Result<(), SourceError> {
        self.columns = self.fields.iter().map(|&f| header.column_of(f)).collect();
        Ok(())
    }

    fn record(&mut self, record: Record<'_>) -> Result<(), SourceError> {
        self.key.clear();
        let mut values = Vec::with_capacity(self.fields.len());
        let mut complete = true;
        for (&f, column) in self.fields.iter().zip(&self.columns) {
            let cell = column.and_then(|c| record.cells.get(c)).copied();
            values.push(cell.unwrap_or("").to_owned());
            let field = &self.validator.table.fields[f];
            let Some(cell) = cell.filter(|c| !field.missing.contains(c)) else {
                complete = false;
                continue;
            };
            match field.checker.caster.cast(cell) {
                Ok(value) => value.key_bytes(&mut self.key),
                Err(()) => complete = false,
            }
        }
        (self.sink)(KeyRow {
            row: record.row,
            line: record.line,
            hash: complete.then(|| xxhash_rust::xxh3::xxh3_128(&self.key)),
            text: values.join(", "),
            values,
        });
        Ok(())
    }
}

impl Validator {
    /// Calls `sink` with the typed key of `fields` (schema field indexes) for every data
    /// row of the table at `path` (any format validation reads), read exactly as
    /// validation reads it.
    pub(crate) fn collect_keys_path(
        &self,
        path: &Path,
        fields: &[usize],
        sink: impl FnMut(KeyRow),
    ) -> Result<(), SourceError> {
        let mut keys = Keys {
            validator: self,
            fields,
            columns: Vec::new(),
            key: Vec::new(),
            sink,
        };
        self.read_records(Input::Path(path), &mut keys)
    }
}
