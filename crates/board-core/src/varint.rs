//! LEB128 numbers, as the index files (`index/`, `find/`) store them: written by the builder,
//! read back by a reader that refuses to run past the end of its bytes; and the one entry
//! layout both index formats share (a key of two numbers, a list kind, a count, the list).

use std::ops::Range;

use crate::DatasetError;

pub(crate) fn put_varint(out: &mut Vec<u8>, mut v: u64) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

/// A signed number, zigzagged (0, -1, 1, -2… as 0, 1, 2, 3…) so a small one stays one byte.
pub(crate) fn put_signed(out: &mut Vec<u8>, v: i64) {
    put_varint(out, ((v << 1) ^ (v >> 63)) as u64);
}

/// One index entry: `first`, `second` (the key), the list's kind and count, then its bytes.
pub(crate) fn put_entry(
    out: &mut Vec<u8>,
    (first, second): (u32, u32),
    kind: u8,
    count: u32,
    list: &[u8],
) {
    put_varint(out, first as u64);
    put_varint(out, second as u64);
    out.push(kind);
    put_varint(out, count as u64);
    put_varint(out, list.len() as u64);
    out.extend_from_slice(list);
}

/// An entry read back: its key, kind and count, and where its list lies in the bytes.
pub(crate) type Entry = ((u32, u32), u8, u32, Range<usize>);

/// Reads LEB128 numbers from a byte slice; `broken` names the file kind in its errors.
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
    pub(crate) broken: fn(&str) -> DatasetError,
}

impl Reader<'_> {
    pub(crate) fn varint(&mut self) -> Result<u64, DatasetError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = *self
                .bytes
                .get(self.at)
                .ok_or_else(|| (self.broken)("cut short"))?;
            self.at += 1;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err((self.broken)("number too long"))
    }

    pub(crate) fn u32(&mut self) -> Result<u32, DatasetError> {
        u32::try_from(self.varint()?).map_err(|_| (self.broken)("number too large"))
    }

    pub(crate) fn take(&mut self, n: usize) -> Result<Range<usize>, DatasetError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or_else(|| (self.broken)("cut short"))?;
        let r = self.at..end;
        self.at = end;
        Ok(r)
    }

    /// The next entry (see [`put_entry`]); its list is checked to lie within the bytes.
    pub(crate) fn entry(&mut self) -> Result<Entry, DatasetError> {
        let key = (self.u32()?, self.u32()?);
        let kind = *self
            .bytes
            .get(self.at)
            .ok_or_else(|| (self.broken)("cut short"))?;
        self.at += 1;
        let count = self.u32()?;
        let len = usize::try_from(self.varint()?).map_err(|_| (self.broken)("cut short"))?;
        Ok((key, kind, count, self.take(len)?))
    }

    /// A number written by [`put_signed`].
    pub(crate) fn signed(&mut self) -> Result<i64, DatasetError> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    pub(crate) fn done(&self) -> bool {
        self.at >= self.bytes.len()
    }
}
