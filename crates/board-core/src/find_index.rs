//! Searching titles, authors and departments without the whole list: a positional index.
//!
//! A board of 100,000 posts keeps its list in a hundred files (1.8 MB gzip); a search that
//! waited for all of them kept a reader with a shared `?q=` link waiting too. `board-build`
//! therefore also writes, under `find/`:
//! - `find/<i>.bin`: for every title, each character's *features* — the character itself and,
//!   for a Hangul syllable, its initial consonant (what a 초성 query matches) — and, for each
//!   pair of neighbouring characters, every pair of their features with the post's position in
//!   the list and the pair's place in the title. A query of several characters is then a chain
//!   of pairs at consecutive places: exactly the titles [`crate::search`] matches, with no
//!   title read. Keys are spread over the files by the hash of the body index
//!   ([`crate::body_index::shard_of`]), in which a syllable still being typed counts only by
//!   its initial and medial, so all its endings live in one file.
//! - the same files hold, for each distinct author and department, the positions of its posts;
//!   `find/names.json` lists those names (a board has few), which the app matches itself.
//! - `find/pairs/<i>.bin`: the same pairs' lists without their places — the posts alone, a
//!   bitmap when that is smaller. A query of two characters is one pair: it needs no places,
//!   and for the commonest pairs (ㄱㅇ in half the titles of a 1M board) the places were most
//!   of the bytes.
//! - `find/<i>.bin` also holds *triples* — three neighbouring features with their place — for
//!   every triple one of whose two pairs is *common* (its list with places is over an index
//!   file's aimed size, 16 kB); `find/dense.bin` lists those pairs. On a large board the
//!   commonest pairs (ㅇㄱ in 40 % of a 1M board's titles) were each hundreds of kB that a 초성
//!   query of four characters read whole, while its triples are a tenth of that, or nothing.
//! - `find/order.bin`: the 번호 of every position (body search answers in 번호).
//! - `find/rows/<i / 1000>/<i>.json`: the list again in files of [`FindMeta::rows`] posts, so the rows one
//!   result page shows cost a few kB, not the list files they sit in.
//!
//! [`find`] (in `find_plan`) answers a query from these exactly as [`crate::select`] does from
//! the whole list (a property test compares the two); the app uses it until the list is in.

use std::rc::Rc;

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};

use crate::apart::{Lists, APART, SAME};
use crate::body_index::shard_of;
use crate::search::parts;
use crate::varint::Reader;
use crate::DatasetError;

pub use crate::apart::ListFile;
pub use crate::find_plan::{answers, find, find_with, FindPlan};
pub use build::FindBuilder;

mod build;

/// What `board.json` says about the index (absent: the board is small enough that its list is
/// one file, or was built before the index existed).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindMeta {
    /// Number of `find/<i>.bin` files.
    pub shards: u32,
    /// Posts per `find/rows/…` file (100 in datasets written before it was recorded).
    #[serde(default = "rows_before_recorded")]
    pub rows: u32,
    /// Whether `find/pairs/` was written (absent: a dataset from before it; every pair is then
    /// read from `find/<i>.bin`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub pairs: bool,
    /// Whether triples and `find/dense.bin` were written (absent: a dataset from before them;
    /// every chain is then read by its pairs).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub triples: bool,
}

fn rows_before_recorded() -> u32 {
    100
}

/// Posts per `find/rows/<i>.json` written by `board-build`. Twenty rows of a result page
/// scattered over a 100k list cost twenty files of ~2.3 kB gzip; files of 25 rows cut that to
/// ~1 kB each but doubled the files of a typical page (rows close together) and made a cold
/// shared search 150–400 ms slower in the bench, so 100 it stays.
pub const ROWS_PER_FILE: u32 = 100;

impl FindMeta {
    /// Which rows file holds list position `at`, and where in it.
    pub fn rows_file(&self, at: usize) -> (usize, usize) {
        let per = self.rows.max(1) as usize;
        (at / per, at % per)
    }
}

