//! Day routes on a map (检查路线): which enterprises one team visits on one day, and in
//! which order, so that the whole task needs as little travel as possible.
//!
//! The county plan's work plan (具体工作方案, §三(二)一) names 检查路线. The teams'
//! schedule hint ([`crate::teams::routes`]) only groups visits by town; with coordinates
//! (or a distance matrix from the platform) this module plans real routes:
//!
//! * **Input** ([`RouteRequest`]): the stops (USCC, number of check items, optional
//!   [`Location`]), the start (the lead department's office), a day's capacity
//!   ([`DayCapacity`]: at most `max_visits` visits and `day_minutes` minutes of travel +
//!   on-site time, on-site = `minutes_per_visit + items × minutes_per_item`), the speed
//!   model ([`SpeedModel`]), or a [`DistanceMatrix`] instead of coordinates. One plan
//!   uses one [`Datum`] (WGS-84 or GCJ-02) throughout.
//! * **Distances**: integer equirectangular metres ([`Location::metres_to`]), road
//!   minutes per leg from the speed model. No floats in any decision: coordinates are
//!   whole microdegrees read from their decimal text.
//! * **Method**: Clarke–Wright savings to build routes (several shape factors λ, the
//!   best result wins), then local search (2-opt and Or-opt inside routes; relocate,
//!   swap and 2-opt\* between routes) to a local optimum of (total metres, total
//!   minutes); plans of at most 40 stops then get a deterministic ruin-and-recreate pass,
//!   and plans of at most 9 stops the exact optimum where that search fell short of
//!   it. Stops are numbered in USCC order before anything
//!   else, every scan runs in that order and ties go to the lower USCC: the plan is
//!   a pure function of the request's *set* of stops. No randomness.
//! * **Output** ([`RoutePlan`]): routes in visiting order, each closed at the start,
//!   with metres and minutes; routes are ordered by their first visit's USCC, and a
//!   route that costs the same both ways round runs from its lower-USCC end.
//!
//! The method and its measured quality are specified in docs/routes.md.
//!
//! **Fallback.** Without coordinates the town grouping stays: [`routes_or_towns`] plans
//! on the map when it can and otherwise returns [`crate::teams::routes`] — the function
//! the team assignment can call in place of the town grouping.
//!
//! ```
//! use shuangsuiji::routes::{plan_routes, RouteRequest};
//! let req: RouteRequest = serde_json::from_str(r#"{
//!   "start": {"datum": "wgs84", "lat": 45.5325, "lon": 119.6578},
//!   "stops": [
//!     {"uscc": "91350100M000100Y43", "location": {"datum": "wgs84", "lat": 45.55, "lon": 119.66}},
//!     {"uscc": "91150105YX2F3MRW59", "location": {"datum": "wgs84", "lat": 45.56, "lon": 119.67}, "items": 2}],
//!   "capacity": {"max_visits": 6}
//! }"#).unwrap();
//! let plan = plan_routes(&req)?;
//! assert_eq!(plan.routes.len(), 1);
//! assert_eq!(plan.routes[0].visits.len(), 2);
//! assert_eq!(plan_routes(&req)?, plan);
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod costs;
mod exact;
mod geo;
mod improve;
mod output;
mod request;
mod ruin;
mod savings;

pub use costs::MAX_STOPS;
pub use geo::{Datum, Location};
pub use output::{DayRoute, RoutePlan};
pub use request::{DayCapacity, DistanceMatrix, RouteRequest, SpeedModel, Stop};

use std::collections::BTreeMap;

use crate::Result;
use crate::model::Uscc;
use crate::teams::{Route, routes};

