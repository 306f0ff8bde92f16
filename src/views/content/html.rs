//! Content as HTML text, for pages written ahead of time (`board-prerender`'s article pages):
//! the same elements and attributes the page's DOM gets, every text and attribute value escaped.

use std::cell::RefCell;

use board_core::content::{Attachment, Block};
use board_core::Lang;

use super::{Out, Writer};

/// Elements HTML writes without an end tag.
const VOID: [&str; 3] = ["br", "hr", "img"];

enum Part {
    Element {
        tag: &'static str,
        attrs: Vec<(&'static str, String)>,
        children: Vec<usize>,
    },
    Text(String),
}

/// A tree of parts, written out as text at the end: node 0 is the root, which has no tag.
pub struct Html(RefCell<Vec<Part>>);

impl Out for Html {
    type Node = usize;

    fn el(&self, parent: &usize, tag: &'static str) -> usize {
        self.add(
            *parent,
            Part::Element {
                tag,
                attrs: Vec::new(),
                children: Vec::new(),
            },
        )
    }

    fn attr(&self, el: &usize, name: &'static str, value: &str) {
        if let Some(Part::Element { attrs, .. }) = self.0.borrow_mut().get_mut(*el) {
            attrs.push((name, value.to_string()));
        }
    }

    fn text(&self, parent: &usize, text: &str) {
        self.add(*parent, Part::Text(text.to_string()));
    }
}

impl Html {
    fn new() -> Html {
        Html(RefCell::new(vec![Part::Element {
            tag: "",
            attrs: Vec::new(),
            children: Vec::new(),
        }]))
    }

    fn add(&self, parent: usize, part: Part) -> usize {
        let mut parts = self.0.borrow_mut();
        let n = parts.len();
        parts.push(part);
        if let Some(Part::Element { children, .. }) = parts.get_mut(parent) {
            children.push(n);
        }
        n
    }

    /// Everything written, as HTML text.
    fn finish(self) -> String {
        let parts = self.0.into_inner();
        let mut out = String::new();
        write(&parts, 0, &mut out);
        out
    }
}

fn write(parts: &[Part], n: usize, out: &mut String) {
    match &parts[n] {
        Part::Text(t) => escape(t, false, out),
        Part::Element {
            tag,
            attrs,
            children,
        } => {
            if !tag.is_empty() {
                out.push('<');
                out.push_str(tag);
                for (name, value) in attrs {
                    out.push(' ');
                    out.push_str(name);
                    out.push_str("=\"");
                    escape(value, true, out);
                    out.push('"');
                }
                out.push('>');
            }
            for &c in children {
                write(parts, c, out);
            }
            if !tag.is_empty() && !VOID.contains(tag) {
                out.push_str("</");
                out.push_str(tag);
                out.push('>');
            }
        }
    }
}

/// Escapes text (`&`, `<`, `>`) or an attribute value (also `"`).
fn escape(s: &str, attribute: bool, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            c => out.push(c),
        }
    }
}

/// An article's blocks and its 첨부파일 section, as the HTML the page's DOM would hold.
pub fn article(lang: Lang, blocks: &[Block], files: &[Attachment]) -> (String, String) {
    let text = Writer::with(Html::new(), lang);
    text.write(&0, blocks);
    let attached = Writer::with(Html::new(), lang);
    attached.files(&0, files);
    (text.out.finish(), attached.out.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use board_core::content::{Image, Inline, Link};

    #[test]
    fn writes_the_elements_the_page_gets_with_text_escaped() {
        let blocks = vec![
            Block::P(vec![
                Inline::Text("<b>굵게</b> & \"따옴표\"".into()),
                Inline::Br,
                Inline::Link(Link {
                    href: "https://moel.go.kr/?a=1&b=\"2\"".into(),
                    runs: vec![Inline::Text("고용노동부".into())],
                }),
            ]),
            Block::Image(Image {
                src: "javascript:alert(1)".into(),
                alt: "".into(),
                width: None,
                height: None,
                caption: Vec::new(),
            }),
            Block::Rule,
        ];
        let (html, files) = article(Lang::Ko, &blocks, &[]);
        assert_eq!(
            html,
            "<p>&lt;b&gt;굵게&lt;/b&gt; &amp; \"따옴표\"<br><a href=\"https://moel.go.kr/?a=1&amp;b=&quot;2&quot;\" \
             target=\"_blank\" rel=\"noopener noreferrer\">고용노동부</a></p><hr>"
        );
        assert_eq!(files, "");
    }

    #[test]
    fn files_are_a_section_of_download_links() {
        let file = Attachment::at("https://example.org/f/%EC%98%88%EC%82%B0.hwp").unwrap();
        let (_, files) = article(Lang::Ko, &[], &[file]);
        assert!(
            files.starts_with("<section class=\"board-files\""),
            "{files}"
        );
        assert!(files.contains("download=\"예산.hwp\""), "{files}");
        assert!(files.contains(">첨부파일 <span"), "{files}");
    }
}
