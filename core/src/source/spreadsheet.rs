//! Excel and OpenDocument workbooks (calamine): one sheet becomes CSV text, each cell
//! written as the text the schema's field expects, so that the spreadsheet goes through
//! the same row validation as a CSV file.
//!
//! A spreadsheet types its cells: a SIRET or a code postal typed as a number, a date stored
//! as a serial number. Such cells are converted (`21010400000013`, `2024-03-01`) and each
//! kind of conversion is reported once per column, with a count and an example.

use super::InputFormat;
use crate::error::SourceError;
use crate::report::Param;
use crate::report::{Diagnostic, ErrorCode};
use crate::schema::table::FieldType;
use crate::table::{CompiledField, CompiledTable};
use calamine::{Cell, Data, DataRef, ExcelDateTime, ExcelDateTimeType, Range, Reader, Sheets};
use std::collections::BTreeMap;
use std::io::{Read, Seek, SeekFrom};

/// A sheet turned into CSV text.
pub(crate) struct SheetTable {
    /// UTF-8, comma-separated, LF-terminated.
    pub csv: Vec<u8>,
    /// The sheet's name.
    pub sheet: String,
    /// 1-based spreadsheet row of the first CSV record, minus one.
    pub row_offset: u64,
    /// One warning per column and kind of conversion.
    pub conversions: Vec<Diagnostic>,
}

/// What a conversion did, for the warning.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Conversion {
    NumberAsText,
    DateSerial,
    DateAsText,
}

impl Conversion {
    fn name(self) -> &'static str {
        match self {
            Conversion::NumberAsText => "number-as-text",
            Conversion::DateSerial => "date-serial",
            Conversion::DateAsText => "date-as-text",
        }
    }
}

/// First occurrence and count of one conversion in one column.
struct Seen {
    count: u64,
    line: u64,
    from: String,
    to: String,
}

fn open<RS: Read + Seek>(rs: RS, format: InputFormat) -> Result<Sheets<RS>, SourceError> {
    let corrupt = |e: String| SourceError::Corrupt {
        format: format.name().to_owned(),
        detail: e,
    };
    Ok(match format {
        InputFormat::Xlsx => Sheets::Xlsx(
            calamine::open_workbook_from_rs(rs)
                .map_err(|e: calamine::XlsxError| corrupt(e.to_string()))?,
        ),
        InputFormat::Xlsb => Sheets::Xlsb(
            calamine::open_workbook_from_rs(rs)
                .map_err(|e: calamine::XlsbError| corrupt(e.to_string()))?,
        ),
        InputFormat::Xls => Sheets::Xls(
            calamine::open_workbook_from_rs(rs)
                .map_err(|e: calamine::XlsError| corrupt(e.to_string()))?,
        ),
        _ => Sheets::Ods(
            calamine::open_workbook_from_rs(rs)
                .map_err(|e: calamine::OdsError| corrupt(e.to_string()))?,
        ),
    })
}

/// Finds the sheet asked for: a name, else a 1-based number; the first sheet by default.
fn pick_sheet(names: &[String], wanted: Option<&str>) -> Result<String, SourceError> {
    let missing = |w: &str| SourceError::Sheet {
        wanted: w.to_owned(),
        sheets: names.to_vec(),
    };
    let Some(w) = wanted else {
        return names.first().cloned().ok_or_else(|| missing("1"));
    };
    if let Some(n) = names.iter().find(|n| n.as_str() == w) {
        return Ok(n.clone());
    }
    if let Some(n) = names
        .iter()
        .find(|n| n.trim().eq_ignore_ascii_case(w.trim()))
    {
        return Ok(n.clone());
    }
    match w.trim().parse::<usize>() {
        Ok(i) if i >= 1 && i <= names.len() => Ok(names[i - 1].clone()),
        _ => Err(missing(w)),
    }
}

/// Reads one sheet of a workbook as CSV text, converting cells for `table`'s fields.
///
/// The spreadsheet library is given files written by anyone: a panic inside it (an
/// arithmetic overflow on a cell reference such as `ZZZZZZZZ2`) is turned into an error
/// about the file instead of ending the process.
pub(crate) fn read_sheet<RS: Read + Seek>(
    rs: RS,
    format: InputFormat,
    wanted: Option<&str>,
    table: &CompiledTable,
    has_header: bool,
) -> Result<SheetTable, SourceError> {
    let read =
        std::panic::AssertUnwindSafe(|| read_sheet_inner(rs, format, wanted, table, has_header));
    std::panic::catch_unwind(read).unwrap_or_else(|_| {
        Err(SourceError::Corrupt {
            format: format.name().to_owned(),
            detail: "the spreadsheet reader failed on this file (a cell reference or a size out of range)".into(),
        })
    })
}

