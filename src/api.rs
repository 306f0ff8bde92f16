//! The one place that fetches: the dataset's list files, one body file per opened article (or
//! per body snippet), and the body index files a search needs.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::fmt;
use std::rc::Rc;
use std::sync::Arc;

use board_core::body_index::{index_path, run_with, IndexMeta, IndexShard, Plan};
use board_core::model::{body_path, INDEX_FILE};
use board_core::{BoardIndex, BodyShard, DatasetError, Lang, Manifest, PostBody, Shard};
use futures::future::{FutureExt, LocalBoxFuture, Shared};
use gloo_net::http::Request;
use leptos::prelude::set_timeout_with_handle;

/// Why a dataset file could not be had. `Display` is the sentence readers see.
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

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Network { url, why } => {
                write!(
                    f,
                    "데이터를 불러오지 못했습니다: 네트워크 오류 ({url}: {why})"
                )
            }
            LoadError::Timeout { url } => write!(
                f,
                "데이터를 불러오지 못했습니다: 서버가 {}초 안에 응답하지 않았습니다 ({url})",
                TIMEOUT_MS / 1000
            ),
            LoadError::Status { url, status } => {
                write!(
                    f,
                    "데이터를 불러오지 못했습니다: 서버 응답 {status} ({url})"
                )
            }
            LoadError::Data { url, error } => write!(f, "{error} ({url})"),
        }
    }
}

/// Dataset files (list files after the first, body index files) fetched at once: fewer than
/// the browser's connections per host, so every request is on the wire while its timeout runs.
const LIST_FETCHES: usize = 4;

/// How long one file may take, headers and body, before the reader is told it failed.
pub const TIMEOUT_MS: u64 = 10_000;

impl LoadError {
    /// The sentence for readers, in their language.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::Ko {
            return self.to_string();
        }
        match self {
            LoadError::Network { url, why } => format!("The data could not be loaded: network error ({url}: {why})"),
            LoadError::Timeout { url } => {
                format!("The data could not be loaded: the server did not answer within {} seconds ({url})", TIMEOUT_MS / 1000)
            }
            LoadError::Status { url, status } => format!("The data could not be loaded: the server answered {status} ({url})"),
            LoadError::Data { url, error: DatasetError::Malformed(why) } => {
                format!("The data is not in the expected format ({why}) ({url})")
            }
            LoadError::Data { url, error: DatasetError::UnknownSchema(v) } => format!(
                "This data version is not supported (schema_version {v}; this page reads {}) ({url})",
                board_core::SCHEMA_VERSION
            ),
        }
    }
}

/// A response body, as text or as bytes.
enum Body {
    Text(String),
    Bytes(Vec<u8>),
}

async fn get_text(url: &str) -> Result<String, LoadError> {
    match get(url, false).await? {
        Body::Text(t) => Ok(t),
        Body::Bytes(_) => unreachable!("asked for text"),
    }
}

async fn get_bytes(url: &str) -> Result<Vec<u8>, LoadError> {
    match get(url, true).await? {
        Body::Bytes(b) => Ok(b),
        Body::Text(_) => unreachable!("asked for bytes"),
    }
}

async fn get(url: &str, binary: bool) -> Result<Body, LoadError> {
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
        if binary {
            resp.binary().await.map(Body::Bytes).map_err(network)
        } else {
            resp.text().await.map(Body::Text).map_err(network)
        }
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
    let mut shards = Vec::with_capacity(manifest.shards.len());
    let data_error = |error| {
        Stage::Failed(LoadError::Data {
            url: url.clone(),
            error,
        })
    };
    if manifest.shards.is_empty() {
        if let Err(error) = manifest.check_first(None) {
            return report(data_error(error));
        }
    }
    if let Some(first) = manifest.shards.first() {
        match fetch_shard(base, first).await {
            Ok(s) => shards.push(s),
            Err(e) => return report(Stage::Failed(e)),
        }
        // A count its list files cannot hold is a fault now, before pages are made of it.
        if let Err(error) = manifest.check_first(shards.first()) {
            return report(data_error(error));
        }
        if manifest.shards.len() > 1 {
            let index = BoardIndex::first_part(&manifest, shards.clone());
            report(Stage::Partial {
                index: Arc::new(index),
                total: manifest.count,
            });
            // A few at a time, in order: the browser queues requests beyond ~6 per host, and a
            // queued request's timeout would run while it waits (99 files at once timed out on
            // a busy server; so would they on a slow phone connection).
            use futures::stream::{self, StreamExt, TryStreamExt};
            match stream::iter(
                manifest.shards[1..]
                    .iter()
                    .map(|rel| fetch_shard(base, rel)),
            )
            .buffered(LIST_FETCHES)
            .try_collect::<Vec<_>>()
            .await
            {
                Ok(rest) => shards.extend(rest),
                Err(e) => return report(Stage::Failed(e)),
            }
        }
    }
    report(match BoardIndex::assemble(manifest, shards) {
        Ok(index) => Stage::Full(Arc::new(index)),
        Err(error) => Stage::Failed(LoadError::Data { url, error }),
    });
}

