//! The pre-built dataset, as `board-build` writes it and the app reads it.
//!
//! Layout of a dataset directory (schema version 2; `docs/dataset.md` documents every field):
//! - `board.json`: the [`Manifest`]: board meta, count, departments with counts, and the list of
//!   shards. Small, whatever the board's size.
//! - `list/<i>.json`: a [`Shard`] of at most `shard_size` [`PostSummary`] rows, shards in the
//!   `new` order (`model::by_new`), so the first screen needs only `list/0.json`. No bodies.
//! - `posts/<번호 / 10000>/<번호 / 10>.json`: a [`BodyShard`] with the bodies of up to ten
//!   consecutive posts, fetched when one of them is opened (a few kB; folders of at most 1000
//!   files, for any file system).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::content::{Attachment, Block};
use crate::Date;

/// The dataset format this code writes. Version 2 gave bodies structure (`content::Block`) and
/// attachments; version 1 bodies are paragraphs of text.
pub const SCHEMA_VERSION: u32 = 2;

/// Every format this code reads: each version it ever wrote, so that no one has to rebuild a
/// dataset for a newer app. Anything else is refused by its version.
pub const READABLE: std::ops::RangeInclusive<u32> = 1..=SCHEMA_VERSION;

/// Name of the list file inside a dataset directory.
pub const INDEX_FILE: &str = "board.json";

/// How many consecutive 번호 share one body file: small enough that opening an article
/// fetches a few kB, few enough files that a million-post board builds in seconds.
pub const BODY_GROUP: u32 = 10;

/// Relative path of the body file holding post `no`: `posts/<folder>/<no / 10>.json`, with at
/// most 1000 files per folder.
pub fn body_path(no: u32) -> String {
    let group = no / BODY_GROUP;
    format!("posts/{}/{group}.json", group / 1000)
}

/// Relative path of list shard `i`.
pub fn shard_path(i: usize) -> String {
    format!("list/{i}.json")
}

/// `board.json`: what the app reads first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub schema_version: u32,
    pub board: BoardMeta,
    /// Number of posts, over all shards.
    pub count: usize,
    /// Every 담당부서 with how many posts carry it, by name.
    pub departments: Vec<DeptCount>,
    /// Every 분류 with how many posts carry it, by name; empty on boards without categories.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub categories: Vec<DeptCount>,
    /// Rows per shard (the last may hold fewer).
    pub shard_size: usize,
    /// Shard files, relative to the dataset directory, in list order.
    pub shards: Vec<String>,
    /// The body search index (`index/<i>.bin`), when the dataset has one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body_index: Option<crate::body_index::IndexMeta>,
    /// The title, author and department index (`find/`), on boards of more than one list file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub find: Option<crate::find_index::FindMeta>,
}

/// `list/<i>.json`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub schema_version: u32,
    pub posts: Vec<PostSummary>,
}

/// The whole list in memory, as the app and the builder work with it.
#[derive(Clone, Debug, PartialEq)]
pub struct BoardIndex {
    pub schema_version: u32,
    pub board: BoardMeta,
    /// Posts in the `new` order ([`by_new`]).
    pub posts: Vec<PostSummary>,
    /// Every 담당부서 with how many posts carry it, by name.
    pub departments: Vec<DeptCount>,
    /// Every 분류 with how many posts carry it, by name.
    pub categories: Vec<DeptCount>,
    /// Search keys, prepared on the first search (see `query::select`).
    pub search_keys: std::sync::OnceLock<crate::query::SearchKeys>,
    /// (번호, position) of every post, sorted by 번호: built on the first lookup, so finding a
    /// post (several times for each article opened) is a binary search, not a scan.
    pub by_no: std::sync::OnceLock<Vec<u64>>,
    /// The last search's rows (see `query::select`).
    pub last_search: crate::query::LastSearchCell,
    /// The body search index the manifest announces, if any.
    pub body_index: Option<crate::body_index::IndexMeta>,
    /// The title, author and department index the manifest announces, if any.
    pub find: Option<crate::find_index::FindMeta>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardMeta {
    /// The board's name, e.g. `ESG 정책뉴스`; the list table's caption.
    pub name: String,
    /// Set on boards made by `board-build synth`: not real posts.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub synthetic: bool,
    /// Whether every article also has a page of its own, [`post_page`] beside the board page
    /// (`board-build --post-pages`; `board-prerender` writes them): the sitemap and the feed
    /// point at those pages, and 링크 복사 copies them. The list's pages get theirs with them.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub post_pages: bool,
    /// The board page's absolute address (`board-build --site-url`), which article pages name
    /// as their canonical address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub site_url: Option<String>,
}

/// The folder of the article pages, beside the board page.
pub const POST_PAGES: &str = "post/";

/// An article's own page, relative to the board page's folder: `post/3409.html`.
pub fn post_page(no: u32) -> String {
    format!("{POST_PAGES}{no}.html")
}

/// A name (담당부서 or 분류) and how many posts carry it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeptCount {
    pub name: String,
    pub count: u32,
}

