//! The article view: heading, metadata, body, source, 링크 복사, 이전글/다음글, 목록, and the list
//! page the post belongs to beneath it (as on the original board).

use std::sync::Arc;

use board_core::display::thousands;
use board_core::{neighbours, position, BoardIndex, Pagination, PostBody, PostSummary, UrlState};
use leptos::prelude::*;

use crate::api;
use crate::i18n;
use crate::nav::use_nav;
use crate::views::content;
use crate::views::copy_link::CopyLink;
use crate::views::link::StateLink;
use crate::views::list::ListTable;
use crate::Config;

/// Where the post stands in the current list, and what follows from it.
#[derive(Clone, PartialEq)]
struct Placement {
    /// This article's state, with the list page the post is on.
    here: UrlState,
    /// 이전글 and 다음글: the state of each and its title.
    prev: Option<(UrlState, String)>,
    next: Option<(UrlState, String)>,
    /// The list page the post is on: its number and rows.
    beneath: Option<(u32, Vec<PostSummary>)>,
}

fn place(index: &BoardIndex, rows: &[usize], no: u32, state: &UrlState) -> Placement {
    let size = state.list.size;
    // A link to another post of this list carries the page that post is on, so that 목록 and
    // the list beneath always show the page around the post being read.
    let page_of = |n: u32| position(index, rows, n).map(|at| Pagination::page_of(at, size));
    let here = UrlState {
        list: board_core::ListParams {
            page: page_of(no).unwrap_or(state.list.page),
            ..state.list.clone()
        },
        ..state.clone()
    };
    let (above, below) = neighbours(index, rows, no);
    let link = |other: Option<u32>| {
        other.and_then(|n| index.post(n)).map(|p| {
            let to = here.list_page(page_of(p.no).unwrap_or(1)).with_post(p.no);
            (to, p.title.clone())
        })
    };
    let beneath = position(index, rows, no).map(|at| {
        let pages = Pagination::new(rows.len(), Pagination::page_of(at, size), size);
        let posts = rows[pages.rows()]
            .iter()
            .map(|&i| index.posts[i].clone())
            .collect();
        (pages.page, posts)
    });
    Placement {
        prev: link(above),
        next: link(below),
        here,
        beneath,
    }
}

#[component]
pub fn ArticleView(
    index: Arc<BoardIndex>,
    /// The current list's ordered rows, as the list view has them (not recomputed here); body
    /// hits that arrive after the article opened move its neighbours.
    rows: Memo<Vec<usize>>,
    no: u32,
    state: UrlState,
) -> impl IntoView {
    let nav = use_nav();
    let lang = nav.lang_untracked();
    let m = i18n::messages(lang);
    let post = index
        .post(no)
        .cloned()
        .expect("the board checks the post exists");
    let placement = {
        let index = index.clone();
        Memo::new(move |_| rows.with(|rows| place(&index, rows, no, &state)))
    };
    let neighbour = move |label: &'static str,
                          class: &'static str,
                          which: fn(&Placement) -> Option<(UrlState, String)>| {
        move || {
            placement.with(which).map(|(to, title)| {
                view! {
                    <li class=class>
                        <StateLink to>
                            <span class="neighbour-label">{label}</span>
                            " "
                            <span class="neighbour-title">{title}</span>
                        </StateLink>
                    </li>
                }
            })
        }
    };
    let prev = neighbour(m.prev_post, "board-prev", |p| p.prev.clone());
    let next = neighbour(m.next_post, "board-next", |p| p.next.clone());
    let back = move || placement.with(|p| p.here.list_page(p.here.list.page));
    let board_name = index.board.name.clone();
    // The page of the list this post is on, shown beneath it with the post marked: in the
    // browser a frame after the article, so that what the reader clicked for is on screen
    // first; ahead of time, at once.
    let shown_beneath = RwSignal::new(!nav.is_live());
    if nav.is_live() {
        request_animation_frame(move || {
            shown_beneath.try_set(true);
        });
    }
    let beneath = move || {
        if !shown_beneath.get() {
            return None;
        }
        placement.with(|p| p.beneath.clone()).map(|(page, posts)| {
            let caption = i18n::page_caption(lang, &board_name, page);
            view! {
                <section class="board-beneath" aria-label=m.list_of_post>
                    <ListTable caption posts state=back() current=Some(no)/>
                </section>
            }
        })
    };

    let heading = NodeRef::<leptos::html::H2>::new();
    // Keyboard and screen-reader users start reading at the article; leaving it, the list gives
    // focus back to this post's title.
    Effect::new(move |_| {
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });
    on_cleanup(move || nav.left_post.set_value(Some(no)));

    let unknown = || m.unknown.to_string();
    let url = nav.page_url();
    view! {
        <article class="board-article" aria-labelledby="board-article-title" data-url=url>
            <h2 id="board-article-title" class="board-article-title" tabindex="-1" node_ref=heading>
                {post.category.clone().map(|c| view! { <span class="board-category">{format!("[{c}]")}</span>" " })}
                {post.title.clone()}
            </h2>
            <dl class="board-meta">
                <div><dt>{m.col_no}</dt><dd>{post.no}</dd></div>
                <div><dt>{m.col_author}</dt><dd>{post.author.as_deref().unwrap_or(m.unknown).to_string()}</dd></div>
                <div><dt>{m.col_date}</dt><dd>{match &post.time {
                    Some(t) => format!("{} {t}", post.date),
                    None => post.date.to_string(),
                }}</dd></div>
                <div><dt>{m.col_views}</dt><dd>{post.views.map_or_else(unknown, thousands)}</dd></div>
                {post.dept.clone().map(|d| view! { <div><dt>{m.col_dept}</dt><dd>{d}</dd></div> })}
                {post.category.clone().map(|c| view! { <div><dt>{m.col_category}</dt><dd>{c}</dd></div> })}
            </dl>
            {if post.has_body {
                view! { <Body no/> }.into_any()
            } else {
                view! {
                    <p class="board-nobody">{m.no_body}</p>
                }
                    .into_any()
            }}
            <div class="board-article-tools"><CopyLink/></div>
        </article>
        <nav class="board-neighbours" aria-label=m.neighbours>
            <ul>{prev}{next}</ul>
        </nav>
        <p class="board-actions">{move || view! { <StateLink to=back() class="board-button">{m.back_to_list}</StateLink> }}</p>
        {beneath}
    }
}

