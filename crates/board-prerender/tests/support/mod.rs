//! What the command-line tests share: the seed dataset, built, and the command run.
#![allow(dead_code)] // each test file uses its part

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/000_2ddb7bda3a4ce606.txt")
}

/// Builds the seed dataset into `out` with the builder's library.
pub fn build_seed(out: &Path) {
    build_seed_with(out, &Default::default());
}

/// Builds the seed dataset into `out` with these options (`--post-pages`, `--site-url`).
pub fn build_seed_with(out: &Path, opts: &board_build::output::Options) {
    let built = board_build::read_sources(&[seed()])
        .and_then(|b| b.finish())
        .expect("the seed builds");
    board_build::output::write_atomic(out, &built.dataset, opts).expect("the dataset is written");
}

pub fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_board-prerender"))
        .args(args)
        .output()
        .expect("board-prerender runs")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}
