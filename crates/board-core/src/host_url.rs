//! The board inside a host page's URL: which query parameters are the board's, and how the
//! board's state is written into a URL that also carries the host's own.
//!
//! Portal pages keep their own state in the query string (`board.do?menuNo=200123`). The board
//! reads only its own keys and, whenever it writes a URL, keeps every other parameter exactly as
//! it was (same text, same order) and puts its own after them. A host whose parameters share
//! the board's names sets a prefix (`data-param-prefix="esg-"`): the board then owns only
//! `esg-page`, `esg-q`, …

/// The query parameters the board owns, before any prefix, in the order it writes them.
pub const KEYS: [&str; 12] = [
    "post", "page", "size", "q", "field", "dept", "cat", "from", "to", "sort", "lang", "typed",
];

/// How the board's keys are spelt on one host page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ParamNames {
    prefix: String,
}

impl ParamNames {
    /// The board's keys with `prefix` in front (empty: the plain names).
    pub fn new(prefix: &str) -> ParamNames {
        ParamNames {
            prefix: prefix.to_string(),
        }
    }

    pub fn prefix(&self) -> &str {
        &self.prefix
    }

    /// The board key a URL parameter stands for, if it is one of the board's.
    pub fn board_key<'a>(&self, name: &'a str) -> Option<&'a str> {
        let key = name.strip_prefix(self.prefix.as_str())?;
        KEYS.contains(&key).then_some(key)
    }

    /// The URL parameter name for a board key.
    pub fn name(&self, key: &str) -> String {
        format!("{}{key}", self.prefix)
    }
}

/// Splits a URL (or a relative reference) into what comes before its query, the query
/// (without `?`) and the fragment (with `#`).
pub fn split_url(url: &str) -> (&str, &str, &str) {
    let (rest, hash) = match url.find('#') {
        Some(i) => url.split_at(i),
        None => (url, ""),
    };
    match rest.find('?') {
        Some(i) => (&rest[..i], &rest[i + 1..], hash),
        None => (rest, "", hash),
    }
}

/// The query string (with `?`, or empty when there is nothing) that keeps every parameter of
/// `host_query` the board does not own, as written and in order, followed by the board's own
/// `board_pairs` (already encoded `name=value`).
pub fn merge_query(host_query: &str, names: &ParamNames, board_pairs: &[String]) -> String {
    let host_query = host_query.strip_prefix('?').unwrap_or(host_query);
    let kept = host_query.split('&').filter(|segment| {
        if segment.is_empty() {
            return false;
        }
        let raw_name = segment.split('=').next().unwrap_or("");
        let name = form_urlencoded::parse(raw_name.as_bytes())
            .next()
            .map(|(k, _)| k.into_owned())
            .unwrap_or_default();
        names.board_key(&name).is_none()
    });
    let all: Vec<&str> = kept.chain(board_pairs.iter().map(String::as_str)).collect();
    if all.is_empty() {
        String::new()
    } else {
        format!("?{}", all.join("&"))
    }
}

/// A host's `data-base-url`, if it is safe to put into links: a relative reference or an
/// `http(s)` address, however a refused scheme is disguised (`crate::safe_url`).
pub fn safe_link_base(value: &str) -> Option<String> {
    crate::safe_url::allowed(value, &crate::safe_url::WEB_SCHEMES)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pairs(p: &[&str]) -> Vec<String> {
        p.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn host_parameters_stay_as_written_and_in_order() {
        let plain = ParamNames::default();
        assert_eq!(
            merge_query("?menuNo=200123", &plain, &pairs(&["post=5"])),
            "?menuNo=200123&post=5"
        );
        // Board keys are replaced; the host's keep their spelling (even odd escapes) and order.
        assert_eq!(
            merge_query(
                "a=1&page=3&b=%7e&&q=x&c",
                &plain,
                &pairs(&["page=2", "q=%EC%9E%84"])
            ),
            "?a=1&b=%7e&c&page=2&q=%EC%9E%84"
        );
        assert_eq!(merge_query("page=3", &plain, &[]), "");
        assert_eq!(merge_query("", &plain, &[]), "");
        // An encoded board key is still the board's.
        assert_eq!(merge_query("p%61ge=3&x=1", &plain, &[]), "?x=1");
    }

    #[test]
    fn a_prefix_leaves_the_plain_names_to_the_host() {
        let esg = ParamNames::new("esg-");
        assert_eq!(esg.board_key("esg-page"), Some("page"));
        assert_eq!(esg.board_key("page"), None);
        assert_eq!(esg.board_key("esg-menu"), None);
        assert_eq!(
            merge_query("page=7&esg-page=2&q=host", &esg, &pairs(&["esg-page=3"])),
            "?page=7&q=host&esg-page=3"
        );
    }

    #[test]
    fn splits_urls() {
        assert_eq!(
            split_url("board.do?menuNo=1#top"),
            ("board.do", "menuNo=1", "#top")
        );
        assert_eq!(split_url("board.do"), ("board.do", "", ""));
        assert_eq!(split_url("?a=1"), ("", "a=1", ""));
        assert_eq!(split_url("x#h?not"), ("x", "", "#h?not"));
    }

    #[test]
    fn only_relative_and_web_bases_are_links() {
        for ok in [
            "portal.html",
            "board.do?menuNo=200123",
            "/esg/",
            "//cdn.example.kr/board",
            "https://example.kr/esg/",
            "HTTP://example.kr/",
            "./a:b",
            "news?x=a:b",
        ] {
            assert!(safe_link_base(ok).is_some(), "{ok}");
        }
        for bad in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "jav\nascript:alert(1)",
            "\u{1}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "mailto:a@b.kr",
            "file:///etc/passwd",
            "",
            "  ",
        ] {
            assert_eq!(safe_link_base(bad), None, "{bad:?}");
        }
    }
}
