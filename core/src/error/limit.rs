//! Codes of the `limit` family: documented size and depth limits.

error_codes! {
    /// A documented limit was exceeded; the input was refused before using much memory.
    pub enum LimitCode {
        /// The input has more bytes than allowed.
        TooManyBytes = "too_many_bytes" {
            zh: "输入内容超过允许的字节数",
            en: "The input has more bytes than allowed",
        },
        /// The input has more rows or records than allowed.
        TooManyRows = "too_many_rows" {
            zh: "输入的行数或记录数超过上限",
            en: "The input has more rows or records than allowed",
        },
        /// A JSON document nests deeper than allowed.
        TooDeep = "too_deep" {
            zh: "JSON 文档嵌套层数超过上限",
            en: "A JSON document nests deeper than allowed",
        },
        /// A text field is longer than allowed.
        FieldTooLong = "field_too_long" {
            zh: "文本字段长度超过上限",
            en: "A text field is longer than allowed",
        },
        /// A compressed input would expand beyond the allowed size.
        DecompressedTooLarge = "decompressed_too_large" {
            zh: "压缩内容解压后超过允许的大小",
            en: "A compressed input would expand beyond the allowed size",
        },
        /// A checker found more problems than it reports; the last one it returns says how
        /// many more there were (detail `omitted`).
        TooManyProblems = "too_many_problems" {
            zh: "问题数量超过报告上限，其余未列出",
            en: "A checker found more problems than it reports",
        },
        /// A header row has more columns than allowed.
        TooManyColumns = "too_many_columns" {
            zh: "表头列数超过上限",
            en: "A header row has more columns than allowed",
        },
    }
}
