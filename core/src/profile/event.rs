//! Enterprise events (一企一档): one typed record per thing that happened to an
//! enterprise, each with its date, its source system and a reference to the record it
//! comes from.
//!
//! The JSON shape (and the CSV columns, see [`crate::intake::EVENT_COLUMNS`]) is flat:
//! the common fields `uscc`, `date`, `kind`, `source`, optional `reference`, then the
//! fields of the kind. A field the kind does not have is refused
//! (`event_field_unexpected`), a field it needs and lacks is `event_field_missing`.

use chrono::NaiveDate;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::enforcement::credit_repair::{PenaltyKind, PenaltyRecord, Sector};
use crate::model::label::labelled_enum;
use crate::model::{CheckKind, CheckRecord, Uscc};
use crate::{Error, ProfileCode, Result};

labelled_enum! {
    /// The kind of an event; the JSON `kind` string, with the labels a spreadsheet may use.
    pub enum EventKind (ProfileCode::EventKindUnknown) {
        /// 设立登记 (the enterprise was established).
        Registered = "registered" ["设立登记", "成立", "登记成立"],
        /// 许可取得 (a licence was granted; `licence_no`, optional `expires`).
        LicenceGranted = "licence_granted" ["许可取得", "取得许可", "许可发放"],
        /// 许可变更/延续 (`licence_no`, optional new `expires`).
        LicenceChanged = "licence_changed" ["许可变更", "许可延续"],
        /// 许可注销/吊销 (`licence_no`).
        LicenceRevoked = "licence_revoked" ["许可注销", "许可吊销", "吊销许可"],
        /// 检查 (a visit; `check_kind`), also made from check history
        /// ([`ProfileEvent::from_check`]).
        Check = "check" ["检查"],
        /// 检查结果 (`result`: the standard result category of 随机抽查 results, as text).
        CheckOutcome = "check_outcome" ["检查结果"],
        /// 抽样检验 (`product`, optional `batch`, `passed`, `failed_items`).
        Sampling = "sampling" ["抽样检验", "抽检", "监督抽检"],
        /// 投诉举报 (optional `substantiated`: not yet known when absent).
        Complaint = "complaint" ["投诉举报", "投诉", "举报"],
        /// 列入经营异常名录 (`reason`).
        AbnormalListed = "abnormal_listed" ["列入经营异常名录", "列入经营异常"],
        /// 移出经营异常名录 (`reason`).
        AbnormalRemoved = "abnormal_removed" ["移出经营异常名录", "移出经营异常"],
        /// 列入严重违法失信名单 (`reason`).
        SeriousListed = "serious_violation_listed" ["列入严重违法失信名单"],
        /// 移出严重违法失信名单 (`reason`).
        SeriousRemoved = "serious_violation_removed" ["移出严重违法失信名单"],
        /// 行政处罚 (`decision_no`, `basis`; either `leniency` (不予处罚) or `penalties` and
        /// `sector`).
        Penalty = "penalty" ["行政处罚", "处罚"],
    }
}

labelled_enum! {
    /// Why a violation was not punished (行政处罚法 Art. 33).
    pub enum Leniency (ProfileCode::EventValueInvalid) {
        /// 首违不罚 (Art. 33 ¶1, second sentence).
        FirstOffence = "first_offence" ["首违不罚", "初次违法"],
        /// 轻微不罚 (Art. 33 ¶1, first sentence).
        Minor = "minor" ["轻微不罚", "轻微违法"],
    }
}

