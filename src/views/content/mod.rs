//! An article's content: its blocks as the elements they name (paragraphs, headings, lists,
//! tables, images, quotes, preformatted text, rules) and its attached files.
//!
//! One writer decides which elements and attributes the content becomes; it writes them
//! through an [`Out`]: DOM nodes in the browser ([`dom`]: `createElement`, `setAttribute`, text
//! nodes — never from HTML text), escaped HTML text ahead of time ([`html`]: the article pages
//! `board-prerender` writes), so both show the same markup. Built directly rather than through
//! the view macro: the content is rendered once and never updated, and a typed view per block
//! kind cost the wasm three times as much. Addresses are checked again here, since a dataset
//! may come from elsewhere than board-build.

pub mod dom;
pub mod html;

use std::cell::Cell as Counter;

use board_core::content::{Attachment, Block, Cell, Image, Inline, Table};
use board_core::linkify::{linkify, Piece};
use board_core::safe_url::{self, LINK_SCHEMES, WEB_SCHEMES};
use board_core::Lang;

use crate::i18n;

/// Where content is written: elements with attributes and text, in document order (an
/// element's attributes are set before anything is written into it).
pub trait Out {
    type Node;
    /// A new element `tag` at the end of `parent`.
    fn el(&self, parent: &Self::Node, tag: &'static str) -> Self::Node;
    fn attr(&self, el: &Self::Node, name: &'static str, value: &str);
    /// Text at the end of `parent`.
    fn text(&self, parent: &Self::Node, text: &str);
}

/// Writes one article's content through `O`.
pub struct Writer<O> {
    out: O,
    lang: Lang,
    /// Tables so far, to name each one's scrolling region.
    tables: Counter<usize>,
}

impl<O: Out> Writer<O> {
    pub fn with(out: O, lang: Lang) -> Writer<O> {
        Writer {
            out,
            lang,
            tables: Counter::new(0),
        }
    }

    fn el(&self, parent: &O::Node, tag: &'static str) -> O::Node {
        self.out.el(parent, tag)
    }

    fn attr(&self, el: &O::Node, name: &'static str, value: &str) {
        self.out.attr(el, name, value)
    }

    fn text(&self, parent: &O::Node, text: &str) {
        self.out.text(parent, text)
    }

    /// The blocks, at the end of `parent`.
    pub fn write(&self, parent: &O::Node, blocks: &[Block]) {
        for b in blocks {
            self.block(parent, b);
        }
    }

    fn block(&self, parent: &O::Node, b: &Block) {
        match b {
            Block::P(runs) => self.runs(&self.el(parent, "p"), runs, true),
            // The article's title is the `h2`; its own headings come below it.
            Block::Heading(h) => {
                let tag = match h.level {
                    0..=2 => "h3",
                    3 => "h4",
                    _ => "h5",
                };
                self.runs(&self.el(parent, tag), &h.runs, true);
            }
            Block::List(l) => {
                let list = self.el(parent, if l.ordered { "ol" } else { "ul" });
                for item in &l.items {
                    let li = self.el(&list, "li");
                    match item.as_slice() {
                        // An item of one paragraph is its text, not a paragraph in an item.
                        [Block::P(runs)] => self.runs(&li, runs, true),
                        _ => self.write(&li, item),
                    }
                }
            }
            Block::Table(t) => self.table(parent, t),
            Block::Image(img) => self.image(parent, img),
            Block::Quote(inner) => self.write(&self.el(parent, "blockquote"), inner),
            Block::Pre(text) => self.text(&self.el(parent, "pre"), text),
            Block::Rule => {
                self.el(parent, "hr");
            }
        }
    }

    /// A table inside a labelled region that scrolls sideways on narrow screens and takes
    /// keyboard focus, so that it can be scrolled without a pointer.
    fn table(&self, parent: &O::Node, t: &Table) {
        let n = self.tables.get() + 1;
        self.tables.set(n);
        let mut caption = String::new();
        board_core::content::runs_text(&t.caption, &mut caption);
        let region = self.el(parent, "div");
        self.attr(&region, "class", "board-table-scroll");
        self.attr(&region, "role", "region");
        self.attr(
            &region,
            "aria-label",
            &i18n::table_region(self.lang, caption.trim(), n),
        );
        self.attr(&region, "tabindex", "0");
        let table = self.el(&region, "table");
        self.attr(&table, "class", "board-content-table");
        if !t.caption.is_empty() {
            self.runs(&self.el(&table, "caption"), &t.caption, false);
        }
        let body = self.el(&table, "tbody");
        for row in &t.rows {
            // A row of header cells heads the columns; a header cell among data cells heads
            // its row.
            let all_head = row.iter().all(|c| c.head);
            let tr = self.el(&body, "tr");
            for c in row {
                self.cell(&tr, c, all_head);
            }
        }
    }

    fn cell(&self, tr: &O::Node, c: &Cell, column_header: bool) {
        let td = self.el(tr, if c.head { "th" } else { "td" });
        if c.head {
            self.attr(&td, "scope", if column_header { "col" } else { "row" });
        }
        for (name, n) in [("colspan", c.colspan), ("rowspan", c.rowspan)] {
            if n > 1 {
                self.attr(&td, name, &n.to_string());
            }
        }
        self.runs(&td, &c.runs, true);
    }

    /// An image with the source's text alternative (empty: decorative), its size reserved before
    /// it loads, and loaded only when it comes near the screen.
    fn image(&self, parent: &O::Node, img: &Image) {
        // `#…` would load the page itself as an image.
        let Some(src) = safe_url::allowed(&img.src, &WEB_SCHEMES).filter(|s| !s.starts_with('#'))
        else {
            return;
        };
        let frame = self.el(
            parent,
            if img.caption.is_empty() {
                "div"
            } else {
                "figure"
            },
        );
        self.attr(&frame, "class", "board-figure");
        let e = self.el(&frame, "img");
        self.attr(&e, "loading", "lazy");
        self.attr(&e, "decoding", "async");
        self.attr(&e, "alt", &img.alt);
        for (name, v) in [("width", img.width), ("height", img.height)] {
            if let Some(v) = v {
                self.attr(&e, name, &v.to_string());
            }
        }
        self.attr(&e, "src", &src);
        if !img.caption.is_empty() {
            self.runs(&self.el(&frame, "figcaption"), &img.caption, true);
        }
    }

    /// Inline runs; web addresses in plain text become links when `linkify_text` (never inside
    /// a link).
    fn runs(&self, parent: &O::Node, runs: &[Inline], linkify_text: bool) {
        for r in runs {
            match r {
                Inline::Text(t) if linkify_text => self.linked_text(parent, t),
                Inline::Text(t) => self.text(parent, t),
                Inline::Strong(inner) => self.runs(&self.el(parent, "strong"), inner, linkify_text),
                Inline::Em(inner) => self.runs(&self.el(parent, "em"), inner, linkify_text),
                Inline::Br => {
                    self.el(parent, "br");
                }
                Inline::Code(t) => self.text(&self.el(parent, "code"), t),
                Inline::Link(l) => {
                    let href =
                        safe_url::allowed(&l.href, &LINK_SCHEMES).filter(|h| !h.starts_with('#'));
                    match href {
                        Some(href) => self.runs(&self.link(parent, &href), &l.runs, false),
                        None => self.runs(parent, &l.runs, linkify_text),
                    }
                }
            }
        }
    }

    /// A link out of the board: a new tab, without a referrer.
    fn link(&self, parent: &O::Node, href: &str) -> O::Node {
        let a = self.el(parent, "a");
        self.attr(&a, "href", href);
        self.attr(&a, "target", "_blank");
        self.attr(&a, "rel", "noopener noreferrer");
        a
    }

    /// Text with web addresses made links (http/https only).
    fn linked_text(&self, parent: &O::Node, text: &str) {
        for piece in linkify(text) {
            match piece {
                Piece::Text(t) => self.text(parent, t),
                Piece::Link { text, href } => self.text(&self.link(parent, &href), text),
            }
        }
    }

    /// 첨부파일: each file a download link with its name, kind and size (`예산.hwp [hwp, 328KB]`).
    pub fn files(&self, parent: &O::Node, files: &[Attachment]) {
        if files.is_empty() {
            return;
        }
        let m = i18n::messages(self.lang);
        let section = self.el(parent, "section");
        self.attr(&section, "class", "board-files");
        self.attr(&section, "aria-labelledby", "board-files-title");
        let title = self.el(&section, "h3");
        self.attr(&title, "id", "board-files-title");
        self.attr(&title, "class", "board-files-title");
        self.text(&title, m.files);
        self.text(&title, " ");
        let count = self.el(&title, "span");
        self.attr(&count, "class", "board-files-count");
        self.text(&count, &files.len().to_string());
        let list = self.el(&section, "ul");
        for f in files {
            let Some(url) = safe_url::allowed(&f.url, &WEB_SCHEMES) else {
                continue;
            };
            let li = self.el(&list, "li");
            let a = self.el(&li, "a");
            self.attr(&a, "class", "board-file");
            self.attr(&a, "href", &url);
            self.attr(&a, "download", &f.name);
            let name = self.el(&a, "span");
            self.attr(&name, "class", "board-file-name");
            self.text(&name, &f.name);
            let meta = i18n::file_meta(f.kind.as_deref(), f.size);
            if !meta.is_empty() {
                self.text(&a, " ");
                let span = self.el(&a, "span");
                self.attr(&span, "class", "board-file-meta");
                self.text(&span, &meta);
            }
            if let Some(n) = f.downloads {
                self.text(&li, " ");
                let span = self.el(&li, "span");
                self.attr(&span, "class", "board-file-count");
                self.text(&span, &i18n::download_count(self.lang, n));
            }
        }
    }
}
