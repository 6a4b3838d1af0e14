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
        // From a file: past its first 64 KiB, read in blocks by the workers.
        let file = conforme_tests::TempFile::new(&bytes);
        prop_assert!(bytes.len() > 2 * 65_536);
        let blocks = Validator::with_options(&schema, options.clone().threads(Some(2)).chunk_size(chunk)).validate_path(file.path()).unwrap();
        prop_assert_eq!(&blocks, &sequential);
        // Across a pool of workers that share nothing but the bytes (browser Workers).
        let pooled = conforme_tests::pool_report(
            &Validator::with_options(&schema, options.clone().chunk_size(chunk)),
            &bytes,
            3,
            seed,
        );
        prop_assert_eq!(pooled.as_ref(), Ok(&sequential));
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

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]
    /// Errors handed out as they are found (a file's sink, or a stream's `take_errors`)
    /// are the kept report's errors, in the same order, whatever the threads and chunks;
    /// the rest of the report (counts, summary, warnings) is the same too.
    #[test]
    fn streamed_errors_are_the_report_errors(
        seed in 0u64..1000,
        error_rate in 0.0f64..0.3,
        chunk in 200usize..20_000,
        threads in 1usize..4,
        max_errors in proptest::option::of(1usize..60),
        mask in any::<bool>(),
    ) {
        let schema = schema();
        let bytes = data(&schema, 300, seed, error_rate);
        let options = ValidationOptions::default()
            .max_errors(max_errors)
            .mask_cells(mask)
            .chunk_size(chunk)
            .threads(Some(threads));
        let validator = Validator::with_options(&schema, options);
        let kept = validator.validate_slice(&bytes).unwrap();
        // From a reader (read and cut by the front), then from a file (read in blocks).
        let file = conforme_tests::TempFile::new(&bytes);
        for from_file in [false, true] {
            let mut streamed = Vec::new();
            let mut sink = |e| streamed.push(e);
            let mut end = if from_file {
                validator.validate_path_streaming(file.path(), &mut sink)
            } else {
                validator.validate_reader_streaming(bytes.as_slice(), &mut sink)
            }
            .unwrap();
            prop_assert!(end.errors.is_empty());
            prop_assert_eq!(&streamed, &kept.errors);
            end.errors = streamed;
            prop_assert_eq!(&end, &kept);
        }

        let mut stream = validator.stream();
        let mut taken = Vec::new();
        for piece in bytes.chunks(chunk / 3 + 1) {
            stream.push(piece).unwrap();
            taken.extend(stream.take_errors());
        }
        let mut end = stream.finish().unwrap();
        taken.append(&mut end.errors);
        end.errors = taken;
        prop_assert_eq!(&end, &kept);
    }
}

/// A foreign key to the same table is known to be missing only at the end: the errors
/// after the first unresolved reference wait, so the streamed order stays the file order.
#[test]
fn streamed_errors_wait_for_same_table_references() {
    let schema = Schema::from_slice(
        br#"{"fields": [{"name": "id", "type": "integer"}, {"name": "parent", "type": "integer"}],
            "primaryKey": ["id"],
            "foreignKeys": [{"fields": ["parent"], "reference": {"resource": "", "fields": ["id"]}}]}"#,
    )
    .unwrap();
    let mut bytes = b"id,parent\n1,\n2,3\n3,99999\nx,1\n".to_vec();
    for i in 4..2_000 {
        bytes.extend_from_slice(format!("{i},{}\n", i - 1).as_bytes());
    }
    bytes.extend_from_slice(b"y,1\n");
    for threads in [1, 2] {
        let options = ValidationOptions::default()
            .threads(Some(threads))
            .chunk_size(256);
        let validator = Validator::with_options(&schema, options);
        let kept = validator.validate_slice(&bytes).unwrap();
        let codes: Vec<_> = kept
            .errors
            .iter()
            .map(|e| (e.row, e.code.as_str()))
            .collect();
        assert_eq!(
            codes,
            [
                (Some(4), "foreign-key"),
                (Some(5), "type-error"),
                (Some(5), "primary-key"),
                (Some(2002), "type-error"),
                (Some(2002), "primary-key")
            ]
        );
        let mut streamed = Vec::new();
        validator
            .validate_reader_streaming(bytes.as_slice(), &mut |e| streamed.push(e))
            .unwrap();
        assert_eq!(streamed, kept.errors, "{threads} thread(s)");
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
