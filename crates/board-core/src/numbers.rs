//! Sorting lists of numbers — positions, 번호, packed keys — with one small radix sort.
//!
//! The standard library's sorts are instantiated anew for every element type and comparison,
//! and at this crate's opt-level 3 each copy is several kB of the app's wasm (the sorts were
//! about 25 kB of it before wasm-opt). Every list the engine sorts is of `u32` or `u64` (a
//! pair packed as `high << 32 | low`), so one least-significant-digit radix sort serves them
//! all (an order by a key sorts `(key, position)`): stable, linear, and a byte that is the same in every value (the high bytes of small
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

/// A position sorted by its `u64` key alone: being stable, the sort keeps positions of equal
/// keys in the order they came.
impl Radix for (u64, u32) {
    const BYTES: usize = 8;
    #[inline]
    fn byte(self, i: usize) -> u8 {
        self.0.byte(i)
    }
}

/// Below this many values, insertion sort (no buffer, no counting).
const SHORT: usize = 24;

/// Sorts `v` ascending (stable, which for plain numbers is unobservable).
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
    let mut from = v.to_vec();
    let mut to = vec![T::default(); v.len()];
    for i in 0..T::BYTES {
        let mut count = [0usize; 256];
        for &x in &from {
            count[x.byte(i) as usize] += 1;
        }
        if count.contains(&from.len()) {
            continue;
        }
        let mut at = 0;
        for c in count.iter_mut() {
            (*c, at) = (at, at + *c);
        }
        for &x in &from {
            let slot = &mut count[x.byte(i) as usize];
            to[*slot] = x;
            *slot += 1;
        }
        std::mem::swap(&mut from, &mut to);
    }
    v.copy_from_slice(&from);
}

/// `v` ordered by `key` (stable: equal keys keep the order they came in).
pub fn sorted_by_key<T>(v: Vec<T>, key: impl Fn(&T) -> u64) -> Vec<T> {
    let mut keyed: Vec<(u64, u32)> = (v.iter().enumerate())
        .map(|(i, x)| (key(x), i as u32))
        .collect();
    sort(&mut keyed);
    let mut slots: Vec<Option<T>> = v.into_iter().map(Some).collect();
    (keyed.into_iter())
        .filter_map(|(_, i)| slots[i as usize].take())
        .collect()
}

/// Sorts `v` and drops repeated values.
pub fn sort_dedup<T: Radix>(v: &mut Vec<T>) {
    sort(v);
    v.dedup();
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
            // By key, ties in the order they came (positions ascending).
            let mut keyed: Vec<(u64, u32)> = b.iter().enumerate().map(|(i, &k)| (k % 7, i as u32)).collect();
            let mut want = keyed.clone();
            want.sort_by_key(|e| e.0);
            sort(&mut keyed);
            prop_assert_eq!(keyed, want);
            let mut want = a.clone();
            want.sort_unstable();
            want.dedup();
            sort_dedup(&mut a);
            prop_assert_eq!(a, want);
        }
    }
}
