//! The title index's files (`find/`): what a search answered before the list is in fetches.

use std::rc::Rc;
use std::sync::Arc;

use board_core::find_index::{self, FindKey, FindMeta, FindPlan, FindShard, ListFile, Names};
use board_core::{DatasetError, ListParams, Pagination, PostSummary, Shard};
use futures::future::FutureExt;

use super::{cached, get_bytes, ready, Cache, LoadError, LIST_FETCHES};

thread_local! {
    /// Title index files and their pairs without places, by number; the names, the order and
    /// the rows files.
    static FIND: Cache<ListFile, FindShard> = Cache::default();
    static PAIRS: Cache<ListFile, FindShard> = Cache::default();
    static NAMES: Cache<(), Names> = Cache::default();
    static DENSE: Cache<(), Vec<FindKey>> = Cache::default();
    static ORDER: Cache<(), Vec<u32>> = Cache::default();
    static ROWS: Cache<usize, Shard> = Cache::default();
}

/// A file of the title index's set (`find/`).
#[derive(Clone, Copy)]
enum FindFile {
    Names,
    Dense,
    Order,
    Index(ListFile),
    Pairs(ListFile),
    Rows(usize),
}

/// Fetches and decodes one `find/` file into its cache, once per page life. One function for
/// every kind: each kind of its own would instantiate the fetching machinery again (kilobytes
/// of wasm apiece).
async fn fetch_find_file(base: &str, file: FindFile) -> Result<(), LoadError> {
    fn text(b: Vec<u8>) -> Result<String, DatasetError> {
        String::from_utf8(b).map_err(|e| DatasetError::Malformed(e.to_string()))
    }
    fn decode<V>(
        url: String,
        bytes: Vec<u8>,
        read: fn(Vec<u8>) -> Result<V, DatasetError>,
    ) -> Result<Rc<V>, LoadError> {
        read(bytes)
            .map(Rc::new)
            .map_err(|error| LoadError::Data { url, error })
    }
    let rel = match file {
        FindFile::Names => find_index::NAMES_PATH.to_string(),
        FindFile::Dense => find_index::DENSE_PATH.to_string(),
        FindFile::Order => find_index::ORDER_PATH.to_string(),
        FindFile::Index(f) => f.path(find_index::find_path),
        FindFile::Pairs(f) => f.path(find_index::pairs_path),
        FindFile::Rows(r) => find_index::rows_path(r),
    };
    let url = format!("{base}{rel}");
    let bytes = || {
        let url = url.clone();
        async move { get_bytes(&url).await.map(|b| (url, b)) }.boxed_local()
    };
    match file {
        FindFile::Names => {
            let f = bytes();
            cached(&NAMES, (), move || {
                async move {
                    let (url, b) = f.await?;
                    decode(url, b, |b| {
                        serde_json::from_str::<Names>(&text(b)?)
                            .map_err(|e| DatasetError::Malformed(e.to_string()))
                    })
                }
                .boxed_local()
            })
            .await
            .map(drop)
        }
        FindFile::Order => {
            let f = bytes();
            cached(&ORDER, (), move || {
                async move {
                    let (url, b) = f.await?;
                    decode(url, b, |b| find_index::decode_order(&b))
                }
                .boxed_local()
            })
            .await
            .map(drop)
        }
        FindFile::Dense => {
            let f = bytes();
            cached(&DENSE, (), move || {
                async move {
                    let (url, b) = f.await?;
                    decode(url, b, |b| find_index::decode_dense(&b))
                }
                .boxed_local()
            })
            .await
            .map(drop)
        }
        FindFile::Index(i) | FindFile::Pairs(i) => {
            let f = bytes();
            let cache = if matches!(file, FindFile::Index(_)) {
                &FIND
            } else {
                &PAIRS
            };
            cached(cache, i, move || {
                async move {
                    let (url, b) = f.await?;
                    decode(url, b, FindShard::decode)
                }
                .boxed_local()
            })
            .await
            .map(drop)
        }
        FindFile::Rows(r) => {
            let f = bytes();
            cached(&ROWS, r, move || {
                async move {
                    let (url, b) = f.await?;
                    decode(url, b, |b| Shard::from_json(&text(b)?))
                }
                .boxed_local()
            })
            .await
            .map(drop)
        }
    }
}

/// Fetches `find/` files, a few at a time.
async fn fetch_find_files(base: &str, files: Vec<FindFile>) -> Result<(), LoadError> {
    use futures::stream::{self, StreamExt, TryStreamExt};
    // The rows files of one page (at most a page's rows, ~1 kB each) all at once: in rounds
    // of a few, twenty of them cost more round trips than their bytes.
    let at_once = match files.first() {
        Some(FindFile::Rows(_)) => files.len().max(1),
        _ => LIST_FETCHES,
    };
    stream::iter(files.into_iter().map(|f| fetch_find_file(base, f)))
        .buffer_unordered(at_once)
        .try_collect::<Vec<()>>()
        .await
        .map(drop)
}

