//! What a route plan is asked for: the stops, the start, a day's capacity, the speed
//! model, and optionally a matrix from the platform.

use serde::{Deserialize, Serialize};

use super::geo::Location;
use crate::model::Uscc;

/// One enterprise to visit.
///
/// ```
/// let s: shuangsuiji::routes::Stop = serde_json::from_str(
///     r#"{"uscc":"91350100M000100Y43","items":2,"location":{"datum":"wgs84","lat":45.53,"lon":119.65}}"#)?;
/// assert_eq!(s.items, 2);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stop {
    /// The enterprise.
    pub uscc: Uscc,
    /// Where it is; may be absent when a matrix is given.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    /// How many check items the visit holds (on-site time is per item); default 1.
    #[serde(default = "one")]
    pub items: u32,
}

const fn one() -> u32 {
    1
}

/// What one team can do in one day.
///
/// ```
/// let c: shuangsuiji::routes::DayCapacity = serde_json::from_str(r#"{"max_visits": 6}"#)?;
/// assert_eq!((c.day_minutes, c.minutes_per_item, c.minutes_per_visit), (480, 30, 15));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DayCapacity {
    /// At most this many visits in a day (≥ 1).
    pub max_visits: u32,
    /// Minutes of a working day, travel and on-site together (≥ 1); preset 480.
    #[serde(default = "day_minutes")]
    pub day_minutes: u32,
    /// On-site minutes per check item; preset 30.
    #[serde(default = "minutes_per_item")]
    pub minutes_per_item: u32,
    /// On-site minutes per visit on top of the items (arrival, 亮证, paperwork); preset 15.
    #[serde(default = "minutes_per_visit")]
    pub minutes_per_visit: u32,
}

const fn day_minutes() -> u32 {
    480
}
const fn minutes_per_item() -> u32 {
    30
}
const fn minutes_per_visit() -> u32 {
    15
}

/// How straight-line metres become road minutes: `road = metres × detour_percent / 100`,
/// `minutes = ⌈road × 60 / (km_per_hour × 1000)⌉` per leg. Presets (configurable, not
/// truth): 40 km/h (county roads and town streets) and a detour factor of 130 % (road
/// distance over straight line; typical values are 120–140 %). Ignored for the minutes
/// of a matrix that carries its own.
///
/// ```
/// let s = shuangsuiji::routes::SpeedModel::default();
/// assert_eq!(s.minutes(10_000), 20); // 10 km straight → 13 km of road at 40 km/h
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpeedModel {
    /// Average road speed in km/h (≥ 1).
    #[serde(default = "km_per_hour")]
    pub km_per_hour: u32,
    /// Road distance as a percentage of the straight line (≥ 100).
    #[serde(default = "detour_percent")]
    pub detour_percent: u32,
}

const fn km_per_hour() -> u32 {
    40
}
const fn detour_percent() -> u32 {
    130
}

impl Default for SpeedModel {
    fn default() -> Self {
        Self {
            km_per_hour: km_per_hour(),
            detour_percent: detour_percent(),
        }
    }
}

impl SpeedModel {
    /// Road minutes for a leg of `metres` straight-line metres (rounded up; 0 for 0).
    /// A zero speed is treated as 1 km/h (the request check refuses it first).
    ///
    /// ```
    /// let s = shuangsuiji::routes::SpeedModel { km_per_hour: 60, detour_percent: 100 };
    /// assert_eq!((s.minutes(0), s.minutes(1), s.minutes(60_000)), (0, 1, 60));
    /// ```
    #[must_use]
    pub fn minutes(&self, metres: u64) -> u32 {
        let road = u128::from(metres) * u128::from(self.detour_percent);
        let per_minute_x100 = u128::from(self.km_per_hour.max(1)) * 1000 * 100;
        u32::try_from((road * 60).div_ceil(per_minute_x100)).unwrap_or(u32::MAX)
    }
}

/// Distances (and optionally minutes) supplied by the platform, e.g. from a road
/// network. Row and column 0 are the start; row/column `k` is `stops[k-1]` in the order
/// of the request. May be asymmetric; the diagonal is ignored.
///
/// ```
/// let m: shuangsuiji::routes::DistanceMatrix =
///     serde_json::from_str(r#"{"metres": [[0, 500], [500, 0]]}"#)?;
/// assert!(m.minutes.is_none());
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DistanceMatrix {
    /// Road metres from row to column.
    pub metres: Vec<Vec<u32>>,
    /// Road minutes from row to column; computed from `metres` by the speed model
    /// (with `detour_percent` taken as 100, the metres being road metres) when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<Vec<Vec<u32>>>,
}

/// A request for day routes.
///
/// Either every stop has a [`Location`] and a `start` is given (one datum throughout),
/// or a `matrix` is given (then locations are only checked for their datum).
///
/// ```
/// let r: shuangsuiji::routes::RouteRequest = serde_json::from_str(r#"{
///   "start": {"datum": "wgs84", "lat": 45.53, "lon": 119.65},
///   "stops": [{"uscc": "91350100M000100Y43", "location": {"datum": "wgs84", "lat": 45.54, "lon": 119.66}}],
///   "capacity": {"max_visits": 6}
/// }"#)?;
/// assert_eq!(r.speed.km_per_hour, 40);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RouteRequest {
    /// Where every route starts and ends: the lead department's office.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Location>,
    /// The enterprises to visit (any order; the plan does not depend on it).
    pub stops: Vec<Stop>,
    /// A day's capacity.
    pub capacity: DayCapacity,
    /// The speed model.
    #[serde(default)]
    pub speed: SpeedModel,
    /// A matrix from the platform instead of coordinates.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matrix: Option<DistanceMatrix>,
}
