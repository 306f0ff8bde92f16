//! HTML bodies into blocks: any text converts without a panic, within the time budget; the
//! blocks read back from their JSON as they were (bounded depth), and every address in them is
//! one the content model allows (http(s), mailto or relative; images http(s) or relative).
#![no_main]
use board_core::content::{Block, Inline};
use board_core::safe_url::{allowed, LINK_SCHEMES, WEB_SCHEMES};
use libfuzzer_sys::fuzz_target;

fn runs(rs: &[Inline]) {
    for r in rs {
        match r {
            Inline::Link(l) => {
                assert_eq!(allowed(&l.href, &LINK_SCHEMES).as_deref(), Some(l.href.as_str()));
                assert!(!l.href.starts_with('#'));
                runs(&l.runs);
            }
            Inline::Strong(inner) | Inline::Em(inner) => runs(inner),
            Inline::Text(_) | Inline::Br | Inline::Code(_) => {}
        }
    }
}

fn blocks(bs: &[Block]) {
    for b in bs {
        match b {
            Block::P(r) => runs(r),
            Block::Heading(h) => runs(&h.runs),
            Block::List(l) => l.items.iter().for_each(|i| blocks(i)),
            Block::Table(t) => {
                runs(&t.caption);
                t.rows.iter().flatten().for_each(|c| runs(&c.runs));
            }
            Block::Image(img) => {
                assert_eq!(allowed(&img.src, &WEB_SCHEMES).as_deref(), Some(img.src.as_str()));
                runs(&img.caption);
            }
            Block::Quote(inner) => blocks(inner),
            Block::Pre(_) | Block::Rule => {}
        }
    }
}

fuzz_target!(|text: &str| {
    let converted = board_build::html_blocks::blocks(text);
    blocks(&converted);
    let json = serde_json::to_string(&converted).expect("blocks serialise");
    let back: Vec<Block> = serde_json::from_str(&json).expect("blocks read back");
    assert_eq!(back, converted);
});
