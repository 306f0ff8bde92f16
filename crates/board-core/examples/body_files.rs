//! Which body index files a search reads at this board's size: `cargo run --release -p
//! board-core --example body_files DATASET_DIR QUERY...` prints, per query, the files (the
//! common pairs, the shards, the lists apart) with their sizes, one per line as
//! `<query>\t<candidates>\t<file>\t<bytes>`, and with `PLAN=1` on stderr the keys each
//! condition reads.

use std::collections::BTreeMap;
use std::rc::Rc;

use board_core::body_index::{self, index_path, run_with, IndexShard, ListFile, Plan};
use board_core::search::Query;
use board_core::Manifest;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (dir, queries) = args.split_first().expect("DATASET_DIR QUERY...");
    let dir = std::path::Path::new(dir);
    let read = |rel: &str| std::fs::read(dir.join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let manifest: Manifest = serde_json::from_slice(&read("board.json")).expect("board.json");
    let meta = manifest.body_index.expect("a board with a body index");
    let common = match meta.triples {
        true => body_index::decode_dense(&read(body_index::DENSE_PATH)).expect("common pairs"),
        false => Vec::new(),
    };
    for q in queries {
        let plan = Plan::new(&Query::parse(q).expect("a query")).expect("a body query");
        let plan = plan.tightened(&common);
        if std::env::var_os("PLAN").is_some() {
            eprintln!("{q}: {plan:?}");
        }
        let load = |f: ListFile| {
            let bytes = read(&f.path(index_path));
            let n = bytes.len();
            (f, (n, Rc::new(IndexShard::decode(bytes).expect("decodes"))))
        };
        let mut files: BTreeMap<ListFile, (usize, Rc<IndexShard>)> = (plan.shards(meta.shards))
            .into_iter()
            .map(|i| load(ListFile::shard(i)))
            .collect();
        let apart = (plan.apart(meta.shards, &|f| files.get(&f).map(|x| x.1.clone())))
            .expect("the lists apart are named");
        files.extend(apart.into_iter().map(load));
        let found =
            run_with(&plan, meta.shards, |f| files.get(&f).map(|x| x.1.clone())).expect("answers");
        if meta.triples {
            let n = read(body_index::DENSE_PATH).len();
            println!("{q}\t{}\t{}\t{n}", found.len(), body_index::DENSE_PATH);
        }
        for (f, (n, _)) in &files {
            println!("{q}\t{}\t{}\t{n}", found.len(), f.path(index_path));
        }
    }
}
