//! An article's content: its blocks as the elements they name (paragraphs, headings, lists,
//! tables, images, quotes, preformatted text, rules) and its attached files. Built as DOM nodes
//! by the renderer, never as HTML text; addresses are checked again here, since a dataset may
//! come from elsewhere than board-build.

use std::cell::Cell as Counter;

use board_core::content::{Attachment, Block, Cell, Image, Inline, Table};
use board_core::linkify::{linkify, Piece};
use board_core::safe_url::{self, LINK_SCHEMES, WEB_SCHEMES};
use board_core::Lang;
use leptos::prelude::*;

use crate::i18n;

/// What rendering one article needs to know.
struct Render {
    lang: Lang,
    /// Tables so far, to name each one's scrolling region.
    tables: Counter<usize>,
}

/// The blocks of an article.
pub fn blocks_view(blocks: &[Block], lang: Lang) -> AnyView {
    let r = Render {
        lang,
        tables: Counter::new(0),
    };
    r.blocks(blocks)
}

impl Render {
    fn blocks(&self, blocks: &[Block]) -> AnyView {
        blocks
            .iter()
            .map(|b| self.block(b))
            .collect_view()
            .into_any()
    }

    fn block(&self, b: &Block) -> AnyView {
        match b {
            Block::P(runs) => view! { <p>{runs_view(runs, true)}</p> }.into_any(),
            // The article's title is the `h2`; its own headings come below it.
            Block::Heading(h) => {
                let runs = runs_view(&h.runs, true);
                match h.level {
                    0..=2 => view! { <h3>{runs}</h3> }.into_any(),
                    3 => view! { <h4>{runs}</h4> }.into_any(),
                    _ => view! { <h5>{runs}</h5> }.into_any(),
                }
            }
            Block::List(l) => {
                let items = l
                    .items
                    .iter()
                    .map(|item| match item.as_slice() {
                        // An item of one paragraph is its text, not a paragraph in an item.
                        [Block::P(runs)] => view! { <li>{runs_view(runs, true)}</li> }.into_any(),
                        _ => view! { <li>{self.blocks(item)}</li> }.into_any(),
                    })
                    .collect_view();
                if l.ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }
            }
            Block::Table(t) => self.table(t),
            Block::Image(img) => image_view(img),
            Block::Quote(inner) => view! { <blockquote>{self.blocks(inner)}</blockquote> }.into_any(),
            Block::Pre(text) => view! { <pre>{text.clone()}</pre> }.into_any(),
            Block::Rule => view! { <hr/> }.into_any(),
        }
    }

    /// A table inside a labelled region that scrolls sideways on narrow screens and takes
    /// keyboard focus, so that it can be scrolled without a pointer.
    fn table(&self, t: &Table) -> AnyView {
        let n = self.tables.get() + 1;
        self.tables.set(n);
        let mut caption_text = String::new();
        board_core::content::runs_text(&t.caption, &mut caption_text);
        let label = i18n::table_region(self.lang, caption_text.trim(), n);
        let caption = (!t.caption.is_empty())
            .then(|| view! { <caption>{runs_view(&t.caption, false)}</caption> });
        let rows = t
            .rows
            .iter()
            .map(|row| {
                // A row of header cells heads the columns; a header cell among data cells heads
                // its row.
                let all_head = row.iter().all(|c| c.head);
                let cells = row.iter().map(|c| cell_view(c, all_head)).collect_view();
                view! { <tr>{cells}</tr> }
            })
            .collect_view();
        view! {
            <div class="board-table-scroll" role="region" aria-label=label tabindex="0">
                <table class="board-content-table">{caption}<tbody>{rows}</tbody></table>
            </div>
        }
        .into_any()
    }
}

fn cell_view(c: &Cell, column_header: bool) -> AnyView {
    let span = |n: u16| (n > 1).then(|| n.to_string());
    let (colspan, rowspan) = (span(c.colspan), span(c.rowspan));
    let runs = runs_view(&c.runs, true);
    if c.head {
        let scope = if column_header { "col" } else { "row" };
        view! { <th scope=scope colspan=colspan rowspan=rowspan>{runs}</th> }.into_any()
    } else {
        view! { <td colspan=colspan rowspan=rowspan>{runs}</td> }.into_any()
    }
}

