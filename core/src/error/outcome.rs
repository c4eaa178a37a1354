//! Codes of the `outcome` family: inspection outcomes (检查结果) and their publication
//! (公示).

error_codes! {
    /// A department's inspection record is refused, or a published 公示 list does not
    /// verify.
    pub enum OutcomeCode {
        /// A result for an enterprise that has no visit in the draw result (never drawn,
        /// or replaced by a logged substitution).
        OutcomeNotDrawn = "outcome_not_drawn" {
            zh: "该企业在抽取结果中没有检查任务",
            en: "A result for an enterprise that has no visit in the draw result",
        },
        /// A finding for an item that is not one of the department's items in the visit.
        OutcomeItemNotInVisit = "outcome_item_not_in_visit" {
            zh: "该检查事项不属于本部门在此次检查中的事项",
            en: "A finding for an item that is not one of the department's items in the visit",
        },
        /// The recording department is not on the visit's team (or the visit has no team).
        OutcomeDepartmentNotOnTeam = "outcome_department_not_on_team" {
            zh: "录入结果的部门不在该检查组中",
            en: "The recording department is not on the visit's team",
        },
        /// An officer present is not on the visit's team and no change with a reason
        /// records them.
        OutcomeOfficerNotOnTeam = "outcome_officer_not_on_team" {
            zh: "到场执法人员不在检查组中，且没有记录调整原因",
            en: "An officer present is not on the visit's team and no change records them",
        },
        /// Fewer than two certified officers were present (行政处罚法 Art. 42).
        OutcomeOfficersShort = "outcome_officers_short" {
            zh: "到场持证执法人员少于 2 名（行政处罚法第四十二条）",
            en: "Fewer than two certified officers were present",
        },
        /// The check date lies outside the task's check window.
        OutcomeDateOutsideWindow = "outcome_date_outside_window" {
            zh: "检查日期不在任务的检查期限内",
            en: "The check date lies outside the task's check window",
        },
        /// Two results for the same department and visit (or two findings for one item).
        OutcomeDuplicate = "outcome_duplicate" {
            zh: "同一部门对同一检查录入了两份结果",
            en: "Two results for the same department and visit",
        },
        /// A recorded change of officers has no reason, or replaces someone not on the team.
        OutcomeChangeInvalid = "outcome_change_invalid" {
            zh: "人员调整缺少原因，或替换了不在检查组中的人员",
            en: "A recorded change of officers has no reason or replaces someone not on the team",
        },
        /// A follow-up contradicts its finding (责令改正 without a deadline after the
        /// check, 移送 to nobody, a follow-up on 未发现问题 …).
        OutcomeFollowUpInvalid = "outcome_follow_up_invalid" {
            zh: "后续处理与检查发现相矛盾",
            en: "A follow-up contradicts its finding",
        },
        /// A record or set is malformed otherwise (task mismatch, no findings, recorded
        /// before the check, reversed window, a department without an authority …).
        OutcomeRecordInvalid = "outcome_record_invalid" {
            zh: "检查结果记录格式不正确",
            en: "A record or set of outcomes is malformed",
        },
        /// A finding category that is not in the category table.
        FindingCategoryUnknown = "finding_category_unknown" {
            zh: "检查发现的类别不在类别表中",
            en: "A finding category that is not in the category table",
        },
        /// A published 公示 list, or the outcomes hash it rests on, differs from the one
        /// recomputed from the committed outcomes; details name the field and enterprise.
        DisclosureMismatch = "disclosure_mismatch" {
            zh: "公示名单与依据已提交检查结果重新计算的不一致",
            en: "A published disclosure list differs from the one recomputed from the committed outcomes",
        },
    }
}
