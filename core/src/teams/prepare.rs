//! Canonical preparation: sorted visits, departments and inspectors, effective
//! capacities, routes, and per (visit, department) candidate lists with tickets.

use std::collections::{BTreeMap, BTreeSet};

use super::eligibility::{CandidateStatus, qualifies};
use super::request::TeamRequest;
use super::schedule::{Route, routes};
use super::ticket::{InspectorTicket, TicketHasher, TicketScratch};
use crate::Result;
use crate::model::{DepartmentCode, Inspector, InspectorId, ItemId, Uscc};

/// One eligible candidate of a (visit, department).
#[derive(Debug, Clone)]
pub(crate) struct Cand {
    pub insp: usize,
    pub ticket: InspectorTicket,
    pub certified: bool,
}

/// One department's need in one visit.
#[derive(Debug, Clone)]
pub(crate) struct Need {
    pub dept: usize,
    pub size: u32,
    pub items: Vec<ItemId>,
    /// Eligible candidates, ascending `(ticket, id)`; the position is the rank (cost).
    pub cands: Vec<Cand>,
    /// Eligible certified candidates.
    pub n_cert: u32,
}

/// One visit.
#[derive(Debug, Clone)]
pub(crate) struct Visit {
    pub uscc: Uscc,
    pub route: usize,
    /// Needs sorted by department code.
    pub needs: Vec<Need>,
    /// Index into `needs` of the lead department.
    pub lead: usize,
    pub avoid: BTreeSet<InspectorId>,
}

/// The whole canonical problem.
#[derive(Debug, Clone)]
pub(crate) struct Prepared<'a> {
    pub inspectors: Vec<&'a Inspector>,
    /// Effective per-task cap (`capacity` ∧ `max_per_inspector`); `u32::MAX` = none.
    pub cap: Vec<u32>,
    pub day_cap: Option<u32>,
    pub depts: Vec<DepartmentCode>,
    /// Inspectors of each department, in id order.
    pub dept_members: Vec<Vec<usize>>,
    pub visits: Vec<Visit>,
    pub routes: Vec<Route>,
    pub min_certified: u32,
    /// (inspector index, enterprise) pairs of previous checks.
    pub previous: BTreeSet<(usize, Uscc)>,
    pub rotation: bool,
}

/// Sorts candidates by `(ticket, inspector index)` — index order is id order, so ties
/// in ticket go to the smaller id. The key is unique, so an unstable sort gives the one
/// order; it first sorts on the ticket's high 64 bits (one comparison instead of three)
/// and then sorts the runs whose high halves are equal on the whole key.
fn sort_cands(cands: &mut [Cand]) {
    let high = |c: &Cand| (c.ticket >> 64) as u64;
    cands.sort_unstable_by_key(high);
    for run in cands.chunk_by_mut(|a, b| high(a) == high(b)) {
        if run.len() > 1 {
            run.sort_unstable_by_key(|c| (c.ticket, c.insp));
        }
    }
}

