//! Damage and restore: valid real tables (the public corpus' valid examples, read in place
//! from `../shared/corpus`, and generated tables) are damaged the way spreadsheets and hand
//! edits damage them, then repaired. `fix` must give back the original where the damage is
//! unambiguous, leave a cell as it was otherwise, never change a cell that was not damaged,
//! and log exactly the changes it made. Also: `fix` of a valid file changes no cell, and
//! `fix` of a fixed file changes nothing.
//!
//! `CONFORME_REPAIR_FIGURES=1 cargo test -p conforme-tests --test repair -- --nocapture`
//! prints the figures over the corpus.

use conforme::repair::{Change, Input, RepairOptions, fix};
use conforme::{Schema, ValidationOptions, Validator};
use conforme_tests::workspace_root;
use proptest::prelude::*;
use std::path::PathBuf;

fn corpus_dir() -> Option<PathBuf> {
    let dir = std::env::var_os("CONFORME_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join("../shared/corpus"));
    dir.is_dir().then_some(dir)
}

/// Runs `fix` on bytes: the corrected text and the changes.
fn run(schema: &Schema, data: &[u8]) -> (String, Vec<Change>) {
    let mut out = Vec::new();
    let mut changes = Vec::new();
    fix(
        Input::Bytes(data),
        schema,
        &ValidationOptions::default(),
        &RepairOptions::default(),
        &mut out,
        &mut |c| {
            changes.push(c.clone());
            Ok(())
        },
    )
    .expect("fix runs");
    (String::from_utf8(out).expect("UTF-8 output"), changes)
}

fn records(text: &str) -> Vec<Vec<String>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    reader
        .records()
        .map(|r| {
            r.expect("fix writes valid CSV")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect()
}

fn write(rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .terminator(csv::Terminator::Any(b'\n'))
        .from_writer(Vec::new());
    for r in rows {
        w.write_record(r).unwrap();
    }
    String::from_utf8(w.into_inner().unwrap()).unwrap()
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Damage {
    DecimalComma,
    DateLayout,
    ExcelFloat,
    LeadingZeros,
    Spaces,
    UpperCase,
}

/// How a spreadsheet or a hand edit would damage `value` of a field of type `kind`, if
/// this damage applies to it.
fn damage(kind: &str, value: &str, d: Damage) -> Option<String> {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let out = match d {
        Damage::DecimalComma if kind == "number" => {
            let (a, b) = value.split_once('.')?;
            (digits(a.trim_start_matches('-')) && digits(b)).then(|| format!("{a},{b}"))?
        }
        Damage::DateLayout if kind == "date" => {
            let p: Vec<&str> = value.split('-').collect();
            match p.as_slice() {
                [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                    format!("{d}/{m}/{y}")
                }
                _ => return None,
            }
        }
        Damage::ExcelFloat if (kind == "integer" || kind == "string") && digits(value) => {
            format!("{value}.0")
        }
        Damage::LeadingZeros if kind == "string" && digits(value) && value.starts_with('0') => {
            let t = value.trim_start_matches('0');
            if t.is_empty() {
                return None;
            }
            t.to_owned()
        }
        Damage::Spaces if !value.is_empty() => format!(" {value} "),
        Damage::UpperCase if kind == "boolean" || kind == "string" => value.to_uppercase(),
        _ => return None,
    };
    (out != value).then_some(out)
}

const DAMAGES: [Damage; 6] = [
    Damage::DecimalComma,
    Damage::DateLayout,
    Damage::ExcelFloat,
    Damage::LeadingZeros,
    Damage::Spaces,
    Damage::UpperCase,
];

#[derive(Default, Debug)]
struct Figures {
    tables: usize,
    damaged: usize,
    damaged_invalid: usize,
    restored: usize,
    left: usize,
    wrong: usize,
    errors_before: u64,
    errors_after: u64,
}

fn error_count(schema: &Schema, text: &str) -> u64 {
    Validator::with_options(schema, ValidationOptions::default())
        .validate_slice(text.as_bytes())
        .expect("validates")
        .stats
        .error_count
}

/// Damages a normalised valid table (`fix`'s output), repairs it, checks the outcome cell
/// by cell and adds to `figures`.
fn damage_and_restore(name: &str, schema: &Schema, normal: &str, figures: &mut Figures) {
    let original = records(normal);
    let types: Vec<String> = schema
        .table()
        .fields
        .iter()
        .map(|f| f.field_type.name().to_owned())
        .collect();
    let header = &original[0];
    let kind_of = |c: usize| -> Option<&str> {
        let f = schema
            .table()
            .fields
            .iter()
            .position(|f| f.name == header[c])?;
        Some(types[f].as_str())
    };
    let mut damaged = original.clone();
    let mut touched = std::collections::BTreeMap::new();
    for (r, row) in damaged.iter_mut().enumerate().skip(1) {
        for (c, cell) in row.iter_mut().enumerate() {
            let Some(kind) = kind_of(c) else { continue };
            // A third of the cells, each with one damage chosen by its place.
            if (r * 7 + c * 3) % 3 != 0 {
                continue;
            }
            let start = (r + c) % DAMAGES.len();
            let found = (0..DAMAGES.len())
                .map(|i| DAMAGES[(start + i) % DAMAGES.len()])
                .find_map(|d| damage(kind, cell, d));
            if let Some(bad) = found {
                touched.insert((r, c), bad.clone());
                *cell = bad;
            }
        }
    }
    let damaged_text = write(&damaged);
    let (fixed_text, log) = run(schema, damaged_text.as_bytes());
    let fixed = records(&fixed_text);
    assert_eq!(fixed.len(), original.len(), "{name}: row count");
    let validator = Validator::with_options(schema, ValidationOptions::default());
    let invalid_cells: std::collections::BTreeSet<(u64, String)> = validator
        .validate_slice(damaged_text.as_bytes())
        .unwrap()
        .errors
        .iter()
        .filter_map(|e| Some((e.row?, e.field_name.clone()?)))
        .collect();
    let mut changed = Vec::new();
    for (r, row) in fixed.iter().enumerate() {
        for (c, cell) in row.iter().enumerate() {
            let before = &damaged[r][c];
            if cell != before {
                changed.push((
                    r as u64 + 1,
                    header[c].clone(),
                    before.clone(),
                    cell.clone(),
                ));
            }
            match touched.get(&(r, c)) {
                None => assert_eq!(
                    cell,
                    &original[r][c],
                    "{name}: undamaged cell row {} column {} changed",
                    r + 1,
                    header[c]
                ),
                Some(bad) => {
                    figures.damaged += 1;
                    let was_invalid = invalid_cells.contains(&(r as u64 + 1, header[c].clone()));
                    figures.damaged_invalid += usize::from(was_invalid);
                    if cell == &original[r][c] {
                        figures.restored += 1;
                    } else if cell == bad {
                        figures.left += 1;
                    } else {
                        figures.wrong += 1;
                        eprintln!(
                            "{name}: wrong repair row {} column {}: {:?} → {bad:?} → {cell:?}",
                            r + 1,
                            header[c],
                            original[r][c]
                        );
                    }
                }
            }
        }
    }
    // The log lists exactly the changes made.
    let logged: Vec<(u64, String, String, String)> = log
        .iter()
        .map(|c| (c.row, c.column.clone(), c.old.clone(), c.new.clone()))
        .collect();
    assert_eq!(logged, changed, "{name}: the log is the list of changes");
    figures.tables += 1;
    figures.errors_before += error_count(schema, &damaged_text);
    figures.errors_after += error_count(schema, &fixed_text);
}

/// The corpus' valid examples: (name, schema, data bytes).
fn valid_examples() -> Vec<(String, Schema, Vec<u8>)> {
    let Some(dir) = corpus_dir() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut names: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    names.sort();
    for case in names {
        let (schema_path, data_path) = (case.join("schema.json"), case.join("data.csv"));
        let (Ok(schema), Ok(data)) = (std::fs::read(&schema_path), std::fs::read(&data_path))
        else {
            continue;
        };
        let Ok(schema) = Schema::from_slice(&schema) else {
            continue;
        };
        let Ok(report) = Validator::new(&schema).validate_slice(&data) else {
            continue;
        };
        if report.valid {
            out.push((
                case.file_name().unwrap().to_string_lossy().into_owned(),
                schema,
                data,
            ));
        }
    }
    out
}

/// At most this many data rows of each example (the checks are per cell).
const ROWS: usize = 300;

#[test]
fn corpus_valid_examples_are_restored_never_harmed() {
    let examples = valid_examples();
    if examples.is_empty() {
        eprintln!("skipped: no public corpus in ../shared/corpus");
        return;
    }
    let mut figures = Figures::default();
    for (name, schema, data) in &examples {
        // fix of a valid file changes no cell (header labels may be normalised).
        let (normal, log) = run(schema, data);
        assert!(
            log.iter().all(|c| c.row == 1),
            "{name}: a valid cell was changed: {:?}",
            log.iter().find(|c| c.row > 1)
        );
        // fix of a fixed file changes nothing.
        let (again, log2) = run(schema, normal.as_bytes());
        assert_eq!(again, normal, "{name}: fix is idempotent");
        assert!(log2.is_empty(), "{name}");
        let rows = records(&normal);
        let normal = write(&rows[..rows.len().min(ROWS + 1)]);
        damage_and_restore(name, schema, &normal, &mut figures);
    }
    if std::env::var_os("CONFORME_REPAIR_FIGURES").is_some() {
        eprintln!("{figures:#?}");
        eprintln!(
            "restored exactly: {:.1}% of damaged cells ({} / {}), of damaged cells that failed validation: {:.1}%; wrong repairs: {}; errors left: {:.1}% ({} of {})",
            100.0 * figures.restored as f64 / figures.damaged.max(1) as f64,
            figures.restored,
            figures.damaged,
            100.0 * figures.restored as f64 / figures.damaged_invalid.max(1) as f64,
            figures.wrong,
            100.0 * figures.errors_after as f64 / figures.errors_before.max(1) as f64,
            figures.errors_after,
            figures.errors_before,
        );
    }
    assert_eq!(figures.wrong, 0, "wrong repairs");
    assert!(figures.tables > 0);
}

const SCHEMA: &str = r#"{"fields": [
    {"name": "code", "type": "string", "constraints": {"pattern": "[0-9]{5}"}},
    {"name": "prix", "type": "number"},
    {"name": "n", "type": "integer"},
    {"name": "jour", "type": "date"},
    {"name": "ok", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]},
    {"name": "etat", "type": "string", "constraints": {"enum": ["en service", "hors service"]}}]}"#;

