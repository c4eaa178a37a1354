//! Joint visits (进一次门、查多项事): each selected enterprise is visited once, for every
//! item that selected it.
//!
//! Source: 国务院关于在市场监管领域全面推行部门联合"双随机、一公开"监管的意见
//! (国发〔2019〕5号) — departments inspect jointly so that an enterprise is entered once
//! for several matters; the county plan (霍林郭勒市) applies it to food producers.
//!
//! Because every item of a joint task uses the same ticket for an enterprise, and each
//! item takes the smallest tickets of its strata, a smaller sample over the same pool
//! and strata is a subset of a larger one: the number of visits is the size of the
//! union of the item samples, which equals the largest sample when all items draw
//! from the same pool with the same strata.

use super::result::{Basis, ItemResult, Pick, Visit, VisitItem};
use super::ticket::Ticket;
use crate::model::{DepartmentCode, Uscc};

/// The visit list of the current selections, sorted by `(ticket, uscc)`; each visit's
/// items are in item-id order (the order of `items`).
///
/// Large lists are built in ticket ranges, one per thread with the `parallel` feature:
/// an enterprise has one ticket, so its rows are all in one range, and the ranges'
/// visits joined in order are the visits of the whole.
pub(super) fn visits(items: &[ItemResult]) -> Vec<Visit> {
    let selections: Vec<&[Pick]> = items
        .iter()
        .flat_map(|it| &it.strata)
        .map(|s| s.selected.as_slice())
        .collect();
    let total: usize = selections.iter().map(|s| s.len()).sum();
    let parts = crate::parallel::threads_for_len(total);
    // Cut at tickets of the longest selection (each selection is in ticket order).
    let longest = selections
        .iter()
        .max_by_key(|s| s.len())
        .copied()
        .unwrap_or(&[]);
    let mut cuts: Vec<Ticket> = (1..parts)
        .filter_map(|k| longest.get(longest.len() * k / parts).map(|p| p.ticket))
        .collect();
    cuts.dedup();
    let mut ranges: Vec<(Option<Ticket>, Option<Ticket>)> = Vec::with_capacity(cuts.len() + 1);
    let mut from = None;
    for cut in cuts.into_iter().map(Some).chain([None]) {
        ranges.push((from, cut));
        from = cut;
    }
    let mut out: Vec<Visit> = Vec::new();
    for mut part in crate::parallel::map_each(&ranges, |&(from, to)| visits_in(items, from, to)) {
        out.append(&mut part);
    }
    out
}

