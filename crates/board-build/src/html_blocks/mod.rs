//! HTML bodies (gnuboard5's editor, WordPress, HTML pasted into a CSV cell) turned into the
//! dataset's blocks (`board_core::content`): paragraphs of inline runs, headings, lists,
//! tables, images, quotes, preformatted text and rules. The dataset never holds markup.
//!
//! Parsed by `scraper` (html5ever, Servo's HTML parser): exports hold whatever their editors
//! wrote, unclosed tags, entities and Word/HWP paste included, which only a real parser reads as
//! browsers do. The rules:
//! - what the model has no block for keeps only its text (spans, fonts, nested divs of pasted
//!   Word markup flatten to clean paragraphs; NBSP-only paragraphs disappear);
//! - scripts, styles, frames, objects, forms, SVG/MathML and comments are dropped whole;
//! - no attribute survives but `href` (http(s), mailto or relative), `src` (http(s) or relative),
//!   `alt`, `width`, `height`, `colspan` and `rowspan`; a link or image whose address is anything
//!   else keeps only its text;
//! - nesting is bounded, so a crafted body cannot make a deep dataset file or a deep page.

mod runs;

use board_core::content::{self, Block, Cell, Heading, Image, Inline, List, Table};
use board_core::safe_url::{self, WEB_SCHEMES};
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use unicode_normalization::UnicodeNormalization;

use runs::{raw_text, text_only, Runs};

/// Elements dropped with everything inside them.
pub(crate) const DROPPED: [&str; 26] = [
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "noscript", "noembed", "noframes", "head", "title", "meta", "link", "base", "svg", "math",
    "canvas", "form", "input", "button", "select", "textarea", "dialog",
];

/// Elements that start and end a paragraph (their content flows into blocks).
pub(crate) const CONTAINERS: [&str; 22] = [
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "main",
    "address",
    "center",
    "dl",
    "dt",
    "dd",
    "details",
    "summary",
    "fieldset",
    "legend",
    "li",
    "body",
    "html",
    "figcaption",
];

/// Element depth beyond which a subtree keeps only its text.
pub(crate) const MAX_DEPTH: usize = 32;

/// Lists and quotes inside lists and quotes, at most; deeper ones flow into their parent.
const MAX_NESTING: usize = 6;

/// Inline formatting inside inline formatting, at most.
pub(crate) const MAX_INLINE: usize = 6;

/// Whether a body text is HTML rather than plain text: it holds a tag editors write.
pub fn looks_like_html(text: &str) -> bool {
    const TAGS: [&str; 44] = [
        "p",
        "br",
        "div",
        "span",
        "table",
        "tr",
        "td",
        "th",
        "img",
        "a",
        "b",
        "strong",
        "i",
        "em",
        "u",
        "ul",
        "ol",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "font",
        "blockquote",
        "pre",
        "hr",
        "figure",
        "center",
        "script",
        "style",
        "iframe",
        "svg",
        "math",
        "object",
        "embed",
        "form",
        "input",
        "body",
        "html",
        "meta",
        "link",
        "noscript",
    ];
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'<' {
            return false;
        }
        let rest = &bytes[i + 1..];
        let rest = rest.strip_prefix(b"/").unwrap_or(rest);
        TAGS.iter().any(|tag| {
            rest.len() > tag.len()
                && rest[..tag.len()].eq_ignore_ascii_case(tag.as_bytes())
                && matches!(rest[tag.len()], b'>' | b' ' | b'/' | b'\t' | b'\n' | b'\r')
        })
    })
}

/// The blocks of a body: HTML when it looks like HTML, else plain text whose blank lines
/// separate paragraphs.
pub fn body_blocks(text: &str) -> Vec<Block> {
    if looks_like_html(text) {
        blocks(text)
    } else {
        text_blocks(text)
    }
}

/// Paragraphs of plain text: blank (or NBSP-only) lines separate them, line breaks stay.
pub fn text_blocks(text: &str) -> Vec<Block> {
    (crate::text::paragraphs(text.lines()).iter())
        .map(|p| Block::text_paragraph(p))
        .collect()
}

/// The blocks of an HTML body.
pub fn blocks(html: &str) -> Vec<Block> {
    let doc = Html::parse_fragment(html);
    let mut flow = Flow::default();
    flow.children(doc.tree.root(), 0);
    flow.done()
}

/// Blocks being collected, with the paragraph still open.
#[derive(Default)]
struct Flow {
    blocks: Vec<Block>,
    open: Runs,
    /// How many lists and quotes enclose this flow.
    nesting: usize,
}

impl Flow {
    fn nested(&self) -> Flow {
        Flow {
            nesting: self.nesting + 1,
            ..Flow::default()
        }
    }

    fn done(mut self) -> Vec<Block> {
        self.flush();
        self.blocks
    }

