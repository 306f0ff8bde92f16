//! The page's URL as the board's state (CONTRACT.md §1): read it, push new states, follow
//! back/forward. Only the query string ever changes; the path and hash are the host's.

use board_core::UrlState;
use leptos::prelude::*;

/// The current state, shared by every view through context.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<UrlState>,
    /// The article just left, so the list can give focus back to its title link.
    pub left_post: StoredValue<Option<u32>>,
}

fn location() -> web_sys::Location {
    window().location()
}

/// Reads the state from the page's own URL.
pub fn read_url() -> UrlState {
    UrlState::from_query(&location().search().unwrap_or_default())
}

/// The link target for a state: its query string, keeping path and hash. The default state is
/// the bare path, so the plain page URL and "back to page 1" are the same link.
pub fn href(state: &UrlState) -> String {
    let query = state.to_query();
    let hash = location().hash().unwrap_or_default();
    if query == "?" {
        format!("{}{hash}", location().pathname().unwrap_or_default())
    } else {
        format!("{query}{hash}")
    }
}

impl Nav {
    /// Starts from the URL and follows the browser's back/forward buttons.
    pub fn install() -> Nav {
        let nav = Nav {
            state: RwSignal::new(read_url()),
            left_post: StoredValue::new(None),
        };
        let handle =
            window_event_listener(leptos::ev::popstate, move |_| nav.state.set(read_url()));
        on_cleanup(move || handle.remove());
        nav
    }

    /// Goes to a new state as a new history entry, like following a link.
    pub fn go(&self, to: UrlState) {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href(&to)));
        }
        self.state.set(to);
        window().scroll_to_with_x_and_y(0.0, 0.0);
    }

    /// Changes the state in place (no new history entry): for results that follow typing, so
    /// that Back does not step through every keystroke.
    pub fn replace(&self, to: UrlState) {
        if let Ok(history) = window().history() {
            let _ =
                history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href(&to)));
        }
        self.state.set(to);
    }
}

/// The shared navigation, provided by the board's root view.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
