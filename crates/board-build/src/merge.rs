//! Merging sources into one board: by 번호, earlier sources first, later ones filling gaps.

use std::collections::BTreeMap;
use std::path::Path;

use board_core::{
    BoardIndex, BoardMeta, Date, DeptCount, PostBody, PostSummary, Source, SCHEMA_VERSION,
};

use crate::capture::{CapturedPage, Row};
use crate::{Error, Place};

/// What the sources say of one post so far, and where they said it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    pub place: Place,
    pub title: String,
    pub author: Option<String>,
    pub date: Option<Date>,
    pub views: Option<u64>,
    pub dept: Option<String>,
    pub paragraphs: Option<Vec<String>>,
    pub source: Option<Source>,
}

impl Draft {
    fn from_row(path: &Path, r: &Row) -> Draft {
        Draft {
            place: Place::new(path, r.line),
            title: r.title.clone(),
            author: Some(r.author.clone()),
            date: Some(r.date),
            views: Some(r.views),
            dept: None,
            paragraphs: None,
            source: None,
        }
    }

    /// Fills what this draft lacks from `later`; the title must agree.
    fn fill(&mut self, no: u32, later: Draft) -> Result<(), Error> {
        if later.title != self.title {
            return Err(Error {
                place: later.place,
                cause: format!(
                    "번호 {no} has the title {:?} here but {:?} at {}",
                    later.title, self.title, self.place
                ),
            });
        }
        self.author = self.author.take().or(later.author);
        self.date = self.date.or(later.date);
        self.views = self.views.or(later.views);
        self.dept = self.dept.take().or(later.dept);
        self.paragraphs = self.paragraphs.take().or(later.paragraphs);
        self.source = self.source.take().or(later.source);
        Ok(())
    }
}

/// The board being assembled from sources.
#[derive(Debug, Default)]
pub struct Board {
    name: Option<String>,
    posts: BTreeMap<u32, Draft>,
    /// Articles that carry no 번호 (captured above a list); numbered in [`Board::finish`].
    unnumbered: Vec<Draft>,
    /// Things the builder tells on stderr without failing.
    notes: Vec<String>,
}

/// A finished dataset: the list file and the bodies.
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

impl Board {
    pub fn add_capture(&mut self, path: &Path, page: CapturedPage) -> Result<(), Error> {
        match &self.name {
            None => self.name = Some(page.board_name.clone()),
            Some(n) if *n != page.board_name => self.notes.push(format!(
                "{path}: board name {:?} differs from {n:?}; keeping {n:?}",
                page.board_name,
                path = path.display()
            )),
            Some(_) => {}
        }
        for row in &page.rows {
            self.add(row.no, Draft::from_row(path, row))?;
        }
        if let Some(a) = page.article {
            self.unnumbered.push(Draft {
                place: Place::new(path, a.line),
                title: a.title,
                author: None,
                date: a.source.as_ref().map(|s| s.date),
                views: None,
                dept: a.dept,
                paragraphs: Some(a.paragraphs),
                source: a.source,
            });
        }
        Ok(())
    }

    fn add(&mut self, no: u32, draft: Draft) -> Result<(), Error> {
        match self.posts.get_mut(&no) {
            Some(existing) => existing.fill(no, draft),
            None => {
                self.posts.insert(no, draft);
                Ok(())
            }
        }
    }

    /// Places the unnumbered articles: one whose title is exactly one known post's joins that
    /// post; the others get the next numbers above the highest, in date order (each said on
    /// stderr). Then builds the dataset.
    pub fn finish(mut self) -> Result<Built, Error> {
        let mut articles = std::mem::take(&mut self.unnumbered);
        for a in &articles {
            if a.date.is_none() {
                return Err(Error {
                    place: a.place.clone(),
                    cause: "article has neither a 번호 nor a source line `(YYYY.MM.DD 기관)` to date it".into(),
                });
            }
        }
        articles.sort_by(|a, b| {
            a.date
                .cmp(&b.date)
                .then_with(|| a.place.line.cmp(&b.place.line))
        });
        for a in articles {
            let same: Vec<u32> = self
                .posts
                .iter()
                .filter(|(_, p)| p.title == a.title)
                .map(|(n, _)| *n)
                .collect();
            if let [no] = same[..] {
                self.notes.push(format!(
                    "{}: article has no 번호; it is post {no} (same title)",
                    a.place
                ));
                self.add(no, a)?;
            } else {
                let no = self.posts.keys().next_back().map_or(1, |n| n + 1);
                self.notes
                    .push(format!("{}: article has no 번호; numbered {no}", a.place));
                self.posts.insert(no, a);
            }
        }
        self.note_duplicate_titles();
        let notes = std::mem::take(&mut self.notes);
        Ok(Built {
            dataset: self.into_dataset(),
            notes,
        })
    }

