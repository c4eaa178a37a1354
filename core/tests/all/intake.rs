//! Intake: encodings × header languages, every error code with its location, checks
//! that report everything, and a round-trip property.

use shuangsuiji::Error;
use shuangsuiji::intake::{
    Encoding, Format, Limits, ReadOptions, Table, check_enterprises, check_history,
    check_inspectors, read_catalog, read_enterprises, read_history, read_inspectors,
};
use shuangsuiji::model::{
    CreditClass, DivisionCode, Enterprise, InspectorId, RegistrationStatus, RiskGrade, Roster,
    Uscc, org_code_check_char,
};

use proptest::prelude::*;

/// A valid USCC for enterprise number `n` in division 150581.
fn uscc(n: u32) -> Uscc {
    let body = format!("MA{n:06}");
    let mut b8 = [0u8; 8];
    b8.copy_from_slice(body.as_bytes());
    let check = char::from(org_code_check_char(&b8).unwrap());
    Uscc::complete(&format!("91150581{body}{check}")).unwrap()
}

fn opts(name: &str) -> ReadOptions {
    ReadOptions::named(name)
}

fn code(e: &Error) -> &'static str {
    e.code().as_str()
}

const ZH_HEADER: &str = "统一社会信用代码,企业名称,行政区划,乡镇街道,信用风险分类,食品安全风险等级,行业类别,登记状态,经营异常,严重违法失信,投诉举报数,申请回避人员";
const EN_HEADER: &str = "uscc,name,division,town,credit_class,food_risk_grade,categories,status,abnormal,serious_violation,complaints,avoid_inspectors";

fn sample_rows() -> String {
    format!(
        "{},霍林郭勒市示例乳业有限公司,150581,珠斯花街道,A类,B级,food_production;food_production:dairy,存续,否,否,0,\n\
         {},䶮记食品厂,150581,莫斯台街道,信用风险较高,D,food_production、food_sales,歇业,是,N,3,15058120240012|15058120240013\n",
        uscc(1),
        uscc(2)
    )
}

fn expected_roster() -> Roster {
    let mut a = Enterprise::new(
        uscc(1),
        "霍林郭勒市示例乳业有限公司",
        DivisionCode::parse("150581").unwrap(),
        CreditClass::A,
    );
    a.town = Some("珠斯花街道".into());
    a.food_risk_grade = Some(RiskGrade::B);
    a.categories = ["food_production", "food_production:dairy"]
        .into_iter()
        .map(String::from)
        .collect();
    let mut b = Enterprise::new(
        uscc(2),
        "䶮记食品厂",
        DivisionCode::parse("150581").unwrap(),
        CreditClass::C,
    );
    b.town = Some("莫斯台街道".into());
    b.food_risk_grade = Some(RiskGrade::D);
    b.categories = ["food_production", "food_sales"]
        .into_iter()
        .map(String::from)
        .collect();
    b.status = RegistrationStatus::Suspended;
    b.abnormal = true;
    b.complaints = 3;
    b.avoid_inspectors = ["15058120240012", "15058120240013"]
        .into_iter()
        .map(|s| InspectorId::parse(s).unwrap())
        .collect();
    Roster::new(vec![a, b]).unwrap()
}

