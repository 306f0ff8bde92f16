//! Loading and failure states: never a blank page.

use leptos::prelude::*;

#[component]
pub fn Loading(#[prop(into)] what: String) -> impl IntoView {
    view! { <p class="board-status" role="status" aria-live="polite">{what}</p> }
}

/// A fault the reader can act on: what failed, and a retry button.
#[component]
pub fn LoadFailed(
    #[prop(into)] message: String,
    /// The retry button's text (다시 시도).
    #[prop(into)]
    retry_label: String,
    retry: Callback<()>,
) -> impl IntoView {
    view! {
        <div class="board-alert" role="alert">
            <p>{message}</p>
            <button type="button" class="board-button" on:click=move |_| retry.run(())>{retry_label}</button>
        </div>
    }
}
