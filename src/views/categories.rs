//! 분류: on boards with categories, a row of links — 전체 and each category with its count — that
//! wraps on phones and keeps the search, department and dates (KRDS tab-like filter links;
//! each is a shareable `cat=` state).

use std::sync::Arc;

use board_core::{BoardIndex, UrlState};
use leptos::prelude::*;

use crate::i18n;
use crate::nav::use_nav;
use crate::views::link::StateLink;

#[component]
pub fn Categories(index: Arc<BoardIndex>) -> impl IntoView {
    let nav = use_nav();
    let m = i18n::messages(nav.lang_untracked());
    let links = move || {
        let list = nav.state.with(|s| s.list.clone());
        if index.categories.is_empty() && list.cat.is_none() {
            return None;
        }
        let to = |cat: Option<String>| {
            let mut l = list.clone();
            l.cat = cat;
            l.page = 1;
            UrlState {
                post: None,
                list: l,
            }
        };
        let mut items: Vec<(Option<String>, String)> = vec![(None, m.all.to_string())];
        items.extend(
            (index.categories.iter())
                .map(|c| (Some(c.name.clone()), i18n::with_count(&c.name, c.count))),
        );
        // A category named in the URL but absent from the data is shown as the (empty) current one.
        if let Some(c) = list
            .cat
            .as_ref()
            .filter(|c| !index.categories.iter().any(|x| &x.name == *c))
        {
            items.push((Some(c.clone()), i18n::with_count(c, 0)));
        }
        let links = items
            .into_iter()
            .map(|(cat, text)| {
                let current = cat == list.cat;
                view! { <li><StateLink to=to(cat) class="board-category-link" current>{text}</StateLink></li> }
            })
            .collect_view();
        Some(view! {
            <nav class="board-categories" aria-label=m.categories>
                <ul>{links}</ul>
            </nav>
        })
    };
    links
}
