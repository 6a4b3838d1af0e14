//! Data given by URL: opened as a stream (never downloaded whole first), its format found
//! from the address, then `Content-Type`, then `Content-Disposition`, then the first bytes.

use super::RemoteError;
use super::http::{HttpClient, ResponseMeta};
use std::io::{Cursor, Read};

/// What a data source contains.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DataFormat {
    /// Delimited text (CSV, TSV…).
    Csv,
    /// JSON or GeoJSON.
    Json,
    /// A spreadsheet (xlsx, xls, ods).
    Spreadsheet,
    /// A web page.
    Html,
    /// A zip archive that is not a spreadsheet we recognise.
    Zip,
}

/// Bytes examined when the format must be guessed from the content.
const SNIFF_BYTES: usize = 8 * 1024;

fn from_extension(name: &str) -> Option<DataFormat> {
    let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
    Some(match ext.as_str() {
        "csv" | "tsv" | "tab" | "txt" => DataFormat::Csv,
        "json" | "geojson" => DataFormat::Json,
        "xlsx" | "xls" | "ods" => DataFormat::Spreadsheet,
        "html" | "htm" => DataFormat::Html,
        "zip" => DataFormat::Zip,
        _ => return None,
    })
}

/// The last path segment of a URL (no query, no fragment).
fn url_file_name(url: &str) -> &str {
    let no_query = url.split(['?', '#']).next().unwrap_or(url);
    let after_host = no_query
        .find("://")
        .map_or(no_query, |i| &no_query[i + 3..]);
    match after_host.find('/') {
        Some(i) => after_host[i..].rsplit('/').next().unwrap_or(""),
        None => "",
    }
}

fn from_content_type(content_type: &str) -> Option<DataFormat> {
    let mime = content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    Some(match mime.as_str() {
        "text/csv"
        | "application/csv"
        | "text/x-csv"
        | "application/x-csv"
        | "text/tab-separated-values"
        | "text/comma-separated-values" => DataFormat::Csv,
        "application/json" | "application/geo+json" | "text/json" => DataFormat::Json,
        m if m.ends_with("+json") => DataFormat::Json,
        "text/html" | "application/xhtml+xml" => DataFormat::Html,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        | "application/vnd.oasis.opendocument.spreadsheet" => DataFormat::Spreadsheet,
        "application/zip" => DataFormat::Zip,
        // text/plain, application/octet-stream and application/vnd.ms-excel (which many
        // servers send for CSV) say nothing reliable: look at the bytes instead.
        _ => return None,
    })
}

/// The file name in a `Content-Disposition` header (`filename*=` preferred).
fn disposition_file_name(header: &str) -> Option<String> {
    let mut plain = None;
    for part in header.split(';').map(str::trim) {
        let Some((key, value)) = part.split_once('=') else {
            continue;
        };
        let value = value.trim().trim_matches('"');
        match key.trim().to_ascii_lowercase().as_str() {
            // RFC 5987: charset'lang'percent-encoded; the extension is ASCII anyway.
            "filename*" => return Some(value.rsplit('\'').next().unwrap_or(value).to_owned()),
            "filename" => plain = Some(value.to_owned()),
            _ => {}
        }
    }
    plain
}

/// Whether `bytes` start like an HTML document.
pub fn looks_like_html(bytes: &[u8]) -> bool {
    let start = skip_bom_and_space(bytes);
    let head: String = String::from_utf8_lossy(&start[..start.len().min(512)]).to_ascii_lowercase();
    head.starts_with("<!doctype html")
        || head.starts_with("<html")
        || (head.starts_with('<') && head.contains("<html"))
}

fn skip_bom_and_space(bytes: &[u8]) -> &[u8] {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let first = bytes
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    &bytes[first..]
}

