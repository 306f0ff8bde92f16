//! The URL state: any query string parses, and what it gives round-trips through its own URL.
#![no_main]
use libfuzzer_sys::fuzz_target;

fuzz_target!(|query: &str| {
    let state = board_core::UrlState::from_query(query);
    let again = board_core::UrlState::from_query(&state.to_query());
    assert_eq!(again.list, state.list);
});
