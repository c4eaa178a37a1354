//! Codes of the `enforcement` family: leniency, discretion, calendar, deadlines, credit repair.

error_codes! {
    /// A service-oriented enforcement request is invalid.
    pub enum EnforcementCode {
        /// The working-day calendar has no data for this year.
        CalendarYearMissing = "calendar_year_missing",
        /// Calendar data is inconsistent (a day both off and make-up …).
        CalendarInvalid = "calendar_invalid",
        /// No leniency menu entry has this id.
        MenuEntryUnknown = "menu_entry_unknown",
        /// Leniency menu data is invalid (duplicate ids, a listed entry without outcome …).
        MenuInvalid = "menu_invalid",
        /// The menu entry's content was not found in the sources; it cannot be applied.
        MenuEntryNotFound = "menu_entry_not_found",
        /// Case facts are missing a required fact or contradict themselves.
        FactsInvalid = "facts_invalid",
        /// A fine range is invalid (minimum above maximum …).
        FineRangeInvalid = "fine_range_invalid",
        /// No credit-repair regime is in force on this date.
        RegimeUnknown = "regime_unknown",
        /// The deadline kind is not known.
        DeadlineUnknown = "deadline_unknown",
        /// A leniency menu is applied to a case outside the territory of its issuer.
        MenuOutOfTerritory = "menu_out_of_territory",
    }
}