/// An image with the source's text alternative (empty: decorative), its size reserved before it
/// loads, and loaded only when it comes near the screen.
fn image_view(img: &Image) -> AnyView {
    let Some(src) = safe_url::allowed(&img.src, &WEB_SCHEMES).filter(|s| !s.starts_with('#')) else {
        return ().into_any();
    };
    let image = view! {
        <img src=src alt=img.alt.clone() width=img.width height=img.height loading="lazy" decoding="async"/>
    };
    if img.caption.is_empty() {
        view! { <div class="board-figure">{image}</div> }.into_any()
    } else {
        view! {
            <figure class="board-figure">{image}<figcaption>{runs_view(&img.caption, true)}</figcaption></figure>
        }
        .into_any()
    }
}

/// Inline runs; web addresses in plain text become links when `linkify` (not inside a link).
fn runs_view(runs: &[Inline], linkify_text: bool) -> AnyView {
    runs.iter()
        .map(|r| run_view(r, linkify_text))
        .collect_view()
        .into_any()
}

fn run_view(r: &Inline, linkify_text: bool) -> AnyView {
    match r {
        Inline::Text(t) if linkify_text => text_view(t),
        Inline::Text(t) => t.clone().into_any(),
        Inline::Strong(inner) => view! { <strong>{runs_view(inner, linkify_text)}</strong> }.into_any(),
        Inline::Em(inner) => view! { <em>{runs_view(inner, linkify_text)}</em> }.into_any(),
        Inline::Br => view! { <br/> }.into_any(),
        Inline::Code(t) => view! { <code>{t.clone()}</code> }.into_any(),
        Inline::Link(l) => {
            let href = safe_url::allowed(&l.href, &LINK_SCHEMES).filter(|h| !h.starts_with('#'));
            match href {
                Some(href) => view! {
                    <a href=href target="_blank" rel="noopener noreferrer">{runs_view(&l.runs, false)}</a>
                }
                .into_any(),
                None => runs_view(&l.runs, linkify_text),
            }
        }
    }
}

/// Text with web addresses made links (http/https only, opened without a referrer).
fn text_view(text: &str) -> AnyView {
    linkify(text)
        .into_iter()
        .map(|piece| match piece {
            Piece::Text(t) => t.to_string().into_any(),
            Piece::Link { text, href } => view! {
                <a href=href target="_blank" rel="noopener noreferrer">{text.to_string()}</a>
            }
            .into_any(),
        })
        .collect_view()
        .into_any()
}

/// 첨부파일: each file a download link with its name, kind and size (`예산.hwp [hwp, 328KB]`).
pub fn files_view(files: &[Attachment], lang: Lang) -> impl IntoView {
    let m = i18n::messages(lang);
    let items = files
        .iter()
        .filter_map(|f| {
            let url = safe_url::allowed(&f.url, &WEB_SCHEMES)?;
            let meta = i18n::file_meta(f.kind.as_deref(), f.size);
            let count = f.downloads.map(|n| i18n::download_count(lang, n));
            Some(view! {
                <li>
                    <a class="board-file" href=url download=f.name.clone()>
                        <span class="board-file-name">{f.name.clone()}</span>
                        {(!meta.is_empty()).then(|| view! { " "<span class="board-file-meta">{meta}</span> })}
                    </a>
                    {count.map(|c| view! { " "<span class="board-file-count">{c}</span> })}
                </li>
            })
        })
        .collect_view();
    (!files.is_empty()).then(|| {
        view! {
            <section class="board-files" aria-labelledby="board-files-title">
                <h3 id="board-files-title" class="board-files-title">
                    {m.files}" "<span class="board-files-count">{files.len()}</span>
                </h3>
                <ul>{items}</ul>
            </section>
        }
    })
}
