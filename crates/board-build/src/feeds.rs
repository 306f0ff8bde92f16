//! Feeds for static hosting: an Atom feed of the newest posts and a sitemap of post URLs, both
//! pointing at `?post=N` under the site URL the user gives, or at the articles' own pages
//! (`post/N.html` beside the board page) when the board has them.
//!
//! Written by hand (a handful of elements) rather than with an XML crate; every text goes through
//! [`escape`], which also drops the characters XML 1.0 forbids, so the files are always valid.

use board_core::BoardIndex;

/// How many posts the Atom feed carries.
pub const FEED_POSTS: usize = 50;
/// The sitemap protocol's limit per file; larger boards get a sitemap index.
pub const SITEMAP_URLS: usize = 50_000;

/// Escapes text for XML content and attributes, dropping characters XML 1.0 does not allow.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => out.push(c),
        }
    }
    out
}

/// Checks a `--site-url`: an absolute http(s) URL without query or fragment (the board adds
/// `?post=N`).
pub fn check_site_url(url: &str) -> Result<(), String> {
    let rest = url
        .strip_prefix("https://")
        .or_else(|| url.strip_prefix("http://"));
    match rest {
        Some(r) if !r.is_empty() && !r.starts_with('/') && !url.contains(['?', '#', ' ']) => Ok(()),
        _ => Err(format!("--site-url {url:?}: expected an absolute http(s) address of the board page, without ? or #")),
    }
}

/// The folder of the board page's address (`https://e.org/esg/index.html` → `https://e.org/esg/`),
/// where the dataset and the article pages are beside it.
pub fn site_folder(site: &str) -> &str {
    &site[..site.rfind('/').map_or(site.len(), |i| i + 1)]
}

/// An article's address: its own page, beside the board page, or the board page's `?post=N`.
pub fn post_url(site: &str, no: u32, post_pages: bool) -> String {
    if post_pages {
        format!("{}{}", site_folder(site), board_core::model::post_page(no))
    } else {
        format!("{site}?post={no}")
    }
}

/// The Atom feed of the newest [`FEED_POSTS`] posts.
pub fn atom(index: &BoardIndex, site: &str, post_pages: bool) -> String {
    let updated = index
        .posts
        .first()
        .map(|p| p.date.to_string())
        .unwrap_or_else(|| "1970-01-01".into());
    let mut x = String::new();
    x.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    x.push_str(&format!("  <title>{}</title>\n", escape(&index.board.name)));
    x.push_str(&format!("  <id>{}</id>\n", escape(site)));
    x.push_str(&format!(
        "  <link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n",
        escape(site)
    ));
    x.push_str(&format!("  <updated>{updated}T00:00:00Z</updated>\n"));
    x.push_str(&format!(
        "  <author><name>{}</name></author>\n",
        escape(&index.board.name)
    ));
    for p in index.posts.iter().take(FEED_POSTS) {
        let url = escape(&post_url(site, p.no, post_pages));
        x.push_str("  <entry>\n");
        x.push_str(&format!("    <title>{}</title>\n", escape(&p.title)));
        x.push_str(&format!(
            "    <id>{url}</id>\n    <link rel=\"alternate\" type=\"text/html\" href=\"{url}\"/>\n"
        ));
        x.push_str(&format!("    <updated>{}T00:00:00Z</updated>\n", p.date));
        if let Some(a) = &p.author {
            x.push_str(&format!(
                "    <author><name>{}</name></author>\n",
                escape(a)
            ));
        }
        if let Some(d) = &p.dept {
            x.push_str(&format!("    <category term=\"{}\"/>\n", escape(d)));
        }
        x.push_str("  </entry>\n");
    }
    x.push_str("</feed>\n");
    x
}

