//! The committed sample county is exactly what the generator produces, parses with the
//! model types, and has the intended shape.

use std::collections::{BTreeMap, BTreeSet};
use std::fs;

use serde::de::DeserializeOwned;
use shuangsuiji::model::{
    Authority, Catalog, Categories, CheckKind, CheckRecord, CreditClass, Enterprise, Inspector,
    InspectorRoster, Level, RegistrationStatus, RiskGrade, Roster, Uscc, Verification,
};
use shuangsuiji_gen_county::{
    GENERATED_FILES, STATS_BEGIN, STATS_END, county_dir, data_dir, envelope_key, generate,
};

fn read(file: &str) -> Vec<u8> {
    fs::read(county_dir().join(file)).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn text(file: &str) -> String {
    String::from_utf8(read(file)).unwrap()
}

/// Reads an envelope file, checks the synthetic markers and returns the payload.
fn payload<T: DeserializeOwned>(file: &str) -> T {
    let v: serde_json::Value = serde_json::from_str(&text(file)).unwrap();
    assert_eq!(v["synthetic"], serde_json::Value::Bool(true), "{file}");
    let p: shuangsuiji::model::Provenance =
        serde_json::from_value(v["provenance"].clone()).unwrap();
    assert_eq!(p.verification, Verification::Synthetic, "{file}");
    let key = envelope_key(file).unwrap();
    assert_eq!(v.as_object().unwrap().len(), 3, "{file}: unexpected keys");
    serde_json::from_value(v[key].clone()).unwrap_or_else(|e| panic!("{file}: {e}"))
}

fn catalog() -> Catalog {
    Catalog::from_json(&text("catalog.json")).unwrap()
}

fn roster() -> Roster {
    Roster::new(payload::<Vec<Enterprise>>("enterprises.json")).unwrap()
}

fn history() -> Vec<CheckRecord> {
    payload("history.json")
}

fn authorities() -> Vec<Authority> {
    payload("authorities.json")
}

#[test]
fn committed_files_are_reproduced_byte_for_byte() {
    let data = generate().unwrap();
    let files = data.files().unwrap();
    assert_eq!(files.len(), GENERATED_FILES.len());
    for (name, bytes) in &files {
        assert!(
            read(name) == *bytes,
            "examples/data/huolinguole/{name} differs from the generator's output; \
             run `cargo run -p shuangsuiji-gen-county` and commit the result"
        );
    }
    let mut on_disk: Vec<String> = fs::read_dir(county_dir())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    on_disk.sort();
    let mut expected: Vec<String> = GENERATED_FILES.iter().map(|f| (*f).to_owned()).collect();
    expected.sort();
    assert_eq!(
        on_disk, expected,
        "stray or missing files in examples/data/huolinguole/"
    );
    // A second run gives the same bytes (no hidden state, no clock).
    assert!(generate().unwrap().files().unwrap() == files);
}

#[test]
fn readme_statistics_match_the_data() {
    let readme = fs::read_to_string(data_dir().join("README.md")).unwrap();
    let b = readme.find(STATS_BEGIN).expect("begin marker") + STATS_BEGIN.len() + 1;
    let e = readme.find(STATS_END).expect("end marker");
    assert_eq!(&readme[b..e], generate().unwrap().stats_markdown());
}

#[test]
fn catalog_parses_and_covers_six_departments() {
    let c = catalog();
    assert_eq!(
        c.provenance.as_ref().unwrap().verification,
        Verification::Synthetic
    );
    let depts: BTreeSet<&str> = c.items.iter().map(|i| i.department.as_str()).collect();
    assert!(depts.len() >= 6, "{depts:?}");
    for i in &c.items {
        assert!(
            !i.check_basis.is_empty(),
            "{} has no check basis",
            i.id.as_str()
        );
        assert!(
            !i.liability_basis.is_empty(),
            "{} has no liability basis",
            i.id.as_str()
        );
        // Only the laws bundled with the project can be verified.
        if i.provenance.verification == Verification::Verified {
            let d = &i.provenance.document;
            assert!(
                d.contains("食品安全法") || d.contains("令第49号") || d.contains("企业信息公示"),
                "{d}"
            );
        } else {
            assert_eq!(i.provenance.verification, Verification::Recalled);
        }
    }
    let key = c.item(&"market.food_production".parse_item()).unwrap();
    assert_eq!(key.kind.as_str(), "key");
    assert_eq!(c.content_hash().unwrap().len(), 64);
}

trait ParseItem {
    fn parse_item(&self) -> shuangsuiji::model::ItemId;
}
impl ParseItem for str {
    fn parse_item(&self) -> shuangsuiji::model::ItemId {
        shuangsuiji::model::ItemId::parse(self).unwrap()
    }
}

#[test]
fn authorities_validate_and_span_three_levels() {
    let a = authorities();
    for x in &a {
        x.validate().unwrap();
    }
    let levels: BTreeSet<Level> = a.iter().map(|x| x.level).collect();
    assert_eq!(levels.len(), 3);
    let county: BTreeSet<&str> = a
        .iter()
        .filter(|x| x.level == Level::County && x.jurisdiction.as_str() == "150581")
        .map(|x| x.department.as_str())
        .collect();
    for d in ["market", "eco_env", "emergency", "fire", "health", "hrss"] {
        assert!(county.contains(d), "{d}");
    }
}

#[test]
fn enterprises_have_the_intended_mix_and_valid_unique_usccs() {
    let r = roster();
    let n = r.len();
    assert!((1_900..=2_100).contains(&n), "{n}");
    let share = |c: CreditClass| {
        r.enterprises()
            .iter()
            .filter(|e| e.credit_class == c)
            .count()
            * 1000
            / n
    };
    // Per mille, around 30 / 55 / 10 / 3 / 2 %.
    assert!((260..=340).contains(&share(CreditClass::A)));
    assert!((500..=600).contains(&share(CreditClass::B)));
    assert!((70..=130).contains(&share(CreditClass::C)));
    assert!((15..=45).contains(&share(CreditClass::D)));
    assert!((5..=35).contains(&share(CreditClass::Unclassified)));
    let grade = |g: RiskGrade| {
        r.enterprises()
            .iter()
            .filter(|e| e.food_risk_grade == Some(g))
            .count()
    };
    assert!(grade(RiskGrade::A) + grade(RiskGrade::B) > n / 2);
    assert!(grade(RiskGrade::D) > 0);

    let mut seen = BTreeSet::new();
    for e in r.enterprises() {
        let reparsed = Uscc::parse(e.uscc.as_str()).unwrap();
        assert_eq!(reparsed, e.uscc);
        assert!(seen.insert(e.uscc), "duplicate {}", e.uscc);
        assert_eq!(e.uscc.division_code(), e.division.as_str());
        assert!(e.uscc.as_str().starts_with("91") || e.uscc.as_str().starts_with("92"));
        assert_eq!(
            &e.uscc.as_str()[8..10],
            "YX",
            "synthetic organisation-code body"
        );
        assert!(e.name.contains("（示例"), "{}", e.name);
        assert!(e.town.as_deref().unwrap().contains("（示例）"));
        assert!(!e.categories.is_empty());
    }
    let count = |f: &dyn Fn(&Enterprise) -> bool| r.enterprises().iter().filter(|e| f(e)).count();
    assert!(count(&|e| e.division.as_str() == "150581") > n * 9 / 10);
    assert!(count(&|e| e.division.as_str() != "150581") > 0);
    assert!(count(&|e| e.status == RegistrationStatus::Active) > n * 9 / 10);
    for st in [
        RegistrationStatus::Deregistered,
        RegistrationStatus::Revoked,
        RegistrationStatus::Suspended,
    ] {
        assert!(count(&|e| e.status == st) > 0, "{st}");
    }
    assert!(count(&|e| e.abnormal) > 0);
    assert!(count(&|e| e.serious_violation) >= 2);
    assert!(count(&|e| e.complaints > 0) > 0);
    assert!(count(&|e| !e.avoid_inspectors.is_empty()) > 0);
}

#[test]
fn inspectors_parse_and_have_the_intended_shape() {
    let list: Vec<Inspector> = payload("inspectors.json");
    let inspectors = InspectorRoster::new(list).unwrap();
    let all = inspectors.inspectors();
    assert!((55..=65).contains(&all.len()));
    let mut per: BTreeMap<&str, usize> = BTreeMap::new();
    for i in all {
        *per.entry(i.department.as_str()).or_default() += 1;
        assert!(i.name.as_deref().unwrap().ends_with("（示例）"));
    }
    let max = per.values().max().unwrap();
    assert_eq!(per["market"], *max);
    assert!(all.iter().filter(|i| i.certified).count() > all.len() * 9 / 10);
    assert!(all.iter().any(|i| !i.certified));
    assert!(all.iter().any(|i| !i.active));
    assert!(all.iter().any(|i| !i.conflicts.is_empty()));
    let r = roster();
    for i in all {
        for u in &i.conflicts {
            assert!(r.get(u).is_some());
        }
    }
    for e in r.enterprises() {
        for id in &e.avoid_inspectors {
            assert!(inspectors.get(id).is_some());
        }
    }
}

#[test]
fn history_is_consistent_and_exercises_the_rules() {
    let h = history();
    let r = roster();
    let c = catalog();
    let auth = authorities();
    assert!(h.len() > 300);
    for rec in &h {
        let e = r
            .get(&rec.uscc)
            .expect("checked enterprise is on the roster");
        assert!(e.status.is_operating());
        assert!(auth.contains(&rec.authority), "{}", rec.authority.id);
        assert!(
            rec.authority.covers(e.division),
            "{} outside {}",
            e.uscc,
            rec.authority.id
        );
        assert_eq!(rec.date.format("%Y").to_string(), "2024");
        for i in &rec.items {
            assert!(c.item(i).is_some(), "{}", i.as_str());
        }
        assert!(!rec.items.is_empty());
    }
    // Joint visits: one record with several departments' items ...
    let multi_dept = h.iter().any(|rec| {
        let d: BTreeSet<&str> = rec
            .items
            .iter()
            .map(|i| c.item(i).unwrap().department.as_str())
            .collect();
        d.len() >= 3
    });
    assert!(multi_dept);
    // ... and rows of one department each sharing a visit id.
    let mut by_visit: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for rec in &h {
        if let Some(v) = &rec.visit_id {
            by_visit
                .entry(v)
                .or_default()
                .insert(rec.authority.id.as_str());
        }
    }
    assert!(by_visit.values().any(|a| a.len() >= 3));
    // Higher levels checked some county enterprises.
    for level in [Level::Prefecture, Level::Provincial] {
        assert!(
            h.iter().any(|x| x.authority.level == level
                && r.get(&x.uscc).unwrap().division.as_str() == "150581")
        );
    }
    // Exception categories are present.
    for k in [
        CheckKind::Complaint,
        CheckKind::RectificationRecheck,
        CheckKind::LicensingSiteCheck,
    ] {
        assert!(h.iter().any(|x| x.kind == k), "{k}");
    }
    // Some enterprises have two or more planned county visits, so a cap of 2 bites.
    let mut county_visits: BTreeMap<Uscc, BTreeSet<String>> = BTreeMap::new();
    for x in &h {
        if x.authority.level == Level::County && x.kind == CheckKind::Random {
            county_visits
                .entry(x.uscc)
                .or_default()
                .insert(x.visit_key());
        }
    }
    assert!(county_visits.values().filter(|v| v.len() >= 2).count() >= 10);
    // Sorted by date.
    assert!(h.windows(2).all(|w| w[0].date <= w[1].date));
}

fn csv_rows(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    let mut rd = csv::ReaderBuilder::new().from_reader(bytes);
    let header = rd.headers().unwrap().iter().map(str::to_owned).collect();
    let rows = rd
        .records()
        .map(|r| r.unwrap().iter().map(str::to_owned).collect())
        .collect();
    (header, rows)
}

#[test]
fn enterprise_csvs_match_the_json() {
    let r = roster();
    let (header, rows) = csv_rows(&read("enterprises.csv"));
    assert_eq!(
        header,
        [
            "uscc",
            "name",
            "division",
            "town",
            "credit_class",
            "food_risk_grade",
            "categories",
            "status",
            "abnormal",
            "serious_violation",
            "complaints",
            "avoid_inspectors"
        ]
    );
    let gbk_bytes = read("enterprises-gbk.csv");
    let (gbk_text, _, bad) = encoding_rs::GBK.decode(&gbk_bytes);
    assert!(!bad);
    let (zh_header, zh_rows) = csv_rows(gbk_text.as_bytes());
    assert_eq!(
        zh_header,
        [
            "统一社会信用代码",
            "企业名称",
            "行政区划",
            "乡镇街道",
            "信用风险分类",
            "食品安全风险等级",
            "行业类别",
            "登记状态",
            "经营异常",
            "严重违法失信",
            "投诉举报数",
            "申请回避人员"
        ]
    );
    assert_eq!(rows.len(), r.len());
    assert_eq!(zh_rows.len(), r.len());
    for ((en, zh), e) in rows.iter().zip(&zh_rows).zip(r.enterprises()) {
        assert_eq!(en[0], e.uscc.as_str());
        assert_eq!(zh[0], e.uscc.as_str());
        assert_eq!(zh[1], e.name);
        assert_eq!(CreditClass::from_label(&en[4]).unwrap(), e.credit_class);
        assert_eq!(CreditClass::from_label(&zh[4]).unwrap(), e.credit_class);
        assert_eq!(RegistrationStatus::from_label(&en[7]).unwrap(), e.status);
        assert_eq!(RegistrationStatus::from_label(&zh[7]).unwrap(), e.status);
        let g = (!zh[5].is_empty()).then(|| RiskGrade::from_label(&zh[5]).unwrap());
        assert_eq!(g, e.food_risk_grade);
        let cats: Categories = zh[6].split(';').map(str::to_owned).collect();
        assert_eq!(cats, e.categories);
        assert_eq!(zh[8] == "是", e.abnormal);
        assert_eq!(en[9] == "true", e.serious_violation);
        assert_eq!(zh[10], e.complaints.to_string());
        let avoid: Vec<&str> = e.avoid_inspectors.iter().map(|i| i.as_str()).collect();
        assert_eq!(zh[11], avoid.join(";"));
        assert_eq!(en[11], avoid.join(";"));
    }
}

#[test]
fn inspector_and_history_csvs_match_the_json() {
    let (header, rows) = csv_rows(&read("inspectors.csv"));
    assert_eq!(
        header,
        [
            "执法证号",
            "姓名",
            "部门",
            "持证",
            "检查资格",
            "回避企业",
            "工作量上限",
            "在岗"
        ]
    );
    let list: Vec<Inspector> = payload("inspectors.json");
    assert_eq!(rows.len(), list.len());
    for (row, i) in rows.iter().zip(&list) {
        assert_eq!(row[0], i.id.as_str());
        assert_eq!(row[3] == "是", i.certified);
        assert_eq!(row[7] == "是", i.active);
        let conflicts: BTreeSet<Uscc> = row[5]
            .split(';')
            .filter(|s| !s.is_empty())
            .map(|s| Uscc::parse(s).unwrap())
            .collect();
        assert_eq!(conflicts, i.conflicts);
    }
    let (header, rows) = csv_rows(&read("history.csv"));
    assert_eq!(
        header,
        [
            "任务编号",
            "检查编号",
            "统一社会信用代码",
            "检查日期",
            "检查机关",
            "部门",
            "层级",
            "管辖区划",
            "检查事项",
            "检查类型",
            "检查人员"
        ]
    );
    let h = history();
    assert_eq!(rows.len(), h.len());
    for (row, rec) in rows.iter().zip(&h) {
        assert_eq!(row[0], rec.task_id);
        assert_eq!(row[1], rec.visit_id.clone().unwrap_or_default());
        assert_eq!(row[4], rec.authority.id);
        assert_eq!(Level::from_label(&row[6]).unwrap(), rec.authority.level);
        assert_eq!(CheckKind::from_label(&row[9]).unwrap(), rec.kind);
        let items: Vec<&str> = rec.items.iter().map(|i| i.as_str()).collect();
        assert_eq!(row[8], items.join(";"));
    }
}

#[test]
fn locations_cover_every_enterprise_near_its_town() {
    use shuangsuiji::routes::{Datum, Location};
    #[derive(serde::Deserialize)]
    struct Place {
        uscc: Uscc,
        location: Location,
    }
    #[derive(serde::Deserialize)]
    struct Office {
        authority: String,
        location: Location,
    }
    #[derive(serde::Deserialize)]
    struct Locations {
        datum: Datum,
        offices: Vec<Office>,
        enterprises: Vec<Place>,
    }
    let l: Locations = payload("locations.json");
    assert_eq!(l.datum, Datum::Wgs84);
    let roster = roster();
    let usccs: Vec<Uscc> = roster.enterprises().iter().map(|e| e.uscc).collect();
    let placed: Vec<Uscc> = l.enterprises.iter().map(|p| p.uscc).collect();
    assert_eq!(placed, usccs);
    let market = l
        .offices
        .iter()
        .find(|o| o.authority == "huolinguole-market")
        .expect("the market office");
    for (p, e) in l.enterprises.iter().zip(roster.enterprises()) {
        assert_eq!(p.location.datum, Datum::Wgs84);
        let km = market.location.metres_to(&p.location) / 1000;
        if e.division.as_str() == "150581" {
            assert!(km <= 20, "{} is {km} km from the office", p.uscc);
        } else {
            assert!(
                km >= 150,
                "{} outside the county is only {km} km away",
                p.uscc
            );
        }
    }
}
