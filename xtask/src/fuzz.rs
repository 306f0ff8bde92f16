//! `cargo xtask fuzz [SECONDS]`: runs every `fuzz/` target (cargo fuzz, libFuzzer) for a bounded
//! time each. Not part of `cargo xtask test`, to keep CI short; crashes found become regression
//! tests in the crates.

use std::process::Command;

use crate::build::root;
use crate::sh::{self, output, run, step};

pub const TARGETS: [&str; 6] = [
    "capture",
    "table",
    "jsonl",
    "url_state",
    "query",
    "body_index",
];

pub fn fuzz(seconds: u32) -> Result<(), String> {
    if output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        step("installing cargo-fuzz");
        run(sh::cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    for target in TARGETS {
        step(&format!("fuzzing {target} for {seconds} s"));
        run(sh::cargo()
            .args([
                "fuzz",
                "run",
                target,
                "--",
                &format!("-max_total_time={seconds}"),
            ])
            // libFuzzer's instrumentation needs unstable flags; this toolchain is stable.
            .env("RUSTC_BOOTSTRAP", "1")
            .current_dir(root().join("fuzz")))?;
    }
    Ok(())
}
