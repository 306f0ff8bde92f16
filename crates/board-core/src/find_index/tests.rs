use super::*;
use crate::varint::put_varint;
use crate::{BoardIndex, BoardMeta, Date, Field, ListParams, PostSummary, Sort};
use build::encode_places;
use proptest::prelude::*;

/// The board's index files, decoded, as the app would have them.
struct Built {
    meta: FindMeta,
    /// Every `find/` list file (shards, pairs, lists apart), by path.
    files: std::collections::HashMap<String, Rc<FindShard>>,
    names: Names,
    order: Vec<u32>,
    dense: Vec<FindKey>,
}

fn build(board: &BoardIndex) -> Built {
    build_with(board, TARGET_SHARD_BYTES, TARGET_SHARD_BYTES)
}

/// With `apart_over: 0`, every list is apart; with `dense_over: 0`, every pair is common (and
/// every triple indexed).
fn build_with(board: &BoardIndex, apart_over: usize, dense_over: usize) -> Built {
    let mut b = FindBuilder::default();
    for p in &board.posts {
        b.add(p);
    }
    let (meta, out) = b.finish_with(apart_over, dense_over);
    let mut files = std::collections::HashMap::new();
    let (mut names, mut order, mut dense) = (Names::default(), Vec::new(), Vec::new());
    for (path, bytes) in out {
        if path == NAMES_PATH {
            names = serde_json::from_slice(&bytes).unwrap();
        } else if path == ORDER_PATH {
            order = decode_order(&bytes).unwrap();
        } else if path == DENSE_PATH {
            dense = decode_dense(&bytes).unwrap();
        } else {
            files.insert(path, Rc::new(FindShard::decode(bytes).unwrap()));
        }
    }
    assert!(meta.pairs);
    for i in 0..meta.shards {
        assert!(files.contains_key(&find_path(i)) && files.contains_key(&pairs_path(i)));
    }
    Built {
        meta,
        files,
        names,
        order,
        dense,
    }
}

/// The search answered from the files the plan names and no others — its shards, then the
/// lists apart they point to; `pairs: false` reads as a dataset written before `find/pairs/`
/// (every pair from `find/<i>.bin`).
fn run(
    idx: &Built,
    count: usize,
    params: &ListParams,
    in_body: &[bool],
    pairs: bool,
) -> Vec<usize> {
    // A dataset without triples (or read as one) is planned without common pairs.
    let dense = idx.meta.triples.then_some(idx.dense.as_slice());
    let plan = FindPlan::new(&params.q, params.field, &idx.names, dense).expect("a query");
    let meta = FindMeta { pairs, ..idx.meta };
    let (needed, needed_pairs) = plan.files(&meta);
    if !pairs {
        assert!(needed_pairs.is_empty());
    }
    let get = |f: ListFile, path: fn(u32) -> String| idx.files.get(&f.path(path)).cloned();
    let file = |f: ListFile| {
        (f.apart.is_none() && needed.contains(&f.shard)).then(|| get(f, find_path))?
    };
    let pair = |f: ListFile| {
        (f.apart.is_none() && needed_pairs.contains(&f.shard)).then(|| get(f, pairs_path))?
    };
    let (apart, apart_pairs) = plan.apart(&meta, &file, &pair).unwrap();
    find_with(
        &plan,
        &meta,
        count,
        params.effective_sort(),
        in_body,
        |f| (file(f).is_some() || apart.contains(&f)).then(|| get(f, find_path))?,
        |f| (pair(f).is_some() || apart_pairs.contains(&f)).then(|| get(f, pairs_path))?,
    )
    .unwrap()
}

fn board(posts: Vec<(u32, String, Option<String>, Option<String>)>) -> BoardIndex {
    let mut posts: Vec<PostSummary> = posts
        .into_iter()
        .map(|(no, title, author, dept)| {
            let mut p =
                PostSummary::new(no, title, Date::new(2025, 1, 1 + (no % 28) as u8).unwrap());
            p.author = author.map(Into::into);
            p.dept = dept.map(Into::into);
            p
        })
        .collect();
    posts.sort_by(crate::model::by_new);
    BoardIndex {
        schema_version: 2,
        board: BoardMeta {
            name: "b".into(),
            synthetic: false,
            ..Default::default()
        },
        posts,
        departments: Vec::new(),
        categories: Vec::new(),
        search_keys: Default::default(),
        by_no: Default::default(),
        last_search: Default::default(),
        body_index: None,
        find: None,
    }
}

