//! Credit repair beyond penalty information: removal from the 经营异常名录 and the
//! 严重违法失信名单, and repair of negative spot-check results (不良抽查检查结果信息) —
//! conditions, earliest dates and automatic removal, each with its source.
//!
//! # Sources
//!
//! * **严重违法失信名单** — 《市场监督管理严重违法失信名单管理办法》 (SAMR 令44, in force
//!   2021-09-01) \[V\]: Art. 16 early removal on application once listed **满一年**, if (一)
//!   duties fulfilled, (二) harm and bad influence eliminated, (三) no further 较重行政处罚;
//!   ¶2 not while a measure imposed under a law or administrative regulation is still
//!   running; Art. 17 decision within **15 working days** of acceptance (令107 cuts it to
//!   **7**, from 2025-12-25 \[S\]); Art. 18 publicity stopped within 3 working days of the
//!   removal; Art. 19 removal when the penalty it rests on is annulled; Art. 21 removed
//!   automatically **满三年**, or at the end of a longer 限制开展生产经营活动 / 限制从业.
//! * **经营异常名录** — listing: 企业信息公示暂行条例 (2024 revision, in force 2024-05-01)
//!   Art. 18 \[V\]; 市场主体登记管理条例实施细则 Art. 20 ¶2 \[V\] (an enterprise listed as
//!   unreachable must register its new address when it applies for any other change).
//!   Removal once the duty behind the listing is fulfilled (补报年报并公示 / 履行即时公示义务 /
//!   更正虚假公示信息 / 住所变更登记或者恢复联系), any time, decision within **5 working days**:
//!   《企业经营异常名录管理暂行办法》 (原工商总局令第68号) and 国市监信规〔2021〕3号 as
//!   summarised in RULES R5.5 \[S — texts not bundled\]. 企业公示信息抽查办法 (2025) Art. 13
//!   refers to a 《企业经营异常名录管理办法》 (no longer 暂行) whose text was not seen \[NF\].
//!   No automatic removal: the listing lasts until the duty is met (the 2014 条例 Art. 17's
//!   3-year step to the 严重违法企业名单 is gone from the 2024 text).
//! * **不良抽查检查结果** — made repairable by SAMR 令107 (in force 2025-12-25) \[S: the article
//!   text was not seen, RULES-ADDENDUM §2.2, §2.4\]: repair once the problem found is
//!   corrected, **never before 2025-12-25** (before, 3号 did not cover them; 立法法 Art. 104);
//!   a result that led to a penalty or listing stops together with its repair. 令107's
//!   periods for these results were not seen: no minimum period and no automatic stop are
//!   encoded (marked in `notes`).
//!
//! Tested by `core/tests/all/enforcement_credit_repair.rs`.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::credit_repair::SAMR_2025_FROM;
use super::facts::months_after;
use crate::model::{Provenance, Verification};
use crate::{EnforcementCode, Error, Result};

/// Which list or record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ListKind {
    /// 经营异常名录.
    AbnormalOperation,
    /// 严重违法失信名单 (令44).
    SeriousViolation,
    /// 不良抽查检查结果信息 (令107).
    NegativeCheckResult,
}

/// Why an enterprise is on the 经营异常名录 (企业信息公示暂行条例 Art. 18; 抽查办法 Art. 13).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AbnormalReason {
    /// 未按期公示年度报告 → 补报并公示.
    AnnualReportMissing,
    /// 未按责令期限公示有关企业信息 → 履行即时公示义务.
    InstantDisclosureMissing,
    /// 公示信息隐瞒真实情况、弄虚作假 → 更正.
    FalseDisclosure,
    /// 通过登记的住所（经营场所）无法联系 → 住所变更登记 or 恢复联系.
    UnreachableAddress,
}

impl AbnormalReason {
    const fn remedy(self) -> &'static str {
        match self {
            Self::AnnualReportMissing => "补报年度报告并公示",
            Self::InstantDisclosureMissing => "履行即时信息公示义务",
            Self::FalseDisclosure => "更正虚假公示信息",
            Self::UnreachableAddress => "办理住所（经营场所）变更登记或者证明可以重新取得联系",
        }
    }
}

/// A listing (or negative result) of one enterprise.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListRecord {
    /// Which list.
    pub list: ListKind,
    /// Date of the listing decision (for a check result: the day it was recorded).
    pub listed_on: NaiveDate,
    /// Reason of an 经营异常名录 listing (required for that list).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub abnormal_reason: Option<AbnormalReason>,
    /// Last day of a measure imposed under a law or administrative regulation (限制开展
    /// 生产经营活动、限制从业 …), 严重违法失信名单 only (令44 Art. 16 ¶2, Art. 21).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measures_until: Option<NaiveDate>,
}

