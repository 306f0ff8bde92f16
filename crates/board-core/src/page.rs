//! Pagination: which slice of an ordered list one page shows, and which page links to offer.

use std::ops::Range;

/// The most numbered page links the pagination shows (KRDS): first and last page included.
pub const LINKS_WIDE: u32 = 11;

/// The same on phones.
pub const LINKS_NARROW: u32 = 7;

/// One entry of the numbered part of the pagination, and on which screens it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageItem {
    /// A page number, or `None` for a gap (…) between numbers that are not next to each other.
    pub page: Option<u32>,
    /// Shown among [`LINKS_WIDE`] links.
    pub wide: bool,
    /// Shown among [`LINKS_NARROW`] links.
    pub narrow: bool,
}

/// One page of a list of `total` rows, `size` rows a page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Pagination {
    /// The current page, 1-based, clamped to `1..=last`.
    pub page: u32,
    /// The last page; 1 for an empty list, so that page 1 always exists.
    pub last: u32,
    pub size: u32,
    pub total: usize,
}

impl Pagination {
    /// Clamps `requested` into `1..=last` (a `page=` out of range is clamped).
    pub fn new(total: usize, requested: u32, size: u32) -> Pagination {
        let size = size.max(1);
        let last = total.div_ceil(size as usize).clamp(1, u32::MAX as usize) as u32;
        Pagination {
            page: requested.clamp(1, last),
            last,
            size,
            total,
        }
    }

    /// The rows of the current page, as a range into the ordered list.
    pub fn rows(&self) -> Range<usize> {
        // In u64: on wasm32 `usize` is 32 bits, and a huge page times the page size overflows it.
        let total = self.total as u64;
        let start = (u64::from(self.page.max(1)) - 1) * u64::from(self.size);
        let end = start.saturating_add(u64::from(self.size)).min(total);
        // Both are at most `total`, a usize.
        start.min(total) as usize..end as usize
    }

    /// The page a row (0-based position in the ordered list) falls on.
    pub fn page_of(row: usize, size: u32) -> u32 {
        u32::try_from(row / size.max(1) as usize)
            .unwrap_or(u32::MAX)
            .saturating_add(1)
    }

    /// The pages of a pagination of at most `links` numbers: all of them when they fit, else the
    /// first, the last, and the pages around the current one (KRDS: `1 … 5 6 [7] 8 9 … 20`).
    pub fn window(&self, links: u32) -> Vec<u32> {
        let links = links.max(3);
        if self.last <= links {
            return (1..=self.last).collect();
        }
        let middle = links - 2;
        let start = self
            .page
            .saturating_sub(middle / 2)
            .clamp(2, self.last - middle);
        let mut pages = vec![1];
        pages.extend(start..start + middle);
        pages.push(self.last);
        pages
    }

    /// The numbered part of the pagination for wide and narrow screens at once: each page of
    /// either window once, in order, marked with the screens it shows on, and a gap wherever a
    /// screen skips pages (one markup; CSS hides what a screen does not show).
    pub fn items(&self) -> Vec<PageItem> {
        let (wide, narrow) = (self.window(LINKS_WIDE), self.window(LINKS_NARROW));
        let mut all: Vec<u32> = wide.iter().chain(&narrow).copied().collect();
        crate::numbers::sort_dedup(&mut all);
        let mut out = Vec::with_capacity(all.len() + 4);
        let (mut last_wide, mut last_narrow) = (None::<u32>, None::<u32>);
        for n in all {
            let (in_wide, in_narrow) = (wide.contains(&n), narrow.contains(&n));
            let gap = |last: Option<u32>, shown: bool| shown && last.is_some_and(|l| n - l > 1);
            let (gap_wide, gap_narrow) = (gap(last_wide, in_wide), gap(last_narrow, in_narrow));
            if gap_wide || gap_narrow {
                out.push(PageItem {
                    page: None,
                    wide: gap_wide,
                    narrow: gap_narrow,
                });
            }
            out.push(PageItem {
                page: Some(n),
                wide: in_wide,
                narrow: in_narrow,
            });
            if in_wide {
                last_wide = Some(n);
            }
            if in_narrow {
                last_narrow = Some(n);
            }
        }
        out
    }

    /// The page before the current one (itself on the first).
    pub fn prev(&self) -> u32 {
        self.page.saturating_sub(1).max(1)
    }

    /// The page after the current one (itself on the last).
    pub fn next(&self) -> u32 {
        self.page.saturating_add(1).min(self.last)
    }

    pub fn has_prev(&self) -> bool {
        self.page > 1
    }

