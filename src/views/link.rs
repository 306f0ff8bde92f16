//! A link to another board state: a real `<a href>` (new tab, copy link, crawlers all work),
//! whose plain left click is handled in place without reloading the page.

use board_core::UrlState;
use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::nav::use_nav;

/// Whether a click is a plain one that we may handle in place; modified clicks (new tab, new
/// window, download) are left to the browser.
fn plain_click(ev: &MouseEvent) -> bool {
    ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key())
}

#[component]
pub fn StateLink(
    /// The state the link leads to.
    to: UrlState,
    #[prop(optional, into)] class: String,
    /// Screen-reader name when the visible text is not enough.
    #[prop(optional, into)]
    label: Option<String>,
    #[prop(optional, into)] current: bool,
    /// Hover text (`title`), e.g. the whole title when it is cut with an ellipsis.
    #[prop(optional, into)]
    tooltip: Option<String>,
    /// The language of the link text, when it differs from the page's (the language switch).
    #[prop(optional, into)]
    lang: Option<String>,
    children: Children,
) -> impl IntoView {
    let nav = use_nav();
    let target = nav.href(&to);
    // Links that lead to another page (`Nav::links_elsewhere`): the browser follows them.
    let in_place = !nav.links_elsewhere();
    let on_click = move |ev: MouseEvent| {
        if in_place && plain_click(&ev) {
            ev.prevent_default();
            nav.go(to.clone());
        }
    };
    view! {
        <a
            href=target
            class=class
            aria-label=label
            aria-current=current.then_some("page")
            title=tooltip
            lang=lang
            on:click=on_click
        >
            {children()}
        </a>
    }
}
