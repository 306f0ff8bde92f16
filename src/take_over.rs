//! The hand-over from a pre-rendered first page (written into the host element by
//! `board-prerender`) to the app: the app mounts beside it, hidden, and swaps in one frame once
//! it shows its own list, so the reader sees no blank and no jump.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Marks everything the pre-rendered page adds to the host element, so the app can remove
/// exactly that when it takes over.
pub const MARK: &str = "data-board-prerendered";

/// The attribute on `<html>` that `board-gate.js` sets when the page was opened on another
/// state than the pre-rendered one (board.css then shows "loading" instead of page 1).
pub const STATE_ATTR: &str = "data-esg-board-state";

/// Its value while the page shows "loading" (no pre-rendered page of the state on screen).
pub const OTHER_STATE: &str = "other";

/// Whether a pre-rendered page of the board's state is on screen (page 1, or one
/// `board-gate.js` put in its place), rather than "loading".
pub(crate) fn shown() -> bool {
    let other = document()
        .document_element()
        .and_then(|html| html.get_attribute(STATE_ATTR));
    other.as_deref() != Some(OTHER_STATE)
}

/// Marks the element the app mounts into beside a pre-rendered page.
pub(crate) const SLOT: &str = "data-board-slot";

/// Removes the pre-rendered page and shows the app in its place (one frame: no jump). What the
/// reader already typed into the pre-rendered search box, and its focus, carry over.
pub(crate) fn take_over() {
    let document = document();
    let Some(host) = document.get_element_by_id(crate::HOST_ID) else {
        return;
    };
    let in_host = |selector: &str| host.query_selector(selector).ok().flatten();
    // The search box inside the part marked with `mark`.
    let search_box = |mark: &str| {
        in_host(&format!("[{mark}] input[name=q]"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let old_box = search_box(MARK);
    let typed = old_box.as_ref().map(|b| b.value()).unwrap_or_default();
    let had_focus = old_box.is_some_and(|b| document.active_element() == Some(b.into()));
    if let Ok(old) = host.query_selector_all(&format!("[{}]", MARK)) {
        for i in 0..old.length() {
            if let Some(e) = old
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                e.remove();
            }
        }
    }
    if let Some(html) = document.document_element() {
        let _ = html.remove_attribute(STATE_ATTR);
    }
    if let Some(slot) =
        in_host(&format!("[{SLOT}]")).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        slot.set_hidden(false);
    }
    if let Some(new_box) = search_box(SLOT) {
        if !typed.is_empty() && new_box.value() != typed {
            new_box.set_value(&typed);
            if let Ok(ev) = web_sys::Event::new("input") {
                let _ = new_box.dispatch_event(&ev);
            }
        }
        if had_focus {
            let _ = new_box.focus();
        }
    }
}
