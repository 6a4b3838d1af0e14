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
