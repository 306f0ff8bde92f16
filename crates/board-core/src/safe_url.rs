//! Which URLs may become an `href` or a `src`: a relative reference, or an absolute one whose
//! scheme is on the caller's list. Host attributes, imported bodies and datasets made elsewhere
//! all pass through here, so `javascript:`, `data:` and every other scheme never reach the page,
//! however they are disguised (browsers drop tabs and newlines inside a URL and control
//! characters and spaces around it, and read schemes in any case). A colon before the first
//! `/`, `?` or `#` that is not an allowed scheme is refused too (`` `javascript:…``): a real
//! relative address with a colon there is written `./a:b`.

/// Schemes a link in an article may have.
pub const LINK_SCHEMES: [&str; 3] = ["http", "https", "mailto"];

/// Schemes an image source (or a page address) may have.
pub const WEB_SCHEMES: [&str; 2] = ["http", "https"];

/// The URL as a browser would read it, if it is relative or has one of `schemes`.
pub fn allowed(value: &str, schemes: &[&str]) -> Option<String> {
    let cleaned: String = value
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let cleaned = cleaned.trim_matches(|c: char| c <= ' ');
    if cleaned.is_empty() {
        return None;
    }
    let head_end = cleaned.find(['/', '?', '#']).unwrap_or(cleaned.len());
    match cleaned[..head_end].find(':') {
        None => Some(cleaned.to_string()),
        Some(colon) => {
            let s = &cleaned[..colon];
            (schemes
                .iter()
                .any(|allowed| s.eq_ignore_ascii_case(allowed)))
            .then(|| cleaned.to_string())
        }
    }
}

/// The scheme of a URL: letters, digits, `+`, `-`, `.` before the first `:`, when that `:` comes
/// before any `/`, `?` or `#` (`a b:c` has none: it is a relative path).
pub fn scheme(url: &str) -> Option<&str> {
    let head_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    let colon = url[..head_end].find(':')?;
    let s = &url[..colon];
    let is_scheme = s.starts_with(|c: char| c.is_ascii_alphabetic())
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    is_scheme.then_some(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn disguised_schemes_are_refused() {
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            " \u{1}javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "data:text/html,<script>",
            "vbscript:x",
            "`javascript:alert(1)",
            "a b:c",
            "  ",
        ] {
            assert_eq!(allowed(bad, &LINK_SCHEMES), None, "{bad:?}");
        }
        assert_eq!(allowed("mailto:a@b.kr", &WEB_SCHEMES), None);
    }

    #[test]
    fn web_and_relative_addresses_pass() {
        assert_eq!(
            allowed(" HTTPS://moel.go.kr/x ", &WEB_SCHEMES).as_deref(),
            Some("HTTPS://moel.go.kr/x")
        );
        assert_eq!(
            allowed("mailto:a@b.kr", &LINK_SCHEMES).as_deref(),
            Some("mailto:a@b.kr")
        );
        for ok in [
            "/data/editor/a.png",
            "a.png",
            "../x?y=1#z",
            "//cdn.kr/a.png",
            "./a:b",
        ] {
            assert_eq!(allowed(ok, &WEB_SCHEMES).as_deref(), Some(ok));
        }
    }
}
