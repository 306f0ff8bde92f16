//! Inline runs of an HTML body: text with HTML's white space collapsed across elements, in
//! NFC, inside strong/em/link runs (nesting bounded), trimmed; and the text of subtrees kept
//! only as text (too deep, `<pre>`), read without recursion.

use board_core::content::{self, Inline, Link};
use board_core::safe_url::{self, LINK_SCHEMES};
use ego_tree::iter::Edge;
use ego_tree::NodeRef;
use scraper::{ElementRef, Node};
use unicode_normalization::UnicodeNormalization;

use super::{CONTAINERS, DROPPED, MAX_DEPTH, MAX_INLINE};

/// The text of a subtree too deep to keep its structure (iterative: no recursion on depth).
pub(super) fn text_only(node: NodeRef<'_, Node>, out: &mut Runs) {
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
pub(super) fn raw_text(node: NodeRef<'_, Node>, out: &mut String) {
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
pub(super) struct Runs {
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

    pub(super) fn text(&mut self, t: &str) {
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

    pub(super) fn br(&mut self) {
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
    pub(super) fn element(&mut self, node: NodeRef<'_, Node>, depth: usize, formatting: usize) {
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
    pub(super) fn done(mut self) -> Vec<Inline> {
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
