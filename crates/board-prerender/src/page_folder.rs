//! A folder of pages board-prerender writes beside the board page (`post/`, `page/`): written
//! beside it, then swapped in whole, and only ever replaced or removed when it is missing or
//! holds nothing but pages of its kind and the file that marks it as board-prerender's own. A
//! folder of that name that the host made is refused and left untouched.

use std::fs;
use std::path::{Path, PathBuf};

use board_build::Error;

/// The file that marks a folder of pages as board-prerender's own: a folder without it is never
/// replaced or removed, whatever it holds.
pub const MARK_FILE: &str = ".board-prerender";

/// What was written.
#[derive(Debug)]
pub struct Written {
    pub folder: PathBuf,
    pub pages: usize,
    pub bytes: u64,
}

/// One kind of folder.
pub struct Folder {
    /// Its name beside the board page, with a trailing `/` (`post/`).
    pub name: &'static str,
    /// What its pages are, for messages ("article pages").
    pub what: &'static str,
    /// Whether a file name is one of its pages.
    pub is_page: fn(&str) -> bool,
}

impl Folder {
    /// The folder beside `page`.
    pub fn beside(&self, page: &Path) -> PathBuf {
        let dir = page.parent().unwrap_or(Path::new(""));
        dir.join(self.name.trim_end_matches('/'))
    }

    /// Writes the folder beside `page` anew: `write` fills a fresh folder and returns the pages
    /// and bytes it wrote; the result replaces the old folder whole, or nothing changes.
    pub fn write(
        &self,
        page: &Path,
        write: impl FnOnce(&Path) -> Result<(usize, u64), Error>,
    ) -> Result<Written, Error> {
        let folder = self.beside(page);
        self.check(&folder)?;
        let stem = self.name.trim_end_matches('/');
        let staging = folder.with_file_name(format!(".{stem}.new-{}", std::process::id()));
        let _ = fs::remove_dir_all(&staging);
        fs::create_dir(&staging).map_err(|e| Error::io(&staging, e))?;
        let mark = staging.join(MARK_FILE);
        let done = fs::write(
            &mark,
            format!(
                "{} written by board-prerender: this folder is replaced whole on each run.\n",
                capitalised(self.what)
            ),
        )
        .map_err(|e| Error::io(&mark, e))
        .and_then(|()| write(&staging))
        .and_then(|written| self.swap(&staging, &folder).map(|()| written));
        match done {
            Ok((pages, bytes)) => Ok(Written {
                folder,
                pages,
                bytes,
            }),
            Err(e) => {
                let _ = fs::remove_dir_all(&staging);
                Err(e)
            }
        }
    }

    /// Refuses, before anything is written, a folder beside `page` that board-prerender did not
    /// write.
    pub fn check_beside(&self, page: &Path) -> Result<(), Error> {
        self.check(&self.beside(page)).map(|_| ())
    }

    /// Removes the folder beside `page` when board-prerender wrote it (a board that no longer
    /// asks for such pages); one it did not write is left alone. Returns whether there was one.
    pub fn remove_stale(&self, page: &Path) -> Result<bool, Error> {
        let folder = self.beside(page);
        match self.check(&folder) {
            Ok(true) => fs::remove_dir_all(&folder)
                .map(|()| true)
                .map_err(|e| Error::io(&folder, e)),
            _ => Ok(false),
        }
    }

    /// Refuses a folder that is not one board-prerender wrote (empty or missing is fine).
    /// Returns whether there is one.
    fn check(&self, folder: &Path) -> Result<bool, Error> {
        let entries = match fs::read_dir(folder) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(false),
            Err(_) if !folder.is_dir() => {
                return Err(Error::refused(
                    folder,
                    format!(
                        "is not a folder; the {} go into a folder of that name",
                        self.what
                    ),
                ))
            }
            Err(e) => return Err(Error::io(folder, e)),
        };
        let refuse = |why: String| {
            Err(Error::refused(
                folder,
                format!(
                    "{why}: board-prerender only ever replaces a folder of {} it wrote \
                     (move the folder away, or build without --post-pages)",
                    self.what
                ),
            ))
        };
        let (mut marked, mut any) = (false, false);
        for entry in entries {
            let entry = entry.map_err(|e| Error::io(folder, e))?;
            let name = entry.file_name().to_string_lossy().into_owned();
            let file = (entry.file_type())
                .map_err(|e| Error::io(folder, e))?
                .is_file();
            any = true;
            match name.as_str() {
                MARK_FILE if file => marked = true,
                n if file && (self.is_page)(n) => {}
                _ => {
                    return refuse(format!(
                        "holds {name:?}, which is not one of its {}",
                        self.what
                    ))
                }
            }
        }
        if any && !marked {
            return refuse(format!(
                "has no {MARK_FILE} file, so these pages are not its own"
            ));
        }
        Ok(any)
    }

    /// Puts the new folder in the old one's place.
    fn swap(&self, staging: &Path, folder: &Path) -> Result<(), Error> {
        let stem = self.name.trim_end_matches('/');
        let old = folder.with_file_name(format!(".{stem}.old-{}", std::process::id()));
        let had = folder.exists();
        if had {
            fs::rename(folder, &old).map_err(|e| Error::io(folder, e))?;
        }
        if let Err(e) = fs::rename(staging, folder) {
            if had {
                let _ = fs::rename(&old, folder);
            }
            return Err(Error::io(folder, e));
        }
        if had {
            let _ = fs::remove_dir_all(&old);
        }
        Ok(())
    }
}

fn capitalised(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Writes `items` as pages into `folder`, in as many runs as there are cores, each by a thread
/// of its own (rendering is the work) with a state of its own (`state`: a cache of what its
/// pages read); `page` gives one item's file name and HTML. Returns the pages and bytes written.
pub fn write_parallel<T: Sync, S>(
    folder: &Path,
    items: &[T],
    state: impl Fn() -> S + Sync,
    page: impl Fn(&mut S, &T) -> Result<(String, String), Error> + Sync,
) -> Result<(usize, u64), Error> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let run = items.len().div_ceil(threads).max(1);
    let (state, page) = (&state, &page);
    let bytes = std::thread::scope(|scope| {
        let workers: Vec<_> = (items.chunks(run))
            .map(|items| {
                scope.spawn(move || {
                    let mut s = state();
                    let mut bytes = 0;
                    for item in items {
                        let (name, html) = page(&mut s, item)?;
                        let file = folder.join(name);
                        fs::write(&file, &html).map_err(|e| Error::io(&file, e))?;
                        bytes += html.len() as u64;
                    }
                    Ok::<u64, Error>(bytes)
                })
            })
            .collect();
        workers.into_iter().try_fold(0, |bytes, w| {
            Ok::<u64, Error>(bytes + w.join().expect("a page writer does not panic")?)
        })
    })?;
    Ok((items.len(), bytes))
}
