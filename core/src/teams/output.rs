//! The output of the team assignment and its explanation.

use serde::{Deserialize, Serialize};

use super::eligibility::CandidateStatus;
use super::schedule::Route;
use crate::model::{DepartmentCode, InspectorId, Uscc};

/// One team member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    /// The inspector.
    pub inspector: InspectorId,
    /// Their department.
    pub department: DepartmentCode,
    /// Holds a law-enforcement certificate.
    pub certified: bool,
    /// The visit–inspector ticket, 32 lowercase hex digits (big-endian).
    pub ticket: String,
    /// Rank of the ticket among the department's eligible candidates for this visit
    /// (0 = smallest ticket); the flow cost of this pairing.
    pub rank: u32,
}

/// How one department's share of a team was fixed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentShare {
    /// The department.
    pub department: DepartmentCode,
    /// Inspectors it sends.
    pub size: u32,
    /// How many of them had to be certified (the chosen split of `min_certified`).
    pub certified_required: u32,
}

/// The team of one visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Team {
    /// The enterprise.
    pub uscc: Uscc,
    /// The route (team-day) of the schedule hint.
    pub route: u32,
    /// The lead inspector (组长): the certified member of the lead department with the
    /// smallest ticket.
    pub lead: InspectorId,
    /// The departments' shares, by department code.
    pub shares: Vec<DepartmentShare>,
    /// Members, by department code then ticket.
    pub members: Vec<Member>,
}

/// The assignment: one team per visit, in USCC order, and the schedule hint.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamAssignment {
    /// Algorithm id (`"v1"`).
    pub algorithm: String,
    /// The task id.
    pub task_id: String,
    /// Teams, by USCC.
    pub teams: Vec<Team>,
    /// The routes of the schedule hint.
    pub routes: Vec<Route>,
}

/// One inspector of the department, with their fate for this visit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CandidateLine {
    /// The inspector.
    pub inspector: InspectorId,
    /// Certified.
    pub certified: bool,
    /// Their ticket for this visit (32 hex digits), computed for everyone.
    pub ticket: String,
    /// Rank among the eligible candidates; `None` if excluded.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank: Option<u32>,
    /// Assigned, not chosen, or why excluded.
    pub status: CandidateStatus,
}

/// One department of one visit, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DepartmentExplanation {
    /// The department.
    pub department: DepartmentCode,
    /// Inspectors it sends.
    pub size: u32,
    /// Certified officers it had to send.
    pub certified_required: u32,
    /// Its inspectors: eligible ones by rank, then excluded ones by id.
    pub candidates: Vec<CandidateLine>,
}

/// One visit, explained.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitExplanation {
    /// The enterprise.
    pub uscc: Uscc,
    /// Per department, by code.
    pub departments: Vec<DepartmentExplanation>,
}
