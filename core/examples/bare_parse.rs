//! The parse ceiling: how fast the `csv` crate alone reads a file (no validation).
//! Used by `scripts/bench.sh` as the baseline conforme's throughput is compared with.
//!
//! `cargo run --release --example bare_parse -- FILE [DELIMITER]`

use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: bare_parse FILE [DELIMITER]")?;
    let delimiter = args.next().map_or(b',', |d| d.as_bytes()[0]);
    let start = Instant::now();
    let file = std::fs::File::open(&path)?;
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .buffer_capacity(1 << 20)
        .from_reader(file);
    let mut record = csv::ByteRecord::new();
    let (mut rows, mut cells) = (0u64, 0u64);
    while reader.read_byte_record(&mut record)? {
        rows += 1;
        cells += record.len() as u64;
    }
    let seconds = start.elapsed().as_secs_f64();
    let bytes = reader.position().byte();
    println!(
        "{rows} records, {cells} cells, {bytes} bytes in {seconds:.3} s: {:.0} MB/s",
        bytes as f64 / seconds / 1e6
    );
    Ok(())
}
