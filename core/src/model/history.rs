//! Check history: who checked which enterprise, when, which items, under which task.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::label::labelled_enum;
use super::{Authority, InspectorId, ItemId, Uscc};
use crate::ModelCode;

labelled_enum! {
    /// Why a check happened. Only `random` (and `special`) checks are planned
    /// inspections; the others are the 个案检查 categories that local rules usually
    /// exempt from yearly caps (see RULES.md §7; the list follows the 卫健 2025 template).
    pub enum CheckKind (ModelCode::CheckKindUnknown) {
        /// 双随机抽查 (including joint random checks).
        Random = "random" ["双随机", "双随机抽查", "随机抽查", "联合抽查", "部门联合双随机"],
        /// 专项检查 / 重点检查 planned outside the random draw.
        Special = "special" ["专项检查", "重点检查"],
        /// 投诉举报核查.
        Complaint = "complaint" ["投诉举报", "投诉", "举报"],
        /// 转办交办、移送案件.
        ReferredCase = "referred_case" ["转办交办", "移送", "交办案件", "转办"],
        /// 协助上级检查.
        AssistHigherLevel = "assist_higher_level" ["协助上级", "上级交办"],
        /// 审计、督查发现问题.
        Audit = "audit" ["审计", "督查"],
        /// 非现场监管 / 大数据监测发现线索.
        OffsiteLead = "offsite_lead" ["大数据监测", "非现场监管线索", "线索核查"],
        /// 媒体曝光.
        MediaExposure = "media_exposure" ["媒体曝光", "舆情"],
        /// 整改复查.
        RectificationRecheck = "rectification_recheck" ["整改复查", "复查", "整改复核"],
        /// 企业申请.
        EnterpriseRequest = "enterprise_request" ["企业申请", "依申请"],
        /// 许可现场核查.
        LicensingSiteCheck = "licensing_site_check" ["许可核查", "许可现场核查", "现场核查"],
        /// 突发事件、应急处置.
        Emergency = "emergency" ["应急", "突发事件", "应急处置"],
        /// Anything else.
        Other = "other" ["其他"],
        /// 飞行检查: an unannounced check on a lead (食品生产经营监督检查管理办法 Art. 53
        /// para. 2 \[V]).
        FlightCheck = "flight_check" ["飞行检查"],
        /// 体系检查: a check of a quality-management system (same 办法 Art. 53 para. 3 \[V]).
        SystemCheck = "system_check" ["体系检查"],
    }
}

/// One visit to one enterprise: the authority, the date, the items checked together,
/// the task and the kind of check. A joint visit with many items is one record.
///
/// ```
/// let r: shuangsuiji::model::CheckRecord = serde_json::from_str(r#"{
///   "task_id": "TL-2024-003", "uscc": "91350100M000100Y43", "date": "2024-04-12",
///   "authority": {"id":"tongliao-market","department":"market","level":"prefecture","jurisdiction":"150500"},
///   "items": ["market.food_production"], "kind": "random"
/// }"#).unwrap();
/// assert_eq!(r.kind.as_str(), "random");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRecord {
    /// The task (任务) the check belonged to.
    pub task_id: String,
    /// Groups the rows of one visit when a platform exports one row per department;
    /// rows with the same `visit_id` count as one visit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub visit_id: Option<String>,
    /// The enterprise.
    pub uscc: Uscc,
    /// Date of the on-site check.
    pub date: NaiveDate,
    /// Who checked.
    pub authority: Authority,
    /// Items checked.
    #[serde(default)]
    pub items: Vec<ItemId>,
    /// Why.
    pub kind: CheckKind,
    /// The inspectors who made the visit (for the rotation rule of team assignment).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inspectors: Vec<InspectorId>,
}

impl CheckRecord {
    /// The key that identifies the visit this record belongs to: the `visit_id` if
    /// given, else `task_id|uscc|date`.
    ///
    /// The authority is not part of the key: the rows of one joint visit, recorded by
    /// each department under the same task on the same day, are one visit
    /// (优化营商环境条例 Art. 54 \[V]: "进一次门、查多项事"; 国办发〔2015〕58号 (c)).
    ///
    /// ```
    /// let row = |auth: &str| -> shuangsuiji::model::CheckRecord { serde_json::from_value(serde_json::json!({
    ///     "task_id": "J-1", "uscc": "91350100M000100Y43", "date": "2026-04-01",
    ///     "authority": {"id": auth, "department": auth, "level": "county", "jurisdiction": "150581"},
    ///     "kind": "random"})).unwrap() };
    /// assert_eq!(row("market").visit_key(), row("ecology").visit_key());
    /// assert_eq!(row("market").visit_key(), "J-1|91350100M000100Y43|2026-04-01");
    /// ```
    #[must_use]
    pub fn visit_key(&self) -> String {
        self.visit_id
            .clone()
            .unwrap_or_else(|| format!("{}|{}|{}", self.task_id, self.uscc, self.date))
    }
}
