//! Credit repair (信用修复) of market-regulation penalty information: publicity period,
//! earliest repair date and every condition.
//!
//! # Which regime
//!
//! The regime **in force when the penalty was published** governs (from the decision date
//! when no publication date is given): 立法法 Art. 104 — 规章不溯及既往 \[R: text recalled,
//! not among the bundled laws\]. Its exception (为了更好地保护…权利和利益而作的特别规定,
//! 从旧兼从轻) is applied as the issue #15 brief asks: when a later regime is in force on
//! the assessment date and its periods are shorter, they apply **from its effective date
//! only** — information 令107 would have stopped before 2025-12-25 is shown until
//! 2025-12-24, and an application it allows earlier can be made from 2025-12-25. 令107's
//! own transitional provisions were not seen \[NF\]. [`RepairAssessment::terms`] reports
//! each regime's own dates (the 令45 vs 令107 comparison); the vectors in
//! `tests/vectors/credit_repair/cases.json` tabulate it.
//!
//! # Regimes
//!
//! * **`samr_2021`**, 2021-09-01 … 2025-12-24:
//!   * 《市场监督管理行政处罚信息公示规定》 (SAMR 令45, in force 2021-09-01) \[V\]:
//!     Art. 2 publishes 普通程序 decisions only, and ¶2 仅受到警告的不予公示; Art. 13 通报批评 or 较低数额罚款 → stop 3 months
//!     after publication, others 3 years, 限制开展生产经营活动/限制从业 > 3 years → the
//!     restriction period; Art. 14 early stop when (一) duties fulfilled, (二) harm
//!     eliminated, (三) no repeat of the same type, (四) not on 经营异常名录 /
//!     严重违法失信名单, and never for 责令停产停业、限制开展生产经营活动、限制从业、降低资质
//!     等级、吊销许可证件、吊销营业执照.
//!   * 《市场监督管理信用修复管理办法》 国市监信规〔2021〕3号 (2021-09-01 … 2025-12-24) \[S\]:
//!     application after **6 months** of publicity, **1 year** for 食品、药品、特种设备.
//!     The "较低数额" threshold is set by provincial AMRs: pass it in [`RepairPolicy`].
//! * **`samr_2025`**, from 2025-12-25: SAMR 令107 《市场监督管理信用修复管理办法》 [S — article
//!   text not seen]: 轻微 — warnings not published, others stop automatically after
//!   3 months, no application; 一般 — apply after 3 months, stop at 1 year; 严重 — apply
//!   after 1 year, stop at 3 years. 令45 Art. 14's conditions and no-repair list are kept
//!   (no amendment of 令45 was found \[NF\]); the class follows [`PenaltyRecord::class`],
//!   or, when absent, a preset by analogy with the NDRC 2025 draft \[S\].
//!
//! Periods run from the publication date (from the decision date when not given, with a
//! note) in months per 民法典 Art. 202. The publicity's last day is the corresponding
//! day; the earliest application day is the day after the minimum period ends.
//!
//! Tested by `core/tests/all/enforcement_credit_repair.rs` (vectors in `tests/vectors/credit_repair/`).

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::facts::months_after;
use crate::model::{Provenance, Verification};
use crate::{EnforcementCode, Error, Result};

/// A kind of administrative penalty (行政处罚法 Art. 9).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum PenaltyKind {
    /// 警告.
    Warning,
    /// 通报批评.
    CircularCriticism,
    /// 罚款 (amount in [`PenaltyRecord::fine_fen`]).
    Fine,
    /// 没收违法所得、没收非法财物.
    Confiscation,
    /// 暂扣许可证件.
    LicenceSuspension,
    /// 降低资质等级.
    QualificationDowngrade,
    /// 吊销许可证件.
    LicenceRevocation,
    /// 吊销营业执照.
    BusinessLicenceRevocation,
    /// 责令停产停业.
    ProductionSuspension,
    /// 限制开展生产经营活动.
    BusinessRestriction,
    /// 限制从业.
    PractitionerRestriction,
    /// 责令关闭.
    Closure,
}

impl PenaltyKind {
    /// Penalties whose publication can never be stopped early (令45 Art. 14 ¶3).
    #[must_use]
    pub const fn blocks_early_stop(self) -> bool {
        matches!(
            self,
            Self::ProductionSuspension
                | Self::BusinessRestriction
                | Self::PractitionerRestriction
                | Self::QualificationDowngrade
                | Self::LicenceRevocation
                | Self::BusinessLicenceRevocation
        )
    }
}

