//! Times `select` over a built dataset: `cargo run --release -p board-core --example search_speed DIR`.
use board_core::{select, BoardIndex, Field, ListParams, Manifest, Shard};
use std::time::Instant;

fn main() {
    let dir = std::path::PathBuf::from(std::env::args().nth(1).expect("a dataset directory"));
    let read = |rel: &str| std::fs::read_to_string(dir.join(rel)).expect("readable");
    let manifest = Manifest::from_json(&read("board.json")).expect("manifest");
    let shards = manifest
        .shards
        .iter()
        .map(|s| Shard::from_json(&read(s)).expect("shard"))
        .collect();
    let index = BoardIndex::assemble(manifest, shards).expect("index");
    for field in [Field::Title, Field::All] {
        for q in [
            "탄소",
            "임금체불",
            "ㅇㄱㅊㅂ",
            "고용노동부 협력",
            "수소경제",
            "청년",
            "ㄱㅇ",
            "녹색",
            "없는말zz",
        ] {
            let params = ListParams {
                q: q.into(),
                field,
                ..Default::default()
            };
            let _ = select(&index, &params, None);
            // The best of seven: what the code costs, not what the machine was doing.
            let (mut n, mut best) = (0, f64::MAX);
            for _ in 0..7 {
                let t = Instant::now();
                n = select(&index, &params, None).len();
                best = best.min(t.elapsed().as_secs_f64() * 1000.0);
            }
            println!("{field:?} {q}: {n} rows in {best:.2} ms");
        }
    }
}
