//! Codes of the `validation` family: values that break the domain model.

error_codes! {
    /// A value does not satisfy the domain model.
    pub enum ModelCode {
        /// A USCC is not 18 characters long.
        UsccLength = "uscc_length",
        /// A USCC contains a character outside the GB 32100 alphabet.
        UsccCharset = "uscc_charset",
        /// The 18th (check) character of a USCC is wrong (GB 32100).
        UsccCheckCharacter = "uscc_check_character",
        /// The organisation code inside a USCC has a wrong check character (GB 11714).
        UsccOrgCodeCheck = "uscc_org_code_check",
        /// Characters 3–8 of a USCC are not a 6-digit division code.
        UsccDivision = "uscc_division",
        /// An administrative division code is not 6 digits (GB/T 2260).
        DivisionInvalid = "division_invalid",
        /// Unknown credit-risk class (expected A, B, C, D or unclassified).
        CreditClassUnknown = "credit_class_unknown",
        /// Unknown food-safety risk grade (expected A, B, C or D).
        RiskGradeUnknown = "risk_grade_unknown",
        /// Unknown registration status.
        StatusUnknown = "status_unknown",
        /// Unknown authority level.
        LevelUnknown = "level_unknown",
        /// Unknown check kind in a history record.
        CheckKindUnknown = "check_kind_unknown",
        /// Unknown item kind (重点/一般) or form (joint/single).
        ItemKindUnknown = "item_kind_unknown",
        /// Unknown verification level.
        VerificationUnknown = "verification_unknown",
        /// The same enterprise (USCC) appears twice.
        EnterpriseDuplicate = "enterprise_duplicate",
        /// The same inspector id appears twice.
        InspectorDuplicate = "inspector_duplicate",
        /// An inspector id is empty or not printable ASCII.
        InspectorIdInvalid = "inspector_id_invalid",
        /// The same item id appears twice in a catalog.
        ItemDuplicate = "item_duplicate",
        /// An item id is empty or malformed.
        ItemIdInvalid = "item_id_invalid",
        /// An item has no responsible department.
        ItemDepartmentMissing = "item_department_missing",
        /// A department code is empty or malformed.
        DepartmentInvalid = "department_invalid",
        /// A department referenced by a record is not known.
        DepartmentUnknown = "department_unknown",
        /// A required text field (name …) is empty.
        TextEmpty = "text_empty",
        /// `effective_to` is before `effective_from`.
        DateRangeInvalid = "date_range_invalid",
        /// A ratio was given as a floating-point number; use `"p/q"`.
        RatioFloat = "ratio_float",
        /// A ratio is not of the form `"p/q"`, `"N%"` or `{"p":…,"q":…}`.
        RatioMalformed = "ratio_malformed",
        /// A ratio has denominator 0.
        RatioZeroDenominator = "ratio_zero_denominator",
        /// A ratio is greater than 1.
        RatioAboveOne = "ratio_above_one",
        /// A count is negative or not an integer.
        CountInvalid = "count_invalid",
        /// A reference (item id, enterprise, inspector) points at nothing.
        ReferenceUnknown = "reference_unknown",
        /// A catalog has no items.
        CatalogEmpty = "catalog_empty",
        /// The first character of a USCC is not a registration-authority code of
        /// GB 32100-2015 (1–9, A, N, Y): `000000000000000000`, a common placeholder,
        /// has a correct check character but is no code.
        UsccRegistrationAuthority = "uscc_registration_authority",
        /// A required text (a name, a category) holds a control character other than a
        /// line break or tab (NUL, ESC …) or a bidirectional override/isolate
        /// (U+202A–U+202E, U+2066–U+2069),
        /// which would make a listing show another name than the one stored.
        TextInvalid = "text_invalid",
    }
}
