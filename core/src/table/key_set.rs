//! The key values seen so far by the ordered merge (unique, primary key, unique keys,
//! same-table foreign keys), each with the row of its first occurrence.
//!
//! A key value is represented by the 128-bit xxh3 hash of its typed key bytes (see
//! `Value::key_bytes`): equal typed values give equal bytes, hence equal hashes, so a
//! duplicate is never missed. Two *different* values are reported as duplicates only if
//! their hashes collide: for `n` distinct keys the probability that any pair does is at
//! most n²/2¹²⁹, about 1.5·10⁻²⁵ for ten million keys and 1.5·10⁻²¹ for a billion, far
//! below the odds of a memory error in the machine running the check. (xxh3 is not a
//! cryptographic hash: the bound holds for real data, not for inputs crafted to collide.)
//!
//! Memory is what bounds a primary key over a large file, so the set is a flat table of
//! 20-byte slots (the hash as four `u32` and the first row as a `u32`, row 0 marking an empty
//! slot) rather than a general hash map, filled to 93 % by Robin Hood linear probing (a
//! lookup stops early; the price is insertion, which near 93 % probes a few dozen slots:
//! about 2 200 instructions more per new key than a general hash map; a 90 % ceiling with
//! 20 % growth probes less but needs about 15 MB more at ten million keys), and split into
//! 32 shards that grow by 1/7th at different times: the table stays about 87 % full at any
//! size (23 bytes per distinct key, 21.5 to 24.6 at worst), and growing never holds two
//! copies of the whole table.

/// Shards are chosen by the top bits of the hash. Few shards keep each one large, so its
/// growth goes straight to fresh pages from the system rather than leaving holes in the heap
/// (256 small shards left about 40 MB of holes at ten million keys); enough shards keep the
/// copy made while one grows small (under 3 % of the table).
const SHARD_BITS: u32 = 5;

/// Slots a shard starts with: spread between 64 and 73 (one growth step) across the shards
/// so that they grow at different times, which keeps the table as a whole about 87 % full
/// rather than swinging between 81 % and 93 % with every shard at once.
fn initial_capacity(shard: usize) -> usize {
    let spread = (8.0f64 / 7.0).powf(shard as f64 / f64::from(1u32 << SHARD_BITS));
    (64.0 * spread).round() as usize
}

/// One slot: a key hash and the row of its first occurrence (0: empty).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
#[repr(C)]
struct Slot {
    hash: [u32; 4],
    row: u32,
}

impl Slot {
    const EMPTY: Slot = Slot {
        hash: [0; 4],
        row: 0,
    };

    fn new(hash: u128, row: u32) -> Slot {
        Slot {
            hash: [
                hash as u32,
                (hash >> 32) as u32,
                (hash >> 64) as u32,
                (hash >> 96) as u32,
            ],
            row,
        }
    }

    fn is_empty(&self) -> bool {
        self.row == 0
    }

    /// The hash bits that place a slot within its shard (independent of the shard bits).
    fn placement(&self) -> u64 {
        u64::from(self.hash[0]) | (u64::from(self.hash[1]) << 32)
    }
}

/// One shard: an open-addressing table probed linearly, Robin Hood ordered (a slot never
/// sits further from its home than the slots after it), so a lookup stops as soon as it
/// meets a slot closer to home than the key would be.
struct Shard {
    slots: Vec<Slot>,
    len: usize,
    /// Slots allocated at the first insertion.
    initial: usize,
}

impl Shard {
    /// Home position of a slot: its placement bits scaled to the capacity (any capacity
    /// works, so shards can grow by a seventh rather than doubling).
    fn home(&self, slot: &Slot) -> usize {
        ((u128::from(slot.placement()) * self.slots.len() as u128) >> 64) as usize
    }

    /// How far slot index `i` is from `home`, wrapping around the end.
    fn distance(&self, home: usize, i: usize) -> usize {
        if i >= home {
            i - home
        } else {
            i + self.slots.len() - home
        }
    }

    fn next(&self, i: usize) -> usize {
        if i + 1 == self.slots.len() { 0 } else { i + 1 }
    }

    /// Inserts `slot` unless its hash is present; returns the present slot's row.
    fn insert(&mut self, mut slot: Slot) -> Option<u32> {
        let mut i = self.home(&slot);
        let mut dist = 0;
        loop {
            let here = self.slots[i];
            if here.is_empty() {
                self.slots[i] = slot;
                self.len += 1;
                return None;
            }
            // Once `slot` is a displaced resident, no other resident can equal it.
            if here.hash == slot.hash {
                return Some(here.row);
            }
            let here_dist = self.distance(self.home(&here), i);
            if here_dist < dist {
                // Robin Hood: the key is not further on; it takes this place and the
                // resident moves on, further from its home.
                self.slots[i] = slot;
                slot = here;
                dist = here_dist;
            }
            i = self.next(i);
            dist += 1;
        }
    }

