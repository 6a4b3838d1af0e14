//! The records of a table, read exactly as validation reads them: the same format
//! recognition (CSV, gzip, ZIP, spreadsheets), the same byte-order marks, encodings,
//! delimiter detection and header rows (the engine's front), cut into cells by the same
//! record reader. Repairs and row splits walk the table through here, one record at a
//! time, so they never disagree with the report about what a row is.

use super::RepairError;
use crate::Validator;
use crate::engine::front::Front;
use crate::error::SourceError;
use crate::source::input::{
    Decompressed, choose_member, corrupt_to_error, member_format, open_zip, zip_spreadsheet,
};
use crate::source::{Dialect, InputFormat, RecordReader, records_text};
use std::io::{Cursor, Read};
use std::path::Path;

/// Where a table comes from.
#[derive(Clone, Copy, Debug)]
pub enum Input<'a> {
    /// A file (its extension, else its first bytes, tell its format).
    Path(&'a Path),
    /// Bytes in memory (their first bytes tell their format).
    Bytes(&'a [u8]),
}

/// What is learnt once the header is read.
pub(crate) struct Header<'h> {
    /// The dialect the input was read with (detected delimiter included).
    pub dialect: &'h Dialect,
    /// The header labels (`None` when the dialect says there is no header).
    pub labels: Option<Vec<String>>,
}

/// Receives the table: its header once, then each data row with its row number as reports
/// give it (the header is row 1 of a one-row header). An empty line is a row without
/// cells, as validation counts it (a `blank-row`).
pub(crate) trait Visitor {
    fn header(&mut self, header: Header<'_>) -> Result<(), RepairError>;
    fn row(&mut self, row: u64, cells: &[&str]) -> Result<(), RepairError>;
}

/// Reads `input` as `validator` would and hands its records to `visitor`.
pub(crate) fn visit(
    input: Input<'_>,
    validator: &Validator,
    visitor: &mut dyn Visitor,
) -> Result<(), RepairError> {
    let (validator, reader) = open(input, validator)?;
    drive(&validator, reader, visitor)
}

/// The text of the table (CSV bytes in any encoding) and the validator that reads it
/// (spreadsheets become UTF-8 comma-separated text, read with a validator set for it).
fn open<'a>(
    input: Input<'a>,
    validator: &Validator,
) -> Result<(Validator, Box<dyn Read + 'a>), SourceError> {
    match input {
        Input::Path(path) => {
            let (mut file, format) = crate::source::input::open_path(path)?;
            match format {
                InputFormat::Csv => {
                    Ok((validator.clone(), Box::new(std::io::BufReader::new(file))))
                }
                InputFormat::Gzip => Ok((validator.clone(), gunzip(std::io::BufReader::new(file)))),
                _ => {
                    let mut bytes = Vec::new();
                    file.read_to_end(&mut bytes)?;
                    open_archive(bytes, format, validator)
                }
            }
        }
        Input::Bytes(bytes) => match InputFormat::sniff(bytes).unwrap_or(InputFormat::Csv) {
            InputFormat::Csv => Ok((validator.clone(), Box::new(bytes))),
            InputFormat::Gzip => Ok((validator.clone(), gunzip(bytes))),
            format => open_archive(bytes.to_vec(), format, validator),
        },
    }
}

fn gunzip<'a>(reader: impl Read + 'a) -> Box<dyn Read + 'a> {
    Box::new(Decompressed::new(
        flate2::read::MultiGzDecoder::new(reader),
        "gzip",
    ))
}

/// A ZIP archive or a workbook, held in memory (their table of contents is at their end).
fn open_archive<'a>(
    bytes: Vec<u8>,
    format: InputFormat,
    validator: &Validator,
) -> Result<(Validator, Box<dyn Read + 'a>), SourceError> {
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
    let mut text = Vec::new();
    Decompressed::new(&mut member, "ZIP")
        .read_to_end(&mut text)
        .map_err(|e| corrupt_to_error(SourceError::Io(e)))?;
    drop(member);
    match member_format {
        InputFormat::Csv => Ok((validator.clone(), Box::new(Cursor::new(text)))),
        InputFormat::Gzip => Ok((validator.clone(), gunzip(Cursor::new(text)))),
        other => open_archive(text, other, validator),
    }
}

#[cfg(feature = "excel")]
fn sheet<'a>(
    bytes: Vec<u8>,
    format: InputFormat,
    validator: &Validator,
) -> Result<(Validator, Box<dyn Read + 'a>), SourceError> {
    let sheet = crate::source::spreadsheet::read_sheet(
        Cursor::new(bytes),
        format,
        validator.options.sheet.as_deref(),
        &validator.table,
        validator.options.dialect.header,
    )?;
    Ok((
        validator.sheet_validator(),
        Box::new(Cursor::new(sheet.csv)),
    ))
}

#[cfg(not(feature = "excel"))]
fn sheet<'a>(
    _bytes: Vec<u8>,
    format: InputFormat,
    _validator: &Validator,
) -> Result<(Validator, Box<dyn Read + 'a>), SourceError> {
    Err(SourceError::Unsupported {
        what: format!(
            "a {} spreadsheet, and this build of conforme has no spreadsheet support (cargo feature `excel`); export the sheet as CSV",
            format.name()
        ),
    })
}

/// Runs the engine's front over `reader` and walks the records of each chunk in order.
fn drive(
    validator: &Validator,
    mut reader: Box<dyn Read + '_>,
    visitor: &mut dyn Visitor,
) -> Result<(), RepairError> {
    let mut front = Front::new(validator.options.clone(), validator.table.clone());
    let mut walker = Walker::default();
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
#[derive(Default)]
struct Walker {
    header_done: bool,
    next_row: u64,
    parser: Option<csv_core::Reader>,
    header_records: Vec<Vec<String>>,
}

impl Walker {
    fn drain(&mut self, front: &mut Front, visitor: &mut dyn Visitor) -> Result<(), RepairError> {
        while let Some(chunk) = front.pop() {
            let dialect = &front
                .setup
                .as_ref()
                .expect("a chunk is only ready once the header is read")
                .dialect;
            let bytes = records_text(&chunk.bytes, dialect);
            let mut records = RecordReader::new(dialect, &bytes, self.parser.take());
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
                self.start(dialect, visitor)?;
                let owned: Vec<std::borrow::Cow<'_, str>> = (0..info.len)
                    .map(|i| String::from_utf8_lossy(records.cell(i)))
                    .collect();
                let cells: Vec<&str> = owned.iter().map(|c| c.as_ref()).collect();
                visitor.row(self.next_row, &cells)?;
                self.next_row += 1;
            }
            self.parser = records.into_parser();
            // A file with a header and no data rows still has its header written.
            if chunk.skip_records > 0 || !self.header_done {
                self.start(dialect, visitor)?;
            }
            front.recycle(chunk.bytes);
        }
        Ok(())
    }

    /// Announces the header, once, before the first row.
    fn start(&mut self, dialect: &Dialect, visitor: &mut dyn Visitor) -> Result<(), RepairError> {
        if self.header_done {
            return Ok(());
        }
        self.header_done = true;
        self.next_row = dialect.header_record_count() as u64 + 1;
        let labels = dialect
            .header
            .then(|| join_header(dialect, &self.header_records));
        visitor.header(Header { dialect, labels })
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
