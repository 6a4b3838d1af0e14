//! Workbooks: raw bytes as `.xlsx`/`.xls`/`.ods`, and the input as the XML of an `.xlsx`
//! sheet and shared-string table, and of an OpenDocument `content.xml`. Never a panic or
//! an abort: an oversized sheet is an error (the budget of `conforme::limits`).

use conforme::{ValidationOptions, Validator};

const TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#;
const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
const WORKBOOK: &str = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
const WORKBOOK_RELS: &str = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;

fn check(validator: &Validator, dir: &std::path::Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    if std::fs::write(&path, bytes).is_ok() {
        let _ = validator.validate_path(&path);
    }
}

pub fn run(data: &[u8]) {
    let validator = Validator::with_options(
        &super::table_schema(),
        ValidationOptions::default().threads(Some(1)),
    );
    let _ = validator.validate_slice(data);
    let (sheet, shared) = super::halves(data);
    let sheet = String::from_utf8_lossy(sheet);
    let shared = String::from_utf8_lossy(shared);
    let sheet_xml = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>{sheet}</sheetData></worksheet>"#
    );
    let xlsx = super::zip_of(
        &[
            ("[Content_Types].xml", TYPES.as_bytes()),
            ("_rels/.rels", RELS.as_bytes()),
            ("xl/workbook.xml", WORKBOOK.as_bytes()),
            ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.as_bytes()),
            ("xl/worksheets/sheet1.xml", sheet_xml.as_bytes()),
            ("xl/sharedStrings.xml", shared.as_bytes()),
        ],
        true,
    );
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="F">{sheet}</table:table></office:spreadsheet></office:body></office:document-content>"#
    );
    let ods = super::zip_of(
        &[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet".as_slice(),
            ),
            ("content.xml", content.as_bytes()),
            ("META-INF/manifest.xml", MANIFEST.as_bytes()),
        ],
        false,
    );
    let dir = super::scratch("sheet");
    check(&validator, &dir, "raw.xlsx", data);
    check(&validator, &dir, "raw.ods", data);
    check(&validator, &dir, "raw.xls", data);
    check(&validator, &dir, "built.xlsx", &xlsx);
    check(&validator, &dir, "built.ods", &ods);
    let _ = std::fs::remove_dir_all(dir);
}
