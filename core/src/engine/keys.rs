//! Reading the typed key values of some fields from a table, for foreign keys across the
//! resources of a Data Package. Uses the same front (encoding, dialect, header matching)
//! and the same casts as validation, so keys compare exactly as typed values do.

use super::Validator;
use super::front::Front;
use crate::error::SourceError;
use std::io::Read;

/// The key of one data row.
pub(crate) struct KeyRow {
    /// Frictionless row number (header = 1).
    pub row: u64,
    /// Physical line.
    pub line: u64,
    /// 128-bit hash of the typed key; `None` when a part is missing or not castable.
    pub hash: Option<u128>,
    /// The key cells as written, joined with `, ` (for messages).
    pub text: String,
    /// The key cells as written, one per field.
    pub values: Vec<String>,
}

/// Calls `sink` with the key of `fields` (schema field indexes) for every data row.
pub(crate) fn collect<R: Read>(
    v: &Validator,
    mut reader: R,
    fields: &[usize],
    mut sink: impl FnMut(KeyRow),
) -> Result<(), SourceError> {
    let mut front = Front::new(v.options.clone(), v.table.clone());
    let mut buf = vec![0u8; 1 << 20];
    let mut columns: Option<Vec<Option<usize>>> = None;
    let mut row = 0u64;
    let mut key = Vec::new();
    loop {
        let n = loop {
            match reader.read(&mut buf) {
                Ok(n) => break n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(SourceError::Io(e)),
            }
        };
        if n == 0 {
            front.finish()?;
        } else {
            front.push(&buf[..n])?;
        }
        while let Some(chunk) = front.pop() {
            let setup = front
                .setup
                .as_ref()
                .expect("header read with the first chunk");
            if row == 0 {
                row = if setup.dialect.header { 1 } else { 0 };
            }
            let columns = columns.get_or_insert_with(|| {
                fields
                    .iter()
                    .map(|f| setup.plan.column_field.iter().position(|c| *c == Some(*f)))
                    .collect()
            });
            let mut csv = setup
                .dialect
                .reader_builder()
                .from_reader(chunk.bytes.as_slice());
            let mut record = csv::ByteRecord::new();
            let mut skip = chunk.skip_records;
            while csv
                .read_byte_record(&mut record)
                .map_err(|e| SourceError::Csv {
                    line: chunk.start_line,
                    byte: chunk.start_byte,
                    message: e.to_string(),
                })?
            {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                row += 1;
                let line = chunk.start_line + record.position().map_or(1, |p| p.line()) - 1;
                key.clear();
                let mut texts = Vec::with_capacity(fields.len());
                let mut complete = true;
                for (&f, column) in fields.iter().zip(columns.iter()) {
                    let cell = column
                        .and_then(|c| record.get(c))
                        .and_then(|b| std::str::from_utf8(b).ok())
                        .unwrap_or("");
                    texts.push(cell.to_owned());
                    let field = &v.table.fields[f];
                    if column.is_none() || field.missing.contains(cell) {
                        complete = false;
                        continue;
                    }
                    match field.checker.caster.cast(cell) {
                        Ok(value) => value.key_bytes(&mut key),
                        Err(()) => complete = false,
                    }
                }
                sink(KeyRow {
                    row,
                    line,
                    hash: complete.then(|| xxhash_rust::xxh3::xxh3_128(&key)),
                    text: texts.join(", "),
                    values: texts,
                });
            }
        }
        if n == 0 {
            return Ok(());
        }
    }
}
