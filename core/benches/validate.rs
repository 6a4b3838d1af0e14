//! Throughput on generated IRVE-like data (40 columns, ~500 bytes a row): the bare `csv`
//! parse, validation on one and two threads, and an error-heavy file (10 % invalid rows).
//!
//! `cargo bench -p conforme` (MB/s per case; compare cases within one run).

use conforme::generate::{GenerateOptions, generate};
use conforme::{Schema, ValidationOptions, Validator};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::hint::black_box;

fn data(schema: &Schema, error_rate: f64) -> Vec<u8> {
    let mut out = Vec::new();
    let options = GenerateOptions {
        rows: 20_000,
        seed: 1,
        error_rate,
        ..Default::default()
    };
    generate(schema, &options, &mut out).expect("generation writes to memory");
    out
}

fn benches(c: &mut Criterion) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../schemas/bench/irve-like.json"
    );
    let schema = Schema::from_path(path).expect("the bench schema loads");
    let valid = data(&schema, 0.0);
    let heavy = data(&schema, 0.1);
    let mut group = c.benchmark_group("irve-like");
    group
        .throughput(Throughput::Bytes(valid.len() as u64))
        .sample_size(20);
    group.bench_function("bare csv parse", |b| {
        b.iter(|| {
            let mut reader = csv::ReaderBuilder::new()
                .has_headers(false)
                .from_reader(valid.as_slice());
            let mut record = csv::ByteRecord::new();
            let mut n = 0;
            while reader.read_byte_record(&mut record).unwrap() {
                n += record.len();
            }
            black_box(n)
        })
    });
    for threads in [1, 2] {
        let v =
            Validator::with_options(&schema, ValidationOptions::default().threads(Some(threads)));
        group.bench_function(format!("validate, {threads} thread(s)"), |b| {
            b.iter(|| black_box(v.validate_slice(&valid).unwrap()))
        });
    }
    let v = Validator::with_options(&schema, ValidationOptions::default().threads(Some(1)));
    group.throughput(Throughput::Bytes(heavy.len() as u64));
    group.bench_function("validate 10 % invalid rows, 1 thread", |b| {
        b.iter(|| black_box(v.validate_slice(&heavy).unwrap()))
    });
    group.finish();
}

criterion_group!(validate, benches);
criterion_main!(validate);
