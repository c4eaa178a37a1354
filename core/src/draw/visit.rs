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

use super::result::{Basis, ItemResult, Visit, VisitItem};
use super::ticket::Ticket;
use crate::model::Uscc;

/// The visit list of the current selections, sorted by `(ticket, uscc)`; each visit's
/// items are in item-id order (the order of `items`).
///
/// Large lists are built in ticket ranges, one per thread with the `parallel` feature:
/// an enterprise has one ticket, so its rows are all in one range, and the ranges'
/// visits joined in order are the visits of the whole.
pub(super) fn visits(items: &[ItemResult]) -> Vec<Visit> {
    let selections: Vec<&[super::result::Pick]> = items
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
    let within = |selected: &[super::result::Pick]| -> std::ops::Range<usize> {
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
    let total: usize = items
        .iter()
        .flat_map(|it| &it.strata)
        .map(|s| within(&s.selected).len())
        .sum();
    let mut rows: Vec<(Ticket, Uscc, usize, usize, Basis)> = Vec::with_capacity(total);
    for (i, item) in items.iter().enumerate() {
        for (h, s) in item.strata.iter().enumerate() {
            let range = within(&s.selected);
            rows.extend(
                s.selected
                    .get(range)
                    .unwrap_or(&[])
                    .iter()
                    .map(|p| (p.ticket, p.uscc, i, h, p.basis)),
            );
        }
    }
    rows.sort_by_key(|r| (r.0, r.1, r.2));
    let mut out: Vec<Visit> = Vec::new();
    for (ticket, uscc, i, h, basis) in rows {
        let (item, stratum) = (&items[i], &items[i].strata[h]);
        let department = &item.department;
        let entry = VisitItem {
            item_id: item.item_id.clone(),
            department: department.clone(),
            stratum: stratum.key.clone(),
            basis,
        };
        match out.last_mut() {
            Some(v) if v.uscc == uscc => {
                if !v.departments.contains(department) {
                    v.departments.push(department.clone());
                    v.departments.sort();
                }
                v.items.push(entry);
            }
            _ => out.push(Visit {
                uscc,
                ticket,
                items: vec![entry],
                departments: vec![department.clone()],
            }),
        }
    }
    out
}
