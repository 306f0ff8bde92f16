//! Loading and failure states: never a blank page.

use leptos::prelude::*;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! { <p class="board-status" role="status" aria-live="polite">{what}</p> }
}

/// A fault the reader can act on: what failed, and a 다시 시도 button.
#[component]
pub fn LoadFailed(#[prop(into)] message: String, retry: Callback<()>) -> impl IntoView {
    view! {
        <div class="board-alert" role="alert">
            <p>{message}</p>
            <button type="button" class="board-button" on:click=move |_| retry.run(())>"다시 시도"</button>
        </div>
    }
}
