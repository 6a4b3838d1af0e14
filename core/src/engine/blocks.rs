//! A file read in blocks by the workers themselves: once the front has read the start of
//! the file (encoding, dialect, header), each worker reads a block with positioned reads,
//! finds its records' ends, checks it is UTF-8 and validates it. The calling thread only
//! chains the blocks in file order and merges them: its work per byte is nearly nothing,
//! so the run scales with the cores instead of with one reading thread.
//!
//! A block guesses where its first record starts (see [`crate::source::blocks`]); the chain
//! checks each guess against where the block before it ended, and reads a block that
//! guessed wrong again from the right place (on this thread: a record spanning a block's
//! start is rare). Bytes that are not UTF-8 and records longer than the limit send the
//! reading back to the front, which deals with them in file order as it always does.

use super::chunk::{ChunkLimits, ChunkResult, ChunkScratch, validate_chunk};
use super::merge::Merger;
use super::{Sink, Validator, emit};
use crate::error::SourceError;
use crate::pipeline::{Flow, ordered};
use crate::source::blocks::{BlockError, BlockReader};
use crate::source::front::{Chunk, Front, Handoff};
use crate::source::{Dialect, SYNTAX_KINDS, SyntaxKind};
use crate::table::HeaderPlan;
use std::fs::File;

/// How a run of blocks ended.
pub(crate) enum Ending {
    /// The file is read (or the error limit reached).
    Done,
    /// The front reads on from this record start, in file order.
    ResumeAt { byte: u64, line: u64 },
}

/// What a run of blocks needs.
pub(crate) struct Run<'a> {
    pub v: &'a Validator,
    pub file: &'a File,
    pub plan: &'a HeaderPlan,
    pub dialect: &'a Dialect,
}

enum Job {
    /// A chunk the front cut before handing over.
    Cut(Chunk),
    /// The block `[from, to)`; `exact` when `from` is known to start a record.
    Block { from: u64, to: u64, exact: bool },
}

enum Done {
    Cut(ChunkResult),
    Block(BlockDone),
}

/// A block validated by a worker, or why it was not.
struct BlockDone {
    /// The nominal end of the block.
    to: u64,
    /// Where the worker found its first record.
    start: u64,
    outcome: Result<(BlockFacts, ChunkResult), BlockError>,
}

/// What the chain needs of a block besides its validation.
struct BlockFacts {
    end: u64,
    lines: u64,
    issues: Vec<(SyntaxKind, u64, u64)>,
    counts: [u64; SYNTAX_KINDS],
}

/// A worker's reusable state: the validation's, and the buffer blocks are read into.
#[derive(Default)]
struct Scratch {
    chunk: ChunkScratch,
    buf: Vec<u8>,
}

impl Run<'_> {
    /// Validates the file from where the front hands over, merging into `merger`.
    pub(crate) fn validate(
        &self,
        handoff: Handoff,
        front: &mut Front,
        merger: &mut Merger,
        sink: &mut Sink<'_>,
    ) -> Result<Ending, SourceError> {
        let len = self.file.metadata()?.len();
        let reader = BlockReader {
            file: self.file,
            len,
            dialect: self.dialect,
            newline: handoff.newline,
            first_crlf: handoff.first_crlf,
            max_record: self.v.options.max_record_bytes,
        };
        let size = self.v.options.chunk_size.max(1) as u64;
        let limits = self.v.options.chunk_limits();
        let mut cut = handoff.chunks.into_iter();
        let (mut from, mut exact) = (handoff.byte, true);
        let produce = move || -> Result<Option<Job>, SourceError> {
            if let Some(chunk) = cut.next() {
                return Ok(Some(Job::Cut(chunk)));
            }
            if from >= len {
                return Ok(None);
            }
            let to = from.saturating_add(size).min(len);
            let job = Job::Block { from, to, exact };
            (from, exact) = (to, false);
            Ok(Some(job))
        };
        let reader = &reader;
        let work = |s: &mut Scratch, job: Job| match job {
            Job::Cut(chunk) => Done::Cut(self.check(&chunk, limits, &mut s.chunk)),
            Job::Block { from, to, exact } => {
                Done::Block(self.block(reader, from, to, exact, limits, s))
            }
        };
        // Where the next block must start: offset and line.
        let mut chain = (handoff.byte, handoff.line);
        let mut ending = Ending::Done;
        let mut failure = None;
        let mut own = Scratch::default();
        ordered(
            self.v.options.thread_count(),
            produce,
            Scratch::default,
            work,
            |done| {
                let block = match done {
                    Done::Cut(result) => {
                        merger.accept(result);
                        return self.after_merge(merger, sink);
                    }
                    Done::Block(block) if block.start == chain.0 => block,
                    // Its records were the end of the block before.
                    Done::Block(block) if chain.0 >= block.to => return Flow::Continue,
                    // It guessed wrong: read again from where its records start.
                    Done::Block(block) => {
                        self.block(reader, chain.0, block.to, true, limits, &mut own)
                    }
                };
                match block.outcome {
                    Ok((facts, mut result)) => {
                        front.add_block_syntax(&facts.issues, &facts.counts, chain.1);
                        result.line_base = chain.1;
                        result.index = merger.next_index();
                        merger.accept(result);
                        chain = (facts.end, chain.1 + facts.lines);
                        self.after_merge(merger, sink)
                    }
                    Err(BlockError::Io(e)) => {
                        failure = Some(e);
                        Flow::Stop
                    }
                    Err(BlockError::TooLong | BlockError::NotUtf8) => {
                        ending = Ending::ResumeAt {
                            byte: chain.0,
                            line: chain.1,
                        };
                        Flow::Stop
                    }
                }
            },
        )?;
        if let Some(e) = failure {
            return Err(e.into());
        }
        if matches!(ending, Ending::Done) && !merger.done() {
            if chain.0 < len {
                // Not reached: the last block reads to the end. Should it happen, the front
                // reads what is left rather than leave it out.
                return Ok(Ending::ResumeAt {
                    byte: chain.0,
                    line: chain.1,
                });
            }
            front.set_bytes_in(len);
        }
        Ok(ending)
    }

    fn after_merge(&self, merger: &mut Merger, sink: &mut Sink<'_>) -> Flow {
        emit(self.v, merger, sink);
        if merger.done() {
            Flow::Stop
        } else {
            Flow::Continue
        }
    }

    /// Validates one chunk of whole records.
    fn check(&self, chunk: &Chunk, limits: ChunkLimits, scratch: &mut ChunkScratch) -> ChunkResult {
        validate_chunk(
            &self.v.table,
            self.plan,
            self.dialect,
            chunk,
            limits,
            scratch,
        )
    }

    /// Reads and validates one block.
    fn block(
        &self,
        reader: &BlockReader<'_>,
        from: u64,
        to: u64,
        exact: bool,
        limits: ChunkLimits,
        s: &mut Scratch,
    ) -> BlockDone {
        let block = match reader.read(from, to, exact, std::mem::take(&mut s.buf)) {
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
            cr_only: reader.newline == b'\r',
        };
        let result = self.check(&chunk, limits, &mut s.chunk);
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
