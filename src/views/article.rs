//! The article view: heading, metadata, body paragraphs, source, 이전글/다음글, 목록.

use std::sync::Arc;

use board_core::display::thousands;
use board_core::{neighbours, select, BoardIndex, PostBody, UrlState};
use leptos::prelude::*;

use crate::api;
use crate::views::link::StateLink;
use crate::Config;

#[component]
pub fn ArticleView(index: Arc<BoardIndex>, no: u32, state: UrlState) -> impl IntoView {
    let post = index
        .post(no)
        .cloned()
        .expect("the board checks the post exists");
    let rows = select(&index, &state.list);
    let (above, below) = neighbours(&index, &rows, no);
    let back = state.list_page(state.list.page);
    let neighbour = |label: &'static str, class: &'static str, other: Option<u32>| {
        other.and_then(|n| index.post(n)).map(|p| {
            let (to, title) = (state.with_post(p.no), p.title.clone());
            view! {
                <li class=class>
                    <StateLink to>
                        <span class="neighbour-label">{label}</span>
                        " "
                        <span class="neighbour-title">{title}</span>
                    </StateLink>
                </li>
            }
        })
    };
    let prev = neighbour("이전글", "board-prev", above);
    let next = neighbour("다음글", "board-next", below);
    let unknown = || "정보 없음".to_string();
    view! {
        <article class="board-article" aria-labelledby="board-article-title">
            <h2 id="board-article-title" class="board-article-title">{post.title.clone()}</h2>
            <dl class="board-meta">
                <div><dt>"번호"</dt><dd>{post.no}</dd></div>
                <div><dt>"글쓴이"</dt><dd>{post.author.clone().unwrap_or_else(unknown)}</dd></div>
                <div><dt>"날짜"</dt><dd>{post.date.to_string()}</dd></div>
                <div><dt>"조회수"</dt><dd>{post.views.map_or_else(unknown, thousands)}</dd></div>
                {post.dept.clone().map(|d| view! { <div><dt>"담당부서"</dt><dd>{d}</dd></div> })}
            </dl>
            {if post.has_body {
                view! { <Body no/> }.into_any()
            } else {
                view! {
                    <p class="board-nobody">"이 게시글의 본문은 데이터에 포함되어 있지 않습니다. 위의 정보만 제공됩니다."</p>
                }
                    .into_any()
            }}
        </article>
        <nav class="board-neighbours" aria-label="이전글 다음글">
            <ul>{prev}{next}</ul>
        </nav>
        <p class="board-actions"><StateLink to=back class="board-button">"목록"</StateLink></p>
    }
}

/// The body, fetched when the article opens (one small file).
#[component]
fn Body(no: u32) -> impl IntoView {
    let base = expect_context::<Config>().data_base;
    let body = LocalResource::new(move || {
        let base = base.clone();
        async move { api::fetch_body(&base, no).await }
    });
    move || {
        match body.get() {
        None => view! { <p class="board-status" role="status">"본문을 불러오는 중입니다…"</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="board-alert" role="alert">
                <p>"본문을 불러오지 못했습니다. " {e.to_string()}</p>
                <button type="button" class="board-button" on:click=move |_| body.refetch()>"다시 시도"</button>
            </div>
        }
        .into_any(),
        Some(Ok(b)) => view! { <Paragraphs body=b/> }.into_any(),
    }
    }
}

#[component]
fn Paragraphs(body: PostBody) -> impl IntoView {
    let source = body
        .source
        .map(|s| view! { <p class="board-source">"출처: " {s.text()}</p> });
    let paragraphs = body
        .paragraphs
        .into_iter()
        .map(|p| view! { <p>{p}</p> })
        .collect_view();
    view! {
        <div class="board-body">{paragraphs}</div>
        {source}
    }
}
