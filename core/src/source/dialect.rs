//! CSV dialect (Table Dialect keys) and delimiter detection.

use serde::Serialize;

/// How the CSV text is written. `Dialect::default()` is RFC 4180 (comma, double quote).
///
/// ```
/// let d = conforme::Dialect { delimiter: b';', ..Default::default() };
/// assert_eq!(d.quote_char, Some(b'"'));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Dialect {
    /// Field separator (`delimiter`).
    pub delimiter: u8,
    /// Quote character (`quoteChar`); `None` disables quoting.
    pub quote_char: Option<u8>,
    /// Whether `""` inside a quoted cell is a literal quote (`doubleQuote`).
    pub double_quote: bool,
    /// Escape character (`escapeChar`).
    pub escape_char: Option<u8>,
    /// Whether spaces after a delimiter are ignored (`skipInitialSpace`).
    pub skip_initial_space: bool,
    /// Whether the first record is a header (`header`).
    pub header: bool,
    /// Lines starting with this byte are comments (`commentChar`).
    pub comment_char: Option<u8>,
}

impl Default for Dialect {
    fn default() -> Self {
        Dialect {
            delimiter: b',',
            quote_char: Some(b'"'),
            double_quote: true,
            escape_char: None,
            skip_initial_space: false,
            header: true,
            comment_char: None,
        }
    }
}

impl Dialect {
    /// A `csv` reader configured for this dialect, reading records without headers.
    pub(crate) fn reader_builder(&self) -> csv::ReaderBuilder {
        let mut b = csv::ReaderBuilder::new();
        b.has_headers(false)
            .flexible(true)
            .delimiter(self.delimiter)
            .double_quote(self.double_quote)
            .escape(self.escape_char)
            .comment(self.comment_char);
        match self.quote_char {
            Some(q) => b.quote(q).quoting(true),
            None => b.quoting(false),
        };
        b
    }
}

const CANDIDATES: [u8; 4] = [b',', b';', b'\t', b'|'];

/// Picks the delimiter of `sample` among `,` `;` tab `|`.
///
/// Each candidate parses the sample with quotes honoured; the header matching the schema's
/// field names wins outright, otherwise the candidate whose records most consistently have
/// the same number (≥ 2) of cells. Ties go to the comma.
pub(crate) fn sniff_delimiter(sample: &[u8], quote: Option<u8>, field_names: &[&str]) -> u8 {
    let mut best = (b',', 0.0f64);
    for &candidate in &CANDIDATES {
        let dialect = Dialect {
            delimiter: candidate,
            quote_char: quote,
            ..Dialect::default()
        };
        let mut reader = dialect.reader_builder().from_reader(sample);
        let mut counts: Vec<usize> = Vec::new();
        let mut header_hits = 0usize;
        let mut record = csv::ByteRecord::new();
        while counts.len() < 200 {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                _ => break,
            }
            if counts.is_empty() {
                header_hits = record
                    .iter()
                    .filter(|label| {
                        let label = String::from_utf8_lossy(label);
                        let label = label.trim();
                        field_names.iter().any(|n| n.eq_ignore_ascii_case(label))
                    })
                    .count();
            }
            counts.push(record.len());
        }
        // The last record of a sample may be cut short: leave it out when there are others.
        if counts.len() > 2 {
            counts.pop();
        }
        let Some(&first) = counts.first() else {
            continue;
        };
        let consistent =
            counts.iter().filter(|&&c| c == first).count() as f64 / counts.len() as f64;
        let mut score = if first >= 2 {
            consistent * (1.0 + (first as f64).ln())
        } else {
            0.0
        };
        if field_names.len() >= 2
            && header_hits * 2 >= field_names.len().min(first.max(1))
            && header_hits >= 2
        {
            score += 100.0 + header_hits as f64;
        }
        if score > best.1 {
            best = (candidate, score);
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_semicolon_with_decimal_commas() {
        let sample = b"a;b;c\n1,5;2,5;x\n3,1;4;\"y;z\"\n";
        assert_eq!(sniff_delimiter(sample, Some(b'"'), &[]), b';');
    }

    #[test]
    fn quoted_commas_do_not_mislead() {
        let sample = b"nom,adresse\n\"Dupont\",\"1, rue; de la Paix\"\n\"Durand\",\"2, rue\"\n";
        assert_eq!(sniff_delimiter(sample, Some(b'"'), &[]), b',');
    }

    #[test]
    fn header_matching_schema_wins() {
        let sample = b"id|nom\n1|a,b,c\n";
        assert_eq!(sniff_delimiter(sample, Some(b'"'), &["id", "nom"]), b'|');
    }

    #[test]
    fn tab_and_single_column() {
        assert_eq!(sniff_delimiter(b"a\tb\n1\t2\n", Some(b'"'), &[]), b'\t');
        assert_eq!(sniff_delimiter(b"a\n1\n2\n", Some(b'"'), &[]), b',');
    }
}
