//! The filter bar: 담당부서, date range, order, rows per page. Each change is a new URL state on
//! page 1.

use std::sync::Arc;

use board_core::url_state::PAGE_SIZES;
use board_core::{BoardIndex, Date, ListParams, Sort, UrlState};
use leptos::prelude::*;

use crate::i18n;
use crate::nav::use_nav;

#[component]
pub fn Filters(index: Arc<BoardIndex>) -> impl IntoView {
    let nav = use_nav();
    let lang = nav.lang_untracked();
    let m = i18n::messages(lang);
    let list = move || nav.state.with(|s| s.list.clone());
    // Every filter change: a new history entry, back to page 1.
    let set = move |change: &dyn Fn(&mut ListParams)| {
        let mut next = nav.state.get_untracked().list;
        change(&mut next);
        next.page = 1;
        nav.go(UrlState {
            post: None,
            list: next,
        });
    };

    let dept_options = index
        .departments
        .iter()
        .map(|d| {
            let name = d.name.clone();
            let selected = {
                let name = name.clone();
                move || list().dept.as_deref() == Some(name.as_str())
            };
            view! { <option value=name.clone() selected=selected>{format!("{} ({})", d.name, d.count)}</option> }
        })
        .collect_view();
    // A department named in the URL but absent from the data stays selectable, so the select
    // shows what filters the (empty) list.
    let unknown_dept = move || {
        list()
            .dept
            .filter(|d| !index.departments.iter().any(|x| &x.name == d))
            .map(|d| {
                view! { <option value=d.clone() selected=true>{format!("{d} (0)")}</option> }
            })
    };
    let on_dept = move |ev| {
        let v = event_target_value(&ev);
        set(&|l| l.dept = Some(v.clone()).filter(|d| !d.is_empty()));
    };
    let date_value = move |pick: fn(&ListParams) -> Option<Date>| {
        move || pick(&list()).map(|d| d.to_string()).unwrap_or_default()
    };
    let on_from = move |ev| {
        let v = event_target_value(&ev);
        set(&|l| l.from = v.parse().ok());
    };
    let on_to = move |ev| {
        let v = event_target_value(&ev);
        set(&|l| l.to = v.parse().ok());
    };
    let sort_options = move || {
        let l = list();
        let current = l.effective_sort();
        let has_q = !l.q.trim().is_empty();
        Sort::ALL
            .into_iter()
            .filter(|s| has_q || *s != Sort::Relevance)
            .map(|s| view! { <option value=s.key() selected=current == s>{i18n::sort(lang, s)}</option> })
            .collect_view()
    };
    let on_sort = move |ev| {
        let v = event_target_value(&ev);
        set(&|l| l.sort = Sort::from_key(&v));
    };
    let size_options = PAGE_SIZES
        .into_iter()
        .map(|n| view! { <option value=n.to_string() selected=move || list().size == n>{i18n::per_page_option(lang, n)}</option> })
        .collect_view();
    let on_size = move |ev| {
        let v = event_target_value(&ev);
        set(&|l| l.size = v.parse().unwrap_or(l.size));
    };

    view! {
        <div class="board-filters">
            <label class="board-filter">
                <span>{m.col_dept}</span>
                <select name="dept" on:change=on_dept>
                    <option value="" selected=move || list().dept.is_none()>{m.all}</option>
                    {dept_options}
                    {unknown_dept}
                </select>
            </label>
            <label class="board-filter">
                <span>{m.date_from}</span>
                <input type="date" name="from" prop:value=date_value(|l| l.from) on:change=on_from/>
            </label>
            <label class="board-filter">
                <span>{m.date_to}</span>
                <input type="date" name="to" prop:value=date_value(|l| l.to) on:change=on_to/>
            </label>
            <label class="board-filter">
                <span>{m.order}</span>
                <select name="sort" on:change=on_sort>{sort_options}</select>
            </label>
            <label class="board-filter">
                <span>{m.per_page}</span>
                <select name="size" on:change=on_size>{size_options}</select>
            </label>
        </div>
    }
}
