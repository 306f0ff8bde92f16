//! `post=` that names no post.

use board_core::UrlState;
use leptos::prelude::*;

use crate::i18n;
use crate::nav::use_nav;
use crate::views::link::StateLink;

#[component]
pub fn NotFound(
    /// What the URL asked for, shown as text.
    #[prop(into)]
    asked: String,
    /// The list to return to.
    back: UrlState,
) -> impl IntoView {
    let lang = use_nav().lang_untracked();
    let m = i18n::messages(lang);
    view! {
        <section class="board-notfound" aria-labelledby="board-notfound-title">
            <h2 id="board-notfound-title">{m.not_found_title}</h2>
            <p>{i18n::not_found_sentence(lang, &asked)}</p>
            <p class="board-actions"><StateLink to=back class="board-button">{m.back_to_list}</StateLink></p>
        </section>
    }
}
