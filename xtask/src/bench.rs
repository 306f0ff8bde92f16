//! `cargo xtask bench`: the app's performance against its budgets, measured in
//! headless Chromium by `tests/bench/bench.mjs`, which writes `BENCHMARKS.md`.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use crate::build::{self, root};
use crate::serve::{Mount, Server};
use crate::sh::{run, step};
use crate::tools;

fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The physical floor: a plain HTML page with the same first 20 rows and the same stylesheet,
/// no script at all.
fn write_floor(dist: &Path, out: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(dist.join("data/list/0.json"))
        .map_err(|e| format!("list/0.json: {e}"))?;
    let list: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("list/0.json: {e}"))?;
    let mut rows = String::new();
    for p in list["posts"]
        .as_array()
        .ok_or("list/0.json has no posts")?
        .iter()
        .take(20)
    {
        let s = |k: &str| escape(p[k].as_str().unwrap_or("—"));
        let _ = write!(
            rows,
            "<tr><td class=\"col-no\">{}</td><td class=\"col-title\"><span class=\"title-line\"><a class=\"title-link\" href=\"?post={}\">{}</a></span></td><td class=\"col-author\">{}</td><td class=\"col-date\">{}</td><td class=\"col-views\">{}</td></tr>",
            p["no"], p["no"], s("title"), s("author"), s("date"), p["views"]
        );
    }
    std::fs::create_dir_all(out).map_err(|e| format!("{}: {e}", out.display()))?;
    std::fs::copy(dist.join("board.css"), out.join("board.css"))
        .map_err(|e| format!("board.css: {e}"))?;
    let html = format!(
        "<!doctype html><html lang=\"ko\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>ESG 정책뉴스</title><link rel=\"stylesheet\" href=\"board.css\"></head><body><main><div class=\"esg-board\"><h1 class=\"board-title\">ESG 정책뉴스</h1><table class=\"board-table\"><caption>ESG 정책뉴스 목록</caption><thead><tr><th scope=\"col\" class=\"col-no\">번호</th><th scope=\"col\" class=\"col-title\">제목</th><th scope=\"col\" class=\"col-author\">글쓴이</th><th scope=\"col\" class=\"col-date\">날짜</th><th scope=\"col\" class=\"col-views\">조회수</th></tr></thead><tbody>{rows}</tbody></table></div></main></body></html>"
    );
    std::fs::write(out.join("index.html"), html).map_err(|e| format!("floor: {e}"))
}

fn copy_app(dist: &Path, out: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    build::walk(dist, &mut files);
    for f in files {
        let rel = f.strip_prefix(dist).expect("under dist");
        if rel.starts_with("data") {
            continue;
        }
        let to = out.join(rel);
        std::fs::create_dir_all(to.parent().expect("a parent"))
            .map_err(|e| format!("{}: {e}", to.display()))?;
        std::fs::copy(&f, &to).map_err(|e| format!("{}: {e}", to.display()))?;
    }
    Ok(())
}

/// A copy of the built app whose dataset is a synthetic board of `posts` posts; with
/// `precompress`, the list files get their `.br`/`.gz` twins (minutes of brotli at 1M posts).
fn app_with_synth(dist: &Path, out: &Path, posts: u32, precompress: bool) -> Result<(), String> {
    copy_app(dist, out)?;
    build::synth(posts, &out.join("data"))?;
    // The copied index.html holds the seed's first page: pre-render this board's instead.
    build::prerender(&out.join("index.html"))?;
    if !precompress {
        return Ok(());
    }
    build::precompress_file(&out.join("data/board.json"))?;
    build::precompress_dir(&out.join("data/list"))
}

pub fn bench() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    build::dist(true)?;
    let root = root();
    let dist = root.join("dist");
    let work = root.join("target/bench-app");
    let _ = std::fs::remove_dir_all(&work);
    step("the static floor page and a 100k-post copy of the app");
    write_floor(&dist, &work.join("floor"))?;
    let app100k = work.join("app100k");
    app_with_synth(&dist, &app100k, 100_000, true)?;
    let server = Server::start(
        vec![
            Mount::new("/app/", &dist),
            Mount::new("/floor/", &work.join("floor")),
            Mount::new("/app100k/", &app100k),
        ],
        0,
    )?;
    step("measuring in headless Chromium (tests/bench/bench.mjs → BENCHMARKS.md)");
    run(Command::new("node")
        .arg("tests/bench/bench.mjs")
        .env("SERVER_ORIGIN", server.url(""))
        .env("DIST", &dist)
        .env("DIST_100K", &app100k)
        .env("CHROMIUM", tools::CHROMIUM)
        .current_dir(&root))?;
    let lighthouse = root.join("tests/bench/lighthouse");
    tools::npm_ci(&lighthouse, "Lighthouse 12.2.3")?;
    step("Lighthouse, mobile preset, on every kind of shared link (tests/bench/lighthouse/run.mjs → BENCHMARKS.md)");
    run(Command::new("node")
        .arg("tests/bench/lighthouse/run.mjs")
        .env("SERVER_ORIGIN", server.url(""))
        .env("CHROMIUM", tools::CHROMIUM)
        .current_dir(&root))
}

