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

use board_core::content::{self, Block, Cell, Heading, Image, Inline, Link, List, Table};
use board_core::safe_url::{self, LINK_SCHEMES, WEB_SCHEMES};
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{ElementRef, Html, Node};
use unicode_normalization::UnicodeNormalization;

/// Elements dropped with everything inside them.
const DROPPED: [&str; 26] = [
    "script", "style", "template", "iframe", "frame", "frameset", "object", "embed", "applet",
    "noscript", "noembed", "noframes", "head", "title", "meta", "link", "base", "svg", "math",
    "canvas", "form", "input", "button", "select", "textarea", "dialog",
];

/// Elements that start and end a paragraph (their content flows into blocks).
const CONTAINERS: [&str; 22] = [
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
const MAX_DEPTH: usize = 32;

/// Lists and quotes inside lists and quotes, at most; deeper ones flow into their parent.
const MAX_NESTING: usize = 6;

/// Inline formatting inside inline formatting, at most.
const MAX_INLINE: usize = 6;

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

/// The text of a subtree too deep to keep its structure (iterative: no recursion on depth).
fn text_only(node: NodeRef<'_, Node>, out: &mut Runs) {
    let mut skipping = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => {
                if let Some(e) = ElementRef::wrap(n) {
                    let name = e.value().name();
                    if skipping > 0 || DROPPED.contains(&name) {
                        skipping += 1;
                    } else if name == "br" {
                        out.br();
                    } else if CONTAINERS.contains(&name) {
                        out.text(" ");
                    }
                } else if let (Node::Text(t), 0) = (n.value(), skipping) {
                    out.text(t);
                }
            }
            Edge::Close(n) => {
                if skipping > 0 && n.value().is_element() {
                    skipping -= 1;
                }
            }
        }
    }
}

/// Text exactly as written (for `<pre>`): `<br>` is a line end, dropped elements are skipped.
fn raw_text(node: NodeRef<'_, Node>, out: &mut String) {
    let mut skipping = 0usize;
    for edge in node.traverse() {
        match edge {
            Edge::Open(n) => match n.value() {
                Node::Element(e) if skipping > 0 || DROPPED.contains(&e.name()) => skipping += 1,
                Node::Element(e) if e.name() == "br" => out.push('\n'),
                Node::Text(t) if skipping == 0 => out.push_str(t),
                _ => {}
            },
            Edge::Close(n) => {
                if skipping > 0 && n.value().is_element() {
                    skipping -= 1;
                }
            }
        }
    }
}

/// Inline runs being collected: HTML white space collapsed across elements, text in NFC.
#[derive(Default)]
struct Runs {
    root: Vec<Inline>,
    frames: Vec<(Frame, Vec<Inline>)>,
    /// The last thing written ends in white space (or nothing was written yet).
    space_before: bool,
    started: bool,
}

enum Frame {
    Strong,
    Em,
    Link(String),
}

impl Runs {
    fn top(&mut self) -> &mut Vec<Inline> {
        match self.frames.last_mut() {
            Some((_, runs)) => runs,
            None => &mut self.root,
        }
    }

