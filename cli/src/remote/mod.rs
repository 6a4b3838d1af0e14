//! Schemas and data from anywhere: file paths, `http(s)://` addresses and catalogue
//! references (`org/name`, `org/name@version`, `org/name@latest`, `org/name@all`), through
//! an on-disk cache that works offline. All network access of the command lives here.

pub mod cache;
pub mod catalog;
pub mod commands;
pub mod data;
pub mod guess;
pub mod http;
pub mod text;
pub mod versions;

use cache::{Cache, Document};
use catalog::{CATALOG_ENV, Catalog, DEFAULT_CATALOG, Reference, Selector};
use conforme::Schema;
use http::{HttpClient, HttpError};
use std::path::PathBuf;
use std::time::Duration;

/// Options shared by every subcommand that may read from the network.
#[derive(clap::Args, Clone, Debug)]
pub struct RemoteArgs {
    /// Schema catalogue: address of a schemas.json (or of a site that serves one), or a local
    /// file. Default: $CONFORME_CATALOG, else https://schema.data.gouv.fr/schemas.json.
    #[arg(long, global = true, value_name = "URL")]
    pub catalog: Option<String>,
    /// Cache directory for downloaded schemas and catalogue (default: $CONFORME_CACHE_DIR,
    /// else the platform cache directory, e.g. ~/.cache/conforme).
    #[arg(long, global = true, value_name = "DIR")]
    pub cache_dir: Option<PathBuf>,
    /// Use only the cache: never touch the network.
    #[arg(long, global = true)]
    pub offline: bool,
    /// Seconds during which a cached document is used without asking the server; after
    /// that it is revalidated (ETag / Last-Modified).
    #[arg(long, global = true, default_value_t = 3600, value_name = "SECONDS")]
    pub cache_ttl: u64,
    /// Network timeout in seconds (connection, first byte, and each read).
    #[arg(long, global = true, default_value_t = 30, value_name = "SECONDS")]
    pub timeout: u64,
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
    /// The data cannot be validated as it is.
    #[error("{location}: {detail}")]
    Data {
        /// The data's address.
        location: String,
        /// What is wrong and what to do.
        detail: String,
    },
}

fn did_you_mean(names: &[String]) -> String {
    if names.is_empty() {
        String::new()
    } else {
        format!(" (did you mean {}?)", names.join(", "))
    }
}

/// Whether `text` is an `http://` or `https://` address.
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

/// The network, the cache and the catalogue location, configured once per run.
pub struct Remote {
    http: HttpClient,
    cache: Cache,
    catalog_location: String,
    offline: bool,
}

impl Remote {
    /// Applies the command-line options and environment variables.
    pub fn new(args: &RemoteArgs) -> Result<Remote, RemoteError> {
        let dir = args
            .cache_dir
            .clone()
            .or_else(|| std::env::var_os("CONFORME_CACHE_DIR").map(PathBuf::from))
            .or_else(Cache::default_dir)
            .unwrap_or_else(|| std::env::temp_dir().join("conforme-cache"));
        let catalog = args
            .catalog
            .clone()
            .or_else(|| std::env::var(CATALOG_ENV).ok().filter(|v| !v.is_empty()))
            .unwrap_or_else(|| DEFAULT_CATALOG.to_owned());
        Ok(Remote {
            http: HttpClient::new(Duration::from_secs(args.timeout.max(1))),
            cache: Cache::new(dir, Duration::from_secs(args.cache_ttl), args.offline),
            catalog_location: catalog_file_location(&catalog),
            offline: args.offline,
        })
    }

    /// Opens data at `url` as a CSV stream (see [`data::open_csv`]); refused with
    /// `--offline`, since data is streamed, not cached.
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

    /// Loads a Table Schema from a path or URL.
    pub fn table_schema(&self, location: &str) -> Result<Schema, RemoteError> {
        let document = self.document(location)?;
        reject_html(&document, "schema")?;
        Schema::from_slice(&document.bytes).map_err(|source| RemoteError::Schema {
            location: location.to_owned(),
            source,
        })
    }

    /// Loads what `--schema` names: a path, a URL or a catalogue reference.
    pub fn load_schemas(&self, spec: &str) -> Result<SchemaSet, RemoteError> {
        let reference = if is_url(spec) || std::path::Path::new(spec).exists() {
            None
        } else {
            Reference::parse(spec)
        };
        let Some(reference) = reference else {
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
        let catalog = self.catalog()?;
        let (entry, versions) = catalog.resolve(&reference)?;
        if entry.schema_type != "tableschema" {
            return Err(RemoteError::Unsupported {
                name: entry.name.clone(),
                kind: entry.schema_type.clone(),
            });
        }
        let schemas = versions
            .into_iter()
            .map(|v| {
                let location = self.schema_location(&v.schema_url);
                Ok(LoadedSchema {
                    schema: self.table_schema(&location)?,
                    version: v.version_name,
                    location,
                })
            })
            .collect::<Result<Vec<_>, RemoteError>>()?;
        Ok(SchemaSet {
            name: Some(entry.name.clone()),
            all_versions: reference.selector == Selector::All,
            schemas,
        })
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
