//! What a search over the whole list reads of each text, and the quick test that rules most
//! texts out before their characters are read: a signature per text, and per query the masks a
//! text's signature must cover.

use crate::search::{initial_of_jamo, parts, Haystack, NO_INITIAL, Q};

/// One character of a text's matching form as stored: a `char`, or in the [`TextArena`] a
/// UTF-16 unit (titles are Basic Multilingual Plane text; see [`TextArena`]).
pub trait Unit: Copy {
    fn char(self) -> char;
}

impl Unit for char {
    #[inline(always)]
    fn char(self) -> char {
        self
    }
}

impl Unit for u16 {
    /// The arena stores only units that are characters by themselves (never a surrogate).
    #[inline(always)]
    fn char(self) -> char {
        char::from_u32(u32::from(self)).unwrap_or(char::REPLACEMENT_CHARACTER)
    }
}

/// A text's matching form without its byte positions: what a search over the whole list reads.
#[derive(Clone, Copy, Debug)]
pub struct Text<'a, C: Unit = char> {
    pub(crate) chars: &'a [C],
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

/// The bit of [`Sig::initials`] (above the 19 initials) that says the text holds a compatibility
/// consonant itself (ㄱ, not only 가): exactly, not by hash, since it decides how a 초성 query reads
/// the text.
const HOLDS_JAMO: u32 = 1 << 31;

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
    /// The characters an exact match needs (each query character as typed: a 초성 query's
    /// jamo too): a text lacking one has only inexact matches, so its first match settles it.
    pub(crate) exact: u64,
    /// Whether every character is a compatibility consonant (a 초성 query).
    pub(crate) choseong: bool,
}

impl SigMask {
    /// Query characters match one text character each, side by side (only the last may take
    /// two), so neighbouring query characters that need initials need them in neighbouring
    /// syllables.
    pub(crate) fn of(q: &[Q]) -> SigMask {
        let mut need = SigMask {
            choseong: q.iter().all(|qc| matches!(qc, Q::Initial(..))),
            ..SigMask::default()
        };
        for &qc in q {
            need.exact |= char_bit(match qc {
                Q::Lit(c) | Q::Initial(_, c) | Q::Typing(c, ..) => c,
            });
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
                if i == NO_INITIAL {
                    sig.initials |= HOLDS_JAMO;
                }
            }
            if let (Some(a), Some(b)) = (before, here) {
                sig.pairs |= pair_bit(a, b);
            }
            before = here;
        }
        sig
    }

    /// Whether a text with this signature could hold an exact match of `need`'s query.
    pub(crate) fn may_be_exact(self, need: &SigMask) -> bool {
        self.chars & need.exact == need.exact
    }

    /// Whether a 초성 query's matches in a text with this signature are all in its syllables'
    /// initials (the text holds none of the query's jamo as such).
    pub(crate) fn initials_only(self, need: &SigMask) -> bool {
        need.choseong && self.initials & HOLDS_JAMO == 0
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
    /// Where the text starts in its array, with [`WIDE`] set for the array of `char`s.
    start: u32,
    end: u32,
    pub(crate) sig: Sig,
}

/// The bit of [`TextRef::start`] that names the arena's `char` array.
const WIDE: u32 = 1 << 31;

/// The matching forms of many texts, one after another in flat arrays: a search over 100k
/// titles then reads memory in order instead of chasing 100k separate allocations (which was
/// most of its time). A text whose characters are all in the Basic Multilingual Plane (every
/// Korean title, nearly every text) is stored as UTF-16 units, half the memory of `char`s
/// (1M titles: ~55 MB less); one with a character beyond (an emoji) keeps `char`s, so that
/// every position is still one character.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TextArena {
    narrow: Vec<u16>,
    narrow_initials: Vec<u8>,
    wide: Vec<char>,
    wide_initials: Vec<u8>,
}

/// A text of a [`TextArena`], in the form it is stored in.
#[derive(Clone, Copy, Debug)]
pub enum Stored<'a> {
    Narrow(Text<'a, u16>),
    Wide(Text<'a, char>),
}

impl TextArena {
    /// An arena with room for `chars` characters (as the narrow form most texts take).
    pub fn with_capacity(chars: usize) -> TextArena {
        TextArena {
            narrow: Vec::with_capacity(chars),
            narrow_initials: Vec::with_capacity(chars),
            ..TextArena::default()
        }
    }

    /// Adds a text, named by the returned reference in [`TextArena::text`].
    pub fn push(&mut self, text: &str) -> TextRef {
        let h = Haystack::new(text);
        let sig = Sig::of(&h.chars, &h.initials);
        let (start, end) = match h.chars.iter().all(|&c| u16::try_from(c as u32).is_ok()) {
            true => {
                let start = self.narrow.len() as u32;
                self.narrow.extend(h.chars.iter().map(|&c| c as u16));
                self.narrow_initials.extend_from_slice(&h.initials);
                (start, self.narrow.len() as u32)
            }
            false => {
                let start = self.wide.len() as u32;
                self.wide.extend_from_slice(&h.chars);
                self.wide_initials.extend_from_slice(&h.initials);
                (start | WIDE, self.wide.len() as u32)
            }
        };
        TextRef { start, end, sig }
    }

    /// The initials of text `r` (see [`Haystack`]).
    #[inline(always)]
    pub(crate) fn initials(&self, r: &TextRef) -> &[u8] {
        let range = (r.start & !WIDE) as usize..r.end as usize;
        match r.start & WIDE == 0 {
            true => &self.narrow_initials[range],
            false => &self.wide_initials[range],
        }
    }

    #[inline]
    pub fn text(&self, r: &TextRef) -> Stored<'_> {
        let range = (r.start & !WIDE) as usize..r.end as usize;
        let sig = Some(r.sig);
        if r.start & WIDE == 0 {
            Stored::Narrow(Text {
                chars: &self.narrow[range.clone()],
                initials: &self.narrow_initials[range],
                sig,
            })
        } else {
            Stored::Wide(Text {
                chars: &self.wide[range.clone()],
                initials: &self.wide_initials[range],
                sig,
            })
        }
    }
}
