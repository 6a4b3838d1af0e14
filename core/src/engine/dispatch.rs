//! From a file or a reader to the CSV pipeline: recognises compressed files and
//! spreadsheets, undoes the compression (streamed) or converts the sheet to CSV text, then
//! runs the one row-validation path.

use super::{Sink, Validator, parallel};
use crate::error::SourceError;
use crate::report::Param;
use crate::report::{Diagnostic, Report};
use crate::source::InputFormat;
use crate::source::input::{
    Decompressed, choose_member, corrupt_to_error, member_format, open_path, open_zip,
    zip_spreadsheet,
};
use std::io::{Cursor, Read, Seek};
use std::path::Path;

/// Bytes needed to recognise a format by its signature.
const MAGIC_BYTES: usize = 8;

/// Reads up to `MAGIC_BYTES` bytes (fewer only at end of input).
fn read_head<R: Read>(reader: &mut R) -> Result<Vec<u8>, SourceError> {
    let mut head = vec![0u8; MAGIC_BYTES];
    let mut filled = 0;
    while filled < MAGIC_BYTES {
        match reader.read(&mut head[filled..]) {
            Ok(0) => break,
            Ok(n) => filled += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(e) => return Err(SourceError::Io(e)),
        }
    }
    head.truncate(filled);
    Ok(head)
}

impl Validator {
    /// Validates a file: CSV, `.gz`, `.zip`, or (with the `excel` feature) `.xlsx`,
    /// `.xlsb`, `.xls`, `.ods`. The kind comes from the extension, else from the content.
    pub fn validate_path(&self, path: impl AsRef<Path>) -> Result<Report, SourceError> {
        self.path_to(path.as_ref(), None)
    }

    /// Validates a file like [`Validator::validate_path`], handing each error to `on_error`
    /// as soon as its place in file order is final (messages rendered, cells masked when
    /// asked), instead of keeping it: memory then stays bounded however many errors the
    /// file has. The report returned has every count, the summary and the warnings, and
    /// only the errors not handed out (a spreadsheet's, read whole anyway).
    ///
    /// ```
    /// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
    /// let validator = conforme::Validator::new(&schema);
    /// let path = std::env::temp_dir().join("conforme-doc-streaming.csv");
    /// std::fs::write(&path, "n\nx\n1\ny\n").unwrap();
    /// let mut rows = Vec::new();
    /// let report = validator.validate_path_streaming(&path, &mut |e| rows.push(e.row)).unwrap();
    /// assert_eq!(rows, [Some(2), Some(4)]);
    /// assert!(report.errors.is_empty());
    /// assert_eq!((report.stats.error_count, report.summary.invalid_rows), (2, 2));
    /// ```
    pub fn validate_path_streaming(
        &self,
        path: impl AsRef<Path>,
        on_error: &mut dyn FnMut(Diagnostic),
    ) -> Result<Report, SourceError> {
        self.path_to(path.as_ref(), Some(on_error))
    }

    fn path_to(&self, path: &Path, sink: Sink<'_>) -> Result<Report, SourceError> {
        let (file, format) = open_path(path)?;
        match format {
            InputFormat::Csv => self.validate_csv_file(file, sink),
            InputFormat::Gzip => self.validate_gzip(file, sink),
            InputFormat::Zip => self.validate_zip(file, 1, sink),
            _ => self.validate_spreadsheet(std::io::BufReader::new(file), format),
        }
    }

    /// Validates everything `input` yields. CSV and gzip are streamed in bounded memory;
    /// a ZIP archive or a workbook (recognised by its first bytes) is read into memory,
    /// as its table of contents is at its end.
    pub fn validate_reader<R: Read + Send>(&self, input: R) -> Result<Report, SourceError> {
        self.reader_to(input, None)
    }

    /// Validates what `input` yields like [`Validator::validate_reader`], handing each
    /// error to `on_error` as [`Validator::validate_path_streaming`] does.
    ///
    /// ```
    /// let schema = conforme::Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap();
    /// let validator = conforme::Validator::new(&schema);
    /// let mut errors = Vec::new();
    /// let report = validator
    ///     .validate_reader_streaming(&b"n\nx\n"[..], &mut |e| errors.push(e))
    ///     .unwrap();
    /// assert_eq!((errors.len(), report.stats.error_count), (1, 1));
    /// ```
    pub fn validate_reader_streaming<R: Read + Send>(
        &self,
        input: R,
        on_error: &mut dyn FnMut(Diagnostic),
    ) -> Result<Report, SourceError> {
        self.reader_to(input, Some(on_error))
    }

