//! `cargo xtask fuzz [SECONDS]`: runs every `fuzz/` target (cargo fuzz, libFuzzer) for a bounded
//! time each. Not part of `cargo xtask test`, to keep CI short; crashes found become regression
//! tests in the crates.
//!
//! Each target has a time budget per input and inputs as long as real ones get: a slow input
//! (a quadratic path, a freeze) stops the run and is saved the way a crash is.

use std::process::Command;

use crate::build::root;
use crate::sh::{self, output, run, step};

/// Each target, the longest input it is fed (bytes: a 100 kB body, a whole export file, a
/// pasted link) and the time one input may take (seconds; libFuzzer's smallest budget is 1 s,
/// far above the milliseconds any of these should take even unoptimised).
pub const TARGETS: [(&str, u32, u32); 11] = [
    ("capture", 128 * 1024, 1),
    ("table", 128 * 1024, 1),
    ("jsonl", 128 * 1024, 1),
    ("url_state", 16 * 1024, 1),
    ("query", 16 * 1024, 1),
    ("linkify", 128 * 1024, 1),
    ("body_index", 64 * 1024, 1),
    ("find_index", 64 * 1024, 1),
    ("wxr", 128 * 1024, 1),
    ("decode", 128 * 1024, 1),
    ("html", 128 * 1024, 1),
];

pub fn fuzz(seconds: u32) -> Result<(), String> {
    if output(Command::new("cargo").args(["fuzz", "--version"])).is_none() {
        step("installing cargo-fuzz");
        run(sh::cargo().args(["install", "cargo-fuzz", "--locked"]))?;
    }
    for (target, max_len, timeout) in TARGETS {
        step(&format!(
            "fuzzing {target} for {seconds} s (inputs up to {max_len} bytes, {timeout} s each)"
        ));
        run(sh::cargo()
            .args([
                "fuzz",
                "run",
                target,
                "--",
                &format!("-max_total_time={seconds}"),
                &format!("-max_len={max_len}"),
                &format!("-timeout={timeout}"),
            ])
            // libFuzzer's instrumentation needs unstable flags; this toolchain is stable.
            .env("RUSTC_BOOTSTRAP", "1")
            .current_dir(root().join("fuzz")))?;
    }
    Ok(())
}
