//! The ESG 정책뉴스 board as a Leptos client-side app: views only.
//!
//! Logic (dataset model, URL state, ordering, pagination) is in `board-core`; this crate turns it
//! into DOM. One module per thing on screen, one place that fetches (`api`), one place that talks
//! to the browser's URL and history (`nav`). There is deliberately no `leptos_router`: it listens
//! to every link click on the whole window, which would hijack a portal page the board is
//! embedded in. Our links handle only their own clicks.

pub mod api;
pub mod body_search;
pub mod i18n;
pub mod nav;
pub mod prerender;
pub mod views;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub use views::board::Board;

/// How a host page configured the board (the `data-*` attributes of its host element).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Config {
    /// Base URL of the dataset directory, ending in `/` (`data-src`, default `data/`); relative
    /// URLs resolve against the page, so the same `dist/` works under any sub-path.
    pub data_base: String,
    /// Rows per page when the URL gives none (`data-page-size`: 10, 20, 50 or 100).
    pub page_size: u32,
    /// Whether the board shows its name as a heading (`data-title="false"` hides it, for a host
    /// page that has its own).
    pub show_title: bool,
    /// Where links point (`data-base-url`), e.g. the board's own page when it is embedded in a
    /// portal's front page; default: the current page.
    pub link_base: Option<String>,
    /// The UI language when the URL has no `lang=` (`data-lang`: `ko` or `en`).
    pub lang: board_core::Lang,
    /// How the board's URL keys are spelt (`data-param-prefix`, for a host whose own query
    /// parameters share the board's names).
    pub params: board_core::host_url::ParamNames,
    /// Whether the board sets the document's `<title>` (`data-page-title="true"`: only on a
    /// page that is the board's own; a portal page keeps its title).
    pub page_title: bool,
    /// Whether `/` anywhere on the page jumps to the search box (`data-shortcut="false"` turns
    /// it off, for a host with a `/` of its own).
    pub shortcut: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            data_base: "data/".into(),
            page_size: board_core::url_state::DEFAULT_SIZE,
            show_title: true,
            link_base: None,
            lang: board_core::Lang::Ko,
            params: Default::default(),
            page_title: false,
            shortcut: true,
        }
    }
}

impl Config {
    /// Reads the host element's `data-*` attributes; anything missing or invalid keeps its default.
    pub fn from_host(host: &web_sys::Element) -> Config {
        Config::from_attributes(|name| host.get_attribute(name))
    }

    /// The same from any source of attribute values (`board-build prerender` reads them from
    /// the host page's HTML).
    pub fn from_attributes(get: impl Fn(&str) -> Option<String>) -> Config {
        let attr = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let mut config = Config::default();
        if let Some(src) = attr("data-src") {
            config.data_base = if src.ends_with('/') {
                src
            } else {
                format!("{src}/")
            };
        }
        if let Some(n) = attr("data-page-size").and_then(|v| v.parse().ok()) {
            if board_core::url_state::PAGE_SIZES.contains(&n) {
                config.page_size = n;
            }
        }
        config.show_title = !matches!(
            attr("data-title").as_deref(),
            Some("false" | "0" | "no" | "off")
        );
        // Only a relative or http(s) address ever becomes a link.
        config.link_base = attr("data-base-url").and_then(|b| {
            let safe = board_core::host_url::safe_link_base(&b);
            if safe.is_none() && cfg!(target_arch = "wasm32") {
                leptos::logging::error!(
                    "ESG board: data-base-url {b:?} is not a relative or http(s) address; ignored"
                );
            }
            safe
        });
        if let Some(prefix) = attr("data-param-prefix") {
            config.params = board_core::host_url::ParamNames::new(&prefix);
        }
        config.page_title = attr("data-page-title").as_deref() == Some("true");
        config.shortcut = !matches!(
            attr("data-shortcut").as_deref(),
            Some("false" | "0" | "no" | "off")
        );
        config.lang = attr("data-lang")
            .and_then(|l| board_core::Lang::from_key(&l))
            .unwrap_or_default();
        config
    }
}

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
        .get_element_by_id("esg-board")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(host) => {
            let config = Config::from_host(&host);
            let prerendered = host
                .query_selector(&format!("[{}]", prerender::MARK))
                .ok()
                .flatten()
                .is_some();
            if !prerendered {
                host.set_inner_html("");
                leptos::mount::mount_to(host, move || view! { <Board config=config.clone()/> })
                    .forget();
                return;
            }
            // `board-build prerender` put the first page into the host: mount beside it, hidden,
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
            let on_ready = Callback::new(|()| request_animation_frame(take_over));
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

/// Marks the element the app mounts into beside a pre-rendered page.
const SLOT: &str = "data-board-slot";

/// Removes the pre-rendered page and shows the app in its place (one frame: no jump). What the
/// reader already typed into the pre-rendered search box, and its focus, carry over.
fn take_over() {
    let document = document();
    let Some(host) = document.get_element_by_id("esg-board") else {
        return;
    };
    let in_host = |selector: &str| host.query_selector(selector).ok().flatten();
    // The search box inside the part marked with `mark`.
    let search_box = |mark: &str| {
        in_host(&format!("[{mark}] input[name=q]"))
            .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let old_box = search_box(prerender::MARK);
    let typed = old_box.as_ref().map(|b| b.value()).unwrap_or_default();
    let had_focus = old_box.is_some_and(|b| document.active_element() == Some(b.into()));
    if let Ok(old) = host.query_selector_all(&format!("[{}]", prerender::MARK)) {
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
        let _ = html.remove_attribute("data-esg-board-state");
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
