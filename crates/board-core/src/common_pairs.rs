//! The common pairs of an index (`find/dense.bin`, `index/dense.bin`): the character pairs
//! whose lists are big enough that the index also holds their triples. Builder and reader
//! agree on the pairs through this file, since a reader can only ask for a triple the builder
//! wrote.
//!
//! One format for both indexes: the pairs ascending, each as the delta of `a << 32 | b`.

use crate::varint::{put_varint, Reader};
use crate::DatasetError;

const MAGIC: &[u8; 5] = b"ESGD1";

/// The file for `pairs` (ascending, each once).
pub(crate) fn encode(pairs: &[(u32, u32)]) -> Vec<u8> {
    let mut out = MAGIC.to_vec();
    put_varint(&mut out, pairs.len() as u64);
    let mut prev = 0u64;
    for &(a, b) in pairs {
        let v = u64::from(a) << 32 | u64::from(b);
        put_varint(&mut out, v - prev);
        prev = v;
    }
    out
}

/// Reads the file: the pairs, ascending; anything else is an error of `broken`'s index.
pub(crate) fn decode(
    bytes: &[u8],
    broken: fn(&str) -> DatasetError,
) -> Result<Vec<(u32, u32)>, DatasetError> {
    if !bytes.starts_with(MAGIC) {
        return Err(broken("not a common pairs file"));
    }
    let mut r = Reader {
        bytes,
        at: MAGIC.len(),
        broken,
    };
    let n = r.varint()? as usize;
    let mut out = Vec::with_capacity(n.min(bytes.len()));
    let mut prev = 0u64;
    for i in 0..n {
        let d = r.varint()?;
        if i > 0 && d == 0 {
            return Err(broken("common pairs out of order"));
        }
        prev = prev
            .checked_add(d)
            .ok_or_else(|| broken("number out of range"))?;
        out.push(((prev >> 32) as u32, prev as u32));
    }
    if !r.done() {
        return Err(broken("trailing bytes"));
    }
    Ok(out)
}
