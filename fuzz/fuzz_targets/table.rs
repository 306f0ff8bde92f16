//! CSV/TSV tables (and source sniffing): never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let path = std::path::Path::new("fuzz.csv");
    let _ = board_build::source::table::parse(path, text, b',', false);
    let _ = board_build::source::table::parse(path, text, b'\t', true);
    let _ = board_build::source::parse(path, text);
});
