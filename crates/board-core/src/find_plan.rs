//! What a search asks of the title index (`find_index`), and the answer from its lists: the
//! query's characters become chains of pairs (`find_chain`), names are matched against
//! `names.json`, the keys are routed to their files, and a post's rank is computed as `select`
//! computes it.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::apart::{self, ListFile};
use crate::body_plan::{intersect, union};
use crate::find_chain::{chain_posts, chains, Chain};
use crate::find_index::{
    malformed, shard_for, FindKey, FindMeta, FindShard, Names, Postings, AUTHOR, DEPT,
};
use crate::numbers::sort_dedup;
use crate::query::BODY_RANK;
use crate::search::{Haystack, Query, Q};
use crate::{DatasetError, Field, Sort};

/// What a search asks of the index.
#[derive(Clone, Debug)]
pub struct FindPlan {
    field: Field,
    /// (loose, exact) chains of the joined query, then of each term (when two or more).
    joined: (Vec<Chain>, Vec<Chain>),
    terms: Vec<(Vec<Chain>, Vec<Chain>)>,
    /// Matched names: (author numbers, department numbers), each with its rank.
    authors: Vec<(u32, u8)>,
    depts: Vec<(u32, u8)>,
}

impl FindPlan {
    /// The plan for a search text in a field (for 본문 alone, the index has nothing to add:
    /// the rows are the body hits); `dense`: the common pairs of `find/dense.bin`, `None` for
    /// a dataset without triples and stems ([`FindMeta::triples`]).
    pub fn new(
        q: &str,
        field: Field,
        names: &Names,
        dense: Option<&[FindKey]>,
    ) -> Option<FindPlan> {
        let query = Query::parse(q)?;
        let (joined, terms) = query.sequences();
        // The terms first: the joined query's pairs then prefer the keys they read.
        let mut have = BTreeSet::new();
        let mut both = |seq: &[Q]| {
            let mut cover = |exact| -> Vec<Chain> {
                let sets = chains(seq, exact);
                sets.into_iter()
                    .map(|s| Chain::cover(s, &mut have, dense))
                    .collect()
            };
            (cover(false), cover(true))
        };
        let terms: Vec<_> = if terms.len() >= 2 {
            terms.iter().map(|t| both(t)).collect()
        } else {
            Vec::new()
        };
        let joined = both(joined);
        let named = |list: &[String], read: bool| -> Vec<(u32, u8)> {
            if !read {
                return Vec::new();
            }
            list.iter()
                .enumerate()
                .filter_map(|(i, n)| {
                    query
                        .matches(Haystack::new(n).text())
                        .map(|exact| (i as u32, 2 + u8::from(!exact)))
                })
                .collect()
        };
        Some(FindPlan {
            authors: named(&names.authors, matches!(field, Field::All | Field::Author)),
            depts: named(&names.depts, field == Field::All),
            field,
            joined,
            terms,
        })
    }

    fn reads_titles(&self) -> bool {
        matches!(self.field, Field::All | Field::Title)
    }

    /// Every key the plan reads.
    pub fn keys(&self) -> BTreeSet<FindKey> {
        let mut out = BTreeSet::new();
        if self.reads_titles() {
            for (loose, exact) in std::iter::once(&self.joined).chain(&self.terms) {
                for c in loose.iter().chain(exact) {
                    out.extend(c.keys());
                }
            }
        }
        out.extend(self.authors.iter().map(|&(i, _)| (AUTHOR, i)));
        out.extend(self.depts.iter().map(|&(i, _)| (DEPT, i)));
        out
    }

    /// The pairs read only as a chain of one pair (a two-character query): their posts alone
    /// answer, so they come from `find/pairs/` when the dataset has it.
    fn pairs_alone(&self) -> BTreeSet<FindKey> {
        let mut alone = BTreeSet::new();
        let mut placed = BTreeSet::new();
        if self.reads_titles() {
            for (loose, exact) in std::iter::once(&self.joined).chain(&self.terms) {
                for c in loose.iter().chain(exact) {
                    match c.sets.len() {
                        2 => alone.extend(c.keys()),
                        n if n > 2 => placed.extend(c.keys()),
                        _ => {}
                    }
                }
            }
        }
        alone.retain(|k| !placed.contains(k));
        alone
    }

