//! Schemas and data from anywhere, for every conforme front end (the `conforme` command and
//! the Python package): file paths, `http(s)://` addresses and catalogue references
//! (`org/name`, `org/name@version`, `org/name@latest`, `org/name@all`), through an on-disk
//! cache that works offline. All network access of conforme lives here; the `conforme` core
//! crate stays free of it.
//!
//! ```no_run
//! use conforme_remote::{Remote, RemoteConfig};
//! let remote = Remote::new(RemoteConfig::default());
//! let set = remote.load_schemas("etalab/schema-irve-statique@2.3.1")?;
//! assert_eq!(set.schemas[0].version, "2.3.1");
//! # Ok::<(), conforme_remote::RemoteError>(())
//! ```

pub mod cache;
pub mod catalog;
pub mod data;
pub mod http;
pub mod text;

use cache::{Cache, Document};
pub use cache::{CacheWarning, WarningSink};
use catalog::{CATALOG_ENV, Catalog, DEFAULT_CATALOG, Reference, Selector};
use conforme::Schema;
use http::{HttpClient, HttpError};
use std::path::PathBuf;
use std::time::Duration;

/// The environment variable naming the cache directory when none is given.
pub const CACHE_DIR_ENV: &str = "CONFORME_CACHE_DIR";

/// How a [`Remote`] reaches documents. `None` fields fall back to the environment
/// (`CONFORME_CATALOG`, `CONFORME_CACHE_DIR`), then to the defaults.
#[derive(Clone)]
pub struct RemoteConfig {
    /// The catalogue: a `schemas.json` address, a site serving one, or a local file.
    pub catalog: Option<String>,
    /// The cache directory.
    pub cache_dir: Option<PathBuf>,
    /// Use only the cache, never the network.
    pub offline: bool,
    /// How long a cached document is used without asking the server.
    pub cache_ttl: Duration,
    /// Bound on connecting, waiting for the first byte, and each read.
    pub timeout: Duration,
    /// Where cache warnings go (default: standard error, prefixed with `conforme: warning:`).
    pub on_warning: Option<WarningSink>,
}

impl Default for RemoteConfig {
    fn default() -> RemoteConfig {
        RemoteConfig {
            catalog: None,
            cache_dir: None,
            offline: false,
            cache_ttl: Duration::from_secs(3600),
            timeout: Duration::from_secs(30),
            on_warning: None,
        }
    }
}

/// Everything that can go wrong while finding a schema, the catalogue or remote data.
#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// A network failure.
    #[error(transparent)]
    Http(#[from] HttpError),
    /// `--offline` and the document was never downloaded.
    #[error(
        "{url} is not in the cache ({}) and --offline forbids downloading it. Run the command once without --offline to fill the cache",
        dir.display()
    )]
    NotCached {
        /// The document's address.
        url: String,
        /// The cache directory searched.
        dir: PathBuf,
    },
    /// A local file could not be read.
    #[error("{path}: cannot read the file ({source})")]
    Io {
        /// The path.
        path: String,
        /// Why.
        source: std::io::Error,
    },
    /// A schema or catalogue address answered with a web page.
    #[error(
        "{url}: the server returned an HTML page, not a {what}. The address is probably a web page about it: use the address of the raw JSON file (on GitHub, the \"Raw\" button; on schema.data.gouv.fr, the schema.json link)"
    )]
    Html {
        /// The address.
        url: String,
        /// What was expected ("schema", "catalogue").
        what: &'static str,
    },
    /// The catalogue cannot be used.
    #[error("catalogue {location}: {detail}")]
    Catalog {
        /// Where it was read.
        location: String,
        /// What is wrong.
        detail: String,
    },
    /// No catalogue entry has this name.
    #[error(
        "{name} is neither a file nor a schema of the catalogue{}. Find schemas with `conforme catalog search WORDS` or `conforme catalog list`",
        did_you_mean(suggestions)
    )]
    UnknownSchema {
        /// The name asked for.
        name: String,
        /// Close names.
        suggestions: Vec<String>,
    },
    /// The schema exists but not in this version.
    #[error("{name} has no version {version}; published versions: {available}")]
    UnknownVersion {
        /// The schema.
        name: String,
        /// The version asked for.
        version: String,
        /// The versions that exist.
        available: String,
    },
    /// A catalogue entry of a kind this command cannot use yet.
    #[error(
        "{name} is a {kind} schema: not supported yet by this command (only Table Schemas, type tableschema, are)"
    )]
    Unsupported {
        /// The schema.
        name: String,
        /// Its `schema_type`.
        kind: String,
    },
    /// The schema was found but cannot be used.
    #[error("schema {location}: {source}")]
    Schema {
        /// Where it was read.
        location: String,
        /// Why it is unusable.
        source: conforme::SchemaError,
    },
    /// The server answered "304 Not Modified" to a request that asked for nothing
    /// conditional (no copy was cached): a broken server or proxy.
    #[error(
        "{url}: the server answered 304 Not Modified although nothing was cached to revalidate. The server or a proxy in between is misbehaving: try again later, or download the file and give its local path"
    )]
    UnexpectedNotModified {
        /// The address.
        url: String,
    },
    /// The data cannot be validated as it is.
    #[error("{location}: {detail}")]
    Data {
        /// The data's address.
        location: String,
        /// What is wrong and what to do.
        detail: String,
    },
}

