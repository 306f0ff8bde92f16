//! The board's URL state: everything lives in the query string (README "URL parameters").
//!
//! Parsing never fails: each invalid value falls back as the contract says, so any pasted or
//! hand-edited link opens something sensible. A repeated parameter: the first one wins.

use crate::host_url::ParamNames;
use crate::{Date, Field, Sort};

/// Rows-per-page choices; anything else falls back to the default.
pub const PAGE_SIZES: [u32; 4] = [10, 20, 50, 100];
pub const DEFAULT_SIZE: u32 = 20;

/// The list part of the state; kept in the URL while an article is open, so that 목록 and
/// 이전글/다음글 follow the same list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListParams {
    /// Requested page, ≥ 1; clamped to the last page when the list is known.
    pub page: u32,
    pub size: u32,
    pub q: String,
    pub field: Field,
    pub dept: Option<String>,
    /// `cat=`: only posts of this 분류.
    pub cat: Option<String>,
    pub from: Option<Date>,
    pub to: Option<Date>,
    /// The order asked for in the URL; see [`ListParams::effective_sort`].
    pub sort: Option<Sort>,
    /// `lang=`: the UI language asked for in the URL; `None` leaves it to the host page
    /// (`data-lang`), which defaults to Korean.
    pub lang: Option<Lang>,
    /// `typed=1`: search `q` exactly as typed, never as the Hangul its keys would have typed
    /// in Korean mode (`crate::dubeolsik`).
    pub typed: bool,
}

impl Default for ListParams {
    fn default() -> Self {
        ListParams {
            page: 1,
            size: DEFAULT_SIZE,
            q: String::new(),
            field: Field::All,
            dept: None,
            cat: None,
            from: None,
            to: None,
            sort: None,
            lang: None,
            typed: false,
        }
    }
}

impl ListParams {
    /// The Hangul that `q` stands for when it was typed with the keyboard in English mode
    /// (`rhdyd` → 고용), unless the URL asks for the text as typed.
    pub fn hangul_reading(&self) -> Option<String> {
        if self.typed {
            return None;
        }
        crate::dubeolsik::hangul_reading(&self.q)
    }

    /// Whether a filter (담당부서, 분류, dates) narrows the list.
    pub fn filtered(&self) -> bool {
        self.dept.is_some() || self.cat.is_some() || self.from.is_some() || self.to.is_some()
    }

    /// Whether a search or a filter narrows the list (so "nothing" means "no match").
    pub fn narrowed(&self) -> bool {
        !self.q.trim().is_empty() || self.filtered()
    }

    /// The order in force: relevance while a query is set (and only then), else `new`.
    pub fn effective_sort(&self) -> Sort {
        let has_q = !self.q.trim().is_empty();
        match self.sort {
            Some(Sort::Relevance) | None if has_q => Sort::Relevance,
            Some(Sort::Relevance) | None => Sort::New,
            Some(s) => s,
        }
    }
}

/// The UI language (`lang=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Ko,
    En,
}

impl Lang {
    pub fn key(self) -> &'static str {
        match self {
            Lang::Ko => "ko",
            Lang::En => "en",
        }
    }

    pub fn from_key(key: &str) -> Option<Lang> {
        match key {
            "ko" => Some(Lang::Ko),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}

/// `post=`: a number, or whatever text was there (shown as not found).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PostRef {
    No(u32),
    Invalid(String),
}

/// The whole state of the page.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct UrlState {
    /// `Some` in the article view.
    pub post: Option<PostRef>,
    pub list: ListParams,
}

/// Reads a page number leniently: digits only; too large saturates (then clamps to the last page),
/// anything else is page 1.
fn parse_page(v: &str) -> u32 {
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        v.parse::<u64>()
            .map_or(u32::MAX, |n| n.clamp(1, u32::MAX as u64) as u32)
    } else {
        1
    }
}

/// A page size from the URL, if it is one of [`PAGE_SIZES`].
fn parse_size(v: &str) -> Option<u32> {
    v.parse().ok().filter(|s| PAGE_SIZES.contains(s))
}

impl UrlState {
    /// Parses a query string, with or without its leading `?`.
    pub fn from_query(query: &str) -> UrlState {
        UrlState::read(query, &ParamNames::default())
    }

