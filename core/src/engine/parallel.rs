//! The file driver: one thread reads and cuts chunks, worker threads validate them, the
//! calling thread merges results in file order. With one thread everything runs inline.

use super::chunk::{ChunkResult, ChunkScratch, validate_chunk};
use super::front::{Chunk, Front};
use super::merge::Merger;
use super::{Sink, Validator, build_report, emit};
use crate::error::SourceError;
use crate::report::Report;
use std::io::Read;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

const READ_SIZE: usize = 1 << 20;

/// Thread names, as tools that show threads (`top -H`, `/proc/PID/task/*/comm`) list them:
/// the coordinating work is the reader's and the calling thread's (the ordered merge).
pub(crate) const READER_THREAD: &str = "conforme-read";
pub(crate) const WORKER_THREAD: &str = "conforme-check";

/// Reads until the front has a chunk ready or the input ends. Returns `false` at the end.
fn fill<R: Read>(front: &mut Front, reader: &mut R, buf: &mut [u8]) -> Result<bool, SourceError> {
    if front.read_from(reader, buf)? == 0 {
        front.finish()?;
        return Ok(false);
    }
    Ok(true)
}

fn no_thread() -> SourceError {
    SourceError::Io(std::io::Error::other(
        "the system refused to start a validation thread: retry with fewer threads (--threads 1)",
    ))
}

/// How many chunks may be in flight ahead of the merge.
struct Window {
    size: usize,
    merged: Mutex<usize>,
    changed: Condvar,
}

impl Window {
    fn new(size: usize) -> Window {
        Window {
            size,
            merged: Mutex::new(0),
            changed: Condvar::new(),
        }
    }

    /// Blocks until chunk `index` may be sent (or the run is stopping).
    fn wait_for_room(&self, index: usize, stop: &AtomicBool) {
        let mut merged = self.merged.lock().unwrap_or_else(|e| e.into_inner());
        while index >= *merged + self.size && !stop.load(Ordering::Relaxed) {
            merged = self.changed.wait(merged).unwrap_or_else(|e| e.into_inner());
        }
    }

    /// Records that chunks `0..count` are merged.
    fn merged(&self, count: usize) {
        *self.merged.lock().unwrap_or_else(|e| e.into_inner()) = count;
        self.changed.notify_all();
    }
}

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
        more = fill(&mut front, &mut reader, &mut buf)?;
    };
    let setup = front
        .setup
        .as_ref()
        .expect("header read with the first chunk");
    let plan = setup.plan.clone();
    let dialect = setup.dialect.clone();
    let limits = v.options.chunk_limits();
    let mut merger = Merger::new(
        v.table.clone(),
        &plan,
        dialect.header_record_count(),
        &v.options,
    );
    // Past a few hundred threads each one only costs a stack (30 000 asked for would abort
    // the process when the system refuses them).
    let threads = v.options.thread_count().min(crate::limits::MAX_THREADS);

    if threads <= 1 {
        let mut scratch = ChunkScratch::default();
        let mut next = Some(first);
        loop {
            while let Some(chunk) = next.take().or_else(|| front.pop()) {
                merger.accept(validate_chunk(
                    &v.table,
                    &plan,
                    &dialect,
                    &chunk,
                    limits,
                    &mut scratch,
                ));
                front.recycle(chunk.bytes);
                emit(v, &mut merger, &mut sink);
                if merger.done() {
                    return Ok(build_report(v, merger, &front, sink));
                }
            }
            if !more {
                break;
            }
            more = fill(&mut front, &mut reader, &mut buf)?;
        }
        return Ok(build_report(v, merger, &front, sink));
    }

    let stop = AtomicBool::new(false);
    // Chunks in flight (sent but not merged yet) are capped: bounded channels alone do not
    // bound the merge's reorder buffer when one chunk is slow, and an early stop at the error
    // limit must not find megabytes read ahead.
    let window = Window::new(threads * 2 + 2);
    let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(threads * 2);
    let work_rx = Mutex::new(work_rx);
    // Bounded too: when the ordered merge (key checks) is slower than the workers, they
    // wait instead of piling up results in memory.
    let (result_tx, result_rx) = mpsc::sync_channel::<ChunkResult>(threads * 2);
    // Validated chunks' buffers go back to the reader, which cuts the next chunks into them.
    let (recycle_tx, recycle_rx) = mpsc::channel::<Vec<u8>>();
    let table = &v.table;
    let outcome: Result<Front, SourceError> = std::thread::scope(|scope| {
        let mut workers = 0;
        for _ in 0..threads {
            let (result_tx, recycle_tx) = (result_tx.clone(), recycle_tx.clone());
            let (work_rx, plan, dialect, stop) = (&work_rx, &plan, &dialect, &stop);
            // A thread the system refuses is one worker fewer, not a panic.
            let spawned = std::thread::Builder::new()
                .name(WORKER_THREAD.into())
                .spawn_scoped(scope, move || {
                    let mut scratch = ChunkScratch::default();
                    loop {
                        let next = work_rx.lock().map(|rx| rx.recv());
                        let Ok(Ok(chunk)) = next else { break };
                        if stop.load(Ordering::Relaxed) {
                            continue;
                        }
                        let result =
                            validate_chunk(table, plan, dialect, &chunk, limits, &mut scratch);
                        // The reader may have stopped: then the buffer is just freed.
                        let _ = recycle_tx.send(chunk.bytes);
                        if result_tx.send(result).is_err() {
                            break;
                        }
                    }
                });
            if spawned.is_err() {
                break;
            }
            workers += 1;
        }
        if workers == 0 {
            return Err(no_thread());
        }
        drop((result_tx, recycle_tx));
        let stop = &stop;
        let window = &window;
        let reader_thread = std::thread::Builder::new()
            .name(READER_THREAD.into())
            .spawn_scoped(scope, move || -> Result<Front, SourceError> {
                let mut next = Some(first);
                loop {
                    while let Some(chunk) = next.take().or_else(|| front.pop()) {
                        window.wait_for_room(chunk.index, stop);
                        if stop.load(Ordering::Relaxed) || work_tx.send(chunk).is_err() {
                            return Ok(front);
                        }
                    }
                    if !more || stop.load(Ordering::Relaxed) {
                        return Ok(front);
                    }
                    while let Ok(bytes) = recycle_rx.try_recv() {
                        front.recycle(bytes);
                    }
                    more = match fill(&mut front, &mut reader, &mut buf) {
                        Ok(m) => m,
                        Err(e) => {
                            stop.store(true, Ordering::Relaxed);
                            return Err(e);
                        }
                    };
                }
            });
        let Ok(reader_thread) = reader_thread else {
            // The workers end when `work_tx`, moved into the refused closure, is dropped.
            return Err(no_thread());
        };
        for result in result_rx {
            merger.accept(result);
            emit(v, &mut merger, &mut sink);
            if merger.done() {
                stop.store(true, Ordering::Relaxed);
            }
            window.merged(merger.merged_chunks());
        }
        window.merged(usize::MAX);
        reader_thread
            .join()
            .expect("the reader thread does not panic")
    });
    let front = outcome?;
    Ok(build_report(v, merger, &front, sink))
}
