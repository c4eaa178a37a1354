//! The checked request as cost matrices: node 0 is the start, nodes 1…n the stops in
//! USCC order (so the plan does not depend on the order of the request).

use std::collections::BTreeSet;

use super::geo::{Datum, Location};
use super::request::{RouteRequest, SpeedModel};
use crate::model::Uscc;
use crate::{Error, LimitCode, Result, TeamCode};

/// Most stops in one request: the savings list is quadratic in memory.
pub const MAX_STOPS: usize = 2000;

/// Routes as lists of nodes (1…n), in visiting order.
pub(crate) type Plan = Vec<Vec<usize>>;

/// Metres and minutes between nodes, on-site minutes per node, and the day's limits.
#[derive(Debug, Clone)]
pub(crate) struct Costs {
    /// Number of nodes (stops + 1).
    pub nodes: usize,
    /// USCC of node k (k ≥ 1) at index k − 1.
    pub uscc: Vec<Uscc>,
    /// On-site minutes of node k (0 for the start).
    pub onsite: Vec<u64>,
    metres: Vec<u64>,
    minutes: Vec<u64>,
    /// Visits per day.
    pub max_visits: usize,
    /// Minutes per day.
    pub day_minutes: u64,
}

impl Costs {
    /// Metres from node `a` to node `b`.
    pub fn d(&self, a: usize, b: usize) -> u64 {
        self.metres[a * self.nodes + b]
    }

    /// Travel minutes from node `a` to node `b`.
    pub fn t(&self, a: usize, b: usize) -> u64 {
        self.minutes[a * self.nodes + b]
    }

    /// (metres, minutes incl. on-site) of a closed tour start → route → start.
    pub fn tour(&self, route: &[usize]) -> (u64, u64) {
        let mut prev = 0;
        let (mut m, mut t) = (0u64, 0u64);
        for &k in route {
            m += self.d(prev, k);
            t += self.t(prev, k) + self.onsite[k];
            prev = k;
        }
        (m + self.d(prev, 0), t + self.t(prev, 0))
    }

    /// Whether a route of `len` stops taking `minutes` fits in a day.
    pub fn fits(&self, len: usize, minutes: u64) -> bool {
        len <= self.max_visits && minutes <= self.day_minutes
    }
}

fn invalid(msg: impl Into<String>) -> Error {
    Error::new(TeamCode::RouteRequestInvalid, msg)
}

/// Checks the request and builds the matrices.
pub(crate) fn costs(req: &RouteRequest) -> Result<Costs> {
    let n = req.stops.len();
    if n > MAX_STOPS {
        return Err(Error::new(
            LimitCode::TooManyRows,
            format!("at most {MAX_STOPS} stops per route request"),
        )
        .with_field("stops")
        .with_detail("limit", MAX_STOPS.to_string())
        .with_detail("actual", n.to_string()));
    }
    let cap = req.capacity;
    if cap.max_visits == 0 {
        return Err(invalid("a day holds at least one visit").with_field("capacity.max_visits"));
    }
    if cap.day_minutes == 0 {
        return Err(invalid("a day has at least one minute").with_field("capacity.day_minutes"));
    }
    if req.speed.km_per_hour == 0 {
        return Err(invalid("the speed must be at least 1 km/h").with_field("speed.km_per_hour"));
    }
    if req.speed.detour_percent < 100 {
        return Err(
            invalid("a road is never shorter than the straight line (≥ 100 %)")
                .with_field("speed.detour_percent"),
        );
    }
    check_datum(req)?;
    // Node order: USCC order; `order[k]` is the request index of node k + 1.
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by_key(|&i| req.stops[i].uscc);
    let mut seen = BTreeSet::new();
    for &i in &order {
        if !seen.insert(req.stops[i].uscc) {
            return Err(invalid("the same enterprise is listed twice")
                .with_field(format!("stops[{i}].uscc"))
                .with_value(req.stops[i].uscc.as_str()));
        }
    }
    let nodes = n + 1;
    let (metres, minutes) = match &req.matrix {
        Some(m) => from_matrix(m, &order, nodes, req.speed)?,
        None => from_locations(req, &order, nodes)?,
    };
    let mut onsite = vec![0u64];
    let mut uscc = Vec::with_capacity(n);
    for &i in &order {
        let s = &req.stops[i];
        uscc.push(s.uscc);
        onsite.push(
            u64::from(cap.minutes_per_visit) + u64::from(s.items) * u64::from(cap.minutes_per_item),
        );
    }
    let c = Costs {
        nodes,
        uscc,
        onsite,
        metres,
        minutes,
        max_visits: usize::try_from(cap.max_visits).unwrap_or(usize::MAX),
        day_minutes: u64::from(cap.day_minutes),
    };
    for k in 1..nodes {
        let (_, t) = c.tour(&[k]);
        if t > c.day_minutes {
            return Err(Error::new(
                TeamCode::RouteStopTooFar,
                "even alone, the visit does not fit in one day (out, on site and back)",
            )
            .with_field(format!("stops[{}]", order[k - 1]))
            .with_value(c.uscc[k - 1].as_str())
            .with_detail("minutes", t.to_string())
            .with_detail("day_minutes", c.day_minutes.to_string()));
        }
    }
    Ok(c)
}

