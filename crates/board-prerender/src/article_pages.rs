//! Each article's own page, `post/<번호>.html` beside the board page, for boards built with
//! `board-build --post-pages`: the host page with the article pre-rendered into the board's
//! element by the app's own components (as page 1 is), the board page as its base, and the head
//! that shared links and crawlers read: title, canonical address, description, Open Graph and
//! Twitter card data, JSON-LD `NewsArticle`. The app takes over as it does on page 1.
//!
//! The folder is replaced as a whole (written beside it, then swapped in), and only when it is
//! missing or holds nothing but article pages: a `post/` folder of the host's own is refused.

use std::fs;
use std::path::Path;
use std::sync::Arc;

use board_build::Error;
use board_core::content::Block;
use board_core::model::{body_path, post_page, INDEX_FILE, POST_PAGES};
use board_core::{BoardIndex, BodyShard, PostBody, PostSummary, UrlState};
use esg_board::Config;

use crate::host_page::{self, Host};
use crate::page_folder::{self, Folder, Written};
use crate::render;

/// Opens and closes the article's part of the head.
pub const HEAD_BEGIN: &str = "<!--esg-board:article-->";
pub const HEAD_END: &str = "<!--/esg-board:article-->";

/// How long a description is, in characters (what search results and cards show).
const DESCRIPTION_CHARS: usize = 150;

/// The host page and the board it shows, as every article page is made from them.
pub struct Board<'a> {
    /// The board page's file and its HTML (before page 1 went in).
    pub page: &'a Path,
    pub html: &'a str,
    pub host: &'a Host,
    pub index: &'a Arc<BoardIndex>,
    pub config: &'a Config,
    /// The dataset directory.
    pub data: &'a Path,
    /// What the gate script on each page is told.
    pub gate: host_page::Gate<'a>,
}

/// The lowest and highest 번호 of the posts: the range an article page can be asked for in.
pub fn numbers(index: &BoardIndex) -> Option<(u32, u32)> {
    let low = index.posts.iter().map(|p| p.no).min()?;
    let high = index.posts.iter().map(|p| p.no).max()?;
    Some((low, high))
}

/// The `post/` folder beside the board page.
pub const FOLDER: Folder = Folder {
    name: POST_PAGES,
    what: "article pages",
    is_page: is_article_page,
};

/// Writes every post's page into `post/` beside the board page (about 0.7 ms a page).
pub fn write_all(b: &Board) -> Result<Written, Error> {
    FOLDER.write(b.page, |folder| {
        page_folder::write_parallel(
            folder,
            &b.index.posts,
            || Bodies::new(b.data),
            |bodies, p| {
                let body = if p.has_body {
                    Some(bodies.get(p.no)?)
                } else {
                    None
                };
                Ok((format!("{}.html", p.no), page_for(b, p, body)?))
            },
        )
    })
}

/// Whether a file name is one of an article's pages (`3409.html`).
fn is_article_page(name: &str) -> bool {
    name.strip_suffix(".html")
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|c| c.is_ascii_digit()))
}

/// Body files read one at a time, in list order (ten posts share one).
struct Bodies<'a> {
    data: &'a Path,
    file: Option<(String, BodyShard)>,
}

impl Bodies<'_> {
    fn new(data: &Path) -> Bodies<'_> {
        Bodies { data, file: None }
    }

    fn get(&mut self, no: u32) -> Result<PostBody, Error> {
        let rel = body_path(no);
        let path = self.data.join(&rel);
        if self.file.as_ref().map(|(r, _)| r) != Some(&rel) {
            let text = fs::read_to_string(&path).map_err(|e| Error::io(&path, e))?;
            let shard =
                BodyShard::from_json(&text).map_err(|e| Error::refused(&path, e.to_string()))?;
            self.file = Some((rel, shard));
        }
        let shard = &self.file.as_ref().expect("just read").1;
        shard
            .get(no)
            .cloned()
            .ok_or_else(|| Error::refused(&path, format!("has no body for post {no}")))
    }
}