/// What happened, with the fields of its kind.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum EventDetail {
    /// 设立登记.
    Registered,
    /// A licence granted, changed (`expires` = the new end) or revoked.
    Licence {
        /// Granted, changed or revoked.
        kind: EventKind,
        /// 许可证编号.
        licence_no: String,
        /// Last day valid, when known.
        expires: Option<NaiveDate>,
    },
    /// A visit.
    Check {
        /// Why.
        check_kind: CheckKind,
    },
    /// The result of a visit, as the standard category text (e.g. 未发现问题).
    CheckOutcome {
        /// The category.
        result: String,
    },
    /// 抽样检验.
    Sampling {
        /// 产品名称.
        product: String,
        /// 批次.
        batch: Option<String>,
        /// 合格.
        passed: bool,
        /// 不合格项目.
        failed_items: Vec<String>,
    },
    /// 投诉举报.
    Complaint {
        /// 属实; `None` = not yet known.
        substantiated: Option<bool>,
    },
    /// A list entry or removal (经营异常名录, 严重违法失信名单).
    List {
        /// Which list and whether in or out.
        kind: EventKind,
        /// 列入/移出原因.
        reason: String,
    },
    /// 行政处罚 (or a decision not to punish).
    Penalty(Box<PenaltyEvent>),
}

/// An administrative penalty decision, or a decision not to punish (首违不罚/轻微不罚).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PenaltyEvent {
    /// 决定书文号.
    pub decision_no: String,
    /// 处罚依据.
    pub basis: String,
    /// Not punished, and why; then `record` is `None`.
    pub leniency: Option<Leniency>,
    /// The penalty as the credit-repair module reads it (decided on the event date).
    pub record: Option<PenaltyRecord>,
    /// 已履行处罚决定.
    pub duties_fulfilled: bool,
    /// 已消除危害后果.
    pub harm_eliminated: bool,
}

/// One event about one enterprise.
///
/// ```
/// use shuangsuiji::profile::{EventKind, ProfileEvent};
/// let e: ProfileEvent = serde_json::from_str(r#"{
///   "uscc": "91350100M000100Y43", "date": "2026-03-02", "kind": "sampling",
///   "source": "食品安全抽样检验信息系统", "reference": "SC-2026-0102",
///   "product": "酱油", "passed": false, "failed_items": ["菌落总数"]
/// }"#)?;
/// assert_eq!(e.kind(), EventKind::Sampling);
/// let back = serde_json::to_value(&e)?;
/// assert_eq!(back["failed_items"][0], "菌落总数");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileEvent {
    /// The enterprise.
    pub uscc: Uscc,
    /// When it happened (decision, listing, sampling, check date).
    pub date: NaiveDate,
    /// The source system (市场主体登记系统, 国家企业信用信息公示系统, 抽检系统 …).
    pub source: String,
    /// The record it comes from in that system (文号, 编号), when given.
    pub reference: Option<String>,
    /// What happened.
    pub detail: EventDetail,
}

impl ProfileEvent {
    /// The event's kind.
    ///
    /// ```
    /// use shuangsuiji::profile::{EventKind, ProfileEvent};
    /// let e = ProfileEvent::check_outcome("91350100M000100Y43".parse()?,
    ///     chrono::NaiveDate::from_ymd_opt(2026, 5, 6).unwrap(), "检查结果系统", "未发现问题");
    /// assert_eq!(e.kind(), EventKind::CheckOutcome);
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn kind(&self) -> EventKind {
        match &self.detail {
            EventDetail::Registered => EventKind::Registered,
            EventDetail::Licence { kind, .. } | EventDetail::List { kind, .. } => *kind,
            EventDetail::Check { .. } => EventKind::Check,
            EventDetail::CheckOutcome { .. } => EventKind::CheckOutcome,
            EventDetail::Sampling { .. } => EventKind::Sampling,
            EventDetail::Complaint { .. } => EventKind::Complaint,
            EventDetail::Penalty(_) => EventKind::Penalty,
        }
    }

