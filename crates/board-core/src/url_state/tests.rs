use super::*;
use proptest::prelude::*;

#[test]
fn empty_is_the_default_list() {
    assert_eq!(UrlState::from_query(""), UrlState::default());
    assert_eq!(UrlState::from_query("?"), UrlState::default());
    assert_eq!(UrlState::default().to_query(), "?");
}

#[test]
fn reads_every_parameter() {
    let s = UrlState::from_query(
        "?post=3409&page=2&size=50&q=%EC%9E%84%EA%B8%88+%EC%B2%B4%EB%B6%88&field=title&dept=고용노동부&from=2025-09-01&to=2025-09-30&sort=views&lang=en",
    );
    assert_eq!(s.post, Some(PostRef::No(3409)));
    let l = &s.list;
    assert_eq!(
        (l.page, l.size, l.q.as_str(), l.field),
        (2, 50, "임금 체불", Field::Title)
    );
    assert_eq!(l.dept.as_deref(), Some("고용노동부"));
    assert_eq!(l.from.unwrap().to_string(), "2025-09-01");
    assert_eq!(l.to.unwrap().to_string(), "2025-09-30");
    assert_eq!((l.sort, l.lang), (Some(Sort::Views), Some(Lang::En)));
}

#[test]
fn invalid_values_fall_back() {
    for (q, page) in [
        ("page=-1", 1),
        ("page=0", 1),
        ("page=abc", 1),
        ("page=1e99", 1),
        ("page=99999", 99_999),
        ("page=99999999999999999999", u32::MAX),
    ] {
        assert_eq!(UrlState::from_query(q).list.page, page, "{q}");
    }
    let s = UrlState::from_query("size=7&sort=zzz&field=x&from=2025-13-01&lang=fr&unknown=1");
    assert_eq!(s, UrlState::default());
    assert_eq!(
        UrlState::from_query("post=abc").post,
        Some(PostRef::Invalid("abc".into()))
    );
    assert_eq!(
        UrlState::from_query("post=-1").post,
        Some(PostRef::Invalid("-1".into()))
    );
    assert_eq!(
        UrlState::from_query("post=%2B5").post,
        Some(PostRef::Invalid("+5".into()))
    );
}

#[test]
fn a_host_page_size_applies_only_without_a_valid_size() {
    assert_eq!(UrlState::from_query_with_size("", 10).list.size, 10);
    assert_eq!(UrlState::from_query_with_size("size=7", 10).list.size, 10);
    assert_eq!(UrlState::from_query_with_size("size=50", 10).list.size, 50);
    assert_eq!(UrlState::from_query_with_size("", 33).list.size, 20);
}

#[test]
fn a_prefix_reads_and_writes_only_its_own_names() {
    let esg = ParamNames::new("esg-");
    let s = UrlState::read_with_size("page=9&q=host&esg-page=2&esg-q=임금&esg-size=50", 10, &esg);
    assert_eq!(
        (s.list.page, s.list.q.as_str(), s.list.size),
        (2, "임금", 50)
    );
    assert_eq!(UrlState::read_with_size("size=50", 10, &esg).list.size, 10);
    assert_eq!(
        s.with_post(5).to_pairs(&esg),
        vec![
            "esg-post=5",
            "esg-page=2",
            "esg-size=50",
            "esg-q=%EC%9E%84%EA%B8%88"
        ]
    );
    // Without the prefix the host's `page` and `q` are the board's again.
    assert_eq!(UrlState::from_query("page=9&q=host").list.page, 9);
}

#[test]
fn first_repeated_parameter_wins() {
    assert_eq!(UrlState::from_query("page=3&page=5").list.page, 3);
    assert_eq!(UrlState::from_query("page=abc&page=5").list.page, 1);
}

#[test]
fn relevance_only_with_a_query() {
    let mut l = ListParams::default();
    assert_eq!(l.effective_sort(), Sort::New);
    l.sort = Some(Sort::Relevance);
    assert_eq!(l.effective_sort(), Sort::New);
    l.q = "임금".into();
    assert_eq!(l.effective_sort(), Sort::Relevance);
    l.sort = None;
    assert_eq!(l.effective_sort(), Sort::Relevance);
    l.sort = Some(Sort::Old);
    assert_eq!(l.effective_sort(), Sort::Old);
}

#[test]
fn links_keep_the_list() {
    let s = UrlState::from_query("page=2&q=a b&sort=old");
    assert_eq!(s.with_post(7).to_query(), "?post=7&page=2&q=a+b&sort=old");
    assert_eq!(
        s.with_post(7).list_page(2).to_query(),
        "?page=2&q=a+b&sort=old"
    );
}

fn arb_state() -> impl Strategy<Value = UrlState> {
    (
        proptest::option::of(prop_oneof![
            any::<u32>().prop_map(PostRef::No),
            "[a-z%&=+ 가-힣]{1,8}".prop_map(PostRef::Invalid)
        ]),
        1u32..,
        proptest::sample::select(PAGE_SIZES.to_vec()),
        ".{0,12}",
        proptest::sample::select(Field::ALL.to_vec()),
        proptest::option::of("[^\\x00]{1,8}"),
        proptest::option::of(proptest::sample::select(Sort::ALL.to_vec())),
        any::<bool>(),
        proptest::option::of((1u16..9999, 1u8..13, 1u8..29)),
    )
        .prop_map(
            |(post, page, size, q, field, dept, sort, lang, d)| UrlState {
                post: post
                    .filter(|p| !matches!(p, PostRef::Invalid(t) if t.parse::<u32>().is_ok())),
                list: ListParams {
                    page,
                    size,
                    q,
                    field,
                    cat: dept.as_ref().map(|d| format!("{d}분류")),
                    dept,
                    from: d.and_then(|(y, m, d)| Date::new(y, m, d)),
                    to: None,
                    sort,
                    typed: lang && page % 2 == 0,
                    lang: lang.then_some(Lang::En),
                },
            },
        )
}

proptest! {
    /// state → URL → state is the identity, for any text in any field.
    #[test]
    fn round_trips(s in arb_state()) {
        prop_assert_eq!(UrlState::from_query(&s.to_query()), s);
    }

    /// Any query string parses without panicking.
    #[test]
    fn never_panics(q in ".{0,64}") {
        let _ = UrlState::from_query(&q).to_query();
    }
}
