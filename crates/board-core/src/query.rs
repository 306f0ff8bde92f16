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

/// Case-insensitive substring test. Placeholder matcher until the Korean engine (issue 5).
fn contains(haystack: &str, needle: &str) -> bool {
    haystack.to_lowercase().contains(&needle.to_lowercase())
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

/// The neighbours of post `no` in an ordered list: (the row above, the row below), i.e.
/// (이전글, 다음글) of `CONTRACT.md` §2.
pub fn neighbours(index: &BoardIndex, rows: &[usize], no: u32) -> (Option<u32>, Option<u32>) {
    let Some(at) = rows.iter().position(|&i| index.posts[i].no == no) else {
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
            board: BoardMeta { name: "b".into() },
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
}
