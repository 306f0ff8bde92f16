//! The chains of pairs a query is found by in the title index (`find_index`): the feature
//! sets of its characters, for each rule of [`crate::search`] (the syllable being typed, a
//! final moved on as the next initial, 초성); which pairs of a chain are read; and the posts
//! where a chain holds.

use std::collections::BTreeSet;
use std::rc::Rc;

use crate::body_plan::intersect;
use crate::find_index::{malformed, stem, triple_key, Feature, FindKey, Postings, CLASS, NONE};
use crate::numbers::sort_dedup;
use crate::search::Q;
use crate::DatasetError;

/// A feature set per consecutive character (the text must have one of each set's features at
/// consecutive places).
type Sets = Vec<Vec<Feature>>;

/// One chain: its sets, and the pieces read to find it. Every piece's place is taken back to
/// the chain's start, so pieces that cover every place — `고용`, `노동`, `동부` for 고용노동부,
/// without `용노` — pin the whole sequence as surely as all of them; [`Chain::cover`] picks
/// such pieces, avoiding the common pairs' big lists where a triple stands in for them and
/// preferring keys another chain of the plan reads anyway, so a search downloads less.
#[derive(Clone, Debug)]
pub(crate) struct Chain {
    pub(crate) sets: Sets,
    pieces: Vec<Piece>,
    /// A chain of one syllable with every ending (가 being typed), read by its stem's list.
    stem: Option<Feature>,
}

/// Places `at`, `at + 1` (a pair) or `at` to `at + 2` (a triple) of a chain, and the lists
/// that find them: one per combination of the places' features.
#[derive(Clone, Debug)]
struct Piece {
    at: usize,
    triple: bool,
    reads: Vec<Read>,
}

#[derive(Clone, Copy, Debug)]
enum Read {
    /// A pair's list, or an indexed triple's.
    One(FindKey),
    /// A triple the index does not hold (neither pair is common): its two pairs, lined up.
    Two(FindKey, FindKey),
}

/// What reading a common pair costs beside any other key (a list over an index file, against
/// at most a share of one): a cover takes a triple or two before it.
const COMMON_COST: usize = 64;

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

impl Piece {
    fn pair(sets: &Sets, k: usize) -> Piece {
        Piece {
            at: k,
            triple: false,
            reads: pair_keys(sets, k).map(Read::One).collect(),
        }
    }

    /// The triple at `k` when the index holds one of its combinations (`dense`: the common
    /// pairs); a triple of only rare pairs is no cheaper than those pairs as two pieces.
    fn triple(sets: &Sets, k: usize, dense: &[FindKey]) -> Option<Piece> {
        let mut reads = Vec::new();
        let mut indexed = false;
        for (a, b) in pair_keys(sets, k) {
            for &c in &sets[k + 2] {
                reads.push(match triple_key(dense, a, b, c) {
                    Some(t) => {
                        indexed = true;
                        Read::One(t)
                    }
                    None => Read::Two((a, b), (b, c)),
                });
            }
        }
        indexed.then_some(Piece {
            at: k,
            triple: true,
            reads,
        })
    }

    /// The last place it covers.
    fn end(&self) -> usize {
        self.at + 1 + usize::from(self.triple)
    }

    fn keys(&self) -> impl Iterator<Item = FindKey> + '_ {
        self.reads
            .iter()
            .flat_map(|r| match *r {
                Read::One(k) => [Some(k), None],
                Read::Two(x, y) => [Some(x), Some(y)],
            })
            .flatten()
    }
}

