//! Checks an old Excel workbook (`.xls`, BIFF records in an OLE compound file) against the
//! resource budget before the spreadsheet library reads it. The library lays out every
//! sheet as it opens the file, sized from what the file says: a `DIMENSIONS` record
//! declaring four billion rows, or one cell at column 65 535 of row 65 535, asks for
//! billions of cells, and a stream chain that loops asks for memory until there is none.
//! Each of these aborts the process.
//!
//! So the compound file is walked here the way the library walks it (same sectors, same
//! chains, same stream), with every chain bounded by the file's size, and each sheet's
//! declared size and cell positions are measured against
//! [`SPREADSHEET_CELLS`](crate::limits::SPREADSHEET_CELLS), as for `.xlsx` and `.ods`.

use super::workbook_limits::too_large;
use crate::error::SourceError;
use crate::limits::{SPREADSHEET_CELLS, SPREADSHEET_PART_BYTES};
use std::io::{Read, Seek, SeekFrom};

const SIGNATURE: &[u8; 8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
const END_OF_CHAIN: u32 = 0xFFFF_FFFE;
const RESERVED: u32 = 0xFFFF_FFFA;
const DIFAT_SECTOR: u32 = 0xFFFF_FFFC;
/// Streams shorter than this live in the mini stream (64-byte sectors).
const MINI_CUTOFF: usize = 4096;

fn damaged(detail: impl Into<String>) -> SourceError {
    SourceError::Corrupt {
        format: "xls".to_owned(),
        detail: detail.into(),
    }
}

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// Checks the workbook `rs` holds; the position of `rs` is left anywhere.
pub(crate) fn check<RS: Read + Seek>(rs: &mut RS) -> Result<(), SourceError> {
    rs.seek(SeekFrom::Start(0))?;
    let mut file = Vec::new();
    rs.take(SPREADSHEET_PART_BYTES + 1).read_to_end(&mut file)?;
    if file.len() as u64 > SPREADSHEET_PART_BYTES {
        return Err(too_large(
            "xls",
            format!("the file is larger than {SPREADSHEET_PART_BYTES} bytes"),
        ));
    }
    let Some(stream) = workbook_stream(&file)? else {
        // No workbook stream: the library says so itself, with nothing to allocate.
        return Ok(());
    };
    check_stream(&stream)
}

/// The compound file's sectors, as the library reads them.
struct Compound<'f> {
    file: &'f [u8],
    sector: usize,
    fat: Vec<u32>,
}

impl Compound<'_> {
    fn sector(&self, id: u32) -> Option<&[u8]> {
        let start = (id as usize).checked_add(1)?.checked_mul(self.sector)?;
        let end = (start + self.sector).min(self.file.len());
        self.file.get(start..end)
    }

    /// The bytes of the chain from `start`, up to `len`; a chain that loops or leaves the
    /// file is an error (the library would read it forever).
    fn chain(&self, mut id: u32, len: usize) -> Result<Vec<u8>, SourceError> {
        let mut out = Vec::new();
        let mut steps = 0usize;
        let most = self.file.len() / self.sector + 1;
        while id != END_OF_CHAIN && out.len() < len {
            steps += 1;
            if steps > most {
                return Err(damaged("a chain of sectors loops back on itself"));
            }
            let sector = self
                .sector(id)
                .ok_or_else(|| damaged(format!("sector {id} points past the end of the file")))?;
            out.extend_from_slice(&sector[..sector.len().min(len - out.len())]);
            if out.len() >= len {
                break;
            }
            id = *self
                .fat
                .get(id as usize)
                .ok_or_else(|| damaged(format!("sector {id} is not in the allocation table")))?;
        }
        Ok(out)
    }
}