impl RemoteError {
    /// The message in `lang` (English is the `Display` text). A network failure keeps the
    /// words of the HTTP layer.
    ///
    /// ```
    /// let e = conforme_remote::RemoteError::UnknownVersion {
    ///     name: "etalab/irve".into(), version: "9.9".into(), available: "2.3.1".into(),
    /// };
    /// assert!(e.message(conforme::Lang::Fr).contains("n'a pas de version 9.9"));
    /// ```
    pub fn message(&self, lang: conforme::Lang) -> String {
        if lang == conforme::Lang::En {
            return self.to_string();
        }
        let lang = conforme::Lang::Fr;
        match self {
            RemoteError::Http(e) => format!("téléchargement impossible : {e}"),
            RemoteError::NotCached { url, dir } => format!(
                "{url} n'est pas dans le cache ({}) et --offline interdit de le télécharger. Lancez la commande une fois sans --offline pour remplir le cache",
                dir.display()
            ),
            RemoteError::Io { path, source } => format!(
                "{path} : impossible de lire le fichier : {}",
                conforme::report::io_message(source, lang)
            ),
            RemoteError::Html { url, what } => format!(
                "{url} : le serveur a renvoyé une page HTML, pas {}. L'adresse est sans doute celle d'une page qui en parle : donnez l'adresse du fichier JSON brut (sur GitHub, le bouton « Raw » ; sur schema.data.gouv.fr, le lien schema.json)",
                match *what {
                    "schema" => "un schéma",
                    "catalogue" => "un catalogue",
                    other => other,
                }
            ),
            RemoteError::Catalog { location, detail } => {
                format!("catalogue {location} : {detail}")
            }
            RemoteError::UnknownSchema { name, suggestions } => format!(
                "{name} n'est ni un fichier ni un schéma du catalogue{}. Cherchez des schémas avec `conforme catalog search MOTS` ou `conforme catalog list`",
                if suggestions.is_empty() {
                    String::new()
                } else {
                    format!(" (vouliez-vous dire {} ?)", suggestions.join(", "))
                }
            ),
            RemoteError::UnknownVersion {
                name,
                version,
                available,
            } => format!("{name} n'a pas de version {version} ; versions publiées : {available}"),
            RemoteError::Unsupported { name, kind } => format!(
                "{name} est un schéma de type {kind} : cette commande ne le prend pas encore en charge (seuls les Table Schemas, de type tableschema, le sont)"
            ),
            RemoteError::Schema { location, source } => {
                format!("schéma {location} : {}", source.message(lang))
            }
            RemoteError::UnexpectedNotModified { url } => format!(
                "{url} : le serveur a répondu « 304 Not Modified » alors que rien n'était en cache. Le serveur ou un proxy intermédiaire fonctionne mal : réessayez plus tard, ou téléchargez le fichier et donnez son chemin local"
            ),
            RemoteError::Data { location, detail } => format!("{location} : {detail}"),
        }
    }

    /// Whether the error is about the schema or the catalogue (as opposed to the network,
    /// a local file or the data): front ends map it to their "schema" error kind.
    pub fn is_about_schema(&self) -> bool {
        matches!(
            self,
            RemoteError::Html { .. }
                | RemoteError::Catalog { .. }
                | RemoteError::UnknownSchema { .. }
                | RemoteError::UnknownVersion { .. }
                | RemoteError::Unsupported { .. }
                | RemoteError::Schema { .. }
        )
    }
}

fn did_you_mean(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", names.join(", "))
    }
}

