//! The printed matter of one visit over the HTML: the card, the policy list and the law
//! sheet hold what the enterprise needs, every value is escaped, and the card's QR code
//! reads back as the receipt's address. (The printed PDF is checked by
//! `scripts/service-pdf.sh`, a step of `scripts/test.sh`.)

use shuangsuiji_present::visit::{self, Sheet, VisitPackView, render, render_sheets};

fn pack() -> VisitPackView {
    serde_json::from_value(serde_json::json!({
        "card": {
            "task_id": "HLGL-LH-2024-09",
            "task_name": "2024年第三季度食品生产企业“综合监管一件事”联合抽查",
            "visit_date": "2024-09-10",
            "enterprise_name": "霍林郭勒牧歌食品添加剂股份有限公司（示例）",
            "uscc": "91150581YX018YNJ72",
            "lead_department": "霍林郭勒市市场监督管理局",
            "contact_name": "王丽（示例）",
            "contact_phone": "0475-2812345",
            "departments": ["市场监督管理局", "消防救援大队", "应急管理局"],
            "demand_time_limit_days": 7,
            "receipt_url": "https://example.gov.cn/ssj/?task=sample%2F&uscc=91150581YX018YNJ72"
        },
        "policies": [
            {"title": "关于支持食品生产小微企业质量提升的若干措施", "issuer": "某市市场监督管理局",
             "doc_number": "霍市监发〔2024〕8号", "date": "2024-03-15", "valid_until": "2026-12-31",
             "synthetic": true, "reasons": ["贵企业从事食品生产", "贵企业为小微企业"]},
            {"title": "食品生产许可证延续服务指南", "issuer": "某市市场监督管理局",
             "doc_number": "霍市监办〔2024〕21号", "date": "2024-06-01", "reasons": []}
        ],
        "law_entries": [
            {"law": "《中华人民共和国食品安全法》", "article": "第五十条", "explanation": "进货查验。",
             "violations": ["进货时未查验供货者许可证"], "leniency": ["首违不罚"], "trade": "食品生产"},
            {"law": "《中华人民共和国消防法》", "article": "第十六条", "explanation": "消防设施完好有效。",
             "trade": "消防安全"},
            {"law": "《中华人民共和国食品安全法》", "article": "第五十一条", "explanation": "出厂检验记录。",
             "violations": [], "leniency": ["轻微不罚"], "trade": "食品生产"}
        ]
    }))
    .unwrap()
}

