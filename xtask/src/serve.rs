//! A plain static file server for `dist/`, like any static host: no rewrite rules, no SPA
//! fallback; a file's pre-compressed twin (`.br`, `.gz`) is sent when the browser accepts it,
//! as a CDN does. It can serve under a sub-path (`/esg-board/`) to prove the build works there.

use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};

/// The strict policy the board must run under; every response carries it, so every
/// end-to-end test would see a violation.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                       connect-src 'self'; img-src 'self' data:";

pub struct Server {
    origin: String,
    thread: JoinHandle<()>,
}

/// One folder served under one URL prefix.
#[derive(Clone, Debug)]
pub struct Mount {
    pub base: String,
    pub dir: PathBuf,
}

impl Mount {
    pub fn new(base: &str, dir: &Path) -> Mount {
        Mount {
            base: base.to_string(),
            dir: dir.to_path_buf(),
        }
    }
}

fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "wasm" => "application/wasm",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "txt" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

/// Maps a request path to a file under `root`, refusing anything that climbs out of it.
fn resolve(root: &Path, base: &str, url: &str) -> Option<PathBuf> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let rest = path.strip_prefix(base)?;
    let mut file = root.to_path_buf();
    for part in rest.split('/').filter(|p| !p.is_empty()) {
        let decoded = percent_decode(part)?;
        let p = Path::new(&decoded);
        if p.components().count() != 1
            || !matches!(p.components().next(), Some(Component::Normal(_)))
        {
            return None;
        }
        file.push(p);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' {
            let hex = std::str::from_utf8(b.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(b[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Reads one request and answers it: the file, or 404.
fn answer(stream: TcpStream, mounts: &[Mount]) -> std::io::Result<()> {
    stream.set_read_timeout(Some(std::time::Duration::from_secs(30)))?;
    let mut reader = BufReader::new(&stream);
    let mut line = String::new();
    reader.read_line(&mut line)?;
    let mut parts = line.split_whitespace();
    let (method, url) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
    // Of the headers, only Accept-Encoding changes the answer.
    let mut header = String::new();
    let mut accepts = String::new();
    while reader.read_line(&mut header)? > 2 {
        if let Some((name, value)) = header.split_once(':') {
            if name.eq_ignore_ascii_case("accept-encoding") {
                accepts = value.to_ascii_lowercase();
            }
        }
        header.clear();
    }
    let found = mounts.iter().find_map(|m| resolve(&m.dir, &m.base, url));
    // A pre-compressed twin (`cargo xtask dist --precompress` writes them), as a CDN serves it.
    let twin = found.as_ref().and_then(|f| {
        [("br", "br"), ("gzip", "gz")]
            .into_iter()
            .find_map(|(coding, ext)| {
                let mut name = f.clone().into_os_string();
                name.push(format!(".{ext}"));
                let twin = PathBuf::from(name);
                (accepts.contains(coding) && twin.is_file()).then_some((coding, twin))
            })
    });
    let (status, kind, body, coding) = match (found, twin) {
        (Some(f), Some((coding, twin))) => match std::fs::read(&twin) {
            Ok(bytes) => ("200 OK", content_type(&f), bytes, Some(coding)),
            Err(_) => (
                "404 Not Found",
                "text/plain",
                b"404 Not Found".to_vec(),
                None,
            ),
        },
        (Some(f), None) => match std::fs::read(&f) {
            Ok(bytes) => ("200 OK", content_type(&f), bytes, None),
            Err(_) => (
                "404 Not Found",
                "text/plain",
                b"404 Not Found".to_vec(),
                None,
            ),
        },
        _ => (
            "404 Not Found",
            "text/plain",
            b"404 Not Found".to_vec(),
            None,
        ),
    };
    let encoding = coding.map_or(String::new(), |c| {
        format!("Content-Encoding: {c}\r\nVary: Accept-Encoding\r\n")
    });
    let mut out = std::io::BufWriter::new(&stream);
    write!(
        out,
        "HTTP/1.1 {status}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n{encoding}Connection: close\r\nCache-Control: no-cache\r\nContent-Security-Policy: {CSP}\r\n\r\n",
        body.len()
    )?;
    if method != "HEAD" {
        out.write_all(&body)?;
    }
    out.flush()
}

impl Server {
    /// Serves the mounts (the first whose prefix and file match wins) at
    /// `http://127.0.0.1:port` (port 0: any free port) on a thread. Every response carries the
    /// strict [`CSP`].
    pub fn start(mounts: Vec<Mount>, port: u16) -> Result<Server, String> {
        let listener = TcpListener::bind(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let port = listener.local_addr().map(|a| a.port()).unwrap_or(port);
        let origin = format!("http://127.0.0.1:{port}");
        let mounts = std::sync::Arc::new(mounts);
        // A thread per connection, one request each (`Connection: close`). A server with a
        // pool of connection threads (tiny_http, before) let the browser's speculative
        // connections, which may never carry a request, hold its threads: a real request
        // then waited seconds to be read (a page's render-blocking script pending, its load
        // event with it), which made tests and benchmarks flaky.
        let thread = std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let mounts = mounts.clone();
                std::thread::spawn(move || {
                    let _ = answer(stream, &mounts);
                });
            }
        });
        Ok(Server { origin, thread })
    }

    /// The address of a path on this server, e.g. `url("/esg-board/")`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }

    /// Serves until the process is stopped.
    pub fn join(self) {
        let _ = self.thread.join();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_only_inside_the_base_and_root() {
        let dir = std::env::temp_dir().join(format!("xtask-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("data")).unwrap();
        std::fs::write(dir.join("index.html"), "x").unwrap();
        std::fs::write(dir.join("data/board.json"), "{}").unwrap();
        assert_eq!(
            resolve(&dir, "/b/", "/b/?post=1"),
            Some(dir.join("index.html"))
        );
        assert_eq!(
            resolve(&dir, "/b/", "/b/data/board.json"),
            Some(dir.join("data/board.json"))
        );
        assert_eq!(resolve(&dir, "/b/", "/index.html"), None);
        assert_eq!(resolve(&dir, "/b/", "/b/../index.html"), None);
        assert_eq!(resolve(&dir, "/b/", "/b/%2e%2e/x"), None);
        assert_eq!(resolve(&dir, "/b/", "/b/missing"), None);
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
