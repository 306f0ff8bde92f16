//! Writing the body index: posting lists gathered as bodies stream by, then cut into the
//! index files (and, for an index with triples, read again from the spooled texts).

use rustc_hash::FxHashMap;

use super::*;
use crate::varint::put_varint;

/// One key's posting list while building: delta-coded as posts arrive in increasing 번호.
#[derive(Default)]
struct Postings {
    first: u32,
    last: u32,
    count: u32,
    deltas: Vec<u8>,
}

impl Postings {
    fn push(&mut self, no: u32) {
        if self.count == 0 {
            self.first = no;
            put_varint(&mut self.deltas, no as u64);
        } else {
            put_varint(&mut self.deltas, (no - self.last) as u64);
        }
        self.last = no;
        self.count += 1;
    }

    /// The smaller of the delta list and a bitmap over `first..=last`.
    fn encode(&self) -> (u8, Vec<u8>) {
        let bitmap_len = ((self.last - self.first) / 8 + 1) as usize;
        if bitmap_len + 5 >= self.deltas.len() {
            return (KIND_DELTAS, self.deltas.clone());
        }
        let mut out = Vec::with_capacity(bitmap_len + 5);
        put_varint(&mut out, self.first as u64);
        let start = out.len();
        out.resize(start + bitmap_len, 0);
        let mut r = Reader {
            bytes: &self.deltas,
            at: 0,
            broken: malformed,
        };
        let mut no = 0u32;
        for _ in 0..self.count {
            no += r.u32().expect("own encoding");
            let bit = (no - self.first) as usize;
            out[start + bit / 8] |= 1 << (bit % 8);
        }
        (KIND_BITMAP, out)
    }
}

/// An index's files: `(relative path, bytes)`.
pub type Files = Vec<(String, Vec<u8>)>;

/// One key's finished posting list: key, number of posts, kind, bytes.
type Encoded = (Key, u32, u8, Vec<u8>);

/// Builds the index as bodies stream by (in increasing 번호, as `board-build` writes them).
#[derive(Default)]
pub struct IndexBuilder {
    postings: FxHashMap<u64, Postings>,
    last_no: Option<u32>,
}

impl IndexBuilder {
    /// Adds post `no`'s body text, and returns it in matching form: what
    /// [`IndexBuilder::finish_with_triples`] is given again. Posts must come in increasing 번호.
    pub fn add(&mut self, no: u32, text: &str) -> String {
        assert!(
            self.last_no.is_none_or(|l| l < no),
            "bodies must be indexed in increasing 번호"
        );
        self.last_no = Some(no);
        let h = Haystack::new(text);
        for key in packed_keys_of(h.chars()) {
            self.postings.entry(key).or_default().push(no);
        }
        h.chars().iter().collect()
    }

    /// The index files, `(relative path, bytes)`, and what `board.json` says about them:
    /// pairs only, as datasets were before triples. Deterministic.
    pub fn finish(self) -> (IndexMeta, Files) {
        self.finish_with(TARGET_SHARD_BYTES)
    }

    /// [`IndexBuilder::finish`], lists over `apart_over` bytes in files of their own (see
    /// [`crate::apart`]; tests make small boards use them).
    pub(crate) fn finish_with(self, apart_over: usize) -> (IndexMeta, Files) {
        self.write(apart_over, Vec::new())
    }

    /// The index files with the common pairs' triples. Which pairs are common is known only
    /// once every body is in, so `replay` gives every body again, in the same order, as
    /// [`IndexBuilder::add`] returned it (`board-build` spools them to a file: a second pass
    /// costs less than holding a million bodies' text). Deterministic: the same bodies give
    /// the same bytes.
    pub fn finish_with_triples<E>(
        self,
        replay: impl FnOnce(&mut dyn FnMut(u32, &str)) -> Result<(), E>,
    ) -> Result<(IndexMeta, Files), E> {
        self.triples_with(TARGET_SHARD_BYTES, DENSE_OVER, replay)
    }

    /// [`IndexBuilder::finish_with_triples`], lists over `apart_over` bytes apart and pairs
    /// over `dense_over` common (tests make small boards use both).
    pub(crate) fn triples_with<E>(
        mut self,
        apart_over: usize,
        dense_over: usize,
        replay: impl FnOnce(&mut dyn FnMut(u32, &str)) -> Result<(), E>,
    ) -> Result<(IndexMeta, Files), E> {
        let mut big: Vec<(usize, u64)> = (self.postings.iter())
            .filter(|(&k, p)| unpack(k).1.is_some() && p.deltas.len() > dense_over)
            .map(|(&k, p)| (p.deltas.len(), k))
            .collect();
        // The biggest, when there are more than a triple can name.
        big.sort_unstable_by(|a, b| b.cmp(a));
        big.truncate(MAX_COMMON);
        let mut common: Vec<(u32, u32)> = (big.into_iter())
            .map(|(_, k)| ((k >> 32) as u32, k as u32))
            .collect();
        common.sort_unstable();
        // Looked up for every three characters of every body: a hash, not a binary search.
        let numbers: FxHashMap<u64, char> = (common.iter().zip(PAIR_CHARS..))
            .filter_map(|(&(a, b), n)| {
                let key = (char::from_u32(a)?, char::from_u32(b));
                Some((pack(key), char::from_u32(n)?))
            })
            .collect();
        let pair = |a: char, b: char| numbers.get(&pack((a, Some(b)))).copied();
        let postings = &mut self.postings;
        let mut last: Option<u32> = None;
        let mut chars = Vec::new();
        replay(&mut |no, text| {
            assert!(
                last.is_none_or(|l| l < no),
                "bodies must be replayed in increasing 번호"
            );
            last = Some(no);
            chars.clear();
            chars.extend(text.chars());
            for key in packed_triples(&chars, &pair) {
                postings.entry(key).or_default().push(no);
            }
        })?;
        Ok(self.write(apart_over, common))
    }

    /// The files: every list, and with triples (`common` not empty) the common pairs.
    fn write(self, apart_over: usize, common: Vec<(u32, u32)>) -> (IndexMeta, Files) {
        let mut encoded: Vec<Encoded> = self
            .postings
            .iter()
            .map(|(&k, p)| {
                let (kind, bytes) = p.encode();
                (unpack(k), p.count, kind, bytes)
            })
            .collect();
        encoded.sort_unstable_by_key(|e| e.0);
        let total: usize = encoded.iter().map(|e| e.3.len() + 12).sum();
        let shards = total
            .div_ceil(TARGET_SHARD_BYTES)
            .next_power_of_two()
            .clamp(1, MAX_SHARDS) as u32;
        let entries = (encoded.into_iter())
            .map(|(key, count, kind, bytes)| {
                let stored = (key.0 as u32, key.1.map_or(0, |c| c as u32));
                (shard_of(key, shards), stored, kind, count, bytes)
            })
            .collect();
        let mut out =
            crate::apart::write(MAGIC, entries, shards, apart_over, index_path, |_, _, _| {
                None
            });
        let triples = !common.is_empty();
        if triples {
            out.push((DENSE_PATH.to_string(), crate::common_pairs::encode(&common)));
        }
        (IndexMeta { shards, triples }, out)
    }
}
