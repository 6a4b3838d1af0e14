//! Unit tests of repairs on small tables: each rule, its refusals, and the log.

use super::*;
use crate::Schema;

fn run(schema: &str, data: &str, repair: RepairOptions) -> (String, Vec<Change>) {
    let schema = Schema::from_slice(schema.as_bytes()).unwrap();
    let mut out = Vec::new();
    let mut changes = Vec::new();
    fix(
        Input::Bytes(data.as_bytes()),
        &schema,
        &ValidationOptions::default(),
        &repair,
        &mut out,
        &mut |c| {
            changes.push(c.clone());
            Ok(())
        },
    )
    .unwrap();
    (String::from_utf8(out).unwrap(), changes)
}

fn fixed(schema: &str, data: &str) -> String {
    run(schema, data, RepairOptions::default()).0
}

#[test]
fn numbers_excel_and_zeros() {
    let s = r#"{"fields": [
        {"name": "n", "type": "number"},
        {"name": "i", "type": "integer"},
        {"name": "cp", "type": "string", "constraints": {"pattern": "[0-9]{5}"}}]}"#;
    assert_eq!(
        fixed(s, "n,i,cp\n\"1 234,5\",12.0,1000.0\n2.5,3,75001\n"),
        "n,i,cp\n1234.5,12,01000\n2.5,3,75001\n"
    );
    let (_, log) = run(s, "n,i,cp\n\"1,5\",1,1000.0\n", RepairOptions::default());
    let rules: Vec<String> = log.iter().map(Change::rule).collect();
    assert_eq!(rules, ["decimal-comma", "excel-float+leading-zeros"]);
    assert_eq!(
        (log[0].row, log[0].old.as_str(), log[0].new.as_str()),
        (2, "1,5", "1.5")
    );
}

#[test]
fn zeros_are_added_only_when_one_padding_passes() {
    let s = r#"{"fields": [{"name": "c", "type": "string", "constraints": {"pattern": "[0-9]{5}|[0-9]{6}"}}]}"#;
    assert_eq!(fixed(s, "c\n1000\n"), "c\n1000\n");
}

#[test]
fn dates_need_the_column_to_tell_day_from_month() {
    let s = r#"{"fields": [{"name": "d", "type": "date"}]}"#;
    assert_eq!(
        fixed(s, "d\n01/03/2024\n25/12/2023\n2024/1/2\n"),
        "d\n2024-03-01\n2023-12-25\n2024-01-02\n"
    );
    // Month first, shown by 12/25.
    assert_eq!(
        fixed(s, "d\n01/03/2024\n12/25/2023\n"),
        "d\n2024-01-03\n2023-12-25\n"
    );
    // Nothing tells: only equal day and month are certain.
    assert_eq!(
        fixed(s, "d\n01/03/2024\n05/05/2024\n"),
        "d\n01/03/2024\n2024-05-05\n"
    );
    // Both orders in one column: left alone.
    assert_eq!(
        fixed(s, "d\n13/01/2024\n01/13/2024\n"),
        "d\n13/01/2024\n01/13/2024\n"
    );
}

#[test]
fn datetimes_take_the_zone_of_the_column() {
    let s = r#"{"fields": [{"name": "t", "type": "datetime"}]}"#;
    assert_eq!(
        fixed(s, "t\n2024-01-02T10:00:00Z\n25/12/2023 8:30\n"),
        "t\n2024-01-02T10:00:00Z\n2023-12-25T08:30:00Z\n"
    );
}

#[test]
fn booleans_enums_and_spaces() {
    let s = r#"{"fields": [
        {"name": "b", "type": "boolean", "trueValues": ["oui"], "falseValues": ["non"]},
        {"name": "e", "type": "string", "constraints": {"enum": ["Île de France", "Bretagne"]}},
        {"name": "s", "type": "string", "constraints": {"pattern": "[0-9]+"}}]}"#;
    let (out, log) = run(
        s,
        "b,e,s\nOUI,ile de  france, 3 \nfalse,bretagne,4\n",
        RepairOptions::default(),
    );
    assert_eq!(out, "b,e,s\noui,Île de France,3\nnon,Bretagne,4\n");
    assert_eq!(log.len(), 5);
    assert_eq!(log[2].rule(), "spaces");
}

#[test]
fn judgement_calls_only_when_asked() {
    let s = r#"{"fields": [
        {"name": "e", "type": "string", "constraints": {"enum": ["en service", "hors service"]}},
        {"name": "p", "type": "geopoint"}]}"#;
    let data = "e,p\nen servce,\"48.85, 2.35\"\n";
    assert_eq!(fixed(s, data), data);
    let all = RepairOptions {
        closest_enum: true,
        swap_coordinates: true,
    };
    let (out, log) = run(s, data, all);
    assert_eq!(out, "e,p\nen service,\"2.35, 48.85\"\n");
    assert_eq!(log[0].rule(), "closest-enum");
    assert_eq!(log[1].rule(), "swapped-coordinates");
}