#[test]
fn every_rule_of_the_engine() {
    let b = board(vec![
        (
            1,
            "고용노동부 임금체불 근절".into(),
            Some("관리자".into()),
            Some("고용노동부".into()),
        ),
        (
            2,
            "개우리 마을 닭 달걀".into(),
            Some("홍보담당관".into()),
            Some("환경부".into()),
        ),
        (3, "임금 체불 ㄱ 다ㄹ".into(), None, None),
        (
            4,
            "화학제품 안전".into(),
            Some("관리자".into()),
            Some("환경부".into()),
        ),
        (5, "ESG 공시 Ｅｓｇ".into(), None, Some("금융위원회".into())),
    ]);
    let idx = build(&b);
    for q in [
        "고용",
        "고요",
        "임금체불",
        "임금 체불",
        "체불 근절 임금",
        "ㅇㄱㅊㅂ",
        "고용ㄴㄷ",
        "개울",
        "달",
        "닭",
        "다ㄹ",
        "ㄱ",
        "화학제푸",
        "esg",
        "관리",
        "환경",
        "ㅎㄱ",
        "없는말",
        "a",
        "다",
    ] {
        for field in [Field::All, Field::Title, Field::Author] {
            for sort in [Sort::New, Sort::Old, Sort::Relevance] {
                let params = ListParams {
                    q: q.into(),
                    field,
                    sort: Some(sort),
                    ..Default::default()
                };
                for pairs in [true, false] {
                    assert_eq!(
                        run(&idx, b.posts.len(), &params, &[], pairs),
                        crate::select(&b, &params, None),
                        "{q} {field:?} {sort:?} pairs: {pairs}"
                    );
                }
            }
        }
    }
    assert_eq!(idx.order, b.posts.iter().map(|p| p.no).collect::<Vec<_>>());
}

#[test]
fn broken_files_are_errors() {
    let b = board(vec![(1, "고용노동부".into(), None, None)]);
    let mut f = FindBuilder::default();
    f.add(&b.posts[0]);
    let (_, files) = f.finish();
    for (path, bytes) in files.into_iter().filter(|(p, _)| p.ends_with(".bin")) {
        for cut in 0..bytes.len() {
            if path == ORDER_PATH {
                assert!(decode_order(&bytes[..cut]).is_err() || cut == bytes.len());
            } else if let Ok(s) = FindShard::decode(bytes[..cut].to_vec()) {
                let _ = s.postings(('고' as u32, '용' as u32));
            }
        }
    }
    assert!(FindShard::decode(b"<html>".to_vec()).is_err());
    // A count far beyond the bytes: an error or a short list, never a huge allocation.
    for kind in [KIND_PLACES, KIND_COLUMNS] {
        let mut evil = MAGIC.to_vec();
        evil.extend([1, 1, 1, kind, 0xff, 0xff, 0xff, 0xff, 0x0f, 0]);
        let s = FindShard::decode(evil).unwrap();
        assert!(s.postings((1, 1)).is_err());
    }
}

/// Lists with places from older builders (kind 2, gap and place interleaved) read as the
/// columns the builder writes now.
#[test]
fn both_layouts_of_places_read_the_same() {
    let list = [(3, 1), (3, 4), (9, 0), (200, 7), (200, 8)];
    let mut interleaved = Vec::new();
    for (i, &(post, place)) in list.iter().enumerate() {
        let same = i > 0 && list[i - 1].0 == post;
        let gap = if same {
            0
        } else {
            post - if i == 0 { 0 } else { list[i - 1].0 }
        };
        let place = if same { place - list[i - 1].1 } else { place };
        put_varint(&mut interleaved, gap as u64);
        put_varint(&mut interleaved, place as u64);
    }
    for (kind, bytes) in [
        (KIND_PLACES, interleaved),
        (KIND_COLUMNS, encode_places(&list)),
    ] {
        let mut file = MAGIC.to_vec();
        put_varint(&mut file, 1);
        crate::varint::put_entry(&mut file, (5, 6), kind, list.len() as u32, &bytes);
        let s = FindShard::decode(file).unwrap();
        assert_eq!(
            *s.postings((5, 6)).unwrap(),
            Postings::Places(list.to_vec()),
            "kind {kind}"
        );
    }
}

