//! The one ordered parallel pipeline: every parallel run of conforme goes through it.
//!
//! A *producer* cuts the input into jobs (chunks of a table, batches of JSON array items,
//! pieces of a file read once for several schema versions), `threads` workers turn jobs
//! into results, and a *consumer* on the calling thread receives the results in the order
//! the jobs were produced. So:
//!
//! - `threads` is the total number of workers; a run never starts a pool inside a pool;
//! - the outcome does not depend on the thread count (the consumer sees the same sequence);
//! - memory is bounded: at most a window of jobs is in flight between producer and consumer,
//!   whatever the speed of each side;
//! - the consumer can stop the run early ([`Flow::Stop`]): the producer stops reading and
//!   the workers skip what is left.
//!
//! With one thread everything runs inline on the calling thread, with no thread started (as
//! always in WebAssembly).
//!
//! ```
//! use conforme::pipeline::{Flow, ordered};
//!
//! let mut next = 0u64;
//! let mut squares = Vec::new();
//! let outcome: Result<(), conforme::pipeline::ThreadRefused> = ordered(
//!     4,
//!     || Ok((next < 100).then(|| { next += 1; next })),
//!     || (),
//!     |_, n: u64| n * n,
//!     |square| { squares.push(square); Flow::Continue },
//! );
//! outcome.unwrap();
//! assert_eq!(squares, (1..=100u64).map(|n| n * n).collect::<Vec<_>>());
//! ```

use crate::limits::MAX_THREADS;
use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

/// Thread names, as tools that show threads (`top -H`, `/proc/PID/task/*/comm`) list them.
/// The coordinating work is the producer's and the calling thread's (the ordered consumer).
pub const PRODUCER_THREAD: &str = "conforme-read";
/// The name of the worker threads.
pub const WORKER_THREAD: &str = "conforme-check";

/// What the consumer wants after a result.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Flow {
    /// Go on.
    Continue,
    /// Nothing more is needed (an error limit is reached): stop producing.
    Stop,
}

/// The system refused to start any thread for the run (after a refusal a run goes on with
/// the workers that did start; this is only the case where none did).
///
/// ```
/// let e = conforme::pipeline::ThreadRefused;
/// assert!(e.to_string().contains("--threads 1"));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the system refused to start a validation thread: retry with fewer threads (--threads 1)")]
pub struct ThreadRefused;

impl From<ThreadRefused> for crate::error::SourceError {
    fn from(e: ThreadRefused) -> Self {
        crate::error::SourceError::Io(std::io::Error::other(e.to_string()))
    }
}

/// How many jobs may be in flight (produced, not consumed yet).
struct Window {
    size: usize,
    consumed: Mutex<usize>,
    changed: Condvar,
}

impl Window {
    /// Blocks until job `index` may be handed out, or the run is stopping.
    fn wait_for_room(&self, index: usize, stop: &AtomicBool) {
        let mut consumed = self.consumed.lock().unwrap_or_else(|e| e.into_inner());
        while index >= *consumed + self.size && !stop.load(Ordering::Relaxed) {
            consumed = self
                .changed
                .wait(consumed)
                .unwrap_or_else(|e| e.into_inner());
        }
    }

    fn set_consumed(&self, count: usize) {
        *self.consumed.lock().unwrap_or_else(|e| e.into_inner()) = count;
        self.changed.notify_all();
    }
}

