//! The category lists a reader has made, by the cell text they came from: rows whose
//! cell reads the same get the same list (issue #25).

use std::collections::HashMap;

use super::headers::split_multi;
use crate::model::Categories;

/// Lists by cell text, for one reading thread ([`super::table::Builder`] holds one).
///
/// A county's roster has a handful of distinct category cells over a million rows:
/// sharing their lists saves two allocations per row, keeps the lists in cache when
/// eligibility matches them against each item's scope (whatever the rows' order), and
/// leaves nothing per row to free. A roster with many distinct cells keeps the first
/// [`SharedLists::MAX`] here and gives the others a list of their own, as before; so
/// does a cell longer than [`SharedLists::MAX_TEXT`] bytes, so that what is remembered
/// stays bounded however the cells are written.
#[derive(Debug, Default)]
pub(crate) struct SharedLists {
    by_text: HashMap<Box<str>, Categories>,
}

impl SharedLists {
    /// At most this many distinct cell texts are remembered.
    pub(crate) const MAX: usize = 4096;
    /// Only cells of at most this many bytes are remembered.
    pub(crate) const MAX_TEXT: usize = 128;

    /// The categories of a (trimmed, non-empty) cell: the list made for the same text
    /// before, or a new one.
    pub(crate) fn categories(&mut self, cell: &str) -> Categories {
        if let Some(list) = self.by_text.get(cell) {
            return list.clone();
        }
        let list = Categories::from(split_multi(cell));
        if self.by_text.len() < Self::MAX && cell.len() <= Self::MAX_TEXT {
            self.by_text.insert(cell.into(), list.clone());
        }
        list
    }
}

#[cfg(test)]
mod tests {
    use super::SharedLists;

    #[test]
    fn the_same_text_gives_the_same_list_up_to_the_limit() {
        let mut lists = SharedLists::default();
        let a = lists.categories("retail；food_production");
        let b = lists.categories("retail；food_production");
        assert!(a.shares_list_with(&b));
        assert_eq!(a.as_slice(), ["food_production", "retail"]);
        // The same set written otherwise is equal, but another list.
        let c = lists.categories("food_production;retail");
        assert!(c == a && !c.shares_list_with(&a));
        for i in 0..SharedLists::MAX {
            let _ = lists.categories(&format!("c{i}"));
        }
        assert_eq!(lists.by_text.len(), SharedLists::MAX);
        let late = lists.categories("late");
        assert!(!late.shares_list_with(&lists.categories("late")));
        assert_eq!(late, lists.categories("late"));
        // A long cell is not remembered either.
        let mut fresh = SharedLists::default();
        let long = "食".repeat(SharedLists::MAX_TEXT / 3 + 1);
        let first = fresh.categories(&long);
        assert!(!first.shares_list_with(&fresh.categories(&long)));
        assert!(fresh.by_text.is_empty());
        let short = "食".repeat(SharedLists::MAX_TEXT / 3);
        assert!(
            fresh
                .categories(&short)
                .shares_list_with(&fresh.categories(&short))
        );
    }
}
