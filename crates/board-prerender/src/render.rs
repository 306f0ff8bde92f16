//! The first list page as HTML, rendered natively by the same components the app mounts: the
//! first rows then paint with the HTML itself, before any script runs, and crawlers and
//! no-script readers get a real page.
//!
//! The app mounts beside this markup and swaps it out in one frame once its own list is in
//! (`esg_board::take_over`), so the reader sees no jump: same components, same state, same
//! rows. Nothing here touches a browser API: the navigation is a fixed one, and the views act
//! on the page only from effects, which never run here.

use std::sync::Arc;

use board_core::{BoardIndex, PostBody, UrlState};
use esg_board::i18n;
use esg_board::nav::Nav;
use esg_board::views::article::BodyAhead;
use esg_board::views::board::{Listing, Loaded};
use esg_board::views::status::Loading;
use esg_board::Config;
use leptos::prelude::*;

/// Effects never run while pre-rendering (there is no page to act on): their tasks are dropped.
struct NoEffects;

impl any_spawner::CustomExecutor for NoEffects {
    fn spawn(&self, _: any_spawner::PinnedFuture<()>) {}
    fn spawn_local(&self, _: any_spawner::PinnedLocalFuture<()>) {}
    fn poll_local(&self) {}
}

/// The board for the default state (page 1 of the newest posts, as the host's `data-*`
/// attributes configure it), plus a hidden "loading" line that shows instead (board.css, once
/// `board-gate.js` has marked the page) when the page was opened on another state (`?post=…`, `?page=…`), so a shared link never
/// flashes the wrong page first.
pub fn first_page(index: Arc<BoardIndex>, config: Config) -> String {
    let state = UrlState::read_with_size("", config.page_size, &config.params);
    board_at(index, config, state, None)
}

/// The board showing post `no` with its body (`body`; none for a post without one), as an
/// article's own page shows it before the app is up; the same "loading" line beside it.
pub fn article(index: Arc<BoardIndex>, config: Config, no: u32, body: Option<PostBody>) -> String {
    let state = UrlState::read_with_size("", config.page_size, &config.params).with_post(no);
    board_at(index, config, state, body.map(|b| BodyAhead(Arc::new(b))))
}

/// The board in `state` (a list page, a filter's first page), as a list page shows it before
/// the app is up; the same "loading" line beside it.
pub fn state(index: Arc<BoardIndex>, config: Config, state: UrlState) -> String {
    board_at(index, config, state, None)
}

fn board_at(
    index: Arc<BoardIndex>,
    config: Config,
    state: UrlState,
    body: Option<BodyAhead>,
) -> String {
    // Only the first call sets it; it is the same executor every time.
    let _ = any_spawner::Executor::init_local_custom_executor(NoEffects);
    let owner = Owner::new();
    let html = owner.with(|| {
        let nav = Nav::fixed(&config, state);
        let lang = nav.lang_untracked();
        let m = i18n::messages(lang);
        provide_context(nav);
        provide_context(config);
        if let Some(body) = body {
            provide_context(body);
        }
        view! {
            <div class="esg-board" lang=m.lang_attr data-board-prerendered="">
                <Loaded listing=Signal::stored(Listing { index, partial_total: None })/>
            </div>
            <div class="esg-board" lang=m.lang_attr data-board-prerendered="loading" hidden="">
                <Loading what=m.loading_board/>
            </div>
        }
        .to_html()
    });
    drop(owner);
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use board_core::{BoardMeta, PostSummary};

    fn post(no: u32, title: &str) -> PostSummary {
        PostSummary {
            author: Some("관리자".into()),
            views: Some(1234),
            ..PostSummary::new(no, title, "2025-03-01".parse().unwrap())
        }
    }

    fn index(posts: Vec<PostSummary>) -> Arc<BoardIndex> {
        Arc::new(BoardIndex {
            schema_version: board_core::model::SCHEMA_VERSION,
            board: BoardMeta {
                name: "ESG 정책뉴스".into(),
                synthetic: false,
                ..Default::default()
            },
            posts,
            departments: Vec::new(),
            search_keys: Default::default(),
            categories: Vec::new(),
            by_no: Default::default(),
            last_search: Default::default(),
            body_index: None,
            find: None,
        })
    }

    #[test]
    fn renders_the_list_a_reader_finds() {
        let html = first_page(
            index(
                (1..=25)
                    .rev()
                    .map(|n| post(n, &format!("제목 {n}")))
                    .collect(),
            ),
            Config::default(),
        );
        assert!(
            html.contains("<caption>ESG 정책뉴스 목록</caption>"),
            "{html}"
        );
        assert_eq!(html.matches("<tr").count(), 21, "header + 20 rows: {html}");
        assert!(
            html.contains("제목 25") && !html.contains("제목 5<"),
            "{html}"
        );
        assert!(html.contains("href=\"?post=25\""), "{html}");
        assert!(html.contains("aria-current=\"page\""), "{html}");
        assert!(html.contains("role=\"search\""), "{html}");
        assert!(html.contains("총 25건"), "{html}");
        assert!(html.contains("1,234"), "{html}");
        // The app removes exactly what carries its marker when it takes over.
        let marker = format!("{}=\"\"", esg_board::take_over::MARK);
        assert_eq!(html.matches(&marker).count(), 1, "{html}");
    }

    #[test]
    fn dataset_text_stays_text() {
        let html = first_page(
            index(vec![post(1, "<script>alert(1)</script> & \"q\"")]),
            Config::default(),
        );
        assert!(!html.contains("<script"), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn follows_the_host_configuration() {
        let config = Config {
            page_size: 10,
            lang: board_core::Lang::En,
            ..Config::default()
        };
        let html = first_page(
            index((1..=25).rev().map(|n| post(n, &format!("t{n}"))).collect()),
            config,
        );
        assert_eq!(html.matches("<tr").count(), 11, "{html}");
        assert!(html.contains("lang=\"en\""), "{html}");
        assert!(html.contains("Loading the board"), "{html}");
    }
}
