//! The list's own pages, `page/` beside the board page, for boards built with
//! `board-build --post-pages`: every page of the default list after the first (`page/2.html`),
//! and the first page for each 담당부서 and 분류 (`page/dept-<hex>.html`, `page/cat-<hex>.html`),
//! rendered by the app's own components as page 1 is. They are not pages to visit: each holds
//! the pre-rendered board for its state, which `board-gate.js` shows in place of page 1 when
//! a shared link names that state (`?page=12`, `?dept=기후변화`), until the app takes over.
//!
//! A filter's file name is its value's UTF-8 bytes in lowercase hex, which the gate computes
//! from the link as well: no table to ship, no name a file system or a web server could read
//! another way.

use std::path::Path;
use std::sync::Arc;

use board_build::Error;
use board_core::{BoardIndex, Pagination, UrlState};
use esg_board::Config;

use crate::page_folder::{self, Folder, Written};
use crate::{article_pages, host_page, render};

/// The `page/` folder beside the board page.
pub const FOLDER: Folder = Folder {
    name: "page/",
    what: "list pages",
    is_page: is_list_page,
};

/// The longest 담당부서 or 분류, in UTF-8 bytes, with a page of its own: its file name holds it
/// in hex (two characters a byte), and file names end at 255 bytes.
pub const NAME_BYTES: usize = 120;

/// The URL keys of the filters with pages of their own; the gate script names them alike.
pub const FILTERS: [&str; 2] = ["dept", "cat"];

/// One page of the folder.
enum Item {
    /// The default list's page N (2 and on).
    Page(u32),
    /// The first page of one filter (`FILTERS`) to one value.
    Filter(&'static str, String),
}

/// The file of the default list's page `n`.
pub fn page_file(n: u32) -> String {
    format!("{n}.html")
}

/// The file of the first page of the filter `key` to `value`, if the value is not too long
/// to have one.
pub fn filter_file(key: &str, value: &str) -> Option<String> {
    if value.is_empty() || value.len() > NAME_BYTES {
        return None;
    }
    let hex: String = value.bytes().map(|b| format!("{b:02x}")).collect();
    Some(format!("{key}-{hex}.html"))
}

/// Whether a file name is one of the list's pages.
fn is_list_page(name: &str) -> bool {
    let Some(stem) = name.strip_suffix(".html") else {
        return false;
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    let hex = |s: &str| {
        !s.is_empty()
            && s.len().is_multiple_of(2)
            && s.bytes().all(|c| matches!(c, b'0'..=b'9' | b'a'..=b'f'))
    };
    digits(stem)
        || FILTERS.iter().any(|k| {
            stem.strip_prefix(k)
                .and_then(|s| s.strip_prefix('-'))
                .is_some_and(hex)
        })
}

/// The state the board is in with no parameters (page 1, as the host page configures it).
fn default_state(config: &Config) -> UrlState {
    UrlState::read_with_size("", config.page_size, &config.params)
}

/// The page size the board's links carry (`size=`), when the host page sets one other than
/// the default: the gate then counts it as the pre-rendered page's.
pub fn page_size(config: &Config) -> Option<u32> {
    let size = default_state(config).list.size;
    (size != board_core::url_state::DEFAULT_SIZE).then_some(size)
}

/// The default list's last page.
pub fn last_page(index: &BoardIndex, config: &Config) -> u32 {
    let state = default_state(config);
    let rows = board_core::select(index, &state.list, None).len();
    Pagination::new(rows, 1, state.list.size).last
}

/// The host page and the board it shows, as the list pages are made from them.
pub struct Board<'a> {
    /// The board page's file.
    pub page: &'a Path,
    pub index: &'a Arc<BoardIndex>,
    pub config: &'a Config,
}

/// Writes the list's pages into `page/` beside the board page.
pub fn write_all(b: &Board) -> Result<Written, Error> {
    let mut items: Vec<Item> = (2..=last_page(b.index, b.config)).map(Item::Page).collect();
    let filters = [&b.index.departments, &b.index.categories];
    for (key, names) in FILTERS.into_iter().zip(filters) {
        items.extend(
            (names.iter())
                .filter(|d| filter_file(key, &d.name).is_some())
                .map(|d| Item::Filter(key, d.name.clone())),
        );
    }
    let name = b
        .page
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let base = format!("../{}", article_pages::encode_path(&name));
    FOLDER.write(b.page, |folder| {
        page_folder::write_parallel(
            folder,
            &items,
            || (),
            |(), item| {
                let mut state = default_state(b.config);
                let file = match item {
                    Item::Page(n) => {
                        state = state.list_page(*n);
                        page_file(*n)
                    }
                    Item::Filter(key, value) => {
                        match *key {
                            "dept" => state.list.dept = Some(value.clone()),
                            _ => state.list.cat = Some(value.clone()),
                        }
                        filter_file(key, value).expect("only names with a file are listed")
                    }
                };
                Ok((file, fragment(b, state, &base)))
            },
        )
    })
}

/// One list page: a document holding the pre-rendered board for `state`, its title, and the
/// board page as its base (the gate reads the board's links against it). `noindex`: the board
/// page's own address, with the state in its query, is the one to find.
fn fragment(b: &Board, state: UrlState, base: &str) -> String {
    let e = host_page::escape;
    let title = esg_board::views::board::document_title(b.index, &state, b.config.lang);
    let lang = esg_board::i18n::messages(b.config.lang).lang_attr;
    let markup = render::state(b.index.clone(), b.config.clone(), state);
    format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"robots\" content=\"noindex\"><base href=\"{}\"><title>{}</title></head>\
         <body>{markup}</body></html>",
        e(base),
        e(&title)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_hold_the_value_in_hex() {
        assert_eq!(page_file(12), "12.html");
        assert_eq!(
            filter_file("dept", "기후 A").as_deref(),
            Some(
                "dept-ea b8 b0 ed 9b 84 20 41.html"
                    .replace(' ', "")
                    .as_str()
            )
        );
        assert_eq!(filter_file("cat", ""), None);
        assert!(filter_file("dept", &"가".repeat(40)).is_some());
        assert_eq!(filter_file("dept", &"가".repeat(41)), None);
    }

    #[test]
    fn list_page_names_are_recognised() {
        for name in ["2.html", "dept-eab8b0.html", "cat-41.html"] {
            assert!(is_list_page(name), "{name}");
        }
        for name in [
            "index.html",
            ".html",
            "dept-.html",
            "dept-abc.html",
            "dept-AB.html",
            "tag-41.html",
            "2.htm",
        ] {
            assert!(!is_list_page(name), "{name}");
        }
        assert!(is_list_page(&filter_file("dept", "기후변화").unwrap()));
    }
}