/// The `Workbook` (or `Book`) stream, found as the library finds it.
fn workbook_stream(file: &[u8]) -> Result<Option<Vec<u8>>, SourceError> {
    if file.len() < 512 || &file[..8] != SIGNATURE {
        return Ok(None);
    }
    let sector = match u16_at(file, 30) {
        Some(9) => 512,
        Some(12) => 4096,
        _ => return Ok(None),
    };
    let most = file.len() / sector + 1;
    let mut compound = Compound {
        file,
        sector,
        fat: Vec::new(),
    };
    let word = |b: &[u8], i: usize| u32_at(b, i * 4).unwrap_or(END_OF_CHAIN);
    let mut difat: Vec<u32> = (0..109).map(|i| word(&file[76..512], i)).collect();
    let mut next = u32_at(file, 68).unwrap_or(END_OF_CHAIN);
    let mut steps = 0;
    while next < RESERVED {
        steps += 1;
        if steps > most {
            return Err(damaged("the allocation table's index loops back on itself"));
        }
        let s = compound.sector(next).ok_or_else(|| {
            damaged("the allocation table's index points past the end of the file")
        })?;
        difat.extend((0..s.len() / 4).map(|i| word(s, i)));
        next = difat.pop().unwrap_or(END_OF_CHAIN);
    }
    let mut fat = Vec::new();
    for id in difat.into_iter().filter(|id| *id < DIFAT_SECTOR) {
        let s = compound
            .sector(id)
            .ok_or_else(|| damaged("the allocation table points past the end of the file"))?;
        fat.extend((0..s.len() / 4).map(|i| word(s, i)));
    }
    compound.fat = fat;
    let dir_start = u32_at(file, 48).unwrap_or(END_OF_CHAIN);
    let directory = compound.chain(dir_start, usize::MAX)?;
    let entries: Vec<(String, u32, usize)> = directory
        .chunks_exact(128)
        .map(|e| {
            let units: Vec<u16> = (0..32).filter_map(|i| u16_at(e, i * 2)).collect();
            let name = String::from_utf16_lossy(&units);
            let name = name.split('\0').next().unwrap_or("").to_owned();
            let start = u32_at(e, 116).unwrap_or(END_OF_CHAIN);
            let len = u32_at(e, 120).unwrap_or(0) as usize;
            (name, start, len)
        })
        .collect();
    let Some(root) = entries.first() else {
        return Ok(None);
    };
    let found = ["Workbook", "Book"].iter().find_map(|wanted| {
        entries
            .iter()
            .find(|(name, ..)| name.eq_ignore_ascii_case(wanted))
    });
    let Some((_, start, len)) = found else {
        return Ok(None);
    };
    if *len >= MINI_CUTOFF {
        return compound.chain(*start, *len).map(Some);
    }
    // A short stream is in the mini stream: 64-byte sectors inside the root's stream,
    // chained by the mini allocation table.
    let mini_fat_len = u32_at(file, 64).unwrap_or(0) as usize;
    if mini_fat_len == 0 {
        return Ok(None);
    }
    let ministream = compound.chain(root.1, root.2)?;
    let mini_fat_bytes = compound.chain(
        u32_at(file, 60).unwrap_or(END_OF_CHAIN),
        mini_fat_len.saturating_mul(sector),
    )?;
    let mini = Compound {
        // The mini stream's sector 0 starts at its first byte, where `sector` expects a
        // header before it: give it one.
        file: &[vec![0u8; 64], ministream].concat(),
        sector: 64,
        fat: (0..mini_fat_bytes.len() / 4)
            .map(|i| word(&mini_fat_bytes, i))
            .collect(),
    };
    mini.chain(*start, *len).map(Some)
}

/// The grid one sheet asks for: every cell position, and the declared dimensions.
#[derive(Default)]
struct Grid {
    top: u32,
    left: u32,
    bottom: u32,
    right: u32,
    cells: u64,
}

impl Grid {
    /// Cells `first..=last` of `row`.
    fn add(&mut self, row: u32, first: u32, last: u32) {
        let last = last.max(first);
        if self.cells == 0 {
            (self.top, self.left, self.bottom, self.right) = (row, first, row, last);
        } else {
            self.top = self.top.min(row);
            self.left = self.left.min(first);
            self.bottom = self.bottom.max(row);
            self.right = self.right.max(last);
        }
        self.cells += u64::from(last - first + 1);
    }

    fn area(&self) -> u64 {
        if self.cells == 0 {
            return 0;
        }
        u64::from(self.bottom - self.top + 1) * u64::from(self.right - self.left + 1)
    }
}

/// BIFF records: (type, data).
fn records(stream: &[u8]) -> impl Iterator<Item = (u16, &[u8])> {
    let mut rest = stream;
    std::iter::from_fn(move || {
        let typ = u16_at(rest, 0)?;
        let len = u16_at(rest, 2)? as usize;
        let data = rest.get(4..4 + len)?;
        rest = &rest[4 + len..];
        Some((typ, data))
    })
}

fn check_stream(stream: &[u8]) -> Result<(), SourceError> {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream) {
        match typ {
            0x0085 => sheets.extend(u32_at(data, 0)),
            0x000A => break,
            _ => {}
        }
    }
    for (number, pos) in sheets.into_iter().enumerate() {
        let Some(sheet) = stream.get(pos as usize..) else {
            continue;
        };
        check_sheet(sheet, number + 1)?;
    }
    Ok(())
}

