//! Finding web addresses in body text, so the article can make them links.
//!
//! Only `http://`, `https://` and `www.` addresses become links, and the href is always
//! `http(s)://…`: text can never produce a `javascript:` or `data:` link. Hand-written because
//! the rule is small and a general URL crate would not stop at Korean text glued to an address
//! ("www.moel.go.kr에서").

/// A piece of body text: plain, or an address with the href to give it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Piece<'a> {
    Text(&'a str),
    Link { text: &'a str, href: String },
}

/// Characters that may appear inside an address: printable ASCII except quotes and brackets
/// that commonly wrap addresses in prose.
fn url_char(c: char) -> bool {
    c.is_ascii_graphic()
        && !matches!(
            c,
            '<' | '>' | '"' | '\'' | '`' | '{' | '}' | '|' | '\\' | '^'
        )
}

/// The end of the address that starts at the beginning of `s` (a byte length), with trailing
/// sentence punctuation left out.
fn url_len(s: &str) -> usize {
    let mut end = s.find(|c: char| !url_char(c)).unwrap_or(s.len());
    loop {
        let t = &s[..end];
        let Some(last) = t.chars().last() else {
            return 0;
        };
        let unbalanced_paren = last == ')' && t.matches('(').count() < t.matches(')').count();
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?') || unbalanced_paren {
            end -= 1;
        } else {
            return end;
        }
    }
}

/// Splits `text` into plain pieces and links.
pub fn linkify(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut plain_from = 0;
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let lower_starts = |p: &str| {
            rest.get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        };
        let scheme = if lower_starts("https://") || lower_starts("http://") {
            Some("")
        } else if lower_starts("www.") {
            Some("https://")
        } else {
            None
        };
        let boundary = text[..i]
            .chars()
            .last()
            .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.' && c != '/');
        if let (Some(prefix), true) = (scheme, boundary) {
            let len = url_len(rest);
            // The host (after `//`, or the whole `www.` address) must look like a domain.
            let start = if prefix.is_empty() {
                rest.find("//").map_or(len, |p| p + 2)
            } else {
                0
            };
            let host = rest[start.min(len)..len]
                .split(['/', '?', '#'])
                .next()
                .unwrap_or("");
            let host_ok = host.contains('.') && !host.starts_with('.') && !host.ends_with('.');
            if host_ok {
                if plain_from < i {
                    out.push(Piece::Text(&text[plain_from..i]));
                }
                let link = &rest[..len];
                out.push(Piece::Link {
                    text: link,
                    href: format!("{prefix}{link}"),
                });
                i += len;
                plain_from = i;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    if plain_from < text.len() || out.is_empty() {
        out.push(Piece::Text(&text[plain_from..]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn links(text: &str) -> Vec<(String, String)> {
        linkify(text)
            .into_iter()
            .filter_map(|p| match p {
                Piece::Link { text, href } => Some((text.to_string(), href)),
                Piece::Text(_) => None,
            })
            .collect()
    }

    #[test]
    fn finds_addresses_in_korean_prose() {
        assert_eq!(
            links("자세한 내용은 https://www.moel.go.kr/news/view.do?id=1에서 확인하세요."),
            [(
                "https://www.moel.go.kr/news/view.do?id=1".to_string(),
                "https://www.moel.go.kr/news/view.do?id=1".to_string()
            )]
        );
        assert_eq!(
            links("(www.me.go.kr)."),
            [(
                "www.me.go.kr".to_string(),
                "https://www.me.go.kr".to_string()
            )]
        );
        assert_eq!(
            links("see http://a.kr/x_(y), then"),
            [(
                "http://a.kr/x_(y)".to_string(),
                "http://a.kr/x_(y)".to_string()
            )]
        );
    }

    #[test]
    fn never_makes_other_schemes_links() {
        assert!(links("javascript:alert(1) data:text/html,<script> vbscript:x").is_empty());
        assert!(links("xhttps://evil.kr").is_empty());
        assert!(links("https://").is_empty());
        assert_eq!(linkify("plain"), vec![Piece::Text("plain")]);
        assert_eq!(linkify(""), vec![Piece::Text("")]);
    }

    proptest! {
        /// The pieces put back together are the text; every href is http(s).
        #[test]
        fn pieces_cover_the_text(text in "(https?://|www\\.|[a-z./:()가-힣 ,]){0,24}") {
            let pieces = linkify(&text);
            let joined: String = pieces.iter().map(|p| match p { Piece::Text(t) => *t, Piece::Link { text, .. } => *text }).collect();
            prop_assert_eq!(joined, text.clone());
            for p in pieces {
                if let Piece::Link { href, .. } = p {
                    prop_assert!(href.starts_with("http://") || href.starts_with("https://"));
                }
            }
        }
    }
}
