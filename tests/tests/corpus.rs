//! Conformance over the public corpus in `../shared/corpus` (real schemas and files from
//! schema.data.gouv.fr with the verdicts of frictionless 5), read in place.
//!
//! Prints a table (cases, verdicts agreeing, error types agreeing) and fails if agreement
//! falls below the baseline committed in `tests/corpus-baseline.json`. Cases this version
//! cannot handle yet are listed below with the reason; they are counted apart, never
//! silently dropped. Skipped with a message when `../shared` is absent.

use conforme::{Schema, Validator};
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
    let (mut cases, mut verdicts, mut types) = (0, 0, 0);
    let mut differing = Vec::new();
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
        cases += 1;
        let outcome = Schema::from_path(case.join("schema.json"))
            .map_err(|e| e.to_string())
            .and_then(|s| {
                Validator::new(&s)
                    .validate_path(case.join("data.csv"))
                    .map_err(|e| e.to_string())
            });
        match outcome {
            Ok(report) => {
                let verdict_ok = Value::Bool(report.valid) == expected["valid"];
                let types_ok = report.stats.error_types == error_types(&expected["error_types"]);
                verdicts += usize::from(verdict_ok);
                types += usize::from(verdict_ok && types_ok);
                if !(verdict_ok && types_ok) {
                    differing.push(format!(
                        "{name}: expected {} {:?}, got {} {:?}",
                        expected["valid"],
                        error_types(&expected["error_types"]),
                        report.valid,
                        report.stats.error_types
                    ));
                }
            }
            Err(e) => differing.push(format!("{name}: error {e}")),
        }
    }
    println!("\ncorpus conformance (primary oracle: frictionless 5)");
    println!("| cases | verdicts agreeing | error types agreeing | expected to differ |");
    println!("|---|---|---|---|");
    println!("| {cases} | {verdicts} | {types} | {} |", skipped.len());
    for d in &differing {
        println!("differs: {d}");
    }
    for (name, why) in &skipped {
        println!("expected to differ: {name}: {why}");
    }
    let baseline: Value = serde_json::from_slice(
        &std::fs::read(workspace_root().join("tests/corpus-baseline.json")).unwrap(),
    )
    .unwrap();
    let min = |k: &str| baseline[k].as_u64().unwrap_or(0) as usize;
    assert!(
        verdicts >= min("verdicts"),
        "verdict agreement fell to {verdicts} (baseline {})",
        min("verdicts")
    );
    assert!(
        types >= min("error_types"),
        "error-type agreement fell to {types} (baseline {})",
        min("error_types")
    );
}
