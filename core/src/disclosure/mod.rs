//! Publication of inspection outcomes (公示): the list merged per enterprise, its
//! deadline and status, its commitment in the draw log, the completeness check and
//! the exports.
//!
//! Sources: 企业公示信息抽查办法 (2025 revision) Art. 12 \[V] — results recorded
//! "自检查结束之日起20个工作日内"; Art. 15 \[V] — published on 国家企业信用信息公示系统;
//! the county plan §三(二)四 — results 归集到企业名下 and published.
//!
//! * [`disclose`]: one [`PublicRecord`] per visit, joining every department's result,
//!   public fields only, with deadlines (20 working days on the national
//!   [`crate::enforcement::Calendar`]) and statuses as of a date;
//! * [`outcomes_hash`] / [`publish_outcomes`]: the outcome set committed like the draw
//!   (`H("outcomes"; canonical JSON)`, an `outcomes` event appended to the draw log;
//!   docs/outcomes-spec-v1.md);
//! * [`completeness`]: every drawn visit has a result from each of its departments by
//!   its deadline, or a logged substitution; what is late or missing, per department;
//! * [`verify_disclosure`]: the published list recomputed from the committed set, a
//!   tampered result named by its path and enterprise;
//! * [`disclosure_csv`] (UTF-8 with BOM) and, with the `xlsx` feature,
//!   [`disclosure_xlsx`]: the list with Chinese headers.
//!
//! Golden vectors: `tests/vectors/disclosure/` (operation shape), run by
//! `core/tests/outcomes.rs`.
//!
//! ```
//! use shuangsuiji::disclosure::{PUBLICATION_WORKING_DAYS, deadline_rule};
//! assert_eq!(PUBLICATION_WORKING_DAYS, 20);
//! assert_eq!(deadline_rule().verification.label(), "[V]");
//! ```

mod commit;
mod completeness;
mod export;
mod list;

pub use commit::{outcomes_hash, publish_outcomes, verify_disclosure};
pub use completeness::{Completeness, DepartmentCompleteness, SubstitutionLine, completeness};
pub use export::{CSV_HEADERS, disclosure_csv, disclosure_xlsx};
pub use list::{
    Disclosure, PUBLICATION_WORKING_DAYS, PublicFinding, PublicRecord, PublicResult,
    PublicationStatus, deadline_rule, disclose,
};