/// One page of a search answered from the title index, before the list is in.
#[derive(Clone, Debug, PartialEq)]
pub struct FoundPage {
    /// How many posts the search finds.
    pub total: usize,
    /// The rows of the page asked for.
    pub posts: Vec<PostSummary>,
}

/// The search of `params` over a board of `count` posts, answered from its title index: the
/// count, and the rows of the page asked for, exactly as the whole list would give them.
/// `first`: the rows already in, from list position 0 on (the first list file); the page's
/// other rows come from their rows files. `body` holds the body hits (sorted 번호), once known.
pub async fn find_page(
    base: &str,
    meta: FindMeta,
    count: usize,
    params: &ListParams,
    first: &[PostSummary],
    body: Option<Arc<Vec<u32>>>,
) -> Result<FoundPage, LoadError> {
    // The common pairs with the names: the plan needs both, and neither waits for the other.
    let opening = match meta.triples {
        true => vec![FindFile::Names, FindFile::Dense],
        false => vec![FindFile::Names],
    };
    fetch_find_files(base, opening).await?;
    let dense = ready(&DENSE, &()).unwrap_or_default();
    let plan = ready(&NAMES, &()).and_then(|names| {
        FindPlan::new(
            &params.q,
            params.field,
            &names,
            meta.triples.then_some(&dense),
        )
    });
    let Some(plan) = plan else {
        return Ok(FoundPage {
            total: 0,
            posts: Vec::new(),
        });
    };
    let body = body.filter(|hits| !hits.is_empty());
    let (index, pairs) = plan.files(&meta);
    let mut files: Vec<FindFile> = (index.into_iter())
        .map(|i| FindFile::Index(ListFile::shard(i)))
        .chain(
            pairs
                .into_iter()
                .map(|i| FindFile::Pairs(ListFile::shard(i))),
        )
        .collect();
    if body.is_some() {
        files.push(FindFile::Order);
    }
    fetch_find_files(base, files).await?;
    // Then the big lists those files keep apart, if the search reads any.
    let (index, pairs) = plan
        .apart(&meta, &|f| ready(&FIND, &f), &|f| ready(&PAIRS, &f))
        .map_err(|e| find_broken(base, e))?;
    let apart = (index.into_iter().map(FindFile::Index))
        .chain(pairs.into_iter().map(FindFile::Pairs))
        .collect();
    fetch_find_files(base, apart).await?;
    let rows = found_rows(base, meta, count, params, &plan, body.as_deref())?;
    let pages = Pagination::new(rows.len(), params.page, params.size);
    let shown = &rows[pages.rows()];
    // A common query's first page is often all in the first list file, which came first.
    let mut files: Vec<usize> = (shown.iter())
        .filter(|&&at| at >= first.len())
        .map(|&at| meta.rows_file(at).0)
        .collect();
    files.dedup();
    fetch_find_files(base, files.into_iter().map(FindFile::Rows).collect()).await?;
    Ok(FoundPage {
        total: rows.len(),
        posts: rows_at(base, meta, first, shown)?,
    })
}

/// The ordered list positions a search shows, from the index files already fetched.
fn found_rows(
    base: &str,
    meta: FindMeta,
    count: usize,
    params: &ListParams,
    plan: &FindPlan,
    body: Option<&Vec<u32>>,
) -> Result<Vec<usize>, LoadError> {
    let in_body: Vec<bool> = match (body, ready(&ORDER, &())) {
        (Some(hits), Some(order)) => order
            .iter()
            .map(|no| hits.binary_search(no).is_ok())
            .collect(),
        _ => Vec::new(),
    };
    find_index::find_with(
        plan,
        &meta,
        count,
        params.effective_sort(),
        &in_body,
        |f| ready(&FIND, &f),
        |f| ready(&PAIRS, &f),
    )
    .map_err(|e| find_broken(base, e))
}

fn find_broken(base: &str, error: DatasetError) -> LoadError {
    LoadError::Data {
        url: format!("{base}find/"),
        error,
    }
}

/// The rows at these list positions, from `first` (the rows from position 0 on already in)
/// or the rows files already fetched.
fn rows_at(
    base: &str,
    meta: FindMeta,
    first: &[PostSummary],
    positions: &[usize],
) -> Result<Vec<PostSummary>, LoadError> {
    positions
        .iter()
        .map(|&at| {
            if let Some(p) = first.get(at) {
                return Ok(p.clone());
            }
            let (file, row) = meta.rows_file(at);
            ready(&ROWS, &file)
                .and_then(|s| s.posts.get(row).cloned())
                .ok_or_else(|| LoadError::Data {
                    url: format!("{base}{}", find_index::rows_path(file)),
                    error: DatasetError::Malformed(format!("no row {at}")),
                })
        })
        .collect()
}
