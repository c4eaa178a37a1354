//! The header alias table: which column headers (Chinese or English) map to which
//! model field. Matching ignores surrounding spaces, full-width forms and ASCII case.
//! The same table is documented in `docs/intake.md`.

use serde::{Deserialize, Serialize};

use crate::model::normalize_width;

/// The tables the intake reads. JSON names: `enterprises`, `inspectors`, `history`.
///
/// ```
/// use shuangsuiji::intake::Table;
/// let t: Table = serde_json::from_str("\"history\"").unwrap();
/// assert_eq!(t, Table::History);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Table {
    /// Enterprises (监管对象名录) → [`crate::model::Roster`].
    Enterprises,
    /// Inspectors (执法检查人员名录) → [`crate::model::InspectorRoster`].
    Inspectors,
    /// Check history (检查记录) → `Vec<`[`crate::model::CheckRecord`]`>`.
    History,
    /// Enterprise events (一企一档) → `Vec<`[`crate::profile::ProfileEvent`]`>`.
    Events,
    /// Demand events (企业诉求台账) → `Vec<`[`crate::service::DemandEvent`]`>`.
    Demands,
    /// A department's inspection outcomes (检查结果), one row per item checked →
    /// `Vec<`[`crate::outcomes::OutcomeRecord`]`>`.
    Outcomes,
}

impl Table {
    /// The key that holds the records when a JSON file wraps them in an envelope
    /// object (`{"synthetic": true, "provenance": {…}, "enterprises": […]}`).
    ///
    /// ```
    /// assert_eq!(shuangsuiji::intake::Table::History.envelope_key(), "records");
    /// ```
    #[must_use]
    pub const fn envelope_key(self) -> &'static str {
        match self {
            Self::Enterprises => "enterprises",
            Self::Inspectors => "inspectors",
            Self::History => "records",
            Self::Events => "events",
            Self::Demands => "events",
            Self::Outcomes => "records",
        }
    }

    /// The columns this table knows, in documentation order.
    ///
    /// ```
    /// use shuangsuiji::intake::Table;
    /// let cols = Table::Enterprises.columns();
    /// assert!(cols.iter().any(|c| c.field == "uscc" && c.required));
    /// ```
    #[must_use]
    pub const fn columns(self) -> &'static [ColumnSpec] {
        match self {
            Self::Enterprises => ENTERPRISE_COLUMNS,
            Self::Inspectors => INSPECTOR_COLUMNS,
            Self::History => HISTORY_COLUMNS,
            Self::Events => EVENT_COLUMNS,
            Self::Demands => DEMAND_COLUMNS,
            Self::Outcomes => OUTCOME_COLUMNS,
        }
    }

    /// Finds the column a header names, if any.
    ///
    /// ```
    /// use shuangsuiji::intake::Table;
    /// assert_eq!(Table::Enterprises.column_for(" 统一社会信用代码 ").unwrap().field, "uscc");
    /// assert_eq!(Table::Enterprises.column_for("ＵＳＣＣ").unwrap().field, "uscc");
    /// assert!(Table::Enterprises.column_for("备注").is_none());
    /// ```
    #[must_use]
    pub fn column_for(self, header: &str) -> Option<&'static ColumnSpec> {
        let h = normalize_header(header);
        if h.is_empty() {
            return None;
        }
        self.columns()
            .iter()
            .find(|c| c.field == h || c.aliases.iter().any(|a| normalize_header(a) == h))
    }

    /// The canonical name (`enterprises`, `inspectors`, `history`).
    ///
    /// ```
    /// assert_eq!(shuangsuiji::intake::Table::History.as_str(), "history");
    /// ```
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Enterprises => "enterprises",
            Self::Inspectors => "inspectors",
            Self::History => "history",
            Self::Events => "events",
            Self::Demands => "demands",
            Self::Outcomes => "outcomes",
        }
    }
}

/// One column: the model field (serde name), its accepted headers, whether it must
/// be present, and whether it holds several values separated by `;` `；` `、` or `|`.
///
/// ```
/// use shuangsuiji::intake::Table;
/// let cats = Table::Enterprises.column_for("许可类别").unwrap();
/// assert_eq!((cats.field, cats.required, cats.multi), ("categories", false, true));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnSpec {
    /// Model field (serde name); also accepted as a header.
    pub field: &'static str,
    /// Accepted headers besides the field name; the first is the canonical Chinese one.
    pub aliases: &'static [&'static str],
    /// The column must be present and every cell non-empty.
    pub required: bool,
    /// The cell holds several values.
    pub multi: bool,
}

