//! A plain static file server for `dist/`, like any static host: no rewrite rules, no SPA
//! fallback. It can serve under a sub-path (`/esg-board/`) to prove the build works there.

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;

use tiny_http::{Header, Response, Server as Http};

/// The strict policy the board must run under (issue 7); every response carries it, so every
/// end-to-end test would see a violation.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; \
                       connect-src 'self'; img-src 'self' data:";

pub struct Server {
    url: String,
    thread: JoinHandle<()>,
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
    /// Serves `root` at `http://127.0.0.1:port{base}` (port 0: any free port) on a thread.
    pub fn start(root: &Path, base: &str, port: u16) -> Result<Server, String> {
        let http = Http::http(("127.0.0.1", port))
            .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
        let port = http.server_addr().to_ip().map(|a| a.port()).unwrap_or(port);
        let url = format!("http://127.0.0.1:{port}{base}");
        let (root, base) = (Arc::new(root.to_path_buf()), base.to_string());
        let thread = std::thread::spawn(move || {
            for req in http.incoming_requests() {
                let res = match resolve(&root, &base, req.url()).map(|f| (std::fs::read(&f), f)) {
                    Some((Ok(bytes), f)) => Response::from_data(bytes).with_header(
                        Header::from_bytes("Content-Type", content_type(&f)).expect("valid header"),
                    ),
                    _ => Response::from_string("404 Not Found").with_status_code(404),
                };
                let _ = req.respond(res.with_header(
                    Header::from_bytes("Cache-Control", "no-cache").expect("valid header"),
                ));
            }
        });
        Ok(Server { url, thread })
    }

    pub fn url(&self) -> &str {
        &self.url
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
