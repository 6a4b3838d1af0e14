//! An input read in blocks by the workers themselves: once the front has read the start of
//! the input (encoding, dialect, header), each worker reads a block with positioned reads,
//! finds its records' ends, checks it is UTF-8 and validates it. The merging side only
//! chains the blocks in file order: its work per byte is nearly nothing, so the run scales
//! with the cores instead of with one reading thread.
//!
//! A block guesses where its first record starts (see [`crate::source::blocks`]); the chain
//! checks each guess against where the block before it ended, and reads a block that
//! guessed wrong again from the right place (on the merging side: a record spanning a
//! block's start is rare). Bytes that are not UTF-8 and records longer than the limit send
//! the reading back to the front, which deals with them in file order as it always does.
//!
//! The pieces serve two drivers: threads sharing a file on disk ([`Run`]), and a pool of
//! processes that share nothing but the input, browser Workers ([`super::pool`]).

use super::chunk::{ChunkLimits, ChunkResult, ChunkScratch, validate_chunk};
use super::merge::Merger;
use crate::source::blocks::{BlockError, BlockReader};
use crate::source::front::{Chunk, Front};
use crate::source::{Dialect, ReadAt, SYNTAX_KINDS, SyntaxKind};
use crate::table::{CompiledTable, HeaderPlan};

/// The block `[from, to)` of the input; `exact` when `from` is known to start a record.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct BlockRange {
    pub from: u64,
    pub to: u64,
    pub exact: bool,
}

/// The blocks of an input from where the front handed over: `size` bytes each, the first
/// one exact.
pub(crate) struct BlockRanges {
    from: u64,
    exact: bool,
    len: u64,
    size: u64,
}

impl BlockRanges {
    pub(crate) fn new(from: u64, len: u64, size: usize) -> BlockRanges {
        BlockRanges {
            from,
            exact: true,
            len,
            size: size.max(1) as u64,
        }
    }
}

impl BlockRanges {
    /// Whether every block is handed out.
    pub(crate) fn is_done(&self) -> bool {
        self.from >= self.len
    }
}

impl Iterator for BlockRanges {
    type Item = BlockRange;

    fn next(&mut self) -> Option<BlockRange> {
        if self.from >= self.len {
            return None;
        }
        let to = self.from.saturating_add(self.size).min(self.len);
        let range = BlockRange {
            from: self.from,
            to,
            exact: self.exact,
        };
        (self.from, self.exact) = (to, false);
        Some(range)
    }
}

/// A block validated by a worker, or why it was not.
pub(crate) struct BlockDone {
    /// The nominal end of the block.
    pub to: u64,
    /// Where the worker found its first record.
    pub start: u64,
    pub outcome: Result<(BlockFacts, ChunkResult), BlockError>,
}

/// What the chain needs of a block besides its validation.
pub(crate) struct BlockFacts {
    pub end: u64,
    pub lines: u64,
    pub issues: Vec<(SyntaxKind, u64, u64)>,
    pub counts: [u64; SYNTAX_KINDS],
}

/// A worker's reusable state: the validation's, and the buffer blocks are read into.
#[derive(Default)]
pub(crate) struct BlockScratch {
    chunk: ChunkScratch,
    buf: Vec<u8>,
}

impl BlockScratch {
    /// The validation's part, for chunks that are not blocks.
    pub(crate) fn chunk(&mut self) -> &mut ChunkScratch {
        &mut self.chunk
    }
}

/// What reading and validating a block needs: the same for every block of an input.
pub(crate) struct BlockWork<'a, R: ReadAt + ?Sized> {
    pub table: &'a CompiledTable,
    pub plan: &'a HeaderPlan,
    pub dialect: &'a Dialect,
    pub reader: BlockReader<'a, R>,
    pub limits: ChunkLimits,
}

impl<R: ReadAt + ?Sized> BlockWork<'_, R> {
    /// Validates one chunk of whole records.
    pub(crate) fn check(&self, chunk: &Chunk, scratch: &mut ChunkScratch) -> ChunkResult {
        validate_chunk(
            self.table,
            self.plan,
            self.dialect,
            chunk,
            self.limits,
            scratch,
        )
    }

    /// Reads and validates one block.
    pub(crate) fn block(&self, range: BlockRange, s: &mut BlockScratch) -> BlockDone {
        let BlockRange { from, to, exact } = range;
        let block = match self
            .reader
            .read(from, to, exact, std::mem::take(&mut s.buf))
        {
            Ok(block) => block,
            Err(e) => {
                return BlockDone {
                    to,
                    start: from,
                    outcome: Err(e),
                };
            }
        };
        let chunk = Chunk {
            index: 0,
            bytes: block.bytes,
            start_byte: block.start,
            // Not known here: the chain adds it (`ChunkResult::line_base`).
            start_line: 0,
            skip_records: 0,
            single_byte: false,
            shifts: Vec::new(),
            cr_only: self.reader.newline == b'\r',
        };
        let result = self.check(&chunk, &mut s.chunk);
        s.buf = chunk.bytes;
        BlockDone {
            to,
            start: block.start,
            outcome: Ok((
                BlockFacts {
                    end: block.end,
                    lines: block.lines,
                    issues: block.issues,
                    counts: block.counts,
                },
                result,
            )),
        }
    }
}

/// Where the next block must start (offset and line): blocks join the report in file order
/// through it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Chain {
    pub byte: u64,
    pub line: u64,
}

/// What became of a block offered to the chain.
pub(crate) enum Link {
    /// Its records are merged.
    Merged,
    /// Its records were the end of the block before.
    Skipped,
    /// The front must read on from this record start (bytes that are not UTF-8, or a
    /// record over the limit).
    Resume { byte: u64, line: u64 },
    /// It could not be read.
    Failed(std::io::Error),
}

impl Chain {
    /// Merges `done`, the next block in file order. `redo` reads a block again from the
    /// chain's end, when `done` guessed its start wrong.
    pub(crate) fn link(
        &mut self,
        done: BlockDone,
        redo: impl FnOnce(BlockRange) -> BlockDone,
        front: &mut Front,
        merger: &mut Merger,
    ) -> Link {
        let block = if done.start == self.byte {
            done
        } else if self.byte >= done.to {
            return Link::Skipped;
        } else {
            redo(BlockRange {
                from: self.byte,
                to: done.to,
                exact: true,
            })
        };
        match block.outcome {
            Ok((facts, mut result)) => {
                front.add_block_syntax(&facts.issues, &facts.counts, self.line);
                result.line_base = self.line;
                result.index = merger.next_index();
                merger.accept(result);
                *self = Chain {
                    byte: facts.end,
                    line: self.line + facts.lines,
                };
                Link::Merged
            }
            Err(BlockError::Io(e)) => Link::Failed(e),
            Err(BlockError::TooLong | BlockError::NotUtf8) => Link::Resume {
                byte: self.byte,
                line: self.line,
            },
        }
    }
}
