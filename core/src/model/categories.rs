//! An enterprise's industry / licence categories (行业类别): a small set of texts.

use std::collections::BTreeSet;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A set of category texts, held as one list in ascending order without repeats.
///
/// A roster holds one per enterprise, nearly always with one or two entries: a sorted
/// list costs one small allocation where a `BTreeSet` costs a node of eleven slots
/// (about 280 bytes), which was most of a read roster's memory (issue #25). It reads
/// and writes the same JSON as a `BTreeSet<String>` did: a list, written sorted;
/// repeats in a list read are kept once.
///
/// ```
/// use shuangsuiji::model::Categories;
/// let mut c: Categories = ["food_sales", "food_production", "food_sales"]
///     .into_iter()
///     .map(String::from)
///     .collect();
/// assert_eq!(c.len(), 2);
/// assert!(c.insert("food_additive".to_owned()));
/// assert!(!c.insert("food_sales".to_owned()));
/// assert!(c.contains("food_production"));
/// let order: Vec<&str> = c.iter().map(String::as_str).collect();
/// assert_eq!(order, ["food_additive", "food_production", "food_sales"]);
/// assert_eq!(serde_json::to_string(&c)?, r#"["food_additive","food_production","food_sales"]"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Categories(Vec<String>);

impl Categories {
    /// No categories.
    #[must_use]
    pub const fn new() -> Self {
        Self(Vec::new())
    }

    /// Adds a category; `false` if it was there already (the set is unchanged).
    ///
    /// ```
    /// let mut c = shuangsuiji::model::Categories::new();
    /// assert!(c.insert("retail".to_owned()));
    /// assert!(!c.insert("retail".to_owned()));
    /// ```
    pub fn insert(&mut self, category: String) -> bool {
        match self.0.binary_search(&category) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, category);
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
        match self.0.binary_search_by(|c| c.as_str().cmp(category)) {
            Ok(at) => {
                self.0.remove(at);
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
        self.0
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
        self.0.iter()
    }

    /// The categories in ascending order, as a slice.
    ///
    /// ```
    /// let c: shuangsuiji::model::Categories = ["b", "a"].into_iter().map(String::from).collect();
    /// assert_eq!(c.as_slice(), ["a", "b"]);
    /// ```
    #[must_use]
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// The number of categories.
    ///
    /// ```
    /// assert_eq!(shuangsuiji::model::Categories::new().len(), 0);
    /// ```
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Whether there are none.
    ///
    /// ```
    /// assert!(shuangsuiji::model::Categories::new().is_empty());
    /// ```
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Vec<String>> for Categories {
    /// The distinct texts of `list`, sorted (one allocation: the list's own).
    fn from(mut list: Vec<String>) -> Self {
        if !list.is_sorted_by(|a, b| a < b) {
            list.sort_unstable();
            list.dedup();
        }
        Self(list)
    }
}

impl From<BTreeSet<String>> for Categories {
    fn from(set: BTreeSet<String>) -> Self {
        Self(set.into_iter().collect())
    }
}

impl FromIterator<String> for Categories {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> Self {
        Self::from(iter.into_iter().collect::<Vec<String>>())
    }
}

impl Extend<String> for Categories {
    fn extend<I: IntoIterator<Item = String>>(&mut self, iter: I) {
        let mut list = std::mem::take(&mut self.0);
        list.extend(iter);
        *self = Self::from(list);
    }
}

impl IntoIterator for Categories {
    type Item = String;
    type IntoIter = std::vec::IntoIter<String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl<'a> IntoIterator for &'a Categories {
    type Item = &'a String;
    type IntoIter = std::slice::Iter<'a, String>;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

impl Serialize for Categories {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
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
            for (add, c) in ops {
                if add {
                    prop_assert_eq!(cats.insert(c.clone()), set.insert(c));
                } else {
                    prop_assert_eq!(cats.remove(&c), set.remove(&c));
                }
                prop_assert_eq!(cats.as_slice(), set.iter().cloned().collect::<Vec<_>>());
                prop_assert_eq!(cats.len(), set.len());
            }
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
