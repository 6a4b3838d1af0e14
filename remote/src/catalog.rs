//! The schema.data.gouv.fr catalogue (`schemas.json`): its entries, references such as
//! `etalab/schema-irve-statique@2.3.1`, and their resolution to schema addresses.

use super::RemoteError;
use super::text::fold;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;

/// Where the catalogue is read from when neither `--catalog` nor `CONFORME_CATALOG` is set.
pub const DEFAULT_CATALOG: &str = "https://schema.data.gouv.fr/schemas.json";

/// The environment variable naming another catalogue (a mirror, a portal's own list).
pub const CATALOG_ENV: &str = "CONFORME_CATALOG";

/// The catalogue file: `{"$schema": …, "version": 1, "schemas": [...]}`.
#[derive(Clone, Debug, Deserialize)]
pub struct Catalog {
    /// Every published schema.
    pub schemas: Vec<Entry>,
}

/// One published schema.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Entry {
    /// `org/name`.
    pub name: String,
    /// Human title.
    #[serde(default)]
    pub title: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// `tableschema`, `jsonschema`, `datapackage` or `other`.
    #[serde(default)]
    pub schema_type: String,
    /// Address of the latest version.
    #[serde(default)]
    pub schema_url: Option<String>,
    /// Published versions.
    #[serde(default)]
    pub versions: Vec<Version>,
    /// Example files.
    #[serde(default)]
    pub examples: Vec<Example>,
    /// Labels such as "Socle Commun des Données Locales".
    #[serde(default)]
    pub labels: Vec<String>,
    /// Contact address.
    #[serde(default)]
    pub contact: Option<String>,
    /// Source repository.
    #[serde(default)]
    pub homepage: Option<String>,
}

/// One published version of a schema.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Version {
    /// `2.3.1`.
    pub version_name: String,
    /// Address of that version's schema file.
    pub schema_url: String,
}

/// An example file listed for a schema.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Example {
    /// Its title.
    #[serde(default)]
    pub title: Option<String>,
    /// Its address.
    pub path: String,
}

/// Which versions a reference asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Selector {
    /// `org/name` or `org/name@latest`.
    Latest,
    /// `org/name@2.3.1`.
    Exact(String),
    /// `org/name@all`: every published version.
    All,
}

/// A catalogue reference: `org/name`, `org/name@version`, `org/name@latest`, `org/name@all`
/// (for example `etalab/schema-irve-statique@2.3.1`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reference {
    /// `org/name`.
    pub name: String,
    /// The versions asked for.
    pub selector: Selector,
}

fn is_name_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')
}

impl Reference {
    /// Parses `text` when it has the shape of a catalogue reference (`None` otherwise: it is
    /// then a file path). A name ending in `.json`/`.yaml`/`.yml` is a path, not a reference.
    pub fn parse(text: &str) -> Option<Reference> {
        let (name, version) = match text.split_once('@') {
            Some((name, version)) => (name, Some(version)),
            None => (text, None),
        };
        let (org, schema) = name.split_once('/')?;
        let well_formed = |part: &str| {
            !part.is_empty() && !part.starts_with('.') && part.chars().all(is_name_char)
        };
        if !well_formed(org) || !well_formed(schema) {
            return None;
        }
        let lower = schema.to_ascii_lowercase();
        if [".json", ".yaml", ".yml", ".csv"]
            .iter()
            .any(|ext| lower.ends_with(ext))
        {
            return None;
        }
        let selector = match version {
            None | Some("latest") => Selector::Latest,
            Some("all") => Selector::All,
            Some(v) if !v.is_empty() && v.chars().all(|c| is_name_char(c) || c == '+') => {
                Selector::Exact(v.to_owned())
            }
            Some(_) => return None,
        };
        Some(Reference {
            name: name.to_owned(),
            selector,
        })
    }
}

/// Compares version names the way people read them: `0.10.0` after `0.9.2`.
pub fn compare_versions(a: &str, b: &str) -> Ordering {
    let parts = |v: &str| -> Vec<(u64, String)> {
        v.trim_start_matches(['v', 'V'])
            .split(['.', '-', '+'])
            .map(|p| (p.parse().unwrap_or(u64::MAX), p.to_owned()))
            .collect()
    };
    parts(a).cmp(&parts(b))
}