/// `cargo xtask bench-search [--posts N]`: our search against MiniSearch, FlexSearch, Fuse.js
/// and Pagefind over a synthetic board (100k posts unless told), by
/// `tests/bench/search/bench.mjs`. The other engines are npm packages of `tests/bench/search/`
/// only, installed here, never part of the app. Each size has its own section of BENCHMARKS.md.
pub fn bench_search(posts: u32) -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    let root = root();
    let bench_dir = root.join("tests/bench/search");
    tools::npm_ci(
        &bench_dir,
        "MiniSearch, FlexSearch, Fuse.js, Pagefind for the search benchmark",
    )?;
    build::dist(true)?;
    let dist = root.join("dist");
    let (app, corpus) = if posts == 100_000 {
        (
            root.join("target/bench-search-app"),
            root.join("target/bench-search"),
        )
    } else {
        (
            root.join(format!("target/bench-search-app-{posts}")),
            root.join(format!("target/bench-search-{posts}")),
        )
    };
    let _ = std::fs::remove_dir_all(&app);
    step(&format!("a {posts}-post copy of the app"));
    // Served pre-compressed at 100k, as before; a million posts' list files would take the
    // xtask's brotli many minutes, and nothing measured here depends on them.
    app_with_synth(&dist, &app, posts, posts <= 100_000)?;
    step("the other engines' inputs: titles, bodies, a Pagefind index (minutes, the first time)");
    run(Command::new("node")
        .arg(bench_dir.join("prepare.mjs"))
        .env("DATASET", app.join("data"))
        .env("OUT", &corpus)
        .current_dir(&root))?;
    std::fs::write(
        corpus.join("blank.html"),
        "<!doctype html><html lang=\"ko\"><meta charset=\"utf-8\"><title>bench</title></html>",
    )
    .map_err(|e| format!("blank.html: {e}"))?;
    let server = Server::start(
        vec![
            Mount::new("/app/", &app),
            Mount::new("/corpus/", &corpus),
            Mount::new("/nm/", &bench_dir.join("node_modules")),
        ],
        0,
    )?;
    step("measuring in headless Chromium (tests/bench/search/bench.mjs → BENCHMARKS.md)");
    run(Command::new("node")
        .arg(bench_dir.join("bench.mjs"))
        .env("SERVER_ORIGIN", server.url(""))
        .env("CORPUS", &corpus)
        .env("APP", &app)
        .env("POSTS", posts.to_string())
        .env("CHROMIUM", tools::CHROMIUM)
        .current_dir(&root))
}

/// `cargo xtask bench-1m`: the same interactions on a board of 1,000,000 synthetic posts, by
/// `tests/bench/million.mjs`, which writes its own section of `BENCHMARKS.md`.
pub fn bench_million() -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    build::dist(true)?;
    let root = root();
    let dist = root.join("dist");
    let work = root.join("target/bench-1m");
    let _ = std::fs::remove_dir_all(&work);
    step("a 1M-post copy of the app, and its static floor page");
    let app = work.join("app1m");
    app_with_synth(&dist, &app, 1_000_000, false)?;
    write_floor(&app, &work.join("floor"))?;
    let server = Server::start(
        vec![
            Mount::new("/app1m/", &app),
            Mount::new("/floor/", &work.join("floor")),
        ],
        0,
    )?;
    step("measuring in headless Chromium (tests/bench/million.mjs → BENCHMARKS.md)");
    run(Command::new("node")
        .arg("tests/bench/million.mjs")
        .env("SERVER_ORIGIN", server.url(""))
        .env("DIST_1M", &app)
        .env("CHROMIUM", tools::CHROMIUM)
        .current_dir(&root))
}
