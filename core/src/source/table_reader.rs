//! The records of a table, read exactly as validation reads them: the same format
//! recognition (CSV, gzip, ZIP, spreadsheets), the same byte-order marks, encodings,
//! delimiter detection and header rows (the engine's front), cut into cells by the same
//! record reader. Foreign-key collection, repairs and row splits walk the table through
//! here, one record at a time, so they never disagree with the report about what a row is.
//!
//! ```
//! use conforme::source::table_reader::{Header, Input, Record, RecordVisitor};
//! use conforme::{Schema, SourceError, Validator};
//!
//! struct Firsts(Vec<String>);
//! impl RecordVisitor for Firsts {
//!     type Error = SourceError;
//!     fn header(&mut self, header: Header<'_>) -> Result<(), SourceError> {
//!         assert_eq!(header.dialect.delimiter, b';');
//!         Ok(())
//!     }
//!     fn record(&mut self, record: Record<'_>) -> Result<(), SourceError> {
//!         let first = record.cells.first().copied().unwrap_or("(blank)");
//!         self.0.push(format!("{}:{first}", record.row));
//!         Ok(())
//!     }
//! }
//! let schema = Schema::from_slice(br#"{"fields": [{"name": "n"}, {"name": "t"}]}"#).unwrap();
//! let mut firsts = Firsts(Vec::new());
//! Validator::new(&schema).read_records(Input::Bytes(b"n;t\n1;a\n\n2;b\n"), &mut firsts).unwrap();
//! // The empty line is row 3, a row without cells, as reports count it (a blank row).
//! assert_eq!(firsts.0, ["2:1", "3:(blank)", "4:2"]);
//! ```

use super::front::Front;
use super::input::{
    Decompressed, choose_member, corrupt_to_error, member_format, open_zip, zip_spreadsheet,
};
use super::{Dialect, InputFormat, RecordReader, records_text};
use crate::error::SourceError;
use crate::limits::{ZIP_MEMBER_BYTES, ZIP_NESTING};
use crate::options::ValidationOptions;
use crate::table::CompiledTable;
use crate::table::HeaderPlan;
use std::io::{Cursor, Read};
use std::path::Path;
use std::sync::Arc;

/// Where a table comes from.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// A file (its extension, else its first bytes, tell its format).
    Path(&'a Path),
    /// Bytes in memory (their first bytes tell their format).
    Bytes(&'a [u8]),
}

/// What is learnt once the header is read.
pub struct Header<'h> {
    /// The dialect the input was read with (detected delimiter included).
    pub dialect: &'h Dialect,
    /// The header labels (`None` when the dialect says there is no header).
    pub labels: Option<Vec<String>>,
    plan: &'h HeaderPlan,
}

impl Header<'_> {
    /// The column of the file that holds schema field `field` (by index in the schema),
    /// as validation matched the header to the schema; `None` when the file lacks it.
    pub fn column_of(&self, field: usize) -> Option<usize> {
        self.plan
            .column_field
            .iter()
            .position(|c| *c == Some(field))
    }
}

/// One data row.
pub struct Record<'r> {
    /// Its row number as reports give it (the header is row 1 of a one-row header).
    pub row: u64,
    /// Where it starts: the physical line of a text file, the row of a spreadsheet.
    pub line: u64,
    /// Its cells, decoded (none for an empty line: validation reports a `blank-row`).
    pub cells: &'r [&'r str],
}

