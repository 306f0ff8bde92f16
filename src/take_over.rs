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
/// reader already typed into the pre-rendered search box, and the focus, carry over.
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
    let typed = search_box(MARK).map(|b| b.value()).unwrap_or_default();
    // The control the reader is on (a keyboard user's first Tab is what starts the app).
    let focus = document
        .active_element()
        .filter(|e| e.closest(&format!("[{MARK}]")).ok().flatten().is_some())
        .and_then(|e| Place::of(&host, &e));
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
    }
    if let Some(control) = focus.and_then(|place| place.find(&host)) {
        let _ = control.focus();
    }
}

/// Where a control is in the board: its kind (tag, and its link, name or text) and its place
/// among the controls of that kind. The pre-rendered page and the app are written by the same
/// components, so the place names the same control in both.
struct Place {
    kind: String,
    nth: usize,
}

/// What can hold focus in the board.
const FOCUSABLE: [&str; 5] = ["a[href]", "button", "input", "select", "[tabindex]"];

impl Place {
    fn of(host: &web_sys::Element, control: &web_sys::Element) -> Option<Place> {
        let kind = kind(control);
        let nth = controls(host, MARK, &kind)
            .iter()
            .position(|e| e == control)?;
        Some(Place { kind, nth })
    }

    /// The same control in the app's part of the host.
    fn find(&self, host: &web_sys::Element) -> Option<web_sys::HtmlElement> {
        controls(host, SLOT, &self.kind)
            .into_iter()
            .nth(self.nth)
            .and_then(|e| e.dyn_into().ok())
    }
}

fn kind(e: &web_sys::Element) -> String {
    let which = e
        .get_attribute("href")
        .or_else(|| e.get_attribute("name"))
        .or_else(|| e.text_content())
        .unwrap_or_default();
    format!("{} {which}", e.tag_name())
}

/// The focusable elements of `kind` inside the part marked with `mark`, in document order.
fn controls(host: &web_sys::Element, mark: &str, kind_of: &str) -> Vec<web_sys::Element> {
    let selector = FOCUSABLE
        .iter()
        .map(|f| format!("[{mark}] {f}"))
        .collect::<Vec<_>>()
        .join(", ");
    let Ok(found) = host.query_selector_all(&selector) else {
        return Vec::new();
    };
    (0..found.length())
        .filter_map(|i| found.item(i)?.dyn_into::<web_sys::Element>().ok())
        .filter(|e| kind(e) == kind_of)
        .collect()
}