/// The visits of the selected enterprises whose ticket is in `[from, to)` (unbounded
/// where `None`).
fn visits_in(items: &[ItemResult], from: Option<Ticket>, to: Option<Ticket>) -> Vec<Visit> {
    let within = |selected: &[Pick]| -> std::ops::Range<usize> {
        let a = from.map_or(0, |t| selected.partition_point(|p| p.ticket < t));
        let b = to.map_or(selected.len(), |t| {
            selected.partition_point(|p| p.ticket < t)
        });
        a..b.max(a)
    };
    // One row per (item, stratum, selected enterprise); sorting the rows groups each
    // enterprise's rows together, in visit order and then item order. Each stratum's
    // selection is already in `(ticket, uscc)` order, so the rows are a few ascending
    // runs, which the stable sort finds and merges (no two rows have one key: an
    // enterprise is in one stratum of an item).
    let ranges: Vec<std::ops::Range<usize>> = items
        .iter()
        .flat_map(|it| &it.strata)
        .map(|s| within(&s.selected))
        .collect();
    let mut rows: Vec<(Ticket, Uscc, usize, usize, Basis)> =
        Vec::with_capacity(ranges.iter().map(ExactSizeIterator::len).sum());
    let strata = items
        .iter()
        .enumerate()
        .flat_map(|(i, it)| it.strata.iter().enumerate().map(move |(h, s)| (i, h, s)));
    for ((i, h, s), range) in strata.zip(ranges) {
        rows.extend(
            s.selected
                .get(range)
                .unwrap_or(&[])
                .iter()
                .map(|p| (p.ticket, p.uscc, i, h, p.basis)),
        );
    }
    rows.sort_by_key(|r| (r.0, r.1, r.2));
    // Each enterprise's rows make one visit, its lists allocated once at their size.
    let mut out: Vec<Visit> = Vec::new();
    for group in rows.chunk_by(|a, b| a.1 == b.1) {
        let Some(&(ticket, uscc, ..)) = group.first() else {
            continue;
        };
        let mut entries = Vec::with_capacity(group.len());
        let mut departments: Vec<DepartmentCode> = Vec::with_capacity(group.len());
        for &(_, _, i, h, basis) in group {
            let Some((item, stratum)) = items.get(i).and_then(|it| Some((it, it.strata.get(h)?)))
            else {
                continue;
            };
            if !departments.contains(&item.department) {
                departments.push(item.department.clone());
            }
            entries.push(VisitItem {
                item_id: item.item_id.clone(),
                department: item.department.clone(),
                stratum: stratum.key.clone(),
                basis,
            });
        }
        departments.sort();
        out.push(Visit {
            uscc,
            ticket,
            items: entries,
            departments,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::{StratumKey, StratumResult};
    use crate::model::ItemId;
    use crate::model::test_code as code;
    use proptest::prelude::*;

    /// Items whose strata select from 40 enterprises: `places[i][e]` puts enterprise
    /// `e` in stratum `places[i][e] % 5` of item `i` (4: in none); an enterprise's
    /// ticket is `tickets[e]`, from a small range so that different enterprises tie.
    fn items(places: &[Vec<u8>], tickets: &[u8], departments: &[u8]) -> Vec<ItemResult> {
        places
            .iter()
            .zip(departments)
            .enumerate()
            .map(|(i, (place, d))| ItemResult {
                item_id: ItemId::parse(&format!("item.{i}")).unwrap(),
                department: DepartmentCode::parse(&format!("dept{}", d % 2)).unwrap(),
                strata: (0..4u8)
                    .map(|h| {
                        let mut selected: Vec<Pick> = place
                            .iter()
                            .zip(tickets)
                            .enumerate()
                            .filter(|(_, (p, _))| **p % 5 == h)
                            .map(|(e, (p, t))| Pick {
                                uscc: code(u32::try_from(e).unwrap()),
                                ticket: Ticket::from_value(u128::from(*t)),
                                basis: if p % 3 == 0 {
                                    Basis::Substitute
                                } else {
                                    Basis::Drawn
                                },
                            })
                            .collect();
                        selected.sort_by_key(|p| (p.ticket, p.uscc));
                        StratumResult {
                            key: StratumKey::parse(&format!("s{h}")).unwrap(),
                            eligible_count: 40,
                            quota: None,
                            ratio: None,
                            threshold: None,
                            drawn_count: 0,
                            cutoff: None,
                            boundary: None,
                            max_substitutions: 0,
                            substitutions_used: 0,
                            selected,
                            replaced: Vec::new(),
                        }
                    })
                    .collect(),
            })
            .collect()
    }

    /// The visits as they were built before (#25): every row, sorted by
    /// `(ticket, uscc, item)`, each added to its enterprise's visit one at a time.
    fn row_by_row(items: &[ItemResult]) -> Vec<Visit> {
        let mut rows: Vec<(Ticket, Uscc, usize, usize, Basis)> = Vec::new();
        for (i, item) in items.iter().enumerate() {
            for (h, s) in item.strata.iter().enumerate() {
                rows.extend(s.selected.iter().map(|p| (p.ticket, p.uscc, i, h, p.basis)));
            }
        }
        rows.sort_by_key(|r| (r.0, r.1, r.2));
        let mut out: Vec<Visit> = Vec::new();
        for (ticket, uscc, i, h, basis) in rows {
            let (item, stratum) = (&items[i], &items[i].strata[h]);
            let entry = VisitItem {
                item_id: item.item_id.clone(),
                department: item.department.clone(),
                stratum: stratum.key.clone(),
                basis,
            };
            match out.last_mut() {
                Some(v) if v.uscc == uscc => {
                    if !v.departments.contains(&item.department) {
                        v.departments.push(item.department.clone());
                        v.departments.sort();
                    }
                    v.items.push(entry);
                }
                _ => out.push(Visit {
                    uscc,
                    ticket,
                    items: vec![entry],
                    departments: vec![item.department.clone()],
                }),
            }
        }
        out
    }

    proptest! {
        #[test]
        fn visits_equal_the_row_by_row_build_however_cut(
            places in prop::collection::vec(prop::collection::vec(0u8..10, 40), 1..4),
            tickets in prop::collection::vec(0u8..12, 40),
            departments in prop::collection::vec(0u8..4, 3),
            cuts in prop::collection::vec(0u8..13, 0..4),
        ) {
            let items = items(&places, &tickets, &departments);
            let expected = row_by_row(&items);
            prop_assert_eq!(&visits_in(&items, None, None), &expected);
            prop_assert_eq!(&visits(&items), &expected);
            let mut cuts: Vec<Ticket> =
                cuts.into_iter().map(|c| Ticket::from_value(u128::from(c))).collect();
            cuts.sort();
            let mut joined = Vec::new();
            let mut from = None;
            for cut in cuts.into_iter().map(Some).chain([None]) {
                joined.extend(visits_in(&items, from, cut));
                from = cut;
            }
            prop_assert_eq!(joined, expected);
        }
    }
}