/// Encodes text; `gbk` refuses characters outside GBK so that the GBK case is honest.
fn encode(text: &str, enc: &str) -> Vec<u8> {
    match enc {
        "utf-8" => text.as_bytes().to_vec(),
        "bom" => [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat(),
        "gbk" => {
            let (b, _, had_errors) = encoding_rs::GBK.encode(text);
            assert!(!had_errors, "text not representable in GBK");
            b.into_owned()
        }
        "gb18030" => {
            let (b, _, had_errors) = encoding_rs::GB18030.encode(text);
            assert!(!had_errors);
            b.into_owned()
        }
        other => panic!("{other}"),
    }
}

#[test]
fn encodings_times_header_languages() {
    let expected = expected_roster();
    for header in [ZH_HEADER, EN_HEADER] {
        for enc in ["utf-8", "bom", "gbk", "gb18030"] {
            let mut rows = sample_rows();
            if enc == "gbk" {
                // 䶮 (U+4DAE) is only in GB18030.
                rows = rows.replace('䶮', "鑫");
            }
            let text = format!("{header}\n{rows}");
            let bytes = encode(&text, enc);
            let declared = match enc {
                "utf-8" | "bom" => Encoding::Utf8,
                "gbk" => Encoding::Gbk,
                _ => Encoding::Gb18030,
            };
            for encoding in [Encoding::Auto, declared] {
                let o = ReadOptions {
                    encoding,
                    ..opts("名录.csv")
                };
                let roster = read_enterprises(&bytes, &o)
                    .unwrap_or_else(|e| panic!("{enc} {encoding:?} {header}: {e}"));
                if enc == "gbk" {
                    assert_eq!(roster.enterprises()[1].name, "鑫记食品厂");
                    assert_eq!(roster.enterprises()[0], expected.enterprises()[0]);
                } else {
                    assert_eq!(roster, expected, "{enc} {encoding:?}");
                }
                assert!(check_enterprises(&bytes, &o).is_empty());
            }
        }
    }
}

#[test]
fn headers_ignore_spaces_full_width_and_case() {
    let text = format!(
        " ＵＳＣＣ ,Name,DIVISION,　信用风险等级　,经营状态\n{},x,150581,B,在业\n",
        uscc(5)
    );
    let r = read_enterprises(text.as_bytes(), &opts("h.csv")).unwrap();
    assert_eq!(r.enterprises()[0].credit_class, CreditClass::B);
}

#[test]
fn json_reads_the_same_roster() {
    let expected = expected_roster();
    let json = serde_json::to_string(&expected).unwrap();
    let r = read_enterprises(json.as_bytes(), &opts("r.json")).unwrap();
    assert_eq!(r, expected);
    let explicit = ReadOptions {
        format: Some(Format::Json),
        ..ReadOptions::default()
    };
    assert_eq!(
        read_enterprises(json.as_bytes(), &explicit).unwrap(),
        expected
    );
}

/// Rows whose category cell reads the same share one list (issue #25); the same set
/// written otherwise is an equal list of its own, and an empty cell has none.
#[test]
fn rows_with_the_same_category_cell_share_one_list() {
    let cells = [
        "food_production:dairy",
        "retail；food_sales",
        "food_sales;retail",
        "",
    ];
    let mut text =
        String::from("统一社会信用代码,企业名称,行政区划,信用风险分类,行业类别,登记状态\n");
    for (n, cell) in (0u32..40).zip(cells.iter().cycle()) {
        text.push_str(&format!("{},企业{n},150581,A,{cell},存续\n", uscc(n)));
    }
    let roster = read_enterprises(text.as_bytes(), &opts("r.csv")).unwrap();
    let of = |n: u32| &roster.get(&uscc(n)).unwrap().categories;
    for n in 4..40 {
        assert!(of(n).shares_list_with(of(n % 4)), "row {n}");
    }
    assert_eq!(of(1), of(2));
    assert!(!of(1).shares_list_with(of(2)));
    assert_eq!(of(1).as_slice(), ["food_sales", "retail"]);
    assert!(of(3).is_empty());
}

fn enterprise_csv(rows: &[String]) -> Vec<u8> {
    let mut s = String::from(
        "统一社会信用代码,企业名称,行政区划,信用风险分类,食品安全风险等级,登记状态,经营异常,投诉举报数\n",
    );
    for r in rows {
        s.push_str(r);
        s.push('\n');
    }
    s.into_bytes()
}

fn ok_row(n: u32) -> String {
    format!("{},企业{n},150581,A,B,存续,否,0", uscc(n))
}

/// Reads with `read_enterprises`, asserts the code and location, and that the checker
/// reports the same first error.
fn expect_err(
    bytes: &[u8],
    o: &ReadOptions,
    c: &str,
    row: Option<u64>,
    column: Option<&str>,
) -> Error {
    let e = read_enterprises(bytes, o).unwrap_err();
    assert_eq!(code(&e), c, "{e}");
    assert_eq!(e.details().row, row, "{e}");
    assert_eq!(e.details().column.as_deref(), column, "{e}");
    assert_eq!(e.details().file, o.file_name, "{e}");
    let all = check_enterprises(bytes, o);
    assert_eq!(all.first(), Some(&e));
    e
}

#[test]
fn duplicate_uscc_names_both_rows() {
    let bytes = enterprise_csv(&[ok_row(1), ok_row(2), ok_row(1)]);
    let e = expect_err(
        &bytes,
        &opts("d.csv"),
        "enterprise_duplicate",
        Some(4),
        Some("统一社会信用代码"),
    );
    assert_eq!(
        e.details().extra.get("first_row").map(String::as_str),
        Some("2")
    );
    assert_eq!(e.details().value.as_deref(), Some(uscc(1).as_str()));
}

#[test]
fn uscc_errors_keep_model_codes() {
    let mut bad = uscc(1).as_str().to_owned();
    bad.pop();
    bad.push(if uscc(1).as_str().ends_with('0') {
        '1'
    } else {
        '0'
    });
    let row = format!("{bad},企业,150581,A,B,存续,否,0");
    let e = expect_err(
        &enterprise_csv(&[ok_row(2), row]),
        &opts("u.csv"),
        "uscc_check_character",
        Some(3),
        Some("统一社会信用代码"),
    );
    assert_eq!(e.details().value.as_deref(), Some(bad.as_str()));
    let short = "9115058,企业,150581,A,B,存续,否,0".to_owned();
    expect_err(
        &enterprise_csv(&[short]),
        &opts("u.csv"),
        "uscc_length",
        Some(2),
        Some("统一社会信用代码"),
    );
}

#[test]
fn unknown_enum_labels() {
    let cases = [
        (
            format!("{},企业,150581,E类,B,存续,否,0", uscc(1)),
            "credit_class_unknown",
            "信用风险分类",
            "E类",
        ),
        (
            format!("{},企业,150581,A,Z级,存续,否,0", uscc(1)),
            "risk_grade_unknown",
            "食品安全风险等级",
            "Z级",
        ),
        (
            format!("{},企业,150581,A,B,停业整顿,否,0", uscc(1)),
            "status_unknown",
            "登记状态",
            "停业整顿",
        ),
        (
            format!("{},企业,15058,A,B,存续,否,0", uscc(1)),
            "division_invalid",
            "行政区划",
            "15058",
        ),
    ];
    for (row, c, col, value) in cases {
        let e = expect_err(
            &enterprise_csv(&[row]),
            &opts("e.csv"),
            c,
            Some(2),
            Some(col),
        );
        assert_eq!(e.details().value.as_deref(), Some(value));
    }
}

#[test]
fn empty_and_invalid_cells() {
    let e = expect_err(
        &enterprise_csv(&[format!("{},  ,150581,A,B,存续,否,0", uscc(1))]),
        &opts("c.csv"),
        "cell_empty",
        Some(2),
        Some("企业名称"),
    );
    assert_eq!(e.details().field.as_deref(), Some("name"));
    let e = expect_err(
        &enterprise_csv(&[format!("{},企业,150581,A,B,存续,也许,0", uscc(1))]),
        &opts("c.csv"),
        "cell_invalid",
        Some(2),
        Some("经营异常"),
    );
    assert_eq!(e.details().value.as_deref(), Some("也许"));
    let e = expect_err(
        &enterprise_csv(&[format!("{},企业,150581,A,B,存续,否,-1", uscc(1))]),
        &opts("c.csv"),
        "cell_invalid",
        Some(2),
        Some("投诉举报数"),
    );
    assert_eq!(e.details().value.as_deref(), Some("-1"));
}

#[test]
fn column_errors() {
    let o = opts("h.csv");
    let row = format!("{},企业,150581,A,存续", uscc(1));
    // missing 登记状态
    let t = format!(
        "统一社会信用代码,企业名称,行政区划,信用风险分类\n{},企业,150581,A\n",
        uscc(1)
    );
    let e = expect_err(
        t.as_bytes(),
        &o,
        "column_missing",
        Some(1),
        Some("登记状态"),
    );
    assert_eq!(e.details().field.as_deref(), Some("status"));
    // unknown 备注, then allowed
    let t = format!("统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态,备注\n{row},随便\n");
    let e = expect_err(t.as_bytes(), &o, "column_unknown", Some(1), Some("备注"));
    assert_eq!(e.details().value.as_deref(), Some("备注"));
    let lenient = ReadOptions {
        allow_unknown_columns: true,
        ..o.clone()
    };
    assert_eq!(read_enterprises(t.as_bytes(), &lenient).unwrap().len(), 1);
    // duplicate: 名称 and 企业名称 both mean name
    let t = format!("统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态,名称\n{row},x\n");
    let e = expect_err(t.as_bytes(), &o, "column_duplicate", Some(1), Some("名称"));
    assert_eq!(
        e.details().extra.get("first_column").map(String::as_str),
        Some("企业名称")
    );
}

#[test]
fn row_shape_errors() {
    let o = opts("s.csv");
    let long = format!("{},企业,150581,A,B,存续,否,0,多余", uscc(1));
    let e = expect_err(
        &enterprise_csv(&[ok_row(2), long]),
        &o,
        "row_too_long",
        Some(3),
        None,
    );
    assert_eq!(e.details().value.as_deref(), Some("多余"));
    // trailing empty cells are not data
    let trailing = format!("{},企业,150581,A,B,存续,否,0,,", uscc(1));
    assert_eq!(
        read_enterprises(&enterprise_csv(&[trailing]), &o)
            .unwrap()
            .len(),
        1
    );
    let short = format!("{},企业,150581,A,B,存续", uscc(1));
    expect_err(
        &enterprise_csv(&[short]),
        &o,
        "row_too_short",
        Some(2),
        Some("经营异常"),
    );
}

#[test]
fn csv_empty_and_malformed() {
    let o = opts("m.csv");
    for empty in [&b""[..], b"\n\n", b"  \r\n", b"\xEF\xBB\xBF"] {
        expect_err(empty, &o, "csv_empty", None, None);
    }
    let unclosed = format!(
        "{}\"{},企业,150581,A,B,存续,否,0\n",
        String::from_utf8(enterprise_csv(&[])).unwrap(),
        uscc(1)
    );
    expect_err(unclosed.as_bytes(), &o, "csv_malformed", Some(2), None);
    let after_quote = enterprise_csv(&[format!("{},\"企业\"x,150581,A,B,存续,否,0", uscc(1))]);
    expect_err(&after_quote, &o, "csv_malformed", Some(2), None);
    let bare = enterprise_csv(&[
        ok_row(1),
        format!("{},企\"业,150581,A,B,存续,否,0", uscc(2)),
    ]);
    expect_err(&bare, &o, "csv_malformed", Some(3), None);
    // A quoted cell with a comma, a doubled quote and a line break is fine, and the
    // row after it is numbered by its line.
    let good = enterprise_csv(&[
        format!("{},\"企业,\"\"一\"\"\n厂\",150581,A,B,存续,否,0", uscc(1)),
        format!("{},企业,150581,Q,B,存续,否,0", uscc(2)),
    ]);
    expect_err(
        &good,
        &o,
        "credit_class_unknown",
        Some(4),
        Some("信用风险分类"),
    );
}

#[test]
fn html_and_tab_separated_exports_get_a_hint() {
    let html = "<html><body><table><tr><td>统一社会信用代码</td></tr></table></body></html>";
    expect_err(
        html.as_bytes(),
        &opts("名录.xls"),
        "xlsx_invalid",
        None,
        None,
    );
    let tsv = format!(
        "uscc\tname\tdivision\tcredit_class\tstatus\n{}\tx\t150581\tA\tactive\n",
        uscc(1)
    );
    let e = read_enterprises(tsv.as_bytes(), &opts("t.csv")).unwrap_err();
    assert_eq!(code(&e), "column_unknown");
    assert!(e.message_en().contains("tabs"), "{e}");
}

#[test]
fn encoding_errors() {
    let text = String::from_utf8(enterprise_csv(&[ok_row(1), ok_row(2)])).unwrap();
    let gbk = encode(&text, "gbk");
    let utf8 = ReadOptions {
        encoding: Encoding::Utf8,
        ..opts("g.csv")
    };
    // The header is Chinese: the first bad byte is on line 1.
    let e = expect_err(&gbk, &utf8, "encoding_invalid", Some(1), None);
    assert!(e.details().value.is_some());
    // English header, GBK only in row 3.
    let en = format!(
        "uscc,name,division,credit_class,status\n{},abc,150581,A,active\n{},企业,150581,A,active\n",
        uscc(1),
        uscc(2)
    );
    let e = expect_err(
        &encode(&en, "gbk"),
        &utf8,
        "encoding_invalid",
        Some(3),
        None,
    );
    assert_eq!(
        e.details().extra.get("encoding").map(String::as_str),
        Some("utf-8")
    );
    // Mixed: header UTF-8, row 3 GBK.
    let head = "uscc,企业名称,division,credit_class,status\n".to_owned();
    let mut mixed = format!("{head}{},abc,150581,A,active\n", uscc(1)).into_bytes();
    mixed.extend(encode(
        &format!("{},企业,150581,A,active\n", uscc(2)),
        "gbk",
    ));
    let e = expect_err(&mixed, &opts("x.csv"), "encoding_mixed", Some(3), None);
    assert_eq!(
        e.details().extra.get("first_row").map(String::as_str),
        Some("1")
    );
    // Declared GBK but the bytes are broken GBK (a lead byte then a newline).
    let mut broken = b"uscc,name\n".to_vec();
    broken.extend(b"x,\x81\n");
    let gb = ReadOptions {
        encoding: Encoding::Gbk,
        ..opts("b.csv")
    };
    expect_err(&broken, &gb, "encoding_invalid", Some(2), None);
    // Unknown encoding names come from the options.
    let e = ReadOptions::from_json(r#"{"encoding":"big5"}"#).unwrap_err();
    assert_eq!(code(&e), "encoding_unknown");
    assert!(e.message_en().contains("big5"), "{e}");
    // UTF-16 is refused.
    expect_err(
        b"\xFF\xFEu\0s\0",
        &opts("w.csv"),
        "encoding_unknown",
        Some(1),
        None,
    );
}

#[test]
fn limits_are_enforced() {
    let bytes = enterprise_csv(&[ok_row(1), ok_row(2), ok_row(3)]);
    let tight = |l: Limits| ReadOptions {
        limits: l,
        ..opts("l.csv")
    };
    let e = expect_err(
        &bytes,
        &tight(Limits {
            max_bytes: 100,
            ..Limits::default()
        }),
        "too_many_bytes",
        None,
        None,
    );
    assert_eq!(
        e.details().extra.get("limit").map(String::as_str),
        Some("100")
    );
    expect_err(
        &bytes,
        &tight(Limits {
            max_rows: 2,
            ..Limits::default()
        }),
        "too_many_rows",
        Some(4),
        None,
    );
    assert!(
        read_enterprises(
            &bytes,
            &tight(Limits {
                max_rows: 3,
                ..Limits::default()
            })
        )
        .is_ok()
    );
    let long_name = "长".repeat(20);
    let e = expect_err(
        &enterprise_csv(&[format!("{},{long_name},150581,A,B,存续,否,0", uscc(1))]),
        &tight(Limits {
            max_field_bytes: 40,
            ..Limits::default()
        }),
        "field_too_long",
        Some(2),
        Some("企业名称"),
    );
    assert_eq!(e.details().value.as_deref(), Some(long_name.as_str()));
    // JSON rows
    let json = serde_json::to_string(&expected_roster()).unwrap();
    let e = read_enterprises(
        json.as_bytes(),
        &tight(Limits {
            max_rows: 1,
            ..Limits::default()
        }),
    )
    .unwrap_err();
    assert_eq!(code(&e), "too_many_rows");
}

#[test]
fn check_returns_everything_in_row_order() {
    let rows = [
        format!("{},,150581,X,B,存续,否,0", uscc(1)),
        ok_row(2),
        format!("{},企业,150581,A,B,存续,否,0,extra", uscc(3)),
        ok_row(2),
        "91150581MA0000000X,企业,1505,A,B,存续,否,0".to_owned(),
    ];
    let errs = check_enterprises(&enterprise_csv(&rows), &opts("all.csv"));
    let got: Vec<(&str, Option<u64>)> = errs.iter().map(|e| (code(e), e.details().row)).collect();
    assert_eq!(
        got,
        [
            ("cell_empty", Some(2)),
            ("credit_class_unknown", Some(2)),
            ("row_too_long", Some(4)),
            ("enterprise_duplicate", Some(5)),
            ("uscc_check_character", Some(6)),
            ("division_invalid", Some(6)),
        ],
        "{errs:#?}"
    );
    assert!(
        errs.iter()
            .all(|e| e.details().file.as_deref() == Some("all.csv"))
    );
    // The reader stops at the first and returns nothing partial.
    assert_eq!(
        read_enterprises(&enterprise_csv(&rows), &opts("all.csv")).unwrap_err(),
        errs[0]
    );
}

#[test]
fn json_errors_are_located_by_index() {
    let mut v = serde_json::to_value(expected_roster()).unwrap();
    v[1]["credit_class"] = "Q".into();
    let text = serde_json::to_string(&v).unwrap();
    let e = read_enterprises(text.as_bytes(), &opts("r.json")).unwrap_err();
    assert_eq!(code(&e), "credit_class_unknown");
    assert_eq!(e.details().field.as_deref(), Some("[1]"));
    assert_eq!(e.details().file.as_deref(), Some("r.json"));
    let dup = serde_json::to_string(&[&v[0], &v[0]]).unwrap();
    let e = read_enterprises(dup.as_bytes(), &opts("r.json")).unwrap_err();
    assert_eq!(code(&e), "enterprise_duplicate");
    assert_eq!(
        e.details().extra.get("first_index").map(String::as_str),
        Some("0")
    );
    assert_eq!(
        code(&read_enterprises(b"[{", &opts("r.json")).unwrap_err()),
        "json_syntax"
    );
    assert_eq!(
        code(&read_enterprises(b"{}", &opts("r.json")).unwrap_err()),
        "json_shape"
    );
    let deep = "[".repeat(64);
    assert_eq!(
        code(&read_enterprises(deep.as_bytes(), &opts("r.json")).unwrap_err()),
        "too_deep"
    );
    let errs = check_enterprises(b"[{\"uscc\":\"1\"}, 3]", &opts("r.json"));
    assert_eq!(errs.len(), 2);
}

#[test]
fn inspectors_from_csv() {
    let text = format!(
        "执法证号,姓名,所属部门,持证,检查资格,回避企业,工作量上限,在岗\n\
         15058120240012,张三,market,是,market.food_production；food_production,{},12,\n\
         15058120240013,李四,fire,否,,,,否\n",
        uscc(1)
    );
    let r = read_inspectors(encode(&text, "gbk").as_slice(), &opts("i.csv")).unwrap();
    let a = &r.inspectors()[0];
    assert_eq!(a.name.as_deref(), Some("张三"));
    assert_eq!(a.qualifications.len(), 2);
    assert!(a.conflicts.contains(&uscc(1)));
    assert_eq!(a.capacity, Some(12));
    assert!(a.active && a.certified);
    let b = &r.inspectors()[1];
    assert!(!b.active && !b.certified && b.capacity.is_none());

    let dup = "id,department,certified\nA1,market,Y\nB1,market,Y\nA1,fire,N\n";
    let e = read_inspectors(dup.as_bytes(), &opts("i.csv")).unwrap_err();
    assert_eq!(code(&e), "inspector_duplicate");
    assert_eq!(
        (e.details().row, e.details().column.as_deref()),
        (Some(4), Some("id"))
    );
    assert_eq!(
        e.details().extra.get("first_row").map(String::as_str),
        Some("2")
    );
    let errs = check_inspectors(
        b"id,department,certified\n,market,Y\nA 1,\xe5\xb8\x82,1\n",
        &opts("i.csv"),
    );
    let codes: Vec<_> = errs.iter().map(code).collect();
    assert_eq!(
        codes,
        ["cell_empty", "inspector_id_invalid", "department_invalid"]
    );
}

#[test]
fn history_dates_and_authority() {
    let text = format!(
        "任务编号,检查编号,统一社会信用代码,检查日期,检查机关,检查机关名称,部门,层级,管辖区划,检查事项,检查类型\n\
         TL-2024-003,V1,{u},2024-04-12,tongliao-market,通辽市市场监督管理局,market,市级,150500,market.food_production,联合抽查\n\
         TL-2024-003,,{u},2024/4/3,hlgl-market,,market,county,150581,,投诉举报\n\
         TL-2024-004,,{u},2024年12月1日,hlgl-market,,market,县级,150581,a.b|c.d,复查\n",
        u = uscc(1)
    );
    let h = read_history(text.as_bytes(), &opts("h.csv")).unwrap();
    let dates: Vec<String> = h.iter().map(|r| r.date.to_string()).collect();
    assert_eq!(dates, ["2024-04-12", "2024-04-03", "2024-12-01"]);
    assert_eq!(h[0].authority.name.as_deref(), Some("通辽市市场监督管理局"));
    assert_eq!(h[2].items.len(), 2);
    assert_eq!(h[1].kind.as_str(), "complaint");

    let bad = text
        .replace("2024/4/3", "2024/2/30")
        .replace("市级", "乡级");
    let errs = check_history(bad.as_bytes(), &opts("h.csv"));
    let got: Vec<_> = errs
        .iter()
        .map(|e| {
            (
                code(e),
                e.details().row,
                e.details().column.clone().unwrap_or_default(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            ("level_unknown", Some(2), "层级".to_owned()),
            ("cell_invalid", Some(3), "检查日期".to_owned()),
        ]
    );
    // Level/jurisdiction mismatch is the model's division_invalid on 管辖区划.
    let wrong = text.replace("市级,150500", "省级,150500");
    let e = read_history(wrong.as_bytes(), &opts("h.csv")).unwrap_err();
    assert_eq!(
        (code(&e), e.details().column.as_deref()),
        ("division_invalid", Some("管辖区划"))
    );
}

#[test]
fn catalog_through_intake() {
    let json = r#"{"id":"c","version":"1","items":[{"id":"market.food_production","name":"食品生产监督检查",
      "department":"market","kind":"key","form":"joint","default_ratio":"5/100",
      "provenance":{"document":"x","verification":"verified"}}]}"#;
    let bom = [b"\xEF\xBB\xBF".as_slice(), json.as_bytes()].concat();
    assert_eq!(read_catalog(&bom, &opts("c.json")).unwrap().items.len(), 1);
    let e = read_catalog(b"{\"id\":1}", &opts("c.json")).unwrap_err();
    assert_eq!(code(&e), "json_shape");
    assert_eq!(e.details().file.as_deref(), Some("c.json"));
    let xlsx = ReadOptions {
        format: Some(Format::Xlsx),
        ..opts("c.xlsx")
    };
    assert_eq!(
        code(&read_catalog(json.as_bytes(), &xlsx).unwrap_err()),
        "format_unknown"
    );
}

#[test]
fn options_json_round_trip() {
    let o = ReadOptions::from_json(
        r#"{"file_name":"a.xlsx","encoding":"GB18030","format":"xlsx","sheet":"名录","allow_unknown_columns":true,"limits":{"max_rows":5}}"#,
    )
    .unwrap();
    assert_eq!(o.encoding, Encoding::Gb18030);
    assert_eq!(o.limits.max_rows, 5);
    let back = ReadOptions::from_json(&serde_json::to_string(&o).unwrap()).unwrap();
    assert_eq!(back, o);
    assert_eq!(
        code(&ReadOptions::from_json(r#"{"sheets":1}"#).unwrap_err()),
        "json_shape"
    );
}

fn csv_cell(s: &str) -> String {
    if s.contains([',', '"', '\n']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_owned()
    }
}

/// Writes a roster as CSV with the given header language and column order.
fn write_csv(roster: &Roster, chinese: bool, order: &[usize]) -> String {
    let zh: Vec<&str> = ZH_HEADER.split(',').collect();
    let en: Vec<&str> = EN_HEADER.split(',').collect();
    let names = if chinese { zh } else { en };
    let mut out = order
        .iter()
        .map(|&i| names[i])
        .collect::<Vec<_>>()
        .join(",");
    out.push('\n');
    for e in roster.enterprises() {
        let cells = [
            e.uscc.as_str().to_owned(),
            e.name.clone(),
            e.division.as_str().to_owned(),
            e.town.clone().unwrap_or_default(),
            e.credit_class.as_str().to_owned(),
            e.food_risk_grade
                .map(|g| g.as_str().to_owned())
                .unwrap_or_default(),
            e.categories.iter().cloned().collect::<Vec<_>>().join(";"),
            e.status.as_str().to_owned(),
            if e.abnormal { "是" } else { "否" }.to_owned(),
            if e.serious_violation { "true" } else { "0" }.to_owned(),
            e.complaints.to_string(),
            e.avoid_inspectors
                .iter()
                .map(InspectorId::as_str)
                .collect::<Vec<_>>()
                .join("、"),
        ];
        let row: Vec<String> = order.iter().map(|&i| csv_cell(&cells[i])).collect();
        out.push_str(&row.join(","));
        out.push('\n');
    }
    out
}

fn arb_enterprise() -> impl Strategy<Value = Enterprise> {
    (
        0u32..500,
        "[A-Za-z0-9一-龥 ,\"]{1,12}",
        prop::option::of("[一-龥]{1,6}"),
        0usize..5,
        prop::option::of(0usize..4),
        prop::collection::btree_set("[a-z_:]{1,10}", 0..3),
        0usize..5,
        any::<(bool, bool)>(),
        0u32..1000,
        prop::collection::btree_set("[A-Z0-9]{4,10}", 0..3),
    )
        .prop_map(
            |(n, name, town, cc, rg, cats, st, (ab, sv), complaints, avoid)| {
                let mut e = Enterprise::new(
                    uscc(n),
                    name.trim(),
                    DivisionCode::parse("150581").unwrap(),
                    CreditClass::ALL[cc],
                );
                if e.name.is_empty() {
                    e.name = "x".into();
                }
                e.town = town;
                e.food_risk_grade = rg.map(|i| RiskGrade::ALL[i]);
                e.categories = cats.into();
                e.status = RegistrationStatus::ALL[st];
                e.abnormal = ab;
                e.serious_violation = sv;
                e.complaints = complaints;
                e.avoid_inspectors = avoid
                    .iter()
                    .map(|s| InspectorId::parse(s).unwrap())
                    .collect();
                e
            },
        )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Arbitrary bytes never panic, in any format, and the checker agrees with the
    /// reader about the first error.
    #[test]
    fn arbitrary_bytes_never_panic(
        bytes in prop::collection::vec(any::<u8>(), 0..400),
        prefix in 0usize..4,
        format in prop::option::of(0usize..3),
    ) {
        let prefix: &[u8] = [&b""[..], b"PK\x03\x04", b"[", b"uscc,name\n"][prefix];
        let input = [prefix, &bytes].concat();
        let o = ReadOptions {
            format: format.map(|i| [Format::Json, Format::Csv, Format::Xlsx][i]),
            ..opts("fuzz")
        };
        let read = read_enterprises(&input, &o);
        let all = check_enterprises(&input, &o);
        match read {
            Ok(_) => prop_assert!(all.is_empty()),
            Err(e) => prop_assert_eq!(all.first(), Some(&e)),
        }
        let _ = read_inspectors(&input, &o);
        let _ = read_history(&input, &o);
        let _ = check_inspectors(&input, &o);
        let _ = check_history(&input, &o);
        let _ = read_catalog(&input, &o);
    }

    #[test]
    fn roster_round_trips_through_csv(
        list in prop::collection::vec(arb_enterprise(), 0..8),
        chinese in any::<bool>(),
        enc in 0usize..4,
        keys in prop::collection::vec(any::<u32>(), 12),
    ) {
        let mut seen = std::collections::BTreeSet::new();
        let list: Vec<Enterprise> = list.into_iter().filter(|e| seen.insert(e.uscc)).collect();
        let roster = Roster::new(list).unwrap();
        let mut order: Vec<usize> = (0..12).collect();
        order.sort_by_key(|&i| (keys[i], i));
        let text = write_csv(&roster, chinese, &order);
        let bytes = encode(&text, ["utf-8", "bom", "gbk", "gb18030"][enc]);
        // Tiny GBK files can happen to be valid UTF-8, so GBK is declared here; auto
        // detection is tested on realistic files above.
        let encoding = [Encoding::Auto, Encoding::Auto, Encoding::Gbk, Encoding::Gb18030][enc];
        let back = read_enterprises(&bytes, &ReadOptions { encoding, ..opts("p.csv") });
        prop_assert_eq!(back, Ok(roster));
    }
}

#[test]
fn docs_list_every_header_alias() {
    let doc =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/intake.md")).unwrap();
    for table in [
        Table::Enterprises,
        Table::Inspectors,
        Table::History,
        Table::Events,
        Table::Demands,
        Table::Outcomes,
    ] {
        for col in table.columns() {
            let line = doc
                .lines()
                .find(|l| {
                    l.starts_with(&format!("| `{}` |", col.field))
                        && col.aliases.iter().all(|a| l.contains(a))
                })
                .unwrap_or_else(|| {
                    panic!(
                        "docs/intake.md lacks a row for {} {:?}",
                        col.field, col.aliases
                    )
                });
            let required = line.split('|').nth(2).unwrap_or("").trim();
            assert_eq!(required == "yes", col.required, "{line}");
        }
    }
}

/// Issue #17 item 8: a check lists at most `MAX_PROBLEMS` problems, then one
/// `too_many_problems` with the count of the rest; the file name an error keeps is cut.
#[test]
fn checks_list_a_bounded_number_of_problems_and_cut_the_file_name() {
    use shuangsuiji::intake::limits::{MAX_FILE_NAME_BYTES, MAX_PROBLEMS};
    let mut csv = String::from("uscc,name,division,credit_class,status\n");
    let rows = MAX_PROBLEMS + 250;
    for i in 0..rows {
        csv.push_str(&format!("91350100M000100Y43,企业{i},150581,Z,active\n"));
    }
    let long_name = format!("{}名录.csv", "目录/".repeat(100_000));
    let errs = check_enterprises(csv.as_bytes(), &opts(&long_name));
    assert_eq!(errs.len(), MAX_PROBLEMS + 1);
    assert!(
        errs[..MAX_PROBLEMS]
            .iter()
            .all(|e| code(e) == "credit_class_unknown")
    );
    let last = errs.last().unwrap();
    assert_eq!(code(last), "too_many_problems");
    assert_eq!(last.details().extra["omitted"], "250");
    for e in &errs {
        let file = e.details().file.as_deref().unwrap();
        assert!(file.len() <= MAX_FILE_NAME_BYTES + 3, "{}", file.len());
        assert!(file.starts_with('…') && file.ends_with("名录.csv"));
    }
    // At or under the cap: every problem, no summary.
    let few: String = csv.lines().take(11).map(|l| format!("{l}\n")).collect();
    let errs = check_enterprises(few.as_bytes(), &opts("a.csv"));
    assert_eq!(errs.len(), 10);
    assert_eq!(errs[0].details().file.as_deref(), Some("a.csv"));
}

/// Issue #17 items 10–11: messages that name the real cause.
#[test]
fn misleading_inputs_get_messages_naming_the_cause() {
    let head = "uscc,name,division,credit_class,status\n";
    // A UTF-8 BOM followed by GBK bytes, read with auto: the BOM is wrong.
    let (gbk, _, _) = encoding_rs::GBK.encode("uscc,企业名称\n");
    let bytes = [b"\xEF\xBB\xBF".as_slice(), &gbk].concat();
    let e = read_enterprises(&bytes, &opts("a.csv")).unwrap_err();
    assert_eq!(code(&e), "encoding_invalid");
    assert!(e.message_en().contains("byte order mark"), "{e}");
    assert!(
        !e.message_en().contains("declare encoding gbk or auto"),
        "{e}"
    );
    // UTF-16 without BOM, both byte orders.
    for utf16 in [
        head.encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect::<Vec<u8>>(),
        head.encode_utf16().flat_map(u16::to_be_bytes).collect(),
    ] {
        let e = read_enterprises(&utf16, &opts("a.csv")).unwrap_err();
        assert_eq!(code(&e), "encoding_unknown");
        assert!(e.message_en().contains("UTF-16"), "{e}");
    }
    // A USCC column read as floating-point numbers.
    let csv = format!("{head}9.115058100000001e+17,企业,150581,A,active\n");
    let e = read_enterprises(csv.as_bytes(), &opts("a.csv")).unwrap_err();
    assert_eq!(code(&e), "cell_invalid");
    assert!(e.message_en().contains("pandas"), "{e}");
    // A quoted line break inside the USCC cell.
    let csv = format!("{head}\"91350100M000100Y43\n\",企业,150581,A,active\n");
    let e = read_enterprises(csv.as_bytes(), &opts("a.csv")).unwrap_err();
    assert_eq!((code(&e), e.details().row), ("cell_invalid", Some(2)));
    // Times after a history date: a real time passes, garbage does not.
    let hist = "任务编号,统一社会信用代码,检查日期,检查机关,部门,层级,管辖区划,检查类型\n";
    for (date, ok) in [
        ("2024-04-12 09:30:00", true),
        ("2024-04-12T09:30", true),
        ("2024-04-12T09:30:00+08:00", true),
        ("2024-04-12 99:99:99 garbage", false),
        ("2024-04-12 x", false),
    ] {
        let csv =
            format!("{hist}T1,91350100M000100Y43,{date},hlgl-market,market,县级,150581,双随机\n");
        let r = read_history(csv.as_bytes(), &opts("h.csv"));
        assert_eq!(r.is_ok(), ok, "{date}: {r:?}");
    }
}

/// Issue #22: a platform export with a title (and a blank row) above the header. Without
/// the option the error names the header's row; with `header_row` the file reads, in
/// CSV and in xlsx alike, and the rows keep their spreadsheet numbers.
#[test]
fn a_title_row_above_the_header_is_named_and_skipped_with_header_row() {
    let csv = "霍林郭勒市市场主体名录（导出时间：2024-12-01）,,,,,\n,,,,,\n\
               统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态,经营异常\n\
               91150581MA0000015N,企业,150581,A,存续,否\n\
               91150581MA0000023H,企业,150581,X,存续,否\n";
    let o = opts("title.csv");
    let e = read_enterprises(csv.as_bytes(), &o).unwrap_err();
    assert_eq!(code(&e), "column_unknown", "{e}");
    assert_eq!(e.details().row, Some(1));
    assert_eq!(
        e.details().extra.get("header_row").map(String::as_str),
        Some("3"),
        "{e}"
    );
    assert!(e.message_en().contains("header_row = 3"), "{e}");

    let with = ReadOptions {
        header_row: Some(3),
        ..opts("title.csv")
    };
    // The bad credit class on spreadsheet row 5 is reported as row 5.
    let e = read_enterprises(csv.as_bytes(), &with).unwrap_err();
    assert_eq!(e.details().row, Some(5), "{e}");
    let good = csv.replace(",X,", ",B,");
    assert_eq!(read_enterprises(good.as_bytes(), &with).unwrap().len(), 2);

    // No header within the next rows: the header's own errors, no hint.
    let none = "标题\n说明\n";
    let e = read_enterprises(none.as_bytes(), &o).unwrap_err();
    assert!(!e.details().extra.contains_key("header_row"), "{e}");

    // Rows count from 1.
    let zero = ReadOptions {
        header_row: Some(0),
        ..opts("title.csv")
    };
    assert_eq!(
        code(&read_enterprises(good.as_bytes(), &zero).unwrap_err()),
        "count_invalid"
    );
}