    fn get(&self, key: &Slot) -> Option<u32> {
        if self.slots.is_empty() {
            return None;
        }
        let mut i = self.home(key);
        let mut dist = 0;
        loop {
            let here = &self.slots[i];
            if here.is_empty() {
                return None;
            }
            if here.hash == key.hash {
                return Some(here.row);
            }
            if self.distance(self.home(here), i) < dist {
                return None;
            }
            i = self.next(i);
            dist += 1;
        }
    }

    /// Makes room for one more slot while staying at most 93 % full.
    fn reserve_one(&mut self) {
        let capacity = self.slots.len();
        if (self.len + 1) * 100 <= capacity * 93 {
            return;
        }
        let grown = if capacity == 0 {
            self.initial
        } else {
            capacity + capacity / 7
        };
        let old = std::mem::replace(&mut self.slots, vec![Slot::EMPTY; grown]);
        self.len = 0;
        for slot in old.into_iter().filter(|s| !s.is_empty()) {
            self.insert(slot);
        }
    }
}

/// A set of 128-bit key hashes, each with the (1-based) row of its first occurrence.
pub(crate) struct KeySet {
    shards: Vec<Shard>,
}

impl Default for KeySet {
    fn default() -> Self {
        KeySet {
            shards: (0..1 << SHARD_BITS)
                .map(|shard| Shard {
                    slots: Vec::new(),
                    len: 0,
                    initial: initial_capacity(shard),
                })
                .collect(),
        }
    }
}

impl KeySet {
    fn shard_of(hash: u128) -> usize {
        (hash >> (128 - SHARD_BITS)) as usize
    }

    /// Records `hash` first seen at `row`, unless it was seen before: then returns the row
    /// of its first occurrence and keeps that one. Row numbers are at least 1; rows beyond
    /// `u32::MAX` are recorded as `u32::MAX`.
    pub(crate) fn insert(&mut self, hash: u128, row: u64) -> Option<u32> {
        let row = u32::try_from(row).unwrap_or(u32::MAX).max(1);
        let shard = &mut self.shards[Self::shard_of(hash)];
        shard.reserve_one();
        shard.insert(Slot::new(hash, row))
    }

    /// Whether `hash` was recorded.
    pub(crate) fn contains(&self, hash: u128) -> bool {
        self.shards[Self::shard_of(hash)]
            .get(&Slot::new(hash, 0))
            .is_some()
    }

    /// Number of distinct hashes recorded.
    #[cfg(test)]
    fn len(&self) -> usize {
        self.shards.iter().map(|s| s.len).sum()
    }

    /// Bytes held by the slots (for the memory figures in the tests).
    #[cfg(test)]
    fn slot_bytes(&self) -> usize {
        self.shards
            .iter()
            .map(|s| s.slots.len() * std::mem::size_of::<Slot>())
            .sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::HashMap;

    #[test]
    fn a_slot_takes_twenty_bytes() {
        assert_eq!(std::mem::size_of::<Slot>(), 20);
    }

    #[test]
    fn keeps_the_first_row_of_each_key() {
        let mut set = KeySet::default();
        assert_eq!(set.insert(7, 2), None);
        assert_eq!(set.insert(8, 3), None);
        assert_eq!(set.insert(7, 4), Some(2));
        assert_eq!(set.insert(7, 5), Some(2));
        assert!(set.contains(8));
        assert!(!set.contains(9));
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn stays_between_four_fifths_and_ninety_three_percent_full_as_it_grows() {
        let mut set = KeySet::default();
        let mut state = 0x9e37_79b9_7f4a_7c15_u64;
        for n in 1..=400_000u64 {
            // splitmix64, twice, for uniform 128-bit hashes.
            let mut next = || {
                state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
                let mut z = state;
                z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
                z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
                z ^ (z >> 31)
            };
            let hash = (u128::from(next()) << 64) | u128::from(next());
            assert_eq!(set.insert(hash, n + 1), None);
        }
        assert_eq!(set.len(), 400_000);
        let per_key = set.slot_bytes() as f64 / 400_000.0;
        assert!(
            (20.0 / 0.93..=20.0 / 0.8).contains(&per_key),
            "{per_key} bytes per key"
        );
    }

    proptest! {
        /// Same answers as a plain map, including hashes that share a shard and a home
        /// (few distinct top and low bits) so probe sequences collide and wrap.
        #[test]
        fn agrees_with_a_map(ops in prop::collection::vec((0u8..4, 0u64..64, 0u8..3, any::<bool>()), 1..3000)) {
            let mut set = KeySet::default();
            let mut map: HashMap<u128, u32> = HashMap::new();
            for (row, (top, low, mid, lookup)) in ops.into_iter().enumerate() {
                let hash = (u128::from(top) << 120) | (u128::from(mid) << 64) | u128::from(low << 58);
                let row = row as u64 + 1;
                if lookup {
                    prop_assert_eq!(set.contains(hash), map.contains_key(&hash));
                } else {
                    let expected = map.get(&hash).copied();
                    map.entry(hash).or_insert(row as u32);
                    prop_assert_eq!(set.insert(hash, row), expected);
                }
            }
            prop_assert_eq!(set.len(), map.len());
        }
    }
}