    fn text(&mut self, t: &str) {
        let mut collapsed = String::with_capacity(t.len());
        let mut space = self.space_before || !self.started;
        for c in t.nfc() {
            if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                if !space {
                    collapsed.push(' ');
                    space = true;
                }
            } else {
                collapsed.push(c);
                space = false;
            }
        }
        if collapsed.is_empty() {
            return;
        }
        self.started = true;
        self.space_before = space;
        let top = self.top();
        match top.last_mut() {
            Some(Inline::Text(prev)) => prev.push_str(&collapsed),
            _ => top.push(Inline::Text(collapsed)),
        }
    }

    fn br(&mut self) {
        if self.started {
            self.top().push(Inline::Br);
            self.space_before = true;
        }
    }

    /// The content of an inline element, none of which is a block.
    fn inline(&mut self, node: NodeRef<'_, Node>, depth: usize, formatting: usize) {
        for child in node.children() {
            match child.value() {
                Node::Text(t) => self.text(t),
                Node::Element(_) => self.element(child, depth + 1, formatting),
                _ => {}
            }
        }
    }

    /// One inline element: formatting and links become runs around their content; any other
    /// element keeps its content only.
    fn element(&mut self, node: NodeRef<'_, Node>, depth: usize, formatting: usize) {
        let Node::Element(e) = node.value() else {
            return;
        };
        let name = e.name();
        if DROPPED.contains(&name) {
            return;
        }
        if depth > MAX_DEPTH {
            return text_only(node, self);
        }
        let frame = match name {
            "br" => return self.br(),
            "code" | "kbd" | "samp" | "tt" => return self.code(node),
            _ if formatting >= MAX_INLINE => None,
            "strong" | "b" => Some(Frame::Strong),
            "em" | "i" => Some(Frame::Em),
            "a" => link_target(e).map(Frame::Link),
            _ => None,
        };
        match frame {
            Some(f) => {
                self.frames.push((f, Vec::new()));
                self.inline(node, depth, formatting + 1);
                self.close();
            }
            None => self.inline(node, depth, formatting),
        }
    }

    fn code(&mut self, node: NodeRef<'_, Node>) {
        let mut code = Runs::default();
        text_only(node, &mut code);
        let mut text = String::new();
        content::runs_text(&code.done(), &mut text);
        if !text.is_empty() {
            self.started = true;
            self.space_before = false;
            self.top().push(Inline::Code(text.replace('\n', " ")));
        }
    }

    fn close(&mut self) {
        let Some((frame, runs)) = self.frames.pop() else {
            return;
        };
        if runs.is_empty() {
            return;
        }
        let run = match frame {
            Frame::Strong => Inline::Strong(runs),
            Frame::Em => Inline::Em(runs),
            Frame::Link(href) => Inline::Link(Link { href, runs }),
        };
        self.top().push(run);
    }

    /// The runs, trimmed; empty when they hold no visible text (an NBSP-only paragraph).
    fn done(mut self) -> Vec<Inline> {
        while !self.frames.is_empty() {
            self.close();
        }
        let mut runs = self.root;
        let mut text = String::new();
        content::runs_text(&runs, &mut text);
        if text.chars().all(char::is_whitespace) {
            return Vec::new();
        }
        trim_start(&mut runs);
        trim_end(&mut runs);
        runs
    }
}

fn trim_start(runs: &mut Vec<Inline>) {
    while let Some(first) = runs.first_mut() {
        match first {
            Inline::Br => {
                runs.remove(0);
            }
            Inline::Text(t) => {
                let trimmed = t.trim_start();
                if trimmed.is_empty() {
                    runs.remove(0);
                } else {
                    *t = trimmed.to_string();
                    return;
                }
            }
            Inline::Strong(inner) | Inline::Em(inner) | Inline::Link(Link { runs: inner, .. }) => {
                trim_start(inner);
                if inner.is_empty() {
                    runs.remove(0);
                } else {
                    return;
                }
            }
            Inline::Code(_) => return,
        }
    }
}

fn trim_end(runs: &mut Vec<Inline>) {
    while let Some(last) = runs.last_mut() {
        match last {
            Inline::Br => {
                runs.pop();
            }
            Inline::Text(t) => {
                let trimmed = t.trim_end();
                if trimmed.is_empty() {
                    runs.pop();
                } else {
                    t.truncate(trimmed.len());
                    return;
                }
            }
            Inline::Strong(inner) | Inline::Em(inner) | Inline::Link(Link { runs: inner, .. }) => {
                trim_end(inner);
                if inner.is_empty() {
                    runs.pop();
                } else {
                    return;
                }
            }
            Inline::Code(_) => return,
        }
    }
}

/// Where a link may go: http(s), mailto or relative; a link within the page (`#…`) is not
/// followed, since the host page's fragment is the host's.
fn link_target(e: &scraper::node::Element) -> Option<String> {
    let href = safe_url::allowed(e.attr("href")?, &LINK_SCHEMES)?;
    (!href.starts_with('#')).then_some(href)
}

#[cfg(test)]
#[path = "html_blocks_tests.rs"]
mod tests;
