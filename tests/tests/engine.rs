//! Properties of the engine on generated files with injected errors: the report is the
//! same whatever the thread count, the chunk size or how the bytes are pushed, and
//! `--max-errors` stops reading early.

use conforme::generate::{GenerateOptions, generate};
use conforme::{Schema, ValidationOptions, Validator};
use conforme_tests::workspace_root;
use proptest::prelude::*;
use std::io::Read;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

fn schema() -> Schema {
    Schema::from_path(workspace_root().join("schemas/bench/irve-like.json")).unwrap()
}

fn data(schema: &Schema, rows: u64, seed: u64, error_rate: f64) -> Vec<u8> {
    let mut out = Vec::new();
    let options = GenerateOptions {
        rows,
        seed,
        error_rate,
        ..Default::default()
    };
    generate(schema, &options, &mut out).unwrap();
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    #[test]
    fn parallel_sequential_and_stream_reports_are_identical(
        seed in 0u64..1000,
        error_rate in 0.0f64..0.3,
        chunk in 200usize..20_000,
        splits in proptest::collection::vec(1usize..5000, 1..20),
        max_errors in proptest::option::of(1usize..60),
    ) {
        let schema = schema();
        let bytes = data(&schema, 300, seed, error_rate);
        let options = ValidationOptions::default().max_errors(max_errors);
        let sequential = Validator::with_options(&schema, options.clone().threads(Some(1))).validate_slice(&bytes).unwrap();
        let parallel = Validator::with_options(&schema, options.clone().threads(Some(2)).chunk_size(chunk)).validate_slice(&bytes).unwrap();
        prop_assert_eq!(&parallel, &sequential);
        let mut stream = Validator::with_options(&schema, options.chunk_size(chunk)).stream();
        let mut rest = bytes.as_slice();
        for n in splits.iter().cycle() {
            if rest.is_empty() {
                break;
            }
            let (head, tail) = rest.split_at((*n).min(rest.len()));
            stream.push(head).unwrap();
            rest = tail;
        }
        prop_assert_eq!(stream.finish().unwrap(), sequential);
    }
}

/// A reader that counts the bytes taken from it.
struct Counting<R> {
    inner: R,
    read: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[test]
fn max_errors_stops_reading_early() {
    let schema = schema();
    let bytes = data(&schema, 20_000, 5, 0.2);
    for threads in [1, 2] {
        let read = Arc::new(AtomicU64::new(0));
        let reader = Counting {
            inner: bytes.as_slice(),
            read: read.clone(),
        };
        let options = ValidationOptions::default()
            .max_errors(Some(100))
            .threads(Some(threads))
            .chunk_size(64 * 1024);
        let report = Validator::with_options(&schema, options)
            .validate_reader(reader)
            .unwrap();
        assert_eq!(report.errors.len(), 100);
        assert!(report.stats.truncated);
        let taken = read.load(Ordering::Relaxed);
        // 100 errors sit in the first ~500 rows (≈ 250 kB) of a ≈ 10 MB file; reading goes
        // at most one read (1 MiB) and a few chunks beyond.
        assert!(
            taken <= 2 << 20,
            "{threads} thread(s) read {taken} of {} bytes",
            bytes.len()
        );
    }
}
