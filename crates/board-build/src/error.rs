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

/// What went wrong, apart from where (the shape of `csv::ErrorKind`: callers can tell a bad
/// input from a refused folder from a failing disk).
#[derive(Debug)]
#[non_exhaustive]
pub enum ErrorKind {
    /// Reading or writing a file failed; the `io::Error` is the error's `source()`.
    Io(std::io::Error),
    /// A source's content is not what a board export holds (a bad date, too few fields, …).
    Input(String),
    /// Two sources say different things of one post; the message names both places.
    Conflict(String),
    /// A folder or page the tool will not touch (an `--out` that is not a dataset, a
    /// `data-base-url` that is not a web address, …): nothing was written.
    Refused(String),
    /// A built dataset that does not hold together (`check`, or one read to pre-render).
    Dataset(String),
    /// A command-line value that cannot be used.
    Usage(String),
}

/// An error of the builder (or of a tool reading what it built): where, and what.
/// `Display` gives `place: cause`, ready for stderr.
#[derive(Debug)]
pub struct Error {
    place: Place,
    kind: ErrorKind,
}

fn at(path: &Path) -> Place {
    Place {
        path: path.to_path_buf(),
        line: None,
    }
}

impl Error {
    pub fn new(place: Place, kind: ErrorKind) -> Error {
        Error { place, kind }
    }

    /// Bad input at a line of a source.
    pub fn at(path: &Path, line: usize, cause: impl Into<String>) -> Error {
        Error::new(Place::new(path, line), ErrorKind::Input(cause.into()))
    }

    /// Bad input at a place already known.
    pub fn input(place: Place, cause: impl Into<String>) -> Error {
        Error::new(place, ErrorKind::Input(cause.into()))
    }

    /// Two sources disagree; `place` is the later one.
    pub fn conflict(place: Place, cause: impl Into<String>) -> Error {
        Error::new(place, ErrorKind::Conflict(cause.into()))
    }

    pub fn io(path: &Path, e: std::io::Error) -> Error {
        Error::new(at(path), ErrorKind::Io(e))
    }

    pub fn refused(path: &Path, cause: impl Into<String>) -> Error {
        Error::new(at(path), ErrorKind::Refused(cause.into()))
    }

    pub fn dataset(path: &Path, cause: impl Into<String>) -> Error {
        Error::new(at(path), ErrorKind::Dataset(cause.into()))
    }

    /// A command-line value (`what` names the option) that cannot be used.
    pub fn usage(what: &str, cause: impl Into<String>) -> Error {
        Error::new(at(Path::new(what)), ErrorKind::Usage(cause.into()))
    }

    pub fn place(&self) -> &Place {
        &self.place
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.place)?;
        match &self.kind {
            ErrorKind::Io(e) => write!(f, "{e}"),
            ErrorKind::Input(c)
            | ErrorKind::Conflict(c)
            | ErrorKind::Refused(c)
            | ErrorKind::Dataset(c)
            | ErrorKind::Usage(c) => f.write_str(c),
        }
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match &self.kind {
            ErrorKind::Io(e) => Some(e),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_places_and_the_io_source() {
        let e = Error::io(
            Path::new("data/board.json"),
            std::io::Error::other("disk full"),
        );
        assert_eq!(e.to_string(), "data/board.json: disk full");
        assert!(matches!(e.kind(), ErrorKind::Io(_)));
        assert_eq!(
            std::error::Error::source(&e).unwrap().to_string(),
            "disk full"
        );
        let e = Error::at(Path::new("a.csv"), 3, "bad date");
        assert_eq!(
            (e.to_string().as_str(), e.place().line),
            ("a.csv:3: bad date", Some(3))
        );
        assert!(std::error::Error::source(&e).is_none());
        assert!(matches!(
            Error::refused(Path::new("site"), "no").kind(),
            ErrorKind::Refused(_)
        ));
    }
}
