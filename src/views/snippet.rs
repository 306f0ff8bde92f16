//! The text around a body hit, under a title the search found by its body (issue 5).

use board_core::snippet::snippet;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api;
use crate::i18n;
use crate::nav::use_nav;
use crate::Config;

/// Fetches the post's body file (shared with the article view and with other rows of the same
/// file) and shows ±40 characters around the first hit, hits marked. A post the index named
/// whose body does not hold the query after all shows no snippet.
#[component]
pub fn BodySnippet(no: u32, q: String) -> impl IntoView {
    let m = i18n::messages(use_nav().lang_untracked());
    let base = expect_context::<Config>().data_base;
    let pieces = RwSignal::new(None);
    spawn_local(async move {
        if let Ok(body) = api::fetch_body(&base, no).await {
            if let Some(s) = snippet(&body.search_text(), &q) {
                pieces.try_set(Some(s));
            }
        }
    });
    move || {
        pieces.get().map(|pieces: board_core::snippet::Snippet| {
            let marked = pieces
                .into_iter()
                .map(|(text, hit)| {
                    if hit {
                        view! { <mark>{text}</mark> }.into_any()
                    } else {
                        text.into_any()
                    }
                })
                .collect_view();
            view! {
                <p class="board-snippet">
                    <span class="board-visually-hidden">{m.found_in_body}" "</span>
                    {marked}
                </p>
            }
        })
    }
}
