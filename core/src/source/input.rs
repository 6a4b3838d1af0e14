//! What kind of file the input is (from its extension, else from its first bytes), and the
//! readers that undo compression: gzip streamed, ZIP member chosen and streamed.

use crate::error::SourceError;
use std::io::{Read, Seek};
use std::path::Path;

/// The kinds of input conforme reads.
///
/// ```
/// use conforme::source::InputFormat;
/// assert_eq!(InputFormat::from_path("data.csv.gz".as_ref()).unwrap(), Some(InputFormat::Gzip));
/// assert_eq!(InputFormat::sniff(b"PK\x03\x04"), Some(InputFormat::Zip));
/// assert!(InputFormat::from_path("scan.pdf".as_ref()).is_err());
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Delimited text.
    Csv,
    /// gzip-compressed text (`.gz`).
    Gzip,
    /// ZIP archive holding one table (`.zip`).
    Zip,
    /// Excel 2007+ workbook (`.xlsx`, `.xlsm`).
    Xlsx,
    /// Excel binary workbook (`.xlsb`).
    Xlsb,
    /// Excel 97-2003 workbook (`.xls`).
    Xls,
    /// OpenDocument spreadsheet (`.ods`).
    Ods,
}

/// Extensions of files that are certainly not tables, with what they are (English, French).
const UNSUPPORTED: &[(&str, &str, &str)] = &[
    ("pdf", "a PDF document", "un document PDF"),
    ("png", "a PNG image", "une image PNG"),
    ("jpg", "a JPEG image", "une image JPEG"),
    ("jpeg", "a JPEG image", "une image JPEG"),
    ("gif", "a GIF image", "une image GIF"),
    ("webp", "a WebP image", "une image WebP"),
    ("svg", "an SVG image", "une image SVG"),
    ("doc", "a Word document", "un document Word"),
    ("docx", "a Word document", "un document Word"),
    ("odt", "an OpenDocument text", "un texte OpenDocument"),
    (
        "ppt",
        "a PowerPoint presentation",
        "une présentation PowerPoint",
    ),
    (
        "pptx",
        "a PowerPoint presentation",
        "une présentation PowerPoint",
    ),
    ("7z", "a 7-Zip archive", "une archive 7-Zip"),
    ("rar", "a RAR archive", "une archive RAR"),
    (
        "bz2",
        "a bzip2-compressed file",
        "un fichier compressé bzip2",
    ),
    ("xz", "an xz-compressed file", "un fichier compressé xz"),
    ("shp", "a shapefile", "un shapefile"),
    ("parquet", "a Parquet file", "un fichier Parquet"),
];

/// The French of an unsupported kind of file as [`SourceError::Unsupported`] names it
/// (`a PDF document (.pdf)` → `un document PDF (.pdf)`); `None` for other texts.
pub(crate) fn unsupported_fr(what: &str) -> Option<String> {
    UNSUPPORTED
        .iter()
        .find_map(|(_, en, fr)| what.strip_prefix(en).map(|rest| format!("{fr}{rest}")))
}

impl InputFormat {
    /// The format named by the file's extension: `Ok(None)` when the extension says
    /// nothing (`.csv`-like or unknown: the content decides), an error for files that are
    /// certainly not tables (PDF, images, documents).
    pub fn from_path(path: &Path) -> Result<Option<InputFormat>, SourceError> {
        let Some(ext) = path.extension().and_then(|e| e.to_str()) else {
            return Ok(None);
        };
        let ext = ext.to_ascii_lowercase();
        Ok(Some(match ext.as_str() {
            "csv" | "tsv" | "tab" | "txt" => InputFormat::Csv,
            "gz" | "gzip" => InputFormat::Gzip,
            "zip" => InputFormat::Zip,
            "xlsx" | "xlsm" => InputFormat::Xlsx,
            "xlsb" => InputFormat::Xlsb,
            "xls" => InputFormat::Xls,
            "ods" => InputFormat::Ods,
            other => {
                if let Some((_, what, _)) = UNSUPPORTED.iter().find(|(e, ..)| *e == other) {
                    return Err(SourceError::Unsupported {
                        what: format!("{what} (.{other})"),
                    });
                }
                return Ok(None);
            }
        }))
    }

