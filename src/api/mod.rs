//! The one place that fetches: the dataset's list files, one body file per opened article (or
//! per body snippet), the body index files a search needs, and (`find`) the title index files
//! a search reads before the list is in.

mod find;

pub use find::{find_page, FoundPage};

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::Arc;

use board_core::body_index::{self, index_path, run_with, IndexMeta, IndexShard, ListFile, Plan};
use board_core::model::{body_path, ListRows, INDEX_FILE};
use board_core::{BoardIndex, BodyShard, DatasetError, Lang, Manifest, PostBody, Shard};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;

/// Why a dataset file could not be had; [`LoadError::message`] is the sentence readers see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    /// No response at all (offline, refused, blocked).
    Network { url: String, why: String },
    /// No complete answer within [`TIMEOUT_MS`].
    Timeout { url: String },
    /// A response other than 2xx.
    Status { url: String, status: u16 },
    /// A response that is not a dataset this app reads.
    Data { url: String, error: DatasetError },
}

/// Dataset files (list files after the first, body index files) fetched at once: fewer than
/// the browser's connections per host, so every request is on the wire while its timeout runs.
const LIST_FETCHES: usize = 4;

/// How long one file may take, headers and body, before the reader is told it failed.
pub const TIMEOUT_MS: u64 = 10_000;

impl LoadError {
    /// The sentence for readers, in their language (from the message table).
    pub fn message(&self, lang: Lang) -> String {
        crate::i18n::load_error(lang, self)
    }
}

async fn get_text(url: &str) -> Result<String, LoadError> {
    get(url, |r| async move { r.text().await }).await
}

async fn get_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    get(url, |r| async move { r.binary().await }).await
}

/// Fetches `url` and reads its body with `read`, within [`TIMEOUT_MS`] for the whole exchange.
async fn get<T, F, Fut>(url: &str, read: F) -> Result<T, LoadError>
where
    F: FnOnce(gloo_net::http::Response) -> Fut,
    Fut: std::future::Future<Output = Result<T, gloo_net::Error>>,
{
    let network = |e: gloo_net::Error| LoadError::Network {
        url: url.to_string(),
        why: e.to_string(),
    };
    // A response that never ends must not leave "불러오는 중" on screen forever: abort it.
    let controller = web_sys::AbortController::new().ok();
    let timed_out = Rc::new(Cell::new(false));
    let timer = {
        let (controller, timed_out) = (controller.clone(), timed_out.clone());
        set_timeout_with_handle(
            move || {
                timed_out.set(true);
                if let Some(c) = controller {
                    c.abort();
                }
            },
            std::time::Duration::from_millis(TIMEOUT_MS),
        )
        .ok()
    };
    let result = async {
        let resp = Request::get(url)
            .abort_signal(controller.as_ref().map(|c| c.signal()).as_ref())
            .send()
            .await
            .map_err(network)?;
        if !resp.ok() {
            return Err(LoadError::Status {
                url: url.to_string(),
                status: resp.status(),
            });
        }
        read(resp).await.map_err(network)
    }
    .await;
    if let Some(t) = timer {
        t.clear();
    }
    match result {
        Err(_) if timed_out.get() => Err(LoadError::Timeout {
            url: url.to_string(),
        }),
        other => other,
    }
}

async fn fetch_shard(base: &str, rel: &str) -> Result<Shard, LoadError> {
    let url = format!("{base}{rel}");
    let text = get_text(&url).await?;
    Shard::from_json(&text).map_err(|error| LoadError::Data { url, error })
}

/// The list as it arrives: first `board.json` and the first shard (enough for the first
/// screen of the default list, even at 100k posts), then the rest.
#[derive(Clone)]
pub enum Stage {
    Loading,
    /// The first shard is in; `total` posts in all.
    Partial {
        index: Arc<BoardIndex>,
        total: usize,
    },
    Full(Arc<BoardIndex>),
    Failed(LoadError),
}

