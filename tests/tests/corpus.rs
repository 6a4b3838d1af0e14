//! Conformance over the public corpus in `../shared/corpus` (real schemas and files from
//! schema.data.gouv.fr with the verdicts of frictionless 5 and of Validata), read in place.
//!
//! Two tables: `--profile strict` with the custom checks skipped (frictionless ignores
//! them) against frictionless 5 (the primary oracle), and the
//! default `schema.data.gouv.fr` profile (with the custom checks) against Validata
//! (validata-core 0.9.7, `others` in expected.json). Each fails if agreement falls below
//! the baseline committed in `tests/corpus-baseline.json`. Cases this version cannot
//! handle yet, or where the oracle itself failed, are listed with the reason; they are
//! counted apart, never silently dropped. Skipped with a message when `../shared` is
//! absent.

use conforme::{HeaderProfile, Schema, ValidationOptions, Validator};
use conforme_tests::workspace_root;
use serde_json::Value;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Cases expected to differ from the primary oracle, with the reason (by name fragment).
const EXPECTED_TO_DIFFER: &[(&str, &str)] = &[(
    "__datapackage",
    "Data Packages are validated by `conforme validate datapackage.json` (JSON and packages issue)",
)];

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CONFORME_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

fn expected_to_differ(name: &str, has_csv: bool) -> Option<&'static str> {
    if !has_csv {
        if let Some((_, why)) = EXPECTED_TO_DIFFER
            .iter()
            .find(|(frag, _)| name.contains(frag))
        {
            return Some(why);
        }
        return Some("JSON documents against JSON Schema (JSON and packages issue)");
    }
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
    let mut skipped = Vec::new();
    for name in &names {
        let case = dir.join(name);
        let has_csv = case.join("data.csv").is_file();
        if let Some(why) = expected_to_differ(name, has_csv) {
            skipped.push((name.clone(), why));
            continue;
        }
        let expected: Value =
            serde_json::from_slice(&std::fs::read(case.join("expected.json")).unwrap()).unwrap();
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
            );
        }
    }
    strict.print("--profile strict, custom checks skipped, vs frictionless 5 (primary oracle)");
    validata.print("default profile schema.data.gouv.fr vs Validata (validata-core 0.9.7)");
    for (name, why) in &skipped {
        println!("expected to differ: {name}: {why}");
    }
    let baseline: Value = serde_json::from_slice(
        &std::fs::read(workspace_root().join("tests/corpus-baseline.json")).unwrap(),
    )
    .unwrap();
    let min = |k: &str| baseline[k].as_u64().unwrap_or(0) as usize;
    for (table, prefix) in [(&strict, ""), (&validata, "validata_")] {
        for (got, key) in [
            (table.verdicts, format!("{prefix}verdicts")),
            (table.types, format!("{prefix}error_types")),
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
    differing: Vec<String>,
    unusable: Vec<(String, &'static str)>,
}

impl Table {
    fn compare(
        &mut self,
        name: &str,
        outcome: Result<conforme::Report, String>,
        valid: &Value,
        types: BTreeMap<String, u64>,
    ) {
        self.cases += 1;
        match outcome {
            Ok(report) => {
                let verdict_ok = Value::Bool(report.valid) == *valid;
                let types_ok = report.stats.error_types == types;
                self.verdicts += usize::from(verdict_ok);
                self.types += usize::from(verdict_ok && types_ok);
                if !(verdict_ok && types_ok) {
                    self.differing.push(format!(
                        "{name}: expected {valid} {types:?}, got {} {:?}",
                        report.valid, report.stats.error_types
                    ));
                }
            }
            Err(e) => self.differing.push(format!("{name}: error {e}")),
        }
    }

    fn print(&self, title: &str) {
        println!("\ncorpus conformance: {title}");
        println!("| cases | verdicts agreeing | error types agreeing | oracle unusable |");
        println!("|---|---|---|---|");
        println!(
            "| {} | {} | {} | {} |",
            self.cases,
            self.verdicts,
            self.types,
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
