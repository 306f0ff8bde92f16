//! One module per thing on screen.

pub mod article;
pub mod board;
pub mod categories;
pub mod content;
pub mod copy_link;
pub mod filters;
pub mod link;
pub mod list;
pub mod marked;
pub mod not_found;
pub mod pagination;
pub mod search;
pub mod snippet;
pub mod status;
