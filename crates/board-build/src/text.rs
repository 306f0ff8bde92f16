//! Text as the builder keeps it: NFC, trimmed, otherwise exactly as captured.

use unicode_normalization::UnicodeNormalization;

/// NFC and trimmed: the one normal form of every text field, so that a title typed in NFD
/// (macOS exports) and the same title in NFC are one title, and searches match either.
pub fn clean(s: &str) -> String {
    s.trim().nfc().collect()
}

/// Blank, or only NBSP and other white space: a paragraph break on board pages.
pub fn is_blank(line: &str) -> bool {
    line.chars().all(char::is_whitespace)
}

/// Splits body text into paragraphs: blank (or NBSP-only) lines separate them; consecutive
/// lines stay one paragraph, joined by a newline.
pub fn paragraphs<'a>(lines: impl IntoIterator<Item = &'a str>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut open = false;
    for line in lines {
        if is_blank(line) {
            open = false;
        } else if open {
            let p = out.last_mut().expect("open paragraph");
            p.push('\n');
            p.push_str(&clean(line));
        } else {
            out.push(clean(line));
            open = true;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfd_becomes_nfc() {
        let nfd = "\u{1100}\u{1169}\u{110B}\u{116D}\u{11BC}"; // 고용 as jamo
        assert_eq!(clean(&format!("  {nfd} ")), "고용");
    }

    #[test]
    fn paragraphs_split_on_blank_and_nbsp_lines() {
        let lines = ["첫째", "\u{a0}", "둘째", "이어짐", "", "", "셋째 "];
        assert_eq!(paragraphs(lines), ["첫째", "둘째\n이어짐", "셋째"]);
        assert!(paragraphs(["", " "]).is_empty());
    }
}
