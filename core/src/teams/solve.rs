//! The exact assignment: one min-cost flow per department, coupled by the per-visit
//! split of the certified requirement, which is chosen by an exhaustive search in a
//! fixed order (docs/teams-spec-v1.md §6).

use std::collections::BTreeSet;

use super::flow::{Graph, Push, SINK};
use super::prepare::Prepared;
use crate::{Error, Result, TeamCode};

/// Certified officers required per visit and need (same shape as `Visit::needs`).
pub(crate) type Split = Vec<Vec<u32>>;

/// Search budget: edges built plus edges scanned by the feasibility checks of the split
/// search (about 10 s of work on the benchmark machine).
const SEARCH_WORK_LIMIT: u64 = 3_000_000_000;
/// At most this many splits are enumerated per visit.
const OPTIONS_LIMIT: usize = 10_000;
/// At most this many USCCs / inspector ids are listed in an error.
const LIST_LIMIT: usize = 50;

/// One department's solution: for each visit needing it, the chosen candidate positions.
#[derive(Debug, Clone)]
pub(crate) struct DeptSolution {
    /// `(visit, need, positions in Need::cands)`.
    pub chosen: Vec<(usize, usize, Vec<usize>)>,
}

/// A Hall-condition violation found in one department's flow.
#[derive(Debug, Clone)]
pub(crate) struct Deficit {
    pub dept: usize,
    pub visits: Vec<usize>,
    pub inspectors: Vec<usize>,
    pub demand: u64,
    pub certified_required: u64,
    pub short: u64,
}

struct Built {
    g: Graph,
    /// Per visit using the department, in USCC order.
    slots: Vec<Slot>,
    /// Graph node of each inspector of the department (`NONE` for others).
    insp_node: Vec<usize>,
}

const NONE: usize = usize::MAX;

/// One visit's need of the department inside its flow network.
struct Slot {
    vi: usize,
    ni: usize,
    /// The `V` node.
    vn: usize,
    /// The `V → U` edge (capacity `size − k`).
    vu: usize,
    /// The candidate edges, in rank order.
    edges: Vec<usize>,
}

fn build(p: &Prepared<'_>, dept: usize, split: &Split) -> Built {
    let members = &p.dept_members[dept];
    let mut g = Graph::new(1);
    let need_edges: usize = p
        .visits
        .iter()
        .flat_map(|v| &v.needs)
        .filter(|nd| nd.dept == dept)
        .map(|nd| 1 + nd.cands.len())
        .sum();
    // Inspector → sink, at most one day edge per (route, member), the visits' edges.
    let day_edges = if p.day_cap.is_some() {
        p.routes.len().saturating_mul(members.len())
    } else {
        0
    };
    g.reserve_edges(members.len() + day_edges.min(need_edges) + need_edges);
    let mut insp_node = vec![NONE; p.inspectors.len()];
    for &n in members {
        insp_node[n] = g.add_node();
    }
    for &n in members {
        g.add_edge(insp_node[n], SINK, p.cap[n], 0);
    }
    // Day nodes (route, inspector), created in (route, inspector id) order.
    let mut day_node: Vec<usize> = Vec::new();
    let width = members.len();
    let mut local = vec![NONE; p.inspectors.len()];
    for (k, &n) in members.iter().enumerate() {
        local[n] = k;
    }
    if let Some(day_cap) = p.day_cap {
        day_node = vec![NONE; p.routes.len() * width];
        for v in &p.visits {
            for nd in v.needs.iter().filter(|nd| nd.dept == dept) {
                for c in &nd.cands {
                    if let Some(slot) = day_node.get_mut(v.route * width + local[c.insp]) {
                        *slot = 0;
                    }
                }
            }
        }
        for (k, slot) in day_node.iter_mut().enumerate() {
            if *slot == 0 {
                let node = g.add_node();
                *slot = node;
                g.add_edge(node, insp_node[members[k % width]], day_cap, 0);
            }
        }
    }
    let mut slots = Vec::new();
    for (vi, v) in p.visits.iter().enumerate() {
        for (ni, nd) in v.needs.iter().enumerate() {
            if nd.dept != dept {
                continue;
            }
            let k = split.get(vi).and_then(|s| s.get(ni)).copied().unwrap_or(0);
            let vn = g.add_node();
            let un = g.add_node();
            let vu = g.add_edge(vn, un, nd.size.saturating_sub(k), 0);
            let mut edges = Vec::with_capacity(nd.cands.len());
            for (rank, c) in nd.cands.iter().enumerate() {
                let from = if c.certified { vn } else { un };
                let to = if p.day_cap.is_some() {
                    day_node
                        .get(v.route * width + local[c.insp])
                        .copied()
                        .unwrap_or(SINK)
                } else {
                    insp_node[c.insp]
                };
                let cost = i64::try_from(rank).unwrap_or(i64::MAX / 4);
                edges.push(g.add_edge(from, to, 1, cost));
            }
            slots.push(Slot {
                vi,
                ni,
                vn,
                vu,
                edges,
            });
        }
    }
    g.finish();
    Built {
        g,
        slots,
        insp_node,
    }
}