/// Runs `produce` → `work` (on up to `threads` workers) → `consume` (in production order).
///
/// - `produce` gives the next job, `Ok(None)` at the end, or an error that ends the run
///   (the results of jobs produced before it are still consumed, then the error is
///   returned). It runs on its own thread when `threads > 1`.
/// - `scratch` makes each worker's reusable state (buffers), handed to every `work` call.
/// - `consume` sees every result in order until it returns [`Flow::Stop`].
///
/// `threads` is clamped to `1..=`[`MAX_THREADS`]; a worker the system refuses to start is
/// one worker fewer ([`ThreadRefused`] only when none starts).
pub fn ordered<J, O, E, S>(
    threads: usize,
    mut produce: impl FnMut() -> Result<Option<J>, E> + Send,
    scratch: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, J) -> O + Sync,
    mut consume: impl FnMut(O) -> Flow,
) -> Result<(), E>
where
    J: Send,
    O: Send,
    E: Send + From<ThreadRefused>,
{
    // WebAssembly in browsers has no threads here (a page runs one engine per Worker): the
    // run is inline, and the threaded code is left out of the module.
    let threads = if cfg!(target_arch = "wasm32") {
        1
    } else {
        threads.clamp(1, MAX_THREADS)
    };
    if threads == 1 {
        let mut state = scratch();
        while let Some(job) = produce()? {
            if consume(work(&mut state, job)) == Flow::Stop {
                break;
            }
        }
        return Ok(());
    }

    let stop = AtomicBool::new(false);
    // Jobs in flight are capped: bounded channels alone do not bound the consumer's reorder
    // buffer when one job is slow, and an early stop must not find much read ahead.
    let window = Window {
        size: threads * 2 + 2,
        consumed: Mutex::new(0),
        changed: Condvar::new(),
    };
    let (job_tx, job_rx) = mpsc::sync_channel::<(usize, J)>(threads * 2);
    let job_rx = Mutex::new(job_rx);
    // Bounded too: when the consumer is slower than the workers, they wait instead of
    // piling results up in memory.
    let (result_tx, result_rx) = mpsc::sync_channel::<(usize, O)>(threads * 2);
    let (stop, window, work, scratch) = (&stop, &window, &work, &scratch);
    std::thread::scope(|scope| {
        let mut workers = 0;
        for _ in 0..threads {
            let (result_tx, job_rx) = (result_tx.clone(), &job_rx);
            let spawned = std::thread::Builder::new()
                .name(WORKER_THREAD.into())
                .spawn_scoped(scope, move || {
                    let mut state = scratch();
                    loop {
                        let next = job_rx.lock().map(|rx| rx.recv());
                        let Ok(Ok((index, job))) = next else { break };
                        if stop.load(Ordering::Relaxed) {
                            continue;
                        }
                        if result_tx.send((index, work(&mut state, job))).is_err() {
                            break;
                        }
                    }
                });
            if spawned.is_err() {
                break;
            }
            workers += 1;
        }
        drop(result_tx);
        if workers == 0 {
            return Err(ThreadRefused.into());
        }
        let producer = std::thread::Builder::new()
            .name(PRODUCER_THREAD.into())
            .spawn_scoped(scope, move || -> Result<(), E> {
                let mut index = 0;
                loop {
                    window.wait_for_room(index, stop);
                    if stop.load(Ordering::Relaxed) {
                        return Ok(());
                    }
                    let job = match produce() {
                        Ok(Some(job)) => job,
                        Ok(None) => return Ok(()),
                        Err(e) => return Err(e),
                    };
                    if job_tx.send((index, job)).is_err() {
                        return Ok(());
                    }
                    index += 1;
                }
            });
        let Ok(producer) = producer else {
            // The workers end when `job_tx`, moved into the refused closure, is dropped.
            return Err(ThreadRefused.into());
        };
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (index, result) in result_rx {
            if stop.load(Ordering::Relaxed) {
                continue;
            }
            waiting.insert(index, result);
            while let Some(result) = waiting.remove(&next) {
                next += 1;
                if consume(result) == Flow::Stop {
                    stop.store(true, Ordering::Relaxed);
                    waiting.clear();
                    break;
                }
            }
            window.set_consumed(next);
        }
        window.set_consumed(usize::MAX);
        match producer.join() {
            Ok(outcome) => outcome,
            Err(panic) => std::panic::resume_unwind(panic),
        }
    })
}

