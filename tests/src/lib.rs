//! Shared helpers for the cross-cutting tests: reading fixture expectations and
//! comparing reports in frictionless' "flatten" form (`[row, field_number, type]`).

use conforme::{Dialect, Report, ValidationOptions};
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

/// Options described by a fixture's `expected.json` (`options` key).
pub fn fixture_options(expected: &Value) -> ValidationOptions {
    let mut options = ValidationOptions::default();
    let Some(o) = expected.get("options") else {
        return options;
    };
    if let Some(n) = o.get("max_errors").and_then(Value::as_u64) {
        options = options.max_errors(Some(n as usize));
    }
    if let Some(n) = o.get("chunk_size").and_then(Value::as_u64) {
        options = options.chunk_size(n as usize);
    }
    if o.get("header").and_then(Value::as_bool) == Some(false) {
        options = options.dialect(Dialect {
            header: false,
            ..Dialect::default()
        });
    }
    options
}
