//! The inspector roster (执法检查人员名录库): about 60 synthetic inspectors.
//!
//! Ids look like 执法证号 (`150581` + year + serial); names are invented and marked
//! （示例）.

use std::collections::BTreeSet;

use shuangsuiji::model::{Catalog, DepartmentCode, Enterprise, Inspector, InspectorId};

use crate::authorities::COUNTY;
use crate::rng::SplitMix64;

/// Inspectors per department.
pub const PER_DEPARTMENT: &[(&str, usize)] = &[
    ("market", 24),
    ("eco_env", 7),
    ("emergency", 7),
    ("fire", 7),
    ("health", 6),
    ("hrss", 5),
    ("agri", 4),
];

const SURNAMES: &[&str] = &[
    "赵", "钱", "孙", "李", "周", "吴", "郑", "王", "冯", "陈", "褚", "卫", "蒋", "沈", "韩", "杨",
    "朱", "秦", "尤", "许", "何", "吕", "施", "包", "乌",
];

const GIVEN: &[&str] = &[
    "一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "甲", "乙", "丙", "丁", "戊",
];

/// Generates the roster (sorted by id). `enterprises` supplies USCCs for declared
/// conflicts (回避).
///
/// # Errors
/// Model errors only if the generator is wrong.
pub fn inspectors(
    seed: u64,
    catalog: &Catalog,
    enterprises: &[Enterprise],
) -> shuangsuiji::Result<Vec<Inspector>> {
    let mut rng = SplitMix64::stream(seed, "inspectors");
    let local: Vec<&Enterprise> = enterprises
        .iter()
        .filter(|e| e.division.as_str() == COUNTY && e.status.is_operating())
        .collect();
    let mut out = Vec::new();
    let mut serial = 0u32;
    for &(dept, n) in PER_DEPARTMENT {
        let items: Vec<String> = catalog
            .items
            .iter()
            .filter(|i| i.department.as_str() == dept)
            .map(|i| i.id.as_str().to_owned())
            .collect();
        for k in 0..n {
            serial += 1;
            let year = 2016 + rng.below(9);
            let id = InspectorId::parse(&format!("{COUNTY}{year}{serial:04}"))?;
            let name = format!(
                "{}{}{}（示例）",
                rng.pick(SURNAMES),
                rng.pick(GIVEN),
                rng.pick(GIVEN)
            );
            let mut qualifications = BTreeSet::new();
            // About a fifth hold no restriction (any item of the department).
            if !rng.chance(200) {
                for item in &items {
                    if items.len() == 1 || rng.chance(650) {
                        qualifications.insert(item.clone());
                    }
                }
                if qualifications.is_empty() {
                    qualifications.insert(rng.pick(&items).clone());
                }
                if dept == "market" && rng.chance(150) {
                    qualifications.insert("food_production:dairy".to_owned());
                }
            }
            let mut conflicts = BTreeSet::new();
            if rng.chance(130) {
                for _ in 0..rng.between(1, 2) {
                    conflicts.insert(rng.pick(&local).uscc);
                }
            }
            let capacity = if rng.chance(150) {
                None
            } else {
                Some(u32::try_from(rng.between(6, 20)).unwrap_or(10))
            };
            out.push(Inspector {
                id,
                name: Some(name),
                department: DepartmentCode::parse(dept)?,
                // A few newly assigned staff have no law-enforcement certificate yet.
                certified: !(k == n - 1 && matches!(dept, "market" | "fire" | "hrss")),
                qualifications,
                conflicts,
                capacity,
                active: !(k == 3 && matches!(dept, "market" | "emergency")),
            });
        }
    }
    out.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(out)
}
