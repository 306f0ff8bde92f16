//! The ESG 정책뉴스 board as a Leptos client-side app: views only.
//!
//! Logic (dataset model, URL state, ordering, pagination) is in `board-core`; this crate turns it
//! into DOM. One module per thing on screen, one place that fetches (`api`), one place that talks
//! to the browser's URL and history (`nav`). There is deliberately no `leptos_router`: it listens
//! to every link click on the whole window, which would hijack a portal page the board is
//! embedded in. Our links handle only their own clicks.

pub mod api;
pub mod body_search;
pub mod config;
pub mod early_search;
pub mod i18n;
pub mod nav;
pub mod take_over;
pub mod views;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use config::{Config, HOST_ID};
pub use views::board::Board;

use take_over::{take_over, MARK, SLOT};

thread_local! {
    static MOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Mounts the board into the element with id `esg-board` (configured by its `data-*`
/// attributes). Without that element it mounts nowhere and says so on the console: taking over
/// a host page's `<body>` would wipe the page. One board per page: the URL's query string is
/// its state, which two boards would fight over; a second mount is refused with a console error.
pub fn mount() {
    console_error_panic_hook::set_once();
    if MOUNTED.with(|m| m.replace(true)) {
        leptos::logging::error!("ESG board: already mounted; only one board per page is supported");
        return;
    }
    let document = window().document().expect("a document");
    match document
        .get_element_by_id(HOST_ID)
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(host) => {
            let config = Config::from_host(&host);
            let prerendered = host
                .query_selector(&format!("[{MARK}]"))
                .ok()
                .flatten()
                .is_some();
            if !prerendered {
                host.set_inner_html("");
                leptos::mount::mount_to(host, move || view! { <Board config=config.clone()/> })
                    .forget();
                return;
            }
            // `board-prerender` put the first page into the host: mount beside it, hidden,
            // and swap the two in one frame once the board shows its own list (or what failed),
            // so the reader never sees a blank or a jump.
            let Some(slot) = document
                .create_element("div")
                .ok()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            else {
                return;
            };
            slot.set_hidden(true);
            let _ = slot.set_attribute(SLOT, "");
            let _ = host.append_child(&slot);
            let on_ready = Callback::new(|()| request_animation_frame(|| settled(BODY_FRAMES)));
            leptos::mount::mount_to(
                slot,
                move || view! { <Board config=config.clone() on_ready/> },
            )
            .forget();
        }
        None => leptos::logging::error!(
            "ESG board: no element with id=\"esg-board\" on this page; add \
             <div id=\"esg-board\"></div> where the board should appear"
        ),
    }
}

/// How many frames the hand-over waits for an article's body (about ten seconds at 60 Hz).
const BODY_FRAMES: u32 = 600;

/// Swaps the app in once it shows what the pre-rendered page shows: an article's own page has
/// its body (and the list page beneath it) in the HTML, and a list page shown from its own
/// page its rows, which must not turn into "loading" or go missing while the app fetches and
/// renders them (a later page, a 담당부서, needs the whole list). After `frames` frames the swap
/// goes ahead all the same. (Rows of page 1 hidden behind "loading" are not waited for, nor
/// rows when the app says it failed.)
fn settled(frames: u32) {
    let has = |part: &str, what: &str| {
        let selector = format!("[{part}] {what}");
        document()
            .query_selector(&selector)
            .ok()
            .flatten()
            .is_some()
    };
    let loading = has(SLOT, ".board-article .board-status")
        || (has(MARK, ".board-beneath") && !has(SLOT, ".board-beneath"))
        || (take_over::shown()
            && has(MARK, ".board-table")
            && !has(SLOT, ".board-table")
            && !has(SLOT, "[role=alert]"));
    if loading && frames > 0 {
        request_animation_frame(move || settled(frames - 1));
    } else {
        take_over();
    }
}
