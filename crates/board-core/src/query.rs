//! Which posts a list shows, and in what order (the URL's filters, the orders).
//!
//! One entry point, [`select`], is what every view uses; matching is the Korean-aware engine of
//! [`crate::search`], over keys prepared once per dataset.

#[cfg(test)]
use std::cmp::Ordering;

use crate::search::{pieces, Haystack, Query, TextArena, TextRef};
use crate::{BoardIndex, ListParams, PostSummary};

/// Where the search text is looked for (`field=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Field {
    #[default]
    All,
    Title,
    Body,
    Author,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::All, Field::Title, Field::Body, Field::Author];

    pub fn key(self) -> &'static str {
        match self {
            Field::All => "all",
            Field::Title => "title",
            Field::Body => "body",
            Field::Author => "author",
        }
    }

    pub fn from_key(key: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// List order (`sort=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Sort {
    #[default]
    New,
    Old,
    Views,
    Relevance,
}

impl Sort {
    pub const ALL: [Sort; 4] = [Sort::New, Sort::Old, Sort::Views, Sort::Relevance];

    pub fn key(self) -> &'static str {
        match self {
            Sort::New => "new",
            Sort::Old => "old",
            Sort::Views => "views",
            Sort::Relevance => "relevance",
        }
    }

    pub fn from_key(key: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.key() == key)
    }
}

#[cfg(test)]
use crate::model::by_new;

/// Compares two posts in the order `sort` asks for; relevance compares the ranks first.
#[cfg(test)]
fn compare(sort: Sort, a: (&PostSummary, u8), b: (&PostSummary, u8)) -> Ordering {
    match sort {
        Sort::New => by_new(a.0, b.0),
        Sort::Old => by_new(b.0, a.0),
        Sort::Views => {
            b.0.views
                .unwrap_or(0)
                .cmp(&a.0.views.unwrap_or(0))
                .then_with(|| by_new(a.0, b.0))
        }
        Sort::Relevance => a.1.cmp(&b.1).then_with(|| by_new(a.0, b.0)),
    }
}

/// The searchable texts of every post (composed, folded titles, authors, departments), prepared
/// once per dataset, in list order.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SearchKeys {
    arena: TextArena,
    /// Where each post's texts are in the arena, one array per field: a title search then
    /// streams only the titles' references (a third of the memory it read before).
    titles: Vec<TextRef>,
    /// Authors and departments, which posts share (a board has a few of each): each distinct
    /// text once, and per post its number, so a search matches each text once.
    shared: Vec<TextRef>,
    authors: Vec<u32>,
    depts: Vec<u32>,
    /// Every post in the `views` order (ties keep `new`): an order change at 100k posts is then
    /// one pass instead of a sort (the sort alone was most of a 24 ms order change).
    views_order: Vec<u32>,
}

