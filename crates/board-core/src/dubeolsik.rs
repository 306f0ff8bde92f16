//! Korean typed with the keyboard left in English mode: `rhdyd` is what 고용 gives on the
//! standard 두벌식 layout. [`hangul_reading`] reads Latin keys back as the Hangul they would
//! have typed, composing syllables the way Korean input methods do.
//!
//! Written here rather than taken from a crate: the layout is one table of 33 keys and the
//! composition a small automaton; the crates that do this (IME engines) bring far more than a
//! search box needs, and this one must stay small in the wasm. It is tested against an
//! independent table (Unicode's own decomposition of syllables) by a property test.

use crate::hangul::{parts, syllable};

/// The 두벌식 layout: each key's jamo, as an index into [`JAMO`].
const KEYS: &str = "qwertyuiopasdfghjklzxcvbnm";

/// The jamo of [`KEYS`] (compatibility jamo), and of Shift with q, w, e, r, t, o, p.
const JAMO: [char; 26] = [
    'ㅂ', 'ㅈ', 'ㄷ', 'ㄱ', 'ㅅ', 'ㅛ', 'ㅕ', 'ㅑ', 'ㅐ', 'ㅔ', 'ㅁ', 'ㄴ', 'ㅇ', 'ㄹ', 'ㅎ', 'ㅗ',
    'ㅓ', 'ㅏ', 'ㅣ', 'ㅋ', 'ㅌ', 'ㅊ', 'ㅍ', 'ㅠ', 'ㅜ', 'ㅡ',
];
const SHIFTED: [(char, char); 7] = [
    ('Q', 'ㅃ'),
    ('W', 'ㅉ'),
    ('E', 'ㄸ'),
    ('R', 'ㄲ'),
    ('T', 'ㅆ'),
    ('O', 'ㅒ'),
    ('P', 'ㅖ'),
];

/// The 19 initial consonants, in Unicode's order (compatibility jamo).
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];
/// The 21 vowels, in Unicode's order.
const VOWELS: [char; 21] = [
    'ㅏ', 'ㅐ', 'ㅑ', 'ㅒ', 'ㅓ', 'ㅔ', 'ㅕ', 'ㅖ', 'ㅗ', 'ㅘ', 'ㅙ', 'ㅚ', 'ㅛ', 'ㅜ', 'ㅝ', 'ㅞ',
    'ㅟ', 'ㅠ', 'ㅡ', 'ㅢ', 'ㅣ',
];
/// The 27 final consonants, in Unicode's order (index 0 is "no final").
const FINALS: [char; 28] = [
    ' ', 'ㄱ', 'ㄲ', 'ㄳ', 'ㄴ', 'ㄵ', 'ㄶ', 'ㄷ', 'ㄹ', 'ㄺ', 'ㄻ', 'ㄼ', 'ㄽ', 'ㄾ', 'ㄿ', 'ㅀ',
    'ㅁ', 'ㅂ', 'ㅄ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅊ', 'ㅋ', 'ㅌ', 'ㅍ', 'ㅎ',
];
/// Two vowels typed one after the other that make one.
const DOUBLE_VOWELS: [(char, char, char); 7] = [
    ('ㅗ', 'ㅏ', 'ㅘ'),
    ('ㅗ', 'ㅐ', 'ㅙ'),
    ('ㅗ', 'ㅣ', 'ㅚ'),
    ('ㅜ', 'ㅓ', 'ㅝ'),
    ('ㅜ', 'ㅔ', 'ㅞ'),
    ('ㅜ', 'ㅣ', 'ㅟ'),
    ('ㅡ', 'ㅣ', 'ㅢ'),
];
/// Two consonants typed after a vowel that make one final.
const DOUBLE_FINALS: [(char, char, char); 11] = [
    ('ㄱ', 'ㅅ', 'ㄳ'),
    ('ㄴ', 'ㅈ', 'ㄵ'),
    ('ㄴ', 'ㅎ', 'ㄶ'),
    ('ㄹ', 'ㄱ', 'ㄺ'),
    ('ㄹ', 'ㅁ', 'ㄻ'),
    ('ㄹ', 'ㅂ', 'ㄼ'),
    ('ㄹ', 'ㅅ', 'ㄽ'),
    ('ㄹ', 'ㅌ', 'ㄾ'),
    ('ㄹ', 'ㅍ', 'ㄿ'),
    ('ㄹ', 'ㅎ', 'ㅀ'),
    ('ㅂ', 'ㅅ', 'ㅄ'),
];

