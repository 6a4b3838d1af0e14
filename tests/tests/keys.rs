//! Cross-row keys on a generated 1 000 000-row file: duplicates are found at the right
//! rows, with their first occurrence, and so are foreign keys to missing rows. (The memory figure for
//! 10 million keys comes from `core/examples/key_memory.rs`, measured, never asserted.)

use conforme::Param;
use conforme::{Schema, ValidationOptions, Validator};

const ROWS: u64 = 1_000_000;

/// Rows `id,code,parent`: `id` is the row index, except at the planted duplicates.
fn generate() -> (Vec<u8>, Vec<(u64, u64)>) {
    let mut data = b"id,code,parent\n".to_vec();
    // (data row index of the duplicate, data row index of the original)
    let duplicates = [(1_000, 10), (500_000, 499_999), (999_999, 0)];
    for i in 0..ROWS {
        let id = duplicates
            .iter()
            .find(|(d, _)| *d == i)
            .map_or(i, |(_, original)| *original);
        // The parent refers to an earlier row, except at row index 700 000 (missing).
        let parent = if i == 700_000 { ROWS * 2 } else { i / 2 };
        data.extend_from_slice(format!("{id},C{i},{parent}\n").as_bytes());
    }
    (data, duplicates.to_vec())
}

#[test]
fn duplicates_and_missing_references_on_a_million_rows() {
    let schema = Schema::from_slice(
        br#"{"fields": [
                {"name": "id", "type": "integer"},
                {"name": "code", "type": "string", "constraints": {"unique": true}},
                {"name": "parent", "type": "integer"}
             ],
             "primaryKey": "id",
             "foreignKeys": [{"fields": "parent", "reference": {"resource": "", "fields": "id"}}]}"#,
    )
    .unwrap();
    let (data, duplicates) = generate();
    // Small chunks on two threads: the keys cross many chunk boundaries (the fixtures
    // check that thread counts and chunk sizes never change a report).
    let options = ValidationOptions::default()
        .threads(Some(2))
        .chunk_size(256 << 10);
    let report = Validator::with_options(&schema, options)
        .validate_slice(&data)
        .unwrap();
    assert_eq!(report.stats.rows, ROWS);
    // Row numbers: header = 1, data row i = i + 2.
    let found: Vec<(u64, u64, &str)> = report
        .errors
        .iter()
        .map(|e| {
            (
                e.row.unwrap(),
                e.params
                    .get(Param::FirstRow)
                    .and_then(|v| v.as_u64())
                    .unwrap_or(0),
                e.code.as_str(),
            )
        })
        .collect();
    let mut expected: Vec<(u64, u64, &str)> = duplicates
        .iter()
        .map(|(dup, original)| (dup + 2, original + 2, "primary-key"))
        .collect();
    expected.push((700_002, 0, "foreign-key"));
    // Data rows 2000 and 2001 refer to id 1000, which the duplicate at row index 1000
    // replaced by 10: they have no parent.
    expected.push((2_002, 0, "foreign-key"));
    expected.push((2_003, 0, "foreign-key"));
    expected.sort();
    assert_eq!(found, expected);
}