/// `find/names.json`: the distinct authors and departments; a name's number is its place here.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Names {
    pub authors: Vec<String>,
    pub depts: Vec<String>,
}

pub const NAMES_PATH: &str = "find/names.json";
pub const ORDER_PATH: &str = "find/order.bin";
pub const DENSE_PATH: &str = "find/dense.bin";

/// Relative path of index file `i`.
pub fn find_path(i: u32) -> String {
    format!("find/{i}.bin")
}

/// Relative path of pairs file `i` (the pairs of `find/<i>.bin`, without places).
pub fn pairs_path(i: u32) -> String {
    format!("find/pairs/{i}.bin")
}

/// Relative path of rows file `file` (see [`FindMeta::rows_file`]; at most 1000 files a folder).
pub fn rows_path(file: usize) -> String {
    format!("find/rows/{}/{file}.json", file / 1000)
}

/// A character's feature: itself, or (with [`CLASS`]) a syllable's initial consonant.
pub(crate) type Feature = u32;
pub(crate) const CLASS: u32 = 1 << 31;
/// A name's posts: `(NAME | field, number)`.
const NAME: u32 = 1 << 30;
pub(crate) const AUTHOR: u32 = NAME;
pub(crate) const DEPT: u32 = NAME | 1;
/// A key: one feature (`b` = [`NONE`]), a pair of neighbouring ones, or a triple (see
/// [`triple_key`]).
pub type FindKey = (u32, u32);
pub(crate) const NONE: u32 = u32::MAX;
/// A triple's key: `(TRIPLE | n, c)` for features `a b c` whose pair `a b` is common pair `n`
/// of `find/dense.bin`, else `(TRIPLE | TAIL | n, a)` when `b c` is. Features are characters
/// (below 2²¹) or classes, names have [`NAME`]: no key of another kind has these bits.
const TRIPLE: u32 = 1 << 29;
const TAIL: u32 = 1 << 28;
/// A syllable's *stem*, its initial and medial (`STEM | initial * 21 + medial`): a key of its
/// own, holding the titles with any syllable of it, which a one-syllable query being typed
/// (가 → 가, 각, 간, … 갛) reads instead of 28 lists. Written with the triples.
const STEM: u32 = 1 << 27;

/// The stem feature of a syllable (see [`STEM`]).
pub(crate) fn stem(c: char) -> Option<Feature> {
    parts(c).map(|(l, v, _)| STEM | (l as u32 * 21 + v as u32))
}

/// The key of triple `a b c` when it is indexed — one of its pairs is in `dense`, the common
/// pairs (sorted) — or `None`. One rule for the builder and the plan.
pub(crate) fn triple_key(dense: &[FindKey], a: Feature, b: Feature, c: Feature) -> Option<FindKey> {
    let at = |pair: FindKey| dense.binary_search(&pair).ok().map(|n| n as u32);
    at((a, b))
        .map(|n| (TRIPLE | n, c))
        .or_else(|| at((b, c)).map(|n| (TRIPLE | TAIL | n, a)))
}

fn features(c: char) -> [Option<Feature>; 2] {
    [Some(c as u32), parts(c).map(|(l, _, _)| CLASS | l as u32)]
}

/// The file holding `key`: the body index's hash, so a syllable still being typed keeps all its
/// endings in one file. Classes and names are no characters: a private-use stand-in (for the
/// hash only).
pub(crate) fn shard_for(key: FindKey, shards: u32) -> u32 {
    let ch = |v: u32| -> char {
        let stand_in = char::from_u32(0xF0000 + (v & 0xFFFF)).unwrap_or('\u{F0000}');
        if v & (CLASS | NAME) == 0 {
            char::from_u32(v).unwrap_or(stand_in)
        } else {
            stand_in
        }
    };
    let second = match key.1 {
        NONE => None,
        v if key.0 & NAME != 0 => Some(ch(NAME | v)),
        v => Some(ch(v)),
    };
    shard_of((ch(key.0), second), shards)
}

