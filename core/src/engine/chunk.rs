//! Validating one chunk of whole records: the work that runs in parallel.

use crate::report::{Lang, RowSample};
use crate::source::front::Chunk;
use crate::source::{Dialect, RecordReader, records_text};
use crate::table::row::{RowLocation, RowOutput, RowScratch};
use crate::table::{CompiledTable, HeaderPlan};

/// What a worker keeps from chunk to chunk.
#[derive(Default)]
pub(crate) struct ChunkScratch {
    rows: RowScratch,
    /// The csv-core parser for records off the fast path, built once per worker (a chunk
    /// of a real file nearly always has one such record, and building costs 10 µs).
    parser: Option<csv_core::Reader>,
}

/// How much a chunk may collect.
#[derive(Clone, Copy, Debug)]
pub(crate) struct ChunkLimits {
    /// Stop after this many errors.
    pub errors: usize,
    /// Keep the cells of this many rows with errors.
    pub keep_rows: usize,
    /// The language of the messages, rendered here (see [`validate_chunk`]).
    pub lang: Lang,
    /// Mask cell values before a message quotes them.
    pub mask_cells: bool,
}

/// What one chunk produced; row indexes in it are chunk-local.
pub(crate) struct ChunkResult {
    pub index: usize,
    /// Added to every line number in the result: the line the chunk starts on, when the
    /// worker did not know it (a block read in parallel), else 0.
    pub line_base: u64,
    /// Data rows checked.
    pub rows: u64,
    pub output: RowOutput,
}

/// Reads cell bytes as text, trusting the chunk-level UTF-8 check when `trusted`.
///
/// Chunks are valid UTF-8 (checked whole, or decoded, by the front). When every byte the
/// parser cuts or removes (delimiter, quote, escape, comment, line ends) is ASCII, each
/// cell is a slice of valid UTF-8 cut at ASCII boundaries, hence valid UTF-8 itself, and a
/// second check per cell would cost a fifth of the validation time.
#[inline(always)]
fn text(bytes: &[u8], trusted: bool) -> &str {
    if trusted {
        // SAFETY: see above; `trusted` is only set when the dialect's special bytes are
        // all ASCII and the chunk passed `str::from_utf8` or was produced by a decoder.
        unsafe { std::str::from_utf8_unchecked(bytes) }
    } else {
        std::str::from_utf8(bytes).unwrap_or("\u{fffd}")
    }
}

/// Whether every byte the CSV parser treats specially is ASCII (see [`text`]).
fn ascii_dialect(d: &Dialect) -> bool {
    d.delimiter.is_ascii()
        && d.quote_char.is_none_or(|b| b.is_ascii())
        && d.escape_char.is_none_or(|b| b.is_ascii())
        && d.comment_char.is_none_or(|b| b.is_ascii())
}

/// Walks the bytes `skipInitialSpace` kept alongside the chunk's own bytes, to give a
/// record's offset in the chunk. The removed bytes are runs of spaces at cell starts, and
/// the byte after such a run is never a kept space, so a byte that differs was removed.
#[derive(Default)]
struct Unstrip {
    own: usize,
    kept: usize,
}

impl Unstrip {
    /// The offset in `own` of offset `to` in `kept` (offsets only grow from call to call).
    fn offset(&mut self, own: &[u8], kept: &[u8], to: usize) -> usize {
        while self.kept < to && self.own < own.len() {
            if own[self.own] == kept[self.kept] {
                self.kept += 1;
            }
            self.own += 1;
        }
        self.own
    }
}

pub(crate) fn validate_chunk(
    table: &CompiledTable,
    plan: &HeaderPlan,
    dialect: &Dialect,
    chunk: &Chunk,
    limits: ChunkLimits,
    scratch: &mut ChunkScratch,
) -> ChunkResult {
    // `skipInitialSpace`: drop those spaces first (only then).
    let bytes = records_text(&chunk.bytes, dialect);
    let mut records =
        RecordReader::new(dialect, &bytes, scratch.parser.take()).cr_only(chunk.cr_only);
    let mut output = RowOutput::default();
    let mut rows = 0u64;
    let mut skip = chunk.skip_records;
    // Decoded single-byte chunks: (decoded bytes counted, input bytes they stand for).
    let mut input_offset = (0usize, 0u64);
    // Mixed decoding: the next shift to pass, and the extra bytes before it.
    let mut shift = (0usize, 0i64);
    // CR-only files: (bytes counted, line breaks seen).
    let mut cr_lines = (0usize, 0u64);
    let trusted = ascii_dialect(dialect);
    let mut unstrip = Unstrip::default();
    while let Some(info) = records.next_record() {
        if skip > 0 {
            // Empty lines before the header are not header rows (the header reader skips
            // them too).
            if info.len > 0 {
                skip -= 1;
            }
            continue;
        }
        // Offsets in the chunk's own bytes, before `skipInitialSpace` took spaces out.
        let start = match &bytes {
            std::borrow::Cow::Owned(kept) => unstrip.offset(&chunk.bytes, kept, info.start),
            std::borrow::Cow::Borrowed(_) => info.start,
        };
        let mut offset = start as u64;
        if chunk.single_byte {
            // Back to input offsets: one input byte per decoded character.
            let to = start.min(chunk.bytes.len());
            input_offset.1 += chunk.bytes[input_offset.0..to]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count() as u64;
            input_offset.0 = to;
            offset = input_offset.1;
        } else if !chunk.shifts.is_empty() {
            // Back to input offsets: less the bytes decoding added before the record.
            while let Some(s) = chunk.shifts.get(shift.0).filter(|s| s.at <= start) {
                shift = (shift.0 + 1, s.extra);
            }
            offset = (start as i64 - shift.1).max(0) as u64;
        }
        let mut line = info.line;
        if chunk.cr_only {
            let to = start.min(chunk.bytes.len());
            cr_lines.1 += memchr::memchr_iter(b'\r', &chunk.bytes[cr_lines.0..to]).count() as u64;
            cr_lines.0 = to;
            line = cr_lines.1;
        }
        let at = RowLocation {
            local_row: rows,
            line: chunk.start_line + line,
            byte: chunk.start_byte + offset,
        };
        rows += 1;
        let records = &records;
        let cell = |i| text(records.cell(i), trusted);
        let errors_before = output.errors.len();
        let go_on = table.check_row(
            plan,
            info.len,
            cell,
            at,
            &mut scratch.rows,
            &mut output,
            limits.errors,
        );
        if output.errors.len() > errors_before && output.samples.len() < limits.keep_rows {
            output.samples.push(RowSample {
                row: at.local_row,
                line: at.line,
                cells: (0..info.len).map(|i| cell(i).to_owned()).collect(),
            });
        }
        if !go_on {
            break;
        }
    }
    scratch.parser = records.into_parser();
    // A message depends on its diagnostic alone (rows are renumbered later, and no message
    // of a row's diagnostic quotes its row or line): rendered here, on every worker, rather than on the merging thread
    // for every error once the workers are done.
    for d in output.errors.iter_mut().chain(output.warnings.iter_mut()) {
        if limits.mask_cells {
            d.mask();
        }
        d.localize(limits.lang);
    }
    // The merge keeps this vector as it is (see `ErrorList`): no room left unused.
    output.errors.shrink_to_fit();
    ChunkResult {
        index: chunk.index,
        line_base: 0,
        rows,
        output,
    }
}
