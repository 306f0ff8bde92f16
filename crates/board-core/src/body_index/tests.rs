use super::*;
use crate::search::Query;
use std::collections::BTreeSet;
use std::rc::Rc;

/// The index's files, decoded, by path.
type Built = (IndexMeta, std::collections::HashMap<String, Rc<IndexShard>>);

fn build(bodies: &[(u32, &str)]) -> Built {
    build_with(bodies, TARGET_SHARD_BYTES)
}

/// With `apart_over: 0`, every list is apart.
fn build_with(bodies: &[(u32, &str)], apart_over: usize) -> Built {
    let mut b = IndexBuilder::default();
    for (no, text) in bodies {
        b.add(*no, text);
    }
    let (meta, files) = b.finish_with(apart_over);
    let files = files
        .into_iter()
        .map(|(path, bytes)| (path, Rc::new(IndexShard::decode(bytes).unwrap())))
        .collect();
    (meta, files)
}

fn file(idx: &Built, f: ListFile) -> Option<Rc<IndexShard>> {
    idx.1.get(&f.path(index_path)).cloned()
}

/// The search, from the shards and then the lists apart its plan names, and no others.
fn search(idx: &Built, q: &str) -> Option<Vec<u32>> {
    let plan = Plan::new(&Query::parse(q)?)?;
    let shards = plan.shards(idx.0.shards);
    let have =
        |f: ListFile| (f.apart.is_none() && shards.contains(&f.shard)).then(|| file(idx, f))?;
    let apart = plan.apart(idx.0.shards, &have).unwrap();
    let have = |f: ListFile| (have(f).is_some() || apart.contains(&f)).then(|| file(idx, f))?;
    Some(run_with(&plan, idx.0.shards, have).unwrap())
}

const BODIES: [(u32, &str); 5] = [
    (1, "고용노동부는 임금체불 사업주를 점검했다."),
    (2, "환경부는 화학제품 안전 기준을 강화한다."),
    (3, "임금 체불 근절을 위한 토론회"),
    (7, "ESG 공시 가이드라인과 개우리 마을"),
    (300, "고용 안정과 노동 시장"),
];

#[test]
fn substring_spacing_and_terms() {
    let idx = build(&BODIES);
    assert_eq!(search(&idx, "노동부"), Some(vec![1]));
    assert_eq!(search(&idx, "임금체불"), Some(vec![1, 3]));
    assert_eq!(search(&idx, "임금 체불"), Some(vec![1, 3]));
    assert_eq!(search(&idx, "고용 시장"), Some(vec![300]));
    assert_eq!(search(&idx, "esg"), Some(vec![7]));
    assert_eq!(search(&idx, "ＥＳＧ"), Some(vec![7]));
    assert_eq!(search(&idx, "없는말"), Some(vec![]));
}

#[test]
fn syllable_being_typed() {
    let idx = build(&BODIES);
    assert_eq!(search(&idx, "화학제푸"), Some(vec![2]));
    assert_eq!(search(&idx, "고요"), Some(vec![1, 300]));
    assert_eq!(search(&idx, "개울"), Some(vec![7]));
    assert_eq!(search(&idx, "환"), Some(vec![2]));
}

#[test]
fn chosung_does_not_search_bodies() {
    assert_eq!(search(&build(&BODIES), "ㅇㄱㅊㅂ"), None);
    assert_eq!(search(&build(&BODIES), "고용ㄴㄷ"), None);
}

#[test]
fn one_shard_per_pair_even_while_typing() {
    let plan = Plan::new(&Query::parse("고요").unwrap()).unwrap();
    assert_eq!(plan.shards(512).len(), 1);
    let plan = Plan::new(&Query::parse("임금체불").unwrap()).unwrap();
    assert!(plan.shards(512).len() <= 3);
}

