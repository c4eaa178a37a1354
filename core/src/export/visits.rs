//! The draw's visit list (抽查名单) and the teams (检查组) as tables for people: Chinese
//! headers, enterprise names from the roster, department and item names from the
//! catalog, inspector names from the inspector roster (each optional: a code stands
//! where no name is given). The draw and the assignment themselves are
//! [`crate::draw`]'s and [`crate::teams`]'s; the bindings build data frames from these
//! tables (`to_dataframe(lang="zh")`), the layout is decided here once.
//!
//! Tested by the doc examples below and `tests/vectors/export/visit_tables.ops.json`.

use super::Table;
use crate::draw::{Basis, DrawResult};
use crate::model::{Catalog, DepartmentCode, InspectorRoster, ItemId, Roster, Uscc};
use crate::teams::TeamAssignment;

/// The headers of [`visit_table`].
pub const VISIT_TABLE_HEADERS: [&str; 8] = [
    "序号",
    "统一社会信用代码",
    "企业名称",
    "检查部门",
    "检查事项",
    "分层",
    "抽取方式",
    "随机号",
];

/// The headers of [`team_table`].
pub const TEAM_TABLE_HEADERS: [&str; 10] = [
    "统一社会信用代码",
    "企业名称",
    "路线",
    "组长",
    "部门",
    "检查人员编号",
    "检查人员",
    "持执法证",
    "随机号",
    "序位",
];

/// How an enterprise came into the sample, in words.
const fn basis_zh(b: Basis) -> &'static str {
    match b {
        Basis::Drawn => "随机抽取",
        Basis::Expansion => "扩大抽取",
        Basis::Substitute => "替补",
    }
}

/// Names from the optional documents; the code where none is given.
struct Names<'a> {
    roster: Option<&'a Roster>,
    catalog: Option<&'a Catalog>,
}

impl Names<'_> {
    fn enterprise(&self, u: &Uscc) -> String {
        self.roster
            .and_then(|r| r.get(u))
            .map(|e| e.name.clone())
            .unwrap_or_default()
    }

    fn department(&self, d: &DepartmentCode) -> String {
        self.catalog
            .and_then(|c| c.departments.iter().find(|x| x.code == *d))
            .map_or_else(|| d.as_str().to_owned(), |x| x.name.clone())
    }

    fn item(&self, i: &ItemId) -> String {
        self.catalog
            .and_then(|c| c.item(i))
            .map_or_else(|| i.as_str().to_owned(), |x| x.name.clone())
    }
}

/// The visit list under [`VISIT_TABLE_HEADERS`]: one row per visit (enterprise) in the
/// result's order, numbered from 1; its departments joined with `、`, its items, strata
/// and how each was drawn joined with `；` in the same order.
///
/// ```
/// use shuangsuiji::export::{visit_table, VISIT_TABLE_HEADERS};
/// # let v: serde_json::Value = serde_json::from_str(include_str!("../../../tests/vectors/publish/ceremony.json")).unwrap();
/// # let result: shuangsuiji::publish::ResultDocument = serde_json::from_value(v["ceremony"]["result"].clone()).unwrap();
/// let table = visit_table(&result.draw, None, None);
/// assert_eq!(table.headers, VISIT_TABLE_HEADERS);
/// assert_eq!(table.rows.len(), result.draw.visits.len());
/// assert_eq!(table.rows[0][0], "1");
/// ```
#[must_use]
pub fn visit_table(
    result: &DrawResult,
    roster: Option<&Roster>,
    catalog: Option<&Catalog>,
) -> Table {
    let names = Names { roster, catalog };
    let rows = result
        .visits
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let departments: Vec<String> =
                v.departments.iter().map(|d| names.department(d)).collect();
            let items: Vec<String> = v.items.iter().map(|x| names.item(&x.item_id)).collect();
            let strata: Vec<&str> = v.items.iter().map(|x| x.stratum.as_str()).collect();
            let basis: Vec<&str> = v.items.iter().map(|x| basis_zh(x.basis)).collect();
            vec![
                (i + 1).to_string(),
                v.uscc.to_string(),
                names.enterprise(&v.uscc),
                departments.join("、"),
                items.join("；"),
                strata.join("；"),
                basis.join("；"),
                v.ticket.to_string(),
            ]
        })
        .collect();
    Table::new(&VISIT_TABLE_HEADERS, rows)
}

/// The teams under [`TEAM_TABLE_HEADERS`]: one row per member, teams in the
/// assignment's order (by USCC), members by department then ticket; 组长 is `是` on the
/// lead's row; 序位 is the member's rank among the department's candidates (0 = the
/// smallest ticket).
///
/// ```
/// use shuangsuiji::export::{team_table, TEAM_TABLE_HEADERS};
/// # let v: serde_json::Value = serde_json::from_str(include_str!("../../../tests/vectors/teams/basic_two_departments.ops.json")).unwrap();
/// # let assignment: shuangsuiji::teams::TeamAssignment = serde_json::from_value(v["cases"][0]["expect"].clone()).unwrap();
/// let table = team_table(&assignment, None, None, None);
/// assert_eq!(table.headers, TEAM_TABLE_HEADERS);
/// assert!(table.rows.iter().any(|r| r[3] == "是"));
/// ```
#[must_use]
pub fn team_table(
    assignment: &TeamAssignment,
    inspectors: Option<&InspectorRoster>,
    roster: Option<&Roster>,
    catalog: Option<&Catalog>,
) -> Table {
    let names = Names { roster, catalog };
    let mut rows = Vec::new();
    for t in &assignment.teams {
        for m in &t.members {
            let name = inspectors
                .and_then(|r| r.get(&m.inspector))
                .and_then(|x| x.name.clone())
                .unwrap_or_default();
            rows.push(vec![
                t.uscc.to_string(),
                names.enterprise(&t.uscc),
                t.route.to_string(),
                if m.inspector == t.lead { "是" } else { "" }.to_owned(),
                names.department(&m.department),
                m.inspector.as_str().to_owned(),
                name,
                if m.certified { "是" } else { "否" }.to_owned(),
                m.ticket.clone(),
                m.rank.to_string(),
            ]);
        }
    }
    Table::new(&TEAM_TABLE_HEADERS, rows)
}
