//! Exclusion of enterprises already checked by a higher level of the same department.
//!
//! Sources: the county plan (seed) and 令49 Arts. 42 and 53, quoted below.
//!
//! **Line of authority.** Both sources speak of one department's own hierarchy: the
//! county plan (霍林郭勒市 试点方案, \[S], the project's seed document) says "上级执法部门
//! 同一年度内已抽查的企业，下级执法部门在抽查时应当予以排除", and 《食品生产经营监督检查
//! 管理办法》 (SAMR 令49, in force 2022-03-15) Art. 42 \[V] "上级市场监督管理部门已经开展
//! 监督检查的，下级市场监督管理部门原则上三个月内不再重复检查已检查的项目". So a check
//! excludes an enterprise from an item only if the checking authority belongs to the
//! **department that owns the item** ([`SupervisionItem::department`]), is at a higher
//! level than the planning authority and [covers](crate::model::Authority::covers) the
//! enterprise. In a joint task each item follows its own department: a prefecture
//! 生态环境局 check excludes the enterprise from the 生态环境 items of the plan, not from
//! the 市场监管 items. (Before 2026-12 any department's higher level excluded the
//! enterprise from every item; no source was found for that broader reading, so it is
//! not kept as an option.)
//!
//! Two modes, chosen per plan:
//!
//! * `same_year` — the county plan: a `random` check (抽查 = random check; other kinds do
//!   not count) in the plan's calendar year excludes the enterprise from the items of
//!   the checking authority's department.
//! * `same_items_three_months` — 令49 Art. 42, per item: a **监督检查** by the owning
//!   department's higher level on date `d` that names the item blocks that item while
//!   `d ≤ plan date ≤ end`. 监督检查 is what the same 办法 Art. 53 defines: 日常监督检查
//!   (`random`, and `special` 重点监督检查 of Art. 22 para. 2), 飞行检查
//!   (`flight_check`) and 体系检查 (`system_check`) — see [`SUPERVISION_KINDS`]; a
//!   许可现场核查, a complaint check or any other kind blocks nothing. `end` is `d` plus
//!   3 calendar months per 《民法典》 Arts. 201–202 \[V]: the period starts the day after
//!   `d`, its last day is the corresponding day of the third month after, or that
//!   month's last day if there is no corresponding day (2024-11-30 → 2025-02-28;
//!   2024-01-31 → 2024-04-30). Art. 203's extension when the last day is a statutory
//!   holiday is **not** applied (it needs a holiday calendar and only shortens checking
//!   by a holiday). Records with no items block nothing in this mode. The Art. 42
//!   exceptions (suspected violation, obvious hazard) are not automated: such checks are
//!   `complaint`/`offsite_lead` cases outside the random plan.
//! * `off` — no hierarchy exclusion.
//!
//! Default: `same_year`, the county plan's rule (the plan the library was built for);
//! choose `same_items_three_months` for the national \[V] rule.
//!
//! Tested by `core/tests/all/rules_vectors.rs` (vectors in `tests/vectors/eligibility/`) and `core/tests/all/rules_props.rs` and the unit tests below.

use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use super::reason::{Reason, ReasonCode, group_visits};
use crate::model::{Authority, CheckKind, CheckRecord, Enterprise, SupervisionItem};

/// How higher-level checks exclude enterprises.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HierarchyMode {
    /// No exclusion.
    Off,
    /// County plan: a random check by a covering higher level of the item's department
    /// in the same calendar year excludes the enterprise from that department's items.
    #[default]
    SameYear,
    /// 令49 Art. 42: a 监督检查 by a covering higher level of the item's department
    /// blocks the same items for 3 months.
    SameItemsThreeMonths,
}

/// The kinds of check that are 监督检查 in the sense of 食品生产经营监督检查管理办法
/// Art. 53 \[V] (日常监督检查, 飞行检查, 体系检查; `special` is the 重点监督检查 of
/// Art. 22 para. 2). Only these count for `same_items_three_months`.
///
/// ```
/// use shuangsuiji::model::CheckKind;
/// use shuangsuiji::rules::SUPERVISION_KINDS;
/// assert!(SUPERVISION_KINDS.contains(&CheckKind::FlightCheck));
/// assert!(!SUPERVISION_KINDS.contains(&CheckKind::LicensingSiteCheck));
/// ```
pub const SUPERVISION_KINDS: &[CheckKind] = &[
    CheckKind::Random,
    CheckKind::Special,
    CheckKind::FlightCheck,
    CheckKind::SystemCheck,
];

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

/// Whether `r` was made by a higher level of `item`'s department that covers the
/// enterprise.
fn higher<'a>(
    authority: &'a Authority,
    enterprise: &'a Enterprise,
    item: &'a SupervisionItem,
) -> impl Fn(&&CheckRecord) -> bool + 'a {
    move |r: &&CheckRecord| {
        r.authority.department == item.department
            && r.authority.is_above(authority)
            && r.authority.covers(enterprise.division)
    }
}

