//! Text with the parts a search matched wrapped in `<mark>`, the same wherever hits are shown
//! (titles in the list, the text around a body hit).

use leptos::prelude::*;

/// The pieces of a text, each marked or not, as a view.
pub fn marked<S: Into<String>>(pieces: impl IntoIterator<Item = (S, bool)>) -> Vec<AnyView> {
    pieces
        .into_iter()
        .map(|(text, hit)| {
            let text: String = text.into();
            if hit {
                view! { <mark>{text}</mark> }.into_any()
            } else {
                text.into_any()
            }
        })
        .collect()
}
