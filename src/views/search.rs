//! The search form (`role="search"`): 검색 조건, 검색어, ×, 검색.
//!
//! Results follow typing (debounced) as well as Enter/검색. The input keeps its own text while
//! the URL catches up, so no keystroke is lost; only a change that did not come from this form
//! (back/forward) rewrites the box.

use board_core::{Field, ListParams, UrlState};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::i18n;
use crate::nav::use_nav;

/// How long typing must pause before the list follows.
const DEBOUNCE_MS: u64 = 200;

/// The list for a new search: page 1, the same filters.
fn searched(state: &UrlState, q: String, field: Field) -> UrlState {
    UrlState {
        post: None,
        list: ListParams {
            q,
            field,
            page: 1,
            // A new search text gets its Hangul reading again.
            typed: false,
            ..state.list.clone()
        },
    }
}

/// Whether a key press belongs to something that takes text: a field, an editable element or a
/// custom element (a web component may hold its field in a closed shadow root), where it
/// started (the composed path reaches into open shadow roots) or where focus is.
fn typing_somewhere(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let takes_text = |el: &web_sys::Element| {
        matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT")
            || el.tag_name().contains('-')
            || el
                .dyn_ref::<web_sys::HtmlElement>()
                .is_some_and(|h| h.is_content_editable())
    };
    let origin = ev
        .composed_path()
        .get(0)
        .dyn_into::<web_sys::Element>()
        .ok();
    if origin.as_ref().is_some_and(takes_text) {
        return true;
    }
    // Focus, followed down through open shadow roots.
    let mut focused = document().active_element();
    while let Some(el) = focused {
        if takes_text(&el) {
            return true;
        }
        focused = el.shadow_root().and_then(|root| root.active_element());
    }
    false
}

#[component]
pub fn SearchForm() -> impl IntoView {
    let nav = use_nav();
    let lang = nav.lang_untracked();
    let m = i18n::messages(lang);
    let initial = nav.state.with_untracked(|s| s.list.q.clone());
    let draft = RwSignal::new(initial.clone());
    // The last query this form put into the URL; any other change came from outside.
    let sent = StoredValue::new(initial);
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let input_ref = NodeRef::<leptos::html::Input>::new();

    Effect::new(move |_| {
        let q = nav.state.with(|s| s.list.q.clone());
        if q != sent.get_value() {
            sent.set_value(q.clone());
            draft.set(q);
        }
    });

    let cancel_pending = move || {
        if let Some(Some(h)) = pending.try_update_value(Option::take) {
            h.clear();
        }
    };
    // A search still waiting for the pause when the form goes (a result clicked while typing)
    // is dropped with it: its timer would otherwise fire into a view that no longer exists.
    on_cleanup(cancel_pending);
    // Pushes a history entry when a search starts from no search, replaces it while refining.
    let apply = move |q: String| {
        cancel_pending();
        let Some(state) = nav.state.try_get_untracked() else {
            return;
        };
        if state.list.q == q {
            return;
        }
        if sent.try_set_value(q.clone()).is_some() {
            return; // the form is gone
        }
        let next = searched(&state, q, state.list.field);
        if state.list.q.is_empty() {
            nav.go(next);
        } else {
            nav.replace(next);
        }
    };
    let on_input = move |ev| {
        let value = event_target_value(&ev);
        draft.set(value.clone());
        cancel_pending();
        let handle = set_timeout_with_handle(
            move || apply(value),
            std::time::Duration::from_millis(DEBOUNCE_MS),
        );
        pending.set_value(handle.ok());
    };
    let on_submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        apply(draft.get_untracked());
    };
    let on_field = move |ev| {
        let field = Field::from_key(&event_target_value(&ev)).unwrap_or_default();
        let state = nav.state.get_untracked();
        nav.go(searched(&state, draft.get_untracked(), field));
        sent.set_value(draft.get_untracked());
    };
    let clear = move |_| {
        draft.set(String::new());
        apply(String::new());
        if let Some(input) = input_ref.get() {
            let _ = input.focus();
        }
    };
    // Escape in the box clears it (and the search).
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Escape" && !draft.with_untracked(String::is_empty) {
            ev.prevent_default();
            draft.set(String::new());
            apply(String::new());
        }
    };
    // `/` anywhere on the page jumps to the search box, unless something else took the key: a
    // text field (also inside a web component's shadow root), a host handler that called
    // preventDefault, or a host that turned the shortcut off (`data-shortcut="false"`).
    // Installed by an effect: effects run only in a browser, never while pre-rendering.
    if expect_context::<crate::Config>().shortcut {
        Effect::new(move |_| {
            let shortcut = window_event_listener(leptos::ev::keydown, move |ev| {
                if ev.key() != "/" || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
                    return;
                }
                if ev.default_prevented() || ev.is_composing() || typing_somewhere(&ev) {
                    return;
                }
                if let Some(input) = input_ref.get_untracked() {
                    ev.prevent_default();
                    let _ = input.focus();
                }
            });
            on_cleanup(move || shortcut.remove());
        });
    }
    let field = move || nav.state.with(|s| s.list.field);
    let options = Field::ALL
        .into_iter()
        .map(|f| view! { <option value=f.key() selected=move || field() == f>{i18n::field(lang, f)}</option> })
        .collect_view();

    view! {
        <form class="board-search" role="search" aria-label=m.search_form on:submit=on_submit>
            <select class="board-search-field" name="field" aria-label=m.search_field on:change=on_field>
                {options}
            </select>
            <span class="board-search-box">
                <label for="board-search-q" class="board-visually-hidden">{m.search_text}</label>
                <input
                    id="board-search-q"
                    node_ref=input_ref
                    type="search"
                    name="q"
                    placeholder=m.search_placeholder
                    autocomplete="off"
                    prop:value=move || draft.get()
                    on:input=on_input
                    on:keydown=on_key
                    aria-keyshortcuts="/"
                />
                <Show when=move || !draft.with(String::is_empty)>
                    <button type="button" class="board-search-clear" aria-label=m.clear_search on:click=clear>
                        "×"
                    </button>
                </Show>
            </span>
            <button type="submit" class="board-button">{m.search_button}</button>
        </form>
    }
}
