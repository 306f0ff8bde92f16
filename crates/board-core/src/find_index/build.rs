//! Writing the title index: every title's pairs (and, for the common pairs, triples) with their
//! places, the names' lists, the order of the list and the common pairs, in the layout the
//! reading half of [`super`] decodes.

use rustc_hash::FxHashMap;

use super::*;
use crate::search::Haystack;
use crate::varint::{put_signed, put_varint};
use crate::PostSummary;

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
            put_signed(&mut order, d);
            prev = no as i64;
        }
        out.push((ORDER_PATH.to_string(), order));
        out.push((DENSE_PATH.to_string(), crate::common_pairs::encode(&dense)));
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
pub(super) fn encode_places(list: &[(u32, u32)]) -> Vec<u8> {
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

/// Index files: each key's list in the file [`shard_for`] names (or apart, beside it), keys in
/// order.
pub(super) fn shard_files(
    mut encoded: Vec<(FindKey, u8, u32, Vec<u8>)>,
    shards: u32,
    apart_over: usize,
    path: fn(u32) -> String,
) -> Vec<(String, Vec<u8>)> {
    encoded.sort_unstable_by_key(|e| e.0);
    let entries = (encoded.into_iter())
        .map(|(key, kind, count, bytes)| (shard_for(key, shards), key, kind, count, bytes))
        .collect();
    crate::apart::write(MAGIC, entries, shards, apart_over, path, lowered)
}

/// A places list ([`KIND_COLUMNS`]) with its places lowered by the least, and that place: the
/// lists of two keys always side by side in titles (고용노, 노동부) are then the same, and one
/// file holds both.
fn lowered(kind: u8, count: u32, bytes: &[u8]) -> Option<(Vec<u8>, u32)> {
    if kind != KIND_COLUMNS {
        return None;
    }
    let mut r = Reader {
        bytes,
        at: 0,
        broken: malformed,
    };
    let mut read = || {
        (0..count)
            .map(|_| r.varint())
            .collect::<Result<Vec<u64>, _>>()
            .ok()
    };
    let (gaps, places) = (read()?, read()?);
    // A place is a post's first (a number from 0) when its gap is not 0; the rest are steps.
    let first = |i: usize| i == 0 || gaps[i] != 0;
    let least = (0..places.len())
        .filter(|&i| first(i))
        .map(|i| places[i])
        .min()?;
    if least == 0 {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    for &g in &gaps {
        put_varint(&mut out, g);
    }
    for (i, &p) in places.iter().enumerate() {
        put_varint(&mut out, if first(i) { p - least } else { p });
    }
    Some((out, u32::try_from(least).ok()?))
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