/// Whether `text` is an `http://` or `https://` address.
///
/// ```
/// assert!(conforme_remote::is_url("HTTPS://schema.data.gouv.fr/schemas.json"));
/// assert!(!conforme_remote::is_url("schemas/irve.json"));
/// ```
pub fn is_url(text: &str) -> bool {
    let lower = text.get(..8).unwrap_or(text).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A schema ready to use, with the version label it was published under.
pub struct LoadedSchema {
    /// The catalogue version (`2.3.1`), or the path/URL for a schema given directly.
    pub version: String,
    /// Where it was read.
    pub location: String,
    /// The compiled schema.
    pub schema: Schema,
}

/// What `--schema` designated.
pub struct SchemaSet {
    /// The catalogue name, when the schema came from the catalogue.
    pub name: Option<String>,
    /// Whether every version was asked for (`@all`).
    pub all_versions: bool,
    /// The schemas, oldest version first.
    pub schemas: Vec<LoadedSchema>,
}

/// Where the schemas a catalogue reference designates are published.
pub struct SchemaLocations {
    /// The catalogue name (`org/name`, as the catalogue spells it).
    pub name: String,
    /// Whether every version was asked for (`@all`).
    pub all_versions: bool,
    /// `(version, address)` pairs, oldest version first.
    pub versions: Vec<(String, String)>,
}

/// The network, the cache and the catalogue location, configured once per run.
pub struct Remote {
    http: HttpClient,
    cache: Cache,
    catalog_location: String,
    offline: bool,
}

impl Remote {
    /// Applies `config`, completed by the environment variables and the defaults.
    pub fn new(config: RemoteConfig) -> Remote {
        let dir = config
            .cache_dir
            .or_else(|| std::env::var_os(CACHE_DIR_ENV).map(PathBuf::from))
            .or_else(Cache::default_dir)
            .unwrap_or_else(|| std::env::temp_dir().join("conforme-cache"));
        let catalog = config
            .catalog
            .or_else(|| std::env::var(CATALOG_ENV).ok().filter(|v| !v.is_empty()))
            .unwrap_or_else(|| DEFAULT_CATALOG.to_owned());
        let timeout = config.timeout.max(Duration::from_millis(1));
        Remote {
            http: HttpClient::new(timeout),
            cache: Cache::new(dir, config.cache_ttl, config.offline)
                .with_warnings(config.on_warning),
            catalog_location: catalog_file_location(&catalog),
            offline: config.offline,
        }
    }

    /// Opens data at `url` as a CSV stream (see [`data::open_csv`]); refused offline,
    /// since data is streamed, not cached.
    pub fn open_data(&self, url: &str) -> Result<Box<dyn std::io::Read + Send>, RemoteError> {
        if self.offline {
            return Err(RemoteError::Data {
                location: url.to_owned(),
                detail: "--offline forbids downloading data (data files are not cached). Download the file first and validate the local copy".into(),
            });
        }
        data::open_csv(&self.http, url)
    }

    /// A document by URL (through the cache) or by local path.
    pub fn document(&self, location: &str) -> Result<Document, RemoteError> {
        if is_url(location) {
            return self.cache.get(&self.http, location);
        }
        let bytes = std::fs::read(location).map_err(|source| RemoteError::Io {
            path: location.to_owned(),
            source,
        })?;
        Ok(Document {
            bytes,
            url: location.to_owned(),
            content_type: None,
        })
    }

    /// The catalogue.
    pub fn catalog(&self) -> Result<Catalog, RemoteError> {
        let document = self.document(&self.catalog_location)?;
        reject_html(&document, "catalogue (schemas.json)")?;
        Catalog::from_slice(&document.bytes, &self.catalog_location)
    }

    /// The address of a schema listed in the catalogue (relative addresses are resolved
    /// against the catalogue's).
    pub fn schema_location(&self, schema_url: &str) -> String {
        catalog::join(&self.catalog_location, schema_url)
    }

    /// The bytes of a schema document at a path or URL, refusing web pages.
    pub fn schema_bytes(&self, location: &str) -> Result<Vec<u8>, RemoteError> {
        let document = self.document(location)?;
        reject_html(&document, "schema")?;
        Ok(document.bytes)
    }

    /// Loads a Table Schema from a path or URL; the lists of its `reference-list-value`
    /// checks are read relative to it, URLs through the cache like every remote document.
    pub fn table_schema(&self, location: &str) -> Result<Schema, RemoteError> {
        let bytes = self.schema_bytes(location)?;
        conforme::document::load_table_schema_with_lists(&bytes, &mut self.list_reader(location))
            .map_err(|source| RemoteError::Schema {
                location: location.to_owned(),
                source,
            })
    }

    /// Reads the reference lists a schema at `schema_location` names: relative to it, URLs
    /// through the cache (and `offline`), web pages refused.
    pub fn list_reader<'r>(
        &'r self,
        schema_location: &'r str,
    ) -> impl FnMut(&str) -> Result<Vec<u8>, conforme::ListFailure> + 'r {
        move |list: &str| {
            let location = list_location(schema_location, list);
            self.document(&location)
                .and_then(|document| {
                    reject_html(&document, "reference list")?;
                    Ok(document.bytes)
                })
                .map_err(|e| conforme::ListFailure::Unreadable(e.to_string()))
        }
    }

    /// Finds in the catalogue where the Table Schema versions `reference` names are published.
    pub fn locate(&self, reference: &Reference) -> Result<SchemaLocations, RemoteError> {
        let catalog = self.catalog()?;
        let (entry, versions) = catalog.resolve(reference)?;
        if entry.schema_type != "tableschema" {
            return Err(RemoteError::Unsupported {
                name: entry.name.clone(),
                kind: entry.schema_type.clone(),
            });
        }
        Ok(SchemaLocations {
            name: entry.name.clone(),
            all_versions: reference.selector == Selector::All,
            versions: versions
                .into_iter()
                .map(|v| {
                    let location = self.schema_location(&v.schema_url);
                    (v.version_name, location)
                })
                .collect(),
        })
    }

    /// Loads what `--schema` names: a path, a URL or a catalogue reference.
    pub fn load_schemas(&self, spec: &str) -> Result<SchemaSet, RemoteError> {
        let Some(reference) = reference_in(spec) else {
            return Ok(SchemaSet {
                name: None,
                all_versions: false,
                schemas: vec![LoadedSchema {
                    version: spec.to_owned(),
                    location: spec.to_owned(),
                    schema: self.table_schema(spec)?,
                }],
            });
        };
        let located = self.locate(&reference)?;
        let schemas = located
            .versions
            .into_iter()
            .map(|(version, location)| {
                Ok(LoadedSchema {
                    schema: self.table_schema(&location)?,
                    version,
                    location,
                })
            })
            .collect::<Result<Vec<_>, RemoteError>>()?;
        Ok(SchemaSet {
            name: Some(located.name),
            all_versions: located.all_versions,
            schemas,
        })
    }
}

