//! Codes of the `enforcement` family: leniency, discretion, calendar, deadlines, credit repair.

error_codes! {
    /// A service-oriented enforcement request is invalid.
    pub enum EnforcementCode {
        /// The working-day calendar has no data for this year.
        CalendarYearMissing = "calendar_year_missing" {
            zh: "工作日历中没有该年份的数据",
            en: "The working-day calendar has no data for this year",
        },
        /// Calendar data is inconsistent (a day both off and make-up …).
        CalendarInvalid = "calendar_invalid" {
            zh: "工作日历数据自相矛盾",
            en: "Calendar data is inconsistent",
        },
        /// No leniency menu entry has this id.
        MenuEntryUnknown = "menu_entry_unknown" {
            zh: "清单中没有该编号的条目",
            en: "No leniency menu entry has this id",
        },
        /// Leniency menu data is invalid (duplicate ids, a listed entry without outcome …).
        MenuInvalid = "menu_invalid" {
            zh: "免罚清单数据无效",
            en: "Leniency menu data is invalid",
        },
        /// The menu entry's content was not found in the sources; it cannot be applied.
        MenuEntryNotFound = "menu_entry_not_found" {
            zh: "在原文中找不到该清单条目的内容，不能适用",
            en: "The menu entry's content was not found in the sources; it cannot be applied",
        },
        /// Case facts are missing a required fact or contradict themselves.
        FactsInvalid = "facts_invalid" {
            zh: "案件事实缺少必要内容或前后矛盾",
            en: "Case facts are missing a required fact or contradict themselves",
        },
        /// A fine range is invalid (minimum above maximum …).
        FineRangeInvalid = "fine_range_invalid" {
            zh: "罚款幅度无效（下限高于上限等）",
            en: "A fine range is invalid",
        },
        /// No credit-repair regime is in force on this date.
        RegimeUnknown = "regime_unknown" {
            zh: "该日期没有有效的信用修复规定",
            en: "No credit-repair regime is in force on this date",
        },
        /// The deadline kind is not known.
        DeadlineUnknown = "deadline_unknown" {
            zh: "期限类型不在规定范围内",
            en: "The deadline kind is not known",
        },
        /// A leniency menu is applied to a case outside the territory of its issuer.
        MenuOutOfTerritory = "menu_out_of_territory" {
            zh: "免罚清单适用于其制定机关辖区以外的案件",
            en: "A leniency menu is applied to a case outside the territory of its issuer",
        },
    }
}