impl Entry {
    /// The versions, oldest first.
    pub fn sorted_versions(&self) -> Vec<&Version> {
        let mut versions: Vec<&Version> = self.versions.iter().collect();
        versions.sort_by(|a, b| compare_versions(&a.version_name, &b.version_name));
        versions
    }

    /// The latest version: the highest published one, else the entry's own `schema_url`.
    pub fn latest(&self) -> Option<Version> {
        if let Some(v) = self.sorted_versions().last() {
            return Some((*v).clone());
        }
        self.schema_url.as_ref().map(|url| Version {
            version_name: "latest".into(),
            schema_url: url.clone(),
        })
    }
}

impl Catalog {
    /// Parses the catalogue bytes read from `location`.
    pub fn from_slice(bytes: &[u8], location: &str) -> Result<Catalog, RemoteError> {
        serde_json::from_slice(bytes).map_err(|e| RemoteError::Catalog {
            location: location.to_owned(),
            detail: format!(
                "not a schema catalogue ({e}); expected a schemas.json file like https://schema.data.gouv.fr/schemas.json"
            ),
        })
    }

    /// The entry named `name` (case-insensitive).
    pub fn entry(&self, name: &str) -> Option<&Entry> {
        self.schemas
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
    }

    /// The versions `reference` designates, oldest first, or an error that lists what exists.
    pub fn resolve(&self, reference: &Reference) -> Result<(&Entry, Vec<Version>), RemoteError> {
        let entry = self
            .entry(&reference.name)
            .ok_or_else(|| RemoteError::UnknownSchema {
                name: reference.name.clone(),
                suggestions: self.closest_names(&reference.name),
            })?;
        let versions = match &reference.selector {
            Selector::Latest => entry.latest().into_iter().collect(),
            Selector::All => entry.sorted_versions().into_iter().cloned().collect(),
            Selector::Exact(wanted) => {
                let wanted = wanted.trim_start_matches(['v', 'V']);
                let found = entry
                    .versions
                    .iter()
                    .find(|v| v.version_name.trim_start_matches(['v', 'V']) == wanted);
                match found {
                    Some(v) => vec![v.clone()],
                    None => {
                        return Err(RemoteError::UnknownVersion {
                            name: entry.name.clone(),
                            version: wanted.to_owned(),
                            available: entry
                                .sorted_versions()
                                .iter()
                                .map(|v| v.version_name.clone())
                                .collect::<Vec<_>>()
                                .join(", "),
                        });
                    }
                }
            }
        };
        if versions.is_empty() {
            return Err(RemoteError::Catalog {
                location: entry.name.clone(),
                detail: "this catalogue entry lists no version and no schema_url".into(),
            });
        }
        Ok((entry, versions))
    }

    /// Up to three names that look like `name` (same schema part, or sharing words).
    fn closest_names(&self, name: &str) -> Vec<String> {
        let wanted = fold(name);
        let wanted_tail = fold(name.rsplit('/').next().unwrap_or(name));
        let mut scored: Vec<(usize, &str)> = self
            .schemas
            .iter()
            .filter_map(|e| {
                let folded = fold(&e.name);
                let tail = fold(e.name.rsplit('/').next().unwrap_or(&e.name));
                let score = if tail == wanted_tail {
                    100
                } else if folded.contains(&wanted_tail) || wanted.contains(&tail) {
                    50
                } else {
                    wanted_tail
                        .split('_')
                        .filter(|w| w.len() > 2 && tail.split('_').any(|t| t == *w))
                        .count()
                };
                (score > 0).then_some((score, e.name.as_str()))
            })
            .collect();
        scored.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        scored
            .into_iter()
            .take(3)
            .map(|(_, n)| n.to_owned())
            .collect()
    }

