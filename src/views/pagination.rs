//! `<nav aria-label="페이지 이동">`: 처음 · 이전 · numbered pages in blocks of ten · 다음 · 마지막.
//! On phones the numbers collapse to "n / N" (CSS), keeping 이전 and 다음.

use board_core::{Pagination, UrlState};
use leptos::prelude::*;

use crate::i18n;
use crate::nav::use_nav;
use crate::views::link::StateLink;

/// One of 처음/이전/다음/마지막: a link, or a disabled marker at the ends.
fn step(
    state: &UrlState,
    label: &'static str,
    class: &'static str,
    page: u32,
    enabled: bool,
) -> AnyView {
    let class = format!("page-step {class}");
    if enabled {
        view! { <li><StateLink to=state.list_page(page) class=class>{label}</StateLink></li> }
            .into_any()
    } else {
        view! { <li><a class=class role="link" aria-disabled="true">{label}</a></li> }.into_any()
    }
}

#[component]
pub fn PageNav(pages: Pagination, state: UrlState) -> impl IntoView {
    let lang = use_nav().lang_untracked();
    let m = i18n::messages(lang);
    let numbers = pages
        .block()
        .map(|n| {
            let current = n == pages.page;
            view! { <li class="page-number-item"><StateLink to=state.list_page(n) class="page-number" current>{n}</StateLink></li> }
        })
        .collect_view();
    view! {
        <nav class="board-pagination" aria-label=m.pagination>
            <ul>
                {step(&state, m.first, "page-first", 1, pages.has_prev())}
                {step(&state, m.prev, "page-prev", pages.prev(), pages.has_prev())}
                {numbers}
                <li class="page-compact" aria-hidden="true">{i18n::page_of(lang, pages.page, pages.last)}</li>
                {step(&state, m.next, "page-next", pages.next(), pages.has_next())}
                {step(&state, m.last, "page-last", pages.last, pages.has_next())}
            </ul>
        </nav>
    }
}
