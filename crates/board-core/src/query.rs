//! Which posts a list shows, and in what order (`CONTRACT.md` §1 filters, §3 orders).
//!
//! One entry point, [`select`], is what every view uses; the Korean-aware matcher of issue 5 will
//! replace [`matches`] without touching the views.

use std::cmp::Ordering;

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

/// `new` order: newest date first, ties by 번호 descending.
fn by_new(a: &PostSummary, b: &PostSummary) -> Ordering {
    b.date.cmp(&a.date).then(b.no.cmp(&a.no))
}

/// Compares two posts in the order `sort` asks for. Relevance ranks by [`rank`] first.
fn compare(sort: Sort, q: &str, a: &PostSummary, b: &PostSummary) -> Ordering {
    match sort {
        Sort::New => by_new(a, b),
        Sort::Old => by_new(b, a),
        Sort::Views => b
            .views
            .unwrap_or(0)
            .cmp(&a.views.unwrap_or(0))
            .then_with(|| by_new(a, b)),
        Sort::Relevance => rank(q, a).cmp(&rank(q, b)).then_with(|| by_new(a, b)),
    }
}

/// Lower is better: a title hit before a hit elsewhere.
fn rank(q: &str, p: &PostSummary) -> u8 {
    if contains(&p.title, q) {
        0
    } else {
        1
    }
}

/// One character folded for matching: Latin case ignored. One char in, one char out, so byte
/// positions found in the folded text map straight back to the original.
fn fold(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// Byte ranges of the non-overlapping case-insensitive occurrences of `needle` in `haystack`.
/// Plain substring matching until the Korean engine (issue 5) replaces it.
pub fn find_all(haystack: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    let needle: Vec<char> = crate::hangul::compose(needle).chars().map(fold).collect();
    if needle.is_empty() {
        return Vec::new();
    }
    let hay: Vec<(usize, char)> = haystack.char_indices().map(|(i, c)| (i, fold(c))).collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i + needle.len() <= hay.len() {
        if hay[i..i + needle.len()]
            .iter()
            .map(|(_, c)| *c)
            .eq(needle.iter().copied())
        {
            let end = hay
                .get(i + needle.len())
                .map_or(haystack.len(), |(b, _)| *b);
            out.push(hay[i].0..end);
            i += needle.len();
        } else {
            i += 1;
        }
    }
    out
}

fn contains(haystack: &str, needle: &str) -> bool {
    !find_all(haystack, needle).is_empty()
}

/// A title cut into plain and matched pieces, for `<mark>`.
pub fn highlight<'a>(text: &'a str, q: &str) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in find_all(text, q.trim()) {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}

/// Whether a post matches the search text in the given field. Bodies are not in the list data;
/// until the body index exists, `body` searches find nothing and `all` covers the list fields.
pub fn matches(p: &PostSummary, q: &str, field: Field) -> bool {
    let q = q.trim();
    if q.is_empty() {
        return true;
    }
    let author = || p.author.as_deref().is_some_and(|a| contains(a, q));
    match field {
        Field::Title => contains(&p.title, q),
        Field::Author => author(),
        Field::Body => false,
        Field::All => {
            contains(&p.title, q) || author() || p.dept.as_deref().is_some_and(|d| contains(d, q))
        }
    }
}

/// The posts the list shows for these parameters, as indices into `index.posts`, in order.
pub fn select(index: &BoardIndex, params: &ListParams) -> Vec<usize> {
    let q = params.q.trim();
    let mut rows: Vec<usize> = index
        .posts
        .iter()
        .enumerate()
        .filter(|(_, p)| matches(p, q, params.field))
        .filter(|(_, p)| {
            params
                .dept
                .as_ref()
                .is_none_or(|d| p.dept.as_ref() == Some(d))
        })
        .filter(|(_, p)| params.from.is_none_or(|from| p.date >= from))
        .filter(|(_, p)| params.to.is_none_or(|to| p.date <= to))
        .map(|(i, _)| i)
        .collect();
    let sort = params.effective_sort();
    rows.sort_by(|&a, &b| compare(sort, q, &index.posts[a], &index.posts[b]));
    rows
}

