//! The Korean-aware query engine: how a reader's typing finds a post.
//!
//! Rules: Hangul composed (NFC for Hangul), Latin case and full-width forms folded;
//! substring anywhere; spaces ignored (임금 체불 = 임금체불), or, when the joined query does not
//! match, every space-separated term must match (AND); compatibility consonants match syllable
//! initials (ㅇㄱㅊㅂ finds 임금체불, 고용ㄴㄷ finds 고용노동); the last syllable may still be being
//! typed (고요 finds 고용, 화학제푸 finds 화학제품, 개울 finds 개우+ㄹ…). Syllable arithmetic only
//! (0xAC00 + (initial×21 + medial)×28 + final), no dictionary.

use std::ops::Range;

pub(crate) use crate::hangul::parts;
use crate::signature::{Sig, SigMask};
pub use crate::signature::{Stored, Text, TextArena, TextRef, Unit};

/// Compatibility jamo (ㄱ…ㅎ) of the 19 initial consonants, in syllable order.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// The 27 finals (index 1…27) as (first consonant, second consonant) initial indices; a final
/// that is not a possible initial (compound ones) names its first part's initial.
pub(crate) const FINALS: [(u8, Option<u8>); 28] = [
    (255, None),   // no final
    (0, None),     // ㄱ
    (1, None),     // ㄲ
    (0, Some(9)),  // ㄳ
    (2, None),     // ㄴ
    (2, Some(12)), // ㄵ
    (2, Some(18)), // ㄶ
    (3, None),     // ㄷ
    (5, None),     // ㄹ
    (5, Some(0)),  // ㄺ
    (5, Some(6)),  // ㄻ
    (5, Some(7)),  // ㄼ
    (5, Some(9)),  // ㄽ
    (5, Some(16)), // ㄾ
    (5, Some(17)), // ㄿ
    (5, Some(18)), // ㅀ
    (6, None),     // ㅁ
    (7, None),     // ㅂ
    (7, Some(9)),  // ㅄ
    (9, None),     // ㅅ
    (10, None),    // ㅆ
    (11, None),    // ㅇ
    (12, None),    // ㅈ
    (14, None),    // ㅊ
    (15, None),    // ㅋ
    (16, None),    // ㅌ
    (17, None),    // ㅍ
    (18, None),    // ㅎ
];

pub(crate) fn initial_of_jamo(c: char) -> Option<u8> {
    INITIALS.iter().position(|&j| j == c).map(|i| i as u8)
}

/// One character folded for matching: Latin lower case, full-width ASCII to ASCII.
pub fn fold(c: char) -> char {
    let c = match c as u32 {
        0xFF01..=0xFF5E => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        0x3000 => ' ',
        _ => c,
    };
    if c.is_ascii() {
        c.to_ascii_lowercase()
    } else {
        c.to_lowercase().next().unwrap_or(c)
    }
}

/// Text prepared for matching: its characters composed and folded, spaces left out, each with
/// the byte range it came from in the original (for `<mark>`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Haystack {
    pub(crate) chars: Vec<char>,
    pub(crate) spans: Vec<Range<usize>>,
    /// Each character's initial consonant index ([`NO_INITIAL`] for anything but a syllable),
    /// computed once: matching 100k titles then compares bytes instead of dividing code points.
    pub(crate) initials: Vec<u8>,
}

/// The initial of a character that is not a Hangul syllable.
pub(crate) const NO_INITIAL: u8 = u8::MAX;

impl Haystack {
    pub fn new(text: &str) -> Haystack {
        let mut h = Haystack::default();
        // Compose decomposed Hangul first, remembering where each composed char came from.
        let mut pending: Option<(char, Range<usize>)> = None;
        let push = |h: &mut Haystack, c: char, r: Range<usize>| {
            let f = fold(c);
            if !f.is_whitespace() {
                h.chars.push(f);
                h.spans.push(r);
                h.initials.push(parts(f).map_or(NO_INITIAL, |p| p.0));
            }
        };
        for (i, c) in text.char_indices() {
            let r = i..i + c.len_utf8();
            // Only a conjoining vowel or final can compose with what precedes it; everything
            // else (nearly all text) skips the allocation below.
            let conjoining = (0x1160..=0x11FF).contains(&(c as u32));
            if let Some((p, pr)) = pending.take() {
                if !conjoining {
                    push(&mut h, p, pr);
                    pending = Some((c, r));
                    continue;
                }
                let joined: String = [p, c].iter().collect();
                let composed = crate::hangul::compose(&joined);
                let mut it = composed.chars();
                if let (Some(one), None) = (it.next(), it.next()) {
                    pending = Some((one, pr.start..r.end));
                    continue;
                }
                push(&mut h, p, pr);
            }
            pending = Some((c, r));
        }
        if let Some((p, pr)) = pending {
            push(&mut h, p, pr);
        }
        h
    }