impl<'a> Prepared<'a> {
    /// Builds the canonical problem. The request must be valid.
    pub(crate) fn new(req: &'a TeamRequest) -> Result<Self> {
        let mut inspectors: Vec<&Inspector> = req.inspectors.iter().collect();
        inspectors.sort_by(|a, b| a.id.cmp(&b.id));
        let cap: Vec<u32> = inspectors
            .iter()
            .map(|i| {
                i.capacity
                    .unwrap_or(u32::MAX)
                    .min(req.config.max_per_inspector.unwrap_or(u32::MAX))
            })
            .collect();
        let depts: Vec<DepartmentCode> = req
            .visits
            .iter()
            .flat_map(|v| v.departments.iter().map(|d| d.department.clone()))
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect();
        let dept_index: BTreeMap<DepartmentCode, usize> = depts
            .iter()
            .enumerate()
            .map(|(k, d)| (d.clone(), k))
            .collect();
        let mut dept_members = vec![Vec::new(); depts.len()];
        for (n, i) in inspectors.iter().enumerate() {
            if let Some(&d) = dept_index.get(&i.department) {
                dept_members[d].push(n);
            }
        }
        let pairs: Vec<(Uscc, Option<String>)> = req
            .visits
            .iter()
            .map(|v| (v.uscc, v.town.clone()))
            .collect();
        let routes = routes(&pairs, req.config.visits_per_team_day);
        let route_of: BTreeMap<Uscc, usize> = routes
            .iter()
            .enumerate()
            .flat_map(|(r, route)| route.visits.iter().map(move |u| (*u, r)))
            .collect();
        let previous: BTreeSet<(usize, Uscc)> = req
            .previous
            .iter()
            .filter_map(|p| {
                inspectors
                    .binary_search_by(|i| i.id.cmp(&p.inspector))
                    .ok()
                    .map(|n| (n, p.uscc))
            })
            .collect();
        let mut prepared = Self {
            inspectors,
            cap,
            day_cap: req.config.max_per_inspector_per_day,
            depts,
            dept_members,
            visits: Vec::new(),
            routes,
            min_certified: req.config.min_certified,
            previous,
            rotation: req.config.rotation,
        };
        let hasher = TicketHasher::new(&req.seed, &req.task_id)?;
        let mut scratch = TicketScratch::default();
        let mut eligible: Vec<usize> = Vec::new();
        let mut visits_in: Vec<_> = req.visits.iter().collect();
        visits_in.sort_by_key(|v| v.uscc);
        for v in visits_in {
            let state = hasher.for_visit(&v.uscc);
            let mut needs: Vec<Need> = Vec::new();
            let mut sorted: Vec<_> = v.departments.iter().collect();
            sorted.sort_by(|a, b| a.department.cmp(&b.department));
            let mut lead = 0;
            for (k, dn) in sorted.into_iter().enumerate() {
                let Some(&dept) = dept_index.get(&dn.department) else {
                    continue;
                };
                if dn.department == v.lead_department {
                    lead = k;
                }
                let items: Vec<ItemId> = dn.items.iter().cloned().collect();
                eligible.clear();
                eligible.extend(
                    prepared.dept_members[dept]
                        .iter()
                        .copied()
                        .filter(|&n| prepared.exclusion(n, &v.uscc, &v.avoid, &items).is_none()),
                );
                let ids = eligible.iter().map(|&n| &prepared.inspectors[n].id);
                let mut cands: Vec<Cand> = TicketHasher::tickets(&state, ids, &mut scratch)
                    .zip(&eligible)
                    .map(|(ticket, &n)| Cand {
                        insp: n,
                        ticket,
                        certified: prepared.inspectors[n].certified,
                    })
                    .collect();
                sort_cands(&mut cands);
                let n_cert =
                    u32::try_from(cands.iter().filter(|c| c.certified).count()).unwrap_or(u32::MAX);
                needs.push(Need {
                    dept,
                    size: dn.size,
                    items,
                    cands,
                    n_cert,
                });
            }
            prepared.visits.push(Visit {
                uscc: v.uscc,
                route: route_of.get(&v.uscc).copied().unwrap_or(0),
                needs,
                lead,
                avoid: v.avoid.clone(),
            });
        }
        Ok(prepared)
    }

    /// Why inspector `n` (of the right department) may not serve the visit, if so.
    /// Reasons are tested in this order: inactive, no_capacity, conflict,
    /// enterprise_avoid, rotation, not_qualified.
    pub(crate) fn exclusion(
        &self,
        n: usize,
        uscc: &Uscc,
        avoid: &BTreeSet<InspectorId>,
        items: &[ItemId],
    ) -> Option<CandidateStatus> {
        let i = self.inspectors[n];
        if !i.active {
            Some(CandidateStatus::Inactive)
        } else if self.cap[n] == 0 || self.day_cap == Some(0) {
            Some(CandidateStatus::NoCapacity)
        } else if i.conflicts.contains(uscc) {
            Some(CandidateStatus::Conflict)
        } else if avoid.contains(&i.id) {
            Some(CandidateStatus::EnterpriseAvoid)
        } else if self.rotation && self.previous.contains(&(n, *uscc)) {
            Some(CandidateStatus::Rotation)
        } else if !items.iter().all(|it| qualifies(i, it)) {
            Some(CandidateStatus::NotQualified)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The two-step sort gives the order of the whole key, also when many tickets
        /// share their high (or whole) 64-bit halves.
        #[test]
        fn sort_cands_orders_by_ticket_then_index(
            raw in proptest::collection::vec((0u8..4, 0u8..4, any::<u64>(), 0usize..50), 0..60),
        ) {
            let mut cands: Vec<Cand> = raw
                .iter()
                .map(|&(hi, lo, noise, insp)| Cand {
                    insp,
                    // Low halves: a few small values (ties) or random bits.
                    ticket: (u128::from(hi) << 64)
                        | if noise % 2 == 0 { u128::from(lo) } else { u128::from(noise) },
                    certified: insp % 2 == 0,
                })
                .collect();
            let mut want = cands.clone();
            want.sort_by_key(|c| (c.ticket, c.insp));
            sort_cands(&mut cands);
            let got: Vec<_> = cands.iter().map(|c| (c.ticket, c.insp)).collect();
            let want: Vec<_> = want.iter().map(|c| (c.ticket, c.insp)).collect();
            prop_assert_eq!(got, want);
        }
    }
}
