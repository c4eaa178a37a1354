//! An enterprise's industry / licence categories (行业类别): a small set of texts.

use std::collections::BTreeSet;
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A set of category texts, held as one list in ascending order without repeats.
///
/// A roster holds one per enterprise, nearly always with one or two entries, and most
/// enterprises of a county share a handful of lists. The list is therefore shared:
/// cloning a `Categories` counts one more reference to the same list instead of
/// copying it, and a reader gives every row whose cell reads the same the same list
/// (issue #25). A roster of a million rows then holds a few lists, not a million: no
/// allocation per row, the lists stay in cache whatever the rows' order when
/// eligibility compares them with every item's scope, and dropping the roster frees
/// nothing per row for them. [`Categories::insert`] and [`Categories::remove`] change
/// this set only: they make it a new list (a copy of a few texts).
///
/// It reads and writes the same JSON as a `BTreeSet<String>` did: a list, written
/// sorted; repeats in a list read are kept once.
///
/// ```
/// use shuangsuiji::model::Categories;
/// let mut c: Categories = ["food_sales", "food_production", "food_sales"]
///     .into_iter()
///     .map(String::from)
///     .collect();
/// assert_eq!(c.len(), 2);
/// let shared = c.clone();
/// assert!(c.insert("food_additive".to_owned()));
/// assert!(!c.insert("food_sales".to_owned()));
/// assert!(c.contains("food_production"));
/// let order: Vec<&str> = c.iter().map(String::as_str).collect();
/// assert_eq!(order, ["food_additive", "food_production", "food_sales"]);
/// assert_eq!(serde_json::to_string(&c)?, r#"["food_additive","food_production","food_sales"]"#);
/// assert_eq!(shared.len(), 2, "the clone made before the insert is unchanged");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Categories(
    /// `None` when empty (never an empty list, so that equal sets compare equal).
    Option<Arc<[String]>>,
);

impl Categories {
    /// No categories.
    #[must_use]
    pub const fn new() -> Self {
        Self(None)
    }

    /// Adds a category; `false` if it was there already (the set is unchanged).
    ///
    /// ```
    /// let mut c = shuangsuiji::model::Categories::new();
    /// assert!(c.insert("retail".to_owned()));
    /// assert!(!c.insert("retail".to_owned()));
    /// ```
    pub fn insert(&mut self, category: String) -> bool {
        match self.as_slice().binary_search(&category) {
            Ok(_) => false,
            Err(at) => {
                let mut list = self.as_slice().to_vec();
                list.insert(at, category);
                *self = Self::from_sorted(list);
                true
            }
        }
    }

    /// Removes a category; `false` if it was not there.
    ///
    /// ```
    /// let mut c: shuangsuiji::model::Categories = [String::from("retail")].into_iter().collect();
    /// assert!(c.remove("retail"));
    /// assert!(c.is_empty());
    /// ```
    pub fn remove(&mut self, category: &str) -> bool {
        match self
            .as_slice()
            .binary_search_by(|c| c.as_str().cmp(category))
        {
            Ok(at) => {
                let mut list = self.as_slice().to_vec();
                list.remove(at);
                *self = Self::from_sorted(list);
                true
            }
            Err(_) => false,
        }
    }

    /// Whether the set holds `category` (exactly; for patterns see
    /// [`crate::model::Applicability`]).
    ///
    /// ```
    /// let c: shuangsuiji::model::Categories = [String::from("retail")].into_iter().collect();
    /// assert!(c.contains("retail") && !c.contains("food_production"));
    /// ```
    #[must_use]
    pub fn contains(&self, category: &str) -> bool {
        self.as_slice()
            .binary_search_by(|c| c.as_str().cmp(category))
            .is_ok()
    }

