//! What a search asks of the body index, and the answer from its posting lists: a query becomes
//! conditions on character pairs (every pair of the joined query, or of each term), each met by
//! any of a few keys (the syllable still being typed may end in any final). Where the index
//! holds triples, one triple stands for two pairs: a stricter condition, read in one list.

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::apart::ListFile;
use crate::body_index::{endings, indexed, malformed, shard_of, triple_key, IndexShard, Key};
use crate::search::{Query, Q};
use crate::DatasetError;

/// One condition of a plan: a post must hold at least one of these keys.
type AnyKey = Vec<Key>;

/// What each place of a sequence can be.
type Sets = Vec<Vec<char>>;

/// What a query asks of the body index: for the joined query, and for each term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    /// The joined query's places, then each term's (when two or more): what
    /// [`Plan::tightened`] covers again.
    sets: (Sets, Vec<Sets>),
    pub(crate) joined: Vec<AnyKey>,
    pub(crate) terms: Vec<Vec<AnyKey>>,
}

/// The characters a query character stands for in a body: itself, or, for the syllable being
/// typed, every syllable it can still become (and its stem, for 개울 → 개우+ㄹ…). None for a
/// character the index leaves out: no body holds it.
fn chars_of(q: Q) -> Option<Vec<char>> {
    match q {
        Q::Lit(c) => Some(vec![c].into_iter().filter(|&c| indexed(c)).collect()),
        Q::Typing(c, ..) => Some(endings(c)),
        Q::Initial(..) => None,
    }
}

fn sets_of(seq: &[Q]) -> Option<Sets> {
    seq.iter().map(|&q| chars_of(q)).collect()
}

fn pair(sets: &Sets, k: usize) -> AnyKey {
    (sets[k].iter())
        .flat_map(|&a| sets[k + 1].iter().map(move |&b| (a, Some(b))))
        .collect()
}

/// The triple at `k`, when the index holds every combination of its places.
fn triple(sets: &Sets, k: usize, common: &[(u32, u32)]) -> Option<AnyKey> {
    let mut keys = Vec::new();
    for &a in &sets[k] {
        for &b in &sets[k + 1] {
            for &c in &sets[k + 2] {
                keys.push(triple_key(common, a, b, c)?);
            }
        }
    }
    Some(keys)
}

/// The conditions of a sequence: its one character, or its pairs, two at a time by a triple
/// where the index holds one (the last pair left over then shares a triple with the one before).
fn needs(sets: &Sets, common: &[(u32, u32)]) -> Vec<AnyKey> {
    if let [one] = sets.as_slice() {
        return vec![one.iter().map(|&c| (c, None)).collect()];
    }
    let pairs = sets.len().saturating_sub(1);
    let mut out = Vec::new();
    let mut k = 0;
    while k < pairs {
        let (t, step) = if k + 1 < pairs {
            (triple(sets, k, common), 2)
        } else if k >= 1 {
            (triple(sets, k - 1, common), 1)
        } else {
            (None, 1)
        };
        match t {
            Some(t) => {
                out.push(t);
                k += step;
            }
            None => {
                out.push(pair(sets, k));
                k += 1;
            }
        }
    }
    out
}

/// Sorted-list intersection and union.
pub(crate) fn intersect<T: Ord + Copy>(a: &[T], b: &[T]) -> Vec<T> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

pub(crate) fn union(lists: impl IntoIterator<Item = Vec<u32>>) -> Vec<u32> {
    let mut all: Vec<u32> = lists.into_iter().flatten().collect();
    crate::numbers::sort_dedup(&mut all);
    all
}

impl Plan {
    /// The plan for a query over an index of pairs, or `None` when the body index cannot answer
    /// it (a query with 초성, which match titles, authors and departments only).
    pub fn new(q: &Query) -> Option<Plan> {
        let (joined, terms) = q.sequences();
        let joined = sets_of(joined)?;
        let terms = if terms.len() >= 2 {
            terms
                .iter()
                .map(|t| sets_of(t))
                .collect::<Option<Vec<_>>>()?
        } else {
            Vec::new()
        };
        Some(Plan::cover((joined, terms), &[]))
    }

    /// The same plan over an index with triples (`common`: its common pairs, from
    /// `index/dense.bin`): the same posts or fewer, never one the query matches.
    pub fn tightened(&self, common: &[(u32, u32)]) -> Plan {
        Plan::cover(self.sets.clone(), common)
    }