    /// Same title under different numbers (seed 3406/3405) is kept, and said.
    fn note_duplicate_titles(&mut self) {
        let mut by_title: BTreeMap<&str, Vec<(u32, &Place)>> = BTreeMap::new();
        for (no, p) in &self.posts {
            by_title
                .entry(p.title.as_str())
                .or_default()
                .push((*no, &p.place));
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
        for (no, d) in self.posts {
            let date = d.date.expect("rows and dated articles only");
            if let Some(dept) = &d.dept {
                *departments.entry(dept.clone()).or_default() += 1;
            }
            let has_body = d.paragraphs.is_some();
            if let Some(paragraphs) = d.paragraphs {
                bodies.push(PostBody {
                    schema_version: SCHEMA_VERSION,
                    no,
                    paragraphs,
                    source: d.source,
                });
            }
            posts.push(PostSummary {
                no,
                title: d.title,
                author: d.author,
                date,
                views: d.views,
                dept: d.dept,
                has_body,
            });
        }
        posts.sort_by(|a, b| b.date.cmp(&a.date).then(b.no.cmp(&a.no)));
        Dataset {
            index: BoardIndex {
                schema_version: SCHEMA_VERSION,
                board: BoardMeta {
                    name: self.name.unwrap_or_else(|| "게시판".into()),
                },
                posts,
                departments: departments
                    .into_iter()
                    .map(|(name, count)| DeptCount { name, count })
                    .collect(),
            },
            bodies,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::capture;

    fn board(sources: &[(&str, &str)]) -> Result<Board, Error> {
        let mut b = Board::default();
        for (name, text) in sources {
            b.add_capture(Path::new(name), capture::parse(Path::new(name), text)?)?;
        }
        Ok(b)
    }

    const LIST: &str =
        "B\n번호 제목 글쓴이 날짜 조회수\n2 둘 관리자 2025-09-15 5\n1 하나 관리자 2025-09-14 3\n";

    #[test]
    fn a_conflicting_title_names_both_places() {
        let e = board(&[
            ("a.txt", LIST),
            (
                "b.txt",
                "B\n번호 제목 글쓴이 날짜 조회수\n2 다른 관리자 2025-09-15 5\n",
            ),
        ])
        .unwrap_err();
        assert_eq!(
            e.to_string(),
            "b.txt:3: 번호 2 has the title \"다른\" here but \"둘\" at a.txt:3"
        );
    }

    #[test]
    fn an_article_with_a_known_title_joins_that_post() {
        let art = "하나\n담당부서 : 부\n본문\n(2025.09.14 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let d = board(&[("a.txt", LIST), ("b.txt", art)])
            .unwrap()
            .finish()
            .unwrap()
            .dataset;
        assert_eq!(d.index.posts.len(), 2);
        let one = d.index.post(1).unwrap();
        assert_eq!(
            (one.dept.as_deref(), one.has_body, one.views),
            (Some("부"), true, Some(3))
        );
        assert_eq!(
            d.index.departments,
            vec![DeptCount {
                name: "부".into(),
                count: 1
            }]
        );
    }

    #[test]
    fn new_articles_are_numbered_above_the_highest_in_date_order() {
        let a1 = "늦은 글\n본문\n(2025.11.03 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let a2 = "이른 글\n본문\n(2025.10.01 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let b = board(&[("a.txt", LIST), ("l.txt", a1), ("e.txt", a2)]).unwrap();
        let d = b.finish().unwrap().dataset;
        assert_eq!(
            d.index
                .posts
                .iter()
                .map(|p| (p.no, p.title.as_str()))
                .collect::<Vec<_>>(),
            vec![(4, "늦은 글"), (3, "이른 글"), (2, "둘"), (1, "하나")]
        );
    }

    #[test]
    fn an_undated_article_is_an_error() {
        let art = "제목만\n본문\nB\n번호 제목 글쓴이 날짜 조회수\n";
        let e = board(&[("a.txt", art)]).unwrap().finish().unwrap_err();
        assert!(
            e.to_string().starts_with("a.txt:1: article has neither"),
            "{e}"
        );
    }
}
