//! Service-oriented enforcement (服务型执法): leniency menus, decisions officers can
//! defend, discretion bands, the working-day calendar, deadlines and credit repair.
//!
//! Every rule lives in its own module and cites its document, article, effective
//! dates and verification level ([V] built in; [S]/[R] as presets or data marked with
//! their level, see [`crate::model::Verification`]).

mod calendar;
mod deadline;

pub use calendar::{
    Calendar, CalendarYear, DayStatus, HolidayBlock, Notice, RegionalHoliday, RegionalOverlay,
};
pub use deadline::{Deadline, DeadlineKind, Period, PeriodUnit, deadline, due_date, roll_forward};