impl SearchKeys {
    pub fn new<'a>(posts: &'a [PostSummary]) -> SearchKeys {
        // Every array made to its size at once: grown by doubling, the title characters alone
        // (1M posts: ~100 MB) would for a moment need half as much again, and wasm memory keeps
        // its highest mark.
        let mut keys = SearchKeys {
            arena: TextArena::with_capacity(posts.iter().map(|p| p.title.chars().count()).sum()),
            titles: Vec::with_capacity(posts.len()),
            authors: Vec::with_capacity(posts.len()),
            depts: Vec::with_capacity(posts.len()),
            ..SearchKeys::default()
        };
        let mut shared: rustc_hash::FxHashMap<&str, u32> = Default::default();
        let mut views = Vec::with_capacity(posts.len());
        for p in posts {
            let title = keys.arena.push(&p.title);
            let mut once = |text: &'a str| {
                *shared.entry(text).or_insert_with(|| {
                    keys.shared.push(keys.arena.push(text));
                    keys.shared.len() as u32 - 1
                })
            };
            let author = once(p.author.as_deref().unwrap_or(""));
            let dept = once(p.dept.as_deref().unwrap_or(""));
            keys.titles.push(title);
            keys.authors.push(author);
            keys.depts.push(dept);
            views.push(p.views.unwrap_or(0));
        }
        // Most views first; posts come in the `new` order, so their position breaks ties.
        keys.views_order = crate::numbers::order_by(views.len(), |i| u64::MAX - views[i]);
        keys
    }

    /// Every post `keep` accepts that the query matches, with how well (lower is better:
    /// title before author/department before body, exact before 초성/partial), in list order.
    /// Bodies are not in the list data: `in_body` (by position; empty for none) says which
    /// posts the body index named. Authors and departments, which posts share, are matched
    /// once per distinct text before the loop, so a post costs one title test (its signature,
    /// mostly) and two array reads.
    fn ranks(
        &self,
        q: &Query,
        field: Field,
        in_body: &[bool],
        among: Option<&[(usize, u8)]>,
        keep: Option<&dyn Fn(usize) -> bool>,
    ) -> Vec<(usize, u8)> {
        let shared: Vec<Option<u8>> = match field {
            Field::All | Field::Author => self
                .shared
                .iter()
                .map(|r| {
                    q.matches_stored(self.arena.text(r))
                        .map(|exact| 2 + u8::from(!exact))
                })
                .collect(),
            Field::Title | Field::Body => Vec::new(),
        };
        // The signature first, read in place: at 1M posts the loop over texts that cannot
        // match was most of a search.
        let title = |i: usize| {
            q.matches_in(&self.arena, &self.titles[i])
                .map(|exact| u8::from(!exact))
        };
        let shared_hit = shared.iter().any(Option::is_some);
        let body_hit = in_body.contains(&true);
        let body = |i: usize| {
            in_body
                .get(i)
                .copied()
                .unwrap_or(false)
                .then_some(BODY_RANK)
        };
        let mut rows = Vec::new();
        // The usual search — every post, no filter, nothing but titles to read — is a loop over
        // the titles' signatures alone: at 1M posts the general loop below cost three times as
        // much per post in the browser.
        if among.is_none()
            && keep.is_none()
            && !body_hit
            && matches!(field, Field::All | Field::Title)
        {
            let shared_hit = shared_hit && field == Field::All;
            for (i, r) in self.titles.iter().enumerate() {
                let t = q.matches_in(&self.arena, r).map(|exact| u8::from(!exact));
                let rank = match t {
                    Some(0) => Some(0),
                    t if !shared_hit => t,
                    t => best(
                        t,
                        best(
                            shared[self.authors[i] as usize],
                            shared[self.depts[i] as usize],
                        ),
                    ),
                };
                if let Some(rank) = rank {
                    rows.push((i, rank));
                }
            }
            return rows;
        }
        let mut visit = |i: usize| {
            if keep.is_some_and(|keep| !keep(i)) {
                return;
            }
            let rank = match field {
                Field::Title => title(i),
                Field::Author => shared[self.authors[i] as usize],
                Field::Body => body(i),
                Field::All => match title(i) {
                    // Nothing ranks better than an exact title hit.
                    Some(0) => Some(0),
                    t if !shared_hit && !body_hit => t,
                    t => best(
                        best(t, body(i)),
                        best(
                            shared[self.authors[i] as usize],
                            shared[self.depts[i] as usize],
                        ),
                    ),
                },
            };
            if let Some(r) = rank {
                rows.push((i, r));
            }
        };
        match among {
            Some(a) => a.iter().for_each(|&(i, _)| visit(i)),
            None => (0..self.titles.len()).for_each(visit),
        }
        rows
    }

    /// One post's rank (the same rules as a list): for the single-post questions below.
    fn rank_one(p: &PostSummary, q: &Query, field: Field) -> Option<u8> {
        SearchKeys::new(std::slice::from_ref(p))
            .ranks(q, field, &[], None, None)
            .first()
            .map(|&(_, r)| r)
    }
}

/// The better (lower) of two ranks, either perhaps missing: written out, because the
/// iterator form (`[a, b].into_iter().flatten().min()`) was a function call per post in the wasm.
#[inline(always)]
fn best(a: Option<u8>, b: Option<u8>) -> Option<u8> {
    match (a, b) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, None) => a,
        (None, b) => b,
    }
}

/// Prepares the search keys now (they are otherwise built by the first search, which then
/// takes ~150 ms more at 100k posts); the app calls it once the whole list is in.
pub fn prepare_search(index: &BoardIndex) {
    keys(index);
}

fn keys(index: &BoardIndex) -> &SearchKeys {
    index
        .search_keys
        .get_or_init(|| SearchKeys::new(&index.posts))
}

/// The rank of a post found by its body alone: after every title, author and department hit.
pub(crate) const BODY_RANK: u8 = 4;