/// Two keys whose places are always two apart (고용노, 노동부) share one list apart, each
/// reading its own places; a list one place off has its own file.
#[test]
fn places_moved_by_a_number_share_one_list() {
    let list = [(3, 1), (3, 4), (9, 0), (200, 7), (200, 8)];
    let moved: Vec<(u32, u32)> = list
        .iter()
        .map(|&(post, place)| (post, place + 2))
        .collect();
    let mut off = list.to_vec();
    off[3].1 += 1;
    let places =
        |key, list: &[(u32, u32)]| (key, KIND_COLUMNS, list.len() as u32, encode_places(list));
    let encoded = vec![
        places((5, 6), &moved),
        places((5, 7), &list),
        places((5, 8), &off),
    ];
    let out = build::shard_files(encoded, 1, 0, find_path);
    assert_eq!(
        out.len(),
        3,
        "{:?}",
        out.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    let files: std::collections::HashMap<String, Rc<FindShard>> = (out.into_iter())
        .map(|(p, b)| (p, Rc::new(FindShard::decode(b).unwrap())))
        .collect();
    let get = |f: ListFile| files.get(&f.path(find_path)).cloned();
    for (key, want) in [
        ((5, 6), moved.clone()),
        ((5, 7), list.to_vec()),
        ((5, 8), off),
    ] {
        let file = crate::apart::lookup(key, 0, &get, malformed).unwrap();
        assert_eq!(
            *file.postings(key).unwrap(),
            Postings::Places(want),
            "{key:?}"
        );
    }
    // A shift that would take a place below 0 is a broken file, not a wrapped number.
    let mut file = MAGIC.to_vec();
    put_varint(&mut file, 2);
    crate::varint::put_entry(&mut file, (5, 6), KIND_COLUMNS, 5, &encode_places(&list));
    let mut shift = Vec::new();
    crate::varint::put_signed(&mut shift, -1);
    crate::varint::put_entry(&mut file, (5, 7), crate::apart::SAME, 5, &shift);
    let s = FindShard::decode(file).unwrap();
    assert!(s.postings((5, 7)).is_err());
}

fn arb_text() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        proptest::sample::select(vec![
            "고", "용", "요", "공", "노", "동", "부", "달", "다", "닭", "리", "개", "우", "울",
            "ㄱ", "ㄹ", "ㅇ", " ", "a", "B",
        ]),
        0..9,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Exactly the rows, in exactly the order, of a search over the whole list.
    #[test]
    fn the_index_answers_what_the_whole_list_does(
        posts in proptest::collection::btree_map(
            1u32..400,
            (arb_text(), proptest::option::of(proptest::sample::select(vec!["관리자", "고용 담당", "다울"])),
             proptest::option::of(proptest::sample::select(vec!["고용노동부", "환경부", "ㄱ부"]))),
            0..60,
        ),
        q in arb_text(),
        field in proptest::sample::select(vec![Field::All, Field::Title, Field::Author, Field::Body]),
        sort in proptest::sample::select(vec![Sort::New, Sort::Old, Sort::Relevance]),
        body in proptest::option::of(proptest::collection::btree_set(1u32..400, 0..30)),
        common in proptest::sample::select(vec![0usize, 2, 4, 8]),
    ) {
        let b = board(posts.into_iter().map(|(no, (t, a, d))| (no, t, a.map(String::from), d.map(String::from))).collect());
        let params = ListParams { q, field, sort: Some(sort), ..Default::default() };
        prop_assume!(answers(&params));
        let idx = build(&b);
        let body: Option<Vec<u32>> = body.map(|s| s.into_iter().collect());
        // The app turns body hits (번호) into positions through find/order.bin.
        let in_body: Vec<bool> = match &body {
            Some(hits) => idx.order.iter().map(|no| hits.binary_search(no).is_ok()).collect(),
            None => Vec::new(),
        };
        let want = crate::select(&b, &params, body.as_deref());
        prop_assert_eq!(run(&idx, b.posts.len(), &params, &in_body, true), want.clone());
        prop_assert_eq!(run(&idx, b.posts.len(), &params, &in_body, false), want.clone());
        // Every list in a file of its own: the same answer.
        let apart = build_with(&b, 0, TARGET_SHARD_BYTES);
        prop_assert_eq!(run(&apart, b.posts.len(), &params, &in_body, true), want.clone());
        prop_assert_eq!(run(&apart, b.posts.len(), &params, &in_body, false), want.clone());
        // Pairs common (triples indexed) over `common` bytes: every one, some, none.
        let mut triples = build_with(&b, TARGET_SHARD_BYTES, common);
        prop_assert_eq!(run(&triples, b.posts.len(), &params, &in_body, true), want.clone());
        // A dataset from before the triples: read by its pairs alone.
        triples.meta.triples = false;
        prop_assert_eq!(run(&triples, b.posts.len(), &params, &in_body, true), want);
    }
}

