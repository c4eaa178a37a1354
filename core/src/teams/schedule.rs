//! The schedule hint: visits grouped into routes (one team-day each) by town.
//!
//! Visits are grouped by `town` (乡镇/街道; byte order of the UTF-8 text, visits
//! without a town last), sorted by USCC within a town, and cut into consecutive routes
//! of at most `visits_per_team_day` visits. Routes are numbered from 0 in that order.
//! There is no geographic data: "neighbouring" means "same town".

use serde::{Deserialize, Serialize};

use crate::model::Uscc;

/// One route: the visits one team can make in one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Route {
    /// Route number, from 0.
    pub index: u32,
    /// The town, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub town: Option<String>,
    /// The visits, in USCC order.
    pub visits: Vec<Uscc>,
}

/// Builds the routes for `(uscc, town)` pairs (any order) with at most `per_day`
/// visits each (`per_day` = 0 is treated as 1).
///
/// ```
/// use shuangsuiji::model::Uscc;
/// use shuangsuiji::teams::routes;
/// let a = Uscc::parse("91350100M000100Y43").unwrap();
/// let r = routes(&[(a, Some("沙尔呼热镇".to_owned()))], 4);
/// assert_eq!(r.len(), 1);
/// assert_eq!(r[0].visits, vec![a]);
/// ```
#[must_use]
pub fn routes(visits: &[(Uscc, Option<String>)], per_day: u32) -> Vec<Route> {
    let mut sorted: Vec<&(Uscc, Option<String>)> = visits.iter().collect();
    sorted.sort_by(|a, b| match (&a.1, &b.1) {
        (Some(x), Some(y)) => x.as_bytes().cmp(y.as_bytes()).then(a.0.cmp(&b.0)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.0.cmp(&b.0),
    });
    let per_day = usize::try_from(per_day.max(1)).unwrap_or(usize::MAX);
    let mut out: Vec<Route> = Vec::new();
    for (uscc, town) in sorted {
        match out.last_mut() {
            Some(r) if r.town == *town && r.visits.len() < per_day => r.visits.push(*uscc),
            _ => out.push(Route {
                index: u32::try_from(out.len()).unwrap_or(u32::MAX),
                town: town.clone(),
                visits: vec![*uscc],
            }),
        }
    }
    out
}
