//! Pure logic of the ESG 정책뉴스 board: the dataset model shared by the builder and the browser
//! app, the URL state (README "URL parameters"), the orders and pagination.
//!
//! Nothing here touches the web or the file system, so all of it is tested natively and fast;
//! the Leptos app and `board-build` are thin shells around it.

pub mod apart;
pub mod body_index;
pub mod body_plan;
mod common_pairs;
pub mod content;
pub mod date;
pub mod display;
pub mod dubeolsik;
mod find_chain;
pub mod find_index;
pub mod find_plan;
pub mod hangul;
pub mod host_url;
pub mod linkify;
pub mod list_rows;
pub mod model;
pub mod numbers;
pub mod page;
pub mod query;
pub mod safe_url;
pub mod search;
pub mod signature;
pub mod snippet;
pub mod url_state;
mod varint;

pub use date::Date;
pub use model::{
    BoardIndex, BoardMeta, BodyShard, DatasetError, DeptCount, Manifest, PostBody, PostSummary,
    Shard, Source, SCHEMA_VERSION,
};
pub use page::{PageItem, Pagination};
pub use query::{
    found_by_body, highlight, neighbours, position, prepare_search, select, Field, Sort,
};
pub use url_state::{Lang, ListParams, PostRef, UrlState};
