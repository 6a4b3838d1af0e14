//! A small synchronous HTTP client over `ureq`: timeouts, a size limit for documents,
//! redirects, proxies from the environment (`HTTPS_PROXY`, `NO_PROXY`…), and errors that
//! say what failed and what to do about it.

use std::io::Read;
use std::time::Duration;
use ureq::ResponseExt;

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: u32 = 8;

/// Largest schema or catalogue document accepted (data files are streamed, not limited).
pub const MAX_DOCUMENT_BYTES: u64 = 32 << 20;

/// Why an HTTP exchange failed, phrased for the person running the command.
#[derive(Debug, thiserror::Error)]
pub enum HttpError {
    /// The host name does not resolve.
    #[error(
        "{url}: cannot resolve the host name (DNS failure). Check the address and your network connection, or work from the cache with --offline"
    )]
    Dns {
        /// The requested URL.
        url: String,
    },
    /// The TCP connection was refused or could not be established.
    #[error(
        "{url}: cannot connect to the server ({detail}). Check the address and port, your network or proxy settings (HTTPS_PROXY, NO_PROXY), or work from the cache with --offline"
    )]
    Connect {
        /// The requested URL.
        url: String,
        /// What the system said.
        detail: String,
    },
    /// The server did not answer in time.
    #[error(
        "{url}: no answer within {seconds} s (timeout). The server is slow or unreachable: try again later, or raise the limit with --timeout"
    )]
    Timeout {
        /// The requested URL.
        url: String,
        /// The limit that was exceeded, in seconds.
        seconds: f64,
    },
    /// The TLS handshake or certificate check failed.
    #[error(
        "{url}: secure connection (TLS) failed: {detail}. Check that the address really serves https (not http), that its certificate is valid, and that the system clock is right"
    )]
    Tls {
        /// The requested URL.
        url: String,
        /// What the TLS layer said.
        detail: String,
    },
    /// HTTP 404 or 410.
    #[error("{url}: not found (HTTP {status}). Check the address, the schema name and the version")]
    NotFound {
        /// The requested URL.
        url: String,
        /// 404 or 410.
        status: u16,
    },
    /// Any other non-success status.
    #[error("{url}: the server answered HTTP {status} instead of the document{hint}")]
    Status {
        /// The requested URL.
        url: String,
        /// The status code.
        status: u16,
        /// A sentence on what to do, starting with ". ".
        hint: &'static str,
    },
    /// Too many redirects (a loop, usually).
    #[error(
        "{url}: more than {MAX_REDIRECTS} redirects (a redirect loop?). Use the final address directly"
    )]
    TooManyRedirects {
        /// The requested URL.
        url: String,
    },
    /// A schema or catalogue larger than [`MAX_DOCUMENT_BYTES`].
    #[error(
        "{url}: the document is larger than {limit} bytes, too large for a schema or a catalogue. Check that the address points to the schema, not to a data file"
    )]
    TooLarge {
        /// The requested URL.
        url: String,
        /// The limit in bytes.
        limit: u64,
    },
    /// The URL itself cannot be used.
    #[error("{url}: not a usable http(s) address ({detail})")]
    BadUrl {
        /// The requested URL.
        url: String,
        /// Why.
        detail: String,
    },
    /// Anything else (a broken connection, a protocol error…).
    #[error("{url}: download failed: {detail}")]
    Other {
        /// The requested URL.
        url: String,
        /// What failed.
        detail: String,
    },
}

/// Cache validators sent with a conditional request.
#[derive(Clone, Debug, Default)]
pub struct Validators {
    /// The `ETag` received last time.
    pub etag: Option<String>,
    /// The `Last-Modified` received last time.
    pub last_modified: Option<String>,
}

/// Headers of a response that the callers care about.
#[derive(Clone, Debug, Default)]
pub struct ResponseMeta {
    /// The address finally answered, after redirects.
    pub final_url: String,
    /// `Content-Type`, if any.
    pub content_type: Option<String>,
    /// `Content-Disposition`, if any.
    pub content_disposition: Option<String>,
    /// `ETag`, if any.
    pub etag: Option<String>,
    /// `Last-Modified`, if any.
    pub last_modified: Option<String>,
}