/// Sector of the penalty (3号: 1-year minimum for food, drugs, special equipment).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sector {
    /// 食品.
    Food,
    /// 药品.
    Drug,
    /// 特种设备.
    SpecialEquipment,
    /// Anything else.
    Other,
}

/// 令107 classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SeverityClass {
    /// 轻微.
    Minor,
    /// 一般.
    General,
    /// 严重.
    Serious,
}

/// A published penalty.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PenaltyRecord {
    /// Date of the decision.
    pub decided_on: NaiveDate,
    /// Date of publication on the national system.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published_on: Option<NaiveDate>,
    /// Every penalty kind in the decision.
    pub penalties: Vec<PenaltyKind>,
    /// Decided under the simple procedure (简易程序, 行政处罚法 Art. 51): not published
    /// (令45 Art. 2 ¶1 publishes 普通程序 decisions only).
    #[serde(default)]
    pub simple_procedure: bool,
    /// The fine, fen (when `penalties` holds `fine`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub fine_fen: Option<u64>,
    /// Sector.
    pub sector: Sector,
    /// Length of a 限制开展生产经营活动 / 限制从业, months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub restriction_months: Option<u32>,
    /// 令107 class, as decided by the authority; `None` = use the preset.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<SeverityClass>,
}

/// The party's situation when it applies.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RepairFacts {
    /// 已经自觉履行行政处罚决定中规定的义务.
    pub duties_fulfilled: bool,
    /// 已经主动消除危害后果和不良影响.
    pub harm_eliminated: bool,
    /// 因同一类违法行为再次受到行政处罚.
    pub repeated_same_type: bool,
    /// 在经营异常名录中.
    pub on_abnormal_list: bool,
    /// 在严重违法失信名单中.
    pub on_serious_list: bool,
}

/// Local presets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct RepairPolicy {
    /// 较低数额罚款: fines up to this amount (fen) count as low (令45 Art. 13 ¶2: set by
    /// the provincial AMR). `None` = no fine counts as low.
    pub low_fine_max_fen: Option<u64>,
}

/// Which regime applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Regime {
    /// 令45 + 国市监信规〔2021〕3号.
    Samr2021,
    /// 令107 (+ 令45 Art. 14).
    Samr2025,
}

/// A repair condition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RepairCondition {
    /// The information is published at all.
    Published,
    /// The minimum period has passed on the assessment date.
    MinimumPeriodReached,
    /// The publicity has not ended by the assessment date (once it has, there is nothing
    /// left to stop early).
    StillShown,
    /// No penalty in the decision blocks early stop.
    PenaltyTypeRepairable,
    /// 令45 Art. 14 (一).
    DutiesFulfilled,
    /// (二).
    HarmEliminated,
    /// (三).
    NoRepeatSameType,
    /// (四) 经营异常名录.
    NotOnAbnormalList,
    /// (四) 严重违法失信名单.
    NotOnSeriousList,
}

/// One checked repair condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairCheck {
    /// The condition.
    pub condition: RepairCondition,
    /// Whether it holds.
    pub met: bool,
    /// Evidence.
    pub evidence: String,
}

/// The assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RepairAssessment {
    /// The regime in force when the penalty was published (or decided, when no
    /// publication date is given): the one that governs.
    pub regime: Regime,
    /// A later regime whose more favourable terms apply from its effective date
    /// (从旧兼从轻); `None` when the governing regime's terms stand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub favourable_terms: Option<Regime>,
    /// Its sources.
    pub provenance: Vec<Provenance>,
    /// Whether the information is published.
    pub published: bool,
    /// The day the periods count from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<NaiveDate>,
    /// Last day shown (the publicity stops after it).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicity_last_day: Option<NaiveDate>,
    /// First day an application for early stop (repair) may be made; `None` when none can.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_repair_application: Option<NaiveDate>,
    /// Each regime's own dates for this record (the governing one first, then the one in
    /// force on the assessment date if different): the 令45 vs 令107 comparison.
    pub terms: Vec<RegimeTerms>,
    /// Every condition.
    pub conditions: Vec<RepairCheck>,
    /// Every condition holds on the assessment date.
    pub eligible_now: bool,
    /// Notes.
    pub notes: Vec<String>,
}

