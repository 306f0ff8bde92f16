//! A search answered before the whole list is in, from the title index
//! (`board_core::find_index`): a shared `?q=` link to a 100k-post board shows its count and
//! rows after a few index files and the rows files of its page, not the hundred list files.
//! When the list is in, the list's own search takes over with the same rows (a property test
//! in `board-core` holds the two to it).

use std::sync::Arc;

use board_core::find_index;
use board_core::ListParams;
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::api::{self, FoundPage, LoadError};
use crate::body_search::BodySearch;
use crate::views::board::Listing;

/// What the index answered for one search.
#[derive(Clone, Debug, PartialEq)]
pub struct Early {
    /// The list state it answers (its page included).
    pub params: ListParams,
    body: Option<Arc<Vec<u32>>>,
    pub page: Result<FoundPage, LoadError>,
}

/// Follows the URL's list state while the list is loading: each search the index can answer
/// is answered (again when its body hits come in), and an answer arriving after the state
/// changed is dropped.
pub fn install(
    listing: Signal<Listing>,
    params: Memo<ListParams>,
    body: BodySearch,
    base: String,
) -> ReadSignal<Option<Early>> {
    let early = RwSignal::new(None::<Early>);
    let base = StoredValue::new(base);
    Effect::new(move |_| {
        let (meta, count, first) =
            listing.with(|l| (l.index.find, l.partial_total, l.index.clone()));
        let (Some(meta), Some(count)) = (meta, count) else {
            return;
        };
        let p = params.get();
        let hits = body.found();
        if !find_index::answers(&p)
            || early.with_untracked(|e| e.as_ref().is_some_and(|e| e.params == p && e.body == hits))
        {
            return;
        }
        let base = base.get_value();
        spawn_local(async move {
            let page = api::find_page(&base, meta, count, &p, &first.posts, hits.clone()).await;
            if params.try_with_untracked(|now| *now == p) == Some(true) {
                early.try_set(Some(Early {
                    params: p,
                    body: hits,
                    page,
                }));
            }
        });
    });
    early.read_only()
}
