//! Getting written files onto the disk before they are swapped in, so that a crash or a power
//! loss right after a rename finds complete files, never a renamed folder of empty ones.

use std::fs;
use std::io;
use std::path::Path;

/// Flushes every file and folder under `root` (and `root` itself) to the disk.
///
/// On Linux one `syncfs` flushes the whole file system: a 100k-post dataset is over ten thousand
/// files, and one `fsync` each costs seconds on a real disk. Elsewhere, each file is synced.
pub fn sync_tree(root: &Path) -> io::Result<()> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        let dir = fs::File::open(root)?;
        // SAFETY: `syncfs` only reads the descriptor, which `dir` keeps open for the call.
        if unsafe { libc::syncfs(dir.as_raw_fd()) } != 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }
    #[cfg(not(target_os = "linux"))]
    {
        fn walk(p: &Path) -> io::Result<()> {
            if p.is_dir() {
                for e in fs::read_dir(p)? {
                    walk(&e?.path())?;
                }
            }
            sync_path(p)
        }
        walk(root)
    }
}

/// Flushes one file or folder (folders: where their entries are, on systems that allow it).
pub fn sync_path(p: &Path) -> io::Result<()> {
    match fs::File::open(p).and_then(|f| f.sync_all()) {
        // Windows cannot open a folder as a file; its renames are durable without it.
        Err(_) if cfg!(windows) && p.is_dir() => Ok(()),
        other => other,
    }
}

/// Renames `from` to `to`, then flushes the folder holding `to`, so the rename itself survives.
pub fn rename(from: &Path, to: &Path) -> io::Result<()> {
    fs::rename(from, to)?;
    match to.parent() {
        Some(parent) => sync_path(parent),
        None => Ok(()),
    }
}
