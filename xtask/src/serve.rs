//! A plain static file server for `dist/`, like any static host: no rewrite rules, no SPA
//! fallback. It can serve under a sub-path (`/esg-board/`) to prove the build works there.

use std::path::{Component, Path, PathBuf};
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server as Http};

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

impl Server {
    /// Serves the mounts (the first whose prefix and file match wins) at
    /// `http://127.0.0.1:port` (port 0: any free port) on a thread. Every response carries the
    /// strict [`CSP`].
    pub fn start(mounts: Vec<Mount>, port: u16) -> Result<Server, String> {
        let http = Http::http(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let port = http.server_addr().to_ip().map(|a| a.port()).unwrap_or(port);
        let origin = format!("http://127.0.0.1:{port}");
        let header = |k: &str, v: &str| Header::from_bytes(k, v).expect("valid header");
        let mounts = std::sync::Arc::new(mounts);
        let thread = std::thread::spawn(move || {
            for req in http.incoming_requests() {
                // Each answer on its own thread: a client that stops reading a large file (a
                // page closed mid-download) must not stall every other request behind it,
                // which left whole pages waiting for their load event.
                let mounts = mounts.clone();
                std::thread::spawn(move || {
                    let found = mounts
                        .iter()
                        .find_map(|m| resolve(&m.dir, &m.base, req.url()));
                    let res = match found.map(|f| (std::fs::read(&f), f)) {
                        Some((Ok(bytes), f)) => Response::from_data(bytes)
                            .with_header(header("Content-Type", content_type(&f))),
                        _ => Response::from_string("404 Not Found").with_status_code(404),
                    };
                    let res = res
                        .with_header(header("Cache-Control", "no-cache"))
                        .with_header(header("Content-Security-Policy", CSP));
                    let _ = req.respond(res);
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
