//! Conformance over the public corpus in `../shared/corpus` (real schemas and files from
//! schema.data.gouv.fr with the verdicts of frictionless 5 and of Validata), read in place.
//!
//! Two tables: `--profile strict` with the custom checks skipped (frictionless ignores
//! them) against frictionless 5 (the primary oracle), and the
//! default `schema.data.gouv.fr` profile (with the custom checks) against Validata
//! (validata-core 0.9.7, `others` in expected.json). Verdicts, error type counts and, for
//! tables, the error lists as (type, row, field) triples are compared. Each fails if agreement falls below
//! the baseline committed in `tests/corpus-baseline.json`. Cases this version cannot
//! handle yet, or where the oracle itself failed, are listed with the reason; they are
//! counted apart, never silently dropped. Skipped with a message when `../shared` is
//! absent.

use conforme::Param;
use conforme::json::{JsonSchema, JsonSchemaOptions, JsonValidator, LocalDirectories};
use conforme::package::validate_package;
use conforme::{HeaderProfile, Report, Schema, ValidationOptions, Validator};
use conforme_tests::workspace_root;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Cases expected to differ from the primary oracle, with the reason (by name fragment).
const EXPECTED_TO_DIFFER: &[(&str, &str)] = &[];

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CONFORME_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

fn expected_to_differ(name: &str) -> Option<&'static str> {
    EXPECTED_TO_DIFFER
        .iter()
        .find(|(frag, _)| name.contains(frag))
        .map(|(_, why)| *why)
}

/// Why the Validata oracle's verdict cannot be compared, if it cannot.
fn validata_unusable(oracle: &Value) -> Option<&'static str> {
    if oracle["valid"].is_null() {
        return Some("validata-core crashed on this file (no verdict)");
    }
    let types = error_types(&oracle["error_types"]);
    if types.contains_key("schema-error") {
        return Some(
            "frictionless 4 (under validata-core 0.9.7) rejects this published schema; conforme and frictionless 5 accept it",
        );
    }
    if types.contains_key("encoding-error") {
        return Some(
            "validata-core 0.9.7 cannot read this non-UTF-8 file; conforme decodes it (windows-1252) and validates it",
        );
    }
    None
}

/// validata-core 0.9.7 spells some types differently.
fn validata_type(name: &str) -> &str {
    match name {
        "missing-required-header" => "missing-label",
        "primary-key-error" => "primary-key",
        other => other,
    }
}

/// Validates a JSON case offline (the `_refs` copies stand for the GeoJSON URLs). Error
/// types are counted by JSON Schema keyword, as the oracle reports them.
fn json_outcome(
    corpus: &std::path::Path,
    case: &std::path::Path,
    formats: bool,
) -> Result<Report, String> {
    let options = JsonSchemaOptions::default()
        .retriever(LocalDirectories::new(vec![corpus.join("_refs")]))
        .assert_formats(formats);
    let schema =
        JsonSchema::from_path(case.join("schema.json"), &options).map_err(|e| e.to_string())?;
    let mut report = JsonValidator::new(&schema, ValidationOptions::default())
        .validate_path(case.join("data.json"))
        .map_err(|e| e.to_string())?;
    report.stats.error_types.clear();
    for e in &report.errors {
        let keyword = e.param_str(Param::Keyword).unwrap_or("?").to_owned();
        *report.stats.error_types.entry(keyword).or_default() += 1;
    }
    Ok(report)
}

/// Validates a package case; its verdict and error types are the union of its resources'.
fn package_outcome(case: &std::path::Path) -> Result<Report, String> {
    let package = validate_package(
        case.join("datapackage.json"),
        &conforme::ValidationOptions::default(),
    )
    .map_err(|e| e.to_string())?;
    let mut report = Report {
        valid: package.valid,
        stats: Default::default(),
        errors: Vec::new(),
        warnings: Vec::new(),
        ..Report::default()
    };
    for r in package.resources {
        for (k, n) in r.report.stats.error_types {
            *report.stats.error_types.entry(k).or_default() += n;
        }
        report.errors.extend(r.report.errors);
    }
    Ok(report)
}

