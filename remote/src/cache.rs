//! The on-disk cache of downloaded documents (catalogue, schemas): one body file and one
//! small JSON metadata file per URL, revalidated with `ETag` / `Last-Modified` once older
//! than the TTL, and the only source of documents with `--offline`.

use super::RemoteError;
use super::http::{Fetched, HttpClient, HttpError, ResponseMeta, Validators};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A downloaded (or cached) document.
#[derive(Clone, Debug)]
pub struct Document {
    /// Its bytes.
    pub bytes: Vec<u8>,
    /// The address it was requested at.
    pub url: String,
    /// Its `Content-Type`, when the server gave one.
    pub content_type: Option<String>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    url: String,
    etag: Option<String>,
    last_modified: Option<String>,
    content_type: Option<String>,
    /// Seconds since the Unix epoch when the server last confirmed this copy.
    checked_at: u64,
}

/// Something the cache worked around, which the user should hear about.
#[derive(Debug)]
pub enum CacheWarning {
    /// The server could not be reached; an older cached copy is used instead.
    StaleCopy {
        /// Why the server could not confirm the copy.
        error: HttpError,
        /// Seconds since the copy was last confirmed.
        age_seconds: u64,
    },
    /// The cache directory cannot be written: later runs will download again.
    Unwritable {
        /// The cache directory.
        dir: PathBuf,
        /// Why.
        error: std::io::Error,
    },
}

impl std::fmt::Display for CacheWarning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CacheWarning::StaleCopy { error, age_seconds } => write!(
                f,
                "{error}; using the cached copy from {} ago",
                age_text(*age_seconds)
            ),
            CacheWarning::Unwritable { dir, error } => write!(
                f,
                "cannot write the cache in {} ({error}); continuing without it",
                dir.display()
            ),
        }
    }
}

/// Receives the cache's warnings (a front end prints them, or turns them into its own
/// warnings).
pub type WarningSink = std::sync::Arc<dyn Fn(&CacheWarning) + Send + Sync>;

/// The command line's way: on standard error, one `conforme: ` line each.
fn print_warning(warning: &CacheWarning) {
    match warning {
        CacheWarning::StaleCopy { error, age_seconds } => eprintln!(
            "conforme: warning: {error}\nconforme: using the cached copy from {} ago",
            age_text(*age_seconds)
        ),
        CacheWarning::Unwritable { .. } => eprintln!("conforme: warning: {warning}"),
    }
}

/// The cache policy and its directory.
pub struct Cache {
    dir: PathBuf,
    ttl: Duration,
    offline: bool,
    warn: WarningSink,
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs())
}

