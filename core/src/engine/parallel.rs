//! The file driver: one thread reads and cuts chunks, worker threads validate them, the
//! calling thread merges results in file order. With one thread everything runs inline.

use super::chunk::{ChunkResult, validate_chunk};
use super::front::{Chunk, Front};
use super::merge::Merger;
use super::{Validator, build_report};
use crate::error::SourceError;
use crate::report::Report;
use crate::table::row::RowScratch;
use std::io::Read;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

const READ_SIZE: usize = 1 << 20;

fn read_some<R: Read>(reader: &mut R, buf: &mut [u8]) -> Result<usize, SourceError> {
    loop {
        match reader.read(buf) {
            Ok(n) => return Ok(n),
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(SourceError::Io(e)),
        }
    }
}

/// Reads until the front has a chunk ready or the input ends. Returns `false` at the end.
fn fill<R: Read>(front: &mut Front, reader: &mut R, buf: &mut [u8]) -> Result<bool, SourceError> {
    let n = read_some(reader, buf)?;
    if n == 0 {
        front.finish()?;
        return Ok(false);
    }
    front.push(&buf[..n])?;
    Ok(true)
}

pub(crate) fn validate<R: Read + Send>(
    v: &Validator,
    mut reader: R,
) -> Result<Report, SourceError> {
    let mut front = Front::new(v.options.clone(), v.table.clone());
    let mut buf = vec![0u8; READ_SIZE];
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
    let limit = v.options.limit();
    let mut merger = Merger::new(
        v.table.clone(),
        &plan,
        dialect.header_record_count(),
        &v.options,
    );
    let threads = v.options.thread_count();

    if threads <= 1 {
        let mut scratch = RowScratch::default();
        let mut next = Some(first);
        loop {
            while let Some(chunk) = next.take().or_else(|| front.pop()) {
                merger.accept(validate_chunk(
                    &v.table,
                    &plan,
                    &dialect,
                    &chunk,
                    limit,
                    &mut scratch,
                ));
                if merger.done() {
                    return Ok(build_report(v, merger, &front));
                }
            }
            if !more {
                break;
            }
            more = fill(&mut front, &mut reader, &mut buf)?;
        }
        return Ok(build_report(v, merger, &front));
    }

    let stop = AtomicBool::new(false);
    let (work_tx, work_rx) = mpsc::sync_channel::<Chunk>(threads * 2);
    let work_rx = Mutex::new(work_rx);
    // Bounded too: when the ordered merge (key checks) is slower than the workers, they
    // wait instead of piling up results in memory.
    let (result_tx, result_rx) = mpsc::sync_channel::<ChunkResult>(threads * 2);
    let table = &v.table;
    let outcome: Result<Front, SourceError> = std::thread::scope(|scope| {
        for _ in 0..threads {
            let result_tx = result_tx.clone();
            let (work_rx, plan, dialect, stop) = (&work_rx, &plan, &dialect, &stop);
            scope.spawn(move || {
                let mut scratch = RowScratch::default();
                loop {
                    let next = work_rx.lock().map(|rx| rx.recv());
                    let Ok(Ok(chunk)) = next else { break };
                    if stop.load(Ordering::Relaxed) {
                        continue;
                    }
                    let result = validate_chunk(table, plan, dialect, &chunk, limit, &mut scratch);
                    if result_tx.send(result).is_err() {
                        break;
                    }
                }
            });
        }
        drop(result_tx);
        let stop = &stop;
        let reader_thread = scope.spawn(move || -> Result<Front, SourceError> {
            let mut next = Some(first);
            loop {
                while let Some(chunk) = next.take().or_else(|| front.pop()) {
                    if stop.load(Ordering::Relaxed) || work_tx.send(chunk).is_err() {
                        return Ok(front);
                    }
                }
                if !more || stop.load(Ordering::Relaxed) {
                    return Ok(front);
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
        for result in result_rx {
            merger.accept(result);
            if merger.done() {
                stop.store(true, Ordering::Relaxed);
            }
        }
        reader_thread
            .join()
            .expect("the reader thread does not panic")
    });
    let front = outcome?;
    Ok(build_report(v, merger, &front))
}