fn pos(list: &[char], c: char) -> Option<u8> {
    list.iter().position(|&x| x == c).map(|i| i as u8)
}

/// The jamo a key types on the 두벌식 layout.
pub fn jamo_of_key(key: char) -> Option<char> {
    if let Some(&(_, j)) = SHIFTED.iter().find(|(k, _)| *k == key) {
        return Some(j);
    }
    let at = KEYS.find(key.to_ascii_lowercase())?;
    Some(JAMO[at])
}

/// The syllable being built: an initial, a vowel, a final (each a jamo, or none).
#[derive(Default)]
struct Building {
    initial: Option<char>,
    vowel: Option<char>,
    final_: Option<char>,
}

impl Building {
    /// The syllable, if it has an initial and a vowel; `None` otherwise.
    fn syllable(&self) -> Option<char> {
        let l = pos(&INITIALS, self.initial?)?;
        let v = pos(&VOWELS, self.vowel?)?;
        let t = match self.final_ {
            Some(f) => pos(&FINALS, f)?,
            None => 0,
        };
        syllable(l, v, t)
    }
}

/// What a run of Latin letters types in Hangul, if it composes into syllables: every jamo is
/// part of a syllable with an initial and a vowel, except a consonant at the very end (the
/// syllable being typed, as the search treats it elsewhere). `None` for anything else: a lone
/// vowel (`ISSB`), consonants only (`ESG`), or a word with no syllable at all.
fn read_word(word: &str) -> Option<String> {
    let mut out = String::new();
    let mut b = Building::default();
    for key in word.chars() {
        let j = jamo_of_key(key)?;
        let is_vowel = VOWELS.contains(&j);
        match (is_vowel, &b) {
            // A consonant: an initial, a final, the second half of a double final, or the
            // initial of the next syllable.
            (false, Building { initial: None, .. }) => b.initial = Some(j),
            (false, Building { vowel: None, .. }) => return None, // two initials in a row
            (false, Building { final_: None, .. }) if pos(&FINALS, j).is_some() => {
                b.final_ = Some(j)
            }
            (
                false,
                Building {
                    final_: Some(f), ..
                },
            ) if DOUBLE_FINALS.iter().any(|(a, c, _)| a == f && *c == j) => {
                let &(_, _, d) = DOUBLE_FINALS
                    .iter()
                    .find(|(a, c, _)| a == f && *c == j)
                    .expect("just found");
                b.final_ = Some(d);
            }
            (false, _) => {
                out.push(b.syllable()?);
                b = Building {
                    initial: Some(j),
                    ..Building::default()
                };
            }
            // A vowel: after an initial, the syllable's vowel; after a vowel, a double vowel;
            // after a final, it takes the final (or its second half) as its initial.
            (true, Building { initial: None, .. }) => return None, // a vowel with no initial
            (true, Building { vowel: None, .. }) => b.vowel = Some(j),
            (
                true,
                Building {
                    final_: None,
                    vowel: Some(v),
                    ..
                },
            ) => {
                let &(_, _, d) = DOUBLE_VOWELS.iter().find(|(a, c, _)| a == v && *c == j)?;
                b.vowel = Some(d);
            }
            (
                true,
                Building {
                    final_: Some(f), ..
                },
            ) => {
                let (kept, moved) = match DOUBLE_FINALS.iter().find(|(_, _, d)| d == f) {
                    Some(&(first, second, _)) => (Some(first), second),
                    None => (None, *f),
                };
                b.final_ = kept;
                out.push(b.syllable()?);
                b = Building {
                    initial: Some(moved),
                    vowel: Some(j),
                    final_: None,
                };
            }
        }
    }
    match b {
        Building { initial: None, .. } => {}
        // A consonant typed last: the next syllable's beginning.
        Building {
            initial: Some(i),
            vowel: None,
            ..
        } => out.push(i),
        _ => out.push(b.syllable()?),
    }
    out.chars().any(|c| parts(c).is_some()).then_some(out)
}

