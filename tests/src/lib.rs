//! Shared helpers for the cross-cutting tests: reading fixture expectations and
//! comparing reports in frictionless' "flatten" form (`[row, field_number, type]`).

use conforme::{Report, ValidationOptions};
use serde_json::Value;
use std::path::{Path, PathBuf};

/// The workspace root.
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("tests/ is in the workspace")
        .to_path_buf()
}

/// `[row, field_number, type]` triples of a report's errors, in order.
pub fn flatten(report: &Report) -> Vec<Value> {
    report
        .errors
        .iter()
        .map(|e| serde_json::json!([e.row, e.field_number, e.code.as_str()]))
        .collect()
}

/// Options described by a fixture's `expected.json` (`options` key, snake_case names), read
/// by the engine's one options reader as every door does.
pub fn fixture_options(expected: &Value) -> ValidationOptions {
    let options = expected.get("options").unwrap_or(&Value::Null);
    ValidationOptions::from_json(options)
        .unwrap_or_else(|e| panic!("fixture options {options}: {e}"))
}

/// A temporary file holding some bytes, removed when dropped (for the paths that read a
/// file on disk, in blocks, rather than bytes in memory).
pub struct TempFile(PathBuf);

impl TempFile {
    /// A new file in the system's temporary folder holding `bytes`.
    pub fn new(bytes: &[u8]) -> TempFile {
        static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("conforme-test-{}-{n}.csv", std::process::id());
        let path = std::env::temp_dir().join(name);
        std::fs::write(&path, bytes).expect("the temporary folder is writable");
        TempFile(path)
    }

    /// Where the file is.
    pub fn path(&self) -> &std::path::Path {
        &self.0
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}

/// Validates `data` as a pool's coordinator and `workers` workers (browser Workers) would, each worker's results
/// arriving in an order drawn from `arrival`, the errors taken as they are merged.
pub fn pool_report(
    validator: &conforme::Validator,
    data: &[u8],
    workers: usize,
    mut arrival: u64,
) -> Result<Report, String> {
    use conforme::engine::pool::{Advance, BlockWorker, Coordinator};
    let len = data.len() as u64;
    let mut coordinator = Coordinator::new(validator, data, len).map_err(|e| e.to_string())?;
    let mut pool: Vec<BlockWorker> = (0..workers)
        .map(|_| BlockWorker::new(validator, data, len).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    let mut taken = Vec::new();
    let mut in_flight = Vec::new();
    loop {
        // Two jobs a worker in flight, as the browser pool keeps them.
        while in_flight.len() < 2 * workers {
            let Some(job) = coordinator.next_job() else {
                break;
            };
            in_flight.push(job);
        }
        if !in_flight.is_empty() {
            arrival = arrival
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let job = in_flight.swap_remove((arrival >> 33) as usize % in_flight.len());
            let worker = &mut pool[job.id as usize % workers];
            let result = worker.validate(job, data);
            coordinator
                .accept(job.id, &result)
                .map_err(|e| e.to_string())?;
        }
        let step = coordinator.advance(data).map_err(|e| e.to_string())?;
        taken.extend(coordinator.take_errors());
        if step == Advance::Finished {
            break;
        }
        assert!(
            step == Advance::Reading || !in_flight.is_empty() || coordinator.is_finished(),
            "the coordinator waits for a result no worker has"
        );
    }
    let mut report = coordinator.finish();
    report.errors.splice(0..0, taken);
    Ok(report)
}