/// The sitemap files: `sitemap.xml` alone, or an index of `sitemap-<i>.xml` files when the
/// board has more than [`SITEMAP_URLS`] posts. `files_url` is where the dataset folder is served.
pub fn sitemaps(
    index: &BoardIndex,
    site: &str,
    files_url: &str,
    post_pages: bool,
) -> Vec<(String, String)> {
    let urlset = |posts: &[board_core::PostSummary]| {
        let mut x = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for p in posts {
            x.push_str(&format!(
                "  <url><loc>{}</loc><lastmod>{}</lastmod></url>\n",
                escape(&post_url(site, p.no, post_pages)),
                p.date
            ));
        }
        x.push_str("</urlset>\n");
        x
    };
    if index.posts.len() <= SITEMAP_URLS {
        return vec![("sitemap.xml".into(), urlset(&index.posts))];
    }
    let mut files = Vec::new();
    let mut idx = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for (i, chunk) in index.posts.chunks(SITEMAP_URLS).enumerate() {
        let name = format!("sitemap-{i}.xml");
        idx.push_str(&format!(
            "  <sitemap><loc>{}</loc></sitemap>\n",
            escape(&format!("{files_url}{name}"))
        ));
        files.push((name, urlset(chunk)));
    }
    idx.push_str("</sitemapindex>\n");
    files.insert(0, ("sitemap.xml".into(), idx));
    files
}

#[cfg(test)]
mod tests {
    use super::*;
    use board_core::{BoardMeta, PostSummary};

    fn index(titles: &[&str]) -> BoardIndex {
        BoardIndex {
            schema_version: 1,
            board: BoardMeta {
                name: "ESG & 정책".into(),
                synthetic: false,
                ..Default::default()
            },
            posts: titles
                .iter()
                .enumerate()
                .map(|(i, t)| PostSummary {
                    no: 100 - i as u32,
                    title: t.to_string(),
                    author: Some("관리자".into()),
                    date: "2025-09-15".parse().unwrap(),
                    views: None,
                    dept: Some("<부>".into()),
                    has_body: false,
                    category: None,
                    time: None,
                    notice: false,
                    attachments: 0,
                })
                .collect(),
            departments: vec![],
            search_keys: Default::default(),
            categories: Vec::new(),
            by_no: Default::default(),
            last_search: Default::default(),
            body_index: None,
            find: None,
        }
    }

    #[test]
    fn escapes_markup_and_drops_forbidden_characters() {
        assert_eq!(
            escape("<a href=\"x\">&'\u{0}\u{1b}\t"),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;\t"
        );
    }

    #[test]
    fn atom_has_escaped_entries_with_post_links() {
        let x = atom(
            &index(&["<script>alert(1)</script>", "둘"]),
            "https://example.org/esg/",
            false,
        );
        assert!(x.contains("<title>ESG &amp; 정책</title>"));
        assert!(x.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt;</title>"));
        assert!(x.contains("<id>https://example.org/esg/?post=100</id>"));
        assert!(x.contains("<category term=\"&lt;부&gt;\"/>"));
        assert!(!x.contains("<script>"));
        assert_eq!(x.matches("<entry>").count(), 2);
    }

    #[test]
    fn with_article_pages_the_feed_and_sitemap_point_at_them() {
        let board = index(&["하나"]);
        let x = atom(&board, "https://example.org/esg/index.html", true);
        assert!(
            x.contains("<id>https://example.org/esg/post/100.html</id>"),
            "{x}"
        );
        let files = sitemaps(
            &board,
            "https://example.org/esg/",
            "https://example.org/esg/data/",
            true,
        );
        assert!(
            files[0]
                .1
                .contains("<loc>https://example.org/esg/post/100.html</loc>"),
            "{}",
            files[0].1
        );
        assert!(!files[0].1.contains("?post="));
    }

    #[test]
    fn site_urls_are_checked() {
        assert!(check_site_url("https://example.org/esg/").is_ok());
        for bad in [
            "example.org",
            "javascript:alert(1)",
            "https://",
            "https://x/?a=1",
            "ftp://x",
        ] {
            assert!(check_site_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn large_boards_get_a_sitemap_index() {
        let titles: Vec<String> = (0..3).map(|i| i.to_string()).collect();
        let refs: Vec<&str> = titles.iter().map(String::as_str).collect();
        let files = sitemaps(
            &index(&refs),
            "https://e.org/",
            "https://e.org/data/",
            false,
        );
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].1.matches("<url>").count(), 3);
    }
}
