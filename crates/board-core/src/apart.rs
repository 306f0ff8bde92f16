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
//!
//! Keys whose lists are the same share one list apart: the first key's file holds its list,
//! then an entry of kind [`SAME`] for each other key, and their stubs name that file (in
//! another shard, if so). At 1M posts the body triples 고용노 and 노동부 hold the same 74,743
//! posts (49.5 kB), and the title triples the same places two apart (31.9 kB): a search for
//! 고용노동부 fetched each twice. A places list shares another's when every place is the
//! other's moved by one number, which the entry carries.

use std::hash::BuildHasher;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::varint::{put_entry, put_signed, put_varint, Reader};
use crate::DatasetError;

/// The kind of a stub: its bytes are the number of the file its list is in, then the shard
/// that file is beside when not the stub's own.
pub(crate) const APART: u8 = 0x80;
/// The kind of an entry in a list apart whose list is that of the entry before it; its bytes
/// are the shift of its places ([`put_signed`]; 0 for a list of posts).
pub(crate) const SAME: u8 = 0x81;

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

/// A list's form for sharing: its bytes with every place lowered by its least place, and that
/// place — or `None` when the list is shared only as it is (a list of posts, or places from 0).
pub(crate) type Shape = fn(kind: u8, count: u32, bytes: &[u8]) -> Option<(Vec<u8>, u32)>;

fn formed<'a>(shape: Shape, e: &'a Encoded) -> (std::borrow::Cow<'a, [u8]>, u32) {
    match shape(e.2, e.3, &e.4) {
        Some((form, least)) => (form.into(), least),
        None => (e.4.as_slice().into(), 0),
    }
}

/// Writes an index: every shard (an empty one too: a reader may ask for any), and each list
/// over `apart_over` bytes in a file of its own — one file for every key with the same list
/// (`shape` says which are), the first key's. `entries` come in key order; every file is
/// `magic`, a count, and entries.
pub(crate) fn write(
    magic: &[u8],
    entries: Vec<Encoded>,
    shards: u32,
    apart_over: usize,
    path: fn(u32) -> String,
    shape: Shape,
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
    // Each list apart: its file, its least place, its entry and those of the keys sharing it.
    let mut apart: Vec<(ListFile, u32, Vec<Encoded>)> = Vec::new();
    let mut seen: FxHashMap<(u8, u32, u64), Vec<usize>> = FxHashMap::default();
    let mut out = Vec::with_capacity(shards as usize);
    for (i, mut entries) in by_shard.into_iter().enumerate() {
        let at = i as u32;
        let mut next = 0u32;
        for e in entries.iter_mut().filter(|e| e.4.len() > apart_over) {
            let (form, least) = formed(shape, e);
            let id = (e.2, e.3, rustc_hash::FxBuildHasher.hash_one(&form));
            let same = (seen.get(&id).into_iter().flatten().copied())
                .find(|&j| formed(shape, &apart[j].2[0]).0 == form);
            drop(form);
            let mut stub = Vec::new();
            match same {
                Some(j) => {
                    let (held, first, lists) = &mut apart[j];
                    put_varint(&mut stub, u64::from(held.apart.unwrap_or(0)));
                    if held.shard != at {
                        put_varint(&mut stub, u64::from(held.shard));
                    }
                    let mut shift = Vec::new();
                    put_signed(&mut shift, i64::from(least) - i64::from(*first));
                    lists.push((at, e.1, SAME, e.3, shift));
                }
                None => {
                    put_varint(&mut stub, u64::from(next));
                    let held = ListFile {
                        shard: at,
                        apart: Some(next),
                    };
                    next += 1;
                    seen.entry(id).or_default().push(apart.len());
                    let list = (at, e.1, e.2, e.3, std::mem::take(&mut e.4));
                    apart.push((held, least, vec![list]));
                }
            }
            e.2 = APART;
            e.4 = stub;
        }
        out.push((path(at), file(&entries)));
    }
    for (held, _, lists) in apart {
        out.push((held.path(path), file(&lists)));
    }
    out
}

/// Gives each [`SAME`] entry of a decoded file the kind, count and bytes of the list it shares
/// (the last entry before it with a list of its own); returns the keys whose places are that
/// list's shifted, with that list's kind and the shift.
pub(crate) fn resolve_same<K: Copy>(
    entries: &mut [(K, u8, u32, std::ops::Range<usize>)],
    bytes: &[u8],
    broken: fn(&str) -> DatasetError,
) -> Result<Vec<(K, u8, i64)>, DatasetError> {
    let mut shifts = Vec::new();
    let mut last: Option<(u8, u32, std::ops::Range<usize>)> = None;
    for e in entries.iter_mut() {
        if e.1 != SAME {
            last = (e.1 != APART).then(|| (e.1, e.2, e.3.clone()));
            continue;
        }
        let (kind, count, range) = last
            .clone()
            .ok_or_else(|| broken("a shared list with none before it"))?;
        if count != e.2 {
            return Err(broken("a shared list of another length"));
        }
        let mut r = Reader {
            bytes: &bytes[e.3.clone()],
            at: 0,
            broken,
        };
        let shift = r.signed()?;
        if !r.done() {
            return Err(broken("trailing bytes"));
        }
        if shift != 0 {
            shifts.push((e.0, kind, shift));
        }
        *e = (e.0, kind, count, range);
    }
    Ok(shifts)
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
            let apart = Some(r.u32()?);
            let shard = if r.done() { at } else { r.u32()? };
            if !r.done() {
                return Err(broken("trailing bytes"));
            }
            Ok(ListFile { shard, apart })
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
mod tests;
