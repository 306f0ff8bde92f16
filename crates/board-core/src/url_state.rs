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
mod tests;
