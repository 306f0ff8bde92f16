//! An article's content as the dataset keeps it: blocks of structure and runs of text, never
//! markup. The builder turns every body (HTML, plain text, the captured page) into these; the
//! app renders each as the element it names, built as DOM nodes; body search reads their text.
//!
//! In JSON each variant is named by one key (`{"p":[…]}`, `{"text":"…"}`, `"br"`), the shape
//! `serde` gives enums by default: compact, and decoded without buffering.

use serde::{Deserialize, Serialize};

/// A run of inline text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Em(Vec<Inline>),
    Link(Link),
    /// A line break inside a paragraph or cell.
    Br,
    Code(String),
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Link {
    /// http(s), mailto or relative (`crate::safe_url::LINK_SCHEMES`).
    pub href: String,
    pub runs: Vec<Inline>,
}

/// A block of an article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    P(Vec<Inline>),
    Heading(Heading),
    List(List),
    Table(Table),
    Image(Image),
    Quote(Vec<Block>),
    /// Preformatted text, white space kept.
    Pre(String),
    /// A thematic break (`<hr>`).
    Rule,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Heading {
    /// 2 to 4: the article's title is the heading above them.
    pub level: u8,
    pub runs: Vec<Inline>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct List {
    pub ordered: bool,
    /// Each item's blocks (a nested list is a block of its item).
    pub items: Vec<Vec<Block>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Table {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Inline>,
    pub rows: Vec<Vec<Cell>>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cell {
    /// A header cell (`th`).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub head: bool,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub colspan: u16,
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub rowspan: u16,
    pub runs: Vec<Inline>,
}

fn one() -> u16 {
    1
}

fn is_one(n: &u16) -> bool {
    *n == 1
}

/// The most columns or rows one cell may span (HTML's own limits are 1000 and 65534; a table
/// of a press release never needs more, and a crafted span must not stretch the page).
pub const MAX_SPAN: u16 = 100;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Image {
    /// http(s) or relative (`crate::safe_url::WEB_SCHEMES`).
    pub src: String,
    /// The source's text alternative; empty marks a decorative image.
    pub alt: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub width: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub height: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub caption: Vec<Inline>,
}

/// An attached file (첨부파일).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// The file's name as uploaded (`2026 예산안.hwp`).
    pub name: String,
    /// Where it is downloaded from: http(s) or relative.
    pub url: String,
    /// The kind, from the name's extension, lower case (`hwp`, `pdf`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Size in bytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub size: Option<u64>,
    /// How often it was downloaded, when the source counts it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub downloads: Option<u64>,
}

impl Attachment {
    /// A file given only by its address (http(s) or relative), named by the address's last
    /// segment, decoded: `…/uploads/%EC%98%88%EC%82%B0.hwp` → `예산.hwp`.
    pub fn at(address: &str) -> Option<Attachment> {
        let url = crate::safe_url::allowed(address, &crate::safe_url::WEB_SCHEMES)?;
        let path = crate::host_url::split_url(&url).0;
        let last = path.rsplit('/').next().filter(|s| !s.is_empty())?;
        let name = form_urlencoded::parse(format!("n={}", last.replace('+', "%2B")).as_bytes())
            .next()
            .map(|(_, v)| v.trim().to_string())
            .filter(|n| !n.is_empty())?;
        Some(Attachment {
            kind: Attachment::kind_of(&name),
            name,
            url,
            size: None,
            downloads: None,
        })
    }

    /// The kind a file name's extension gives: `보도자료.HWP` → `hwp`.
    pub fn kind_of(name: &str) -> Option<String> {
        let (stem, ext) = name.rsplit_once('.')?;
        let ok = !stem.is_empty()
            && (1..=8).contains(&ext.len())
            && ext.chars().all(|c| c.is_ascii_alphanumeric());
        ok.then(|| ext.to_ascii_lowercase())
    }
}

impl Block {
    /// A paragraph of plain text; its line breaks stay line breaks.
    pub fn text_paragraph(text: &str) -> Block {
        Block::P(text_runs(text))
    }
}

/// The runs of plain text: its lines, with line breaks between them.
pub fn text_runs(text: &str) -> Vec<Inline> {
    let mut runs = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            runs.push(Inline::Br);
        }
        if !line.is_empty() {
            runs.push(Inline::Text(line.to_string()));
        }
    }
    runs
}