/// The catalogue reference `spec` is, unless it is a URL or an existing path.
///
/// ```
/// assert!(conforme_remote::reference_in("etalab/schema-irve-statique@2.3.1").is_some());
/// assert!(conforme_remote::reference_in("https://example.org/schema.json").is_none());
/// ```
pub fn reference_in(spec: &str) -> Option<Reference> {
    if is_url(spec) || std::path::Path::new(spec).exists() {
        None
    } else {
        Reference::parse(spec)
    }
}

/// `--catalog` may name the site (`https://mirror.example/`) or the file itself.
fn catalog_file_location(given: &str) -> String {
    if !is_url(given) {
        let path = std::path::Path::new(given);
        return if path.is_dir() {
            path.join("schemas.json").display().to_string()
        } else {
            given.to_owned()
        };
    }
    let path_part = given.split(['?', '#']).next().unwrap_or(given);
    if path_part.to_ascii_lowercase().ends_with(".json") {
        given.to_owned()
    } else {
        format!("{}/schemas.json", given.trim_end_matches('/'))
    }
}

/// A web page where a JSON document was expected is the most common wrong address (a
/// GitHub "blob" page, a documentation page): say so instead of a JSON syntax error.
/// Prefix of a reference list named by its data.gouv.fr resource id (the catalogue's stable
/// address for a published file).
pub const DATA_GOUV_PREFIX: &str = "data.gouv.fr:";

/// Where a reference list lives: a `data.gouv.fr:RESOURCE-ID` reference becomes the
/// resource's stable address on data.gouv.fr; any other text is resolved against the
/// schema's own location (a path beside a schema file, an address relative to its URL).
///
/// ```
/// use conforme_remote::list_location;
/// assert_eq!(
///     list_location("https://example.org/s/schema.json", "data.gouv.fr:0e3c-7b2a"),
///     "https://www.data.gouv.fr/fr/datasets/r/0e3c-7b2a"
/// );
/// assert_eq!(list_location("https://example.org/s/schema.json", "sites.csv"), "https://example.org/s/sites.csv");
/// ```
pub fn list_location(schema_location: &str, list: &str) -> String {
    match list.strip_prefix(DATA_GOUV_PREFIX) {
        Some(id) => format!("https://www.data.gouv.fr/fr/datasets/r/{}", id.trim()),
        None => catalog::join(schema_location, list),
    }
}

fn reject_html(document: &Document, what: &'static str) -> Result<(), RemoteError> {
    let declared_html = document
        .content_type
        .as_deref()
        .is_some_and(|ct| ct.to_ascii_lowercase().contains("html"));
    if declared_html || data::looks_like_html(&document.bytes) {
        return Err(RemoteError::Html {
            url: document.url.clone(),
            what,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_catalogue_option_accepts_a_site_or_a_file() {
        assert_eq!(
            catalog_file_location("https://mirror.example/"),
            "https://mirror.example/schemas.json"
        );
        assert_eq!(
            catalog_file_location("http://127.0.0.1:9/cat.json"),
            "http://127.0.0.1:9/cat.json"
        );
    }
}
