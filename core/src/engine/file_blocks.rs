//! A file on disk read in blocks by the worker threads (positioned reads), chained and
//! merged in file order on the calling thread: the pieces of [`super::blocks`] driven by
//! the [pipeline](crate::pipeline).

use super::blocks::{BlockDone, BlockRange, BlockRanges, BlockScratch, BlockWork, Chain, Link};
use super::chunk::ChunkResult;
use super::merge::Merger;
use super::{Sink, Validator, emit};
use crate::error::SourceError;
use crate::pipeline::{Flow, ordered};
use crate::source::Dialect;
use crate::source::blocks::BlockReader;
use crate::source::front::{Chunk, Front, Handoff};
use crate::table::HeaderPlan;

/// How a run of blocks ended.
pub(super) enum Ending {
    /// The input is read (or the error limit reached).
    Done,
    /// The front reads on from this record start, in file order.
    ResumeAt { byte: u64, line: u64 },
}

/// Threads reading one file on disk in blocks.
pub(super) struct Run<'a> {
    pub v: &'a Validator,
    pub file: &'a std::fs::File,
    pub plan: &'a HeaderPlan,
    pub dialect: &'a Dialect,
}

/// A job of a [`Run`]'s workers.
enum Job {
    /// A chunk the front cut before handing over.
    Cut(Chunk),
    Block(BlockRange),
}

enum Done {
    Cut(ChunkResult),
    Block(BlockDone),
}

impl Run<'_> {
    /// Validates the file from where the front hands over, merging into `merger`.
    pub(super) fn validate(
        &self,
        handoff: Handoff,
        front: &mut Front,
        merger: &mut Merger,
        sink: &mut Sink<'_>,
    ) -> Result<Ending, SourceError> {
        let len = self.file.metadata()?.len();
        let work = BlockWork {
            table: &self.v.table,
            plan: self.plan,
            dialect: self.dialect,
            reader: BlockReader {
                input: self.file,
                len,
                dialect: self.dialect,
                newline: handoff.newline,
                first_crlf: handoff.first_crlf,
                max_record: self.v.options.max_record_bytes,
            },
            limits: self.v.options.chunk_limits(),
        };
        let mut cut = handoff.chunks.into_iter();
        let mut ranges = BlockRanges::new(handoff.byte, len, self.v.options.chunk_size);
        let produce = move || -> Result<Option<Job>, SourceError> {
            Ok(cut
                .next()
                .map(Job::Cut)
                .or_else(|| ranges.next().map(Job::Block)))
        };
        let work = &work;
        let run = |s: &mut BlockScratch, job: Job| match job {
            Job::Cut(chunk) => Done::Cut(work.check(&chunk, s.chunk())),
            Job::Block(range) => Done::Block(work.block(range, s)),
        };
        let mut chain = Chain {
            byte: handoff.byte,
            line: handoff.line,
        };
        let mut ending = Ending::Done;
        let mut failure = None;
        let mut own = BlockScratch::default();
        ordered(
            self.v.options.thread_count(),
            produce,
            BlockScratch::default,
            run,
            |done| {
                let block = match done {
                    Done::Cut(result) => {
                        merger.accept(result);
                        return self.after_merge(merger, sink);
                    }
                    Done::Block(block) => block,
                };
                match chain.link(block, |r| work.block(r, &mut own), front, merger) {
                    Link::Merged => self.after_merge(merger, sink),
                    Link::Skipped => Flow::Continue,
                    Link::Resume { byte, line } => {
                        ending = Ending::ResumeAt { byte, line };
                        Flow::Stop
                    }
                    Link::Failed(e) => {
                        failure = Some(e);
                        Flow::Stop
                    }
                }
            },
        )?;
        if let Some(e) = failure {
            return Err(e.into());
        }
        if matches!(ending, Ending::Done) && !merger.done() {
            if chain.byte < len {
                // Not reached: the last block reads to the end. Should it happen, the front
                // reads what is left rather than leave it out.
                return Ok(Ending::ResumeAt {
                    byte: chain.byte,
                    line: chain.line,
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
}
