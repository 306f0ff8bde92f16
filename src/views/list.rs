//! The list view: search form, filters, count line, the table of posts, pagination.
//!
//! The form and filters are created once per visit to the list, so typing is never interrupted;
//! only the count, the rows and the pagination follow the state.

use board_core::display::thousands;
use board_core::{
    found_by_body, highlight, BoardIndex, Date, Lang, ListParams, Pagination, PostSummary, Sort,
    UrlState,
};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::body_search::{self, use_body_search};
use crate::i18n;
use crate::nav::use_nav;
use crate::views::board::{shown_query, Listing, Reading};
use crate::views::categories::Categories;
use crate::views::filters::Filters;
use crate::views::link::StateLink;
use crate::views::marked::marked;
use crate::views::pagination::PageNav;
use crate::views::search::SearchForm;
use crate::views::snippet::BodySnippet;

/// Posts dated within this many days of the newest post carry the 새 글 marker.
const NEW_DAYS: i64 = 7;

/// How long the count waits, after the last change, before screen readers hear it: once when
/// typing settles, not at every keystroke.
const ANNOUNCE_AFTER_MS: u64 = 700;

/// One rendered page of the list.
#[derive(Clone, PartialEq)]
struct Page {
    state: UrlState,
    pages: Pagination,
    posts: Vec<PostSummary>,
    /// 공지 shown above the rows (the plain list only).
    notices: Vec<PostSummary>,
    /// The state needs list files that are still loading.
    waiting: bool,
}

/// Whether the first list files alone can show this state: the plain list in the default order
/// (the shards are in that order), on a page they cover.
fn servable_from_prefix(l: &ListParams, loaded: usize, total: usize) -> bool {
    let plain = !l.narrowed() && l.effective_sort() == Sort::New;
    plain && Pagination::new(total, l.page, l.size).rows().end <= loaded
}

/// The count line: `총 N건`, or a sentence saying why there is nothing.
fn count_text(index: &BoardIndex, p: &Page, lang: Lang) -> String {
    let l = &p.state.list;
    let m = i18n::messages(lang);
    if p.waiting {
        return m.loading_all.to_string();
    }
    if p.pages.total > 0 {
        return i18n::count(lang, p.pages.total, p.pages.page, p.pages.last);
    }
    match (&l.dept, &l.cat) {
        (Some(d), _) if !index.departments.iter().any(|x| &x.name == d) => {
            i18n::no_posts_in_dept(lang, d)
        }
        (_, Some(c)) if !index.categories.iter().any(|x| &x.name == c) => {
            i18n::no_posts_in_category(lang, c)
        }
        _ if l.narrowed() => m.nothing_found.to_string(),
        _ => m.board_empty.to_string(),
    }
}

fn focus_title(no: u32) {
    let selector = format!(".esg-board .board-table a[data-post=\"{no}\"]");
    let found = document().query_selector(&selector).ok().flatten();
    if let Some(link) = found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = link.focus();
    }
}