/// One department's flow kept across the split search; only feasibility matters here.
struct DeptState {
    b: Built,
    /// Units placed per slot.
    placed: Vec<u64>,
    /// Slot of each visit (`NONE` if the department is not in the visit).
    slot_of: Vec<usize>,
}

impl DeptState {
    fn new(p: &Prepared<'_>, dept: usize, split: &Split, work: &mut u64) -> Self {
        let b = build(p, dept, split);
        *work += u64::try_from(b.g.edge_count()).unwrap_or(u64::MAX);
        let mut slot_of = vec![NONE; p.visits.len()];
        for (k, sl) in b.slots.iter().enumerate() {
            slot_of[sl.vi] = k;
        }
        let mut st = Self {
            placed: vec![0; b.slots.len()],
            b,
            slot_of,
        };
        for k in 0..st.placed.len() {
            st.fill(p, k, work);
        }
        st
    }

    /// Places the missing units of slot `k`; false if one cannot be placed.
    fn fill(&mut self, p: &Prepared<'_>, k: usize, work: &mut u64) -> bool {
        let sl = &self.b.slots[k];
        let size = u64::from(p.visits[sl.vi].needs[sl.ni].size);
        while self.placed[k] < size {
            if !self.b.g.augment_bfs(sl.vn, work) {
                return false;
            }
            self.placed[k] += 1;
        }
        true
    }

    /// Sets the certified requirement of visit `vi` to `k`; false if the department
    /// becomes infeasible (it becomes feasible again when `k` is set back).
    fn set_k(&mut self, p: &Prepared<'_>, vi: usize, k: u32, work: &mut u64) -> bool {
        let Some(&slot) = self.slot_of.get(vi) else {
            return true;
        };
        let Some(sl) = self.b.slots.get(slot) else {
            return true;
        };
        let size = p.visits[sl.vi].needs[sl.ni].size;
        let vu = sl.vu;
        let excess = self.b.g.set_cap(vu, size.saturating_sub(k));
        for _ in 0..excess {
            if self.b.g.withdraw(vu) {
                self.placed[slot] = self.placed[slot].saturating_sub(1);
            }
        }
        self.fill(p, slot, work)
    }
}