/// Where post `no` stands in an ordered list (0-based), if it is in it.
pub fn position(index: &BoardIndex, rows: &[usize], no: u32) -> Option<usize> {
    rows.iter().position(|&i| index.posts[i].no == no)
}

/// The neighbours of post `no` in an ordered list: (the row above, the row below), i.e.
/// (이전글, 다음글) of `CONTRACT.md` §2.
pub fn neighbours(index: &BoardIndex, rows: &[usize], no: u32) -> (Option<u32>, Option<u32>) {
    let Some(at) = position(index, rows, no) else {
        return (None, None);
    };
    let above = at.checked_sub(1).map(|i| index.posts[rows[i]].no);
    let below = rows.get(at + 1).map(|&i| index.posts[i].no);
    (above, below)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BoardMeta, Date};

    fn post(no: u32, date: &str, views: Option<u64>, title: &str) -> PostSummary {
        PostSummary {
            no,
            title: title.into(),
            author: Some("관리자".into()),
            date: date.parse::<Date>().unwrap(),
            views,
            dept: None,
            has_body: false,
        }
    }

    fn board() -> BoardIndex {
        BoardIndex {
            schema_version: 1,
            board: BoardMeta {
                name: "b".into(),
                synthetic: false,
            },
            posts: vec![
                post(3, "2025-09-15", Some(10), "임금체불 근절"),
                post(5, "2025-09-08", None, "Chemical 안전"),
                post(4, "2025-09-15", Some(99), "화학제품 안전"),
                post(1, "2025-11-03", Some(10), "상생협력기금"),
            ],
            departments: vec![],
        }
    }

    fn order(params: &ListParams) -> Vec<u32> {
        let b = board();
        select(&b, params)
            .into_iter()
            .map(|i| b.posts[i].no)
            .collect()
    }

    #[test]
    fn new_is_date_then_number_descending() {
        assert_eq!(order(&ListParams::default()), vec![1, 4, 3, 5]);
    }

    #[test]
    fn old_is_the_reverse() {
        let p = ListParams {
            sort: Some(Sort::Old),
            ..Default::default()
        };
        assert_eq!(order(&p), vec![5, 3, 4, 1]);
    }

    #[test]
    fn views_descending_missing_as_zero_ties_by_new() {
        let p = ListParams {
            sort: Some(Sort::Views),
            ..Default::default()
        };
        assert_eq!(order(&p), vec![4, 1, 3, 5]);
    }

    #[test]
    fn search_is_case_insensitive_substring() {
        let p = ListParams {
            q: "chemical".into(),
            ..Default::default()
        };
        assert_eq!(order(&p), vec![5]);
        let p = ListParams {
            q: "안전".into(),
            field: Field::Title,
            ..Default::default()
        };
        assert_eq!(order(&p), vec![4, 5]);
        let p = ListParams {
            q: "안전".into(),
            field: Field::Author,
            ..Default::default()
        };
        assert_eq!(order(&p), Vec::<u32>::new());
    }

    #[test]
    fn highlights_every_occurrence() {
        assert_eq!(
            highlight("임금체불 임금", "임금"),
            vec![("임금", true), ("체불 ", false), ("임금", true)]
        );
        assert_eq!(
            highlight("ESG News", "esg"),
            vec![("ESG", true), (" News", false)]
        );
        assert_eq!(highlight("제목", ""), vec![("제목", false)]);
        assert_eq!(highlight("", "x"), vec![("", false)]);
        assert_eq!(highlight("aaa", "aa"), vec![("aa", true), ("a", false)]);
        // Case folding that changes length (İ → i̇) must not break the byte ranges.
        assert_eq!(highlight("İx", "x"), vec![("İ", false), ("x", true)]);
    }

    #[test]
    fn date_range_is_inclusive() {
        let p = ListParams {
            from: "2025-09-15".parse().ok(),
            to: "2025-09-15".parse().ok(),
            ..Default::default()
        };
        assert_eq!(order(&p), vec![4, 3]);
    }

    #[test]
    fn neighbours_follow_the_list() {
        let b = board();
        let rows = select(&b, &ListParams::default());
        assert_eq!(neighbours(&b, &rows, 4), (Some(1), Some(3)));
        assert_eq!(neighbours(&b, &rows, 1), (None, Some(4)));
        assert_eq!(neighbours(&b, &rows, 5), (Some(3), None));
        assert_eq!(neighbours(&b, &rows, 99), (None, None));
    }

    mod props {
        use super::*;
        use crate::{DeptCount, Pagination};
        use proptest::prelude::*;

        fn arb_board() -> impl Strategy<Value = BoardIndex> {
            proptest::collection::btree_map(
                1u32..5_000,
                (
                    0u16..60,
                    proptest::option::of(0u64..500),
                    0usize..3,
                    "[가-나ab ]{0,6}",
                ),
                0..120,
            )
            .prop_map(|m| BoardIndex {
                schema_version: 1,
                board: BoardMeta {
                    name: "b".into(),
                    synthetic: false,
                },
                posts: m
                    .into_iter()
                    .map(|(no, (day, views, dept, title))| PostSummary {
                        no,
                        title,
                        author: Some("관리자".into()),
                        date: Date::new(2025, 1 + (day / 28) as u8, 1 + (day % 28) as u8).unwrap(),
                        views,
                        dept: ["고용노동부", "환경부"].get(dept).map(|d| d.to_string()),
                        has_body: false,
                    })
                    .collect(),
                departments: vec![DeptCount {
                    name: "환경부".into(),
                    count: 0,
                }],
            })
        }

        fn arb_params() -> impl Strategy<Value = ListParams> {
            (
                proptest::sample::select(Sort::ALL.to_vec()),
                "[가ab]{0,2}",
                proptest::option::of(proptest::sample::select(vec![
                    "고용노동부",
                    "환경부",
                    "없는부서",
                ])),
                proptest::option::of(0u16..60),
                proptest::sample::select(crate::url_state::PAGE_SIZES.to_vec()),
            )
                .prop_map(|(sort, q, dept, from, size)| ListParams {
                    sort: Some(sort),
                    q,
                    dept: dept.map(String::from),
                    from: from
                        .map(|d| Date::new(2025, 1 + (d / 28) as u8, 1 + (d % 28) as u8).unwrap()),
                    size,
                    ..Default::default()
                })
        }

        proptest! {
            /// The query engine takes any text: no panic, and highlights put the text back
            /// together with every marked piece really matching the query.
            #[test]
            fn any_text_any_query(text in "\\PC{0,40}", q in "\\PC{0,8}") {
                let pieces = highlight(&text, &q);
                prop_assert_eq!(pieces.iter().map(|(t, _)| *t).collect::<String>(), text.clone());
                for (t, hit) in pieces {
                    if hit {
                        prop_assert!(!find_all(t, q.trim()).is_empty());
                    }
                }
                let p = PostSummary { no: 1, title: text, author: None, date: Date::new(2025, 1, 1).unwrap(), views: None, dept: None, has_body: false };
                for f in Field::ALL {
                    let _ = matches(&p, &q, f);
                }
            }

            /// Exactly the matching posts are selected, each once, in the order of §3, and
            /// pagination puts every one of them on exactly one page, in that order.
            #[test]
            fn filter_sort_paginate(board in arb_board(), params in arb_params()) {
                let rows = select(&board, &params);
                let expected: Vec<usize> = (0..board.posts.len()).filter(|&i| {
                    let p = &board.posts[i];
                    matches(p, &params.q, params.field)
                        && params.dept.as_ref().is_none_or(|d| p.dept.as_ref() == Some(d))
                        && params.from.is_none_or(|f| p.date >= f)
                }).collect();
                let mut sorted = rows.clone();
                sorted.sort();
                prop_assert_eq!(&sorted, &expected);
                let sort = params.effective_sort();
                for w in rows.windows(2) {
                    let (a, b) = (&board.posts[w[0]], &board.posts[w[1]]);
                    prop_assert_ne!(compare(sort, &params.q, a, b), Ordering::Greater);
                }
                let last = Pagination::new(rows.len(), 1, params.size).last;
                let mut paged = Vec::new();
                for page in 1..=last {
                    paged.extend_from_slice(&rows[Pagination::new(rows.len(), page, params.size).rows()]);
                }
                prop_assert_eq!(paged, rows);
            }
        }
    }
}
