//! Finding the board's element in a host page's HTML, and splicing the pre-rendered first page
//! (and the gate script) into it.
//!
//! The page is the built `dist/index.html` or a portal's own page: it holds the board's element
//! (`id="esg-board"`, configured by `data-*` attributes) and the script tag of `boot.js`. The
//! markup goes right inside that element between two comment markers, so running the command
//! again replaces it instead of adding a second copy.
//!
//! Hand-written rather than an HTML parser crate (html5ever, lol_html): it only has to find one
//! start tag by its id, one `<script src>` and two comments, and skip comments, scripts and
//! styles on the way; a full parser would more than double the builder's dependencies.

use std::path::Path;

use board_build::Error;
use esg_board::HOST_ID;

/// Opens the pre-rendered part of the host element.
pub const BEGIN: &str = "<!--esg-board:prerender-->";
/// Closes it.
pub const END: &str = "<!--/esg-board:prerender-->";
/// Open and close the gate script's part, at the end of the head.
pub const GATE_BEGIN: &str = "<!--esg-board:gate-->";
pub const GATE_END: &str = "<!--/esg-board:gate-->";
/// The classic script, beside `boot.js`, that hides the pre-rendered page when the page was
/// opened on another state (see `public/board-gate.js`).
pub const GATE: &str = "board-gate.js";

/// A start tag found in the page.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Tag {
    pub name: String,
    attrs: Vec<(String, String)>,
    /// Byte offsets of `<` and just after `>`.
    pub start: usize,
    pub end: usize,
}

impl Tag {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// The few character references attribute values in a host page use.
fn unescape(v: &str) -> String {
    v.replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

/// Reads the start tag at `at` (a `<` followed by a letter): name and attributes, quoted or not.
fn start_tag(html: &str, at: usize) -> Option<Tag> {
    let b = html.as_bytes();
    let mut i = at + 1;
    let name_end = i + html[i..].find(|c: char| c.is_ascii_whitespace() || c == '>' || c == '/')?;
    let name = html[i..name_end].to_ascii_lowercase();
    i = name_end;
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if b[i] == b'>' {
            return Some(Tag {
                name,
                attrs,
                start: at,
                end: i + 1,
            });
        }
        let n_end = i + html[i..]
            .find(|c: char| c.is_ascii_whitespace() || matches!(c, '=' | '>' | '/'))
            .unwrap_or(html.len() - i);
        let attr = html[i..n_end].to_ascii_lowercase();
        i = n_end;
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i < b.len() && (b[i] == b'"' || b[i] == b'\'') {
                let q = b[i] as char;
                let close = i + 1 + html[i + 1..].find(q)?;
                value = unescape(&html[i + 1..close]);
                i = close + 1;
            } else {
                let v_end = i + html[i..]
                    .find(|c: char| c.is_ascii_whitespace() || c == '>')
                    .unwrap_or(html.len() - i);
                value = unescape(&html[i..v_end]);
                i = v_end;
            }
        }
        attrs.push((attr, value));
    }
}

/// Every start tag of the page, in order, skipping comments and the insides of scripts and
/// styles (where a `<` is not a tag).
pub(crate) fn start_tags(html: &str) -> Vec<Tag> {
    let mut tags = Vec::new();
    let mut i = 0;
    while let Some(off) = html[i..].find('<') {
        let at = i + off;
        let rest = &html[at..];
        if rest.starts_with("<!--") {
            i = rest.find("-->").map_or(html.len(), |e| at + e + 3);
            continue;
        }
        if !rest[1..].starts_with(|c: char| c.is_ascii_alphabetic()) {
            i = at + 1;
            continue;
        }
        let Some(tag) = start_tag(html, at) else {
            break;
        };
        i = tag.end;
        if matches!(tag.name.as_str(), "script" | "style") {
            let close = format!("</{}", tag.name);
            i = html[i..]
                .to_ascii_lowercase()
                .find(&close)
                .map_or(html.len(), |e| i + e);
        }
        tags.push(tag);
    }
    tags
}

pub(crate) fn line_of(html: &str, at: usize) -> usize {
    html[..at].matches('\n').count() + 1
}

