//! HTML bodies (gnuboard5 posts written in its editor, WordPress posts) reduced to what the
//! dataset keeps: paragraphs of text. The dataset never holds markup; block elements end a
//! paragraph, `<br>` ends a line, and scripts, styles, frames and comments (the block editor's
//! `<!-- wp:… -->`) are dropped with their content.
//!
//! Parsed by `scraper` (html5ever, the HTML parser of Servo): exports hold whatever their editors
//! wrote, unclosed tags and entities included, which only a real parser reads as browsers do.

use ego_tree::NodeRef;
use scraper::{Html, Node};

/// Elements whose content is never text for readers.
const DROPPED: [&str; 12] = [
    "script", "style", "template", "iframe", "object", "embed", "noscript", "head", "svg", "math",
    "canvas", "select",
];

/// Elements that start and end a paragraph.
const BLOCKS: [&str; 26] = [
    "p",
    "div",
    "section",
    "article",
    "header",
    "footer",
    "aside",
    "nav",
    "blockquote",
    "pre",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "dl",
    "dt",
    "dd",
    "table",
    "tr",
    "figure",
    "figcaption",
];

/// The paragraphs of an HTML body, as the dataset keeps them (NFC, trimmed, no markup).
pub fn paragraphs(html: &str) -> Vec<String> {
    let doc = Html::parse_fragment(html);
    let mut text = Collected::default();
    walk(doc.tree.root(), &mut text);
    text.end_paragraph();
    text.done
}

#[derive(Default)]
struct Collected {
    done: Vec<String>,
    open: String,
}

impl Collected {
    fn end_paragraph(&mut self) {
        let lines: Vec<String> = self
            .open
            .split('\n')
            .map(crate::text::clean)
            .filter(|l| !l.is_empty())
            .collect();
        if !lines.is_empty() {
            self.done.push(lines.join("\n"));
        }
        self.open.clear();
    }
}

fn walk(node: NodeRef<'_, Node>, out: &mut Collected) {
    for child in node.children() {
        match child.value() {
            Node::Text(t) => {
                // HTML's white space: any run is one space.
                let mut last_space = out.open.ends_with([' ', '\n']);
                for c in t.chars() {
                    if matches!(c, ' ' | '\t' | '\n' | '\r' | '\u{c}') {
                        if !last_space {
                            out.open.push(' ');
                            last_space = true;
                        }
                    } else {
                        out.open.push(c);
                        last_space = false;
                    }
                }
            }
            Node::Element(e) => {
                let name = e.name();
                if DROPPED.contains(&name) {
                    continue;
                }
                if name == "br" {
                    out.open.push('\n');
                    continue;
                }
                let block = BLOCKS.contains(&name);
                if block {
                    out.end_paragraph();
                }
                walk(child, out);
                if block {
                    out.end_paragraph();
                } else if matches!(name, "td" | "th") {
                    out.open.push(' ');
                }
            }
            _ => walk(child, out),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocks_lines_and_entities() {
        let html =
            "<p>첫 문단&nbsp;입니다.</p>\n<p>둘째<br>줄바꿈</p><div>셋째 &amp; <b>굵게</b></div>끝";
        assert_eq!(
            paragraphs(html),
            ["첫 문단\u{a0}입니다.", "둘째\n줄바꿈", "셋째 & 굵게", "끝"]
        );
    }

    #[test]
    fn scripts_styles_frames_and_comments_are_dropped() {
        let html = "<!-- wp:paragraph --><p>본문</p><!-- /wp:paragraph -->\
                    <script>alert(1)</script><style>p{}</style><iframe src=x>frame</iframe>\
                    <img src=x onerror=alert(1)><p onclick=\"x()\">끝</p>";
        assert_eq!(paragraphs(html), ["본문", "끝"]);
        assert!(paragraphs("<p>  </p><div></div>").is_empty());
        // Broken markup reads as a browser reads it.
        assert_eq!(paragraphs("<p>열린 <b>태그<p>다음"), ["열린 태그", "다음"]);
    }
}