#[test]
fn header_renamed_and_reordered_dialect_normalised() {
    let s = r#"{"fields": [{"name": "prenom"}, {"name": "nom"}]}"#;
    let data = "\u{feff}Nom;Prénom;autre\nDupont;Jean;x;y\n";
    let (out, log) = run(s, data, RepairOptions::default());
    assert_eq!(out, "prenom,nom,autre\nJean,Dupont,x,y\n");
    assert_eq!(log.len(), 2);
    assert!(log.iter().all(|c| c.row == 1 && c.rule() == "header"));
}

#[test]
fn valid_and_unfixable_values_stay() {
    let s = r#"{"fields": [{"name": "n", "type": "integer"}, {"name": "t"}]}"#;
    let data = "n,t\nabc, keep me \n,\n\n";
    let (out, log) = run(s, data, RepairOptions::default());
    assert_eq!(out, data);
    assert!(log.is_empty());
}

#[test]
fn windows_1252_input_becomes_utf8() {
    let s = r#"{"fields": [{"name": "ville"}, {"name": "n", "type": "number"}]}"#;
    let data = b"ville;n\nOrl\xe9ans;1,5\n";
    let schema = Schema::from_slice(s.as_bytes()).unwrap();
    let mut out = Vec::new();
    fix(
        Input::Bytes(data),
        &schema,
        &ValidationOptions::default(),
        &RepairOptions::default(),
        &mut out,
        &mut |_| Ok(()),
    )
    .unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), "ville,n\nOrléans,1.5\n");
}

#[test]
fn split_sends_rows_to_their_file() {
    let schema =
        Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer", "constraints": {"unique": true}}, {"name": "t"}]}"#)
            .unwrap();
    let (mut good, mut bad) = (Vec::new(), Vec::new());
    let options = ValidationOptions::default()
        .lang(crate::Lang::En)
        .max_errors(Some(1));
    let summary = split(
        Input::Bytes(b"n;t\n1;a\nx;b\n1;c\n2;d\n"),
        &schema,
        &options,
        &mut good,
        &mut bad,
    )
    .unwrap();
    assert_eq!(String::from_utf8(good).unwrap(), "n;t\n1;a\n2;d\n");
    let bad = String::from_utf8(bad).unwrap();
    let lines: Vec<&str> = bad.lines().collect();
    assert_eq!(lines[0], "n;t;errors");
    assert!(lines[1].starts_with("x;b;type-error (n): "), "{bad}");
    assert!(lines[2].starts_with("1;c;unique-error (n): "), "{bad}");
    assert_eq!((summary.valid_rows, summary.invalid_rows), (2, 2));
}

#[test]
fn the_corrected_file_and_log_do_not_depend_on_threads_or_chunks() {
    let schema = Schema::from_slice(
        br#"{"fields": [
            {"name": "n", "type": "number"},
            {"name": "cp", "type": "string", "constraints": {"pattern": "[0-9]{5}"}},
            {"name": "ok", "type": "boolean"},
            {"name": "jour", "type": "date"}]}"#,
    )
    .unwrap();
    // Damaged every few rows, with empty lines and a quoted line break across chunks. Only
    // the first row's date says the day comes first (31/01): the others (02/03) are
    // repaired only when that evidence, in the first chunk, reaches every chunk.
    let mut data = String::from("N;CP;ok;jour\n");
    for i in 0..3000 {
        match i % 7 {
            0 if i == 0 => data.push_str("\"0,5\";1000;Oui;31/01/2024\n"),
            0 => data.push_str(&format!("\"{i},5\";1000;Oui;02/03/2024\n")),
            3 => data.push('\n'),
            5 => data.push_str(&format!("{i};\"75\n001\";false;2024-01-01\n")),
            _ => data.push_str(&format!("{i};75001;true;2024-01-01\n")),
        }
    }
    let run = |threads: usize, chunk: usize| {
        let options = ValidationOptions::default()
            .threads(Some(threads))
            .chunk_size(chunk);
        let mut out = Vec::new();
        let mut log = Vec::new();
        let summary = fix(
            Input::Bytes(data.as_bytes()),
            &schema,
            &options,
            &RepairOptions::default(),
            &mut out,
            &mut |c| {
                log.push(c.clone());
                Ok(())
            },
        )
        .unwrap();
        (out, log, summary)
    };
    let one = run(1, 1 << 20);
    assert_eq!(one.2.rows, 3000);
    // Header (2 renames), then per damaged row a decimal comma, a zero, a boolean, a date.
    assert_eq!(one.1.len(), 2 + 4 * 429);
    assert!(
        one.1
            .iter()
            .any(|c| c.old == "02/03/2024" && c.new == "2024-03-02")
    );
    assert_eq!(one.1[2].row, 2);
    assert_eq!(one.1.last().unwrap().row, 2 + 2996);
    for (threads, chunk) in [(2, 4096), (3, 5000), (1, 4096)] {
        assert_eq!(
            one,
            run(threads, chunk),
            "{threads} threads, {chunk}-byte chunks"
        );
    }
}