fn error_types(v: &Value) -> BTreeMap<String, u64> {
    v.as_object()
        .map(|o| {
            o.iter()
                .map(|(k, n)| (k.clone(), n.as_u64().unwrap_or(0)))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn corpus_conformance() {
    let Some(dir) = corpus_dir() else {
        eprintln!(
            "corpus conformance skipped: ../shared/corpus is not present (set CONFORME_CORPUS to run it)"
        );
        return;
    };
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .expect("corpus directory is readable")
        .filter_map(|e| e.ok())
        .filter(|e| e.path().join("expected.json").is_file())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    let mut strict = Table::default();
    let mut validata = Table::default();
    let mut documents = Table::default();
    let mut json_formats = Table::default();
    let mut skipped = Vec::new();
    for name in &names {
        let case = dir.join(name);
        if let Some(why) = expected_to_differ(name) {
            skipped.push((name.clone(), why));
            continue;
        }
        let expected: Value =
            serde_json::from_slice(&std::fs::read(case.join("expected.json")).unwrap()).unwrap();
        if case.join("datapackage.json").is_file() {
            documents.compare(
                name,
                package_outcome(&case),
                &expected["valid"],
                error_types(&expected["error_types"]),
                None,
            );
            continue;
        }
        if case.join("data.json").is_file() {
            // The primary JSON oracle does not assert `format`: compare with formats off,
            // then with formats on against the format-asserting oracle (in `others`).
            documents.compare(
                name,
                json_outcome(&dir, &case, false),
                &expected["valid"],
                error_types(&expected["error_types"]),
                None,
            );
            let asserted = expected["others"].as_array().and_then(|o| {
                o.iter().find(|o| {
                    o["oracle"]
                        .as_str()
                        .is_some_and(|n| n.contains("formats asserted"))
                })
            });
            if let Some(other) = asserted {
                json_formats.compare(
                    name,
                    json_outcome(&dir, &case, true),
                    &other["valid"],
                    error_types(&other["error_types"]),
                    None,
                );
            }
            continue;
        }
        let run = |options: ValidationOptions| {
            Schema::from_path(case.join("schema.json"))
                .map_err(|e| e.to_string())
                .and_then(|s| {
                    Validator::with_options(&s, options)
                        .validate_path(case.join("data.csv"))
                        .map_err(|e| e.to_string())
                })
        };
        strict.compare(
            name,
            // frictionless ignores Validata's custom checks.
            run(ValidationOptions::default()
                .profile(HeaderProfile::Strict)
                .skip_checks(conforme::KNOWN_CHECKS.iter().copied())),
            &expected["valid"],
            error_types(&expected["error_types"]),
            Some(&expected),
        );
        let oracle = expected["others"]
            .as_array()
            .and_then(|o| {
                o.iter().find(|o| {
                    o["oracle"]
                        .as_str()
                        .is_some_and(|n| n.starts_with("validata"))
                })
            })
            .cloned()
            .unwrap_or(Value::Null);
        if oracle.is_null() {
            validata
                .unusable
                .push((name.clone(), "no Validata verdict in expected.json"));
        } else if let Some(why) = validata_unusable(&oracle) {
            validata.unusable.push((name.clone(), why));
        } else {
            let types = error_types(&oracle["error_types"])
                .into_iter()
                .map(|(k, n)| (validata_type(&k).to_owned(), n))
                .collect();
            validata.compare(
                name,
                run(ValidationOptions::default()),
                &oracle["valid"],
                types,
                Some(&oracle),
            );
        }
    }
    strict.print("--profile strict, custom checks skipped, vs frictionless 5 (primary oracle)");
    validata.print("default profile schema.data.gouv.fr vs Validata (validata-core 0.9.7)");
    documents.print(
        "JSON documents (formats not asserted, vs python-jsonschema) and Data Packages (vs frictionless 5)",
    );
    json_formats.print("JSON documents, formats asserted, vs python-jsonschema asserting formats");
    for (name, why) in &skipped {
        println!("expected to differ: {name}: {why}");
    }
    let baseline: Value = serde_json::from_slice(
        &std::fs::read(workspace_root().join("tests/corpus-baseline.json")).unwrap(),
    )
    .unwrap();
    let min = |k: &str| baseline[k].as_u64().unwrap_or(0) as usize;
    for (table, prefix) in [
        (&strict, ""),
        (&validata, "validata_"),
        (&documents, "documents_"),
        (&json_formats, "json_formats_"),
    ] {
        for (got, key) in [
            (table.verdicts, format!("{prefix}verdicts")),
            (table.types, format!("{prefix}error_types")),
            (table.triples.unwrap_or(0), format!("{prefix}error_triples")),
        ] {
            assert!(
                got >= min(&key),
                "{key}: agreement fell to {got} (baseline {})",
                min(&key)
            );
        }
    }
}

/// Agreement with one oracle.
#[derive(Default)]
struct Table {
    cases: usize,
    verdicts: usize,
    types: usize,
    /// Cases whose error list agrees as (row, field, type) triples; `None`: not compared.
    triples: Option<usize>,
    differing: Vec<String>,
    unusable: Vec<(String, &'static str)>,
}

/// One error as the oracles list it: (type, row, field). Header errors have no row there;
/// the field is left out for the types the oracle gives none for (row-level errors,
/// Validata's `missing-required-header`) and for extra labels and cells (no field).
type Triple = (String, Option<u64>, Option<String>);

fn is_header_type(code: &str) -> bool {
    matches!(
        code,
        "missing-label"
            | "extra-label"
            | "incorrect-label"
            | "blank-label"
            | "duplicate-label"
            | "unmatched-header"
    )
}

/// The oracle's error list as triples, the types it gives no field for, and whether the
/// list is complete (the expected files keep the first 200, Validata's the first 50).
fn oracle_triples(oracle: &Value) -> (Vec<Triple>, Vec<String>, bool) {
    let errors = oracle["errors"].as_array().cloned().unwrap_or_default();
    let mut no_field = vec!["extra-label".to_owned(), "extra-cell".to_owned()];
    let mut triples = Vec::new();
    for e in &errors {
        let code = validata_type(e["type"].as_str().unwrap_or("?")).to_owned();
        if e["field"].is_null() && !no_field.contains(&code) {
            no_field.push(code.clone());
        }
        let row = if is_header_type(&code) {
            None
        } else {
            e["row"].as_u64()
        };
        let field = e["field"].as_str().map(str::to_owned);
        triples.push((code, row, field));
    }
    let complete = !oracle["errors_truncated"].as_bool().unwrap_or(false)
        && oracle["error_count"].as_u64() == Some(errors.len() as u64);
    for t in &mut triples {
        if no_field.contains(&t.0) {
            t.2 = None;
        }
    }
    (triples, no_field, complete)
}

fn report_triples(report: &Report, no_field: &[String]) -> Vec<Triple> {
    report
        .errors
        .iter()
        .map(|e| {
            let code = e.code.as_str().to_owned();
            let row = if is_header_type(&code) { None } else { e.row };
            let field = if no_field.contains(&code) {
                None
            } else {
                e.field_name.clone()
            };
            (code, row, field)
        })
        .collect()
}

/// Whether conforme's errors agree with the oracle's as triples (as multisets; when the
/// oracle's list is cut, every listed triple must be found and the counts must agree).
fn triples_agree(report: &Report, oracle: &Value) -> Result<(), String> {
    let (mut expected, no_field, complete) = oracle_triples(oracle);
    let mut got = report_triples(report, &no_field);
    expected.sort();
    got.sort();
    if complete {
        if got == expected {
            return Ok(());
        }
    } else {
        let mut rest = got.clone();
        let all_found = expected.iter().all(|t| {
            rest.iter()
                .position(|g| g == t)
                .map(|i| rest.remove(i))
                .is_some()
        });
        if all_found && oracle["error_count"].as_u64() == Some(report.stats.error_count) {
            return Ok(());
        }
    }
    let missing: Vec<_> = expected
        .iter()
        .filter(|t| !got.contains(t))
        .take(3)
        .collect();
    let extra: Vec<_> = got
        .iter()
        .filter(|t| !expected.contains(t))
        .take(3)
        .collect();
    Err(format!(
        "triples: oracle only {missing:?}, conforme only {extra:?}"
    ))
}

impl Table {
    fn compare(
        &mut self,
        name: &str,
        outcome: Result<conforme::Report, String>,
        valid: &Value,
        types: BTreeMap<String, u64>,
        oracle: Option<&Value>,
    ) {
        self.cases += 1;
        match outcome {
            Ok(report) => {
                let verdict_ok = Value::Bool(report.valid) == *valid;
                let types_ok = report.stats.error_types == types;
                self.verdicts += usize::from(verdict_ok);
                self.types += usize::from(verdict_ok && types_ok);
                let triples = oracle.map(|o| triples_agree(&report, o));
                if let Some(t) = &triples {
                    *self.triples.get_or_insert(0) += usize::from(verdict_ok && t.is_ok());
                }
                if !(verdict_ok && types_ok) {
                    self.differing.push(format!(
                        "{name}: expected {valid} {types:?}, got {} {:?}",
                        report.valid, report.stats.error_types
                    ));
                } else if let Some(Err(why)) = triples {
                    self.differing.push(format!("{name}: {why}"));
                }
            }
            Err(e) => {
                if oracle.is_some() {
                    self.triples.get_or_insert(0);
                }
                self.differing.push(format!("{name}: error {e}"))
            }
        }
    }

    fn print(&self, title: &str) {
        println!("\ncorpus conformance: {title}");
        println!(
            "| cases | verdicts agreeing | error types agreeing | error triples agreeing | oracle unusable |"
        );
        println!("|---|---|---|---|---|");
        println!(
            "| {} | {} | {} | {} | {} |",
            self.cases,
            self.verdicts,
            self.types,
            self.triples.map_or("–".to_owned(), |t| t.to_string()),
            self.unusable.len()
        );
        for d in &self.differing {
            println!("differs: {d}");
        }
        for (name, why) in &self.unusable {
            println!("oracle unusable: {name}: {why}");
        }
    }
}
