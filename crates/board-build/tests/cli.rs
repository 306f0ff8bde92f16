//! The `board-build` command as a portal team runs it: exit codes, messages naming `file:line`,
//! and a previous dataset that a failed build never touches.

use std::fs;
use std::process::{Command, Output};

mod common;
use common::{seed, snapshot};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_board-build"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().expect("board-build runs")
}

#[test]
fn every_bad_input_names_file_and_line_exits_1_and_keeps_the_previous_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    let ok = run(&[
        "build",
        seed().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(
        ok.status.success(),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
    let before = snapshot(&out);

    let cases: &[(&str, &[u8], &str)] = &[
        (
            "bad-date.csv",
            "no,title,date\n1,a,2025-13-01\n".as_bytes(),
            "bad-date.csv:2: 날짜: \"2025-13-01\" is not a date",
        ),
        (
            "views.txt",
            "B\n번호 제목 글쓴이 날짜 조회수\n1 a 관리자 2025-09-15 많음\n".as_bytes(),
            "views.txt:3: 조회수 \"많음\" is not a whole number",
        ),
        (
            "short.txt",
            "B\n번호 제목 글쓴이 날짜 조회수\n1 2025-09-15 7\n".as_bytes(),
            "short.txt:3: list row has no",
        ),
        (
            "short.csv",
            "no,title,date\n1,a\n".as_bytes(),
            "short.csv:2: row has 2 fields but the header has 3",
        ),
        (
            "conflict.csv",
            "번호,제목,날짜\n3409,다른 제목,2025-09-15\n".as_bytes(),
            "conflict.csv:2: 번호 3409 has the title \"다른 제목\" here but",
        ),
        (
            "header.csv",
            "IP,별점\n1.2.3.4,5\n".as_bytes(),
            "header.csv:1: no column the board uses",
        ),
        (
            "binary.txt",
            b"B\n\xff\xfe\xfd\n",
            "binary.txt:2: bytes that are neither UTF-8 nor CP949",
        ),
        ("empty.csv", b"", "empty.csv:1: empty source"),
        ("blank.jsonl", b"\n \n", "blank.jsonl:1: empty source"),
        (
            "bad.jsonl",
            b"{\"no\":1,\"title\":\"a\",\"date\":\"2025-01-01\"}\n{\"no\":2,",
            "bad.jsonl:2: not JSON",
        ),
    ];
    for (name, bytes, expected) in cases {
        let src = tmp.path().join(name);
        fs::write(&src, bytes).unwrap();
        let r = run(&[
            "build",
            seed().to_str().unwrap(),
            src.to_str().unwrap(),
            "--out",
            out.to_str().unwrap(),
        ]);
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert_eq!(r.status.code(), Some(1), "{name}: {stderr}");
        assert!(
            stderr.contains(expected),
            "{name}: expected {expected:?} in {stderr:?}"
        );
        assert_eq!(
            snapshot(&out),
            before,
            "{name} changed the previous dataset"
        );
    }
    // Conflict messages name both places.
    let src = tmp.path().join("conflict.csv");
    let r = run(&[
        "build",
        seed().to_str().unwrap(),
        src.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(String::from_utf8_lossy(&r.stderr).contains("000_2ddb7bda3a4ce606.txt:31"));

    let missing = tmp.path().join("missing.csv");
    let r = run(&[
        "build",
        missing.to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("missing.csv: No such file"));
    assert_eq!(snapshot(&out), before);
    // Nothing is left beside the dataset.
    let names: Vec<_> = fs::read_dir(tmp.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(names.iter().all(|n| !n.starts_with('.')), "{names:?}");
}

#[test]
fn csv_and_captured_text_of_the_same_posts_give_the_same_list() {
    let tmp = tempfile::tempdir().unwrap();
    let csv = tmp.path().join("board.csv");
    fs::write(&csv, "번호,제목,글쓴이,날짜,조회수\n12,임금체불 근절 대책,관리자,2025-09-15,1200\n11,\"제목, 쉼표와 “따옴표”\",관리자,2025.09.14,7\n").unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    assert!(run(&[
        "build",
        csv.to_str().unwrap(),
        "--out",
        a.to_str().unwrap(),
        "--name",
        "ESG 정책뉴스"
    ])
    .status
    .success());

    // The same posts as a captured page, written from the built list.
    let list: serde_json::Value =
        serde_json::from_slice(&fs::read(a.join("list/0.json")).unwrap()).unwrap();
    let mut page = String::from("ESG 정책뉴스\n\n번호 제목 글쓴이 날짜 조회수\n");
    for p in list["posts"].as_array().unwrap() {
        page.push_str(&format!(
            "{} {} {} {} {}\n",
            p["no"],
            p["title"].as_str().unwrap(),
            p["author"].as_str().unwrap(),
            p["date"].as_str().unwrap(),
            p["views"]
        ));
    }
    let txt = tmp.path().join("page.txt");
    fs::write(&txt, page).unwrap();
    assert!(
        run(&["build", txt.to_str().unwrap(), "--out", b.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(snapshot(&a), snapshot(&b));
}

#[test]
fn check_rejects_a_missing_body_and_an_unknown_schema() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    assert!(run(&[
        "build",
        seed().to_str().unwrap(),
        "--out",
        out.to_str().unwrap()
    ])
    .status
    .success());
    let ok = run(&["check", out.to_str().unwrap()]);
    assert!(ok.status.success());
    assert!(
        String::from_utf8_lossy(&ok.stdout).contains("sound (21 posts in 1 list files, 1 bodies)")
    );

    fs::remove_file(out.join("posts/0/341.json")).unwrap();
    let r = run(&["check", out.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("posts/0/341.json"));

    assert!(run(&[
        "build",
        seed().to_str().unwrap(),
        "--out",
        out.to_str().unwrap()
    ])
    .status
    .success());
    let manifest = out.join("board.json");
    let text = fs::read_to_string(&manifest)
        .unwrap()
        .replace("\"schema_version\":2", "\"schema_version\":9");
    fs::write(&manifest, text).unwrap();
    let r = run(&["check", out.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&r.stderr).contains("schema_version 9"));
}

#[test]
fn synth_is_deterministic_sound_and_marked_synthetic_with_valid_feeds() {
    let tmp = tempfile::tempdir().unwrap();
    let (a, b) = (tmp.path().join("a"), tmp.path().join("b"));
    for dir in [&a, &b] {
        let r = run(&[
            "synth",
            "--posts",
            "2500",
            "--seed",
            "42",
            "--out",
            dir.to_str().unwrap(),
            "--site-url",
            "https://example.org/esg/",
            "--shard-size",
            "1000",
        ]);
        assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    }
    assert_eq!(snapshot(&a), snapshot(&b));
    let check = run(&["check", a.to_str().unwrap()]);
    assert!(
        String::from_utf8_lossy(&check.stdout).contains("2500 posts in 3 list files"),
        "{check:?}"
    );
    let manifest = fs::read_to_string(a.join("board.json")).unwrap();
    assert!(manifest.contains("\"synthetic\":true"));
    let feed = fs::read_to_string(a.join("feed.xml")).unwrap();
    assert_eq!(feed.matches("<entry>").count(), 50);
    assert!(feed.contains("<id>https://example.org/esg/?post=2500</id>"));
    let sitemap = fs::read_to_string(a.join("sitemap.xml")).unwrap();
    assert_eq!(sitemap.matches("<url>").count(), 2500);
    // A board with the title index (`find/`) is the builder's own: built again in place.
    assert!(a.join("find/names.json").is_file() && a.join("find/rows/0/0.json").is_file());
    let again = run(&[
        "synth",
        "--posts",
        "2500",
        "--seed",
        "42",
        "--out",
        a.to_str().unwrap(),
        "--site-url",
        "https://example.org/esg/",
    ]);
    assert!(
        again.status.success(),
        "{}",
        String::from_utf8_lossy(&again.stderr)
    );
    assert_eq!(snapshot(&a), snapshot(&b));

    let bad = run(&[
        "synth",
        "--posts",
        "10",
        "--out",
        a.to_str().unwrap(),
        "--site-url",
        "javascript:alert(1)",
    ]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(snapshot(&a), snapshot(&b));
}

#[test]
fn every_subcommand_has_help() {
    for sub in ["build", "synth", "check"] {
        let r = run(&[sub, "--help"]);
        assert!(r.status.success(), "{sub}");
        assert!(
            String::from_utf8_lossy(&r.stdout).contains("Usage: board-build"),
            "{sub}"
        );
    }
}

#[test]
fn a_killed_build_leaves_the_previous_dataset_intact() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    assert!(run(&[
        "build",
        seed().to_str().unwrap(),
        "--out",
        out.to_str().unwrap()
    ])
    .status
    .success());
    let before = snapshot(&out);
    // A big synthetic board takes seconds; kill it while it writes.
    let mut child = bin()
        .args([
            "synth",
            "--posts",
            "2000000",
            "--out",
            out.to_str().unwrap(),
        ])
        .spawn()
        .unwrap();
    std::thread::sleep(std::time::Duration::from_millis(700));
    child.kill().unwrap();
    child.wait().unwrap();
    assert_eq!(snapshot(&out), before);
}

#[test]
fn an_output_path_that_cannot_be_a_directory_is_an_error() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("not-a-dir");
    fs::write(&file, "x").unwrap();
    let out = file.join("data");
    let r = run(&[
        "build",
        seed().to_str().unwrap(),
        "--out",
        out.to_str().unwrap(),
    ]);
    assert_eq!(r.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&r.stderr);
    assert!(
        stderr.contains("not-a-dir") && stderr.contains("board-build: error:"),
        "{stderr}"
    );
    assert_eq!(fs::read(&file).unwrap(), b"x");
}

/// A full disk, for real: a 64 KiB tmpfs (needs root, as CI and the dev machines run).
#[test]
fn a_full_disk_fails_cleanly_and_keeps_the_previous_dataset() {
    let tmp = tempfile::tempdir().unwrap();
    let mnt = tmp.path().join("tiny");
    fs::create_dir(&mnt).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=64k", "tmpfs"])
        .arg(&mnt)
        .status();
    if !mounted.is_ok_and(|s| s.success()) {
        eprintln!(
            "SKIPPED: cannot mount a tmpfs here (not root?); the full-disk case was not tried"
        );
        return;
    }
    let out = mnt.join("data");
    let result = std::panic::catch_unwind(|| {
        assert!(run(&[
            "build",
            seed().to_str().unwrap(),
            "--out",
            out.to_str().unwrap()
        ])
        .status
        .success());
        let before = snapshot(&out);
        let r = run(&["synth", "--posts", "3000", "--out", out.to_str().unwrap()]);
        assert_eq!(r.status.code(), Some(1));
        let stderr = String::from_utf8_lossy(&r.stderr);
        assert!(stderr.contains("No space left on device"), "{stderr}");
        assert_eq!(snapshot(&out), before);
        let left: Vec<_> = fs::read_dir(&mnt)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(
            left,
            vec![std::ffi::OsString::from("data")],
            "staging files were left behind"
        );
    });
    let _ = Command::new("umount").arg(&mnt).status();
    if let Err(e) = result {
        std::panic::resume_unwind(e);
    }
}

/// A board big enough for lists apart (`find/<i>/<j>.bin`; the body index's own come at about
/// 100k posts, and `check` reads both kinds with one function): `check` reads every one and
/// refuses one that is missing or holds another key.
#[test]
fn check_reads_the_lists_kept_apart() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("data");
    let r = run(&["synth", "--posts", "20000", "--out", out.to_str().unwrap()]);
    assert!(r.status.success(), "{}", String::from_utf8_lossy(&r.stderr));
    let mut apart: Vec<_> = fs::read_dir(out.join("find"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.is_dir()
                && p.file_name()
                    .unwrap()
                    .to_str()
                    .unwrap()
                    .parse::<u32>()
                    .is_ok()
        })
        .flat_map(|d| fs::read_dir(d).unwrap().map(|e| e.unwrap().path()))
        .collect();
    apart.sort();
    assert!(apart.len() >= 2, "{apart:?}");
    assert!(run(&["check", out.to_str().unwrap()]).status.success());

    let saved = fs::read(&apart[0]).unwrap();
    fs::remove_file(&apart[0]).unwrap();
    let r = run(&["check", out.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    let name = apart[0]
        .strip_prefix(&out)
        .unwrap()
        .to_str()
        .unwrap()
        .to_string();
    assert!(String::from_utf8_lossy(&r.stderr).contains(&name), "{r:?}");
    fs::write(&apart[0], saved).unwrap();
    assert!(run(&["check", out.to_str().unwrap()]).status.success());

    // A list apart swapped for another shard's.
    fs::copy(&apart[1], &apart[0]).unwrap();
    let r = run(&["check", out.to_str().unwrap()]);
    assert_eq!(r.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&r.stderr).contains("does not hold the list its shard names"),
        "{r:?}"
    );
}
