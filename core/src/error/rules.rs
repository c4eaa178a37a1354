//! Codes of the `rules` family: sampling policies, presets and eligibility.

error_codes! {
    /// A sampling policy, preset or eligibility request is invalid.
    pub enum RulesCode {
        /// No preset has this name.
        PresetUnknown = "preset_unknown" {
            zh: "没有该名称的预设",
            en: "No preset has this name",
        },
        /// The preset is not in force on the requested date.
        PresetNotInForce = "preset_not_in_force" {
            zh: "该预设在所请求的日期不在有效期内",
            en: "The preset is not in force on the requested date",
        },
        /// A policy's minimum count is greater than its maximum.
        MinAboveMax = "min_above_max" {
            zh: "抽查规则的最小数量大于最大数量",
            en: "A policy's minimum count is greater than its maximum",
        },
        /// A policy names a stratum that does not exist.
        StratumUnknown = "stratum_unknown" {
            zh: "抽查规则引用了不存在的分层",
            en: "A policy names a stratum that does not exist",
        },
        /// Two policy rows cover the same item and stratum.
        StratumDuplicate = "stratum_duplicate" {
            zh: "两条抽查规则对应同一事项和分层",
            en: "Two policy rows cover the same item and stratum",
        },
        /// A plan names an item that is not in the catalog.
        ItemUnknown = "item_unknown" {
            zh: "抽查计划引用了检查事项清单中没有的事项",
            en: "A plan names an item that is not in the catalog",
        },
        /// A plan item has no sampling rule (no policy row and no default ratio).
        PolicyMissing = "policy_missing" {
            zh: "计划中的检查事项没有抽查规则",
            en: "A plan item has no sampling rule",
        },
        /// The plan is internally inconsistent (authority, year, date …).
        PlanInvalid = "plan_invalid" {
            zh: "抽查计划内容自相矛盾",
            en: "The plan is internally inconsistent",
        },
        /// A yearly-cap configuration is invalid (cap 0, unknown scope …).
        CapInvalid = "cap_invalid" {
            zh: "年度检查次数上限设置无效",
            en: "A yearly-cap configuration is invalid",
        },
        /// Two rows of one policy group stratify by different fields, so their strata
        /// would overlap (e.g. `credit=A` beside `risk=C`).
        StratumOverlap = "stratum_overlap" {
            zh: "同一组抽查规则按不同字段分层，分层会重叠",
            en: "Two rows of one policy group stratify by different fields, so their strata would overlap",
        },
        /// A plan names an item that is not in force on the plan date.
        ItemNotInForce = "item_not_in_force" {
            zh: "计划日期时该检查事项不在有效期内",
            en: "A plan names an item that is not in force on the plan date",
        },
        /// An explicit sampling policy is not in force on the plan date.
        PolicyNotInForce = "policy_not_in_force" {
            zh: "计划日期时该抽查规则不在有效期内",
            en: "An explicit sampling policy is not in force on the plan date",
        },
        /// A policy row names both an item and an item kind.
        PolicyTargetInvalid = "policy_target_invalid" {
            zh: "抽查规则同时指定了检查事项和事项类型",
            en: "A policy row names both an item and an item kind",
        },
        /// A check record is dated after the plan date: a plan cannot count a check
        /// that had not happened when it was drawn up.
        HistoryAfterPlanDate = "history_after_plan_date" {
            zh: "检查记录的日期晚于计划日期",
            en: "A check record is dated after the plan date",
        },
    }
}
