//! Errors that say where and why: `path:line: cause`.

use std::fmt;
use std::path::{Path, PathBuf};

/// A place in an input: a file, and the 1-based line when one is to blame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub path: PathBuf,
    pub line: Option<usize>,
}

impl Place {
    pub fn new(path: &Path, line: usize) -> Place {
        Place {
            path: path.to_path_buf(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.path.display()),
            None => write!(f, "{}", self.path.display()),
        }
    }
}

/// A build error. `Display` gives `place: cause`, ready for stderr.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Error {
    pub place: Place,
    pub cause: String,
}

impl Error {
    pub fn at(path: &Path, line: usize, cause: impl Into<String>) -> Error {
        Error {
            place: Place::new(path, line),
            cause: cause.into(),
        }
    }

    pub fn io(path: &Path, e: std::io::Error) -> Error {
        Error {
            place: Place {
                path: path.to_path_buf(),
                line: None,
            },
            cause: e.to_string(),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.cause)
    }
}

impl std::error::Error for Error {}
