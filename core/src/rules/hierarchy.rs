//! Exclusion of enterprises already checked by a higher-level authority.
//!
//! Two modes, chosen per plan:
//!
//! * `same_year` — the county plan (霍林郭勒市 试点方案, \[S], the project's seed document):
//!   "上级执法部门同一年度内已抽查的企业，下级执法部门在抽查时应当予以排除". An enterprise
//!   is excluded from every item if, in the plan's calendar year, an authority that
//!   [is above](crate::model::Authority::is_above) the planning authority and
//!   [covers](crate::model::Authority::covers) the enterprise made a `random` check of it
//!   (抽查 = random check; other kinds do not count).
//! * `same_items_three_months` — 《食品生产经营监督检查管理办法》 (SAMR 令49, in force
//!   2022-03-15) Art. 42 \[V]: "上级市场监督管理部门已经开展监督检查的，下级市场监督管理部门
//!   原则上三个月内不再重复检查已检查的项目". Per item: a check of any kind by a covering
//!   higher authority on date `d` that names the item blocks that item while
//!   `d ≤ plan date ≤ end`, where `end` is `d` plus 3 calendar months per 《民法典》
//!   Arts. 201–202 \[V]: the period starts the day after `d`, its last day is the
//!   corresponding day of the third month after, or that month's last day if there is
//!   no corresponding day (2024-11-30 → 2025-02-28; 2024-01-31 → 2024-04-30). Art. 203's
//!   extension when the last day is a statutory holiday is **not** applied (it needs a
//!   holiday calendar and only shortens checking by a holiday). Records with no items
//!   block nothing in this mode. The Art. 42 exceptions (suspected violation, obvious
//!   hazard) are not automated: such checks are `complaint`/`offsite_lead` cases outside
//!   the random plan.
//! * `off` — no hierarchy exclusion.
//!
//! Default: `same_year`, the county plan's rule (the plan the library was built for);
//! choose `same_items_three_months` for the national \[V] rule.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::reason::{Reason, ReasonCode, group_visits};
use crate::model::{Authority, CheckKind, CheckRecord, Enterprise, ItemId};

/// How higher-level checks exclude enterprises.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HierarchyMode {
    /// No exclusion.
    Off,
    /// County plan: a random check by a covering higher level in the same calendar year
    /// excludes the enterprise from every item.
    #[default]
    SameYear,
    /// 令49 Art. 42: a check by a covering higher level blocks the same items for 3
    /// months.
    SameItemsThreeMonths,
}

/// The last day of the 3-month window opened by a check on `d` (民法典 Arts. 201–202).
///
/// ```
/// use chrono::NaiveDate;
/// let d = |s: &str| s.parse::<NaiveDate>().unwrap();
/// assert_eq!(shuangsuiji::rules::three_month_end(d("2024-01-15")), d("2024-04-15"));
/// assert_eq!(shuangsuiji::rules::three_month_end(d("2024-11-30")), d("2025-02-28"));
/// assert_eq!(shuangsuiji::rules::three_month_end(d("2023-11-30")), d("2024-02-29"));
/// ```
#[must_use]
pub fn three_month_end(d: NaiveDate) -> NaiveDate {
    // chrono clamps to the month's last day when there is no corresponding day, which
    // is Art. 202's rule. Overflow only at the end of chrono's range.
    d.checked_add_months(Months::new(3))
        .unwrap_or(NaiveDate::MAX)
}

fn higher<'a>(
    authority: &'a Authority,
    enterprise: &'a Enterprise,
) -> impl Fn(&&CheckRecord) -> bool + 'a {
    move |r: &&CheckRecord| {
        r.authority.is_above(authority) && r.authority.covers(enterprise.division)
    }
}

/// Mode `same_year`: the reason that excludes the enterprise from every item, if any.
pub fn same_year_reason<'a>(
    authority: &Authority,
    enterprise: &Enterprise,
    year: i32,
    history: impl IntoIterator<Item = &'a CheckRecord>,
) -> Option<Reason> {
    let visits = group_visits(
        history
            .into_iter()
            .filter(higher(authority, enterprise))
            .filter(|r| r.kind == CheckKind::Random && r.date.year() == year),
    );
    (!visits.is_empty()).then(|| {
        let mut r = Reason::new(ReasonCode::CheckedByHigherLevel)
            .with("mode", "same_year")
            .with("year", year.to_string());
        r.visits = visits;
        r
    })
}

