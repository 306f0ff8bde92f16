//! WordPress exports: any text as a WXR file, never a panic (an error or posts); inputs up to the
//! budget's `-max_len` stay fast.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = std::path::Path::new("fuzz.xml");
    let _ = board_build::source::wxr::parse(path, text);
    let _ = board_build::html_blocks::blocks(text);
});
