//! Conventions that live in more than one language: the JavaScript and CSS beside the app spell
//! them again, so a test compares each with its one Rust definition.

use std::path::Path;

fn file(rel: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

#[test]
fn the_gate_script_knows_exactly_the_boards_url_keys() {
    let gate = file("public/board-gate.js");
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

#[test]
fn the_host_id_and_the_state_attribute_are_spelt_alike_everywhere() {
    let boot = file("public/boot.js");
    assert!(
        boot.contains(&format!("getElementById('{}')", esg_board::HOST_ID)),
        "boot.js looks for the host element by its id"
    );
    let attr = esg_board::take_over::STATE_ATTR;
    let gate = file("public/board-gate.js");
    assert!(
        gate.contains(&format!("setAttribute('{attr}'")),
        "board-gate.js sets {attr}"
    );
    let css = file("style/board.css");
    assert_eq!(
        css.matches(&format!("html[{attr}=\"other\"]")).count(),
        2,
        "board.css reads {attr}"
    );
    for page in ["index.html", "examples/portal.html", "examples/front.html"] {
        assert!(
            file(page).contains(&format!("id=\"{}\"", esg_board::HOST_ID)),
            "{page}"
        );
    }
}

#[test]
fn the_gate_and_boot_script_meet_at_one_name() {
    // board-gate.js hands boot.js a promise to wait for while it shows a state's own page.
    let name = "window.esgBoardPage";
    assert!(file("public/board-gate.js").contains(&format!("{name} = new Promise")));
    assert!(file("public/boot.js").contains(&format!("if ({name})")));
}

#[test]
fn the_gate_script_names_the_list_pages_as_board_prerender_writes_them() {
    let gate = file("public/board-gate.js");
    let filters = board_prerender::list_pages::FILTERS
        .map(|k| format!("'{k}'"))
        .join(", ");
    assert!(
        gate.contains(&format!("var filters = [{filters}];")),
        "board-gate.js knows the filters with pages: {filters}"
    );
    assert!(
        gate.contains(&format!(
            "var nameBytes = {};",
            board_prerender::list_pages::NAME_BYTES
        )),
        "board-gate.js knows the longest name with a page"
    );
    // The state value the app and boot.js read: "other", set by the gate, read by the CSS.
    let other = esg_board::take_over::OTHER_STATE;
    let attr = esg_board::take_over::STATE_ATTR;
    assert!(gate.contains(&format!("setAttribute('{attr}', '{other}')")));
    assert!(file("public/boot.js").contains(&format!("getAttribute('{attr}') !== '{other}'")));
    assert!(file("style/board.css").contains(&format!("html[{attr}=\"{other}\"]")));
}
