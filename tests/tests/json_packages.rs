//! Hand-written JSON, GeoJSON, Data Package and schema-lint fixtures
//! (`fixtures/json`, `fixtures/datapackage`, `fixtures/lint`), plus a lint census of every
//! schema in the public corpus when `../shared/corpus` is present.

use conforme::Param;
use conforme::json::{JsonSchema, JsonSchemaOptions, JsonValidator, LocalDirectories};
use conforme::package::validate_package;
use conforme::{Report, ValidationOptions};
use conforme_tests::workspace_root;
use serde_json::{Value, json};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

fn cases(kind: &str) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(workspace_root().join("fixtures").join(kind))
        .expect("fixture directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| !p.file_name().unwrap().to_string_lossy().starts_with('_'))
        .collect();
    out.sort();
    out
}

fn read(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap()
}

fn json_errors(r: &Report) -> Vec<Value> {
    let mut out: Vec<Value> = r
        .errors
        .iter()
        .map(|e| json!([e.params[Param::Pointer], e.params[Param::Keyword], e.line]))
        .collect();
    out.sort_by_key(|v| v.to_string());
    out
}

#[test]
fn json_fixtures() {
    let refs = workspace_root().join("fixtures/json/_refs");
    let options = JsonSchemaOptions::default().retriever(LocalDirectories::new(vec![refs]));
    let list = cases("json");
    assert!(list.len() >= 5);
    for case in list {
        let expected = read(&case.join("expected.json"));
        let data = ["data.json", "data.geojson"]
            .iter()
            .map(|n| case.join(n))
            .find(|p| p.is_file())
            .unwrap();
        let schema = JsonSchema::from_path(case.join("schema.json"), &options).unwrap();
        let whole = JsonValidator::new(&schema, ValidationOptions::default())
            .validate_path(&data)
            .unwrap();
        // Split item by item in tiny parallel batches: the same errors, the same positions.
        let split = JsonValidator::new(&schema, ValidationOptions::default().threads(Some(3)))
            .batching(2, 0)
            .validate_path(&data)
            .unwrap();
        let mut want: Vec<Value> = expected["errors"].as_array().unwrap().clone();
        want.sort_by_key(|v| v.to_string());
        let name = case.display();
        assert_eq!(Value::Bool(whole.valid), expected["valid"], "{name}");
        assert_eq!(json_errors(&whole), want, "{name}");
        assert_eq!(json_errors(&split), want, "{name} (split)");
        assert!(whole.errors.iter().all(|e| !e.message.is_empty()));
    }
}

