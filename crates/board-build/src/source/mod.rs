//! Board sources, told apart by content (the extension only breaks ties): captured pages,
//! CSV/TSV tables (gnuboard5 write tables among them), JSON Lines, WordPress exports.

pub mod capture;
pub mod gnuboard;
pub mod gnuboard_files;
pub mod jsonl;
pub mod table;
pub mod wxr;

use std::path::Path;

use crate::record::Located;
use crate::Error;

/// What one source gave.
#[derive(Debug, Default)]
pub struct Parsed {
    /// The board's name, where the source says it (captured pages do).
    pub board_name: Option<String>,
    pub records: Vec<Located>,
    /// What is worth saying on stderr (columns skipped, …).
    pub notes: Vec<String>,
    /// gnuboard5 board rows (`g5_board`): each board's notices.
    pub board_rows: Vec<BoardRow>,
    /// The gnuboard5 board tables (`bo_table`) this source belongs to, where it says.
    pub tables: Vec<String>,
}

/// One row of a gnuboard5 `g5_board` export: a board and the 번호 of its notices (`bo_notice`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BoardRow {
    pub place: crate::Place,
    pub table: String,
    pub notices: Vec<u32>,
}

/// Reads one source's text, with the default options.
pub fn parse(path: &Path, text: &str) -> Result<Parsed, Error> {
    parse_with(path, text, &crate::ReadOptions::default())
}

/// Reads one source's text.
pub fn parse_with(path: &Path, text: &str, opts: &crate::ReadOptions) -> Result<Parsed, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let Some((first_at, first)) = text.lines().enumerate().find(|(_, l)| !l.trim().is_empty())
    else {
        return Err(Error::at(path, 1, "empty source: no posts in it"));
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    if wxr::sniff(text) {
        return wxr::parse(path, text);
    }
    if first.trim_start().starts_with('{') {
        return Ok(Parsed {
            records: jsonl::parse(path, text)?,
            ..Parsed::default()
        });
    }
    if capture::sniff(text) {
        let page = capture::parse(path, text)?;
        let mut records = page.rows;
        records.extend(page.article);
        return Ok(Parsed {
            board_name: Some(page.board_name),
            records,
            ..Parsed::default()
        });
    }
    let looks_tabular =
        first.contains('\t') || first.contains(',') || matches!(ext.as_str(), "csv" | "tsv");
    if looks_tabular {
        if first_at > 0 {
            return Err(Error::at(path, 1, "a table must start with its header row"));
        }
        return table::parse(path, text, table::delimiter(first), opts);
    }
    Err(Error::at(
        path,
        first_at + 1,
        "not a board source: expected a captured board page (with the line `번호 제목 글쓴이 날짜 조회수`), \
         a CSV/TSV table with a header row (a gnuboard5 write table too), JSON Lines, or a \
         WordPress export (WXR)",
    ))
}
