//! The resource budget: every input path has a limit, and going past it is a clear error
//! (or, where the verdict is still sound, a shortened message), never an abort. Each limit
//! is chosen well above what real open-data files need; `docs/limits.md` lists them with
//! the reason for each.
//!
//! ```
//! use conforme::limits;
//! assert!(limits::SPREADSHEET_CELLS >= 1_048_576 * 16);
//! assert!(limits::MAX_THREADS >= 64);
//! ```

/// Cells of the area a spreadsheet sheet spans (rows × columns between its first and last
/// non-empty cells, as the sheet is laid out for validation): 1 048 576 rows of 16 columns,
/// or 65 536 rows of 256. One cell far away (`XFD1048576`) would otherwise ask for the
/// whole 17-billion-cell grid.
pub const SPREADSHEET_CELLS: u64 = 1 << 24;

/// Entries a workbook's shared-string table may declare (`uniqueCount`): never more than
/// its cells.
pub const SPREADSHEET_SHARED_STRINGS: u64 = SPREADSHEET_CELLS;

/// Bytes of one XML part of a workbook (a sheet, the shared strings, `content.xml`) once
/// unzipped: 1 GiB. A zip declares sizes it may lie about, so this is counted while reading.
pub const SPREADSHEET_PART_BYTES: u64 = 1 << 30;

/// Zip archives inside zip archives: `data.zip` holding `data.csv.zip` is 2.
pub const ZIP_NESTING: u32 = 2;

/// Bytes of a zip member read into memory (a nested zip, a workbook): 256 MiB. CSV and
/// gzip members are streamed and have no such limit.
pub const ZIP_MEMBER_BYTES: u64 = 256 << 20;

/// Member names quoted in a message about a zip archive; the rest are counted.
pub const ZIP_NAMES_QUOTED: usize = 20;

/// Allowed values an `enum` message quotes; the rest are counted, and the full list stays
/// in the schema (`params.value_count` says how many there are).
pub const ENUM_VALUES_QUOTED: usize = 20;

/// Steps the backtracking regular-expression engine may take on one cell (patterns with
/// backreferences or lookaround). Past it the cell gets its own diagnostic ("could not be
/// evaluated"), never a silent mismatch.
pub const PATTERN_BACKTRACK_STEPS: usize = 1_000_000;

/// Worker threads one validation starts, whatever `threads` asks for: each costs a stack,
/// and more threads than cores only adds waiting.
pub const MAX_THREADS: usize = 256;

/// Characters of a cell or label quoted in a message; longer ones are cut with `…`.
pub const QUOTED_TEXT_CHARS: usize = 200;

/// Label pairs compared for the "did you mean" hints of a header (unknown labels × missing
/// fields): past it the hints are left out, the errors stay.
pub const HINT_COMPARISONS: usize = 1_000_000;

/// Allowed values compared with a wrong cell to find the "closest allowed value" hint. The
/// values sit in a BK-tree, so a real list (35 000 commune names) needs far fewer; a list
/// of look-alikes gets the best value found within the budget.
pub const CLOSEST_VALUE_COMPARISONS: usize = 4096;

/// Levels of arrays and objects a JSON document may nest (the JSON reader's recursion
/// limit, which keeps a deep document from overflowing the stack): past it the document
/// gets its own error, not a syntax error.
pub const JSON_DEPTH: usize = 127;
