//! Browser entry point: mount the board (see `esg_board::mount`).

fn main() {
    esg_board::mount();
}
