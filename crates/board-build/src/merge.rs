//! Merging sources into one board: by 번호, earlier sources first, later ones filling gaps.

use std::collections::BTreeMap;
use std::path::Path;

use board_core::{BoardIndex, BoardMeta, DeptCount, PostBody, PostSummary, SCHEMA_VERSION};

use crate::record::{Located, Record};
use crate::source::Parsed;
use crate::Error;

/// Fills what `first` lacks from `later`; the titles must agree.
fn fill(no: u32, first: &mut Located, later: Located) -> Result<(), Error> {
    let (a, b) = (&mut first.record, later.record);
    if !b.title.is_empty() && !a.title.is_empty() && b.title != a.title {
        return Err(Error::conflict(
            later.place,
            format!(
                "번호 {no} has the title {:?} here but {:?} at {}",
                b.title, a.title, first.place
            ),
        ));
    }
    if a.title.is_empty() {
        a.title = b.title;
    }
    a.author = a.author.take().or(b.author);
    a.date = a.date.or(b.date);
    a.views = a.views.or(b.views);
    a.dept = a.dept.take().or(b.dept);
    a.blocks = a.blocks.take().or(b.blocks);
    a.notice = a.notice.or(b.notice);
    a.supplement &= b.supplement;
    for file in b.attachments {
        if !a.attachments.iter().any(|f| f.url == file.url) {
            a.attachments.push(file);
        }
    }
    a.source = a.source.take().or(b.source);
    a.category = a.category.take().or(b.category);
    a.time = a.time.take().or(b.time);
    Ok(())
}

/// The board being assembled from sources.
#[derive(Debug, Default)]
pub struct Merger {
    name: Option<String>,
    posts: BTreeMap<u32, Located>,
    /// Posts that carry no 번호 (an article captured above a list); numbered in `finish`.
    unnumbered: Vec<Located>,
    notes: Vec<String>,
    /// gnuboard5 board rows (`g5_board`) and the board tables the sources name, to find which
    /// row's `bo_notice` is this board's.
    board_rows: Vec<crate::source::BoardRow>,
    tables: Vec<String>,
    /// 번호 given as notices on the command line.
    notices: Vec<u32>,
    /// What relative addresses in bodies and attachments are resolved against.
    asset_base: Option<url::Url>,
}

/// A finished dataset, in memory: the list and the bodies.
#[derive(Clone, Debug, PartialEq)]
pub struct Dataset {
    pub index: BoardIndex,
    pub bodies: Vec<PostBody>,
}

/// A dataset and what the builder has to say about it (stderr lines).
#[derive(Clone, Debug, PartialEq)]
pub struct Built {
    pub dataset: Dataset,
    pub notes: Vec<String>,
}

impl Merger {
    /// Sets the board's name, overriding what sources say.
    pub fn name(&mut self, name: String) {
        self.name = Some(name);
    }

    /// Something worth saying on stderr about the sources.
    pub fn note(&mut self, note: String) {
        self.notes.push(note);
    }

    /// Marks these 번호 as notices (each must be a post of the board).
    pub fn notices(&mut self, nos: &[u32]) {
        self.notices.extend_from_slice(nos);
    }

    /// Resolves relative links, image sources and attachment addresses against `base`.
    pub fn asset_base(&mut self, base: url::Url) {
        self.asset_base = Some(base);
    }

    pub fn add_source(&mut self, path: &Path, parsed: Parsed) -> Result<(), Error> {
        self.notes.extend(parsed.notes);
        self.board_rows.extend(parsed.board_rows);
        for t in parsed.tables {
            if !self.tables.contains(&t) {
                self.tables.push(t);
            }
        }
        match (&self.name, parsed.board_name) {
            (None, Some(n)) => self.name = Some(n),
            (Some(n), Some(other)) if *n != other => self.notes.push(format!(
                "{}: board name {other:?} differs from {n:?}; keeping {n:?}",
                path.display()
            )),
            _ => {}
        }
        for located in parsed.records {
            match located.record.no {
                Some(no) => self.add(no, located)?,
                None => self.unnumbered.push(located),
            }
        }
        Ok(())
    }

    fn add(&mut self, no: u32, located: Located) -> Result<(), Error> {
        match self.posts.get_mut(&no) {
            Some(existing) => fill(no, existing, located),
            None => {
                self.posts.insert(no, located);
                Ok(())
            }
        }
    }