    /// The visit of a check-history record as an event (source `check_history`,
    /// reference = the record's visit key). Several rows of one joint visit give equal
    /// events; [`events_from_history`] keeps one per visit.
    ///
    /// ```
    /// use shuangsuiji::profile::{EventKind, ProfileEvent};
    /// let r: shuangsuiji::model::CheckRecord = serde_json::from_str(r#"{
    ///   "task_id": "T1", "uscc": "91350100M000100Y43", "date": "2026-04-12",
    ///   "authority": {"id":"m","department":"market","level":"county","jurisdiction":"150581"},
    ///   "kind": "random"}"#).unwrap();
    /// assert_eq!(ProfileEvent::from_check(&r).kind(), EventKind::Check);
    /// ```
    #[must_use]
    pub fn from_check(record: &CheckRecord) -> Self {
        Self {
            uscc: record.uscc,
            date: record.date,
            source: "check_history".to_owned(),
            reference: Some(record.visit_key()),
            detail: EventDetail::Check {
                check_kind: record.kind,
            },
        }
    }

    /// The adapter point for inspection outcomes: one `check_outcome` event carrying the
    /// standard result category of 随机抽查 results as text (e.g. `未发现问题`,
    /// `发现问题已责令改正`). See [`CLEAN_RESULTS`] for the categories that count as no
    /// finding.
    ///
    /// ```
    /// use shuangsuiji::profile::ProfileEvent;
    /// let e = ProfileEvent::check_outcome("91350100M000100Y43".parse()?,
    ///     chrono::NaiveDate::from_ymd_opt(2026, 5, 6).unwrap(), "检查结果系统", "发现问题已责令改正");
    /// assert_eq!(serde_json::to_value(&e).unwrap()["result"], "发现问题已责令改正");
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn check_outcome(
        uscc: Uscc,
        date: NaiveDate,
        source: impl Into<String>,
        result: impl Into<String>,
    ) -> Self {
        Self {
            uscc,
            date,
            source: source.into(),
            reference: None,
            detail: EventDetail::CheckOutcome {
                result: result.into(),
            },
        }
    }
}

/// The result categories that count as "no finding" for `checks_with_findings`: 未发现问题
/// and 未发现开展本次抽查涉及的经营活动 (standard categories of 随机抽查 results on
/// 国家企业信用信息公示系统, issue #19 §3 \[S\]).
pub const CLEAN_RESULTS: &[&str] = &["未发现问题", "未发现开展本次抽查涉及的经营活动"];

/// One event per visit of the check history (rows with the same visit key are one
/// visit, [`CheckRecord::visit_key`]), sorted by date and reference.
///
/// ```
/// use shuangsuiji::profile::events_from_history;
/// let row = |dep: &str| -> shuangsuiji::model::CheckRecord { serde_json::from_value(serde_json::json!({
///     "task_id": "J-1", "uscc": "91350100M000100Y43", "date": "2026-04-01",
///     "authority": {"id": dep, "department": dep, "level": "county", "jurisdiction": "150581"},
///     "kind": "random"})).unwrap() };
/// assert_eq!(events_from_history(&[row("market"), row("ecology")]).len(), 1);
/// ```
#[must_use]
pub fn events_from_history(history: &[CheckRecord]) -> Vec<ProfileEvent> {
    let mut seen = std::collections::BTreeMap::new();
    for r in history {
        seen.entry(r.visit_key())
            .or_insert_with(|| ProfileEvent::from_check(r));
    }
    let mut v: Vec<ProfileEvent> = seen.into_values().collect();
    v.sort_by(|a, b| (a.date, &a.reference).cmp(&(b.date, &b.reference)));
    v
}

/// The source system named on the events made by [`events_from_outcomes`].
pub const OUTCOMES_SOURCE: &str = "双随机检查结果";