    pub fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    /// The matching form: composed, folded characters, spaces left out.
    pub fn chars(&self) -> &[char] {
        &self.chars
    }

    pub(crate) fn text(&self) -> Text<'_> {
        Text {
            chars: &self.chars,
            initials: &self.initials,
            sig: None,
        }
    }
}

/// One query character and what it may match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Q {
    /// Itself (after folding).
    Lit(char),
    /// A compatibility consonant: a syllable with that initial, or the jamo itself.
    Initial(u8, char),
    /// The last syllable, perhaps still being typed: same initial and medial; its final, if it
    /// has one, may be a compound's first part or the next syllable's initial.
    Typing(char, u8, u8, u8),
}

fn compile(text: &str) -> Vec<Q> {
    let chars: Vec<char> = Haystack::new(text).chars;
    let last = chars.len().saturating_sub(1);
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match (initial_of_jamo(c), parts(c)) {
            (Some(l), _) => Q::Initial(l, c),
            (None, Some((l, v, t))) if i == last => Q::Typing(c, l, v, t),
            _ => Q::Lit(c),
        })
        .collect()
}

/// How many characters of a search text are read: far more than any real search.
pub const MAX_QUERY_CHARS: usize = 100;
/// How many distinct space-separated terms a search looks for.
pub const MAX_TERMS: usize = 10;

/// A parsed search text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Query {
    joined: Vec<Q>,
    terms: Vec<Vec<Q>>,
    /// What a text needs for `joined`, and for each term.
    joined_need: SigMask,
    terms_need: Vec<SigMask>,
    /// The initials a 초성 query (`joined` all compatibility consonants) stands for.
    joined_run: Option<Vec<u8>>,
}

/// What [`Query::quick`] found.
enum Quick {
    Settled(Option<bool>),
    /// The characters must be read.
    Read,
}

/// Whether `run` occurs in `hay`.
#[inline(always)]
fn contains_run(hay: &[u8], run: &[u8]) -> bool {
    let Some((&first, rest)) = run.split_first() else {
        return true;
    };
    // Plain index loops: an inclusive range's iterator and a slice comparison were each a
    // function call per position in the wasm.
    let Some(starts) = (hay.len() + 1).checked_sub(run.len()) else {
        return false;
    };
    for k in 0..starts {
        if hay[k] == first && rest.iter().zip(&hay[k + 1..]).all(|(a, b)| a == b) {
            return true;
        }
    }
    false
}

/// Where a query matched in one text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Byte ranges in the original text, in order, not overlapping.
    pub ranges: Vec<Range<usize>>,
    /// Some match has every character as typed (no 초성, no syllable still being typed): a
    /// title holding the query itself is an exact hit, whatever else it holds.
    pub exact: bool,
}

impl Query {
    /// The joined query and its space-separated terms (the body index plans from these).
    pub(crate) fn sequences(&self) -> (&[Q], &[Vec<Q>]) {
        (&self.joined, &self.terms)
    }

    /// `None` for a search text with nothing to look for.
    ///
    /// A search text can come from a shared link of any length, so the work it asks for is
    /// bounded: the first [`MAX_QUERY_CHARS`] characters are read, and of those the first
    /// [`MAX_TERMS`] distinct terms (a link repeating `0 정` two thousand times asks for two).
    pub fn parse(text: &str) -> Option<Query> {
        let text = match text.char_indices().nth(MAX_QUERY_CHARS) {
            Some((cut, _)) => &text[..cut],
            None => text,
        };
        let mut joined = compile(text);
        if joined.is_empty() {
            return None;
        }
        let (mut terms, mut given): (Vec<Vec<Q>>, usize) = (Vec::new(), 0);
        for term in text.split_whitespace().map(compile) {
            if terms.len() == MAX_TERMS {
                break;
            }
            given += 1;
            if !term.is_empty() && !terms.contains(&term) {
                terms.push(term);
            }
        }
        if given >= 2 && terms.len() == 1 {
            // `임금 임금`: every term is the same one, and anything holding the joined text
            // holds it too: the search is that term.
            joined = terms[0].clone();
        }
        Some(Query {
            joined_run: joined
                .iter()
                .map(|&q| match q {
                    Q::Initial(l, _) => Some(l),
                    Q::Lit(_) | Q::Typing(..) => None,
                })
                .collect(),
            joined_need: SigMask::of(&joined),
            terms_need: terms.iter().map(|t| SigMask::of(t)).collect(),
            joined,
            terms,
        })
    }

