//! Codes of the `outcome` family: inspection outcomes (检查结果) and their publication
//! (公示).

error_codes! {
    /// A department's inspection record is refused, or a published 公示 list does not
    /// verify.
    pub enum OutcomeCode {
        /// A result for an enterprise that has no visit in the draw result (never drawn,
        /// or replaced by a logged substitution).
        OutcomeNotDrawn = "outcome_not_drawn",
        /// A finding for an item that is not one of the department's items in the visit.
        OutcomeItemNotInVisit = "outcome_item_not_in_visit",
        /// The recording department is not on the visit's team (or the visit has no team).
        OutcomeDepartmentNotOnTeam = "outcome_department_not_on_team",
        /// An officer present is not on the visit's team and no change with a reason
        /// records them.
        OutcomeOfficerNotOnTeam = "outcome_officer_not_on_team",
        /// Fewer than two certified officers were present (行政处罚法 Art. 42).
        OutcomeOfficersShort = "outcome_officers_short",
        /// The check date lies outside the task's check window.
        OutcomeDateOutsideWindow = "outcome_date_outside_window",
        /// Two results for the same department and visit (or two findings for one item).
        OutcomeDuplicate = "outcome_duplicate",
        /// A recorded change of officers has no reason, or replaces someone not on the team.
        OutcomeChangeInvalid = "outcome_change_invalid",
        /// A follow-up contradicts its finding (责令改正 without a deadline after the
        /// check, 移送 to nobody, a follow-up on 未发现问题 …).
        OutcomeFollowUpInvalid = "outcome_follow_up_invalid",
        /// A record or set is malformed otherwise (task mismatch, no findings, recorded
        /// before the check, reversed window, a department without an authority …).
        OutcomeRecordInvalid = "outcome_record_invalid",
        /// A finding category that is not in the category table.
        FindingCategoryUnknown = "finding_category_unknown",
        /// A published 公示 list, or the outcomes hash it rests on, differs from the one
        /// recomputed from the committed outcomes; details name the field and enterprise.
        DisclosureMismatch = "disclosure_mismatch",
    }
}
