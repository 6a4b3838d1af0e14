//! One input validated by a pool of workers that share nothing but the input: browser
//! Workers, each running its own instance of the engine, or any set of processes that can
//! read the same bytes at any offset.
//!
//! A [`Coordinator`] reads the start of the input (encoding, dialect, header), hands out
//! [`BlockJob`]s, and merges the results in file order. Each worker builds a
//! [`BlockWorker`] over the same input (it reads the start again: the same bytes give the
//! same dialect and header), validates the jobs it is given and sends back the result as
//! bytes. The coordinator reads a block that guessed its first record wrong again itself,
//! and reads on alone from the first block that is not UTF-8 or holds a record over the
//! limit (decoding is done in file order), as the threads of a native run do: the report is
//! the one [`Validator::validate_slice`] gives for the same bytes, whatever the number of
//! workers and the order results arrive in.
//!
//! ```
//! use conforme::engine::pool::{BlockWorker, Coordinator};
//! let schema = conforme::Schema::from_slice(
//!     br#"{"fields": [{"name": "n", "type": "integer"}]}"#,
//! ).unwrap();
//! let options = conforme::ValidationOptions::default().chunk_size(4096);
//! let validator = conforme::Validator::with_options(&schema, options);
//! let mut input = b"n\n".to_vec();
//! for i in 0..5000 {
//!     input.extend_from_slice(if i == 4321 { b"x\n" } else { b"7\n" });
//! }
//! let input = input.as_slice();
//! let len = input.len() as u64;
//!
//! let mut coordinator = Coordinator::new(&validator, input, len).unwrap();
//! let mut worker = BlockWorker::new(&validator, input, len).unwrap();
//! while let Some(job) = coordinator.next_job() {
//!     let result = worker.validate(job, input); // on another Worker, in real use
//!     coordinator.accept(job.id, &result).unwrap();
//! }
//! while coordinator.advance(input).unwrap() != conforme::engine::pool::Advance::Finished {}
//! let report = coordinator.finish();
//! assert_eq!(report, validator.validate_slice(input).unwrap());
//! assert_eq!(report.errors[0].row, Some(4323));
//! ```

use super::blocks::{BlockDone, BlockRange, BlockRanges, BlockScratch, BlockWork, Chain, Link};
use super::merge::Merger;
use super::wire;
pub use super::wire::WireError;
use super::{Validator, build_report, read_buffer};
use crate::error::SourceError;
use crate::report::{Diagnostic, Report};
use crate::source::ReadAt;
use crate::source::blocks::{BlockReader, Cursor, Positioned};
use crate::source::front::{Chunk, Front};
use crate::source::{Dialect, front::Handoff};
use crate::table::HeaderPlan;
use std::collections::BTreeMap;
use std::sync::Arc;

/// A block for a worker: validate `[from, to)` of the input with [`BlockWorker::validate`]
/// and give the result to [`Coordinator::accept`] with this `id`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BlockJob {
    /// Jobs are numbered from 0 in file order.
    pub id: u64,
    pub from: u64,
    pub to: u64,
    /// `from` is known to start a record (else the worker looks for the first line start).
    pub exact: bool,
}

impl BlockJob {
    fn range(self) -> BlockRange {
        BlockRange {
            from: self.from,
            to: self.to,
            exact: self.exact,
        }
    }
}

/// What [`Coordinator::advance`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Advance {
    /// It merged what it could: the next block in file order has not arrived yet.
    Waiting,
    /// It is reading on alone (bytes to decode, or an input not worth splitting) and
    /// stopped after a step, to let the caller report progress: call it again.
    Reading,
    /// The input is read (or the error limit reached): call [`Coordinator::finish`].
    Finished,
}

/// What reading the start of an input taught: the same in every process reading it.
struct Start {
    front: Front,
    /// The first chunk the front cut.
    first: Chunk,
    /// Where the front's reads stopped.
    read_to: u64,
    /// Whether the input goes on past `read_to`.
    more: bool,
}

/// Reads the start of `input` up to the first chunk, as the native file driver does.
fn read_start<R: ReadAt + ?Sized>(v: &Validator, input: &R) -> Result<Start, SourceError> {
    let mut front = Front::new(v.options.clone(), v.table.clone());
    let mut buf = read_buffer(&v.options);
    let mut cursor = Cursor(Positioned { input, at: 0 });
    let (first, more) = front.first_chunk(&mut cursor, &mut buf)?;
    Ok(Start {
        front,
        first,
        read_to: cursor.0.at,
        more,
    })
}