    fn reader_to<R: Read + Send>(
        &self,
        mut input: R,
        sink: Sink<'_>,
    ) -> Result<Report, SourceError> {
        let head = read_head(&mut input)?;
        let format = InputFormat::sniff(&head).unwrap_or(InputFormat::Csv);
        let whole = Cursor::new(head).chain(input);
        match format {
            InputFormat::Gzip => self.validate_gzip(whole, sink),
            InputFormat::Csv => self.validate_csv(whole, format, sink),
            _ => {
                let mut bytes = Vec::new();
                let mut whole = whole;
                whole.read_to_end(&mut bytes)?;
                let format = if format == InputFormat::Zip {
                    zip_spreadsheet(&open_zip(Cursor::new(&bytes))?).unwrap_or(InputFormat::Zip)
                } else {
                    format
                };
                if format == InputFormat::Zip {
                    self.validate_zip(Cursor::new(bytes), 1, sink)
                } else {
                    self.validate_spreadsheet(Cursor::new(bytes), format)
                }
            }
        }
    }

    /// Validates bytes in memory (any format [`Validator::validate_reader`] accepts).
    pub fn validate_slice(&self, input: &[u8]) -> Result<Report, SourceError> {
        self.validate_reader(input)
    }

    fn validate_csv<R: Read + Send>(
        &self,
        reader: R,
        format: InputFormat,
        sink: Sink<'_>,
    ) -> Result<Report, SourceError> {
        // UTF-16 without a byte-order mark is read only when the caller says it is: it is
        // then turned into UTF-8 before the usual reading, which must not decode it again.
        let mut reader = crate::source::ForcedUtf16::new(reader, self.options.encoding);
        if let Some(encoding) = reader.start()? {
            let mut options = (*self.options).clone();
            options.encoding = None;
            let utf8 = Validator {
                table: self.table.clone(),
                options: std::sync::Arc::new(options),
            };
            let mut report = utf8.csv_report(reader, format, sink)?;
            report.stats.encoding = encoding.to_ascii_lowercase();
            return Ok(report);
        }
        self.csv_report(reader, format, sink)
    }

    /// A CSV file on disk: past its start, the workers read it in blocks themselves (see
    /// `engine::blocks`). UTF-16 forced without a byte-order mark (turned into UTF-8 as it
    /// is read) and a forced legacy encoding (decoded in file order) are read from start
    /// to end by the front instead.
    fn validate_csv_file(
        &self,
        file: std::fs::File,
        sink: Sink<'_>,
    ) -> Result<Report, SourceError> {
        #[cfg(any(unix, windows))]
        if self
            .options
            .encoding
            .is_none_or(|e| e == encoding_rs::UTF_8)
        {
            let mut report = match parallel::validate_file(self, &file, sink) {
                Err(SourceError::Empty) => self.empty_input_report(),
                other => other?,
            };
            report.stats.format = InputFormat::Csv.name().to_owned();
            return Ok(report);
        }
        self.validate_csv(file, InputFormat::Csv, sink)
    }

    fn csv_report<R: Read + Send>(
        &self,
        reader: R,
        format: InputFormat,
        sink: Sink<'_>,
    ) -> Result<Report, SourceError> {
        let mut report = match parallel::validate(self, reader, sink).map_err(corrupt_to_error) {
            Err(SourceError::Empty) => self.empty_input_report(),
            other => other?,
        };
        report.stats.format = format.name().to_owned();
        Ok(report)
    }

    /// The report on an input without a header (0 bytes, or blank lines only): bad data,
    /// not a bad command, so an invalid report with one `source-error`, as frictionless
    /// and Validata give (every door then says the same).
    pub(crate) fn empty_input_report(&self) -> Report {
        use crate::report::{Diagnostic, ErrorCode, Summary};
        let mut report = Report {
            valid: false,
            ..Report::default()
        };
        report.stats.fields = self.table.fields.len();
        report.stats.encoding = "utf-8".to_owned();
        report.stats.delimiter = char::from(self.options.dialect.delimiter).to_string();
        report.stats.format = InputFormat::Csv.name().to_owned();
        let code = ErrorCode::SourceError;
        if self.options.keeps(code) {
            let mut d = Diagnostic::new(code).with_param(Param::Reason, "empty");
            d.localize(self.options.lang);
            report.errors.push(d);
            report.stats.error_count = 1;
            report.stats.error_types.insert(code.as_str().to_owned(), 1);
        }
        // Only `--skip-errors source-error` makes it valid.
        report.valid = report.errors.is_empty();
        report.summary = Summary::of(&report.errors);
        report
    }

    fn validate_gzip<R: Read + Send>(
        &self,
        reader: R,
        sink: Sink<'_>,
    ) -> Result<Report, SourceError> {
        let gz = flate2::read::MultiGzDecoder::new(std::io::BufReader::new(reader));
        self.validate_csv(Decompressed::new(gz, "gzip"), InputFormat::Gzip, sink)
    }

