//! Memory used by the cross-row key checks: validates N rows of unique keys (default
//! 10 000 000) generated on the fly, so the only thing growing is the key table.
//!
//! ```text
//! cargo build --release --example key_memory
//! /usr/bin/time -v target/release/examples/key_memory 10000000 [THREADS]
//! ```
//! "Maximum resident set size" is the figure; nothing is asserted.

use conforme::{Schema, Validator};
use std::io::Read;

/// `id,code` rows `i,K<i>` produced as they are read.
struct Rows {
    next: u64,
    end: u64,
    pending: Vec<u8>,
    offset: usize,
}

impl Read for Rows {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        while self.offset == self.pending.len() {
            if self.next > self.end {
                return Ok(0);
            }
            self.pending.clear();
            self.offset = 0;
            if self.next == 0 {
                self.pending.extend_from_slice(b"id,code\n");
                self.next = 1;
                continue;
            }
            for i in self.next..(self.next + 10_000).min(self.end + 1) {
                self.pending
                    .extend_from_slice(format!("{i},K{i:012}\n").as_bytes());
                self.next = i + 1;
            }
        }
        let n = buf.len().min(self.pending.len() - self.offset);
        buf[..n].copy_from_slice(&self.pending[self.offset..self.offset + n]);
        self.offset += n;
        Ok(n)
    }
}

fn main() {
    let rows: u64 = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(10_000_000);
    let schema = Schema::from_slice(
        br#"{"fields": [{"name": "id", "type": "integer"}, {"name": "code", "type": "string"}],
             "primaryKey": "id"}"#,
    )
    .expect("a valid schema");
    let threads = std::env::args().nth(2).and_then(|a| a.parse().ok());
    let options = conforme::ValidationOptions::default().threads(threads);
    let start = std::time::Instant::now();
    let report = Validator::with_options(&schema, options)
        .validate_reader(Rows {
            next: 0,
            end: rows,
            pending: Vec::new(),
            offset: 0,
        })
        .expect("generated input is readable");
    println!(
        "{} rows, {} unique primary keys, valid: {}, {:.1} s",
        report.stats.rows,
        rows,
        report.valid,
        start.elapsed().as_secs_f64()
    );
}