/// Receives a table: its header once, then each data row in file order.
pub trait RecordVisitor {
    /// What stops the walk (reading errors convert into it).
    type Error: From<SourceError>;
    /// Called once, before the first row (also for a table without data rows).
    fn header(&mut self, header: Header<'_>) -> Result<(), Self::Error>;
    /// Called for every data row.
    fn record(&mut self, record: Record<'_>) -> Result<(), Self::Error>;
}

/// What reading a table needs: the compiled schema (header matching, missing values) and
/// the options (dialect, encoding, sheet, ZIP member, threads).
#[derive(Clone)]
pub(crate) struct Reading {
    pub table: Arc<CompiledTable>,
    pub options: Arc<ValidationOptions>,
}

impl Reading {
    #[cfg(feature = "excel")]
    fn sheet_validator(&self) -> Reading {
        Reading {
            table: self.table.clone(),
            options: Arc::new(self.options.for_sheet_text()),
        }
    }
}

impl Reading {
    /// Reads `input` and hands its header and records to `visitor`
    /// ([`Validator::read_records`](crate::Validator::read_records)).
    pub(crate) fn read_records<V: RecordVisitor>(
        &self,
        input: Input<'_>,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        let (reading, reader, lines) = open(input, self)?;
        drive(&reading, reader, lines, visitor)
    }
}

/// How records' lines are counted.
#[derive(Clone, Copy)]
enum Lines {
    /// Physical lines of the text.
    Text,
    /// Spreadsheet rows: the sheet's first row is `offset + 1`.
    #[cfg_attr(not(feature = "excel"), allow(dead_code))]
    Sheet { offset: u64 },
}

/// The text of the table (CSV bytes in any encoding) and the validator that reads it
/// (spreadsheets become UTF-8 comma-separated text, read with a validator set for it).
fn open<'a>(
    input: Input<'a>,
    validator: &Reading,
) -> Result<(Reading, Box<dyn Read + Send + 'a>, Lines), SourceError> {
    let text = |reader: Box<dyn Read + Send + 'a>| Ok((validator.clone(), reader, Lines::Text));
    match input {
        Input::Path(path) => {
            let (file, format) = super::input::open_path(path)?;
            match format {
                InputFormat::Csv => text(Box::new(std::io::BufReader::new(file))),
                InputFormat::Gzip => text(gunzip(std::io::BufReader::new(file))),
                _ => {
                    // An archive or a workbook: its table of contents is at its end.
                    let mut bytes = Vec::new();
                    std::io::BufReader::new(file).read_to_end(&mut bytes)?;
                    open_archive(bytes, format, validator, 1)
                }
            }
        }
        Input::Bytes(bytes) => match InputFormat::sniff(bytes).unwrap_or(InputFormat::Csv) {
            InputFormat::Csv => text(Box::new(bytes)),
            InputFormat::Gzip => text(gunzip(bytes)),
            format => open_archive(bytes.to_vec(), format, validator, 1),
        },
    }
}

fn gunzip<'a>(reader: impl Read + Send + 'a) -> Box<dyn Read + Send + 'a> {
    Box::new(Decompressed::new(
        flate2::read::MultiGzDecoder::new(reader),
        "gzip",
    ))
}

/// A ZIP archive or a workbook, held in memory (their table of contents is at their end),
/// `depth` archives deep; the same limits as validation (member size, nesting).
fn open_archive<'a>(
    bytes: Vec<u8>,
    format: InputFormat,
    validator: &Reading,
    depth: u32,
) -> Result<(Reading, Box<dyn Read + Send + 'a>, Lines), SourceError> {
    let format = if format == InputFormat::Zip {
        zip_spreadsheet(&open_zip(Cursor::new(&bytes))?).unwrap_or(InputFormat::Zip)
    } else {
        format
    };
    if format != InputFormat::Zip {
        return sheet(bytes, format, validator);
    }
    let mut archive = open_zip(Cursor::new(bytes))?;
    let (index, name) = choose_member(&archive, validator.options.zip_member.as_deref())?;
    let member_format = member_format(&name)?;
    let mut member = archive.by_index(index).map_err(|e| SourceError::Corrupt {
        format: "ZIP".to_owned(),
        detail: format!("member {name:?}: {e}"),
    })?;
    if member_format == InputFormat::Zip && depth >= ZIP_NESTING {
        return Err(SourceError::Corrupt {
            format: "ZIP".to_owned(),
            detail: format!(
                "member {name:?} is a ZIP archive inside a ZIP archive {depth} level(s) deep, past conforme's limit of {ZIP_NESTING} levels; extract the table and give it directly"
            ),
        });
    }
    let mut text = Vec::new();
    Decompressed::new(&mut member, "ZIP")
        .take(ZIP_MEMBER_BYTES + 1)
        .read_to_end(&mut text)
        .map_err(|e| corrupt_to_error(SourceError::Io(e)))?;
    if text.len() as u64 > ZIP_MEMBER_BYTES {
        return Err(SourceError::Corrupt {
            format: "ZIP".to_owned(),
            detail: format!(
                "member {name:?} is larger than {ZIP_MEMBER_BYTES} bytes once unzipped, past conforme's limit for a table read into memory; extract it and give it directly"
            ),
        });
    }
    drop(member);
    match member_format {
        InputFormat::Csv => Ok((validator.clone(), Box::new(Cursor::new(text)), Lines::Text)),
        InputFormat::Gzip => Ok((validator.clone(), gunzip(Cursor::new(text)), Lines::Text)),
        other => open_archive(text, other, validator, depth + 1),
    }
}

