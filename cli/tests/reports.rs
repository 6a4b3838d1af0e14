//! Every output format of `conforme validate`, in both languages, on a fixture with every
//! error kind (snapshots), the JSON report against its JSON Schema, `--mask-cells` and
//! `--max-errors`.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const FORMATS: &[&str] = &[
    "text",
    "json",
    "frictionless",
    "jsonl",
    "github",
    "junit",
    "markdown",
    "html",
];
const DATA: &str = "fixtures/reports/every-kind/data.csv";
const SCHEMA: &str = "fixtures/reports/every-kind/schema.json";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .to_path_buf()
}

fn conforme(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_conforme"))
        .args(args)
        .current_dir(root())
        .env("LANG", "fr_FR.UTF-8")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .output()
        .expect("conforme runs")
}

fn validate(extra: &[&str]) -> String {
    // Positional matching (frictionless): the fixture exercises every header error kind.
    let mut args = vec![
        "validate",
        DATA,
        "--schema",
        SCHEMA,
        "--threads",
        "1",
        "--profile",
        "strict",
    ];
    args.extend_from_slice(extra);
    let out = conforme(&args);
    assert_eq!(
        out.status.code(),
        Some(1),
        "the fixture is invalid: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 output")
}

#[test]
fn every_format_in_both_languages() {
    for lang in ["fr", "en"] {
        for format in FORMATS {
            let out = validate(&["--format", format, "--lang", lang]);
            insta::assert_snapshot!(format!("every-kind.{lang}.{format}"), out);
        }
    }
}

fn report_schema() -> jsonschema::Validator {
    let text = std::fs::read_to_string(root().join("schemas/report.schema.json")).unwrap();
    let schema: serde_json::Value = serde_json::from_str(&text).unwrap();
    jsonschema::validator_for(&schema).expect("a valid JSON Schema")
}

fn assert_conforms(validator: &jsonschema::Validator, json: &str, what: &str) {
    let value: serde_json::Value = serde_json::from_str(json).expect("JSON output");
    let problems: Vec<String> = validator
        .iter_errors(&value)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(problems.is_empty(), "{what}: {problems:#?}");
}

#[test]
fn every_json_report_follows_its_schema() {
    let validator = report_schema();
    let mut cases = vec![(DATA.to_owned(), SCHEMA.to_owned())];
    for entry in std::fs::read_dir(root().join("fixtures/tableschema")).unwrap() {
        let dir = entry.unwrap().path();
        let name = dir.file_name().unwrap().to_string_lossy().into_owned();
        cases.push((
            format!("fixtures/tableschema/{name}/data.csv"),
            format!("fixtures/tableschema/{name}/schema.json"),
        ));
    }
    assert!(cases.len() > 10);
    for (data, schema) in &cases {
        for extra in [&[][..], &["--mask-cells"], &["--max-errors", "2"]] {
            let mut args = vec!["validate", data, "--schema", schema, "--format", "json"];
            args.extend_from_slice(extra);
            let out = conforme(&args);
            assert!(matches!(out.status.code(), Some(0 | 1)), "{data}");
            assert_conforms(
                &validator,
                &String::from_utf8_lossy(&out.stdout),
                &format!("{data} {extra:?}"),
            );
        }
    }
    // Reports that keep rows (as for HTML), through the library.
    let schema = conforme::Schema::from_path(root().join(SCHEMA)).unwrap();
    let options = conforme::ValidationOptions::default().keep_rows(50);
    let report = conforme::Validator::with_options(&schema, options)
        .validate_path(root().join(DATA))
        .unwrap();
    assert!(!report.rows.is_empty());
    assert_conforms(
        &validator,
        &serde_json::to_string(&report).unwrap(),
        "with rows",
    );
}

#[test]
fn every_jsonl_line_is_json_and_the_last_one_sums_up() {
    let out = validate(&["--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON value per line"))
        .collect();
    let last = lines.last().unwrap();
    assert_eq!(last["severity"], "summary");
    let errors = lines.iter().filter(|l| l["severity"] == "error").count() as u64;
    assert_eq!(last["stats"]["error_count"], errors);
}

#[test]
fn masked_cells_appear_in_no_format() {
    for format in FORMATS {
        let out = validate(&["--format", format, "--mask-cells"]);
        for secret in [
            "Jean",
            "7501",
            "15/10/2017",
            "1 234,5",
            "peut-être",
            "48.85",
        ] {
            assert!(
                !out.contains(secret),
                "{format} shows {secret:?} despite --mask-cells"
            );
        }
        assert!(
            out.contains("•••") || *format == "frictionless" && out.contains("•••"),
            "{format}"
        );
    }
}

#[test]
fn a_cut_list_says_so_and_how_many_at_least() {
    let fr = validate(&["--max-errors", "3"]);
    assert!(fr.contains("au moins 3 erreurs"), "{fr}");
    assert!(fr.contains("Liste coupée"), "{fr}");
    let en = validate(&["--max-errors", "3", "--lang", "en"]);
    assert!(en.contains("at least 3 errors"), "{en}");
    assert!(en.contains("List cut"), "{en}");
    for format in ["markdown", "html", "github", "junit"] {
        let out = validate(&["--max-errors", "3", "--format", format]);
        assert!(out.contains("Liste coupée"), "{format}: {out}");
    }
    let fl = validate(&["--max-errors", "3", "--format", "frictionless"]);
    assert!(fl.contains("reached error limit: 3"), "{fl}");
}

#[test]
fn the_html_page_highlights_the_cells_of_the_first_rows() {
    let html = validate(&["--format", "html"]);
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("<svg"));
    assert!(html.contains("<td class=\"bad\""));
    assert!(!html.contains("<script"), "no script on the page");
    assert!(
        !html.contains("http://") || html.matches("http://").count() == 1,
        "only the SVG namespace"
    );
}
