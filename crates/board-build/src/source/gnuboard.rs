//! gnuboard5 board exports: a `g5_write_<table>` table as phpMyAdmin (CSV with the column names
//! in the first row) or `mysql -B` (TSV, with `\n`, `\t` and `\\` escaped) writes it.
//!
//! Comments live in the same table (`wr_is_comment` = 1): they are skipped and counted. A post's
//! body is HTML when its `wr_option` holds `html1` or `html2` (the editor's), plain text
//! otherwise (`crate::html_blocks`). Its files and notices come from the file table and the board
//! row (`super::gnuboard_files`).

use std::path::Path;

use crate::record::{set_field, Column, Located, Record};
use crate::{Error, Place};

/// What a write-table column is to the board.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Use {
    Field(Column),
    Body,
    IsComment,
    Format,
}

fn column(name: &str) -> Option<Use> {
    Some(match name.trim() {
        "wr_id" => Use::Field(Column::No),
        "wr_subject" => Use::Field(Column::Title),
        "wr_name" => Use::Field(Column::Author),
        "wr_datetime" => Use::Field(Column::Date),
        "wr_hit" => Use::Field(Column::Views),
        "ca_name" => Use::Field(Column::Category),
        "wr_content" => Use::Body,
        "wr_is_comment" => Use::IsComment,
        "wr_option" => Use::Format,
        _ => return None,
    })
}

/// Whether a header row is a gnuboard5 write table's.
pub fn is_write_table(header: &csv::StringRecord) -> bool {
    let has = |n: &str| header.iter().any(|h| h.trim() == n);
    has("wr_id") && has("wr_subject")
}

