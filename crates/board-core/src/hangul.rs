//! Hangul composition: conjoining jamo (NFD, as some exports and macOS produce them) into
//! precomposed syllables (NFC), so that `고용` typed by a reader matches a title stored as
//! ᄀ ᅩ ᄋ ᅭ ᆼ.
//!
//! Hand-written because Hangul composition is pure arithmetic (Unicode §3.12), while a general
//! NFC crate would add its composition tables to the wasm. The builder normalises all text with
//! full NFC (`unicode-normalization`); this covers datasets that did not come through it.

use std::borrow::Cow;

const S_BASE: u32 = 0xAC00;
const L_BASE: u32 = 0x1100;
const V_BASE: u32 = 0x1161;
const T_BASE: u32 = 0x11A7;
const L_COUNT: u32 = 19;
const V_COUNT: u32 = 21;
/// Finals, counting "no final" (index 0): every syllable has this many endings.
pub(crate) const T_COUNT: u32 = 28;
const N_COUNT: u32 = V_COUNT * T_COUNT;
const S_COUNT: u32 = L_COUNT * N_COUNT;

/// (initial, medial, final) of a precomposed syllable.
pub(crate) fn parts(c: char) -> Option<(u8, u8, u8)> {
    let s = (c as u32).checked_sub(S_BASE).filter(|s| *s < S_COUNT)?;
    Some((
        (s / N_COUNT) as u8,
        ((s % N_COUNT) / T_COUNT) as u8,
        (s % T_COUNT) as u8,
    ))
}

/// The syllable of an initial, a medial and a final (0: none), if they make one.
pub(crate) fn syllable(initial: u8, medial: u8, fin: u8) -> Option<char> {
    let (l, v, t) = (u32::from(initial), u32::from(medial), u32::from(fin));
    if l >= L_COUNT || v >= V_COUNT || t >= T_COUNT {
        return None;
    }
    char::from_u32(S_BASE + l * N_COUNT + v * T_COUNT + t)
}

/// Composes every conjoining jamo sequence (L V, L V T, LV T) into its syllable; other text is
/// returned as it is (borrowed, when there was nothing to compose).
pub fn compose(s: &str) -> Cow<'_, str> {
    if !s.chars().any(|c| (0x1100..=0x11FF).contains(&(c as u32))) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut last: Option<char> = None;
    for c in s.chars() {
        let code = c as u32;
        if let Some(prev) = last {
            let p = prev as u32;
            // L + V → LV
            if (L_BASE..L_BASE + L_COUNT).contains(&p) && (V_BASE..V_BASE + V_COUNT).contains(&code)
            {
                let lv = S_BASE + ((p - L_BASE) * V_COUNT + (code - V_BASE)) * T_COUNT;
                last = char::from_u32(lv);
                continue;
            }
            // LV + T → LVT
            let s_index = p.wrapping_sub(S_BASE);
            if s_index < S_COUNT
                && s_index.is_multiple_of(T_COUNT)
                && (T_BASE + 1..T_BASE + T_COUNT).contains(&code)
            {
                last = char::from_u32(p + (code - T_BASE));
                continue;
            }
            out.push(prev);
        }
        last = Some(c);
    }
    if let Some(prev) = last {
        out.push(prev);
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn composes_jamo_sequences() {
        assert_eq!(compose("\u{1100}\u{1169}\u{110B}\u{116D}\u{11BC}"), "고용");
        assert_eq!(
            compose("\u{1112}\u{1161}\u{11AB}\u{1100}\u{116E}\u{11A8} ESG"),
            "한국 ESG"
        );
        // A lone trailing consonant or vowel stays as it is.
        assert_eq!(compose("\u{11AB}\u{1161}"), "\u{11AB}\u{1161}");
        assert!(matches!(compose("고용노동부"), Cow::Borrowed(_)));
        // Already composed syllable followed by a final: LV + T.
        assert_eq!(compose("\u{AC00}\u{11A8}"), "각");
    }
}
