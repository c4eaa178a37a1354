//! Rosters (名录库): enterprises and inspectors, unique by canonical id and kept in
//! canonical order so that nothing depends on the input order.

use serde::{Deserialize, Deserializer, Serialize};

use super::{Categories, Enterprise, Inspector, InspectorId, Uscc};
use crate::{Error, ModelCode, Result};

/// The enterprise roster (监管对象名录库): unique USCCs, sorted by USCC.
///
/// ```
/// use shuangsuiji::model::{CreditClass, DivisionCode, Enterprise, Roster, Uscc};
/// let e = Enterprise::new(Uscc::parse("91350100M000100Y43").unwrap(), "示例",
///     DivisionCode::parse("150581").unwrap(), CreditClass::A);
/// let roster = Roster::new(vec![e.clone()]).unwrap();
/// assert!(roster.get(&e.uscc).is_some());
/// assert_eq!(Roster::new(vec![e.clone(), e]).unwrap_err().code().as_str(), "enterprise_duplicate");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Roster {
    enterprises: Vec<Enterprise>,
}

impl Roster {
    /// Builds a roster, validating each enterprise and rejecting duplicates.
    ///
    /// # Errors
    /// `enterprise_duplicate` (with both positions), and [`Enterprise::validate`]'s codes.
    pub fn new(enterprises: Vec<Enterprise>) -> Result<Self> {
        if let Some((i, err)) = first_invalid(&enterprises) {
            return Err(err.within(&format!("[{i}]")));
        }
        Self::from_valid(enterprises, None)
    }

    /// [`Roster::new`] of enterprises that each passed [`Enterprise::validate`] (the
    /// intake's records: every reader validates each record it keeps), which is
    /// therefore not run again: the same roster, or the same `enterprise_duplicate`.
    /// `sorted`, when given, is the enterprises' positions in ascending order of their
    /// codes, all distinct (the reader's duplicate check sorted them already): the
    /// enterprises are moved into that order and the order checked, without sorting
    /// again; where the check fails they are sorted as without it.
    pub(crate) fn from_valid(
        mut enterprises: Vec<Enterprise>,
        sorted: Option<Vec<usize>>,
    ) -> Result<Self> {
        if let Some(from) = sorted.filter(|f| is_permutation(f, enterprises.len())) {
            permute(&mut enterprises, &mut from.clone());
            if enterprises.windows(2).all(|w| w[0].uscc < w[1].uscc) {
                return Ok(Self { enterprises });
            }
            // Not that order after all: back to the order given, then as without it.
            let mut back = vec![0; from.len()];
            for (k, &j) in from.iter().enumerate() {
                back[j] = k;
            }
            permute(&mut enterprises, &mut back);
        }
        let mut order: Vec<(Uscc, usize)> = enterprises
            .iter()
            .enumerate()
            .map(|(i, e)| (e.uscc, i))
            .collect();
        // The pairs are distinct (so any correct sort gives the same order): sorted on
        // threads where the `parallel` feature allows.
        crate::parallel_rows::sort_distinct(&mut order);
        for w in order.windows(2) {
            let ((code, first), (next, second)) = (w[0], w[1]);
            if code == next {
                return Err(Error::new(
                    ModelCode::EnterpriseDuplicate,
                    format!("统一社会信用代码 {code} 重复"),
                )
                .with_field(format!("[{second}].uscc"))
                .with_value(code.as_str())
                .with_detail("first_index", first.to_string()));
            }
        }
        let mut from: Vec<usize> = order.into_iter().map(|(_, i)| i).collect();
        permute(&mut enterprises, &mut from);
        Ok(Self { enterprises })
    }

    /// The enterprises, sorted by USCC.
    #[must_use]
    pub fn enterprises(&self) -> &[Enterprise] {
        &self.enterprises
    }

    /// Looks an enterprise up by USCC.
    #[must_use]
    pub fn get(&self, uscc: &Uscc) -> Option<&Enterprise> {
        self.enterprises
            .binary_search_by(|e| e.uscc.cmp(uscc))
            .ok()
            .map(|i| &self.enterprises[i])
    }

    /// Number of enterprises.
    #[must_use]
    pub fn len(&self) -> usize {
        self.enterprises.len()
    }

    /// Whether the roster is empty.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.enterprises.is_empty()
    }
}

impl Drop for Roster {
    /// Frees the enterprises' names and categories in the order they were allocated
    /// (by address, when that is not the roster's order), then the rest as usual.
    fn drop(&mut self) {
        // See `free_text_in_address_order`.
        free_text_in_address_order(&mut self.enterprises, drop);
    }
}

/// An enterprise's name and categories, taken out to be freed, after the address of
/// the name's text.
type Text = (usize, String, Categories);