/// A body known ahead of time: `board-prerender` provides it when it writes an article's own
/// page, so that the body is in the page's HTML rather than fetched.
#[derive(Clone)]
pub struct BodyAhead(pub std::sync::Arc<PostBody>);

/// The body, fetched when the article opens (one small file, cached for the page's life).
#[component]
fn Body(no: u32) -> impl IntoView {
    if let Some(BodyAhead(body)) = use_context::<BodyAhead>().filter(|b| b.0.no == no) {
        return view! { <Paragraphs body=api::Body::Ahead(body)/> }.into_any();
    }
    let lang = use_nav().lang_untracked();
    let m = i18n::messages(lang);
    let base = expect_context::<Config>().data_base;
    if let Some(body) = api::body_ready(&base, no) {
        return view! { <Paragraphs body/> }.into_any();
    }
    let body = LocalResource::new(move || {
        let base = base.clone();
        async move { api::fetch_body(&base, no).await }
    });
    (move || match body.get() {
        None => view! { <p class="board-status" role="status">{m.loading_body}</p> }.into_any(),
        Some(Err(e)) => view! {
            <div class="board-alert" role="alert">
                <p>{m.body_failed} " " {e.message(lang)}</p>
                <button type="button" class="board-button" on:click=move |_| body.refetch()>{m.retry}</button>
            </div>
        }
        .into_any(),
        Some(Ok(b)) => view! { <Paragraphs body=b/> }.into_any(),
    })
    .into_any()
}

#[component]
fn Paragraphs(body: api::Body) -> impl IntoView {
    let lang = use_nav().lang_untracked();
    let m = i18n::messages(lang);
    let source = body.source.as_ref().map(|s| {
        view! {
            <p class="board-source">
                <span class="board-source-label">{m.source}</span>
                " "
                {s.text()}
            </p>
        }
    });
    // In the browser the content is written into these once they are on the page
    // (`content::Writer`); ahead of time, as HTML text by the same writer.
    let (text_html, files_html) = ahead_of_time(lang, &body).unzip();
    let text = NodeRef::<leptos::html::Div>::new();
    let files = NodeRef::<leptos::html::Div>::new();
    let written = std::cell::Cell::new(false);
    Effect::new(move |_| {
        let (Some(text), Some(files)) = (text.get(), files.get()) else {
            return;
        };
        if written.replace(true) {
            return;
        }
        if let Some(w) = content::Writer::new(lang) {
            w.blocks(&text, body.content());
            w.files(&files, &body.attachments);
        }
    });
    view! {
        <div class="board-body" node_ref=text inner_html=text_html></div>
        {source}
        <div class="board-files-holder" node_ref=files inner_html=files_html></div>
    }
}

/// The content as HTML text, when rendering ahead of time (natively); in the browser, nothing:
/// the DOM writer puts it in.
fn ahead_of_time(lang: board_core::Lang, body: &api::Body) -> Option<(String, String)> {
    #[cfg(target_arch = "wasm32")]
    {
        let _ = (lang, body);
        None
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Some(content::html::article(
            lang,
            body.content(),
            &body.attachments,
        ))
    }
}