/// One list row. Fields a source did not give stay `None` rather than being invented.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostSummary {
    /// 번호: the board's own post number, unique in a dataset.
    pub no: u32,
    pub title: String,
    /// Authors, departments and categories are shared texts: a board has a few of each, so
    /// each post holds a reference to one copy ([`ListRows`]; 1M posts: ~45 MB less).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub author: Option<Name>,
    pub date: Date,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub views: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dept: Option<Name>,
    /// Whether `posts/<no>.json` exists; without it the article view says the body is missing.
    #[serde(default)]
    pub has_body: bool,
    /// 분류: the post's category, on boards that have them (shown with the title).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<Name>,
    /// The time of day the export gave with the date (`HH:MM`), shown in the article; the
    /// order stays by date and 번호.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<String>,
    /// 공지: shown first on every page of the plain list, its 번호 cell reading 공지.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub notice: bool,
    /// How many files are attached (their names and links are in the body file).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub attachments: u32,
}

pub use crate::list_rows::{ListRows, Name};

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl PostSummary {
    /// A row with only what every post has: 번호, 제목, 날짜 (the rest unknown, no body).
    pub fn new(no: u32, title: impl Into<String>, date: Date) -> PostSummary {
        PostSummary {
            no,
            title: title.into(),
            author: None,
            date,
            views: None,
            dept: None,
            has_body: false,
            category: None,
            time: None,
            notice: false,
            attachments: 0,
        }
    }
}

/// The `new` order: newest date first, ties by 번호 descending. Every list file, every view's
/// default order and every check of a dataset use this one comparison.
pub fn by_new(a: &PostSummary, b: &PostSummary) -> std::cmp::Ordering {
    new_key(a).cmp(&new_key(b))
}

/// A post's place in the `new` order as one number: newest date first, then highest 번호.
pub fn new_key(p: &PostSummary) -> u64 {
    u64::MAX - (u64::from(p.date.packed()) << 32 | u64::from(p.no))
}

/// Whether posts are in the [`by_new`] order.
pub fn in_new_order(posts: &[PostSummary]) -> bool {
    posts
        .windows(2)
        .all(|w| by_new(&w[0], &w[1]) != std::cmp::Ordering::Greater)
}

/// One post's body, inside a [`BodyShard`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostBody {
    pub no: u32,
    /// The body's blocks (schema version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocks: Vec<Block>,
    /// The body as paragraphs of text, as schema version 1 wrote it; read, never written, and
    /// moved into `blocks` as the file is read.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Source>,
    /// 첨부파일, in the source's order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
}

/// The press-release source line, e.g. `(2025.11.03 고용노동부)`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub date: Date,
    /// The issuing body, e.g. `고용노동부`.
    pub org: String,
}

impl Source {
    /// The line as the original board prints it, without the parentheses.
    pub fn text(&self) -> String {
        format!("{} {}", self.date.dotted(), self.org)
    }
}

/// Why a dataset file could not be used. `Display` is for the builder's and developers'
/// messages; readers get the app's sentence for each kind, in their language (its `i18n`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DatasetError {
    /// Not JSON, JSON of the wrong shape, or counts that do not add up (the detail says which).
    Malformed(String),
    /// A schema this build does not know.
    UnknownSchema(u32),
    /// The body file that should hold this post's body does not.
    MissingBody(u32),
    /// A body index file that cannot be read (the detail says where it broke).
    BrokenIndex(String),
}

impl fmt::Display for DatasetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatasetError::Malformed(why) => {
                write!(f, "not a dataset file of the expected shape ({why})")
            }
            DatasetError::UnknownSchema(v) => write!(
                f,
                "unknown schema_version {v} (this build reads 1 to {SCHEMA_VERSION})"
            ),
            DatasetError::MissingBody(no) => write!(f, "has no body for post {no}"),
            DatasetError::BrokenIndex(why) => write!(f, "broken body index file ({why})"),
        }
    }
}