    /// Numbers the posts without 번호 — the next numbers above the highest, in date order, each
    /// said on stderr — checks every post has a title and a date, and builds
    /// the dataset.
    pub fn finish(mut self) -> Result<Built, Error> {
        self.drop_supplements();
        self.mark_notices()?;
        let mut articles = std::mem::take(&mut self.unnumbered);
        for a in &articles {
            if a.record.title.is_empty() || a.record.date.is_none() {
                return Err(Error::input(
                    a.place.clone(),
                    "a post without 번호 needs a 제목 and a date (날짜 or source line `(YYYY.MM.DD 기관)`)",
                ));
            }
        }
        articles.sort_by(|a, b| {
            a.record
                .date
                .cmp(&b.record.date)
                .then_with(|| a.place.line.cmp(&b.place.line))
        });
        for a in articles {
            let Some(no) = self
                .posts
                .keys()
                .next_back()
                .map_or(Some(1), |n| n.checked_add(1))
            else {
                return Err(Error::input(
                    a.place.clone(),
                    format!(
                        "a post without 번호 gets the next number above the highest, and the \
                         highest is already {} (the largest 번호 there is); give this post a 번호",
                        u32::MAX
                    ),
                ));
            };
            self.notes
                .push(format!("{}: post has no 번호; numbered {no}", a.place));
            self.posts.insert(no, a);
        }
        for (no, p) in &self.posts {
            let missing = if p.record.title.is_empty() {
                "제목"
            } else if p.record.date.is_none() {
                "날짜"
            } else {
                continue;
            };
            return Err(Error::input(
                p.place.clone(),
                format!("post {no} has no {missing} in any source"),
            ));
        }
        self.note_duplicate_titles();
        let notes = std::mem::take(&mut self.notes);
        Ok(Built {
            dataset: self.into_dataset(),
            notes,
        })
    }