#[test]
fn package_fixtures() {
    for case in cases("datapackage") {
        let expected = read(&case.join("expected.json"));
        let report = validate_package(
            case.join("datapackage.json"),
            &conforme::ValidationOptions::default(),
        )
        .unwrap();
        let name = case.display();
        assert_eq!(Value::Bool(report.valid), expected["valid"], "{name}");
        let got: BTreeMap<String, Value> = report
            .resources
            .iter()
            .map(|r| {
                let errors = r
                    .report
                    .errors
                    .iter()
                    .map(|e| json!([e.row, e.code.as_str()]))
                    .collect();
                (r.name.clone(), Value::Array(errors))
            })
            .collect();
        let want: BTreeMap<String, Value> = expected["resources"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        assert_eq!(got, want, "{name}");
    }
}

#[test]
fn broken_foreign_keys_name_the_value() {
    let case = workspace_root().join("fixtures/datapackage/fk-broken/datapackage.json");
    let options = conforme::ValidationOptions::default().lang(conforme::Lang::En);
    let report = validate_package(case, &options).unwrap();
    let errors = &report.resources[0].report.errors;
    assert_eq!(errors[0].cell.as_deref(), Some("13055"));
    assert!(
        errors[0].message.contains("`13055`") && errors[0].message.contains("\"communes\""),
        "{}",
        errors[0].message
    );
    // The same-table key is checked by the table validator itself.
    assert_eq!(
        (errors[1].row, errors[1].code.as_str()),
        (Some(4), "foreign-key")
    );
    // Both kinds say which columns, which values and which referenced columns, under the
    // same names, and neither has a column number (the key may span several).
    for e in &errors[..2] {
        for param in [
            Param::Fields,
            Param::Values,
            Param::Reference,
            Param::Resource,
        ] {
            assert!(
                e.params.contains_key(param),
                "{param} missing: {:?}",
                e.params
            );
        }
        assert_eq!(e.field_number, None);
    }
    assert_eq!(
        errors[0].params[Param::Values],
        serde_json::json!(["13055"])
    );
}

fn findings(schema: &Value) -> Vec<Value> {
    let mut out: Vec<Value> = conforme::lint::lint_schema(schema, &JsonSchemaOptions::default())
        .into_iter()
        .map(|f| json!([f.rule, f.pointer]))
        .collect();
    out.sort_by_key(|v| v.to_string());
    out
}

#[test]
fn lint_fixtures() {
    let list = cases("lint");
    assert!(list.len() >= 12);
    for case in list {
        let fixture = read(&case);
        let mut want = fixture["expected"].as_array().unwrap().clone();
        want.sort_by_key(|v| v.to_string());
        assert_eq!(findings(&fixture["schema"]), want, "{}", case.display());
    }
}

/// Every schema of the public corpus, linted: prints how many findings of each rule.
#[test]
fn lint_census_of_the_corpus() {
    let dir = workspace_root().join("../shared/corpus");
    if !dir.is_dir() {
        eprintln!("lint census skipped: ../shared/corpus is not present");
        return;
    }
    let mut schemas = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        if d.file_name().is_some_and(|n| n == "_refs") {
            continue;
        }
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                stack.push(p);
            } else if file.starts_with("schema") && file.ends_with(".json") {
                schemas.push(p);
            }
        }
    }
    schemas.sort();
    // Mutated cases share their base case's schema: count each distinct schema once.
    let mut distinct = BTreeMap::new();
    for p in &schemas {
        distinct
            .entry(std::fs::read(p).unwrap())
            .or_insert(p.clone());
    }
    let refs = dir.join("_refs");
    let options = JsonSchemaOptions::default().retriever(LocalDirectories::new(vec![refs]));
    let mut by_rule: BTreeMap<&str, usize> = BTreeMap::new();
    let mut schemas_with_errors = 0;
    for (bytes, path) in &distinct {
        let value: Value =
            serde_json::from_slice(bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let found = conforme::lint::lint_schema(&value, &options);
        if found
            .iter()
            .any(|f| f.severity == conforme::Severity::Error)
        {
            schemas_with_errors += 1;
        }
        for f in found {
            println!(
                "lint {}: {} {} ({})",
                path.strip_prefix(&dir).unwrap().display(),
                f.rule,
                f.pointer,
                f.detail
            );
            *by_rule.entry(f.rule).or_default() += 1;
        }
    }
    println!(
        "\nlint census: {} schema files, {} distinct, {} with at least one error-level finding",
        schemas.len(),
        distinct.len(),
        schemas_with_errors
    );
    for (rule, n) in &by_rule {
        println!("| {rule} | {n} |");
    }
    assert!(!distinct.is_empty());
}

