//! Rendering the data set to files: JSON envelopes marked synthetic, and CSV exports
//! (UTF-8 with English or Chinese headers, GBK with Chinese headers and labels).

use serde::Serialize;
use serde::ser::SerializeMap;
use shuangsuiji::model::{
    CheckKind, CreditClass, Level, Provenance, RegistrationStatus, RiskGrade, Verification,
};

use crate::{DataSet, Error};

/// The generated files, in the order [`DataSet::files`] returns them.
pub const GENERATED_FILES: &[&str] = &[
    "authorities.json",
    "catalog.json",
    "enterprises.json",
    "enterprises.csv",
    "enterprises-gbk.csv",
    "inspectors.json",
    "inspectors.csv",
    "history.json",
    "history.csv",
    "locations.json",
];

/// Marks the start of the generated statistics block in `examples/data/README.md`.
pub const STATS_BEGIN: &str = "<!-- generated statistics: begin -->";
/// Marks the end of the generated statistics block in `examples/data/README.md`.
pub const STATS_END: &str = "<!-- generated statistics: end -->";

/// The key that holds the payload array in an envelope JSON file
/// (`{"synthetic": true, "provenance": {…}, "<key>": […]}`), or `None` for
/// `catalog.json`, which is a bare [`shuangsuiji::model::Catalog`].
#[must_use]
pub fn envelope_key(file: &str) -> Option<&'static str> {
    match file {
        "authorities.json" => Some("authorities"),
        "enterprises.json" => Some("enterprises"),
        "inspectors.json" => Some("inspectors"),
        "history.json" => Some("records"),
        "locations.json" => Some("locations"),
        _ => None,
    }
}

struct Envelope<'a, T> {
    key: &'static str,
    what: &'static str,
    data: &'a T,
}

impl<T: Serialize> Serialize for Envelope<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let provenance = Provenance {
            document: format!("合成示例数据：霍林郭勒市{}（shuangsuiji-gen-county 生成）", self.what),
            article: None,
            verification: Verification::Synthetic,
            effective_from: None,
            effective_to: None,
            note: Some(
                "SYNTHETIC sample data, not real enterprises or people; regenerate with `cargo run -p shuangsuiji-gen-county`"
                    .to_owned(),
            ),
        };
        let mut m = s.serialize_map(Some(3))?;
        m.serialize_entry("synthetic", &true)?;
        m.serialize_entry("provenance", &provenance)?;
        m.serialize_entry(self.key, self.data)?;
        m.end()
    }
}

fn pretty<T: Serialize>(value: &T) -> Result<Vec<u8>, Error> {
    let mut out = serde_json::to_vec_pretty(value)?;
    out.push(b'\n');
    Ok(out)
}

fn envelope<T: Serialize>(file: &str, what: &'static str, data: &T) -> Result<Vec<u8>, Error> {
    let key = envelope_key(file).ok_or("no envelope key")?;
    pretty(&Envelope { key, what, data })
}

fn csv_text(header: &[&str], rows: &[Vec<String>], crlf: bool) -> Result<String, Error> {
    let terminator = if crlf {
        csv::Terminator::CRLF
    } else {
        csv::Terminator::Any(b'\n')
    };
    let mut w = csv::WriterBuilder::new()
        .terminator(terminator)
        .from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row)?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    Ok(String::from_utf8(bytes)?)
}

fn join<'a>(xs: impl IntoIterator<Item = &'a str>) -> String {
    xs.into_iter().collect::<Vec<_>>().join(";")
}

fn yes_no(b: bool) -> String {
    (if b { "是" } else { "否" }).to_owned()
}

/// Chinese label of a credit class as in 信用风险分类 spreadsheets.
#[must_use]
pub(crate) fn credit_label(c: CreditClass) -> &'static str {
    match c {
        CreditClass::A => "A类",
        CreditClass::B => "B类",
        CreditClass::C => "C类",
        CreditClass::D => "D类",
        CreditClass::Unclassified => "未分类",
    }
}

fn risk_label(g: RiskGrade) -> &'static str {
    match g {
        RiskGrade::A => "A级",
        RiskGrade::B => "B级",
        RiskGrade::C => "C级",
        RiskGrade::D => "D级",
    }
}

fn status_label(s: RegistrationStatus) -> &'static str {
    match s {
        RegistrationStatus::Active => "存续",
        RegistrationStatus::Suspended => "歇业",
        RegistrationStatus::MovedOut => "迁出",
        RegistrationStatus::Revoked => "吊销",
        RegistrationStatus::Deregistered => "注销",
    }
}

fn level_label(l: Level) -> &'static str {
    match l {
        Level::National => "国家级",
        Level::Provincial => "省级",
        Level::Prefecture => "市级",
        Level::County => "县级",
    }
}

fn kind_label(k: CheckKind) -> &'static str {
    match k {
        CheckKind::Random => "双随机抽查",
        CheckKind::Special => "专项检查",
        CheckKind::Complaint => "投诉举报",
        CheckKind::ReferredCase => "转办交办",
        CheckKind::AssistHigherLevel => "协助上级",
        CheckKind::Audit => "审计",
        CheckKind::OffsiteLead => "线索核查",
        CheckKind::MediaExposure => "媒体曝光",
        CheckKind::RectificationRecheck => "整改复查",
        CheckKind::EnterpriseRequest => "企业申请",
        CheckKind::LicensingSiteCheck => "许可现场核查",
        CheckKind::Emergency => "应急处置",
        CheckKind::Other => "其他",
        CheckKind::FlightCheck => "飞行检查",
        CheckKind::SystemCheck => "体系检查",
    }
}

