//! `<nav aria-label="페이지 이동">`: 처음 · 이전 · numbered pages in blocks of ten · 다음 · 마지막.

use board_core::{Pagination, UrlState};
use leptos::prelude::*;

use crate::views::link::StateLink;

/// One of 처음/이전/다음/마지막: a link, or a disabled marker at the ends.
fn step(state: &UrlState, label: &'static str, page: u32, enabled: bool) -> AnyView {
    if enabled {
        view! { <li><StateLink to=state.list_page(page) class="page-step">{label}</StateLink></li> }
            .into_any()
    } else {
        view! { <li><span class="page-step" aria-disabled="true">{label}</span></li> }.into_any()
    }
}

#[component]
pub fn PageNav(pages: Pagination, state: UrlState) -> impl IntoView {
    let numbers = pages
        .block()
        .map(|n| {
            let current = n == pages.page;
            view! { <li><StateLink to=state.list_page(n) class="page-number" current>{n}</StateLink></li> }
        })
        .collect_view();
    view! {
        <nav class="board-pagination" aria-label="페이지 이동">
            <ul>
                {step(&state, "처음", 1, pages.has_prev())}
                {step(&state, "이전", pages.page.saturating_sub(1).max(1), pages.has_prev())}
                {numbers}
                {step(&state, "다음", (pages.page + 1).min(pages.last), pages.has_next())}
                {step(&state, "마지막", pages.last, pages.has_next())}
            </ul>
        </nav>
    }
}