fn read_sheet_inner<RS: Read + Seek>(
    rs: RS,
    format: InputFormat,
    wanted: Option<&str>,
    table: &CompiledTable,
    has_header: bool,
) -> Result<SheetTable, SourceError> {
    let mut rs = rs;
    if matches!(format, InputFormat::Xlsx | InputFormat::Ods) {
        // Declared sizes are checked before the library allocates from them.
        super::workbook_limits::check(&mut rs, format.name())?;
        rs.seek(SeekFrom::Start(0))?;
    }
    if format == InputFormat::Xls {
        // The library lays out every sheet of an .xls as it opens it.
        super::xls_limits::check(&mut rs)?;
        rs.seek(SeekFrom::Start(0))?;
    }
    let mut book = open(rs, format)?;
    let names = book.sheet_names();
    let sheet = pick_sheet(&names, wanted)?;
    let range = sheet_range(&mut book, &sheet, format)?;
    let row_offset = range.start().map_or(0, |(r, _)| u64::from(r));
    let mut rows = range.rows();
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    let write_err = |e: csv::Error| SourceError::Corrupt {
        format: format.name().to_owned(),
        detail: e.to_string(),
    };
    // Which schema field each column feeds: by header label, else by position.
    let mut targets: Vec<Option<usize>> = Vec::new();
    let mut record: Vec<String> = Vec::new();
    if has_header && let Some(header) = rows.next() {
        record.clear();
        for (i, cell) in header.iter().enumerate() {
            let label = plain_text(cell);
            let by_name = table
                .fields
                .iter()
                .position(|f| f.name.trim().eq_ignore_ascii_case(label.trim()));
            targets.push(by_name.or((i < table.fields.len()).then_some(i)));
            record.push(label);
        }
        writer.write_record(&record).map_err(write_err)?;
    }
    let mut seen: BTreeMap<(usize, Conversion), Seen> = BTreeMap::new();
    let first_data_line = row_offset + 1 + u64::from(has_header);
    for (r, row) in rows.enumerate() {
        record.clear();
        for (i, cell) in row.iter().enumerate() {
            let target = targets
                .get(i)
                .copied()
                .unwrap_or((i < table.fields.len()).then_some(i));
            let field = target.map(|f| &table.fields[f]);
            let (text, conversion) = cell_text(cell, field);
            if let (Some(kind), Some(f)) = (conversion, target) {
                let entry = seen.entry((f, kind)).or_insert_with(|| Seen {
                    count: 0,
                    line: first_data_line + r as u64,
                    from: describe(cell),
                    to: text.clone(),
                });
                entry.count += 1;
            }
            record.push(text);
        }
        writer.write_record(&record).map_err(write_err)?;
    }
    let csv = writer.into_inner().map_err(|e| SourceError::Corrupt {
        format: format.name().to_owned(),
        detail: e.to_string(),
    })?;
    let conversions = seen
        .into_iter()
        .map(|((f, kind), s)| {
            let mut d = Diagnostic::new(ErrorCode::SpreadsheetConversion)
                .in_field(f + 1, &table.fields[f].name)
                .with_param(Param::Kind, kind.name())
                .with_param(Param::Count, s.count)
                .with_param(Param::From, s.from)
                .with_param(Param::To, s.to);
            d.line = Some(s.line);
            d
        })
        .collect();
    Ok(SheetTable {
        csv,
        sheet,
        row_offset,
        conversions,
    })
}

/// The sheet's cells laid out as a grid. `.xlsx` and `.xlsb` sheets are read cell by cell,
/// and the grid they span is checked against [`SPREADSHEET_CELLS`] as cells come: the
/// library's own layout would first allocate the whole grid (a single cell at `XFD1048576`
/// asks for 17 billion cells).
///
/// [`SPREADSHEET_CELLS`]: crate::limits::SPREADSHEET_CELLS
fn sheet_range<RS: Read + Seek>(
    book: &mut Sheets<RS>,
    sheet: &str,
    format: InputFormat,
) -> Result<Range<Data>, SourceError> {
    let corrupt = |e: String| SourceError::Corrupt {
        format: format.name().to_owned(),
        detail: format!("sheet {sheet:?}: {e}"),
    };
    match book {
        Sheets::Xlsx(x) => {
            let mut cells = x
                .worksheet_cells_reader(sheet)
                .map_err(|e| corrupt(e.to_string()))?;
            bounded_grid(
                || cells.next_cell().map_err(|e| corrupt(e.to_string())),
                format,
            )
        }
        Sheets::Xlsb(x) => {
            let mut cells = x
                .worksheet_cells_reader(sheet)
                .map_err(|e| corrupt(e.to_string()))?;
            bounded_grid(
                || cells.next_cell().map_err(|e| corrupt(e.to_string())),
                format,
            )
        }
        other => other
            .worksheet_range(sheet)
            .map_err(|e| corrupt(e.to_string())),
    }
}

