//! The list view: count line, the table of posts, pagination.

use std::sync::Arc;

use board_core::display::thousands;
use board_core::{select, BoardIndex, Pagination, PostSummary, UrlState};
use leptos::prelude::*;

use crate::views::link::StateLink;
use crate::views::pagination::PageNav;

#[component]
pub fn ListView(index: Arc<BoardIndex>, state: UrlState) -> impl IntoView {
    let rows = select(&index, &state.list);
    let pages = Pagination::new(rows.len(), state.list.page, state.list.size);
    let count = if rows.is_empty() {
        if state.list.q.trim().is_empty() {
            "등록된 게시글이 없습니다.".to_string()
        } else {
            "검색 결과가 없습니다.".to_string()
        }
    } else {
        format!(
            "총 {}건 · {}/{} 페이지",
            thousands(rows.len() as u64),
            pages.page,
            pages.last
        )
    };
    let shown: Vec<PostSummary> = rows[pages.rows()]
        .iter()
        .map(|&i| index.posts[i].clone())
        .collect();
    view! {
        <p class="board-count" aria-live="polite">{count}</p>
        <ListTable caption=format!("{} 목록", index.board.name) posts=shown state=state.clone()/>
        <PageNav pages state/>
    }
}

/// The table itself: caption, five column headers, one row per post.
#[component]
pub fn ListTable(
    #[prop(into)] caption: String,
    posts: Vec<PostSummary>,
    state: UrlState,
) -> impl IntoView {
    let rows = posts
        .into_iter()
        .map(|p| {
            let to = state.with_post(p.no);
            view! {
                <tr>
                    <td class="col-no">{p.no}</td>
                    <td class="col-title"><StateLink to>{p.title}</StateLink></td>
                    <td class="col-author">{p.author.unwrap_or_else(|| "—".into())}</td>
                    <td class="col-date">{p.date.to_string()}</td>
                    <td class="col-views">{p.views.map_or_else(|| "—".into(), thousands)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="board-table">
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col" class="col-no">"번호"</th>
                    <th scope="col" class="col-title">"제목"</th>
                    <th scope="col" class="col-author">"글쓴이"</th>
                    <th scope="col" class="col-date">"날짜"</th>
                    <th scope="col" class="col-views">"조회수"</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
