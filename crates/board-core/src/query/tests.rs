use super::*;
use crate::{BoardMeta, Date};

fn post(no: u32, date: &str, views: Option<u64>, title: &str) -> PostSummary {
    PostSummary {
        author: Some("관리자".into()),
        views,
        ..PostSummary::new(no, title, date.parse::<Date>().unwrap())
    }
}

fn board() -> BoardIndex {
    BoardIndex {
        schema_version: 1,
        board: BoardMeta {
            name: "b".into(),
            synthetic: false,
            ..Default::default()
        },
        posts: vec![
            post(1, "2025-11-03", Some(10), "상생협력기금"),
            post(4, "2025-09-15", Some(99), "화학제품 안전"),
            post(3, "2025-09-15", Some(10), "임금체불 근절"),
            post(5, "2025-09-08", None, "Chemical 안전"),
        ],
        departments: vec![],
        search_keys: Default::default(),
        categories: Vec::new(),
        by_no: Default::default(),
        last_search: Default::default(),
        body_index: None,
        find: None,
    }
}

fn order(params: &ListParams) -> Vec<u32> {
    let b = board();
    assert!(
        crate::model::in_new_order(&b.posts),
        "fixtures keep the `new` order"
    );
    select(&b, params, None)
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
fn body_hits_rank_after_title_hits_and_only_in_all_or_body() {
    let b = board();
    let nos = |params: &ListParams, body: &[u32]| -> Vec<u32> {
        select(&b, params, Some(body))
            .into_iter()
            .map(|i| b.posts[i].no)
            .collect()
    };
    let q = |field| ListParams {
        q: "안전".into(),
        field,
        ..Default::default()
    };
    // Post 1 is found by its body, 3 by both: title hits (4, 5, by new) come first.
    assert_eq!(nos(&q(Field::All), &[1, 3]), vec![4, 5, 1, 3]);
    assert_eq!(nos(&q(Field::Body), &[1, 3]), vec![1, 3]);
    assert_eq!(nos(&q(Field::Title), &[1, 3]), vec![4, 5]);
    assert!(found_by_body(&b.posts[0], "안전", Field::All));
    assert!(!found_by_body(&b.posts[1], "안전", Field::All));
    assert!(found_by_body(&b.posts[1], "안전", Field::Body));
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
    // Overlapping occurrences are one highlight (aa at 0 and at 1).
    assert_eq!(highlight("aaa", "aa"), vec![("aaa", true)]);
    // An exact occurrence inside a loose one (닭달 typed on reads 닭닭 too) is found.
    assert_eq!(highlight("닭닭달", "닭달"), vec![("닭닭달", true)]);
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
    let rows = select(&b, &ListParams::default(), None);
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
                ..Default::default()
            },
            posts: m
                .into_iter()
                .map(|(no, (day, views, dept, title))| PostSummary {
                    no,
                    title,
                    author: Some("관리자".into()),
                    date: Date::new(2025, 1 + (day / 28) as u8, 1 + (day % 28) as u8).unwrap(),
                    views,
                    dept: ["고용노동부", "환경부"].get(dept).map(|&d| d.into()),
                    has_body: false,
                    category: ["보도자료", "공지"].get(no as usize % 3).map(|&c| c.into()),
                    time: None,
                    notice: false,
                    attachments: 0,
                })
                .collect(),
            departments: vec![DeptCount {
                name: "환경부".into(),
                count: 0,
            }],
            search_keys: Default::default(),
            categories: Vec::new(),
            by_no: Default::default(),
            last_search: Default::default(),
            body_index: None,
            find: None,
        })
        .prop_map(|mut b| {
            // Boards keep their posts in the `new` order (board-build writes them so).
            b.posts.sort_by(crate::model::by_new);
            b
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
                cat: from
                    .filter(|d| d % 3 == 0)
                    .map(|d| ["보도자료", "공지", "없음"][d as usize % 9 / 3].to_string()),
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
            prop_assert!(pieces.iter().filter(|(_, hit)| *hit).all(|(t, _)| !t.is_empty()));
            let p = PostSummary::new(1, text, Date::new(2025, 1, 1).unwrap());
            for f in Field::ALL {
                let _ = matches(&p, &q, f);
            }
        }

        /// Exactly the matching posts are selected, each once, in the order of §3, and
        /// pagination puts every one of them on exactly one page, in that order.
        #[test]
        fn filter_sort_paginate(board in arb_board(), params in arb_params()) {
            let rows = select(&board, &params, None);
            let expected: Vec<usize> = (0..board.posts.len()).filter(|&i| {
                let p = &board.posts[i];
                matches(p, &params.q, params.field)
                    && params.dept.as_ref().is_none_or(|d| p.dept.as_deref() == Some(d.as_str()))
                    && params.cat.as_ref().is_none_or(|c| p.category.as_deref() == Some(c.as_str()))
                    && params.from.is_none_or(|f| p.date >= f)
            }).collect();
            let mut sorted = rows.clone();
            sorted.sort();
            prop_assert_eq!(&sorted, &expected);
            let sort = params.effective_sort();
            let r = |i: usize| Query::parse(&params.q)
                .and_then(|q| SearchKeys::rank_one(&board.posts[i], &q, params.field))
                .unwrap_or(0);
            for w in rows.windows(2) {
                let (a, b) = ((&board.posts[w[0]], r(w[0])), (&board.posts[w[1]], r(w[1])));
                prop_assert_ne!(compare(sort, a, b), Ordering::Greater);
            }
            let last = Pagination::new(rows.len(), 1, params.size).last;
            let mut paged = Vec::new();
            for page in 1..=last {
                paged.extend_from_slice(&rows[Pagination::new(rows.len(), page, params.size).rows()]);
            }
            prop_assert_eq!(paged, rows);
        }

        /// Body hits arriving after a search's other hits (merged into its rows) give
        /// exactly the rows of a fresh search that had them from the start.
        #[test]
        fn body_hits_merged_in_select_what_a_fresh_search_does(
            board in arb_board(),
            params in arb_params(),
            body in proptest::collection::btree_set(0u32..5_000, 0..60),
            field in proptest::sample::select(Field::ALL.to_vec()),
        ) {
            let params = ListParams { field, ..params };
            let body: Vec<u32> = body.into_iter().collect();
            let _ = select(&board, &params, None);
            let merged = select(&board, &params, Some(&body));
            let fresh = select(&board.clone(), &params, Some(&body));
            prop_assert_eq!(merged, fresh, "{:?}", params.q);
        }

        /// Typing a search on (each step searching among the last step's rows) selects
        /// exactly what a fresh search selects, whatever the steps and the body hits.
        #[test]
        fn typing_on_selects_what_a_fresh_search_does(
            board in arb_board(),
            params in arb_params(),
            typed in "[가각간나ab ]{1,6}",
            bodies in proptest::collection::vec(proptest::option::of(proptest::collection::btree_set(1u32..5_000, 0..40)), 6),
            field in proptest::sample::select(Field::ALL.to_vec()),
        ) {
            let chars: Vec<char> = typed.chars().collect();
            // The body index's answers narrow too (a longer query names more pairs).
            let mut known: Option<std::collections::BTreeSet<u32>> = None;
            for (n, body) in (1..=chars.len()).zip(&bodies) {
                let now = ListParams { q: chars[..n].iter().collect(), field, ..params.clone() };
                let body = body.as_ref().map(|b| match &known {
                    Some(k) => b.intersection(k).copied().collect(),
                    None => b.clone(),
                });
                if body.is_some() {
                    known = body.clone();
                }
                let body: Option<Vec<u32>> = body.map(|b| b.into_iter().collect());
                let typed_on = select(&board, &now, body.as_deref());
                let fresh = select(&board.clone(), &now, body.as_deref());
                prop_assert_eq!(typed_on, fresh, "{:?}", now.q);
            }
        }
    }
}
