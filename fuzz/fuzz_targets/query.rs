//! The query engine: any search text over any title, never a panic; highlights cover the title.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: (&str, &str)| {
    let (title, q) = input;
    let pieces = board_core::highlight(title, q);
    let joined: String = pieces.iter().map(|(t, _)| *t).collect();
    assert_eq!(joined, title);
    let _ = board_core::linkify::linkify(title);
});
