//! The work-plan page over the HTML: everything a clerk needs is on it, in Chinese, and
//! every value from the data is escaped. (The printed PDF is checked by
//! `scripts/workplan-pdf.sh`, a step of `scripts/test.sh`.)

use shuangsuiji::workplan::WorkPlan;
use shuangsuiji_present::workplan::render;

/// The plan of a golden vector (tests/vectors/workplan/).
fn plan(name: &str) -> WorkPlan {
    let path = format!(
        "{}/../tests/vectors/workplan/{name}.ops.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    serde_json::from_value(v["cases"][0]["expect"].clone()).unwrap()
}

#[test]
fn the_page_holds_the_plan_in_chinese() {
    let p = plan("map_routes_one_team_a_day");
    let html = render(&p).unwrap();
    for needle in [
        "具体工作方案",
        "2024年第三季度食品生产企业“综合监管一件事”联合抽查",
        "霍林郭勒市市场监督管理局", // issuer
        "市场监督管理局（牵头）",   // lead department in the table
        "消防救援大队",
        "应急管理局",
        "食品生产监督检查",
        "生产环境条件、进货查验、生产过程控制、出厂检验",
        "王丽（示例）",
        "0475-2812345",
        "2024年9月9日（星期一）至2024年9月13日（星期五），共5个工作日",
        "2024年9月5日", // date of issue
        "第1组",
        "第2组",
        "霍林郭勒牧歌食品添加剂股份有限公司（示例）",
        "91150581YX018YNJ72",
        "蒋三十（示例）",
        "技术信息",
        &p.technical.catalog_hash,
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    // Internal codes are not printed outside the technical section.
    let front = html.split("技术信息").next().unwrap();
    for code in ["market.food_production", "fire.fire_safety", "emergency"] {
        assert!(!front.contains(code), "code {code} printed");
    }
    // One page (附页) per team-day, each starting on a new page.
    assert_eq!(
        html.matches("class=\"team-day page-break\"").count(),
        p.team_days.len()
    );
    // Print CSS: A4 and repeated table headers.
    assert!(html.contains("size: A4") && html.contains("table-header-group"));
}

#[test]
fn team_days_are_in_route_order_with_stops_in_visiting_order() {
    let p = plan("town_routes_across_mid_autumn");
    let html = render(&p).unwrap();
    // The make-up Saturday of 中秋 is a working day of the window.
    assert!(html.contains("9月14日（六，调休上班）"));
    assert!(html.contains("第2组　2024年9月14日（星期六，调休上班）"));
    let mut at = 0;
    for t in &p.team_days {
        let head = format!("附页　第{}组", t.number);
        let pos = html[at..].find(&head).expect("team-day page") + at;
        for s in &t.stops {
            assert!(html[pos..].contains(&s.name));
        }
        at = pos;
    }
}

#[test]
fn every_value_is_escaped() {
    let mut p = plan("map_routes_one_team_a_day");
    p.team_days[0].stops[0].name = "<script>alert('x')</script>食品有限公司".to_owned();
    p.title = "A & B <b>联合抽查</b>".to_owned();
    p.lead.contact.name = "\"王丽\" onload=x".to_owned();
    let html = render(&p).unwrap();
    assert!(!html.contains("<script>"), "a script tag came through");
    assert!(!html.contains("<b>联合抽查</b>"));
    assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt;食品有限公司"));
    assert!(html.contains("A &amp; B &lt;b&gt;联合抽查&lt;&#x2f;b&gt;"));
    assert!(html.contains("&quot;王丽&quot; onload=x"));
}

#[test]
fn one_team_per_route_is_printed_once_per_team_day() {
    let p = plan("route_teams_two_a_day");
    assert!(p.team_days.iter().all(|t| t.lead.is_some()));
    let html = render(&p).unwrap();
    assert!(
        html.contains("<th>组长</th>"),
        "summary column for one lead a team-day"
    );
    for t in &p.team_days {
        let head = format!("附页　第{}组", t.number);
        let page = html.split(&head).nth(1).unwrap();
        let page = page.split("附页　第").next().unwrap();
        assert!(page.contains("组长："), "the team-day names its lead");
        assert_eq!(
            page.matches("本组组长").count(),
            1,
            "one lead on the team list"
        );
        assert_eq!(page.matches("本组全体").count(), t.stops.len());
        assert!(
            !page.contains("组员："),
            "no per-stop team with one team a route"
        );
    }
    // Per-visit teams keep their per-stop lines.
    let html = render(&plan("map_routes_one_team_a_day")).unwrap();
    assert!(html.contains("各户组长") && html.contains("组员：") && !html.contains("本组全体"));
}