/// One `check_outcome` event per visit of an outcome set (an enterprise on a date: a
/// joint visit counts once, as in the yearly cap), so that recorded inspection results
/// flow into the profile (一企一档). The result is the Chinese term of the visit's first
/// finding that is not "no finding" ([`CLEAN_RESULTS`]) — departments by code, then items
/// in the record's order — or, when every finding is clean, of its first finding; the
/// reference is the task id. Records without findings make no event. Sorted by date and
/// USCC.
///
/// ```
/// use shuangsuiji::outcomes::OutcomeSet;
/// use shuangsuiji::profile::{events_from_outcomes, EventDetail};
/// let record = |dep: &str, category: &str| serde_json::json!({
///     "uscc": "91350100M000100Y43", "department": dep, "date": "2026-03-10",
///     "recorded_on": "2026-03-12", "officers": ["A1", "A2"],
///     "findings": [{"item_id": format!("{dep}.x"), "category": category}]});
/// let set: OutcomeSet = serde_json::from_value(serde_json::json!({
///     "task_id": "T-1", "window": {"first_day": "2026-03-02", "last_day": "2026-03-27"},
///     "records": [record("market", "no_problem"), record("fire", "pending_follow_up")]}))?;
/// let events = events_from_outcomes(&set);
/// assert_eq!(events.len(), 1); // one joint visit
/// assert_eq!(events[0].detail, EventDetail::CheckOutcome { result: "发现问题待后续处理".into() });
/// # Ok::<(), serde_json::Error>(())
/// ```
#[must_use]
pub fn events_from_outcomes(set: &crate::outcomes::OutcomeSet) -> Vec<ProfileEvent> {
    let mut visits: std::collections::BTreeMap<(NaiveDate, &Uscc), Vec<_>> =
        std::collections::BTreeMap::new();
    for r in &set.records {
        visits.entry((r.date, &r.uscc)).or_default().push(r);
    }
    visits
        .into_iter()
        .filter_map(|((date, uscc), mut records)| {
            records.sort_by(|a, b| a.department.cmp(&b.department));
            let labels: Vec<&str> = records
                .iter()
                .flat_map(|r| r.findings.iter().map(|f| f.category.label()))
                .collect();
            let result = labels
                .iter()
                .find(|l| !CLEAN_RESULTS.contains(l))
                .or_else(|| labels.first())?;
            let mut e = ProfileEvent::check_outcome(*uscc, date, OUTCOMES_SOURCE, *result);
            e.reference = Some(set.task_id.clone());
            Some(e)
        })
        .collect()
}

/// The flat JSON / CSV shape of an event: every field of every kind, optional.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventWire {
    pub(crate) uscc: Uscc,
    pub(crate) date: NaiveDate,
    pub(crate) kind: String,
    pub(crate) source: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) reference: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) licence_no: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) expires: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) check_kind: Option<CheckKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) result: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) product: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) batch: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) passed: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) failed_items: Option<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) substantiated: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) decision_no: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) basis: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) leniency: Option<Leniency>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) penalties: Option<Vec<PenaltyKind>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) fine_fen: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) published_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) sector: Option<Sector>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) duties_fulfilled: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) harm_eliminated: Option<bool>,
}

/// The optional fields of the wire shape, by name, and whether each is set.
fn set_fields(w: &EventWire) -> [(&'static str, bool); 18] {
    [
        ("licence_no", w.licence_no.is_some()),
        ("expires", w.expires.is_some()),
        ("check_kind", w.check_kind.is_some()),
        ("result", w.result.is_some()),
        ("product", w.product.is_some()),
        ("batch", w.batch.is_some()),
        ("passed", w.passed.is_some()),
        ("failed_items", w.failed_items.is_some()),
        ("substantiated", w.substantiated.is_some()),
        ("reason", w.reason.is_some()),
        ("decision_no", w.decision_no.is_some()),
        ("basis", w.basis.is_some()),
        ("leniency", w.leniency.is_some()),
        ("penalties", w.penalties.is_some()),
        ("fine_fen", w.fine_fen.is_some()),
        ("published_on", w.published_on.is_some()),
        ("sector", w.sector.is_some()),
        (
            "duties_fulfilled",
            w.duties_fulfilled.is_some() || w.harm_eliminated.is_some(),
        ),
    ]
}

/// The optional fields each kind may carry.
fn allowed(kind: EventKind) -> &'static [&'static str] {
    match kind {
        EventKind::Registered => &[],
        EventKind::LicenceGranted | EventKind::LicenceChanged => &["licence_no", "expires"],
        EventKind::LicenceRevoked => &["licence_no"],
        EventKind::Check => &["check_kind"],
        EventKind::CheckOutcome => &["result"],
        EventKind::Sampling => &["product", "batch", "passed", "failed_items"],
        EventKind::Complaint => &["substantiated"],
        EventKind::AbnormalListed
        | EventKind::AbnormalRemoved
        | EventKind::SeriousListed
        | EventKind::SeriousRemoved => &["reason"],
        EventKind::Penalty => &[
            "decision_no",
            "basis",
            "leniency",
            "penalties",
            "fine_fen",
            "published_on",
            "sector",
            "duties_fulfilled",
        ],
    }
}