/// Loads the list from the dataset directory `base` (ending in `/`), reporting each stage.
pub async fn load_index(base: &str, report: impl Fn(Stage)) {
    report(Stage::Loading);
    let url = format!("{base}{INDEX_FILE}");
    let manifest = match get_text(&url).await {
        Ok(text) => match Manifest::from_json(&text) {
            Ok(m) => m,
            Err(error) => return report(Stage::Failed(LoadError::Data { url, error })),
        },
        Err(e) => return report(Stage::Failed(e)),
    };
    let data_error = |error| {
        Stage::Failed(LoadError::Data {
            url: url.clone(),
            error,
        })
    };
    let Some(first_file) = manifest.shards.first() else {
        if let Err(error) = manifest.check_first(None) {
            return report(data_error(error));
        }
        return report(
            match BoardIndex::from_list(manifest, ListRows::with_capacity(0)) {
                Ok(index) => Stage::Full(Arc::new(index)),
                Err(error) => data_error(error),
            },
        );
    };
    let first = match fetch_shard(base, first_file).await {
        Ok(s) => s,
        Err(e) => return report(Stage::Failed(e)),
    };
    // A count its list files cannot hold is a fault now, before pages are made of it.
    if let Err(error) = manifest.check_first(Some(&first)) {
        return report(data_error(error));
    }
    // Each file's rows are moved into the one list as the file arrives.
    let mut rows = ListRows::with_capacity(manifest.list_capacity(&first));
    rows.add(first);
    if manifest.shards.len() > 1 {
        let index = BoardIndex::first_part(&manifest, rows.posts().to_vec());
        report(Stage::Partial {
            index: Arc::new(index),
            total: manifest.count,
        });
        // A few at a time, in order: the browser queues requests beyond ~6 per host, and a
        // queued request's timeout would run while it waits (99 files at once timed out on
        // a busy server; so would they on a slow phone connection).
        use futures::stream::{self, StreamExt, TryStreamExt};
        let rest = stream::iter(
            manifest.shards[1..]
                .iter()
                .map(|rel| fetch_shard(base, rel)),
        )
        .buffered(LIST_FETCHES)
        .try_for_each(|shard| {
            rows.add(shard);
            std::future::ready(Ok(()))
        })
        .await;
        if let Err(e) = rest {
            return report(Stage::Failed(e));
        }
    }
    report(match BoardIndex::from_list(manifest, rows) {
        Ok(index) => Stage::Full(Arc::new(index)),
        Err(error) => data_error(error),
    });
}

/// A dataset file being fetched, or fetched and decoded: shared, so that every view asking for
/// the same file (rows of one body file, an article opened again, a query typed on) costs one
/// request while the page lives. A failure is not kept: 다시 시도 asks again.
type File<V> = Shared<LocalBoxFuture<'static, Result<Rc<V>, LoadError>>>;

/// The files of one kind, by key.
struct Cache<K, V>(RefCell<HashMap<K, File<V>>>);

impl<K, V> Default for Cache<K, V> {
    fn default() -> Self {
        Cache(RefCell::new(HashMap::new()))
    }
}

thread_local! {
    /// Body files, by URL.
    static BODIES: Cache<String, BodyShard> = Cache::default();
    /// Body index files, by number.
    static INDEX: Cache<ListFile, IndexShard> = Cache::default();
    /// The body index's common pairs (`index/dense.bin`).
    static COMMON: Cache<(), Vec<(u32, u32)>> = Cache::default();
}

/// The file `key` of `cache`, fetched by `fetch` the first time it is asked for.
async fn cached<K, V>(
    cache: &'static std::thread::LocalKey<Cache<K, V>>,
    key: K,
    fetch: impl FnOnce() -> LocalBoxFuture<'static, Result<Rc<V>, LoadError>>,
) -> Result<Rc<V>, LoadError>
where
    K: std::hash::Hash + Eq + Clone + 'static,
    V: 'static,
{
    let file = cache.with(|c| {
        c.0.borrow_mut()
            .entry(key.clone())
            .or_insert_with(|| fetch().shared())
            .clone()
    });
    let result = file.await;
    if result.is_err() {
        cache.with(|c| c.0.borrow_mut().remove(&key));
    }
    result
}

/// The file `key` of `cache`, if it is already here.
fn ready<K: std::hash::Hash + Eq, V>(
    cache: &'static std::thread::LocalKey<Cache<K, V>>,
    key: &K,
) -> Option<Rc<V>> {
    cache.with(|c| c.0.borrow().get(key).and_then(|f| f.peek().cloned()?.ok()))
}

/// One post's body: inside the body file it came in, or known ahead of time (pre-rendering
/// an article). Cloned by every view that shows it for the price of a reference count (a
/// copied block tree would cost time and wasm code).
#[derive(Clone)]
pub enum Body {
    InFile { file: Rc<BodyShard>, at: usize },
    Ahead(Arc<PostBody>),
}

impl std::ops::Deref for Body {
    type Target = PostBody;
    fn deref(&self) -> &PostBody {
        match self {
            Body::InFile { file, at } => &file.bodies[*at],
            Body::Ahead(body) => body,
        }
    }
}

/// Post `no`'s body, when the file holding it is already here (an article opened again, or
/// after its snippet): shown at once, without waiting a turn for a fetch that has nothing to do.
pub fn body_ready(base: &str, no: u32) -> Option<Body> {
    let file = ready(&BODIES, &format!("{base}{}", body_path(no)))?;
    let at = file.position(no)?;
    Some(Body::InFile { file, at })
}