/// The text of blocks, one line per paragraph, heading, list item, table row, caption or image
/// text alternative: what body search reads and snippets are cut from.
pub fn text_of(blocks: &[Block]) -> String {
    let mut out = String::new();
    for b in blocks {
        block_text(b, &mut out);
    }
    if out.ends_with('\n') {
        out.pop();
    }
    out
}

fn line(out: &mut String, runs: &[Inline]) {
    let start = out.len();
    runs_text(runs, out);
    if out.len() > start {
        out.push('\n');
    }
}

fn block_text(b: &Block, out: &mut String) {
    match b {
        Block::P(runs) | Block::Heading(Heading { runs, .. }) => line(out, runs),
        Block::List(l) => l.items.iter().flatten().for_each(|b| block_text(b, out)),
        Block::Table(t) => {
            line(out, &t.caption);
            for row in &t.rows {
                let start = out.len();
                for (i, cell) in row.iter().enumerate() {
                    if i > 0 {
                        out.push(' ');
                    }
                    runs_text(&cell.runs, out);
                }
                if out.len() > start {
                    out.push('\n');
                }
            }
        }
        Block::Image(img) => {
            if !img.alt.is_empty() {
                out.push_str(&img.alt);
                out.push('\n');
            }
            line(out, &img.caption);
        }
        Block::Quote(blocks) => blocks.iter().for_each(|b| block_text(b, out)),
        Block::Pre(text) => {
            out.push_str(text);
            out.push('\n');
        }
        Block::Rule => {}
    }
}

/// The text of inline runs, a line break as `\n`.
pub fn runs_text(runs: &[Inline], out: &mut String) {
    for r in runs {
        match r {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(inner) | Inline::Em(inner) => runs_text(inner, out),
            Inline::Link(l) => runs_text(&l.runs, out),
            Inline::Br => out.push('\n'),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        Inline::Text(s.into())
    }

    #[test]
    fn json_names_each_variant_by_one_key() {
        let blocks = vec![
            Block::P(vec![t("가"), Inline::Br, Inline::Strong(vec![t("나")])]),
            Block::Rule,
            Block::Table(Table {
                caption: vec![],
                rows: vec![vec![Cell {
                    head: true,
                    colspan: 2,
                    rowspan: 1,
                    runs: vec![t("구분")],
                }]],
            }),
        ];
        let json = serde_json::to_string(&blocks).unwrap();
        assert_eq!(
            json,
            r#"[{"p":[{"text":"가"},"br",{"strong":[{"text":"나"}]}]},"rule",{"table":{"rows":[[{"head":true,"colspan":2,"runs":[{"text":"구분"}]}]]}}]"#
        );
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), blocks);
    }

    #[test]
    fn text_reads_every_block() {
        let blocks = vec![
            Block::text_paragraph("첫 줄\n둘째 줄"),
            Block::List(List {
                ordered: false,
                items: vec![vec![Block::text_paragraph("항목")]],
            }),
            Block::Table(Table {
                caption: vec![t("예산 현황")],
                rows: vec![vec![
                    Cell {
                        head: true,
                        colspan: 1,
                        rowspan: 1,
                        runs: vec![t("구분")],
                    },
                    Cell {
                        head: false,
                        colspan: 1,
                        rowspan: 1,
                        runs: vec![t("1,234억")],
                    },
                ]],
            }),
            Block::Image(Image {
                src: "a.png".into(),
                alt: "탄소중립 로드맵".into(),
                width: None,
                height: None,
                caption: vec![t("그림 1")],
            }),
            Block::Rule,
        ];
        assert_eq!(
            text_of(&blocks),
            "첫 줄\n둘째 줄\n항목\n예산 현황\n구분 1,234억\n탄소중립 로드맵\n그림 1"
        );
    }

    #[test]
    fn kinds_come_from_extensions() {
        assert_eq!(Attachment::kind_of("보도자료.HWP").as_deref(), Some("hwp"));
        assert_eq!(Attachment::kind_of("a.tar.gz").as_deref(), Some("gz"));
        assert_eq!(Attachment::kind_of("README"), None);
        assert_eq!(Attachment::kind_of(".hidden"), None);
        let a = Attachment::at("https://x.kr/up/%EC%98%88%EC%82%B0+1.HWP?v=2").unwrap();
        assert_eq!(
            (a.name.as_str(), a.kind.as_deref()),
            ("예산+1.HWP", Some("hwp"))
        );
        assert_eq!(Attachment::at("javascript:alert(1)//a.hwp"), None);
        assert_eq!(Attachment::at("https://x.kr/"), None);
        assert_eq!(Attachment::kind_of("x.한글"), None);
    }
}
