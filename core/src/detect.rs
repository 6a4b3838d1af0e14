//! Which columns of a table hold values of an official list (commune codes, postcodes,
//! départements…) or SIRET/SIREN numbers: what `conforme guess` proposes as custom checks,
//! from the first rows of a file.
//!
//! A column is recognised when at least 90 % of its non-empty values pass the check and
//! they hold at least 5 different values (one value repeated says nothing: `École` is a
//! commune of Savoie); when several checks pass equally (a two-digit région code is also a
//! département number), the column's name decides, then the order of the candidates.
//!
//! ```
//! use conforme::detect::detect_columns;
//! let csv = b"insee,cp,nom\n75056,75001,a\n69123,69001,b\n13055,13001,c\n2A004,20000,d\n33063,33000,e\n";
//! let found = detect_columns(csv);
//! assert_eq!(found[0].column, "insee");
//! assert_eq!(found[0].check, "code-commune-insee");
//! assert_eq!(found[1].check, "code-postal");
//! ```

use crate::referentials::List;
use crate::source::table_reader::{Header, Input, Record, RecordVisitor};
use crate::{Schema, SourceError, Validator};
use serde::Serialize;

/// Rows read from the start of the table.
pub const ROWS: usize = 1000;

/// Share of non-empty values that must pass.
const THRESHOLD: f64 = 0.9;

/// Fewest distinct values for a verdict.
const MIN_VALUES: usize = 5;

/// A check to try: its name, how a value passes, and words that name such a column.
struct Candidate {
    check: &'static str,
    list: Option<List>,
    keywords: &'static [&'static str],
}

/// The checks tried, most specific first.
const CANDIDATES: &[Candidate] = &[
    Candidate {
        check: "siret",
        list: None,
        keywords: &["siret"],
    },
    Candidate {
        check: "siren",
        list: None,
        keywords: &["siren"],
    },
    Candidate {
        check: "code-commune-insee",
        list: Some(List::CodeCommuneInsee),
        keywords: &["insee", "commune", "com"],
    },
    Candidate {
        check: "code-postal",
        list: Some(List::CodePostal),
        keywords: &["postal", "cp", "postcode", "zip"],
    },
    Candidate {
        check: "code-region",
        list: Some(List::CodeRegion),
        keywords: &["reg"],
    },
    Candidate {
        check: "numero-departement",
        list: Some(List::NumeroDepartement),
        keywords: &["dep", "dpt"],
    },
    Candidate {
        check: "code-pays-iso2",
        list: Some(List::CodePaysIso2),
        keywords: &["pays", "country", "iso"],
    },
    Candidate {
        check: "code-pays-iso3",
        list: Some(List::CodePaysIso3),
        keywords: &["pays", "country", "iso"],
    },
    Candidate {
        check: "commune",
        list: Some(List::Commune),
        keywords: &["commune", "ville"],
    },
    Candidate {
        check: "departement",
        list: Some(List::Departement),
        keywords: &["dep"],
    },
    Candidate {
        check: "region",
        list: Some(List::Region),
        keywords: &["reg"],
    },
    Candidate {
        check: "pays",
        list: Some(List::Pays),
        keywords: &["pays", "country"],
    },
];

impl Candidate {
    fn passes(&self, value: &str) -> bool {
        match self.list {
            Some(list) => list.contains(value, list.vintage("latest")),
            None if self.check == "siret" => crate::checks::siret::is_valid_siret(value),
            None => crate::checks::siret::is_valid_siren(value),
        }
    }
}

/// A column recognised as following a check.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Detection {
    /// The column's label.
    pub column: String,
    /// The custom check that fits (Validata's name).
    pub check: &'static str,
    /// Non-empty values read.
    pub values: usize,
    /// Of those, how many pass.
    pub matched: usize,
    /// The declaration to put on the field (`customCheck`).
    pub declaration: serde_json::Value,
}

/// Collects the values of each column.
#[derive(Default)]
struct Columns {
    labels: Vec<String>,
    values: Vec<Vec<String>>,
    rows: usize,
}

impl RecordVisitor for Columns {
    type Error = SourceError;

    fn header(&mut self, header: Header<'_>) -> Result<(), SourceError> {
        self.labels = header.labels.unwrap_or_default();
        self.values = vec![Vec::new(); self.labels.len()];
        Ok(())
    }

    fn record(&mut self, record: Record<'_>) -> Result<(), SourceError> {
        if self.rows >= ROWS {
            return Ok(());
        }
        self.rows += 1;
        for (column, cell) in self.values.iter_mut().zip(record.cells) {
            if !cell.is_empty() {
                column.push((*cell).to_owned());
            }
        }
        Ok(())
    }
}

fn folded(label: &str) -> String {
    label
        .to_lowercase()
        .replace(['é', 'è', 'ê'], "e")
        .replace(|c: char| !c.is_alphanumeric(), " ")
}

