//! The Chinese message of an error: the code's title, then the location and evidence
//! rendered from [`Details`] in Chinese. Made from the code and the details only, so it
//! is the same in every binding and after a JSON round trip.

use super::{Details, ErrorCode, TeamCode};

/// Chinese names of the evidence keys in [`Details::extra`]; a key not listed is shown
/// as `key=value`.
const KEY_LABELS: &[(&str, &str)] = &[
    ("accepted", "允许值"),
    ("actual", "实际为"),
    ("attempt", "抽取轮次"),
    ("available", "可派人数"),
    ("bom", "字节序标记"),
    ("category", "类别"),
    ("cells", "单元格数"),
    ("certified", "持证人数"),
    ("certified_required", "需持证人数"),
    ("character", "字符"),
    ("date", "日期"),
    ("day_minutes", "每日分钟数"),
    ("demand", "需要人数"),
    ("demand_id", "诉求编号"),
    ("department", "部门"),
    ("effective_from", "生效日期"),
    ("effective_to", "失效日期"),
    ("encoding", "编码"),
    ("enterprise", "企业"),
    ("event", "事件"),
    ("expected", "应为"),
    ("expected_from", "应自"),
    ("first", "首次出现"),
    ("first_column", "首次出现的列"),
    ("first_index", "首次出现的序号"),
    ("first_row", "首次出现的行"),
    ("header_row", "表头行"),
    ("index", "序号"),
    ("indicator", "指标"),
    ("inspector", "执法人员"),
    ("inspectors", "执法人员"),
    ("item", "检查事项"),
    ("json_column", "JSON 列"),
    ("kind", "类型"),
    ("lead_department", "牵头部门"),
    ("leaf_index", "叶子序号"),
    ("limit", "上限"),
    ("line", "JSON 行"),
    ("max", "最大值"),
    ("max_per_inspector_per_day", "每人每日上限"),
    ("max_ratio", "最大比例"),
    ("maximum", "最大值"),
    ("measure", "措施"),
    ("min", "最小值"),
    ("min_certified", "法定持证人数"),
    ("min_ratio", "最小比例"),
    ("minutes", "分钟数"),
    ("offset", "偏移"),
    ("omitted", "未列出的问题数"),
    ("party", "参与方"),
    ("plan_date", "计划日期"),
    ("position", "位置"),
    ("reason", "原因"),
    ("record", "记录"),
    ("replaces", "替换"),
    ("required", "要求"),
    ("revision", "修订号"),
    ("route", "路线"),
    ("routes", "路线"),
    ("rows_after", "其后行数"),
    ("rule", "规则"),
    ("sheets", "工作表"),
    ("short", "缺少人数"),
    ("source", "来源"),
    ("state", "状态"),
    ("status", "状态"),
    ("stops", "地点数"),
    ("stratum", "分层"),
    ("tag_set", "标签集"),
    ("team_days", "组日数"),
    ("team_size", "检查组人数"),
    ("teams_per_day", "每日检查组数"),
    ("tree_size", "树大小"),
    ("visit_count", "涉及企业数"),
    ("visits", "涉及企业"),
    ("work", "计算量"),
    ("working_days", "工作日数"),
    ("year", "年份"),
];

/// The Chinese label of an evidence key, if it has one.
pub(super) fn key_label(key: &str) -> Option<&'static str> {
    KEY_LABELS
        .binary_search_by(|(k, _)| k.cmp(&key))
        .ok()
        .map(|i| KEY_LABELS[i].1)
}

/// A value as it appears after its label: numbers bare (after a space), text in 「」.
fn quoted(v: &str) -> String {
    if !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) {
        format!(" {v}")
    } else {
        format!("「{v}」")
    }
}

