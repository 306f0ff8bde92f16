//! What the body index found for the search in the URL, shared by the list (rows, count line,
//! snippets) and the article view (이전글/다음글 follow the same list).
//!
//! Title, author and department hits come from the list data at once; body hits follow when
//! the few index files the query needs are in (`api::search_bodies`), and re-order nothing
//! already shown: they rank after every title hit.

use std::sync::Arc;

use board_core::body_index::{IndexMeta, Plan};
use board_core::search::Query;
use board_core::{Field, Lang, ListParams};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, LoadError};

/// The body side of one search.
#[derive(Clone, Debug, PartialEq)]
pub enum Hits {
    /// The search does not look in bodies: no query, the 제목/글쓴이 field, a 초성 query (those
    /// match titles, authors and departments), or a dataset without a body index.
    NotSearched,
    /// The index files are loading.
    Pending,
    /// The index files are here: the answer comes a frame after the title, author and
    /// department hits, so those are on screen without waiting for the posting lists.
    Soon,
    /// Sorted 번호 of the posts whose bodies hold the query.
    Found(Arc<Vec<u32>>),
    Failed(LoadError),
}

/// The body side of a search.
#[derive(Clone, Copy)]
pub struct BodySearch {
    /// The hits for the search now: computed once per change, read by every view.
    current: Signal<Hits>,
}

/// The plan for a list state, when its search looks in bodies.
fn plan(l: &ListParams) -> Option<Plan> {
    if !matches!(l.field, Field::All | Field::Body) {
        return None;
    }
    Plan::new(&Query::parse(&l.q)?)
}

impl BodySearch {
    /// Follows a search (the URL's, or the Hangul reading of it): each new search text
    /// fetches the index files it needs (those already fetched are reused), and a result
    /// arriving after the text changed is dropped.
    pub fn install(search: Memo<ListParams>, meta: Option<IndexMeta>, base: String) -> BodySearch {
        // What the last fetch found, for the search text it was made for.
        let fetched = RwSignal::new((String::new(), Hits::NotSearched));
        let base = StoredValue::new(base);
        let wanted = Memo::new(move |_| search.with(|l| (l.q.clone(), meta.and_then(|_| plan(l)))));
        // The hits for the URL's search, computed once per change of the search text or of
        // what a fetch found, and read by every view: at once when the index files are here
        // (typing on in a search renders once per keystroke), else what the fetch found for
        // this text, else pending while the files it needs are fetched. One effect keeps it,
        // because a change may need a fetch; it follows the text, not the hits, so a text
        // typed on while a fetch runs gets its own fetch.
        let current = RwSignal::new(Hits::NotSearched);
        // Only a change wakes the views.
        let put = move |h: Hits| {
            if current.with_untracked(|c| *c != h) {
                current.set(h);
            }
        };
        Effect::new(move |_| {
            let (q, plan) = wanted.get();
            let (Some(meta), Some(plan)) = (meta, plan) else {
                put(Hits::NotSearched);
                return;
            };
            if let Some(h) = fetched.with(|(fq, h)| (*fq == q).then(|| h.clone())) {
                put(h);
                return;
            }
            let base = base.get_value();
            if let Some(ready) = api::search_bodies_ready(meta, &plan) {
                put(Hits::Soon);
                // After the browser has painted the other hits: a frame, then a task.
                request_animation_frame(move || {
                    set_timeout(
                        move || {
                            if wanted.try_with_untracked(|(now, _)| *now == q) != Some(true) {
                                return;
                            }
                            let hits = match api::search_bodies_cached(&base, meta, &ready) {
                                Ok(found) => Hits::Found(Arc::new(found)),
                                Err(e) => Hits::Failed(e),
                            };
                            fetched.try_set((q, hits));
                        },
                        std::time::Duration::ZERO,
                    )
                });
                return;
            }
            put(Hits::Pending);
            spawn_local(async move {
                let hits = match api::search_bodies(&base, meta, &plan).await {
                    Ok(found) => Hits::Found(Arc::new(found)),
                    Err(e) => Hits::Failed(e),
                };
                // The board may be gone, or the text changed meanwhile: then this is dropped.
                if wanted.try_with_untracked(|(now, _)| *now == q) == Some(true) {
                    fetched.try_set((q, hits));
                }
            });
        });
        BodySearch {
            current: current.into(),
        }
    }

    /// `b`'s hits while `use_b`, else `a`'s.
    pub fn either(a: BodySearch, b: BodySearch, use_b: Memo<bool>) -> BodySearch {
        BodySearch {
            current: Signal::derive(move || if use_b.get() { b.hits() } else { a.hits() }),
        }
    }

    /// The body hits for the URL's search (tracked).
    pub fn hits(&self) -> Hits {
        self.current.get()
    }

    /// Whether the body hits are still to come (tracked).
    pub fn waiting(&self) -> bool {
        self.current.with(Hits::waiting)
    }

    /// The sorted 번호 found for the URL's search, once known (tracked).
    pub fn found(&self) -> Option<Arc<Vec<u32>>> {
        self.current.with(|h| match h {
            Hits::Found(v) => Some(v.clone()),
            _ => None,
        })
    }
}

impl Hits {
    /// Whether the body hits are still to come.
    pub fn waiting(&self) -> bool {
        matches!(self, Hits::Pending | Hits::Soon)
    }
}

/// A note for the count line while body hits are missing, if any: for a moment's wait
/// ([`Hits::Soon`]) only when there is nothing else to show.
pub fn note(hits: &Hits, lang: Lang, shown: usize) -> Option<String> {
    let m = crate::i18n::messages(lang);
    match hits {
        Hits::Soon if shown > 0 => None,
        Hits::Pending | Hits::Soon => Some(m.searching_bodies.to_string()),
        Hits::Failed(e) => Some(format!("{} {}", m.body_search_failed, e.message(lang))),
        Hits::NotSearched | Hits::Found(_) => None,
    }
}

pub fn use_body_search() -> BodySearch {
    expect_context::<BodySearch>()
}
