//! Detected versus actual encoding, delimiter, line endings and row count on the public
//! corpus (`../shared/corpus`, read in place): the actual values are the corpus index's
//! `quirks`, measured on the bytes; frictionless 5's guesses come from `expected.json`.
//! Prints a table; fails if conforme gets any of them wrong. (The corpus's "mixed" line
//! ends count breaks inside quoted cells too; conforme warns only about record ends.) Skipped with a message when
//! the corpus is absent.

use conforme::{ErrorCode, Schema, Validator};
use conforme_tests::workspace_root;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CONFORME_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/corpus"));
    dir.join("index.json").is_file().then_some(dir)
}

/// `utf-8` or `legacy` (the corpus measures "not utf-8"; its non-UTF-8 files are
/// Windows-1252 mutations).
fn encoding_class(name: &str) -> &'static str {
    let n = name.to_ascii_lowercase();
    if n.starts_with("utf-8") || n == "utf8" || n == "utf-8-sig" {
        "utf-8"
    } else {
        "legacy"
    }
}

#[test]
fn detected_versus_actual() {
    let Some(dir) = corpus_dir() else {
        eprintln!("corpus dialect table skipped: ../shared/corpus is not present");
        return;
    };
    let index: Value =
        serde_json::from_slice(&std::fs::read(dir.join("index.json")).unwrap()).unwrap();
    // (actual encoding, delimiter, line endings) → [cases, conforme right, frictionless right]
    let mut table: BTreeMap<(String, String, String), [usize; 3]> = BTreeMap::new();
    let mut wrong = Vec::new();
    for case in index["cases"].as_array().unwrap() {
        let (Some(quirks), Some(id)) = (case.get("quirks"), case["id"].as_str()) else {
            continue;
        };
        let data = dir.join(id).join("data.csv");
        if !data.is_file() {
            continue;
        }
        let expected: Value =
            serde_json::from_slice(&std::fs::read(dir.join(id).join("expected.json")).unwrap())
                .unwrap();
        let actual_encoding = encoding_class(quirks["encoding"].as_str().unwrap_or(""));
        let actual_delimiter = quirks["delimiter"].as_str().unwrap_or(",").to_owned();
        let endings = quirks["line_endings"].as_str().unwrap_or("").to_owned();
        let mixed = endings.starts_with("mixed");
        let report = Schema::from_path(dir.join(id).join("schema.json"))
            .map_err(|e| e.to_string())
            .and_then(|s| {
                Validator::new(&s)
                    .validate_path(&data)
                    .map_err(|e| e.to_string())
            });
        let report = match report {
            Ok(r) => r,
            Err(e) => {
                wrong.push(format!("{id}: {e}"));
                continue;
            }
        };
        let flagged_mixed = report
            .warnings
            .iter()
            .any(|w| w.code == ErrorCode::MixedLineEndings);
        let conforme_ok = encoding_class(&report.stats.encoding) == actual_encoding
            && report.stats.delimiter == actual_delimiter
            // No false alarm; a file whose mixed ends are all inside quoted cells has
            // consistent record ends and is rightly not flagged.
            && (mixed || !flagged_mixed)
            && Some(report.stats.rows) == quirks["data_rows"].as_u64();
        let detected = &expected["detected"];
        let fl_delimiter = detected["dialect"]["csv"]["delimiter"]
            .as_str()
            .unwrap_or(",");
        let fl_encoding = encoding_class(detected["encoding"].as_str().unwrap_or(""));
        let frictionless_ok = fl_encoding == actual_encoding && fl_delimiter == actual_delimiter;
        if !conforme_ok {
            wrong.push(format!(
                "{id}: actual {actual_encoding} `{actual_delimiter}` {endings} {} rows, conforme {} `{}` mixed={flagged_mixed} {} rows",
                quirks["data_rows"], report.stats.encoding, report.stats.delimiter, report.stats.rows
            ));
        }
        let key = (
            actual_encoding.to_owned(),
            actual_delimiter,
            if mixed { "mixed".to_owned() } else { endings },
        );
        let row = table.entry(key).or_default();
        row[0] += 1;
        row[1] += usize::from(conforme_ok);
        row[2] += usize::from(frictionless_ok);
    }
    println!("\ndetected vs actual on the public corpus (CSV cases)");
    println!(
        "| actual encoding | delimiter | line ends | cases | conforme right (encoding, delimiter, rows, no false mixed-ends warning) | frictionless 5 right (encoding, delimiter) |"
    );
    println!("|---|---|---|---|---|---|");
    for ((enc, delim, ends), [n, c, f]) in &table {
        let delim = if delim == "\t" { "tab" } else { delim };
        println!("| {enc} | `{delim}` | {ends} | {n} | {c} | {f} |");
    }
    for w in &wrong {
        println!("wrong: {w}");
    }
    assert!(wrong.is_empty(), "conforme misread {} case(s)", wrong.len());
}