#[component]
pub fn ListView(
    /// The list, growing once while the view stays (the first list files, then all).
    listing: Signal<Listing>,
    /// The list's ordered rows (indices into the index's posts) for the current search and
    /// filters; a page change only slices them.
    rows: Memo<Vec<usize>>,
) -> impl IntoView {
    let nav = use_nav();
    // Board name, departments and the newest date come with the first list file already.
    let index = listing.with_untracked(|l| l.index.clone());
    let newest = index.posts.iter().map(|p| p.date).max();
    let body_search = use_body_search();
    // The board's notices, newest first: found once per list, not at every page change.
    let notices = Memo::new(move |_| {
        listing.with(|l| {
            l.index
                .posts
                .iter()
                .filter(|p| p.notice)
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    // On every page of the plain list (no search, filter or category) they come first, without
    // changing the page's rows.
    let notices_for = move |l: &ListParams| {
        if l.narrowed() {
            Vec::new()
        } else {
            notices.get()
        }
    };
    let list_params = Memo::new(move |_| nav.state.with(|s| s.list.clone()));
    let early = crate::early_search::install(
        listing,
        list_params,
        body_search,
        expect_context::<crate::Config>().data_base,
    );
    let page = Memo::new(move |_| {
        let state = nav.state.get();
        let notices = notices_for(&state.list);
        listing.with(|l| {
            let index = &l.index;
            if let Some(total) = l.partial_total {
                // Only the first list files are in: the plain list's first pages come straight
                // from them, a search from the title index; anything else waits for the rest.
                let found = early.with(|e| {
                    e.as_ref()
                        .filter(|e| e.params == state.list)
                        .and_then(|e| e.page.clone().ok())
                });
                if let Some(found) = found {
                    return Page {
                        notices,
                        pages: Pagination::new(found.total, state.list.page, state.list.size),
                        state,
                        posts: found.posts,
                        waiting: false,
                    };
                }
                let pages = Pagination::new(total, state.list.page, state.list.size);
                let waiting = !servable_from_prefix(&state.list, index.posts.len(), total);
                let posts = if waiting {
                    Vec::new()
                } else {
                    index.posts[pages.rows()].to_vec()
                };
                return Page {
                    notices,
                    state,
                    pages,
                    posts,
                    waiting,
                };
            }
            let (pages, posts) = rows.with(|rows| {
                let pages = Pagination::new(rows.len(), state.list.page, state.list.size);
                let posts = rows[pages.rows()]
                    .iter()
                    .map(|&i| index.posts[i].clone())
                    .collect();
                (pages, posts)
            });
            Page {
                notices,
                state,
                pages,
                posts,
                waiting: false,
            }
        })
    });
    // Back from an article: focus returns to that post's title link (keyboard users keep their
    // place). Runs after the rows are in the DOM.
    Effect::new(move |_| {
        if let Some(no) = nav.left_post.get_value() {
            nav.left_post.set_value(None);
            request_animation_frame(move || focus_title(no));
        }
    });
    let lang = nav.lang_untracked();
    let m = i18n::messages(lang);
    let caption = i18n::list_caption(lang, &index.board.name);
    let count = {
        let index = index.clone();
        move || {
            let p = page.read();
            let note = body_search::note(&body_search.hits(), lang, p.pages.total);
            match note {
                // Nothing yet, but the bodies may still hold it: say so, not "no results".
                Some(note) if p.pages.total == 0 => note,
                Some(note) => format!("{} {note}", count_text(&index, &p, lang)),
                None => count_text(&index, &p, lang),
            }
        }
    };
    // Screen readers hear the count once it has stayed the same for a moment.
    let (announced, set_announced) = signal(String::new());
    let pending = StoredValue::new(None::<TimeoutHandle>);
    let count_now = Memo::new({
        let count = count.clone();
        move |_| count()
    });
    // What screen readers hear: the count, after the Hangul reading it is for, when one is shown.
    let reading = use_context::<Reading>();
    let heard = Memo::new(move |_| {
        let count = count_now.get();
        match reading.and_then(|r| r.0.get()) {
            Some(hangul) => format!("{} · {count}", i18n::reading_shown(lang, &hangul)),
            None => count,
        }
    });
    Effect::new(move |_| {
        let text = heard.get();
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
        let handle = set_timeout_with_handle(
            move || {
                let _ = set_announced.try_set(text);
            },
            std::time::Duration::from_millis(ANNOUNCE_AFTER_MS),
        )
        .ok();
        let _ = pending.try_set_value(handle);
    });
    on_cleanup(move || {
        if let Some(h) = pending.try_get_value().flatten() {
            h.clear();
        }
    });
    // Clears the search and the filters, keeping the reader's page size and language.
    let reset = move |_| {
        let l = nav.state.get_untracked().list;
        nav.go(UrlState {
            post: None,
            list: ListParams {
                size: l.size,
                lang: l.lang,
                ..Default::default()
            },
        });
    };
    // A query typed in English mode, shown as the Hangul it stands for: said, with a link that
    // searches the text as typed.
    let reading_line = move || {
        let hangul = reading?.0.get()?;
        let (typed, to) = nav.state.with(|s| {
            let to = UrlState {
                post: None,
                list: ListParams {
                    typed: true,
                    page: 1,
                    ..s.list.clone()
                },
            };
            (s.list.q.clone(), to)
        });
        Some(view! {
            <p class="board-reading">
                <strong>{i18n::reading_shown(lang, &hangul)}</strong>" · "
                <StateLink to>{i18n::search_as_typed(lang, &typed)}</StateLink>
            </p>
        })
    };
    view! {
        <Categories index=index.clone()/>
        <SearchForm/>
        <Filters index=index.clone()/>
        {reading_line}
        <div class="board-summary">
            <p class="board-count">{move || count_now.get()}</p>
            <p class="board-visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-board-announce="">{move || announced.get()}</p>
            <Show when=move || page.with(|p| {
                p.pages.total == 0 && !p.waiting && p.state.list.narrowed()
                    && !body_search.waiting()
            })>
                <button type="button" class="board-button board-button-secondary" on:click=reset>{m.reset_search}</button>
            </Show>
        </div>
        {move || {
            let p = page.get();
            (p.pages.total > 0 && !p.waiting).then(|| {
                view! {
                    <ListTable skip_target=true snippets=true caption=caption.clone() posts=p.posts notices=p.notices state=p.state.clone() newest/>
                    <PageNav pages=p.pages state=p.state/>
                }
            })
        }}
    }
}

/// The table itself: caption, five column headers, one row per post.
#[component]
pub fn ListTable(
    #[prop(into)] caption: String,
    posts: Vec<PostSummary>,
    /// 공지 rows above the posts, their 번호 cell reading 공지.
    #[prop(default = Vec::new())]
    notices: Vec<PostSummary>,
    state: UrlState,
    /// The dataset's newest date: posts within a week of it are marked 새 글.
    #[prop(default = None)]
    newest: Option<Date>,
    /// The post being read, when the table is shown beneath an article.
    #[prop(default = None)]
    current: Option<u32>,
    /// The main list's table is the skip link's target.
    #[prop(default = false)]
    skip_target: bool,
    /// Rows found by their body show the text around the hit (the main list only).
    #[prop(default = false)]
    snippets: bool,
) -> impl IntoView {
    let m = i18n::messages(use_nav().lang_untracked());
    // Marks and snippets follow the query the rows are for (the Hangul reading, when shown).
    let q = shown_query(&state.list.q);
    let rows = (notices.into_iter().map(|p| (true, p)))
        .chain(posts.into_iter().map(|p| (false, p)))
        .map(|(notice, p)| {
            let to = state.with_post(p.no);
            let is_new = newest.is_some_and(|n| p.date.within_days_of(n, NEW_DAYS));
            let title = p.title.clone();
            let pieces = marked(highlight(&p.title, &q));
            let is_current = current == Some(p.no);
            let snippet = (snippets && p.has_body && found_by_body(&p, &q, state.list.field))
                .then(|| view! { <BodySnippet no=p.no q=q.clone()/> });
            let no = if notice {
                view! { <span class="badge-notice">{m.notice}</span> }.into_any()
            } else {
                p.no.into_any()
            };
            let files = (p.attachments > 0).then(|| {
                view! {
                    <span class="badge-file" title=m.has_files>
                        <svg aria-hidden="true" viewBox="0 0 16 16" width="14" height="14"><path d="M10.5 4.5v6a2.5 2.5 0 0 1-5 0V4a1.5 1.5 0 0 1 3 0v6a.5.5 0 0 1-1 0V4.5" fill="none" stroke="currentColor" stroke-width="1.2" stroke-linecap="round"/></svg>
                        <span class="board-visually-hidden">{m.files}</span>
                    </span>
                }
            });
            view! {
                <tr class:is-current=is_current class:is-notice=notice>
                    <td class="col-no">{no}</td>
                    <td class="col-title">
                        <span class="title-line">
                            {p.category.clone().map(|c| view! { <span class="board-category">{format!("[{c}]")}</span>" " })}
                            <StateLink to class="title-link" tooltip=title current=is_current attr:data-post=p.no>
                                {pieces}
                            </StateLink>
                            {files}
                            {is_new.then(|| view! { <span class="badge-new">{m.new_badge}</span> })}
                        </span>
                        {snippet}
                    </td>
                    <td class="col-author">{p.author.unwrap_or_else(|| "—".into())}</td>
                    <td class="col-date">{p.date.to_string()}</td>
                    <td class="col-views">{p.views.map_or_else(|| "—".into(), thousands)}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <table class="board-table" id=skip_target.then_some("board-list") tabindex=skip_target.then_some("-1")>
            <caption>{caption}</caption>
            <thead>
                <tr>
                    <th scope="col" class="col-no">{m.col_no}</th>
                    <th scope="col" class="col-title">{m.col_title}</th>
                    <th scope="col" class="col-author">{m.col_author}</th>
                    <th scope="col" class="col-date">{m.col_date}</th>
                    <th scope="col" class="col-views">{m.col_views}</th>
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}