/// What the page tells the pre-renderer.
#[derive(Debug, PartialEq, Eq)]
pub struct Host {
    /// The board element's attributes (`data-page-size`, `data-lang`, …).
    pub attrs: Vec<(String, String)>,
    /// Where the gate script is, relative to the page (beside `boot.js`).
    pub gate_src: String,
}

impl Host {
    pub fn attr(&self, name: &str) -> Option<String> {
        self.attrs
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.clone())
    }
}

/// Finds the board element and `boot.js` in a page.
pub fn host(path: &Path, html: &str) -> Result<Host, Error> {
    let tags = start_tags(html);
    let board = tags
        .iter()
        .find(|t| t.attr("id") == Some(HOST_ID))
        .ok_or_else(|| {
            Error::input(
                board_build::Place {
                    path: path.to_path_buf(),
                    line: None,
                },
                format!("no element with id=\"{HOST_ID}\": that is where the board (and its first page) goes"),
            )
        })?;
    if board.name != "div" {
        return Err(Error::at(
            path,
            line_of(html, board.start),
            format!(
                "the board's element is a <{}>; it must be a <div>",
                board.name
            ),
        ));
    }
    let boot = tags
        .iter()
        .filter(|t| t.name == "script")
        .filter_map(|t| t.attr("src"))
        .find(|src| {
            src.split(['?', '#'])
                .next()
                .unwrap_or("")
                .ends_with("boot.js")
        })
        .ok_or_else(|| {
            Error::at(
                path,
                line_of(html, board.start),
                "no <script src=\"…boot.js\"> on the page: the pre-rendered page would never \
                 turn into the board",
            )
        })?;
    let dir = boot.split(['?', '#']).next().unwrap_or("");
    let dir = &dir[..dir.rfind('/').map_or(0, |i| i + 1)];
    Ok(Host {
        attrs: board.attrs.clone(),
        gate_src: format!("{dir}{GATE}"),
    })
}

/// The board element's start tag, in a page `host` has read.
pub(crate) fn board_tag(tags: &[Tag]) -> &Tag {
    tags.iter()
        .find(|t| t.attr("id") == Some(HOST_ID))
        .expect("`host` found it")
}

/// Where the head ends: the gate script and an article's head go there.
pub(crate) fn head_end(path: &Path, html: &str, board: &Tag) -> Result<usize, Error> {
    html.to_ascii_lowercase()
        .find("</head")
        .filter(|&e| e < board.start)
        .ok_or_else(|| {
            Error::at(
                path,
                line_of(html, board.start),
                "no </head> before the board's element: the gate script (and an article \
                 page's head) goes at the end of the head",
            )
        })
}

/// Where a marked part goes: replacing the one an earlier run left between `begin` and `end`
/// (searched within `within`), or at `at`.
fn region(
    path: &Path,
    html: &str,
    within: std::ops::Range<usize>,
    at: usize,
    (begin, end): (&str, &str),
) -> Result<std::ops::Range<usize>, Error> {
    let text = &html[within.clone()];
    match (text.find(begin), text.find(end)) {
        (Some(b), Some(e)) if b < e => Ok(within.start + b..within.start + e + end.len()),
        (None, None) => Ok(at..at),
        _ => Err(Error::at(
            path,
            line_of(html, within.start),
            format!("one of {begin} and {end} without the other: remove the leftover"),
        )),
    }
}

/// Files the app fetches in a chain (page → `boot.js` → `esg-board.js` → the wasm → `board.json`
/// → the first list file), for the gate script to ask for with the page when it was opened on
/// another state than the pre-rendered one: the attributes naming the app's code beside
/// `boot.js` and, under the board's data folder, the files named in `data` (relative to it).
/// Not for page 1 itself: its rows are already in the HTML, and the wasm fetched that early
/// competes with the page's own first paint (Lighthouse, mobile: LCP 1.5 s → 2.6 s).
fn preloads(host: &Host, data_base: &str, data: &[String]) -> String {
    let esc = |s: &str| {
        s.replace('&', "&amp;")
            .replace('"', "&quot;")
            .replace(' ', "%20")
    };
    let code = esc(&host.gate_src[..host.gate_src.len() - GATE.len()]);
    let data: String = data
        .iter()
        .map(|rel| format!(" {}{}", esc(data_base), esc(rel)))
        .collect();
    format!(" data-preload-module=\"{code}esg-board.js\" data-preload=\"{code}esg-board_bg.wasm{data}\"")
}

