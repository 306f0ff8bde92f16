//! Web addresses in body text: any text, never a panic; the pieces put together are the text,
//! every href is http(s); long texts (up to the budget's `-max_len`) must stay fast, so a
//! quadratic path fails the run through libFuzzer's `-timeout`.
#![no_main]
use board_core::linkify::{linkify, Piece};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| {
    let pieces = linkify(text);
    let mut joined = String::with_capacity(text.len());
    for p in &pieces {
        match p {
            Piece::Text(t) => joined.push_str(t),
            Piece::Link { text, href } => {
                assert!(href.starts_with("http://") || href.starts_with("https://"));
                joined.push_str(text);
            }
        }
    }
    assert_eq!(joined, text);
});
