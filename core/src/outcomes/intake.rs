//! Intake of department records against the draw result, the visits, the team
//! assignment and the check window: all accepted, or none.

use std::collections::{BTreeMap, BTreeSet};

use super::category::FindingCategory;
use super::record::{FollowUp, OutcomeIntake, OutcomeRecord, OutcomeSet, ReferralTarget};
use crate::draw::Visit;
use crate::model::{DepartmentCode, InspectorId, Uscc};
use crate::teams::{MIN_CERTIFIED_FLOOR, Team};
use crate::{Error, OutcomeCode, Result};

fn invalid(msg: impl Into<String>) -> Error {
    Error::new(OutcomeCode::OutcomeRecordInvalid, msg)
}

/// What a record is checked against: the visits and teams by enterprise.
struct Context<'a> {
    visits: BTreeMap<Uscc, &'a Visit>,
    teams: BTreeMap<Uscc, &'a Team>,
    intake: &'a OutcomeIntake,
}

impl Context<'_> {
    fn check(&self, r: &OutcomeRecord) -> Result<()> {
        let Some(visit) = self.visits.get(&r.uscc) else {
            return Err(Error::new(
                OutcomeCode::OutcomeNotDrawn,
                format!(
                    "{} has no visit in the draw result of this task (not drawn, or replaced)",
                    r.uscc
                ),
            )
            .with_field("uscc")
            .with_value(r.uscc.as_str()));
        };
        let team = self
            .teams
            .get(&r.uscc)
            .filter(|t| t.shares.iter().any(|s| s.department == r.department))
            .ok_or_else(|| {
                Error::new(
                    OutcomeCode::OutcomeDepartmentNotOnTeam,
                    format!(
                        "department {} is not on the team of {}",
                        r.department.as_str(),
                        r.uscc
                    ),
                )
                .with_field("department")
                .with_value(r.department.as_str())
                .with_detail("enterprise", r.uscc.as_str())
            })?;
        let w = self.intake.window;
        if !w.contains(r.date) {
            return Err(Error::new(
                OutcomeCode::OutcomeDateOutsideWindow,
                format!(
                    "check date {} is outside the window {} – {}",
                    r.date, w.first_day, w.last_day
                ),
            )
            .with_field("date")
            .with_value(r.date.to_string()));
        }
        if r.recorded_on < r.date {
            return Err(
                invalid("a result is recorded on or after the day of the check")
                    .with_field("recorded_on")
                    .with_value(r.recorded_on.to_string()),
            );
        }
        check_findings(r, visit)?;
        let certified = check_officers(r, team)?;
        if certified < self.intake.min_certified {
            return Err(Error::new(
                OutcomeCode::OutcomeOfficersShort,
                format!(
                    "执法人员不得少于两人（行政处罚法第四十二条）: {certified} certified officer(s) present, {} required",
                    self.intake.min_certified
                ),
            )
            .with_field("officers")
            .with_detail("certified", certified.to_string())
            .with_detail("required", self.intake.min_certified.to_string()));
        }
        Ok(())
    }
}

fn check_findings(r: &OutcomeRecord, visit: &Visit) -> Result<()> {
    if r.findings.is_empty() {
        return Err(invalid("a record has at least one finding").with_field("findings"));
    }
    let mut seen = BTreeSet::new();
    for (k, f) in r.findings.iter().enumerate() {
        let at = format!("findings[{k}]");
        let in_visit = visit
            .items
            .iter()
            .any(|i| i.item_id == f.item_id && i.department == r.department);
        if !in_visit {
            return Err(Error::new(
                OutcomeCode::OutcomeItemNotInVisit,
                format!(
                    "item {} is not one of department {}'s items in the visit to {}",
                    f.item_id.as_str(),
                    r.department.as_str(),
                    r.uscc
                ),
            )
            .with_field(format!("{at}.item_id"))
            .with_value(f.item_id.as_str()));
        }
        if !seen.insert(&f.item_id) {
            return Err(Error::duplicate(
                OutcomeCode::OutcomeDuplicate,
                "a finding for this item",
                "item",
                f.item_id.as_str(),
            )
            .with_field(format!("{at}.item_id")));
        }
        check_follow_ups(r, f.category, &f.follow_ups).map_err(|e| e.within(&at))?;
    }
    Ok(())
}

fn follow_up_invalid(m: usize, msg: impl Into<String>) -> Error {
    Error::new(OutcomeCode::OutcomeFollowUpInvalid, msg).with_field(format!("follow_ups[{m}]"))
}