/// Solves one department for a given split. `full` = on failure, keep pushing to
/// measure the whole deficiency; otherwise stop at the first blocked unit.
pub(crate) fn solve_dept(
    p: &Prepared<'_>,
    dept: usize,
    split: &Split,
    full: bool,
    work: &mut u64,
) -> std::result::Result<DeptSolution, Deficit> {
    let mut b = build(p, dept, split);
    *work += u64::try_from(b.g.edge_count()).unwrap_or(u64::MAX);
    let mut blocked: Vec<usize> = Vec::new();
    let mut short = 0u64;
    for &Slot { vi, ni, vn, .. } in &b.slots {
        let nd = &p.visits[vi].needs[ni];
        // A visit never takes more members than it has candidates, and once a unit of a
        // visit is blocked every later unit of it is too (blocked stays blocked): those
        // units are counted without a search, which also bounds the work on absurd sizes.
        let size = u64::from(nd.size);
        let mut placed = 0u64;
        while placed < size && placed < u64::try_from(nd.cands.len()).unwrap_or(u64::MAX) {
            if matches!(b.g.push_one(vn), Push::Blocked) {
                break;
            }
            placed += 1;
        }
        if placed < size {
            short += size - placed;
            blocked.push(vn);
            if !full {
                return Err(Deficit {
                    dept,
                    visits: vec![vi],
                    inspectors: Vec::new(),
                    demand: 0,
                    certified_required: 0,
                    short,
                });
            }
        }
    }
    if short > 0 {
        let reach: BTreeSet<usize> = b.g.reachable(&blocked).into_iter().collect();
        let mut d = Deficit {
            dept,
            visits: Vec::new(),
            inspectors: Vec::new(),
            demand: 0,
            certified_required: 0,
            short,
        };
        for &Slot { vi, ni, vn, .. } in &b.slots {
            if reach.contains(&vn) {
                d.visits.push(vi);
                d.demand += u64::from(p.visits[vi].needs[ni].size);
                d.certified_required +=
                    u64::from(split.get(vi).and_then(|s| s.get(ni)).copied().unwrap_or(0));
            }
        }
        for (n, &node) in b.insp_node.iter().enumerate() {
            if node != NONE && reach.contains(&node) {
                d.inspectors.push(n);
            }
        }
        return Err(d);
    }
    let chosen = b
        .slots
        .iter()
        .map(|Slot { vi, ni, edges, .. }| {
            let pos: Vec<usize> = edges
                .iter()
                .enumerate()
                .filter(|&(_, &e)| b.g.flow(e) > 0)
                .map(|(k, _)| k)
                .collect();
            (*vi, *ni, pos)
        })
        .collect();
    Ok(DeptSolution { chosen })
}

fn list<T>(items: &[usize], f: impl Fn(usize) -> T) -> String
where
    T: std::fmt::Display,
{
    let mut out: Vec<String> = items
        .iter()
        .take(LIST_LIMIT)
        .map(|&i| f(i).to_string())
        .collect();
    if items.len() > LIST_LIMIT {
        out.push(format!("…(+{})", items.len() - LIST_LIMIT));
    }
    out.join(",")
}

fn deficit_error(p: &Prepared<'_>, code: TeamCode, what: &str, d: &Deficit) -> Error {
    let dept = p.depts.get(d.dept).map(|c| c.as_str()).unwrap_or("");
    Error::new(
        code,
        format!(
            "{what}: department {dept} is {} inspector(s) short: {} visit(s) need {} ({} certified), it can send only {}",
            d.short,
            d.visits.len(),
            d.demand,
            d.certified_required,
            d.demand.saturating_sub(d.short)
        ),
    )
    .with_detail("department", dept)
    .with_detail("visits", list(&d.visits, |i| p.visits[i].uscc))
    .with_detail("visit_count", d.visits.len().to_string())
    .with_detail("demand", d.demand.to_string())
    .with_detail("certified_required", d.certified_required.to_string())
    .with_detail("available", d.demand.saturating_sub(d.short).to_string())
    .with_detail("short", d.short.to_string())
    .with_detail(
        "inspectors",
        list(&d.inspectors, |n| p.inspectors[n].id.as_str().to_owned()),
    )
}

