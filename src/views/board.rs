//! The board's root: loads the dataset once, then shows the list or an article for the URL.

use std::sync::Arc;

use board_core::{select, BoardIndex, Lang, ListParams, PostRef, UrlState};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, Stage};
use crate::body_search::BodySearch;
use crate::i18n;
use crate::nav::{use_nav, Nav};
use crate::views::article::ArticleView;
use crate::views::link::StateLink;
use crate::views::list::ListView;
use crate::views::not_found::NotFound;
use crate::views::status::{LoadFailed, Loading};
use crate::Config;

#[component]
pub fn Board(
    config: Config,
    /// Called once, when the board first shows more than "loading" (its list, or what failed):
    /// the moment a pre-rendered page can be swapped for it (`crate::mount`).
    #[prop(optional)]
    on_ready: Option<Callback<()>>,
) -> impl IntoView {
    let nav = Nav::install(&config);
    provide_context(nav);
    provide_context(config.clone());
    let stage = RwSignal::new(Stage::Loading);
    let base = StoredValue::new(config.data_base);
    // Taken the first time the board shows more than "loading"; the swap it schedules runs in
    // the next animation frame, after this state is rendered.
    let on_ready = StoredValue::new(on_ready);
    let load = move || {
        let base = base.get_value();
        spawn_local(async move {
            api::load_index(&base, |s| {
                if let Stage::Full(index) = &s {
                    // Build the search keys while the reader looks at the first page, not on
                    // their first keystroke.
                    let index = index.clone();
                    set_timeout(
                        move || board_core::prepare_search(&index),
                        std::time::Duration::from_millis(250),
                    );
                }
                let shown = !matches!(s, Stage::Loading);
                stage.set(s);
                if shown {
                    if let Some(ready) = on_ready.try_update_value(Option::take).flatten() {
                        ready.run(());
                    }
                }
            })
            .await
        });
    };
    load();
    let lang_attr = move || i18n::messages(nav.lang()).lang_attr;
    // Which screen, apart from the data: the rest of a big list arriving changes the data the
    // board shows, not the board, so a reader typing in the search box keeps focus and text.
    let phase = Memo::new(move |_| match stage.get() {
        Stage::Loading => Phase::Loading,
        Stage::Failed(e) => Phase::Failed(e),
        Stage::Partial { .. } | Stage::Full(_) => Phase::Ready,
    });
    let listing = Memo::new(move |_| match stage.get() {
        Stage::Partial { index, total } => Some(Listing {
            index,
            partial_total: Some(total),
        }),
        Stage::Full(index) => Some(Listing {
            index,
            partial_total: None,
        }),
        Stage::Loading | Stage::Failed(_) => None,
    });
    view! {
        // Whether the whole list is in (`partial` while its first files alone are): for host
        // pages and tests that need to know which search answered.
        <div class="esg-board" lang=lang_attr data-board-list=move || listing.with(|l| l.as_ref().map(|l| if l.partial_total.is_some() { "partial" } else { "whole" }))>
            // Rebuilt when the language changes (`Nav::lang` is a memo), not on every state
            // change (a page change rebuilt the whole board once: 20–40 ms at 100k posts).
            {move || {
                let lang = nav.lang();
                let m = i18n::messages(lang);
                match (phase.get(), listing.get_untracked()) {
                    (Phase::Failed(e), _) => {
                        view! {
                            <LoadFailed message=e.message(lang) retry_label=m.retry retry=Callback::new(move |_| load())/>
                        }
                            .into_any()
                    }
                    (Phase::Ready, Some(first)) => {
                        let listing = Signal::derive(move || listing.get().unwrap_or_else(|| first.clone()));
                        view! { <Loaded listing/> }.into_any()
                    }
                    _ => view! { <Loading what=m.loading_board/> }.into_any(),
                }
            }}
        </div>
    }
}

/// What the board shows, before the data: loading, what failed, or the board.
#[derive(Clone, PartialEq)]
enum Phase {
    Loading,
    Failed(api::LoadError),
    Ready,
}

