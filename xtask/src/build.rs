//! Building the dataset and `dist/`, and reporting what it weighs.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::sh::{self, run, step};

/// The repository root (this crate lives in `xtask/`).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask is inside the repository")
        .to_path_buf()
}

/// Runs `board-build` (release) from the repository root with these arguments.
pub fn board_build<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> Result<(), String> {
    run(sh::cargo()
        .args(["run", "--quiet", "--release", "-p", "board-build", "--"])
        .args(args)
        .current_dir(root()))
}

/// Pre-renders the first list page of the page's dataset into `page` (`board-prerender`).
pub fn prerender(page: &Path) -> Result<(), String> {
    run(sh::cargo()
        .args(["run", "--quiet", "--release", "-p", "board-prerender", "--"])
        .arg(page)
        .current_dir(root()))
}

/// A deterministic synthetic board of `posts` posts written to `out` (for scale tests).
pub fn synth(posts: u32, out: &Path) -> Result<(), String> {
    use std::ffi::OsStr;
    let posts = posts.to_string();
    board_build(&[
        OsStr::new("synth"),
        OsStr::new("--posts"),
        OsStr::new(&posts),
        OsStr::new("--out"),
        out.as_os_str(),
    ])
}

/// `data/` → `public/data/` (board-build), then `trunk build --release` → `dist/`, then the
/// first list page pre-rendered into `dist/index.html` and each article into `dist/post/` (board-prerender); with
/// `precompress`, `.br` and `.gz` files beside every wasm, js, css, html, json and xml file.
pub fn dist(precompress: bool) -> Result<(), String> {
    let root = root();
    // The seed board is small: each article gets its own page (`post/<번호>.html`).
    step("building the dataset: board-build build data --out public/data --post-pages");
    board_build(&["build", "data", "--out", "public/data", "--post-pages"])?;
    step("building the app: trunk build --release");
    run(Command::new("trunk")
        .args(["build", "--release"])
        .current_dir(&root))?;
    step("minifying the scripts: terser dist/esg-board.js, boot.js, board-gate.js");
    minify_script(&root.join("dist/esg-board.js"), true)?;
    minify_script(&root.join("dist/boot.js"), true)?;
    minify_script(&root.join("dist/board-gate.js"), false)?;
    step(
        "pre-rendering the first list page and the article pages: board-prerender dist/index.html",
    );
    prerender(&root.join("dist/index.html"))?;
    if precompress {
        step("pre-compressing dist/ (.br, .gz)");
        precompress_dir(&root.join("dist"))?;
    }
    print_sizes()
}

/// Minifies a script of `dist/` in place with terser (npm). Trunk 0.21's own JS minifier
/// cannot parse the wasm-bindgen glue ("RequiredTokenNotFound") and ships it as it is: 48.8 →
/// 22.4 kB raw, 8.5 → 6.4 kB gzip. Our own scripts keep their comments in `public/`, not in
/// what a page downloads: `board-gate.js` holds up the first paint. An ES module (`module`)
/// keeps its exports' names.
pub fn minify_script(file: &Path, module: bool) -> Result<(), String> {
    let mut terser = Command::new("terser");
    terser.arg(file);
    if module {
        terser.arg("--module");
    }
    run(terser
        .args(["--compress", "--mangle", "--output"])
        .arg(file))
}

/// Writes `F.br` and `F.gz` beside one file.
pub fn precompress_file(f: &Path) -> Result<(), String> {
    let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut bytes.as_slice(), &mut br, &params)
        .map_err(|e| format!("{}: {e}", f.display()))?;
    let beside = |suffix: &str| PathBuf::from(format!("{}.{suffix}", f.display()));
    std::fs::write(beside("br"), br).map_err(|e| format!("{}: {e}", f.display()))?;
    std::fs::write(beside("gz"), gzip(&bytes)).map_err(|e| format!("{}: {e}", f.display()))
}

/// Writes `F.br` and `F.gz` beside each compressible file, for hosts that serve them
/// (nginx `gzip_static`/`brotli_static`, S3/CloudFront with Content-Encoding).
pub fn precompress_dir(dir: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    walk(dir, &mut files);
    for f in files {
        let ext = f.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "wasm" | "js" | "css" | "html" | "json" | "xml" | "svg") {
            continue;
        }
        precompress_file(&f)?;
    }
    Ok(())
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory")
}

fn gzip_len(bytes: &[u8]) -> usize {
    gzip(bytes).len()
}

pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                walk(&p, out);
            } else {
                out.push(p);
            }
        }
    }
}

/// Raw and gzip sizes of every file in `dist/`, by kind.
pub fn print_sizes() -> Result<(), String> {
    let dist = root().join("dist");
    let mut files = Vec::new();
    walk(&dist, &mut files);
    if files.is_empty() {
        return Err("dist/ is empty: run `cargo xtask dist` first".into());
    }
    files.sort();
    println!("{:<48} {:>10} {:>10}", "dist/ file", "bytes", "gzip");
    let (mut raw, mut gz) = (0, 0);
    for f in files
        .iter()
        .filter(|f| !matches!(f.extension().and_then(|e| e.to_str()), Some("br" | "gz")))
    {
        let bytes = std::fs::read(f).map_err(|e| format!("{}: {e}", f.display()))?;
        let g = gzip_len(&bytes);
        raw += bytes.len();
        gz += g;
        println!(
            "{:<48} {:>10} {:>10}",
            f.strip_prefix(&dist).unwrap_or(f).display(),
            bytes.len(),
            g
        );
    }
    println!("{:<48} {:>10} {:>10}", "total", raw, gz);
    Ok(())
}
