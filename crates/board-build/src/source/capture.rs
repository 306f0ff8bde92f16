//! Captured board pages: the text a reader gets by copying a board page, like the seed
//! `data/000_2ddb7bda3a4ce606.txt`.
//!
//! Layout, top to bottom: an optional article (title line; `담당부서 : X`; body paragraphs
//! separated by blank or NBSP-only lines; the source line `(YYYY.MM.DD 기관)`), then the board
//! name line, the header `번호 제목 글쓴이 날짜 조회수`, and one row per line. A row is read from
//! the right — 조회수, 날짜, 글쓴이 — because titles contain spaces and the other fields do not.

use std::path::Path;

use board_core::content::Block;

use crate::record::{parse_source, set_field, Column, Located, Record};
use crate::text::{clean, is_blank, paragraphs};
use crate::{Error, Place};

const HEADER: [&str; 5] = ["번호", "제목", "글쓴이", "날짜", "조회수"];

/// A parsed captured page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapturedPage {
    pub board_name: String,
    /// The article above the list (no 번호), if the capture has one.
    pub article: Option<Located>,
    pub rows: Vec<Located>,
}

fn is_header(line: &str) -> bool {
    line.split_whitespace().eq(HEADER)
}

/// Whether the text looks like a captured page (it has the list header line).
pub fn sniff(text: &str) -> bool {
    text.lines().any(is_header)
}

/// Parses a captured page. Errors name the line.
pub fn parse(path: &Path, text: &str) -> Result<CapturedPage, Error> {
    let lines: Vec<&str> = text.lines().collect();
    let header = lines.iter().position(|l| is_header(l)).ok_or_else(|| {
        Error::at(
            path,
            1,
            "no list header line `번호 제목 글쓴이 날짜 조회수`: not a captured board page",
        )
    })?;
    let name_at = (0..header)
        .rev()
        .find(|&i| !is_blank(lines[i]))
        .ok_or_else(|| Error::at(path, header + 1, "no board name line above the list header"))?;
    let board_name = clean(lines[name_at]);
    let article = parse_article(path, &lines[..name_at])?;
    let rows = lines
        .iter()
        .enumerate()
        .skip(header + 1)
        .filter(|(_, l)| !is_blank(l))
        .map(|(i, l)| parse_row(path, i + 1, l))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CapturedPage {
        board_name,
        article,
        rows,
    })
}

fn parse_row(path: &Path, line: usize, text: &str) -> Result<Located, Error> {
    let err = |cause: String| Error::at(path, line, cause);
    let mut rest = text.trim();
    let mut take_last = |what: &str| -> Result<&str, Error> {
        let (head, last) = rest.rsplit_once(char::is_whitespace).ok_or_else(|| {
            err(format!(
                "list row has no {what}: expected `번호 제목 글쓴이 날짜 조회수`"
            ))
        })?;
        rest = head.trim_end();
        Ok(last)
    };
    let views = take_last("조회수")?;
    let date = take_last("날짜")?;
    let author = take_last("글쓴이")?;
    let (no, title) = rest
        .split_once(char::is_whitespace)
        .ok_or_else(|| err("list row has no 제목".to_string()))?;
    let mut r = Record::default();
    for (col, raw) in [
        (Column::Views, views),
        (Column::Date, date),
        (Column::Author, author),
        (Column::No, no),
        (Column::Title, title),
    ] {
        set_field(&mut r, col, raw).map_err(err)?;
    }
    if r.no.is_none() || r.title.is_empty() {
        return Err(err("list row has no 번호 or no 제목".to_string()));
    }
    Ok(Located {
        place: Place::new(path, line),
        record: r,
    })
}

/// `담당부서 : 고용노동부` (spaces around the colon optional).
fn dept_line(line: &str) -> Option<String> {
    let rest = line
        .trim()
        .strip_prefix("담당부서")?
        .trim_start()
        .strip_prefix(':')?;
    Some(clean(rest)).filter(|d| !d.is_empty())
}

