//! `<nav aria-label="페이지 이동">` as KRDS describes it: 처음 · 이전 · at most 11 numbered pages (7
//! on phones; first and last always there, gaps marked …) · 다음 · 마지막, each number named for
//! screen readers ("3 페이지"), the current page marked and not a link; then a page-jump field.

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

/// Which screens an entry shows on (board.css hides the rest).
fn screens(wide: bool, narrow: bool) -> &'static str {
    match (wide, narrow) {
        (true, true) => "page-item",
        (true, false) => "page-item page-wide",
        _ => "page-item page-narrow",
    }
}

#[component]
pub fn PageNav(pages: Pagination, state: UrlState) -> impl IntoView {
    let lang = use_nav().lang_untracked();
    let m = i18n::messages(lang);
    let numbers = pages
        .items()
        .into_iter()
        .map(|item| {
            let class = screens(item.wide, item.narrow);
            match item.page {
                None => view! { <li class=class aria-hidden="true"><span class="page-gap">"…"</span></li> }
                    .into_any(),
                Some(n) if n == pages.page => view! {
                    <li class=class>
                        <strong class="page-number" aria-current="page">{n}</strong>
                    </li>
                }
                .into_any(),
                // Named "3 페이지" / "Page 3": the visible number is a word of the name, as speech
                // input needs.
                Some(n) => view! {
                    <li class=class>
                        <StateLink to=state.list_page(n) class="page-number" label=i18n::page_label(lang, n)>{n}</StateLink>
                    </li>
                }
                .into_any(),
            }
        })
        .collect_view();
    let jump = (pages.last > 1).then(|| view! { <PageJump pages state=state.clone()/> });
    view! {
        <nav class="board-pagination" aria-label=m.pagination>
            <ul>
                {step(&state, m.first, "page-first", 1, pages.has_prev())}
                {step(&state, m.prev, "page-prev", pages.prev(), pages.has_prev())}
                {numbers}
                {step(&state, m.next, "page-next", pages.next(), pages.has_next())}
                {step(&state, m.last, "page-last", pages.last, pages.has_next())}
            </ul>
            {jump}
        </nav>
    }
}

/// 페이지 번호 [  ] / 총 N페이지 [이동]: a number beyond the last page goes to the last, below 1
/// to the first; anything that is not a number is said, next to the field.
#[component]
fn PageJump(pages: Pagination, state: UrlState) -> impl IntoView {
    let nav = use_nav();
    let lang = nav.lang_untracked();
    let m = i18n::messages(lang);
    let input = NodeRef::<leptos::html::Input>::new();
    let (invalid, set_invalid) = signal(false);
    let last = pages.last;
    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(el) = input.get_untracked() else {
            return;
        };
        let text = el.value();
        match text.trim().parse::<i64>() {
            Ok(n) => {
                set_invalid.set(false);
                let page = n.clamp(1, i64::from(last)) as u32;
                el.set_value(&page.to_string());
                nav.go(state.list_page(page));
            }
            Err(_) => set_invalid.set(true),
        }
    };
    let error = move || {
        invalid.get().then(|| view! {
        <p id="board-page-jump-error" class="page-jump-error" role="alert">{i18n::page_jump_invalid(lang, last)}</p>
    })
    };
    view! {
        <form class="page-jump" on:submit=on_submit novalidate>
            <label for="board-page-jump">{m.page_jump}</label>
            <input id="board-page-jump" node_ref=input type="number" inputmode="numeric" min="1" max=last
                value=pages.page aria-invalid=move || invalid.get().then_some("true")
                aria-describedby=move || invalid.get().then_some("board-page-jump-error")/>
            <span class="page-jump-total">{i18n::of_pages(lang, last)}</span>
            <button type="submit" class="board-button board-button-secondary">{m.go}</button>
            {error}
        </form>
    }
}
