//! The ESG 정책뉴스 board as a Leptos client-side app: views only.
//!
//! Logic (dataset model, URL state, ordering, pagination) is in `board-core`; this crate turns it
//! into DOM. One module per thing on screen, one place that fetches (`api`), one place that talks
//! to the browser's URL and history (`nav`). There is deliberately no `leptos_router`: it listens
//! to every link click on the whole window, which would hijack a portal page the board is
//! embedded in. Our links handle only their own clicks.

pub mod api;
pub mod nav;
pub mod views;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use views::board::Board;

/// Where the board mounts and where it finds its dataset.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Base URL of the dataset directory, ending in `/`; relative URLs resolve against the page,
    /// so the same `dist/` works under any sub-path.
    pub data_base: String,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_base: "data/".into(),
        }
    }
}

/// The element with id `esg-board` is the board's host (its `data-src` names the dataset
/// directory); without one, the board mounts into `<body>`.
pub fn mount() {
    console_error_panic_hook::set_once();
    let document = window().document().expect("a document");
    match document
        .get_element_by_id("esg-board")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(host) => {
            let mut config = Config::default();
            if let Some(src) = host
                .get_attribute("data-src")
                .filter(|s| !s.trim().is_empty())
            {
                config.data_base = if src.ends_with('/') {
                    src
                } else {
                    format!("{src}/")
                };
            }
            host.set_inner_html("");
            leptos::mount::mount_to(host, move || view! { <Board config=config.clone()/> })
                .forget();
        }
        None => leptos::mount::mount_to_body(|| view! { <Board config=Config::default()/> }),
    }
}
