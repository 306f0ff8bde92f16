//! The chains of pairs a query is found by in the title index (`find_index`): the feature
//! sets of its characters, for each rule of [`crate::search`] (the syllable being typed, a
//! final moved on as the next initial, 초성); which pairs of a chain are read; and the posts
//! where a chain holds.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::body_plan::intersect;
use crate::find_index::{malformed, Feature, FindKey, Postings, CLASS, NONE};
use crate::numbers::sort_dedup;
use crate::search::Q;
use crate::DatasetError;

/// A feature set per consecutive character (the text must have one of each set's features at
/// consecutive places).
type Sets = Vec<Vec<Feature>>;

/// One chain: its sets, and the neighbouring pairs read to find it (`pairs[k]` = the pair at
/// places `k`, `k + 1` of the chain). Every pair's place is taken back to the chain's start,
/// so pairs that cover every place — `고용`, `노동`, `동부` for 고용노동부, without `용노` — pin
/// the whole sequence as surely as all of them; [`Chain::cover`] picks such pairs, preferring
/// keys another chain of the plan reads anyway, so a search downloads fewer posting lists.
#[derive(Clone, Debug)]
pub(crate) struct Chain {
    pub(crate) sets: Sets,
    pairs: Vec<usize>,
}

/// The chains a sequence of query characters matches by (any of them), loose (every rule of
/// [`crate::search`]) or only as typed (an exact hit).
pub(crate) fn chains(seq: &[Q], exact: bool) -> Vec<Sets> {
    let Some((&last, head)) = seq.split_last() else {
        return Vec::new();
    };
    let one = |q: Q| -> Vec<Feature> {
        match q {
            Q::Lit(c) => vec![c as u32],
            Q::Initial(_, jamo) if exact => vec![jamo as u32],
            Q::Initial(l, jamo) => vec![CLASS | l as u32, jamo as u32],
            Q::Typing(c, ..) => vec![c as u32],
        }
    };
    let mut base: Sets = head.iter().map(|&q| one(q)).collect();
    let Q::Typing(x, l, v, t) = last else {
        base.push(one(last));
        return vec![base];
    };
    if exact {
        base.push(vec![x as u32]);
        return vec![base];
    }
    let syl = |fin: u8| crate::hangul::syllable(l, v, fin).map(|c| c as u32);
    let finals = crate::search::FINALS;
    let (first, second) = finals[t as usize];
    // The last character itself, any ending when it has no final (고요 → 고용), or a compound
    // final starting with its final (달 → 닭).
    let mut last_set: Vec<Feature> = vec![x as u32];
    if t == 0 {
        last_set.extend((0..28).filter_map(syl));
    } else if second.is_none() {
        last_set.extend(
            (1..28u8)
                .filter(|&ht| finals[ht as usize].1.is_some() && finals[ht as usize].0 == first)
                .filter_map(syl),
        );
    }
    sort_dedup(&mut last_set);
    let mut out = vec![{
        let mut c = base.clone();
        c.push(last_set);
        c
    }];
    // Its final moved on as the next syllable's initial (개울 → 개우+리): the syllable without
    // it (or with a compound's first part), then a syllable whose initial is the rest.
    if t != 0 {
        let (y, next) = match second {
            None => (syl(0), first),
            Some(s) => (
                (1..28u8)
                    .find(|&ht| finals[ht as usize] == (first, None))
                    .and_then(syl),
                s,
            ),
        };
        if let Some(y) = y {
            let mut c = base;
            c.push(vec![y]);
            c.push(vec![CLASS | next as u32]);
            out.push(c);
        }
    }
    out
}

/// The keys of the pair at places `k`, `k + 1`: a feature of each.
fn pair_keys(sets: &Sets, k: usize) -> impl Iterator<Item = FindKey> + '_ {
    sets[k]
        .iter()
        .flat_map(move |&a| sets[k + 1].iter().map(move |&b| (a, b)))
}

impl Chain {
    /// The chain of `sets`, reading the pairs that cover its places with the fewest keys not
    /// already in `have` (which then holds this chain's keys too).
    pub(crate) fn cover(sets: Sets, have: &mut BTreeSet<FindKey>) -> Chain {
        let n = sets.len();
        let cost = |k: usize| {
            pair_keys(&sets, k)
                .filter(|key| !have.contains(key))
                .count()
        };
        // best[k]: (fewest new keys, previous pair) covering places 0..=k+1 with pair k last;
        // the pair before it is k − 1 or k − 2 (no place left between them).
        let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(n.saturating_sub(1));
        for k in 0..n.saturating_sub(1) {
            let before = (k.saturating_sub(2)..k).min_by_key(|&j| best[j].0);
            let c = cost(k) + before.map_or(0, |j| best[j].0);
            best.push((c, before));
        }
        let mut pairs = Vec::new();
        let mut at = n.checked_sub(2);
        while let Some(k) = at {
            pairs.push(k);
            at = best[k].1;
        }
        pairs.reverse();
        for &k in &pairs {
            have.extend(pair_keys(&sets, k));
        }
        Chain { sets, pairs }
    }

    /// Every key the chain reads.
    pub(crate) fn keys(&self) -> Vec<FindKey> {
        match self.sets.as_slice() {
            [one] => one.iter().map(|&f| (f, NONE)).collect(),
            _ => (self.pairs.iter())
                .flat_map(|&k| pair_keys(&self.sets, k))
                .collect(),
        }
    }
}

/// The posts (positions, sorted) where a chain holds.
pub(crate) fn chain_posts(
    chain: &Chain,
    get: &dyn Fn(FindKey) -> Result<Rc<Postings>, DatasetError>,
) -> Result<Vec<u32>, DatasetError> {
    // One character, or one pair (no places to line up): the posts holding any of its keys.
    if chain.sets.len() <= 2 {
        let mut all: Vec<u32> = Vec::new();
        for k in chain.keys() {
            all.extend(get(k)?.posts());
        }
        sort_dedup(&mut all);
        return Ok(all);
    }
    // Start places (post << 32 | place of the chain's first character) meeting every pair.
    let mut acc: Option<Vec<u64>> = None;
    for &j in &chain.pairs {
        let mut starts: Vec<u64> = Vec::new();
        for &a in &chain.sets[j] {
            for &b in &chain.sets[j + 1] {
                // A pair's list without its places (from `find/pairs/`, or a broken file)
                // cannot line up a chain: an error, never a silent miss.
                let Postings::Places(list) = &*get((a, b))? else {
                    return Err(malformed("a pair's list has no places"));
                };
                starts.extend(
                    list.iter()
                        .filter(|&&(_, place)| place as usize >= j)
                        .map(|&(post, place)| (post as u64) << 32 | (place as u64 - j as u64)),
                );
            }
        }
        sort_dedup(&mut starts);
        let now = match acc {
            None => starts,
            Some(prev) => intersect(&prev, &starts),
        };
        if now.is_empty() {
            return Ok(now.into_iter().map(|s| (s >> 32) as u32).collect());
        }
        acc = Some(now);
    }
    let mut posts: Vec<u32> = acc
        .unwrap_or_default()
        .into_iter()
        .map(|s| (s >> 32) as u32)
        .collect();
    posts.dedup();
    Ok(posts)
}
