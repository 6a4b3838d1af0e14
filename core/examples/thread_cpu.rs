//! Where the CPU time of one validation goes, thread by thread: the coordinating threads
//! (the producer, which for a file on disk only hands out blocks that the workers read
//! themselves, and for other input reads and cuts chunks; the caller that merges results
//! in order) against the workers that validate. Their ratio bounds the speed-up on many
//! cores: with coordinating work `c` and validation work `w` per byte, no number of threads
//! goes beyond `(c + w) / c`. Linux only (reads `/proc/self/task/*/schedstat`, nanoseconds on CPU).
//!
//! ```sh
//! cargo run --release -p conforme --example thread_cpu -- SCHEMA.json DATA.csv [THREADS]
//! ```
//!
//! Prints one JSON object: seconds on CPU per role, the serial share and the bound.

use conforme::{Schema, ValidationOptions, Validator};
use std::collections::HashMap;
use std::time::Duration;

/// The thread that calls the validator, and so merges the chunks' results in order.
const MERGE_THREAD: &str = "conforme-merge";

/// CPU nanoseconds of every thread of this process, by thread id, with its name.
fn sample(into: &mut HashMap<String, (String, u64)>) {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else {
        return;
    };
    for task in tasks.flatten() {
        let dir = task.path();
        let (Ok(comm), Ok(stat)) = (
            std::fs::read_to_string(dir.join("comm")),
            std::fs::read_to_string(dir.join("schedstat")),
        ) else {
            continue; // The thread ended between the listing and the read.
        };
        let Some(ns) = stat.split_whitespace().next().and_then(|n| n.parse().ok()) else {
            continue;
        };
        let id = task.file_name().to_string_lossy().into_owned();
        into.insert(id, (comm.trim().to_owned(), ns));
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 3 {
        eprintln!("usage: thread_cpu SCHEMA.json DATA.csv [THREADS]");
        std::process::exit(2);
    }
    if !std::path::Path::new("/proc/self/task").is_dir() {
        eprintln!("thread_cpu reads /proc/self/task: Linux only");
        std::process::exit(2);
    }
    let threads: usize = args.get(3).and_then(|t| t.parse().ok()).unwrap_or(2);
    let schema = Schema::from_path(&args[1]).expect("a usable Table Schema");
    let options = ValidationOptions::default().threads(Some(threads));
    let validator = Validator::with_options(&schema, options);
    let data = args[2].clone();
    let started = std::time::Instant::now();
    let run = std::thread::Builder::new()
        .name(MERGE_THREAD.into())
        .spawn(move || validator.validate_path(&data).expect("a readable file"))
        .expect("a thread");
    // The last sample of each thread before it ends: at most 2 ms of its CPU time missed.
    let mut seen = HashMap::new();
    while !run.is_finished() {
        sample(&mut seen);
        std::thread::sleep(Duration::from_millis(2));
    }
    let wall = started.elapsed().as_secs_f64();
    let report = run.join().expect("the validation does not panic");
    let mut by_role: HashMap<&str, f64> = HashMap::new();
    for (name, ns) in seen.values() {
        let role = match name.as_str() {
            "conforme-read" => "read",
            "conforme-check" => "check",
            MERGE_THREAD => "merge",
            _ => continue, // this sampler
        };
        *by_role.entry(role).or_default() += *ns as f64 / 1e9;
    }
    let get = |role| by_role.get(role).copied().unwrap_or(0.0);
    let (read, merge, check) = (get("read"), get("merge"), get("check"));
    let total = read + merge + check;
    let coordinating = read.max(merge);
    println!(
        "{}",
        serde_json::json!({
            "threads": threads,
            "rows": report.stats.rows,
            "errors": report.stats.error_count,
            "wall_s": wall,
            "cpu_s": {"read": read, "merge": merge, "check": check, "total": total},
            // Share of all CPU time spent by the coordinating threads.
            "serial_share": (read + merge) / total,
            // Validation work per unit of the busiest coordinating thread's work (≥ 16 for
            // 16 cores), and the speed-up that thread allows at most.
            "check_per_coordinating": check / coordinating,
            "speedup_bound": total / coordinating,
        })
    );
}