/// Takes the names and categories out of `enterprises` and hands them to `free` in
/// groups, in ascending address of each name's text, each group sorted; does nothing
/// when they are in that order already, or nearly (issue #25).
///
/// A reader builds records in row order and the roster then puts them in code order.
/// When the rows were not in code order, freeing the records in the roster's order
/// freed the heap in random address order: a cache miss per block, and the allocator's
/// free lists left in that order, so that the next read in the same process allocated
/// from scattered blocks and took twice as long as the first. A record's text is
/// allocated together, from the top of its thread's arena, so the address of its name
/// stands for its allocation order. Looking the records up in that order would be a
/// cache miss per record again, so the text is moved, in the roster's order, into
/// groups that each cover a narrow range of addresses (bounds from a sample), and each
/// group is sorted and freed while it is in cache.
fn free_text_in_address_order(enterprises: &mut [Enterprise], mut free: impl FnMut(Vec<Text>)) {
    let at = |e: &Enterprise| e.name.as_ptr().addr();
    // In a few ascending runs (one per thread that read a part, in its own arena),
    // the usual drop already frees each arena in order. Looked at in a sample of at
    // most 65 536 enterprises, evenly spaced.
    let step = enterprises.len().div_ceil(1 << 16).max(1);
    let mut sample: Vec<usize> = enterprises.iter().step_by(step).map(at).collect();
    let descents = sample.windows(2).filter(|w| w[0] > w[1]).count();
    if descents <= 64 + sample.len() / 1024 {
        return;
    }
    // About 16 sampled enterprises per group (256 at 1 M).
    sample.sort_unstable();
    let bounds: Vec<usize> = sample.iter().step_by(16).skip(1).copied().collect();
    let mut groups: Vec<Vec<Text>> = (0..=bounds.len()).map(|_| Vec::new()).collect();
    for e in enterprises.iter_mut() {
        let a = at(e);
        groups[bounds.partition_point(|&b| b <= a)].push((
            a,
            std::mem::take(&mut e.name),
            std::mem::take(&mut e.categories),
        ));
    }
    for mut group in groups {
        group.sort_unstable_by_key(|t| t.0);
        free(group);
    }
}

impl<'de> Deserialize<'de> for Roster {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v = Vec::<Enterprise>::deserialize(d)?;
        Self::new(v).map_err(Error::into_de)
    }
}

/// The inspector roster (执法检查人员名录库): unique ids, sorted by id.
///
/// ```
/// use shuangsuiji::model::InspectorRoster;
/// let r: InspectorRoster = serde_json::from_str(
///     r#"[{"id":"B2","department":"fire","certified":true},{"id":"A1","department":"market","certified":true}]"#,
/// ).unwrap();
/// assert_eq!(r.inspectors()[0].id.as_str(), "A1");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct InspectorRoster {
    inspectors: Vec<Inspector>,
}

impl InspectorRoster {
    /// Builds an inspector roster, rejecting duplicate ids.
    ///
    /// # Errors
    /// `inspector_duplicate`.
    pub fn new(mut inspectors: Vec<Inspector>) -> Result<Self> {
        inspectors.sort_by(|a, b| a.id.cmp(&b.id));
        for w in inspectors.windows(2) {
            if w[0].id == w[1].id {
                return Err(Error::new(
                    ModelCode::InspectorDuplicate,
                    format!("inspector id {} appears twice", w[0].id.as_str()),
                )
                .with_value(w[0].id.as_str()));
            }
        }
        Ok(Self { inspectors })
    }

    /// The inspectors, sorted by id.
    #[must_use]
    pub fn inspectors(&self) -> &[Inspector] {
        &self.inspectors
    }

    /// Looks an inspector up by id.
    #[must_use]
    pub fn get(&self, id: &InspectorId) -> Option<&Inspector> {
        self.inspectors
            .binary_search_by(|i| i.id.cmp(id))
            .ok()
            .map(|i| &self.inspectors[i])
    }
}

/// The first enterprise (in order) that fails [`Enterprise::validate`], with its
/// index and error; the list is checked in parts on threads where the `parallel`
/// feature allows (each part's first failure, the first part's that has one).
fn first_invalid(enterprises: &[Enterprise]) -> Option<(usize, Error)> {
    let threads = crate::parallel::threads_for_len(enterprises.len());
    let per = enterprises.len().div_ceil(threads.max(1)).max(1);
    let starts: Vec<usize> = (0..enterprises.len()).step_by(per).collect();
    crate::parallel::map_each(&starts, |&start| {
        let part = enterprises
            .get(start..)
            .unwrap_or_default()
            .iter()
            .take(per);
        part.enumerate()
            .find_map(|(i, e)| e.validate().err().map(|err| (start + i, err)))
    })
    .into_iter()
    .flatten()
    .next()
}

