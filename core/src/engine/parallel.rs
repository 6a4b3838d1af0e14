//! The file driver: the front reads and cuts chunks, the [pipeline](crate::pipeline)
//! validates them on the worker threads, the calling thread merges results in file order.
//! A file on disk is read by the front only up to its header: the workers read the rest in
//! blocks themselves (see [`super::blocks`]).

use super::chunk::{ChunkScratch, validate_chunk};
use super::merge::Merger;
use super::{Sink, Validator, build_report, emit, read_buffer};
use crate::error::SourceError;
use crate::pipeline::{Flow, ordered};
use crate::report::Report;
use crate::source::front::{Chunk, Front};
use std::io::Read;
use std::sync::mpsc;

/// Validates what `reader` yields, read and cut by the front.
pub(crate) fn validate<R: Read + Send>(
    v: &Validator,
    reader: R,
    sink: Sink<'_>,
) -> Result<Report, SourceError> {
    run(v, reader, None, sink)
}

/// Validates a file: the front reads its start (encoding, dialect, header), the workers
/// read the rest in blocks with positioned reads.
#[cfg(any(unix, windows))]
pub(crate) fn validate_file(
    v: &Validator,
    file: &std::fs::File,
    sink: Sink<'_>,
) -> Result<Report, SourceError> {
    run(v, file, Some(file), sink)
}

/// Whether the rest of `file` is worth reading in blocks: a regular file (not a pipe or a
/// device, whose bytes read by the front could not be read again) with more left than the
/// front has read.
#[cfg(any(unix, windows))]
fn worth_blocks(file: &std::fs::File, front: &Front) -> bool {
    file.metadata()
        .is_ok_and(|m| m.is_file() && m.len() > front.bytes_in)
}

/// `file`: the file `reader` reads, when it is one (positioned reads, and seeks).
fn run<R: Read + Send>(
    v: &Validator,
    mut reader: R,
    #[cfg_attr(not(any(unix, windows)), allow(unused_variables))] file: Option<&std::fs::File>,
    mut sink: Sink<'_>,
) -> Result<Report, SourceError> {
    let mut front = Front::new(v.options.clone(), v.table.clone());
    let mut buf = read_buffer(&v.options);
    // Read up to the first chunk: the header and the dialect are then known.
    let (first, mut more) = front.first_chunk(&mut reader, &mut buf)?;
    let Some(setup) = front.setup.as_ref() else {
        unreachable!("a chunk is only cut once the header is read")
    };
    let plan = setup.plan.clone();
    let dialect = setup.dialect.clone();
    let mut merger = Merger::new(
        v.table.clone(),
        &plan,
        dialect.header_record_count(),
        &v.options,
    );
    #[cfg_attr(not(any(unix, windows)), allow(unused_mut))]
    let mut next = vec![first];
    #[cfg(any(unix, windows))]
    if let Some(file) = file.filter(|f| worth_blocks(f, &front))
        && let Some(mut handoff) = front.hand_over()
    {
        handoff.chunks.insert(0, next.remove(0));
        let blocks = super::file_blocks::Run {
            v,
            file,
            plan: &plan,
            dialect: &dialect,
        };
        match blocks.validate(handoff, &mut front, &mut merger, &mut sink)? {
            super::file_blocks::Ending::Done => return Ok(build_report(v, merger, &front, sink)),
            super::file_blocks::Ending::ResumeAt { byte, line } => {
                // Read on from there here, in file order (see `Front::resume_at`).
                use std::io::Seek;
                front.resume_at(byte, line, merger.next_index());
                let mut cursor = file;
                cursor.seek(std::io::SeekFrom::Start(byte))?;
            }
        }
    }
    let limits = v.options.chunk_limits();
    // Validated chunks' buffers go back to the front, which cuts the next chunks into them.
    let (recycle_tx, recycle_rx) = mpsc::channel::<Vec<u8>>();
    let mut next = next.into_iter();
    let front_ref = &mut front;
    let produce = move || -> Result<Option<Chunk>, SourceError> {
        match next.next() {
            Some(chunk) => Ok(Some(chunk)),
            None => front_ref.next_chunk(&mut reader, &mut buf, &recycle_rx, &mut more),
        }
    };
    let table = &v.table;
    ordered(
        v.options.thread_count(),
        produce,
        ChunkScratch::default,
        |scratch, chunk| {
            let result = validate_chunk(table, &plan, &dialect, &chunk, limits, scratch);
            // The front may have stopped: then the buffer is just freed.
            let _ = recycle_tx.send(chunk.bytes);
            result
        },
        |result| {
            merger.accept(result);
            emit(v, &mut merger, &mut sink);
            if merger.done() {
                Flow::Stop
            } else {
                Flow::Continue
            }
        },
    )?;
    Ok(build_report(v, merger, &front, sink))
}
