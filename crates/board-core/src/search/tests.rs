use super::*;

fn hit(q: &str, text: &str) -> Option<Vec<String>> {
    let h = Query::parse(q)?.find(&Haystack::new(text))?;
    Some(
        h.ranges
            .iter()
            .map(|r| text[r.clone()].to_string())
            .collect(),
    )
}

fn finds(q: &str, text: &str) -> bool {
    hit(q, text).is_some()
}

/// A match is exact when any occurrence is, even one that starts inside a loose one.
#[test]
fn an_exact_match_inside_a_loose_one_counts() {
    let exact = |q: &str, t: &str| Query::parse(q).unwrap().matches(Haystack::new(t).text());
    assert_eq!(exact("닭달", "닭닭달"), Some(true));
    assert_eq!(exact("닭달", "닭닭"), Some(false));
    assert_eq!(
        Query::parse("닭달")
            .unwrap()
            .find(&Haystack::new("닭닭달"))
            .map(|h| h.exact),
        Some(true)
    );
}

#[test]
fn typing_on_narrows() {
    for (old, new) in [
        ("고", "고용"),
        ("체", "쳅"),
        ("임금체", "임금쳅"),
        ("임금쳅", "임금체부"),
        ("임금체부", "임금체불"),
        ("임금 ", "임금 체"),
        ("ㄱ", "ㄱㅇ"),
    ] {
        assert!(extends(old, new), "{old} → {new}");
    }
    for (old, new) in [
        ("", "고"),
        ("고용", "고"),
        ("ㄱ", "고"),
        ("쳅", "체"),
        ("닭", "달기"),
        ("a", "ba"),
    ] {
        assert!(!extends(old, new), "{old} → {new}");
    }
}

/// Whatever `extends` admits, the longer query finds nothing the shorter one misses.
#[test]
fn narrowing_never_loses_a_hit() {
    let alphabet: Vec<char> = "고교요용공곡체쳅처부불ㄱㅂ ".chars().collect();
    let mut seed = 0x2545_f491_u64;
    let mut pick = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let word = |len: usize, pick: &mut dyn FnMut(usize) -> usize| -> String {
        (0..len).map(|_| alphabet[pick(alphabet.len())]).collect()
    };
    let mut checked = 0;
    for _ in 0..20_000 {
        let old = word(1 + pick(3), &mut pick);
        let new = format!("{old}{}", word(pick(3), &mut pick));
        // Also the input method's step on the last syllable, and any other change of it.
        let mut c: Vec<char> = new.chars().collect();
        let i = old.chars().count() - 1;
        match (pick(3), parts(c[i])) {
            (0, Some((l, v, _))) => {
                c[i] = crate::hangul::syllable(l, v, pick(28) as u8).unwrap_or(c[i]);
            }
            (1, _) => c[i] = alphabet[pick(alphabet.len())],
            _ => {}
        }
        let new: String = c.into_iter().collect();
        if !extends(&old, &new) {
            continue;
        }
        let (Some(qo), Some(qn)) = (Query::parse(&old), Query::parse(&new)) else {
            continue;
        };
        for _ in 0..8 {
            let text = word(2 + pick(8), &mut pick);
            let h = Haystack::new(&text);
            if qn.find(&h).is_some() {
                assert!(qo.find(&h).is_some(), "{old:?} → {new:?} on {text:?}");
                checked += 1;
            }
        }
    }
    assert!(checked > 500, "only {checked} hits checked");
}

#[test]
fn substring_anywhere_not_word_prefixes() {
    assert_eq!(
        hit("노동부", "고용노동부는 발표했다"),
        Some(vec!["노동부".into()])
    );
    assert!(!finds("노동청", "고용노동부는"));
}

#[test]
fn spacing_insensitive_both_ways_and_terms_and() {
    assert_eq!(
        hit("임금 체불", "임금체불 근절"),
        Some(vec!["임금체불".into()])
    );
    assert_eq!(
        hit("임금체불", "임금 체불 근절"),
        Some(vec!["임금 체불".into()])
    );
    assert_eq!(
        hit("체불 근절 임금", "임금체불 근절 대책"),
        Some(vec!["임금".into(), "체불".into(), "근절".into()])
    );
    assert!(!finds("임금 환경", "임금체불 근절"));
}

#[test]
fn initial_consonants() {
    assert!(finds("ㅇㄱㅊㅂ", "임금체불"));
    assert!(finds("ㄱㅇㄴㄷㅂ", "고용노동부, 17개"));
    assert!(finds("고용ㄴㄷ", "고용노동부"));
    assert!(!finds("ㄱㅇㄴㄷㅈ", "고용노동부"));
    assert!(
        !Query::parse("ㅇㄱ")
            .unwrap()
            .find(&Haystack::new("임금"))
            .unwrap()
            .exact
    );
}

#[test]
fn the_syllable_being_typed() {
    assert!(finds("고요", "고용노동부"));
    assert!(finds("화학제푸", "화학제품 안전"));
    assert!(finds("개울", "개우리 마을"));
    assert!(finds("개울", "개울가"));
    assert!(finds("달", "닭고기"));
    assert!(!finds("고요", "고양이"));
    // Only the last syllable is in progress.
    assert!(!finds("고요노", "고용노동부"));
    assert!(
        Query::parse("고용")
            .unwrap()
            .find(&Haystack::new("고용"))
            .unwrap()
            .exact
    );
    assert!(
        !Query::parse("고요")
            .unwrap()
            .find(&Haystack::new("고용"))
            .unwrap()
            .exact
    );
}