/// A stable 64-bit FNV-1a hash: cache file names must not change between builds.
fn fnv1a(text: &str) -> u64 {
    text.bytes().fold(0xcbf2_9ce4_8422_2325, |hash, byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A file name for `url`: a readable tail (to find entries by eye) plus a hash (uniqueness).
fn file_stem(url: &str) -> String {
    let tail: String = url
        .trim_end_matches('/')
        .rsplit('/')
        .take(3)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect::<Vec<_>>()
        .join("_")
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '.' || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    format!("{:016x}-{tail}", fnv1a(url))
}

impl Cache {
    /// The default cache directory: `$XDG_CACHE_HOME/conforme`, `~/.cache/conforme`,
    /// `~/Library/Caches/conforme` or `%LOCALAPPDATA%\conforme`.
    pub fn default_dir() -> Option<PathBuf> {
        dirs::cache_dir().map(|d| d.join("conforme"))
    }

    /// A cache in `dir` (created on first write) whose entries are trusted for `ttl`.
    pub fn new(dir: PathBuf, ttl: Duration, offline: bool) -> Cache {
        Cache {
            dir,
            ttl,
            offline,
            warn: std::sync::Arc::new(print_warning),
        }
    }

    /// Sends warnings to `sink` instead of standard error (`None` keeps standard error).
    pub fn with_warnings(mut self, sink: Option<WarningSink>) -> Cache {
        if let Some(sink) = sink {
            self.warn = sink;
        }
        self
    }

    /// The directory holding the cached documents.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let stem = file_stem(url);
        (
            self.dir.join(format!("{stem}.body")),
            self.dir.join(format!("{stem}.meta.json")),
        )
    }

    fn read_entry(&self, url: &str) -> Option<(Meta, Vec<u8>)> {
        let (body_path, meta_path) = self.paths(url);
        let meta: Meta = serde_json::from_slice(&std::fs::read(meta_path).ok()?).ok()?;
        // Two URLs with the same hash would share a file: the stored URL tells them apart.
        if meta.url != url {
            return None;
        }
        let body = std::fs::read(body_path).ok()?;
        Some((meta, body))
    }

    fn write_entry(&self, meta: &Meta, body: Option<&[u8]>) {
        let (body_path, meta_path) = self.paths(&meta.url);
        let result = (|| -> std::io::Result<()> {
            std::fs::create_dir_all(&self.dir)?;
            if let Some(body) = body {
                write_atomically(&body_path, body)?;
            }
            let json = serde_json::to_vec(meta).map_err(std::io::Error::other)?;
            write_atomically(&meta_path, &json)
        })();
        // A cache that cannot be written slows later runs down but does not change results.
        if let Err(error) = result {
            (self.warn)(&CacheWarning::Unwritable {
                dir: self.dir.clone(),
                error,
            });
        }
    }

    /// The document at `url`: from the cache when fresh, else downloaded (conditionally when
    /// a cached copy exists). With `--offline`, only the cache is used.
    pub fn get(&self, http: &HttpClient, url: &str) -> Result<Document, RemoteError> {
        let cached = self.read_entry(url);
        let document = |meta: &Meta, bytes: Vec<u8>| Document {
            bytes,
            url: url.to_owned(),
            content_type: meta.content_type.clone(),
        };
        if self.offline {
            return match cached {
                Some((meta, body)) => Ok(document(&meta, body)),
                None => Err(RemoteError::NotCached {
                    url: url.to_owned(),
                    dir: self.dir.clone(),
                }),
            };
        }
        if let Some((meta, body)) = &cached
            && now().saturating_sub(meta.checked_at) < self.ttl.as_secs()
        {
            return Ok(document(meta, body.clone()));
        }
        let validators = cached
            .as_ref()
            .map(|(meta, _)| Validators {
                etag: meta.etag.clone(),
                last_modified: meta.last_modified.clone(),
            })
            .unwrap_or_default();
        match (http.fetch(url, &validators), cached) {
            // A 304 to a request that had nothing to revalidate is the server's mistake.
            (Ok(Fetched::NotModified(_)), None) => Err(RemoteError::UnexpectedNotModified {
                url: url.to_owned(),
            }),
            (Ok(Fetched::NotModified(fresh)), Some((mut meta, body))) => {
                meta.checked_at = now();
                meta.etag = fresh.etag.or(meta.etag);
                meta.last_modified = fresh.last_modified.or(meta.last_modified);
                self.write_entry(&meta, None);
                Ok(document(&meta, body))
            }
            (Ok(Fetched::Body(body, fresh)), _) => {
                let meta = meta_from(url, fresh);
                self.write_entry(&meta, Some(&body));
                Ok(document(&meta, body))
            }
            (Err(error), cached) => match cached {
                // The network is down or the server failing: a stale copy beats no answer,
                // as long as the user is told.
                Some((meta, body)) if is_transient(&error) => {
                    (self.warn)(&CacheWarning::StaleCopy {
                        error,
                        age_seconds: now().saturating_sub(meta.checked_at),
                    });
                    Ok(document(&meta, body))
                }
                _ => Err(error.into()),
            },
        }
    }
}

fn meta_from(url: &str, fresh: ResponseMeta) -> Meta {
    Meta {
        url: url.to_owned(),
        etag: fresh.etag,
        last_modified: fresh.last_modified,
        content_type: fresh.content_type,
        checked_at: now(),
    }
}

/// Failures that say nothing about the document itself (a 404 does: never hide it).
fn is_transient(error: &HttpError) -> bool {
    match error {
        HttpError::Dns { .. }
        | HttpError::Connect { .. }
        | HttpError::Timeout { .. }
        | HttpError::Other { .. } => true,
        HttpError::Status { status, .. } => *status >= 500,
        _ => false,
    }
}

fn age_text(seconds: u64) -> String {
    match seconds {
        s if s < 120 => format!("{s} s"),
        s if s < 2 * 3600 => format!("{} min", s / 60),
        s if s < 2 * 86400 => format!("{} h", s / 3600),
        s => format!("{} days", s / 86400),
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_are_stable_readable_and_distinct() {
        let a = file_stem("https://schema.data.gouv.fr/schemas/etalab/x/1.0.0/schema.json");
        let b = file_stem("https://schema.data.gouv.fr/schemas/etalab/x/1.0.1/schema.json");
        assert_ne!(a, b);
        assert!(a.ends_with("x_1.0.0_schema.json"), "{a}");
        assert_eq!(
            a,
            file_stem("https://schema.data.gouv.fr/schemas/etalab/x/1.0.0/schema.json")
        );
    }

    #[test]
    fn offline_without_a_copy_names_the_url_and_the_directory() {
        let dir = std::env::temp_dir().join(format!("conforme-cache-unit-{}", std::process::id()));
        let cache = Cache::new(dir.clone(), Duration::from_secs(60), true);
        let http = HttpClient::new(Duration::from_secs(1));
        let e = cache
            .get(&http, "https://example.org/schema.json")
            .unwrap_err();
        let text = e.to_string();
        assert!(text.contains("https://example.org/schema.json"), "{text}");
        assert!(text.contains(&dir.display().to_string()), "{text}");
    }
}