/// How blocks of this input are cut and read.
struct Shape {
    plan: Arc<HeaderPlan>,
    dialect: Dialect,
    newline: u8,
    first_crlf: Option<bool>,
    len: u64,
}

impl Shape {
    fn of(front: &Front, handoff: &Handoff, len: u64) -> Shape {
        let setup = front
            .setup
            .as_ref()
            .expect("a chunk is only cut once the header is read");
        Shape {
            plan: setup.plan.clone(),
            dialect: setup.dialect.clone(),
            newline: handoff.newline,
            first_crlf: handoff.first_crlf,
            len,
        }
    }

    fn work<'a, R: ReadAt + ?Sized>(&'a self, v: &'a Validator, input: &'a R) -> BlockWork<'a, R> {
        BlockWork {
            table: &v.table,
            plan: &self.plan,
            dialect: &self.dialect,
            reader: BlockReader {
                input,
                len: self.len,
                dialect: &self.dialect,
                newline: self.newline,
                first_crlf: self.first_crlf,
                max_record: v.options.max_record_bytes,
            },
            limits: v.options.chunk_limits(),
        }
    }
}

/// Validates the blocks a [`Coordinator`] hands out, on one worker of the pool.
pub struct BlockWorker {
    validator: Validator,
    /// `None` when the input is not read in blocks (the coordinator then hands out none).
    shape: Option<Shape>,
    scratch: BlockScratch,
}

impl BlockWorker {
    /// Reads the start of `input` (`len` bytes long), as the coordinator does.
    ///
    /// # Errors
    /// When the start cannot be read, or its bytes are not a table.
    pub fn new<R: ReadAt + ?Sized>(
        validator: &Validator,
        input: &R,
        len: u64,
    ) -> Result<BlockWorker, SourceError> {
        let shape = match read_start(validator, input) {
            Ok(mut start) => start
                .front
                .hand_over()
                .map(|handoff| Shape::of(&start.front, &handoff, len)),
            Err(SourceError::Empty) => None,
            Err(e) => return Err(e),
        };
        Ok(BlockWorker {
            validator: validator.clone(),
            shape,
            scratch: BlockScratch::default(),
        })
    }

    /// Reads and validates the block of `job`; the result, as bytes, is for
    /// [`Coordinator::accept`]. A read that fails travels in the result (the coordinator
    /// reports it).
    pub fn validate<R: ReadAt + ?Sized>(&mut self, job: BlockJob, input: &R) -> Vec<u8> {
        let done = match &self.shape {
            Some(shape) => shape
                .work(&self.validator, input)
                .block(job.range(), &mut self.scratch),
            None => super::blocks::BlockDone {
                to: job.to,
                start: job.from,
                outcome: Err(crate::source::blocks::BlockError::Io(
                    std::io::Error::other(
                        "this worker read an input that cannot be split in blocks: was it given the same input as the coordinator?",
                    ),
                )),
            },
        };
        wire::encode(&done)
    }
}

/// Where a coordinator stands.
enum Phase {
    /// Handing out blocks and merging their results.
    Blocks {
        shape: Shape,
        ranges: BlockRanges,
        chain: Chain,
    },
    /// Reading on alone from `at`.
    Alone {
        at: u64,
        more: bool,
    },
    Finished,
    /// The input holds nothing.
    Empty,
}

/// Hands out the blocks of one input to a pool of workers and merges their results into
/// the report (see the [module](self) documentation).
pub struct Coordinator {
    validator: Validator,
    front: Front,
    merger: Option<Merger>,
    phase: Phase,
    len: u64,
    /// Jobs handed out so far; the next one to merge.
    handed_out: u64,
    next_to_merge: u64,
    /// Results that arrived before their turn.
    waiting: BTreeMap<u64, BlockDone>,
    scratch: BlockScratch,
    buf: Vec<u8>,
}

