//! Writing a dataset directory atomically (reading and checking one: `crate::check`).
//!
//! Everything is written into a hidden sibling of DIR (`.DIR.new-<pid>`), then swapped in with
//! renames, so a failed build (bad input, full disk, a killed process) leaves the previous DIR
//! as it was. Same data, same bytes: compact JSON, fixed order, no timestamps.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use board_core::body_index::{IndexBuilder, IndexMeta};
use board_core::find_index::{rows_path, FindBuilder};
use board_core::model::{body_path, shard_path, INDEX_FILE};
use board_core::{BoardIndex, BoardMeta, BodyShard, Manifest, PostBody, Shard, SCHEMA_VERSION};

use crate::spool::Spool;
use crate::{Dataset, Error};

/// The search texts' spool, in the staging folder while a dataset is written (see
/// [`crate::spool`]).
const SPOOL_FILE: &str = ".search-texts";

/// Rows per list shard: small enough that the first screen's data is a few tens of kB even for
/// a huge board, large enough that a 100k-post board is a hundred files.
pub const DEFAULT_SHARD_SIZE: usize = 1000;

/// Serialises a file's content: compact JSON and a final newline.
pub fn json<T: serde::Serialize>(value: &T) -> Vec<u8> {
    let mut bytes = serde_json::to_vec(value).expect("dataset types always serialise");
    bytes.push(b'\n');
    bytes
}

fn sibling(dir: &Path, tag: &str) -> PathBuf {
    let name = dir
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dataset".into());
    dir.with_file_name(format!(".{name}.{tag}-{}", std::process::id()))
}

/// A dataset being written. Dropped without [`Staging::commit`], it removes what it wrote.
pub struct Staging {
    /// The folder replaced on commit (the target when `--out` is a symbolic link).
    dir: PathBuf,
    /// `--out`, when it is a symbolic link (kept: the dataset replaces what it points to).
    link: Option<PathBuf>,
    tmp: PathBuf,
    committed: bool,
    /// Bodies of the body file being filled (one group of consecutive 번호).
    pending: Vec<PostBody>,
    /// The body search index, fed as bodies stream by, and their texts again for its triples.
    index: IndexBuilder,
    texts: Option<Spool>,
    bodies: usize,
}

impl Staging {
    /// Starts a dataset that will replace `out`, after checking that `out` may be replaced
    /// (`crate::out_dir`): nothing is written when it may not.
    pub fn new(out: &Path) -> Result<Staging, Error> {
        let crate::out_dir::OutDir { dir, link } = crate::out_dir::resolve(out)?;
        let parent = dir
            .parent()
            .ok_or_else(|| Error::io(&dir, std::io::Error::other("not a directory path")))?;
        fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        let tmp = sibling(&dir, "new");
        let _ = fs::remove_dir_all(&tmp);
        fs::create_dir(&tmp).map_err(|e| Error::io(&tmp, e))?;
        let texts = Some(Spool::create(tmp.join(SPOOL_FILE))?);
        Ok(Staging {
            texts,
            dir,
            link,
            tmp,
            committed: false,
            pending: Vec::new(),
            index: IndexBuilder::default(),
            bodies: 0,
        })
    }

