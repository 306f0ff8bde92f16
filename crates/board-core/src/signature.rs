//! What a search over the whole list reads of each text, and the quick test that rules most
//! texts out before their characters are read: a signature per text, and per query the masks a
//! text's signature must cover.

use crate::search::{initial_of_jamo, parts, Haystack, NO_INITIAL, Q};

/// A text's matching form without its byte positions: what a search over the whole list reads.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a> {
    pub(crate) chars: &'a [char],
    pub(crate) initials: &'a [u8],
    /// What the text holds, roughly; `None` for a text with positions (no quick test).
    pub(crate) sig: Option<Sig>,
}

/// A text's signature: a 64-bit set of its characters (by hash), the set of its syllables'
/// initials, and a 64-bit set of the initials of neighbouring syllables (by hash). A query
/// needing a character, an initial or two initials side by side that the text lacks cannot
/// match it, which most titles show without reading their characters. The pairs are what rule
/// out a 초성 query (ㅇㄱㅊㅂ): nearly every title has each of those initials somewhere, few
/// have them in a row (ㅇㄱㅊㅂ over 100k titles: 6.4 → 4.3 ms, natively).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Sig {
    pub(crate) chars: u64,
    pub(crate) pairs: u64,
    pub(crate) initials: u32,
}

fn char_bit(c: char) -> u64 {
    1 << ((c as u32).wrapping_mul(0x9E37_79B1) >> 26)
}

fn pair_bit(a: u8, b: u8) -> u64 {
    1 << ((a as u32 * 32 + b as u32 + 1).wrapping_mul(0x9E37_79B1) >> 26)
}

/// The initial a text character stands for in a pair: a syllable's, or a jamo typed as such
/// (which an [`Q::Initial`] also matches).
fn pair_initial(c: char, initial: u8) -> Option<u8> {
    if initial != NO_INITIAL {
        Some(initial)
    } else {
        initial_of_jamo(c)
    }
}

/// The initial a query character needs at its position, if it needs one.
fn needed_initial(q: Q) -> Option<u8> {
    match q {
        Q::Lit(c) => parts(c).map(|p| p.0),
        Q::Initial(l, _) | Q::Typing(_, l, ..) => Some(l),
    }
}

/// What a text must hold for a query to match it, as masks over [`Sig`]: worked out once per
/// query, so testing a title is three mask comparisons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SigMask {
    pub(crate) chars: u64,
    pub(crate) pairs: u64,
    pub(crate) initials: u32,
}

impl SigMask {
    /// Query characters match one text character each, side by side (only the last may take
    /// two), so neighbouring query characters that need initials need them in neighbouring
    /// syllables.
    pub(crate) fn of(q: &[Q]) -> SigMask {
        let mut need = SigMask::default();
        for &qc in q {
            match qc {
                Q::Lit(c) => need.chars |= char_bit(c),
                // A syllable with that initial, or the jamo itself: both set the initial's bit.
                Q::Initial(l, _) | Q::Typing(_, l, ..) => need.initials |= 1 << l,
            }
        }
        for w in q.windows(2) {
            if let (Some(a), Some(b)) = (needed_initial(w[0]), needed_initial(w[1])) {
                need.pairs |= pair_bit(a, b);
            }
        }
        need
    }
}

impl Sig {
    pub(crate) fn of(chars: &[char], initials: &[u8]) -> Sig {
        let mut sig = Sig::default();
        let mut before = None;
        for (&c, &i) in chars.iter().zip(initials) {
            sig.chars |= char_bit(c);
            let here = pair_initial(c, i);
            if let Some(l) = here {
                sig.initials |= 1 << l;
            }
            if let (Some(a), Some(b)) = (before, here) {
                sig.pairs |= pair_bit(a, b);
            }
            before = here;
        }
        sig
    }

    /// Whether a text with this signature could hold what `need` asks for.
    pub(crate) fn admits(self, need: &SigMask) -> bool {
        self.chars & need.chars == need.chars
            && self.initials & need.initials == need.initials
            && self.pairs & need.pairs == need.pairs
    }
}

/// A text in a [`TextArena`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TextRef {
    pub start: u32,
    pub end: u32,
    pub(crate) sig: Sig,
}

/// The matching forms of many texts, one after another in two flat arrays: a search over 100k
/// titles then reads memory in order instead of chasing 100k separate allocations (which was
/// most of its time).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextArena {
    pub(crate) chars: Vec<char>,
    pub(crate) initials: Vec<u8>,
}

impl TextArena {
    /// Adds a text, named by the returned reference in [`TextArena::text`].
    pub fn push(&mut self, text: &str) -> TextRef {
        let h = Haystack::new(text);
        let start = self.chars.len() as u32;
        self.chars.extend_from_slice(&h.chars);
        self.initials.extend_from_slice(&h.initials);
        TextRef {
            start,
            end: self.chars.len() as u32,
            sig: Sig::of(&h.chars, &h.initials),
        }
    }

    pub fn text(&self, r: &TextRef) -> Text<'_> {
        let range = r.start as usize..r.end as usize;
        Text {
            chars: &self.chars[range.clone()],
            initials: &self.initials[range],
            sig: Some(r.sig),
        }
    }
}