/// Whether a post in the results of `q` is there for its body alone (it then shows a body
/// snippet under its title).
pub fn found_by_body(p: &PostSummary, q: &str, field: Field) -> bool {
    match field {
        Field::Body => true,
        Field::All => Query::parse(q)
            .is_some_and(|query| SearchKeys::rank_one(p, &query, Field::All).is_none()),
        Field::Title | Field::Author => false,
    }
}

/// Whether a post matches the search text in the given field.
pub fn matches(p: &PostSummary, q: &str, field: Field) -> bool {
    match Query::parse(q) {
        None => true,
        Some(query) => SearchKeys::rank_one(p, &query, field).is_some(),
    }
}

/// A title cut into plain and matched pieces, for `<mark>`.
pub fn highlight<'a>(text: &'a str, q: &str) -> Vec<(&'a str, bool)> {
    let ranges = Query::parse(q)
        .and_then(|query| query.find(&Haystack::new(text)))
        .map(|h| h.ranges)
        .unwrap_or_default();
    pieces(text, &ranges)
}

/// The posts the list shows for these parameters, as indices into `index.posts`, in order.
/// `body` is what the body index found for `params.q` (sorted 번호), once it is known.
pub fn select(index: &BoardIndex, params: &ListParams, body: Option<&[u32]>) -> Vec<usize> {
    let query = Query::parse(&params.q);
    // The plain list: posts are stored in the `new` order, so nothing needs filtering or sorting.
    let plain = query.is_none() && !params.filtered();
    let keys = match params.effective_sort() {
        Sort::New if plain => return (0..index.posts.len()).collect(),
        Sort::Old if plain => return (0..index.posts.len()).rev().collect(),
        Sort::Views if plain => {
            return keys(index)
                .views_order
                .iter()
                .map(|&i| i as usize)
                .collect();
        }
        _ => keys(index),
    };
    let filtered = params.filtered();
    let keep = |i: usize| {
        let p = &index.posts[i];
        !filtered
            || (params
                .dept
                .as_ref()
                .is_none_or(|d| p.dept.as_deref() == Some(d.as_str()))
                && params
                    .cat
                    .as_ref()
                    .is_none_or(|c| p.category.as_deref() == Some(c.as_str()))
                && params.from.is_none_or(|from| p.date >= from)
                && params.to.is_none_or(|to| p.date <= to))
    };
    let last = index.last_search.take();
    let rows: Vec<(usize, u8)> = match (&query, last, body) {
        // The body hits of the search on screen, arriving after its other hits: they only add
        // posts, ranked after all of those, so they are merged in instead of searching again.
        (Some(_), Some(last), Some(body)) if last.awaits(params) => {
            with_body_hits(index, last.rows, body, filtered.then_some(&keep))
        }
        (Some(q), last, body) => {
            // The posts the body index named, by position.
            let mut in_body = vec![false; if body.is_some() { index.posts.len() } else { 0 }];
            for &no in body.unwrap_or_default() {
                if let Some(at) = index.position_of(no) {
                    in_body[at] = true;
                }
            }
            let among = last
                .as_ref()
                .filter(|l| l.narrows_to(params, body.is_some()))
                .map(|l| l.rows.as_slice());
            keys.ranks(q, params.field, &in_body, among, filtered.then_some(&keep))
        }
        (None, ..) => (0..index.posts.len())
            .filter(|&i| keep(i))
            .map(|i| (i, 0))
            .collect(),
    };
    let out = in_order(index, keys, params.effective_sort(), &rows);
    if query.is_some() {
        index.last_search.put(LastSearch {
            params: params.clone(),
            body_known: body.is_some(),
            rows,
        });
    }
    out
}

/// Rows found with their ranks (in list order), with the posts numbered in `body` (sorted 번호
/// of the body index's hits) that `keep` accepts added at [`BODY_RANK`], in list order.
fn with_body_hits(
    index: &BoardIndex,
    rows: Vec<(usize, u8)>,
    body: &[u32],
    keep: Option<&dyn Fn(usize) -> bool>,
) -> Vec<(usize, u8)> {
    let mut found: Vec<u32> = body
        .iter()
        .filter_map(|&no| index.position_of(no))
        .filter(|&at| keep.is_none_or(|keep| keep(at)))
        .map(|at| at as u32)
        .collect();
    crate::numbers::sort_dedup(&mut found);
    let mut out = Vec::with_capacity(rows.len() + found.len());
    let mut found = found.into_iter().map(|at| at as usize).peekable();
    for (i, rank) in rows {
        while let Some(at) = found.next_if(|&at| at < i) {
            out.push((at, BODY_RANK));
        }
        found.next_if_eq(&i);
        out.push((i, rank));
    }
    out.extend(found.map(|at| (at, BODY_RANK)));
    out
}

