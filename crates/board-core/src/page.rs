//! Pagination: which slice of an ordered list one page shows, and which page links to offer.

use std::ops::{Range, RangeInclusive};

/// How many numbered page links the pagination shows at once (KRDS/korea.kr show 10).
pub const BLOCK: u32 = 10;

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

    /// The numbered links to show: the block of [`BLOCK`] pages holding the current one.
    pub fn block(&self) -> RangeInclusive<u32> {
        let first = (self.page.max(1) - 1) / BLOCK * BLOCK + 1;
        first..=first.saturating_add(BLOCK - 1).min(self.last)
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
    fn blocks_of_ten() {
        let p = Pagination::new(1000, 13, 10);
        assert_eq!(p.block(), 11..=20);
        assert_eq!(Pagination::new(125, 13, 10).block(), 11..=13);
        assert_eq!(Pagination::new(21, 1, 20).block(), 1..=2);
    }

    #[test]
    fn the_largest_numbers_do_not_overflow() {
        // What a board.json claiming u32::MAX posts, opened at ?page=4294967295, asks for.
        for size in [10, 20, 50, 100] {
            let p = Pagination::new(u32::MAX as usize, u32::MAX, size);
            assert_eq!(p.page, p.last);
            let r = p.rows();
            assert!(r.start <= r.end && r.end == u32::MAX as usize, "{r:?}");
            assert_eq!(*p.block().end(), p.last);
            assert_eq!((p.prev(), p.next()), (p.last - 1, p.last));
        }
        let p = Pagination::new(usize::MAX, u32::MAX, 1);
        assert_eq!(p.block(), u32::MAX - 4..=u32::MAX);
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
        fn block_holds_current_page(total in 1usize..5_000, size in 1u32..100, page in 0u32..10_000) {
            let p = Pagination::new(total, page, size);
            prop_assert!(p.block().contains(&p.page));
            prop_assert!(*p.block().end() <= p.last);
        }
    }
}
