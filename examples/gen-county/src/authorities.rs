//! Geography and authorities (执法主体) of the sample county.
//!
//! 霍林郭勒市 (150581) lies in 通辽市 (150500), 内蒙古自治区 (150000). The department
//! names are the usual ones of a county-level city; the street / town names are
//! INVENTED and marked （示例）.

use serde_json::json;
use shuangsuiji::model::Authority;

/// The county's division code.
pub const COUNTY: &str = "150581";

/// Streets and towns (乡镇/街道) of the county — invented names, marked （示例）, with
/// integer weights for how many producers sit in each.
pub const TOWNS: &[(&str, u64)] = &[
    ("河东街道（示例）", 22),
    ("河西街道（示例）", 20),
    ("新城街道（示例）", 14),
    ("北山街道（示例）", 10),
    ("工业园区（示例）", 24),
    ("草原镇（示例）", 10),
];

/// Divisions of the registered address with integer weights: almost all producers are
/// in the county, a few outside it (to exercise jurisdiction rules).
pub const DIVISIONS: &[(&str, u64)] = &[
    (COUNTY, 960),
    ("150502", 20), // 通辽市科尔沁区
    ("150521", 10), // 科尔沁左翼中旗
    ("150105", 10), // 呼和浩特市赛罕区
];

/// An invented town name for an enterprise outside the county.
#[must_use]
pub fn outside_town(division: &str) -> &'static str {
    match division {
        "150502" => "科尔沁区某街道（示例）",
        "150521" => "科左中旗某镇（示例）",
        _ => "赛罕区某街道（示例）",
    }
}

/// Departments taking part in the joint checks: code and display name.
pub const DEPARTMENTS: &[(&str, &str)] = &[
    ("market", "市场监督管理局"),
    ("eco_env", "生态环境局"),
    ("emergency", "应急管理局"),
    ("fire", "消防救援机构"),
    ("health", "卫生健康委员会"),
    ("hrss", "人力资源和社会保障局"),
    ("agri", "农牧局"),
];

/// `(id, department, level, jurisdiction, name)` of every authority in the data set.
const AUTHORITIES: &[(&str, &str, &str, &str, &str)] = &[
    (
        "huolinguole-market",
        "market",
        "county",
        COUNTY,
        "霍林郭勒市市场监督管理局",
    ),
    (
        "huolinguole-eco_env",
        "eco_env",
        "county",
        COUNTY,
        "通辽市生态环境局霍林郭勒市分局",
    ),
    (
        "huolinguole-emergency",
        "emergency",
        "county",
        COUNTY,
        "霍林郭勒市应急管理局",
    ),
    (
        "huolinguole-fire",
        "fire",
        "county",
        COUNTY,
        "霍林郭勒市消防救援大队",
    ),
    (
        "huolinguole-health",
        "health",
        "county",
        COUNTY,
        "霍林郭勒市卫生健康委员会",
    ),
    (
        "huolinguole-hrss",
        "hrss",
        "county",
        COUNTY,
        "霍林郭勒市人力资源和社会保障局",
    ),
    (
        "huolinguole-agri",
        "agri",
        "county",
        COUNTY,
        "霍林郭勒市农牧局",
    ),
    (
        "kerqin-market",
        "market",
        "county",
        "150502",
        "通辽市科尔沁区市场监督管理局",
    ),
    (
        "tongliao-market",
        "market",
        "prefecture",
        "150500",
        "通辽市市场监督管理局",
    ),
    (
        "tongliao-eco_env",
        "eco_env",
        "prefecture",
        "150500",
        "通辽市生态环境局",
    ),
    (
        "neimenggu-market",
        "market",
        "provincial",
        "150000",
        "内蒙古自治区市场监督管理局",
    ),
    (
        "neimenggu-eco_env",
        "eco_env",
        "provincial",
        "150000",
        "内蒙古自治区生态环境厅",
    ),
];

/// All authorities, validated through the model type.
///
/// # Errors
/// Any model error (never happens for the fixed table; the test proves it).
pub fn authorities() -> shuangsuiji::Result<Vec<Authority>> {
    AUTHORITIES
        .iter()
        .map(|(id, dept, level, juris, name)| {
            let a: Authority = serde_json::from_value(json!({
                "id": id, "department": dept, "level": level,
                "jurisdiction": juris, "name": name,
            }))
            .map_err(|e| shuangsuiji::Error::from_json(&e))?;
            a.validate()?;
            Ok(a)
        })
        .collect()
}

/// The authority with this id (panics only on a typo in the generator itself).
#[must_use]
pub fn by_id<'a>(all: &'a [Authority], id: &str) -> &'a Authority {
    all.iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("generator bug: no authority {id}"))
}
