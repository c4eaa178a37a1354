//! Service-oriented enforcement (服务型执法): leniency menus, decisions officers can
//! defend, discretion bands, the working-day calendar, deadlines and credit repair.
//!
//! Every rule lives in its own module and cites its document, article, effective
//! dates and verification level (\[V\] built in; \[S\]/\[R\] as presets or data marked with
//! their level, see [`crate::model::Verification`]):
//!
//! * statutory leniency rules (one file each under `statute/`): 行政处罚法 Arts. 32,
//!   33 ¶1–¶2, 36; 食品安全法实施条例 Art. 67 — combined by [`decide`] in a documented
//!   precedence order;
//! * leniency menus as data ([`Menu`]), with a closed set of typed [`Condition`]s;
//! * [`discretion_band`]: 不予 / 减轻 / 从轻 / 一般 / 从重 fine ranges in integer fen;
//! * [`Calendar`] and [`deadline`]s on China's real calendar with 调休;
//! * [`credit_repair`]: publicity periods and earliest repair dates under the regime
//!   in force when the penalty was published (a later regime's lighter terms from its
//!   effective date only);
//! * [`list_removal`]: removal from the 经营异常名录 and the 严重违法失信名单 (令44), and
//!   repair of negative spot-check results (令107 \[S\]).
//!
//! Tested by the `core/tests/all/enforcement_*.rs` files named in each module.

mod calendar;
mod condition;
pub mod credit_repair;
mod deadline;
mod decide;
mod discretion;
mod facts;
pub mod list_removal;
mod menu;
mod rule;
mod statute;

pub use calendar::{
    Calendar, CalendarYear, DayStatus, HolidayBlock, Notice, RegionalHoliday, RegionalOverlay,
};
pub use condition::{Condition, ConditionCheck, CorrectionRequirement};
pub use deadline::{
    Deadline, DeadlineKind, MAX_PERIOD_COUNT, Period, PeriodUnit, deadline, due_date, roll_forward,
};
pub use decide::{Decision, DecisionPolicy, decide, decide_with};
pub use discretion::{Band, BandRange, DiscretionPreset, FineRange, discretion_band};
pub use facts::{
    CaseFacts, Correction, Harm, ItemFacts, MitigationFacts, SeriousFacts, Stage, ViolationRecord,
};
pub use menu::{EntryFlag, EntryStatus, Menu, MenuEntry, MenuOutcome, MenuScope, Territory};
pub use rule::{Combinator, Outcome, PRECEDENCE, RuleEvaluation, RuleId};