    /// The categories in ascending order.
    ///
    /// ```
    /// let c: shuangsuiji::model::Categories = ["b", "a"].into_iter().map(String::from).collect();
    /// assert_eq!(c.iter().next().map(String::as_str), Some("a"));
    /// ```
    pub fn iter(&self) -> std::slice::Iter<'_, String> {
        self.as_slice().iter()
    }

    /// The categories in ascending order, as a slice.
    ///
    /// ```
    /// let c: shuangsuiji::model::Categories = ["b", "a"].into_iter().map(String::from).collect();
    /// assert_eq!(c.as_slice(), ["a", "b"]);
    /// ```
    #[must_use]
    pub fn as_slice(&self) -> &[String] {
        self.0.as_deref().unwrap_or_default()
    }

    /// The number of categories.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::model::Categories::new().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.as_slice().len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(shuangsuiji::model::Categories::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_none()
    }

    /// Whether `self` and `other` are the same list in memory (clones of one
    /// another, or rows a reader read from the same cell text), not only equal; two
    /// empty sets are.
    ///
    /// ```
    /// use shuangsuiji::model::Categories;
    /// let a: Categories = [String::from("retail")].into_iter().collect();
    /// let b: Categories = [String::from("retail")].into_iter().collect();
    /// assert!(a.shares_list_with(&a.clone()));
    /// assert!(a == b && !a.shares_list_with(&b));
    /// ```
    #[must_use]
    pub fn shares_list_with(&self, other: &Self) -> bool {
        match (&self.0, &other.0) {
            (Some(a), Some(b)) => Arc::ptr_eq(a, b),
            (a, b) => a.is_none() && b.is_none(),
        }
    }

    /// A list already sorted without repeats.
    fn from_sorted(list: Vec<String>) -> Self {
        Self((!list.is_empty()).then(|| Arc::from(list)))
    }
}

impl fmt::Debug for Categories {
    /// As the list it holds: `Categories(["a", "b"])`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_tuple("Categories").field(&self.as_slice()).finish()
    }
}

impl From<Vec<String>> for Categories {
    /// The distinct texts of `list`, sorted.
    fn from(mut list: Vec<String>) -> Self {
        if !list.is_sorted_by(|a, b| a < b) {
            list.sort_unstable();
            list.dedup();
        }
        Self::from_sorted(list)
    }
}

impl From<BTreeSet<String>> for Categories {
    fn from(set: BTreeSet<String>) -> Self {
        Self::from_sorted(set.into_iter().collect())
    }
}

impl FromIterator<String> for Categories {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Self::from(iter.into_iter().collect::<Vec<String>>())
    }
}

impl Extend<String> for Categories {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I) {
        let mut list = self.as_slice().to_vec();
        list.extend(iter);
        *self = Self::from(list);
    }
}

impl IntoIterator for Categories {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    /// The texts, copied (the list may be shared with other enterprises).
    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().to_vec().into_iter()
    }
}

impl<'a> IntoIterator for &'a Categories {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl Serialize for Categories {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_slice().serialize(s)
    }
}

impl<'de> Deserialize<'de> for Categories {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        Vec::<String>::deserialize(d).map(Self::from)
    }
}

#[cfg(test)]
mod tests {
    use super::Categories;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// The set behaves as the `BTreeSet<String>` it replaced: the same members in
        /// the same order after any inserts and removes, the same JSON both ways.
        #[test]
        fn behaves_as_a_btree_set(
            start in proptest::collection::vec("[a-c]{0,2}", 0..6),
            ops in proptest::collection::vec((any::<bool>(), "[a-c]{0,2}"), 0..12),
        ) {
            let mut set: BTreeSet<String> = start.iter().cloned().collect();
            let mut cats: Categories = start.iter().cloned().collect();
            let before = cats.clone();
            prop_assert!(before.shares_list_with(&cats));
            let mut changed = false;
            for (add, c) in ops {
                let did = if add { cats.insert(c.clone()) } else { cats.remove(&c) };
                prop_assert_eq!(did, if add { set.insert(c) } else { set.remove(&c) });
                changed |= did;
                prop_assert_eq!(cats.as_slice(), set.iter().cloned().collect::<Vec<_>>());
                prop_assert_eq!(cats.len(), set.len());
            }
            // A clone shares the list until one of them changes, and only that one does.
            prop_assert_eq!(before.as_slice(), start.iter().cloned().collect::<BTreeSet<_>>().into_iter().collect::<Vec<_>>());
            prop_assert_eq!(
                before.shares_list_with(&cats),
                !changed || (before.is_empty() && cats.is_empty())
            );
            for probe in ["", "a", "ab", "c"] {
                prop_assert_eq!(cats.contains(probe), set.contains(probe));
            }
            prop_assert_eq!(
                serde_json::to_string(&cats).unwrap(),
                serde_json::to_string(&set).unwrap()
            );
            let json = serde_json::to_string(&start).unwrap();
            let read: Categories = serde_json::from_str(&json).unwrap();
            let read_set: BTreeSet<String> = serde_json::from_str(&json).unwrap();
            prop_assert_eq!(read, Categories::from(read_set));
        }
    }
}
