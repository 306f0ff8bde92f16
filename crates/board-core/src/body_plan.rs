//! What a search asks of the body index, and the answer from its posting lists: a query becomes
//! conditions on character pairs (every pair of the joined query, or of each term), each met by
//! any of a few keys (the syllable still being typed may end in any final).

use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::apart::ListFile;
use crate::body_index::{endings, malformed, shard_of, IndexShard, Key};
use crate::search::{Query, Q};
use crate::DatasetError;

/// One condition of a plan: a post must hold at least one of these keys.
type AnyKey = Vec<Key>;

/// What a query asks of the body index: for the joined query, and for each term.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Plan {
    pub(crate) joined: Vec<AnyKey>,
    pub(crate) terms: Vec<Vec<AnyKey>>,
}

/// The characters a query character stands for in a body: itself, or, for the syllable being
/// typed, every syllable it can still become (and its stem, for 개울 → 개우+ㄹ…).
fn chars_of(q: Q) -> Option<Vec<char>> {
    match q {
        Q::Lit(c) => Some(vec![c]),
        Q::Typing(c, ..) => Some(endings(c)),
        Q::Initial(..) => None,
    }
}

fn needs(seq: &[Q]) -> Option<Vec<AnyKey>> {
    let sets = seq
        .iter()
        .map(|&q| chars_of(q))
        .collect::<Option<Vec<_>>>()?;
    Some(match sets.as_slice() {
        [] => Vec::new(),
        [one] => vec![one.iter().map(|&c| (c, None)).collect()],
        _ => sets
            .windows(2)
            .map(|w| {
                w[0].iter()
                    .flat_map(|&a| w[1].iter().map(move |&b| (a, Some(b))))
                    .collect()
            })
            .collect(),
    })
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
    /// The plan for a query, or `None` when the body index cannot answer it (a query with
    /// 초성, which match titles, authors and departments only).
    pub fn new(q: &Query) -> Option<Plan> {
        let (joined, terms) = q.sequences();
        let joined = needs(joined)?;
        let terms = if terms.len() >= 2 {
            terms.iter().map(|t| needs(t)).collect::<Option<Vec<_>>>()?
        } else {
            Vec::new()
        };
        Some(Plan { joined, terms })
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
