//! The body index reader: any bytes as an index file or as its common pairs, never a panic; any
//! search text's plan (by pairs, and by the triples of those common pairs) and snippet over
//! any body, never a panic, and a snippet's text is from the body.
#![no_main]
use board_core::body_index::{decode_dense, IndexShard, Plan};
use board_core::search::Query;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&[u8], &str, &str)| {
    let (bytes, q, body) = input;
    if let Some(plan) = Query::parse(q).as_ref().and_then(Plan::new) {
        let tight = plan.tightened(&decode_dense(bytes).unwrap_or_default());
        let _ = tight.shards(4096);
        if let Ok(shard) = IndexShard::decode(bytes.to_vec()) {
            let _ = plan.run(|k| shard.postings(k));
            let _ = tight.run(|k| shard.postings(k));
        }
    }
    if let Some(pieces) = board_core::snippet::snippet(body, q) {
        assert!(pieces.iter().any(|(_, hit)| *hit));
    }
});