    /// Entries matching every word of `query` (accents and case folded), best first: a
    /// word in the name counts more than in the title, more than in the description.
    pub fn search(&self, query: &str) -> Vec<&Entry> {
        let words: Vec<String> = fold(query)
            .split('_')
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect();
        let mut hits: Vec<(usize, &Entry)> = self
            .schemas
            .iter()
            .filter_map(|e| {
                let name = fold(&e.name);
                let title = fold(e.title.as_deref().unwrap_or(""));
                let rest = fold(&format!(
                    "{} {}",
                    e.description.as_deref().unwrap_or(""),
                    e.labels.join(" ")
                ));
                let mut score = 0;
                for w in &words {
                    let s = 3 * usize::from(name.contains(w.as_str()))
                        + 2 * usize::from(title.contains(w.as_str()))
                        + usize::from(rest.contains(w.as_str()));
                    if s == 0 {
                        return None;
                    }
                    score += s;
                }
                Some((score, e))
            })
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.name.cmp(&b.1.name)));
        hits.into_iter().map(|(_, e)| e).collect()
    }
}

/// Resolves `reference` (a schema address in the catalogue) against the catalogue's own
/// location, so a mirror can list relative addresses.
pub fn join(base: &str, reference: &str) -> String {
    let lower = reference.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return reference.to_owned();
    }
    let base_is_url = base.starts_with("http://") || base.starts_with("https://");
    if base_is_url {
        if let Some(path) = reference.strip_prefix('/') {
            let after_scheme = base.find("://").map_or(0, |i| i + 3);
            let host_end = base[after_scheme..]
                .find('/')
                .map_or(base.len(), |i| after_scheme + i);
            return format!("{}/{path}", &base[..host_end]);
        }
        let dir_end = base.rfind('/').map_or(base.len(), |i| i + 1);
        return format!("{}{reference}", &base[..dir_end]);
    }
    if std::path::Path::new(reference).is_absolute() {
        return reference.to_owned();
    }
    let dir = std::path::Path::new(base)
        .parent()
        .unwrap_or(std::path::Path::new(""));
    dir.join(reference).display().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_have_a_recognisable_shape() {
        let r = Reference::parse("etalab/schema-irve-statique@2.3.1").unwrap();
        assert_eq!(r.name, "etalab/schema-irve-statique");
        assert_eq!(r.selector, Selector::Exact("2.3.1".into()));
        assert_eq!(
            Reference::parse("etalab/x").unwrap().selector,
            Selector::Latest
        );
        assert_eq!(
            Reference::parse("etalab/x@latest").unwrap().selector,
            Selector::Latest
        );
        assert_eq!(
            Reference::parse("etalab/x@all").unwrap().selector,
            Selector::All
        );
        assert_eq!(Reference::parse("schemas/x.json"), None);
        assert_eq!(Reference::parse("a/b/c"), None);
        assert_eq!(Reference::parse("../x"), None);
        assert_eq!(Reference::parse("schema.json"), None);
    }

    #[test]
    fn versions_compare_numerically() {
        assert_eq!(compare_versions("0.10.0", "0.9.2"), Ordering::Greater);
        assert_eq!(compare_versions("2.3.1", "2.3.1"), Ordering::Equal);
        assert_eq!(compare_versions("v1.0.0", "1.0.1"), Ordering::Less);
    }

    #[test]
    fn relative_addresses_follow_the_catalogue() {
        assert_eq!(
            join("http://127.0.0.1:8/site/schemas.json", "a/1.0/schema.json"),
            "http://127.0.0.1:8/site/a/1.0/schema.json"
        );
        assert_eq!(
            join("http://127.0.0.1:8/site/schemas.json", "/a/schema.json"),
            "http://127.0.0.1:8/a/schema.json"
        );
        assert_eq!(
            join("http://h/schemas.json", "https://other/x.json"),
            "https://other/x.json"
        );
        let local = std::path::Path::new("site").join("schemas.json");
        assert_eq!(
            join(&local.display().to_string(), "a/schema.json"),
            std::path::Path::new("site")
                .join("a/schema.json")
                .display()
                .to_string()
        );
    }
}
