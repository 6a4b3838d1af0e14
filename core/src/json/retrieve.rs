//! Where remote `$ref`s come from. The core never opens a network connection: a schema
//! referenced by URL is read from a local directory (`--schema-dir`, a catalogue cache), or
//! the validation stops with an error saying which file to put where.

use serde_json::Value;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// Why a referenced schema could not be obtained.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum RetrieveError {
    /// No local copy of the URL is known.
    #[error(
        "no local copy of {uri} (looked in {looked}). Download it and pass its directory with --schema-dir: conforme never fetches schemas from the network by itself"
    )]
    NotAvailable {
        /// The URL asked for.
        uri: String,
        /// Where the copy was looked for.
        looked: String,
    },
    /// The local copy exists but cannot be read or is not JSON.
    #[error("the local copy {path} of {uri} cannot be used: {message}")]
    Unusable {
        /// The URL asked for.
        uri: String,
        /// The local file.
        path: PathBuf,
        /// What went wrong.
        message: String,
    },
}

/// A source of schemas referenced by URL (`"$ref": "https://geojson.org/schema/Feature.json"`).
///
/// ```
/// use conforme::json::{Retrieve, NoRetrieval};
/// assert!(NoRetrieval.retrieve("https://geojson.org/schema/Point.json").is_err());
/// ```
pub trait Retrieve: Send + Sync {
    /// The schema document at `uri` (without its `#fragment`).
    fn retrieve(&self, uri: &str) -> Result<Value, RetrieveError>;
}

/// Refuses every URL: for schemas that reference nothing remote.
#[derive(Clone, Copy, Debug, Default)]
pub struct NoRetrieval;

impl Retrieve for NoRetrieval {
    fn retrieve(&self, uri: &str) -> Result<Value, RetrieveError> {
        Err(RetrieveError::NotAvailable {
            uri: uri.to_owned(),
            looked: "nowhere (no --schema-dir given)".to_owned(),
        })
    }
}

/// Reads referenced schemas from local directories.
///
/// A URL is looked up, in each directory in turn, through the directory's `index.json`
/// (`{"map": {"https://…": "relative/path.json"}}`) when it has one, then at
/// `<dir>/<host>/<path>`, then at `<dir>/<file name>`.
///
/// ```
/// let dir = std::env::temp_dir().join(format!("conforme-doc-retrieve-{}", std::process::id()));
/// std::fs::create_dir_all(dir.join("example.org/s")).unwrap();
/// std::fs::write(dir.join("example.org/s/a.json"), br#"{"type": "integer"}"#).unwrap();
/// use conforme::json::{LocalDirectories, Retrieve};
/// let local = LocalDirectories::new(vec![dir.clone()]);
/// assert_eq!(local.retrieve("https://example.org/s/a.json").unwrap()["type"], "integer");
/// assert!(local.retrieve("https://example.org/s/b.json").is_err());
/// std::fs::remove_dir_all(dir).unwrap();
/// ```
#[derive(Clone, Debug, Default)]
pub struct LocalDirectories {
    dirs: Vec<(PathBuf, HashMap<String, PathBuf>)>,
}

impl LocalDirectories {
    /// Looks in `dirs`, in order (a missing directory or index is skipped).
    pub fn new(dirs: Vec<PathBuf>) -> LocalDirectories {
        let dirs = dirs
            .into_iter()
            .map(|dir| {
                let map = read_index(&dir);
                (dir, map)
            })
            .collect();
        LocalDirectories { dirs }
    }

    fn candidates(&self, uri: &str) -> Vec<PathBuf> {
        let bare = uri.split('#').next().unwrap_or(uri);
        let after_scheme = bare.split_once("://").map_or(bare, |(_, rest)| rest);
        let file_name = after_scheme.rsplit('/').next().unwrap_or("");
        let mut out = Vec::new();
        for (dir, map) in &self.dirs {
            if let Some(rel) = map.get(bare).and_then(|rel| inside(dir, rel)) {
                out.push(rel);
            }
            if let Some(path) = inside(dir, Path::new(after_scheme)) {
                out.push(path);
            }
            if let Some(path) = inside(dir, Path::new(file_name)) {
                out.push(path);
            }
        }
        out
    }
}