prop_compose! {
    fn valid_row()(code in 0u32..99999, cents in 0u32..100000, n in -5000i64..5000,
                   y in 1990u32..2030, m in 1u32..13, d in 1u32..29, ok: bool, on: bool) -> Vec<String> {
        vec![
            format!("{code:05}"),
            format!("{}.{:02}", cents / 100, cents % 100),
            n.to_string(),
            format!("{y}-{m:02}-{d:02}"),
            (if ok { "oui" } else { "non" }).to_owned(),
            (if on { "en service" } else { "hors service" }).to_owned(),
        ]
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// fix of a valid file is the same file; in another dialect and encoding, the same
    /// records; fix of the fixed file changes nothing.
    #[test]
    fn valid_files_come_back_unchanged(rows in proptest::collection::vec(valid_row(), 1..30), semicolon: bool) {
        let schema = Schema::from_slice(SCHEMA.as_bytes()).unwrap();
        let mut all = vec![["code", "prix", "n", "jour", "ok", "etat"].map(str::to_owned).to_vec()];
        all.extend(rows);
        let text = write(&all);
        let input = if semicolon { text.replace(',', ";") } else { text.clone() };
        let (out, log) = run(&schema, input.as_bytes());
        prop_assert_eq!(&out, &text);
        prop_assert!(log.is_empty());
        let (again, log) = run(&schema, out.as_bytes());
        prop_assert_eq!(again, out);
        prop_assert!(log.is_empty());
    }

    /// Damaged generated tables: restored where unambiguous, never a wrong value.
    #[test]
    fn damaged_generated_tables_are_restored(rows in proptest::collection::vec(valid_row(), 1..30)) {
        let schema = Schema::from_slice(SCHEMA.as_bytes()).unwrap();
        let mut all = vec![["code", "prix", "n", "jour", "ok", "etat"].map(str::to_owned).to_vec()];
        all.extend(rows);
        let mut figures = Figures::default();
        damage_and_restore("generated", &schema, &write(&all), &mut figures);
        prop_assert_eq!(figures.wrong, 0);
    }
}