fn check_sheet(sheet: &[u8], number: usize) -> Result<(), SourceError> {
    let mut grid = Grid::default();
    let mut seen_bof = false;
    let mut nested = 0usize;
    let over = |what: String| too_large("xls", format!("sheet {number} {what}"));
    for (typ, data) in records(sheet) {
        if nested > 0 {
            match typ {
                0x0809 => nested += 1,
                0x000A => nested -= 1,
                _ => {}
            }
            continue;
        }
        let cell = || Some((u32::from(u16_at(data, 0)?), u32::from(u16_at(data, 2)?)));
        match typ {
            0x0809 if seen_bof => nested += 1,
            0x0809 => seen_bof = true,
            0x000A => break,
            0x0200 => {
                let declared = declared_cells(data);
                if declared > SPREADSHEET_CELLS {
                    return Err(over(format!(
                        "declares {declared} cells in its dimensions record"
                    )));
                }
            }
            0x0203 | 0x0204 | 0x00D6 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                if let Some((row, col)) = cell() {
                    grid.add(row, col, col);
                }
            }
            0x00BD => {
                if let (Some((row, first)), Some(last)) =
                    (cell(), u16_at(data, data.len().saturating_sub(2)))
                {
                    grid.add(row, first, u32::from(last));
                }
            }
            _ => {}
        }
        // The library keeps every cell record, then lays out their area: both count.
        if grid.cells > SPREADSHEET_CELLS {
            return Err(over(format!(
                "holds more than {SPREADSHEET_CELLS} cell records"
            )));
        }
        if grid.area() > SPREADSHEET_CELLS {
            return Err(over(format!(
                "spans {} rows by {} columns ({} cells)",
                grid.bottom - grid.top + 1,
                grid.right - grid.left + 1,
                grid.area()
            )));
        }
    }
    Ok(())
}

/// The cells the library reserves for a `DIMENSIONS` record (its arithmetic, done without
/// overflow: a reversed range wraps around to billions there).
fn declared_cells(r: &[u8]) -> u64 {
    let (rf, rl, mut cf, cl) = match r.len() {
        10 => (
            u32::from(u16_at(r, 0).unwrap_or(0)),
            u32::from(u16_at(r, 2).unwrap_or(0)),
            u32::from(u16_at(r, 4).unwrap_or(0)),
            u32::from(u16_at(r, 6).unwrap_or(0)),
        ),
        14 | 16 => (
            u32_at(r, 0).unwrap_or(0),
            u32_at(r, 4).unwrap_or(0),
            u32::from(u16_at(r, 8).unwrap_or(0)),
            u32::from(u16_at(r, 10).unwrap_or(0)),
        ),
        _ => return 0,
    };
    if cf > 0xFF || cl < cf {
        cf = 0;
    }
    let (start, end) = if rl >= 1 && cl >= 1 {
        ((rf, cf), (rl - 1, cl - 1))
    } else {
        ((rf, cf), (rf, cf))
    };
    let rows = u64::from(end.0.wrapping_sub(start.0).wrapping_add(1));
    let cols = u64::from(end.1.wrapping_sub(start.1).wrapping_add(1));
    rows.saturating_mul(cols)
}

#[cfg(test)]
mod tests {
    use super::{check_sheet, declared_cells};

    fn number(row: u16, col: u16) -> Vec<u8> {
        let mut r = vec![0x03, 0x02, 14, 0];
        r.extend(row.to_le_bytes());
        r.extend(col.to_le_bytes());
        r.extend([0u8; 10]);
        r
    }

    #[test]
    fn the_whole_grid_is_the_limit() {
        let at = [number(0, 0), number(65_535, 255)].concat();
        assert!(check_sheet(&at, 1).is_ok());
        let past = [number(0, 0), number(65_535, 256)].concat();
        let err = check_sheet(&past, 1).unwrap_err().to_string();
        assert!(err.contains("65536 rows by 257 columns"), "{err}");
        // A run of cells (MULRK) counts from its first column to its last.
        let mut run = vec![0xBD, 0x00, 12, 0, 0, 0, 0, 0];
        run.extend([0u8; 6]);
        run.extend(300u16.to_le_bytes());
        let err = check_sheet(&[number(65_535, 0), run].concat(), 1).unwrap_err();
        assert!(err.to_string().contains("301 columns"), "{err}");
    }

    fn dims(rf: u32, rl: u32, cf: u16, cl: u16) -> Vec<u8> {
        let mut r = Vec::new();
        r.extend(rf.to_le_bytes());
        r.extend(rl.to_le_bytes());
        r.extend(cf.to_le_bytes());
        r.extend(cl.to_le_bytes());
        r.extend([0, 0]);
        r
    }

    #[test]
    fn declared_dimensions() {
        assert_eq!(declared_cells(&dims(0, 10, 0, 3)), 30);
        // The whole BIFF8 grid is exactly the budget.
        assert_eq!(declared_cells(&dims(0, 65_536, 0, 256)), 1 << 24);
        assert_eq!(
            declared_cells(&dims(0, u32::MAX, 0, 256)),
            256 * 0xFFFF_FFFF
        );
        // A reversed range wraps around in the library.
        assert!(declared_cells(&dims(10, 5, 0, 1)) > 1 << 31);
    }
}
