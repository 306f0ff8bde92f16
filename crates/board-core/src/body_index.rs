//! Full-text search over bodies without downloading them: a sharded character-pair
//! inverted index.
//!
//! `board-build` reads every body in its matching form — composed, folded, spaces left out: the
//! same [`Haystack`] the query engine reads — and records, for each character and each pair of
//! adjacent characters (a *key*), the sorted 번호 of the posts holding it. Keys are spread over
//! `index/<i>.bin` files by a hash in which a key's last Hangul syllable counts only by its
//! initial and medial, so every way a syllable still being typed can end (고요 → 고용, 고욕, 고요…)
//! lives in the same file: a query downloads one file per character pair, never the corpus.
//!
//! A query's candidates are the posts holding every pair of the query (or, for the AND rule,
//! every pair of each term). That never misses a match — a match's pairs are pairs of the body —
//! and, for three characters or more, may admit a post whose pairs are scattered; the app checks
//! the rows it shows against their bodies when it fetches them for the snippet. 초성 is a title
//! feature (정확도순 ranks it with titles): a query with compatibility consonants does not
//! search bodies.
//!
//! Hand-written rather than a search crate: none of them index Korean by syllable pairs with the
//! typing rule, and the format must be read by a few hundred lines of wasm.

use rustc_hash::FxHashMap;
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::apart::{Lists, APART, SAME};
use crate::search::{parts, Haystack};
use crate::varint::Reader;
use crate::DatasetError;

mod build;

pub use crate::apart::ListFile;
pub use crate::body_plan::{run_with, Plan};
pub use build::{Files, IndexBuilder};

/// A character (`(c, None)`) or a pair of adjacent characters, in matching form.
pub type Key = (char, Option<char>);

/// What `board.json` says about the index (absent: the dataset has no body index; older apps
/// ignore the field, so it does not change the schema version).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexMeta {
    /// Number of `index/<i>.bin` files.
    pub shards: u32,
    /// Whether the common pairs' triples and `index/dense.bin` were written (absent: a dataset
    /// from before them; every query is then read by its pairs).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub triples: bool,
}

/// `index/dense.bin`: the common pairs (see [`crate::common_pairs`]), whose triples the index
/// holds.
pub const DENSE_PATH: &str = "index/dense.bin";

/// Reads `index/dense.bin`: the common pairs, ascending (what [`Plan::tightened`] is given).
pub fn decode_dense(bytes: &[u8]) -> Result<Vec<(u32, u32)>, DatasetError> {
    crate::common_pairs::decode(bytes, malformed)
}

/// Relative path of index file `i`.
pub fn index_path(i: u32) -> String {
    format!("index/{i}.bin")
}

pub(crate) const MAGIC: &[u8; 5] = b"ESGI1";
/// Index files aim at this size: a query needs a few, so it downloads tens of kB at most.
const TARGET_SHARD_BYTES: usize = 12 * 1024;
const MAX_SHARDS: usize = 4096;
/// Pairs whose list is over this many bytes are common: their triples are indexed too. At 1M
/// posts the four pairs of 고용노동부 were four lists of 49–66 kB naming the same posts; its
/// two triples name them in two.
const DENSE_OVER: usize = 4 * 1024;
/// A triple's key names its common pair by number, as a character of plane 16 (private use):
/// `PAIR_CHARS + n`. Text's own characters from there on are not indexed, so no pair of a body
/// can be mistaken for a triple.
const PAIR_CHARS: u32 = 0x10_0000;
/// The most common pairs one index can name (plane 16 holds 65,534 characters).
const MAX_COMMON: usize = 0xFFFE;
const KIND_DELTAS: u8 = 0;
const KIND_BITMAP: u8 = 1;

/// A Hangul syllable without its final; any other character itself.
fn stem(c: char) -> char {
    match parts(c) {
        Some((l, v, _)) => crate::hangul::syllable(l, v, 0).unwrap_or(c),
        None => c,
    }
}

/// Every syllable with the initial and medial of `c` (all its possible endings), or `c`.
pub(crate) fn endings(c: char) -> Vec<char> {
    let s = stem(c);
    if s == c && parts(c).is_none() {
        return vec![c];
    }
    (0..crate::hangul::T_COUNT)
        .filter_map(|t| char::from_u32(s as u32 + t))
        .collect()
}