/// The Chinese message of `code` with `d`: `标题（文件「…」，第 N 行，列「…」，…）`.
pub(super) fn message_zh(code: ErrorCode, d: &Details) -> String {
    let mut out = String::from(code.title(super::Lang::Zh));
    let spoken: &[&str] = match team_sentence(code, d) {
        Some((s, spoken)) => {
            out.push('：');
            out.push_str(&s);
            spoken
        }
        None => &[],
    };
    let mut parts: Vec<String> = Vec::new();
    if let Some(f) = &d.file {
        parts.push(format!("文件「{f}」"));
    }
    if let Some(r) = d.row {
        parts.push(format!("第 {r} 行"));
    }
    if let Some(c) = &d.column {
        parts.push(format!("列「{c}」"));
    }
    if let Some(f) = &d.field {
        parts.push(format!("字段「{f}」"));
    }
    if let Some(v) = &d.value {
        parts.push(format!("值「{v}」"));
    }
    // Expected before actual, then the other evidence in key order.
    let first = ["expected", "actual"];
    let extra = first
        .iter()
        .filter_map(|k| d.extra.get_key_value(*k))
        .chain(d.extra.iter().filter(|(k, _)| !first.contains(&k.as_str())));
    for (k, v) in extra.filter(|(k, _)| !spoken.contains(&k.as_str())) {
        parts.push(match (k.as_str(), key_label(k)) {
            // The hint of a header found below a title row: the option to give.
            ("header_row", _) => {
                format!("第 {v} 行像是表头（上方有标题行？），读取时请用选项「header_row = {v}」")
            }
            (_, Some(label)) => format!("{label}{}", quoted(v)),
            (_, None) => format!("{k}={v}"),
        });
    }
    if !parts.is_empty() {
        out.push('（');
        out.push_str(&parts.join("，"));
        out.push('）');
    }
    out
}

/// The evidence keys a team sentence already says.
const TEAM_SPOKEN: &[&str] = &[
    "available",
    "certified_required",
    "demand",
    "department",
    "min_certified",
    "short",
    "visit_count",
];
/// As [`TEAM_SPOKEN`], for the sentences that name the visit too.
const TEAM_SPOKEN_VISIT: &[&str] = &[
    "available",
    "certified_required",
    "demand",
    "department",
    "min_certified",
    "short",
    "visit_count",
    "visits",
];

/// For the team codes that name a short department: the shortage in a clerk's words
/// (which department lacks how many officers for how many visits), from the details,
/// with the evidence keys it says.
fn team_sentence(code: ErrorCode, d: &Details) -> Option<(String, &'static [&'static str])> {
    let get = |k: &str| d.extra.get(k).map(String::as_str);
    let ErrorCode::Team(team) = code else {
        return None;
    };
    let certified = match team {
        TeamCode::TeamInfeasible => "",
        TeamCode::CertifiedShort | TeamCode::LeadMissing => "持证",
        _ => return None,
    };
    let short = get("short")?;
    let (text, spoken) = match (get("department"), get("demand"), get("available")) {
        (Some(dept), Some(demand), Some(avail)) => {
            let visits = get("visit_count").unwrap_or("1");
            let of_them = match get("certified_required") {
                Some(c) if c != "0" && certified.is_empty() => format!("（其中持证 {c} 名）"),
                _ => String::new(),
            };
            let text = format!(
                "部门「{dept}」缺 {short} 名{certified}执法人员——这 {visits} 户企业共需 {demand} 名{of_them}，能派出的只有 {avail} 名"
            );
            (text, TEAM_SPOKEN)
        }
        (Some(dept), _, _) if team == TeamCode::LeadMissing => {
            let visit = get("visits").unwrap_or("");
            let text = format!("牵头部门「{dept}」没有能派往企业 {visit} 的持证执法人员");
            (text, TEAM_SPOKEN_VISIT)
        }
        (Some(dept), _, _) => {
            let m = get("min_certified").unwrap_or("2");
            let text = format!(
                "按首选分配，部门「{dept}」缺 {short} 名持证执法人员；每个检查组需 {m} 名持证执法人员"
            );
            (text, TEAM_SPOKEN)
        }
        (None, _, Some(avail)) => {
            let visit = get("visits").unwrap_or("");
            let m = get("min_certified").unwrap_or("2");
            let text = format!(
                "企业 {visit} 最多只能派出 {avail} 名持证执法人员，法定需要 {m} 名，缺 {short} 名"
            );
            (text, TEAM_SPOKEN_VISIT)
        }
        _ => return None,
    };
    Some((text, spoken))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn key_labels_are_sorted_for_the_binary_search() {
        assert!(KEY_LABELS.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
