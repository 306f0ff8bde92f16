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

use crate::apart::{Lists, APART};
use crate::body_index::shard_of;
use crate::search::{parts, Haystack};
use crate::varint::{put_varint, Reader};
use crate::{DatasetError, PostSummary};

pub use crate::apart::ListFile;
pub use crate::find_plan::{answers, find, find_with, FindPlan};

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
const DENSE_MAGIC: &[u8; 5] = b"ESGD1";
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

/// Builds the index from the list, in list order.
#[derive(Default)]
pub struct FindBuilder {
    posts: FxHashMap<FindKey, Vec<u32>>,
    places: FxHashMap<FindKey, Vec<(u32, u32)>>,
    authors: Vec<String>,
    depts: Vec<String>,
    author_ids: FxHashMap<String, u32>,
    dept_ids: FxHashMap<String, u32>,
    order: Vec<u32>,
    /// Every title's characters, one after another (`ends[i]`: where title `i` ends), for the
    /// triples: which are indexed is known only once every pair is counted.
    text: Vec<char>,
    ends: Vec<u32>,
}

impl FindBuilder {
    /// Adds the post at the next list position.
    pub fn add(&mut self, p: &PostSummary) {
        let at = self.order.len() as u32;
        self.order.push(p.no);
        let h = Haystack::new(&p.title);
        let chars = h.chars();
        self.text.extend_from_slice(chars);
        self.ends.push(self.text.len() as u32);
        let mut singles: Vec<Feature> = (chars.iter())
            .flat_map(|&c| features(c).into_iter().chain([stem(c)]))
            .flatten()
            .collect();
        singles.sort_unstable();
        singles.dedup();
        for f in singles {
            self.posts.entry((f, NONE)).or_default().push(at);
        }
        for (k, w) in chars.windows(2).enumerate() {
            for a in features(w[0]).into_iter().flatten() {
                for b in features(w[1]).into_iter().flatten() {
                    self.places.entry((a, b)).or_default().push((at, k as u32));
                }
            }
        }
        for (text, names, ids, field) in [
            (&p.author, &mut self.authors, &mut self.author_ids, AUTHOR),
            (&p.dept, &mut self.depts, &mut self.dept_ids, DEPT),
        ] {
            let Some(t) = text.as_deref().filter(|t| !t.is_empty()) else {
                continue;
            };
            let id = *ids.entry(t.to_string()).or_insert_with(|| {
                names.push(t.to_string());
                names.len() as u32 - 1
            });
            self.posts.entry((field, id)).or_default().push(at);
        }
    }

    /// The files, `(relative path, bytes)` (names and order included, rows not), and what
    /// `board.json` says about them. Deterministic.
    pub fn finish(self) -> (FindMeta, Vec<(String, Vec<u8>)>) {
        self.finish_with(APART_OVER, TARGET_SHARD_BYTES)
    }

    /// [`FindBuilder::finish`], lists over `apart_over` bytes in files of their own (see
    /// [`crate::apart`]) and pairs whose list with places is over `dense_over` bytes common
    /// (tests make small boards use both).
    pub(crate) fn finish_with(
        mut self,
        apart_over: usize,
        dense_over: usize,
    ) -> (FindMeta, Vec<(String, Vec<u8>)>) {
        let mut encoded: Vec<(FindKey, u8, u32, Vec<u8>)> = Vec::new();
        for (k, list) in std::mem::take(&mut self.posts) {
            let (kind, bytes) = encode_posts(&list);
            encoded.push((k, kind, list.len() as u32, bytes));
        }
        let mut pairs: Vec<(FindKey, u8, u32, Vec<u8>)> = Vec::new();
        let mut dense: Vec<FindKey> = Vec::new();
        for (k, list) in std::mem::take(&mut self.places) {
            let mut posts: Vec<u32> = list.iter().map(|&(post, _)| post).collect();
            posts.dedup();
            let (kind, bytes) = encode_posts(&posts);
            pairs.push((k, kind, posts.len() as u32, bytes));
            let bytes = encode_places(&list);
            if bytes.len() > dense_over {
                dense.push(k);
            }
            encoded.push((k, KIND_COLUMNS, list.len() as u32, bytes));
        }
        dense.sort_unstable();
        for (k, list) in self.triples(&dense) {
            encoded.push((k, KIND_COLUMNS, list.len() as u32, encode_places(&list)));
        }
        let total: usize = encoded.iter().map(|e| e.3.len() + 12).sum();
        let shards = total
            .div_ceil(TARGET_SHARD_BYTES)
            .next_power_of_two()
            .clamp(1, MAX_SHARDS) as u32;
        let mut out = shard_files(encoded, shards, apart_over, find_path);
        out.extend(shard_files(pairs, shards, apart_over, pairs_path));
        let names = Names {
            authors: self.authors,
            depts: self.depts,
        };
        out.push((
            NAMES_PATH.to_string(),
            serde_json::to_vec(&names).expect("names serialize"),
        ));
        let mut order = ORDER_MAGIC.to_vec();
        put_varint(&mut order, self.order.len() as u64);
        let mut prev = 0i64;
        for &no in &self.order {
            let d = no as i64 - prev;
            put_varint(&mut order, ((d << 1) ^ (d >> 63)) as u64);
            prev = no as i64;
        }
        out.push((ORDER_PATH.to_string(), order));
        out.push((DENSE_PATH.to_string(), encode_dense(&dense)));
        (
            FindMeta {
                shards,
                rows: ROWS_PER_FILE,
                pairs: true,
                triples: true,
            },
            out,
        )
    }