/// Plans the day routes of a request.
///
/// # Errors
/// * `route_request_invalid`: a stop listed twice; no matrix and a stop or the start
///   without a location; a matrix of the wrong size; a zero `max_visits`,
///   `day_minutes` or speed, or a detour below 100 %;
/// * `route_location_invalid`: a coordinate out of range (when built by hand);
/// * `route_datum_mixed`: WGS-84 and GCJ-02 in one request;
/// * `route_stop_too_far`: a stop that does not fit in one day even alone;
/// * `too_many_rows`: more than [`MAX_STOPS`] stops.
///
/// ```
/// use shuangsuiji::routes::{plan_routes, RouteRequest};
/// let req: RouteRequest = serde_json::from_str(r#"{
///   "stops": [{"uscc": "91350100M000100Y43"}, {"uscc": "91150105YX2F3MRW59"}],
///   "matrix": {"metres": [[0, 1000, 1200], [1000, 0, 300], [1200, 300, 0]]},
///   "capacity": {"max_visits": 1}}"#).unwrap();
/// let plan = plan_routes(&req)?;
/// assert_eq!((plan.routes.len(), plan.metres), (2, 4400));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn plan_routes(req: &RouteRequest) -> Result<RoutePlan> {
    let c = costs::costs(req)?;
    // One construction and improvement per shape factor; the best plan wins (the first
    // on ties).
    let mut best: Option<((u64, u64), costs::Plan)> = None;
    let starts = if c.nodes - 1 > ruin::RUIN_MAX_STOPS {
        savings::LARGE_LAMBDAS
    } else {
        savings::LAMBDAS.len()
    };
    for &lambda in &savings::LAMBDAS[..starts] {
        let mut rs = savings::savings(&c, lambda);
        improve::improve(&c, &mut rs);
        let cost = ruin::total(&c, &rs);
        if best.as_ref().is_none_or(|(b, _)| cost < *b) {
            best = Some((cost, rs));
        }
    }
    let mut rs = ruin::ruin_recreate(&c, best.map(|(_, rs)| rs).unwrap_or_default());
    // A small plan is the optimum where the search fell short of it (only then: where
    // the search found an optimum, its plan is kept).
    if let Some(opt) = exact::optimum(&c) {
        if ruin::total(&c, &opt) < ruin::total(&c, &rs) {
            rs = opt;
        }
    }
    for r in &mut rs {
        let rev: Vec<usize> = r.iter().rev().copied().collect();
        if r.last() < r.first() && c.tour(&rev) == c.tour(r) {
            *r = rev;
        }
    }
    rs.sort_by_key(|r| r.first().copied());
    let mut plan = RoutePlan {
        routes: Vec::with_capacity(rs.len()),
        metres: 0,
        travel_minutes: 0,
    };
    for (index, r) in rs.iter().enumerate() {
        let (metres, minutes) = c.tour(r);
        let onsite: u64 = r.iter().map(|&k| c.onsite[k]).sum();
        plan.metres += metres;
        plan.travel_minutes += minutes - onsite;
        plan.routes.push(DayRoute {
            index: u32::try_from(index).unwrap_or(u32::MAX),
            visits: r.iter().map(|&k| c.uscc[k - 1]).collect(),
            metres,
            travel_minutes: minutes - onsite,
            onsite_minutes: onsite,
        });
    }
    Ok(plan)
}

/// Whether [`plan_routes`] can plan on the map: a matrix is given, or the start and
/// every stop have a location.
///
/// ```
/// let req: shuangsuiji::routes::RouteRequest = serde_json::from_str(
///     r#"{"stops": [{"uscc": "91350100M000100Y43"}], "capacity": {"max_visits": 5}}"#).unwrap();
/// assert!(!shuangsuiji::routes::on_map(&req));
/// ```
#[must_use]
pub fn on_map(req: &RouteRequest) -> bool {
    req.matrix.is_some() || (req.start.is_some() && req.stops.iter().all(|s| s.location.is_some()))
}

/// The schedule hint for the team assignment: routes on the map when [`on_map`], else
/// today's town grouping ([`crate::teams::routes`] over `towns` with
/// `capacity.max_visits` per day). `towns` gives the town of each stop (stops missing
/// from it have no town).
///
/// # Errors
/// Those of [`plan_routes`], only when planning on the map.
///
/// ```
/// use shuangsuiji::model::Uscc;
/// use shuangsuiji::routes::{routes_or_towns, RouteRequest};
/// let req: RouteRequest = serde_json::from_str(
///     r#"{"stops": [{"uscc": "91350100M000100Y43"}], "capacity": {"max_visits": 5}}"#).unwrap();
/// let a = Uscc::parse("91350100M000100Y43").unwrap();
/// let r = routes_or_towns(&req, &[(a, Some("沙尔呼热镇".to_owned()))])?;
/// assert_eq!(r[0].town.as_deref(), Some("沙尔呼热镇"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn routes_or_towns(req: &RouteRequest, towns: &[(Uscc, Option<String>)]) -> Result<Vec<Route>> {
    if on_map(req) {
        return Ok(plan_routes(req)?.team_routes());
    }
    let town: BTreeMap<Uscc, &Option<String>> = towns.iter().map(|(u, t)| (*u, t)).collect();
    let visits: Vec<(Uscc, Option<String>)> = req
        .stops
        .iter()
        .map(|s| (s.uscc, town.get(&s.uscc).and_then(|t| (*t).clone())))
        .collect();
    Ok(routes(&visits, req.capacity.max_visits))
}
