//! Relative addresses in bodies (links, image sources) and attachments, resolved against the
//! site the export came from (`--asset-base URL`), so that a board hosted elsewhere still shows
//! the images and files of the original site.

use board_core::content::{Attachment, Block, Inline};
use board_core::safe_url::{self, LINK_SCHEMES, WEB_SCHEMES};
use url::Url;

/// Checks an `--asset-base`: an absolute http(s) address.
pub fn check_base(value: &str) -> Result<Url, String> {
    let url = Url::parse(value).map_err(|e| format!("{value:?} is not an address ({e})"))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(format!("{value:?} is not an http(s) address"));
    }
    Ok(url)
}

/// Resolves every relative address in blocks and attachments against `base`.
pub fn resolve(blocks: &mut [Block], files: &mut [Attachment], base: &Url) {
    for b in blocks {
        block(b, base);
    }
    for f in files {
        f.url = absolute(&f.url, base, &WEB_SCHEMES);
    }
}

/// The address resolved against `base`, if it was relative (an absolute one stays as it is;
/// one that cannot be resolved stays relative).
fn absolute(address: &str, base: &Url, schemes: &[&str]) -> String {
    if safe_url::scheme(address).is_some() {
        return address.to_string();
    }
    base.join(address)
        .ok()
        .and_then(|u| safe_url::allowed(u.as_str(), schemes))
        .unwrap_or_else(|| address.to_string())
}

fn block(b: &mut Block, base: &Url) {
    match b {
        Block::P(runs) => inline(runs, base),
        Block::Heading(h) => inline(&mut h.runs, base),
        Block::List(l) => l.items.iter_mut().flatten().for_each(|b| block(b, base)),
        Block::Table(t) => {
            inline(&mut t.caption, base);
            t.rows
                .iter_mut()
                .flatten()
                .for_each(|c| inline(&mut c.runs, base));
        }
        Block::Image(img) => {
            img.src = absolute(&img.src, base, &WEB_SCHEMES);
            inline(&mut img.caption, base);
        }
        Block::Quote(blocks) => blocks.iter_mut().for_each(|b| block(b, base)),
        Block::Pre(_) | Block::Rule => {}
    }
}

fn inline(runs: &mut [Inline], base: &Url) {
    for r in runs {
        match r {
            Inline::Strong(inner) | Inline::Em(inner) => inline(inner, base),
            Inline::Link(l) => {
                l.href = absolute(&l.href, base, &LINK_SCHEMES);
                inline(&mut l.runs, base);
            }
            Inline::Text(_) | Inline::Br | Inline::Code(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use board_core::content::{Image, Link};

    #[test]
    fn relative_addresses_join_the_base() {
        let base = check_base("https://www.k-esg.org/bbs/").unwrap();
        let mut blocks = vec![
            Block::P(vec![Inline::Link(Link {
                href: "../data/a.pdf".into(),
                runs: vec![Inline::Text("a".into())],
            })]),
            Block::Image(Image {
                src: "/data/editor/b.png".into(),
                alt: String::new(),
                width: None,
                height: None,
                caption: vec![],
            }),
        ];
        let mut files = vec![Attachment {
            name: "보도자료.hwp".into(),
            url: "data/file/esg/123_abc.hwp".into(),
            kind: Some("hwp".into()),
            size: None,
            downloads: None,
        }];
        resolve(&mut blocks, &mut files, &base);
        let Block::P(runs) = &blocks[0] else { panic!() };
        let Inline::Link(l) = &runs[0] else { panic!() };
        assert_eq!(l.href, "https://www.k-esg.org/data/a.pdf");
        let Block::Image(img) = &blocks[1] else {
            panic!()
        };
        assert_eq!(img.src, "https://www.k-esg.org/data/editor/b.png");
        assert_eq!(
            files[0].url,
            "https://www.k-esg.org/bbs/data/file/esg/123_abc.hwp"
        );
        assert!(check_base("javascript:alert(1)").is_err());
        assert!(check_base("/relative").is_err());
    }
}
