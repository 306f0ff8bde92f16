//! `board-build` as a library: read board exports, merge them into one board, write the dataset.
//!
//! Shaped like BurntSushi's `csv`/`ripgrep`: the work is here, `main.rs` is a thin CLI, and every
//! input error names `file:line` and the cause ([`Error`]).

pub mod assets;
pub mod check;
pub mod durable;
pub mod encoding;
pub mod error;
pub mod feeds;
pub mod html_blocks;
pub mod merge;
pub mod out_dir;
pub mod output;
pub mod progress;
pub mod record;
pub mod source;
pub mod spool;
pub mod synth;
pub mod text;
pub mod values;

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

/// How sources are read.
#[derive(Clone, Debug, Default)]
pub struct ReadOptions {
    /// Read every source in this encoding instead of telling it from the bytes.
    pub encoding: Option<&'static encoding_rs::Encoding>,
    /// Columns the board has no use for are errors instead of being skipped.
    pub strict: bool,
    /// Where gnuboard5's stored files are downloaded from (`bf_file` is appended); default
    /// the gnuboard layout `data/file/<bo_table>/`.
    pub file_base: Option<String>,
}

/// Reads and parses every source, in order, into one merged board.
pub fn read_sources(files: &[PathBuf]) -> Result<Merger, Error> {
    let mut board = Merger::default();
    read_into(&mut board, files, &ReadOptions::default())?;
    Ok(board)
}

/// Reads sources into a board already begun (e.g. one given a `--name`). Each file's encoding
/// is told from its bytes (or forced); it is said among the notes when it is not plain UTF-8.
pub fn read_into(board: &mut Merger, files: &[PathBuf], opts: &ReadOptions) -> Result<(), Error> {
    for path in files {
        let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        let (text, read_as) = encoding::decode(path, &bytes, opts.encoding)?;
        if let Some(name) = read_as {
            board.note(format!("{}: read as {name}", path.display()));
        }
        board.add_source(path, source::parse_with(path, &text, opts)?)?;
    }
    Ok(())
}
