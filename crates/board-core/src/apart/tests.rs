use super::*;
use crate::body_index::{index_path, IndexBuilder, IndexShard};
use std::collections::HashMap;

fn sorted_paths(f: &HashMap<String, Rc<IndexShard>>) -> Vec<&str> {
    let mut paths: Vec<&str> = f.keys().map(|p| p.as_str()).collect();
    paths.sort();
    paths
}

fn files(bodies: &[&str], apart_over: usize) -> HashMap<String, Rc<IndexShard>> {
    let mut b = IndexBuilder::default();
    for (i, t) in bodies.iter().enumerate() {
        b.add(i as u32 + 1, t);
    }
    let (meta, out) = b.finish_with(apart_over);
    assert_eq!(meta.shards, 1);
    (out.into_iter())
        .map(|(p, b)| (p, Rc::new(IndexShard::decode(b).unwrap())))
        .collect()
}

#[test]
fn big_lists_of_a_shared_shard_go_apart_beside_it() {
    assert_eq!(ListFile::shard(7).path(index_path), "index/7.bin");
    let seven = ListFile {
        shard: 7,
        apart: Some(2),
    };
    assert_eq!(seven.path(index_path), "index/7/2.bin");
    // 가나 and its two characters: three keys in the one shard, three lists, all over 0
    // bytes (가 in posts 1 and 2, 나 in 1 and 3, 가나 in 1).
    let f = files(&["가나", "가", "나"], 0);
    assert_eq!(
        sorted_paths(&f),
        [
            "index/0.bin",
            "index/0/0.bin",
            "index/0/1.bin",
            "index/0/2.bin"
        ]
    );
    let get = |l: ListFile| f.get(&l.path(index_path)).cloned();
    let held = lookup(('가', Some('나')), 0, &get, crate::body_index::malformed).unwrap();
    assert_eq!(held.postings(('가', Some('나'))).unwrap(), vec![1]);
    assert!(f["index/0.bin"].postings(('가', Some('나'))).is_err());
    // Small lists stay; a big one goes even when it is its shard's only key.
    assert_eq!(files(&["가나"], 100).len(), 1);
    assert_eq!(files(&["가"], 0).len(), 2);
}

#[test]
fn a_list_apart_that_is_missing_or_wrong_is_an_error() {
    let f = files(&["가나", "가", "나"], 0);
    let key = ('가', Some('나'));
    let broken = crate::body_index::malformed;
    let shard_only = |l: ListFile| l.apart.is_none().then(|| f["index/0.bin"].clone());
    assert!(lookup(key, 0, &shard_only, broken).is_err());
    // Every list apart answered with the file of another key.
    let wrong = |l: ListFile| match l.apart {
        None => Some(f["index/0.bin"].clone()),
        Some(j) => f.get(&format!("index/0/{}.bin", (j + 1) % 3)).cloned(),
    };
    assert!(lookup(key, 0, &wrong, broken).is_err());
    assert_eq!(needed([(key, 0)], &shard_only, broken).unwrap().len(), 1);
}

/// An entry as stored: key, kind, count, bytes.
type Raw = ((u32, u32), u8, u32, Vec<u8>);

/// A body index file of `entries`, as the builder writes one.
fn raw(entries: &[Raw]) -> Vec<u8> {
    let mut b = crate::body_index::MAGIC.to_vec();
    put_varint(&mut b, entries.len() as u64);
    for (key, kind, count, bytes) in entries {
        put_entry(&mut b, *key, *kind, *count, bytes);
    }
    b
}

#[test]
fn keys_with_the_same_list_share_one_file_across_shards() {
    let (ga, na, da) = (('가', None), ('나', None), ('다', None));
    let stored = |k: (char, Option<char>)| (k.0 as u32, 0);
    // Posts 1 and 2 as gaps (the body index's kind 0); 다 holds 1 and 3.
    let list = |count, bytes: &[u8]| (0u8, count, bytes.to_vec());
    let entry = |shard, k, (kind, count, bytes)| (shard, stored(k), kind, count, bytes);
    let out = write(
        crate::body_index::MAGIC,
        vec![
            entry(0, ga, list(2, &[1, 1])),
            entry(1, na, list(2, &[1, 1])),
            entry(1, da, list(2, &[1, 2])),
        ],
        2,
        0,
        index_path,
        |_, _, _| None,
    );
    let f: HashMap<String, Rc<IndexShard>> = (out.into_iter())
        .map(|(p, b)| (p, Rc::new(IndexShard::decode(b).unwrap())))
        .collect();
    assert_eq!(
        sorted_paths(&f),
        [
            "index/0.bin",
            "index/0/0.bin",
            "index/1.bin",
            "index/1/0.bin"
        ]
    );
    let broken = crate::body_index::malformed;
    let get = |l: ListFile| f.get(&l.path(index_path)).cloned();
    let shared = ListFile {
        shard: 0,
        apart: Some(0),
    };
    assert_eq!(needed([(na, 1)], &get, broken).unwrap(), [shared]);
    assert_eq!(needed([(ga, 0), (na, 1)], &get, broken).unwrap(), [shared]);
    assert_eq!(
        lookup(na, 1, &get, broken).unwrap().postings(na).unwrap(),
        [1, 2]
    );
    assert_eq!(
        lookup(ga, 0, &get, broken).unwrap().postings(ga).unwrap(),
        [1, 2]
    );
    assert_eq!(
        lookup(da, 1, &get, broken).unwrap().postings(da).unwrap(),
        [1, 3]
    );
    assert!(f["index/0/0.bin"].postings(da).unwrap().is_empty());
}

#[test]
fn a_shared_list_that_is_not_there_or_shifted_is_an_error() {
    let posts = (0u8, 2u32, vec![1u8, 1]);
    let same = |shift: i64, count| {
        let mut b = Vec::new();
        put_signed(&mut b, shift);
        (('나' as u32, 0), SAME, count, b)
    };
    let first = (('가' as u32, 0), posts.0, posts.1, posts.2);
    assert!(IndexShard::decode(raw(&[first.clone(), same(0, 2)])).is_ok());
    // Nothing before it to share, another length, a shift of a list without places.
    assert!(IndexShard::decode(raw(&[same(0, 2)])).is_err());
    assert!(IndexShard::decode(raw(&[first.clone(), same(0, 3)])).is_err());
    assert!(IndexShard::decode(raw(&[first.clone(), same(2, 2)])).is_err());
    // A stub naming a file beside another shard, and one with bytes after.
    let stub = |bytes: Vec<u8>| raw(&[(('가' as u32, 0), APART, 2, bytes)]);
    let other = IndexShard::decode(stub(vec![3, 5])).unwrap();
    let held = holder(&other, ('가', None), 1, crate::body_index::malformed).unwrap();
    assert_eq!((held.shard, held.apart), (5, Some(3)));
    let long = IndexShard::decode(stub(vec![3, 5, 0])).unwrap();
    assert!(holder(&long, ('가', None), 1, crate::body_index::malformed).is_err());
}
