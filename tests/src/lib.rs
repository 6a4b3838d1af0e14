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
