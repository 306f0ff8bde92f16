//! Big lists in files of their own, for both index formats (`index/`, `find/`).
//!
//! An index file holds the lists of every key its hash sends there, and a reader fetches the
//! whole file for one key. A list far bigger than a file is meant to be then makes every other
//! key of its file cost as much: at 1M posts the body index put 체불 (37 kB) beside 고말 and
//! 밝혔 (125 kB each), so 임금체불 downloaded 250 kB it never read. The builder therefore writes
//! such a list to a file of its own beside its shard (`index/7.bin` → `index/7/0.bin`) and
//! leaves in the shard a stub of kind [`APART`] naming it. A reader fetches the shards, then the
//! lists it needs that are apart: a second round trip only for a key whose list is big anyway.
//! A big list is apart even when it is its shard's only key: a query for a key no post holds
//! (a typo, the jamo pair ㄱㅇ) fetches the shard it would live in, and at 1M posts ㄱㅇ paid
//! 84 kB for two lists it never read.

use std::rc::Rc;

use crate::varint::{put_entry, put_varint, Reader};
use crate::DatasetError;

/// The kind of a stub: its bytes are the number of the file its list is in.
pub(crate) const APART: u8 = 0x80;

/// One file of an index: shard `shard`, or the list `apart` kept out of it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListFile {
    pub shard: u32,
    pub apart: Option<u32>,
}

impl ListFile {
    pub fn shard(shard: u32) -> ListFile {
        ListFile { shard, apart: None }
    }

    /// Its relative path, given the format's shard paths (`index/7.bin`, `index/7/0.bin`).
    pub fn path(self, shard_path: fn(u32) -> String) -> String {
        let shard = shard_path(self.shard);
        match self.apart {
            None => shard,
            Some(j) => format!("{}/{j}.bin", shard.trim_end_matches(".bin")),
        }
    }
}

/// One key's finished list: shard, key (as stored), kind, count, bytes.
pub(crate) type Encoded = (u32, (u32, u32), u8, u32, Vec<u8>);

/// Writes an index: every shard (an empty one too: a reader may ask for any), and each list
/// over `apart_over` bytes in a file of its own. `entries` come in key order; every file is
/// `magic`, a count, and entries.
pub(crate) fn write(
    magic: &[u8],
    entries: Vec<Encoded>,
    shards: u32,
    apart_over: usize,
    path: fn(u32) -> String,
) -> Vec<(String, Vec<u8>)> {
    let mut by_shard: Vec<Vec<Encoded>> = (0..shards).map(|_| Vec::new()).collect();
    for e in entries {
        by_shard[e.0 as usize].push(e);
    }
    let file = |entries: &[Encoded]| {
        let mut b = magic.to_vec();
        put_varint(&mut b, entries.len() as u64);
        for (_, key, kind, count, bytes) in entries {
            put_entry(&mut b, *key, *kind, *count, bytes);
        }
        b
    };
    let mut out = Vec::with_capacity(shards as usize);
    for (i, mut entries) in by_shard.into_iter().enumerate() {
        let at = i as u32;
        let big = entries.iter_mut().filter(|e| e.4.len() > apart_over);
        for (apart, e) in (0u32..).zip(big) {
            let mut stub = Vec::new();
            put_varint(&mut stub, u64::from(apart));
            let list = (at, e.1, e.2, e.3, std::mem::replace(&mut e.4, stub));
            e.2 = APART;
            let held = ListFile {
                shard: at,
                apart: Some(apart),
            };
            out.push((held.path(path), file(&[list])));
        }
        out.push((path(at), file(&entries)));
    }
    out
}

/// A decoded index file, as far as lists apart go.
pub trait Lists {
    type Key: Copy;
    /// The kind and bytes of `key`'s entry, if the file has one.
    fn entry(&self, key: Self::Key) -> Option<(u8, &[u8])>;
    /// Every key the file has an entry for.
    fn keys(&self) -> Vec<Self::Key>;
}

/// [`Lists::entry`] for a file decoded as both formats decode theirs: entries sorted by key, each
/// with its kind, count and where its list lies in `bytes`.
pub(crate) fn entry_in<'a, K: Ord + Copy>(
    entries: &[(K, u8, u32, std::ops::Range<usize>)],
    bytes: &'a [u8],
    key: K,
) -> Option<(u8, &'a [u8])> {
    let i = entries.binary_search_by_key(&key, |e| e.0).ok()?;
    let (_, kind, _, range) = &entries[i];
    Some((*kind, &bytes[range.clone()]))
}

fn broken_stub(why: &str) -> DatasetError {
    DatasetError::BrokenIndex(format!("list apart: {why}"))
}

/// Every list apart that shard `at` names, with its key (what `board-build check` reads).
pub fn lists_apart<S: Lists>(shard: &S, at: u32) -> Result<Vec<(S::Key, ListFile)>, DatasetError> {
    let mut out = Vec::new();
    for key in shard.keys() {
        let held = holder(shard, key, at, broken_stub)?;
        if held.apart.is_some() {
            out.push((key, held));
        }
    }
    Ok(out)
}

