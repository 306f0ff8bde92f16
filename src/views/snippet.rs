//! The text around a body hit, under a title the search found by its body.

use board_core::snippet::snippet;
use leptos::prelude::*;

use crate::api;
use crate::i18n;
use crate::nav::use_nav;
use crate::views::marked::marked;
use crate::Config;

/// Fetches the post's body file (shared with the article view and with other rows of the same
/// file) and shows ±40 characters around the first hit, hits marked. A post the index named
/// whose body does not hold the query after all shows no snippet; neither does one whose body
/// file fails (the row is still there, and the article says what failed).
#[component]
pub fn BodySnippet(no: u32, q: String) -> impl IntoView {
    let m = i18n::messages(use_nav().lang_untracked());
    let base = expect_context::<Config>().data_base;
    // The same pattern as the article's body: a resource, dropped with the row.
    let found = LocalResource::new(move || {
        let (base, q) = (base.clone(), q.clone());
        async move {
            let body = api::fetch_body(&base, no).await.ok()?;
            snippet(&body.search_text(), &q)
        }
    });
    move || {
        found.get().flatten().map(|pieces| {
            view! {
                <p class="board-snippet">
                    <span class="board-visually-hidden">{m.found_in_body}" "</span>
                    {marked(pieces)}
                </p>
            }
        })
    }
}
