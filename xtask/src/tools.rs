//! Installs what the build and the tests need, only when missing or of the wrong version.
//! Everything comes from the reachable registries (crates.io, npm, Debian); nothing from GitHub.

use std::path::Path;
use std::process::Command;

use crate::build::root;
use crate::sh::{self, output, run, step};

pub const TRUNK_VERSION: &str = "0.21.14";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// The exact wasm-bindgen version the app is built with, read from Cargo.lock, so that the CLI
/// always matches the `=` pin in Cargo.toml.
fn wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen entry".into())
}

fn version_of(tool: &str) -> Option<String> {
    output(Command::new(tool).arg("--version"))
}

/// wasm32 target, trunk, wasm-bindgen-cli, wasm-opt (npm binaryen).
pub fn ensure_build_tools() -> Result<(), String> {
    let targets =
        output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if !targets.lines().any(|t| t == "wasm32-unknown-unknown") {
        step("installing the wasm32-unknown-unknown target");
        run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))?;
    }
    if version_of("trunk").as_deref() != Some(&format!("trunk {TRUNK_VERSION}")) {
        step(&format!(
            "installing trunk {TRUNK_VERSION} (about 13 minutes on 2 cores, once)"
        ));
        run(sh::cargo().args(["install", "trunk", "--version", TRUNK_VERSION, "--locked"]))?;
    }
    let wb = wasm_bindgen_version()?;
    if version_of("wasm-bindgen").as_deref() != Some(&format!("wasm-bindgen {wb}")) {
        step(&format!(
            "installing wasm-bindgen-cli {wb} (the version Cargo.lock pins)"
        ));
        // Not --locked: its lock file does not resolve against this registry.
        run(sh::cargo().args([
            "install",
            "wasm-bindgen-cli",
            "--version",
            &format!("={wb}"),
            "--force",
        ]))?;
    }
    ensure_npm_packages()?;
    if !version_of("wasm-opt").is_some_and(|v| v.contains("version 132")) {
        return Err(
            "wasm-opt from npm binaryen@132 is not working (node_modules/.bin/wasm-opt)".into(),
        );
    }
    Ok(())
}

/// `npm ci` when node_modules is missing or older than the lock file.
fn ensure_npm_packages() -> Result<(), String> {
    npm_ci(&root(), "binaryen for wasm-opt, terser, playwright-core")
}

/// `npm ci` in `dir` when its node_modules is missing or older than its lock file.
pub fn npm_ci(dir: &Path, what: &str) -> Result<(), String> {
    let stamp = dir.join("node_modules/.package-lock.json");
    let fresh = |p: &Path| std::fs::metadata(p).and_then(|m| m.modified()).ok();
    if fresh(&stamp).is_none() || fresh(&stamp) < fresh(&dir.join("package-lock.json")) {
        step(&format!("installing npm packages ({what})"));
        run(Command::new("npm")
            .args(["ci", "--no-audit", "--no-fund"])
            .current_dir(dir))?;
    }
    Ok(())
}

/// Debian's Chromium and ChromeDriver (Playwright's own browser download cannot work here).
pub fn ensure_test_tools() -> Result<(), String> {
    if !(Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists()) {
        step("installing chromium and chromium-driver (apt)");
        run(Command::new("apt-get").arg("update"))?;
        run(Command::new("apt-get")
            .args([
                "install",
                "-y",
                "--no-install-recommends",
                "chromium",
                "chromium-driver",
            ])
            .env("DEBIAN_FRONTEND", "noninteractive"))?;
    }
    Ok(())
}
