//! `post=` that names no post.

use board_core::UrlState;
use leptos::prelude::*;

use crate::views::link::StateLink;

#[component]
pub fn NotFound(
    /// What the URL asked for, shown as text.
    #[prop(into)]
    asked: String,
    /// The list to return to.
    back: UrlState,
) -> impl IntoView {
    view! {
        <section class="board-notfound" aria-labelledby="board-notfound-title">
            <h2 id="board-notfound-title">"게시글을 찾을 수 없습니다"</h2>
            <p>"요청한 게시글(" {asked} ")을 찾을 수 없습니다. 삭제되었거나 주소가 잘못되었을 수 있습니다."</p>
            <p class="board-actions"><StateLink to=back class="board-button">"목록"</StateLink></p>
        </section>
    }
}
