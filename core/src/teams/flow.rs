//! A deterministic successive-shortest-path min-cost flow on a small residual graph.
//!
//! Units of flow enter one at a time at a chosen node and leave at node 0 (the sink).
//! Each unit follows a shortest path in reduced costs (Dijkstra with node potentials,
//! stopping as soon as the sink is settled). Every choice is fixed: nodes are settled
//! in increasing `(reduced distance, node index)`, edges are relaxed in insertion order,
//! and a node's predecessor changes only on a strict improvement. See
//! docs/teams-spec-v1.md §5 for the normative text.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The sink is always node 0.
pub(crate) const SINK: usize = 0;

const INF: i64 = i64::MAX;

/// A residual graph: edges come in pairs `(e, e ^ 1)`.
#[derive(Debug, Clone, Default)]
pub(crate) struct Graph {
    /// Number of nodes.
    n: usize,
    /// Tail of each edge (used to build the adjacency lists).
    from: Vec<u32>,
    /// Adjacency in CSR form: the edges of node `u` are `adj[start[u]..start[u + 1]]`,
    /// in insertion order. Built by [`Graph::finish`].
    start: Vec<u32>,
    adj: Vec<u32>,
    to: Vec<u32>,
    cap: Vec<u32>,
    cost: Vec<i64>,
    pot: Vec<i64>,
    dist: Vec<i64>,
    pred: Vec<u32>,
    touched: Vec<u32>,
    /// [`Graph::push_one`]'s queue, kept to reuse its allocation (empty between calls).
    heap: BinaryHeap<Reverse<(i64, u32)>>,
}

/// The result of pushing one unit.
pub(crate) enum Push {
    /// The unit reached the sink.
    Done,
    /// No residual path from the start to the sink.
    Blocked,
}

fn idx(x: usize) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

impl Graph {
    /// A graph with `n` nodes and no edges.
    pub(crate) fn new(n: usize) -> Self {
        Self {
            n,
            ..Self::default()
        }
    }

    /// Adds a node and returns its index.
    pub(crate) fn add_node(&mut self) -> usize {
        self.n += 1;
        self.n - 1
    }

    /// Builds the adjacency lists (insertion order per node); call after the last edge.
    pub(crate) fn finish(&mut self) {
        let n = self.n;
        let mut start = vec![0u32; n + 1];
        for &f in &self.from {
            start[f as usize + 1] += 1;
        }
        for u in 0..n {
            start[u + 1] += start[u];
        }
        let mut fill: Vec<u32> = start[..n].to_vec();
        let mut adj = vec![0u32; self.from.len()];
        for (e, &f) in self.from.iter().enumerate() {
            let slot = &mut fill[f as usize];
            adj[*slot as usize] = idx(e);
            *slot += 1;
        }
        self.start = start;
        self.adj = adj;
        self.pot = vec![0; n];
        self.dist = vec![INF; n];
        self.pred = vec![u32::MAX; n];
    }

    /// Makes room for `edges` more calls of [`Graph::add_edge`] (no reallocation while
    /// the graph is built).
    pub(crate) fn reserve_edges(&mut self, edges: usize) {
        let n = 2 * edges;
        self.to.reserve(n);
        self.from.reserve(n);
        self.cap.reserve(n);
        self.cost.reserve(n);
    }

    /// Adds `from → to` with capacity and (non-negative) cost; returns the edge id.
    pub(crate) fn add_edge(&mut self, from: usize, to: usize, cap: u32, cost: i64) -> usize {
        let e = self.to.len();
        self.to.push(idx(to));
        self.from.push(idx(from));
        self.cap.push(cap);
        self.cost.push(cost);
        self.to.push(idx(from));
        self.from.push(idx(to));
        self.cap.push(0);
        self.cost.push(-cost);
        e
    }

    /// Flow currently on edge `e` (the residual capacity of its reverse).
    pub(crate) fn flow(&self, e: usize) -> u32 {
        self.cap.get(e ^ 1).copied().unwrap_or(0)
    }

    /// Number of edges (both directions).
    pub(crate) fn edge_count(&self) -> usize {
        self.to.len()
    }

    /// Nodes reachable from `starts` along edges with residual capacity, ascending.
    pub(crate) fn reachable(&self, starts: &[usize]) -> Vec<usize> {
        let mut seen = vec![false; self.n];
        let mut stack: Vec<usize> = Vec::new();
        for &s in starts {
            if let Some(f) = seen.get_mut(s) {
                if !*f {
                    *f = true;
                    stack.push(s);
                }
            }
        }
        while let Some(u) = stack.pop() {
            for &e in &self.adj[self.start[u] as usize..self.start[u + 1] as usize] {
                let e = e as usize;
                let v = self.to[e] as usize;
                if self.cap[e] > 0 && !seen[v] {
                    seen[v] = true;
                    stack.push(v);
                }
            }
        }
        (0..self.n).filter(|&v| seen[v]).collect()
    }

    /// Sets the capacity of edge `e` (keeping its flow where possible) and returns how
    /// many units of its current flow exceed the new capacity (to be withdrawn).
    pub(crate) fn set_cap(&mut self, e: usize, new_cap: u32) -> u32 {
        let f = self.cap[e ^ 1];
        if new_cap >= f {
            self.cap[e] = new_cap - f;
            0
        } else {
            self.cap[e] = 0;
            f - new_cap
        }
    }

