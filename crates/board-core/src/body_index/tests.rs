use super::*;
use crate::search::Query;
use std::collections::BTreeSet;
use std::rc::Rc;

/// The index's files, decoded, by path, and its common pairs.
type Built = (
    IndexMeta,
    std::collections::HashMap<String, Rc<IndexShard>>,
    Vec<(u32, u32)>,
);

fn build(bodies: &[(u32, &str)]) -> Built {
    build_with(bodies, TARGET_SHARD_BYTES)
}

/// With `apart_over: 0`, every list is apart.
fn build_with(bodies: &[(u32, &str)], apart_over: usize) -> Built {
    let mut b = IndexBuilder::default();
    for (no, text) in bodies {
        b.add(*no, text);
    }
    decoded(b.finish_with(apart_over))
}

/// With triples of every pair over `dense_over` bytes (0: of every pair).
fn build_triples(bodies: &[(u32, &str)], apart_over: usize, dense_over: usize) -> Built {
    let mut b = IndexBuilder::default();
    let folded: Vec<(u32, String)> = (bodies.iter())
        .map(|&(no, text)| (no, b.add(no, text)))
        .collect();
    let replay = |f: &mut dyn FnMut(u32, &str)| {
        folded.iter().for_each(|(no, text)| f(*no, text));
        Ok::<(), ()>(())
    };
    decoded(b.triples_with(apart_over, dense_over, replay).unwrap())
}

fn decoded((meta, files): (IndexMeta, Vec<(String, Vec<u8>)>)) -> Built {
    let mut common = Vec::new();
    let mut shards = std::collections::HashMap::new();
    for (path, bytes) in files {
        if path == DENSE_PATH {
            common = decode_dense(&bytes).unwrap();
        } else {
            shards.insert(path, Rc::new(IndexShard::decode(bytes).unwrap()));
        }
    }
    assert_eq!(meta.triples, !common.is_empty());
    (meta, shards, common)
}

fn file(idx: &Built, f: ListFile) -> Option<Rc<IndexShard>> {
    idx.1.get(&f.path(index_path)).cloned()
}

fn plan(idx: &Built, q: &str) -> Option<Plan> {
    let plan = Plan::new(&Query::parse(q)?)?;
    Some(match idx.0.triples {
        true => plan.tightened(&idx.2),
        false => plan,
    })
}

/// The search, from the shards and then the lists apart its plan names, and no others.
fn search(idx: &Built, q: &str) -> Option<Vec<u32>> {
    let plan = plan(idx, q)?;
    let shards = plan.shards(idx.0.shards);
    let have =
        |f: ListFile| (f.apart.is_none() && shards.contains(&f.shard)).then(|| file(idx, f))?;
    let apart = plan.apart(idx.0.shards, &have).unwrap();
    let have = |f: ListFile| (have(f).is_some() || apart.contains(&f)).then(|| file(idx, f))?;
    Some(run_with(&plan, idx.0.shards, have).unwrap())
}

/// The distinct keys a plan reads.
fn keys_of(plan: &Plan) -> BTreeSet<Key> {
    (plan.joined.iter())
        .chain(plan.terms.iter().flatten())
        .flatten()
        .copied()
        .collect()
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
        distinct.set(keys_of(&plan).len());
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

#[test]
fn triples_read_a_long_word_in_fewer_lists() {
    let idx = build_triples(&BODIES, TARGET_SHARD_BYTES, 0);
    let pairs = Plan::new(&Query::parse("고용노동부").unwrap()).unwrap();
    let tight = plan(&idx, "고용노동부").unwrap();
    assert_eq!((pairs.joined.len(), tight.joined.len()), (4, 2));
    assert!(pairs.may_tighten());
    // Two characters are one pair: nothing a triple could stand for.
    let two = Plan::new(&Query::parse("고용 노동").unwrap()).unwrap();
    assert!(
        two.may_tighten(),
        "the joined query 고용노동 has four characters"
    );
    let two = Plan::new(&Query::parse("고용").unwrap()).unwrap();
    assert!(!two.may_tighten());
    assert_eq!(two.tightened(&idx.2), two);
    assert_eq!(search(&idx, "고용노동부"), Some(vec![1]));
    // Scattered pairs no longer make a candidate: 고용 and 용노 apart are not 고용노.
    let scattered = [(1, "고용 상황, 용노 씨"), (2, "고용노동")];
    assert_eq!(search(&build(&scattered), "고용노"), Some(vec![1, 2]));
    assert_eq!(
        search(&build_triples(&scattered, TARGET_SHARD_BYTES, 0), "고용노"),
        Some(vec![2])
    );
    // The syllable being typed after a common pair: every ending in one file.
    assert_eq!(search(&idx, "임금체부"), Some(vec![1, 3]));
    assert_eq!(
        tight_shards(&idx, "임금체부"),
        tight_shards(&idx, "임금체불")
    );
    // Each of the three-syllable words of the bodies, with its triple.
    assert_eq!(search(&idx, "화학제"), Some(vec![2]));
    assert_eq!(search(&idx, "임금 체불"), Some(vec![1, 3]));
}

fn tight_shards(idx: &Built, q: &str) -> usize {
    plan(idx, q).unwrap().shards(idx.0.shards).len()
}

#[test]
fn text_in_plane_16_is_not_mistaken_for_a_triple() {
    // U+100000 is the first common pair's character: a body holding it keeps no key of it.
    let bodies = [(1, "가나다"), (2, "\u{100000}다 가나")];
    let idx = build_triples(&bodies, TARGET_SHARD_BYTES, 0);
    assert_eq!(search(&idx, "가나다"), Some(vec![1]));
    assert_eq!(search(&idx, "다"), Some(vec![1, 2]));
    assert_eq!(search(&idx, "\u{100000}다"), Some(vec![]));
}

#[test]
fn a_broken_common_pairs_file_is_an_error() {
    let (_, files) = {
        let mut b = IndexBuilder::default();
        let text = b.add(1, "가나다");
        let replay = |f: &mut dyn FnMut(u32, &str)| {
            f(1, &text);
            Ok::<(), ()>(())
        };
        b.triples_with(TARGET_SHARD_BYTES, 0, replay).unwrap()
    };
    let bytes = &files.iter().find(|f| f.0 == DENSE_PATH).unwrap().1;
    assert_eq!(
        decode_dense(bytes).unwrap(),
        vec![('가' as u32, '나' as u32), ('나' as u32, '다' as u32)]
    );
    for cut in 0..bytes.len() {
        assert!(decode_dense(&bytes[..cut]).is_err());
    }
    let mut long = bytes.clone();
    long.push(0);
    assert!(decode_dense(&long).is_err());
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
            // With triples of every pair, or of the pairs over a few bytes: every match still,
            // and no candidate the pairs did not name.
            for dense_over in [0, 4] {
                let tight = search(&build_triples(&numbered, TARGET_SHARD_BYTES, dense_over), &q).unwrap();
                prop_assert!(oracle.iter().all(|n| tight.contains(n)), "{:?} (triples over {}): oracle {:?} found {:?}", q, dense_over, oracle, tight);
                prop_assert!(tight.iter().all(|n| found.contains(n)), "{:?}: triples {:?} pairs {:?}", q, tight, found);
                prop_assert_eq!(&search(&build_triples(&numbered, 0, dense_over), &q).unwrap(), &tight);
            }
            let plain: Vec<char> = q.chars().collect();
            let open_end = parts(plain[plain.len() - 1]).is_none_or(|p| p.2 == 0);
            if plain.len() <= 2 && !q.contains(' ') && open_end {
                prop_assert_eq!(found, oracle);
            }
        }
    }
}
