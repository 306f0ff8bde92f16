//! Writing a dataset directory atomically, and checking one.
//!
//! The new dataset is written into a hidden sibling of DIR, then swapped in with renames, so a
//! failed build (bad input, full disk, a killed process) leaves the previous DIR as it was.

use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use board_core::model::{body_path, INDEX_FILE};
use board_core::{BoardIndex, PostBody};

use crate::Dataset;
use crate::Error;

/// Serialises a file's content: compact JSON and a final newline, same bytes for same data.
fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("dataset types always serialise");
    bytes.push(b'\n');
    bytes
}

/// Every file of a dataset, as (relative path, bytes), in a fixed order.
pub fn files(d: &Dataset) -> Vec<(String, Vec<u8>)> {
    let mut out = vec![(INDEX_FILE.to_string(), json(&d.index))];
    out.extend(d.bodies.iter().map(|b| (body_path(b.no), json(b))));
    out
}

fn sibling(dir: &Path, tag: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dataset".into());
    dir.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

fn write_all(root: &Path, files: &[(String, Vec<u8>)]) -> Result<(), Error> {
    for (rel, bytes) in files {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let mut f = fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        f.write_all(bytes)
            .and_then(|_| f.sync_all())
            .map_err(|e| Error::io(&path, e))?;
    }
    Ok(())
}

/// Replaces `dir` with the dataset, or leaves it untouched on any error.
pub fn write_atomic(dir: &Path, d: &Dataset) -> Result<(), Error> {
    let dir = if dir.is_relative() {
        std::env::current_dir()
            .map_err(|e| Error::io(dir, e))?
            .join(dir)
    } else {
        dir.to_path_buf()
    };
    if let Some(parent) = dir.parent() {
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
    }
    let tmp = sibling(&dir, "new");
    let _ = fs::remove_dir_all(&tmp);
    if let Err(e) = write_all(&tmp, &files(d)) {
        let _ = fs::remove_dir_all(&tmp);
        return Err(e);
    }
    let old = sibling(&dir, "old");
    let had_old = dir.exists();
    if had_old {
        fs::rename(&dir, &old).map_err(|e| {
            let _ = fs::remove_dir_all(&tmp);
            Error::io(&dir, e)
        })?;
    }
    if let Err(e) = fs::rename(&tmp, &dir) {
        if had_old {
            let _ = fs::rename(&old, &dir);
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(Error::io(&dir, e));
    }
    if had_old {
        let _ = fs::remove_dir_all(&old);
    }
    Ok(())
}

/// What `check` found in a sound dataset.
#[derive(Debug, PartialEq, Eq)]
pub struct CheckReport {
    pub posts: usize,
    pub bodies: usize,
}

/// Validates a built dataset: the index decodes with a known schema, numbers are unique, the
/// order is `new`, and every announced body file exists, decodes and belongs to its post.
pub fn check(dir: &Path) -> Result<CheckReport, Error> {
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| Error::io(p, e));
    let index_path = dir.join(INDEX_FILE);
    let index = BoardIndex::from_json(&read(&index_path)?).map_err(|e| Error {
        place: crate::Place {
            path: index_path.clone(),
            line: None,
        },
        cause: e.to_string(),
    })?;
    let at = |cause: String| Error {
        place: crate::Place {
            path: index_path.clone(),
            line: None,
        },
        cause,
    };
    let mut seen = BTreeSet::new();
    for p in &index.posts {
        if !seen.insert(p.no) {
            return Err(at(format!("번호 {} appears twice", p.no)));
        }
    }
    if index
        .posts
        .windows(2)
        .any(|w| (w[0].date, w[0].no) < (w[1].date, w[1].no))
    {
        return Err(at(
            "posts are not in the `new` order (date, then 번호, descending)".into(),
        ));
    }
    let mut bodies = 0;
    for p in index.posts.iter().filter(|p| p.has_body) {
        let path = dir.join(body_path(p.no));
        let body = PostBody::from_json(&read(&path)?).map_err(|e| Error {
            place: crate::Place {
                path: path.clone(),
                line: None,
            },
            cause: e.to_string(),
        })?;
        if body.no != p.no {
            return Err(Error {
                place: crate::Place { path, line: None },
                cause: format!("holds post {} instead of {}", body.no, p.no),
            });
        }
        bodies += 1;
    }
    Ok(CheckReport {
        posts: index.posts.len(),
        bodies,
    })
}