impl std::error::Error for DatasetError {}

/// Reads `schema_version` first, so that a future dataset is refused for its version rather than
/// for whatever field happens to fail to parse.
fn check_schema(text: &str) -> Result<(), DatasetError> {
    #[derive(Deserialize)]
    struct Versioned {
        schema_version: u32,
    }
    let v: Versioned =
        serde_json::from_str(text).map_err(|e| DatasetError::Malformed(e.to_string()))?;
    if !READABLE.contains(&v.schema_version) {
        return Err(DatasetError::UnknownSchema(v.schema_version));
    }
    Ok(())
}

impl Manifest {
    /// Decodes `board.json`, checking its schema version. Inline, as [`BodyShard::from_json`]:
    /// decoded once per page, so compiled into the app for size.
    #[inline]
    pub fn from_json(text: &str) -> Result<Manifest, DatasetError> {
        check_schema(text)?;
        serde_json::from_str(text).map_err(|e| DatasetError::Malformed(e.to_string()))
    }

    /// Checks `count` against the list files it names and the first of them, before anything
    /// is shown from it: each file holds 1 to `shard_size` rows, so a count that those files
    /// cannot hold (a hand-edited or corrupt `board.json` claiming billions of posts) is an error
    /// now, not pages that do not exist.
    pub fn check_first(&self, first: Option<&Shard>) -> Result<(), DatasetError> {
        let files = self.shards.len();
        let size = self.shard_size.max(1);
        let fits = match files {
            0 => self.count == 0,
            n => (n..=size.saturating_mul(n)).contains(&self.count),
        };
        let first_ok = first.is_none_or(|f| {
            let rows = f.posts.len();
            (1..=size).contains(&rows) && rows <= self.count && (files > 1 || rows == self.count)
        });
        if fits && first_ok {
            return Ok(());
        }
        Err(DatasetError::Malformed(format!(
            "board.json says {} posts in {files} list files of {size} rows{}",
            self.count,
            first.map_or(String::new(), |f| format!(
                ", and the first list file holds {}",
                f.posts.len()
            ))
        )))
    }
}

impl Shard {
    /// Decodes one `list/<i>.json`, checking its schema version.
    pub fn from_json(text: &str) -> Result<Shard, DatasetError> {
        check_schema(text)?;
        serde_json::from_str(text).map_err(|e| DatasetError::Malformed(e.to_string()))
    }
}

/// The most rows reserved up front for a list ([`Manifest::list_capacity`]): a `board.json`
/// claiming more is believed only as its rows arrive.
const MAX_RESERVED_ROWS: usize = 4_000_000;

impl Manifest {
    /// How many rows to make room for once the first list file is in: every file but the last
    /// is as full as the first, so the whole list fits in one allocation, made once. Growing by
    /// doubling instead would, at 1M posts, hold the old and the new buffer at once (wasm
    /// memory never shrinks, so that peak is what the page keeps).
    pub fn list_capacity(&self, first: &Shard) -> usize {
        self.count
            .min(first.posts.len().saturating_mul(self.shards.len()))
            .min(MAX_RESERVED_ROWS)
    }
}

impl BoardIndex {
    /// Puts the list back together from the manifest and its shards (in order), checking that
    /// the shards hold as many posts as the manifest says.
    pub fn assemble(manifest: Manifest, shards: Vec<Shard>) -> Result<BoardIndex, DatasetError> {
        let mut rows = ListRows::with_capacity(shards.iter().map(|s| s.posts.len()).sum());
        for s in shards {
            rows.add(s);
        }
        BoardIndex::from_list(manifest, rows)
    }

    /// The index of the whole list, from the rows of all its list files.
    pub fn from_list(manifest: Manifest, rows: ListRows) -> Result<BoardIndex, DatasetError> {
        if rows.files != manifest.shards.len() {
            return Err(DatasetError::Malformed(format!(
                "{} list files instead of {}",
                rows.files,
                manifest.shards.len()
            )));
        }
        let mut index = BoardIndex::first_part(&manifest, rows.posts);
        // The order every view relies on (`new`, [`by_new`]), even for a dataset that was
        // not written by board-build; already sorted data costs one pass.
        if !in_new_order(&index.posts) {
            crate::numbers::sort_by_key(&mut index.posts, new_key);
        }
        if index.posts.len() != manifest.count {
            return Err(DatasetError::Malformed(format!(
                "the list files hold {} posts, board.json says {}",
                index.posts.len(),
                manifest.count
            )));
        }
        Ok(index)
    }