impl Chain {
    /// The chain of `sets`, reading the pieces that cover its places at the least cost in keys
    /// not already in `have`, the keys other chains read with places (which then holds this
    /// chain's keys too); `dense`: the common pairs, `None` for a dataset without triples and
    /// stems.
    pub(crate) fn cover(
        sets: Sets,
        have: &mut BTreeSet<FindKey>,
        dense: Option<&[FindKey]>,
    ) -> Chain {
        let n = sets.len();
        let stem = match (dense, sets.as_slice()) {
            (Some(_), [one]) => whole_stem(one),
            _ => None,
        };
        let dense = dense.unwrap_or_default();
        // By where they end (a pair before a triple ending at the same place), so a piece's
        // possible predecessors come before it.
        let mut pieces: Vec<Piece> = Vec::new();
        for end in 1..n {
            pieces.push(Piece::pair(&sets, end - 1));
            if end >= 2 {
                pieces.extend(Piece::triple(&sets, end - 2, dense));
            }
        }
        let cost = |p: &Piece| -> usize {
            // Each new key once (packed, for the one sort the engine has).
            let mut keys: Vec<u64> = (p.keys())
                .filter(|k| !have.contains(k))
                .map(|(a, b)| u64::from(a) << 32 | u64::from(b))
                .collect();
            sort_dedup(&mut keys);
            (keys.iter())
                .map(
                    |&k| match dense.binary_search(&((k >> 32) as u32, k as u32)) {
                        Ok(_) => COMMON_COST,
                        Err(_) => 1,
                    },
                )
                .sum()
        };
        // best[i]: (least cost covering places 0..=end of piece i with it last, the piece
        // before it); the one before ends between its start − 1 and its end − 1 (no place
        // left between them).
        let mut best: Vec<(usize, Option<usize>)> = Vec::with_capacity(pieces.len());
        for (i, p) in pieces.iter().enumerate() {
            if p.at == 0 {
                best.push((cost(p), None));
                continue;
            }
            // The pieces ending from `at − 1` on sit just before it (at most two per end).
            let mut lo = i;
            while lo > 0 && pieces[lo - 1].end() + 1 >= p.at {
                lo -= 1;
            }
            let before = (lo..i)
                .filter(|&j| pieces[j].end() < p.end())
                .min_by_key(|&j| best[j].0);
            // Every piece but the first has one before it (a pair at `at − 1` ends at `at`).
            let c = before.map_or(usize::MAX, |j| best[j].0.saturating_add(cost(p)));
            best.push((c, before));
        }
        let mut chosen = Vec::new();
        let mut at = (0..pieces.len())
            .filter(|&i| pieces[i].end() + 1 == n)
            .min_by_key(|&i| best[i].0);
        while let Some(i) = at {
            chosen.push(i);
            at = best[i].1;
        }
        chosen.reverse();
        let pieces: Vec<Piece> = chosen.into_iter().map(|i| pieces[i].clone()).collect();
        // A chain of one pair reads its lists without places (`find/pairs/`): another chain
        // reading them with places reads other, bigger lists, so they are no keys it has.
        if n > 2 {
            for p in &pieces {
                have.extend(p.keys());
            }
        }
        Chain { sets, pieces, stem }
    }

    /// Every key the chain reads.
    pub(crate) fn keys(&self) -> Vec<FindKey> {
        if let Some(s) = self.stem {
            return vec![(s, NONE)];
        }
        match self.sets.as_slice() {
            [one] => one.iter().map(|&f| (f, NONE)).collect(),
            _ => self.pieces.iter().flat_map(|p| p.keys()).collect(),
        }
    }
}

/// The stem whose syllables are exactly `set` (all 28 endings of one initial and medial).
fn whole_stem(set: &[Feature]) -> Option<Feature> {
    let first = char::from_u32(*set.first()?)?;
    let (l, v, _) = crate::hangul::parts(first)?;
    let all = (0..28u8).filter_map(|t| crate::hangul::syllable(l, v, t).map(|c| c as u32));
    all.eq(set.iter().copied()).then(|| stem(first)).flatten()
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
    // Start places (post << 32 | place of the chain's first character) meeting every piece.
    let mut acc: Option<Vec<u64>> = None;
    for piece in &chain.pieces {
        let mut starts: Vec<u64> = Vec::new();
        for read in &piece.reads {
            match *read {
                Read::One(k) => starts.extend(placed(get, k, piece.at)?),
                Read::Two(x, y) => starts.extend(intersect(
                    &placed(get, x, piece.at)?,
                    &placed(get, y, piece.at + 1)?,
                )),
            }
        }
        sort_dedup(&mut starts);
        let now = match acc {
            None => starts,
            Some(prev) => intersect(&prev, &starts),
        };
        if now.is_empty() {
            return Ok(Vec::new());
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

/// The chain starts a list with places gives when its first feature is at chain place `at`
/// (post << 32 | start), ascending.
fn placed(
    get: &dyn Fn(FindKey) -> Result<Rc<Postings>, DatasetError>,
    key: FindKey,
    at: usize,
) -> Result<Vec<u64>, DatasetError> {
    // A list without its places (from `find/pairs/`, or a broken file) cannot line up a
    // chain: an error, never a silent miss.
    let Postings::Places(list) = &*get(key)? else {
        return Err(malformed("a pair's list has no places"));
    };
    Ok(list
        .iter()
        .filter(|&&(_, place)| place as usize >= at)
        .map(|&(post, place)| (post as u64) << 32 | (place as u64 - at as u64))
        .collect())
}