/// Loads one post's body: the small file holding it, once per page life.
pub async fn fetch_body(base: &str, no: u32) -> Result<Body, LoadError> {
    let url = format!("{base}{}", body_path(no));
    let file = cached(&BODIES, url.clone(), || {
        let url = url.clone();
        async move {
            let text = get_text(&url).await?;
            BodyShard::from_json(&text)
                .map(Rc::new)
                .map_err(|error| LoadError::Data { url, error })
        }
        .boxed_local()
    })
    .await?;
    match file.position(no) {
        Some(at) => Ok(Body::InFile { file, at }),
        None => Err(LoadError::Data {
            url,
            error: DatasetError::MissingBody(no),
        }),
    }
}

async fn index_file(base: &str, f: ListFile) -> Result<Rc<IndexShard>, LoadError> {
    let url = format!("{base}{}", f.path(index_path));
    cached(&INDEX, f, move || {
        async move {
            let bytes = get_bytes(&url).await?;
            IndexShard::decode(bytes)
                .map(Rc::new)
                .map_err(|error| LoadError::Data { url, error })
        }
        .boxed_local()
    })
    .await
}

/// Index file `f`, if it is already here.
fn index_ready(f: ListFile) -> Option<Rc<IndexShard>> {
    ready(&INDEX, &f)
}

/// The body index's common pairs, once per page life: a plan reads their triples.
async fn common_pairs(base: &str) -> Result<Rc<Vec<(u32, u32)>>, LoadError> {
    let url = format!("{base}{}", body_index::DENSE_PATH);
    cached(&COMMON, (), move || {
        async move {
            let bytes = get_bytes(&url).await?;
            body_index::decode_dense(&bytes)
                .map(Rc::new)
                .map_err(|error| LoadError::Data { url, error })
        }
        .boxed_local()
    })
    .await
}

/// Whether `plan` is read through the index's triples, which needs its common pairs first.
fn tightens(meta: IndexMeta, plan: &Plan) -> bool {
    meta.triples && plan.may_tighten()
}

/// `plan` as the index answers it (by its triples when it has them), when every index file
/// that reads is already here: the common pairs, its shards, and the lists they keep apart.
/// Computed once per search and handed to [`search_bodies_cached`].
pub fn search_bodies_ready(meta: IndexMeta, plan: &Plan) -> Option<Plan> {
    let plan = match tightens(meta, plan) {
        false => plan.clone(),
        true => plan.tightened(&ready(&COMMON, &())?),
    };
    files_ready(meta, &plan).then_some(plan)
}

fn files_ready(meta: IndexMeta, plan: &Plan) -> bool {
    let shards = plan.shards(meta.shards);
    shards
        .iter()
        .all(|&i| index_ready(ListFile::shard(i)).is_some())
        && plan
            .apart(meta.shards, &index_ready)
            .is_ok_and(|apart| apart.into_iter().all(|f| index_ready(f).is_some()))
}

fn index_broken(base: &str, error: DatasetError) -> LoadError {
    LoadError::Data {
        url: format!("{base}index/"),
        error,
    }
}

/// The body search's answer for a plan whose files are here (one [`search_bodies_ready`] gave,
/// or one whose files were just fetched).
pub fn search_bodies_cached(
    base: &str,
    meta: IndexMeta,
    plan: &Plan,
) -> Result<Vec<u32>, LoadError> {
    run_with(plan, meta.shards, index_ready).map_err(|e| index_broken(base, e))
}

/// Fetches index files into their cache, a few at a time, like the list files: a long query
/// names many files, and requests queued behind the browser's per-host limit would time out
/// while they wait.
async fn fetch_index_files(base: &str, files: Vec<ListFile>) -> Result<(), LoadError> {
    use futures::stream::{self, StreamExt, TryStreamExt};
    stream::iter(files.into_iter().map(|f| index_file(base, f)))
        .buffer_unordered(LIST_FETCHES)
        .try_collect::<Vec<_>>()
        .await
        .map(drop)
}

/// The posts whose bodies hold a query (sorted 번호, see `board_core::body_index`): fetches
/// only the index files the query's character pairs (or triples) live in (then the big lists
/// they keep apart), once per page life; first, for an index with triples, its common pairs.
pub async fn search_bodies(
    base: &str,
    meta: IndexMeta,
    plan: &Plan,
) -> Result<Vec<u32>, LoadError> {
    let plan = &match tightens(meta, plan) {
        true => plan.tightened(&common_pairs(base).await?),
        false => plan.clone(),
    };
    let shards = plan.shards(meta.shards).into_iter().map(ListFile::shard);
    fetch_index_files(base, shards.collect()).await?;
    let apart = plan
        .apart(meta.shards, &index_ready)
        .map_err(|e| index_broken(base, e))?;
    fetch_index_files(base, apart).await?;
    search_bodies_cached(base, meta, plan)
}