/// The Hangul a query typed in English mode stands for (`rhdyd` → 고용, `dlarma cpqnf` →
/// 임금 체불), if it is Latin letters and spaces only and every word composes into syllables.
pub fn hangul_reading(query: &str) -> Option<String> {
    let q = query.trim();
    if q.is_empty() || !q.chars().all(|c| c.is_ascii_alphabetic() || c == ' ') {
        return None;
    }
    let words: Option<Vec<String>> = q.split_whitespace().map(read_word).collect();
    Some(words?.join(" "))
}

/// The keys that type a Hangul text on the 두벌식 layout (the inverse of [`hangul_reading`]
/// for whole syllables), e.g. for a hint. Characters that are not syllables are kept.
pub fn keys_of(text: &str) -> String {
    let key = |j: char| -> String {
        if let Some(&(k, _)) = SHIFTED.iter().find(|(_, s)| *s == j) {
            return k.to_string();
        }
        for (a, b, d) in DOUBLE_VOWELS.iter().chain(&DOUBLE_FINALS) {
            if *d == j {
                let one = |x: char| KEYS.chars().nth(pos(&JAMO, x).unwrap_or(0) as usize);
                return [one(*a), one(*b)].into_iter().flatten().collect();
            }
        }
        pos(&JAMO, j)
            .and_then(|i| KEYS.chars().nth(i as usize))
            .map_or_else(|| j.to_string(), String::from)
    };
    let mut out = String::new();
    for c in text.chars() {
        match parts(c) {
            Some((l, v, t)) => {
                out.push_str(&key(INITIALS[l as usize]));
                out.push_str(&key(VOWELS[v as usize]));
                if t > 0 {
                    out.push_str(&key(FINALS[t as usize]));
                }
            }
            None => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn words_typed_in_english_mode() {
        for (typed, hangul) in [
            ("rhdyd", "고용"),
            ("dlarmacpqnf", "임금체불"),
            ("dptmwl", "에스지"),
            ("dlarma cpqnf", "임금 체불"),
            ("xksthwnd", "탄소중"), // the syllable being typed: 탄소중(립)
            ("rhkgkr", "과학"),
            ("ekfr", "닭"),
            ("ekfrdl", "닭이"),
            ("dkQk", "아빠"),
            ("RkR", "깎"),
            ("gksrmf", "한글"),
            ("rhdydr", "고용ㄱ"),
        ] {
            assert_eq!(hangul_reading(typed).as_deref(), Some(hangul), "{typed}");
        }
    }

    #[test]
    fn latin_words_and_other_text_have_no_reading() {
        for q in [
            "ESG", "ISSB", "esg", "a", "", "  ", "고용", "rhdyd2", "k", "kk", "rr", "ie",
        ] {
            assert_eq!(hangul_reading(q), None, "{q}");
        }
    }

    #[test]
    fn keys_of_types_back() {
        assert_eq!(keys_of("고용"), "rhdyd");
        assert_eq!(keys_of("과학 닭"), "rhkgkr ekfr");
        assert_eq!(keys_of("아빠"), "dkQk");
    }

    /// An independent table: Unicode's arithmetic decomposition of a syllable into conjoining
    /// jamo, the conjoining jamo's compatibility twins by Unicode's own mapping order, and the
    /// layout as printed on a keyboard (two halves for double vowels and finals).
    fn typed_independently(text: &str) -> String {
        const L: &str = "r R s e E f a q Q t T d w W c z x v g";
        const V: &str = "k o i O j p u P h hk ho hl y n nj np nl b m ml l";
        const T: &str = "- r R rt s sw sg e f fr fa fq ft fx fv fg a q qt t T d w c z x v g";
        let table = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        let (l, v, t) = (table(L), table(V), table(T));
        let mut out = String::new();
        for c in text.chars() {
            let n = c as u32 - 0xAC00;
            out.push_str(l[(n / 588) as usize]);
            out.push_str(v[((n % 588) / 28) as usize]);
            if !n.is_multiple_of(28) {
                out.push_str(t[(n % 28) as usize]);
            }
        }
        out
    }

    proptest! {
        /// Any string of whole syllables, typed on the layout, reads back as itself.
        #[test]
        fn hangul_to_keys_to_hangul(text in proptest::collection::vec(0xAC00u32..=0xD7A3, 1..8)) {
            let hangul: String = text.into_iter().filter_map(char::from_u32).collect();
            let keys = typed_independently(&hangul);
            prop_assert_eq!(&keys_of(&hangul), &keys);
            prop_assert_eq!(hangul_reading(&keys), Some(hangul));
        }
    }
}
