//! `board-prerender PAGE [--data DIR]`: the command line over the `board_prerender` library.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Parser;

/// Pre-renders the board's first list page into a page's board element (`id="esg-board"`), so
/// its rows paint with the HTML, before the app starts; run it again after every dataset build.
#[derive(Parser)]
#[command(name = "board-prerender", version)]
struct Cli {
    /// The page: `dist/index.html`, or a portal page that embeds the board.
    page: PathBuf,
    /// The dataset directory; default: the element's `data-src` beside the page.
    #[arg(long)]
    data: Option<PathBuf>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match board_prerender::prerender(&cli.page, cli.data.as_deref()) {
        Ok(done) => {
            eprintln!(
                "board-prerender: pre-rendered the first page of {} into {}",
                done.data.display(),
                cli.page.display()
            );
            for (what, w) in [("article", done.articles), ("list", done.lists)] {
                if let Some(w) = w {
                    eprintln!(
                        "board-prerender: wrote {} {what} pages ({:.1} MB) into {}",
                        w.pages,
                        w.bytes as f64 / 1e6,
                        w.folder.display()
                    );
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("board-prerender: error: {e}");
            ExitCode::from(1)
        }
    }
}
