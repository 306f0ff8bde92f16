//! `board-prerender`: the board's first list page, rendered natively by the app's own
//! components, written into a host page (the built `dist/index.html`, or a portal's page that
//! embeds the board), so the first rows paint with the HTML before any script runs.
//!
//! It sits on top of everything else: it reads a dataset the way `board-build` checks one, and
//! renders the app's views. Neither of those depends on it, so the builder stays free of the UI.

pub mod article_pages;
pub mod host_page;
pub mod list_pages;
pub mod page_folder;
pub mod render;

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use board_build::Error;

/// What a run wrote.
#[derive(Debug)]
pub struct Prerendered {
    /// The dataset directory used.
    pub data: PathBuf,
    /// The articles' own pages, when the board has them (`board-build --post-pages`).
    pub articles: Option<page_folder::Written>,
    /// The list's own pages, written with them.
    pub lists: Option<page_folder::Written>,
}

/// Pre-renders the first list page of a dataset into the page at `page` (replaced atomically:
/// a failure leaves it as it was) and, when the dataset says its articles have pages of their
/// own, writes those beside it (`post/`), and the list's (`page/`). The dataset is `data`, or the element's `data-src`
/// (default `data/`) beside the page.
pub fn prerender(page: &Path, data: Option<&Path>) -> Result<Prerendered, Error> {
    let html = fs::read_to_string(page).map_err(|e| Error::io(page, e))?;
    let host = host_page::host(page, &html)?;
    if let Some(base) = host.attr("data-base-url") {
        if board_core::host_url::safe_link_base(&base).is_none() {
            return Err(Error::refused(
                page,
                format!(
                    "data-base-url {base:?} is not a relative or http(s) address; the board's \
                     links never lead anywhere else"
                ),
            ));
        }
    }
    let config = esg_board::Config::from_attributes(|name| host.attr(name));
    let dir = match data {
        Some(d) => d.to_path_buf(),
        None => page
            .parent()
            .unwrap_or(Path::new(""))
            .join(config.data_base.trim_end_matches('/')),
    };
    let index = board_build::check::read_list(&dir)?;
    // What every state needs first: the manifest and the first list file.
    let mut data = vec![board_core::model::INDEX_FILE.to_string()];
    if !index.posts.is_empty() {
        data.push(board_core::model::shard_path(0));
    }
    let index = Arc::new(index);
    // With pages of their own (`--post-pages`): the articles' and the list's, beside the page.
    let own_pages = index.board.post_pages;
    let gate = host_page::Gate {
        data_base: &config.data_base,
        post_pages: article_pages::numbers(&index).filter(|_| own_pages),
        list_pages: own_pages.then(|| list_pages::last_page(&index, &config)),
        size: list_pages::page_size(&config),
    };
    let (articles, lists) = if own_pages {
        // Neither folder is written when either is not board-prerender's own.
        article_pages::FOLDER.check_beside(page)?;
        list_pages::FOLDER.check_beside(page)?;
        let articles = article_pages::write_all(&article_pages::Board {
            page,
            html: &html,
            host: &host,
            index: &index,
            config: &config,
            data: &dir,
            gate,
        })?;
        let lists = list_pages::write_all(&list_pages::Board {
            page,
            index: &index,
            config: &config,
        })?;
        (Some(articles), Some(lists))
    } else {
        article_pages::FOLDER.remove_stale(page)?;
        list_pages::FOLDER.remove_stale(page)?;
        (None, None)
    };
    let markup = render::first_page(index.clone(), config.clone());
    let out = host_page::insert(page, &html, &host, &markup, &gate, &data)?;
    let out = host_page::mark_post_pages(&out, own_pages);
    replace_file(page, out.as_bytes())?;
    Ok(Prerendered {
        data: dir,
        articles,
        lists,
    })
}

/// Replaces a file's content atomically (a new file renamed over it), keeping what the host set
/// up around it: its permissions, and, when it is a symbolic link, the link (the file it points
/// to gets the new content).
fn replace_file(page: &Path, bytes: &[u8]) -> Result<(), Error> {
    let target = fs::canonicalize(page).map_err(|e| Error::io(page, e))?;
    let permissions = fs::metadata(&target)
        .map_err(|e| Error::io(page, e))?
        .permissions();
    let name = target
        .file_name()
        .map_or_else(|| "page".into(), |n| n.to_string_lossy().into_owned());
    let tmp = target.with_file_name(format!(".{name}.new-{}", std::process::id()));
    let written = (|| {
        let mut f = fs::File::create(&tmp)?;
        std::io::Write::write_all(&mut f, bytes)?;
        f.sync_all()?;
        fs::set_permissions(&tmp, permissions)?;
        board_build::durable::rename(&tmp, &target)
    })();
    written.map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io(page, e)
    })
}