    /// The index files the plan reads (each ascending, each once): of `find/<i>.bin`, and of
    /// `find/pairs/<i>.bin`.
    pub fn files(&self, meta: &FindMeta) -> (Vec<u32>, Vec<u32>) {
        let (_, index, pairs) = self.route(meta);
        (index, pairs)
    }

    /// The lists apart the plan reads (see [`crate::apart`]), of `find/` and of `find/pairs/`,
    /// once the files [`FindPlan::files`] names are here.
    pub fn apart(
        &self,
        meta: &FindMeta,
        file: &dyn Fn(ListFile) -> Option<Rc<FindShard>>,
        pairs: &dyn Fn(ListFile) -> Option<Rc<FindShard>>,
    ) -> Result<(Vec<ListFile>, Vec<ListFile>), DatasetError> {
        let (alone, _, _) = self.route(meta);
        let keys = self.keys();
        let at = |k: &FindKey| (*k, shard_for(*k, meta.shards));
        let index = keys.iter().filter(|k| !alone.contains(k)).map(at);
        Ok((
            apart::needed(index, file, malformed)?,
            apart::needed(alone.iter().map(at), pairs, malformed)?,
        ))
    }

    /// Which keys are read from `find/pairs/` — a pair read alone (even when its `find/<i>.bin`
    /// is fetched for another key: a common pair's list there is a list apart with places,
    /// several times its posts alone) — and the files of both kinds.
    fn route(&self, meta: &FindMeta) -> (BTreeSet<FindKey>, Vec<u32>, Vec<u32>) {
        let alone = if meta.pairs {
            self.pairs_alone()
        } else {
            BTreeSet::new()
        };
        let files = |keys: &mut dyn Iterator<Item = &FindKey>| -> Vec<u32> {
            let mut out: Vec<u32> = keys.map(|&k| shard_for(k, meta.shards)).collect();
            sort_dedup(&mut out);
            out
        };
        let keys = self.keys();
        let index = files(&mut keys.iter().filter(|k| !alone.contains(k)));
        let pairs = files(&mut alone.iter());
        (alone, index, pairs)
    }

    /// Each post's rank (as `select` ranks: title exact 0, title 1, author/department 2–3,
    /// body 4), for the `count` positions of the list; `in_body` marks body hits by position.
    fn ranks(
        &self,
        count: usize,
        in_body: &[bool],
        get: &dyn Fn(FindKey) -> Result<Rc<Postings>, DatasetError>,
    ) -> Result<Vec<Option<u8>>, DatasetError> {
        let mut rank: Vec<Option<u8>> = vec![None; count];
        let mut better = |at: u32, r: u8| {
            if let Some(slot) = rank.get_mut(at as usize) {
                if slot.is_none_or(|now| r < now) {
                    *slot = Some(r);
                }
            }
        };
        if self.reads_titles() {
            let any = |chains: &[Chain]| -> Result<Vec<u32>, DatasetError> {
                let mut all = Vec::new();
                for c in chains {
                    all = union([all, chain_posts(c, get)?]);
                }
                Ok(all)
            };
            let joined_loose = any(&self.joined.0)?;
            let joined_exact = intersect(&joined_loose, &any(&self.joined.1)?);
            for &p in &joined_loose {
                better(p, 1);
            }
            for &p in &joined_exact {
                better(p, 0);
            }
            if !self.terms.is_empty() {
                // Posts whose title misses the joined query but holds every term.
                let mut loose: Option<Vec<u32>> = None;
                let mut exact: Option<Vec<u32>> = None;
                for (l, e) in &self.terms {
                    let l = any(l)?;
                    let e = intersect(&l, &any(e)?);
                    loose = Some(loose.map_or(l.clone(), |a| intersect(&a, &l)));
                    exact = Some(exact.map_or(e.clone(), |a| intersect(&a, &e)));
                }
                let (loose, exact) = (loose.unwrap_or_default(), exact.unwrap_or_default());
                let joined: std::collections::HashSet<u32> = joined_loose.iter().copied().collect();
                for &p in loose.iter().filter(|p| !joined.contains(p)) {
                    better(p, 1);
                }
                for &p in exact.iter().filter(|p| !joined.contains(p)) {
                    better(p, 0);
                }
            }
        }
        // An exact title hit settles a post in the 전체 field (as in `select`).
        let settled: Vec<bool> = rank.iter().map(|r| *r == Some(0)).collect();
        let mut better = |at: u32, r: u8| {
            if let Some(slot) = rank.get_mut(at as usize) {
                if !settled[at as usize] && slot.is_none_or(|now| r < now) {
                    *slot = Some(r);
                }
            }
        };
        for (field, names) in [(AUTHOR, &self.authors), (DEPT, &self.depts)] {
            for &(id, r) in names.iter() {
                for p in get((field, id))?.posts() {
                    better(p, r);
                }
            }
        }
        if matches!(self.field, Field::All | Field::Body) {
            for (at, _) in in_body.iter().enumerate().filter(|(_, &b)| b) {
                better(at as u32, BODY_RANK);
            }
        }
        Ok(rank)
    }
}

