//! Codes of the `validation` family: values that break the domain model.

error_codes! {
    /// A value does not satisfy the domain model.
    pub enum ModelCode {
        /// A USCC is not 18 characters long.
        UsccLength = "uscc_length" {
            zh: "统一社会信用代码不是 18 位",
            en: "A USCC is not 18 characters long",
        },
        /// A USCC contains a character outside the GB 32100 alphabet.
        UsccCharset = "uscc_charset" {
            zh: "统一社会信用代码含有不允许的字符",
            en: "A USCC contains a character outside the GB 32100 alphabet",
        },
        /// The 18th (check) character of a USCC is wrong (GB 32100).
        UsccCheckCharacter = "uscc_check_character" {
            zh: "统一社会信用代码的校验码（第 18 位）不正确",
            en: "The check character of a USCC is wrong",
        },
        /// The organisation code inside a USCC has a wrong check character (GB 11714).
        UsccOrgCodeCheck = "uscc_org_code_check" {
            zh: "统一社会信用代码中组织机构代码的校验码不正确",
            en: "The organisation code inside a USCC has a wrong check character",
        },
        /// Characters 3–8 of a USCC are not a 6-digit division code.
        UsccDivision = "uscc_division" {
            zh: "统一社会信用代码第 3–8 位不是 6 位行政区划代码",
            en: "Characters 3–8 of a USCC are not a 6-digit division code",
        },
        /// An administrative division code is not 6 digits (GB/T 2260).
        DivisionInvalid = "division_invalid" {
            zh: "行政区划代码不是 6 位数字",
            en: "An administrative division code is not 6 digits",
        },
        /// Unknown credit-risk class (expected A, B, C, D or unclassified).
        CreditClassUnknown = "credit_class_unknown" {
            zh: "信用风险分类不在规定范围内（应为 A、B、C、D 或未分类）",
            en: "Unknown credit-risk class",
        },
        /// Unknown food-safety risk grade (expected A, B, C or D).
        RiskGradeUnknown = "risk_grade_unknown" {
            zh: "食品安全风险等级不在规定范围内（应为 A、B、C 或 D）",
            en: "Unknown food-safety risk grade",
        },
        /// Unknown registration status.
        StatusUnknown = "status_unknown" {
            zh: "登记状态不在规定范围内",
            en: "Unknown registration status",
        },
        /// Unknown authority level.
        LevelUnknown = "level_unknown" {
            zh: "机关层级不在规定范围内",
            en: "Unknown authority level",
        },
        /// Unknown check kind in a history record.
        CheckKindUnknown = "check_kind_unknown" {
            zh: "检查记录的检查类型不在规定范围内",
            en: "Unknown check kind in a history record",
        },
        /// Unknown item kind (重点/一般) or form (joint/single).
        ItemKindUnknown = "item_kind_unknown" {
            zh: "检查事项类型（重点/一般）或检查形式（联合/单独）不在规定范围内",
            en: "Unknown item kind or form",
        },
        /// Unknown verification level.
        VerificationUnknown = "verification_unknown" {
            zh: "核验级别不在规定范围内",
            en: "Unknown verification level",
        },
        /// The same enterprise (USCC) appears twice.
        EnterpriseDuplicate = "enterprise_duplicate" {
            zh: "同一企业（统一社会信用代码）出现两次",
            en: "The same enterprise appears twice",
        },
        /// The same inspector id appears twice.
        InspectorDuplicate = "inspector_duplicate" {
            zh: "同一执法人员编号出现两次",
            en: "The same inspector id appears twice",
        },
        /// An inspector id is empty or not printable ASCII.
        InspectorIdInvalid = "inspector_id_invalid" {
            zh: "执法人员编号为空或含不可打印字符",
            en: "An inspector id is empty or not printable ASCII",
        },
        /// The same item id appears twice in a catalog.
        ItemDuplicate = "item_duplicate" {
            zh: "检查事项清单中同一事项编号出现两次",
            en: "The same item id appears twice in a catalog",
        },
        /// An item id is empty or malformed.
        ItemIdInvalid = "item_id_invalid" {
            zh: "检查事项编号为空或格式不正确",
            en: "An item id is empty or malformed",
        },
        /// An item has no responsible department.
        ItemDepartmentMissing = "item_department_missing" {
            zh: "检查事项没有责任部门",
            en: "An item has no responsible department",
        },
        /// A department code is empty or malformed.
        DepartmentInvalid = "department_invalid" {
            zh: "部门代码为空或格式不正确",
            en: "A department code is empty or malformed",
        },
        /// A department referenced by a record is not known.
        DepartmentUnknown = "department_unknown" {
            zh: "记录中引用了未知的部门",
            en: "A department referenced by a record is not known",
        },
        /// A required text field (name …) is empty.
        TextEmpty = "text_empty" {
            zh: "必填文本（名称等）为空",
            en: "A required text field is empty",
        },
        /// `effective_to` is before `effective_from`.
        DateRangeInvalid = "date_range_invalid" {
            zh: "失效日期早于生效日期",
            en: "effective_to is before effective_from",
        },
        /// A ratio was given as a floating-point number; use `"p/q"`.
        RatioFloat = "ratio_float" {
            zh: "比例不能写成小数，请写成「p/q」",
            en: "A ratio was given as a floating-point number; use p/q",
        },
        /// A ratio is not of the form `"p/q"`, `"N%"` or `{"p":…,"q":…}`.
        RatioMalformed = "ratio_malformed" {
            zh: "比例格式不正确（应为「p/q」或「N%」）",
            en: "A ratio is not of the form p/q, N% or {p, q}",
        },
        /// A ratio has denominator 0.
        RatioZeroDenominator = "ratio_zero_denominator" {
            zh: "比例的分母为 0",
            en: "A ratio has denominator 0",
        },
        /// A ratio is greater than 1.
        RatioAboveOne = "ratio_above_one" {
            zh: "比例大于 1",
            en: "A ratio is greater than 1",
        },
        /// A count is negative or not an integer.
        CountInvalid = "count_invalid" {
            zh: "数量为负数或不是整数",
            en: "A count is negative or not an integer",
        },
        /// A reference (item id, enterprise, inspector) points at nothing.
        ReferenceUnknown = "reference_unknown" {
            zh: "引用的检查事项、企业或执法人员不存在",
            en: "A reference points at nothing",
        },
        /// A catalog has no items.
        CatalogEmpty = "catalog_empty" {
            zh: "检查事项清单为空",
            en: "A catalog has no items",
        },
        /// The first character of a USCC is not a registration-authority code of
        /// GB 32100-2015 (1–9, A, N, Y): `000000000000000000`, a common placeholder,
        /// has a correct check character but is no code.
        UsccRegistrationAuthority = "uscc_registration_authority" {
            zh: "统一社会信用代码第 1 位不是登记管理部门代码",
            en: "The first character of a USCC is not a registration-authority code",
        },
        /// A required text (a name, a category) holds a control character other than a
        /// line break or tab (NUL, ESC …) or a bidirectional override/isolate
        /// (U+202A–U+202E, U+2066–U+2069),
        /// which would make a listing show another name than the one stored.
        TextInvalid = "text_invalid" {
            zh: "文本中含有控制字符或文字方向控制符",
            en: "A required text holds a control or bidirectional-override character",
        },
    }
}