#[test]
fn the_three_sheets_hold_the_visit_in_chinese() {
    let html = render(&pack()).unwrap();
    for needle in [
        "企业服务卡",
        "霍林郭勒牧歌食品添加剂股份有限公司（示例）",
        "91150581YX018YNJ72",
        "2024年第三季度食品生产企业“综合监管一件事”联合抽查",
        "2024年9月10日（星期二）",
        "霍林郭勒市市场监督管理局",
        "王丽（示例）",
        "0475-2812345",
        "市场监督管理局、消防救援大队、应急管理局",
        "事事有回音",
        "在7个工作日内答复",
        // (minijinja escapes `/` too; the browser prints the address as it is)
        "https:&#x2f;&#x2f;example.gov.cn&#x2f;ssj&#x2f;?task=sample%2F&amp;uscc=91150581YX018YNJ72",
        "HLGL-LH-2024-09",
        "政策清单",
        "霍市监发〔2024〕8号",
        "2024年3月15日",
        "至2026年12月31日",
        "文件未规定截止日期",
        "贵企业从事食品生产；贵企业为小微企业",
        "普法明白纸",
        "《中华人民共和国食品安全法》第五十条",
        "进货时未查验供货者许可证",
        "首违不罚",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    // Three sheets, the second and third each on a new page; A4 print CSS.
    assert_eq!(html.matches("<section class=\"sheet").count(), 3);
    assert_eq!(html.matches("page-break\"").count(), 2);
    assert!(html.contains("size: A4"));
}

#[test]
fn synthetic_policies_and_only_they_are_marked() {
    let html = render_sheets(&pack(), &[Sheet::PolicyList]).unwrap();
    assert_eq!(html.matches("<span class=\"mark\">示例</span>").count(), 1);
    let first = html.split("2. 食品生产许可证").next().unwrap();
    assert!(first.contains("<span class=\"mark\">示例</span>"));
    assert!(html.contains("不是真实的政策文件"));
    let mut real = pack();
    real.policies[0].synthetic = false;
    let html = render_sheets(&real, &[Sheet::PolicyList]).unwrap();
    assert!(!html.contains("class=\"mark\"") && !html.contains("不是真实的政策文件"));
}

#[test]
fn law_entries_are_grouped_by_trade_and_numbered_as_printed() {
    let html = render_sheets(&pack(), &[Sheet::LawSheet]).unwrap();
    let food = html.find("适用行业：食品生产").unwrap();
    let fire = html.find("适用行业：消防安全").unwrap();
    assert!(food < fire);
    let a = html
        .find("1. 《中华人民共和国食品安全法》第五十条")
        .unwrap();
    let b = html
        .find("2. 《中华人民共和国食品安全法》第五十一条")
        .unwrap();
    let c = html.find("3. 《中华人民共和国消防法》第十六条").unwrap();
    assert!(food < a && a < b && b < fire && fire < c);
    // No violations listed: no empty heading.
    let third = &html[b..fire];
    assert!(!third.contains("常见违法行为"));
}

#[test]
fn sheets_print_alone_without_a_leading_page_break() {
    for (sheet, title) in [
        (Sheet::ServiceCard, "企业服务卡"),
        (Sheet::PolicyList, "政策清单"),
        (Sheet::LawSheet, "普法明白纸"),
    ] {
        let html = render_sheets(&pack(), &[sheet]).unwrap();
        assert_eq!(html.matches("<section class=\"sheet").count(), 1, "{title}");
        assert!(html.contains(&format!("<h1>{title}</h1>")));
        assert!(
            !html.contains("page-break\""),
            "{title} starts the document"
        );
        assert_eq!(html.contains("<svg"), sheet == Sheet::ServiceCard);
    }
    // The order is fixed, whatever the order asked for.
    let html = render_sheets(&pack(), &[Sheet::LawSheet, Sheet::ServiceCard]).unwrap();
    assert!(html.find("<h1>企业服务卡").unwrap() < html.find("<h1>普法明白纸").unwrap());
}

#[test]
fn every_value_is_escaped() {
    let mut p = pack();
    p.card.enterprise_name = "<script>alert('x')</script>食品有限公司".to_owned();
    p.card.receipt_url = "https://x.cn/?a=\"><img src=x>".to_owned();
    p.policies[0].title = "A & B <b>政策</b>".to_owned();
    p.policies[0].reasons = vec!["<i>小微</i>".to_owned()];
    p.law_entries[0].explanation = "<style>body{}</style>".to_owned();
    p.law_entries[0].leniency = vec!["\"首违\" onload=x".to_owned()];
    let html = render(&p).unwrap();
    assert!(!html.contains("<script>") && !html.contains("<img") && !html.contains("<b>政策"));
    assert!(!html.contains("<i>") && !html.contains("<style>body"));
    assert!(html.contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;&#x2f;script&gt;食品有限公司"));
    assert!(html.contains("A &amp; B &lt;b&gt;政策&lt;&#x2f;b&gt;"));
    assert!(html.contains("&quot;首违&quot; onload=x"));
    // In the <title> and on all three sheets (the name heads each).
    assert_eq!(html.matches("&lt;script&gt;alert").count(), 4);
}

/// The dark modules of the SVG drawn by this crate (`M{x} {y}h{w}v{h}H{x}V{y}` rectangles
/// in module units, viewBox `0 0 n n`), as a grid of `n` × `n`.
fn modules(svg: &str) -> (usize, Vec<bool>) {
    let n: usize = svg
        .split("viewBox=\"0 0 ")
        .nth(1)
        .and_then(|s| s.split(' ').next())
        .unwrap()
        .parse()
        .unwrap();
    let d = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let mut grid = vec![false; n * n];
    for rect in d.split('M').filter(|r| !r.is_empty()) {
        let nums: Vec<usize> = rect
            .split(|c: char| !c.is_ascii_digit())
            .filter(|s| !s.is_empty())
            .map(|s| s.parse().unwrap())
            .collect();
        let [x, y, w, h, ..] = nums[..] else {
            panic!("rect {rect}")
        };
        for yy in y..y + h {
            for xx in x..x + w {
                grid[yy * n + xx] = true;
            }
        }
    }
    (n, grid)
}

/// Reads the card's QR code back: (its text, its version, the printed module count).
fn read_qr(html: &str) -> (String, usize, usize) {
    let svg = html.split("<div class=\"qr\"").nth(1).unwrap();
    let printed: usize = svg
        .split("data-modules=\"")
        .nth(1)
        .and_then(|s| s.split('"').next())
        .unwrap()
        .parse()
        .unwrap();
    let svg = svg.split("</svg>").next().unwrap();
    let (n, grid) = modules(svg);
    let scale = 4;
    let mut img = rqrr::PreparedImage::prepare_from_greyscale(n * scale, n * scale, |x, y| {
        if grid[(y / scale) * n + x / scale] {
            0
        } else {
            255
        }
    });
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one QR code");
    let (meta, text) = grids[0].decode().unwrap();
    assert_eq!(n, printed + 8, "a quiet zone of four modules");
    (text, meta.version.0, printed)
}

#[test]
fn the_qr_code_reads_back_as_the_receipt_url() {
    let p = pack();
    let (text, version, modules) = read_qr(&render(&p).unwrap());
    assert_eq!(text, p.card.receipt_url);
    assert_eq!(modules, 17 + 4 * version);
    // 66 bytes at level M: version 4, 33 modules a side (byte mode alone would need
    // version 5; the encoder packs the USCC's run of digits as numeric).
    assert_eq!((p.card.receipt_url.len(), version, modules), (66, 4, 33));

    // A longer address gives a larger code, still read back exactly (UTF-8 kept).
    let mut long = pack();
    long.card.receipt_url = visit::receipt_url(
        "https://example.gov.cn/shuangsuiji/verify/index.html",
        "tasks/2024/第三季度/食品生产/HLGL-LH-2024-09/",
        &long.card.uscc,
    )
    .unwrap();
    let (text, v2, m2) = read_qr(&render(&long).unwrap());
    assert_eq!(text, long.card.receipt_url);
    assert!(v2 > version && m2 == 17 + 4 * v2, "version {v2}");
}

#[test]
fn an_address_too_long_for_a_qr_code_is_refused() {
    let mut p = pack();
    p.card.receipt_url = format!("https://example.gov.cn/?task={}", "a".repeat(2400));
    let e = render(&p).unwrap_err();
    assert_eq!(e.code().as_str(), "field_too_long");
    assert_eq!(e.details().field.as_deref(), Some("card.receipt_url"));
    // Without the card the address is not drawn.
    assert!(render_sheets(&p, &[Sheet::PolicyList, Sheet::LawSheet]).is_ok());
}

#[test]
fn the_json_shape_is_checked_when_read() {
    let mut v = serde_json::to_value(pack()).unwrap();
    // Round trip.
    let back: VisitPackView = serde_json::from_value(v.clone()).unwrap();
    assert_eq!(back, pack());
    // A wrong check character, an unknown field.
    v["card"]["uscc"] = "91150581YX018YNJ73".into();
    assert!(serde_json::from_value::<VisitPackView>(v.clone()).is_err());
    v["card"]["uscc"] = "91150581YX018YNJ72".into();
    v["policies"][0]["doc_no"] = "x".into();
    assert!(serde_json::from_value::<VisitPackView>(v).is_err());
}
