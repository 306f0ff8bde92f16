//! Which files the first result of a search needs at this board's size, without the list:
//! `cargo run --release -p board-core --example find_files DATASET_DIR QUERY...` prints, per
//! query, the files (index files, names, order, the rows of the first page) and the count,
//! one per line as `<query>\t<count>\t<file>`, and on stderr the time `find_with` took.

use std::rc::Rc;

use board_core::find_index::{self, FindPlan, FindShard, Names};
use board_core::{Field, Manifest, Sort};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, queries) = args.split_first().expect("DATASET_DIR QUERY...");
    let dir = std::path::Path::new(dir);
    let read = |rel: &str| std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let manifest: Manifest = serde_json::from_slice(&read("board.json")).expect("board.json");
    let meta = manifest.find.expect("a board with a find index");
    let names: Names = serde_json::from_slice(&read(find_index::NAMES_PATH)).expect("names");
    for q in queries {
        let plan = FindPlan::new(q, Field::All, &names).expect("a query");
        let (shards, pairs) = plan.files(&meta);
        let load = |list: &[u32], path: fn(u32) -> String| {
            (list.iter())
                .map(|&i| {
                    (
                        i,
                        Rc::new(FindShard::decode(read(&path(i))).expect("decodes")),
                    )
                })
                .collect::<std::collections::BTreeMap<u32, Rc<FindShard>>>()
        };
        let (files, pair_files) = (
            load(&shards, find_index::find_path),
            load(&pairs, find_index::pairs_path),
        );
        let t = std::time::Instant::now();
        let rows = find_index::find_with(
            &plan,
            &meta,
            manifest.count,
            Sort::Relevance,
            &[],
            |i| files.get(&i).cloned(),
            |i| pair_files.get(&i).cloned(),
        )
        .expect("answers");
        let took = t.elapsed();
        let mut out: Vec<String> = vec!["board.json".into(), find_index::NAMES_PATH.into()];
        out.extend(shards.iter().map(|&i| find_index::find_path(i)));
        out.extend(pairs.iter().map(|&i| find_index::pairs_path(i)));
        let mut pages: Vec<String> = rows
            .iter()
            .take(20)
            .map(|&at| find_index::rows_path(meta.rows_file(at).0))
            .collect();
        pages.sort();
        pages.dedup();
        out.extend(pages);
        eprintln!(
            "{q}: {} rows, {} index files, {:.1} ms",
            rows.len(),
            shards.len() + pairs.len(),
            took.as_secs_f64() * 1e3
        );
        for f in out {
            println!("{q}\t{}\t{f}", rows.len());
        }
    }
}
