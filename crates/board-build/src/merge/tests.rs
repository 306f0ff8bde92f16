use super::*;
use crate::source;

fn board(sources: &[(&str, &str)]) -> Result<Merger, Error> {
    let mut b = Merger::default();
    for (name, text) in sources {
        b.add_source(Path::new(name), source::parse(Path::new(name), text)?)?;
    }
    Ok(b)
}

const LIST: &str =
    "B\n번호 제목 글쓴이 날짜 조회수\n2 둘 관리자 2025-09-15 5\n1 하나 관리자 2025-09-14 3\n";

#[test]
fn a_conflicting_title_names_both_places() {
    let e = board(&[("a.txt", LIST), ("b.csv", "no,title\n2,다른\n")]).unwrap_err();
    assert_eq!(
        e.to_string(),
        "b.csv:2: 번호 2 has the title \"다른\" here but \"둘\" at a.txt:3"
    );
}

const WRITE: &str = "wr_id,wr_subject,wr_datetime\n1,가,2026-01-01\n2,나,2026-01-02\n";

#[test]
fn notices_come_from_this_boards_row_and_the_command_line() {
    let rows = "bo_table,bo_notice\nesg,\"2,99\"\nfree,1\n";
    let mut b = board(&[("g5_write_esg.csv", WRITE), ("g5_board.csv", rows)]).unwrap();
    b.notices(&[1]);
    let built = b.finish().unwrap();
    let notice = |no| built.dataset.index.post(no).unwrap().notice;
    assert!(notice(1) && notice(2));
    assert!(
        built
            .notes
            .iter()
            .any(|n| n.contains("bo_notice names post 99")),
        "{:?}",
        built.notes
    );
    // Several boards and nothing saying which is this one's.
    let e = board(&[("write.csv", WRITE), ("g5_board.csv", rows)])
        .unwrap()
        .finish()
        .unwrap_err();
    assert!(
        e.to_string()
            .contains("a g5_board export of 2 boards (esg, free)"),
        "{e}"
    );
    // A single row needs no name.
    let one = board(&[
        ("write.csv", WRITE),
        ("g5_board.csv", "bo_table,bo_notice\nx,1\n"),
    ]);
    assert!(
        one.unwrap()
            .finish()
            .unwrap()
            .dataset
            .index
            .post(1)
            .unwrap()
            .notice
    );
    let mut b = board(&[("write.csv", WRITE)]).unwrap();
    b.notices(&[7]);
    let e = b.finish().unwrap_err();
    assert_eq!(
        e.to_string(),
        "--notice: 7 is not the 번호 of a post of this board"
    );
}

#[test]
fn files_of_posts_no_source_gives_are_dropped_and_counted() {
    let files = "bo_table,wr_id,bf_no,bf_source,bf_file,bf_filesize\nesg,2,0,a.hwp,a_1.hwp,10\nesg,9,0,b.hwp,b_1.hwp,10\n";
    let built = board(&[("g5_write_esg.csv", WRITE), ("g5_board_file.csv", files)])
        .unwrap()
        .finish()
        .unwrap();
    let d = &built.dataset;
    assert_eq!(d.index.posts.len(), 2);
    assert_eq!(d.index.post(2).unwrap().attachments, 1);
    assert!(d.index.post(2).unwrap().has_body);
    let body = d.bodies.iter().find(|b| b.no == 2).unwrap();
    assert_eq!(body.attachments[0].url, "data/file/esg/a_1.hwp");
    assert!(
        built
            .notes
            .iter()
            .any(|n| n.contains("skipped files or notices of 1 posts no source gives (번호 9)")),
        "{:?}",
        built.notes
    );
}

#[test]
fn later_sources_fill_missing_fields() {
    let csv = "번호,담당부서,본문\n1,환경부,\"본문 첫째\n\n둘째\"\n";
    let d = board(&[("a.txt", LIST), ("b.csv", csv)])
        .unwrap()
        .finish()
        .unwrap()
        .dataset;
    let one = d.index.post(1).unwrap();
    assert_eq!(
        (one.dept.as_deref(), one.has_body, one.views),
        (Some("환경부"), true, Some(3))
    );
    assert_eq!(d.bodies[0].blocks.len(), 2);
}

#[test]
fn an_article_gets_a_new_number_even_with_a_known_title_and_is_listed_as_a_duplicate() {
    let art = "하나\n담당부서 : 부\n본문\n(2025.09.14 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
    let built = board(&[("a.txt", LIST), ("b.txt", art)])
        .unwrap()
        .finish()
        .unwrap();
    let d = built.dataset;
    assert_eq!(d.index.posts.len(), 3);
    let new = d.index.post(3).unwrap();
    assert_eq!(
        (new.title.as_str(), new.dept.as_deref(), new.has_body),
        ("하나", Some("부"), true)
    );
    assert_eq!(
        d.index.departments,
        vec![DeptCount {
            name: "부".into(),
            count: 1
        }]
    );
    assert!(
        built
            .notes
            .iter()
            .any(|n| n.starts_with("duplicate title \"하나\" in posts 3 (b.txt:1), 1 (a.txt:4)")),
        "{:?}",
        built.notes
    );
}

#[test]
fn new_articles_are_numbered_above_the_highest_in_date_order() {
    let a1 = "늦은 글\n본문\n(2025.11.03 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
    let a2 = "이른 글\n본문\n(2025.10.01 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
    let d = board(&[("a.txt", LIST), ("l.txt", a1), ("e.txt", a2)])
        .unwrap()
        .finish()
        .unwrap()
        .dataset;
    let got: Vec<_> = d
        .index
        .posts
        .iter()
        .map(|p| (p.no, p.title.as_str()))
        .collect();
    assert_eq!(
        got,
        vec![(4, "늦은 글"), (3, "이른 글"), (2, "둘"), (1, "하나")]
    );
}

#[test]
fn no_number_above_the_largest_is_an_error_not_a_wrap() {
    let list = "B\n번호 제목 글쓴이 날짜 조회수\n4294967295 끝 관리자 2025-01-01 1\n";
    let article = "새 글\n본문\n(2025.11.03 부)\nB\n번호 제목 글쓴이 날짜 조회수\n";
    let e = board(&[("a.txt", list), ("b.txt", article)])
        .unwrap()
        .finish()
        .unwrap_err();
    assert!(
        e.to_string().starts_with("b.txt:1: a post without 번호"),
        "{e}"
    );
    assert!(e.to_string().contains("4294967295"), "{e}");
}

#[test]
fn posts_without_title_or_date_are_errors() {
    let e = board(&[("a.txt", "제목만\n본문\nB\n번호 제목 글쓴이 날짜 조회수\n")])
        .unwrap()
        .finish()
        .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("a.txt:1: a post without 번호 needs"),
        "{e}"
    );
    let e = board(&[("a.csv", "no,title\n5,제목\n")])
        .unwrap()
        .finish()
        .unwrap_err();
    assert_eq!(e.to_string(), "a.csv:2: post 5 has no 날짜 in any source");
}