    /// The format the first bytes show, when they show one (text gives `None`).
    pub fn sniff(head: &[u8]) -> Option<InputFormat> {
        if head.starts_with(b"\x1F\x8B") {
            Some(InputFormat::Gzip)
        } else if head.starts_with(b"PK\x03\x04") || head.starts_with(b"PK\x05\x06") {
            Some(InputFormat::Zip)
        } else if head.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            Some(InputFormat::Xls)
        } else {
            None
        }
    }

    /// Whether this is a spreadsheet workbook.
    pub fn is_spreadsheet(self) -> bool {
        matches!(
            self,
            InputFormat::Xlsx | InputFormat::Xlsb | InputFormat::Xls | InputFormat::Ods
        )
    }

    /// The short name used in reports (`stats.format`).
    pub fn name(self) -> &'static str {
        match self {
            InputFormat::Csv => "csv",
            InputFormat::Gzip => "csv+gzip",
            InputFormat::Zip => "csv+zip",
            InputFormat::Xlsx => "xlsx",
            InputFormat::Xlsb => "xlsb",
            InputFormat::Xls => "xls",
            InputFormat::Ods => "ods",
        }
    }
}

/// A decompression failure, carried inside an `io::Error` through the CSV pipeline and
/// turned back into [`SourceError::Corrupt`] at the end.
#[derive(Debug)]
pub(crate) struct CorruptInput {
    pub format: &'static str,
    pub detail: String,
}

impl std::fmt::Display for CorruptInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.format, self.detail)
    }
}

impl std::error::Error for CorruptInput {}

/// A reader whose errors are decompression errors of `format`, counting the bytes it
/// delivered so the error can say where the damage is.
pub(crate) struct Decompressed<R> {
    inner: R,
    format: &'static str,
    delivered: u64,
}

impl<R: Read> Decompressed<R> {
    pub(crate) fn new(inner: R, format: &'static str) -> Self {
        Decompressed {
            inner,
            format,
            delivered: 0,
        }
    }
}

impl<R: Read> Read for Decompressed<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        match self.inner.read(buf) {
            Ok(n) => {
                self.delivered += n as u64;
                Ok(n)
            }
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => Err(e),
            Err(e) => Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                CorruptInput {
                    format: self.format,
                    detail: format!("{e} after {} bytes of decompressed data", self.delivered),
                },
            )),
        }
    }
}

/// Turns an I/O error that carries a [`CorruptInput`] into [`SourceError::Corrupt`].
pub(crate) fn corrupt_to_error(e: SourceError) -> SourceError {
    if let SourceError::Io(io) = &e
        && let Some(c) = io.get_ref().and_then(|r| r.downcast_ref::<CorruptInput>())
    {
        return SourceError::Corrupt {
            format: c.format.to_owned(),
            detail: c.detail.clone(),
        };
    }
    e
}

/// Whether an archive member is packaging noise rather than data.
fn is_noise(name: &str) -> bool {
    name.ends_with('/')
        || name.starts_with("__MACOSX/")
        || name.rsplit('/').next().is_some_and(|base| {
            base.starts_with("._") || base == ".DS_Store" || base == "Thumbs.db"
        })
}

/// Opens a ZIP archive, reporting a damaged or truncated one clearly.
pub(crate) fn open_zip<R: Read + Seek>(reader: R) -> Result<zip::ZipArchive<R>, SourceError> {
    zip::ZipArchive::new(reader).map_err(|e| SourceError::Corrupt {
        format: "ZIP".to_owned(),
        detail: format!(
            "{e} (the archive's table of contents, at its end, is missing or unreadable: the file is probably truncated)"
        ),
    })
}

