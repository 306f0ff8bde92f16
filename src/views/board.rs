//! The board's root: loads the dataset once, then shows the list or an article for the URL.

use std::sync::Arc;

use board_core::{BoardIndex, PostRef, UrlState};
use leptos::prelude::*;

use crate::api;
use crate::nav::{use_nav, Nav};
use crate::views::article::ArticleView;
use crate::views::list::ListView;
use crate::views::not_found::NotFound;
use crate::views::status::{LoadFailed, Loading};
use crate::Config;

#[component]
pub fn Board(config: Config) -> impl IntoView {
    let nav = Nav::install(&config);
    provide_context(nav);
    provide_context(config.clone());
    let base = config.data_base;
    let index = LocalResource::new(move || {
        let base = base.clone();
        async move { api::fetch_index(&base).await.map(Arc::new) }
    });
    view! {
        <div class="esg-board" lang="ko">
            {move || match index.get() {
                None => view! { <Loading what="게시판을 불러오는 중입니다…"/> }.into_any(),
                Some(Err(e)) => {
                    view! { <LoadFailed message=e.to_string() retry=Callback::new(move |_| index.refetch())/> }
                        .into_any()
                }
                Some(Ok(index)) => view! { <Loaded index/> }.into_any(),
            }}
        </div>
    }
}

#[derive(Clone, PartialEq)]
enum Kind {
    List,
    Post(u32),
    Invalid(String),
}

/// The browser title for a state: the article's title, or the board with the search and page.
fn document_title(index: &BoardIndex, state: &UrlState) -> String {
    let board = &index.board.name;
    match &state.post {
        Some(PostRef::No(n)) if index.post(*n).is_some() => {
            format!(
                "{} - {board}",
                index.post(*n).map(|p| p.title.as_str()).unwrap_or_default()
            )
        }
        Some(_) => format!("게시글을 찾을 수 없습니다 - {board}"),
        None => {
            let mut title = board.clone();
            let q = state.list.q.trim();
            if !q.is_empty() {
                title = format!("‘{q}’ 검색 결과 - {title}");
            }
            if state.list.page > 1 {
                title.push_str(&format!(" - {}페이지", state.list.page));
            }
            title
        }
    }
}

/// The board once its list file is in: the view the URL asks for.
#[component]
fn Loaded(index: Arc<BoardIndex>) -> impl IntoView {
    let nav = use_nav();
    let name = index.board.name.clone();
    let title_index = index.clone();
    Effect::new(move |_| {
        let title = nav.state.with(|state| document_title(&title_index, state));
        if let Some(doc) = window().document() {
            doc.set_title(&title);
        }
    });
    // What the main area shows; the list view is rebuilt only when coming back to it, so its
    // search box keeps focus and text while the rows follow the state.
    let view_kind = Memo::new(move |_| {
        nav.state.with(|s| match &s.post {
            None => Kind::List,
            Some(PostRef::No(n)) => Kind::Post(*n),
            Some(PostRef::Invalid(t)) => Kind::Invalid(t.clone()),
        })
    });
    // A host page with its own heading can hide ours (data-title="false"); screen readers
    // still find the board by it.
    let title_class = if expect_context::<Config>().show_title {
        "board-title"
    } else {
        "board-title board-visually-hidden"
    };
    view! {
        <div class="board-header">
            <h1 class=title_class>{name}</h1>
        </div>
        <div class="board-main">
            {move || {
                let back = nav.state.with_untracked(|s| s.list_page(s.list.page));
                match view_kind.get() {
                    Kind::List => view! { <ListView index=index.clone()/> }.into_any(),
                    Kind::Post(no) if index.post(no).is_some() => {
                        let state = nav.state.get_untracked();
                        view! { <ArticleView index=index.clone() no state/> }.into_any()
                    }
                    Kind::Post(no) => view! { <NotFound asked=no.to_string() back/> }.into_any(),
                    Kind::Invalid(text) => view! { <NotFound asked=text back/> }.into_any(),
                }
            }}
        </div>
    }
}
