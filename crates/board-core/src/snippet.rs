//! The body snippet shown under a title found by its body: the text around the first
//! body hit, with every hit in it marked.

use crate::search::{Haystack, Query};

/// Characters kept on each side of the first hit.
pub const RADIUS: usize = 40;

/// A snippet: pieces of text, `true` for a hit (`<mark>`). Line breaks become spaces; `…`
/// stands at a cut end.
pub type Snippet = Vec<(String, bool)>;

/// The snippet of `text` for the search `q`, or `None` when the text does not match it (the
/// body index can name a post whose pairs of characters are scattered).
pub fn snippet(text: &str, q: &str) -> Option<Snippet> {
    let hit = Query::parse(q)?.find(&Haystack::new(text))?;
    let first = hit.ranges.first()?.clone();
    // Byte offsets RADIUS characters before the hit and after it.
    let start = text[..first.start]
        .char_indices()
        .rev()
        .nth(RADIUS - 1)
        .map_or(0, |(i, _)| i);
    let end = text[first.end..]
        .char_indices()
        .nth(RADIUS)
        .map_or(text.len(), |(i, _)| first.end + i);
    let clean = |s: &str| s.replace(['\n', '\r', '\t'], " ");
    let mut out: Snippet = Vec::new();
    if start > 0 {
        out.push(("…".into(), false));
    }
    let mut at = start;
    for r in hit
        .ranges
        .iter()
        .filter(|r| r.start >= start && r.end <= end)
    {
        if r.start > at {
            out.push((clean(&text[at..r.start]), false));
        }
        out.push((clean(&text[r.clone()]), true));
        at = r.end;
    }
    if at < end {
        out.push((clean(&text[at..end]), false));
    }
    if end < text.len() {
        out.push(("…".into(), false));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(s: &Snippet) -> String {
        s.iter()
            .map(|(t, hit)| if *hit { format!("[{t}]") } else { t.clone() })
            .collect()
    }

    #[test]
    fn forty_characters_each_side_and_every_hit_marked() {
        let before = "가".repeat(50);
        let after = "나".repeat(50);
        let text = format!("{before}임금체불\n임금 체불{after}");
        let s = snippet(&text, "임금체불").unwrap();
        let r = render(&s);
        assert_eq!(
            r,
            format!(
                "…{}[임금체불] [임금 체불]{}…",
                "가".repeat(40),
                "나".repeat(34)
            )
        );
    }

    #[test]
    fn short_text_is_whole_and_no_match_is_none() {
        assert_eq!(
            render(&snippet("고용노동부는 밝혔다", "노동부").unwrap()),
            "고용[노동부]는 밝혔다"
        );
        assert_eq!(
            render(&snippet("화학제품 안전", "화학제푸").unwrap()),
            "[화학제품] 안전"
        );
        assert_eq!(snippet("고용 안정", "노동부"), None);
        assert_eq!(snippet("고용 안정", "  "), None);
    }

    #[test]
    fn any_text_any_query_never_panics() {
        for text in ["", "a", "가\u{1100}\u{1161}", "é\ne", "ＥＳＧ 공시"] {
            for q in ["a", "가", "esg", "ㄱ", "공시"] {
                let _ = snippet(text, q);
            }
        }
        assert_eq!(
            render(&snippet("ＥＳＧ 공시", "esg").unwrap()),
            "[ＥＳＧ] 공시"
        );
    }
}