impl Coordinator {
    /// Reads the start of `input` (`len` bytes long: its size when reading starts) and
    /// validates the records in it.
    ///
    /// # Errors
    /// When the start cannot be read, or its bytes are not a table (the same errors as
    /// [`Validator::validate_slice`]).
    pub fn new<R: ReadAt + ?Sized>(
        validator: &Validator,
        input: &R,
        len: u64,
    ) -> Result<Coordinator, SourceError> {
        let v = validator.clone();
        let (front, merger, phase) = match read_start(&v, input) {
            Ok(start) => Coordinator::begin(&v, len, start),
            Err(SourceError::Empty) => (
                Front::new(v.options.clone(), v.table.clone()),
                None,
                Phase::Empty,
            ),
            Err(e) => return Err(e),
        };
        Ok(Coordinator {
            // Allocated when the coordinator first reads alone.
            buf: Vec::new(),
            validator: v,
            front,
            merger,
            phase,
            len,
            handed_out: 0,
            next_to_merge: 0,
            waiting: BTreeMap::new(),
            scratch: BlockScratch::default(),
        })
    }

    /// Merges the records the front cut at the start, and decides how the rest is read:
    /// in blocks when the front can hand over, else alone.
    fn begin(v: &Validator, len: u64, mut start: Start) -> (Front, Option<Merger>, Phase) {
        let setup = start
            .front
            .setup
            .as_ref()
            .expect("a chunk is only cut once the header is read");
        let (plan, dialect) = (setup.plan.clone(), setup.dialect.clone());
        let mut merger = Merger::new(
            v.table.clone(),
            &plan,
            dialect.header_record_count(),
            &v.options,
        );
        let limits = v.options.chunk_limits();
        let mut scratch = super::chunk::ChunkScratch::default();
        let mut check = |chunk: &Chunk| {
            super::chunk::validate_chunk(&v.table, &plan, &dialect, chunk, limits, &mut scratch)
        };
        merger.accept(check(&start.first));
        let handoff = if len > start.front.bytes_in {
            start.front.hand_over()
        } else {
            None
        };
        let phase = match handoff {
            Some(handoff) => {
                for chunk in &handoff.chunks {
                    merger.accept(check(chunk));
                }
                Phase::Blocks {
                    shape: Shape::of(&start.front, &handoff, len),
                    ranges: BlockRanges::new(handoff.byte, len, v.options.chunk_size),
                    chain: Chain {
                        byte: handoff.byte,
                        line: handoff.line,
                    },
                }
            }
            None => Phase::Alone {
                at: start.read_to,
                more: start.more,
            },
        };
        (start.front, Some(merger), phase)
    }

    /// The next block for a worker; `None` once every block is handed out, or when the
    /// input is read without workers (then [`Coordinator::advance`] does all the work).
    pub fn next_job(&mut self) -> Option<BlockJob> {
        let Phase::Blocks { ranges, .. } = &mut self.phase else {
            return None;
        };
        if self.merger.as_ref().is_some_and(Merger::done) {
            return None;
        }
        let range = ranges.next()?;
        let job = BlockJob {
            id: self.handed_out,
            from: range.from,
            to: range.to,
            exact: range.exact,
        };
        self.handed_out += 1;
        Some(job)
    }

    /// Takes the result of job `id` (in any order); [`Coordinator::advance`] merges it in
    /// its turn. Results that come after the coordinator stopped needing them are dropped.
    ///
    /// # Errors
    /// When `result` is not a block result of this engine build.
    pub fn accept(&mut self, id: u64, result: &[u8]) -> Result<(), WireError> {
        if matches!(self.phase, Phase::Blocks { .. })
            && (self.next_to_merge..self.handed_out).contains(&id)
        {
            let done = wire::decode(result)?;
            // The merge indexes its key sets with these.
            let keys = self.validator.table.keys.len();
            if let Ok((_, result)) = &done.outcome
                && result
                    .output
                    .keys
                    .iter()
                    .any(|k| usize::from(k.spec) >= keys)
            {
                return Err(WireError::new("a key the schema does not have"));
            }
            self.waiting.insert(id, done);
        }
        Ok(())
    }

