//! Rule: at least two law-enforcement officers per inspection.
//!
//! * 《中华人民共和国行政处罚法》(2021-01-22 修订, effective 2021-07-15) Art. 42:
//!   "执法人员不得少于两人，法律另有规定的除外" — verification level [V].
//! * 《食品生产经营监督检查管理办法》(SAMR Order 49, effective 2022-03-15) Art. 23:
//!   inspections are carried out by 2 or more inspectors — [V].
//!
//! The floor is built in: [`super::TeamConfig::min_certified`] may raise it but a value
//! below it is rejected (`team_size_invalid`). The lead (组长) of a joint team is a
//! certified officer of the lead department (牵头部门, county plan §三(二)).

/// The statutory minimum number of certified officers on a team.
pub const MIN_CERTIFIED_FLOOR: u32 = 2;