/// One article's page.
fn page_for(b: &Board, p: &PostSummary, body: Option<PostBody>) -> Result<String, Error> {
    let state = UrlState::read_with_size("", b.config.page_size, &b.config.params).with_post(p.no);
    let title = esg_board::views::board::document_title(b.index, &state, b.config.lang);
    let head = head(b, p, body.as_ref());
    let markup = render::article(b.index.clone(), b.config.clone(), p.no, body);
    let data = [
        INDEX_FILE.to_string(),
        board_core::model::shard_path(0),
        body_path(p.no),
    ];
    let html = host_page::insert(b.page, b.html, b.host, &markup, &b.gate, &data)?;
    let html = host_page::mark_post_pages(&html, true);
    let name = b
        .page
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let base = format!("../{}", encode_path(&name));
    article_page(
        b.page,
        &html,
        &ArticleHead {
            no: p.no,
            base: &base,
            title: &title,
            head: &head,
        },
    )
}

/// A file name as a URL path segment.
pub(crate) fn encode_path(name: &str) -> String {
    let mut out = String::new();
    for byte in name.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The text a search result or a card shows: the body's first words, else the title.
fn description(p: &PostSummary, body: Option<&PostBody>) -> String {
    let text = body.map(PostBody::search_text).unwrap_or_default();
    let words: Vec<&str> = text.split_whitespace().collect();
    let text = if words.is_empty() {
        p.title.clone()
    } else {
        words.join(" ")
    };
    if text.chars().count() <= DESCRIPTION_CHARS {
        return text;
    }
    let cut: String = text.chars().take(DESCRIPTION_CHARS - 1).collect();
    format!("{}…", cut.trim_end())
}

/// The first picture of the body with an absolute web address (cards need one).
fn first_image(body: Option<&PostBody>) -> Option<String> {
    body?.content().iter().find_map(|b| match b {
        Block::Image(img) if img.src.starts_with("https://") || img.src.starts_with("http://") => {
            Some(img.src.clone())
        }
        _ => None,
    })
}

/// The head of an article's page: its canonical address (under `--site-url` when the board
/// has one, else relative to the board page), description, Open Graph and Twitter card data,
/// and JSON-LD `NewsArticle` — with `<` escaped in it, so no text closes its script element.
fn head(b: &Board, p: &PostSummary, body: Option<&PostBody>) -> String {
    let site = b.index.board.site_url.as_deref();
    let canonical = match site {
        Some(s) => board_build::feeds::post_url(s, p.no, true),
        None => post_page(p.no),
    };
    let description = description(p, body);
    let image = first_image(body);
    let e = host_page::escape;
    let mut h = String::from(HEAD_BEGIN);
    let mut meta = |attr: &str, key: &str, value: &str| {
        h.push_str(&format!("<meta {attr}=\"{key}\" content=\"{}\">", e(value)));
    };
    meta("name", "description", &description);
    meta("property", "og:type", "article");
    meta("property", "og:title", &p.title);
    meta("property", "og:description", &description);
    meta("property", "og:site_name", &b.index.board.name);
    meta("property", "og:locale", "ko_KR");
    if site.is_some() {
        meta("property", "og:url", &canonical);
    }
    if let Some(img) = &image {
        meta("property", "og:image", img);
    }
    meta("property", "article:published_time", &p.date.to_string());
    if let Some(c) = &p.category {
        meta("property", "article:section", c);
    }
    let card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta("name", "twitter:card", card);
    meta("name", "twitter:title", &p.title);
    meta("name", "twitter:description", &description);
    h.push_str(&format!(
        "<link rel=\"canonical\" href=\"{}\">",
        e(&canonical)
    ));
    let mut ld = serde_json::json!({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": p.title,
        "datePublished": p.date.to_string(),
        "description": description,
        "mainEntityOfPage": canonical,
        "publisher": { "@type": "Organization", "name": b.index.board.name },
    });
    if let Some(a) = &p.author {
        ld["author"] = serde_json::json!({ "@type": "Person", "name": a });
    }
    if let Some(img) = &image {
        ld["image"] = serde_json::json!([img]);
    }
    if let Some(c) = &p.category {
        ld["articleSection"] = serde_json::json!(c);
    }
    let ld = ld
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026");
    h.push_str(&format!(
        "<script type=\"application/ld+json\">{ld}</script>"
    ));
    h.push_str(HEAD_END);
    h
}

/// What an article's own page changes in its host page, besides the board element's content.
pub(crate) struct ArticleHead<'a> {
    /// The article's number, for the board element's `data-post`.
    pub no: u32,
    /// The board page, relative to the article's page (`../index.html`): the page's base.
    pub base: &'a str,
    /// The document title.
    pub title: &'a str,
    /// What goes at the end of the head (canonical address, description, card data).
    pub head: &'a str,
}

