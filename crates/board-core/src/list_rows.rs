//! The list as its files arrive: rows gathered into one list, and the texts posts share.

use crate::model::{PostSummary, Shard};

/// The rows of a list's files as they arrive, in order: each file's rows are moved in (so no
/// file is held twice, and at 1M posts the list is one allocation made once: see
/// [`crate::Manifest::list_capacity`]), their shared texts one copy each.
pub struct ListRows {
    pub(crate) posts: Vec<PostSummary>,
    names: Names,
    pub(crate) files: usize,
}

impl ListRows {
    pub fn with_capacity(rows: usize) -> ListRows {
        ListRows {
            posts: Vec::with_capacity(rows),
            names: Names::default(),
            files: 0,
        }
    }

    /// Adds the next list file's rows.
    pub fn add(&mut self, mut shard: Shard) {
        self.names.share(&mut shard.posts);
        self.posts.append(&mut shard.posts);
        self.files += 1;
    }

    /// The rows so far.
    pub fn posts(&self) -> &[PostSummary] {
        &self.posts
    }
}

/// A text many posts share (an author, a department, a category).
pub type Name = std::sync::Arc<str>;

/// One copy of each shared text, handed to every post that has it.
#[derive(Default)]
struct Names(rustc_hash::FxHashSet<Name>);

impl Names {
    /// Points the posts' authors, departments and categories at the copies here, composed
    /// (as titles are: see [`crate::BoardIndex::first_part`]).
    fn share(&mut self, posts: &mut [PostSummary]) {
        for p in posts {
            for name in [&mut p.author, &mut p.dept, &mut p.category]
                .into_iter()
                .flatten()
            {
                let composed = crate::hangul::compose(name);
                match self.0.get(composed.as_ref()) {
                    Some(shared) => *name = shared.clone(),
                    None => {
                        if let std::borrow::Cow::Owned(c) = composed {
                            *name = c.into();
                        }
                        self.0.insert(name.clone());
                    }
                }
            }
        }
    }
}
