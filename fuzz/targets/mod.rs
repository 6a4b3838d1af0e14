//! The bodies of the hostile-input fuzz targets, shared by two runners: cargo-fuzz
//! (`fuzz/fuzz_targets/*.rs`, nightly, coverage-guided, as long as you like) and the
//! deterministic bounded loop of `tests/tests/fuzz_smoke.rs` (stable, part of the test
//! command, so the targets keep building and their oracles keep holding). Each `run`
//! never panics on any input; a panic or a failed assertion is the finding.

pub mod json_split;
pub mod package;
pub mod render;
pub mod schema;
pub mod spreadsheet;
pub mod zip_archive;

use std::io::Write;

/// A ZIP archive of `members`, stored or deflated.
pub fn zip_of(members: &[(&str, &[u8])], deflate: bool) -> Vec<u8> {
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in members {
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        if w.start_file(*name, options).is_err() || w.write_all(bytes).is_err() {
            continue;
        }
    }
    w.finish().map(|c| c.into_inner()).unwrap_or_default()
}

/// The input cut in two at a position its first byte chooses.
pub fn halves(data: &[u8]) -> (&[u8], &[u8]) {
    let Some((&at, rest)) = data.split_first() else {
        return (&[], &[]);
    };
    let at = usize::from(at) * rest.len() / 256;
    rest.split_at(at)
}

/// A fresh scratch directory per call (files for the package target).
pub fn scratch(tag: &str) -> std::path::PathBuf {
    use std::sync::atomic::{AtomicU64, Ordering};
    static NEXT: AtomicU64 = AtomicU64::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    let dir = std::env::temp_dir().join(format!("conforme-fuzz-{tag}-{}-{n}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("a scratch directory");
    dir
}

/// The table schema the table targets validate against.
pub fn table_schema() -> conforme::Schema {
    conforme::Schema::from_slice(
        br#"{"fields": [{"name": "id", "type": "integer", "constraints": {"unique": true}},
                        {"name": "nom", "type": "string", "constraints": {"pattern": "[A-Z].*", "enum": ["Alpha", "Beta", "Gamma"]}},
                        {"name": "date", "type": "date"}]}"#,
    )
    .expect("the fuzz schema is valid")
}