    /// Writes one file of the dataset (`rel` is relative to the dataset directory).
    pub fn write(&self, rel: &str, bytes: &[u8]) -> Result<(), Error> {
        let path = self.tmp.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).map_err(|e| Error::io(parent, e))?;
        }
        let mut f = fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        f.write_all(bytes).map_err(|e| Error::io(&path, e))
    }

    /// Adds a body. Bodies must come in increasing 번호; each body file is written once its
    /// group of [`board_core::model::BODY_GROUP`] numbers is complete, so memory stays flat.
    pub fn body(&mut self, body: PostBody) -> Result<(), Error> {
        if let Some(last) = self.pending.last() {
            assert!(last.no < body.no, "bodies must come in increasing 번호");
            if body_path(last.no) != body_path(body.no) {
                self.flush_bodies()?;
            }
        }
        let text = self.index.add(body.no, &body.search_text());
        if let Some(texts) = &mut self.texts {
            texts.push(body.no, &text)?;
        }
        self.bodies += 1;
        self.pending.push(body);
        Ok(())
    }

    fn flush_bodies(&mut self) -> Result<(), Error> {
        if let Some(first) = self.pending.first() {
            let rel = body_path(first.no);
            let shard = BodyShard {
                schema_version: SCHEMA_VERSION,
                bodies: std::mem::take(&mut self.pending),
            };
            self.write(&rel, &json(&shard))?;
        }
        Ok(())
    }

    /// Writes `board.json` and the list shards.
    pub fn list(
        &self,
        index: &BoardIndex,
        opts: &Options,
        body_index: Option<IndexMeta>,
    ) -> Result<(), Error> {
        let shard_size = opts.shard_size.max(1);
        let mut shards = Vec::new();
        for (i, chunk) in index.posts.chunks(shard_size).enumerate() {
            let rel = shard_path(i);
            self.write(
                &rel,
                &json(&Shard {
                    schema_version: SCHEMA_VERSION,
                    posts: chunk.to_vec(),
                }),
            )?;
            shards.push(rel);
        }
        // A board of one list file has it all at once; a bigger one also gets the index a
        // search reads before the list is in, and its rows in small files.
        let find = if shards.len() > 1 {
            let mut builder = FindBuilder::default();
            for p in &index.posts {
                builder.add(p);
            }
            let (meta, files) = builder.finish();
            for (rel, bytes) in files {
                self.write(&rel, &bytes)?;
            }
            for (i, chunk) in index.posts.chunks(meta.rows as usize).enumerate() {
                self.write(
                    &rows_path(i),
                    &json(&Shard {
                        schema_version: SCHEMA_VERSION,
                        posts: chunk.to_vec(),
                    }),
                )?;
            }
            Some(meta)
        } else {
            None
        };
        let manifest = Manifest {
            schema_version: SCHEMA_VERSION,
            board: BoardMeta {
                post_pages: opts.post_pages,
                site_url: opts.site_url.clone(),
                ..index.board.clone()
            },
            count: index.posts.len(),
            departments: index.departments.clone(),
            categories: index.categories.clone(),
            shard_size,
            shards,
            body_index,
            find,
        };
        self.write(INDEX_FILE, &json(&manifest))
    }

    /// Where `--out` led, when it is a symbolic link: the folder that is replaced.
    pub fn followed_link(&self) -> Option<(&Path, &Path)> {
        self.link.as_deref().map(|l| (l, self.dir.as_path()))
    }

    /// Swaps the new dataset in for the old one, once its files are on disk: a crash or power
    /// loss right after the rename finds the whole new dataset, or the old one. If the new one
    /// cannot be moved in, the old one is put back.
    pub fn commit(self) -> Result<(), Error> {
        self.commit_with(crate::durable::rename)
    }

    /// [`Staging::commit`], with the rename that moves the new dataset in given (a test makes
    /// it fail).
    fn commit_with(
        mut self,
        move_in: impl Fn(&Path, &Path) -> std::io::Result<()>,
    ) -> Result<(), Error> {
        crate::durable::sync_tree(&self.tmp).map_err(|e| Error::io(&self.tmp, e))?;
        let old = sibling(&self.dir, "old");
        let had_old = self.dir.exists();
        if had_old {
            fs::rename(&self.dir, &old).map_err(|e| Error::io(&self.dir, e))?;
        }
        if let Err(e) = move_in(&self.tmp, &self.dir) {
            if had_old {
                if let Err(back) = fs::rename(&old, &self.dir) {
                    return Err(Error::io(
                        &self.dir,
                        std::io::Error::other(format!(
                            "{e}; and the previous dataset could not be put back ({back}): it \
                             is in {}",
                            old.display()
                        )),
                    ));
                }
            }
            return Err(Error::io(&self.dir, e));
        }
        self.committed = true;
        if had_old {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.tmp);
        }
    }
}

