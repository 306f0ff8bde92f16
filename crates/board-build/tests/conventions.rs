//! Conventions that live in more than one language: the JavaScript beside the app spells them
//! again, so a test compares them with the one Rust definition.

use std::path::Path;

fn public(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public").join(file);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_gate_script_knows_exactly_the_boards_url_keys() {
    let gate = public("board-gate.js");
    let line = gate
        .lines()
        .find(|l| l.trim_start().starts_with("var keys = ["))
        .expect("board-gate.js declares `var keys = [...]`");
    let inside = &line[line.find('[').unwrap() + 1..line.rfind(']').unwrap()];
    let keys: Vec<&str> = inside
        .split(',')
        .map(|k| k.trim().trim_matches('\''))
        .collect();
    assert_eq!(keys, board_core::host_url::KEYS);
}