#[test]
fn each_list_is_decoded_once_and_work_stops_at_nothing() {
    let idx = build(&BODIES);
    let lookups = std::cell::Cell::new(0);
    let distinct = std::cell::Cell::new(0);
    let run = |q: &str| {
        lookups.set(0);
        let plan = Plan::new(&Query::parse(q).unwrap()).unwrap();
        let keys: BTreeSet<Key> = plan
            .joined
            .iter()
            .chain(plan.terms.iter().flatten())
            .flatten()
            .copied()
            .collect();
        distinct.set(keys.len());
        plan.run(|k| {
            lookups.set(lookups.get() + 1);
            file(&idx, ListFile::shard(shard_of(k, idx.0.shards)))
                .unwrap()
                .postings(k)
        })
        .unwrap()
    };
    // 임금 appears in the joined query and in both terms: its list is read once.
    assert_eq!(run("임금 임금체불"), vec![1, 3]);
    assert_eq!(lookups.get(), distinct.get());
    // A first term with no post ends the work before the others are read.
    assert_eq!(run("없음 고용 노동 임금 환경"), Vec::<u32>::new());
    // (its first term's one pair, whose last syllable may still be being typed: 28 keys)
    assert!(
        lookups.get() <= 28 && lookups.get() * 4 < distinct.get(),
        "{} of {}",
        lookups.get(),
        distinct.get()
    );
}

#[test]
fn bitmaps_and_deltas_round_trip() {
    // Dense numbers become a bitmap, sparse ones a delta list: both decode to the input.
    let mut b = IndexBuilder::default();
    let dense: Vec<u32> = (1000..3000).collect();
    for &no in &dense {
        b.add(
            no,
            if no % 500 == 0 {
                "가나 희귀"
            } else {
                "가나"
            },
        );
    }
    let (meta, files) = b.finish();
    let files: Vec<_> = files
        .into_iter()
        .map(|(_, f)| Rc::new(IndexShard::decode(f).unwrap()))
        .collect();
    assert_eq!(files.len(), meta.shards as usize, "small lists: none apart");
    let get = |k: Key| {
        files[shard_of(k, meta.shards) as usize]
            .postings(k)
            .unwrap()
    };
    assert_eq!(get(('가', Some('나'))), dense);
    assert_eq!(get(('희', Some('귀'))), vec![1000, 1500, 2000, 2500]);
}

#[test]
fn broken_files_are_errors_not_panics() {
    let (_, files) = {
        let mut b = IndexBuilder::default();
        b.add(1, "가나다");
        b.finish()
    };
    let bytes = &files[0].1;
    for cut in 0..bytes.len() {
        let _ = IndexShard::decode(bytes[..cut].to_vec()).map(|s| s.postings(('가', None)));
    }
    assert!(IndexShard::decode(b"<html>".to_vec()).is_err());
    let mut long = bytes.clone();
    long.push(0);
    assert!(IndexShard::decode(long).is_err());
}

mod props {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Recall is total: every body the query engine matches is a candidate, for any
        /// query without 초성 (substring, spaced, AND terms, syllable being typed). For a
        /// query of one or two characters ending without a final consonant the candidates
        /// are exactly the matches.
        #[test]
        fn every_match_is_a_candidate(
            bodies in proptest::collection::vec("[가-깋나 a-c]{0,30}", 1..40),
            q in "[가-깋나a-c]{1,4}( [가-깋나]{1,2})?",
        ) {
            let numbered: Vec<(u32, &str)> = bodies.iter().enumerate().map(|(i, b)| (i as u32 * 3 + 1, b.as_str())).collect();
            let idx = build(&numbered);
            let query = Query::parse(&q).unwrap();
            let found = search(&idx, &q).unwrap();
            // The same answer with every list in a file of its own.
            prop_assert_eq!(&search(&build_with(&numbered, 0), &q).unwrap(), &found);
            let oracle: Vec<u32> = numbered.iter().filter(|(_, b)| query.find(&Haystack::new(b)).is_some()).map(|(n, _)| *n).collect();
            prop_assert!(oracle.iter().all(|n| found.contains(n)), "{:?}: oracle {:?} found {:?}", q, oracle, found);
            let plain: Vec<char> = q.chars().collect();
            let open_end = parts(plain[plain.len() - 1]).is_none_or(|p| p.2 == 0);
            if plain.len() <= 2 && !q.contains(' ') && open_end {
                prop_assert_eq!(found, oracle);
            }
        }
    }
}
