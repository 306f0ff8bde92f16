//! Reading a built dataset back (as the app assembles it) and checking that it holds together.

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use board_core::apart::{self, ListFile, Lists};
use board_core::body_index::{self, index_path, IndexShard};
use board_core::find_index::{self, FindMeta, FindShard, Names};
use board_core::model::{body_path, INDEX_FILE};
use board_core::{BoardIndex, BodyShard, DatasetError, Manifest, Shard};

use crate::Error;

/// What `check` found in a sound dataset.
#[derive(Debug, PartialEq, Eq)]
pub struct CheckReport {
    pub posts: usize,
    pub shards: usize,
    pub bodies: usize,
}

fn at(path: &Path, cause: impl Into<String>) -> Error {
    Error::dataset(path, cause)
}

/// Reads a built dataset's list (`board.json` and every list file) as the app assembles it.
pub fn read_list(dir: &Path) -> Result<BoardIndex, Error> {
    read_list_files(dir).map(|(index, _)| index)
}

/// The list, and how many list files it came in.
fn read_list_files(dir: &Path) -> Result<(BoardIndex, usize), Error> {
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| Error::io(p, e));
    let manifest_path = dir.join(INDEX_FILE);
    let manifest = Manifest::from_json(&read(&manifest_path)?)
        .map_err(|e| at(&manifest_path, e.to_string()))?;
    let mut shards = Vec::with_capacity(manifest.shards.len());
    for rel in &manifest.shards {
        let path = dir.join(rel);
        let shard = Shard::from_json(&read(&path)?).map_err(|e| at(&path, e.to_string()))?;
        if shard.posts.len() > manifest.shard_size || shard.posts.is_empty() {
            return Err(at(
                &path,
                format!(
                    "{} rows; shards hold 1 to {}",
                    shard.posts.len(),
                    manifest.shard_size
                ),
            ));
        }
        shards.push(shard);
    }
    let n = shards.len();
    BoardIndex::assemble(manifest, shards)
        .map(|index| (index, n))
        .map_err(|e| at(&manifest_path, e.to_string()))
}

/// Reads index file `i` of a format (`path` names its files) and every list it keeps apart,
/// each of which must hold its key.
fn read_shard<S: Lists>(
    dir: &Path,
    i: u32,
    path: fn(u32) -> String,
    decode: fn(Vec<u8>) -> Result<S, DatasetError>,
) -> Result<(), Error> {
    let read = |f: ListFile| -> Result<S, Error> {
        let p = dir.join(f.path(path));
        let bytes = fs::read(&p).map_err(|e| Error::io(&p, e))?;
        decode(bytes).map_err(|e| at(&p, e.to_string()))
    };
    let shard = read(ListFile::shard(i))?;
    let apart = apart::lists_apart(&shard, i).map_err(|e| at(&dir.join(path(i)), e.to_string()))?;
    for (key, f) in apart {
        if !apart::holds(&read(f)?, key) {
            return Err(at(
                &dir.join(f.path(path)),
                "does not hold the list its shard names",
            ));
        }
    }
    Ok(())
}

/// Validates a built dataset: a known schema, every listed shard and announced body present
/// and parseable, counts that match, unique numbers, the `new` order, departments that add up.
pub fn check(dir: &Path) -> Result<CheckReport, Error> {
    let read = |p: &Path| fs::read_to_string(p).map_err(|e| Error::io(p, e));
    let manifest_path = dir.join(INDEX_FILE);
    let (index, n_shards) = read_list_files(dir)?;
    let departments = index.departments.clone();
    let index_files = index.body_index.map_or(0, |m| m.shards);
    for i in 0..index_files {
        read_shard(dir, i, index_path, IndexShard::decode)?;
    }
    if index.body_index.is_some_and(|m| m.triples) {
        let path = dir.join(body_index::DENSE_PATH);
        let b = fs::read(&path).map_err(|e| Error::io(&path, e))?;
        body_index::decode_dense(&b).map_err(|e| at(&path, e.to_string()))?;
    }
    if let Some(meta) = index.find {
        check_find(dir, &index, meta)?;
    }
    let mut seen = BTreeSet::new();
    for p in &index.posts {
        if !seen.insert(p.no) {
            return Err(at(&manifest_path, format!("번호 {} appears twice", p.no)));
        }
    }
    if !board_core::model::in_new_order(&index.posts) {
        return Err(at(
            &manifest_path,
            "posts are not in the `new` order (date, then 번호, descending)",
        ));
    }
    for d in &departments {
        let n = index
            .posts
            .iter()
            .filter(|p| p.dept.as_deref() == Some(d.name.as_str()))
            .count();
        if n != d.count as usize {
            return Err(at(
                &manifest_path,
                format!(
                    "담당부서 {:?} counts {} posts, the list has {n}",
                    d.name, d.count
                ),
            ));
        }
    }
    let mut bodies = 0;
    let mut with_body: Vec<u32> = index
        .posts
        .iter()
        .filter(|p| p.has_body)
        .map(|p| p.no)
        .collect();
    with_body.sort_unstable();
    let mut loaded: Option<(String, BodyShard)> = None;
    for no in with_body {
        let rel = body_path(no);
        let path = dir.join(&rel);
        if loaded.as_ref().is_none_or(|(r, _)| *r != rel) {
            let shard =
                BodyShard::from_json(&read(&path)?).map_err(|e| at(&path, e.to_string()))?;
            loaded = Some((rel, shard));
        }
        let (_, shard) = loaded.as_ref().expect("just loaded");
        if shard.get(no).is_none() {
            return Err(at(&path, format!("has no body for post {no}")));
        }
        bodies += 1;
    }
    Ok(CheckReport {
        posts: index.posts.len(),
        shards: n_shards,
        bodies,
    })
}

/// The title index (`find/`): every file readable (`find/pairs/` and the common pairs too when
/// written), the order that of the list, and the rows files the list again.
fn check_find(dir: &Path, index: &BoardIndex, meta: FindMeta) -> Result<(), Error> {
    let bytes = |rel: &str| {
        let path = dir.join(rel);
        fs::read(&path)
            .map(|b| (path.clone(), b))
            .map_err(|e| Error::io(&path, e))
    };
    for i in 0..meta.shards {
        read_shard(dir, i, find_index::find_path, FindShard::decode)?;
        if meta.pairs {
            read_shard(dir, i, find_index::pairs_path, FindShard::decode)?;
        }
    }
    let (path, b) = bytes(find_index::NAMES_PATH)?;
    serde_json::from_slice::<Names>(&b).map_err(|e| at(&path, e.to_string()))?;
    if meta.triples {
        let (path, b) = bytes(find_index::DENSE_PATH)?;
        find_index::decode_dense(&b).map_err(|e| at(&path, e.to_string()))?;
    }
    let (path, b) = bytes(find_index::ORDER_PATH)?;
    let order = find_index::decode_order(&b).map_err(|e| at(&path, e.to_string()))?;
    if !order.iter().copied().eq(index.posts.iter().map(|p| p.no)) {
        return Err(at(
            &path,
            "the 번호 are not those of the list, in its order",
        ));
    }
    for (i, chunk) in index.posts.chunks(meta.rows.max(1) as usize).enumerate() {
        let (path, b) = bytes(&find_index::rows_path(i))?;
        let rows =
            Shard::from_json(&String::from_utf8_lossy(&b)).map_err(|e| at(&path, e.to_string()))?;
        if rows.posts != chunk {
            return Err(at(&path, "the rows are not those of the list"));
        }
    }
    Ok(())
}