    /// Removes one unit of flow from edge `e` — which [`Graph::set_cap`] left over its
    /// capacity, residual 0 — and from one flow-carrying path from its head to the
    /// sink. Returns false if `e` carries no flow.
    pub(crate) fn withdraw(&mut self, e: usize) -> bool {
        if self.cap[e ^ 1] == 0 {
            return false;
        }
        let mut path = vec![e];
        let mut u = self.to[e] as usize;
        while u != SINK {
            // A forward edge (even id) out of `u` that carries flow.
            let next = self.adj[self.start[u] as usize..self.start[u + 1] as usize]
                .iter()
                .map(|&x| x as usize)
                .find(|&x| x % 2 == 0 && self.cap[x ^ 1] > 0);
            let Some(x) = next else { return false };
            path.push(x);
            u = self.to[x] as usize;
            if path.len() > self.n {
                return false;
            }
        }
        // Edge `e` is over its (lowered) capacity: its flow drops, its residual stays 0.
        self.cap[e ^ 1] -= 1;
        for &x in &path[1..] {
            self.cap[x] += 1;
            self.cap[x ^ 1] -= 1;
        }
        true
    }

    /// Pushes one unit from `start` to the sink along any residual path (breadth-first,
    /// costs ignored); returns false if none exists. `work` counts edges scanned. Used
    /// only to decide feasibility.
    pub(crate) fn augment_bfs(&mut self, start: usize, work: &mut u64) -> bool {
        let mut seen = vec![false; self.n];
        let mut pred = vec![u32::MAX; self.n];
        let mut queue = std::collections::VecDeque::new();
        seen[start] = true;
        queue.push_back(start);
        let mut found = false;
        while let Some(u) = queue.pop_front() {
            if u == SINK {
                found = true;
                break;
            }
            for k in self.start[u] as usize..self.start[u + 1] as usize {
                *work += 1;
                let e = self.adj[k] as usize;
                let v = self.to[e] as usize;
                if self.cap[e] > 0 && !seen[v] {
                    seen[v] = true;
                    pred[v] = idx(e);
                    queue.push_back(v);
                }
            }
        }
        if !found {
            return false;
        }
        let mut v = SINK;
        while v != start {
            let e = pred[v] as usize;
            self.cap[e] -= 1;
            self.cap[e ^ 1] += 1;
            v = self.to[e ^ 1] as usize;
        }
        true
    }

    /// Pushes one unit from `start` to the sink along a shortest path.
    pub(crate) fn push_one(&mut self, start: usize) -> Push {
        let mut heap = std::mem::take(&mut self.heap);
        heap.clear();
        self.dist[start] = 0;
        self.touched.push(idx(start));
        heap.push(Reverse((0i64, idx(start))));
        let mut found = None;
        while let Some(Reverse((d, u))) = heap.pop() {
            let u = u as usize;
            if d > self.dist[u] {
                continue;
            }
            if u == SINK {
                found = Some(d);
                break;
            }
            // `d + pot[u]` is the same for every edge of `u`: added once.
            let base = d + self.pot[u];
            for &e in &self.adj[self.start[u] as usize..self.start[u + 1] as usize] {
                let e = e as usize;
                if self.cap[e] == 0 {
                    continue;
                }
                let v = self.to[e] as usize;
                let nd = base + self.cost[e] - self.pot[v];
                if nd < self.dist[v] {
                    if self.dist[v] == INF {
                        self.touched.push(idx(v));
                    }
                    self.dist[v] = nd;
                    self.pred[v] = idx(e);
                    heap.push(Reverse((nd, idx(v))));
                }
            }
        }
        let touched = std::mem::take(&mut self.touched);
        let result = if let Some(total) = found {
            for &v in &touched {
                let v = v as usize;
                if self.dist[v] < total {
                    self.pot[v] += self.dist[v] - total;
                }
            }
            let mut v = SINK;
            while v != start {
                let e = self.pred[v] as usize;
                self.cap[e] -= 1;
                self.cap[e ^ 1] += 1;
                v = self.to[e ^ 1] as usize;
            }
            Push::Done
        } else {
            Push::Blocked
        };
        for &v in &touched {
            self.dist[v as usize] = INF;
            self.pred[v as usize] = u32::MAX;
        }
        self.touched = touched;
        self.touched.clear();
        heap.clear();
        self.heap = heap;
        result
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn assignment_prefers_cheap_edges_and_reroutes() {
        // sink 0; inspectors 1, 2 (cap 1); slots 3, 4.
        let mut g = Graph::new(6);
        let a = g.add_edge(1, SINK, 1, 0);
        let b = g.add_edge(2, SINK, 1, 0);
        let e31 = g.add_edge(3, 1, 1, 0);
        let e32 = g.add_edge(3, 2, 1, 1);
        let e41 = g.add_edge(4, 1, 1, 0);
        let s = 5;
        g.add_edge(s, 1, 1, 0);
        g.finish();
        assert!(matches!(g.push_one(3), Push::Done));
        assert_eq!(g.flow(e31), 1);
        assert!(matches!(g.push_one(4), Push::Done));
        // slot 4 can only use inspector 1, so slot 3 moves to inspector 2.
        assert_eq!((g.flow(e31), g.flow(e32), g.flow(e41)), (0, 1, 1));
        assert_eq!((g.flow(a), g.flow(b)), (1, 1));
        assert!(matches!(g.push_one(s), Push::Blocked));
        let r = g.reachable(&[s]);
        assert!(r.contains(&1) && r.contains(&s) && !r.contains(&SINK));
    }
}