fn check_follow_ups(r: &OutcomeRecord, category: FindingCategory, fus: &[FollowUp]) -> Result<()> {
    if category.is_clean() && !fus.is_empty() {
        return Err(
            follow_up_invalid(0, format!("{} takes no follow-up", category.label()))
                .with_detail("category", category.as_str()),
        );
    }
    for (m, fu) in fus.iter().enumerate() {
        match fu {
            FollowUp::Rectification { deadline } if *deadline <= r.date => {
                return Err(follow_up_invalid(
                    m,
                    "责令改正 needs a deadline after the day of the check",
                )
                .with_value(deadline.to_string()));
            }
            FollowUp::CaseFiled { date: Some(d) } if *d < r.date => {
                return Err(follow_up_invalid(
                    m,
                    "a case is filed on or after the day of the check",
                )
                .with_value(d.to_string()));
            }
            FollowUp::Referral {
                to: ReferralTarget::Department,
                department: None,
            } => {
                return Err(follow_up_invalid(
                    m,
                    "a referral to a department names the department",
                ));
            }
            FollowUp::Referral {
                to: ReferralTarget::Department,
                department: Some(d),
            } if *d == r.department => {
                return Err(
                    follow_up_invalid(m, "a department does not refer a case to itself")
                        .with_value(d.as_str()),
                );
            }
            FollowUp::Referral {
                to: ReferralTarget::PublicSecurity,
                department: Some(_),
            } => {
                return Err(follow_up_invalid(
                    m,
                    "a referral to the public-security organs names no department",
                ));
            }
            _ => {}
        }
    }
    let rectified = fus
        .iter()
        .any(|f| matches!(f, FollowUp::Rectification { .. }));
    if category == FindingCategory::Corrected && !rectified {
        return Err(Error::new(
            OutcomeCode::OutcomeFollowUpInvalid,
            "发现问题已责令改正 records the rectification order (kind rectification, with its deadline)",
        )
        .with_field("follow_ups")
        .with_detail("category", category.as_str()));
    }
    Ok(())
}

/// Checks the officers present and the recorded changes; returns how many certified
/// officers were present.
fn check_officers(r: &OutcomeRecord, team: &Team) -> Result<u32> {
    let member = |id: &InspectorId| team.members.iter().find(|m| &m.inspector == id);
    let mut changed: BTreeMap<&InspectorId, bool> = BTreeMap::new();
    for (c, ch) in r.changes.iter().enumerate() {
        let at = format!("changes[{c}]");
        let bad = |field: &str, msg: &str| {
            Error::new(OutcomeCode::OutcomeChangeInvalid, msg.to_owned())
                .with_field(format!("{at}.{field}"))
                .with_value(ch.inspector.as_str())
        };
        if ch.reason.trim().is_empty() {
            return Err(bad("reason", "a change of officers records its reason"));
        }
        if let Some(rep) = &ch.replaces {
            if member(rep).is_none() {
                return Err(bad(
                    "replaces",
                    "a change replaces a member of the assigned team",
                )
                .with_detail("replaces", rep.as_str()));
            }
        }
        if changed.insert(&ch.inspector, ch.certified).is_some() {
            return Err(bad("inspector", "an officer's change is recorded twice"));
        }
        if !r.officers.contains(&ch.inspector) {
            return Err(bad(
                "inspector",
                "a change names an officer who is not listed as present",
            ));
        }
    }
    let mut present = BTreeSet::new();
    let mut certified = 0u32;
    for (j, id) in r.officers.iter().enumerate() {
        if !present.insert(id) {
            return Err(Error::duplicate(
                OutcomeCode::OutcomeDuplicate,
                "an officer",
                "inspector",
                id.as_str(),
            )
            .with_field(format!("officers[{j}]")));
        }
        let is_certified = match (changed.get(id), member(id)) {
            (Some(c), _) => *c,
            (None, Some(m)) => m.certified,
            (None, None) => {
                return Err(Error::new(
                    OutcomeCode::OutcomeOfficerNotOnTeam,
                    format!(
                        "officer {} is not on the team of {} and no change with a reason records them",
                        id.as_str(),
                        r.uscc
                    ),
                )
                .with_field(format!("officers[{j}]"))
                .with_value(id.as_str()));
            }
        };
        certified += u32::from(is_certified);
    }
    Ok(certified)
}