/// `rows` (with their ranks, in list order) in the order `sort`.
fn in_order(index: &BoardIndex, keys: &SearchKeys, sort: Sort, rows: &[(usize, u8)]) -> Vec<usize> {
    // The rows are in the `new` order already (posts are stored in it), so no order needs a
    // comparison sort: ties keep `new`, as §3 asks.
    match sort {
        Sort::New => rows.iter().map(|&(i, _)| i).collect(),
        Sort::Old => rows.iter().rev().map(|&(i, _)| i).collect(),
        // The chosen rows, read off the precomputed views order: one pass.
        Sort::Views => {
            let mut chosen = vec![false; index.posts.len()];
            for &(i, _) in rows {
                chosen[i] = true;
            }
            keys.views_order
                .iter()
                .map(|&i| i as usize)
                .filter(|&i| chosen[i])
                .collect()
        }
        // A handful of ranks: one pass per rank, each keeping `new` (a counting sort).
        Sort::Relevance => {
            let mut start = [0usize; BODY_RANK as usize + 2];
            for &(_, r) in rows {
                start[r as usize + 1] += 1;
            }
            for k in 1..start.len() {
                start[k] += start[k - 1];
            }
            let mut out = vec![0; rows.len()];
            for &(i, r) in rows {
                out[start[r as usize]] = i;
                start[r as usize] += 1;
            }
            out
        }
    }
}

/// The rows of the last search (in list order), so that a search typed on from it (고 → 고용)
/// reads only those instead of every post: [`crate::search::extends`] says when that is exact.
#[derive(Clone, Debug)]
pub struct LastSearch {
    params: ListParams,
    /// Whether the body hits were in (rows found by their bodies are among the rows only then).
    body_known: bool,
    /// The rows found, with their ranks.
    rows: Vec<(usize, u8)>,
}

impl LastSearch {
    /// Whether this is the search `now` waiting for its body hits (the same search, bodies
    /// read, their hits not yet in).
    fn awaits(&self, now: &ListParams) -> bool {
        let was = &self.params;
        !self.body_known
            && matches!(now.field, Field::All | Field::Body)
            && (&was.q, was.field, &was.dept, &was.cat, was.from, was.to)
                == (&now.q, now.field, &now.dept, &now.cat, now.from, now.to)
    }

    /// Whether a search for `now` finds only posts among these rows.
    fn narrows_to(&self, now: &ListParams, body_known: bool) -> bool {
        let was = &self.params;
        let bodies_read = matches!(now.field, Field::All | Field::Body);
        (was.field, &was.dept, &was.cat, was.from, was.to)
            == (now.field, &now.dept, &now.cat, now.from, now.to)
            && (self.body_known || !body_known || !bodies_read)
            && crate::search::extends(&was.q, &now.q)
    }
}

/// Where one board's last search is kept (see [`LastSearch`]); not part of the board's value.
#[derive(Debug, Default)]
pub struct LastSearchCell(std::sync::Mutex<Option<LastSearch>>);

impl LastSearchCell {
    fn take(&self) -> Option<LastSearch> {
        self.0.lock().ok()?.take()
    }

    fn put(&self, last: LastSearch) {
        if let Ok(mut l) = self.0.lock() {
            *l = Some(last);
        }
    }
}

impl Clone for LastSearchCell {
    fn clone(&self) -> Self {
        LastSearchCell::default()
    }
}

impl PartialEq for LastSearchCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// Where post `no` stands in an ordered list (0-based), if it is in it.
pub fn position(index: &BoardIndex, rows: &[usize], no: u32) -> Option<usize> {
    rows.iter().position(|&i| index.posts[i].no == no)
}

/// The neighbours of post `no` in an ordered list: (the row above, the row below), i.e.
/// (이전글, 다음글).
pub fn neighbours(index: &BoardIndex, rows: &[usize], no: u32) -> (Option<u32>, Option<u32>) {
    let Some(at) = position(index, rows, no) else {
        return (None, None);
    };
    let above = at.checked_sub(1).map(|i| index.posts[rows[i]].no);
    let below = rows.get(at + 1).map(|&i| index.posts[i].no);
    (above, below)
}

#[cfg(test)]
mod tests;