fn missing(kind: EventKind, field: &str) -> Error {
    Error::new(
        ProfileCode::EventFieldMissing,
        format!("a {kind} event needs {field}"),
    )
    .with_field(field)
    .with_detail("kind", kind.as_str())
}

fn need<T>(kind: EventKind, field: &str, v: Option<T>) -> Result<T> {
    v.ok_or_else(|| missing(kind, field))
}

fn need_text(kind: EventKind, field: &str, v: Option<String>) -> Result<String> {
    match v {
        Some(t) if !t.trim().is_empty() => Ok(t),
        _ => Err(missing(kind, field)),
    }
}

impl TryFrom<EventWire> for ProfileEvent {
    type Error = Error;

    fn try_from(w: EventWire) -> Result<Self> {
        let kind = EventKind::from_label(&w.kind).map_err(|e| e.with_field("kind"))?;
        for (field, set) in set_fields(&w) {
            if set && !allowed(kind).contains(&field) {
                let field = if field == "duties_fulfilled" && w.duties_fulfilled.is_none() {
                    "harm_eliminated"
                } else {
                    field
                };
                return Err(Error::new(
                    ProfileCode::EventFieldUnexpected,
                    format!("a {kind} event has no field {field}"),
                )
                .with_field(field)
                .with_detail("kind", kind.as_str()));
            }
        }
        if w.source.trim().is_empty() {
            return Err(missing(kind, "source"));
        }
        let (uscc, date, source, reference) =
            (w.uscc, w.date, w.source.clone(), w.reference.clone());
        let detail = match kind {
            EventKind::Registered => EventDetail::Registered,
            EventKind::LicenceGranted | EventKind::LicenceChanged | EventKind::LicenceRevoked => {
                EventDetail::Licence {
                    kind,
                    licence_no: need_text(kind, "licence_no", w.licence_no)?,
                    expires: w.expires,
                }
            }
            EventKind::Check => EventDetail::Check {
                check_kind: need(kind, "check_kind", w.check_kind)?,
            },
            EventKind::CheckOutcome => EventDetail::CheckOutcome {
                result: need_text(kind, "result", w.result)?,
            },
            EventKind::Sampling => {
                let passed = need(kind, "passed", w.passed)?;
                let failed_items = w.failed_items.unwrap_or_default();
                if passed && !failed_items.is_empty() {
                    return Err(Error::new(
                        ProfileCode::EventValueInvalid,
                        "a passed sampling lists failed items",
                    )
                    .with_field("failed_items"));
                }
                EventDetail::Sampling {
                    product: need_text(kind, "product", w.product)?,
                    batch: w.batch,
                    passed,
                    failed_items,
                }
            }
            EventKind::Complaint => EventDetail::Complaint {
                substantiated: w.substantiated,
            },
            EventKind::AbnormalListed
            | EventKind::AbnormalRemoved
            | EventKind::SeriousListed
            | EventKind::SeriousRemoved => EventDetail::List {
                kind,
                reason: need_text(kind, "reason", w.reason)?,
            },
            EventKind::Penalty => penalty(w, kind)?,
        };
        Ok(Self {
            uscc,
            date,
            source,
            reference,
            detail,
        })
    }
}