/// Collects non-empty cells while the grid they span stays within the budget.
fn bounded_grid<'a>(
    mut next: impl FnMut() -> Result<Option<Cell<DataRef<'a>>>, SourceError>,
    format: InputFormat,
) -> Result<Range<Data>, SourceError> {
    let limit = crate::limits::SPREADSHEET_CELLS;
    let mut cells: Vec<Cell<Data>> = Vec::new();
    let (mut top, mut left, mut bottom, mut right) = (u32::MAX, u32::MAX, 0u32, 0u32);
    while let Some(cell) = next()? {
        if matches!(cell.get_value(), DataRef::Empty) {
            continue;
        }
        let (row, col) = cell.get_position();
        (top, left) = (top.min(row), left.min(col));
        (bottom, right) = (bottom.max(row), right.max(col));
        let area = u64::from(bottom - top + 1) * u64::from(right - left + 1);
        if area > limit || cells.len() as u64 >= limit {
            return Err(super::workbook_limits::too_large(
                format.name(),
                format!(
                    "the sheet spans {} rows by {} columns ({area} cells) with a cell at row {}, column {}",
                    bottom - top + 1,
                    right - left + 1,
                    row + 1,
                    col + 1
                ),
            ));
        }
        cells.push(Cell::new((row, col), Data::from(cell.get_value().clone())));
    }
    Ok(Range::from_sparse(cells))
}

/// A cell as the spreadsheet user sees it, for messages.
fn describe(cell: &Data) -> String {
    match cell {
        Data::Float(f) => format!("{} {}", "number", excel_number(*f)),
        Data::Int(i) => format!("number {i}"),
        Data::DateTime(d) => format!("date {}", d.as_f64()),
        other => format!("`{}`", plain_text(other)),
    }
}

/// The text of a cell with no target type (header labels, unmapped columns).
fn plain_text(cell: &Data) -> String {
    cell_text(cell, None).0
}

/// A float as Excel shows it: 15 significant digits, no exponent, no trailing `.0`.
fn excel_number(f: f64) -> String {
    if !f.is_finite() {
        return f.to_string();
    }
    let rounded: f64 = format!("{f:.14e}").parse().unwrap_or(f);
    if rounded.fract() == 0.0 && rounded.abs() < 1e17 {
        format!("{}", rounded as i64)
    } else {
        rounded.to_string()
    }
}

/// The text for `cell` in `field`, and the conversion worth a warning, if any.
fn cell_text(cell: &Data, field: Option<&CompiledField>) -> (String, Option<Conversion>) {
    let ty = field.map(|f| f.field_type);
    match cell {
        Data::Empty => (String::new(), None),
        Data::String(s) => (s.clone(), None),
        Data::Bool(b) => {
            let values = field.and_then(|f| f.boolean_values.as_ref());
            let text = match values {
                Some((t, f)) => {
                    let list = if *b { t } else { f };
                    list.first().cloned().unwrap_or_else(|| b.to_string())
                }
                None => b.to_string(),
            };
            (text, None)
        }
        Data::Int(i) => number_text(*i as f64, ty),
        Data::Float(f) => number_text(*f, ty),
        Data::DateTime(d) if d.is_duration() => (excel_number(d.as_f64()), None),
        Data::DateTime(d) => {
            let text = date_text(d, field);
            let conversion = match ty {
                Some(FieldType::Date | FieldType::DateTime | FieldType::Time | FieldType::Year) => {
                    None
                }
                Some(_) => Some(Conversion::DateAsText),
                None => None,
            };
            (text, conversion)
        }
        Data::DateTimeIso(s) => {
            let text = match ty {
                Some(FieldType::Date) => s.get(..10).unwrap_or(s).to_owned(),
                Some(FieldType::Time) => {
                    s.split_once('T').map_or(s.as_str(), |(_, t)| t).to_owned()
                }
                _ => s.clone(),
            };
            (text, None)
        }
        Data::DurationIso(s) => (s.clone(), None),
        Data::Error(e) => (e.to_string(), None),
    }
}

