//! Results back into history: an outcome set becomes the [`CheckRecord`]s the next
//! eligibility run reads (yearly cap, hierarchy exclusion, rotation).

use std::collections::BTreeMap;

use super::record::OutcomeSet;
use crate::model::{Authority, CheckKind, CheckRecord, DepartmentCode};
use crate::{Error, OutcomeCode, Result};

/// One [`CheckRecord`] per department record, of kind `random`, dated the day of the
/// check, with the items checked and the officers present. The records of one visit
/// share `visit_id = "{task_id}|{uscc}"`, so a joint visit counts once towards a
/// yearly cap (优化营商环境条例 Art. 54 \[V]: 进一次门、查多项事) even when departments
/// came on different days. `authorities` gives the authority of each department of the
/// task (its level decides the hierarchy exclusion). Sorted by `(uscc, department)`.
///
/// # Errors
/// `outcome_record_invalid` if a department of the set has no authority, or two
/// authorities are given for one department (field `authorities`).
///
/// ```
/// use shuangsuiji::model::Authority;
/// use shuangsuiji::outcomes::{check_records, OutcomeSet};
/// let set: OutcomeSet = serde_json::from_value(serde_json::json!({
///   "task_id": "T1", "window": {"first_day": "2024-09-09", "last_day": "2024-09-27"},
///   "records": [
///     {"uscc": "91350100M000100Y43", "department": "fire", "date": "2024-09-11", "recorded_on": "2024-09-12",
///      "officers": ["F1", "M1"], "findings": [{"item_id": "fire.fire_safety", "category": "no_problem"}]},
///     {"uscc": "91350100M000100Y43", "department": "market", "date": "2024-09-10", "recorded_on": "2024-09-12",
///      "officers": ["M1", "M2"], "findings": [{"item_id": "market.food_production", "category": "no_problem"}]}]
/// })).unwrap();
/// let authorities: Vec<Authority> = serde_json::from_value(serde_json::json!([
///   {"id": "hlgl-market", "department": "market", "level": "county", "jurisdiction": "150581"},
///   {"id": "hlgl-fire", "department": "fire", "level": "county", "jurisdiction": "150581"}])).unwrap();
/// let records = check_records(&set, &authorities)?;
/// assert_eq!(records.len(), 2);
/// assert_eq!(records[0].visit_key(), records[1].visit_key()); // one joint visit
/// assert_eq!(records[0].kind.as_str(), "random");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn check_records(set: &OutcomeSet, authorities: &[Authority]) -> Result<Vec<CheckRecord>> {
    let mut by_dept: BTreeMap<&DepartmentCode, &Authority> = BTreeMap::new();
    for (n, a) in authorities.iter().enumerate() {
        if by_dept.insert(&a.department, a).is_some() {
            return Err(Error::new(
                OutcomeCode::OutcomeRecordInvalid,
                format!("two authorities for department {}", a.department.as_str()),
            )
            .with_field(format!("authorities[{n}].department"))
            .with_value(a.department.as_str()));
        }
    }
    set.records
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let authority = by_dept.get(&r.department).ok_or_else(|| {
                Error::new(
                    OutcomeCode::OutcomeRecordInvalid,
                    format!(
                        "no authority given for department {}",
                        r.department.as_str()
                    ),
                )
                .with_field("authorities")
                .with_value(r.department.as_str())
                .with_detail("record", format!("records[{i}]"))
            })?;
            Ok(CheckRecord {
                task_id: set.task_id.clone(),
                visit_id: Some(format!("{}|{}", set.task_id, r.uscc)),
                uscc: r.uscc,
                date: r.date,
                authority: (*authority).clone(),
                items: r.findings.iter().map(|f| f.item_id.clone()).collect(),
                kind: CheckKind::Random,
                inspectors: r.officers.clone(),
            })
        })
        .collect()
}
