//! JSON Lines: never a panic.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let _ = board_build::source::jsonl::parse(std::path::Path::new("fuzz.jsonl"), text);
});