/// Mode `same_year`: the reason that excludes the enterprise from `item`, if any.
pub fn same_year_reason<'a>(
    authority: &Authority,
    enterprise: &Enterprise,
    item: &SupervisionItem,
    year: i32,
    history: impl IntoIterator<Item = &'a CheckRecord>,
) -> Option<Reason> {
    let visits = group_visits(
        history
            .into_iter()
            .filter(higher(authority, enterprise, item))
            .filter(|r| r.kind == CheckKind::Random && r.date.year() == year),
    );
    (!visits.is_empty()).then(|| {
        let mut r = Reason::new(ReasonCode::CheckedByHigherLevel)
            .with("department", item.department.as_str().to_owned())
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
    item: &SupervisionItem,
    date: NaiveDate,
    history: impl IntoIterator<Item = &'a CheckRecord>,
) -> Option<Reason> {
    let blocking: Vec<&CheckRecord> = history
        .into_iter()
        .filter(higher(authority, enterprise, item))
        .filter(|r| {
            SUPERVISION_KINDS.contains(&r.kind)
                && r.items.contains(&item.id)
                && r.date <= date
                && date <= three_month_end(r.date)
        })
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
            .with("department", item.department.as_str().to_owned())
            .with("mode", "same_items_three_months")
            .with("item", item.id.as_str().to_owned());
        r.visits = visits;
        r
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn rec(date: &str, items: &[&str], level: &str, jur: &str) -> CheckRecord {
        rec_by("market", "random", date, items, level, jur)
    }

    fn rec_by(
        dept: &str,
        kind: &str,
        date: &str,
        items: &[&str],
        level: &str,
        jur: &str,
    ) -> CheckRecord {
        serde_json::from_value(json!({
            "task_id": "T", "uscc": "91350100M000100Y43", "date": date,
            "authority": {"id": format!("{dept}-{jur}"), "department": dept, "level": level, "jurisdiction": jur},
            "items": items, "kind": kind
        }))
        .unwrap()
    }

    fn item(id: &str, dept: &str) -> SupervisionItem {
        serde_json::from_value(json!({
            "id": id, "name": id, "department": dept, "kind": "key", "form": "joint",
            "provenance": {"document": "测试", "verification": "synthetic"}
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

    fn blocks(it: &SupervisionItem, date: &str, h: &[CheckRecord]) -> bool {
        three_month_reason(&county(), &ent(), it, date.parse().unwrap(), h.iter()).is_some()
    }

    #[test]
    fn three_month_window_is_inclusive_of_the_corresponding_day() {
        let x = item("m.x", "market");
        let h = [rec("2025-01-31", &["m.x"], "prefecture", "150500")];
        assert!(!blocks(&x, "2025-01-30", &h));
        assert!(blocks(&x, "2025-01-31", &h));
        assert!(blocks(&x, "2025-04-30", &h));
        assert!(!blocks(&x, "2025-05-01", &h));
        assert!(!blocks(&item("m.y", "market"), "2025-02-01", &h));
        // Same level or a non-covering authority does not block.
        let h = [rec("2025-01-31", &["m.x"], "county", "150581")];
        assert!(!blocks(&x, "2025-02-01", &h));
        let h = [rec("2025-01-31", &["m.x"], "prefecture", "150600")];
        assert!(!blocks(&x, "2025-02-01", &h));
    }

    #[test]
    fn three_months_counts_only_supervision_checks_of_the_items_department() {
        let x = item("m.x", "market");
        // Art. 53: a licensing site check or a complaint check is not a 监督检查.
        for kind in ["licensing_site_check", "complaint", "rectification_recheck"] {
            let h = [rec_by(
                "market",
                kind,
                "2025-01-31",
                &["m.x"],
                "prefecture",
                "150500",
            )];
            assert!(!blocks(&x, "2025-02-01", &h), "{kind}");
        }
        for kind in ["random", "special", "flight_check", "system_check"] {
            let h = [rec_by(
                "market",
                kind,
                "2025-01-31",
                &["m.x"],
                "prefecture",
                "150500",
            )];
            assert!(blocks(&x, "2025-02-01", &h), "{kind}");
        }
        // Another department's higher level does not block a market item, but blocks
        // its own department's item in the same joint plan.
        let h = [rec_by(
            "ecology",
            "random",
            "2025-01-31",
            &["m.x", "e.x"],
            "prefecture",
            "150500",
        )];
        assert!(!blocks(&x, "2025-02-01", &h));
        assert!(blocks(&item("e.x", "ecology"), "2025-02-01", &h));
    }

    #[test]
    fn same_year_counts_only_random_checks_of_that_year_by_the_items_department() {
        let food = item("m.x", "market");
        let eco = item("e.x", "ecology");
        let mut h = [rec("2024-12-31", &[], "provincial", "150000")];
        assert!(same_year_reason(&county(), &ent(), &food, 2025, h.iter()).is_none());
        h[0].kind = CheckKind::Complaint;
        h[0].date = "2025-03-01".parse().unwrap();
        assert!(same_year_reason(&county(), &ent(), &food, 2025, h.iter()).is_none());
        h[0].kind = CheckKind::Random;
        let r = same_year_reason(&county(), &ent(), &food, 2025, h.iter()).unwrap();
        assert_eq!(r.visits.len(), 1);
        assert!(same_year_reason(&county(), &ent(), &eco, 2025, h.iter()).is_none());
        let h = [rec_by(
            "ecology",
            "random",
            "2025-03-01",
            &[],
            "prefecture",
            "150500",
        )];
        assert!(same_year_reason(&county(), &ent(), &food, 2025, h.iter()).is_none());
        assert!(same_year_reason(&county(), &ent(), &eco, 2025, h.iter()).is_some());
    }
}
