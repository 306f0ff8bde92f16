//! Which folder `--out` may replace, decided before anything is written.
//!
//! A dataset folder is replaced as a whole, so a mistyped `--out` (a site folder, a home
//! directory) would lose every file in it. Only a missing folder, an empty one, or one that
//! holds nothing but a dataset board-build wrote is accepted; anything else is refused and left
//! untouched. A symbolic link (a common deploy layout: `site/data -> /srv/datasets/esg`) keeps
//! being a link: the dataset replaces the folder it points to.

use std::fs;
use std::path::{Path, PathBuf};

use board_core::model::INDEX_FILE;
use board_core::Manifest;

use crate::Error;

/// The names a dataset folder holds at its top level (see `output::Staging`), and the
/// pre-compressed copies a host may have put beside them.
fn dataset_entry(name: &str) -> bool {
    let name = name
        .strip_suffix(".br")
        .or_else(|| name.strip_suffix(".gz"))
        .unwrap_or(name);
    matches!(
        name,
        INDEX_FILE | "list" | "posts" | "index" | "find" | "feed.xml" | "sitemap.xml"
    ) || (name.starts_with("sitemap-") && name.ends_with(".xml"))
}

/// Where the dataset will really be written, and what was there.
#[derive(Debug, PartialEq, Eq)]
pub struct OutDir {
    /// The folder that is replaced: `--out` itself, or the folder its link points to.
    pub dir: PathBuf,
    /// Set when `--out` is a symbolic link (kept as it is).
    pub link: Option<PathBuf>,
}

fn refuse(path: &Path, cause: String) -> Error {
    Error::refused(path, cause)
}

/// Decides where a dataset asked for at `out` goes, or why it may not.
pub fn resolve(out: &Path) -> Result<OutDir, Error> {
    let cwd = std::env::current_dir().map_err(|e| Error::io(out, e))?;
    let asked = cwd.join(out);
    let link = match fs::symlink_metadata(&asked) {
        Ok(m) if m.file_type().is_symlink() => Some(asked.clone()),
        _ => None,
    };
    let dir = match &link {
        Some(l) => fs::canonicalize(l).map_err(|e| {
            refuse(
                l,
                format!(
                    "a symbolic link whose target cannot be used ({e}); create the folder it \
                     points to, or give --out a real folder"
                ),
            )
        })?,
        None => asked,
    };
    if dir.parent().is_none() {
        return Err(refuse(
            &dir,
            "the root folder is never a dataset folder".into(),
        ));
    }
    match fs::metadata(&dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(Error::io(&dir, e)),
        Ok(m) if !m.is_dir() => {
            return Err(refuse(
                &dir,
                "exists and is not a folder; board-build writes a dataset folder".into(),
            ))
        }
        Ok(_) => check_replaceable(&dir)?,
    }
    Ok(OutDir { dir, link })
}

/// An existing folder may be replaced when it is empty or holds only a dataset (its
/// `board.json` one board-build wrote, nothing that is not part of a dataset).
fn check_replaceable(dir: &Path) -> Result<(), Error> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .map(|e| e.map(|e| e.file_name().to_string_lossy().into_owned()))
        .collect::<Result<_, _>>()
        .map_err(|e| Error::io(dir, e))?;
    if names.is_empty() {
        return Ok(());
    }
    names.sort();
    let not_ours = || {
        format!(
            "is not a dataset folder and would be replaced as a whole; board-build only \
             replaces a missing or empty folder, or one it wrote (left untouched; give --out \
             a new folder such as {}/data)",
            dir.display()
        )
    };
    let manifest = dir.join(INDEX_FILE);
    let ours = fs::read_to_string(&manifest)
        .ok()
        .is_some_and(|t| Manifest::from_json(&t).is_ok());
    if !ours {
        return Err(refuse(
            dir,
            format!("{} (it has no board.json board-build wrote)", not_ours()),
        ));
    }
    if let Some(other) = names.iter().find(|n| !dataset_entry(n)) {
        return Err(refuse(dir, format!("{} (it holds {other:?})", not_ours())));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dataset(dir: &Path) {
        fs::create_dir_all(dir.join("list")).unwrap();
        fs::write(
            dir.join(INDEX_FILE),
            r#"{"schema_version":1,"board":{"name":"b"},"count":0,"departments":[],"shard_size":1000,"shards":[]}"#,
        )
        .unwrap();
    }

    #[test]
    fn missing_empty_and_own_folders_are_accepted() {
        let t = tempfile::tempdir().unwrap();
        let missing = t.path().join("new/data");
        assert_eq!(resolve(&missing).unwrap().dir, missing);
        let empty = t.path().join("empty");
        fs::create_dir(&empty).unwrap();
        assert!(resolve(&empty).is_ok());
        let own = t.path().join("own");
        dataset(&own);
        fs::write(own.join("feed.xml.gz"), "").unwrap();
        fs::write(own.join("sitemap-2.xml"), "").unwrap();
        assert!(resolve(&own).is_ok());
    }

    #[test]
    fn other_folders_and_files_are_refused() {
        let t = tempfile::tempdir().unwrap();
        let site = t.path().join("site");
        fs::create_dir(&site).unwrap();
        fs::write(site.join("index.html"), "portal").unwrap();
        let e = resolve(&site).unwrap_err().to_string();
        assert!(e.contains("not a dataset folder"), "{e}");
        // A dataset with a stranger beside it is not replaced either.
        dataset(&site);
        let e = resolve(&site).unwrap_err().to_string();
        assert!(e.contains("\"index.html\""), "{e}");
        // A board.json that is not ours.
        let fake = t.path().join("fake");
        fs::create_dir(&fake).unwrap();
        fs::write(fake.join(INDEX_FILE), "{}").unwrap();
        assert!(resolve(&fake).is_err());
        let file = t.path().join("file");
        fs::write(&file, "x").unwrap();
        assert!(resolve(&file)
            .unwrap_err()
            .to_string()
            .contains("not a folder"));
        assert!(resolve(Path::new("/")).is_err());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_is_followed_and_kept() {
        let t = tempfile::tempdir().unwrap();
        let target = t.path().join("datasets/esg");
        fs::create_dir_all(&target).unwrap();
        let link = t.path().join("data");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let out = resolve(&link).unwrap();
        assert_eq!(out.dir, fs::canonicalize(&target).unwrap());
        assert_eq!(out.link, Some(link.clone()));
        let dangling = t.path().join("dangling");
        std::os::unix::fs::symlink(t.path().join("nowhere"), &dangling).unwrap();
        assert!(resolve(&dangling).is_err());
    }
}