/// Every minimal split of visit `vi`, in preference order.
fn options(p: &Prepared<'_>, vi: usize) -> Result<Vec<Vec<u32>>> {
    let v = &p.visits[vi];
    let lo: Vec<u32> = (0..v.needs.len()).map(|j| u32::from(j == v.lead)).collect();
    let hi: Vec<u32> = v.needs.iter().map(|n| n.size.min(n.n_cert)).collect();
    let need = p.min_certified;
    let mut out: Vec<Vec<u32>> = Vec::new();
    let mut cur = lo.clone();
    let base: u32 = lo.iter().sum();
    // Enumerate distributions of `need - base` extra units over the needs.
    fn rec(
        j: usize,
        left: u32,
        cur: &mut Vec<u32>,
        lo: &[u32],
        hi: &[u32],
        out: &mut Vec<Vec<u32>>,
    ) -> bool {
        if j == cur.len() {
            if left == 0 {
                out.push(cur.clone());
            }
            return out.len() <= OPTIONS_LIMIT;
        }
        let room = hi[j].saturating_sub(lo[j]);
        for extra in 0..=room.min(left) {
            cur[j] = lo[j] + extra;
            if !rec(j + 1, left - extra, cur, lo, hi, out) {
                return false;
            }
        }
        cur[j] = lo[j];
        true
    }
    if !rec(0, need.saturating_sub(base), &mut cur, &lo, &hi, &mut out) {
        return Err(Error::new(
            TeamCode::TeamSearchLimit,
            format!(
                "too many ways to split the certified requirement in visit {}",
                v.uscc
            ),
        )
        .with_detail("enterprise", v.uscc.as_str()));
    }
    let key = |k: &Vec<u32>| {
        let mut slack: Vec<i64> = v
            .needs
            .iter()
            .zip(k)
            .map(|(n, &x)| i64::from(n.n_cert) - i64::from(x))
            .collect();
        slack.sort_unstable();
        let mut order: Vec<u32> = vec![k.get(v.lead).copied().unwrap_or(0)];
        order.extend(
            k.iter()
                .enumerate()
                .filter(|&(j, _)| j != v.lead)
                .map(|(_, &x)| x),
        );
        (slack, order)
    };
    out.sort_by(|a, b| {
        let (sa, oa) = key(a);
        let (sb, ob) = key(b);
        sb.cmp(&sa).then(ob.cmp(&oa))
    });
    Ok(out)
}

/// Solves every department; the first failure is returned.
fn all_depts(
    p: &Prepared<'_>,
    split: &Split,
    work: &mut u64,
) -> std::result::Result<Vec<DeptSolution>, Deficit> {
    let mut out = Vec::with_capacity(p.depts.len());
    for d in 0..p.depts.len() {
        out.push(solve_dept(p, d, split, true, work)?);
    }
    Ok(out)
}

/// Finds the split and the per-department solutions.
/// Finds a split of the certified requirement and each department's assignment, in the
/// five steps below; the first failing step names what is missing.
pub(crate) fn solve(p: &Prepared<'_>) -> Result<(Split, Vec<DeptSolution>)> {
    check_visits(p)?;
    let mut work = 0u64;
    let lo: Split = p
        .visits
        .iter()
        .map(|v| (0..v.needs.len()).map(|j| u32::from(j == v.lead)).collect())
        .collect();
    let opts: Vec<Vec<Vec<u32>>> = (0..p.visits.len())
        .map(|vi| options(p, vi))
        .collect::<Result<_>>()?;
    let first: Split = opts
        .iter()
        .zip(&lo)
        .map(|(o, l)| o.first().cloned().unwrap_or_else(|| l.clone()))
        .collect();
    // 2. The first split in preference order, for every visit at once.
    if let Ok(sol) = all_depts(p, &first, &mut work) {
        return Ok((first, sol));
    }
    diagnose(p, &lo, &mut work)?;
    search(p, &opts, &lo, &first, &mut work)
}

/// Step 1: local checks, per visit in USCC order — a certified lead is possible and the
/// visit can get `min_certified` certified officers at all.
fn check_visits(p: &Prepared<'_>) -> Result<()> {
    let m = p.min_certified;
    for v in &p.visits {
        if let Some(lead) = v.needs.get(v.lead) {
            if lead.n_cert == 0 {
                let dept = p.depts[lead.dept].as_str();
                return Err(Error::new(
                    TeamCode::LeadMissing,
                    format!(
                        "no certified inspector of lead department {dept} may serve visit {}",
                        v.uscc
                    ),
                )
                .with_detail("department", dept)
                .with_detail("visits", v.uscc.as_str())
                .with_detail("short", "1"));
            }
        }
        let avail: u64 = v
            .needs
            .iter()
            .map(|n| u64::from(n.size.min(n.n_cert)))
            .sum();
        if avail < u64::from(m) {
            return Err(Error::new(
                TeamCode::CertifiedShort,
                format!(
                    "visit {} can get at most {avail} certified officers, {m} required",
                    v.uscc
                ),
            )
            .with_detail("visits", v.uscc.as_str())
            .with_detail("available", avail.to_string())
            .with_detail("min_certified", m.to_string())
            .with_detail("short", (u64::from(m) - avail).to_string()));
        }
    }
    Ok(())
}

