//! The file driver: the front reads and cuts chunks, the [pipeline](crate::pipeline)
//! validates them on the worker threads, the calling thread merges results in file order.

use super::chunk::{ChunkScratch, validate_chunk};
use super::merge::Merger;
use super::{Sink, Validator, build_report, emit};
use crate::error::SourceError;
use crate::pipeline::{Flow, ordered};
use crate::report::Report;
use crate::source::front::Front;
use std::io::Read;
use std::sync::mpsc;

const READ_SIZE: usize = 1 << 20;

pub(crate) fn validate<R: Read + Send>(
    v: &Validator,
    mut reader: R,
    mut sink: Sink<'_>,
) -> Result<Report, SourceError> {
    let mut front = Front::new(v.options.clone(), v.table.clone());
    // Reads no larger than a chunk: each read then gives about one chunk, which keeps
    // read-ahead (and an early stop at the error limit) within the window of chunks in flight.
    let mut buf = vec![0u8; v.options.chunk_size.clamp(4096, READ_SIZE)];
    // Read up to the first chunk: the header and the dialect are then known.
    let mut more = true;
    let first = loop {
        if let Some(c) = front.pop() {
            break c;
        }
        if !more {
            return Err(SourceError::Empty);
        }
        more = front.fill(&mut reader, &mut buf)?;
    };
    let Some(setup) = front.setup.as_ref() else {
        unreachable!("a chunk is only cut once the header is read")
    };
    let plan = setup.plan.clone();
    let dialect = setup.dialect.clone();
    let limits = v.options.chunk_limits();
    let mut merger = Merger::new(
        v.table.clone(),
        &plan,
        dialect.header_record_count(),
        &v.options,
    );
    // Validated chunks' buffers go back to the front, which cuts the next chunks into them.
    let (recycle_tx, recycle_rx) = mpsc::channel::<Vec<u8>>();
    let mut next = Some(first);
    let front_ref = &mut front;
    let produce = move || match next.take() {
        Some(chunk) => Ok(Some(chunk)),
        None => front_ref.next_chunk(&mut reader, &mut buf, &recycle_rx, &mut more),
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