    fn flush(&mut self) {
        let runs = std::mem::take(&mut self.open).done();
        if !runs.is_empty() {
            self.blocks.push(Block::P(runs));
        }
    }

    fn push(&mut self, b: Block) {
        self.flush();
        self.blocks.push(b);
    }

    fn children(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        for child in node.children() {
            self.node(child, depth + 1);
        }
    }

    fn node(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let el = match node.value() {
            Node::Text(t) => return self.open.text(t),
            Node::Element(_) => ElementRef::wrap(node).expect("an element"),
            Node::Document | Node::Fragment => return self.children(node, depth),
            _ => return, // comments (the block editor's `<!-- wp:… -->`), doctypes, …
        };
        let name = el.value().name();
        if DROPPED.contains(&name) {
            return;
        }
        if depth > MAX_DEPTH {
            return text_only(node, &mut self.open);
        }
        match name {
            "br" => self.open.br(),
            "hr" => self.push(Block::Rule),
            "img" => {
                if let Some(img) = image(el) {
                    self.push(Block::Image(img));
                }
            }
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                self.flush();
                let level = match name {
                    "h1" | "h2" => 2,
                    "h3" => 3,
                    _ => 4,
                };
                let runs = inline_of(node, depth, self.nesting);
                if !runs.is_empty() {
                    self.blocks.push(Block::Heading(Heading { level, runs }));
                }
            }
            "ul" | "ol" | "menu" if self.nesting < MAX_NESTING => {
                self.flush();
                let list = self.list(node, name == "ol", depth);
                if !list.items.is_empty() {
                    self.blocks.push(Block::List(list));
                }
            }
            "blockquote" if self.nesting < MAX_NESTING => {
                self.flush();
                let mut inner = self.nested();
                inner.children(node, depth);
                let blocks = inner.done();
                if !blocks.is_empty() {
                    self.blocks.push(Block::Quote(blocks));
                }
            }
            "pre" | "listing" | "xmp" | "plaintext" => {
                let mut text = String::new();
                raw_text(node, &mut text);
                let text: String = text.strip_prefix('\n').unwrap_or(&text).nfc().collect();
                let text = text.trim_end();
                if !text.trim().is_empty() {
                    self.push(Block::Pre(text.to_string()));
                }
            }
            "table" => self.table(node, depth),
            "figure" => self.figure(node, depth),
            _ if CONTAINERS.contains(&name) || name.contains(':') && has_block(node) => {
                self.flush();
                self.children(node, depth);
                self.flush();
            }
            _ if has_block(node) => self.children(node, depth),
            _ => self.open.element(node, depth, 0),
        }
    }

    fn list(&mut self, node: NodeRef<'_, Node>, ordered: bool, depth: usize) -> List {
        let mut items: Vec<Vec<Block>> = Vec::new();
        let mut stray = self.nested();
        for child in node.children() {
            let is_item = ElementRef::wrap(child).is_some_and(|e| e.value().name() == "li");
            if is_item {
                let mut item = self.nested();
                item.children(child, depth + 1);
                let blocks = item.done();
                if !blocks.is_empty() {
                    items.push(blocks);
                }
            } else {
                // Text or a list written straight inside the list: part of the item before it.
                stray.node(child, depth + 1);
                let blocks = std::mem::take(&mut stray.blocks);
                if !blocks.is_empty() {
                    match items.last_mut() {
                        Some(last) => last.extend(blocks),
                        None => items.push(blocks),
                    }
                }
            }
        }
        let tail = stray.done();
        if !tail.is_empty() {
            match items.last_mut() {
                Some(last) => last.extend(tail),
                None => items.push(tail),
            }
        }
        List { ordered, items }
    }

    fn table(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        let mut caption = Vec::new();
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        let mut cells_seen = Vec::new();
        for child in node.children() {
            let Some(el) = ElementRef::wrap(child) else {
                continue;
            };
            match el.value().name() {
                "caption" if caption.is_empty() => {
                    caption = inline_of(child, depth + 1, self.nesting)
                }
                "thead" | "tbody" | "tfoot" => {
                    for tr in child.children() {
                        self.row(tr, depth + 2, &mut rows, &mut cells_seen);
                    }
                }
                "tr" => self.row(child, depth + 1, &mut rows, &mut cells_seen),
                _ => {}
            }
        }
        // A table of one cell is layout (pasted press releases frame the whole text that way):
        // its content flows on as if the table were not there.
        if let [only] = cells_seen.as_slice() {
            if caption.is_empty() {
                let cell = *only;
                self.flush();
                self.children(cell, depth + 3);
                self.flush();
                return;
            }
        }
        if !rows.is_empty() {
            self.push(Block::Table(Table { caption, rows }));
        }
    }

    fn row<'a>(
        &self,
        tr: NodeRef<'a, Node>,
        depth: usize,
        rows: &mut Vec<Vec<Cell>>,
        seen: &mut Vec<NodeRef<'a, Node>>,
    ) {
        let Some(el) = ElementRef::wrap(tr).filter(|e| e.value().name() == "tr") else {
            return;
        };
        let mut row = Vec::new();
        for cell in el.children() {
            let Some(c) = ElementRef::wrap(cell) else {
                continue;
            };
            let head = match c.value().name() {
                "th" => true,
                "td" => false,
                _ => continue,
            };
            let span = |attr: &str| {
                c.value()
                    .attr(attr)
                    .and_then(|v| v.trim().parse::<u64>().ok())
                    .map_or(1, |n| n.clamp(1, content::MAX_SPAN.into()) as u16)
            };
            seen.push(cell);
            row.push(Cell {
                head,
                colspan: span("colspan"),
                rowspan: span("rowspan"),
                runs: cell_runs(cell, depth + 1, self.nesting),
            });
        }
        if !row.is_empty() {
            rows.push(row);
        }
    }

    fn figure(&mut self, node: NodeRef<'_, Node>, depth: usize) {
        self.flush();
        let before = self.blocks.len();
        let mut caption = Vec::new();
        for child in node.children() {
            let is_caption =
                ElementRef::wrap(child).is_some_and(|e| e.value().name() == "figcaption");
            if is_caption {
                caption = inline_of(child, depth + 1, self.nesting);
            } else {
                self.node(child, depth + 1);
            }
        }
        self.flush();
        if caption.is_empty() {
            return;
        }
        match &mut self.blocks[before..] {
            [Block::Image(img)] if img.caption.is_empty() => img.caption = caption,
            _ => self.blocks.push(Block::P(caption)),
        }
    }
}