/// Start of 令107.
pub(crate) const SAMR_2025_FROM: (i32, u32, u32) = (2025, 12, 25);
/// Start of 令45 / 3号.
const SAMR_2021_FROM: (i32, u32, u32) = (2021, 9, 1);

fn date(t: (i32, u32, u32)) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(t.0, t.1, t.2)
}

fn prov(
    document: &str,
    article: &str,
    v: Verification,
    from: (i32, u32, u32),
    to: Option<(i32, u32, u32)>,
) -> Provenance {
    Provenance {
        document: document.to_owned(),
        article: Some(article.to_owned()),
        verification: v,
        effective_from: date(from),
        effective_to: to.and_then(date),
        note: None,
    }
}

/// The regime in force on `on`.
///
/// # Errors
/// `regime_unknown` before 2021-09-01.
pub fn regime_on(on: NaiveDate) -> Result<Regime> {
    if date(SAMR_2025_FROM).is_some_and(|d| on >= d) {
        Ok(Regime::Samr2025)
    } else if date(SAMR_2021_FROM).is_some_and(|d| on >= d) {
        Ok(Regime::Samr2021)
    } else {
        Err(Error::new(
            EnforcementCode::RegimeUnknown,
            format!("no credit-repair regime is bundled for {on} (before 2021-09-01)"),
        )
        .with_value(on.to_string()))
    }
}

fn preset_class(r: &PenaltyRecord, policy: &RepairPolicy) -> SeverityClass {
    let serious = r.penalties.iter().any(|p| {
        matches!(
            p,
            PenaltyKind::LicenceRevocation
                | PenaltyKind::BusinessLicenceRevocation
                | PenaltyKind::BusinessRestriction
                | PenaltyKind::ProductionSuspension
                | PenaltyKind::Closure
                | PenaltyKind::PractitionerRestriction
        )
    });
    if serious {
        SeverityClass::Serious
    } else if only_light(r, policy) {
        SeverityClass::Minor
    } else {
        SeverityClass::General
    }
}

/// Only warnings, 通报批评 and low fines.
fn only_light(r: &PenaltyRecord, policy: &RepairPolicy) -> bool {
    !r.penalties.is_empty()
        && r.penalties.iter().all(|p| match p {
            PenaltyKind::Warning | PenaltyKind::CircularCriticism => true,
            PenaltyKind::Fine => matches!(
                (r.fine_fen, policy.low_fine_max_fen),
                (Some(f), Some(max)) if f <= max
            ),
            _ => false,
        })
}

/// What one regime says about a record: the table row of 令45 vs 令107.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegimeTerms {
    /// The regime.
    pub regime: Regime,
    /// Whether it publishes the information.
    pub published: bool,
    /// Last day shown under this regime alone (its own periods from the publication).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publicity_last_day: Option<NaiveDate>,
    /// First application day under this regime alone; `None` when it allows none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub earliest_repair_application: Option<NaiveDate>,
    /// The first day this regime's terms can take effect for this record: its own
    /// effective date when it came after the publication (立法法 Art. 104), else the
    /// publication.
    pub applies_from: NaiveDate,
}

/// One regime's periods for a record: sources, published, months to the last day
/// shown, minimum months before an application (`None` = no application: the
/// publicity simply stops at its end).
struct Periods {
    provenance: Vec<Provenance>,
    published: bool,
    total_months: u32,
    min_months: Option<u32>,
}

fn ling45(article: &str) -> Provenance {
    prov(
        "市场监督管理行政处罚信息公示规定（总局令第45号）",
        article,
        Verification::Verified,
        SAMR_2021_FROM,
        None,
    )
}

fn restriction_total(record: &PenaltyRecord) -> u32 {
    match record.restriction_months {
        Some(m) if m > 36 => m,
        _ => 36,
    }
}

