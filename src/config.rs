//! How a host page configures the board: the `data-*` attributes of its `id="esg-board"`
//! element, read once when the board mounts (and by the pre-renderer, from the page's HTML).

/// The id of the host page's element the board mounts into (and the pre-renderer fills).
pub const HOST_ID: &str = "esg-board";

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
    /// The article this page is (`data-post`, on the article pages `board-prerender` writes):
    /// shown when the URL names no other state. Such a page has the board page as its base
    /// (`<base href>`), so the board's relative links and files resolve there.
    pub post: Option<u32>,
    /// Whether every article has a page of its own beside this page, `post/<번호>.html`
    /// (`data-post-pages`, which `board-prerender` sets on the page it wrote them for): 링크 복사
    /// then copies those.
    pub post_pages: bool,
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
            post: None,
            post_pages: false,
        }
    }
}

impl Config {
    /// Reads the host element's `data-*` attributes; anything missing or invalid keeps its default.
    pub fn from_host(host: &web_sys::Element) -> Config {
        Config::from_attributes(|name| host.get_attribute(name))
    }

    /// The same from any source of attribute values (`board-prerender` reads them from
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
            if safe.is_none() {
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
        config.post = attr("data-post").and_then(|n| n.parse().ok());
        config.post_pages = attr("data-post-pages").is_some();
        config.lang = attr("data-lang")
            .and_then(|l| board_core::Lang::from_key(&l))
            .unwrap_or_default();
        config
    }
}