// ---- the file format ---------------------------------------------------------------------

const MAGIC: &[u8; 5] = b"ESGF1";
const ORDER_MAGIC: &[u8; 5] = b"ESGO1";
/// Index files aim at this size (the body index's reasoning).
const TARGET_SHARD_BYTES: usize = 16 * 1024;
const MAX_SHARDS: usize = 4096;
/// Lists over this many bytes are kept apart (see [`crate::apart`]).
const APART_OVER: usize = 4 * 1024;
const KIND_POSTS: u8 = 0;
const KIND_PLACES: u8 = 2;
/// A list with places in two columns, every post gap then every place: the same numbers as
/// [`KIND_PLACES`], 10 % smaller gzipped (a triple of 41,808 entries: 56.2 → 50.9 kB).
const KIND_COLUMNS: u8 = 3;

pub(crate) fn malformed(why: &str) -> DatasetError {
    DatasetError::BrokenIndex(format!("find index: {why}"))
}

/// One key's list: the positions of the posts holding it, or (for pairs) (position, place).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Postings {
    Posts(Vec<u32>),
    Places(Vec<(u32, u32)>),
}

impl Postings {
    pub(crate) fn posts(&self) -> Vec<u32> {
        match self {
            Postings::Posts(p) => p.clone(),
            Postings::Places(p) => {
                let mut out: Vec<u32> = p.iter().map(|&(post, _)| post).collect();
                out.dedup();
                out
            }
        }
    }
}

/// Reads `find/dense.bin`: the common pairs, ascending (what [`FindPlan::new`] is given).
pub fn decode_dense(bytes: &[u8]) -> Result<Vec<FindKey>, DatasetError> {
    crate::common_pairs::decode(bytes, malformed)
}

/// One decoded index file.
#[derive(Debug)]
pub struct FindShard {
    entries: Vec<(FindKey, u8, u32, std::ops::Range<usize>)>,
    bytes: Vec<u8>,
    /// Keys whose places are another key's moved by a number (lists shared apart).
    shifts: FxHashMap<FindKey, i64>,
    decoded: std::cell::RefCell<FxHashMap<FindKey, Rc<Postings>>>,
}

impl FindShard {
    /// Reads an index file, checking every length (a broken file is an error, never a panic).
    pub fn decode(bytes: Vec<u8>) -> Result<FindShard, DatasetError> {
        if !bytes.starts_with(MAGIC) {
            return Err(malformed("not an index file"));
        }
        let mut r = Reader {
            bytes: &bytes,
            at: MAGIC.len(),
            broken: malformed,
        };
        let n = r.varint()?;
        let mut entries = Vec::new();
        for _ in 0..n {
            let entry = r.entry()?;
            if entry.1 > KIND_COLUMNS && entry.1 != APART && entry.1 != SAME {
                return Err(malformed("unknown list kind"));
            }
            entries.push(entry);
        }
        if !r.done() {
            return Err(malformed("trailing bytes"));
        }
        let mut shifts = FxHashMap::default();
        for (key, kind, shift) in crate::apart::resolve_same(&mut entries, &bytes, malformed)? {
            if !matches!(kind, KIND_PLACES | KIND_COLUMNS) {
                return Err(malformed("a shared list of posts shifted"));
            }
            shifts.insert(key, shift);
        }
        crate::numbers::sort_by_key(&mut entries, |e| {
            u64::from(e.0 .0) << 32 | u64::from(e.0 .1)
        });
        Ok(FindShard {
            entries,
            bytes,
            shifts,
            decoded: Default::default(),
        })
    }

    /// The list of `key` (empty when no post holds it), decoded once.
    pub fn postings(&self, key: FindKey) -> Result<Rc<Postings>, DatasetError> {
        if let Some(p) = self.decoded.borrow().get(&key) {
            return Ok(p.clone());
        }
        let p = Rc::new(self.decode_list(key)?);
        self.decoded.borrow_mut().insert(key, p.clone());
        Ok(p)
    }