/// Whether a file holds `key`'s list itself (not a stub).
pub fn holds<S: Lists>(file: &S, key: S::Key) -> bool {
    matches!(file.entry(key), Some((kind, _)) if kind != APART)
}

/// Which file of shard `shard` holds `key`'s list, the shard read: itself, or a list apart.
pub(crate) fn holder<S: Lists>(
    shard: &S,
    key: S::Key,
    at: u32,
    broken: fn(&str) -> DatasetError,
) -> Result<ListFile, DatasetError> {
    match shard.entry(key) {
        Some((APART, bytes)) => {
            let mut r = Reader {
                bytes,
                at: 0,
                broken,
            };
            Ok(ListFile {
                shard: at,
                apart: Some(r.u32()?),
            })
        }
        _ => Ok(ListFile::shard(at)),
    }
}

/// The file holding `key`'s list (in shard `at`), from the files `file` has: the list apart
/// must be there and hold the key, or the dataset is broken.
pub(crate) fn lookup<S: Lists>(
    key: S::Key,
    at: u32,
    file: &dyn Fn(ListFile) -> Option<Rc<S>>,
    broken: fn(&str) -> DatasetError,
) -> Result<Rc<S>, DatasetError> {
    let missing = || broken("a needed file is missing");
    let shard = file(ListFile::shard(at)).ok_or_else(missing)?;
    let held = holder(&*shard, key, at, broken)?;
    if held.apart.is_none() {
        return Ok(shard);
    }
    let apart = file(held).ok_or_else(missing)?;
    if holds(&*apart, key) {
        Ok(apart)
    } else {
        Err(broken("a list apart is not in its file"))
    }
}

/// The lists apart that `keys` (each with its shard) need, of the shards `file` has (sorted,
/// each once; a shard not yet here names none).
pub(crate) fn needed<S: Lists>(
    keys: impl IntoIterator<Item = (S::Key, u32)>,
    file: &dyn Fn(ListFile) -> Option<Rc<S>>,
    broken: fn(&str) -> DatasetError,
) -> Result<Vec<ListFile>, DatasetError> {
    let mut out = Vec::new();
    for (key, at) in keys {
        if let Some(shard) = file(ListFile::shard(at)) {
            let held = holder(&*shard, key, at, broken)?;
            if held.apart.is_some() {
                out.push(held);
            }
        }
    }
    crate::numbers::sort_by_key(&mut out, |f| {
        u64::from(f.shard) << 32 | u64::from(f.apart.unwrap_or(0))
    });
    out.dedup();
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::body_index::{index_path, IndexBuilder, IndexShard};
    use std::collections::HashMap;

    fn files(bodies: &[&str], apart_over: usize) -> HashMap<String, Rc<IndexShard>> {
        let mut b = IndexBuilder::default();
        for (i, t) in bodies.iter().enumerate() {
            b.add(i as u32 + 1, t);
        }
        let (meta, out) = b.finish_with(apart_over);
        assert_eq!(meta.shards, 1);
        (out.into_iter())
            .map(|(p, b)| (p, Rc::new(IndexShard::decode(b).unwrap())))
            .collect()
    }

    #[test]
    fn big_lists_of_a_shared_shard_go_apart_beside_it() {
        assert_eq!(ListFile::shard(7).path(index_path), "index/7.bin");
        let seven = ListFile {
            shard: 7,
            apart: Some(2),
        };
        assert_eq!(seven.path(index_path), "index/7/2.bin");
        // 가나 and its two characters: three keys in the one shard, all over 0 bytes.
        let f = files(&["가나"], 0);
        let mut paths: Vec<&str> = f.keys().map(|p| p.as_str()).collect();
        paths.sort();
        assert_eq!(
            paths,
            [
                "index/0.bin",
                "index/0/0.bin",
                "index/0/1.bin",
                "index/0/2.bin"
            ]
        );
        let get = |l: ListFile| f.get(&l.path(index_path)).cloned();
        let held = lookup(('가', Some('나')), 0, &get, crate::body_index::malformed).unwrap();
        assert_eq!(held.postings(('가', Some('나'))).unwrap(), vec![1]);
        assert!(f["index/0.bin"].postings(('가', Some('나'))).is_err());
        // Small lists stay; a big one goes even when it is its shard's only key.
        assert_eq!(files(&["가나"], 100).len(), 1);
        assert_eq!(files(&["가"], 0).len(), 2);
    }

    #[test]
    fn a_list_apart_that_is_missing_or_wrong_is_an_error() {
        let f = files(&["가나"], 0);
        let key = ('가', Some('나'));
        let broken = crate::body_index::malformed;
        let shard_only = |l: ListFile| l.apart.is_none().then(|| f["index/0.bin"].clone());
        assert!(lookup(key, 0, &shard_only, broken).is_err());
        // Every list apart answered with the file of another key.
        let wrong = |l: ListFile| match l.apart {
            None => Some(f["index/0.bin"].clone()),
            Some(j) => f.get(&format!("index/0/{}.bin", (j + 1) % 3)).cloned(),
        };
        assert!(lookup(key, 0, &wrong, broken).is_err());
        assert_eq!(needed([(key, 0)], &shard_only, broken).unwrap().len(), 1);
    }
}