fn penalty(w: EventWire, kind: EventKind) -> Result<EventDetail> {
    let decision_no = need_text(kind, "decision_no", w.decision_no)?;
    let basis = need_text(kind, "basis", w.basis)?;
    let record = if w.leniency.is_some() {
        for (field, set) in [
            ("penalties", w.penalties.is_some()),
            ("fine_fen", w.fine_fen.is_some()),
            ("published_on", w.published_on.is_some()),
        ] {
            if set {
                return Err(Error::new(
                    ProfileCode::EventValueInvalid,
                    format!("a decision not to punish (leniency) has no {field}"),
                )
                .with_field(field));
            }
        }
        None
    } else {
        let penalties = need(kind, "penalties", w.penalties)?;
        if penalties.is_empty() {
            return Err(missing(kind, "penalties"));
        }
        Some(PenaltyRecord {
            decided_on: w.date,
            published_on: w.published_on,
            penalties,
            simple_procedure: false,
            fine_fen: w.fine_fen,
            sector: need(kind, "sector", w.sector)?,
            restriction_months: None,
            class: None,
        })
    };
    Ok(EventDetail::Penalty(Box::new(PenaltyEvent {
        decision_no,
        basis,
        leniency: w.leniency,
        record,
        duties_fulfilled: w.duties_fulfilled.unwrap_or(false),
        harm_eliminated: w.harm_eliminated.unwrap_or(false),
    })))
}

impl From<&ProfileEvent> for EventWire {
    fn from(e: &ProfileEvent) -> Self {
        let mut w = Self {
            uscc: e.uscc,
            date: e.date,
            kind: e.kind().as_str().to_owned(),
            source: e.source.clone(),
            reference: e.reference.clone(),
            ..Self::default_for(e)
        };
        match &e.detail {
            EventDetail::Registered => {}
            EventDetail::Licence {
                licence_no,
                expires,
                ..
            } => {
                w.licence_no = Some(licence_no.clone());
                w.expires = *expires;
            }
            EventDetail::Check { check_kind } => w.check_kind = Some(*check_kind),
            EventDetail::CheckOutcome { result } => w.result = Some(result.clone()),
            EventDetail::Sampling {
                product,
                batch,
                passed,
                failed_items,
            } => {
                w.product = Some(product.clone());
                w.batch.clone_from(batch);
                w.passed = Some(*passed);
                w.failed_items = (!failed_items.is_empty()).then(|| failed_items.clone());
            }
            EventDetail::Complaint { substantiated } => w.substantiated = *substantiated,
            EventDetail::List { reason, .. } => w.reason = Some(reason.clone()),
            EventDetail::Penalty(p) => {
                w.decision_no = Some(p.decision_no.clone());
                w.basis = Some(p.basis.clone());
                w.leniency = p.leniency;
                if let Some(r) = &p.record {
                    w.penalties = Some(r.penalties.clone());
                    w.fine_fen = r.fine_fen;
                    w.published_on = r.published_on;
                    w.sector = Some(r.sector);
                }
                w.duties_fulfilled = p.duties_fulfilled.then_some(true);
                w.harm_eliminated = p.harm_eliminated.then_some(true);
            }
        }
        w
    }
}

impl EventWire {
    fn default_for(e: &ProfileEvent) -> Self {
        Self {
            uscc: e.uscc,
            date: e.date,
            kind: String::new(),
            source: String::new(),
            reference: None,
            licence_no: None,
            expires: None,
            check_kind: None,
            result: None,
            product: None,
            batch: None,
            passed: None,
            failed_items: None,
            substantiated: None,
            reason: None,
            decision_no: None,
            basis: None,
            leniency: None,
            penalties: None,
            fine_fen: None,
            published_on: None,
            sector: None,
            duties_fulfilled: None,
            harm_eliminated: None,
        }
    }
}

impl Serialize for ProfileEvent {
    fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        EventWire::from(self).serialize(s)
    }
}

impl<'de> Deserialize<'de> for ProfileEvent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let w = EventWire::deserialize(d)?;
        Self::try_from(w).map_err(Error::into_de_with_field)
    }
}
