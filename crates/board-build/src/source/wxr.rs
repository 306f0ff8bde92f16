//! WordPress exports (WXR 1.1/1.2, Tools → Export): the published posts of a site.
//!
//! Read with `quick-xml`, streaming: an export of a big site is tens of megabytes. Only items
//! that are posts (`wp:post_type` post) and published (`wp:status` publish) become posts;
//! drafts, pages and the rest are counted on stderr. 번호 is `wp:post_id`, 글쓴이 the author's
//! display name (from the export's `wp:author` list), 날짜 `wp:post_date`, 본문
//! `content:encoded` as blocks (`crate::html_blocks`). Attachment items become files of their
//! parent post (`wp:post_parent`), except images the post's body already shows.

use std::collections::HashMap;
use std::path::Path;

use board_core::content::Attachment;
use quick_xml::events::Event;
use quick_xml::Reader;

use crate::record::{set_field, Column, Located, Record};
use crate::{Error, Place};

/// Whether a text is a WordPress export.
pub fn sniff(text: &str) -> bool {
    let mut end = text.len().min(4096);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    let start = head.trim_start();
    (start.starts_with("<?xml") || start.starts_with("<rss"))
        && head.contains("wordpress.org/export")
}

/// One `<item>` as read: its direct children's text by name.
#[derive(Default)]
struct Item {
    fields: HashMap<&'static str, String>,
    category: Option<String>,
    line: usize,
}

/// The children of `<item>` (and of `<wp:author>`) the board reads.
const WANTED: [&str; 11] = [
    "wp:post_parent",
    "wp:attachment_url",
    "title",
    "dc:creator",
    "content:encoded",
    "wp:post_id",
    "wp:post_date",
    "wp:status",
    "wp:post_type",
    "wp:author_login",
    "wp:author_display_name",
];