/// The format the first bytes show.
pub fn sniff(head: &[u8]) -> DataFormat {
    if head.starts_with(b"PK\x03\x04") {
        return DataFormat::Zip;
    }
    if head.starts_with(b"\xD0\xCF\x11\xE0") {
        return DataFormat::Spreadsheet;
    }
    if looks_like_html(head) {
        return DataFormat::Html;
    }
    match skip_bom_and_space(head).first() {
        Some(b'{') | Some(b'[') => DataFormat::Json,
        _ => DataFormat::Csv,
    }
}

/// The declared format, in the order the address and headers are trusted.
fn declared_format(url: &str, meta: &ResponseMeta) -> Option<DataFormat> {
    from_extension(url_file_name(url))
        .or_else(|| from_extension(url_file_name(&meta.final_url)))
        .or_else(|| meta.content_type.as_deref().and_then(from_content_type))
        .or_else(|| {
            meta.content_disposition
                .as_deref()
                .and_then(disposition_file_name)
                .and_then(|name| from_extension(&name))
        })
}

/// Opens `url`, finds its format and returns its bytes as they arrive (starting with the
/// ones already examined) when it is CSV, or a clear error for the formats this command
/// cannot validate (yet).
pub fn open_csv(http: &HttpClient, url: &str) -> Result<Box<dyn Read + Send>, RemoteError> {
    let streamed = http.open(url)?;
    let mut body = streamed.body;
    let mut head = Vec::with_capacity(SNIFF_BYTES);
    (&mut body)
        .take(SNIFF_BYTES as u64)
        .read_to_end(&mut head)
        .map_err(|e| RemoteError::Data {
            location: url.to_owned(),
            detail: format!("download failed: {e}"),
        })?;
    let sniffed = sniff(&head);
    // A web page stays a web page whatever its address says (a login or error page).
    let format = if sniffed == DataFormat::Html {
        DataFormat::Html
    } else {
        declared_format(url, &streamed.meta).unwrap_or(sniffed)
    };
    let detail = match format {
        DataFormat::Csv => {
            return Ok(Box::new(Cursor::new(head).chain(body)));
        }
        DataFormat::Html => {
            "the server returned an HTML page, not a data file. Use the address of the file itself (its download link), not of the page that presents it"
        }
        DataFormat::Json => "this is JSON data: not supported yet by this command (CSV only)",
        DataFormat::Spreadsheet => {
            "this is a spreadsheet (xlsx/xls/ods): export it as CSV (UTF-8) and validate the CSV file"
        }
        DataFormat::Zip => {
            "this is a zip archive: extract the CSV file and validate it (or give its own address)"
        }
    };
    Err(RemoteError::Data {
        location: url.to_owned(),
        detail: detail.to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_url_extension_comes_first() {
        assert_eq!(
            from_extension(url_file_name("https://h/a/data.CSV?x=1.json")),
            Some(DataFormat::Csv)
        );
        assert_eq!(url_file_name("https://h/api/export?format=csv"), "export");
        assert_eq!(url_file_name("https://h"), "");
    }

    #[test]
    fn content_type_and_disposition_are_understood() {
        assert_eq!(
            from_content_type("text/csv; charset=utf-8"),
            Some(DataFormat::Csv)
        );
        assert_eq!(from_content_type("application/vnd.ms-excel"), None);
        assert_eq!(
            from_content_type("application/geo+json"),
            Some(DataFormat::Json)
        );
        assert_eq!(
            disposition_file_name("attachment; filename=\"export.csv\""),
            Some("export.csv".into())
        );
        assert_eq!(
            disposition_file_name("attachment; filename=a.txt; filename*=UTF-8''donn%C3%A9es.csv"),
            Some("donn%C3%A9es.csv".into())
        );
    }

    #[test]
    fn sniffing_recognises_pages_json_and_archives() {
        assert_eq!(sniff(b"\n<!DOCTYPE html><html>"), DataFormat::Html);
        assert_eq!(sniff(b"\xEF\xBB\xBF{\"type\": 1}"), DataFormat::Json);
        assert_eq!(sniff(b"PK\x03\x04rest"), DataFormat::Zip);
        assert_eq!(sniff(b"a;b\n1;2\n"), DataFormat::Csv);
    }
}