/// A dataset written before the rows per file were recorded has 100 a file; the builder's own
/// are recorded, and a position's file and place follow them.
#[test]
fn rows_files_follow_the_recorded_size() {
    let old: FindMeta = serde_json::from_str(r#"{"shards":4}"#).unwrap();
    assert_eq!(old.rows, 100);
    assert_eq!(old.rows_file(250), (2, 50));
    let (meta, _) = FindBuilder::default().finish();
    assert_eq!(meta.rows, ROWS_PER_FILE);
    let per = ROWS_PER_FILE as usize;
    assert_eq!(meta.rows_file(2 * per + 10), (2, 10));
    assert_eq!(rows_path(1234), "find/rows/1/1234.json");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    /// Queries cut out of the titles themselves, one character perhaps changed: long chains
    /// that nearly match, where reading too few of a chain's pairs would let a miss through.
    #[test]
    fn near_misses_are_told_apart(
        titles in proptest::collection::vec(arb_text(), 1..40),
        pick in any::<proptest::sample::Index>(),
        start in any::<proptest::sample::Index>(),
        len in 3usize..9,
        change in proptest::option::of((any::<proptest::sample::Index>(), proptest::sample::select(vec!["고", "용", "동", "ㄱ", "a"]))),
        field in proptest::sample::select(vec![Field::All, Field::Title]),
        sort in proptest::sample::select(vec![Sort::New, Sort::Relevance]),
        common in proptest::sample::select(vec![2usize, 4, 8]),
    ) {
        // Cut from a title long enough (rejecting every short pick would abort the run).
        let long: Vec<&String> = titles.iter().filter(|t| t.chars().count() >= 3).collect();
        prop_assume!(!long.is_empty());
        let source: Vec<char> = pick.get(&long).chars().collect();
        let len = len.min(source.len());
        let from = start.index(source.len() - len + 1);
        let mut q: Vec<String> = source[from..from + len].iter().map(|c| c.to_string()).collect();
        if let Some((at, with)) = change {
            let at = at.index(len);
            q[at] = with.to_string();
        }
        let b = board(titles.into_iter().enumerate().map(|(i, t)| (i as u32 + 1, t, None, None)).collect());
        let params = ListParams { q: q.concat(), field, sort: Some(sort), ..Default::default() };
        prop_assume!(answers(&params));
        let want = crate::select(&b, &params, None);
        prop_assert_eq!(run(&build(&b), b.posts.len(), &params, &[], true), want.clone());
        prop_assert_eq!(run(&build_with(&b, 0, 0), b.posts.len(), &params, &[], true), want.clone());
        prop_assert_eq!(run(&build_with(&b, TARGET_SHARD_BYTES, common), b.posts.len(), &params, &[], true), want);
    }
}

/// A triple whose first pair is rare and second common (고용 once, 용노 in every title) is
/// indexed by the common one and found by it: the cover reads neither pair's list.
#[test]
fn a_triple_is_found_by_its_common_pair() {
    let mut posts = vec![(1, "고용노동부 발표".to_string(), None, None)];
    posts.extend((2..8).map(|no| (no, format!("{no}용노동"), None, None)));
    let b = board(posts);
    let idx = build_with(&b, TARGET_SHARD_BYTES, 8);
    assert!(idx.dense.contains(&('용' as u32, '노' as u32)));
    assert!(!idx.dense.contains(&('고' as u32, '용' as u32)));
    for q in ["고용노", "고용노동", "ㄱㅇㄴ", "용노동부"] {
        let params = ListParams {
            q: q.into(),
            field: Field::Title,
            ..Default::default()
        };
        let plan = FindPlan::new(q, Field::Title, &idx.names, Some(&idx.dense)).unwrap();
        let common: Vec<FindKey> = (plan.keys().into_iter())
            .filter(|k| idx.dense.contains(k))
            .collect();
        assert_eq!(common, [], "{q}: a common pair read");
        let want = crate::select(&b, &params, None);
        assert_eq!(run(&idx, b.posts.len(), &params, &[], true), want, "{q}");
    }
}