    /// The list as far as the given leading rows go (from a [`ListRows`]): enough for the first
    /// pages of the default order while the rest loads.
    pub fn first_part(manifest: &Manifest, mut posts: Vec<PostSummary>) -> BoardIndex {
        // Text is NFC in datasets from board-build; one made elsewhere may hold decomposed
        // Hangul, which must still look and match like the composed text readers type.
        let compose = |s: &mut String| {
            if let std::borrow::Cow::Owned(c) = crate::hangul::compose(s) {
                *s = c;
            }
        };
        for p in &mut posts {
            compose(&mut p.title);
        }
        let mut departments = manifest.departments.clone();
        let mut categories = manifest.categories.clone();
        for d in departments.iter_mut().chain(&mut categories) {
            compose(&mut d.name);
        }
        BoardIndex {
            schema_version: manifest.schema_version,
            board: manifest.board.clone(),
            posts,
            departments,
            categories,
            search_keys: Default::default(),
            by_no: Default::default(),
            last_search: Default::default(),
            body_index: manifest.body_index,
            find: manifest.find,
        }
    }

    /// The post with that 번호.
    pub fn post(&self, no: u32) -> Option<&PostSummary> {
        self.position_of(no).map(|i| &self.posts[i])
    }

    /// Where the post with that 번호 is in [`BoardIndex::posts`].
    pub fn position_of(&self, no: u32) -> Option<usize> {
        let by_no = self.by_no.get_or_init(|| {
            // 번호 << 32 | position, sorted.
            let mut v: Vec<u64> = (self.posts.iter().enumerate())
                .map(|(i, p)| u64::from(p.no) << 32 | i as u64)
                .collect();
            crate::numbers::sort(&mut v);
            v
        });
        let at = by_no
            .binary_search_by_key(&no, |&k| (k >> 32) as u32)
            .ok()?;
        Some(by_no[at] as u32 as usize)
    }
}

/// A body file: the bodies of the posts numbered `g*10 … g*10+9` that have one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct BodyShard {
    pub schema_version: u32,
    pub bodies: Vec<PostBody>,
}

impl PostBody {
    /// The body's blocks, whichever schema version wrote it: version 1's paragraphs of text are
    /// paragraph blocks by the time a file is read ([`BodyShard::from_json`]).
    pub fn content(&self) -> &[Block] {
        &self.blocks
    }

    /// The text body search reads and snippets are cut from: every block's text
    /// (`content::text_of`).
    pub fn search_text(&self) -> String {
        crate::content::text_of(self.content())
    }

    /// Makes version 1's paragraphs the first blocks. Moved, not copied: the article view
    /// never needs a second copy of a body, and copying a block tree costs wasm code.
    fn paragraphs_into_blocks(&mut self) {
        if self.paragraphs.is_empty() {
            return;
        }
        let mut blocks: Vec<Block> = (self.paragraphs.drain(..))
            .map(|p| Block::text_paragraph(&p))
            .collect();
        blocks.append(&mut self.blocks);
        self.blocks = blocks;
    }
}

impl BodyShard {
    /// Decodes a body file, checking its schema version.
    ///
    /// Inline, so that the decoder is compiled into the app with the app's size-first
    /// optimisation rather than with this crate's speed-first one: one body is decoded per
    /// article opened, where speed never shows, and the block decoder is the largest part of
    /// the rich content's wasm.
    #[inline]
    pub fn from_json(text: &str) -> Result<BodyShard, DatasetError> {
        check_schema(text)?;
        let mut shard: BodyShard =
            serde_json::from_str(text).map_err(|e| DatasetError::Malformed(e.to_string()))?;
        shard
            .bodies
            .iter_mut()
            .for_each(PostBody::paragraphs_into_blocks);
        Ok(shard)
    }

    /// Where the body of post `no` is in [`BodyShard::bodies`], if this file holds it.
    pub fn position(&self, no: u32) -> Option<usize> {
        self.bodies.iter().position(|b| b.no == no)
    }

    /// The body of post `no`, if this file holds it.
    pub fn get(&self, no: u32) -> Option<&PostBody> {
        self.bodies.iter().find(|b| b.no == no)
    }
}

#[cfg(test)]
mod tests;