fn line_at(text: &str, pos: usize) -> usize {
    1 + text.as_bytes()[..pos.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Reads the published posts, the site's name (the board's, unless `--name` says otherwise),
/// and what is worth saying on stderr.
pub fn parse(path: &Path, text: &str) -> Result<super::Parsed, Error> {
    let mut reader = Reader::from_str(text);
    let xml_error = |pos: usize, e: &dyn std::fmt::Display| {
        Error::at(
            path,
            line_at(text, pos),
            format!("not a readable WordPress export: {e}"),
        )
    };
    // The element path, and where an item and an author block begin in it.
    let mut stack: Vec<String> = Vec::new();
    let (mut item, mut author): (Option<Item>, Option<HashMap<&'static str, String>>) =
        (None, None);
    let mut capture: Option<(&'static str, String)> = None;
    let mut site: Option<String> = None;
    let mut authors: HashMap<String, String> = HashMap::new();
    let mut items: Vec<Item> = Vec::new();
    loop {
        let pos = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|e| xml_error(pos, &e))?;
        match event {
            Event::Start(e) => {
                let name = String::from_utf8_lossy(e.name().as_ref()).into_owned();
                let parent = stack.last().map(String::as_str);
                match (parent, name.as_str()) {
                    (_, "item") => {
                        item = Some(Item {
                            line: line_at(text, pos),
                            ..Item::default()
                        })
                    }
                    (Some("channel"), "wp:author") => author = Some(HashMap::new()),
                    (Some("channel"), "title") if site.is_none() => {
                        capture = Some(("site", String::new()))
                    }
                    (Some("item"), "category") => {
                        let is_category = e
                            .try_get_attribute("domain")
                            .ok()
                            .flatten()
                            .is_some_and(|a| a.value.as_ref() == b"category");
                        if is_category {
                            capture = Some(("category", String::new()));
                        }
                    }
                    (Some("item" | "wp:author"), n) => {
                        capture = WANTED
                            .iter()
                            .find(|w| **w == n)
                            .map(|w| (*w, String::new()));
                    }
                    _ => {}
                }
                stack.push(name);
            }
            Event::End(_) => {
                let name = stack.pop().unwrap_or_default();
                if let Some((key, value)) = capture.take() {
                    match key {
                        "site" => site = Some(value),
                        "category" => {
                            if let Some(it) = item.as_mut() {
                                it.category.get_or_insert(value);
                            }
                        }
                        _ if name == "item" || name == "wp:author" => {}
                        _ => {
                            if let Some(it) = item.as_mut() {
                                it.fields.insert(key, value);
                            } else if let Some(a) = author.as_mut() {
                                a.insert(key, value);
                            }
                        }
                    }
                }
                if name == "item" {
                    items.extend(item.take());
                } else if name == "wp:author" {
                    if let Some(a) = author.take() {
                        if let (Some(login), Some(display)) =
                            (a.get("wp:author_login"), a.get("wp:author_display_name"))
                        {
                            authors.insert(login.clone(), display.clone());
                        }
                    }
                }
            }
            Event::Text(t) => {
                if let Some((_, value)) = capture.as_mut() {
                    value.push_str(&t.unescape().map_err(|e| xml_error(pos, &e))?);
                }
            }
            Event::CData(c) => {
                if let Some((_, value)) = capture.as_mut() {
                    value.push_str(&String::from_utf8_lossy(&c.into_inner()));
                }
            }
            Event::Empty(_) => {}
            Event::Eof => break,
            _ => {}
        }
    }
    let mut out = Vec::new();
    let mut others: HashMap<String, usize> = HashMap::new();
    let mut files: Vec<(u32, usize, Attachment)> = Vec::new();
    let mut bodies: HashMap<u32, String> = HashMap::new();
    for it in items {
        let get = |k: &str| {
            it.fields
                .get(k)
                .map(|v| v.trim().to_string())
                .unwrap_or_default()
        };
        let (kind, status) = (get("wp:post_type"), get("wp:status"));
        if kind == "attachment" {
            let parent = get("wp:post_parent").parse::<u32>().unwrap_or(0);
            if let Some(file) = Attachment::at(&get("wp:attachment_url")).filter(|_| parent > 0) {
                files.push((parent, it.line, file));
                continue;
            }
        }
        if kind != "post" || status != "publish" {
            *others.entry(format!("{kind} ({status})")).or_default() += 1;
            continue;
        }
        let mut r = Record::default();
        let at = |cause: String| Error::at(path, it.line, cause);
        set_field(&mut r, Column::No, &get("wp:post_id")).map_err(at)?;
        set_field(&mut r, Column::Title, &get("title")).map_err(at)?;
        let login = get("dc:creator");
        let author = authors.get(&login).cloned().unwrap_or(login);
        set_field(&mut r, Column::Author, &author).map_err(at)?;
        set_field(&mut r, Column::Date, &get("wp:post_date")).map_err(at)?;
        if let Some(category) = &it.category {
            set_field(&mut r, Column::Category, category).map_err(at)?;
        }
        let html = get("content:encoded");
        r.blocks = Some(crate::html_blocks::blocks(&html)).filter(|b| !b.is_empty());
        bodies.insert(r.no.unwrap_or(0), html);
        out.push(Located {
            place: Place::new(path, it.line),
            record: r,
        });
    }
    let mut notes = vec![format!(
        "{}: a WordPress export ({} published posts)",
        path.display(),
        out.len()
    )];
    let mut shown = 0usize;
    for (parent, line, file) in files {
        // An image the post's body already shows (WordPress embeds sized copies: `a-300x200.jpg`).
        let stem = file
            .url
            .rsplit_once('.')
            .map_or(file.url.as_str(), |(s, _)| s);
        let embedded = matches!(
            file.kind.as_deref(),
            Some("jpg" | "jpeg" | "png" | "gif" | "webp")
        ) && bodies.get(&parent).is_some_and(|b| b.contains(stem));
        if embedded {
            shown += 1;
            continue;
        }
        out.push(Located {
            place: Place::new(path, line),
            record: Record {
                no: Some(parent),
                attachments: vec![file],
                supplement: true,
                ..Record::default()
            },
        });
    }
    if shown > 0 {
        notes.push(format!(
            "{}: {shown} attached images are shown in their posts' bodies, not listed as files",
            path.display()
        ));
    }
    if !others.is_empty() {
        let mut list: Vec<String> = others
            .into_iter()
            .map(|(k, n)| format!("{n} {k}"))
            .collect();
        list.sort();
        notes.push(format!(
            "{}: skipped items that are not published posts: {}",
            path.display(),
            list.join(", ")
        ));
    }
    Ok(super::Parsed {
        board_name: site.filter(|s| !s.trim().is_empty()),
        records: out,
        notes,
        ..super::Parsed::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    pub const WXR: &str = r#"<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel>
  <title>ESG 소식</title>
  <wp:wxr_version>1.2</wp:wxr_version>
  <wp:author><wp:author_id>1</wp:author_id><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[정책팀]]></wp:author_display_name></wp:author>
  <item>
    <title>탄소중립 &amp; 녹색성장</title>
    <dc:creator><![CDATA[admin]]></dc:creator>
    <content:encoded><![CDATA[<!-- wp:paragraph --><p>첫 문단</p><!-- /wp:paragraph --><p>둘째</p>]]></content:encoded>
    <wp:post_id>42</wp:post_id>
    <wp:post_date><![CDATA[2026-03-02 10:15:00]]></wp:post_date>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
    <category domain="post_tag" nicename="t"><![CDATA[태그]]></category>
    <category domain="category" nicename="policy"><![CDATA[정책]]></category>
    <wp:comment><wp:comment_content><![CDATA[댓글]]></wp:comment_content></wp:comment>
  </item>
  <item>
    <title>초안</title>
    <dc:creator><![CDATA[admin]]></dc:creator>
    <content:encoded><![CDATA[아직]]></content:encoded>
    <wp:post_id>43</wp:post_id>
    <wp:post_date><![CDATA[2026-03-03 10:15:00]]></wp:post_date>
    <wp:status><![CDATA[draft]]></wp:status>
    <wp:post_type><![CDATA[post]]></wp:post_type>
  </item>
  <item>
    <title>첨부</title>
    <wp:post_id>44</wp:post_id>
    <wp:post_parent>42</wp:post_parent>
    <wp:attachment_url><![CDATA[https://esg.example.kr/wp-content/uploads/2026/03/%EC%98%88%EC%82%B0.hwp]]></wp:attachment_url>
    <wp:status><![CDATA[inherit]]></wp:status>
    <wp:post_type><![CDATA[attachment]]></wp:post_type>
  </item>
  <item>
    <title>menu</title>
    <wp:post_id>45</wp:post_id>
    <wp:status><![CDATA[publish]]></wp:status>
    <wp:post_type><![CDATA[nav_menu_item]]></wp:post_type>
  </item>
</channel>
</rss>
"#;

    #[test]
    fn published_posts_with_authors_and_text_bodies() {
        assert!(sniff(WXR));
        let super::super::Parsed {
            board_name,
            records: rows,
            notes,
            ..
        } = parse(Path::new("wp.xml"), WXR).unwrap();
        assert_eq!(board_name.as_deref(), Some("ESG 소식"));
        assert_eq!(rows.len(), 2);
        let file = &rows[1].record;
        assert_eq!((file.no, file.supplement), (Some(42), true));
        assert_eq!(file.attachments[0].name, "예산.hwp");
        assert_eq!(file.attachments[0].kind.as_deref(), Some("hwp"));
        let r = &rows[0].record;
        assert_eq!(
            (r.no, r.title.as_str(), r.author.as_deref()),
            (Some(42), "탄소중립 & 녹색성장", Some("정책팀"))
        );
        assert_eq!(r.date.unwrap().to_string(), "2026-03-02");
        assert_eq!(
            (r.time.as_deref(), r.category.as_deref()),
            (Some("10:15"), Some("정책"))
        );
        assert_eq!(
            r.blocks.as_deref().unwrap(),
            [
                board_core::content::Block::text_paragraph("첫 문단"),
                board_core::content::Block::text_paragraph("둘째")
            ]
        );
        assert_eq!(rows[0].place.line, Some(7));
        assert!(
            notes
                .iter()
                .any(|n| n.contains("1 nav_menu_item (publish), 1 post (draft)")),
            "{notes:?}"
        );
    }

    #[test]
    fn sniffing_stops_on_a_character_boundary() {
        // The first 4096 bytes end inside a Hangul syllable.
        let text = format!("{{\"title\":\"{}\"}}", "벡".repeat(2000));
        assert!(!sniff(&text));
        assert!(sniff(WXR));
    }

    #[test]
    fn broken_xml_is_a_line_error() {
        let cut = &WXR[..WXR.find("<wp:post_id>43").unwrap()];
        let broken = format!("{cut}</channel></rss>");
        let e = parse(Path::new("wp.xml"), &broken).unwrap_err().to_string();
        assert!(e.starts_with("wp.xml:"), "{e}");
        assert!(e.contains("not a readable WordPress export"), "{e}");
    }
}
