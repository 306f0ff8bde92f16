//! Captured board pages: any text parses or fails with an error, never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = board_build::source::capture::parse(std::path::Path::new("fuzz.txt"), text);
});
