//! Decoding a source file's bytes: the encodings board exports really come in.
//!
//! Korean Excel saves CSV in CP949 (EUC-KR's Windows superset) and "유니코드 텍스트" as UTF-16
//! with a byte order mark; everything newer writes UTF-8, with or without a BOM. The encoding is
//! told from the bytes, per file: a BOM names it; else bytes that are valid UTF-8 are UTF-8;
//! else bytes that are valid CP949 are CP949. Anything else is an error naming the line of the
//! first byte that fits no supported encoding: never a lossy guess. `encoding_rs` (Firefox's
//! decoder) does the decoding.

use std::path::Path;

use encoding_rs::{Encoding, EUC_KR, UTF_16BE, UTF_16LE, UTF_8};

use crate::Error;

/// An encoding a source may be forced to (`--encoding`), by the names people use for it.
pub fn by_name(name: &str) -> Option<&'static Encoding> {
    match name.trim().to_ascii_lowercase().replace('_', "-").as_str() {
        "utf-8" | "utf8" => Some(UTF_8),
        "cp949" | "euc-kr" | "euckr" | "ms949" | "uhc" | "windows-949" => Some(EUC_KR),
        "utf-16" | "utf-16le" | "utf16" => Some(UTF_16LE),
        "utf-16be" => Some(UTF_16BE),
        _ => None,
    }
}

/// The name said on stderr (`read as CP949`).
fn label(e: &'static Encoding) -> &'static str {
    if e == EUC_KR {
        "CP949"
    } else {
        e.name()
    }
}

/// A source's text, and the encoding it was read as when that is worth saying (anything but
/// plain UTF-8).
pub fn decode(
    path: &Path,
    bytes: &[u8],
    forced: Option<&'static Encoding>,
) -> Result<(String, Option<&'static str>), Error> {
    let (encoding, body) = match Encoding::for_bom(bytes) {
        Some((e, bom)) if forced.is_none_or(|f| f == e) => (e, &bytes[bom..]),
        _ => match forced {
            Some(f) => (f, bytes),
            None if std::str::from_utf8(bytes).is_ok() => (UTF_8, bytes),
            None => (EUC_KR, bytes),
        },
    };
    match encoding.decode_without_bom_handling_and_without_replacement(body) {
        Some(text) => {
            let said = (encoding != UTF_8 || forced.is_some()).then(|| label(encoding));
            Ok((text.into_owned(), said))
        }
        None => Err(Error::at(
            path,
            bad_line(encoding, body),
            if forced.is_some() {
                format!("bytes that are not {}", label(encoding))
            } else {
                "bytes that are neither UTF-8 nor CP949 (EUC-KR); if the file is in another \
                 encoding, save it as UTF-8 (or pass --encoding)"
                    .to_string()
            },
        )),
    }
}

/// The 1-based line of the first byte `encoding` cannot decode.
fn bad_line(encoding: &'static Encoding, body: &[u8]) -> usize {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut out = String::with_capacity(body.len() * 3 + 16);
    let (_, read) = decoder.decode_to_string_without_replacement(body, &mut out, true);
    let _ = read;
    1 + out.matches('\n').count()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp949(s: &str) -> Vec<u8> {
        EUC_KR.encode(s).0.into_owned()
    }

    #[test]
    fn reads_what_korean_exports_write() {
        let p = Path::new("a.csv");
        let text = "번호,제목\r\n1,\"임금 체불, 점검\"\r\n";
        assert_eq!(
            decode(p, text.as_bytes(), None).unwrap(),
            (text.into(), None)
        );
        let mut bom = b"\xEF\xBB\xBF".to_vec();
        bom.extend_from_slice(text.as_bytes());
        assert_eq!(decode(p, &bom, None).unwrap().0, text);
        assert_eq!(
            decode(p, &cp949(text), None).unwrap(),
            (text.into(), Some("CP949"))
        );
        // 똠 and 햏 are outside EUC-KR's 2,350 syllables: CP949 has them.
        assert_eq!(decode(p, &cp949("똠양꿍 햏"), None).unwrap().0, "똠양꿍 햏");
        let mut utf16 = vec![0xFF, 0xFE];
        for u in "번호\t제목\r\n".encode_utf16() {
            utf16.extend_from_slice(&u.to_le_bytes());
        }
        assert_eq!(
            decode(p, &utf16, None).unwrap(),
            ("번호\t제목\r\n".into(), Some("UTF-16LE"))
        );
    }

    #[test]
    fn bytes_that_fit_nothing_are_a_line_error() {
        let mut bytes = cp949("번호,제목\n1,가\n");
        bytes.extend_from_slice(b"2,\xFF\xFF\n");
        let e = decode(Path::new("a.csv"), &bytes, None)
            .unwrap_err()
            .to_string();
        assert!(
            e.starts_with("a.csv:3: bytes that are neither UTF-8 nor CP949"),
            "{e}"
        );
        // Forced to UTF-8, CP949 bytes are an error, not a guess.
        let e = decode(Path::new("b.csv"), &cp949("제목\n가"), by_name("utf-8"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("b.csv:1: bytes that are not UTF-8"), "{e}");
        assert_eq!(by_name("EUC-KR"), Some(EUC_KR));
        assert_eq!(by_name("latin1"), None);
    }
}