/// The runs of an element that holds text (a heading, a caption): blocks inside it become
/// line breaks.
fn inline_of(node: NodeRef<'_, Node>, depth: usize, nesting: usize) -> Vec<Inline> {
    let mut flow = Flow {
        nesting,
        ..Flow::default()
    };
    flow.children(node, depth);
    join_lines(flow.done())
}

/// A table cell's runs: paragraphs become lines; anything else in a cell (a list, an inner
/// table) keeps its text.
fn cell_runs(node: NodeRef<'_, Node>, depth: usize, nesting: usize) -> Vec<Inline> {
    inline_of(node, depth, nesting.max(MAX_NESTING))
}

fn join_lines(blocks: Vec<Block>) -> Vec<Inline> {
    let mut runs = Vec::new();
    for b in blocks {
        let line = match b {
            Block::P(r) | Block::Heading(Heading { runs: r, .. }) => r,
            other => content::text_runs(&content::text_of(std::slice::from_ref(&other))),
        };
        if line.is_empty() {
            continue;
        }
        if !runs.is_empty() {
            runs.push(Inline::Br);
        }
        runs.extend(line);
    }
    runs
}

/// An image the model keeps: a safe source, the alt text as given (empty when none), its size.
fn image(el: ElementRef<'_>) -> Option<Image> {
    let e = el.value();
    // `#…` would load the page itself as an image.
    let src = safe_url::allowed(e.attr("src")?, &WEB_SCHEMES).filter(|s| !s.starts_with('#'))?;
    let size = |attr: &str| {
        let v = e.attr(attr)?.trim();
        let digits = v.strip_suffix("px").unwrap_or(v).trim();
        digits
            .parse::<u32>()
            .ok()
            .filter(|n| (1..=20_000).contains(n))
    };
    let mut alt = Runs::default();
    alt.text(e.attr("alt").unwrap_or(""));
    let mut alt_text = String::new();
    content::runs_text(&alt.done(), &mut alt_text);
    Some(Image {
        src,
        alt: alt_text,
        width: size("width"),
        height: size("height"),
        caption: Vec::new(),
    })
}

/// Whether an element holds something that is a block of its own (then it cannot be an
/// inline run: a `<span>` around paragraphs, a link around an image).
fn has_block(node: NodeRef<'_, Node>) -> bool {
    node.descendants().any(|d| {
        ElementRef::wrap(d).is_some_and(|e| {
            let n = e.value().name();
            CONTAINERS.contains(&n)
                || matches!(
                    n,
                    "img"
                        | "hr"
                        | "table"
                        | "ul"
                        | "ol"
                        | "menu"
                        | "blockquote"
                        | "pre"
                        | "figure"
                        | "h1"
                        | "h2"
                        | "h3"
                        | "h4"
                        | "h5"
                        | "h6"
                        | "listing"
                        | "xmp"
                        | "plaintext"
                )
        })
    })
}

#[cfg(test)]
mod tests;
