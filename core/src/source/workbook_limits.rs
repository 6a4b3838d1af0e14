//! Checks a workbook against the resource budget *before* the spreadsheet library lays
//! it out, because the library sizes its memory from what the file declares: one cell at
//! `XFD1048576` means a grid of 17 billion cells, `uniqueCount="4294967295"` a table of
//! four billion strings, one OpenDocument row `number-rows-repeated="1048000"` a million
//! copies. Each of these aborts the process (an allocation failure is not an error value).
//!
//! What is checked, all against [`SPREADSHEET_CELLS`](crate::limits::SPREADSHEET_CELLS):
//! the shared-string count an `.xlsx` declares, and the area an OpenDocument table spans
//! once its repeated rows and columns are expanded (read from `content.xml` in one
//! streamed pass). `.xlsx` and `.xlsb` sheets are read cell by cell and checked as they go
//! (see `spreadsheet.rs`).

use crate::error::SourceError;
use crate::limits::{SPREADSHEET_CELLS, SPREADSHEET_PART_BYTES, SPREADSHEET_SHARED_STRINGS};
use std::io::{Read, Seek};

/// Largest number of rows and columns a sheet can have (Excel's and LibreOffice's grid).
const MAX_ROWS: u64 = 1_048_576;
const MAX_COLUMNS: u64 = 16_384;

/// The error for a workbook past a limit: what, how much, and what to do.
pub(crate) fn too_large(format: &str, what: String) -> SourceError {
    SourceError::Corrupt {
        format: format.to_owned(),
        detail: format!(
            "{what}, past conforme's limit of {SPREADSHEET_CELLS} cells for a sheet (a cell far from the others, or rows repeated a million times, make a sheet that big); delete the empty rows and columns around the table, or export the sheet as CSV"
        ),
    }
}

/// Checks an `.xlsx` or `.ods` archive (other formats pass): declared shared strings, and
/// the expanded size of OpenDocument tables.
pub(crate) fn check<RS: Read + Seek>(rs: &mut RS, format: &str) -> Result<(), SourceError> {
    let corrupt = |e: zip::result::ZipError| SourceError::Corrupt {
        format: format.to_owned(),
        detail: e.to_string(),
    };
    let mut archive = zip::ZipArchive::new(&mut *rs).map_err(corrupt)?;
    for i in 0..archive.len() {
        let mut member = archive.by_index(i).map_err(corrupt)?;
        let shown = member.name().map(|n| n.into_owned()).unwrap_or_default();
        let name = shown.to_ascii_lowercase();
        if name.ends_with("sharedstrings.xml") {
            let declared = declared_unique_count(&mut member)?;
            if declared > SPREADSHEET_SHARED_STRINGS {
                return Err(SourceError::Corrupt {
                    format: format.to_owned(),
                    detail: format!(
                        "{shown} declares {declared} shared strings, past conforme's limit of {SPREADSHEET_SHARED_STRINGS} (a workbook cannot hold more strings than cells); save the workbook again from its spreadsheet application, or export the sheet as CSV"
                    ),
                });
            }
        } else if name == "content.xml" {
            let mut scan = OdsScan::default();
            let mut buf = vec![0u8; 64 * 1024];
            let mut total = 0u64;
            loop {
                let n = member.read(&mut buf).map_err(|e| SourceError::Corrupt {
                    format: format.to_owned(),
                    detail: format!("content.xml: {e}"),
                })?;
                if n == 0 {
                    break;
                }
                total += n as u64;
                if total > SPREADSHEET_PART_BYTES {
                    return Err(too_large(
                        format,
                        format!(
                            "content.xml is larger than {SPREADSHEET_PART_BYTES} bytes once unzipped"
                        ),
                    ));
                }
                for &b in &buf[..n] {
                    scan.byte(b);
                }
                if let Some(what) = scan.over.take() {
                    return Err(too_large(format, what));
                }
            }
            if scan.table.is_some() {
                // The spreadsheet library reads a table until its end tag and would loop
                // forever at the end of the file (found by the `spreadsheet` fuzz target).
                return Err(SourceError::Corrupt {
                    format: format.to_owned(),
                    detail: "content.xml ends inside a table (a `</table:table>` is missing: the file is cut short or damaged)".into(),
                });
            }
        }
    }
    Ok(())
}