/// Mode `same_items_three_months`: the reason that blocks `item` on `date`, if any.
/// Each history row is judged on its own date and items (a visit whose rows span
/// several dates does not borrow items across them); the blocking rows are then
/// grouped into visits for the evidence, `blocked_until` being the latest end.
pub fn three_month_reason<'a>(
    authority: &Authority,
    enterprise: &Enterprise,
    item: &ItemId,
    date: NaiveDate,
    history: impl IntoIterator<Item = &'a CheckRecord>,
) -> Option<Reason> {
    let blocking: Vec<&CheckRecord> = history
        .into_iter()
        .filter(higher(authority, enterprise))
        .filter(|r| r.items.contains(item) && r.date <= date && date <= three_month_end(r.date))
        .collect();
    let mut visits = group_visits(blocking.iter().copied());
    for v in &mut visits {
        v.blocked_until = blocking
            .iter()
            .filter(|r| r.visit_key() == v.visit_key)
            .map(|r| three_month_end(r.date))
            .max();
    }
    (!visits.is_empty()).then(|| {
        let mut r = Reason::new(ReasonCode::CheckedByHigherLevel)
            .with("mode", "same_items_three_months")
            .with("item", item.as_str());
        r.visits = visits;
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rec(date: &str, items: &[&str], level: &str, jur: &str) -> CheckRecord {
        serde_json::from_value(json!({
            "task_id": "T", "uscc": "91350100M000100Y43", "date": date,
            "authority": {"id": format!("a-{jur}"), "department": "market", "level": level, "jurisdiction": jur},
            "items": items, "kind": "random"
        }))
        .unwrap()
    }

    fn county() -> Authority {
        serde_json::from_value(
            json!({"id": "c", "department": "market", "level": "county", "jurisdiction": "150581"}),
        )
        .unwrap()
    }

    fn ent() -> Enterprise {
        Enterprise::new(
            crate::model::Uscc::parse("91350100M000100Y43").unwrap(),
            "x",
            crate::model::DivisionCode::parse("150581").unwrap(),
            crate::model::CreditClass::B,
        )
    }

    #[test]
    fn three_month_window_is_inclusive_of_the_corresponding_day() {
        let item = ItemId::parse("m.x").unwrap();
        let h = [rec("2025-01-31", &["m.x"], "prefecture", "150500")];
        let on = |d: &str| {
            three_month_reason(&county(), &ent(), &item, d.parse().unwrap(), h.iter()).is_some()
        };
        assert!(!on("2025-01-30"));
        assert!(on("2025-01-31"));
        assert!(on("2025-04-30"));
        assert!(!on("2025-05-01"));
        let other = ItemId::parse("m.y").unwrap();
        assert!(
            three_month_reason(
                &county(),
                &ent(),
                &other,
                "2025-02-01".parse().unwrap(),
                h.iter()
            )
            .is_none()
        );
        // Same level or a non-covering authority does not block.
        let h = [rec("2025-01-31", &["m.x"], "county", "150581")];
        assert!(
            three_month_reason(
                &county(),
                &ent(),
                &item,
                "2025-02-01".parse().unwrap(),
                h.iter()
            )
            .is_none()
        );
        let h = [rec("2025-01-31", &["m.x"], "prefecture", "150600")];
        assert!(
            three_month_reason(
                &county(),
                &ent(),
                &item,
                "2025-02-01".parse().unwrap(),
                h.iter()
            )
            .is_none()
        );
    }

    #[test]
    fn same_year_counts_only_random_checks_of_that_year() {
        let mut h = [rec("2024-12-31", &[], "provincial", "150000")];
        assert!(same_year_reason(&county(), &ent(), 2025, h.iter()).is_none());
        h[0].kind = CheckKind::Complaint;
        h[0].date = "2025-03-01".parse().unwrap();
        assert!(same_year_reason(&county(), &ent(), 2025, h.iter()).is_none());
        h[0].kind = CheckKind::Random;
        let r = same_year_reason(&county(), &ent(), 2025, h.iter()).unwrap();
        assert_eq!(r.visits.len(), 1);
    }
}
