//! The list's own pages (`page/`), written with the article pages: one per page of the default
//! list after the first and one per 담당부서's and 분류's first page, each the board for that
//! state as the app renders it, named on the gate tag; a `page/` of the host's own is refused
//! before anything is written.

mod support;

use std::fs;

use support::{build_seed_with, run, stderr};

#[test]
fn list_pages_hold_each_pages_rows_and_a_foreign_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("news");
    let data = site.join("data");
    let opts = board_build::output::Options {
        post_pages: true,
        ..Default::default()
    };
    build_seed_with(&data, &opts);
    let page = site.join("게시판.html");
    fs::write(
        &page,
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>정책뉴스</title>\
         <script type=\"module\" src=\"boot.js\"></script></head><body>\
         <div id=\"esg-board\" data-page-size=\"10\"></div></body></html>",
    )
    .unwrap();
    let out = run(&[page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("list pages"), "{}", stderr(&out));

    let index = board_build::check::read_list(&data).unwrap();
    let last = index.posts.len().div_ceil(10) as u32;
    assert!(last >= 2, "the seed has more than one page of 10");
    let board_page = fs::read_to_string(&page).unwrap();
    assert!(
        board_page.contains(" data-size=\"10\"")
            && board_page.contains(&format!(" data-list-pages=\"page/ {last}\"")),
        "{board_page}"
    );
    // Page 2 holds posts 11 to 20 of the list, its links and title as the app's.
    let two = fs::read_to_string(site.join("page/2.html")).unwrap();
    let eleventh = &index.posts[10];
    assert!(
        two.contains(&format!(
            "href=\"?post={}&amp;page=2&amp;size=10\"",
            eleventh.no
        )),
        "{two}"
    );
    assert!(
        !two.contains(&format!("?post={}&", index.posts[9].no)),
        "{two}"
    );
    assert!(
        two.contains("<base href=\"../%EA%B2%8C%EC%8B%9C%ED%8C%90.html\">"),
        "{two}"
    );
    assert!(
        two.contains("<meta name=\"robots\" content=\"noindex\">"),
        "{two}"
    );
    assert!(two.contains("data-board-prerendered=\"\""), "{two}");
    assert!(
        two.contains("aria-current=\"page\" class=\"page-number\">2<"),
        "{two}"
    );
    assert!(
        !site.join("page/1.html").exists(),
        "page 1 is the board page's own"
    );
    assert!(site.join(format!("page/{last}.html")).exists());
    assert!(!site.join(format!("page/{}.html", last + 1)).exists());
    // Each 담당부서's first page, under its name in hex.
    let dept = &index.departments[0];
    let hex: String = dept.name.bytes().map(|b| format!("{b:02x}")).collect();
    let first = fs::read_to_string(site.join(format!("page/dept-{hex}.html"))).unwrap();
    assert!(first.contains(&format!("총 {}건", dept.count)), "{first}");
    let files = fs::read_dir(site.join("page")).unwrap().count();
    assert_eq!(
        files,
        1 + (last as usize - 1) + index.departments.len() + index.categories.len(),
        "the mark, pages 2 to {last}, one per 담당부서 and 분류"
    );

    // A `page/` of the host's own: nothing is written, neither folder nor page.
    fs::remove_dir_all(site.join("page")).unwrap();
    fs::create_dir(site.join("page")).unwrap();
    fs::write(site.join("page/2.html"), "the host's own page").unwrap();
    let post_before = fs::read_dir(site.join("post")).unwrap().count();
    fs::write(site.join("post/.board-prerender"), "marked, and seen again").unwrap();
    let out = run(&[page.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("list pages"), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(site.join("page/2.html")).unwrap(),
        "the host's own page"
    );
    assert_eq!(
        fs::read_to_string(site.join("post/.board-prerender")).unwrap(),
        "marked, and seen again",
        "the article pages were not rewritten either"
    );
    assert_eq!(
        fs::read_dir(site.join("post")).unwrap().count(),
        post_before
    );
    assert_eq!(fs::read_to_string(&page).unwrap(), board_page);

    // Built without the flag: ours go, the host's stays.
    fs::remove_dir_all(site.join("page")).unwrap();
    assert!(run(&[page.to_str().unwrap()]).status.success());
    assert!(site.join("page/2.html").exists());
    build_seed_with(&data, &Default::default());
    let out = run(&[page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.join("page").exists() && !site.join("post").exists());
    assert!(!fs::read_to_string(&page)
        .unwrap()
        .contains("data-list-pages"));
}
