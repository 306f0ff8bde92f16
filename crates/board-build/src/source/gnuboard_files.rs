//! The rest of a gnuboard5 board export: its file table (`g5_board_file`), whose rows become
//! the attachments of their posts, and its board row (`g5_board`), whose `bo_notice` lists the
//! notices. Both only add to posts the write table gives (`Record::supplement`).

use std::collections::BTreeMap;
use std::path::Path;

use board_core::content::Attachment;

use super::gnuboard::cell;
use super::{BoardRow, Parsed};
use crate::record::{Located, Record};
use crate::{Error, Place};

/// Whether a header row is a `g5_board_file` export's.
pub fn is_file_table(header: &csv::StringRecord) -> bool {
    let has = |n: &str| header.iter().any(|h| h.trim() == n);
    has("wr_id") && has("bf_source") && has("bf_file")
}

/// Whether a header row is a `g5_board` export's.
pub fn is_board_table(header: &csv::StringRecord) -> bool {
    let has = |n: &str| header.iter().any(|h| h.trim() == n);
    has("bo_table") && has("bo_notice")
}

/// The gnuboard layout's download folder of a board's files.
pub fn default_file_base(bo_table: &str) -> String {
    format!("data/file/{bo_table}/")
}

/// A file name as one path segment of a URL: everything but unreserved characters escaped.
fn url_segment(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for b in name.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Reads a file table: each post's files, in `bf_no` order.
pub fn parse_files(
    path: &Path,
    mut reader: csv::Reader<&[u8]>,
    header: &csv::StringRecord,
    tsv: bool,
    opts: &crate::ReadOptions,
) -> Result<Parsed, Error> {
    let at = |name: &str| header.iter().position(|h| h.trim() == name);
    let (wr_id, source, file) = (at("wr_id"), at("bf_source"), at("bf_file"));
    let (bo_table, bf_no, size, downloads) = (
        at("bo_table"),
        at("bf_no"),
        at("bf_filesize"),
        at("bf_download"),
    );
    // (번호) → (place of its first file, files by bf_no)
    let mut posts: BTreeMap<u32, (Place, Vec<(u64, Attachment)>)> = BTreeMap::new();
    let mut tables: Vec<String> = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| super::table::csv_error(path, e))?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|raw| cell(raw, tsv));
        let err = |cause: String| Error::at(path, line, cause);
        let number = |i: Option<usize>, what: &str| -> Result<Option<u64>, Error> {
            match get(i)
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty())
            {
                None => Ok(None),
                Some(t) => crate::values::number(&t)
                    .map(Some)
                    .ok_or_else(|| err(format!("{what} {t:?} is not a whole number"))),
            }
        };
        let Some(no) = number(wr_id, "wr_id")? else {
            return Err(err("a file row without wr_id".into()));
        };
        let no = u32::try_from(no).map_err(|_| err(format!("wr_id {no} is not a post number")))?;
        let stored = get(file).unwrap_or_default();
        let stored = stored.trim();
        if stored.is_empty() {
            continue; // an emptied slot (gnuboard keeps the row when a file is deleted)
        }
        if stored.contains(['/', '\\']) || stored.starts_with('.') {
            return Err(err(format!("bf_file {stored:?} is not a stored file name")));
        }
        let table = get(bo_table)
            .map(|t| t.trim().to_string())
            .unwrap_or_default();
        if !table.is_empty() && !tables.contains(&table) {
            tables.push(table.clone());
        }
        let base = match &opts.file_base {
            Some(b) if b.ends_with('/') => b.clone(),
            Some(b) => format!("{b}/"),
            None if table.is_empty() => {
                return Err(err(
                    "a file row without bo_table: give --file-base, where the files are downloaded from"
                        .into(),
                ))
            }
            None => default_file_base(&table),
        };
        let name = crate::text::clean(&get(source).unwrap_or_default());
        let name = if name.is_empty() {
            stored.to_string()
        } else {
            name
        };
        let file = Attachment {
            kind: Attachment::kind_of(&name),
            name,
            url: format!("{base}{}", url_segment(stored)),
            size: number(size, "bf_filesize")?,
            downloads: number(downloads, "bf_download")?,
        };
        let order = number(bf_no, "bf_no")?.unwrap_or(u64::MAX);
        let entry = posts
            .entry(no)
            .or_insert_with(|| (Place::new(path, line), Vec::new()));
        entry.1.push((order, file));
    }
    let files: usize = posts.values().map(|(_, f)| f.len()).sum();
    let records = posts
        .into_iter()
        .map(|(no, (place, mut files))| {
            files.sort_by_key(|(order, _)| *order);
            Located {
                place,
                record: Record {
                    no: Some(no),
                    attachments: files.into_iter().map(|(_, f)| f).collect(),
                    supplement: true,
                    ..Record::default()
                },
            }
        })
        .collect::<Vec<_>>();
    Ok(Parsed {
        notes: vec![format!(
            "{}: a gnuboard5 file table ({files} files of {} posts)",
            path.display(),
            records.len()
        )],
        records,
        tables,
        ..Parsed::default()
    })
}

