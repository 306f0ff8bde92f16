//! The builder on the real captured seed page (`data/000_2ddb7bda3a4ce606.txt`).

use std::path::{Path, PathBuf};

use board_build::{check, output, read_sources, source_files, Built};

fn seed() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/000_2ddb7bda3a4ce606.txt")
}

fn build_seed() -> Built {
    read_sources(&[seed()]).unwrap().finish().unwrap()
}

#[test]
fn twenty_one_posts() {
    let b = build_seed();
    assert_eq!(b.dataset.index.posts.len(), 21);
    assert_eq!(b.dataset.index.board.name, "ESG 정책뉴스");
}

#[test]
fn row_3409_exactly() {
    let b = build_seed();
    let p = b.dataset.index.post(3409).unwrap();
    assert_eq!(
        p.title,
        "정부 비축장 및 비축탄 관리 사무 대한석탄공사에서 한국광해광업공단으로 변경"
    );
    assert_eq!(p.author.as_deref(), Some("관리자"));
    assert_eq!(p.date.to_string(), "2025-09-15");
    assert_eq!(p.views, Some(88));
    assert!(!p.has_body);
    assert_eq!(p.dept, None);
}

#[test]
fn the_article_is_numbered_3410_with_department_paragraphs_and_source() {
    let b = build_seed();
    let p = b.dataset.index.post(3410).unwrap();
    assert!(p
        .title
        .starts_with("한국고용정보원, 중소기업 동반성장을 위한"));
    assert_eq!(p.dept.as_deref(), Some("고용노동부"));
    assert_eq!(p.date.to_string(), "2025-11-03");
    assert!(p.has_body);
    let body = &b.dataset.bodies[0];
    assert_eq!(body.no, 3410);
    assert_eq!(body.blocks.len(), 5);
    let text = body.search_text();
    assert!(text.starts_with("한국고용정보원(원장 이창수)은"));
    let last = board_core::content::text_of(&body.blocks[4..]);
    assert!(last.starts_with("이창수 원장 앞으로도"));
    let src = body.source.as_ref().unwrap();
    assert_eq!(
        (src.date.to_string().as_str(), src.org.as_str()),
        ("2025-11-03", "고용노동부")
    );
    assert!(
        b.notes
            .iter()
            .any(|n| n.contains("000_2ddb7bda3a4ce606.txt:1: post has no 번호; numbered 3410")),
        "{:?}",
        b.notes
    );
    // Newest first: the article heads the list.
    assert_eq!(b.dataset.index.posts[0].no, 3410);
    assert_eq!(b.dataset.index.posts[20].no, 3390);
}

#[test]
fn duplicate_titles_3406_3405_are_reported_and_both_kept() {
    let b = build_seed();
    assert!(b.dataset.index.post(3406).is_some() && b.dataset.index.post(3405).is_some());
    let note = b
        .notes
        .iter()
        .find(|n| n.starts_with("duplicate title"))
        .expect("a duplicate note");
    assert!(note.contains("3406 (") && note.contains("3405 ("), "{note}");
    assert!(note.contains("000_2ddb7bda3a4ce606.txt:34"), "{note}");
}

#[test]
fn writes_a_sound_deterministic_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    let built = build_seed();
    output::write_atomic(&a, &built.dataset, &Default::default()).unwrap();
    output::write_atomic(&b, &build_seed().dataset, &Default::default()).unwrap();
    for rel in ["board.json", "list/0.json", "posts/0/341.json"] {
        assert_eq!(
            std::fs::read(a.join(rel)).unwrap(),
            std::fs::read(b.join(rel)).unwrap(),
            "{rel}"
        );
    }
    let list = std::fs::read_to_string(a.join("list/0.json")).unwrap();
    assert!(list.contains("정부 비축장"));
    assert!(
        !list.contains("상생협력기금을 활용하여"),
        "the list file must not carry bodies"
    );
    assert_eq!(
        check::check(&a).unwrap(),
        check::CheckReport {
            posts: 21,
            shards: 1,
            bodies: 1
        }
    );
    // Only the dataset remains: no temporary siblings.
    let names: Vec<_> = std::fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
}

#[test]
fn a_failed_build_leaves_the_previous_dataset_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    output::write_atomic(&out, &build_seed().dataset, &Default::default()).unwrap();
    let before = std::fs::read(out.join("board.json")).unwrap();

    let bad = tmp.path().join("bad.txt");
    std::fs::write(
        &bad,
        "B\n번호 제목 글쓴이 날짜 조회수\n1 제목 관리자 2025-09-15 많음\n",
    )
    .unwrap();
    let err = read_sources(&[seed(), bad.clone()]).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("{}:3: 조회수 \"많음\" is not a whole number", bad.display())
    );
    assert_eq!(std::fs::read(out.join("board.json")).unwrap(), before);
}

#[test]
fn folders_are_walked_in_sorted_order() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::write(
        tmp.path().join("b.txt"),
        "B\n번호 제목 글쓴이 날짜 조회수\n",
    )
    .unwrap();
    std::fs::write(
        tmp.path().join("a.txt"),
        "B\n번호 제목 글쓴이 날짜 조회수\n",
    )
    .unwrap();
    std::fs::write(tmp.path().join(".hidden"), "x").unwrap();
    let files = source_files(&[tmp.path().to_path_buf()]).unwrap();
    let names: Vec<_> = files
        .iter()
        .map(|p| p.file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(names, ["a.txt", "b.txt"]);
}