    pub fn has_next(&self) -> bool {
        self.page < self.last
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn clamps_into_range() {
        assert_eq!(Pagination::new(21, 0, 20).page, 1);
        assert_eq!(Pagination::new(21, 99_999, 20).page, 2);
        assert_eq!(
            Pagination::new(0, 5, 20),
            Pagination {
                page: 1,
                last: 1,
                size: 20,
                total: 0
            }
        );
        assert_eq!(Pagination::new(0, 1, 20).rows(), 0..0);
    }

    #[test]
    fn windows_keep_first_last_and_the_current_page_centred() {
        let p = |page| Pagination::new(200, page, 10);
        assert_eq!(p(7).window(11), [1, 3, 4, 5, 6, 7, 8, 9, 10, 11, 20]);
        assert_eq!(p(1).window(11), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 20]);
        assert_eq!(
            p(20).window(11),
            [1, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20]
        );
        assert_eq!(p(7).window(7), [1, 5, 6, 7, 8, 9, 20]);
        assert_eq!(Pagination::new(21, 1, 20).window(11), [1, 2]);
        assert_eq!(Pagination::new(0, 1, 20).window(7), [1]);
    }

    #[test]
    fn one_markup_for_both_screens() {
        let shown = |items: &[PageItem], narrow: bool| -> String {
            items
                .iter()
                .filter(|i| if narrow { i.narrow } else { i.wide })
                .map(|i| i.page.map_or("…".to_string(), |n| n.to_string()))
                .collect::<Vec<_>>()
                .join(" ")
        };
        let items = Pagination::new(200, 5, 10).items();
        assert_eq!(shown(&items, false), "1 2 3 4 5 6 7 8 9 10 … 20");
        assert_eq!(shown(&items, true), "1 … 3 4 5 6 7 … 20");
        let items = Pagination::new(200, 12, 10).items();
        assert_eq!(shown(&items, false), "1 … 8 9 10 11 12 13 14 15 16 … 20");
        assert_eq!(shown(&items, true), "1 … 10 11 12 13 14 … 20");
    }

    #[test]
    fn the_largest_numbers_do_not_overflow() {
        // What a board.json claiming u32::MAX posts, opened at ?page=4294967295, asks for.
        for size in [10, 20, 50, 100] {
            let p = Pagination::new(u32::MAX as usize, u32::MAX, size);
            assert_eq!(p.page, p.last);
            let r = p.rows();
            assert!(r.start <= r.end && r.end == u32::MAX as usize, "{r:?}");
            assert_eq!(p.window(11).last(), Some(&p.last));
            assert_eq!((p.prev(), p.next()), (p.last - 1, p.last));
        }
        let p = Pagination::new(usize::MAX, u32::MAX, 1);
        assert_eq!(
            p.window(7),
            [
                1,
                u32::MAX - 5,
                u32::MAX - 4,
                u32::MAX - 3,
                u32::MAX - 2,
                u32::MAX - 1,
                u32::MAX
            ]
        );
        assert_eq!(p.items().len(), 13); // 11 numbers and a gap for each screen
        assert_eq!(p.next(), u32::MAX);
        assert_eq!(Pagination::page_of(usize::MAX, 1), u32::MAX);
    }

    proptest! {
        /// Every row is on exactly one page, pages are contiguous and in order.
        #[test]
        fn every_row_on_exactly_one_page(total in 0usize..2_000, size in 1u32..120) {
            let last = Pagination::new(total, 1, size).last;
            let mut next = 0usize;
            for page in 1..=last {
                let p = Pagination::new(total, page, size);
                prop_assert_eq!(p.page, page);
                let r = p.rows();
                prop_assert_eq!(r.start, next);
                prop_assert!(r.len() <= size as usize);
                prop_assert!(page == last || r.len() == size as usize);
                for row in r.clone() {
                    prop_assert_eq!(Pagination::page_of(row, size), page);
                }
                next = r.end;
            }
            prop_assert_eq!(next, total);
        }

        #[test]
        fn windows_hold_first_last_and_current(total in 1usize..5_000, size in 1u32..100, page in 0u32..10_000) {
            let p = Pagination::new(total, page, size);
            for links in [LINKS_WIDE, LINKS_NARROW] {
                let w = p.window(links);
                prop_assert!(w.len() <= links as usize);
                prop_assert!(w.contains(&p.page) && w.contains(&1) && w.contains(&p.last));
                prop_assert!(w.windows(2).all(|x| x[0] < x[1]));
            }
            let items = p.items();
            prop_assert!(items.iter().filter(|i| i.wide && i.page.is_some()).count() <= LINKS_WIDE as usize);
            prop_assert!(items.iter().filter(|i| i.narrow && i.page.is_some()).count() <= LINKS_NARROW as usize);
        }
    }
}