    /// Whether the query matches a text, and whether a match is exact (the rule of
    /// [`Query::find`], without positions: it stops at the first exact match).
    pub fn matches<C: Unit>(&self, t: Text<'_, C>) -> Option<bool> {
        let Some(sig) = t.sig else {
            return self.matches_read(t);
        };
        match self.quick(sig, t.initials) {
            Quick::Settled(m) => m,
            Quick::Read => self.matches_read(t),
        }
    }

    /// [`Query::matches`] for text `r` of `arena`, the quick tests inlined into the caller's
    /// loop (the search over the whole list).
    #[inline(always)]
    pub(crate) fn matches_in(&self, arena: &TextArena, r: &TextRef) -> Option<bool> {
        match self.quick(r.sig, arena.initials(r)) {
            Quick::Settled(m) => m,
            Quick::Read => self.matches_stored(arena.text(r)),
        }
    }

    /// What the signature and, for a 초성 query, the initials say without reading characters.
    #[inline(always)]
    fn quick(&self, sig: Sig, initials: &[u8]) -> Quick {
        if !self.admits(sig) {
            return Quick::Settled(None);
        }
        // A 초성 query in a text holding no jamo as such: a match is the run of initials, found
        // in the initials alone and never exact (ㄱㅇ matches half of all titles).
        if let Some(run) = self.joined_run.as_deref() {
            if sig.initials_only(&self.joined_need) {
                if contains_run(initials, run) {
                    return Quick::Settled(Some(false));
                }
                if self.terms.len() < 2 {
                    return Quick::Settled(None);
                }
            }
        }
        Quick::Read
    }

    /// [`Query::matches`] past the quick tests: the characters read.
    fn matches_read<C: Unit>(&self, t: Text<'_, C>) -> Option<bool> {
        if let Some(hit) = find_seq(&self.joined, t, None, &self.joined_need) {
            return Some(hit.exact);
        }
        if self.terms.len() < 2 {
            return None;
        }
        let mut exact = true;
        for (term, need) in self.terms.iter().zip(&self.terms_need) {
            exact &= find_seq(term, t, None, need)?.exact;
        }
        Some(exact)
    }

    /// Whether a text with this signature may match: the quick test that rules out most texts.
    #[inline(always)]
    pub(crate) fn admits(&self, sig: Sig) -> bool {
        sig.admits(&self.joined_need)
            || (self.terms.len() >= 2 && self.terms_need.iter().all(|need| sig.admits(need)))
    }

    /// [`Query::matches`] for a text of a [`TextArena`].
    #[inline]
    pub fn matches_stored(&self, t: Stored<'_>) -> Option<bool> {
        match t {
            Stored::Narrow(t) => self.matches(t),
            Stored::Wide(t) => self.matches(t),
        }
    }

    /// Where the query matches `h`: the joined query anywhere; else, with several terms, each
    /// term somewhere.
    pub fn find(&self, h: &Haystack) -> Option<Hit> {
        if let Some(hit) = find_seq(&self.joined, h.text(), Some(&h.spans), &self.joined_need) {
            return Some(hit);
        }
        if self.terms.len() < 2 {
            return None;
        }
        let mut ranges = Vec::new();
        let mut exact = true;
        for (t, need) in self.terms.iter().zip(&self.terms_need) {
            let hit = find_seq(t, h.text(), Some(&h.spans), need)?;
            exact &= hit.exact;
            ranges.extend(hit.ranges);
        }
        // Few ranges (one per term): insertion sort, not another instantiation of the
        // standard sort (see `crate::numbers`).
        for i in 1..ranges.len() {
            let mut j = i;
            while j > 0 && ranges[j - 1].start > ranges[j].start {
                ranges.swap(j - 1, j);
                j -= 1;
            }
        }
        ranges.dedup_by(|b, a| {
            if b.start < a.end {
                a.end = a.end.max(b.end);
                true
            } else {
                false
            }
        });
        Some(Hit { ranges, exact })
    }
}

