//! `board-build`: the command line over the `board_build` library (the README's "The dataset" section is its manual).

use std::path::PathBuf;
use std::process::ExitCode;

use board_build::output::{Options, Staging};
use board_build::progress::Progress;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "board-build",
    version,
    about = "Builds the ESG 정책뉴스 board's static dataset from board exports"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Reads sources (files, or folders walked in sorted order) and writes the dataset to DIR.
    Build {
        /// Captured board pages, CSV/TSV and JSON Lines exports.
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// The dataset directory: missing, empty or a dataset board-build wrote (anything
        /// else is refused); replaced only when the whole build succeeds.
        #[arg(long)]
        out: PathBuf,
        /// The board's name (the list's caption); default: the name captured pages give.
        #[arg(long)]
        name: Option<String>,
        /// Read every source in this encoding (utf-8, cp949/euc-kr, utf-16) instead of telling
        /// it from the bytes.
        #[arg(long)]
        encoding: Option<String>,
        /// Make columns the board has no use for errors instead of skipping them.
        #[arg(long)]
        strict: bool,
        /// Where gnuboard5's attached files are downloaded from (default: the gnuboard layout
        /// data/file/<bo_table>/, relative to the page).
        #[arg(long, value_name = "URL")]
        file_base: Option<String>,
        /// The site the export came from (e.g. https://www.k-esg.org/): relative links, images
        /// and files in bodies are resolved against it.
        #[arg(long, value_name = "URL")]
        asset_base: Option<String>,
        /// Marks these 번호 as notices (공지), shown first on every page of the plain list.
        #[arg(long, value_name = "번호", num_args = 1.., value_delimiter = ',')]
        notice: Vec<u32>,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Writes a deterministic synthetic board (for scale tests and benchmarks) to DIR.
    Synth {
        /// How many posts.
        #[arg(long)]
        posts: u32,
        /// Generator seed: the same seed gives the same bytes.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        /// The dataset directory; replaced only when the whole build succeeds.
        #[arg(long)]
        out: PathBuf,
        #[command(flatten)]
        write: WriteArgs,
    },
    /// Validates a built dataset; exit status 0 when it is sound.
    Check {
        /// The dataset directory.
        dir: PathBuf,
    },
}

#[derive(clap::Args)]
struct WriteArgs {
    /// Rows per list file.
    #[arg(long, default_value_t = board_build::output::DEFAULT_SHARD_SIZE)]
    shard_size: usize,
    /// The board page's public address (e.g. https://example.org/esg/); with it, an Atom
    /// feed (feed.xml) and sitemap.xml of `?post=N` links are written into the dataset.
    #[arg(long)]
    site_url: Option<String>,
    /// Every article gets a page of its own, post/<번호>.html beside the board page, written
    /// by board-prerender (one file per post: for boards whose host takes that many); the
    /// feed and sitemap then point at those pages. The list's pages get theirs too, page/…,
    /// which shared links to them are shown from before the app is up.
    #[arg(long)]
    post_pages: bool,
}

impl WriteArgs {
    fn options(self) -> Result<Options, board_build::Error> {
        if let Some(url) = &self.site_url {
            board_build::feeds::check_site_url(url)
                .map_err(|cause| board_build::Error::usage("--site-url", cause))?;
        }
        Ok(Options {
            shard_size: self.shard_size.max(1),
            site_url: self.site_url,
            post_pages: self.post_pages,
        })
    }
}

/// Says so when `--out` is a symbolic link: the folder it points to is what gets replaced.
fn announce_link(staging: &Staging) {
    if let Some((link, target)) = staging.followed_link() {
        eprintln!(
            "board-build: {} is a symbolic link: writing the dataset to {} (the link is kept)",
            link.display(),
            target.display()
        );
    }
}

fn run(cli: Cli) -> Result<(), board_build::Error> {
    match cli.command {
        Command::Build {
            sources,
            out,
            name,
            encoding,
            strict,
            file_base,
            asset_base,
            notice,
            write,
        } => {
            let encoding = match encoding.as_deref() {
                None => None,
                Some(e) => Some(board_build::encoding::by_name(e).ok_or_else(|| {
                    board_build::Error::usage(
                        "--encoding",
                        format!("{e:?} is not one of utf-8, cp949 (euc-kr), utf-16, utf-16be"),
                    )
                })?),
            };
            if let Some(base) = &file_base {
                board_core::safe_url::allowed(base, &board_core::safe_url::WEB_SCHEMES)
                    .ok_or_else(|| {
                        board_build::Error::usage(
                            "--file-base",
                            format!("{base:?} is not an http(s) or relative address"),
                        )
                    })?;
            }
            let asset_base = asset_base
                .map(|b| {
                    board_build::assets::check_base(&b)
                        .map_err(|cause| board_build::Error::usage("--asset-base", cause))
                })
                .transpose()?;
            let read = board_build::ReadOptions {
                encoding,
                strict,
                file_base,
            };
            let opts = write.options()?;
            // Refuse a folder that may not be replaced before the work, not after it.
            let staging = Staging::new(&out)?;
            announce_link(&staging);
            let files = board_build::source_files(&sources)?;
            let mut board = board_build::Merger::default();
            if let Some(name) = name {
                board.name(name);
            }
            board.notices(&notice);
            if let Some(base) = asset_base {
                board.asset_base(base);
            }
            board_build::read_into(&mut board, &files, &read)?;
            let built = board.finish()?;
            for note in &built.notes {
                eprintln!("board-build: {note}");
            }
            let d = &built.dataset;
            board_build::output::write_into(staging, d, &opts)?;
            eprintln!(
                "board-build: wrote {} posts ({} with bodies) to {}",
                d.index.posts.len(),
                d.bodies.len(),
                out.display()
            );
        }
        Command::Synth {
            posts,
            seed,
            out,
            write,
        } => {
            let opts = write.options()?;
            let mut staging = Staging::new(&out)?;
            announce_link(&staging);
            let mut progress = Progress::new(posts as u64, "generating posts");
            let index = board_build::synth::board(posts, seed, |body| {
                progress.inc(1);
                staging.body(body)
            })?;
            progress.finish();
            staging.finish_list(&index, &opts)?;
            staging.commit()?;
            eprintln!(
                "board-build: wrote a synthetic board of {posts} posts (seed {seed}) to {}",
                out.display()
            );
        }
        Command::Check { dir } => {
            let r = board_build::check::check(&dir)?;
            println!(
                "{}: sound ({} posts in {} list files, {} bodies)",
                dir.display(),
                r.posts,
                r.shards,
                r.bodies
            );
        }
    }
    Ok(())
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("board-build: error: {e}");
            ExitCode::from(1)
        }
    }
}