/// Runs `work` on every item of `items` on up to `threads` workers, giving the results in
/// the items' order (the same pipeline, with the items as jobs).
///
/// ```
/// let mut counters = vec![0u32; 10];
/// let doubled = conforme::pipeline::map_mut(3, &mut counters, |c| { *c += 1; *c * 2 });
/// assert_eq!(doubled, vec![2; 10]);
/// assert!(counters.iter().all(|&c| c == 1));
/// ```
pub fn map_mut<T: Send, O: Send>(
    threads: usize,
    items: &mut [T],
    work: impl Fn(&mut T) -> O + Sync,
) -> Vec<O> {
    let mut jobs = items.iter_mut();
    let mut out = Vec::with_capacity(jobs.len());
    // No more workers than items.
    let outcome: Result<(), ThreadRefused> = ordered(
        threads.min(jobs.len()),
        || Ok(jobs.next()),
        || (),
        |_, item| work(item),
        |o| {
            out.push(o);
            Flow::Continue
        },
    );
    if outcome.is_err() {
        // No thread could start: the same work, inline.
        return items.iter_mut().map(work).collect();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::AtomicUsize;

    fn run(threads: usize, jobs: usize, stop_at: Option<usize>) -> Vec<usize> {
        let mut next = 0;
        let mut seen = Vec::new();
        let outcome: Result<(), ThreadRefused> = ordered(
            threads,
            || {
                next += 1;
                Ok((next <= jobs).then_some(next))
            },
            Vec::<usize>::new,
            |scratch, n| {
                // Uneven work, so results come back out of order.
                scratch.clear();
                scratch.extend(0..(n * 7919) % 5000);
                n
            },
            |n| {
                seen.push(n);
                if Some(n) == stop_at {
                    Flow::Stop
                } else {
                    Flow::Continue
                }
            },
        );
        outcome.unwrap();
        seen
    }

    #[test]
    fn results_arrive_in_order_whatever_the_thread_count() {
        for threads in [0, 1, 2, 3, 8] {
            assert_eq!(run(threads, 500, None), (1..=500).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_stop_ends_the_run_after_that_result() {
        for threads in [1, 2, 4] {
            assert_eq!(run(threads, 10_000, Some(37)), (1..=37).collect::<Vec<_>>());
        }
    }

    #[test]
    fn a_stop_keeps_the_producer_within_the_window() {
        let produced = AtomicUsize::new(0);
        let outcome: Result<(), ThreadRefused> = ordered(
            2,
            || Ok(Some(produced.fetch_add(1, Ordering::Relaxed))),
            || (),
            |_, n| n,
            |n| if n == 10 { Flow::Stop } else { Flow::Continue },
        );
        outcome.unwrap();
        // 11 consumed, at most a window (2 × 2 + 2) and the two channels' capacity ahead.
        assert!(produced.load(Ordering::Relaxed) <= 11 + 6 + 8);
    }

    #[derive(Debug, PartialEq)]
    enum Failure {
        Read(usize),
        Thread,
    }

    impl From<ThreadRefused> for Failure {
        fn from(_: ThreadRefused) -> Self {
            Failure::Thread
        }
    }

    #[test]
    fn a_producer_error_comes_back_after_the_results_before_it() {
        for threads in [1, 2, 3] {
            let mut next = 0;
            let mut seen = Vec::new();
            let outcome = ordered(
                threads,
                || {
                    next += 1;
                    if next == 20 {
                        Err(Failure::Read(next))
                    } else {
                        Ok(Some(next))
                    }
                },
                || (),
                |_, n| n,
                |n| {
                    seen.push(n);
                    Flow::Continue
                },
            );
            assert_eq!(outcome, Err(Failure::Read(20)));
            assert_eq!(seen, (1..20).collect::<Vec<_>>());
        }
    }

    #[test]
    fn map_mut_visits_every_item_once_in_order() {
        let mut items: Vec<usize> = (0..1000).collect();
        let out = map_mut(4, &mut items, |n| {
            *n += 1;
            *n
        });
        assert_eq!(out, (1..=1000).collect::<Vec<_>>());
        assert_eq!(items, out);
    }
}
