//! `conforme guess`: which catalogue Table Schema does this file follow? Ranks the latest
//! version of every table schema by how well its field names match the file's header
//! (case, accents and punctuation folded).

use super::catalog::Entry;
use super::text::fold;
use super::{Remote, RemoteError};
use serde::Serialize;
use std::collections::HashSet;
use std::io::Read;

/// Bytes read to find the header.
const HEAD_BYTES: u64 = 256 * 1024;

/// The first bytes of a file: enough for its header and its first rows.
pub fn read_head(input: impl Read, location: &str) -> Result<Vec<u8>, RemoteError> {
    let mut head = Vec::new();
    input
        .take(HEAD_BYTES)
        .read_to_end(&mut head)
        .map_err(|e| RemoteError::Io {
            path: location.to_owned(),
            source: e,
        })?;
    Ok(head)
}

/// The column names of a CSV file, from its first bytes.
#[cfg(test)]
fn read_header(input: impl Read, location: &str) -> Result<Vec<String>, RemoteError> {
    header_of(&read_head(input, location)?, location)
}

/// The column names in the first bytes of a CSV file.
pub fn header_of(head: &[u8], location: &str) -> Result<Vec<String>, RemoteError> {
    // Read as validation reads it: encodings (UTF-16 included) and the same sniffer.
    match conforme::source::header_labels(head) {
        Some((header, _)) => Ok(header),
        None => Err(RemoteError::Data {
            location: location.to_owned(),
            detail: "no header line found: the first line of the file must name the columns".into(),
        }),
    }
}

/// How well one schema matches the header.
#[derive(Clone, Debug, Serialize)]
pub struct Candidate {
    /// `org/name`.
    pub name: String,
    /// The version compared (the latest).
    pub version: String,
    /// The schema's title.
    pub title: String,
    /// Share of names in common among all names of both sides (Jaccard index, 0–1).
    pub score: f64,
    /// Header columns that are schema fields.
    pub matched: usize,
    /// Fields in the schema.
    pub fields: usize,
    /// Schema fields absent from the header.
    pub missing: Vec<String>,
    /// Header columns the schema does not know.
    pub unknown: Vec<String>,
}

/// The field names of a Table Schema document (read leniently: a schema that the
/// validator would reject can still be recognised).
fn field_names(bytes: &[u8]) -> Option<Vec<String>> {
    let value: serde_json::Value = serde_json::from_slice(bytes).ok()?;
    let fields = value.get("fields")?.as_array()?;
    Some(
        fields
            .iter()
            .filter_map(|f| f.get("name")?.as_str().map(str::to_owned))
            .collect(),
    )
}

/// Scores `fields` against the folded header.
fn score(header: &[String], fields: &[String]) -> (f64, usize, Vec<String>, Vec<String>) {
    let header_set: HashSet<String> = header.iter().map(|h| fold(h)).collect();
    let field_set: HashSet<String> = fields.iter().map(|f| fold(f)).collect();
    let matched = header_set.intersection(&field_set).count();
    let union = header_set.union(&field_set).count().max(1);
    let missing = fields
        .iter()
        .filter(|f| !header_set.contains(&fold(f)))
        .cloned()
        .collect();
    let unknown = header
        .iter()
        .filter(|h| !field_set.contains(&fold(h)))
        .cloned()
        .collect();
    (matched as f64 / union as f64, matched, missing, unknown)
}

/// Schemas downloaded at the same time on a first run (a few dozen small files).
const PARALLEL_DOWNLOADS: usize = 8;

/// The field names of one catalogue entry's latest version, or why they are unavailable.
fn latest_fields(remote: &Remote, entry: &Entry) -> Option<Result<(String, Vec<String>), String>> {
    let latest = entry.latest()?;
    let location = remote.schema_location(&latest.schema_url);
    Some(match remote.document(&location) {
        Err(e) => Err(format!("{}: {e}", entry.name)),
        Ok(document) => field_names(&document.bytes)
            .map(|fields| (latest.version_name, fields))
            .ok_or_else(|| format!("{}: {location} is not a Table Schema", entry.name)),
    })
}

/// Ranks the catalogue's table schemas against `header`, best first (only schemas sharing
/// at least one column). Schemas are fetched through the cache, a few at a time; one that
/// cannot be fetched is skipped with a warning on stderr rather than failing the ranking.
pub fn rank(remote: &Remote, header: &[String]) -> Result<Vec<Candidate>, RemoteError> {
    let catalog = remote.catalog()?;
    let tables: Vec<&Entry> = catalog
        .schemas
        .iter()
        .filter(|e| e.schema_type == "tableschema")
        .collect();
    let mut tables = tables;
    let fetched: Vec<_> = conforme::pipeline::map_mut(PARALLEL_DOWNLOADS, &mut tables, |entry| {
        (*entry, latest_fields(remote, entry))
    });
    let mut candidates = Vec::new();
    for (entry, outcome) in fetched {
        let (version, fields) = match outcome {
            None => continue,
            Some(Err(why)) => {
                eprintln!("conforme: warning: skipped {why}");
                continue;
            }
            Some(Ok(found)) => found,
        };
        let (score, matched, missing, unknown) = score(header, &fields);
        if matched > 0 {
            candidates.push(Candidate {
                name: entry.name.clone(),
                version,
                title: entry.title.clone().unwrap_or_default(),
                score,
                matched,
                fields: fields.len(),
                missing,
                unknown,
            });
        }
    }
    candidates.sort_by(|a, b| {
        b.score
            .total_cmp(&a.score)
            .then(b.matched.cmp(&a.matched))
            .then(a.name.cmp(&b.name))
    });
    Ok(candidates)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_are_read_with_their_delimiter_and_encoding() {
        let h = read_header(
            &b"\xEF\xBB\xBFnom;\"date de mise \xC3\xA0 jour\"\n1;2\n"[..],
            "x",
        )
        .unwrap();
        assert_eq!(h, ["nom", "date de mise à jour"]);
        let h = read_header(&b"id,Libell\xE9\n"[..], "x").unwrap();
        assert_eq!(h, ["id", "Libellé"]);
    }

    #[test]
    fn folded_names_match() {
        let (s, matched, missing, unknown) = score(
            &["Nom".into(), "Date de MAJ".into(), "autre".into()],
            &["nom".into(), "date_de_maj".into(), "siret".into()],
        );
        assert_eq!(matched, 2);
        assert_eq!(missing, ["siret"]);
        assert_eq!(unknown, ["autre"]);
        assert!((s - 0.5).abs() < 1e-9);
    }
}
