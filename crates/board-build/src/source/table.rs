//! CSV and TSV exports with a header row (Korean or English column names).

use std::path::Path;

use crate::record::{set_field, Column, Located, Record};
use crate::{Error, Place};

/// The delimiter of a table whose header line is `first_line`: a tab if it has one.
pub fn delimiter(first_line: &str) -> u8 {
    if first_line.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// Parses a CSV/TSV table; a row with another number of fields than the header is an error on
/// that row's line. Columns the builder does not know are skipped and listed in the notes (wide
/// exports carry dozens), or, `strict`, are an error. A gnuboard5 write table is read by its
/// own rules (`super::gnuboard`).
pub fn parse(
    path: &Path,
    text: &str,
    delimiter: u8,
    opts: &crate::ReadOptions,
) -> Result<super::Parsed, Error> {
    let strict = opts.strict;
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(false)
        .from_reader(text.as_bytes());
    let header = reader.headers().map_err(|e| csv_error(path, e))?.clone();
    let tsv = delimiter == b'\t';
    if super::gnuboard::is_write_table(&header) {
        return super::gnuboard::parse(path, reader, &header, tsv);
    }
    if super::gnuboard_files::is_file_table(&header) {
        return super::gnuboard_files::parse_files(path, reader, &header, tsv, opts);
    }
    if super::gnuboard_files::is_board_table(&header) {
        return super::gnuboard_files::parse_boards(path, reader, &header, tsv);
    }
    let mut columns: Vec<Option<Column>> = Vec::with_capacity(header.len());
    let mut skipped = Vec::new();
    for name in header.iter() {
        let Some(col) = Column::from_name(name) else {
            if strict {
                return Err(Error::at(
                    path,
                    1,
                    format!(
                        "unknown column {name:?}: expected 번호, 제목, 글쓴이, 날짜, 조회수, 담당부서, \
                         본문, 출처 (or no, title, author, date, views, dept, body, source)"
                    ),
                ));
            }
            skipped.push(format!("{:?}", name.trim()));
            columns.push(None);
            continue;
        };
        if columns.contains(&Some(col)) {
            return Err(Error::at(
                path,
                1,
                format!("column {name:?} is given twice"),
            ));
        }
        columns.push(Some(col));
    }
    if columns.iter().all(Option::is_none) {
        return Err(Error::at(
            path,
            1,
            "no column the board uses: expected 번호, 제목, 글쓴이, 날짜, 조회수, 담당부서, 본문, 출처 \
             (or no, title, author, date, views, dept, body, source)",
        ));
    }
    let mut out = Vec::new();
    for row in reader.records() {
        let row = row.map_err(|e| csv_error(path, e))?;
        let line = row.position().map_or(0, |p| p.line() as usize);
        let mut r = Record::default();
        for (col, raw) in columns.iter().zip(row.iter()) {
            if let Some(col) = col {
                set_field(&mut r, *col, raw).map_err(|cause| Error::at(path, line, cause))?;
            }
        }
        if r == Record::default() {
            continue; // a row of empty cells
        }
        out.push(Located {
            place: Place::new(path, line),
            record: r,
        });
    }
    let notes = (!skipped.is_empty())
        .then(|| {
            format!(
                "{}: skipped columns the board has no use for: {} (--strict makes them errors)",
                path.display(),
                skipped.join(", ")
            )
        })
        .into_iter()
        .collect();
    Ok(super::Parsed {
        records: out,
        notes,
        ..super::Parsed::default()
    })
}

pub(crate) fn csv_error(path: &Path, e: csv::Error) -> Error {
    let line = e.position().map_or(1, |p| p.line() as usize);
    let cause = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => {
            format!("row has {len} fields but the header has {expected_len}")
        }
        _ => e.to_string(),
    };
    Error::at(path, line, cause)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(text: &str) -> Result<Vec<Located>, Error> {
        let d = delimiter(text.lines().next().unwrap_or(""));
        let strict = crate::ReadOptions {
            strict: true,
            ..Default::default()
        };
        parse(Path::new("t.csv"), text, d, &strict).map(|p| p.records)
    }

    #[test]
    fn wide_exports_skip_unknown_columns_and_read_export_values() {
        let text = "번호,제목,작성자,작성일,조회수,IP,추천\r\n1,\"임금 체불\n점검\",관리자,2026. 3. 2.,\"1,234\",1.2.3.4,5\r\n";
        let lenient = crate::ReadOptions::default();
        let parsed = parse(Path::new("t.csv"), text, b',', &lenient).unwrap();
        let (rows, notes) = (parsed.records, parsed.notes);
        assert_eq!(
            notes,
            ["t.csv: skipped columns the board has no use for: \"IP\", \"추천\" (--strict makes them errors)"]
        );
        let r = &rows[0].record;
        assert_eq!((r.no, r.views), (Some(1), Some(1234)));
        assert_eq!(r.date.unwrap().to_string(), "2026-03-02");
        assert_eq!(r.title, "임금 체불\n점검");
        let e = parse(Path::new("t.csv"), "IP,추천\n1,2\n", b',', &lenient).unwrap_err();
        assert!(e.to_string().contains("no column the board uses"), "{e}");
    }

    #[test]
    fn korean_and_english_headers() {
        let rows = p("번호,제목,글쓴이,날짜,조회수,담당부서\n3409,\"제목, 쉼표\",관리자,2025.09.15,88,환경부\n").unwrap();
        let r = &rows[0].record;
        assert_eq!(
            (r.no, r.title.as_str(), r.views),
            (Some(3409), "제목, 쉼표", Some(88))
        );
        assert_eq!(r.date.unwrap().to_string(), "2025-09-15");
        assert_eq!(rows[0].place.to_string(), "t.csv:2");
        let rows = p("no\ttitle\tdate\tbody\n7\tT\t2025-01-02\t첫 문단\n").unwrap();
        assert_eq!(
            rows[0].record.blocks.as_deref(),
            Some(&[board_core::content::Block::text_paragraph("첫 문단")][..])
        );
    }

    #[test]
    fn multi_line_bodies_split_into_paragraphs_and_lines_count() {
        let rows =
            p("no,title,date,body\n1,a,2025-01-01,\"one\n\ntwo\"\n2,b,2025-01-01,x\n").unwrap();
        assert_eq!(rows[0].record.blocks.as_ref().unwrap().len(), 2);
        assert_eq!(rows[1].place.line, Some(5));
    }

    #[test]
    fn errors_name_line_and_cause() {
        let e = p("번호,제목,별점\n1,a,5\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.csv:1: unknown column \"별점\""),
            "{e}"
        );
        let e = p("no,title,date\n1,a,2025-01-01\n2,b\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:3: row has 2 fields but the header has 3"
        );
        let e = p("no,title,views\n1,a,\"1,23\"\n").unwrap_err();
        assert_eq!(
            e.to_string(),
            "t.csv:2: 조회수 \"1,23\" is not a whole number"
        );
        let e = p("no,title,date\n1,a,25/01/01\n").unwrap_err();
        assert!(
            e.to_string()
                .starts_with("t.csv:2: 날짜: \"25/01/01\" is not a date"),
            "{e}"
        );
        let e = p("no,title,no\n").unwrap_err();
        assert!(e.to_string().contains("given twice"), "{e}");
    }
}