fn enterprise_csvs(data: &DataSet) -> Result<(Vec<u8>, Vec<u8>), Error> {
    let mut en = Vec::new();
    let mut zh = Vec::new();
    for e in &data.enterprises {
        let town = e.town.clone().unwrap_or_default();
        let cats = join(e.categories.iter().map(String::as_str));
        let avoid = join(e.avoid_inspectors.iter().map(|i| i.as_str()));
        en.push(vec![
            e.uscc.to_string(),
            e.name.clone(),
            e.division.to_string(),
            town.clone(),
            e.credit_class.as_str().to_owned(),
            e.food_risk_grade
                .map(|g| g.as_str().to_owned())
                .unwrap_or_default(),
            cats.clone(),
            e.status.as_str().to_owned(),
            e.abnormal.to_string(),
            e.serious_violation.to_string(),
            e.complaints.to_string(),
            avoid.clone(),
        ]);
        zh.push(vec![
            e.uscc.to_string(),
            e.name.clone(),
            e.division.to_string(),
            town,
            credit_label(e.credit_class).to_owned(),
            e.food_risk_grade
                .map(|g| risk_label(g).to_owned())
                .unwrap_or_default(),
            cats,
            status_label(e.status).to_owned(),
            yes_no(e.abnormal),
            yes_no(e.serious_violation),
            e.complaints.to_string(),
            avoid,
        ]);
    }
    let utf8 = csv_text(
        &[
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
            "avoid_inspectors",
        ],
        &en,
        false,
    )?;
    let gbk_text = csv_text(
        &[
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
            "申请回避人员",
        ],
        &zh,
        true,
    )?;
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&gbk_text);
    if unmappable {
        return Err("a character of the enterprise roster has no GBK code".into());
    }
    Ok((utf8.into_bytes(), gbk.into_owned()))
}

fn inspectors_csv(data: &DataSet) -> Result<Vec<u8>, Error> {
    let rows: Vec<Vec<String>> = data
        .inspectors
        .iter()
        .map(|i| {
            vec![
                i.id.as_str().to_owned(),
                i.name.clone().unwrap_or_default(),
                i.department.as_str().to_owned(),
                yes_no(i.certified),
                join(i.qualifications.iter().map(String::as_str)),
                join(i.conflicts.iter().map(|u| u.as_str())),
                i.capacity.map(|c| c.to_string()).unwrap_or_default(),
                yes_no(i.active),
            ]
        })
        .collect();
    let text = csv_text(
        &[
            "执法证号",
            "姓名",
            "部门",
            "持证",
            "检查资格",
            "回避企业",
            "工作量上限",
            "在岗",
        ],
        &rows,
        false,
    )?;
    Ok(text.into_bytes())
}

fn history_csv(data: &DataSet) -> Result<Vec<u8>, Error> {
    let rows: Vec<Vec<String>> = data
        .history
        .iter()
        .map(|r| {
            vec![
                r.task_id.clone(),
                r.visit_id.clone().unwrap_or_default(),
                r.uscc.to_string(),
                r.date.to_string(),
                r.authority.id.clone(),
                r.authority.department.as_str().to_owned(),
                level_label(r.authority.level).to_owned(),
                r.authority.jurisdiction.to_string(),
                join(r.items.iter().map(|i| i.as_str())),
                kind_label(r.kind).to_owned(),
                join(r.inspectors.iter().map(|i| i.as_str())),
            ]
        })
        .collect();
    let text = csv_text(
        &[
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
            "检查人员",
        ],
        &rows,
        false,
    )?;
    Ok(text.into_bytes())
}

/// Renders every file of the data set.
pub(crate) fn render(data: &DataSet) -> Result<Vec<(&'static str, Vec<u8>)>, Error> {
    let (ent_csv, ent_gbk) = enterprise_csvs(data)?;
    let files = vec![
        (
            "authorities.json",
            envelope("authorities.json", "执法主体", &data.authorities)?,
        ),
        ("catalog.json", pretty(&data.catalog)?),
        (
            "enterprises.json",
            envelope("enterprises.json", "食品生产企业名录", &data.enterprises)?,
        ),
        ("enterprises.csv", ent_csv),
        ("enterprises-gbk.csv", ent_gbk),
        (
            "inspectors.json",
            envelope("inspectors.json", "执法检查人员名录", &data.inspectors)?,
        ),
        ("inspectors.csv", inspectors_csv(data)?),
        (
            "history.json",
            envelope("history.json", "2024年检查记录", &data.history)?,
        ),
        ("history.csv", history_csv(data)?),
        (
            "locations.json",
            envelope(
                "locations.json",
                "企业与部门位置（WGS-84）",
                &data.locations,
            )?,
        ),
    ];
    debug_assert!(
        files
            .iter()
            .map(|f| f.0)
            .eq(GENERATED_FILES.iter().copied())
    );
    Ok(files)
}
