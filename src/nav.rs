//! The page's URL as the board's state: read it, push new states, follow back/forward. Only
//! the board's own query parameters ever change; the path, the hash and every other parameter
//! are the host page's, and every URL the board writes keeps them (`board_core::host_url`).

use board_core::host_url::{merge_query, split_url, ParamNames};
use board_core::{Lang, UrlState};
use leptos::prelude::*;

use crate::Config;

/// The current state, shared by every view through context.
#[derive(Clone, Copy)]
pub struct Nav {
    pub state: RwSignal<UrlState>,
    /// The article just left, so the list can give focus back to its title link.
    pub left_post: StoredValue<Option<u32>>,
    /// Rows per page when the URL gives none (the host's `data-page-size`).
    page_size: u32,
    /// Where links point, when the host set `data-base-url`.
    link_base: StoredValue<Option<String>>,
    /// The UI language in force: the URL's `lang=`, else the host's `data-lang`. A memo, so
    /// that views following the language are not woken by every other state change.
    lang: Memo<Lang>,
    /// The board's URL keys as the host names them (`data-param-prefix`).
    params: StoredValue<ParamNames>,
    /// Whether this follows a page in a browser; a fixed one (pre-rendering, ahead of any
    /// page) writes its links without the page's own URL.
    live: bool,
    /// The article this page is, on an article's own page (`Config::post`).
    own_post: Option<u32>,
    /// Whether articles have pages of their own beside this page (`Config::post_pages`).
    post_pages: bool,
}

fn location() -> web_sys::Location {
    window().location()
}

/// The query string and hash for a state, relative to the current page: the host's own
/// parameters as they are, then the board's. With nothing in the query it is the bare path, so
/// the plain page URL and "back to page 1" are the same link — on an article's own page, the
/// board page's path (its base), since the plain list is there.
fn local_href(state: &UrlState, params: &ParamNames, article_page: bool) -> String {
    let pairs = state.to_pairs(params);
    let hash = location().hash().unwrap_or_default();
    let query = merge_query(&location().search().unwrap_or_default(), params, &pairs);
    if !query.is_empty() {
        return format!("{query}{hash}");
    }
    let base = (document().base_uri().ok().flatten())
        .filter(|_| article_page)
        .and_then(|b| web_sys::Url::new(&b).ok());
    let path = match base {
        Some(url) => url.pathname(),
        None => location().pathname().unwrap_or_default(),
    };
    format!("{path}{hash}")
}

impl Nav {
    /// Starts from the URL and follows the browser's back/forward buttons.
    pub fn install(config: &Config) -> Nav {
        let nav = Nav {
            live: true,
            ..Nav::fixed(config, UrlState::default())
        };
        nav.state.set(nav.read_url());
        let handle =
            window_event_listener(leptos::ev::popstate, move |_| nav.state.set(nav.read_url()));
        on_cleanup(move || handle.remove());
        nav
    }

    /// A state that does not follow the browser: for rendering a page ahead of time.
    pub fn fixed(config: &Config, state: UrlState) -> Nav {
        let state = RwSignal::new(state);
        let default_lang = config.lang;
        Nav {
            state,
            left_post: StoredValue::new(None),
            page_size: config.page_size,
            link_base: StoredValue::new(config.link_base.clone()),
            lang: Memo::new(move |_| state.with(|s| s.list.lang).unwrap_or(default_lang)),
            params: StoredValue::new(config.params.clone()),
            live: false,
            own_post: config.post,
            post_pages: config.post_pages,
        }
    }

    /// The UI language in force (tracked: views follow a switch).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// The same, without tracking.
    pub fn lang_untracked(&self) -> Lang {
        self.lang.get_untracked()
    }