/// Every Table Schema and Data Package descriptor of the public corpus against the
/// project's profiles: none may have an error-level violation (they all load), and the
/// warning-level ones are printed with a count.
#[test]
fn profile_census_of_the_corpus() {
    use conforme::profile::{Profile, check};
    let dir = workspace_root().join("../shared/corpus");
    if !dir.is_dir() {
        eprintln!("profile census skipped: ../shared/corpus is not present");
        return;
    }
    let mut files = Vec::new();
    let mut stack = vec![dir.clone()];
    while let Some(d) = stack.pop() {
        if d.file_name().is_some_and(|n| n == "_refs") {
            continue;
        }
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            if p.is_dir() {
                stack.push(p);
            } else if file.ends_with(".json") && file != "expected.json" && file != "index.json" {
                files.push(p);
            }
        }
    }
    files.sort();
    let mut distinct = BTreeMap::new();
    for p in &files {
        distinct
            .entry(std::fs::read(p).unwrap())
            .or_insert(p.clone());
    }
    let (mut tables, mut packages, mut warned) = (0, 0, 0);
    let mut failures = Vec::new();
    for (bytes, path) in &distinct {
        let Ok(value) = serde_json::from_slice::<Value>(bytes) else {
            continue;
        };
        let profile = if value.get("fields").is_some_and(Value::is_array) {
            tables += 1;
            Profile::TableSchema
        } else if conforme::package::is_package(&value) && !conforme::json::is_json_schema(&value) {
            packages += 1;
            Profile::DataPackage
        } else {
            continue;
        };
        let found = check(profile, &value);
        if !found.is_empty() {
            warned += 1;
        }
        for v in found {
            let name = path.strip_prefix(&dir).unwrap().display().to_string();
            println!("profile {name}: {v} (lenient: {})", v.lenient);
            if !v.lenient {
                failures.push(format!("{name}: {v}"));
            }
        }
        if profile == Profile::TableSchema {
            conforme::Schema::from_value(&value)
                .unwrap_or_else(|e| panic!("{} no longer loads: {e}", path.display()));
        }
    }
    println!(
        "\nprofile census: {tables} distinct Table Schemas, {packages} Data Packages, {warned} with warnings, {} errors",
        failures.len()
    );
    assert!(
        tables >= 30 && packages >= 4,
        "{tables} schemas, {packages} packages"
    );
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Structural errors of a package descriptor: each fails its own resource, with a pointer
/// into the package and what was expected; errors outside the resources fail the package.
#[test]
fn descriptor_errors_point_into_the_package() {
    let case = workspace_root().join("fixtures/datapackage/descriptor-errors/datapackage.json");
    let options = conforme::ValidationOptions::default().lang(conforme::Lang::En);
    let report = validate_package(case, &options).unwrap();
    let message = |i: usize| report.resources[i].report.errors[0].message.clone();
    let m = message(0);
    assert!(
        m.contains("/resources/0/path") && m.contains("\"..\""),
        "{m}"
    );
    let m = message(1);
    assert!(
        m.contains("/resources/1/schema/fields/0/type")
            && m.contains("\"entier\"")
            && m.contains("yearmonth"),
        "{m}"
    );
    let m = message(2);
    assert!(
        m.contains("/resources/2/dialect/header") && m.contains("expected true or false"),
        "{m}"
    );
    let m = message(3);
    assert!(
        m.contains("/resources/3/conforme/headerProfile") && m.contains("strict"),
        "{m}"
    );
    assert!(report.resources[4].report.valid);

    let dir = std::env::temp_dir().join(format!("conforme-profile-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let broken = dir.join("datapackage.json");
    std::fs::write(&broken, br#"{"name": 3, "resources": []}"#).unwrap();
    let err = validate_package(&broken, &options).unwrap_err().to_string();
    assert!(
        err.contains("/name: expected a string, found the number 3")
            && err.contains("/resources: expected at least 1 item(s)"),
        "{err}"
    );
}

/// A Table Schema that breaks the specification's structure does not load: every
/// violation is listed with its pointer and what was expected.
#[test]
fn broken_table_schema_lists_every_violation() {
    let err = conforme::Schema::from_value(&json!({
        "fields": [
            {"name": "a", "type": "entier"},
            {"type": "string"},
            {"name": "c", "constraints": {"enum": "x", "minLength": "3"}}
        ],
        "primaryKey": {"a": true}
    }))
    .unwrap_err()
    .to_string();
    for expected in [
        "/fields/0/type: the string \"entier\" is not allowed here",
        "/fields/1: the required key \"name\" is missing",
        "/fields/2/constraints/enum: expected an array, found the string \"x\"",
        "/fields/2/constraints/minLength: expected a whole number, found the string \"3\"",
        "/primaryKey: expected a string or an array, found an object",
    ] {
        assert!(err.contains(expected), "{expected:?} not in {err}");
    }
    // Extension keys and the deviations frictionless reads are not errors.
    conforme::Schema::from_value(&json!({
        "fields": [{"name": "a", "constraints": {"required": "true"}, "x-note": 1}],
        "publisher": {"name": "x"},
        "version": 2
    }))
    .unwrap();
}

/// Foreign keys read tables as validation reads them: the referencing table's empty line
/// is a row (a blank row), so the rows after it keep their numbers in foreign-key errors
/// (they were one less when keys were read apart, by a reader that skipped empty lines),
/// and the referenced table's `;` delimiter is detected as validation detects it.
#[test]
fn foreign_keys_read_tables_as_validation_does() {
    let dir = std::env::temp_dir().join(format!("conforme-fk-rows-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("communes.csv"),
        "code;nom\n75056;Paris\n\n13055;Marseille\n",
    )
    .unwrap();
    std::fs::write(
        dir.join("sites.csv"),
        "id,commune\n1,75056\n\n2,69123\n3,13055\n",
    )
    .unwrap();
    let package = json!({"resources": [
        {"name": "sites", "path": "sites.csv", "schema": {
            "fields": [{"name": "id", "type": "integer"}, {"name": "commune"}],
            "foreignKeys": [{"fields": "commune", "reference": {"resource": "communes", "fields": "code"}}]}},
        {"name": "communes", "path": "communes.csv", "schema": {
            "fields": [{"name": "code"}, {"name": "nom"}]}}
    ]});
    std::fs::write(dir.join("datapackage.json"), package.to_string()).unwrap();
    let report = validate_package(dir.join("datapackage.json"), &ValidationOptions::default());
    std::fs::remove_dir_all(&dir).unwrap();
    let report = report.unwrap();
    let found = |i: usize| -> Vec<(Option<u64>, Option<u64>, String)> {
        report.resources[i]
            .report
            .errors
            .iter()
            .map(|e| (e.row, e.line, e.code.as_str().to_owned()))
            .collect()
    };
    // Row 3 is the empty line; 69123 (row 4) is not a commune; 13055 is one.
    assert_eq!(
        found(0),
        [
            (Some(3), Some(3), "blank-row".to_owned()),
            (Some(4), Some(4), "foreign-key".to_owned())
        ]
    );
    assert_eq!(found(1), [(Some(3), Some(3), "blank-row".to_owned())]);
}

/// A resource's `reference-list-value` check reads its list inside the package, as resources
/// are read; a list outside the package is refused and the report says so.
#[test]
fn package_reference_lists_are_files_of_the_package() {
    let dir = std::env::temp_dir().join(format!("conforme-package-list-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("listes")).unwrap();
    std::fs::write(dir.join("listes/sites.csv"), "code\nS1\nS2\n").unwrap();
    std::fs::write(dir.join("data.csv"), "site\nS1\nS9\n").unwrap();
    let descriptor = |list: &str| {
        json!({"resources": [{"name": "data", "path": "data.csv", "schema": {
            "fields": [{"name": "site", "type": "string",
                "customCheck": {"name": "reference-list-value", "list": list}}]}}]})
    };
    let options = ValidationOptions::default().lang(conforme::Lang::En);
    let package = dir.join("datapackage.json");

    std::fs::write(&package, descriptor("listes/sites.csv").to_string()).unwrap();
    let report = validate_package(&package, &options).unwrap();
    let errors = &report.resources[0].report.errors;
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].cell.as_deref(), Some("S9"));

    std::fs::write(&package, descriptor("../sites.csv").to_string()).unwrap();
    let report = validate_package(&package, &options).unwrap();
    let errors = &report.resources[0].report.errors;
    assert_eq!(errors[0].code.as_str(), "check-error", "{errors:?}");
    assert!(
        errors[0].message.contains("leaves the package directory"),
        "{}",
        errors[0].message
    );
}
