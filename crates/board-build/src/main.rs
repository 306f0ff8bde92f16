//! `board-build`: the command line over the `board_build` library (CONTRACT.md §4).

use std::path::PathBuf;
use std::process::ExitCode;

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
        /// Captured board pages (and, later, CSV/TSV/JSON Lines exports).
        #[arg(required = true)]
        sources: Vec<PathBuf>,
        /// The dataset directory; replaced only when the whole build succeeds.
        #[arg(long)]
        out: PathBuf,
        /// The board's name (the list's caption); default: the name captured pages give.
        #[arg(long)]
        name: Option<String>,
        /// Rows per list file.
        #[arg(long, default_value_t = board_build::output::DEFAULT_SHARD_SIZE)]
        shard_size: usize,
    },
    /// Validates a built dataset; exit status 0 when it is sound.
    Check {
        /// The dataset directory.
        dir: PathBuf,
    },
}

fn run(cli: Cli) -> Result<(), board_build::Error> {
    match cli.command {
        Command::Build {
            sources,
            out,
            name,
            shard_size,
        } => {
            let files = board_build::source_files(&sources)?;
            let mut board = board_build::Board::default();
            if let Some(name) = name {
                board.name(name);
            }
            board_build::read_into(&mut board, &files)?;
            let built = board.finish()?;
            for note in &built.notes {
                eprintln!("board-build: {note}");
            }
            let d = &built.dataset;
            board_build::output::write_atomic(&out, d, shard_size)?;
            eprintln!(
                "board-build: wrote {} posts ({} with bodies) to {}",
                d.index.posts.len(),
                d.bodies.len(),
                out.display()
            );
        }
        Command::Check { dir } => {
            let r = board_build::output::check(&dir)?;
            println!(
                "{}: sound ({} posts, {} bodies)",
                dir.display(),
                r.posts,
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
