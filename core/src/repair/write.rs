//! Writing CSV records: quoted only when needed, quotes doubled, one line end.

use std::io::Write;

/// How records are written.
#[derive(Clone, Copy, Debug)]
pub(crate) struct CsvStyle {
    pub delimiter: u8,
    pub quote: u8,
}

impl Default for CsvStyle {
    fn default() -> Self {
        CsvStyle {
            delimiter: b',',
            quote: b'"',
        }
    }
}

/// Writes one record. A record of one empty cell is written `""`, so that it is not read
/// back as an empty line.
pub(crate) fn record<'c>(
    out: &mut dyn Write,
    style: CsvStyle,
    cells: impl IntoIterator<Item = &'c str>,
) -> std::io::Result<()> {
    let mut count = 0;
    let mut last_empty = false;
    for (i, cell) in cells.into_iter().enumerate() {
        if i > 0 {
            out.write_all(&[style.delimiter])?;
        }
        count += 1;
        last_empty = cell.is_empty();
        let bytes = cell.as_bytes();
        let quote = bytes
            .iter()
            .any(|&b| b == style.delimiter || b == style.quote || b == b'\n' || b == b'\r');
        if quote {
            out.write_all(&[style.quote])?;
            for part in bytes.split_inclusive(|&b| b == style.quote) {
                out.write_all(part)?;
                if part.last() == Some(&style.quote) {
                    out.write_all(&[style.quote])?;
                }
            }
            out.write_all(&[style.quote])?;
        } else {
            out.write_all(bytes)?;
        }
    }
    if count == 1 && last_empty {
        out.write_all(&[style.quote, style.quote])?;
    }
    out.write_all(b"\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(cells: &[&str]) -> String {
        let mut out = Vec::new();
        record(&mut out, CsvStyle::default(), cells.iter().copied()).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn quotes_only_what_needs_it() {
        assert_eq!(
            line(&["a", "b c", "d,e", "say \"hi\""]),
            "a,b c,\"d,e\",\"say \"\"hi\"\"\"\n"
        );
        assert_eq!(line(&[""]), "\"\"\n");
        assert_eq!(line(&[]), "\n");
        assert_eq!(line(&["", ""]), ",\n");
    }
}
