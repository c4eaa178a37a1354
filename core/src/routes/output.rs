//! The plan: day routes in visiting order, with their metres and minutes.

use serde::{Deserialize, Serialize};

use crate::model::Uscc;
use crate::teams::Route;

/// One team-day: start → visits in this order → start.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayRoute {
    /// Route number, from 0 (routes are ordered by their first visit's USCC).
    pub index: u32,
    /// The visits in visiting order.
    pub visits: Vec<Uscc>,
    /// Travel metres, back to the start included.
    pub metres: u64,
    /// Travel minutes, back to the start included.
    pub travel_minutes: u64,
    /// On-site minutes.
    pub onsite_minutes: u64,
}

/// Day routes for a set of stops.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RoutePlan {
    /// The routes, one per team-day.
    pub routes: Vec<DayRoute>,
    /// Total travel metres of all routes.
    pub metres: u64,
    /// Total travel minutes of all routes.
    pub travel_minutes: u64,
}

impl RoutePlan {
    /// The routes in the shape of the teams' schedule hint ([`crate::teams::Route`]: no
    /// town; visits in visiting order), so that the team assignment can use them in place
    /// of the town grouping ([`crate::teams::routes`]).
    ///
    /// ```
    /// use shuangsuiji::routes::{plan_routes, RouteRequest};
    /// let req: RouteRequest = serde_json::from_str(r#"{
    ///   "stops": [{"uscc": "91350100M000100Y43"}],
    ///   "matrix": {"metres": [[0, 900], [900, 0]]},
    ///   "capacity": {"max_visits": 5}}"#).unwrap();
    /// let routes = plan_routes(&req)?.team_routes();
    /// assert_eq!((routes[0].index, routes[0].town.as_deref()), (0, None));
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn team_routes(&self) -> Vec<Route> {
        self.routes
            .iter()
            .map(|r| Route {
                index: r.index,
                town: None,
                visits: r.visits.clone(),
            })
            .collect()
    }
}