/// The positions a search shows, in order — what [`crate::select`] gives for the same search
/// over the whole list (no filters; not the 조회수 order, which needs every post's views).
/// `lookup` gives a key's list (from the files [`FindPlan::files`] named); `in_body` marks
/// the body hits by position (empty for none).
pub fn find(
    plan: &FindPlan,
    count: usize,
    sort: Sort,
    in_body: &[bool],
    lookup: impl Fn(FindKey) -> Result<Rc<Postings>, DatasetError>,
) -> Result<Vec<usize>, DatasetError> {
    let rank = plan.ranks(count, in_body, &lookup)?;
    let hits = rank
        .iter()
        .enumerate()
        .filter_map(|(i, r)| r.map(|r| (i, r)));
    Ok(match sort {
        Sort::New | Sort::Views => hits.map(|(i, _)| i).collect(),
        Sort::Old => {
            let mut v: Vec<usize> = hits.map(|(i, _)| i).collect();
            v.reverse();
            v
        }
        Sort::Relevance => {
            let hits: Vec<(usize, u8)> = hits.collect();
            let mut out = Vec::with_capacity(hits.len());
            for r in 0..=BODY_RANK {
                out.extend(hits.iter().filter(|h| h.1 == r).map(|h| h.0));
            }
            out
        }
    })
}

/// Whether [`find`] answers a list state: a search without filters, in an order that needs
/// nothing but the ranks (the 조회수 order needs every post's views: it waits for the list).
pub fn answers(l: &crate::ListParams) -> bool {
    Query::parse(&l.q).is_some() && !l.filtered() && l.effective_sort() != Sort::Views
}

/// Runs a plan over decoded files (`file` gives those of `find/` here and `pairs` those of
/// `find/pairs/`: [`FindPlan::files`] and [`FindPlan::apart`] name the ones it needs).
pub fn find_with(
    plan: &FindPlan,
    meta: &FindMeta,
    count: usize,
    sort: Sort,
    in_body: &[bool],
    file: impl Fn(ListFile) -> Option<Rc<FindShard>>,
    pairs: impl Fn(ListFile) -> Option<Rc<FindShard>>,
) -> Result<Vec<usize>, DatasetError> {
    let (alone, _, _) = plan.route(meta);
    find(plan, count, sort, in_body, |k| {
        let i = shard_for(k, meta.shards);
        let from: &dyn Fn(ListFile) -> Option<Rc<FindShard>> =
            if alone.contains(&k) { &pairs } else { &file };
        apart::lookup(k, i, from, malformed)?.postings(k)
    })
}