    /// Validates the table in a ZIP archive, `depth` archives deep (1 for the file itself).
    /// CSV and gzip members are streamed; a nested archive or a workbook (whose table of
    /// contents is at its end) is read into memory, up to [`ZIP_MEMBER_BYTES`], and
    /// archives nest [`ZIP_NESTING`] deep at most: a small file of nested or stored
    /// archives must not cost gigabytes.
    ///
    /// [`ZIP_MEMBER_BYTES`]: crate::limits::ZIP_MEMBER_BYTES
    /// [`ZIP_NESTING`]: crate::limits::ZIP_NESTING
    fn validate_zip<RS: Read + Seek + Send>(
        &self,
        reader: RS,
        depth: u32,
        sink: Sink<'_>,
    ) -> Result<Report, SourceError> {
        use crate::limits::{ZIP_MEMBER_BYTES, ZIP_NESTING};
        let mut archive = open_zip(reader)?;
        if let Some(format) = zip_spreadsheet(&archive) {
            // A workbook whose extension was not `.xlsx`/`.ods`.
            return self.validate_spreadsheet(archive.into_inner(), format);
        }
        let (index, name) = choose_member(&archive, self.options.zip_member.as_deref())?;
        let format = member_format(&name)?;
        let corrupt = |e: zip::result::ZipError| SourceError::Corrupt {
            format: "ZIP".to_owned(),
            detail: format!("member {name:?}: {e}"),
        };
        let mut member = archive.by_index(index).map_err(corrupt)?;
        match format {
            InputFormat::Csv => {
                let reader = Decompressed::new(&mut member, "ZIP");
                return self.validate_csv(reader, InputFormat::Zip, sink);
            }
            InputFormat::Gzip => {
                return self.validate_gzip(Decompressed::new(&mut member, "ZIP"), sink);
            }
            InputFormat::Zip if depth >= ZIP_NESTING => {
                return Err(SourceError::Corrupt {
                    format: "ZIP".to_owned(),
                    detail: format!(
                        "member {name:?} is a ZIP archive inside a ZIP archive {depth} level(s) deep, past conforme's limit of {ZIP_NESTING} levels; extract the table and give it directly"
                    ),
                });
            }
            _ => {}
        }
        let mut bytes = Vec::new();
        Decompressed::new(&mut member, "ZIP")
            .take(ZIP_MEMBER_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| corrupt_to_error(SourceError::Io(e)))?;
        if bytes.len() as u64 > ZIP_MEMBER_BYTES {
            return Err(SourceError::Corrupt {
                format: "ZIP".to_owned(),
                detail: format!(
                    "member {name:?} is larger than {ZIP_MEMBER_BYTES} bytes once unzipped, past conforme's limit for an archive or workbook inside a ZIP archive; extract it and give it directly"
                ),
            });
        }
        drop(member);
        match format {
            InputFormat::Zip => self.validate_zip(Cursor::new(bytes), depth + 1, sink),
            _ => self.validate_spreadsheet(Cursor::new(bytes), format),
        }
    }

    /// The validator for a sheet turned into CSV text: comma, UTF-8, no detection.
    #[cfg(feature = "excel")]
    pub(crate) fn sheet_validator(&self) -> Validator {
        Validator {
            table: self.table.clone(),
            options: std::sync::Arc::new(self.options.for_sheet_text()),
        }
    }

    #[cfg(feature = "excel")]
    fn validate_spreadsheet<RS: Read + Seek>(
        &self,
        reader: RS,
        format: InputFormat,
    ) -> Result<Report, SourceError> {
        use crate::source::spreadsheet::read_sheet;
        let header = self.options.dialect.header;
        let sheet = read_sheet(
            reader,
            format,
            self.options.sheet.as_deref(),
            &self.table,
            header,
        )?;
        // The sheet is now plain CSV: comma, UTF-8, no detection needed.
        let inner = self.sheet_validator();
        let mut report = match parallel::validate(&inner, sheet.csv.as_slice(), None) {
            Err(SourceError::Empty) => return Err(SourceError::EmptySheet { sheet: sheet.sheet }),
            other => other?,
        };
        // Locations: spreadsheet rows, no byte offsets (there is no text file).
        for d in report.errors.iter_mut().chain(report.warnings.iter_mut()) {
            d.byte = None;
            if let Some(row) = d.row {
                d.line = Some(sheet.row_offset + row);
            }
        }
        report.warnings.extend(sheet.conversions);
        report.localize(self.options.lang);
        report.stats.format = format.name().to_owned();
        report.stats.encoding = String::new();
        report.stats.delimiter = String::new();
        report.stats.sheet = Some(sheet.sheet);
        Ok(report)
    }

    #[cfg(not(feature = "excel"))]
    fn validate_spreadsheet<RS: Read + Seek>(
        &self,
        _reader: RS,
        format: InputFormat,
    ) -> Result<Report, SourceError> {
        Err(SourceError::Unsupported {
            what: format!(
                "a {} spreadsheet, and this build of conforme has no spreadsheet support (cargo feature `excel`); export the sheet as CSV",
                format.name()
            ),
        })
    }
}
