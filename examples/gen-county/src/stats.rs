//! The statistics block of `examples/data/README.md` (kept in sync by the test).

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use shuangsuiji::model::{CheckKind, CreditClass, Level, RegistrationStatus, RiskGrade};

use crate::DataSet;

fn pct(n: usize, total: usize) -> String {
    let per_mille = (n * 1000 + total / 2) / total.max(1);
    format!("{}.{} %", per_mille / 10, per_mille % 10)
}

/// Per enterprise: the number of distinct planned visits (random or special checks,
/// rows sharing a visit id counted once) at any level.
pub fn counting_visits(data: &DataSet) -> BTreeMap<String, usize> {
    let mut visits: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for r in &data.history {
        if matches!(r.kind, CheckKind::Random | CheckKind::Special) {
            visits
                .entry(r.uscc.to_string())
                .or_default()
                .insert(r.visit_key());
        }
    }
    visits.into_iter().map(|(k, v)| (k, v.len())).collect()
}

/// Renders the Markdown statistics block.
pub fn markdown(data: &DataSet) -> String {
    let mut s = String::new();
    let n = data.enterprises.len();
    let _ = writeln!(s, "Enterprises: **{n}**.\n");
    let _ = writeln!(
        s,
        "| 信用风险分类 credit_class | count | share |\n|---|---:|---:|"
    );
    for c in CreditClass::ALL {
        let k = data
            .enterprises
            .iter()
            .filter(|e| e.credit_class == *c)
            .count();
        let _ = writeln!(s, "| {} | {k} | {} |", c.as_str(), pct(k, n));
    }
    let _ = writeln!(
        s,
        "\n| 食品安全风险等级 food_risk_grade | count |\n|---|---:|"
    );
    for g in RiskGrade::ALL {
        let k = data
            .enterprises
            .iter()
            .filter(|e| e.food_risk_grade == Some(*g))
            .count();
        let _ = writeln!(s, "| {} | {k} |", g.as_str());
    }
    let ungraded = data
        .enterprises
        .iter()
        .filter(|e| e.food_risk_grade.is_none())
        .count();
    let _ = writeln!(s, "| (not graded) | {ungraded} |");
    let _ = writeln!(s, "\n| 登记状态 status | count |\n|---|---:|");
    for st in RegistrationStatus::ALL {
        let k = data.enterprises.iter().filter(|e| e.status == *st).count();
        let _ = writeln!(s, "| {} | {k} |", st.as_str());
    }
    let mut divisions: BTreeMap<&str, usize> = BTreeMap::new();
    for e in &data.enterprises {
        *divisions.entry(e.division.as_str()).or_default() += 1;
    }
    let _ = writeln!(s, "\n| division | count |\n|---|---:|");
    for (d, k) in &divisions {
        let _ = writeln!(s, "| {d} | {k} |");
    }
    let count = |f: &dyn Fn(&shuangsuiji::model::Enterprise) -> bool| {
        data.enterprises.iter().filter(|e| f(e)).count()
    };
    let _ = writeln!(
        s,
        "\nFlags: abnormal (经营异常) {}, serious_violation (严重违法失信) {}, with complaints {}, \
         individual businesses (USCC `92…`) {}, with avoid_inspectors {}.",
        count(&|e| e.abnormal),
        count(&|e| e.serious_violation),
        count(&|e| e.complaints > 0),
        count(&|e| e.uscc.as_str().starts_with("92")),
        count(&|e| !e.avoid_inspectors.is_empty()),
    );

    let mut per_dept: BTreeMap<&str, usize> = BTreeMap::new();
    for i in &data.inspectors {
        *per_dept.entry(i.department.as_str()).or_default() += 1;
    }
    let _ = writeln!(
        s,
        "\nInspectors: **{}** ({}); not certified {}, inactive {}, with conflicts {}, without capacity {}.",
        data.inspectors.len(),
        per_dept
            .iter()
            .map(|(d, k)| format!("{d} {k}"))
            .collect::<Vec<_>>()
            .join(", "),
        data.inspectors.iter().filter(|i| !i.certified).count(),
        data.inspectors.iter().filter(|i| !i.active).count(),
        data.inspectors
            .iter()
            .filter(|i| !i.conflicts.is_empty())
            .count(),
        data.inspectors
            .iter()
            .filter(|i| i.capacity.is_none())
            .count(),
    );

    let visits: BTreeSet<String> = data.history.iter().map(|r| r.visit_key()).collect();
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut levels: BTreeMap<&str, usize> = BTreeMap::new();
    for r in &data.history {
        *kinds.entry(r.kind.as_str()).or_default() += 1;
        *levels.entry(r.authority.level.as_str()).or_default() += 1;
    }
    let join = |m: &BTreeMap<&str, usize>| {
        m.iter()
            .map(|(k, v)| format!("{k} {v}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let counting = counting_visits(data);
    let higher: BTreeSet<String> = data
        .history
        .iter()
        .filter(|r| r.authority.level != Level::County)
        .map(|r| r.uscc.to_string())
        .collect();
    let _ = writeln!(
        s,
        "\nHistory 2024: **{}** records, {} visits; by kind: {}; by level: {}. \
         Enterprises with 2+ planned (random/special) visits: {}; checked by the city or region: {}.",
        data.history.len(),
        visits.len(),
        join(&kinds),
        join(&levels),
        counting.values().filter(|v| **v >= 2).count(),
        higher.len(),
    );
    s
}