/// `rel` joined onto `dir` as a path below `dir`: a leading `/` is dropped (`file:///etc/x`
/// and `json-schema:///a.json` leave `/etc/x` and `/a.json` after the scheme, and joining an
/// absolute path would replace `dir`); `None` for `..`, a drive prefix or an empty path.
/// Symbolic links are checked when the file is opened ([`contained`]).
fn inside(dir: &Path, rel: &Path) -> Option<PathBuf> {
    use std::path::Component;
    let mut clean = PathBuf::new();
    for part in rel.components() {
        match part {
            Component::Normal(p) => clean.push(p),
            Component::CurDir | Component::RootDir => {}
            Component::ParentDir | Component::Prefix(_) => return None,
        }
    }
    (!clean.as_os_str().is_empty()).then(|| dir.join(clean))
}

/// Whether `path`, with every symbolic link resolved, is still inside `dir`.
fn contained(dir: &Path, path: &Path) -> bool {
    match (dir.canonicalize(), path.canonicalize()) {
        (Ok(dir), Ok(path)) => path.starts_with(dir),
        _ => false,
    }
}

fn read_index(dir: &Path) -> HashMap<String, PathBuf> {
    let Ok(bytes) = std::fs::read(dir.join("index.json")) else {
        return HashMap::new();
    };
    let Ok(Value::Object(index)) = serde_json::from_slice::<Value>(&bytes) else {
        return HashMap::new();
    };
    let Some(Value::Object(map)) = index.get("map") else {
        return HashMap::new();
    };
    map.iter()
        .filter_map(|(url, rel)| Some((url.clone(), PathBuf::from(rel.as_str()?))))
        .collect()
}

impl Retrieve for LocalDirectories {
    fn retrieve(&self, uri: &str) -> Result<Value, RetrieveError> {
        let candidates = self.candidates(uri);
        let Some(path) = candidates
            .iter()
            .find(|p| p.is_file() && self.dirs.iter().any(|(d, _)| contained(d, p)))
        else {
            let looked = if self.dirs.is_empty() {
                "nowhere (no --schema-dir given)".to_owned()
            } else {
                self.dirs
                    .iter()
                    .map(|(d, _)| d.display().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            return Err(RetrieveError::NotAvailable {
                uri: uri.to_owned(),
                looked,
            });
        };
        let unusable = |message: String| RetrieveError::Unusable {
            uri: uri.to_owned(),
            path: path.clone(),
            message,
        };
        let bytes = std::fs::read(path).map_err(|e| unusable(e.to_string()))?;
        serde_json::from_slice(&bytes).map_err(|e| unusable(e.to_string()))
    }
}

/// Bridges a project [`Retrieve`] to the `jsonschema` crate's retrieval trait.
pub(crate) struct Bridge(pub std::sync::Arc<dyn Retrieve>);

impl jsonschema::Retrieve for Bridge {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        self.0.retrieve(uri.as_str()).map_err(|e| Box::new(e) as _)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("conforme-retrieve-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("refs/example.org")).unwrap();
        std::fs::write(dir.join("secret.json"), br#"{"const": "TOPSECRET"}"#).unwrap();
        std::fs::write(
            dir.join("refs/example.org/a.json"),
            br#"{"type": "integer"}"#,
        )
        .unwrap();
        dir
    }

    #[test]
    fn absolute_and_parent_references_stay_inside_the_directory() {
        let dir = scratch("abs");
        let local = LocalDirectories::new(vec![dir.join("refs")]);
        assert_eq!(
            local.retrieve("https://example.org/a.json").unwrap()["type"],
            "integer"
        );
        let secret = dir.join("secret.json");
        let secret = secret.to_str().unwrap();
        for uri in [
            format!("file://{secret}"),
            format!("https://{secret}"),
            format!(
                "https://example.org/../../{}",
                secret.trim_start_matches('/')
            ),
            "https://example.org/../secret.json".to_owned(),
        ] {
            let err = local.retrieve(&uri).unwrap_err().to_string();
            assert!(!err.contains("TOPSECRET"), "{uri}: {err}");
            assert!(matches!(
                local.retrieve(&uri),
                Err(RetrieveError::NotAvailable { .. })
            ));
        }
        std::fs::remove_dir_all(dir).unwrap();
    }

    #[cfg(unix)]
    #[test]
    fn symbolic_links_out_of_the_directory_are_not_followed() {
        let dir = scratch("link");
        std::os::unix::fs::symlink(dir.join("secret.json"), dir.join("refs/leak.json")).unwrap();
        let index = br#"{"map": {"https://x.org/s.json": "/etc/hostname"}}"#;
        std::fs::write(dir.join("refs/index.json"), index).unwrap();
        let local = LocalDirectories::new(vec![dir.join("refs")]);
        assert!(local.retrieve("https://example.org/leak.json").is_err());
        assert!(local.retrieve("https://x.org/s.json").is_err());
        std::fs::remove_dir_all(dir).unwrap();
    }
}