fn periods(
    regime: Regime,
    record: &PenaltyRecord,
    policy: &RepairPolicy,
    notes: &mut Vec<String>,
) -> Periods {
    let only_warnings =
        record.simple_procedure || record.penalties.iter().all(|p| *p == PenaltyKind::Warning);
    let (provenance, published, total_months, min_months) = match regime {
        Regime::Samr2021 => {
            let p = vec![
                ling45("第二条、第十三条、第十四条"),
                prov(
                    "市场监督管理信用修复管理办法（国市监信规〔2021〕3号）",
                    "penalty-information repair",
                    Verification::Secondary,
                    SAMR_2021_FROM,
                    Some((2025, 12, 24)),
                ),
            ];
            if only_warnings {
                (p, false, 0, None)
            } else if only_light(record, policy) {
                (p, true, 3, None)
            } else {
                let min = match record.sector {
                    Sector::Food | Sector::Drug | Sector::SpecialEquipment => 12,
                    Sector::Other => 6,
                };
                (p, true, restriction_total(record), Some(min))
            }
        }
        Regime::Samr2025 => {
            let p = vec![
                prov(
                    "市场监督管理信用修复管理办法（总局令第107号）",
                    "classes and periods (article numbers not seen)",
                    Verification::Secondary,
                    SAMR_2025_FROM,
                    None,
                ),
                ling45("第十四条"),
            ];
            let class = record.class.unwrap_or_else(|| {
                notes.push(
                    "令107 class not given: preset by analogy with the NDRC 2025 draft [S]"
                        .to_owned(),
                );
                preset_class(record, policy)
            });
            match class {
                SeverityClass::Minor if only_warnings => (p, false, 0, None),
                SeverityClass::Minor => (p, true, 3, None),
                SeverityClass::General => (p, true, 12, Some(3)),
                SeverityClass::Serious => (p, true, restriction_total(record), Some(12)),
            }
        }
    };
    Periods {
        provenance,
        published,
        total_months,
        min_months,
    }
}

/// A regime's own dates for a record published (or decided) on `start`.
fn terms_of(regime: Regime, p: &Periods, start: NaiveDate) -> Result<RegimeTerms> {
    let regime_from = match regime {
        Regime::Samr2021 => date(SAMR_2021_FROM),
        Regime::Samr2025 => date(SAMR_2025_FROM),
    };
    let (last, earliest) = if p.published {
        let last = months_after(start, p.total_months)?;
        let earliest = match p.min_months {
            Some(m) => Some(super::calendar::succ(months_after(start, m)?)?),
            None => None,
        };
        (Some(last), earliest)
    } else {
        (None, None)
    };
    Ok(RegimeTerms {
        regime,
        published: p.published,
        publicity_last_day: last,
        earliest_repair_application: earliest,
        applies_from: regime_from.map_or(start, |f| f.max(start)),
    })
}

/// 立法法 (2023 revision) Art. 104: no retroactivity, except special provisions that
/// better protect the rights of citizens and organisations (从旧兼从轻).
pub(crate) fn legislation_law() -> Provenance {
    Provenance {
        document: "中华人民共和国立法法（2023年3月13日修正）".to_owned(),
        article: Some("第一百零四条".to_owned()),
        verification: Verification::Recalled,
        effective_from: NaiveDate::from_ymd_opt(2023, 3, 15),
        effective_to: None,
        note: Some(
            "法律、行政法规、地方性法规、自治条例和单行条例、规章不溯及既往，但为了更好地保护公民、法人和其他组织的权利和利益而作的特别规定除外。 (text not among the bundled laws)"
                .to_owned(),
        ),
    }
}