/// The list the board shows: the first list files while the rest loads, then all of it.
#[derive(Clone, Debug)]
pub struct Listing {
    pub index: Arc<BoardIndex>,
    /// While only the first list files are in: the number of posts in all.
    pub partial_total: Option<usize>,
}

impl PartialEq for Listing {
    /// The same list is the same `Arc` (comparing 100k rows would cost what it saves).
    fn eq(&self, other: &Listing) -> bool {
        Arc::ptr_eq(&self.index, &other.index) && self.partial_total == other.partial_total
    }
}

/// What the main area shows, and in which language: it is rebuilt only when one of these
/// changes, so the search box keeps focus and text while the rows follow the state.
#[derive(Clone, PartialEq)]
enum Kind {
    List(Lang),
    /// An article asked for while only the first list files are in.
    Waiting(Lang),
    Post(u32, Lang),
    Invalid(String, Lang),
}

/// The browser title for a state: the article's title, or the board with the search and page.
pub fn document_title(index: &BoardIndex, state: &UrlState, lang: Lang) -> String {
    let board = &index.board.name;
    match &state.post {
        Some(PostRef::No(n)) if index.post(*n).is_some() => {
            format!(
                "{} - {board}",
                index.post(*n).map(|p| p.title.as_str()).unwrap_or_default()
            )
        }
        Some(_) => format!("{} - {board}", i18n::messages(lang).not_found_title),
        None => {
            let mut title = board.clone();
            let q = state.list.q.trim();
            if !q.is_empty() {
                title = i18n::title_with_search(lang, &title, q);
            }
            if state.list.page > 1 {
                title = i18n::title_with_page(lang, &title, state.list.page);
            }
            title
        }
    }
}

/// Moves focus to the list table (the skip link's target) without touching the URL.
fn skip_to_list(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    let target = document()
        .get_element_by_id("board-list")
        .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok());
    if let Some(table) = target {
        let _ = table.focus();
        table.scroll_into_view_with_bool(true);
    }
}

/// The Hangul reading of the URL's query being shown instead of it (`rhdyd` → 고용), if any.
#[derive(Clone, Copy)]
pub struct Reading(pub Memo<Option<String>>);

/// The query the rows are for: the Hangul reading when one is shown, else the text as typed.
pub fn shown_query(typed: &str) -> String {
    use_context::<Reading>()
        .and_then(|r| r.0.get_untracked())
        .unwrap_or_else(|| typed.to_string())
}