/// Steps 3 and 4, after the preferred split failed: staffing alone (no certified
/// requirement), then a certified lead everywhere.
fn diagnose(p: &Prepared<'_>, lo: &Split, work: &mut u64) -> Result<()> {
    // 3. Diagnose: staffing alone (no certified requirement) …
    let zero: Split = p.visits.iter().map(|v| vec![0; v.needs.len()]).collect();
    if let Err(d) = all_depts(p, &zero, work) {
        return Err(deficit_error(
            p,
            TeamCode::TeamInfeasible,
            "not enough inspectors",
            &d,
        ));
    }
    // 4. … then a certified lead everywhere.
    if let Err(d) = all_depts(p, lo, work) {
        return Err(deficit_error(
            p,
            TeamCode::LeadMissing,
            "no certified lead",
            &d,
        ));
    }
    Ok(())
}

/// Step 5: exhaustive depth-first search over the visits with more than one split,
/// keeping one incremental flow per department.
fn search(
    p: &Prepared<'_>,
    opts: &[Vec<Vec<u32>>],
    lo: &Split,
    first: &Split,
    work: &mut u64,
) -> Result<(Split, Vec<DeptSolution>)> {
    let m = p.min_certified;
    // 5. Exhaustive depth-first search over visits with more than one split.
    let mut split: Split = opts
        .iter()
        .zip(lo)
        .map(|(o, l)| {
            if o.len() == 1 {
                o[0].clone()
            } else {
                l.clone()
            }
        })
        .collect();
    if let Err(d) = all_depts(p, &split, work) {
        return Err(deficit_error(
            p,
            TeamCode::CertifiedShort,
            "not enough certified officers",
            &d,
        ));
    }
    let branch: Vec<usize> = (0..p.visits.len())
        .filter(|&vi| opts[vi].len() > 1)
        .collect();
    // Incremental feasibility: one flow per department kept across the search.
    let mut states: Vec<DeptState> = (0..p.depts.len())
        .map(|d| DeptState::new(p, d, &split, work))
        .collect();
    let mut choice = vec![0usize; branch.len()];
    let mut depth = 0usize;
    loop {
        if depth == branch.len() {
            let sol = all_depts(p, &split, work)
                .map_err(|_| Error::internal("the team search reached an infeasible leaf"))?;
            return Ok((split, sol));
        }
        if *work > SEARCH_WORK_LIMIT {
            return Err(Error::new(
                TeamCode::TeamSearchLimit,
                "the search for a split of the certified requirement exceeded its budget",
            )
            .with_detail("visits", list(&branch, |i| p.visits[i].uscc))
            .with_detail("work", work.to_string()));
        }
        let vi = branch[depth];
        let c = choice[depth];
        let target = opts[vi].get(c).unwrap_or(&lo[vi]).clone();
        let mut ok = true;
        for (ni, nd) in p.visits[vi].needs.iter().enumerate() {
            let k = target.get(ni).copied().unwrap_or(0);
            ok &= states[nd.dept].set_k(p, vi, k, work);
        }
        split[vi] = target;
        if c >= opts[vi].len() {
            // Every option failed: back at `lo` (feasible, as when this depth was entered).
            choice[depth] = 0;
            if depth == 0 {
                break;
            }
            depth -= 1;
            choice[depth] += 1;
            continue;
        }
        if ok {
            depth += 1;
        } else {
            choice[depth] += 1;
        }
    }
    let mut e = Error::new(
        TeamCode::CertifiedShort,
        format!(
            "no way to split the {m} certified officers per team between the departments: every split leaves a department short"
        ),
    )
    .with_detail("visits", list(&branch, |i| p.visits[i].uscc))
    .with_detail("visit_count", branch.len().to_string())
    .with_detail("min_certified", m.to_string());
    // Name the department that fails under the preferred split.
    if let Err(d) = all_depts(p, first, work) {
        e = e.with_detail("department", p.depts[d.dept].as_str());
        e = e.with_detail("short", d.short.to_string());
    }
    Err(e)
}
