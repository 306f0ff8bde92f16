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
/// sentence punctuation left out. Linear in the address: the parentheses are counted once and
/// the counts follow each character dropped from the end (an address followed by thousands of
/// `)` must not cost their square).
fn url_len(s: &str) -> usize {
    let mut end = s.find(|c: char| !url_char(c)).unwrap_or(s.len());
    let bytes = s.as_bytes();
    let count = |b: u8| bytes[..end].iter().filter(|&&x| x == b).count();
    let (mut open, mut close) = (count(b'('), count(b')'));
    // Only ASCII is inside an address, so one byte is one character.
    while let Some(&last) = bytes[..end].last() {
        let unbalanced_paren = last == b')' && open < close;
        if matches!(last, b'.' | b',' | b';' | b':' | b'!' | b'?') || unbalanced_paren {
            end -= 1;
            match last {
                b'(' => open -= 1,
                b')' => close -= 1,
                _ => {}
            }
        } else {
            return end;
        }
    }
    0
}

/// Trailing characters a sentence puts after an address.
fn sentence_punct(b: u8) -> bool {
    matches!(b, b'.' | b',' | b';' | b':' | b'!' | b'?')
}

/// Whether the address part after the scheme looks like a domain: the text up to the first
/// `/`, `?`, `#` (or the end of the address), without trailing punctuation, holds a dot and
/// neither starts nor ends with one. Reads only the host, so rejecting a candidate costs its
/// host, never the rest of the text.
fn host_ok(after_scheme: &str) -> bool {
    let b = after_scheme.as_bytes();
    let end = b
        .iter()
        .position(|&c| matches!(c, b'/' | b'?' | b'#') || !url_char(c as char))
        .unwrap_or(b.len());
    let mut host = &b[..end];
    while let Some((&last, rest)) = host.split_last() {
        if sentence_punct(last) || last == b')' {
            host = rest;
        } else {
            break;
        }
    }
    host.contains(&b'.') && host.first() != Some(&b'.') && host.last() != Some(&b'.')
}

/// Splits `text` into plain pieces and links. Linear in the text: a candidate address is
/// measured only once its host looks like a domain, and a link is skipped whole.
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
        // (the href's prefix, where the host starts)
        let scheme = if lower_starts("https://") {
            Some(("", 8))
        } else if lower_starts("http://") {
            Some(("", 7))
        } else if lower_starts("www.") {
            Some(("https://", 0))
        } else {
            None
        };
        let boundary = text[..i]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_ascii_alphanumeric() && c != '.' && c != '/');
        if let (Some((prefix, host_at)), true) = (scheme, boundary) {
            if host_ok(&rest[host_at..]) {
                let len = url_len(rest);
                if plain_from < i {
                    out.push(Piece::Text(&text[plain_from..i]));
                }
                let link = &rest[..len];
                // The scheme as browsers write it (`HTTP://` is `http://`).
                let scheme = link[..host_at].to_ascii_lowercase();
                out.push(Piece::Link {
                    text: link,
                    href: format!("{prefix}{scheme}{}", &link[host_at..]),
                });
                i += len.max(1);
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

    #[test]
    fn the_scheme_of_an_href_is_lower_case() {
        // Found by the fuzzer: `httP://` made an href that does not start with `http://`.
        assert_eq!(
            links("\u{1}\0\u{16}ww\u{1}httP://w.A\0{"),
            [("httP://w.A".to_string(), "http://w.A".to_string())]
        );
        assert_eq!(links("HTTPS://A.KR/X")[0].1, "https://A.KR/X");
    }

    #[test]
    fn long_runs_of_brackets_and_schemes_are_linear() {
        // An address followed by 300,000 `)`: the old rule recounted the brackets once per
        // character dropped (minutes); now one pass.
        let text = format!("http://a.kr/{}", ")".repeat(300_000));
        assert_eq!(
            links(&text),
            [("http://a.kr/".to_string(), "http://a.kr/".to_string())]
        );
        // Many candidates that are not addresses, each reaching to the same far end.
        let text = format!("{}{}", "http://(".repeat(40_000), "x".repeat(1000));
        assert!(links(&text).is_empty());
        let text = "www.(".repeat(40_000) + "/";
        assert_eq!(links(&text).len(), 1);
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