    fn decode_list(&self, key: FindKey) -> Result<Postings, DatasetError> {
        let pair = key.1 != NONE && key.0 & NAME == 0;
        let Ok(i) = self.entries.binary_search_by_key(&key, |e| e.0) else {
            return Ok(if pair {
                Postings::Places(Vec::new())
            } else {
                Postings::Posts(Vec::new())
            });
        };
        let (_, kind, count, range) = &self.entries[i];
        if *kind == APART {
            return Err(malformed("the list is in a file of its own"));
        }
        let mut r = Reader {
            bytes: &self.bytes[range.clone()],
            at: 0,
            broken: malformed,
        };
        // A count beyond what the bytes can hold is a broken file, not a reason to allocate.
        let cap = (*count as usize).min(r.bytes.len() * 8 + 1);
        let grow = |v: u32, d: u64| -> Result<u32, DatasetError> {
            u32::try_from(v as u64 + d).map_err(|_| malformed("number too large"))
        };
        match *kind {
            KIND_PLACES | KIND_COLUMNS => {
                // In columns, every gap comes first (kind 2, from older builders: interleaved).
                let columns = *kind == KIND_COLUMNS;
                let mut gaps = Vec::new();
                if columns {
                    gaps.reserve(cap);
                    for _ in 0..*count {
                        gaps.push(r.varint()?);
                    }
                }
                let mut out = Vec::with_capacity(cap);
                let mut last = (0u32, 0u32);
                for i in 0..*count {
                    let d = if columns {
                        gaps[i as usize]
                    } else {
                        r.varint()?
                    };
                    let place = r.varint()?;
                    last = if i > 0 && d == 0 {
                        (last.0, grow(last.1, place)?)
                    } else {
                        (grow(if i == 0 { 0 } else { last.0 }, d)?, grow(0, place)?)
                    };
                    out.push(last);
                }
                if let Some(&shift) = self.shifts.get(&key) {
                    for (_, place) in &mut out {
                        *place = u32::try_from(i64::from(*place) + shift)
                            .map_err(|_| malformed("a shared list shifted out of range"))?;
                    }
                }
                Ok(Postings::Places(out))
            }
            KIND_POSTS => {
                let mut out = Vec::with_capacity(cap);
                let mut p = 0u32;
                for i in 0..*count {
                    let d = r.varint()?;
                    p = grow(if i == 0 { 0 } else { p }, d)?;
                    out.push(p);
                }
                Ok(Postings::Posts(out))
            }
            _ => {
                let first = r.u32()?;
                let mut out = Vec::with_capacity(cap);
                for (i, byte) in r.bytes[r.at..].iter().enumerate() {
                    for bit in 0..8 {
                        if byte & (1 << bit) != 0 {
                            out.push(grow(first, i as u64 * 8 + bit)?);
                        }
                    }
                }
                Ok(Postings::Posts(out))
            }
        }
    }
}

impl Lists for FindShard {
    type Key = FindKey;
    fn entry(&self, key: FindKey) -> Option<(u8, &[u8])> {
        crate::apart::entry_in(&self.entries, &self.bytes, key)
    }
    fn keys(&self) -> Vec<FindKey> {
        self.entries.iter().map(|e| e.0).collect()
    }
}

/// Reads `find/order.bin`: the 번호 of each list position.
pub fn decode_order(bytes: &[u8]) -> Result<Vec<u32>, DatasetError> {
    if !bytes.starts_with(ORDER_MAGIC) {
        return Err(malformed("not an order file"));
    }
    let mut r = Reader {
        bytes,
        at: ORDER_MAGIC.len(),
        broken: malformed,
    };
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    let mut prev = 0i64;
    for _ in 0..n {
        let d = r.signed()?;
        prev = prev
            .checked_add(d)
            .filter(|v| (0..=u32::MAX as i64).contains(v))
            .ok_or_else(|| malformed("number out of range"))?;
        out.push(prev as u32);
    }
    if !r.done() {
        return Err(malformed("trailing bytes"));
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