/// Reads a board table: each board's notices (`bo_notice`, 번호 separated by commas).
pub fn parse_boards(
    path: &Path,
    mut reader: csv::Reader<&[u8]>,
    header: &csv::StringRecord,
    tsv: bool,
) -> Result<Parsed, Error> {
    let at = |name: &str| header.iter().position(|h| h.trim() == name);
    let (table_at, notice_at) = (at("bo_table"), at("bo_notice"));
    let mut board_rows = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| super::table::csv_error(path, e))?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|raw| cell(raw, tsv));
        let table = get(table_at).unwrap_or_default().trim().to_string();
        let mut notices = Vec::new();
        for part in get(notice_at).unwrap_or_default().split(',') {
            let part = part.trim();
            if part.is_empty() {
                continue;
            }
            notices.push(part.parse::<u32>().map_err(|_| {
                Error::at(
                    path,
                    line,
                    format!("bo_notice {part:?} is not a post number"),
                )
            })?);
        }
        board_rows.push(BoardRow {
            place: Place::new(path, line),
            table,
            notices,
        });
    }
    Ok(Parsed {
        notes: vec![format!(
            "{}: a gnuboard5 board table ({} boards)",
            path.display(),
            board_rows.len()
        )],
        board_rows,
        ..Parsed::default()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, opts: &crate::ReadOptions) -> Result<Parsed, Error> {
        let d = super::super::table::delimiter(text.lines().next().unwrap_or(""));
        super::super::table::parse(Path::new("g5_board_file.csv"), text, d, opts)
    }

    #[test]
    fn files_become_attachments_in_bf_no_order() {
        let csv = "\"bo_table\",\"wr_id\",\"bf_no\",\"bf_source\",\"bf_file\",\"bf_download\",\"bf_content\",\"bf_filesize\",\"bf_width\"\n\
                   \"esg\",\"12\",\"1\",\"붙임2. 일정.pdf\",\"3041_b.pdf\",\"7\",\"\",\"1,024\",\"0\"\n\
                   \"esg\",\"12\",\"0\",\"붙임1. 2026 예산(안).hwp\",\"3041_a 1.hwp\",\"12\",\"\",\"335872\",\"0\"\n\
                   \"esg\",\"14\",\"0\",\"\",\"\",\"0\",\"\",\"0\",\"0\"\n";
        let parsed = read(csv, &crate::ReadOptions::default()).unwrap();
        assert_eq!(parsed.records.len(), 1);
        let r = &parsed.records[0].record;
        assert!(r.supplement);
        assert_eq!(r.no, Some(12));
        let names: Vec<&str> = r.attachments.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["붙임1. 2026 예산(안).hwp", "붙임2. 일정.pdf"]);
        let a = &r.attachments[0];
        assert_eq!(a.url, "data/file/esg/3041_a%201.hwp");
        assert_eq!(
            (a.kind.as_deref(), a.size, a.downloads),
            (Some("hwp"), Some(335_872), Some(12))
        );
        assert_eq!(r.attachments[1].size, Some(1024));
        assert_eq!(parsed.tables, ["esg"]);

        let opts = crate::ReadOptions {
            file_base: Some("https://www.k-esg.org/data/file/esg".into()),
            ..Default::default()
        };
        let parsed = read(csv, &opts).unwrap();
        assert_eq!(
            parsed.records[0].record.attachments[1].url,
            "https://www.k-esg.org/data/file/esg/3041_b.pdf"
        );
    }

    #[test]
    fn bad_file_rows_name_their_line() {
        let opts = crate::ReadOptions::default();
        let e = read("wr_id,bf_source,bf_file\n1,a.hwp,../../etc/passwd\n", &opts).unwrap_err();
        assert!(
            e.to_string().starts_with("g5_board_file.csv:2: bf_file"),
            "{e}"
        );
        let e = read("wr_id,bf_source,bf_file\n1,a.hwp,a.hwp\n", &opts).unwrap_err();
        assert!(e.to_string().contains("--file-base"), "{e}");
    }

    #[test]
    fn board_rows_list_their_notices() {
        let csv = "bo_table,gr_id,bo_subject,bo_notice\nesg,community,ESG 정책뉴스,\"12,15\"\nfree,community,자유게시판,\n";
        let parsed = read(csv, &crate::ReadOptions::default()).unwrap();
        assert_eq!(parsed.board_rows.len(), 2);
        assert_eq!(parsed.board_rows[0].table, "esg");
        assert_eq!(parsed.board_rows[0].notices, [12, 15]);
        assert!(parsed.board_rows[1].notices.is_empty());
        let e = read(
            "bo_table,bo_notice\nesg,\"12,x\"\n",
            &crate::ReadOptions::default(),
        )
        .unwrap_err();
        assert!(e.to_string().contains("bo_notice \"x\""), "{e}");
    }
}
