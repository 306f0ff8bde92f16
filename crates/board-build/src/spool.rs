//! The bodies' search texts, written aside as bodies stream by and read back once: the body
//! index learns which pairs are common only after the last body, and then needs every text
//! again for their triples. A file, not memory: a million bodies' texts are most of a gigabyte.
//!
//! The file lives in the dataset's staging folder and is removed before the dataset is swapped
//! in (with the folder, on any error). Each record: 번호 and byte length (u32, little-endian),
//! then the text.

use std::fs;
use std::io::{BufReader, BufWriter, Read, Write};
use std::path::PathBuf;

use crate::Error;

pub struct Spool {
    path: PathBuf,
    out: BufWriter<fs::File>,
}

impl Spool {
    pub fn create(path: PathBuf) -> Result<Spool, Error> {
        let file = fs::File::create(&path).map_err(|e| Error::io(&path, e))?;
        Ok(Spool {
            out: BufWriter::with_capacity(1 << 20, file),
            path,
        })
    }

    pub fn push(&mut self, no: u32, text: &str) -> Result<(), Error> {
        let len = u32::try_from(text.len())
            .map_err(|_| Error::io(&self.path, std::io::Error::other("a body over 4 GiB")))?;
        (self.out.write_all(&no.to_le_bytes()))
            .and_then(|()| self.out.write_all(&len.to_le_bytes()))
            .and_then(|()| self.out.write_all(text.as_bytes()))
            .map_err(|e| Error::io(&self.path, e))
    }

    /// Gives every text back, in the order pushed, then removes the file.
    pub fn replay(self, each: &mut dyn FnMut(u32, &str)) -> Result<(), Error> {
        let Spool { path, out } = self;
        let io = |e| Error::io(&path, e);
        out.into_inner().map_err(|e| io(e.into_error()))?;
        let mut r = BufReader::with_capacity(1 << 20, fs::File::open(&path).map_err(io)?);
        let mut head = [0u8; 8];
        let mut text = Vec::new();
        loop {
            match r.read_exact(&mut head) {
                Ok(()) => {}
                Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => break,
                Err(e) => return Err(io(e)),
            }
            let no = u32::from_le_bytes(head[..4].try_into().expect("4 bytes"));
            let len = u32::from_le_bytes(head[4..].try_into().expect("4 bytes")) as usize;
            text.resize(len, 0);
            r.read_exact(&mut text).map_err(io)?;
            let s = std::str::from_utf8(&text)
                .map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
            each(no, s);
        }
        drop(r);
        fs::remove_file(&path).map_err(io)
    }

    /// Removes the file unread.
    pub fn discard(self) -> Result<(), Error> {
        drop(self.out);
        fs::remove_file(&self.path).map_err(|e| Error::io(&self.path, e))
    }
}