/// What the gate script is told, besides the page's own settings: where the board's data is,
/// and which states have pages of their own it can show before the app is up.
#[derive(Clone, Copy, Debug, Default)]
pub struct Gate<'a> {
    /// The data folder, relative to the page (`data/`).
    pub data_base: &'a str,
    /// The lowest and highest 번호 with an article page (`post/`).
    pub post_pages: Option<(u32, u32)>,
    /// The last page of the default list, when the list pages are written (`page/`).
    pub list_pages: Option<u32>,
    /// The page size the board's links carry, when the host page sets one (`data-page-size`).
    pub size: Option<u32>,
}

/// The page with `markup` inside the board element and the gate script (with the preloads of
/// the app's code and of the data files in `data`, under the gate's data folder, and what has
/// pages of its own) at the end of the head, replacing what an earlier run put there.
pub fn insert(
    path: &Path,
    html: &str,
    host: &Host,
    markup: &str,
    gate: &Gate,
    data: &[String],
) -> Result<String, Error> {
    let Gate {
        data_base,
        post_pages,
        list_pages,
        size,
    } = *gate;
    let tags = start_tags(html);
    let board = board_tag(&tags);
    let src = host.gate_src.replace('&', "&amp;").replace('"', "&quot;");
    // In the head, async and render-blocking: the parser goes on to the rows at once (the first
    // rows are not held up by a request), while the browser paints nothing before the script
    // has run, so a page opened on another state never paints page 1 first. (`blocking` counts
    // only in the head; browsers without it run an async script that is usually in before the
    // stylesheet the first paint waits for.)
    // The gate reads the board's URL keys as this page names them.
    let prefix = host
        .attr("data-param-prefix")
        .map(|p| p.trim().replace('&', "&amp;").replace('"', "&quot;"))
        .filter(|p| !p.is_empty())
        .map_or(String::new(), |p| format!(" data-param-prefix=\"{p}\""));
    // …and the language the page is pre-rendered in (`?lang=` naming it shows the same page).
    let lang = board_core::Lang::from_key(host.attr("data-lang").unwrap_or_default().trim())
        .unwrap_or_default()
        .key();
    let size = size.map_or(String::new(), |s| format!(" data-size=\"{s}\""));
    let preload = preloads(host, data_base, data);
    // …and, when the articles have pages of their own, their folder and the lowest and highest
    // 번호 among them, so a link to a post that cannot have one (a mistyped or hostile number)
    // asks for none.
    let posts = post_pages.map_or(String::new(), |(low, high)| {
        let folder = board_core::model::POST_PAGES;
        format!(" data-post-pages=\"{folder} {low} {high}\"")
    });
    // …and, when the list's pages have pages of their own, their folder and the last page.
    let lists = list_pages.map_or(String::new(), |last| {
        let folder = crate::list_pages::FOLDER.name;
        format!(" data-list-pages=\"{folder} {last}\"")
    });
    let gate = format!(
        "{GATE_BEGIN}<script src=\"{src}\"{prefix} data-lang=\"{lang}\"{size}{preload}{posts}{lists} async blocking=\"render\"></script>{GATE_END}"
    );
    let inside = region(path, html, board.end..html.len(), board.end, (BEGIN, END))?;
    let head_end = head_end(path, html, board)?;
    let before = region(path, html, 0..head_end, head_end, (GATE_BEGIN, GATE_END))?;
    Ok(format!(
        "{}{gate}{}{BEGIN}{markup}{END}{}",
        &html[..before.start],
        &html[before.end..inside.start],
        &html[inside.end..]
    ))
}