fn number_text(f: f64, ty: Option<FieldType>) -> (String, Option<Conversion>) {
    match ty {
        Some(FieldType::String) => (excel_number(f), Some(Conversion::NumberAsText)),
        Some(FieldType::Date | FieldType::DateTime) if f > 0.0 && f < 2_958_466.0 => {
            let d = ExcelDateTime::new(f, ExcelDateTimeType::DateTime, false);
            let text = if ty == Some(FieldType::Date) || f.fract() == 0.0 {
                iso_date(&d)
            } else {
                iso_datetime(&d)
            };
            (text, Some(Conversion::DateSerial))
        }
        _ => (excel_number(f), None),
    }
}

fn iso_date(d: &ExcelDateTime) -> String {
    let (y, m, day, ..) = d.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{day:02}")
}

fn iso_datetime(d: &ExcelDateTime) -> String {
    let (y, m, day, h, mi, s, _) = d.to_ymd_hms_milli();
    format!("{y:04}-{m:02}-{day:02}T{h:02}:{mi:02}:{s:02}")
}

/// A date cell as the field expects it: its own `format` when it uses the common
/// directives, ISO 8601 otherwise.
fn date_text(d: &ExcelDateTime, field: Option<&CompiledField>) -> String {
    let (y, m, day, h, mi, s, _) = d.to_ymd_hms_milli();
    let custom = field.map(|f| f.format.as_str()).filter(|f| f.contains('%'));
    if let Some(format) = custom {
        let mut out = String::new();
        let mut chars = format.chars();
        while let Some(c) = chars.next() {
            if c != '%' {
                out.push(c);
                continue;
            }
            match chars.next() {
                Some('Y') => out.push_str(&format!("{y:04}")),
                Some('y') => out.push_str(&format!("{:02}", y % 100)),
                Some('m') => out.push_str(&format!("{m:02}")),
                Some('d') => out.push_str(&format!("{day:02}")),
                Some('H') => out.push_str(&format!("{h:02}")),
                Some('M') => out.push_str(&format!("{mi:02}")),
                Some('S') => out.push_str(&format!("{s:02}")),
                Some('%') => out.push('%'),
                // A directive we do not write: fall back to ISO.
                _ => return iso_for(field, d),
            }
        }
        return out;
    }
    iso_for(field, d)
}

fn iso_for(field: Option<&CompiledField>, d: &ExcelDateTime) -> String {
    let (y, _, _, h, mi, s, _) = d.to_ymd_hms_milli();
    match field.map(|f| f.field_type) {
        Some(FieldType::Date) => iso_date(d),
        Some(FieldType::Time) => format!("{h:02}:{mi:02}:{s:02}"),
        Some(FieldType::Year) => format!("{y:04}"),
        Some(FieldType::DateTime) => iso_datetime(d),
        _ if d.as_f64().fract() == 0.0 => iso_date(d),
        _ => iso_datetime(d),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_as_excel_shows_them() {
        assert_eq!(excel_number(21010400000013.0), "21010400000013");
        assert_eq!(excel_number(0.1 + 0.2), "0.3");
        assert_eq!(excel_number(1000.0), "1000");
        assert_eq!(excel_number(-2.5), "-2.5");
    }

    #[test]
    fn serials_become_dates() {
        let (text, conv) = number_text(45352.0, Some(FieldType::Date));
        assert_eq!(text, "2024-03-01");
        assert!(conv == Some(Conversion::DateSerial));
        let (text, conv) = number_text(75001.0, Some(FieldType::String));
        assert_eq!(text, "75001");
        assert!(conv == Some(Conversion::NumberAsText));
    }

    #[test]
    fn sheets_by_name_or_number() {
        let names = vec!["Données".to_owned(), "Notes".to_owned()];
        assert_eq!(pick_sheet(&names, None).unwrap(), "Données");
        assert_eq!(pick_sheet(&names, Some("notes")).unwrap(), "Notes");
        assert_eq!(pick_sheet(&names, Some("2")).unwrap(), "Notes");
        let err = pick_sheet(&names, Some("3")).unwrap_err().to_string();
        assert!(err.contains("Données, Notes"), "{err}");
    }
}