/// Matches one query char at `h[k]`: Some((chars consumed, exact)).
#[inline(always)]
fn match_at<C: Unit>(q: Q, h: Text<'_, C>, k: usize) -> Option<(usize, bool)> {
    let c = h.chars.get(k)?.char();
    match q {
        Q::Lit(x) => (c == x).then_some((1, true)),
        Q::Initial(l, jamo) => {
            if c == jamo {
                Some((1, true))
            } else {
                (h.initials[k] == l).then_some((1, false))
            }
        }
        Q::Typing(x, l, v, t) => {
            if c == x {
                return Some((1, true));
            }
            if h.initials[k] != l {
                return None;
            }
            let (hl, hv, ht) = parts(c)?;
            if hl != l || hv != v {
                return None;
            }
            if t == 0 {
                return Some((1, false)); // 고요 → 고용
            }
            let (t_initial, _) = FINALS[t as usize];
            let (h_first, h_second) = FINALS[ht as usize];
            if ht != 0
                && h_second.is_some()
                && h_first == t_initial
                && FINALS[t as usize].1.is_none()
            {
                return Some((1, false)); // 달 → 닭 (ㄹ is the first part of ㄺ)
            }
            // 개울 → 개우+ㄹ…: the typed final is the next syllable's initial.
            let next_initial = h.initials.get(k + 1).copied().filter(|&i| i != NO_INITIAL);
            let (first, second) = FINALS[t as usize];
            let ok = match second {
                None => ht == 0 && next_initial == Some(first),
                // 앉 → 안+ㅈ…: a compound final split across the syllables.
                Some(s) => FINALS[ht as usize] == (first, None) && next_initial == Some(s),
            };
            ok.then_some((1, false))
        }
    }
}

/// Every match of `q` in `h`; with `spans`, their byte ranges (else `ranges` stays empty).
fn find_seq<C: Unit>(
    q: &[Q],
    h: Text<'_, C>,
    spans: Option<&[Range<usize>]>,
    need: &SigMask,
) -> Option<Hit> {
    if q.is_empty() || q.len() > h.chars.len() {
        return None;
    }
    // Without positions to collect, a match settles it when it is exact or none can be (a 초성
    // query on a text without its jamo: half the reading of ㄱㅇ's 520k hits at 1M posts).
    let settle = spans.is_none() && h.sig.is_some_and(|sig| !sig.may_be_exact(need));
    let mut found = false;
    let mut ranges: Vec<Range<usize>> = Vec::new();
    let mut exact = false;
    let mut start = 0;
    // A cheap test of the first query character skips nearly every start position.
    let could_start = |k: usize| match q[0] {
        Q::Lit(x) => h.chars[k].char() == x,
        Q::Initial(l, jamo) => h.initials[k] == l || h.chars[k].char() == jamo,
        Q::Typing(x, l, ..) => h.initials[k] == l || h.chars[k].char() == x,
    };
    while start + q.len() <= h.chars.len() {
        if !could_start(start) {
            start += 1;
            continue;
        }
        let mut k = start;
        let mut all_exact = true;
        let ok = q.iter().all(|&qc| match match_at(qc, h, k) {
            Some((n, e)) => {
                k += n;
                all_exact &= e;
                true
            }
            None => false,
        });
        if ok {
            found = true;
            if let Some(spans) = spans {
                let r = spans[start].start..spans[k - 1].end;
                // Matches may overlap (닭달 in 닭닭달: loose at 0, exact at 1): one highlight.
                match ranges.last_mut() {
                    Some(last) if r.start < last.end => last.end = last.end.max(r.end),
                    _ => ranges.push(r),
                }
            }
            exact |= all_exact;
            if (exact || settle) && spans.is_none() {
                break;
            }
        }
        // The next start is the next character, not the match's end: an exact match may
        // begin inside a loose one.
        start += 1;
    }
    found.then_some(Hit { ranges, exact })
}

/// Whether every text `new` finds is also found by `old`: `new` is `old` typed on — more
/// characters, or the syllable `old` ends in completed by the input method (체 → 쳅, 쳅 → 체부).
/// A search can then look only among the previous search's hits.
pub fn extends(old: &str, new: &str) -> bool {
    if old.trim().is_empty() {
        return false;
    }
    if new.starts_with(old) {
        return true;
    }
    let mut old_chars = old.chars();
    let Some(last) = old_chars.next_back() else {
        return false;
    };
    let Some(rest) = new.strip_prefix(old_chars.as_str()) else {
        return false;
    };
    let mut rest = rest.chars();
    let (Some((l, v, t)), Some(next)) = (parts(last), rest.next()) else {
        return false;
    };
    let Some((nl, nv, nt)) = parts(next) else {
        return false;
    };
    if (nl, nv) != (l, v) {
        return false;
    }
    // 체 → 쳅: any final completes a syllable typed without one.
    if t == 0 {
        return true;
    }
    // 쳅 → 체부: a single final moved on as the next syllable's initial.
    let (first, second) = FINALS[t as usize];
    nt == 0
        && second.is_none()
        && rest
            .next()
            .and_then(parts)
            .is_some_and(|(after, _, _)| after == first)
}

pub fn pieces<'a>(text: &'a str, ranges: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut out = Vec::new();
    let mut at = 0;
    for r in ranges {
        if r.start > at {
            out.push((&text[at..r.start], false));
        }
        out.push((&text[r.clone()], true));
        at = r.end;
    }
    if at < text.len() || out.is_empty() {
        out.push((&text[at..], false));
    }
    out
}

#[cfg(test)]
mod tests;
