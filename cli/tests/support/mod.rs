//! A real HTTP/1.1 server on 127.0.0.1 for the tests: fixed routes, ETag handling,
//! redirects, slow and failing answers, and a log of every request it received.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// One canned answer.
#[derive(Clone, Default)]
pub struct Route {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Wait this long before answering (a slow server).
    pub delay: Option<Duration>,
    /// Answer 304 to a request whose If-None-Match carries this tag.
    pub etag: Option<String>,
}

impl Route {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Route {
        Route {
            status: 200,
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            ..Route::default()
        }
    }

    pub fn json(body: impl Into<Vec<u8>>) -> Route {
        Route::ok("application/json", body)
    }

    pub fn status(status: u16, content_type: &str, body: &str) -> Route {
        Route {
            status,
            ..Route::ok(content_type, body)
        }
    }

    pub fn redirect(to: &str) -> Route {
        Route {
            status: 301,
            headers: vec![("Location".into(), to.into())],
            ..Route::default()
        }
    }

    pub fn with_etag(mut self, tag: &str) -> Route {
        self.etag = Some(tag.into());
        self.headers.push(("ETag".into(), tag.into()));
        self
    }

    pub fn with_header(mut self, name: &str, value: &str) -> Route {
        self.headers.push((name.into(), value.into()));
        self
    }

    pub fn slow(mut self, delay: Duration) -> Route {
        self.delay = Some(delay);
        self
    }
}

/// A request as the server saw it.
#[derive(Clone, Debug)]
pub struct Seen {
    pub path: String,
    /// Header names in lower case.
    pub headers: HashMap<String, String>,
    /// Whether the server answered 304.
    pub not_modified: bool,
}

#[derive(Default)]
struct State {
    routes: HashMap<String, Route>,
    seen: Vec<Seen>,
}

/// The server; it lives until the test process ends.
pub struct Server {
    addr: SocketAddr,
    state: Arc<Mutex<State>>,
}

impl Server {
    pub fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
        let addr = listener.local_addr().unwrap();
        let state = Arc::new(Mutex::new(State::default()));
        let shared = state.clone();
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let state = shared.clone();
                std::thread::spawn(move || {
                    let _ = serve(stream, &state);
                });
            }
        });
        Server { addr, state }
    }

    /// `http://127.0.0.1:PORT` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{path}", self.addr)
    }

    /// The same address with https (nothing speaks TLS there).
    pub fn https_url(&self, path: &str) -> String {
        format!("https://{}{path}", self.addr)
    }

    pub fn route(&self, path: &str, route: Route) {
        self.state
            .lock()
            .unwrap()
            .routes
            .insert(path.to_owned(), route);
    }

    /// Requests received for `path` so far.
    pub fn seen(&self, path: &str) -> Vec<Seen> {
        self.state
            .lock()
            .unwrap()
            .seen
            .iter()
            .filter(|s| s.path == path)
            .cloned()
            .collect()
    }

    /// Every request received so far.
    pub fn total(&self) -> usize {
        self.state.lock().unwrap().seen.len()
    }
}

fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        301 => "Moved Permanently",
        302 => "Found",
        304 => "Not Modified",
        404 => "Not Found",
        500 => "Internal Server Error",
        _ => "Status",
    }
}

fn serve(stream: TcpStream, state: &Mutex<State>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    // A TLS client hello (record type 0x16) gets what a real plain-http server answers.
    if reader.fill_buf()?.first() == Some(&0x16) {
        let mut out = stream;
        out.write_all(
            b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n",
        )?;
        return out.flush();
    }
    let mut first = Vec::new();
    reader.read_until(b'\n', &mut first)?;
    let request_line = String::from_utf8_lossy(&first).into_owned();
    let target = request_line
        .split_whitespace()
        .nth(1)
        .unwrap_or("/")
        .to_owned();
    let mut headers = HashMap::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = line.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_owned());
        }
    }
    let route = {
        let state = state.lock().unwrap();
        state.routes.get(&target).cloned()
    };
    let route = route.unwrap_or_else(|| Route::status(404, "text/plain", "no such route"));
    let not_modified = route
        .etag
        .as_ref()
        .is_some_and(|tag| headers.get("if-none-match") == Some(tag));
    state.lock().unwrap().seen.push(Seen {
        path: target,
        headers,
        not_modified,
    });
    if let Some(delay) = route.delay {
        std::thread::sleep(delay);
    }
    let (status, body): (u16, &[u8]) = if not_modified {
        (304, b"")
    } else {
        (route.status, &route.body)
    };
    let mut out = stream;
    let mut head = format!("HTTP/1.1 {status} {}\r\n", reason(status));
    for (k, v) in &route.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str(&format!(
        "Content-Length: {}\r\nConnection: close\r\n\r\n",
        body.len()
    ));
    out.write_all(head.as_bytes())?;
    out.write_all(body)?;
    out.flush()
}
