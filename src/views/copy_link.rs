//! 링크 복사: puts the article's shareable address on the clipboard.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::i18n;
use crate::nav::use_nav;

/// How long "복사됨" stays before the button reads "링크 복사" again.
const SHOWN_MS: u64 = 3000;

async fn copy(text: &str) -> bool {
    let clipboard = window().navigator().clipboard();
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

#[component]
pub fn CopyLink() -> impl IntoView {
    let nav = use_nav();
    let m = i18n::messages(nav.lang_untracked());
    // None: not tried yet; Some(ok): the last attempt's outcome, shown for a while.
    let outcome = RwSignal::new(None::<bool>);
    let on_click = move |_| {
        let url = nav.share_url(&nav.state.get_untracked());
        spawn_local(async move {
            let copied = copy(&url).await;
            // The article may be gone by now (the reader moved on): then there is nothing to say.
            if outcome.try_set(Some(copied)).is_some() {
                return;
            }
            set_timeout(
                move || {
                    outcome.try_set(None);
                },
                std::time::Duration::from_millis(SHOWN_MS),
            );
        });
    };
    view! {
        <button type="button" class="board-button board-button-secondary board-copy" on:click=on_click>
            {move || if outcome.get() == Some(true) { m.copied } else { m.copy_link }}
        </button>
        <span class="board-copy-status" role="status">
            {move || match outcome.get() {
                Some(true) => m.copy_ok,
                Some(false) => m.copy_failed,
                None => "",
            }}
        </span>
    }
}