/// A body file being fetched or fetched: shared, so that rows of the same file (snippets) and
/// an article opened again cost one request while the page lives.
type BodyFile = Shared<LocalBoxFuture<'static, Result<Rc<BodyShard>, LoadError>>>;

thread_local! {
    static BODIES: RefCell<HashMap<String, BodyFile>> = RefCell::new(HashMap::new());
}

async fn body_shard(url: &str) -> Result<Rc<BodyShard>, LoadError> {
    let file = BODIES.with(|b| {
        b.borrow_mut()
            .entry(url.to_string())
            .or_insert_with(|| {
                let url = url.to_string();
                async move {
                    let text = get_text(&url).await?;
                    BodyShard::from_json(&text)
                        .map(Rc::new)
                        .map_err(|error| LoadError::Data { url, error })
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    let result = file.await;
    if result.is_err() {
        // A failure is not kept: 다시 시도 asks again.
        BODIES.with(|b| b.borrow_mut().remove(url));
    }
    result
}

/// Loads one post's body: the small file holding it, once per page life.
pub async fn fetch_body(base: &str, no: u32) -> Result<PostBody, LoadError> {
    let url = format!("{base}{}", body_path(no));
    let shard = body_shard(&url).await?;
    shard.get(no).cloned().ok_or_else(|| LoadError::Data {
        url,
        error: DatasetError::Malformed(format!("게시글 {no}의 본문이 없습니다")),
    })
}

type IndexFile = Shared<LocalBoxFuture<'static, Result<Rc<IndexShard>, LoadError>>>;

thread_local! {
    /// Body index files being fetched or fetched, by number: typing on reuses them.
    static INDEX: RefCell<HashMap<u32, IndexFile>> = RefCell::new(HashMap::new());
}

async fn index_shard(base: &str, i: u32) -> Result<Rc<IndexShard>, LoadError> {
    let file = INDEX.with(|x| {
        x.borrow_mut()
            .entry(i)
            .or_insert_with(|| {
                let url = format!("{base}{}", index_path(i));
                async move {
                    let bytes = get_bytes(&url).await?;
                    IndexShard::decode(bytes)
                        .map(Rc::new)
                        .map_err(|error| LoadError::Data { url, error })
                }
                .boxed_local()
                .shared()
            })
            .clone()
    });
    let result = file.await;
    if result.is_err() {
        INDEX.with(|x| x.borrow_mut().remove(&i));
    }
    result
}

/// Index file `i`, if it is already here.
fn index_ready(i: u32) -> Option<Rc<IndexShard>> {
    INDEX.with(|x| x.borrow().get(&i).and_then(|f| f.peek().cloned()?.ok()))
}

/// The body search's answer from index files already fetched, or `None` if one is missing.
pub fn search_bodies_cached(
    base: &str,
    meta: IndexMeta,
    plan: &Plan,
) -> Option<Result<Vec<u32>, LoadError>> {
    let all_here = plan
        .shards(meta.shards)
        .into_iter()
        .all(|i| index_ready(i).is_some());
    all_here.then(|| run_cached(base, meta, plan))
}

fn run_cached(base: &str, meta: IndexMeta, plan: &Plan) -> Result<Vec<u32>, LoadError> {
    run_with(plan, meta.shards, index_ready).map_err(|error| LoadError::Data {
        url: format!("{base}index/"),
        error,
    })
}

/// The posts whose bodies hold a query (sorted 번호, see `board_core::body_index`): fetches
/// only the index files the query's character pairs live in, once per page life.
pub async fn search_bodies(
    base: &str,
    meta: IndexMeta,
    plan: &Plan,
) -> Result<Vec<u32>, LoadError> {
    // A few at a time, like the list files: a long query names many files, and requests queued
    // behind the browser's per-host limit would time out while they wait.
    use futures::stream::{self, StreamExt, TryStreamExt};
    stream::iter(
        plan.shards(meta.shards)
            .into_iter()
            .map(|i| index_shard(base, i)),
    )
    .buffer_unordered(LIST_FETCHES)
    .try_collect::<Vec<_>>()
    .await?;
    run_cached(base, meta, plan)
}