#[test]
fn folding_case_width_and_decomposed_hangul() {
    assert!(finds("esg", "ESG 정책뉴스"));
    assert!(finds("ＥＳＧ", "esg"));
    assert!(finds(
        "고용",
        "\u{1100}\u{1169}\u{110B}\u{116D}\u{11BC}노동부"
    ));
    let text = "\u{1100}\u{1169}\u{110B}\u{116D}\u{11BC}노동부";
    assert_eq!(
        hit("고용", text),
        Some(vec!["\u{1100}\u{1169}\u{110B}\u{116D}\u{11BC}".into()])
    );
}

#[test]
fn a_query_asks_for_bounded_work() {
    // A shared link with two thousand terms asks for its two distinct ones.
    let q = Query::parse(&"0 정 ".repeat(2000)).unwrap();
    assert_eq!(q.terms.len(), 2);
    assert!(q.joined.len() <= MAX_QUERY_CHARS);
    let many: String = (0..50).map(|i| format!("t{i} ")).collect();
    assert_eq!(Query::parse(&many).unwrap().terms.len(), MAX_TERMS);
    // A repeated term is that term.
    let h = Haystack::new("고용노동부 임금 점검");
    assert!(Query::parse("임금 임금").unwrap().find(&h).is_some());
    assert!(Query::parse("임금 점검 임금").unwrap().find(&h).is_some());
}

#[test]
fn nothing_to_find() {
    assert!(Query::parse("   ").is_none());
    assert!(Query::parse("").is_none());
}

mod props {
    use super::super::*;
    use proptest::prelude::*;

    fn initials(text: &str) -> String {
        // Syllables by their initial, anything else as it is: what a reader types.
        text.chars()
            .map(|c| parts(c).map_or(c, |p| INITIALS[p.0 as usize]))
            .collect()
    }

    proptest! {
        /// Every title is found by its own 초성 string and by each of its substrings.
        #[test]
        fn found_by_its_initials_and_substrings(title in "[가-힣]{1,8}( [가-힣a-z0-9]{1,6}){0,3}") {
            let h = Haystack::new(&title);
            let ini = initials(&title);
            prop_assert!(Query::parse(&ini).unwrap().find(&h).is_some(), "초성 {}", ini);
            let chars: Vec<char> = title.chars().collect();
            for i in 0..chars.len() {
                for j in i + 1..=chars.len() {
                    let sub: String = chars[i..j].iter().collect();
                    if let Some(q) = Query::parse(&sub) {
                        prop_assert!(q.find(&h).is_some(), "{:?} in {:?}", sub, title);
                    }
                }
            }
        }

        /// The list-wide path (flat arena, signature test, no positions) agrees with the
        /// positional one on every text and query, including 초성, terms and typing. A title
        /// with a character beyond the BMP (😀, 𝐀) is stored as `char`s, the others as
        /// UTF-16 units, in one arena.
        #[test]
        fn arena_and_signature_agree_with_find(title in "[가-깋나ㄱㄴa-c 😀𝐀]{0,16}", other in "[가나😀]{0,4}", q in "[가-깋나ㄱㄴa-c😀𝐀 ]{1,6}") {
            if let Some(query) = Query::parse(&q) {
                let mut arena = TextArena::default();
                arena.push(&other);
                let r = arena.push(&title);
                let list = query.matches_stored(arena.text(&r));
                let one = query.find(&Haystack::new(&title)).map(|h| h.exact);
                prop_assert_eq!(list, one, "{:?} in {:?}", q, title);
            }
        }

        /// A query of whole syllables with no 초성 finds exactly what a plain substring
        /// search of the space-free text finds, except that its last syllable may be one
        /// still being typed: check against that brute-force oracle.
        #[test]
        fn no_false_positives_against_an_oracle(title in "[가-깋나]{0,12}", q in "[가-깋나]{1,3}") {
            let strip = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<Vec<char>>();
            let (t, qc) = (strip(&title), strip(&q));
            let (head, last) = qc.split_at(qc.len() - 1);
            let last = parts(last[0]).unwrap();
            let oracle = (0..t.len()).any(|i| {
                t.len() >= i + qc.len()
                    && t[i..i + head.len()] == *head
                    && parts(t[i + head.len()]).is_some_and(|p| {
                        let same_lv = p.0 == last.0 && p.1 == last.1;
                        let next_initial = t.get(i + qc.len()).and_then(|&n| parts(n)).map(|n| n.0);
                        same_lv && (last.2 == 0 || p.2 == last.2
                            || (p.2 != 0 && FINALS[p.2 as usize].1.is_some() && FINALS[p.2 as usize].0 == FINALS[last.2 as usize].0 && FINALS[last.2 as usize].1.is_none())
                            || match FINALS[last.2 as usize] {
                                (f, None) => p.2 == 0 && next_initial == Some(f),
                                (f, Some(s2)) => FINALS[p.2 as usize] == (f, None) && next_initial == Some(s2),
                            })
                    })
            });
            let found = Query::parse(&q).unwrap().find(&Haystack::new(&title)).is_some();
            prop_assert_eq!(found, oracle, "{:?} in {:?}", q, title);
        }
    }
}
