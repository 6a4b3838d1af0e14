//! One test per hand-written fixture in `fixtures/tableschema/`: the report must give the
//! expected verdict and errors, and be the same whatever the thread count, the chunk size
//! and the way the bytes are pushed to the stream validator.

use conforme::{Schema, Validator};
use conforme_tests::{fixture_options, flatten};
use serde_json::Value;
use std::path::Path;

fn run(expected_path: &Path) -> datatest_stable::Result<()> {
    let dir = expected_path.parent().expect("fixture directory");
    let expected: Value = serde_json::from_slice(&std::fs::read(expected_path)?)?;
    let schema = Schema::from_path(dir.join("schema.json"))?;
    let data = std::fs::read(dir.join("data.csv"))?;
    let options = fixture_options(&expected);

    let sequential =
        Validator::with_options(&schema, options.clone().threads(Some(1))).validate_slice(&data)?;
    assert_eq!(
        Value::Bool(sequential.valid),
        expected["valid"],
        "verdict of {}",
        dir.display()
    );
    assert_eq!(
        flatten(&sequential),
        expected["errors"].as_array().cloned().unwrap_or_default(),
        "errors of {}",
        dir.display()
    );

    // Small chunks on two threads: same report.
    for chunk in [7, 64, 1 << 20] {
        let parallel =
            Validator::with_options(&schema, options.clone().threads(Some(2)).chunk_size(chunk))
                .validate_slice(&data)?;
        assert_eq!(parallel, sequential, "2 threads, chunks of {chunk} bytes");
    }
    // Pushed in pieces of every small size: same report.
    let validator = Validator::with_options(&schema, options.chunk_size(16));
    for piece in [1, 2, 3, 5, 13, 100] {
        let mut stream = validator.stream();
        for part in data.chunks(piece) {
            stream.push(part)?;
        }
        assert_eq!(
            stream.finish()?,
            sequential,
            "stream in pieces of {piece} bytes"
        );
    }
    Ok(())
}

datatest_stable::harness! {
    { test = run, root = "../fixtures/tableschema", pattern = r"expected\.json$" },
}
