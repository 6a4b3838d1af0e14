//! The `conforme` command as users run it: exit status, JSON report, clear errors.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

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
        .output()
        .expect("conforme runs")
}

fn temp_file(name: &str, bytes: &[u8]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("conforme-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const SCHEMA: &str = "schemas/exemples/bornes-recharge.json";

#[test]
fn valid_file_exits_0() {
    let out = conforme(&[
        "validate",
        "fixtures/exemples/bornes-recharge-valide.csv",
        "--schema",
        SCHEMA,
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("Fichier valide"));
}

#[test]
fn invalid_file_exits_1_with_a_json_report() {
    let out = conforme(&[
        "validate",
        "fixtures/exemples/bornes-recharge.csv",
        "--schema",
        SCHEMA,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value =
        serde_json::from_slice(&out.stdout).expect("stdout is one JSON object");
    assert_eq!(report["valid"], false);
    let types: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap())
        .collect();
    assert!(
        types.contains(&"type-error")
            && types.contains(&"constraint-error")
            && types.contains(&"primary-key")
    );
    let first = &report["errors"][0];
    assert_eq!(first["row"], 3);
    assert_eq!(first["field_name"], "siret_amenageur");
    assert!(first["message"].as_str().unwrap().contains("motif"));
}

#[test]
fn english_messages_on_request() {
    let out = conforme(&[
        "validate",
        "fixtures/exemples/bornes-recharge.csv",
        "--schema",
        SCHEMA,
        "--lang",
        "en",
    ]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("Invalid file"));
}

#[test]
fn max_errors_cuts_the_list_and_says_so() {
    let out = conforme(&[
        "validate",
        "fixtures/exemples/bornes-recharge.csv",
        "--schema",
        SCHEMA,
        "--max-errors",
        "2",
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["errors"].as_array().unwrap().len(), 2);
    assert_eq!(report["stats"]["truncated"], true);
}

#[test]
fn stdin_is_read_with_a_dash() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_conforme"))
        .args(["validate", "-", "--schema", SCHEMA])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let data = std::fs::read(root().join("fixtures/exemples/bornes-recharge-valide.csv")).unwrap();
    child.stdin.take().unwrap().write_all(&data).unwrap();
    assert_eq!(child.wait_with_output().unwrap().status.code(), Some(0));
}

fn assert_usage_error(out: &Output, expected: &str) {
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(expected),
        "stderr {stderr:?} should mention {expected:?}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");
}

/// An empty file is bad data, not a bad command: a report with a `source-error`, status 1.
#[test]
fn an_empty_file_is_an_invalid_report() {
    let out = conforme(&[
        "validate",
        temp_file("empty.csv", b"").to_str().unwrap(),
        "--schema",
        SCHEMA,
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["valid"], false);
    assert_eq!(report["errors"][0]["type"], "source-error");
    assert!(
        report["errors"][0]["message"]
            .as_str()
            .unwrap()
            .contains("vide")
    );
}

#[test]
fn bad_inputs_are_clear_errors_with_status_2() {
    assert_usage_error(
        &conforme(&["validate", "nope.csv", "--schema", SCHEMA]),
        "nope.csv",
    );
    assert_usage_error(
        &conforme(&["validate", "fixtures", "--schema", SCHEMA]),
        "c'est un dossier, pas un fichier",
    );
    assert_usage_error(
        &conforme(&["validate", "fixtures", "--schema", SCHEMA, "--lang", "en"]),
        "directory",
    );
    assert_usage_error(
        &conforme(&[
            "validate",
            temp_file("x.pdf", b"%PDF-1.4 \x00\x01").to_str().unwrap(),
            "--schema",
            SCHEMA,
        ]),
        "ce fichier est un document PDF (.pdf)",
    );
    assert_usage_error(
        &conforme(&[
            "validate",
            temp_file(
                "nul.csv",
                &[b"a,b\n1,2\n".repeat(20), vec![0u8; 3]].concat(),
            )
            .to_str()
            .unwrap(),
            "--schema",
            SCHEMA,
        ]),
        "des octets nuls, octet 160",
    );
    let not_json = temp_file("schema.json", b"{\"fields\": [ ");
    assert_usage_error(
        &conforme(&[
            "validate",
            "fixtures/exemples/bornes-recharge.csv",
            "--schema",
            not_json.to_str().unwrap(),
        ]),
        "JSON",
    );
    let bad_type = temp_file(
        "bad-type.json",
        br#"{"fields": [{"name": "a", "type": "texte"}]}"#,
    );
    assert_usage_error(
        &conforme(&[
            "validate",
            "fixtures/exemples/bornes-recharge.csv",
            "--schema",
            bad_type.to_str().unwrap(),
        ]),
        "/fields/0/type",
    );
    assert_usage_error(&conforme(&["validate", "x.csv"]), "--schema");
}

#[test]
fn non_utf8_file_is_read_and_reported() {
    let data = "id_station,nom_station\nFRA01P0001,Hôtel de ville\n".encode_latin1();
    let schema = temp_file("s.json", r#"{"fields": [{"name": "id_station"}, {"name": "nom_station", "constraints": {"enum": ["Hôtel de ville"]}}]}"#.as_bytes());
    let path = temp_file("latin1.csv", &data);
    let out = conforme(&[
        "validate",
        path.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(report["stats"]["encoding"], "windows-1252");
    assert_eq!(report["warnings"][0]["type"], "encoding");
}

trait Latin1 {
    fn encode_latin1(&self) -> Vec<u8>;
}

impl Latin1 for str {
    fn encode_latin1(&self) -> Vec<u8> {
        self.chars().map(|c| c as u32 as u8).collect()
    }
}

#[test]
fn a_gigabyte_single_line_is_refused_in_bounded_memory() {
    // Streamed through stdin, so no 1 GB file is written: conforme must stop at its
    // record limit and say why, without holding the line in memory.
    let mut child = Command::new(env!("CARGO_BIN_EXE_conforme"))
        .args([
            "validate",
            "-",
            "--schema",
            SCHEMA,
            "--max-record-bytes",
            "8000000",
        ])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || {
        let block = vec![b'a'; 1 << 20];
        for _ in 0..1024 {
            if stdin.write_all(&block).is_err() {
                return;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    assert_usage_error(&out, "plus de 8000000 octets");
}

fn json_report(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "{e}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
    })
}

fn types(report: &serde_json::Value, key: &str) -> Vec<String> {
    report[key]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["type"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn profiles_checks_and_error_filters() {
    let dir = "fixtures/tableschema/custom-checks";
    let schema = format!("{dir}/schema.json");
    let data = format!("{dir}/data.csv");
    let run = |extra: &[&str]| {
        let mut args = vec!["validate", &data, "--schema", &schema, "--format", "json"];
        args.extend_from_slice(extra);
        conforme(&args)
    };
    let all = run(&[]);
    assert_eq!(all.status.code(), Some(1));
    let report = json_report(&all);
    assert!(types(&report, "errors").contains(&"french-siret-value".to_owned()));
    assert!(types(&report, "warnings").contains(&"deprecated-check".to_owned()));
    let siret = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "french-siret-value")
        .unwrap();
    assert!(siret["message"].as_str().unwrap().contains("SIRET"));

    let picked = json_report(&run(&[
        "--pick-errors",
        "french-siret-value,phone-number-value",
    ]));
    assert_eq!(
        types(&picked, "errors"),
        ["french-siret-value", "phone-number-value"]
    );
    let skipped = json_report(&run(&[
        "--skip-checks",
        "siret,siren,compare-columns-value,sum-columns-value,opening-hours-value,year-interval-value,nomenclature-acte,french-gps-coordinates,cohesive-columns-value,one-of-required,phone-number-value",
        "--skip-errors",
        "type-error",
    ]));
    assert_eq!(skipped["valid"], true, "{skipped}");

    let reordered = temp_file("reordered.csv", b"siren,siret\n217400563,21740056300011\n");
    let two = temp_file(
        "two.json",
        br#"{"fields": [{"name": "siret", "constraints": {"required": true}}, {"name": "siren"}]}"#,
    );
    let (reordered, two) = (reordered.to_str().unwrap(), two.to_str().unwrap());
    let by_name = conforme(&["validate", reordered, "--schema", two, "--format", "json"]);
    assert_eq!(by_name.status.code(), Some(0));
    assert_eq!(
        types(&json_report(&by_name), "warnings"),
        ["columns-reordered"]
    );
    let strict = conforme(&[
        "validate",
        reordered,
        "--schema",
        two,
        "--profile",
        "strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));

    let upper = temp_file("upper.csv", b"SIRET,SIREN\n21740056300011,217400563\n");
    let upper = upper.to_str().unwrap();
    assert_eq!(
        conforme(&["validate", upper, "--schema", two])
            .status
            .code(),
        Some(1)
    );
    assert_eq!(
        conforme(&["validate", upper, "--schema", two, "--ignore-header-case"])
            .status
            .code(),
        Some(0)
    );
}

#[test]
fn bad_profile_check_or_error_names_are_usage_errors() {
    for (flag, value, says) in [
        ("--profile", "validata", "unknown profile"),
        ("--skip-checks", "sirett", "unknown custom check"),
        ("--pick-errors", "type-eror", "unknown error type"),
        ("--skip-errors", "nope", "unknown error type"),
    ] {
        let out = conforme(&[
            "validate",
            "fixtures/exemples/bornes-recharge-valide.csv",
            "--schema",
            SCHEMA,
            flag,
            value,
        ]);
        assert_eq!(out.status.code(), Some(2), "{flag} {value}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(says), "{flag} {value}: {stderr}");
    }
}

const EXPORT_SCHEMA: &str = r#"{"fields": [
    {"name": "siret", "type": "string", "constraints": {"pattern": "\\d{14}"}},
    {"name": "commune", "type": "string"},
    {"name": "code_postal", "type": "string", "constraints": {"pattern": "\\d{5}"}}
]}"#;

/// A Windows-1252, semicolon, CRLF file as Excel's "CSV (séparateur : point-virgule)" writes
/// it, with the usual empty columns and rows dragged along.
fn excel_export() -> Vec<u8> {
    let rows = [
        "siret;commune;code_postal;;",
        "21010400000013;Besançon;25000;;",
        "2,10104E+13;Sète;34200;;",
        ";;;;",
    ];
    let text = rows.join("\r\n") + "\r\n";
    text.chars()
        .map(|c| match c {
            'ç' => 0xE7,
            'è' => 0xE8,
            c => c as u8,
        })
        .collect()
}

#[test]
fn excel_semicolon_windows_1252_export() {
    let schema = temp_file("export-schema.json", EXPORT_SCHEMA.as_bytes());
    let data = temp_file("export.csv", &excel_export());
    let out = conforme(&[
        "validate",
        data.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
    ]);
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{text}");
    assert!(
        text.contains("encodage windows-1252, séparateur `;`"),
        "{text}"
    );
    assert!(text.contains("ligne 2, octet"), "{text}");
    assert!(text.contains("2 colonne(s) vide(s)"), "{text}");
    assert!(text.contains("notation scientifique"), "{text}");
    assert!(text.contains("1 ligne(s) vide(s)"), "{text}");
}

#[test]
fn compressed_input_from_stdin_and_zip_members() {
    let schema = temp_file("zip-schema.json", EXPORT_SCHEMA.as_bytes());
    let csv = b"siret,commune,code_postal\n21010400000013,Besancon,25000\n";
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(csv).unwrap();
    let gz = gz.finish().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_conforme"))
        .args(["validate", "-", "--schema", schema.to_str().unwrap()])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&gz).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains("(gzip)"));

    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for name in ["a.csv", "b.csv"] {
        zip.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(csv).unwrap();
    }
    let zip = temp_file("two.zip", &zip.finish().unwrap().into_inner());
    let args = [
        "validate",
        zip.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
    ];
    let out = conforme(&args);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--zip-member"));
    let out = conforme(&[&args[..], &["--zip-member", "b.csv"]].concat());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn dialect_flags_and_refusals() {
    let schema = temp_file("dialect-schema.json", EXPORT_SCHEMA.as_bytes());
    let data = temp_file(
        "dialect.csv",
        b"# export\nsiret|commune|code_postal\n21010400000013|NA|25000\n",
    );
    let base = [
        "validate",
        data.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
    ];
    let out = conforme(
        &[
            &base[..],
            &[
                "--comment-char",
                "#",
                "--dialect",
                r#"{"delimiter": "|", "nullSequence": "NA"}"#,
            ],
        ]
        .concat(),
    );
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let out = conforme(&[&base[..], &["--dialect", r#"{"delimiter": "||"}"#]].concat());
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("delimiter"));
    let pdf = temp_file("rapport.pdf", b"%PDF-1.4\n");
    let out = conforme(&[
        "validate",
        pdf.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("PDF"));
}

fn stdout_json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout).expect("a JSON report on stdout")
}

#[test]
fn geojson_against_json_schema_with_local_refs() {
    let ok = conforme(&[
        "validate",
        "fixtures/json/geojson-collection/data.geojson",
        "--schema",
        "fixtures/json/geojson-collection/schema.json",
        "--schema-dir",
        "fixtures/json/_refs",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let bad = conforme(&[
        "validate",
        "fixtures/json/geojson-bad-geometry/data.geojson",
        "--schema",
        "fixtures/json/geojson-bad-geometry/schema.json",
        "--schema-dir",
        "fixtures/json/_refs",
        "--format",
        "json",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let report = stdout_json(&bad);
    assert_eq!(report["errors"][0]["type"], "json-schema");
    assert_eq!(report["errors"][0]["params"]["keyword"], "minItems");
    assert_eq!(report["errors"][0]["line"], 22);
}

#[test]
fn missing_remote_ref_is_a_clear_error_not_a_download() {
    let out = conforme(&[
        "validate",
        "fixtures/json/geojson-collection/data.geojson",
        "--schema",
        "fixtures/json/geojson-collection/schema.json",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("no local copy of https://schemas.example.org/geo/Point.json"),
        "{err}"
    );
    assert!(err.contains("--schema-dir"), "{err}");
}

#[test]
fn unknown_draft_is_a_usage_error() {
    let out = conforme(&[
        "validate",
        "fixtures/json/top-array/data.json",
        "--schema",
        "fixtures/json/top-array/schema.json",
        "--draft",
        "5",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("2020-12"));
}

#[test]
fn data_package_reports_each_resource() {
    let ok = conforme(&["validate", "fixtures/datapackage/fk-valid/datapackage.json"]);
    assert_eq!(ok.status.code(), Some(0));
    let bad = conforme(&[
        "validate",
        "fixtures/datapackage/fk-broken/datapackage.json",
        "--format",
        "json",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    let report = stdout_json(&bad);
    assert_eq!(report["valid"], false);
    assert_eq!(report["resources"][0]["name"], "equipements");
    assert_eq!(
        report["resources"][0]["report"]["errors"][0]["type"],
        "foreign-key"
    );
    assert_eq!(report["resources"][1]["report"]["valid"], true);
}

#[test]
fn schema_check_exits_1_on_errors_and_0_on_warnings_only() {
    let bad = temp_file(
        "lint-bad.json",
        br#"{"fields": [{"name": "a", "type": "string", "contraints": {"required": true}}]}"#,
    );
    let out = conforme(&["schema", "check", bad.to_str().unwrap(), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("did you mean \"constraints\""), "{text}");
    let warn = temp_file("lint-warn.json", br#"{"type": "object"}"#);
    let out = conforme(&[
        "schema",
        "check",
        warn.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        stdout_json(&out)["warnings"][0]["params"]["rule"],
        "json-schema-no-draft"
    );
}

#[test]
fn table_validation_includes_lint_warnings() {
    let schema = temp_file(
        "lint-table.json",
        br#"{"fields": [{"name": "a", "type": "integer", "exemple": "1"}]}"#,
    );
    let data = temp_file("lint-table.csv", b"a\n1\n");
    let out = conforme(&[
        "validate",
        data.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let report = stdout_json(&out);
    assert_eq!(report["warnings"][0]["type"], "schema-warning");
    assert_eq!(report["warnings"][0]["params"]["rule"], "misspelt-key");
    assert_eq!(
        report["warnings"][0]["params"]["pointer"],
        "/fields/0/exemple"
    );
}

#[test]
fn broken_descriptors_are_reported_with_pointers() {
    let schema = temp_file(
        "profile-bad.json",
        br#"{"fields": [{"name": "a", "type": "entier"}, {"type": "string"}]}"#,
    );
    // `schema check`: one `profile` finding per violation, exit 1.
    let out = conforme(&[
        "schema",
        "check",
        schema.to_str().unwrap(),
        "--format",
        "json",
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let report = stdout_json(&out);
    let pointers: Vec<&str> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["params"]["rule"] == "profile")
        .map(|e| e["params"]["pointer"].as_str().unwrap())
        .collect();
    assert_eq!(pointers, ["/fields/0/type", "/fields/1"], "{report}");
    // Validation cannot use it: exit 2 and the list on stderr.
    let data = temp_file("profile-bad.csv", b"a\n1\n");
    let out = conforme(&[
        "validate",
        data.to_str().unwrap(),
        "--schema",
        schema.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("/fields/0/type") && err.contains("/fields/1: the required key \"name\""),
        "{err}"
    );
    // A package: its profile, its inline schemas and dialects.
    let out = conforme(&[
        "schema",
        "check",
        "fixtures/datapackage/descriptor-errors/datapackage.json",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    for p in [
        "/resources/0/path",
        "/resources/1/schema/fields/0/type",
        "/resources/2/dialect/header",
    ] {
        assert!(text.contains(p), "{p} missing from {text}");
    }
}

#[test]
fn package_flags_apply_to_every_resource() {
    let package = "fixtures/datapackage/per-resource-settings/datapackage.json";
    let by_name = stdout_json(&conforme(&["validate", package, "--format", "json"]));
    assert_eq!(
        by_name["resources"][0]["report"]["errors"][0]["type"],
        "french-siret-value"
    );
    let strict = stdout_json(&conforme(&[
        "validate",
        package,
        "--format",
        "json",
        "--profile",
        "strict",
    ]));
    // The package-wide flag reaches the resources without their own setting…
    assert_eq!(
        strict["resources"][0]["report"]["errors"][0]["type"],
        "incorrect-label"
    );
    // …and --skip-checks adds to each resource's own list.
    let skipped = stdout_json(&conforme(&[
        "validate",
        package,
        "--format",
        "json",
        "--skip-checks",
        "french-siret-value",
    ]));
    for r in skipped["resources"].as_array().unwrap() {
        let types: Vec<&str> = r["report"]["errors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["type"].as_str().unwrap())
            .collect();
        assert!(!types.contains(&"french-siret-value"), "{types:?}");
    }
}

/// The divergences the one options type fixed: every door accepts and refuses the same values.
#[test]
fn thread_counts_outside_1_to_256_are_usage_errors() {
    for (threads, says) in [
        ("0", "threads = 0: must be at least 1"),
        ("30000", "at most 256"),
    ] {
        let out = conforme(&[
            "validate",
            "fixtures/exemples/bornes-recharge-valide.csv",
            "--schema",
            SCHEMA,
            "--threads",
            threads,
        ]);
        assert_usage_error(&out, says);
    }
}

/// A report that cannot be written is lost: exit 2 and say so, for tables, JSON documents
/// and packages alike (a closed pipe stays silent).
#[cfg(target_os = "linux")]
#[test]
fn a_full_disk_is_an_error_not_a_silent_success() {
    for args in [
        &[
            "validate",
            "fixtures/exemples/bornes-recharge-valide.csv",
            "--schema",
            SCHEMA,
        ][..],
        &[
            "validate",
            "fixtures/json/top-array/data.json",
            "--schema",
            "fixtures/json/top-array/schema.json",
        ],
        &["validate", "fixtures/datapackage/fk-valid/datapackage.json"],
        &["schema", "check", SCHEMA],
    ] {
        let full = std::fs::File::create("/dev/full").expect("/dev/full exists on Linux");
        let out = Command::new(env!("CARGO_BIN_EXE_conforme"))
            .args(args)
            .current_dir(root())
            .stdout(full)
            .output()
            .unwrap();
        assert_usage_error(&out, "cannot write the report");
    }
}

/// Masking and the error filters apply to JSON documents as to tables.
#[test]
fn json_documents_honour_masking_and_error_filters() {
    let base = [
        "validate",
        "fixtures/json/top-array/data.json",
        "--schema",
        "fixtures/json/top-array/schema.json",
        "--format",
        "json",
    ];
    let all = stdout_json(&conforme(&base));
    assert_eq!(all["errors"].as_array().unwrap().len(), 4, "{all}");
    let masked = conforme(&[&base[..], &["--mask-cells"]].concat());
    let text = String::from_utf8_lossy(&masked.stdout);
    assert!(
        !text.contains("7500\\\"") && !text.contains("\"7500\""),
        "{text}"
    );
    assert_eq!(stdout_json(&masked)["masked"], true);
    let picked = stdout_json(&conforme(
        &[&base[..], &["--pick-errors", "json-schema"]].concat(),
    ));
    assert_eq!(picked["errors"].as_array().unwrap().len(), 4, "{picked}");
    for filter in ["--skip-errors", "--pick-errors"] {
        let code = if filter == "--skip-errors" {
            "json-schema"
        } else {
            "type-error"
        };
        let out = conforme(&[&base[..], &[filter, code]].concat());
        assert_eq!(out.status.code(), Some(0), "{filter} {code}");
        let report = stdout_json(&out);
        assert_eq!(report["errors"], serde_json::json!([]), "{report}");
        assert_eq!(report["valid"], true);
    }
    // A table-only option is refused rather than ignored.
    let out = conforme(&[&base[..], &["--profile", "strict"]].concat());
    assert_usage_error(&out, "profile has no meaning for a JSON document");
}

/// Every output format works for JSON documents and packages (no silent fallback to text).
#[test]
fn every_format_renders_json_documents_and_packages() {
    let json_doc = [
        "validate",
        "fixtures/json/top-array/data.json",
        "--schema",
        "fixtures/json/top-array/schema.json",
    ];
    let package = [
        "validate",
        "fixtures/datapackage/fk-broken/datapackage.json",
    ];
    for (format, marker) in [
        ("jsonl", "\"severity\""),
        ("github", "::error"),
        ("junit", "<testsuites"),
        ("markdown", "|"),
        ("frictionless", "\"tasks\""),
    ] {
        for args in [&json_doc[..], &package[..]] {
            let out = conforme(&[args, &["--format", format]].concat());
            assert_eq!(out.status.code(), Some(1), "{format} {args:?}");
            let text = String::from_utf8_lossy(&out.stdout);
            assert!(text.contains(marker), "{format} {args:?}: {text}");
        }
    }
    let html = conforme(&[&json_doc[..], &["--format", "html"]].concat());
    assert!(String::from_utf8_lossy(&html.stdout).contains("<html"));
    let html = conforme(&[&package[..], &["--format", "html"]].concat());
    assert_usage_error(&html, "--format html is not available for a Data Package");
}

/// `--format jsonl` writes each error as soon as its place in file order is final: the
/// first error line arrives while the input is still open (standard input not closed).
#[test]
fn jsonl_errors_leave_before_the_input_ends() {
    use std::io::{BufRead, BufReader};
    let schema = temp_file(
        "stream-schema.json",
        br#"{"fields": [{"name": "n", "type": "integer"}]}"#,
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_conforme"))
        .args(["validate", "-", "--schema"])
        .arg(&schema)
        .args(["--format", "jsonl", "--lang", "en", "--threads", "2"])
        .args(["--options", r#"{"chunkSize": 4096}"#])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    // An error on the first data row, then enough rows to get past the first 64 KiB (where
    // the delimiter is detected) and several chunks.
    let mut head = b"n\nnot a number\n".to_vec();
    for i in 0..30_000 {
        head.extend_from_slice(format!("{i}\n").as_bytes());
    }
    stdin.write_all(&head).unwrap();
    stdin.flush().unwrap();
    // Lines are read on another thread: a missing line fails the test instead of hanging it.
    let stdout = BufReader::new(child.stdout.take().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in stdout.lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let wait = std::time::Duration::from_secs(120);
    let first = rx
        .recv_timeout(wait)
        .expect("the first error line is written while the input is still open");
    let first: serde_json::Value = serde_json::from_str(&first).unwrap();
    assert_eq!(
        (first["type"].as_str(), first["row"].as_u64()),
        (Some("type-error"), Some(2))
    );
    // Only now does the input end, with one more error.
    stdin.write_all(b"last\n").unwrap();
    drop(stdin);
    let rest: Vec<serde_json::Value> = rx
        .iter()
        .map(|l| serde_json::from_str(&l).unwrap())
        .collect();
    assert_eq!(rest[0]["row"].as_u64(), Some(30_003));
    let end = rest.last().unwrap();
    assert_eq!(end["severity"], "summary");
    assert_eq!(end["stats"]["error_count"], 2);
    assert_eq!(end["summary"]["invalid_rows"], 2);
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

/// Streamed formats print exactly what the whole report would (`--format jsonl` and
/// `github` against `json`'s errors, in the same order).
#[test]
fn streamed_formats_list_the_report_errors_in_order() {
    let data = "fixtures/exemples/bornes-recharge.csv";
    let json = conforme(&["validate", data, "--schema", SCHEMA, "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let rows: Vec<&serde_json::Value> = report["errors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| &e["row"])
        .collect();
    assert!(rows.len() > 1);
    let jsonl = conforme(&["validate", data, "--schema", SCHEMA, "--format", "jsonl"]);
    let lines: Vec<serde_json::Value> = String::from_utf8(jsonl.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let streamed: Vec<&serde_json::Value> = lines
        .iter()
        .filter(|l| l["severity"] == "error")
        .map(|l| &l["row"])
        .collect();
    assert_eq!(streamed, rows);
    let end = lines.last().unwrap();
    assert_eq!(end["summary"]["by_type"], report["summary"]["by_type"]);
    assert_eq!(
        end["summary"]["invalid_rows"],
        report["summary"]["invalid_rows"]
    );
    let github = conforme(&["validate", data, "--schema", SCHEMA, "--format", "github"]);
    let errors = String::from_utf8(github.stdout)
        .unwrap()
        .lines()
        .filter(|l| l.starts_with("::error"))
        .count();
    assert_eq!(errors, rows.len());
}

/// `--mask-cells` hides every value read from the file, not only cells: the values a key
/// error quotes, and header labels (the first row of a file without a header is data),
/// in the summary and in streamed formats too.
#[test]
fn masking_covers_key_values_and_header_labels() {
    let schema = temp_file(
        "mask-schema.json",
        br#"{"fields": [{"name": "id"}], "primaryKey": ["id"]}"#,
    );
    let data = temp_file(
        "mask-data.csv",
        b"id,jean.dupont@example.org\nsecret-key,a\nsecret-key,b\n",
    );
    for format in [
        "json",
        "jsonl",
        "text",
        "github",
        "markdown",
        "junit",
        "html",
        "frictionless",
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_conforme"))
            .args(["validate"])
            .arg(&data)
            .arg("--schema")
            .arg(&schema)
            .args(["--mask-cells", "--profile", "strict", "--format", format])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "{format}");
        let text = String::from_utf8_lossy(&out.stdout);
        for secret in ["secret-key", "dupont"] {
            assert!(!text.contains(secret), "{format} shows {secret:?}: {text}");
        }
    }
}

/// A descriptor named without a folder (`conforme validate datapackage.json` in its own
/// folder) reads its resources: their folder is the current one, not "outside".
#[test]
fn a_package_named_from_its_own_folder_is_read() {
    let out = Command::new(env!("CARGO_BIN_EXE_conforme"))
        .args(["validate", "datapackage.json", "--format", "json"])
        .current_dir(root().join("fixtures/datapackage/fk-valid"))
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{text}");
    assert!(!text.contains("resource-error"), "{text}");
}

/// Fatal messages (exit 2) follow --lang: an unreadable input, a file of NUL bytes, a
/// package missing, in French with a hint; the same in English under --lang en.
#[test]
fn fatal_messages_follow_the_language() {
    let zeros = temp_file("zeros.csv", &[0u8; 4096]);
    let zeros = zeros.to_str().unwrap();
    let out_path =
        std::env::temp_dir().join(format!("conforme-cli-fixed-{}.csv", std::process::id()));
    let out_path = out_path.to_str().unwrap();
    let fix = |data: &str, lang: &str| {
        conforme(&[
            "fix", data, "--schema", SCHEMA, "-o", out_path, "--lang", lang,
        ])
    };
    let fr = fix(zeros, "fr");
    let text = String::from_utf8_lossy(&fr.stderr);
    assert_eq!(fr.status.code(), Some(2), "{text}");
    assert!(text.contains("uniquement des octets nuls"), "{text}");
    assert!(!text.contains("UTF-16"), "{text}");
    let en = fix(zeros, "en");
    assert!(String::from_utf8_lossy(&en.stderr).contains("only NUL bytes"));
    let fr = fix("absent.csv", "fr");
    let text = String::from_utf8_lossy(&fr.stderr);
    assert!(
        text.contains("impossible de lire les données : fichier ou dossier introuvable"),
        "{text}"
    );
    let fr = conforme(&["validate", "absent/datapackage.json", "--lang", "fr"]);
    let text = String::from_utf8_lossy(&fr.stderr);
    assert_eq!(fr.status.code(), Some(2), "{text}");
    assert!(text.contains("Le fichier ne peut pas être lu"), "{text}");
    assert!(!text.contains("cannot"), "{text}");
    let fr = conforme(&["schema", "check", "absent-schema.json", "--lang", "fr"]);
    let text = String::from_utf8_lossy(&fr.stderr);
    assert_eq!(fr.status.code(), Some(2), "{text}");
    assert!(
        text.contains("impossible de lire absent-schema.json : fichier ou dossier introuvable"),
        "{text}"
    );
    let fr = fix(zeros, "fr");
    assert!(!String::from_utf8_lossy(&fr.stderr).contains("cannot"));
    // A schema that cannot be used, given to validate.
    let bad = temp_file(
        "bad-schema.json",
        br#"{"fields": [{"name": "a", "type": "texte"}]}"#,
    );
    let fr = conforme(&[
        "validate",
        zeros,
        "--schema",
        bad.to_str().unwrap(),
        "--lang",
        "fr",
    ]);
    let text = String::from_utf8_lossy(&fr.stderr);
    assert_eq!(fr.status.code(), Some(2), "{text}");
    assert!(
        text.contains("ne suit pas la spécification Table Schema"),
        "{text}"
    );
    assert!(text.contains("/fields/0/type : "), "{text}");
}

/// `--encoding utf-16le` (or `utf-16be`) reads UTF-16 text that has no byte-order mark;
/// without it such text is refused with a hint naming the option.
#[test]
fn forced_utf16_reads_text_without_a_mark() {
    let schema = temp_file(
        "u16-schema.json",
        br#"{"fields": [{"name": "id", "type": "integer"}]}"#,
    );
    let schema = schema.to_str().unwrap();
    for (name, bytes, label) in [
        (
            "le.csv",
            "id\n1\n2\n"
                .encode_utf16()
                .flat_map(u16::to_le_bytes)
                .collect::<Vec<u8>>(),
            "utf-16le",
        ),
        (
            "be.csv",
            "id\n1\n2\n"
                .encode_utf16()
                .flat_map(u16::to_be_bytes)
                .collect(),
            "utf-16be",
        ),
    ] {
        let data = temp_file(name, &bytes);
        let data = data.to_str().unwrap();
        let out = conforme(&[
            "validate",
            data,
            "--schema",
            schema,
            "--encoding",
            label,
            "--format",
            "json",
        ]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0), "{report}");
        assert_eq!(report["stats"]["rows"], 2);
        assert_eq!(report["stats"]["encoding"], label);
        let refused = conforme(&["validate", data, "--schema", schema, "--lang", "en"]);
        assert_eq!(refused.status.code(), Some(2));
        assert!(String::from_utf8_lossy(&refused.stderr).contains("--encoding utf-16le"));
    }
}

/// `conforme fix --threads N`: the corrected file and the log are the same whatever the
/// number of threads (the repair runs on the validation pipeline).
#[test]
fn fix_gives_the_same_file_and_log_on_any_thread_count() {
    let schema = temp_file(
        "fix-threads.json",
        br#"{"fields": [{"name": "n", "type": "number"}, {"name": "cp", "type": "string", "constraints": {"pattern": "[0-9]{5}"}}]}"#,
    );
    let mut data = String::from("n;cp\n");
    for i in 0..20_000 {
        data.push_str(&if i % 3 == 0 {
            format!("\"{i},5\";1000\n")
        } else {
            format!("{i};75001\n")
        });
    }
    let data = temp_file("fix-threads.csv", data.as_bytes());
    let run = |threads: &str| {
        let out = data.with_file_name(format!("fixed-{threads}.csv"));
        let log = data.with_file_name(format!("log-{threads}.csv"));
        let status = conforme(&[
            "fix",
            data.to_str().unwrap(),
            "--schema",
            schema.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--log",
            log.to_str().unwrap(),
            "--threads",
            threads,
        ]);
        assert_eq!(status.status.code(), Some(0), "{status:?}");
        (std::fs::read(out).unwrap(), std::fs::read(log).unwrap())
    };
    let one = run("1");
    // The log's header line, then a decimal comma and a lost zero on every third row.
    assert_eq!(one.1.iter().filter(|&&b| b == b'\n').count(), 1 + 2 * 6667);
    assert_eq!(one, run("3"));
}
