//! Regression tests for hostile input (issue 22): each crafted input is generated here, and
//! each must end in a clear verdict or a clear error, never a wrong verdict or an abort.

use conforme::Param;
use conforme::json::{JsonSchema, JsonSchemaOptions, JsonValidator};
use conforme::{Schema, SourceError, ValidationOptions, Validator};

fn json_schema(text: &str) -> JsonSchema {
    JsonSchema::compile(
        &serde_json::from_str(text).unwrap(),
        &JsonSchemaOptions::default(),
    )
    .unwrap()
}

/// A split (large) document with an empty item is a syntax error at the empty item, as the
/// same document read whole is: `[1,]`, `[1,,2]`, `…},]}`.
#[test]
fn split_json_with_a_missing_item_is_a_syntax_error() {
    let schema = json_schema(r#"{"type": "array"}"#);
    for (doc, line, column) in [
        ("[{\"a\": 1},\n{\"a\": 2},]", 2, 10),
        ("[{\"a\": 1},,{\"a\": 2}]", 1, 11),
        (
            "{\"type\": \"FeatureCollection\", \"features\": [{\"type\": \"Feature\"},\n]}",
            2,
            1,
        ),
    ] {
        for validator in [
            JsonValidator::new(&schema, ValidationOptions::default()),
            JsonValidator::new(&schema, ValidationOptions::default().threads(Some(2)))
                .batching(1, 0),
        ] {
            match validator.validate_slice(doc.as_bytes()) {
                Err(SourceError::Json {
                    line: l, column: c, ..
                }) => assert_eq!((l, c), (line, column), "{doc}"),
                other => panic!("{doc}: {other:?}"),
            }
        }
    }
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    use std::io::Write;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in members {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A fresh directory for this test's files.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("conforme-hostile-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn table_validator() -> Validator {
    Validator::new(
        &Schema::from_slice(br#"{"fields": [{"name": "n", "type": "integer"}]}"#).unwrap(),
    )
}

/// An .xlsx whose one sheet holds `cells` (`<c>` elements) and, optionally, a shared-string
/// part.
fn xlsx(cells: &str, shared: Option<&str>) -> Vec<u8> {
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{cells}</sheetData></worksheet>"#
    );
    let types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let mut parts: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
    ];
    if let Some(shared) = shared {
        parts.push(("xl/sharedStrings.xml", shared.as_bytes()));
    }
    zip_of(&parts)
}

const HEADER_AND_ONE: &str = r#"<row r="1"><c r="A1" t="inlineStr"><is><t>n</t></is></c></row><row r="2"><c r="A2"><v>1</v></c></row>"#;

fn validate_bytes(name: &str, bytes: &[u8]) -> Result<conforme::Report, SourceError> {
    let dir = scratch(name);
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = table_validator().validate_path(&path);
    std::fs::remove_dir_all(dir).unwrap();
    out
}

#[test]
fn a_far_away_xlsx_cell_is_a_clear_error_not_an_abort() {
    let ok = validate_bytes("ok.xlsx", &xlsx(HEADER_AND_ONE, None)).unwrap();
    assert!(ok.valid, "{:?}", ok.errors);
    // 16 columns of 1 048 576 rows is the budget: one column more is refused.
    for far in ["XFD1048576", "Q1048576", "ZZ100000"] {
        let cells = format!(r#"{HEADER_AND_ONE}<row r="9"><c r="{far}"><v>2</v></c></row>"#);
        let err = validate_bytes("far.xlsx", &xlsx(&cells, None)).unwrap_err();
        let text = err.to_string();
        assert!(matches!(err, SourceError::Corrupt { .. }), "{far}: {err:?}");
        assert!(text.contains("limit of 16777216 cells"), "{far}: {text}");
    }
    // A reference past the grid is an error of the library, not an allocation.
    let cells = format!(r#"{HEADER_AND_ONE}<row r="2"><c r="ZZZZZZZZ2"><v>2</v></c></row>"#);
    assert!(validate_bytes("past.xlsx", &xlsx(&cells, None)).is_err());
}

#[test]
fn a_huge_declared_shared_string_count_is_refused_before_allocation() {
    let shared = r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="1" uniqueCount="4294967295"><si><t>n</t></si></sst>"#;
    let err = validate_bytes("sst.xlsx", &xlsx(HEADER_AND_ONE, Some(shared))).unwrap_err();
    assert!(
        err.to_string().contains("4294967295 shared strings"),
        "{err}"
    );
    let honest = shared.replace("4294967295", "1");
    assert!(validate_bytes("sst1.xlsx", &xlsx(HEADER_AND_ONE, Some(&honest))).is_ok());
}

fn ods(rows: &str) -> Vec<u8> {
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="F"><table:table-row><table:table-cell office:value-type="string"><text:p>n</text:p></table:table-cell></table:table-row>{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", MANIFEST.as_bytes()),
    ])
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

#[test]
fn ods_rows_repeated_a_million_times_are_refused_or_cost_nothing() {
    let one = r#"<table:table-cell office:value-type="float" office:value="1"><text:p>1</text:p></table:table-cell>"#;
    let wide = format!("{one}<table:table-cell table:number-columns-repeated=\"20\"/>{one}");
    let filled = format!(
        r#"<table:table-row table:number-rows-repeated="1048000">{wide}</table:table-row>"#
    );
    let err = validate_bytes("rep.ods", &ods(&filled)).unwrap_err();
    assert!(err.to_string().contains("limit of 16777216 cells"), "{err}");
    // What LibreOffice writes after the last row: empty rows, repeated. Read as usual.
    let trailing = format!(
        r#"<table:table-row>{one}</table:table-row><table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="1024"/></table:table-row>"#
    );
    let report = validate_bytes("trail.ods", &ods(&trailing)).unwrap();
    assert!(
        report.valid && report.stats.rows == 1,
        "{:?}",
        report.errors
    );
}

#[test]
fn zip_archives_nest_two_levels_at_most() {
    let csv: &[u8] = b"n\n1\n";
    let one = zip_of(&[("data.csv", csv)]);
    let two = zip_of(&[("data.zip", &one)]);
    let three = zip_of(&[("inner.zip", &two)]);
    assert!(validate_bytes("one.zip", &one).unwrap().valid);
    assert!(validate_bytes("two.zip", &two).unwrap().valid);
    let err = validate_bytes("three.zip", &three).unwrap_err().to_string();
    assert!(err.contains("limit of 2 levels"), "{err}");
    // 2 000 levels: refused at the third, in no time and no memory.
    let mut deep = one;
    for _ in 0..2000 {
        deep = zip_of(&[("d.zip", &deep)]);
    }
    assert!(validate_bytes("deep.zip", &deep).is_err());
}

#[test]
fn a_zip_of_many_members_gives_a_short_message() {
    let members: Vec<(String, Vec<u8>)> = (0..5000)
        .map(|i| (format!("member-{i:05}.csv"), b"n\n1\n".to_vec()))
        .collect();
    let refs: Vec<(&str, &[u8])> = members
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    let err = validate_bytes("many.zip", &zip_of(&refs))
        .unwrap_err()
        .to_string();
    assert!(err.len() < 2000, "{} bytes", err.len());
    assert!(err.contains("… and 4980 more"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_package_resource_linked_outside_the_package_is_not_read() {
    use conforme::package::validate_package;
    let dir = scratch("pkg-link");
    std::fs::create_dir_all(dir.join("pkg")).unwrap();
    std::fs::write(dir.join("secret.csv"), "n\nTOPSECRET\n").unwrap();
    std::os::unix::fs::symlink(dir.join("secret.csv"), dir.join("pkg/data.csv")).unwrap();
    std::fs::write(
        dir.join("pkg/datapackage.json"),
        r#"{"resources": [{"name": "d", "path": "data.csv", "schema": {"fields": [{"name": "n", "type": "integer"}]}}]}"#,
    )
    .unwrap();
    let report = validate_package(
        dir.join("pkg/datapackage.json"),
        &conforme::ValidationOptions::default(),
    )
    .unwrap();
    let json = serde_json::to_string(&report.resources[0].report).unwrap();
    assert!(!report.valid);
    assert!(!json.contains("TOPSECRET"), "{json}");
    assert!(json.contains("outside the package directory"), "{json}");
    std::fs::remove_dir_all(dir).unwrap();
}

#[test]
fn a_package_foreign_key_error_is_in_the_summary() {
    use conforme::package::validate_package;
    let root = conforme_tests::workspace_root().join("fixtures/datapackage/fk-broken");
    let report = validate_package(
        root.join("datapackage.json"),
        &conforme::ValidationOptions::default(),
    )
    .unwrap();
    for r in &report.resources {
        let fk = r
            .report
            .errors
            .iter()
            .filter(|e| e.code.as_str() == "foreign-key")
            .count();
        let summary = r
            .report
            .summary
            .by_type
            .get("foreign-key")
            .copied()
            .unwrap_or(0);
        assert_eq!(summary as usize, fk, "{}", r.name);
        let shown: u64 = r.report.summary.groups.iter().map(|g| g.count).sum();
        assert_eq!(shown, r.report.errors.len() as u64, "{}", r.name);
    }
    assert!(
        report
            .resources
            .iter()
            .any(|r| r.report.summary.by_type.contains_key("foreign-key"))
    );
}

fn schema_of(json: serde_json::Value) -> Schema {
    Schema::from_slice(json.to_string().as_bytes()).unwrap()
}

#[test]
fn a_pattern_past_the_backtracking_budget_is_its_own_diagnostic() {
    let schema = schema_of(serde_json::json!({"fields": [
        {"name": "v", "type": "string", "constraints": {"pattern": "((a|a)+)+\\1b"}}
    ]}));
    let csv = format!("v\n{}b\naab\nc\n", "a".repeat(25));
    let report = Validator::new(&schema)
        .validate_slice(csv.as_bytes())
        .unwrap();
    let found: Vec<(Option<u64>, Option<&str>)> = report
        .errors
        .iter()
        .map(|e| (e.row, e.param_str(Param::Reason)))
        .collect();
    assert_eq!(
        found,
        vec![(Some(2), Some("backtrack-limit")), (Some(4), None)]
    );
    assert!(
        report.errors[0].message.contains("could not be checked")
            || report.errors[0]
                .message
                .contains("n'a pas pu être contrôlée"),
        "{}",
        report.errors[0].message
    );
}

#[test]
fn a_long_enum_is_quoted_in_part_and_hinted_quickly() {
    let values: Vec<String> = (0..35_000).map(|i| format!("Commune numéro {i}")).collect();
    let schema = schema_of(serde_json::json!({"fields": [
        {"name": "c", "type": "string", "constraints": {"enum": values}}
    ]}));
    let mut csv = String::from("c\n");
    for i in 0..200 {
        csv.push_str(&format!("Commune numero {}x\n", i * 7));
    }
    let options = ValidationOptions::default().lang(conforme::Lang::En);
    let report = Validator::with_options(&schema, options)
        .validate_slice(csv.as_bytes())
        .unwrap();
    assert_eq!(report.errors.len(), 200);
    let first = &report.errors[0];
    assert_eq!(first.params[Param::Value].as_array().unwrap().len(), 20);
    assert_eq!(first.params[Param::ValueCount], 35_000);
    assert!(
        first.message.contains("and 34980 more"),
        "{}",
        first.message
    );
    assert!(first.message.len() < 2_000, "{}", first.message.len());
    assert_eq!(first.param_str(Param::Hint), Some("Commune numéro 0"));
}

#[test]
fn two_blank_labels_are_not_a_duplicate_of_each_other() {
    let schema = schema_of(serde_json::json!({"fields": [{"name": "a", "type": "string"}]}));
    let report = Validator::new(&schema)
        .validate_slice(b"a,,\n1,,\n")
        .unwrap();
    assert!(
        report
            .errors
            .iter()
            .all(|e| e.code.as_str() != "duplicate-label"),
        "{:?}",
        report.errors
    );
}

#[test]
fn thirty_thousand_threads_asked_for_is_not_an_abort() {
    let schema = schema_of(serde_json::json!({"fields": [{"name": "n", "type": "integer"}]}));
    let mut csv = String::from("n\n");
    for i in 0..50_000 {
        csv.push_str(&format!("{i}\n"));
    }
    csv.push_str("x\n");
    let options = ValidationOptions::default().threads(Some(30_000));
    let report = Validator::with_options(&schema, options)
        .validate_slice(csv.as_bytes())
        .unwrap();
    assert_eq!(report.errors.len(), 1);
    assert_eq!(report.stats.rows, 50_001);
}

#[test]
fn cells_cannot_drive_the_terminal_or_the_markdown_page() {
    use conforme::render::{Format, RenderOptions, render};
    let schema = schema_of(serde_json::json!({"fields": [
        {"name": "<img src=x onerror=alert(1)>", "type": "integer"}
    ]}));
    let csv = "<img src=x onerror=alert(1)>\n\"\u{1b}]0;PWNED\u{7}\u{1b}[2J\"\n[x](javascript:alert(1))\n";
    let report = Validator::new(&schema)
        .validate_slice(csv.as_bytes())
        .unwrap();
    assert_eq!(report.errors.len(), 2);
    let options = RenderOptions::new("data\u{1b}[31m.csv");
    let text = render(&report, Format::Text, &options);
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{7}'),
        "{text}"
    );
    assert!(text.contains("PWNED"));
    let md = render(&report, Format::Markdown, &options);
    let outside_code: String = md
        .split('`')
        .enumerate()
        .filter(|(i, _)| i % 2 == 0)
        .map(|(_, p)| p)
        .collect();
    assert!(!outside_code.contains("<img"), "{md}");
    assert!(!outside_code.contains("](javascript"), "{md}");
    assert!(!md.contains('\u{1b}'));
}

/// Found by the `spreadsheet` fuzz target: an OpenDocument table without its end tag made
/// the spreadsheet library loop forever.
#[test]
fn an_ods_table_without_its_end_is_an_error_not_a_hang() {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="F"><table:table-row><v</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let bytes = zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", MANIFEST.as_bytes()),
    ]);
    let err = validate_bytes("open.ods", &bytes).unwrap_err().to_string();
    assert!(err.contains("ends inside a table"), "{err}");
}

/// Valid JSON that cannot be read as values (too deep, a number out of range, half a
/// surrogate pair) has its own error at its real place, read whole or split: not a syntax
/// error at line 0.
#[test]
fn unreadable_json_values_are_named_and_placed() {
    use conforme::JsonProblem;
    let schema = json_schema(r#"{"type": "array"}"#);
    let deep = |levels: usize| format!("{}{}", "[".repeat(levels), "]".repeat(levels));
    for (item, problem, column) in [
        // Column 127 read whole (the document is the first level), 128 split.
        (deep(200), JsonProblem::Depth, 127),
        ("1e400".to_owned(), JsonProblem::NumberRange, 5),
        ("9".repeat(1000), JsonProblem::NumberRange, 1000),
        (r#""\ud800""#.to_owned(), JsonProblem::Surrogate, 8),
        (r#""\udc00x""#.to_owned(), JsonProblem::Surrogate, 7),
    ] {
        let doc = format!("[{{\"a\": 1}},\n{item}]");
        for validator in [
            JsonValidator::new(&schema, ValidationOptions::default()),
            JsonValidator::new(&schema, ValidationOptions::default()).batching(1, 0),
        ] {
            match validator.validate_slice(doc.as_bytes()) {
                Err(SourceError::JsonValue {
                    line,
                    column: c,
                    problem: p,
                }) => {
                    let c = if p == JsonProblem::Depth {
                        c.min(127)
                    } else {
                        c
                    };
                    assert_eq!((line, c, p), (2, column, problem), "{item:.40}")
                }
                other => panic!("{item:.40}: {other:?}"),
            }
        }
        let fr = validate_err_fr(&schema, &doc);
        assert!(fr.contains("ligne 2"), "{fr}");
    }
    // At the limit, 127 levels are read; one more is refused.
    let whole = JsonValidator::new(&schema, ValidationOptions::default());
    assert!(whole.validate_slice(deep(127).as_bytes()).unwrap().valid);
    assert!(matches!(
        whole.validate_slice(deep(128).as_bytes()),
        Err(SourceError::JsonValue {
            problem: JsonProblem::Depth,
            ..
        })
    ));
}

fn validate_err_fr(schema: &conforme::json::JsonSchema, doc: &str) -> String {
    let err = JsonValidator::new(schema, ValidationOptions::default())
        .validate_slice(doc.as_bytes())
        .unwrap_err();
    err.message(conforme::Lang::Fr)
}

/// A key given twice in one JSON object is a warning naming the key and its line, read
/// whole or split, and through the document door's reader; the verdict is unchanged.
#[test]
fn duplicate_json_keys_are_reported() {
    let schema = json_schema(r#"{"type": "array", "items": {"required": ["a"]}}"#);
    let doc = "[{\"a\": 1},\n {\"a\": 1, \"b\": 2, \"a\": 3}]";
    let reports = [
        JsonValidator::new(&schema, ValidationOptions::default()).validate_slice(doc.as_bytes()),
        JsonValidator::new(&schema, ValidationOptions::default())
            .batching(1, 0)
            .validate_slice(doc.as_bytes()),
        conforme::document::validate_reader(
            doc.as_bytes(),
            &conforme::document::DocumentSchema::Json(schema.clone()),
            &ValidationOptions::default().lang(conforme::Lang::Fr),
        )
        .map(|r| match r {
            conforme::document::DocumentReport::Single(r) => r,
            _ => unreachable!(),
        })
        .map_err(|e| SourceError::Io(std::io::Error::other(e.to_string()))),
    ];
    for report in reports {
        let report = report.unwrap();
        assert!(report.valid);
        let dup: Vec<_> = report
            .warnings
            .iter()
            .filter(|w| w.code.as_str() == "duplicate-key")
            .collect();
        assert_eq!(dup.len(), 1, "{:?}", report.warnings);
        assert_eq!(
            (dup[0].line, dup[0].param_str(Param::Key)),
            (Some(2), Some("a"))
        );
        assert!(
            dup[0].message.contains("ligne 2") || dup[0].message.contains("line 2"),
            "{}",
            dup[0].message
        );
        assert_eq!(report.stats.warning_count, report.warnings.len() as u64);
    }
}

/// A BIFF record.
fn biff(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut r = typ.to_le_bytes().to_vec();
    r.extend((data.len() as u16).to_le_bytes());
    r.extend_from_slice(data);
    r
}

fn biff_cell(typ: u16, row: u16, col: u16, rest: &[u8]) -> Vec<u8> {
    let mut d = row.to_le_bytes().to_vec();
    d.extend(col.to_le_bytes());
    d.extend(0u16.to_le_bytes());
    d.extend_from_slice(rest);
    biff(typ, &d)
}

/// A BIFF8 `.xls` workbook of one sheet holding `records` (after its BOF), in a minimal
/// compound file: header, one allocation-table sector, one directory sector, the stream.
fn xls(records: &[Vec<u8>]) -> Vec<u8> {
    let bof = |dt: u16| {
        let mut d = 0x0600u16.to_le_bytes().to_vec();
        d.extend(dt.to_le_bytes());
        d.extend([0u8; 12]);
        biff(0x0809, &d)
    };
    let eof = biff(0x000A, &[]);
    let sheet_entry = |pos: u32| {
        let mut d = pos.to_le_bytes().to_vec();
        d.extend([0, 0, 1, 0, b'S']);
        biff(0x0085, &d)
    };
    let globals_len = bof(5).len() + sheet_entry(0).len() + eof.len();
    let mut stream = [
        bof(5),
        sheet_entry(globals_len as u32),
        eof.clone(),
        bof(0x10),
    ]
    .concat();
    for r in records {
        stream.extend_from_slice(r);
    }
    stream.extend_from_slice(&eof);
    // Long enough to be in the main sectors, not the mini stream.
    stream.resize(stream.len().max(4096).div_ceil(512) * 512, 0);
    let sectors = stream.len() / 512;
    assert!(sectors + 2 <= 128);
    let mut header = vec![0xFFu8; 512];
    header[..8].copy_from_slice(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1");
    header[8..24].fill(0);
    let put =
        |h: &mut Vec<u8>, at: usize, bytes: &[u8]| h[at..at + bytes.len()].copy_from_slice(bytes);
    put(&mut header, 24, &[0x3E, 0, 3, 0, 0xFE, 0xFF, 9, 0, 6, 0]);
    put(&mut header, 34, &[0; 10]);
    put(&mut header, 44, &1u32.to_le_bytes());
    put(&mut header, 48, &1u32.to_le_bytes());
    put(&mut header, 52, &0u32.to_le_bytes());
    put(&mut header, 56, &4096u32.to_le_bytes());
    put(&mut header, 60, &0xFFFF_FFFEu32.to_le_bytes());
    put(&mut header, 64, &0u32.to_le_bytes());
    put(&mut header, 68, &0xFFFF_FFFEu32.to_le_bytes());
    put(&mut header, 72, &0u32.to_le_bytes());
    put(&mut header, 76, &0u32.to_le_bytes());
    let mut fat: Vec<u32> = vec![0xFFFF_FFFD, 0xFFFF_FFFE];
    fat.extend((0..sectors as u32).map(|i| {
        if i + 1 == sectors as u32 {
            0xFFFF_FFFE
        } else {
            3 + i
        }
    }));
    fat.resize(128, 0xFFFF_FFFF);
    let entry = |name: &str, kind: u8, child: u32, start: u32, size: u32| {
        let mut e = vec![0u8; 128];
        for (i, u) in name.encode_utf16().enumerate() {
            e[i * 2..i * 2 + 2].copy_from_slice(&u.to_le_bytes());
        }
        e[64..66].copy_from_slice(&(((name.len() + 1) * 2) as u16).to_le_bytes());
        e[66] = kind;
        e[67] = 1;
        e[68..76].fill(0xFF);
        e[76..80].copy_from_slice(&child.to_le_bytes());
        e[116..120].copy_from_slice(&start.to_le_bytes());
        e[120..124].copy_from_slice(&size.to_le_bytes());
        e
    };
    let mut directory = entry("Root Entry", 5, 1, 0xFFFF_FFFE, 0);
    directory.extend(entry("Workbook", 2, 0xFFFF_FFFF, 2, stream.len() as u32));
    directory.extend(entry("", 0, 0xFFFF_FFFF, 0, 0));
    directory.extend(entry("", 0, 0xFFFF_FFFF, 0, 0));
    let mut file = header;
    file.extend(fat.iter().flat_map(|w| w.to_le_bytes()));
    file.extend(directory);
    file.extend(stream);
    file
}

/// The same cell and grid budget as `.xlsx` and `.ods` holds for old `.xls` workbooks: a
/// far cell, or dimensions declaring billions of rows, are refused before the library
/// lays the sheet out (it aborted the process).
#[test]
fn a_huge_xls_grid_is_a_clear_error_not_an_abort() {
    let header = biff_cell(0x0204, 0, 0, &[1, 0, 0, b'n']);
    let number = |row: u16, col: u16| biff_cell(0x0203, row, col, &2.0f64.to_le_bytes());
    let ok = validate_bytes("ok.xls", &xls(&[header.clone(), number(1, 0)])).unwrap();
    assert!(ok.valid && ok.stats.rows == 1, "{:?}", ok.errors);
    // One column past the 65 536 × 256 grid, and a cell at column 65 535.
    for (row, col) in [(65_535, 256), (65_535, 65_535)] {
        let bytes = xls(&[header.clone(), number(1, 0), number(row, col)]);
        let err = validate_bytes("far.xls", &bytes).unwrap_err().to_string();
        assert!(err.contains("limit of 16777216 cells"), "{err}");
    }
    let mut dims = 0u32.to_le_bytes().to_vec();
    dims.extend(u32::MAX.to_le_bytes());
    dims.extend([0, 0, 0, 1, 0, 0]);
    let bytes = xls(&[biff(0x0200, &dims), header, number(1, 0)]);
    let err = validate_bytes("dims.xls", &bytes).unwrap_err().to_string();
    assert!(err.contains("dimensions record"), "{err}");
}