/// The largest `uniqueCount` the part declares anywhere (0 when absent). The whole part is
/// scanned, as text, for every `uniqueCount=` whatever element or prefix carries it: the
/// library reserves memory for the first `sst` element it meets, wherever it is, and a
/// check that reads less than it does can be walked around (the `spreadsheet` fuzz target
/// did, with a namespace prefix).
fn declared_unique_count(part: &mut impl Read) -> Result<u64, SourceError> {
    const NAME: &[u8] = b"uniqueCount";
    let mut window: Vec<u8> = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    let mut largest = 0u64;
    let mut total = 0u64;
    loop {
        let n = part.read(&mut buf).map_err(SourceError::Io)?;
        total += n as u64;
        if total > SPREADSHEET_PART_BYTES {
            return Ok(u64::MAX);
        }
        window.extend_from_slice(&buf[..n]);
        let mut from = 0;
        while let Some(at) = find(&window[from..], NAME).map(|p| from + p) {
            from = at + NAME.len();
            let rest = &window[from..];
            let rest = &rest[rest
                .iter()
                .take_while(|b| b.is_ascii_whitespace() || b"=\"'+".contains(*b))
                .count()..];
            let digits = rest.iter().take_while(|b| b.is_ascii_digit()).count();
            largest = largest.max(parse_count(&rest[..digits]));
        }
        if n == 0 {
            return Ok(largest);
        }
        // Keep a tail so that a name or a number cut between two reads is seen whole.
        let keep = window.len().min(64);
        window.drain(..window.len() - keep);
    }
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// The value of attribute `name` in a start tag's text (`name="value"` or `'value'`).
fn attribute<'t>(tag: &'t [u8], name: &[u8]) -> Option<&'t [u8]> {
    let mut from = 0;
    while let Some(at) = find(&tag[from..], name).map(|p| from + p) {
        from = at + name.len();
        // The name must stand alone (not the end of `table:foo-name`).
        let before_ok = at == 0 || tag[at - 1].is_ascii_whitespace();
        let rest = &tag[from..];
        let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        let Some(rest) = rest.strip_prefix(b"=") else {
            continue;
        };
        let rest = &rest[rest.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
        let Some((&quote, value)) = rest.split_first() else {
            continue;
        };
        if before_ok && (quote == b'"' || quote == b'\'') {
            let end = value
                .iter()
                .position(|&b| b == quote)
                .unwrap_or(value.len());
            return Some(&value[..end]);
        }
    }
    None
}

/// A decimal count, saturating (a count too large for `u64` is past every limit anyway).
fn parse_count(text: &[u8]) -> u64 {
    let text = text.trim_ascii();
    if text.is_empty() || !text.iter().all(u8::is_ascii_digit) {
        return 0;
    }
    text.iter().fold(0u64, |n, d| {
        n.saturating_mul(10).saturating_add(u64::from(d - b'0'))
    })
}

/// One table of `content.xml` being measured.
#[derive(Default)]
struct Table {
    /// Rows from the first non-empty row to the last one, repeats expanded.
    rows_used: u64,
    /// Empty rows seen since the last non-empty one (they count if another follows).
    rows_pending: u64,
    first_col: u64,
    end_col: u64,
    /// Cells the library stores before expanding rows (each row element up to its last
    /// cell, columns expanded).
    stored: u64,
    any: bool,
}

/// The row being read.
#[derive(Default)]
struct Row {
    repeats: u64,
    col: u64,
    first: Option<u64>,
    end: u64,
}

/// A streamed measure of OpenDocument tables: a tag scanner (no XML tree), enough for the
/// three elements that size a table.
#[derive(Default)]
struct OdsScan {
    in_tag: bool,
    quote: u8,
    tag: Vec<u8>,
    table: Option<Table>,
    row: Option<Row>,
    /// Set when a table went past the limit: the message.
    over: Option<String>,
}

impl OdsScan {
    fn byte(&mut self, b: u8) {
        if !self.in_tag {
            if b == b'<' {
                self.in_tag = true;
                self.quote = 0;
                self.tag.clear();
            }
            return;
        }
        if self.quote != 0 {
            if b == self.quote {
                self.quote = 0;
            }
        } else if b == b'"' || b == b'\'' {
            self.quote = b;
        } else if b == b'>' {
            self.in_tag = false;
            let tag = std::mem::take(&mut self.tag);
            self.element(&tag);
            self.tag = tag;
            return;
        }
        // Only the start of a tag matters (name and a few attributes); a huge tag is cut.
        if self.tag.len() < 4096 {
            self.tag.push(b);
        }
    }

    fn element(&mut self, tag: &[u8]) {
        let closing = tag.first() == Some(&b'/');
        let empty = tag.last() == Some(&b'/');
        let body = tag.strip_prefix(b"/").unwrap_or(tag);
        let name_end = body
            .iter()
            .position(|b| b.is_ascii_whitespace() || *b == b'/')
            .unwrap_or(body.len());
        let name = &body[..name_end];
        let repeats = |attr: &[u8]| attribute(body, attr).map_or(1, parse_count).max(1);
        match (name, closing) {
            (b"table:table", false) if !empty => self.table = Some(Table::default()),
            (b"table:table", true) => self.end_table(),
            (b"table:table-row", false) => {
                self.row = Some(Row {
                    repeats: repeats(b"table:number-rows-repeated").min(MAX_ROWS),
                    ..Row::default()
                });
                if empty {
                    self.end_row();
                }
            }
            (b"table:table-row", true) => self.end_row(),
            (b"table:table-cell" | b"table:covered-table-cell", false) => {
                let Some(row) = &mut self.row else { return };
                let span = repeats(b"table:number-columns-repeated");
                // A cell with a value type, or with content, is not empty (conservative: an
                // element with children counts even if they are empty paragraphs).
                let filled = attribute(body, b"office:value-type").is_some() || !empty;
                let start = row.col.min(MAX_COLUMNS);
                row.col = row.col.saturating_add(span).min(MAX_COLUMNS);
                if filled {
                    row.first.get_or_insert(start);
                    row.end = row.col;
                }
            }
            _ => {}
        }
    }

