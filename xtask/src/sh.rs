//! Running child processes loudly, with the project's tool folders on PATH.

use std::process::Command;

use crate::build::root;

/// PATH with the npm-installed tools (`wasm-opt` from `binaryen`) and cargo's bin first.
pub fn path() -> String {
    let mut dirs = vec![root().join("node_modules/.bin").display().to_string()];
    let cargo_home = std::env::var("CARGO_HOME")
        .unwrap_or_else(|_| format!("{}/.cargo", std::env::var("HOME").unwrap_or_default()));
    dirs.push(format!("{cargo_home}/bin"));
    let current = std::env::var("PATH").unwrap_or_default();
    dirs.retain(|d| !current.split(':').any(|c| c == d));
    dirs.push(current);
    dirs.join(":")
}

/// `cargo`, the same one that runs this xtask.
pub fn cargo() -> Command {
    let mut c = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    c.env("PATH", path());
    c
}

pub fn step(what: &str) {
    eprintln!("\n==> {what}");
}

/// Runs a command to completion; a non-zero exit is an error naming the command.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    cmd.env("PATH", path());
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("cannot start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("failed ({status}): {shown}"))
    }
}

/// Runs a command and returns its trimmed stdout, or `None` if it cannot run or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    cmd.env("PATH", path());
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