const fn col(
    field: &'static str,
    aliases: &'static [&'static str],
    required: bool,
    multi: bool,
) -> ColumnSpec {
    ColumnSpec {
        field,
        aliases,
        required,
        multi,
    }
}

/// Enterprise columns.
///
/// ```
/// let required: Vec<&str> = shuangsuiji::intake::ENTERPRISE_COLUMNS
///     .iter().filter(|c| c.required).map(|c| c.field).collect();
/// assert_eq!(required, ["uscc", "name", "division", "credit_class", "status"]);
/// ```
pub const ENTERPRISE_COLUMNS: &[ColumnSpec] = &[
    col(
        "uscc",
        &["统一社会信用代码", "社会信用代码", "信用代码"],
        true,
        false,
    ),
    col("name", &["企业名称", "名称", "单位名称"], true, false),
    col(
        "division",
        &["行政区划", "区划代码", "所在地区划", "行政区划代码"],
        true,
        false,
    ),
    col("town", &["乡镇街道", "乡镇", "街道"], false, false),
    col(
        "credit_class",
        &["信用风险分类", "信用风险等级", "企业信用风险分类"],
        true,
        false,
    ),
    col(
        "food_risk_grade",
        &["食品安全风险等级", "风险等级"],
        false,
        false,
    ),
    col(
        "categories",
        &["行业类别", "许可类别", "经营类别"],
        false,
        true,
    ),
    col("status", &["登记状态", "经营状态"], true, false),
    col("abnormal", &["经营异常", "列入经营异常名录"], false, false),
    col("serious_violation", &["严重违法失信"], false, false),
    col("complaints", &["投诉举报数"], false, false),
    col("avoid_inspectors", &["申请回避人员"], false, true),
];

/// Inspector columns.
///
/// ```
/// assert_eq!(shuangsuiji::intake::INSPECTOR_COLUMNS[0].field, "id");
/// ```
pub const INSPECTOR_COLUMNS: &[ColumnSpec] = &[
    col("id", &["执法证号", "检查人员编号"], true, false),
    col("name", &["姓名"], false, false),
    col("department", &["部门", "所属部门"], true, false),
    col("certified", &["持证", "执法证"], true, false),
    col("qualifications", &["资格", "检查资格"], false, true),
    col("conflicts", &["回避企业"], false, true),
    col("capacity", &["工作量上限"], false, false),
    col("active", &["在岗"], false, false),
];

/// Check-history columns. The authority is spread over `authority_id`, `department`,
/// `level`, `jurisdiction` and the optional `authority_name`.
///
/// ```
/// use shuangsuiji::intake::HISTORY_COLUMNS;
/// assert!(HISTORY_COLUMNS.iter().any(|c| c.field == "date" && c.aliases.contains(&"检查日期")));
/// ```
pub const HISTORY_COLUMNS: &[ColumnSpec] = &[
    col("task_id", &["任务编号"], true, false),
    col("visit_id", &["检查编号"], false, false),
    col("uscc", &["统一社会信用代码", "社会信用代码"], true, false),
    col("date", &["检查日期"], true, false),
    col("authority_id", &["检查机关"], true, false),
    col("authority_name", &["检查机关名称"], false, false),
    col("department", &["部门"], true, false),
    col("level", &["层级"], true, false),
    col("jurisdiction", &["管辖区划"], true, false),
    col("items", &["检查事项"], false, true),
    col("kind", &["检查类型"], true, false),
    col("inspectors", &["检查人员", "执法人员"], false, true),
];

