//! The enterprise roster (监管对象名录): about 2,000 synthetic food producers.
//!
//! Every name ends in （示例NNNN） and every USCC has the organisation-code body
//! `YX…`, so no record can be mistaken for a real company; the codes are nevertheless
//! valid under GB 32100 / GB 11714 so that the library's checks accept them.

use std::collections::BTreeSet;

use shuangsuiji::model::{
    CreditClass, DivisionCode, Enterprise, RegistrationStatus, RiskGrade, USCC_ALPHABET, Uscc,
    org_code_check_char,
};

use crate::authorities::{COUNTY, DIVISIONS, TOWNS, outside_town};
use crate::rng::SplitMix64;

/// Number of enterprises generated.
pub const COUNT: usize = 2_000;

/// Food risk profile of a category: weights of risk grades A, B, C, D.
#[derive(Clone, Copy)]
enum Risk {
    Low,
    Medium,
    High,
}

/// `(category, product word for the name, risk profile, weight)`.
const CATEGORIES: &[(&str, &str, Risk, u64)] = &[
    ("food_production:grain", "粮食加工", Risk::Low, 200),
    ("food_production:dairy", "乳业", Risk::High, 150),
    ("food_production:meat", "肉类食品", Risk::High, 170),
    ("food_production:beverage", "饮品", Risk::Medium, 110),
    ("food_production:bakery", "烘焙食品", Risk::Medium, 120),
    ("food_production:condiment", "调味品", Risk::Medium, 70),
    ("food_production:edible_oil", "油脂", Risk::Medium, 40),
    ("food_production:frozen", "速冻食品", Risk::Medium, 50),
    ("food_production:liquor", "酒业", Risk::Medium, 40),
    ("food_production:confectionery", "糖果食品", Risk::Low, 30),
    ("food_production:special", "特殊食品", Risk::High, 10),
    ("food_additive", "食品添加剂", Risk::Medium, 20),
];

/// Invented trade-name syllables (字号).
const TRADE_NAMES: &[&str] = &[
    "禾丰", "云朵", "星河", "青岭", "白桦", "银泉", "沐野", "雁鸣", "松林", "晨光", "金秋", "远山",
    "朔风", "牧歌", "溪谷", "明川", "原野", "春晖", "瑞雪", "北辰", "丰泽", "长青", "嘉禾", "苍穹",
    "萃源", "绿洲", "岚峰", "惠民", "旭日", "鸿运",
];

/// Invented surnames for individual businesses (个体工商户).
const SURNAMES: &[&str] = &[
    "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "孙", "马", "朱", "胡", "郭", "高",
    "林", "何", "罗", "包", "乌", "白", "韩", "田",
];

fn risk_grade(rng: &mut SplitMix64, risk: Risk) -> RiskGrade {
    let w = match risk {
        Risk::Low => [550, 380, 60, 10],
        Risk::Medium => [300, 500, 170, 30],
        Risk::High => [100, 400, 350, 150],
    };
    rng.weighted(&[
        (RiskGrade::A, w[0]),
        (RiskGrade::B, w[1]),
        (RiskGrade::C, w[2]),
        (RiskGrade::D, w[3]),
    ])
}

fn uscc(rng: &mut SplitMix64, second: char, division: &str) -> shuangsuiji::Result<Uscc> {
    let mut body = *b"YX000000";
    for b in body.iter_mut().skip(2) {
        *b = *rng.pick(USCC_ALPHABET);
    }
    let check = org_code_check_char(&body)?;
    let first17 = format!(
        "9{second}{division}{}{}",
        String::from_utf8_lossy(&body),
        char::from(check)
    );
    Uscc::complete(&first17)
}

/// Generates the roster (sorted by USCC).
///
/// # Errors
/// Model errors only if the generator is wrong (the test proves it is not).
pub fn enterprises(seed: u64) -> shuangsuiji::Result<Vec<Enterprise>> {
    let mut rng = SplitMix64::stream(seed, "enterprises");
    let cats: Vec<(usize, u64)> = CATEGORIES
        .iter()
        .enumerate()
        .map(|(i, c)| (i, c.3))
        .collect();
    let mut seen = BTreeSet::new();
    let mut out = Vec::with_capacity(COUNT);
    for n in 1..=COUNT {
        let division = rng.weighted(DIVISIONS);
        let individual = rng.chance(110);
        let second = if individual { '2' } else { '1' };
        let code = loop {
            let u = uscc(&mut rng, second, division)?;
            if seen.insert(u) {
                break u;
            }
        };
        let main = &CATEGORIES[rng.weighted(&cats)];
        let mut categories: BTreeSet<String> = BTreeSet::from([main.0.to_owned()]);
        if individual && main.0.starts_with("food_production") && rng.chance(600) {
            // 食品小作坊 (small workshop): excluded from the occupational-health item.
            categories.insert("food_production:workshop".to_owned());
        } else if rng.chance(120) {
            categories.insert(CATEGORIES[rng.weighted(&cats)].0.to_owned());
        }
        let trade = rng.pick(TRADE_NAMES);
        let place = match division {
            COUNTY => "霍林郭勒",
            "150502" | "150521" => "通辽",
            _ => "呼和浩特",
        };
        let name = if individual {
            let surname = rng.pick(SURNAMES);
            format!("{place}市{surname}记{}坊（示例{n:04}）", main.1)
        } else {
            let form = rng.pick(&["有限公司", "有限责任公司", "股份有限公司", "有限公司"]);
            format!("{place}{trade}{}{form}（示例{n:04}）", main.1)
        };
        let credit_class = rng.weighted(&[
            (CreditClass::A, 300),
            (CreditClass::B, 550),
            (CreditClass::C, 100),
            (CreditClass::D, 30),
            (CreditClass::Unclassified, 20),
        ]);
        let mut e = Enterprise::new(code, &name, DivisionCode::parse(division)?, credit_class);
        e.town = Some(if division == COUNTY {
            rng.weighted(TOWNS).to_owned()
        } else {
            outside_town(division).to_owned()
        });
        e.categories = categories.into();
        e.food_risk_grade = if rng.chance(30) {
            None
        } else {
            let mut g = risk_grade(&mut rng, main.2);
            if credit_class == CreditClass::D && g == RiskGrade::A {
                g = RiskGrade::B;
            }
            Some(g)
        };
        e.status = rng.weighted(&[
            (RegistrationStatus::Active, 940),
            (RegistrationStatus::Suspended, 15),
            (RegistrationStatus::Deregistered, 25),
            (RegistrationStatus::Revoked, 15),
            (RegistrationStatus::MovedOut, 5),
        ]);
        let abnormal_per_mille = match (e.status, credit_class) {
            (RegistrationStatus::Revoked, _) => 700,
            (_, CreditClass::A) => 0,
            (_, CreditClass::B) => 10,
            (_, CreditClass::C) => 80,
            (_, CreditClass::D) => 300,
            (_, CreditClass::Unclassified) => 50,
        };
        e.abnormal = rng.chance(abnormal_per_mille);
        e.serious_violation = credit_class == CreditClass::D && rng.chance(80);
        let (p, hi) = match credit_class {
            CreditClass::A => (30, 1),
            CreditClass::B => (80, 2),
            CreditClass::C => (200, 4),
            CreditClass::D => (400, 8),
            CreditClass::Unclassified => (50, 1),
        };
        if rng.chance(p) {
            e.complaints = u32::try_from(rng.between(1, hi)).unwrap_or(1);
        }
        out.push(e);
    }
    out.sort_by_key(|e| e.uscc);
    Ok(out)
}