/// Whether `from` holds each of `0..len` once.
fn is_permutation(from: &[usize], len: usize) -> bool {
    let mut seen = vec![false; len];
    from.len() == len
        && from
            .iter()
            .all(|&i| i < len && !std::mem::replace(&mut seen[i], true))
}

/// Puts `items[from[k]]` at position `k` for every `k`, in place (one swap per moved
/// item, following the permutation's cycles); `from` is used up (left as identity).
fn permute<T>(items: &mut [T], from: &mut [usize]) {
    for start in 0..from.len() {
        let mut at = start;
        loop {
            let src = from[at];
            from[at] = at;
            if src == start || src == at {
                break;
            }
            items.swap(at, src);
            at = src;
        }
    }
}

impl<'de> Deserialize<'de> for InspectorRoster {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let v = Vec::<Inspector>::deserialize(d)?;
        Self::new(v).map_err(Error::into_de)
    }
}

#[cfg(test)]
mod tests {
    use super::{Roster, free_text_in_address_order};
    use crate::model::{CreditClass, DivisionCode, Enterprise, test_code};

    /// Enterprises whose codes are not in the order of `i`.
    fn enterprise(i: u32) -> Enterprise {
        let code = test_code(i * 7919 % 100_000);
        let division = DivisionCode::parse("150581").expect("division");
        Enterprise::new(code, &format!("企业{i}"), division, CreditClass::A)
    }

    /// An order handed in from the reader gives the roster (or the error) of sorting:
    /// when it is right, when it is wrong, when it is no permutation, and with a
    /// repeated code (the error's positions those of the list as given).
    #[test]
    fn a_given_order_changes_nothing() {
        let list: Vec<Enterprise> = (0..40).map(enterprise).collect();
        let sorted = Roster::from_valid(list.clone(), None).expect("roster");
        let mut right: Vec<usize> = (0..list.len()).collect();
        right.sort_by_key(|&i| list[i].uscc);
        let wrong: Vec<usize> = (0..list.len()).collect();
        let mut twice = right.clone();
        twice[1] = twice[0];
        for order in [right.clone(), wrong.clone(), twice, vec![0; 3]] {
            let got = Roster::from_valid(list.clone(), Some(order.clone())).expect("roster");
            assert_eq!(got, sorted, "{order:?}");
        }
        let mut repeated = list.clone();
        repeated[30] = repeated[7].clone();
        let expected = Roster::from_valid(repeated.clone(), None).unwrap_err();
        for order in [right, wrong] {
            let e = Roster::from_valid(repeated.clone(), Some(order)).unwrap_err();
            assert_eq!(format!("{e:?}"), format!("{expected:?}"));
        }
    }

    /// The text is freed in ascending address order whatever the roster's order, and
    /// every enterprise's name and categories once; a roster whose text is in order, or
    /// in a few runs, is left to the usual drop.
    #[test]
    fn text_is_freed_in_address_order() {
        let freed = |list: &mut [Enterprise]| {
            let mut texts: Vec<(usize, String, usize)> = Vec::new();
            let mut groups = 0;
            free_text_in_address_order(list, |group| {
                groups += 1;
                texts.extend(group.into_iter().map(|(a, n, c)| (a, n, c.len())));
            });
            (texts, groups)
        };
        let mut list: Vec<Enterprise> = (0..3000).map(enterprise).collect();
        for e in &mut list {
            e.categories.insert("food_production:grain".to_owned());
        }
        let mut roster = Roster::new(list.clone()).expect("roster");
        let (texts, groups) = freed(&mut roster.enterprises);
        assert!(groups > 100, "{groups}");
        assert!(texts.windows(2).all(|w| w[0].0 < w[1].0));
        let mut names: Vec<String> = texts.iter().map(|t| t.1.clone()).collect();
        names.sort_unstable();
        let mut expected: Vec<String> = list.iter().map(|e| e.name.clone()).collect();
        expected.sort_unstable();
        assert_eq!(names, expected);
        assert!(texts.iter().all(|t| t.2 == 1));
        assert!(
            roster
                .enterprises()
                .iter()
                .all(|e| e.name.is_empty() && e.categories.is_empty())
        );
        // In order, or in a few runs (one per part a reader's threads built): untouched.
        let mut in_order = list.clone();
        in_order.sort_by_key(|e| e.name.as_ptr().addr());
        in_order.rotate_left(1234);
        assert_eq!(freed(&mut in_order).1, 0);
        assert!(in_order.iter().all(|e| !e.name.is_empty()));
        in_order.reverse();
        assert!(freed(&mut in_order).1 > 0);
    }
}