#[cfg(feature = "excel")]
fn sheet<'a>(
    bytes: Vec<u8>,
    format: InputFormat,
    validator: &Reading,
) -> Result<(Reading, Box<dyn Read + Send + 'a>, Lines), SourceError> {
    let sheet = super::spreadsheet::read_sheet(
        Cursor::new(bytes),
        format,
        validator.options.sheet.as_deref(),
        &validator.table,
        validator.options.dialect.header,
    )?;
    Ok((
        validator.sheet_validator(),
        Box::new(Cursor::new(sheet.csv)),
        Lines::Sheet {
            offset: sheet.row_offset,
        },
    ))
}

#[cfg(not(feature = "excel"))]
fn sheet<'a>(
    _bytes: Vec<u8>,
    format: InputFormat,
    _validator: &Reading,
) -> Result<(Reading, Box<dyn Read + Send + 'a>, Lines), SourceError> {
    Err(SourceError::Unsupported {
        what: format!(
            "a {} spreadsheet, and this build of conforme has no spreadsheet support (cargo feature `excel`); export the sheet as CSV",
            format.name()
        ),
    })
}

/// Runs the engine's front over `reader` and walks the records of each chunk in order.
fn drive<V: RecordVisitor>(
    validator: &Reading,
    mut reader: Box<dyn Read + Send + '_>,
    lines: Lines,
    visitor: &mut V,
) -> Result<(), V::Error> {
    let mut front = Front::new(validator.options.clone(), validator.table.clone());
    let mut walker = Walker {
        header_done: false,
        next_row: 0,
        parser: None,
        header_records: Vec::new(),
        lines,
    };
    let mut buf = vec![0u8; 256 * 1024];
    loop {
        let n = front
            .read_from(&mut reader, &mut buf)
            .map_err(corrupt_to_error)?;
        walker.drain(&mut front, visitor)?;
        if n == 0 {
            break;
        }
    }
    front.finish().map_err(corrupt_to_error)?;
    walker.drain(&mut front, visitor)
}

/// Walks chunks: header records first, then data rows, numbered as reports number them.
struct Walker {
    header_done: bool,
    next_row: u64,
    parser: Option<csv_core::Reader>,
    header_records: Vec<Vec<String>>,
    lines: Lines,
}

