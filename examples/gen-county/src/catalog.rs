//! The joint-check item catalog (食品生产领域"综合监管一件事"抽查事项清单) of the sample
//! county.
//!
//! The catalog as a whole is SYNTHETIC (its provenance says so); each item cites its
//! legal basis honestly: `verified` where the article was checked against the law text
//! bundled with the project (`/work/shared/domain/laws/`: 食品安全法, 令49,
//! 企业信息公示暂行条例), `recalled` for laws not bundled (环境保护法, 安全生产法, 消防法,
//! 计量法, 特种设备安全法, 职业病防治法, 劳动保障监察条例, 乳品质量安全监督管理条例),
//! where an article is only given when the generator's author was confident of it.

use serde_json::{Value, json};
use shuangsuiji::model::Catalog;

use crate::authorities::DEPARTMENTS;

const FSL: &str = "中华人民共和国食品安全法（2021年修正）";
const LING49: &str = "食品生产经营监督检查管理办法（国家市场监督管理总局令第49号）";
const GSXX: &str = "企业信息公示暂行条例";

fn r(document: &str, article: &str) -> Value {
    json!({ "document": document, "article": article })
}

fn doc(document: &str) -> Value {
    json!({ "document": document })
}

fn verified(document: &str, article: &str, from: Option<&str>, note: Option<&str>) -> Value {
    let mut p = json!({ "document": document, "article": article, "verification": "verified" });
    if let Some(f) = from {
        p["effective_from"] = json!(f);
    }
    if let Some(n) = note {
        p["note"] = json!(n);
    }
    p
}

fn recalled(document: &str, article: Option<&str>) -> Value {
    let mut p = json!({
        "document": document,
        "verification": "recalled",
        "note": "法律文本未随项目附带，条文依记忆引用，使用前须核对官方文本",
    });
    if let Some(a) = article {
        p["article"] = json!(a);
    }
    p
}

