//! The board's root: loads the dataset once, then shows the list or an article for the URL.

use std::sync::Arc;

use board_core::{BoardIndex, PostRef};
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
    let nav = Nav::install();
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

/// The board once its list file is in: the view the URL asks for.
#[component]
fn Loaded(index: Arc<BoardIndex>) -> impl IntoView {
    let nav = use_nav();
    let name = index.board.name.clone();
    let title_index = index.clone();
    Effect::new(move |_| {
        let state = nav.state.get();
        let title = match &state.post {
            Some(PostRef::No(n)) => match title_index.post(*n) {
                Some(p) => format!("{} - {}", p.title, title_index.board.name),
                None => format!("게시글을 찾을 수 없습니다 - {}", title_index.board.name),
            },
            Some(PostRef::Invalid(_)) => {
                format!("게시글을 찾을 수 없습니다 - {}", title_index.board.name)
            }
            None if state.list.page > 1 => {
                format!("{} - {}페이지", title_index.board.name, state.list.page)
            }
            None => title_index.board.name.clone(),
        };
        if let Some(doc) = window().document() {
            doc.set_title(&title);
        }
    });
    view! {
        <header class="board-header">
            <h1 class="board-title">{name}</h1>
        </header>
        <main class="board-main">
            {move || {
                let state = nav.state.get();
                let back = state.list_page(state.list.page);
                match state.post.clone() {
                    None => view! { <ListView index=index.clone() state/> }.into_any(),
                    Some(PostRef::No(no)) if index.post(no).is_some() => {
                        view! { <ArticleView index=index.clone() no state/> }.into_any()
                    }
                    Some(PostRef::No(no)) => view! { <NotFound asked=no.to_string() back/> }.into_any(),
                    Some(PostRef::Invalid(text)) => view! { <NotFound asked=text back/> }.into_any(),
                }
            }}
        </main>
    }
}
