//! `board-build` as a library: read board exports, merge them into one board, write the dataset.
//!
//! Shaped like BurntSushi's `csv`/`ripgrep`: the work is here, `main.rs` is a thin CLI, and every
//! input error names `file:line` and the cause ([`Error`]).

pub mod check;
pub mod durable;
pub mod error;
pub mod feeds;
pub mod merge;
pub mod out_dir;
pub mod output;
pub mod progress;
pub mod record;
pub mod source;
pub mod synth;
pub mod text;

pub use error::{Error, Place};
pub use merge::{Built, Dataset, Merger};

use std::path::{Path, PathBuf};

/// Expands the command line's sources: files as given, folders walked in sorted order.
pub fn source_files(sources: &[PathBuf]) -> Result<Vec<PathBuf>, Error> {
    let mut files = Vec::new();
    for src in sources {
        let meta = std::fs::metadata(src).map_err(|e| Error::io(src, e))?;
        if meta.is_dir() {
            let mut entries: Vec<PathBuf> = std::fs::read_dir(src)
                .map_err(|e| Error::io(src, e))?
                .map(|e| e.map(|e| e.path()).map_err(|err| Error::io(src, err)))
                .collect::<Result<_, _>>()?;
            entries.sort();
            let nested: Vec<PathBuf> = entries.into_iter().filter(|p| !is_hidden(p)).collect();
            files.extend(source_files(&nested)?);
        } else {
            files.push(src.clone());
        }
    }
    Ok(files)
}

fn is_hidden(p: &Path) -> bool {
    p.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with('.'))
}

/// Reads and parses every source, in order, into one merged board.
pub fn read_sources(files: &[PathBuf]) -> Result<Merger, Error> {
    let mut board = Merger::default();
    read_into(&mut board, files)?;
    Ok(board)
}

/// Reads sources into a board already begun (e.g. one given a `--name`).
pub fn read_into(board: &mut Merger, files: &[PathBuf]) -> Result<(), Error> {
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let line = 1 + e.as_bytes()[..e.utf8_error().valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            Error::at(path, line, "not UTF-8 text")
        })?;
        board.add_source(path, source::parse(path, &text)?)?;
    }
    Ok(())
}