/// The catalog as JSON (before validation).
fn catalog_value() -> Value {
    let departments: Vec<Value> = DEPARTMENTS
        .iter()
        .map(|(code, name)| json!({ "code": code, "name": name }))
        .collect();
    let food = json!({ "categories": ["food_production", "food_additive"] });
    let items = vec![
        json!({
            "id": "market.food_production",
            "name": "食品生产监督检查",
            "sub_items": [
                "食品生产者资质", "生产环境条件", "进货查验", "生产过程控制", "产品检验",
                "贮存及交付控制", "不合格食品管理和食品召回", "标签和说明书", "食品安全自查",
                "从业人员管理", "信息记录和追溯", "食品安全事故处置"
            ],
            "department": "market",
            "content": "按食品生产监督检查要点表对食品生产者实施全项目监督检查",
            "kind": "key", "form": "joint", "applies_to": food,
            "default_ratio": "10/100", "frequency": { "times": 1, "years": 1 },
            "check_basis": [r(FSL, "第一百一十条"), r(LING49, "第十五条"), r(LING49, "第二十二条")],
            "liability_basis": [r(FSL, "第一百二十六条"), r(FSL, "第一百三十三条"),
                                r(LING49, "第四十八条"), r(LING49, "第四十九条")],
            "leniency_refs": ["admin-penalty-law-33-2", "ling49-51-2"],
            "provenance": verified(LING49, "第十五条", Some("2022-03-15"), None),
        }),
        json!({
            "id": "market.food_label",
            "name": "食品标签、说明书检查",
            "department": "market",
            "content": "预包装食品、食品添加剂标签和说明书是否符合食品安全法及食品安全标准",
            "kind": "general", "form": "joint", "applies_to": food,
            "default_ratio": "3/100", "frequency": { "times": 1, "years": 2 },
            "check_basis": [r(FSL, "第六十七条"), r(FSL, "第七十一条")],
            "liability_basis": [r(FSL, "第一百二十五条")],
            "leniency_refs": ["food-safety-law-125-2"],
            "provenance": verified(FSL, "第六十七条", None, None),
        }),
        json!({
            "id": "market.annual_report",
            "name": "企业公示信息抽查",
            "department": "market",
            "content": "企业年度报告及即时公示信息的真实性",
            "kind": "general", "form": "single",
            "default_ratio": "3/100", "frequency": { "times": 1, "years": 1 },
            "check_basis": [r(GSXX, "第十四条")],
            "liability_basis": [r(GSXX, "第十七条")],
            "provenance": verified(GSXX, "第十四条", None,
                Some("条文号依据2014年文本核对；2024年修订后的条文号未核对")),
        }),
        json!({
            "id": "market.metrology",
            "name": "计量器具使用监督检查",
            "department": "market",
            "content": "强制检定计量器具的登记、检定及使用",
            "kind": "general", "form": "joint",
            "applies_to": { "categories": ["food_production"] },
            "default_ratio": "3/100", "frequency": { "times": 1, "years": 2 },
            "check_basis": [r("中华人民共和国计量法", "第九条")],
            "liability_basis": [doc("中华人民共和国计量法")],
            "provenance": recalled("中华人民共和国计量法", Some("第九条")),
        }),
        json!({
            "id": "market.special_equipment",
            "name": "特种设备使用安全检查",
            "department": "market",
            "content": "锅炉、压力容器、压力管道、电梯、场（厂）内专用机动车辆的使用登记、定期检验及作业人员持证",
            "kind": "key", "form": "joint",
            "default_ratio": "5/100", "frequency": { "times": 1, "years": 1 },
            "check_basis": [doc("中华人民共和国特种设备安全法")],
            "liability_basis": [doc("中华人民共和国特种设备安全法")],
            "provenance": recalled("中华人民共和国特种设备安全法", None),
        }),
        json!({
            "id": "eco_env.pollution_permit",
            "name": "排污许可证执行情况检查",
            "department": "eco_env",
            "content": "是否依证排污、执行报告及自行监测",
            "kind": "key", "form": "joint", "applies_to": food,
            "default_ratio": "5/100", "frequency": { "times": 1, "years": 1 },
            "check_basis": [r("中华人民共和国环境保护法", "第四十五条"), doc("排污许可管理条例")],
            "liability_basis": [doc("排污许可管理条例")],
            "provenance": recalled("中华人民共和国环境保护法", Some("第四十五条")),
        }),
        json!({
            "id": "eco_env.pollution_prevention",
            "name": "污染防治设施运行检查",
            "department": "eco_env",
            "content": "废水、废气、固体废物污染防治设施的建设和运行",
            "kind": "general", "form": "joint", "applies_to": food,
            "default_ratio": "3/100", "frequency": { "times": 1, "years": 2 },
            "check_basis": [r("中华人民共和国环境保护法", "第二十四条")],
            "liability_basis": [doc("中华人民共和国环境保护法")],
            "provenance": recalled("中华人民共和国环境保护法", Some("第二十四条")),
        }),
        json!({
            "id": "emergency.work_safety",
            "name": "安全生产检查",
            "department": "emergency",
            "content": "安全生产责任制、隐患排查治理、有限空间及粉尘涉爆作业",
            "kind": "key", "form": "joint", "applies_to": food,
            "default_ratio": "5/100", "frequency": { "times": 1, "years": 1 },
            "check_basis": [doc("中华人民共和国安全生产法")],
            "liability_basis": [doc("中华人民共和国安全生产法")],
            "provenance": recalled("中华人民共和国安全生产法", None),
        }),
        json!({
            "id": "fire.fire_safety",
            "name": "消防安全检查",
            "department": "fire",
            "content": "消防安全责任、消防设施器材、疏散通道和安全出口",
            "kind": "key", "form": "joint",
            "default_ratio": "5/100", "frequency": { "times": 1, "years": 1 },
            "check_basis": [r("中华人民共和国消防法", "第五十三条")],
            "liability_basis": [r("中华人民共和国消防法", "第六十条")],
            "provenance": recalled("中华人民共和国消防法", Some("第五十三条")),
        }),
        json!({
            "id": "health.occupational_health",
            "name": "职业卫生检查",
            "department": "health",
            "content": "职业病危害项目申报、职业病危害因素检测及劳动者职业健康检查",
            "kind": "general", "form": "joint",
            "applies_to": { "categories": ["food_production", "food_additive"],
                            "exclude_categories": ["food_production:workshop"] },
            "default_ratio": "3/100", "frequency": { "times": 1, "years": 2 },
            "check_basis": [doc("中华人民共和国职业病防治法")],
            "liability_basis": [doc("中华人民共和国职业病防治法")],
            "provenance": recalled("中华人民共和国职业病防治法", None),
        }),
        json!({
            "id": "hrss.labour_security",
            "name": "劳动保障监察",
            "department": "hrss",
            "content": "劳动合同订立、工资支付、工作时间和社会保险参保",
            "kind": "general", "form": "joint",
            "default_ratio": "3/100", "frequency": { "times": 1, "years": 2 },
            "check_basis": [r("劳动保障监察条例", "第十一条")],
            "liability_basis": [doc("劳动保障监察条例")],
            "provenance": recalled("劳动保障监察条例", Some("第十一条")),
        }),
        json!({
            "id": "agri.raw_milk",
            "name": "生鲜乳收购、贮存、运输检查",
            "department": "agri",
            "content": "乳制品生产企业自建生鲜乳收购站的许可、检测及运输车辆",
            "kind": "general", "form": "joint",
            "applies_to": { "categories": ["food_production:dairy"] },
            "default_ratio": "5/100", "frequency": { "times": 1, "years": 1 },
            "check_basis": [doc("乳品质量安全监督管理条例")],
            "liability_basis": [doc("乳品质量安全监督管理条例")],
            "provenance": recalled("乳品质量安全监督管理条例", None),
        }),
    ];
    json!({
        "id": "huolinguole-food-production-joint-sample",
        "version": "2024.1-synthetic",
        "name": "霍林郭勒市食品生产领域“综合监管一件事”抽查事项清单（示例）",
        "departments": departments,
        "items": items,
        "provenance": {
            "document": "合成示例数据：仿照《霍林郭勒市“综合监管一件事”试点工作实施方案》（2024-05-06）编制，不是官方清单",
            "verification": "synthetic",
            "effective_from": "2024-01-01",
            "note": "SYNTHETIC sample generated by shuangsuiji-gen-county; item legal references carry their own verification level",
        },
    })
}

/// The catalog, validated by [`Catalog::from_json`].
///
/// # Errors
/// Any catalog validation error (never happens for the fixed table; the test proves it).
pub fn catalog() -> shuangsuiji::Result<Catalog> {
    Catalog::from_json(&catalog_value().to_string())
}