    /// Merges the results that are next in file order, reading blocks that guessed wrong
    /// again, and reads on alone where blocks cannot go.
    ///
    /// # Errors
    /// When the input cannot be read, or a block could not be.
    pub fn advance<R: ReadAt + ?Sized>(&mut self, input: &R) -> Result<Advance, SourceError> {
        enum Step {
            Next,
            Finish,
            Resume(u64, u64),
        }
        loop {
            let step = match &mut self.phase {
                Phase::Finished | Phase::Empty => return Ok(Advance::Finished),
                Phase::Alone { at, more } => {
                    let (at, more) = (*at, *more);
                    return self.read_alone(input, at, more);
                }
                Phase::Blocks {
                    shape,
                    ranges,
                    chain,
                } => {
                    let merger = self.merger.as_mut().expect("blocks follow a header");
                    if merger.done() {
                        Step::Finish
                    } else if let Some(done) = self.waiting.remove(&self.next_to_merge) {
                        self.next_to_merge += 1;
                        let work = shape.work(&self.validator, input);
                        let scratch = &mut self.scratch;
                        match chain.link(done, |r| work.block(r, scratch), &mut self.front, merger)
                        {
                            Link::Merged | Link::Skipped => Step::Next,
                            Link::Resume { byte, line } => Step::Resume(byte, line),
                            Link::Failed(e) => return Err(e.into()),
                        }
                    } else if self.next_to_merge < self.handed_out || !ranges.is_done() {
                        return Ok(Advance::Waiting);
                    } else if chain.byte < self.len {
                        // Not reached: the last block reads to the end. Should it happen, the
                        // rest is read alone rather than left out.
                        Step::Resume(chain.byte, chain.line)
                    } else {
                        self.front.set_bytes_in(self.len);
                        Step::Finish
                    }
                }
            };
            match step {
                Step::Next => {}
                Step::Finish => self.phase = Phase::Finished,
                Step::Resume(byte, line) => self.resume(byte, line),
            }
        }
    }

    /// Reads on alone from the record start at `byte` (on `line`).
    fn resume(&mut self, byte: u64, line: u64) {
        let merger = self.merger.as_ref().expect("blocks follow a header");
        self.front.resume_at(byte, line, merger.next_index());
        self.waiting.clear();
        self.phase = Phase::Alone {
            at: byte,
            more: true,
        };
    }

    /// One step of reading alone: about one read's worth of chunks.
    fn read_alone<R: ReadAt + ?Sized>(
        &mut self,
        input: &R,
        at: u64,
        more: bool,
    ) -> Result<Advance, SourceError> {
        let merger = self.merger.as_mut().expect("reading follows a header");
        let mut cursor = Cursor(Positioned { input, at });
        let mut more = more;
        let mut read_once = false;
        if self.buf.is_empty() {
            self.buf = read_buffer(&self.validator.options);
        }
        loop {
            super::merge_cut(
                &self.validator,
                &mut self.front,
                merger,
                self.scratch.chunk(),
            );
            if !more || merger.done() {
                self.phase = Phase::Finished;
                return Ok(Advance::Finished);
            }
            if read_once {
                self.phase = Phase::Alone {
                    at: cursor.0.at,
                    more,
                };
                return Ok(Advance::Reading);
            }
            more = self.front.fill(&mut cursor, &mut self.buf)?;
            read_once = true;
        }
    }

    /// Whether the report is ready ([`Coordinator::finish`]).
    pub fn is_finished(&self) -> bool {
        matches!(self.phase, Phase::Finished | Phase::Empty)
    }

    /// Bytes of the input merged so far (for progress).
    pub fn bytes(&self) -> u64 {
        match &self.phase {
            Phase::Blocks { chain, .. } => chain.byte,
            Phase::Alone { at, .. } => *at,
            Phase::Finished | Phase::Empty => self.len,
        }
    }

    /// Data rows merged so far (for progress; the final count is in the report).
    pub fn rows(&self) -> u64 {
        self.merger.as_ref().map_or(0, Merger::rows)
    }

    /// Takes the errors whose place in file order is final, as
    /// [`crate::StreamValidator::take_errors`] does: they still count in the report, which
    /// no longer lists them.
    pub fn take_errors(&mut self) -> Vec<Diagnostic> {
        super::take_prepared(&self.validator, self.merger.as_mut())
    }

    /// The report (call once [`Coordinator::advance`] says [`Advance::Finished`]; before,
    /// it reports what was merged so far).
    pub fn finish(self) -> Report {
        match self.merger {
            Some(merger) => build_report(&self.validator, merger, &self.front, None),
            None => self.validator.empty_input_report(),
        }
    }
}