    fn end_row(&mut self) {
        let (Some(row), Some(table)) = (self.row.take(), &mut self.table) else {
            return;
        };
        // The library keeps each row element once, up to its last filled cell.
        table.stored = table.stored.saturating_add(row.end);
        if let Some(first) = row.first {
            if table.any {
                table.rows_used = table.rows_used.saturating_add(table.rows_pending);
                table.first_col = table.first_col.min(first);
            } else {
                table.first_col = first;
            }
            table.any = true;
            table.rows_pending = 0;
            table.rows_used = table.rows_used.saturating_add(row.repeats);
            table.end_col = table.end_col.max(row.end);
        } else if table.any {
            table.rows_pending = table.rows_pending.saturating_add(row.repeats);
        }
        self.measure();
    }

    /// Records the first table past the limit (checked as rows come, so that a huge table
    /// stops the scan early).
    fn measure(&mut self) {
        let Some(t) = &self.table else { return };
        let width = t.end_col.saturating_sub(t.first_col);
        let area = t.rows_used.min(MAX_ROWS).saturating_mul(width);
        if self.over.is_none() && (area > SPREADSHEET_CELLS || t.stored > SPREADSHEET_CELLS) {
            self.over = Some(format!(
                "a table of this workbook spans {} rows by {width} columns once its repeated rows and columns are expanded ({} cells)",
                t.rows_used.min(MAX_ROWS),
                area.max(t.stored)
            ));
        }
    }

    fn end_table(&mut self) {
        self.measure();
        self.table = None;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(xml: &str) -> Option<String> {
        let mut s = OdsScan::default();
        for b in xml.bytes() {
            s.byte(b);
        }
        s.over
    }

    fn row(repeat: u64, cells: &str) -> String {
        format!(
            "<table:table-row table:number-rows-repeated=\"{repeat}\">{cells}</table:table-row>"
        )
    }

    const CELL: &str = "<table:table-cell office:value-type=\"float\" office:value=\"1\"><text:p>1</text:p></table:table-cell>";
    const WIDE_EMPTY: &str = "<table:table-cell table:number-columns-repeated=\"1024\"/>";

    #[test]
    fn trailing_repeated_empty_rows_cost_nothing() {
        let xml = format!(
            "<table:table table:name=\"S\">{}{}</table:table>",
            row(1, &format!("{CELL}{CELL}{WIDE_EMPTY}")),
            row(1_048_000, WIDE_EMPTY)
        );
        assert_eq!(scan(&xml), None);
    }

    #[test]
    fn repeated_filled_rows_past_the_limit_are_refused() {
        let cells = format!(
            "{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}{CELL}"
        );
        let xml = format!(
            "<table:table table:name=\"S\">{}</table:table>",
            row(1_048_000, &cells)
        );
        let over = scan(&xml).expect("refused");
        assert!(over.contains("1048000 rows by 17 columns"), "{over}");
        // At the limit: 16 columns of 1 048 576 rows is exactly the budget.
        let cells = CELL.repeat(16);
        let xml = format!("<table:table>{}</table:table>", row(1_048_576, &cells));
        assert_eq!(scan(&xml), None);
    }

    #[test]
    fn a_far_cell_after_repeated_empty_rows_is_counted() {
        let far = "<table:table-cell table:number-columns-repeated=\"999\"/><table:table-cell office:value-type=\"string\"><text:p>x</text:p></table:table-cell>";
        let xml = format!(
            "<table:table>{}{}{}</table:table>",
            row(1, CELL),
            row(100_000, "<table:table-cell/>"),
            row(1, far)
        );
        let over = scan(&xml).expect("refused");
        assert!(over.contains("100002 rows by 1000 columns"), "{over}");
    }

    #[test]
    fn a_table_left_open_is_seen() {
        let mut s = OdsScan::default();
        for b in "<table:table><table:table-row><v</table:table>".bytes() {
            s.byte(b);
        }
        assert!(s.table.is_some());
    }

    #[test]
    fn attributes_and_counts() {
        let tag = b"sst xmlns=\"x\" count='3' uniqueCount=\"4294967295\"";
        assert_eq!(
            attribute(tag, b"uniqueCount").map(parse_count),
            Some(4294967295)
        );
        assert_eq!(attribute(tag, b"count").map(parse_count), Some(3));
        assert_eq!(parse_count(b"99999999999999999999999"), u64::MAX);
        assert_eq!(parse_count(b"-1"), 0);
        let part = b"<x:sst xmlns:x=\"m\" x:uniqueCount = '4294967295'><x:si/></x:sst>";
        assert_eq!(declared_unique_count(&mut &part[..]).unwrap(), 4294967295);
        let mut far = vec![b' '; 200_000];
        far.extend_from_slice(b"<sst uniqueCount=\"99999999999\">");
        assert_eq!(declared_unique_count(&mut &far[..]).unwrap(), 99999999999);
    }
}