/// The enterprise's situation when it applies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ListFacts {
    /// 经营异常名录: the duty behind the listing is fulfilled (see [`AbnormalReason`]).
    pub duty_fulfilled: bool,
    /// 令44 Art. 16 (一) 已经自觉履行行政处罚决定中规定的义务.
    pub duties_fulfilled: bool,
    /// 令44 Art. 16 (二) 已经主动消除危害后果和不良影响.
    pub harm_eliminated: bool,
    /// 令44 Art. 16 (三) negated: 再受到市场监督管理部门较重行政处罚.
    pub heavier_penalty_since: bool,
    /// 令44 Art. 19: the penalty the listing rests on was annulled (撤销、确认违法或者无效).
    pub basis_annulled: bool,
    /// Negative check result: the problem found was corrected (整改到位).
    pub corrected: bool,
    /// Negative check result: the penalty or listing it led to was repaired on this day.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub linked_repaired_on: Option<NaiveDate>,
}

/// A removal condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RemovalCondition {
    /// The repair rules for this record are in force on the assessment date.
    RegimeInForce,
    /// The minimum time on the list has passed (令44 Art. 16: 满一年).
    MinimumPeriodReached,
    /// No measure under a law or regulation is still running (令44 Art. 16 ¶2).
    MeasuresEnded,
    /// Still listed on the assessment date.
    StillListed,
    /// 经营异常名录: the duty behind the listing is fulfilled.
    DutyFulfilled,
    /// 令44 Art. 16 (一).
    DutiesFulfilled,
    /// 令44 Art. 16 (二).
    HarmEliminated,
    /// 令44 Art. 16 (三).
    NoHeavierPenalty,
    /// Negative check result: corrected.
    Corrected,
}

/// One checked condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RemovalCheck {
    /// The condition.
    pub condition: RemovalCondition,
    /// Whether it holds.
    pub met: bool,
    /// Evidence.
    pub evidence: String,
}

/// The assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ListAssessment {
    /// Which list.
    pub list: ListKind,
    /// Sources.
    pub provenance: Vec<Provenance>,
    /// Last day listed before the automatic removal; `None` = no automatic removal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_day_listed: Option<NaiveDate>,
    /// First day an application for removal (repair) may be made; `None` when none can.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_removal_application: Option<NaiveDate>,
    /// Working days the authority has to decide an application made on the assessment
    /// date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision_working_days: Option<u32>,
    /// The authority must remove the listing without application (令44 Art. 19).
    pub mandatory_removal: bool,
    /// Every condition.
    pub conditions: Vec<RemovalCheck>,
    /// Removal can be granted on the assessment date.
    pub eligible_now: bool,
    /// Notes.
    pub notes: Vec<String>,
}

/// 令44 in force.
const LING44_FROM: (i32, u32, u32) = (2021, 9, 1);
/// 企业经营异常名录管理暂行办法 in force.
const ABNORMAL_FROM: (i32, u32, u32) = (2014, 10, 1);

fn day(t: (i32, u32, u32)) -> NaiveDate {
    NaiveDate::from_ymd_opt(t.0, t.1, t.2).unwrap_or(NaiveDate::MIN)
}

fn source(document: &str, article: &str, v: Verification, from: (i32, u32, u32)) -> Provenance {
    Provenance {
        document: document.to_owned(),
        article: Some(article.to_owned()),
        verification: v,
        effective_from: Some(day(from)),
        effective_to: None,
        note: None,
    }
}

fn check(condition: RemovalCondition, met: bool, evidence: String) -> RemovalCheck {
    RemovalCheck {
        condition,
        met,
        evidence,
    }
}

fn yes(met: bool) -> &'static str {
    if met { "yes" } else { "no" }
}

/// Assesses removal of a listing (or repair of a negative check result) on `on`.
///
/// # Errors
/// `regime_unknown` for a 严重违法失信名单 listing before 2021-09-01 (令44) or an
/// 经营异常名录 listing before 2014-10-01; `facts_invalid` (field `abnormal_reason`) for
/// an 经营异常名录 record without its reason, (field `measures_until`) for a measure
/// ending before the listing or given for another list.
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::enforcement::list_removal::*;
/// let rec: ListRecord = serde_json::from_str(
///     r#"{"list": "serious_violation", "listed_on": "2024-03-15"}"#).unwrap();
/// let facts = ListFacts { duties_fulfilled: true, harm_eliminated: true, ..Default::default() };
/// let a = assess(&rec, &facts, NaiveDate::from_ymd_opt(2025, 4, 1).unwrap())?;
/// assert_eq!(a.earliest_removal_application, NaiveDate::from_ymd_opt(2025, 3, 16)); // 满一年
/// assert_eq!(a.last_day_listed, NaiveDate::from_ymd_opt(2027, 3, 15)); // 满三年
/// assert_eq!(a.decision_working_days, Some(15)); // 令44 Art. 17
/// assert!(a.eligible_now);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn assess(record: &ListRecord, facts: &ListFacts, on: NaiveDate) -> Result<ListAssessment> {
    if let Some(m) = record.measures_until {
        if record.list != ListKind::SeriousViolation {
            return Err(facts_invalid(
                "measures_until",
                "measures_until is for the 严重违法失信名单 only",
            ));
        }
        if m < record.listed_on {
            return Err(facts_invalid(
                "measures_until",
                "a measure cannot end before the listing",
            ));
        }
    }
    let mut a = match record.list {
        ListKind::SeriousViolation => serious_violation(record, facts, on)?,
        ListKind::AbnormalOperation => abnormal_operation(record, facts)?,
        ListKind::NegativeCheckResult => negative_check_result(record, facts, on),
    };
    a.eligible_now = a.mandatory_removal
        || (a.earliest_removal_application.is_some_and(|e| on >= e)
            && a.conditions.iter().all(|c| c.met));
    Ok(a)
}