/// Assesses a penalty record on `on` (the application or assessment date).
///
/// The regime is the one **in force when the penalty was published** (from the decision
/// date when no publication date is given): 立法法 Art. 104, rules do not reach back.
/// When a later regime is in force on `on` and is more favourable to the party (从旧兼
/// 从轻), its shorter publicity and earlier application apply, **but never before its own
/// effective date**: information 令107 would have stopped before 2025-12-25 is shown until
/// 2025-12-24, and an application it would have allowed earlier can be made from
/// 2025-12-25. Every regime's own dates are reported in [`RepairAssessment::terms`].
///
/// # Errors
/// `regime_unknown` for a record published (or decided) before 2021-09-01;
/// `facts_invalid` when the record has no penalty, a fine without amount, or a
/// publication before the decision.
///
/// ```
/// use chrono::NaiveDate;
/// use shuangsuiji::enforcement::credit_repair::*;
/// let rec: PenaltyRecord = serde_json::from_str(r#"{
///   "decided_on": "2024-03-01", "published_on": "2024-03-15",
///   "penalties": ["fine", "confiscation"], "fine_fen": 5000000, "sector": "food"
/// }"#).unwrap();
/// let facts = RepairFacts { duties_fulfilled: true, harm_eliminated: true, ..Default::default() };
/// let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
/// let a = assess(&rec, &facts, &RepairPolicy::default(), day(2025, 4, 1))?;
/// assert_eq!(a.regime, Regime::Samr2021);
/// assert_eq!(a.earliest_repair_application, Some(day(2025, 3, 16))); // 1 year (food)
/// assert!(a.eligible_now);
/// // Assessed once 令107 is in force: its 1-year publicity would have ended on
/// // 2025-03-15, before 令107 existed, so the publicity stops when 令107 takes effect.
/// let b = assess(&rec, &facts, &RepairPolicy::default(), day(2025, 12, 25))?;
/// assert_eq!(b.regime, Regime::Samr2021);
/// assert_eq!(b.favourable_terms, Some(Regime::Samr2025));
/// assert_eq!(b.publicity_last_day, Some(day(2025, 12, 24)));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn assess(
    record: &PenaltyRecord,
    facts: &RepairFacts,
    policy: &RepairPolicy,
    on: NaiveDate,
) -> Result<RepairAssessment> {
    check_record(record)?;
    let mut notes = Vec::new();
    let start = record.published_on.unwrap_or_else(|| {
        notes.push("publication date not given: periods counted from the decision date".to_owned());
        record.decided_on
    });
    let regime = regime_on(start).map_err(|e| e.with_field("published_on"))?;
    let blocking: Vec<PenaltyKind> = record
        .penalties
        .iter()
        .copied()
        .filter(|p| p.blocks_early_stop())
        .collect();
    let governing = periods(regime, record, policy, &mut notes);
    let mut provenance = governing.provenance.clone();
    let published = governing.published;
    let mut terms = vec![terms_of(regime, &governing, start)?];
    // A later regime in force on the assessment date, applied only where lighter and
    // only from its effective date.
    let later = regime_on(on).ok().filter(|r| *r != regime && on >= start);
    let mut publicity_last_day = terms[0].publicity_last_day;
    let mut earliest = terms[0].earliest_repair_application;
    let mut favourable_terms = None;
    if let Some(new) = later {
        let p = periods(new, record, policy, &mut notes);
        let t = terms_of(new, &p, start)?;
        let from = t.applies_from;
        let day_before = from.pred_opt().unwrap_or(from);
        let new_last = t.publicity_last_day.map(|d| d.max(day_before));
        let new_earliest = t.earliest_repair_application.map(|d| d.max(from));
        let mut lighter = false;
        if let (Some(old), Some(n)) = (publicity_last_day, new_last) {
            if n < old {
                publicity_last_day = Some(n);
                lighter = true;
            }
        }
        if let Some(n) = new_earliest {
            if earliest.is_none_or(|old| n < old) {
                earliest = Some(n);
                lighter = true;
            }
        }
        if lighter {
            favourable_terms = Some(new);
            provenance.extend(p.provenance);
            provenance.push(legislation_law());
            notes.push(format!(
                "published under {regime:?}; {new:?} (in force from {from}) is more favourable and applies from {from} only (从旧兼从轻, 立法法 Art. 104); 令107's own transitional provisions were not seen [S]"
            ));
        }
        terms.push(t);
    }
    // An application after the publicity has ended has nothing left to stop.
    if let (Some(e), Some(l)) = (earliest, publicity_last_day) {
        if e > l {
            earliest = None;
        }
    }
    let mut conditions = vec![published_check(record, published, start)];
    if published {
        conditions.extend(period_checks(earliest, publicity_last_day, on));
        conditions.push(penalty_type_check(&blocking));
        if !blocking.is_empty() {
            earliest = None;
        }
        conditions.extend(fact_checks(facts));
    }
    if (regime == Regime::Samr2025 || favourable_terms.is_some()) && !blocking.is_empty() {
        notes.push("令107 lets 严重 information be repaired after 1 year, but 令45 Art. 14 ¶3 (no amendment found) forbids early stop for these penalties; confirm against the 令107 text".to_owned());
    }
    let eligible_now = published && earliest.is_some() && conditions.iter().all(|c| c.met);
    Ok(RepairAssessment {
        regime,
        favourable_terms,
        provenance,
        published,
        period_start: published.then_some(start),
        publicity_last_day: if published { publicity_last_day } else { None },
        earliest_repair_application: earliest,
        terms,
        conditions,
        eligible_now,
        notes,
    })
}