    /// Parses the board's parameters out of a page's query string, as the host page names them;
    /// every other parameter is the host's and is ignored.
    pub fn read(query: &str, names: &ParamNames) -> UrlState {
        let query = query.strip_prefix('?').unwrap_or(query);
        let mut state = UrlState::default();
        let mut seen: Vec<&str> = Vec::new();
        for (name, v) in form_urlencoded::parse(query.as_bytes()) {
            let Some(k) = names.board_key(&name) else {
                continue;
            };
            if seen.contains(&k) {
                continue; // the first occurrence wins
            }
            let k = crate::host_url::KEYS
                .into_iter()
                .find(|key| *key == k)
                .expect("board_key returns one of KEYS");
            seen.push(k);
            let l = &mut state.list;
            match k {
                "post" => {
                    state.post = Some(match v.parse::<u32>() {
                        Ok(n) if !v.starts_with('+') => PostRef::No(n),
                        _ => PostRef::Invalid(v.to_string()),
                    })
                }
                "page" => l.page = parse_page(&v),
                "size" => l.size = parse_size(&v).unwrap_or(DEFAULT_SIZE),
                "q" => l.q = v.to_string(),
                "field" => l.field = Field::from_key(&v).unwrap_or_default(),
                "dept" => l.dept = Some(v.to_string()).filter(|d| !d.is_empty()),
                "cat" => l.cat = Some(v.to_string()).filter(|c| !c.is_empty()),
                "from" => l.from = v.parse().ok(),
                "to" => l.to = v.parse().ok(),
                "sort" => l.sort = Sort::from_key(&v),
                "lang" => l.lang = Lang::from_key(&v),
                "typed" => l.typed = v == "1",
                _ => {}
            }
        }
        state
    }

    /// Like [`UrlState::from_query`], with the page size a host page chose (`data-page-size`)
    /// used when the URL gives none (or an invalid one).
    pub fn from_query_with_size(query: &str, default_size: u32) -> UrlState {
        UrlState::read_with_size(query, default_size, &ParamNames::default())
    }

    /// [`UrlState::read`] with the host page's default page size.
    pub fn read_with_size(query: &str, default_size: u32, names: &ParamNames) -> UrlState {
        let mut state = UrlState::read(query, names);
        let size_name = names.name("size");
        let explicit = form_urlencoded::parse(query.strip_prefix('?').unwrap_or(query).as_bytes())
            .find(|(k, _)| *k == *size_name)
            .is_some_and(|(_, v)| parse_size(&v).is_some());
        if !explicit && PAGE_SIZES.contains(&default_size) {
            state.list.size = default_size;
        }
        state
    }

    /// The query string (with `?`, or `?` alone for the default list) for this state. Only
    /// non-default values are written, in a fixed order, so equal states give equal links.
    pub fn to_query(&self) -> String {
        format!("?{}", self.to_pairs(&ParamNames::default()).join("&"))
    }

    /// The state's parameters as encoded `name=value` pairs, named as the host page names
    /// them: only non-default values, in the order of [`crate::host_url::KEYS`].
    pub fn to_pairs(&self, names: &ParamNames) -> Vec<String> {
        let mut out = Vec::new();
        let mut put = |key: &str, value: &str| {
            out.push(
                form_urlencoded::Serializer::new(String::new())
                    .append_pair(&names.name(key), value)
                    .finish(),
            )
        };
        let l = &self.list;
        match &self.post {
            Some(PostRef::No(n)) => put("post", &n.to_string()),
            Some(PostRef::Invalid(t)) => put("post", t),
            None => {}
        }
        if l.page != 1 {
            put("page", &l.page.to_string());
        }
        if l.size != DEFAULT_SIZE {
            put("size", &l.size.to_string());
        }
        if !l.q.is_empty() {
            put("q", &l.q);
        }
        if l.field != Field::All {
            put("field", l.field.key());
        }
        if let Some(d) = &l.dept {
            put("dept", d);
        }
        if let Some(c) = &l.cat {
            put("cat", c);
        }
        if let Some(d) = l.from {
            put("from", &d.to_string());
        }
        if let Some(d) = l.to {
            put("to", &d.to_string());
        }
        if let Some(sort) = l.sort {
            put("sort", sort.key());
        }
        if let Some(lang) = l.lang {
            put("lang", lang.key());
        }
        if l.typed {
            put("typed", "1");
        }
        out
    }

    /// The same list, showing the article `no`.
    pub fn with_post(&self, no: u32) -> UrlState {
        UrlState {
            post: Some(PostRef::No(no)),
            list: self.list.clone(),
        }
    }

    /// The list view on `page`, keeping every list parameter.
    pub fn list_page(&self, page: u32) -> UrlState {
        UrlState {
            post: None,
            list: ListParams {
                page,
                ..self.list.clone()
            },
        }
    }
}

#[cfg(test)]
mod tests {
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
        let s =
            UrlState::read_with_size("page=9&q=host&esg-page=2&esg-q=임금&esg-size=50", 10, &esg);
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
}
