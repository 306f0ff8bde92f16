//! The three source parsers on arbitrary text: an error or a result, never a panic. (The same
//! property, coverage-guided, is in `fuzz/`; this runs in every test run.)

use std::path::Path;

use proptest::prelude::*;

/// Text shaped like board sources: their keywords, separators, numbers, dates and Korean, in
/// any order, so the parsers' deeper branches are reached, not just "not a source".
fn sourceish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("번호 제목 글쓴이 날짜 조회수\n".to_string()),
        Just("no,title,date,views,body,source\n".to_string()),
        Just("번호\t제목\t날짜\n".to_string()),
        Just("담당부서 : ".to_string()),
        Just("(2025.11.03 고용노동부)\n".to_string()),
        Just("{\"no\":".to_string()),
        Just("\"title\":\"".to_string()),
        Just("\"body\":[\"".to_string()),
        Just("}\n".to_string()),
        Just("\u{a0}\n".to_string()),
        Just("\"".to_string()),
        Just(",".to_string()),
        Just("\t".to_string()),
        Just("\n".to_string()),
        Just(" ".to_string()),
        "[0-9]{1,12}",
        "20[0-9]{2}[-.][01][0-9][-.][0-3][0-9]",
        "[가-힣]{1,6}",
        "\\PC{1,4}",
    ];
    proptest::collection::vec(token, 0..40).prop_map(|v| v.concat())
}

/// Markup-like text: tags the converter knows and ones it does not, unclosed and misnested.
fn htmlish() -> impl Strategy<Value = String> {
    let token = prop_oneof![
        Just("<p>"),
        Just("</p>"),
        Just("<b>"),
        Just("</b>"),
        Just("<ul><li>"),
        Just("</li>"),
        Just("<table><tr><td>"),
        Just("</td><th colspan=3>"),
        Just("</table>"),
        Just("<br>"),
        Just("<img src=a.png alt=x>"),
        Just("<a href=\"javascript:x\">"),
        Just("</a>"),
        Just("<a href=http://a.kr>"),
        Just("<blockquote>"),
        Just("<pre>"),
        Just("<h2>"),
        Just("<figure><figcaption>"),
        Just("<script>"),
        Just("<!--"),
        Just("&nbsp;"),
        Just(" "),
        Just("\n"),
        Just("가나다"),
        Just("<svg><a href=x>"),
        Just("<code>"),
    ];
    proptest::collection::vec(token, 0..60).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn captured_pages(text in sourceish()) {
        let _ = board_build::source::capture::parse(Path::new("p.txt"), &text);
    }

    #[test]
    fn tables(text in sourceish()) {
        let lenient = board_build::ReadOptions::default();
        let strict = board_build::ReadOptions { strict: true, ..Default::default() };
        let _ = board_build::source::table::parse(Path::new("p.csv"), &text, b',', &lenient);
        let _ = board_build::source::table::parse(Path::new("p.tsv"), &text, b'\t', &strict);
    }

    #[test]
    fn html_bodies(text in htmlish()) {
        let blocks = board_build::html_blocks::blocks(&text);
        // Whatever the markup, the result reads back (bounded depth) and holds no markup of it.
        let json = serde_json::to_string(&blocks).unwrap();
        let back: Vec<board_core::content::Block> = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, blocks);
    }

    #[test]
    fn json_lines(text in sourceish()) {
        let _ = board_build::source::jsonl::parse(Path::new("p.jsonl"), &text);
    }

    /// Whatever parses also merges and finishes (or fails) without a panic.
    #[test]
    fn sniff_merge_finish(a in sourceish(), b in sourceish()) {
        let mut board = board_build::Merger::default();
        for (name, text) in [("a.txt", &a), ("b.csv", &b)] {
            if let Ok(parsed) = board_build::source::parse(Path::new(name), text) {
                if board.add_source(Path::new(name), parsed).is_err() {
                    return Ok(());
                }
            }
        }
        let _ = board.finish();
    }
}
