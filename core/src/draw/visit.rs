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

use std::collections::{BTreeMap, BTreeSet};

use super::result::{ItemResult, Visit, VisitItem};
use super::ticket::Ticket;
use crate::model::{DepartmentCode, Uscc};

type VisitAcc = (Ticket, Vec<VisitItem>, BTreeSet<DepartmentCode>);

/// The visit list of the current selections, sorted by `(ticket, uscc)`; each visit's
/// items are in item-id order (the order of `items`).
pub(super) fn visits(items: &[ItemResult]) -> Vec<Visit> {
    let mut by_uscc: BTreeMap<Uscc, VisitAcc> = BTreeMap::new();
    for item in items {
        for s in &item.strata {
            for p in &s.selected {
                let e = by_uscc
                    .entry(p.uscc)
                    .or_insert_with(|| (p.ticket, Vec::new(), BTreeSet::new()));
                e.1.push(VisitItem {
                    item_id: item.item_id.clone(),
                    department: item.department.clone(),
                    stratum: s.key.clone(),
                    basis: p.basis,
                });
                e.2.insert(item.department.clone());
            }
        }
    }
    let mut out: Vec<Visit> = by_uscc
        .into_iter()
        .map(|(uscc, (ticket, items, deps))| Visit {
            uscc,
            ticket,
            items,
            departments: deps.into_iter().collect(),
        })
        .collect();
    out.sort_by_key(|a| (a.ticket, a.uscc));
    out
}