    /// Whether [`Plan::tightened`] can change it: a sequence of three places or more (a query
    /// of one or two characters needs no common pairs).
    pub fn may_tighten(&self) -> bool {
        std::iter::once(&self.sets.0)
            .chain(&self.sets.1)
            .any(|s| s.len() >= 3)
    }

    fn cover(sets: (Sets, Vec<Sets>), common: &[(u32, u32)]) -> Plan {
        Plan {
            joined: needs(&sets.0, common),
            terms: sets.1.iter().map(|t| needs(t, common)).collect(),
            sets,
        }
    }

    fn keys(&self) -> impl Iterator<Item = Key> + '_ {
        (self.joined.iter())
            .chain(self.terms.iter().flatten())
            .flatten()
            .copied()
    }

    /// The index files the plan reads, of `shards` (ascending, each once).
    pub fn shards(&self, shards: u32) -> Vec<u32> {
        let mut out: Vec<u32> = self.keys().map(|k| shard_of(k, shards)).collect();
        crate::numbers::sort_dedup(&mut out);
        out
    }

    /// The lists apart the plan reads (see [`crate::apart`]), once its shards are here.
    pub fn apart(
        &self,
        shards: u32,
        file: &dyn Fn(ListFile) -> Option<Rc<IndexShard>>,
    ) -> Result<Vec<ListFile>, DatasetError> {
        let keys = self.keys().map(|k| (k, shard_of(k, shards)));
        crate::apart::needed(keys, file, malformed)
    }

    /// The candidates: sorted 번호 of the posts whose bodies hold every pair of the joined
    /// query, or every pair of each term. `lookup` gives a key's postings (from the files
    /// [`Plan::shards`] named).
    pub fn run<L: Into<std::rc::Rc<Vec<u32>>>>(
        &self,
        lookup: impl Fn(Key) -> Result<L, DatasetError>,
    ) -> Result<Vec<u32>, DatasetError> {
        // Each posting list is decoded once, however many conditions name its key.
        let decoded: std::cell::RefCell<FxHashMap<Key, std::rc::Rc<Vec<u32>>>> = Default::default();
        let get = |k: Key| -> Result<std::rc::Rc<Vec<u32>>, DatasetError> {
            if let Some(v) = decoded.borrow().get(&k) {
                return Ok(v.clone());
            }
            let v: std::rc::Rc<Vec<u32>> = lookup(k)?.into();
            decoded.borrow_mut().insert(k, v.clone());
            Ok(v)
        };
        // The posts meeting every condition; stops at the first empty intersection.
        let all = |needs: &[AnyKey]| -> Result<Vec<u32>, DatasetError> {
            let mut acc: Option<Vec<u32>> = None;
            for need in needs {
                let lists = need
                    .iter()
                    .map(|&k| get(k))
                    .collect::<Result<Vec<_>, _>>()?;
                let any = match lists.as_slice() {
                    [one] => one.to_vec(),
                    _ => union(lists.iter().map(|l| l.to_vec())),
                };
                let now = match acc {
                    None => any,
                    Some(a) => intersect(&a, &any),
                };
                if now.is_empty() {
                    return Ok(now);
                }
                acc = Some(now);
            }
            Ok(acc.unwrap_or_default())
        };
        let mut found = all(&self.joined)?;
        if !self.terms.is_empty() {
            let mut each: Option<Vec<u32>> = None;
            for t in &self.terms {
                let hits = all(t)?;
                let now = match each {
                    None => hits,
                    Some(a) => intersect(&a, &hits),
                };
                let empty = now.is_empty();
                each = Some(now);
                if empty {
                    break;
                }
            }
            found = union([found, each.unwrap_or_default()]);
        }
        Ok(found)
    }
}

/// Runs a plan over decoded files (`file` gives those here: [`Plan::shards`] and
/// [`Plan::apart`] name the ones needed): for tests, the builder's check and the app.
pub fn run_with(
    plan: &Plan,
    shards: u32,
    file: impl Fn(ListFile) -> Option<Rc<IndexShard>>,
) -> Result<Vec<u32>, DatasetError> {
    plan.run(|k| crate::apart::lookup(k, shard_of(k, shards), &file, malformed)?.shared_postings(k))
}
