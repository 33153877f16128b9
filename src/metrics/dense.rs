//! A map that stores each entry once, densely: the derived facts keep one entry for each of
//! hundreds of thousands of customers and day groups while an import sums them, and a
//! `HashMap` would keep each key twice (in the map and in the value that holds it) and a
//! third of its slots empty. Entries live in blocks that never move; a table of their
//! positions finds them by key.

use hashbrown::HashTable;
use hashbrown::hash_table::Entry;
use std::hash::{BuildHasher, Hash};

/// Entries a block holds: a map never copies more than this to grow.
const BLOCK: usize = 4096;

/// Entries of type `E`, each with a key of type `K` it holds itself ([`Keyed`]), hashed by
/// `S`, in the order they were first met.
#[derive(Debug, Clone)]
pub struct Dense<E, S> {
    positions: HashTable<u32>,
    blocks: Vec<Vec<E>>,
    len: usize,
    hasher: S,
}

/// An entry that holds its own key.
pub trait Keyed {
    type Key: Eq + Hash;
    fn key(&self) -> &Self::Key;
}

impl<E, S: Default> Default for Dense<E, S> {
    fn default() -> Self {
        Dense {
            positions: HashTable::new(),
            blocks: Vec::new(),
            len: 0,
            hasher: S::default(),
        }
    }
}

impl<E: Keyed, S: BuildHasher> Dense<E, S> {
    /// The position of the entry of `key`, made by `make` when there is none yet (then
    /// `true` comes with it).
    pub fn position_or_insert(&mut self, key: &E::Key, make: impl FnOnce() -> E) -> (usize, bool) {
        let hash = self.hasher.hash_one(key);
        let Dense {
            positions,
            blocks,
            len,
            hasher,
        } = self;
        let at = |p: &u32| &blocks[*p as usize / BLOCK][*p as usize % BLOCK];
        match positions.entry(
            hash,
            |p| at(p).key() == key,
            |p| hasher.hash_one(at(p).key()),
        ) {
            Entry::Occupied(found) => (*found.get() as usize, false),
            Entry::Vacant(slot) => {
                let position = *len;
                let index = u32::try_from(position).expect("fewer than 4 billion entries");
                slot.insert(index);
                if position.is_multiple_of(BLOCK) {
                    blocks.push(Vec::with_capacity(BLOCK));
                }
                blocks
                    .last_mut()
                    .expect("a block was just made")
                    .push(make());
                *len += 1;
                (position, true)
            }
        }
    }

    /// The position of the entry of `key`, if there is one.
    pub fn position(&self, key: &E::Key) -> Option<usize> {
        let hash = self.hasher.hash_one(key);
        self.positions
            .find(hash, |p| self.get(*p as usize).key() == key)
            .map(|p| *p as usize)
    }
}

impl<E, S> Dense<E, S> {
    pub fn get(&self, position: usize) -> &E {
        &self.blocks[position / BLOCK][position % BLOCK]
    }

    pub fn get_mut(&mut self, position: usize) -> &mut E {
        &mut self.blocks[position / BLOCK][position % BLOCK]
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The entries, in the order they were made.
    pub fn into_entries(self) -> impl Iterator<Item = E> {
        self.blocks.into_iter().flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    impl Keyed for (String, u32) {
        type Key = String;
        fn key(&self) -> &String {
            &self.0
        }
    }

    #[test]
    fn entries_are_found_by_key_and_kept_in_order_across_blocks() {
        let mut map: Dense<(String, u32), std::hash::RandomState> = Dense::default();
        let n = BLOCK * 2 + 7;
        for i in 0..n {
            let key = format!("k{}", i % (n - 3));
            let (p, new) = map.position_or_insert(&key, || (key.clone(), 0));
            assert_eq!(new, i < n - 3, "{key}");
            map.get_mut(p).1 += 1;
        }
        assert_eq!(map.len(), n - 3);
        assert_eq!(map.position(&"k1".to_string()), Some(1));
        assert_eq!(map.get(1).1, 2, "k1 was met twice");
        assert_eq!(map.position(&"none".to_string()), None);
        let keys: Vec<String> = map.into_entries().map(|e| e.0).take(3).collect();
        assert_eq!(keys, ["k0", "k1", "k2"]);
    }
}
