//! Shared helpers for the cross-cutting tests: reading fixture expectations and
//! comparing reports in frictionless' "flatten" form (`[row, field_number, type]`).

use conforme::{Dialect, ErrorCode, HeaderProfile, Report, ValidationOptions};
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
    if let Some(name) = o.get("profile").and_then(Value::as_str) {
        let profile = HeaderProfile::from_name(name)
            .unwrap_or_else(|| panic!("fixture options: unknown profile {name:?}"));
        options = options.profile(profile);
    }
    if o.get("ignore_header_case").and_then(Value::as_bool) == Some(true) {
        options = options.ignore_header_case(true);
    }
    if let Some(names) = o.get("skip_checks").and_then(Value::as_array) {
        options = options.skip_checks(names.iter().filter_map(Value::as_str));
    }
    let codes = |key: &str| -> Option<Vec<ErrorCode>> {
        o.get(key).and_then(Value::as_array).map(|names| {
            names
                .iter()
                .filter_map(Value::as_str)
                .map(|n| {
                    ErrorCode::from_name(n)
                        .unwrap_or_else(|| panic!("fixture options: unknown error type {n:?}"))
                })
                .collect()
        })
    };
    if let Some(c) = codes("pick_errors") {
        options = options.pick_errors(c);
    }
    if let Some(c) = codes("skip_errors") {
        options = options.skip_errors(c);
    }
    if let Some(dialect) = o.get("dialect") {
        options = options
            .dialect_json(dialect)
            .expect("the fixture's dialect is valid");
    }
    if o.get("header").and_then(Value::as_bool) == Some(false) {
        options = options.dialect(Dialect {
            header: false,
            ..Dialect::default()
        });
    }
    options
}
