//! `cargo xtask …`: the project's commands, in Rust so they need nothing but cargo.
//!
//! - `serve`: install what is missing, build the dataset and the app, serve `dist/` on
//!   http://127.0.0.1:8080/ .
//! - `test`: install what is missing, then every test: native, wasm in headless Chromium, and
//!   end-to-end against the built `dist/` served under a sub-path. `test e2e FILE…` runs only
//!   those end-to-end files (while working on one view).
//! - `dist`: build the dataset and `dist/` only. `sizes`: gzip sizes of what `dist/` ships.
//! - `bench`: the app's speed, bytes and memory against its budgets → `BENCHMARKS.md`.
//! - `bench-search [--posts N]`: our search against MiniSearch, FlexSearch, Fuse.js and
//!   Pagefind at 100k posts (or N) → that size's search section of `BENCHMARKS.md`.
//! - `bench-1m`: first rows, page change, search and memory on a 1,000,000-post board →
//!   its own section of `BENCHMARKS.md`.
//! - `bench-build`: time and peak memory of `board-build` at 100k and 1M posts.
//! - `fuzz [SECONDS]`: every cargo-fuzz target for SECONDS (default 60) each.

mod bench;
mod bench_build;
mod build;
mod fuzz;
mod serve;
mod sh;
mod tools;

use std::process::ExitCode;

const USAGE: &str =
    "usage: cargo xtask <serve [--port N] | test [e2e FILE...] | dist [--precompress] | sizes | bench | bench-1m | bench-search [--posts N] | bench-build | fuzz [SECONDS]>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => cmd_serve(&args[1..]),
        Some("test") => match args.get(1).map(String::as_str) {
            None => cmd_test(&[]),
            Some("e2e") if args.len() > 2 => cmd_test(&args[2..]),
            Some(_) => Err(USAGE.to_string()),
        },
        Some("dist") => tools::ensure_build_tools()
            .and_then(|()| build::dist(args.get(1).is_some_and(|a| a == "--precompress"))),
        Some("sizes") => build::print_sizes(),
        Some("bench-build") => bench_build::bench_build(),
        Some("bench") => bench::bench(),
        Some("bench-search") => match &args[1..] {
            [] => bench::bench_search(100_000),
            [flag, n] if flag == "--posts" => n
                .parse()
                .map_err(|_| format!("--posts {n}: not a number"))
                .and_then(bench::bench_search),
            _ => Err(USAGE.to_string()),
        },
        Some("bench-1m") => bench::bench_million(),
        Some("fuzz") => match args.get(1).map(|s| s.parse::<u32>()) {
            None => fuzz::fuzz(60),
            Some(Ok(n)) => fuzz::fuzz(n),
            Some(Err(_)) => Err(USAGE.to_string()),
        },
        _ => Err(USAGE.to_string()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn cmd_serve(args: &[String]) -> Result<(), String> {
    let port = match args {
        [] => 8080,
        [flag, n] if flag == "--port" => n
            .parse()
            .map_err(|_| format!("--port {n}: not a port number"))?,
        _ => return Err(USAGE.to_string()),
    };
    tools::ensure_build_tools()?;
    // With the pre-compressed twins, served as a CDN serves them.
    build::dist(true)?;
    let server = serve::Server::start(
        vec![serve::Mount::new("/", &build::root().join("dist"))],
        port,
    )?;
    println!(
        "\nESG 정책뉴스 board: {}  (Ctrl+C to stop)",
        server.url("/")
    );
    server.join();
    Ok(())
}

/// Every test, or, with `only` (end-to-end test files), just those.
fn cmd_test(only: &[String]) -> Result<(), String> {
    tools::ensure_build_tools()?;
    tools::ensure_test_tools()?;
    let root = build::root();
    if only.is_empty() {
        native_and_wasm_tests(&root)?;
    }
    build::dist(true)?;
    sh::step("a synthetic 100k-post board for the scale cases");
    let synth = root.join("target/e2e-synth-100k");
    build::synth(100_000, &synth)?;
    sh::step("end-to-end tests: dist/ under /esg-board/ on 127.0.0.1, driven in headless Chromium");
    // The same dist/ at a sub-path, deeper, at the root, and embedded in an example portal page.
    let dist = root.join("dist");
    let server = serve::Server::start(
        vec![
            serve::Mount::new("/esg-board/", &dist),
            serve::Mount::new("/any/sub/path/", &dist),
            serve::Mount::new("/portal/esg/", &dist),
            serve::Mount::new("/portal/", &root.join("examples")),
            serve::Mount::new("/", &dist),
        ],
        0,
    )?;
    let files: Vec<&str> = if only.is_empty() {
        vec!["tests/e2e/"]
    } else {
        only.iter().map(String::as_str).collect()
    };
    sh::run(
        std::process::Command::new("node")
            .args(["--test", "--test-concurrency=1"])
            .args(files)
            .env("BOARD_URL", server.url("/esg-board/"))
            .env("SERVER_ORIGIN", server.url(""))
            .env("SYNTH_100K", &synth)
            .env("CHROMIUM", tools::CHROMIUM)
            .current_dir(&root),
    )?;
    Ok(())
}

fn native_and_wasm_tests(root: &std::path::Path) -> Result<(), String> {
    sh::step("native tests (board-core, board-build, board-prerender with the app rendered natively, xtask)");
    sh::run(
        sh::cargo()
            .args(["test", "--workspace", "--exclude", "esg-board"])
            .current_dir(root),
    )?;
    sh::step("wasm component tests in headless Chromium (wasm-bindgen-test)");
    sh::run(
        sh::cargo()
            .args([
                "test",
                "-p",
                "esg-board",
                "--target",
                "wasm32-unknown-unknown",
            ])
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("WASM_BINDGEN_TEST_TIMEOUT", "120")
            .current_dir(root),
    )?;
    Ok(())
}