/// The outcome of a (possibly conditional) document download.
#[derive(Debug)]
pub enum Fetched {
    /// HTTP 304: the copy held by the caller is still current.
    NotModified(ResponseMeta),
    /// A fresh body.
    Body(Vec<u8>, ResponseMeta),
}

/// A response whose body is read as it arrives.
pub struct Streamed {
    /// The headers.
    pub meta: ResponseMeta,
    /// The body.
    pub body: Box<dyn Read + Send>,
}

/// A reusable HTTP client (cheap to clone: clones share the connection pool).
#[derive(Clone)]
pub struct HttpClient {
    agent: ureq::Agent,
    timeout: Duration,
}

impl HttpClient {
    /// A client whose connect, first-byte and per-read waits are bounded by `timeout`.
    /// Proxies come from the environment (`ALL_PROXY`, `HTTPS_PROXY`, `HTTP_PROXY`,
    /// `NO_PROXY`, lower case too).
    pub fn new(timeout: Duration) -> HttpClient {
        let agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .max_redirects(MAX_REDIRECTS)
            .timeout_connect(Some(timeout))
            .timeout_resolve(Some(timeout))
            .timeout_recv_response(Some(timeout))
            .timeout_per_read(Some(timeout))
            .user_agent(concat!("conforme/", env!("CARGO_PKG_VERSION")))
            .build()
            .into();
        HttpClient { agent, timeout }
    }

    fn call(
        &self,
        url: &str,
        validators: &Validators,
    ) -> Result<ureq::http::Response<ureq::Body>, HttpError> {
        check_scheme(url)?;
        let mut request = self.agent.get(url);
        if let Some(etag) = &validators.etag {
            request = request.header("If-None-Match", etag);
        }
        if let Some(date) = &validators.last_modified {
            request = request.header("If-Modified-Since", date);
        }
        let response = request
            .call()
            .map_err(|e| handshake_failure(url, self.describe(url, e)))?;
        let status = response.status().as_u16();
        match status {
            200..=299 | 304 => Ok(response),
            404 | 410 => Err(HttpError::NotFound {
                url: url.to_owned(),
                status,
            }),
            _ => Err(HttpError::Status {
                url: url.to_owned(),
                status,
                hint: status_hint(status),
            }),
        }
    }

    /// Downloads a small document (schema, catalogue), conditionally when `validators`
    /// holds an `ETag` or a date; the body is limited to [`MAX_DOCUMENT_BYTES`].
    pub fn fetch(&self, url: &str, validators: &Validators) -> Result<Fetched, HttpError> {
        let mut response = self.call(url, validators)?;
        let meta = meta_of(&response);
        if response.status().as_u16() == 304 {
            return Ok(Fetched::NotModified(meta));
        }
        let body = response
            .body_mut()
            .with_config()
            .limit(MAX_DOCUMENT_BYTES)
            .read_to_vec()
            .map_err(|e| self.describe(url, e))?;
        Ok(Fetched::Body(body, meta))
    }

    /// Opens `url` for reading its body as it arrives (data files of any size).
    pub fn open(&self, url: &str) -> Result<Streamed, HttpError> {
        let response = self.call(url, &Validators::default())?;
        let meta = meta_of(&response);
        let reader = response.into_body().into_reader();
        let url = url.to_owned();
        let client = self.clone();
        Ok(Streamed {
            meta,
            body: Box::new(ErrorMapping {
                inner: reader,
                url,
                client,
            }),
        })
    }

    /// Turns a ureq error into an [`HttpError`] for `url`.
    pub fn describe(&self, url: &str, error: ureq::Error) -> HttpError {
        describe_error(url, error, self.timeout)
    }
}

/// A connection to an https address that breaks before any answer is a failed TLS
/// handshake (typically: the port speaks plain http, or a proxy intercepts).
fn handshake_failure(url: &str, error: HttpError) -> HttpError {
    match error {
        HttpError::Other { detail, .. } if url.to_ascii_lowercase().starts_with("https://") => {
            HttpError::Tls {
                url: url.to_owned(),
                detail: format!("the connection broke during the handshake ({detail})"),
            }
        }
        other => other,
    }
}

/// Only http and https are fetched; anything else is a usage error, said plainly.
fn check_scheme(url: &str) -> Result<(), HttpError> {
    let lower = url.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        Ok(())
    } else {
        Err(HttpError::BadUrl {
            url: url.to_owned(),
            detail: "only http:// and https:// are supported".into(),
        })
    }
}

