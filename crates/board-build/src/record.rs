//! One post as a source gives it, whatever the source format, with where it came from.

use board_core::content::{Attachment, Block};
use board_core::{Date, Source};

use crate::Place;

/// The fields a source may give for a post. Missing ones stay `None`; merging fills them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Record {
    /// 번호; `None` for an article captured without one (numbered when the board is finished).
    pub no: Option<u32>,
    pub title: String,
    pub author: Option<String>,
    pub date: Option<Date>,
    pub views: Option<u64>,
    pub dept: Option<String>,
    /// The body (`crate::html_blocks`); `None` when the source gave none.
    pub blocks: Option<Vec<Block>>,
    pub source: Option<Source>,
    /// 분류.
    pub category: Option<String>,
    /// The time of day given with the date, `HH:MM`.
    pub time: Option<String>,
    /// 공지, when the source says whether the post is a notice.
    pub notice: Option<bool>,
    /// 첨부파일, in order.
    pub attachments: Vec<Attachment>,
    /// Only adds to a post other sources give (a row of gnuboard's file table, a notice of
    /// its board row): dropped, and counted, when no source gives the post itself.
    pub supplement: bool,
}

/// A record and its place (`file:line`), for messages that point at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Located {
    pub place: Place,
    pub record: Record,
}

/// The columns/keys a table or JSON source may name, Korean or English.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    No,
    Title,
    Author,
    Date,
    Views,
    Dept,
    Body,
    Source,
    Category,
    Notice,
    Attachments,
}

impl Column {
    /// Recognises a header name (Korean names of the contract, their English twins, and the
    /// usual synonyms of Korean board exports).
    pub fn from_name(name: &str) -> Option<Column> {
        let n = name.trim().trim_start_matches('\u{feff}').to_lowercase();
        Some(match n.as_str() {
            "번호" | "no" | "id" | "number" => Column::No,
            "제목" | "title" => Column::Title,
            "글쓴이" | "작성자" | "author" | "writer" => Column::Author,
            "날짜" | "작성일" | "등록일" | "date" => Column::Date,
            "조회수" | "조회" | "views" | "hits" => Column::Views,
            "담당부서" | "부서" | "dept" | "department" => Column::Dept,
            "본문" | "내용" | "body" | "content" => Column::Body,
            "출처" | "source" => Column::Source,
            "분류" | "카테고리" | "category" => Column::Category,
            "공지" | "공지사항" | "notice" => Column::Notice,
            "첨부파일" | "첨부" | "attachments" | "files" => Column::Attachments,
            _ => return None,
        })
    }
}

/// Reads a field's text into the record, validating numbers and dates as exports write them
/// (`crate::values`: `1,234`, `2026. 3. 2.`, …; anything else is refused, never guessed).
/// Empty text leaves the field unset.
pub fn set_field(r: &mut Record, col: Column, raw: &str) -> Result<(), String> {
    let text = crate::text::clean(raw);
    if text.is_empty() {
        return Ok(());
    }
    match col {
        Column::No => {
            r.no = Some(
                crate::values::number(&text)
                    .and_then(|n| u32::try_from(n).ok())
                    .ok_or_else(|| format!("번호 {text:?} is not a post number"))?,
            );
        }
        Column::Title => r.title = text,
        Column::Author => r.author = Some(text),
        Column::Date => {
            let (date, time) = crate::values::date_time(&text).map_err(|e| format!("날짜: {e}"))?;
            r.date = Some(date);
            r.time = time;
        }
        Column::Category => r.category = Some(text),
        Column::Views => {
            r.views = Some(
                crate::values::number(&text)
                    .ok_or_else(|| format!("조회수 {text:?} is not a whole number"))?,
            );
        }
        Column::Dept => r.dept = Some(text),
        Column::Body => {
            r.blocks = Some(crate::html_blocks::body_blocks(raw)).filter(|b| !b.is_empty())
        }
        Column::Notice => {
            r.notice = Some(
                flag(&text)
                    .ok_or_else(|| format!("공지 {text:?} is not yes or no (Y/N, 1/0, 공지)"))?,
            );
        }
        Column::Attachments => {
            for line in raw.lines().map(str::trim).filter(|l| !l.is_empty()) {
                r.attachments.push(
                    Attachment::at(line)
                        .ok_or_else(|| format!("첨부파일 {line:?} is not a file address"))?,
                );
            }
        }
        Column::Source => {
            r.source = Some(
                parse_source(&text)
                    .ok_or_else(|| format!("출처 {text:?} is not `(YYYY.MM.DD 기관)`"))?,
            );
        }
    }
    Ok(())
}

/// A yes/no cell as exports write it.
fn flag(text: &str) -> Option<bool> {
    match text.to_lowercase().as_str() {
        "y" | "yes" | "1" | "true" | "o" | "공지" | "예" => Some(true),
        "n" | "no" | "0" | "false" | "x" | "아니오" | "-" => Some(false),
        _ => None,
    }
}

/// `(2025.11.03 고용노동부)`, parentheses optional.
pub fn parse_source(line: &str) -> Option<Source> {
    let t = line.trim();
    let inner = t
        .strip_prefix('(')
        .and_then(|s| s.strip_suffix(')'))
        .unwrap_or(t);
    let (date, org) = inner.split_once(' ')?;
    let org = org.trim();
    if org.is_empty() {
        return None;
    }
    Some(Source {
        date: date.parse().ok()?,
        org: org.to_string(),
    })
}