    /// Reads the state from the page's own URL; on an article's own page with no state in
    /// its URL but the language, that article.
    pub fn read_url(&self) -> UrlState {
        self.params.with_value(|params| {
            let read = |search: &str| UrlState::read_with_size(search, self.page_size, params);
            let state = read(&location().search().unwrap_or_default());
            // The article in another language (`?lang=en`) is still the article.
            let mut list_of_its_own = state.clone();
            list_of_its_own.list.lang = None;
            match self.own_post {
                Some(no) if list_of_its_own == read("") => state.with_post(no),
                _ => state,
            }
        })
    }

    /// The `href` of a link to a state: on the current page, or under the host's
    /// `data-base-url` (whose own query parameters stay, as the page's do).
    pub fn href(&self, state: &UrlState) -> String {
        self.params
            .with_value(|params| match self.link_base.get_value() {
                Some(base) => {
                    let (path, query, hash) = split_url(&base);
                    let query = merge_query(query, params, &state.to_pairs(params));
                    format!("{path}{query}{hash}")
                }
                None if self.live => local_href(state, params, self.own_post.is_some()),
                // Ahead of any page: `?` alone is this same document (board-gate.js adds the
                // host's own parameters once the page is open).
                None => format!("?{}", state.to_pairs(params).join("&")),
            })
    }

    /// Whether links lead to another page rather than change this one: under the host's
    /// `data-base-url`, and on an article's own page (its links lead to the board page, whose
    /// path is not this page's: this page's path is never changed).
    pub fn links_elsewhere(&self) -> bool {
        self.own_post.is_some() || self.link_base.with_value(Option::is_some)
    }

    /// The absolute address to share for a state (링크 복사): an article's own page when this
    /// page has them beside it, else the state's link.
    pub fn share_url(&self, state: &UrlState) -> String {
        let here = location().href().unwrap_or_default();
        let href = match state.post {
            Some(board_core::PostRef::No(no)) if self.post_pages => {
                board_core::model::post_page(no)
            }
            _ => self.href(state),
        };
        // Relative to the page's base: on an article's own page, the board page.
        let base = document().base_uri().ok().flatten().unwrap_or(here.clone());
        web_sys::Url::new_with_base(&href, &base)
            .map(|u| u.href())
            .unwrap_or(here)
    }

    /// Whether this follows a page in a browser (not rendering ahead of time).
    pub fn is_live(&self) -> bool {
        self.live
    }

    /// The page's own address, for print; none ahead of time.
    pub fn page_url(&self) -> String {
        if self.live {
            location().href().unwrap_or_default()
        } else {
            String::new()
        }
    }

    /// Goes to a new state as a new history entry, like following a link.
    pub fn go(&self, to: UrlState) {
        self.set(to, true);
        scroll_board_into_view();
    }

    /// Changes the state in place (no new history entry): for results that follow typing, so
    /// that Back does not step through every keystroke.
    pub fn replace(&self, to: UrlState) {
        self.set(to, false);
    }

    /// Writes the state's query string into the address bar, then into the signal.
    fn set(&self, to: UrlState, new_entry: bool) {
        if let Ok(history) = window().history() {
            let url = self
                .params
                .with_value(|params| local_href(&to, params, self.own_post.is_some()));
            let null = wasm_bindgen::JsValue::NULL;
            let _ = if new_entry {
                history.push_state_with_url(&null, "", Some(&url))
            } else {
                history.replace_state_with_url(&null, "", Some(&url))
            };
        }
        self.state.set(to);
    }
}

/// After a navigation, the top of the board should be in view — the board's, not the host
/// page's, when it is embedded lower down.
fn scroll_board_into_view() {
    let board = document().query_selector(".esg-board").ok().flatten();
    match board {
        Some(el) if el.get_bounding_client_rect().top() < 0.0 => {
            el.scroll_into_view_with_bool(true)
        }
        Some(_) => {}
        None => window().scroll_to_with_x_and_y(0.0, 0.0),
    }
}

/// The shared navigation, provided by the board's root view.
pub fn use_nav() -> Nav {
    expect_context::<Nav>()
}