impl Walker {
    fn drain<V: RecordVisitor>(
        &mut self,
        front: &mut Front,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        while let Some(chunk) = front.pop() {
            let Some(setup) = front.setup.as_ref() else {
                unreachable!("a chunk is only cut once the header is read")
            };
            let (dialect, plan) = (&setup.dialect, &setup.plan);
            let bytes = records_text(&chunk.bytes, dialect);
            let mut records =
                RecordReader::new(dialect, &bytes, self.parser.take()).cr_only(chunk.cr_only);
            let mut skip = chunk.skip_records;
            while let Some(info) = records.next_record() {
                if skip > 0 {
                    // Empty lines before the header are not header rows (as in the front).
                    if info.len > 0 {
                        skip -= 1;
                        self.header_records.push(
                            (0..info.len)
                                .map(|i| String::from_utf8_lossy(records.cell(i)).into_owned())
                                .collect(),
                        );
                    }
                    continue;
                }
                self.start(dialect, plan, visitor)?;
                let mut owned = Vec::new();
                let cells = cells_of(&records, info.len, &mut owned);
                let line = match self.lines {
                    Lines::Text => chunk.start_line + info.line,
                    Lines::Sheet { offset } => offset + self.next_row,
                };
                visitor.record(Record {
                    row: self.next_row,
                    line,
                    cells: &cells,
                })?;
                self.next_row += 1;
            }
            self.parser = records.into_parser();
            // A file with a header and no data rows still has its header written.
            if chunk.skip_records > 0 || !self.header_done {
                self.start(dialect, plan, visitor)?;
            }
            front.recycle(chunk.bytes);
        }
        Ok(())
    }

    /// Announces the header, once, before the first row.
    fn start<V: RecordVisitor>(
        &mut self,
        dialect: &Dialect,
        plan: &HeaderPlan,
        visitor: &mut V,
    ) -> Result<(), V::Error> {
        if self.header_done {
            return Ok(());
        }
        self.header_done = true;
        self.next_row = dialect.header_record_count() as u64 + 1;
        let labels = dialect
            .header
            .then(|| join_header(dialect, &self.header_records));
        visitor.header(Header {
            dialect,
            labels,
            plan,
        })
    }
}

/// The labels of the `headerRows` records, joined cell by cell (as the engine joins them).
fn join_header(dialect: &Dialect, records: &[Vec<String>]) -> Vec<String> {
    let rows = records
        .iter()
        .enumerate()
        .filter(|(n, _)| dialect.header_rows.contains(&(n + 1)))
        .map(|(_, record)| record);
    crate::table::join_header_rows(&dialect.header_join, rows)
}

/// The cells of the current record. The front decoded the text to UTF-8, so cells are
/// borrowed; a stray invalid byte (reported by validation) is replaced, in a copy kept in
/// `owned`.
fn cells_of<'r>(
    records: &'r RecordReader<'_>,
    len: usize,
    owned: &'r mut Vec<String>,
) -> Vec<&'r str> {
    let borrowed: Option<Vec<&str>> = (0..len)
        .map(|i| std::str::from_utf8(records.cell(i)).ok())
        .collect();
    match borrowed {
        Some(cells) => cells,
        None => {
            *owned = (0..len)
                .map(|i| String::from_utf8_lossy(records.cell(i)).into_owned())
                .collect();
            owned.iter().map(String::as_str).collect()
        }
    }
}

/// A data record, as the workers of [`Reading::map_records`] see it.
pub(crate) struct ChunkRecord<'r> {
    /// Its rank among the data records of its chunk (its row number is known only once the
    /// earlier chunks are counted: the consumer adds it).
    pub rank: u64,
    /// Its cells (none for an empty line).
    pub cells: &'r [&'r str],
}