/// The record's own consistency: at least one penalty, a fine with its amount, not
/// published before the decision.
fn check_record(record: &PenaltyRecord) -> Result<()> {
    let bad = |field: &str, msg: &str| {
        Err(Error::new(EnforcementCode::FactsInvalid, msg.to_owned()).with_field(field))
    };
    if record.penalties.is_empty() {
        return bad("penalties", "a penalty record needs at least one penalty");
    }
    if record.penalties.contains(&PenaltyKind::Fine) && record.fine_fen.is_none() {
        return bad("fine_fen", "a fine needs its amount");
    }
    if record.published_on.is_some_and(|p| p < record.decided_on) {
        return bad("published_on", "published before the decision");
    }
    Ok(())
}

/// Condition `Published` (令45 Art. 2: 普通程序 decisions other than a warning alone).
fn published_check(record: &PenaltyRecord, published: bool, start: NaiveDate) -> RepairCheck {
    RepairCheck {
        condition: RepairCondition::Published,
        met: published,
        evidence: if published {
            format!("published; periods from {start}")
        } else if record.simple_procedure {
            "简易程序 decisions are not published (令45 Art. 2 ¶1: 普通程序 only)".to_owned()
        } else {
            "仅受到警告的不予公示 (令45 Art. 2 ¶2)".to_owned()
        },
    }
}

/// Conditions `MinimumPeriodReached` and (while the publicity has a last day)
/// `StillShown` on the assessment date.
fn period_checks(
    earliest: Option<NaiveDate>,
    publicity_last_day: Option<NaiveDate>,
    on: NaiveDate,
) -> Vec<RepairCheck> {
    let mut out = vec![match earliest {
        Some(first) => RepairCheck {
            condition: RepairCondition::MinimumPeriodReached,
            met: on >= first,
            evidence: format!("application from {first}; assessed on {on}"),
        },
        None => RepairCheck {
            condition: RepairCondition::MinimumPeriodReached,
            met: false,
            evidence: format!(
                "no application: publicity stops by itself after {}",
                publicity_last_day.map_or_else(String::new, |d| d.to_string())
            ),
        },
    }];
    if let Some(last) = publicity_last_day {
        out.push(RepairCheck {
            condition: RepairCondition::StillShown,
            met: on <= last,
            evidence: format!("last day shown {last}; assessed on {on}"),
        });
    }
    out
}

/// Condition `PenaltyTypeRepairable` (令45 Art. 14 ¶3).
fn penalty_type_check(blocking: &[PenaltyKind]) -> RepairCheck {
    RepairCheck {
        condition: RepairCondition::PenaltyTypeRepairable,
        met: blocking.is_empty(),
        evidence: if blocking.is_empty() {
            "no penalty of 令45 Art. 14 ¶3".to_owned()
        } else {
            format!("令45 Art. 14 ¶3 forbids early stop for {blocking:?}")
        },
    }
}

/// The conditions on the enterprise's own conduct (令45 Art. 14 (一)–(四)).
fn fact_checks(f: &RepairFacts) -> impl Iterator<Item = RepairCheck> {
    [
        (
            RepairCondition::DutiesFulfilled,
            f.duties_fulfilled,
            "已经自觉履行行政处罚决定中规定的义务",
        ),
        (
            RepairCondition::HarmEliminated,
            f.harm_eliminated,
            "已经主动消除危害后果和不良影响",
        ),
        (
            RepairCondition::NoRepeatSameType,
            !f.repeated_same_type,
            "未因同一类违法行为再次受到行政处罚",
        ),
        (
            RepairCondition::NotOnAbnormalList,
            !f.on_abnormal_list,
            "未在经营异常名录中",
        ),
        (
            RepairCondition::NotOnSeriousList,
            !f.on_serious_list,
            "未在严重违法失信名单中",
        ),
    ]
    .into_iter()
    .map(|(condition, met, what)| RepairCheck {
        condition,
        met,
        evidence: format!("{what}: {}", if met { "yes" } else { "no" }),
    })
}