/// The index file holding `key`, of `shards` files.
pub fn shard_of(key: Key, shards: u32) -> u32 {
    // FNV-1a over the key with its last syllable stemmed: fixed forever, same in builder and app.
    let (first, last) = match key.1 {
        Some(b) => (key.0 as u32, stem(b) as u32),
        None => (u32::MAX, stem(key.0) as u32),
    };
    let mut h: u32 = 0x811c_9dc5;
    for b in first.to_le_bytes().into_iter().chain(last.to_le_bytes()) {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h % shards.max(1)
}

/// A key packed in one integer (first char high, second or 0 low): sorting and hashing
/// millions of them while building is what makes a 100k-post build take a second, not five.
fn pack(k: Key) -> u64 {
    (k.0 as u64) << 32 | k.1.map_or(0, |c| c as u64)
}

fn unpack(v: u64) -> Key {
    let a = char::from_u32((v >> 32) as u32).expect("packed from a char");
    (a, char::from_u32(v as u32).filter(|&c| c != '\0'))
}

/// Whether a character of text can be part of a key (see [`PAIR_CHARS`]).
pub(crate) fn indexed(c: char) -> bool {
    (c as u32) < PAIR_CHARS
}

fn packed_keys(text: &str) -> Vec<u64> {
    packed_keys_of(Haystack::new(text).chars())
}

fn packed_keys_of(c: &[char]) -> Vec<u64> {
    let mut keys: Vec<u64> = (c.iter().filter(|&&a| indexed(a)))
        .map(|&a| pack((a, None)))
        .chain(
            (c.windows(2))
                .filter(|w| w.iter().all(|&x| indexed(x)))
                .map(|w| pack((w[0], Some(w[1])))),
        )
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The key of triple `a b c` when the index holds it: `(pair n, c)` when `a b` is common pair
/// `n`, else `(a, pair n)` when `b c` is (`common`: the common pairs, ascending).
pub(crate) fn triple_key(common: &[(u32, u32)], a: char, b: char, c: char) -> Option<Key> {
    triple_by(
        &|x, y| {
            let n = common.binary_search(&(x as u32, y as u32)).ok()?;
            char::from_u32(PAIR_CHARS + n as u32)
        },
        a,
        b,
        c,
    )
}

/// [`triple_key`], with `pair` giving a common pair's character.
fn triple_by(pair: &dyn Fn(char, char) -> Option<char>, a: char, b: char, c: char) -> Option<Key> {
    pair(a, b)
        .map(|p| (p, Some(c)))
        .or_else(|| pair(b, c).map(|p| (a, Some(p))))
}

/// The distinct triples of a text in matching form the index holds, packed (`pair`: see
/// [`triple_by`]).
fn packed_triples(chars: &[char], pair: &dyn Fn(char, char) -> Option<char>) -> Vec<u64> {
    let mut keys: Vec<u64> = (chars.windows(3))
        .filter(|w| w.iter().all(|&x| indexed(x)))
        .filter_map(|w| triple_by(pair, w[0], w[1], w[2]))
        .map(pack)
        .collect();
    keys.sort_unstable();
    keys.dedup();
    keys
}

/// The distinct keys of a text.
pub fn keys(text: &str) -> Vec<Key> {
    packed_keys(text).into_iter().map(unpack).collect()
}

pub(crate) fn malformed(why: &str) -> DatasetError {
    DatasetError::BrokenIndex(why.to_string())
}

/// One decoded index file: its keys, with where each posting list lies in the bytes.
#[derive(Clone, Debug)]
pub struct IndexShard {
    entries: Vec<(Key, u8, u32, Range<usize>)>,
    bytes: Vec<u8>,
    /// Posting lists already decoded: typing a query on asks for the same keys keystroke after
    /// keystroke (고, 고용, 고용노…), and a broad key's list is tens of thousands of numbers.
    decoded: std::cell::RefCell<FxHashMap<Key, std::rc::Rc<Vec<u32>>>>,
}

fn key_char(v: u32) -> Result<char, DatasetError> {
    char::from_u32(v).ok_or_else(|| malformed("not a character"))
}

impl IndexShard {
    /// Reads an index file, checking every length against the bytes (a broken or truncated
    /// file is an error, never a panic).
    pub fn decode(bytes: Vec<u8>) -> Result<IndexShard, DatasetError> {
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
            let ((a, b), kind, count, range) = r.entry()?;
            let b = match b {
                0 => None,
                v => Some(key_char(v)?),
            };
            if kind != KIND_DELTAS && kind != KIND_BITMAP && kind != APART && kind != SAME {
                return Err(malformed("unknown list kind"));
            }
            entries.push(((key_char(a)?, b), kind, count, range));
        }
        if r.at != bytes.len() {
            return Err(malformed("trailing bytes"));
        }
        // A list of posts has no places to shift.
        if !crate::apart::resolve_same(&mut entries, &bytes, malformed)?.is_empty() {
            return Err(malformed("a shared list shifted"));
        }
        crate::numbers::sort_by_key(&mut entries, |e| pack(e.0));
        Ok(IndexShard {
            entries,
            bytes,
            decoded: Default::default(),
        })
    }

    /// [`IndexShard::postings`], decoded once per key and kept while the file is.
    pub fn shared_postings(&self, key: Key) -> Result<std::rc::Rc<Vec<u32>>, DatasetError> {
        if let Some(v) = self.decoded.borrow().get(&key) {
            return Ok(v.clone());
        }
        let v = std::rc::Rc::new(self.postings(key)?);
        self.decoded.borrow_mut().insert(key, v.clone());
        Ok(v)
    }

    /// The sorted 번호 of the posts holding `key` (empty when none does).
    pub fn postings(&self, key: Key) -> Result<Vec<u32>, DatasetError> {
        let Ok(i) = self.entries.binary_search_by_key(&key, |e| e.0) else {
            return Ok(Vec::new());
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
        let mut out = Vec::with_capacity((*count as usize).min(1 << 20));
        if *kind == KIND_DELTAS {
            let mut no = 0u32;
            for _ in 0..*count {
                no = no
                    .checked_add(r.u32()?)
                    .ok_or_else(|| malformed("number too large"))?;
                out.push(no);
            }
        } else {
            let base = r.u32()?;
            for (i, byte) in r.bytes[r.at..].iter().enumerate() {
                for bit in 0..8 {
                    if byte & (1 << bit) != 0 {
                        let no = (i as u64 * 8 + bit) + base as u64;
                        out.push(u32::try_from(no).map_err(|_| malformed("number too large"))?);
                    }
                }
            }
        }
        Ok(out)
    }
}

impl Lists for IndexShard {
    type Key = Key;
    fn entry(&self, key: Key) -> Option<(u8, &[u8])> {
        crate::apart::entry_in(&self.entries, &self.bytes, key)
    }
    fn keys(&self) -> Vec<Key> {
        self.entries.iter().map(|e| e.0).collect()
    }
}

#[cfg(test)]
mod tests;
