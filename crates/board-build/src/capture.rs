//! Captured board pages: the text a reader gets by copying a board page, like the seed
//! `data/000_2ddb7bda3a4ce606.txt`.
//!
//! Layout, top to bottom: an optional article (title line; `담당부서 : X`; body paragraphs
//! separated by blank or NBSP-only lines; the source line `(YYYY.MM.DD 기관)`), then the board
//! name line, the header `번호 제목 글쓴이 날짜 조회수`, and one row per line. A row is read from
//! the right — 조회수, 날짜, 글쓴이 — because titles contain spaces and the other fields do not.

use std::path::Path;

use board_core::Date;

use crate::Error;

const HEADER: [&str; 5] = ["번호", "제목", "글쓴이", "날짜", "조회수"];

/// One list row, with the line it came from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub line: usize,
    pub no: u32,
    pub title: String,
    pub author: String,
    pub date: Date,
    pub views: u64,
}

/// The article shown above the list, which carries no 번호 of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Article {
    pub line: usize,
    pub title: String,
    pub dept: Option<String>,
    pub paragraphs: Vec<String>,
    pub source: Option<board_core::Source>,
}

/// A parsed captured page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CapturedPage {
    pub board_name: String,
    pub article: Option<Article>,
    pub rows: Vec<Row>,
}

/// Blank, or only NBSP and other white space: a paragraph break on the captured page.
fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

fn is_header(line: &str) -> bool {
    line.split_whitespace().eq(HEADER)
}

/// Parses a captured page. Errors name the line.
pub fn parse(path: &Path, text: &str) -> Result<CapturedPage, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
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
    let board_name = lines[name_at].trim().to_string();
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

fn parse_row(path: &Path, line: usize, text: &str) -> Result<Row, Error> {
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
    let views_text = take_last("조회수")?;
    let date_text = take_last("날짜")?;
    let author = take_last("글쓴이")?.to_string();
    let views = views_text
        .parse::<u64>()
        .map_err(|_| err(format!("조회수 {views_text:?} is not a whole number")))?;
    let date = date_text
        .parse::<Date>()
        .map_err(|e| err(format!("날짜: {e}")))?;
    let (no_text, title) = rest
        .split_once(char::is_whitespace)
        .ok_or_else(|| err("list row has no 제목".to_string()))?;
    let no = no_text
        .parse::<u32>()
        .map_err(|_| err(format!("번호 {no_text:?} is not a post number")))?;
    Ok(Row {
        line,
        no,
        title: title.trim().to_string(),
        author,
        date,
        views,
    })
}

/// `담당부서 : 고용노동부` (spaces around the colon optional).
fn dept_line(line: &str) -> Option<String> {
    let rest = line
        .trim()
        .strip_prefix("담당부서")?
        .trim_start()
        .strip_prefix(':')?;
    Some(rest.trim().to_string()).filter(|d| !d.is_empty())
}

/// `(2025.11.03 고용노동부)`.
fn source_line(line: &str) -> Option<board_core::Source> {
    let inner = line.trim().strip_prefix('(')?.strip_suffix(')')?;
    let (date, org) = inner.split_once(' ')?;
    Some(board_core::Source {
        date: date.parse().ok()?,
        org: org.trim().to_string(),
    })
}

fn parse_article(path: &Path, lines: &[&str]) -> Result<Option<Article>, Error> {
    let mut numbered = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (i + 1, *l))
        .filter(|(_, l)| !is_blank(l));
    let Some((title_line, title)) = numbered.next() else {
        return Ok(None);
    };
    let mut dept = None;
    let mut source = None;
    let mut paragraphs: Vec<String> = Vec::new();
    let mut last_line = 0;
    for (i, raw) in lines.iter().enumerate().skip(title_line) {
        if is_blank(raw) {
            continue;
        }
        if dept.is_none() && paragraphs.is_empty() {
            if let Some(d) = dept_line(raw) {
                dept = Some(d);
                continue;
            }
        }
        if let Some(s) = source_line(raw) {
            source = Some(s);
            continue;
        }
        if source.is_some() {
            return Err(Error::at(
                path,
                i + 1,
                "article text after its source line `(YYYY.MM.DD 기관)`",
            ));
        }
        // Consecutive lines belong to one paragraph; a blank or NBSP-only line ends it.
        if last_line + 1 == i && !paragraphs.is_empty() {
            let p = paragraphs.last_mut().expect("non-empty");
            p.push('\n');
            p.push_str(raw.trim());
        } else {
            paragraphs.push(raw.trim().to_string());
        }
        last_line = i;
    }
    Ok(Some(Article {
        line: title_line,
        title: title.trim().to_string(),
        dept,
        paragraphs,
        source,
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
        assert_eq!(page.rows[0].title, "제목 with  spaces");
        assert_eq!(
            (page.rows[0].no, page.rows[0].views, page.rows[0].line),
            (12, 7, 3)
        );
    }

    #[test]
    fn row_errors_name_the_line_and_cause() {
        let e = p("B\n번호 제목 글쓴이 날짜 조회수\n1 a 관리자 2025-09-15 7\nx 제목 관리자 2025-09-15 7\n").unwrap_err();
        assert_eq!(e.to_string(), "t.txt:4: 번호 \"x\" is not a post number");
        let e = p("B\n번호 제목 글쓴이 날짜 조회수\n1 제목 관리자 2025-09-31 7").unwrap_err();
        assert!(
            e.to_string().starts_with("t.txt:3: 날짜: not a date"),
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
        let page = p("제목\n\n담당부서 : 부\n\n첫째\n\u{a0}\n둘째\n이어짐\n\n(2025.11.03 부)\n\nB\n번호 제목 글쓴이 날짜 조회수\n").unwrap();
        let a = page.article.unwrap();
        assert_eq!(a.dept.as_deref(), Some("부"));
        assert_eq!(
            a.paragraphs,
            vec!["첫째".to_string(), "둘째\n이어짐".to_string()]
        );
        assert_eq!(a.source.unwrap().text(), "2025.11.03 부");
    }
}