/// `mysql -B` escapes: `\n`, `\t`, `\r`, `\0`, `\\`; a lone `NULL`… stays as text (`\N` is
/// NULL, read as empty).
fn unescape_batch(s: &str) -> String {
    if s == "\\N" {
        return String::new();
    }
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('r') => out.push('\r'),
            Some('0') => {}
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// A cell's text: `mysql -B` escapes undone, SQL's NULL empty.
pub fn cell(raw: &str, tsv: bool) -> String {
    if tsv {
        unescape_batch(raw)
    } else if raw == "NULL" {
        String::new()
    } else {
        raw.to_string()
    }
}

/// The board table a file named `g5_write_<bo_table>.csv` exports.
pub fn table_of_file(path: &Path) -> Option<String> {
    let stem = path.file_stem()?.to_str()?;
    let table = stem.strip_prefix("g5_write_")?;
    (!table.is_empty()).then(|| table.to_string())
}

/// Reads the posts of a write table; returns them and what is worth saying on stderr.
pub fn parse(
    path: &Path,
    mut reader: csv::Reader<&[u8]>,
    header: &csv::StringRecord,
    tsv: bool,
) -> Result<super::Parsed, Error> {
    let uses: Vec<Option<Use>> = header.iter().map(column).collect();
    let mut out = Vec::new();
    let mut comments = 0usize;
    for row in reader.records() {
        let row = row.map_err(|e| super::table::csv_error(path, e))?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let cell = |raw: &str| cell(raw, tsv);
        let mut r = Record::default();
        let (mut body, mut html, mut is_comment) = (None, false, false);
        for (u, raw) in uses.iter().zip(row.iter()) {
            match u {
                Some(Use::Field(col)) => set_field(&mut r, *col, &cell(raw))
                    .map_err(|cause| Error::at(path, line, cause))?,
                Some(Use::Body) => body = Some(cell(raw)),
                Some(Use::IsComment) => is_comment = raw.trim() == "1",
                Some(Use::Format) => html = raw.contains("html1") || raw.contains("html2"),
                None => {}
            }
        }
        if is_comment {
            comments += 1;
            continue;
        }
        if let Some(body) = body {
            let blocks = if html {
                crate::html_blocks::blocks(&body)
            } else {
                crate::html_blocks::text_blocks(&body)
            };
            r.blocks = Some(blocks).filter(|b| !b.is_empty());
        }
        if r == Record::default() {
            continue;
        }
        out.push(Located {
            place: Place::new(path, line),
            record: r,
        });
    }
    let mut notes = vec![format!(
        "{}: a gnuboard5 write table ({} posts)",
        path.display(),
        out.len()
    )];
    if comments > 0 {
        notes.push(format!(
            "{}: skipped {comments} comments (wr_is_comment = 1)",
            path.display()
        ));
    }
    Ok(super::Parsed {
        records: out,
        notes,
        tables: table_of_file(path).into_iter().collect(),
        ..super::Parsed::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_blocks(paragraphs: &[&str]) -> Vec<board_core::content::Block> {
        paragraphs
            .iter()
            .map(|p| board_core::content::Block::text_paragraph(p))
            .collect()
    }

    fn read(text: &str) -> Result<(Vec<Located>, Vec<String>), Error> {
        let d = super::super::table::delimiter(text.lines().next().unwrap_or(""));
        let opts = crate::ReadOptions::default();
        super::super::table::parse(Path::new("g5.csv"), text, d, &opts)
            .map(|p| (p.records, p.notes))
    }

    #[test]
    fn posts_comments_and_html_bodies() {
        let csv = "\"wr_id\",\"wr_num\",\"wr_parent\",\"wr_is_comment\",\"ca_name\",\"wr_option\",\"wr_subject\",\"wr_content\",\"wr_hit\",\"wr_name\",\"wr_datetime\",\"wr_ip\"\n\
                   \"12\",\"-12\",\"12\",\"0\",\"공지\",\"html1\",\"탄소중립 &amp; 계획\",\"<p>첫 문단</p><p>둘째<br>줄</p><script>x()</script>\",\"1,024\",\"관리자\",\"2026-03-02 10:15:00\",\"1.2.3.4\"\n\
                   \"13\",\"-12\",\"12\",\"1\",\"\",\"\",\"\",\"댓글입니다\",\"0\",\"손님\",\"2026-03-02 11:00:00\",\"1.2.3.5\"\n\
                   \"14\",\"-14\",\"14\",\"0\",\"\",\"\",\"평문 글\",\"한 줄\n\n다음 문단\",\"3\",\"홍길동\",\"2026-03-03 09:00:00\",\"NULL\"\n";
        let (rows, notes) = read(csv).unwrap();
        assert_eq!(rows.len(), 2);
        let r = &rows[0].record;
        assert_eq!(
            (r.no, r.views, r.author.as_deref()),
            (Some(12), Some(1024), Some("관리자"))
        );
        // The subject is text as stored (gnuboard keeps entities in it): never markup.
        assert_eq!(r.title, "탄소중립 &amp; 계획");
        assert_eq!(r.date.unwrap().to_string(), "2026-03-02");
        assert_eq!(
            (r.time.as_deref(), r.category.as_deref()),
            (Some("10:15"), Some("공지"))
        );
        assert_eq!(
            r.blocks.as_deref().unwrap(),
            text_blocks(&["첫 문단", "둘째\n줄"])
        );
        assert_eq!(
            rows[1].record.blocks.as_deref().unwrap(),
            text_blocks(&["한 줄", "다음 문단"])
        );
        assert!(
            notes.iter().any(|n| n.contains("skipped 1 comments")),
            "{notes:?}"
        );
    }

    #[test]
    fn mysql_batch_tsv_escapes() {
        let tsv = "wr_id\twr_is_comment\twr_option\twr_subject\twr_content\twr_datetime\n\
                   7\t0\t\t제목\t첫 줄\\n둘째 줄\\n\\n새 문단 \\\\ 끝\t2026-03-02 10:15:00\n";
        let (rows, _) = read(tsv).unwrap();
        assert_eq!(
            rows[0].record.blocks.as_deref().unwrap(),
            text_blocks(&["첫 줄\n둘째 줄", "새 문단 \\ 끝"])
        );
        assert_eq!(unescape_batch("\\N"), "");
    }
}
