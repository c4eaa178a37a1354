//! Codes of the `internal` family: a bug in this library, never caused by input.

error_codes! {
    /// An invariant this library guarantees did not hold. Seeing one is a bug to report;
    /// user-facing codes are never reused for such states.
    pub enum InternalCode {
        /// An internal invariant failed (e.g. the team solver chose no certified lead
        /// for a feasible team); the message says which.
        InternalInvariant = "internal_invariant" {
            zh: "本库内部错误（请报告此问题）",
            en: "An internal invariant of this library failed (please report it)",
        },
    }
}
