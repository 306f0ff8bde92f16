//! Decoding a source's bytes: any bytes, never a panic; valid UTF-8 without a BOM reads as
//! itself, and whatever decodes is the text of some supported encoding.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let path = std::path::Path::new("fuzz.csv");
    let decoded = board_build::encoding::decode(path, bytes, None);
    if let Ok(utf8) = std::str::from_utf8(bytes) {
        if !bytes.starts_with(&[0xEF, 0xBB, 0xBF]) && !bytes.starts_with(&[0xFF, 0xFE]) && !bytes.starts_with(&[0xFE, 0xFF]) {
            assert_eq!(decoded.expect("UTF-8 decodes").0, utf8);
        }
    }
});