fn parse_article(path: &Path, lines: &[&str]) -> Result<Option<Located>, Error> {
    let Some(title_at) = lines.iter().position(|l| !is_blank(l)) else {
        return Ok(None);
    };
    let mut r = Record {
        title: clean(lines[title_at]),
        ..Record::default()
    };
    let mut body: Vec<&str> = Vec::new();
    for (i, raw) in lines.iter().enumerate().skip(title_at + 1) {
        if is_blank(raw) {
            body.push(raw);
            continue;
        }
        if r.dept.is_none() && body.iter().all(|l| is_blank(l)) {
            if let Some(d) = dept_line(raw) {
                r.dept = Some(d);
                continue;
            }
        }
        if let Some(s) = parse_source(raw) {
            r.date = Some(s.date);
            r.source = Some(s);
            continue;
        }
        if r.source.is_some() {
            return Err(Error::at(
                path,
                i + 1,
                "article text after its source line `(YYYY.MM.DD 기관)`",
            ));
        }
        body.push(raw);
    }
    r.blocks = Some(
        paragraphs(body)
            .iter()
            .map(|p| Block::text_paragraph(p))
            .collect(),
    );
    Ok(Some(Located {
        place: Place::new(path, title_at + 1),
        record: r,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<CapturedPage, Error> {
        parse(Path::new("t.txt"), text)
    }

    #[test]
    fn list_only_page() {
        let page = p("ESG 정책뉴스\n번호 제목 글쓴이 날짜 조회수\n12 제목 with  spaces 관리자 2025-09-15 7\n").unwrap();
        assert_eq!(page.board_name, "ESG 정책뉴스");
        assert_eq!(page.article, None);
        let row = &page.rows[0];
        assert_eq!(row.record.title, "제목 with  spaces");
        assert_eq!(
            (row.record.no, row.record.views, row.place.line),
            (Some(12), Some(7), Some(3))
        );
    }

    #[test]
    fn row_errors_name_the_line_and_cause() {
        let e = p("B\n번호 제목 글쓴이 날짜 조회수\n1 a 관리자 2025-09-15 7\nx 제목 관리자 2025-09-15 7\n").unwrap_err();
        assert_eq!(e.to_string(), "t.txt:4: 번호 \"x\" is not a post number");
        let e = p("B\n번호 제목 글쓴이 날짜 조회수\n1 제목 관리자 2025-09-31 7").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.txt:3: 날짜: \"2025-09-31\" is not a date"),
            "{e}"
        );
        let e = p("B\n번호 제목 글쓴이 날짜 조회수\n1 제목 관리자 2025-09-15 many").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.txt:3: 조회수 \"many\" is not a whole number"
        );
        let e = p("B\n번호 제목 글쓴이 날짜 조회수\n2025-09-15 7").unwrap_err();
        assert!(e.to_string().starts_with("t.txt:3: list row has no"), "{e}");
    }

    #[test]
    fn not_a_capture() {
        let e = p("no,title\n1,x\n").unwrap_err();
        assert!(e.to_string().starts_with("t.txt:1: no list header"), "{e}");
        let e = p("번호 제목 글쓴이 날짜 조회수\n").unwrap_err();
        assert!(e.to_string().starts_with("t.txt:1: no board name"), "{e}");
    }

    #[test]
    fn article_paragraphs_split_on_blank_and_nbsp_lines() {
        let page = p("제목\n\n담당부서 : 부\n\n첫째\n\u{a0}\n둘째\n이어짐\n\n(2025.11.03 부)\n\nB\n번호 제목 글쓴이 날짜 조회수\n")
            .unwrap();
        let a = page.article.unwrap().record;
        assert_eq!(a.dept.as_deref(), Some("부"));
        assert_eq!(
            a.blocks.unwrap(),
            [
                Block::text_paragraph("첫째"),
                Block::text_paragraph("둘째\n이어짐")
            ]
        );
        assert_eq!(a.source.unwrap().text(), "2025.11.03 부");
        assert_eq!(a.date.unwrap().to_string(), "2025-11-03");
    }
}
