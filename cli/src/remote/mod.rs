//! Schemas and data from anywhere, for the command line: the options that configure the
//! shared `conforme-remote` crate (HTTP, cache, catalogue), and the subcommands built on it.

pub mod commands;
pub mod guess;
pub mod versions;

pub use conforme_remote::{Remote, RemoteConfig, RemoteError, SchemaSet, catalog, is_url, text};
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

impl RemoteArgs {
    /// The network, cache and catalogue these options describe.
    pub fn connect(&self) -> Remote {
        Remote::new(RemoteConfig {
            catalog: self.catalog.clone(),
            cache_dir: self.cache_dir.clone(),
            offline: self.offline,
            cache_ttl: Duration::from_secs(self.cache_ttl),
            timeout: Duration::from_secs(self.timeout.max(1)),
            on_warning: None,
        })
    }
}
