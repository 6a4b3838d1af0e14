//! Real-world input, end to end through the public API: compressed files, spreadsheets
//! built here by hand (XML parts zipped), unsupported and broken files, CSV syntax
//! warnings and Table Dialect keys.

use conforme::Param;
use conforme::{ErrorCode, Report, Schema, SourceError, ValidationOptions, Validator};
use std::io::Write;
use std::path::{Path, PathBuf};

const SCHEMA: &str = r#"{"fields": [
    {"name": "siret", "type": "string", "constraints": {"required": true, "pattern": "^\\d{14}$"}},
    {"name": "code_postal", "type": "string", "constraints": {"pattern": "^\\d{5}$"}},
    {"name": "date_maj", "type": "date"},
    {"name": "montant", "type": "number"}
]}"#;

const CSV: &[u8] = b"siret,code_postal,date_maj,montant\n21010400000013,25000,2024-03-01,12.5\n2.10104E+13,34200,2024-03-02,x\n";

fn validator(options: ValidationOptions) -> Validator {
    Validator::with_options(&Schema::from_slice(SCHEMA.as_bytes()).unwrap(), options)
}

fn plain() -> Validator {
    validator(ValidationOptions::default())
}

/// A fresh directory for this test's files.
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("conforme-input-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn write(path: &Path, bytes: &[u8]) -> PathBuf {
    std::fs::write(path, bytes).unwrap();
    path.to_owned()
}

fn codes(items: &[conforme::Diagnostic]) -> Vec<&str> {
    items.iter().map(|d| d.code.as_str()).collect()
}