/// The columns of the table in `head` (the first bytes of a file, possibly cut anywhere:
/// the last, partial line is left out) that follow a referential or SIRET/SIREN check,
/// judged on their first [`ROWS`] rows. Empty when the head cannot be read as a table or
/// when this build has no lists (only SIRET/SIREN are then recognised).
pub fn detect_columns(head: &[u8]) -> Vec<Detection> {
    let end = head
        .iter()
        .rposition(|b| *b == b'\n')
        .map_or(head.len(), |i| i + 1);
    let no_fields = serde_json::json!({"fields": []});
    let schema = Schema::from_value(&no_fields).expect("an empty Table Schema compiles");
    let mut columns = Columns::default();
    if Validator::new(&schema)
        .read_records(Input::Bytes(&head[..end]), &mut columns)
        .is_err()
    {
        return Vec::new();
    }
    columns
        .labels
        .iter()
        .zip(&columns.values)
        .filter_map(|(label, values)| detect_one(label, values))
        .collect()
}

fn detect_one(label: &str, values: &[String]) -> Option<Detection> {
    let distinct: std::collections::HashSet<&String> = values.iter().collect();
    if distinct.len() < MIN_VALUES {
        return None;
    }
    let name = folded(label);
    let named = |c: &Candidate| {
        name.split_whitespace()
            .any(|w| c.keywords.iter().any(|k| w.starts_with(k)))
    };
    let mut best: Option<(&Candidate, usize, bool)> = None;
    for c in CANDIDATES {
        if c.list.is_some() && !crate::referentials::available() {
            continue;
        }
        let matched = values.iter().filter(|v| c.passes(v)).count();
        if (matched as f64) < THRESHOLD * values.len() as f64 {
            continue;
        }
        let is_named = named(c);
        let better = match best {
            None => true,
            Some((_, m, n)) => matched > m || (matched == m && is_named && !n),
        };
        if better {
            best = Some((c, matched, is_named));
        }
    }
    let (c, matched, _) = best?;
    let declaration = match c.list {
        Some(list) if crate::checks::referential::is_versioned(list) => {
            serde_json::json!({"name": c.check, "cog": "latest"})
        }
        _ => serde_json::json!({"name": c.check}),
    };
    Some(Detection {
        column: label.to_owned(),
        check: c.check,
        values: values.len(),
        matched,
        declaration,
    })
}

#[cfg(all(test, feature = "referentials"))]
mod tests {
    use super::*;

    /// A valid SIRET starting with `prefix` (13 digits): the Luhn digit appended.
    fn siret(prefix: &str) -> String {
        (0..10)
            .map(|d| format!("{prefix}{d}"))
            .find(|s| crate::checks::siret::is_valid_siret(s))
            .unwrap()
    }

    #[test]
    fn codes_names_and_numbers_are_recognised() {
        let rows = [
            ("01", "11", "Paris", "Allemagne"),
            ("2A", "24", "Lyon", "Italie"),
            ("971", "84", "Marseille", "Espagne"),
            ("75", "11", "Bordeaux", "Belgique"),
            ("13", "93", "Nantes", "Suisse"),
            ("33", "75", "Nice", "Portugal"),
        ];
        let mut csv = String::from("siret,dep,reg,commune,pays,texte\n");
        for (i, (dep, reg, commune, pays)) in rows.iter().enumerate() {
            let siret = siret(&format!("732829320000{i}"));
            csv.push_str(&format!("{siret},{dep},{reg},{commune},{pays},x\n"));
        }
        let found: Vec<(String, &str)> = detect_columns(csv.as_bytes())
            .into_iter()
            .map(|d| (d.column, d.check))
            .collect();
        assert_eq!(
            found,
            [
                ("siret".to_owned(), "siret"),
                ("dep".to_owned(), "numero-departement"),
                ("reg".to_owned(), "code-region"),
                ("commune".to_owned(), "commune"),
                ("pays".to_owned(), "pays"),
            ]
        );
    }

    #[test]
    fn too_few_or_too_many_misses_give_no_verdict() {
        assert!(
            detect_columns(b"cp\n75001\n69001\n").is_empty(),
            "two values"
        );
        let same = b"nom\n\xc3\x89cole\n\xc3\x89cole\n\xc3\x89cole\n\xc3\x89cole\n\xc3\x89cole\n\xc3\x89cole\n";
        assert!(detect_columns(same).is_empty(), "one value repeated");
        let mixed = b"cp\n75001\n69001\n13001\nabc\nxyz\n33000\n";
        assert!(
            detect_columns(mixed).is_empty(),
            "a third are not postcodes"
        );
    }

    #[test]
    fn a_cut_head_leaves_the_partial_line_out() {
        let csv = b"cp\n75001\n69001\n13001\n33000\n44000\n750";
        let found = detect_columns(csv);
        assert_eq!(found[0].matched, 5);
        assert_eq!(found[0].values, 5);
        assert_eq!(
            found[0].declaration,
            serde_json::json!({"name": "code-postal"})
        );
    }
}
