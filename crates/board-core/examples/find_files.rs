//! Which files the first result of a search needs at this board's size, without the list:
//! `cargo run --release -p board-core --example find_files DATASET_DIR QUERY...` prints, per
//! query, the files (index files, names, order, the rows of the first page) and the count,
//! one per line as `<query>\t<count>\t<file>`, and on stderr the time `find_with` took (and,
//! with `PLAN=1`, the plan: which pairs and triples each chain reads).

use std::rc::Rc;

use board_core::find_index::{self, FindPlan, FindShard, ListFile, Names};
use board_core::{Field, Manifest, Sort};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, queries) = args.split_first().expect("DATASET_DIR QUERY...");
    let dir = std::path::Path::new(dir);
    let read = |rel: &str| std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let manifest: Manifest = serde_json::from_slice(&read("board.json")).expect("board.json");
    let meta = manifest.find.expect("a board with a find index");
    let names: Names = serde_json::from_slice(&read(find_index::NAMES_PATH)).expect("names");
    let dense = match meta.triples {
        true => find_index::decode_dense(&read(find_index::DENSE_PATH)).expect("common pairs"),
        false => Vec::new(),
    };
    for q in queries {
        let plan =
            FindPlan::new(q, Field::All, &names, meta.triples.then_some(&dense)).expect("a query");
        if std::env::var_os("PLAN").is_some() {
            eprintln!("{plan:?}");
        }
        let (shards, pairs) = plan.files(&meta);
        let load = |list: &[ListFile], path: fn(u32) -> String| {
            (list.iter())
                .map(|&f| {
                    let file = FindShard::decode(read(&f.path(path))).expect("decodes");
                    (f, Rc::new(file))
                })
                .collect::<std::collections::BTreeMap<ListFile, Rc<FindShard>>>()
        };
        let shard = |list: Vec<u32>| list.into_iter().map(ListFile::shard).collect::<Vec<_>>();
        let (shards, pairs) = (shard(shards), shard(pairs));
        let (mut files, mut pair_files) = (
            load(&shards, find_index::find_path),
            load(&pairs, find_index::pairs_path),
        );
        let (apart, apart_pairs) = plan
            .apart(&meta, &|f| files.get(&f).cloned(), &|f| {
                pair_files.get(&f).cloned()
            })
            .expect("the lists apart are named");
        files.extend(load(&apart, find_index::find_path));
        pair_files.extend(load(&apart_pairs, find_index::pairs_path));
        let t = std::time::Instant::now();
        let rows = find_index::find_with(
            &plan,
            &meta,
            manifest.count,
            Sort::Relevance,
            &[],
            |f| files.get(&f).cloned(),
            |f| pair_files.get(&f).cloned(),
        )
        .expect("answers");
        let took = t.elapsed();
        let mut out: Vec<String> = vec!["board.json".into(), find_index::NAMES_PATH.into()];
        if meta.triples {
            out.push(find_index::DENSE_PATH.into());
        }
        out.extend(files.keys().map(|f| f.path(find_index::find_path)));
        out.extend(pair_files.keys().map(|f| f.path(find_index::pairs_path)));
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
            files.len() + pair_files.len(),
            took.as_secs_f64() * 1e3
        );
        for f in out {
            println!("{q}\t{}\t{f}", rows.len());
        }
    }
}