fn facts_invalid(field: &str, msg: &str) -> Error {
    Error::new(EnforcementCode::FactsInvalid, msg.to_owned()).with_field(field)
}

/// `regime_unknown` for a listing before the first bundled rules of its list.
fn too_early(record: &ListRecord, from: (i32, u32, u32), what: &str) -> Error {
    Error::new(
        EnforcementCode::RegimeUnknown,
        format!(
            "no {what} rules are bundled for a listing on {} (before {})",
            record.listed_on,
            day(from)
        ),
    )
    .with_field("listed_on")
    .with_value(record.listed_on.to_string())
}

/// SAMR 令107 (in force 2025-12-25), article numbers not seen.
fn ling107() -> Provenance {
    source(
        "市场监督管理信用修复管理办法（总局令第107号）",
        "article numbers not seen",
        Verification::Secondary,
        SAMR_2025_FROM,
    )
}

/// 严重违法失信名单 (令44): removal from one year after listing, automatic after three
/// years (or when the measures end, if later).
fn serious_violation(
    record: &ListRecord,
    facts: &ListFacts,
    on: NaiveDate,
) -> Result<ListAssessment> {
    let mut notes = Vec::new();
    let mut conditions = Vec::new();
    let mut provenance = Vec::new();
    if record.listed_on < day(LING44_FROM) {
        return Err(too_early(record, LING44_FROM, "严重违法失信名单"));
    }
    let ling44 = |a: &str| {
        source(
            "市场监督管理严重违法失信名单管理办法（总局令第44号）",
            a,
            Verification::Verified,
            LING44_FROM,
        )
    };
    provenance.push(ling44("第十六条、第十七条、第十八条、第十九条、第二十一条"));
    let three_years = months_after(record.listed_on, 36)?;
    let last = record
        .measures_until
        .map_or(three_years, |m| m.max(three_years));
    let last_day_listed = Some(last);
    let year_end = months_after(record.listed_on, 12)?;
    let first = super::calendar::succ(year_end)?;
    conditions.push(check(
        RemovalCondition::MinimumPeriodReached,
        on >= first,
        format!("满一年 on {year_end}: application from {first}; assessed on {on}"),
    ));
    let measures_end = record
        .measures_until
        .map(super::calendar::succ)
        .transpose()?;
    if let Some(m) = measures_end {
        conditions.push(check(
            RemovalCondition::MeasuresEnded,
            on >= m,
            format!(
                "measures run until {}; application from {m}",
                m.pred_opt().unwrap_or(m)
            ),
        ));
    }
    let first = measures_end.map_or(first, |m| m.max(first));
    let earliest = (first <= last).then_some(first);
    conditions.push(check(
        RemovalCondition::StillListed,
        on <= last,
        format!("removed automatically after {last} (Art. 21); assessed on {on}"),
    ));
    for (c, met, what) in [
        (
            RemovalCondition::DutiesFulfilled,
            facts.duties_fulfilled,
            "已经自觉履行行政处罚决定中规定的义务",
        ),
        (
            RemovalCondition::HarmEliminated,
            facts.harm_eliminated,
            "已经主动消除危害后果和不良影响",
        ),
        (
            RemovalCondition::NoHeavierPenalty,
            !facts.heavier_penalty_since,
            "未再受到市场监督管理部门较重行政处罚",
        ),
    ] {
        conditions.push(check(c, met, format!("{what}: {}", yes(met))));
    }
    if facts.basis_annulled {
        notes.push("the penalty the listing rests on was annulled: the listing must be revoked and its publicity stopped within 3 working days (令44 Art. 19), without application".to_owned());
    }
    let decision_working_days = Some(if on >= day(SAMR_2025_FROM) {
        provenance.push(ling107());
        notes.push("decision within 7 working days from 2025-12-25 (令107, press conference [S]) instead of 15 (令44 Art. 17)".to_owned());
        7
    } else {
        15
    });
    notes.push("after removal the publicity stops within 3 working days (令44 Art. 18)".to_owned());
    Ok(ListAssessment {
        list: record.list,
        provenance,
        last_day_listed,
        earliest_removal_application: earliest,
        decision_working_days,
        mandatory_removal: facts.basis_annulled,
        conditions,
        eligible_now: false,
        notes,
    })
}