fn status_hint(status: u16) -> &'static str {
    match status {
        401 | 403 => ". The server refuses access: the document may be private",
        429 => ". The server limits requests: wait a moment and try again",
        500..=599 => {
            ". The server has a problem: try again later, or work from the cache with --offline"
        }
        300..=399 => ". The redirect has no usable Location header",
        _ => "",
    }
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned)
}

fn meta_of(response: &ureq::http::Response<ureq::Body>) -> ResponseMeta {
    ResponseMeta {
        final_url: response.get_uri().to_string(),
        content_type: header(response, "content-type"),
        content_disposition: header(response, "content-disposition"),
        etag: header(response, "etag"),
        last_modified: header(response, "last-modified"),
    }
}

/// Maps every ureq failure to the error a user can act on.
pub fn describe_error(url: &str, error: ureq::Error, timeout: Duration) -> HttpError {
    let url = url.to_owned();
    match error {
        ureq::Error::HostNotFound => HttpError::Dns { url },
        ureq::Error::Timeout(_) => HttpError::Timeout {
            url,
            seconds: timeout.as_secs_f64(),
        },
        ureq::Error::TooManyRedirects => HttpError::TooManyRedirects { url },
        ureq::Error::BodyExceedsLimit(limit) => HttpError::TooLarge { url, limit },
        ureq::Error::BadUri(detail) => HttpError::BadUrl { url, detail },
        ureq::Error::ConnectionFailed => HttpError::Connect {
            url,
            detail: "connection failed".into(),
        },
        ureq::Error::Tls(detail) => HttpError::Tls {
            url,
            detail: detail.into(),
        },
        ureq::Error::Rustls(e) => HttpError::Tls {
            url,
            detail: e.to_string(),
        },
        ureq::Error::Pem(e) => HttpError::Tls {
            url,
            detail: e.to_string(),
        },
        ureq::Error::Io(e) => describe_io(url, e, timeout),
        other => HttpError::Other {
            url,
            detail: other.to_string(),
        },
    }
}

fn describe_io(url: String, e: std::io::Error, timeout: Duration) -> HttpError {
    use std::io::ErrorKind;
    // ureq wraps its own errors in io::Error when they surface through a body reader.
    if e.get_ref().is_some_and(|inner| inner.is::<ureq::Error>()) {
        let inner = e
            .into_inner()
            .expect("checked above")
            .downcast::<ureq::Error>()
            .expect("checked above");
        return describe_error(&url, *inner, timeout);
    }
    match e.kind() {
        ErrorKind::ConnectionRefused | ErrorKind::ConnectionReset | ErrorKind::NotConnected => {
            HttpError::Connect {
                url,
                detail: e.to_string(),
            }
        }
        ErrorKind::TimedOut | ErrorKind::WouldBlock => HttpError::Timeout {
            url,
            seconds: timeout.as_secs_f64(),
        },
        // rustls reports a non-TLS answer (plain http on an https address) as invalid data.
        ErrorKind::InvalidData if e.to_string().to_ascii_lowercase().contains("tls") => {
            HttpError::Tls {
                url,
                detail: e.to_string(),
            }
        }
        _ => HttpError::Other {
            url,
            detail: e.to_string(),
        },
    }
}

/// A body reader whose errors carry the same explanations as the request's.
struct ErrorMapping<R> {
    inner: R,
    url: String,
    client: HttpClient,
}

impl<R: Read> Read for ErrorMapping<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        self.inner.read(buf).map_err(|e| {
            let described = describe_io(self.url.clone(), e, self.client.timeout);
            std::io::Error::other(described.to_string())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_dns_failure_says_so_and_suggests_offline() {
        let e = describe_error(
            "https://schema.example.invalid/x.json",
            ureq::Error::HostNotFound,
            Duration::from_secs(5),
        );
        let text = e.to_string();
        assert!(text.contains("DNS failure"), "{text}");
        assert!(text.contains("--offline"), "{text}");
    }

    #[test]
    fn only_http_and_https_are_fetched() {
        let client = HttpClient::new(Duration::from_secs(1));
        let e = client
            .fetch("ftp://example.org/schema.json", &Validators::default())
            .unwrap_err();
        assert!(matches!(e, HttpError::BadUrl { .. }), "{e}");
    }
}
