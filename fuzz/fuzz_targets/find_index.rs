//! The title index reader: any bytes as an index, order or common pairs file, never a panic (and no huge
//! allocation); any search text answered over any decoded file, never a panic, and every row
//! it gives a list position.
#![no_main]
use std::rc::Rc;

use board_core::find_index::{decode_dense, decode_order, find, FindPlan, FindShard, Names};
use board_core::{Field, Sort};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&[u8], &str, &str, u16)| {
    let (bytes, q, name, count) = input;
    let _ = decode_order(bytes);
    // The same bytes as common pairs, when they read as such: plans over them must hold too.
    let dense = decode_dense(bytes).unwrap_or_default();
    let Ok(shard) = FindShard::decode(bytes.to_vec()) else {
        return;
    };
    let shard = Rc::new(shard);
    let names = Names {
        authors: vec![name.to_string()],
        depts: vec![name.to_string()],
    };
    for field in [Field::All, Field::Title, Field::Author] {
        if let Some(plan) = FindPlan::new(q, field, &names, Some(&dense)) {
            if let Ok(rows) = find(&plan, count as usize, Sort::Relevance, &[], |k| shard.postings(k)) {
                assert!(rows.iter().all(|&r| r < count as usize));
            }
        }
    }
});