fn check_datum(req: &RouteRequest) -> Result<()> {
    let mut first: Option<(Datum, String)> = req.start.map(|s| (s.datum, "start".to_owned()));
    for (i, s) in req.stops.iter().enumerate() {
        let Some(l) = s.location else { continue };
        match &first {
            None => first = Some((l.datum, format!("stops[{i}].location"))),
            Some((d, at)) if *d != l.datum => {
                return Err(Error::new(
                    TeamCode::RouteDatumMixed,
                    "one plan uses one datum (WGS-84 or GCJ-02), never both",
                )
                .with_field(format!("stops[{i}].location.datum"))
                .with_value(l.datum.as_str())
                .with_detail("expected", d.as_str())
                .with_detail("expected_from", at.clone()));
            }
            Some(_) => {}
        }
    }
    Ok(())
}

fn from_locations(
    req: &RouteRequest,
    order: &[usize],
    nodes: usize,
) -> Result<(Vec<u64>, Vec<u64>)> {
    let start = req.start.ok_or_else(|| {
        invalid("without a matrix, the start (the lead department's office) needs a location")
            .with_field("start")
    })?;
    let mut points: Vec<Location> = vec![start];
    for &i in order {
        let l = req.stops[i].location.ok_or_else(|| {
            invalid("without a matrix every stop needs a location (else use the town grouping)")
                .with_field(format!("stops[{i}].location"))
                .with_value(req.stops[i].uscc.as_str())
        })?;
        points.push(l);
    }
    let mut metres = vec![0u64; nodes * nodes];
    let mut minutes = vec![0u64; nodes * nodes];
    for a in 0..nodes {
        for b in (a + 1)..nodes {
            let d = points[a].metres_to(&points[b]);
            let t = u64::from(req.speed.minutes(d));
            metres[a * nodes + b] = d;
            metres[b * nodes + a] = d;
            minutes[a * nodes + b] = t;
            minutes[b * nodes + a] = t;
        }
    }
    Ok((metres, minutes))
}

fn from_matrix(
    m: &super::request::DistanceMatrix,
    order: &[usize],
    nodes: usize,
    speed: SpeedModel,
) -> Result<(Vec<u64>, Vec<u64>)> {
    let square = |rows: &Vec<Vec<u32>>, name: &str| -> Result<()> {
        if rows.len() != nodes {
            return Err(invalid(format!(
                "the matrix has one row for the start and one per stop ({nodes})"
            ))
            .with_field(format!("matrix.{name}"))
            .with_detail("expected", nodes.to_string())
            .with_detail("actual", rows.len().to_string()));
        }
        for (r, row) in rows.iter().enumerate() {
            if row.len() != nodes {
                return Err(invalid("every matrix row has one column per row")
                    .with_field(format!("matrix.{name}[{r}]"))
                    .with_detail("expected", nodes.to_string())
                    .with_detail("actual", row.len().to_string()));
            }
        }
        Ok(())
    };
    square(&m.metres, "metres")?;
    if let Some(t) = &m.minutes {
        square(t, "minutes")?;
    }
    // Request index of node k: 0 for the start, order[k-1] + 1 for a stop.
    let idx = |k: usize| if k == 0 { 0 } else { order[k - 1] + 1 };
    let road = SpeedModel {
        km_per_hour: speed.km_per_hour,
        detour_percent: 100,
    };
    let mut metres = vec![0u64; nodes * nodes];
    let mut minutes = vec![0u64; nodes * nodes];
    for a in 0..nodes {
        for b in 0..nodes {
            if a == b {
                continue;
            }
            let d = m.metres[idx(a)][idx(b)];
            metres[a * nodes + b] = u64::from(d);
            minutes[a * nodes + b] = match &m.minutes {
                Some(t) => u64::from(t[idx(a)][idx(b)]),
                None => u64::from(road.minutes(u64::from(d))),
            };
        }
    }
    Ok((metres, minutes))
}