/// 经营异常名录: removal once the duty of the listing's reason is fulfilled.
fn abnormal_operation(record: &ListRecord, facts: &ListFacts) -> Result<ListAssessment> {
    let mut notes = Vec::new();
    let mut conditions = Vec::new();
    let mut provenance = Vec::new();
    if record.listed_on < day(ABNORMAL_FROM) {
        return Err(too_early(record, ABNORMAL_FROM, "经营异常名录"));
    }
    let Some(reason) = record.abnormal_reason else {
        return Err(facts_invalid(
            "abnormal_reason",
            "an 经营异常名录 record needs the reason it was listed",
        ));
    };
    provenance.push(source(
        "企业信息公示暂行条例（2024年3月10日修订）",
        "第十八条",
        Verification::Verified,
        (2024, 5, 1),
    ));
    provenance.push(source(
        "企业经营异常名录管理暂行办法（原国家工商行政管理总局令第68号）; 国市监信规〔2021〕3号",
        "removal on fulfilment of the duty; decision within 5 working days (RULES R5.5)",
        Verification::Secondary,
        ABNORMAL_FROM,
    ));
    if reason == AbnormalReason::UnreachableAddress {
        provenance.push(source(
            "市场主体登记管理条例实施细则",
            "第二十条第二款",
            Verification::Verified,
            (2022, 3, 1),
        ));
        notes.push("listed as unreachable: an application for any other change registration must include the address change (实施细则 Art. 20 ¶2)".to_owned());
    }
    let earliest = Some(record.listed_on);
    conditions.push(check(
        RemovalCondition::DutyFulfilled,
        facts.duty_fulfilled,
        format!("{}: {}", reason.remedy(), yes(facts.duty_fulfilled)),
    ));
    notes.push(
        "no automatic removal and no minimum period: the listing lasts until the duty is fulfilled"
            .to_owned(),
    );
    notes.push("企业公示信息抽查办法 (2025) Art. 13 refers to a 《企业经营异常名录管理办法》 whose text was not seen [NF]; the 5 working days follow the 暂行办法 [S]".to_owned());
    let decision_working_days = Some(5);
    Ok(ListAssessment {
        list: record.list,
        provenance,
        last_day_listed: None,
        earliest_removal_application: earliest,
        decision_working_days,
        mandatory_removal: false,
        conditions,
        eligible_now: false,
        notes,
    })
}

/// Negative check results: repairable under 令107 once corrected.
fn negative_check_result(record: &ListRecord, facts: &ListFacts, on: NaiveDate) -> ListAssessment {
    let mut notes = Vec::new();
    let mut conditions = Vec::new();
    let mut provenance = Vec::new();
    let mut last_day_listed = None;
    provenance.push(ling107());
    let new_regime = day(SAMR_2025_FROM);
    let first = record.listed_on.max(new_regime);
    let earliest = Some(first);
    conditions.push(check(
        RemovalCondition::RegimeInForce,
        on >= new_regime,
        format!(
            "negative check results are repairable from {new_regime} (令107); assessed on {on}"
        ),
    ));
    if let Some(linked) = facts.linked_repaired_on {
        last_day_listed = Some(linked.pred_opt().unwrap_or(linked).max(record.listed_on));
        notes.push(format!("the penalty or listing this result led to was repaired on {linked}: the result stops with it (令107 [S])"));
        conditions.push(check(
            RemovalCondition::StillListed,
            on < linked,
            format!("stops with the linked repair on {linked}; assessed on {on}"),
        ));
    }
    conditions.push(check(
        RemovalCondition::Corrected,
        facts.corrected,
        format!("problem found corrected: {}", yes(facts.corrected)),
    ));
    if record.listed_on < new_regime {
        provenance.push(super::credit_repair::legislation_law());
        notes.push("recorded before 令107: not repairable under 3号; 令107's repair applies from 2025-12-25 only (从旧兼从轻)".to_owned());
    }
    notes.push("令107's periods and conditions for negative check results were not seen [S]: only correction is required here, and no minimum period or automatic stop is encoded".to_owned());
    ListAssessment {
        list: record.list,
        provenance,
        last_day_listed,
        earliest_removal_application: earliest,
        decision_working_days: None,
        mandatory_removal: false,
        conditions,
        eligible_now: false,
        notes,
    }
}
