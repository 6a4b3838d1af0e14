//! Validating one chunk of whole records: the work that runs in parallel.

use super::front::Chunk;
use crate::error::SourceError;
use crate::source::Dialect;
use crate::table::row::{RowLocation, RowOutput, RowScratch};
use crate::table::{CompiledTable, HeaderPlan};

/// What one chunk produced; row indexes in it are chunk-local.
pub(crate) struct ChunkResult {
    pub index: usize,
    /// Data rows checked.
    pub rows: u64,
    pub output: RowOutput,
}

/// Reads the cell bytes as text.
///
/// Chunks are valid UTF-8 (checked or decoded by the front) and cells are cut at ASCII
/// delimiters and quotes, so every cell is valid UTF-8 too; checking again per cell would
/// cost a second pass over the data.
#[inline]
fn text(bytes: &[u8]) -> &str {
    // The fallback only triggers if the invariant above were ever broken: never unsound,
    // never a panic.
    std::str::from_utf8(bytes).unwrap_or("\u{fffd}")
}

pub(crate) fn validate_chunk(
    table: &CompiledTable,
    plan: &HeaderPlan,
    dialect: &Dialect,
    chunk: &Chunk,
    limit: usize,
    scratch: &mut RowScratch,
) -> Result<ChunkResult, SourceError> {
    let mut reader = dialect.reader_builder().from_reader(chunk.bytes.as_slice());
    let mut record = csv::ByteRecord::new();
    let mut output = RowOutput::default();
    let mut rows = 0u64;
    let mut skip = chunk.has_header;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => break,
            Err(e) => {
                let (line, byte) = e
                    .position()
                    .map_or((chunk.start_line, chunk.start_byte), |p| {
                        (chunk.start_line + p.line() - 1, chunk.start_byte + p.byte())
                    });
                return Err(SourceError::Csv {
                    line,
                    byte,
                    message: e.to_string(),
                });
            }
        }
        if skip {
            skip = false;
            continue;
        }
        let position = record.position().map_or((1, 0), |p| (p.line(), p.byte()));
        let at = RowLocation {
            local_row: rows,
            line: chunk.start_line + position.0 - 1,
            byte: chunk.start_byte + position.1,
        };
        rows += 1;
        let record = &record;
        let go_on = table.check_row(
            plan,
            record.len(),
            |i| text(&record[i]),
            at,
            scratch,
            &mut output,
            limit,
        );
        if !go_on {
            break;
        }
    }
    Ok(ChunkResult {
        index: chunk.index,
        rows,
        output,
    })
}
