use super::*;

const MANIFEST: &str = r#"{"schema_version":1,"board":{"name":"ESG 정책뉴스"},"count":1,
    "departments":[],"shard_size":1000,"shards":["list/0.json"]}"#;
const SHARD: &str = r#"{"schema_version":1,
    "posts":[{"no":3409,"title":"t","author":"관리자","date":"2025-09-15","views":88}]}"#;

#[test]
fn assembles_an_index() {
    let m = Manifest::from_json(MANIFEST).unwrap();
    let idx = BoardIndex::assemble(m, vec![Shard::from_json(SHARD).unwrap()]).unwrap();
    assert_eq!(idx.post(3409).unwrap().views, Some(88));
    assert!(!idx.post(3409).unwrap().has_body);
    assert!(idx.post(1).is_none());
    assert!(!idx.board.synthetic);
}

#[test]
fn assembling_puts_posts_in_the_new_order() {
    let m = Manifest::from_json(&MANIFEST.replace("\"count\":1", "\"count\":2")).unwrap();
    let shard = SHARD.replace("]}", r#",{"no":3410,"title":"u","date":"2025-11-03"}]}"#);
    let idx = BoardIndex::assemble(m, vec![Shard::from_json(&shard).unwrap()]).unwrap();
    assert_eq!(
        idx.posts.iter().map(|p| p.no).collect::<Vec<_>>(),
        [3410, 3409]
    );
}

#[test]
fn a_count_the_list_files_cannot_hold_is_an_error() {
    let shard = |n: usize| Shard {
        schema_version: 1,
        posts: vec![PostSummary::new(1, "t", "2025-01-01".parse().unwrap()); n],
    };
    let m = |count: usize, files: usize| Manifest {
        count,
        shard_size: 1000,
        shards: (0..files).map(shard_path).collect(),
        ..Manifest::from_json(MANIFEST).unwrap()
    };
    assert!(m(1, 1).check_first(Some(&shard(1))).is_ok());
    assert!(m(2500, 3).check_first(Some(&shard(1000))).is_ok());
    assert!(m(0, 0).check_first(None).is_ok());
    let e = m(4_294_967_295, 3)
        .check_first(Some(&shard(1000)))
        .unwrap_err();
    assert!(
        e.to_string().contains("4294967295 posts in 3 list files"),
        "{e}"
    );
    // Files may hold fewer rows than shard_size (datasets made elsewhere).
    assert!(m(2000, 3).check_first(Some(&shard(999))).is_ok());
    assert!(m(3001, 3).check_first(Some(&shard(1000))).is_err());
    assert!(m(2, 3).check_first(Some(&shard(1))).is_err());
    assert!(m(1500, 2).check_first(Some(&shard(1001))).is_err());
    assert!(m(5, 1).check_first(Some(&shard(4))).is_err());
    assert!(m(5, 0).check_first(None).is_err());
    assert!(m(usize::MAX, 3).check_first(None).is_err());
}

#[test]
fn counts_must_match() {
    let m = Manifest::from_json(&MANIFEST.replace("\"count\":1", "\"count\":2")).unwrap();
    let e = BoardIndex::assemble(m, vec![Shard::from_json(SHARD).unwrap()]).unwrap_err();
    assert!(
        e.to_string().contains("hold 1 posts, board.json says 2"),
        "{e}"
    );
    let m = Manifest::from_json(MANIFEST).unwrap();
    assert!(BoardIndex::assemble(m, vec![]).is_err());
}

#[test]
fn refuses_unknown_schema_by_its_version() {
    let text = MANIFEST.replace("\"schema_version\":1", "\"schema_version\":3");
    assert_eq!(
        Manifest::from_json(&text),
        Err(DatasetError::UnknownSchema(3))
    );
    assert!(Manifest::from_json(&text)
        .unwrap_err()
        .to_string()
        .contains("schema_version 3"));
    let zero = MANIFEST.replace("\"schema_version\":1", "\"schema_version\":0");
    assert_eq!(
        Manifest::from_json(&zero),
        Err(DatasetError::UnknownSchema(0))
    );
}

#[test]
fn refuses_wrong_shapes_and_non_json() {
    for bad in [
        "",
        "<html>",
        "{\"schema_version\":1}",
        "[1,2]",
        "{\"schema_version\":\"1\"}",
    ] {
        assert!(
            matches!(Manifest::from_json(bad), Err(DatasetError::Malformed(_))),
            "{bad}"
        );
    }
    let no_title = r#"{"schema_version":1,"posts":[{"no":1,"date":"2025-01-01"}]}"#;
    assert!(matches!(
        Shard::from_json(no_title),
        Err(DatasetError::Malformed(_))
    ));
}

#[test]
fn bad_dates_are_malformed_data() {
    let text = SHARD.replace("2025-09-15", "2025-02-30");
    assert!(matches!(
        Shard::from_json(&text),
        Err(DatasetError::Malformed(_))
    ));
}

#[test]
fn version_1_bodies_read_as_paragraph_blocks() {
    let v1 = r#"{"schema_version":1,"bodies":[{"no":3410,"paragraphs":["첫째\n줄","둘째"]}]}"#;
    let shard = BodyShard::from_json(v1).unwrap();
    let body = shard.get(3410).unwrap();
    assert_eq!(
        body.content(),
        [
            Block::text_paragraph("첫째\n줄"),
            Block::text_paragraph("둘째")
        ]
    );
    assert_eq!(body.search_text(), "첫째\n줄\n둘째");
    let v2 = r#"{"schema_version":2,"bodies":[{"no":1,"blocks":[{"p":[{"text":"본문"}]}],
        "attachments":[{"name":"a.hwp","url":"data/file/a.hwp","kind":"hwp","size":335872}]}]}"#;
    let body = BodyShard::from_json(v2).unwrap().bodies.remove(0);
    assert_eq!(body.search_text(), "본문");
    assert_eq!(body.attachments[0].size, Some(335_872));
}

#[test]
fn body_files_are_spread_over_folders() {
    assert_eq!(body_path(3410), "posts/0/341.json");
    assert_eq!(body_path(3419), "posts/0/341.json");
    assert_eq!(body_path(7), "posts/0/0.json");
    assert_eq!(body_path(1_234_567), "posts/123/123456.json");
}
