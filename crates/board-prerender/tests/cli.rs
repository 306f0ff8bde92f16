//! `board-prerender` as a portal team runs it: the first page inside the board element once,
//! failures that name the page and leave it untouched, a page's permissions and link kept, and
//! links that never lead to another scheme.

mod support;

use std::fs;
use std::path::Path;
use std::process::{Command, Output};

use support::{build_seed, run, seed, stderr};

/// Pre-renders `page` from the dataset `data`.
fn run_on(page: &Path, data: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_board-prerender"))
        .arg(page)
        .arg("--data")
        .arg(data)
        .output()
        .expect("board-prerender runs")
}

#[test]
fn prerender_puts_the_first_page_into_the_board_element_once_and_fails_cleanly() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    build_seed(&site.join("news/data"));
    let page = site.join("news/index.html");
    let original = "<!doctype html><html><head><script type=\"module\" src=\"boot.js\"></script>\
                    </head><body>\n<div id=\"esg-board\" data-page-size=\"10\"><noscript>JS</noscript></div>\n</body></html>";
    fs::write(&page, original).unwrap();

    // The dataset is found through the element's data-src (default data/) beside the page.
    let out = run(&[page.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let once = fs::read_to_string(&page).unwrap();
    assert_eq!(
        once.matches("<tr").count(),
        11,
        "header + data-page-size rows: {once}"
    );
    assert!(
        once.contains("<caption>ESG 정책뉴스 목록</caption>"),
        "{once}"
    );
    assert!(
        once.contains(
            "<script src=\"board-gate.js\" data-lang=\"ko\" data-size=\"10\" data-preload-module=\"esg-board.js\" data-preload=\"esg-board_bg.wasm data/board.json data/list/0.json\" async blocking=\"render\"></script><!--/esg-board:gate--></head>"
        ),
        "{once}"
    );
    assert!(once.contains("<noscript>JS</noscript>"), "{once}");

    // Again: replaced, not added.
    let out = run(&[page.to_str().unwrap()]);
    assert!(out.status.success());
    assert_eq!(fs::read_to_string(&page).unwrap(), once);

    // Failures name the page (and line) and leave it byte-for-byte as it was.
    let missing = site.join("missing");
    let out = run(&[page.to_str().unwrap(), "--data", missing.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("missing/board.json"), "{err}");
    assert_eq!(fs::read_to_string(&page).unwrap(), once);

    let no_board = site.join("news/other.html");
    fs::write(&no_board, "<html>\n<body>\n<div id=\"main\"></div>").unwrap();
    let out = run(&[no_board.to_str().unwrap()]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        err.contains("other.html: no element with id=\"esg-board\""),
        "{err}"
    );
    assert_eq!(
        fs::read_to_string(&no_board).unwrap(),
        "<html>\n<body>\n<div id=\"main\"></div>"
    );
    let leftovers: Vec<_> = fs::read_dir(site.join("news"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn prerender_keeps_the_pages_permissions_and_link_and_refuses_script_links() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    build_seed(&site.join("data"));
    let page = |base: &str| {
        format!(
            "<!doctype html><html><head><script type=\"module\" src=\"boot.js\"></script></head>\
             <body><div id=\"esg-board\"{base}></div></body></html>"
        )
    };
    let real = site.join("pages/index.html");
    fs::create_dir_all(real.parent().unwrap()).unwrap();
    fs::write(&real, page("")).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(&real, fs::Permissions::from_mode(0o644)).unwrap();
        let link = site.join("index.html");
        std::os::unix::fs::symlink(&real, &link).unwrap();
        let out = run_on(&link, &site.join("data"));
        assert!(out.status.success(), "{}", stderr(&out));
        assert!(fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(fs::read_to_string(&real).unwrap().contains("<tbody"));
        let mode = fs::metadata(&real).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    for bad in [
        "javascript:alert(1)",
        " JAVA\tSCRIPT:alert(1)",
        "data:text/html,x",
    ] {
        let p = site.join("bad.html");
        let html = page(&format!(" data-base-url=\"{bad}\""));
        fs::write(&p, &html).unwrap();
        let out = run_on(&p, &site.join("data"));
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(stderr(&out).contains("data-base-url"), "{}", stderr(&out));
        assert_eq!(fs::read_to_string(&p).unwrap(), html);
    }
    // A portal's own query string in data-base-url is kept in every pre-rendered link; the
    // gate script learns the page's parameter prefix.
    let p = site.join("front.html");
    fs::write(
        &p,
        page(" data-base-url=\"board.do?menuNo=200123\" data-param-prefix=\"esg-\""),
    )
    .unwrap();
    let out = run_on(&p, &site.join("data"));
    assert!(out.status.success(), "{}", stderr(&out));
    let html = fs::read_to_string(&p).unwrap();
    assert!(
        html.contains("href=\"board.do?menuNo=200123&amp;esg-post=3409\""),
        "{html}"
    );
    assert!(
        html.contains(
            "<script src=\"board-gate.js\" data-param-prefix=\"esg-\" data-lang=\"ko\" data-preload-module=\"esg-board.js\""
        ),
        "{html}"
    );
}

/// The seed's first post with a body, and its title.
fn post_with_body(data: &Path) -> (u32, String) {
    let index = board_build::check::read_list(data).unwrap();
    let p = index
        .posts
        .iter()
        .find(|p| p.has_body)
        .expect("the seed has an article");
    (p.no, p.title.clone())
}

#[test]
fn article_pages_are_written_beside_the_board_page_with_their_head() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path().join("news");
    let data = site.join("data");
    let built = board_build::read_sources(&[seed()])
        .and_then(|b| b.finish())
        .unwrap();
    let opts = board_build::output::Options {
        post_pages: true,
        site_url: Some("https://example.org/news/".into()),
        ..Default::default()
    };
    board_build::output::write_atomic(&data, &built.dataset, &opts).unwrap();
    let page = site.join("index.html");
    fs::write(
        &page,
        "<!doctype html><html><head><meta charset=\"utf-8\"><title>정책뉴스</title>\
         <meta name=\"description\" content=\"게시판\"><link rel=\"stylesheet\" href=\"board.css\">\
         <script type=\"module\" src=\"boot.js\"></script></head><body>\
         <div id=\"esg-board\" data-page-title=\"true\"></div></body></html>",
    )
    .unwrap();
    let out = run(&[page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stderr(&out).contains("article pages"), "{}", stderr(&out));
    let index = board_build::check::read_list(&data).unwrap();
    let pages = fs::read_dir(site.join("post")).unwrap();
    let html_files = pages
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".html")
        })
        .count();
    assert_eq!(html_files, index.posts.len());

    let (no, title) = post_with_body(&data);
    let html = fs::read_to_string(site.join(format!("post/{no}.html"))).unwrap();
    // The board page is the base, first in the head; the article is in the board element.
    assert!(
        html.contains("<head><base href=\"../index.html\"><meta charset"),
        "{html}"
    );
    assert!(html.contains(&format!("data-post=\"{no}\"")), "{html}");
    assert!(html.contains("class=\"board-article\""), "{html}");
    assert!(
        html.contains("<div class=\"board-body\"><p>"),
        "the body is in the HTML: {html}"
    );
    assert!(!html.contains("본문을 불러오는 중"), "{html}");
    // One title, the article's; one description, the article's.
    assert_eq!(html.matches("<title>").count(), 1);
    assert!(
        html.contains(&format!("<title>{title} - ESG 정책뉴스</title>")),
        "{html}"
    );
    assert_eq!(html.matches("name=\"description\"").count(), 1);
    assert!(!html.contains("content=\"게시판\""));
    let canonical = format!("https://example.org/news/post/{no}.html");
    assert!(
        html.contains(&format!("<link rel=\"canonical\" href=\"{canonical}\">")),
        "{html}"
    );
    assert!(html.contains(&format!(
        "<meta property=\"og:url\" content=\"{canonical}\">"
    )));
    assert!(html.contains("<meta property=\"og:type\" content=\"article\">"));
    assert!(html.contains("<meta name=\"twitter:card\" content=\"summary\">"));
    let ld_start = html.find("<script type=\"application/ld+json\">").unwrap() + 35;
    let ld_end = ld_start + html[ld_start..].find("</script>").unwrap();
    let ld: serde_json::Value = serde_json::from_str(&html[ld_start..ld_end]).unwrap();
    assert_eq!(ld["@type"], "NewsArticle");
    assert_eq!(ld["headline"], title.as_str());
    assert_eq!(ld["mainEntityOfPage"], canonical.as_str());
    // The page 1 of the board page itself is still page 1.
    let board_page = fs::read_to_string(&page).unwrap();
    assert!(board_page
        .contains("<div id=\"esg-board\" data-page-title=\"true\" data-post-pages=\"post/\"><!--esg-board:prerender-->"));
    assert!(board_page.contains("<tbody"));
    // The sitemap points at the article pages.
    let sitemap = fs::read_to_string(data.join("sitemap.xml")).unwrap();
    assert!(
        sitemap.contains(&format!("<loc>{canonical}</loc>")),
        "{sitemap}"
    );

    // A second run replaces the folder; a folder of someone else's files is never touched.
    assert!(run(&[page.to_str().unwrap()]).status.success());
    fs::write(site.join("post/notes.txt"), "mine").unwrap();
    let out = run(&[page.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("notes.txt"), "{}", stderr(&out));
    assert_eq!(
        fs::read_to_string(site.join("post/notes.txt")).unwrap(),
        "mine"
    );
    assert_eq!(
        fs::read_to_string(&page).unwrap(),
        board_page,
        "nothing changed"
    );

    // Pages of the host's own that look like ours (no mark file) are not replaced either.
    fs::remove_dir_all(site.join("post")).unwrap();
    fs::create_dir(site.join("post")).unwrap();
    fs::write(site.join("post/1.html"), "the host's own page").unwrap();
    let out = run(&[page.to_str().unwrap()]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains(".board-prerender"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        fs::read_to_string(site.join("post/1.html")).unwrap(),
        "the host's own page"
    );
    fs::remove_dir_all(site.join("post")).unwrap();
    assert!(run(&[page.to_str().unwrap()]).status.success());

    // Built again without article pages: ours are removed and the page no longer points at them.
    board_build::output::write_atomic(&data, &built.dataset, &Default::default()).unwrap();
    let out = run(&[page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!site.join("post").exists());
    assert!(!fs::read_to_string(&page)
        .unwrap()
        .contains("data-post-pages"));
}

#[test]
fn article_text_cannot_close_the_json_ld_script() {
    let tmp = tempfile::tempdir().unwrap();
    let site = tmp.path();
    let src = site.join("posts.jsonl");
    fs::write(
        &src,
        "{\"no\":1,\"title\":\"</script><script>alert(1)</script>\",\"date\":\"2025-01-02\",\
         \"body\":\"<img src=x onerror=alert(1)> 본문 & \\\"인용\\\"\"}\n",
    )
    .unwrap();
    let built = board_build::read_sources(&[src])
        .and_then(|b| b.finish())
        .unwrap();
    let opts = board_build::output::Options {
        post_pages: true,
        ..Default::default()
    };
    board_build::output::write_atomic(&site.join("data"), &built.dataset, &opts).unwrap();
    let page = site.join("board.html");
    fs::write(&page, "<html><head><script type=\"module\" src=\"boot.js\"></script></head><body><div id=\"esg-board\"></div></body></html>").unwrap();
    let out = run(&[page.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = fs::read_to_string(site.join("post/1.html")).unwrap();
    assert!(html.contains("<base href=\"../board.html\">"), "{html}");
    // Without a site address the canonical link is relative to the board page (the base).
    assert!(
        html.contains("<link rel=\"canonical\" href=\"post/1.html\">"),
        "{html}"
    );
    assert_eq!(
        html.matches("<script").count(),
        3,
        "the gate, boot.js and JSON-LD only: {html}"
    );
    assert!(!html.contains("onerror"), "{html}");
    assert!(html.contains("\\u003c/script\\u003e"), "{html}");
}