    /// Rows that only add to posts (files, notices) of posts no source gives: dropped, counted.
    fn drop_supplements(&mut self) {
        let orphans: Vec<u32> = (self.posts.iter())
            .filter(|(_, p)| p.record.supplement)
            .map(|(no, _)| *no)
            .collect();
        if let Some(first) = orphans.first() {
            let place = self.posts[first].place.clone();
            self.notes.push(format!(
                "{place}: skipped files or notices of {} posts no source gives (번호 {})",
                orphans.len(),
                orphans
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        for no in orphans {
            self.posts.remove(&no);
        }
    }

    /// Marks the notices: those of this board's `g5_board` row (`bo_notice`), then those of the
    /// command line.
    fn mark_notices(&mut self) -> Result<(), Error> {
        let rows = std::mem::take(&mut self.board_rows);
        let chosen: Vec<&crate::source::BoardRow> = if rows.len() == 1 {
            rows.iter().collect()
        } else {
            rows.iter()
                .filter(|r| self.tables.contains(&r.table))
                .collect()
        };
        match (chosen.as_slice(), rows.first()) {
            (_, None) => {}
            ([row], _) => {
                for no in &row.notices {
                    match self.posts.get_mut(no) {
                        Some(p) => p.record.notice = Some(true),
                        None => self.notes.push(format!(
                            "{}: bo_notice names post {no}, which no source gives; ignored",
                            row.place
                        )),
                    }
                }
            }
            (_, Some(first)) => {
                let names: Vec<&str> = rows.iter().map(|r| r.table.as_str()).collect();
                return Err(Error::input(
                    first.place.clone(),
                    format!(
                        "a g5_board export of {} boards ({}): which is this board's? Export only \
                         its row, or name the write table's file g5_write_<bo_table>.csv",
                        rows.len(),
                        names.join(", ")
                    ),
                ));
            }
        }
        for no in std::mem::take(&mut self.notices) {
            match self.posts.get_mut(&no) {
                Some(p) => p.record.notice = Some(true),
                None => {
                    return Err(Error::usage(
                        "--notice",
                        format!("{no} is not the 번호 of a post of this board"),
                    ))
                }
            }
        }
        Ok(())
    }

    /// Same title under different numbers (seed 3406/3405) is kept, and said.
    fn note_duplicate_titles(&mut self) {
        let mut by_title: BTreeMap<&str, Vec<(u32, String)>> = BTreeMap::new();
        for (no, p) in &self.posts {
            by_title
                .entry(p.record.title.as_str())
                .or_default()
                .push((*no, p.place.to_string()));
        }
        let dupes: Vec<String> = by_title
            .iter()
            .filter(|(_, v)| v.len() > 1)
            .map(|(title, v)| {
                let at: Vec<String> = v
                    .iter()
                    .rev()
                    .map(|(no, pl)| format!("{no} ({pl})"))
                    .collect();
                format!(
                    "duplicate title {title:?} in posts {}: all kept",
                    at.join(", ")
                )
            })
            .collect();
        self.notes.extend(dupes);
    }

    fn into_dataset(self) -> Dataset {
        let mut posts = Vec::with_capacity(self.posts.len());
        let mut bodies = Vec::new();
        let mut departments: BTreeMap<String, u32> = BTreeMap::new();
        let mut categories: BTreeMap<String, u32> = BTreeMap::new();
        for (no, located) in self.posts {
            let Record {
                title,
                author,
                date,
                views,
                dept,
                blocks,
                source,
                category,
                time,
                notice,
                attachments,
                ..
            } = located.record;
            if let Some(d) = &dept {
                *departments.entry(d.clone()).or_default() += 1;
            }
            if let Some(c) = &category {
                *categories.entry(c.clone()).or_default() += 1;
            }
            let (mut blocks, mut attachments) = (blocks, attachments);
            if let Some(base) = &self.asset_base {
                crate::assets::resolve(
                    blocks.as_deref_mut().unwrap_or_default(),
                    &mut attachments,
                    base,
                );
            }
            let files = attachments.len() as u32;
            let has_body = blocks.is_some() || !attachments.is_empty() || source.is_some();
            if has_body {
                bodies.push(PostBody {
                    no,
                    blocks: blocks.unwrap_or_default(),
                    paragraphs: Vec::new(),
                    source,
                    attachments,
                });
            }
            let date = date.expect("checked in finish");
            posts.push(PostSummary {
                no,
                title,
                author: author.map(Into::into),
                date,
                views,
                dept: dept.map(Into::into),
                has_body,
                category: category.map(Into::into),
                time,
                notice: notice.unwrap_or(false),
                attachments: files,
            });
        }
        posts.sort_by(board_core::model::by_new);
        Dataset {
            index: BoardIndex {
                schema_version: SCHEMA_VERSION,
                board: BoardMeta {
                    name: self.name.unwrap_or_else(|| "게시판".into()),
                    synthetic: false,
                    ..Default::default()
                },
                posts,
                departments: departments
                    .into_iter()
                    .map(|(name, count)| DeptCount { name, count })
                    .collect(),
                categories: categories
                    .into_iter()
                    .map(|(name, count)| DeptCount { name, count })
                    .collect(),
                search_keys: Default::default(),
                by_no: Default::default(),
                last_search: Default::default(),
                body_index: None,
                find: None,
            },
            bodies,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source;

    fn board(sources: &[(&str, &str)]) -> Result<Merger, Error> {
        let mut b = Merger::default();
        for (name, text) in sources {
            b.add_source(Path::new(name), source::parse(Path::new(name), text)?)?;
        }
        Ok(b)
    }

    const LIST: &str =
        "B\n번호 제목 글쓴이 날짜 조회수\n2 둘 관리자 2025-09-15 5\n1 하나 관리자 2025-09-14 3\n";

    #[test]
    fn a_conflicting_title_names_both_places() {
        let e = board(&[("a.txt", LIST), ("b.csv", "no,title\n2,다른\n")]).unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.csv:2: 번호 2 has the title \"다른\" here but \"둘\" at a.txt:3"
        );
    }

    const WRITE: &str = "wr_id,wr_subject,wr_datetime\n1,가,2026-01-01\n2,나,2026-01-02\n";

    #[test]
    fn notices_come_from_this_boards_row_and_the_command_line() {
        let rows = "bo_table,bo_notice\nesg,\"2,99\"\nfree,1\n";
        let mut b = board(&[("g5_write_esg.csv", WRITE), ("g5_board.csv", rows)]).unwrap();
        b.notices(&[1]);
        let built = b.finish().unwrap();
        let notice = |no| built.dataset.index.post(no).unwrap().notice;
        assert!(notice(1) && notice(2));
        assert!(
            built
                .notes
                .iter()
                .any(|n| n.contains("bo_notice names post 99")),
            "{:?}",
            built.notes
        );
        // Several boards and nothing saying which is this one's.
        let e = board(&[("write.csv", WRITE), ("g5_board.csv", rows)])
            .unwrap()
            .finish()
            .unwrap_err();
        assert!(
            e.to_string()
                .contains("a g5_board export of 2 boards (esg, free)"),
            "{e}"
        );
        // A single row needs no name.
        let one = board(&[
            ("write.csv", WRITE),
            ("g5_board.csv", "bo_table,bo_notice\nx,1\n"),
        ]);
        assert!(
            one.unwrap()
                .finish()
                .unwrap()
                .dataset
                .index
                .post(1)
                .unwrap()
                .notice
        );
        let mut b = board(&[("write.csv", WRITE)]).unwrap();
        b.notices(&[7]);
        let e = b.finish().unwrap_err();
        assert_eq!(
            e.to_string(),
            "--notice: 7 is not the 번호 of a post of this board"
        );
    }

    #[test]
    fn files_of_posts_no_source_gives_are_dropped_and_counted() {
        let files = "bo_table,wr_id,bf_no,bf_source,bf_file,bf_filesize\nesg,2,0,a.hwp,a_1.hwp,10\nesg,9,0,b.hwp,b_1.hwp,10\n";
        let built = board(&[("g5_write_esg.csv", WRITE), ("g5_board_file.csv", files)])
            .unwrap()
            .finish()
            .unwrap();
        let d = &built.dataset;
        assert_eq!(d.index.posts.len(), 2);
        assert_eq!(d.index.post(2).unwrap().attachments, 1);
        assert!(d.index.post(2).unwrap().has_body);
        let body = d.bodies.iter().find(|b| b.no == 2).unwrap();
        assert_eq!(body.attachments[0].url, "data/file/esg/a_1.hwp");
        assert!(
            built.notes.iter().any(|n| n.contains("skipped files or notices of 1 posts no source gives (번호 9)")),
            "{:?}",
            built.notes
        );
    }

    #[test]
    fn later_sources_fill_missing_fields() {
        let csv = "번호,담당부서,본문\n1,환경부,\"본문 첫째\n\n둘째\"\n";
        let d = board(&[("a.txt", LIST), ("b.csv", csv)])
            .unwrap()
            .finish()
            .unwrap()
            .dataset;
        let one = d.index.post(1).unwrap();
        assert_eq!(
            (one.dept.as_deref(), one.has_body, one.views),
            (Some("환경부"), true, Some(3))
        );
        assert_eq!(d.bodies[0].blocks.len(), 2);
    }

    #[test]
    fn an_article_gets_a_new_number_even_with_a_known_title_and_is_listed_as_a_duplicate() {
        let art = "하나\n담당부서 : 부\n본문\n(2025.09.14 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let built = board(&[("a.txt", LIST), ("b.txt", art)])
            .unwrap()
            .finish()
            .unwrap();
        let d = built.dataset;
        assert_eq!(d.index.posts.len(), 3);
        let new = d.index.post(3).unwrap();
        assert_eq!(
            (new.title.as_str(), new.dept.as_deref(), new.has_body),
            ("하나", Some("부"), true)
        );
        assert_eq!(
            d.index.departments,
            vec![DeptCount {
                name: "부".into(),
                count: 1
            }]
        );
        assert!(
            built.notes.iter().any(
                |n| n.starts_with("duplicate title \"하나\" in posts 3 (b.txt:1), 1 (a.txt:4)")
            ),
            "{:?}",
            built.notes
        );
    }

    #[test]
    fn new_articles_are_numbered_above_the_highest_in_date_order() {
        let a1 = "늦은 글\n본문\n(2025.11.03 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let a2 = "이른 글\n본문\n(2025.10.01 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let d = board(&[("a.txt", LIST), ("l.txt", a1), ("e.txt", a2)])
            .unwrap()
            .finish()
            .unwrap()
            .dataset;
        let got: Vec<_> = d
            .index
            .posts
            .iter()
            .map(|p| (p.no, p.title.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![(4, "늦은 글"), (3, "이른 글"), (2, "둘"), (1, "하나")]
        );
    }

    #[test]
    fn no_number_above_the_largest_is_an_error_not_a_wrap() {
        let list = "B\n번호 제목 글쓴이 날짜 조회수\n4294967295 끝 관리자 2025-01-01 1\n";
        let article = "새 글\n본문\n(2025.11.03 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let e = board(&[("a.txt", list), ("b.txt", article)])
            .unwrap()
            .finish()
            .unwrap_err();
        assert!(
            e.to_string().starts_with("b.txt:1: a post without 번호"),
            "{e}"
        );
        assert!(e.to_string().contains("4294967295"), "{e}");
    }

    #[test]
    fn posts_without_title_or_date_are_errors() {
        let e = board(&[("a.txt", "제목만\n본문\nB\n번호 제목 글쓴이 날짜 조회수\n")])
            .unwrap()
            .finish()
            .unwrap_err();
        assert!(
            e.to_string()
                .starts_with("a.txt:1: a post without 번호 needs"),
            "{e}"
        );
        let e = board(&[("a.csv", "no,title\n5,제목\n")])
            .unwrap()
            .finish()
            .unwrap_err();
        assert_eq!(e.to_string(), "a.csv:2: post 5 has no 날짜 in any source");
    }
}