/// Enterprise-event columns (一企一档): the common ones, then the fields of each kind
/// (see [`crate::profile::EventKind`]); a cell a row's kind does not use must be empty.
///
/// ```
/// use shuangsuiji::intake::Table;
/// assert_eq!(Table::Events.column_for("事件类型").unwrap().field, "kind");
/// ```
pub const EVENT_COLUMNS: &[ColumnSpec] = &[
    col("uscc", &["统一社会信用代码", "社会信用代码"], true, false),
    col("date", &["日期", "发生日期", "决定日期"], true, false),
    col("kind", &["事件类型", "类型"], true, false),
    col("source", &["来源系统", "数据来源"], true, false),
    col("reference", &["记录编号", "文号", "编号"], false, false),
    col("licence_no", &["许可证编号", "许可证号"], false, false),
    col("expires", &["有效期至", "许可有效期至"], false, false),
    col("check_kind", &["检查类型"], false, false),
    col("result", &["检查结果"], false, false),
    col("product", &["产品名称", "样品名称"], false, false),
    col("batch", &["批次", "生产批号"], false, false),
    col("passed", &["是否合格", "合格"], false, false),
    col("failed_items", &["不合格项目"], false, true),
    col("substantiated", &["是否属实", "属实"], false, false),
    col("reason", &["原因", "列入原因", "移出原因"], false, false),
    col(
        "decision_no",
        &["决定书文号", "处罚决定书文号"],
        false,
        false,
    ),
    col("basis", &["处罚依据"], false, false),
    col("leniency", &["不予处罚情形"], false, false),
    col("penalties", &["处罚种类"], false, true),
    col(
        "fine_fen",
        &["罚款金额（分）", "罚款金额(分)"],
        false,
        false,
    ),
    col("published_on", &["公示日期"], false, false),
    col("sector", &["行业"], false, false),
    col("duties_fulfilled", &["已履行"], false, false),
    col("harm_eliminated", &["已消除危害"], false, false),
];

/// Demand-event columns (企业诉求台账, [`crate::service::DemandEvent`]): one row per
/// event; `事件类型` is 登记, 当场解答, 转办, 联合会商, 提请上级, 答复, 办结 or 评价 (or the
/// JSON kind); a cell the row's kind does not use must be empty.
///
/// ```
/// use shuangsuiji::intake::Table;
/// assert_eq!(Table::Demands.column_for("办理时限（工作日）").unwrap().field, "time_limit");
/// ```
pub const DEMAND_COLUMNS: &[ColumnSpec] = &[
    col("demand_id", &["诉求编号"], true, false),
    col("date", &["日期", "办理日期"], true, false),
    col("kind", &["事件类型", "办理环节"], true, false),
    col(
        "uscc",
        &["统一社会信用代码", "社会信用代码", "企业统一社会信用代码"],
        false,
        false,
    ),
    col("task_id", &["任务编号", "检查任务编号"], false, false),
    col(
        "department",
        &["部门", "登记部门", "解答部门"],
        false,
        false,
    ),
    col("lead_department", &["牵头部门"], false, false),
    col("category", &["诉求类别"], false, false),
    col("text", &["诉求内容"], false, false),
    col("answer", &["答复内容", "解答内容"], false, false),
    col("to", &["责任单位", "转办单位"], false, false),
    col(
        "time_limit",
        &["办理时限（工作日）", "办理时限(工作日)", "办理时限"],
        false,
        false,
    ),
    col("departments", &["会商部门"], false, true),
    col("measures", &["会商措施", "议定措施"], false, false),
    col("escalated_to", &["提请对象"], false, false),
    col("reason", &["提请原因"], false, false),
    col("channel", &["答复方式"], false, false),
    col("rating", &["企业评价"], false, false),
];

/// Outcome columns (检查结果, [`crate::outcomes::OutcomeRecord`]): one row per item
/// checked, the headers of [`crate::outcomes::OUTCOME_CSV_HEADERS`], so that the outcome
/// table the library writes reads back; the rows of one department and enterprise make
/// one record.
///
/// ```
/// use shuangsuiji::intake::Table;
/// assert_eq!(Table::Outcomes.column_for("检查结果").unwrap().field, "category");
/// ```
pub const OUTCOME_COLUMNS: &[ColumnSpec] = &[
    col("task_id", &["任务编号", "检查任务编号"], false, false),
    col("uscc", &["统一社会信用代码", "社会信用代码"], true, false),
    col(
        "department",
        &["检查实施部门", "部门", "检查部门"],
        true,
        false,
    ),
    col("date", &["检查日期"], true, false),
    col("officers", &["检查人员", "执法人员"], true, true),
    col("item_id", &["检查事项"], true, false),
    col("category", &["检查结果"], true, false),
    col("remark", &["备注"], false, false),
    col("follow_ups", &["后续处置"], false, true),
    col("recorded_on", &["记录日期", "公示记录日期"], true, false),
];

/// Normalises a header for matching: full-width → ASCII, trimmed, ASCII lower case.
pub(crate) fn normalize_header(h: &str) -> String {
    normalize_width(h).to_ascii_lowercase()
}

/// Splits a multi-valued cell at `;` `；` `、` `|` and trims the pieces; empty pieces
/// (doubled or trailing separators) are dropped.
pub(crate) fn split_multi(cell: &str) -> Vec<String> {
    cell.split([';', '；', '、', '|', '｜'])
        .map(normalize_width)
        .filter(|p| !p.is_empty())
        .collect()
}