/// The page `html` (the host page with the article already inside the board element) as the
/// article's own page: the board page as its base (first in the head, so every relative address
/// of the page resolves there), the article's title instead of the page's, the page's own
/// description left out for the article's, `data-post` on the board element.
pub(crate) fn article_page(path: &Path, html: &str, a: &ArticleHead) -> Result<String, Error> {
    let tags = host_page::start_tags(html);
    let find = |name: &str| tags.iter().find(|t| t.name == name);
    let board = host_page::board_tag(&tags);
    let refuse = |at: usize, why: &str| Err(Error::at(path, host_page::line_of(html, at), why));
    if board.attr("data-post").is_some() {
        return refuse(board.start, "the board's element already has data-post: article pages are made from the board page, not from an article page");
    }
    if let Some(base) = find("base") {
        return refuse(
            base.start,
            "the page has a <base> of its own; an article page needs the board page as its base",
        );
    }
    // First in the head: after its start tag, or where the head begins when the tag is left
    // out (minified pages), right after `<html>` or the doctype.
    let doctype = || {
        let lower = html.trim_start().to_ascii_lowercase();
        let lead = html.len() - html.trim_start().len();
        lower
            .starts_with("<!doctype")
            .then(|| lower.find('>').map(|e| lead + e + 1))
            .flatten()
    };
    let base_at = (find("head").or_else(|| find("html")))
        .map(|t| t.end)
        .or_else(doctype)
        .unwrap_or(0);
    let lower = html.to_ascii_lowercase();
    let head_end = host_page::head_end(path, html, board)?;
    // (range, replacement), none overlapping.
    let mut edits: Vec<(std::ops::Range<usize>, String)> = Vec::new();
    edits.push((
        base_at..base_at,
        format!("<base href=\"{}\">", host_page::escape(a.base)),
    ));
    let title = format!("<title>{}</title>", host_page::escape(a.title));
    match find("title") {
        Some(t) => {
            let close = lower[t.end..].find("</title").map(|e| t.end + e);
            let end = close.and_then(|c| html[c..].find('>').map(|e| c + e + 1));
            edits.push((t.start..end.unwrap_or(t.end), title));
        }
        None => edits.push((head_end..head_end, title)),
    }
    for t in tags.iter().filter(|t| {
        t.name == "meta"
            && t.attr("name")
                .is_some_and(|n| n.eq_ignore_ascii_case("description"))
    }) {
        edits.push((t.start..t.end, String::new()));
    }
    edits.push((head_end..head_end, a.head.to_string()));
    let close = if html[..board.end].ends_with("/>") {
        board.end - 2
    } else {
        board.end - 1
    };
    edits.push((close..close, format!(" data-post=\"{}\"", a.no)));
    edits.sort_by_key(|(r, _)| (r.start, r.end));
    let mut out = String::with_capacity(html.len() + 2048);
    let mut at = 0;
    for (r, text) in edits {
        out.push_str(&html[at..r.start]);
        out.push_str(&text);
        at = r.end;
    }
    out.push_str(&html[at..]);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_page_names_are_recognised() {
        assert!(is_article_page("3409.html"));
        assert!(!is_article_page(".html"));
        assert!(!is_article_page("index.html"));
        assert!(!is_article_page("3409.htm"));
    }

    #[test]
    fn file_names_become_path_segments() {
        assert_eq!(encode_path("index.html"), "index.html");
        assert_eq!(
            encode_path("게시판 1.html"),
            "%EA%B2%8C%EC%8B%9C%ED%8C%90%201.html"
        );
    }
}