/// How a dataset is written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Options {
    /// Rows per list file.
    pub shard_size: usize,
    /// Where the board page is served; with it, `feed.xml` and `sitemap.xml` are written.
    pub site_url: Option<String>,
    /// Whether every article gets a page of its own (`board_core::model::post_page`, written
    /// by `board-prerender`), which the feed and sitemap then point at.
    pub post_pages: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            shard_size: DEFAULT_SHARD_SIZE,
            site_url: None,
            post_pages: false,
        }
    }
}

impl Staging {
    /// Writes the last body file, the list (`board.json`, shards) and, with a site URL, the
    /// feed and sitemaps.
    pub fn finish_list(&mut self, index: &BoardIndex, opts: &Options) -> Result<(), Error> {
        self.flush_bodies()?;
        let texts = self.texts.take().expect("a dataset's list is written once");
        let body_index = if self.bodies > 0 {
            let builder = std::mem::take(&mut self.index);
            let (meta, files) = builder.finish_with_triples(|each| texts.replay(each))?;
            for (rel, bytes) in files {
                self.write(&rel, &bytes)?;
            }
            Some(meta)
        } else {
            texts.discard()?;
            None
        };
        self.list(index, opts, body_index)?;
        if let Some(site) = &opts.site_url {
            self.write(
                "feed.xml",
                crate::feeds::atom(index, site, opts.post_pages).as_bytes(),
            )?;
            // The dataset folder is `data/` beside the board page (the default `data-src`).
            let folder = format!("{}data/", crate::feeds::site_folder(site));
            for (name, xml) in crate::feeds::sitemaps(index, site, &folder, opts.post_pages) {
                self.write(&name, xml.as_bytes())?;
            }
        }
        Ok(())
    }
}

/// Replaces `dir` with the dataset, or leaves it untouched on any error.
pub fn write_atomic(dir: &Path, d: &Dataset, opts: &Options) -> Result<(), Error> {
    write_into(Staging::new(dir)?, d, opts)
}

/// Writes a built dataset through a staging already begun, and swaps it in.
pub fn write_into(mut staging: Staging, d: &Dataset, opts: &Options) -> Result<(), Error> {
    let mut progress = crate::progress::Progress::new(d.bodies.len() as u64, "writing bodies");
    for body in &d.bodies {
        staging.body(body.clone())?;
        progress.inc(1);
    }
    progress.finish();
    staging.finish_list(&d.index, opts)?;
    staging.commit()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(dir: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![dir.to_path_buf()];
        while let Some(d) = stack.pop() {
            for e in fs::read_dir(&d).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    stack.push(p);
                } else {
                    out.push((p.clone(), fs::read(&p).unwrap()));
                }
            }
        }
        out.sort();
        out
    }

    fn stage(dir: &Path, posts: u32) -> Staging {
        let mut s = Staging::new(dir).unwrap();
        let index = crate::synth::board(posts, 1, |b| s.body(b)).unwrap();
        s.finish_list(&index, &Options::default()).unwrap();
        s
    }

    #[test]
    fn a_failed_swap_puts_the_old_dataset_back() {
        let t = tempfile::tempdir().unwrap();
        let dir = t.path().join("data");
        stage(&dir, 3).commit().unwrap();
        let before = files(&dir);
        let failing = |_: &Path, _: &Path| Err(std::io::Error::other("disk full"));
        let e = stage(&dir, 5).commit_with(failing).unwrap_err();
        assert!(e.to_string().contains("disk full"), "{e}");
        assert_eq!(files(&dir), before);
        // Nothing is left beside it: no staging folder, no old copy.
        let names: Vec<_> = fs::read_dir(t.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("data")]);
    }
}
