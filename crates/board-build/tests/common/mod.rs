//! What the builder's integration tests share: the seed capture, and a snapshot of a folder for
//! byte-for-byte comparisons.

use std::fs;
use std::path::{Path, PathBuf};

/// The captured k-esg.org page the demo dataset is built from.
pub fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/000_2ddb7bda3a4ce606.txt")
}

/// Every entry under `dir` (files with their bytes), for byte-for-byte comparisons.
pub fn snapshot(dir: &Path) -> Vec<(PathBuf, Option<Vec<u8>>)> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p.strip_prefix(dir).unwrap().to_path_buf();
            if p.is_dir() {
                out.push((rel, None));
                stack.push(p);
            } else {
                out.push((rel, Some(fs::read(&p).unwrap())));
            }
        }
    }
    out.sort();
    out
}
