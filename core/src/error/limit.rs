//! Codes of the `limit` family: documented size and depth limits.

error_codes! {
    /// A documented limit was exceeded; the input was refused before using much memory.
    pub enum LimitCode {
        /// The input has more bytes than allowed.
        TooManyBytes = "too_many_bytes",
        /// The input has more rows or records than allowed.
        TooManyRows = "too_many_rows",
        /// A JSON document nests deeper than allowed.
        TooDeep = "too_deep",
        /// A text field is longer than allowed.
        FieldTooLong = "field_too_long",
        /// A compressed input would expand beyond the allowed size.
        DecompressedTooLarge = "decompressed_too_large",
        /// A checker found more problems than it reports; the last one it returns says how
        /// many more there were (detail `omitted`).
        TooManyProblems = "too_many_problems",
        /// A header row has more columns than allowed.
        TooManyColumns = "too_many_columns",
    }
}