/// Escapes an attribute value or text for the page.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Says on the board element that the articles have pages of their own beside the page
/// (`data-post-pages`, so that 링크 복사 copies those), or that they have none: the attribute
/// set, replaced or removed, the rest of the start tag as it was.
pub fn mark_post_pages(html: &str, post_pages: bool) -> String {
    const NAME: &str = "data-post-pages";
    let tags = start_tags(html);
    let board = board_tag(&tags);
    let tag = &html[board.start..board.end];
    let lower = tag.to_ascii_lowercase();
    // The attribute as written: ` data-post-pages`, then `="…"`, `='…'` or a bare value.
    let old = lower.find(&format!(" {NAME}")).map(|at| {
        let rest = &tag[at + 1 + NAME.len()..];
        let value = match rest.strip_prefix('=') {
            Some(v) if v.starts_with(['"', '\'']) => v[1..]
                .find(v.as_bytes()[0] as char)
                .map_or(v.len(), |e| e + 2),
            Some(v) => v
                .find(|c: char| c.is_ascii_whitespace() || c == '>')
                .map_or(v.len(), |e| e),
            None => 0,
        };
        let eq = usize::from(rest.starts_with('='));
        board.start + at..board.start + at + 1 + NAME.len() + eq + value
    });
    let new = if post_pages {
        format!(" {NAME}=\"{}\"", board_core::model::POST_PAGES)
    } else {
        String::new()
    };
    let at = match old {
        Some(r) => r,
        None if !post_pages => return html.to_string(),
        None => {
            let close = if tag.ends_with("/>") {
                board.end - 2
            } else {
                board.end - 1
            };
            close..close
        }
    };
    format!("{}{new}{}", &html[..at.start], &html[at.end..])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PAGE: &str = r#"<!doctype html><html><head>
<!-- <div id="esg-board"> in a comment is not it -->
<script>if (a < b) { x = '<div id="esg-board">'; }</script>
<script type="module" src="esg/boot.js?v=2"></script></head><body>
<div class=x data-page-size=10 id="esg-board" data-title='false' data-base-url="a.html?x=1&amp;y=2">
<noscript>JS</noscript></div></body></html>"#;

    #[test]
    fn post_pages_are_marked_and_unmarked_on_the_board_element() {
        let marked = mark_post_pages(PAGE, true);
        assert!(
            marked.contains("data-base-url=\"a.html?x=1&amp;y=2\" data-post-pages=\"post/\">"),
            "{marked}"
        );
        assert_eq!(mark_post_pages(&marked, true), marked, "once");
        assert_eq!(mark_post_pages(&marked, false), PAGE);
        assert_eq!(mark_post_pages(PAGE, false), PAGE);
        for written in [
            "data-post-pages",
            "data-post-pages=post/",
            "data-post-pages='x y'",
        ] {
            let page = PAGE.replace(
                "data-title='false'",
                &format!("{written} data-title='false'"),
            );
            assert_eq!(mark_post_pages(&page, false), PAGE, "{written}");
        }
    }

    #[test]
    fn finds_the_board_element_and_the_gate() {
        let h = host(Path::new("p.html"), PAGE).unwrap();
        assert_eq!(h.attr("data-page-size").as_deref(), Some("10"));
        assert_eq!(h.attr("data-title").as_deref(), Some("false"));
        assert_eq!(h.attr("data-base-url").as_deref(), Some("a.html?x=1&y=2"));
        assert_eq!(h.gate_src, "esg/board-gate.js");
    }

    /// The gate of a board without pages of its own, its data in `data/`.
    fn plain() -> Gate<'static> {
        Gate {
            data_base: "data/",
            ..Gate::default()
        }
    }

    #[test]
    fn inserts_once_and_replaces_on_the_next_run() {
        let path = Path::new("p.html");
        let h = host(path, PAGE).unwrap();
        let once = insert(path, PAGE, &h, "<p>one</p>", &plain(), &[]).unwrap();
        assert!(once.contains(&format!(
            "data-title='false' data-base-url=\"a.html?x=1&amp;y=2\">{BEGIN}<p>one</p>{END}"
        )));
        assert!(once.contains(&format!(
            "{GATE_BEGIN}<script src=\"esg/board-gate.js\" data-lang=\"ko\" data-preload-module=\"esg/esg-board.js\" data-preload=\"esg/esg-board_bg.wasm\" async blocking=\"render\"></script>{GATE_END}</head>"
        )));
        assert!(once.contains("<noscript>JS</noscript>"));
        let twice = insert(
            path,
            &once,
            &host(path, &once).unwrap(),
            "<p>two</p>",
            &Gate {
                data_base: "data/",
                post_pages: Some((3390, 3410)),
                list_pages: Some(12),
                ..Gate::default()
            },
            &[],
        )
        .unwrap();
        assert!(
            !twice.contains("one") && twice.matches(BEGIN).count() == 1,
            "{twice}"
        );
        assert_eq!(twice.matches(GATE_BEGIN).count(), 1, "{twice}");
        assert!(
            twice.contains(
                " data-post-pages=\"post/ 3390 3410\" data-list-pages=\"page/ 12\" async"
            ),
            "{twice}"
        );
        assert_eq!(
            twice.replace("<p>two</p>", "<p>one</p>").replace(
                " data-post-pages=\"post/ 3390 3410\" data-list-pages=\"page/ 12\"",
                ""
            ),
            once
        );
    }

    #[test]
    fn errors_name_the_page_and_the_cause() {
        let path = Path::new("p.html");
        let e = host(path, "<html><body><div id=other></div>").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("p.html: no element with id=\"esg-board\""),
            "{e}"
        );
        let e = host(path, "<html>\n<body>\n<div id=\"esg-board\"></div>").unwrap_err();
        assert!(e.to_string().starts_with("p.html:3: no <script"), "{e}");
        let e = host(
            path,
            "<span id=esg-board></span><script src=boot.js></script>",
        )
        .unwrap_err();
        assert!(e.to_string().contains("<span>"), "{e}");
        let half = format!("</head><div id=esg-board>{BEGIN}</div><script src=boot.js></script>");
        let h = host(path, &half).unwrap();
        let e = insert(path, &half, &h, "x", &plain(), &[]).unwrap_err();
        assert!(e.to_string().contains("without the other"), "{e}");
        let headless = "<html><body><div id=esg-board></div><script src=boot.js></script>";
        let e = insert(
            path,
            headless,
            &host(path, headless).unwrap(),
            "x",
            &plain(),
            &[],
        )
        .unwrap_err();
        assert!(e.to_string().contains("no </head>"), "{e}");
    }

    proptest::proptest! {
        /// Any page, however broken (cut tags, stray quotes, Korean text next to markup), gets
        /// an answer, never a panic; and when the board is found, a page with it inside.
        #[test]
        fn any_page_gets_an_answer(page in "(<|>|=|\"|'|/|!|-|div|script|[ \n가-힣]|id=esg-board|id=\"esg-board\"|<head>|</head>|<title>|</title>|<base>|data-post-pages|src=boot\\.js|<!--|-->|<!--esg-board:prerender-->|<!--/esg-board:prerender-->)*") {
            let path = Path::new("p.html");
            if let Ok(h) = host(path, &page) {
                if let Ok(out) = insert(path, &page, &h, "<p>x</p>", &plain(), &[]) {
                    proptest::prop_assert!(out.contains("<p>x</p>"));
                    // The article page's edits never panic and never lose the article.
                    let marked = mark_post_pages(&out, true);
                    proptest::prop_assert_eq!(mark_post_pages(&marked, true), marked.clone());
                    let head = crate::article_pages::ArticleHead { no: 7, base: "../p.html", title: "제목", head: "<meta>" };
                    if let Ok(article) = crate::article_pages::article_page(path, &marked, &head) {
                        proptest::prop_assert!(article.contains("<p>x</p>"));
                        proptest::prop_assert!(article.contains("<base href=\"../p.html\">"));
                        proptest::prop_assert!(article.contains("data-post=\"7\""));
                    }
                }
            }
        }
    }

    #[test]
    fn never_panics_on_odd_pages() {
        for page in [
            "<",
            "<a",
            "<a b=\"",
            "<div id=esg-board",
            "<!--",
            "<script>",
            "<a b='x>",
        ] {
            let _ = host(Path::new("p"), page);
        }
    }
}
