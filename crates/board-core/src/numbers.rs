//! Sorting lists of numbers — positions, 번호, packed keys — with one small radix sort.
//!
//! The standard library's sorts are instantiated anew for every element type and comparison,
//! and at this crate's opt-level 3 each copy is several kB of the app's wasm (the sorts were
//! about 25 kB of it before wasm-opt). Every list the engine sorts is of `u32` or `u64` (a
//! pair packed as `high << 32 | low`), so one least-significant-digit radix sort serves them
//! all (an order by a key sorts positions by it): stable, linear, and a byte that is the same in every value (the high bytes of small
//! positions) costs no pass.

/// A number sorted by its bytes, least significant first.
pub trait Radix: Copy + Ord + Default {
    const BYTES: usize;
    fn byte(self, i: usize) -> u8;
}

impl Radix for u32 {
    const BYTES: usize = 4;
    #[inline]
    fn byte(self, i: usize) -> u8 {
        (self >> (8 * i)) as u8
    }
}

impl Radix for u64 {
    const BYTES: usize = 8;
    #[inline]
    fn byte(self, i: usize) -> u8 {
        (self >> (8 * i)) as u8
    }
}

/// Below this many values, insertion sort (no buffer, no counting).
const SHORT: usize = 24;

/// One counting pass: `from` into `to`, stable, by `digit`; `false` (nothing moved) when every
/// value has the same digit.
fn pass<T: Copy>(from: &[T], to: &mut [T], digit: impl Fn(T) -> u8) -> bool {
    let mut count = [0usize; 256];
    for &x in from {
        count[digit(x) as usize] += 1;
    }
    if count.contains(&from.len()) {
        return false;
    }
    let mut at = 0;
    for c in count.iter_mut() {
        (*c, at) = (at, at + *c);
    }
    for &x in from {
        let slot = &mut count[digit(x) as usize];
        to[*slot] = x;
        *slot += 1;
    }
    true
}

/// Sorts `v` ascending. One buffer the size of `v` while it runs (the wasm heap keeps its
/// peak: at 1M posts every extra copy is megabytes the tab holds for good).
pub fn sort<T: Radix>(v: &mut [T]) {
    if v.len() <= SHORT {
        for i in 1..v.len() {
            let mut j = i;
            while j > 0 && v[j - 1] > v[j] {
                v.swap(j - 1, j);
                j -= 1;
            }
        }
        return;
    }
    let mut buf = vec![T::default(); v.len()];
    let mut in_buf = false;
    for i in 0..T::BYTES {
        let moved = if in_buf {
            pass(&buf, v, |x| x.byte(i))
        } else {
            pass(v, &mut buf, |x| x.byte(i))
        };
        in_buf ^= moved;
    }
    if in_buf {
        v.copy_from_slice(&buf);
    }
}

/// Sorts `v` and drops repeated values.
pub fn sort_dedup<T: Radix>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
}

/// The positions `0..n` ordered by `key` (stable: equal keys keep ascending positions), with
/// two lists of positions as the only memory.
pub fn order_by(n: usize, key: impl Fn(usize) -> u64) -> Vec<u32> {
    let mut order: Vec<u32> = (0..n as u32).collect();
    let mut buf = vec![0u32; n];
    for i in 0..8 {
        if pass(&order, &mut buf, |p| (key(p as usize) >> (8 * i)) as u8) {
            std::mem::swap(&mut order, &mut buf);
        }
    }
    order
}

/// `v` ordered by `key` (stable), moved in place along the order's cycles: no second copy of
/// the items.
pub fn sort_by_key<T>(v: &mut [T], key: impl Fn(&T) -> u64) {
    let mut order = order_by(v.len(), |i| key(&v[i]));
    // Position k is to hold the item now at order[k]; a done position is marked u32::MAX.
    for start in 0..v.len() {
        let mut j = start;
        while order[j] != u32::MAX {
            let next = order[j] as usize;
            order[j] = u32::MAX;
            if next == start {
                break;
            }
            v.swap(j, next);
            j = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_as_the_standard_sort_does(mut a in proptest::collection::vec(any::<u32>(), 0..300),
                                           mut b in proptest::collection::vec(0u64..5000, 0..300),
                                           mut c in proptest::collection::vec(any::<u64>(), 0..300)) {
            for v in [&mut b, &mut c] {
                let mut want = v.clone();
                want.sort_unstable();
                sort(v);
                prop_assert_eq!(&*v, &want);
            }
            // By key, ties in the order they came (positions ascending), items moved in place.
            let mut items: Vec<(u64, usize)> = b.iter().enumerate().map(|(i, &k)| (k % 7, i)).collect();
            let mut want = items.clone();
            want.sort_by_key(|e| e.0);
            sort_by_key(&mut items, |e| e.0);
            prop_assert_eq!(&items, &want);
            let order = order_by(c.len(), |i| u64::MAX - c[i] % 5);
            let mut want: Vec<u32> = (0..c.len() as u32).collect();
            want.sort_by_key(|&i| std::cmp::Reverse(c[i as usize] % 5));
            prop_assert_eq!(order, want);
            let mut want = a.clone();
            want.sort_unstable();
            want.dedup();
            sort_dedup(&mut a);
            prop_assert_eq!(a, want);
        }
    }
}