/// Whether the archive is an Office Open XML or OpenDocument workbook rather than a
/// plain ZIP of files.
pub(crate) fn zip_spreadsheet<R: Read + Seek>(archive: &zip::ZipArchive<R>) -> Option<InputFormat> {
    let names: Vec<String> = archive
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .collect();
    if names.iter().any(|n| n == "xl/workbook.xml") {
        Some(InputFormat::Xlsx)
    } else if names.iter().any(|n| n == "xl/workbook.bin") {
        Some(InputFormat::Xlsb)
    } else if names.iter().any(|n| n == "content.xml") && names.iter().any(|n| n == "mimetype") {
        Some(InputFormat::Ods)
    } else {
        None
    }
}

/// Picks the member to validate: the one named, else the only data file.
pub(crate) fn choose_member<R: Read + Seek>(
    archive: &zip::ZipArchive<R>,
    wanted: Option<&str>,
) -> Result<(usize, String), SourceError> {
    let members: Vec<(usize, String)> = archive
        .file_names()
        .enumerate()
        .filter_map(|(i, n)| n.ok().map(|n| (i, n.into_owned())))
        .filter(|(_, n)| !is_noise(n))
        .collect();
    let names = || members.iter().map(|(_, n)| n.clone()).collect::<Vec<_>>();
    if let Some(wanted) = wanted {
        let base = |n: &str| n.rsplit('/').next().unwrap_or(n).to_owned();
        return members
            .iter()
            .find(|(_, n)| n == wanted)
            .or_else(|| members.iter().find(|(_, n)| base(n) == wanted))
            .cloned()
            .ok_or_else(|| SourceError::ZipMember {
                wanted: Some(wanted.to_owned()),
                members: names(),
            });
    }
    match members.as_slice() {
        [one] => Ok(one.clone()),
        _ => Err(SourceError::ZipMember {
            wanted: None,
            members: names(),
        }),
    }
}

/// A ZIP member's format from its name (text unless its extension says otherwise).
pub(crate) fn member_format(name: &str) -> Result<InputFormat, SourceError> {
    Ok(InputFormat::from_path(Path::new(name))?.unwrap_or(InputFormat::Csv))
}

/// Opens the file at `path` for reading as the format its extension names, else as its
/// first bytes tell (CSV when they tell nothing); a directory is refused with a message.
pub(crate) fn open_path(path: &Path) -> Result<(std::fs::File, InputFormat), SourceError> {
    if path.is_dir() {
        return Err(SourceError::Io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            format!("{} is a directory, not a file", path.display()),
        )));
    }
    let by_extension = InputFormat::from_path(path)?;
    let mut file = std::fs::File::open(path)?;
    let format = match by_extension {
        Some(f) => f,
        None => {
            // Enough bytes to recognise a format by its signature.
            let mut head = [0u8; 8];
            let n = super::read_retrying(&mut file, &mut head)?;
            file.rewind()?;
            InputFormat::sniff(&head[..n]).unwrap_or(InputFormat::Csv)
        }
    };
    Ok((file, format))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_from_extensions() {
        let f = |p: &str| InputFormat::from_path(Path::new(p));
        assert_eq!(f("a.CSV").unwrap(), Some(InputFormat::Csv));
        assert_eq!(f("a.xlsx").unwrap(), Some(InputFormat::Xlsx));
        assert_eq!(f("a.ods").unwrap(), Some(InputFormat::Ods));
        assert_eq!(f("a.dat").unwrap(), None);
        assert_eq!(f("noext").unwrap(), None);
        assert!(f("photo.JPG").unwrap_err().to_string().contains("JPEG"));
    }

    #[test]
    fn noise_members() {
        assert!(is_noise("__MACOSX/._data.csv"));
        assert!(is_noise("dir/"));
        assert!(!is_noise("dir/data.csv"));
    }
}
