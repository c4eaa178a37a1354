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
pub(super) fn visits(items: &[ItemResult]) -> Vec<Visit> {
    // One row per (item, stratum, selected enterprise); sorting the rows groups each
    // enterprise's rows together, in visit order and then item order. Each stratum's
    // selection is already in `(ticket, uscc)` order, so the rows are a few ascending
    // runs, which the stable sort finds and merges (no two rows have one key: an
    // enterprise is in one stratum of an item).
    let total: usize = items
        .iter()
        .flat_map(|it| &it.strata)
        .map(|s| s.selected.len())
        .sum();
    let mut rows: Vec<(Ticket, Uscc, usize, usize, Basis)> = Vec::with_capacity(total);
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
