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
mod tests;