/// Checks every record of `input` (the accepted set's and the new ones) against the
/// draw result, the team assignment and the window, and returns the whole set with the
/// new records added, sorted by `(uscc, department)`. Nothing is half-applied: one
/// refusal refuses the call.
///
/// # Errors
/// Each names the record (`records[i]…`, or `accepted.records[i]…`):
/// * `outcome_not_drawn`: the enterprise has no visit in the draw result;
/// * `outcome_department_not_on_team`: the department is not on the visit's team;
/// * `outcome_date_outside_window`: the check date is outside the window;
/// * `outcome_item_not_in_visit`: a finding's item is not the department's in the visit;
/// * `outcome_officer_not_on_team`: an officer present is neither on the team nor in
///   `changes`; `outcome_change_invalid`: a change without a reason, replacing a
///   non-member, repeated, or naming an officer not present;
/// * `outcome_officers_short`: fewer than `min_certified` certified officers present;
/// * `outcome_duplicate`: two records for one department and visit, two findings for
///   one item, an officer listed twice;
/// * `outcome_follow_up_invalid`: a follow-up contradicting its finding;
/// * `outcome_record_invalid`: no findings, recorded before the check, a reversed
///   window, `min_certified` below 2, task ids that differ, an accepted set of another
///   window.
///
/// ```
/// use shuangsuiji::outcomes::{record_outcomes, OutcomeIntake};
/// # let draw = shuangsuiji::draw::draw(serde_json::from_str(r#"{"algorithm": "v1", "task_id": "T1",
/// #   "seed": "0000000000000000000000000000000000000000000000000000000000000000", "mode": "fixed",
/// #   "items": [{"item_id": "market.food_production", "department": "market",
/// #     "strata": [{"key": "all", "eligible": ["91350100M000100Y43"], "quota": 1}]}]}"#).unwrap())?;
/// # let teams = serde_json::json!({"algorithm": "v1", "task_id": "T1", "routes": [], "teams": [{
/// #   "uscc": "91350100M000100Y43", "route": 0, "lead": "A1",
/// #   "shares": [{"department": "market", "size": 2, "certified_required": 2}],
/// #   "members": [
/// #     {"inspector": "A1", "department": "market", "certified": true, "ticket": "00", "rank": 0},
/// #     {"inspector": "A2", "department": "market", "certified": true, "ticket": "01", "rank": 1}]}]});
/// let intake: OutcomeIntake = serde_json::from_value(serde_json::json!({
///   "draw": draw, "teams": teams,
///   "window": {"first_day": "2024-09-09", "last_day": "2024-09-27"},
///   "records": [{"uscc": "91350100M000100Y43", "department": "market",
///     "date": "2024-09-10", "recorded_on": "2024-09-20", "officers": ["A1", "A2"],
///     "findings": [{"item_id": "market.food_production", "category": "corrected",
///       "follow_ups": [{"kind": "rectification", "deadline": "2024-10-10"}]}]}]
/// })).unwrap();
/// let set = record_outcomes(&intake)?;
/// assert_eq!(set.records.len(), 1);
///
/// // The same record again is a second result for the same department and visit.
/// let mut again = intake.clone();
/// again.accepted = Some(set);
/// let err = record_outcomes(&again).unwrap_err();
/// assert_eq!(err.code().as_str(), "outcome_duplicate");
/// assert_eq!(err.details().field.as_deref(), Some("records[0]"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn record_outcomes(input: &OutcomeIntake) -> Result<OutcomeSet> {
    let task = input.draw.task_id.as_str();
    let w = input.window;
    if w.last_day < w.first_day {
        return Err(invalid("the window's last day is before its first day")
            .with_field("window.last_day")
            .with_value(w.last_day.to_string()));
    }
    if input.min_certified < MIN_CERTIFIED_FLOOR {
        return Err(invalid(
            "执法人员不得少于两人（行政处罚法第四十二条）: min_certified may be raised, never lowered below 2",
        )
        .with_field("min_certified")
        .with_value(input.min_certified.to_string()));
    }
    if input.teams.task_id != task {
        return Err(invalid("the team assignment belongs to another task")
            .with_field("teams.task_id")
            .with_detail("expected", task)
            .with_detail("actual", input.teams.task_id.clone()));
    }
    let accepted: &[OutcomeRecord] = match &input.accepted {
        Some(set) if set.task_id != task => {
            return Err(invalid("the accepted set belongs to another task")
                .with_field("accepted.task_id")
                .with_detail("expected", task)
                .with_detail("actual", set.task_id.clone()));
        }
        Some(set) if set.window != w => {
            return Err(
                invalid("the accepted set has another check window").with_field("accepted.window")
            );
        }
        Some(set) => &set.records,
        None => &[],
    };
    let ctx = Context {
        visits: input.draw.visits.iter().map(|v| (v.uscc, v)).collect(),
        teams: input.teams.teams.iter().map(|t| (t.uscc, t)).collect(),
        intake: input,
    };
    let mut seen: BTreeMap<(Uscc, &DepartmentCode), String> = BTreeMap::new();
    let labelled = accepted
        .iter()
        .enumerate()
        .map(|(i, r)| (format!("accepted.records[{i}]"), r))
        .chain(
            input
                .records
                .iter()
                .enumerate()
                .map(|(i, r)| (format!("records[{i}]"), r)),
        );
    for (at, r) in labelled {
        ctx.check(r).map_err(|e| e.within(&at))?;
        if let Some(first) = seen.insert((r.uscc, &r.department), at.clone()) {
            return Err(Error::new(
                OutcomeCode::OutcomeDuplicate,
                format!(
                    "a second result of department {} for the visit to {}",
                    r.department.as_str(),
                    r.uscc
                ),
            )
            .with_field(at)
            .with_detail("first", first)
            .with_detail("enterprise", r.uscc.as_str())
            .with_detail("department", r.department.as_str()));
        }
    }
    let mut records: Vec<OutcomeRecord> = accepted.iter().chain(&input.records).cloned().collect();
    records.sort_by(|a, b| (a.uscc, &a.department).cmp(&(b.uscc, &b.department)));
    Ok(OutcomeSet {
        task_id: task.to_owned(),
        window: w,
        records,
    })
}