impl Reading {
    /// Reads `input` as validation does and spreads its records over the
    /// [pipeline](crate::pipeline): `header` is called once with the header, then `work`
    /// runs on every data record, chunk by chunk on the worker threads (each chunk's output
    /// starts as `O::default()`), and `consume` receives each chunk's output in file order
    /// with the row number of its first record.
    pub(crate) fn map_records<S, O, E>(
        &self,
        input: Input<'_>,
        header: impl FnOnce(Header<'_>) -> Result<(), E>,
        scratch: impl Fn() -> S + Sync,
        work: impl Fn(&mut S, &mut O, ChunkRecord<'_>) -> Result<(), E> + Sync,
        mut consume: impl FnMut(u64, O) -> Result<(), E>,
    ) -> Result<(), E>
    where
        O: Default + Send,
        E: From<SourceError> + Send,
    {
        let (validator, mut reader, _) = open(input, self)?;
        let mut front = Front::new(validator.options.clone(), validator.table.clone());
        let mut buf = vec![0u8; 256 * 1024];
        let mut more = true;
        let first = loop {
            if let Some(chunk) = front.pop() {
                break chunk;
            }
            if !more {
                // No record at all: nothing to hand out.
                return Ok(());
            }
            more = front
                .fill(&mut reader, &mut buf)
                .map_err(corrupt_to_error)?;
        };
        let Some(setup) = front.setup.as_ref() else {
            unreachable!("a chunk is only cut once the header is read")
        };
        let (dialect, plan) = (setup.dialect.clone(), setup.plan.clone());
        // Every header record is in the first chunk (the front holds bytes back until it
        // has them all).
        let labels = dialect
            .header
            .then(|| join_header(&dialect, &header_records(&dialect, &first)));
        header(Header {
            dialect: &dialect,
            labels,
            plan: &plan,
        })?;
        let (recycle_tx, recycle_rx) = std::sync::mpsc::channel::<Vec<u8>>();
        let mut next = Some(first);
        let front_ref = &mut front;
        let produce = move || match next.take() {
            Some(chunk) => Ok(Some(chunk)),
            None => front_ref
                .next_chunk(&mut reader, &mut buf, &recycle_rx, &mut more)
                .map_err(corrupt_to_error),
        };
        let dialect = &dialect;
        let mut row = dialect.header_record_count() as u64 + 1;
        let mut failure: Option<E> = None;
        crate::pipeline::ordered(
            validator.options.thread_count(),
            produce,
            scratch,
            |state, chunk| {
                let mut out = O::default();
                let rows = chunk_records(dialect, &chunk, |record| work(state, &mut out, record));
                let _ = recycle_tx.send(chunk.bytes);
                rows.map(|rows| (rows, out))
            },
            |result| {
                let outcome = result.and_then(|(rows, out)| {
                    let first_row = row;
                    row += rows;
                    consume(first_row, out)
                });
                match outcome {
                    Ok(()) => crate::pipeline::Flow::Continue,
                    Err(e) => {
                        failure = Some(e);
                        crate::pipeline::Flow::Stop
                    }
                }
            },
        )
        .map_err(|e| E::from(corrupt_to_error(e)))?;
        failure.map_or(Ok(()), Err)
    }
}

/// The header records at the start of `chunk`.
fn header_records(dialect: &Dialect, chunk: &super::front::Chunk) -> Vec<Vec<String>> {
    let bytes = records_text(&chunk.bytes, dialect);
    let mut records = RecordReader::new(dialect, &bytes, None).cr_only(chunk.cr_only);
    let mut found = Vec::new();
    while found.len() < chunk.skip_records {
        let Some(info) = records.next_record() else {
            break;
        };
        // Empty lines before the header are not header rows (as in the front).
        if info.len > 0 {
            found.push(
                (0..info.len)
                    .map(|i| String::from_utf8_lossy(records.cell(i)).into_owned())
                    .collect(),
            );
        }
    }
    found
}

/// Calls `work` on each data record of `chunk`; returns how many there were.
fn chunk_records<E>(
    dialect: &Dialect,
    chunk: &super::front::Chunk,
    mut work: impl FnMut(ChunkRecord<'_>) -> Result<(), E>,
) -> Result<u64, E> {
    let bytes = records_text(&chunk.bytes, dialect);
    let mut records = RecordReader::new(dialect, &bytes, None).cr_only(chunk.cr_only);
    let mut skip = chunk.skip_records;
    let mut rank = 0;
    while let Some(info) = records.next_record() {
        if skip > 0 {
            if info.len > 0 {
                skip -= 1;
            }
            continue;
        }
        let mut owned = Vec::new();
        let cells = cells_of(&records, info.len, &mut owned);
        work(ChunkRecord {
            rank,
            cells: &cells,
        })?;
        rank += 1;
    }
    Ok(rank)
}