    /// Every indexed triple's list (see [`triple_key`]), in list order.
    fn triples(&self, dense: &[FindKey]) -> FxHashMap<FindKey, Vec<(u32, u32)>> {
        let mut out: FxHashMap<FindKey, Vec<(u32, u32)>> = FxHashMap::default();
        if dense.is_empty() {
            return out;
        }
        let mut from = 0usize;
        for (at, &end) in self.ends.iter().enumerate() {
            let title = &self.text[from..end as usize];
            from = end as usize;
            for (k, w) in title.windows(3).enumerate() {
                for a in features(w[0]).into_iter().flatten() {
                    for b in features(w[1]).into_iter().flatten() {
                        for c in features(w[2]).into_iter().flatten() {
                            if let Some(key) = triple_key(dense, a, b, c) {
                                out.entry(key).or_default().push((at as u32, k as u32));
                            }
                        }
                    }
                }
            }
        }
        out
    }
}

/// A list with places ([`KIND_COLUMNS`]): per entry the post's gap to the previous one (0: the
/// same post), then per entry the place (the gap to the previous place in the same post).
fn encode_places(list: &[(u32, u32)]) -> Vec<u8> {
    let mut gaps = Vec::new();
    let mut places = Vec::new();
    let mut last = (0u32, 0u32);
    for (i, &(post, place)) in list.iter().enumerate() {
        if i > 0 && post == last.0 {
            put_varint(&mut gaps, 0);
            put_varint(&mut places, (place - last.1) as u64);
        } else {
            put_varint(&mut gaps, (post - if i == 0 { 0 } else { last.0 }) as u64);
            put_varint(&mut places, place as u64);
        }
        last = (post, place);
    }
    gaps.extend(places);
    gaps
}

/// `find/dense.bin`: the common pairs, ascending, each as the delta of `a << 32 | b`.
fn encode_dense(dense: &[FindKey]) -> Vec<u8> {
    let mut out = DENSE_MAGIC.to_vec();
    put_varint(&mut out, dense.len() as u64);
    let mut prev = 0u64;
    for &(a, b) in dense {
        let v = u64::from(a) << 32 | u64::from(b);
        put_varint(&mut out, v - prev);
        prev = v;
    }
    out
}

/// Reads `find/dense.bin`: the common pairs, ascending (what [`FindPlan::new`] is given).
pub fn decode_dense(bytes: &[u8]) -> Result<Vec<FindKey>, DatasetError> {
    if !bytes.starts_with(DENSE_MAGIC) {
        return Err(malformed("not a common pairs file"));
    }
    let mut r = Reader {
        bytes,
        at: DENSE_MAGIC.len(),
        broken: malformed,
    };
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    let mut prev = 0u64;
    for i in 0..n {
        let d = r.varint()?;
        if i > 0 && d == 0 {
            return Err(malformed("common pairs out of order"));
        }
        prev = prev
            .checked_add(d)
            .ok_or_else(|| malformed("number out of range"))?;
        out.push(((prev >> 32) as u32, prev as u32));
    }
    if !r.done() {
        return Err(malformed("trailing bytes"));
    }
    Ok(out)
}

/// Index files: each key's list in the file [`shard_for`] names (or apart, beside it), keys in
/// order.
fn shard_files(
    mut encoded: Vec<(FindKey, u8, u32, Vec<u8>)>,
    shards: u32,
    apart_over: usize,
    path: fn(u32) -> String,
) -> Vec<(String, Vec<u8>)> {
    encoded.sort_unstable_by_key(|e| e.0);
    let entries = (encoded.into_iter())
        .map(|(key, kind, count, bytes)| (shard_for(key, shards), key, kind, count, bytes))
        .collect();
    crate::apart::write(MAGIC, entries, shards, apart_over, path)
}

/// Positions, delta-coded, or a bitmap when that is smaller (as in the body index).
fn encode_posts(list: &[u32]) -> (u8, Vec<u8>) {
    let mut deltas = Vec::new();
    let mut prev = 0;
    for (i, &p) in list.iter().enumerate() {
        put_varint(&mut deltas, (p - if i == 0 { 0 } else { prev }) as u64);
        prev = p;
    }
    let (first, last) = (list[0], list[list.len() - 1]);
    let bitmap_len = ((last - first) / 8 + 1) as usize;
    if bitmap_len + 5 >= deltas.len() {
        return (KIND_POSTS, deltas);
    }
    let mut out = Vec::with_capacity(bitmap_len + 5);
    put_varint(&mut out, first as u64);
    let start = out.len();
    out.resize(start + bitmap_len, 0);
    for &p in list {
        let bit = (p - first) as usize;
        out[start + bit / 8] |= 1 << (bit % 8);
    }
    (KIND_POSTS | 1, out)
}

/// One decoded index file.
#[derive(Debug)]
pub struct FindShard {
    entries: Vec<(FindKey, u8, u32, std::ops::Range<usize>)>,
    bytes: Vec<u8>,
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
            if entry.1 > KIND_COLUMNS && entry.1 != APART {
                return Err(malformed("unknown list kind"));
            }
            entries.push(entry);
        }
        if !r.done() {
            return Err(malformed("trailing bytes"));
        }
        crate::numbers::sort_by_key(&mut entries, |e| {
            u64::from(e.0 .0) << 32 | u64::from(e.0 .1)
        });
        Ok(FindShard {
            entries,
            bytes,
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
        let z = r.varint()?;
        let d = (z >> 1) as i64 ^ -((z & 1) as i64);
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