/// The board once its list is in: heading, language switch, skip link, and the view the URL
/// asks for.
#[component]
pub fn Loaded(
    /// The list; it grows once (the first list files, then all) without rebuilding the board.
    #[prop(into)]
    listing: Signal<Listing>,
) -> impl IntoView {
    let nav = use_nav();
    // What does not change when the rest of the list arrives (it comes from board.json).
    let first = listing.get_untracked().index;
    let base = expect_context::<Config>().data_base;
    // The list parameters of the URL; the rows depend on everything but the page, so neither a
    // page change nor opening an article recomputes them.
    let params = Memo::new(move |_| {
        nav.state.with(|s| ListParams {
            page: 1,
            ..s.list.clone()
        })
    });
    let typed_search = BodySearch::install(params, first.body_index, base.clone());
    // The body hits on their own memo: the search's state going from "not asked" to "loading"
    // changes nothing here, so it does not re-run the whole search.
    let typed_hits = Memo::new(move |_| typed_search.found());
    // A query typed with the keyboard in English mode (`rhdyd`) that finds nothing as typed,
    // bodies included, is searched as the Hangul it stands for (고용); the URL keeps the text
    // as typed. Real Latin words (ESG, ISSB) find themselves first.
    let reading = Memo::new(move |_| params.with(|p| p.hangul_reading()));
    let shown_reading = Memo::new(move |_| {
        let r = reading.get()?;
        if typed_search.waiting() {
            return None;
        }
        let body = typed_hits.get();
        let nothing = listing.with(|l| {
            l.partial_total.is_none()
                && params
                    .with(|p| select(&l.index, p, body.as_ref().map(|b| b.as_slice())).is_empty())
        });
        nothing.then_some(r)
    });
    let reading_params = Memo::new(move |_| match shown_reading.get() {
        Some(q) => params.with(|p| ListParams { q, ..p.clone() }),
        None => ListParams::default(),
    });
    let reading_search = BodySearch::install(reading_params, first.body_index, base);
    let reading_hits = Memo::new(move |_| reading_search.found());
    let use_reading = Memo::new(move |_| shown_reading.with(Option::is_some));
    provide_context(BodySearch::either(
        typed_search,
        reading_search,
        use_reading,
    ));
    provide_context(Reading(shown_reading));
    // The ordered rows of the current list, shared by the list and the article view (이전글/다음글
    // and the page beneath).
    let rows = Memo::new(move |_| {
        let (search, hits) = if use_reading.get() {
            (reading_params, reading_hits)
        } else {
            (params, typed_hits)
        };
        let body = hits.get();
        listing.with(|l| {
            if l.partial_total.is_some() {
                return Vec::new();
            }
            search.with(|p| select(&l.index, p, body.as_ref().map(|b| b.as_slice())))
        })
    });
    let partial = Memo::new(move |_| listing.with(|l| l.partial_total.is_some()));
    let index = first;
    let name = index.board.name.clone();
    // Only on the board's own page (`data-page-title="true"`): a portal page keeps its title.
    if expect_context::<Config>().page_title {
        Effect::new(move |_| {
            let lang = nav.lang();
            let title = listing.with(|l| {
                nav.state
                    .with(|state| document_title(&l.index, state, lang))
            });
            if let Some(doc) = window().document() {
                doc.set_title(&title);
            }
        });
    }
    let view_kind = Memo::new(move |_| {
        let lang = nav.lang();
        nav.state.with(|s| match &s.post {
            None => Kind::List(lang),
            // An article needs the whole list (이전글/다음글, its page): wait for it.
            Some(_) if partial.get() => Kind::Waiting(lang),
            Some(PostRef::No(n)) => Kind::Post(*n, lang),
            Some(PostRef::Invalid(t)) => Kind::Invalid(t.clone(), lang),
        })
    });
    // A host page with its own heading can hide ours (data-title="false"); screen readers
    // still find the board by it.
    let title_class = if expect_context::<Config>().show_title {
        "board-title"
    } else {
        "board-title board-visually-hidden"
    };
    let switch = move || {
        let lang = nav.lang();
        let m = i18n::messages(lang);
        let other = i18n::other(lang);
        let to = nav.state.with(|s| UrlState {
            post: s.post.clone(),
            list: ListParams {
                lang: Some(other),
                ..s.list.clone()
            },
        });
        view! {
            <StateLink to class="board-lang-switch" lang=i18n::messages(other).lang_attr>
                {m.switch_to}
            </StateLink>
        }
    };
    // Follows only the view kind (which holds the language), not every state change.
    // It moves focus itself: following `#board-list` would change the host page's URL (its
    // hash is the host's) and could scroll a portal's own anchor logic around.
    let skip = move || match view_kind.get() {
        Kind::List(lang) => Some(view! {
            <a class="board-skip" href="#board-list" on:click=skip_to_list>{i18n::messages(lang).skip_to_list}</a>
        }),
        _ => None,
    };
    view! {
        {skip}
        <header class="board-header">
            <h1 class=title_class>{name}</h1>
            {switch}
        </header>
        <div class="board-main">
            {move || {
                let back = nav.state.with_untracked(|s| s.list_page(s.list.page));
                match view_kind.get() {
                    Kind::List(_) => view! { <ListView listing rows/> }.into_any(),
                    Kind::Waiting(lang) => {
                        view! { <Loading what=i18n::messages(lang).loading_all/> }.into_any()
                    }
                    Kind::Post(no, _) if listing.with_untracked(|l| l.index.post(no).is_some()) => {
                        let state = nav.state.get_untracked();
                        let index = listing.with_untracked(|l| l.index.clone());
                        view! { <ArticleView index rows no state/> }.into_any()
                    }
                    Kind::Post(no, _) => view! { <NotFound asked=no.to_string() back/> }.into_any(),
                    Kind::Invalid(text, _) => view! { <NotFound asked=text back/> }.into_any(),
                }
            }}
        </div>
    }
}