fn cells(report: &Report) -> Vec<(Option<u64>, Option<usize>, String)> {
    report
        .errors
        .iter()
        .map(|e| (e.row, e.field_number, e.code.as_str().to_owned()))
        .collect()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn zip_of(members: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in members {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(bytes).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn gzip_is_read_transparently() {
    let dir = scratch("gz");
    let expected = plain().validate_slice(CSV).unwrap();
    let gz = write(&dir.join("data.csv.gz"), &gzip(CSV));
    let report = plain().validate_path(&gz).unwrap();
    assert_eq!(cells(&report), cells(&expected));
    assert_eq!(report.stats.format, "csv+gzip");
    // Without the extension, from the content; and from a reader.
    let bare = write(&dir.join("data"), &gzip(CSV));
    assert_eq!(
        cells(&plain().validate_path(bare).unwrap()),
        cells(&expected)
    );
    assert_eq!(
        cells(&plain().validate_slice(&gzip(CSV)).unwrap()),
        cells(&expected)
    );
}

#[test]
fn truncated_gzip_is_a_located_error() {
    let dir = scratch("gz-cut");
    let big: Vec<u8> = CSV.iter().copied().cycle().take(200_000).collect();
    let gz = gzip(&big);
    let cut = write(&dir.join("cut.csv.gz"), &gz[..gz.len() / 2]);
    match plain().validate_path(cut) {
        Err(SourceError::Corrupt { format, detail }) => {
            assert_eq!(format, "gzip");
            assert!(detail.contains("bytes of decompressed data"), "{detail}");
        }
        other => panic!("expected a corrupt-gzip error, got {other:?}"),
    }
}

#[test]
fn zip_single_member_and_named_member() {
    let dir = scratch("zip");
    let expected = plain().validate_slice(CSV).unwrap();
    let one = write(
        &dir.join("one.zip"),
        &zip_of(&[("export/data.csv", CSV), ("__MACOSX/._data.csv", b"junk")]),
    );
    let report = plain().validate_path(&one).unwrap();
    assert_eq!(cells(&report), cells(&expected));
    assert_eq!(report.stats.format, "csv+zip");

    let two = write(
        &dir.join("two.zip"),
        &zip_of(&[("a.csv", CSV), ("notice.txt", b"hello")]),
    );
    let err = plain().validate_path(&two).unwrap_err().to_string();
    assert!(
        err.contains("a.csv, notice.txt") && err.contains("--zip-member"),
        "{err}"
    );
    let chosen = validator(ValidationOptions::default().zip_member(Some("a.csv".into())))
        .validate_path(&two)
        .unwrap();
    assert_eq!(cells(&chosen), cells(&expected));
    let missing = validator(ValidationOptions::default().zip_member(Some("b.csv".into())))
        .validate_path(&two)
        .unwrap_err()
        .to_string();
    assert!(missing.contains("no member \"b.csv\""), "{missing}");
    // From standard input (a reader) too.
    let piped = plain()
        .validate_reader(&zip_of(&[("d.csv", CSV)])[..])
        .unwrap();
    assert_eq!(cells(&piped), cells(&expected));
}

#[test]
fn truncated_zip_is_a_clear_error() {
    let dir = scratch("zip-cut");
    let bytes = zip_of(&[("data.csv", CSV)]);
    let cut = write(&dir.join("cut.zip"), &bytes[..bytes.len() - 30]);
    let err = plain().validate_path(cut).unwrap_err();
    assert!(matches!(err, SourceError::Corrupt { .. }), "{err:?}");
    assert!(err.to_string().contains("truncated"), "{err}");
}

/// A minimal .xlsx written by hand: inline strings, numbers, one date-formatted cell.
fn xlsx(rows: &[&[XCell]]) -> Vec<u8> {
    let mut sheet = String::from(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
    );
    for (r, row) in rows.iter().enumerate() {
        sheet.push_str(&format!(r#"<row r="{}">"#, r + 1));
        for (c, cell) in row.iter().enumerate() {
            let at = format!("{}{}", (b'A' + c as u8) as char, r + 1);
            match cell {
                XCell::Text(t) => sheet.push_str(&format!(
                    r#"<c r="{at}" t="inlineStr"><is><t>{t}</t></is></c>"#
                )),
                XCell::Number(n) => sheet.push_str(&format!(r#"<c r="{at}"><v>{n}</v></c>"#)),
                XCell::Date(n) => sheet.push_str(&format!(r#"<c r="{at}" s="1"><v>{n}</v></c>"#)),
            }
        }
        sheet.push_str("</row>");
    }
    sheet.push_str("</sheetData></worksheet>");
    let content_types = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Données" sheetId="1" r:id="rId1"/><sheet name="Notes" sheetId="2" r:id="rId2"/></sheets></workbook>"#;
    let workbook_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#;
    let styles = r#"<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#;
    let notes = r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>siret</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>12345678901234</t></is></c></row></sheetData></worksheet>"#;
    zip_of(&[
        ("[Content_Types].xml", content_types.as_bytes()),
        ("_rels/.rels", rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", workbook_rels.as_bytes()),
        ("xl/styles.xml", styles.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/worksheets/sheet2.xml", notes.as_bytes()),
    ])
}

enum XCell {
    Text(&'static str),
    Number(&'static str),
    Date(&'static str),
}

fn excel_sheet() -> Vec<u8> {
    use XCell::*;
    xlsx(&[
        &[
            Text("siret"),
            Text("code_postal"),
            Text("date_maj"),
            Text("montant"),
        ],
        // SIRET and code postal typed as numbers, the date as a date cell.
        &[
            Number("21010400000013"),
            Number("25000"),
            Date("45352"),
            Number("12.5"),
        ],
        // A code postal that lost its leading zero, a date as a bare serial, and a SIRET
        // the spreadsheet shows in scientific notation, typed as text.
        &[
            Text("2,10104E+13"),
            Number("1000"),
            Number("45353"),
            Number("7"),
        ],
    ])
}

#[test]
fn xlsx_cells_are_converted_for_the_schema() {
    let dir = scratch("xlsx");
    let path = write(&dir.join("export.xlsx"), &excel_sheet());
    let report = plain().validate_path(&path).unwrap();
    assert_eq!(report.stats.format, "xlsx");
    assert_eq!(report.stats.sheet.as_deref(), Some("Données"));
    assert_eq!(report.stats.rows, 2);
    // Only the real problems: the mangled SIRET and the code postal without its zero.
    assert_eq!(
        cells(&report),
        vec![
            (Some(3), Some(1), "constraint-error".to_owned()),
            (Some(3), Some(2), "constraint-error".to_owned()),
        ]
    );
    let siret = &report.errors[0];
    assert_eq!(siret.line, Some(3));
    assert_eq!(siret.byte, None);
    assert!(
        siret.message.contains("notation scientifique"),
        "{}",
        siret.message
    );
    let conversions: Vec<_> = report
        .warnings
        .iter()
        .filter(|w| w.code == ErrorCode::SpreadsheetConversion)
        .map(|w| {
            (
                w.field_name.clone().unwrap(),
                w.param_str(Param::Kind).unwrap().to_owned(),
                w.params[Param::Count].as_u64().unwrap(),
                w.param_str(Param::To).unwrap().to_owned(),
            )
        })
        .collect();
    assert_eq!(
        conversions,
        vec![
            (
                "siret".into(),
                "number-as-text".into(),
                1,
                "21010400000013".into()
            ),
            (
                "code_postal".into(),
                "number-as-text".into(),
                2,
                "25000".into()
            ),
            (
                "date_maj".into(),
                "date-serial".into(),
                1,
                "2024-03-02".into()
            ),
        ]
    );
    // Same report from the bytes (content sniffing) as from the path.
    let from_reader = plain().validate_reader(&excel_sheet()[..]).unwrap();
    assert_eq!(cells(&from_reader), cells(&report));
}

#[test]
fn sheets_are_chosen_by_name_or_number() {
    let dir = scratch("sheets");
    let path = write(&dir.join("book.xlsx"), &excel_sheet());
    for wanted in ["Notes", "2", "notes"] {
        let report = validator(ValidationOptions::default().sheet(Some(wanted.into())))
            .validate_path(&path)
            .unwrap();
        assert_eq!(report.stats.sheet.as_deref(), Some("Notes"), "{wanted}");
        assert_eq!(report.stats.rows, 1);
    }
    let err = validator(ValidationOptions::default().sheet(Some("Feuil9".into())))
        .validate_path(&path)
        .unwrap_err()
        .to_string();
    assert!(err.contains("Données, Notes"), "{err}");
}

/// A minimal OpenDocument spreadsheet written by hand.
fn ods() -> Vec<u8> {
    let content = r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Feuille1">
<table:table-row><table:table-cell office:value-type="string"><text:p>siret</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>code_postal</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>date_maj</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>montant</text:p></table:table-cell></table:table-row>
<table:table-row><table:table-cell office:value-type="float" office:value="21010400000013"><text:p>2,10104E+13</text:p></table:table-cell><table:table-cell office:value-type="string"><text:p>75001</text:p></table:table-cell><table:table-cell office:value-type="date" office:date-value="2024-03-01"><text:p>01/03/2024</text:p></table:table-cell><table:table-cell office:value-type="float" office:value="3.25"><text:p>3,25</text:p></table:table-cell></table:table-row>
</table:table></office:spreadsheet></office:body></office:document-content>"#;
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    zip_of(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("content.xml", content.as_bytes()),
        ("META-INF/manifest.xml", manifest.as_bytes()),
    ])
}

#[test]
fn ods_is_read() {
    let dir = scratch("ods");
    let path = write(&dir.join("data.ods"), &ods());
    let report = plain().validate_path(&path).unwrap();
    assert_eq!(report.stats.format, "ods");
    assert!(report.valid, "{:?}", report.errors);
    assert_eq!(report.stats.rows, 1);
    assert!(
        report
            .warnings
            .iter()
            .any(|w| w.code == ErrorCode::SpreadsheetConversion
                && w.param_str(Param::To) == Some("21010400000013"))
    );
}

#[test]
fn corrupt_workbook_and_unsupported_types() {
    let dir = scratch("bad");
    let xlsx = write(
        &dir.join("broken.xlsx"),
        b"PK\x03\x04 this is not a workbook",
    );
    let err = plain().validate_path(xlsx).unwrap_err();
    assert!(matches!(err, SourceError::Corrupt { .. }), "{err:?}");
    let pdf = write(&dir.join("rapport.pdf"), b"%PDF-1.7\n");
    let err = plain().validate_path(pdf).unwrap_err().to_string();
    assert!(err.contains("PDF"), "{err}");
    // A PDF named .csv is caught by its content.
    let disguised = write(&dir.join("rapport.csv"), b"%PDF-1.7\n");
    assert!(
        plain()
            .validate_path(disguised)
            .unwrap_err()
            .to_string()
            .contains("PDF")
    );
    let png = write(&dir.join("x.png"), b"\x89PNG\r\n");
    assert!(
        plain()
            .validate_path(png)
            .unwrap_err()
            .to_string()
            .contains("PNG")
    );
}

#[test]
fn broken_text_inputs() {
    // 0 bytes, a byte-order mark alone or blank lines only: bad data, so a report with one
    // source-error (as frictionless and Validata), from the file, the reader and the stream
    // alike; the message names each case.
    for empty in [&b""[..], b"\n\r\n\n", b"\xEF\xBB\xBF", b"\xFF\xFE"] {
        let report = plain().validate_slice(empty).unwrap();
        assert!(!report.valid);
        assert_eq!(codes(&report.errors), vec!["source-error"]);
        let message = &report.errors[0].message;
        assert!(
            message.contains("vide") && message.contains("BOM"),
            "{report:?}"
        );
        let mut stream = plain().stream();
        stream.push(empty).unwrap();
        assert_eq!(stream.finish().unwrap(), report);
    }
    let dir = scratch("empty");
    let file = write(&dir.join("vide.csv"), b"");
    assert_eq!(
        codes(&plain().validate_path(file).unwrap().errors),
        vec!["source-error"]
    );
    // UTF-16 without a byte-order mark.
    let utf16: Vec<u8> = "siret,code_postal\n1,2\n"
        .encode_utf16()
        .flat_map(u16::to_le_bytes)
        .collect();
    let err = plain().validate_slice(&utf16).unwrap_err().to_string();
    assert!(err.contains("UTF-16"), "{err}");
    // Header only: valid, with a warning that nothing was checked.
    let report = plain()
        .validate_slice(b"siret,code_postal,date_maj,montant\n")
        .unwrap();
    assert!(report.valid);
    assert_eq!(codes(&report.warnings), vec!["no-data-rows"]);
    // One huge line: refused past the limit, with its place.
    let mut huge = b"siret,code_postal,date_maj,montant\n\"".to_vec();
    huge.extend(std::iter::repeat_n(b'x', 300_000));
    let err = validator(
        ValidationOptions::default()
            .max_record_bytes(100_000)
            .chunk_size(4096),
    )
    .validate_slice(&huge)
    .unwrap_err();
    assert!(
        matches!(err, SourceError::RecordTooLong { line: 2, .. }),
        "{err:?}"
    );
}

fn warnings_of(data: &[u8]) -> Vec<(String, Option<u64>, Option<u64>, u64)> {
    let report = plain().validate_slice(data).unwrap();
    report
        .warnings
        .iter()
        .map(|w| {
            (
                w.code.as_str().to_owned(),
                w.line,
                w.byte,
                w.params
                    .get(Param::Count)
                    .and_then(|c| c.as_u64())
                    .unwrap_or(0),
            )
        })
        .collect()
}

#[test]
fn csv_syntax_warnings_are_located() {
    let head = "siret,code_postal,date_maj,montant\n";
    let w = |body: &str| warnings_of(format!("{head}{body}").as_bytes());
    let h = head.len() as u64;
    assert_eq!(w("1,2,2024-01-01,3\n"), vec![]);
    assert_eq!(
        w("1,2\"x,2024-01-01,3\n4,5\"y,2024-01-01,6\n"),
        vec![("stray-quote".into(), Some(2), Some(h + 3), 2)]
    );
    // A quoted cell written `, "2"` with no other quoted cell: the sniffer (Python's, as
    // frictionless reads) turns skipInitialSpace on, and the cell is `2`.
    assert_eq!(w("1, \"2\",2024-01-01,3\n"), vec![]);
    // Another quoted cell right after its delimiter: the space is kept, and located.
    assert_eq!(
        w("1, \"2\",2024-01-01,3\n4,\"5\",2024-01-01,6\n"),
        vec![("space-around-quote".into(), Some(2), Some(h + 2), 1)]
    );
    assert_eq!(
        w("1,\"2\" ,2024-01-01,3\n"),
        vec![("space-around-quote".into(), Some(2), Some(h + 5), 1)]
    );
    assert_eq!(
        w("1,\"2\"x,2024-01-01,3\n"),
        vec![("stray-quote".into(), Some(2), Some(h + 5), 1)]
    );
    let unclosed = w("1,2,2024-01-01,3\n4,\"5,2024-01-01,6\n7,8,2024-01-01,9\n");
    assert_eq!(
        unclosed[0],
        ("unclosed-quote".into(), Some(3), Some(h + 19), 1)
    );
    let mixed = warnings_of(
        b"siret,code_postal,date_maj,montant\r\n1,2,2024-01-01,3\r\n4,5,2024-01-01,6\n",
    );
    assert_eq!(
        mixed,
        vec![("mixed-line-endings".into(), Some(3), Some(70), 1)]
    );
    let trailing =
        warnings_of(b"siret;code_postal;date_maj;montant;;;\n1;2;2024-01-01;3;;;\n;;;;;;\n");
    let codes: Vec<&str> = trailing.iter().map(|t| t.0.as_str()).collect();
    assert!(
        codes.contains(&"trailing-empty-columns") && codes.contains(&"blank-rows-at-end"),
        "{codes:?}"
    );
}

#[test]
fn syntax_warnings_do_not_depend_on_chunking() {
    // (`13,"14",` keeps the sniffer from turning skipInitialSpace on for `4, "5"`.)
    let data = b"siret,code_postal,date_maj,montant\r\n1,2\"x,2024-01-01,3\r\n4, \"5\",2024-01-01,6\n7,\"8\"z,2024-01-01,9\r\n13,\"14\",2024-01-01,15\r\n10,\"11,2024-01-01,12\n";
    let one = plain().validate_slice(data).unwrap();
    assert_eq!(one.warnings.len(), 4, "{:?}", one.warnings);
    for chunk in [1, 5, 17, 64] {
        let v = validator(
            ValidationOptions::default()
                .chunk_size(chunk)
                .threads(Some(2)),
        );
        assert_eq!(v.validate_slice(data).unwrap(), one, "chunk {chunk}");
        let mut stream = v.stream();
        for piece in data.chunks(3) {
            stream.push(piece).unwrap();
        }
        assert_eq!(stream.finish().unwrap(), one, "stream, chunk {chunk}");
    }
}

fn with_dialect(dialect: serde_json::Value, data: &[u8]) -> Report {
    validator(ValidationOptions::default().dialect_json(&dialect).unwrap())
        .validate_slice(data)
        .unwrap()
}

#[test]
fn table_dialect_keys() {
    // headerRows: a title line, then the header.
    let r = with_dialect(
        serde_json::json!({"headerRows": [2]}),
        b"Export du 01/03/2024\nsiret,code_postal,date_maj,montant\n21010400000013,25000,2024-03-01,x\n",
    );
    assert_eq!(cells(&r), vec![(Some(3), Some(4), "type-error".to_owned())]);
    // Two header rows joined.
    let schema = Schema::from_slice(br#"{"fields": [{"name": "a x"}, {"name": "b y"}]}"#).unwrap();
    let r = Validator::with_options(
        &schema,
        ValidationOptions::default()
            .dialect_json(&serde_json::json!({"headerRows": [1, 2]}))
            .unwrap(),
    )
    .validate_slice(b"a,b\nx,y\n1,2\n")
    .unwrap();
    assert!(r.valid, "{:?}", r.errors);
    assert_eq!(r.stats.rows, 1);
    // commentChar: a quote in a comment does not open a cell.
    let r = with_dialect(
        serde_json::json!({"commentChar": "#"}),
        b"siret,code_postal,date_maj,montant\n# l'export \"brut\n21010400000013,25000,2024-03-01,1\n",
    );
    assert!(r.valid, "{:?}", r.errors);
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    // commentChar: comment lines full of commas do not make the delimiter a comma.
    let r = with_dialect(
        serde_json::json!({"commentChar": "#"}),
        b"# export du 3/12, colonnes siret, code postal, date, montant, etc\n# a, b, c, d\n\
          siret;code_postal;date_maj;montant\n21010400000013;25000;2024-03-01;x\n",
    );
    assert_eq!(r.stats.delimiter, ";");
    assert_eq!(cells(&r), vec![(Some(2), Some(4), "type-error".to_owned())]);
    // nullSequence: NA is a missing value.
    let r = with_dialect(
        serde_json::json!({"nullSequence": "NA"}),
        b"siret,code_postal,date_maj,montant\n21010400000013,NA,NA,NA\n",
    );
    assert!(r.valid, "{:?}", r.errors);
    // skipInitialSpace, with a quoted cell holding the delimiter.
    let r = with_dialect(
        serde_json::json!({"skipInitialSpace": true}),
        b"siret, code_postal, date_maj, montant\n21010400000013, \"25000\", 2024-03-01, \"1\"\n",
    );
    assert!(r.valid, "{:?}", r.errors);
    // quoteChar, escapeChar, doubleQuote, delimiter, header.
    let r = with_dialect(
        serde_json::json!({"delimiter": "|", "quoteChar": "'", "escapeChar": "\\", "doubleQuote": false, "header": false}),
        b"21010400000013|'25\\'000'|2024-03-01|1\n",
    );
    assert_eq!(
        cells(&r),
        vec![(Some(1), Some(2), "constraint-error".to_owned())]
    );
    assert_eq!(r.errors[0].cell.as_deref(), Some("25'000"));
    // An unknown key is refused with the list of known ones.
    let err = ValidationOptions::default()
        .dialect_json(&serde_json::json!({"delimeter": ";"}))
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("delimeter") && err.contains("quoteChar"),
        "{err}"
    );
}

#[test]
fn line_ends() {
    let expected = plain()
        .validate_slice(b"siret,code_postal,date_maj,montant\n21010400000013,2,2024-03-01,x\n")
        .unwrap();
    for data in [
        &b"siret,code_postal,date_maj,montant\r21010400000013,2,2024-03-01,x\r"[..],
        b"siret,code_postal,date_maj,montant\r\n21010400000013,2,2024-03-01,x\r\n",
        b"siret,code_postal,date_maj,montant\n21010400000013,2,2024-03-01,x",
    ] {
        let r = plain().validate_slice(data).unwrap();
        assert_eq!(
            cells(&r),
            cells(&expected),
            "{}",
            String::from_utf8_lossy(data)
        );
        assert_eq!(r.errors[1].line, Some(2));
    }
}

#[test]
fn skip_initial_space_keeps_the_file_s_byte_offsets() {
    // The spaces after delimiters are taken out before the records are read: the rows
    // must still be located in the file's bytes, whatever the chunking.
    let data = b"siret, code_postal, date_maj, montant\n1,  2, 2024-01-01, 3\n  , , , \n4, 5, 2024-01-01, 6\n";
    let blank = |options: ValidationOptions| {
        let options = options
            .dialect_json(&serde_json::json!({"skipInitialSpace": true}))
            .unwrap();
        let report = validator(options).validate_slice(data).unwrap();
        let e = report
            .errors
            .iter()
            .find(|e| e.code.as_str() == "blank-row")
            .expect("a blank row");
        (e.row, e.line, e.byte)
    };
    let third_line = (data.iter().position(|&b| b == b'\n').unwrap() + 1) as u64;
    let third_line = third_line + 21; // "1,  2, 2024-01-01, 3\n"
    assert_eq!(
        blank(ValidationOptions::default().threads(Some(1))),
        (Some(3), Some(3), Some(third_line))
    );
    for chunk in [1, 7, 30] {
        assert_eq!(
            blank(
                ValidationOptions::default()
                    .chunk_size(chunk)
                    .threads(Some(2))
            ),
            (Some(3), Some(3), Some(third_line)),
            "chunk {chunk}"
        );
    }
}

/// A named pipe called `.csv` cannot be read again in blocks: it is read to its end by the
/// front, whole (not only its first bytes), as from memory.
#[cfg(target_os = "linux")]
#[test]
fn a_named_pipe_is_read_whole() {
    let mut data = b"siret,code_postal,date_maj,montant\n".to_vec();
    while data.len() < 300_000 {
        data.extend_from_slice(
            b"21010400000013,25000,2024-03-01,12.5\n2.10104E+13,34200,2024-03-02,x\n",
        );
    }
    let path = scratch("named-pipe").join("data.csv");
    let made = std::process::Command::new("mkfifo").arg(&path).status();
    assert!(
        made.is_ok_and(|s| s.success()),
        "mkfifo is part of coreutils"
    );
    let writer = {
        let (path, data) = (path.clone(), data.clone());
        std::thread::spawn(move || std::fs::write(path, data).unwrap())
    };
    let options = ValidationOptions::default()
        .chunk_size(4096)
        .threads(Some(2));
    let from_pipe = validator(options.clone()).validate_path(&path).unwrap();
    writer.join().unwrap();
    let _ = std::fs::remove_file(&path);
    let from_memory = validator(options).validate_slice(&data).unwrap();
    assert!(from_pipe.stats.rows > 8_000);
    assert_eq!(from_pipe, from_memory);
}
