//! The columnar read (`read_enterprise_columns`, issue #25: a DataFrame or an Arrow
//! table without a CSV hop) against the CSV read of the same table: the same roster or
//! the same first error (code, message, details), on random tables with good and bad
//! cells, quotes, commas, blanks, duplicates and unknown or missing columns — with the
//! cells given joined by line breaks and in Arrow's offsets layout alike.

use proptest::prelude::*;
use shuangsuiji::draw::ColumnText;
use shuangsuiji::intake::{ReadOptions, TextColumn, read_enterprise_columns, read_enterprises};
use shuangsuiji::model::{Roster, Uscc, org_code_check_char};
use shuangsuiji::{Error, Result};

fn uscc(i: u32) -> String {
    let body = format!("{i:08}");
    let b: [u8; 8] = body.as_bytes().try_into().unwrap();
    let org = char::from(org_code_check_char(&b).unwrap());
    Uscc::complete(&format!("91150581{body}{org}"))
        .unwrap()
        .as_str()
        .to_owned()
}

/// Headers a clerk's frame may have (Chinese or English, one unknown, one spelled
/// twice).
const HEADERS: &[&str] = &[
    "统一社会信用代码",
    "uscc",
    "企业名称",
    "name",
    "行政区划",
    "信用风险分类",
    "credit_class",
    "登记状态",
    "status",
    "乡镇街道",
    "经营异常",
    "投诉举报数",
    "行业类别",
    "备注",
    "",
];

fn cell_for(header: &str) -> BoxedStrategy<String> {
    let any = prop_oneof![
        Just(String::new()),
        Just("  ".to_owned()),
        Just("a,\"b\"".to_owned()),
        Just("Z".to_owned()),
        Just("甲\r\n乙".to_owned()),
    ];
    let good: BoxedStrategy<String> = match header {
        "统一社会信用代码" | "uscc" => prop_oneof![
            6 => (0u32..6).prop_map(uscc),
            1 => Just(" 91350100M000100Y43 ".to_owned()),
            1 => Just("91350100M000100Y44".to_owned()),
        ]
        .boxed(),
        "企业名称" | "name" => "[甲乙丙 ,\"a-z]{1,6}".boxed(),
        "行政区划" => prop_oneof![Just("150581".to_owned()), Just("15058".to_owned())].boxed(),
        "信用风险分类" | "credit_class" => prop_oneof![
            Just("A类".to_owned()),
            Just("B".to_owned()),
            Just("D".to_owned())
        ]
        .boxed(),
        "登记状态" | "status" => {
            prop_oneof![Just("存续".to_owned()), Just("active".to_owned())].boxed()
        }
        "经营异常" => prop_oneof![Just("是".to_owned()), Just("否".to_owned())].boxed(),
        "投诉举报数" => prop_oneof![Just("3".to_owned()), Just("-1".to_owned())].boxed(),
        "行业类别" => Just("食品生产、食品销售".to_owned()).boxed(),
        _ => "[a-z]{0,3}".boxed(),
    };
    prop_oneof![8 => good, 1 => any].boxed()
}

/// A table: headers (mostly the required five, sometimes more or fewer) and rows.
fn table() -> impl Strategy<Value = (Vec<String>, Vec<Vec<String>>)> {
    let standard = Just(vec![0usize, 2, 4, 5, 7]).boxed();
    let picked = proptest::sample::subsequence((0..HEADERS.len()).collect::<Vec<_>>(), 4..9)
        .prop_shuffle()
        .boxed();
    prop_oneof![3 => standard, 1 => picked].prop_flat_map(|idx| {
        let headers: Vec<String> = idx.iter().map(|&i| HEADERS[i].to_owned()).collect();
        let row: Vec<BoxedStrategy<String>> = headers.iter().map(|h| cell_for(h)).collect();
        (Just(headers), proptest::collection::vec(row, 0..8))
    })
}

fn quote(cell: &str) -> String {
    if cell.contains([',', '"', '\n', '\r']) || cell.trim() != cell {
        format!("\"{}\"", cell.replace('"', "\"\""))
    } else {
        cell.to_owned()
    }
}

/// The table as pandas' `to_csv` writes it (minimal quoting, `\n` line ends).
fn csv(headers: &[String], rows: &[Vec<String>]) -> String {
    let line = |cells: &[String]| cells.iter().map(|c| quote(c)).collect::<Vec<_>>().join(",");
    let mut s = line(headers);
    s.push('\n');
    for r in rows {
        s.push_str(&line(r));
        s.push('\n');
    }
    s
}

fn same(a: &Result<Roster>, b: &Result<Roster>) -> bool {
    let show = |e: &Error| {
        (
            e.code(),
            e.message_en().to_owned(),
            format!("{:?}", e.details()),
        )
    };
    match (a, b) {
        (Ok(x), Ok(y)) => x == y,
        (Err(x), Err(y)) => show(x) == show(y),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn columns_read_as_their_csv((headers, rows) in table()) {
        let opts = ReadOptions::named("<DataFrame>");
        let by_csv = read_enterprises(csv(&headers, &rows).as_bytes(), &opts);
        // Rows numbered by position: the CSV's numbering only differs after a cell with
        // a line break, which the other cases cover.
        let multiline = rows.iter().flatten().any(|c| c.contains(['\n', '\r']));
        let columns: Vec<Vec<&str>> = (0..headers.len())
            .map(|c| rows.iter().map(|r| r[c].as_str()).collect())
            .collect();
        // Arrow's layout: offsets into one data buffer per column.
        let arrow: Vec<(Vec<usize>, String)> = columns
            .iter()
            .map(|cells| {
                let mut offsets = vec![0];
                let mut data = String::new();
                for c in cells {
                    data.push_str(c);
                    offsets.push(data.len());
                }
                (offsets, data)
            })
            .collect();
        let by_offsets: Vec<TextColumn<'_>> = headers
            .iter()
            .zip(&arrow)
            .map(|(h, (o, d))| TextColumn::offsets(h, o, d.as_bytes()).unwrap())
            .collect();
        let by_arrow = read_enterprise_columns(&by_offsets, &opts);
        if !multiline {
            prop_assert!(same(&by_csv, &by_arrow), "csv {:?}\narrow {:?}", by_csv, by_arrow);
            let joined: Vec<String> = columns.iter().map(|c| c.join("\n")).collect();
            let by_lines: Vec<TextColumn<'_>> = headers
                .iter()
                .zip(&joined)
                .map(|(h, t)| TextColumn::lines(h, ColumnText::new(h, t, rows.len()).unwrap()))
                .collect();
            let by_text = read_enterprise_columns(&by_lines, &opts);
            prop_assert!(same(&by_csv, &by_text), "csv {:?}\nlines {:?}", by_csv, by_text);
        } else if let (Ok(a), Ok(b)) = (&by_csv, &by_arrow) {
            prop_assert_eq!(a, b);
        } else {
            prop_assert_eq!(by_csv.is_ok(), by_arrow.is_ok());
        }
    }
}

#[test]
fn unequal_columns_and_bad_utf8_are_named() {
    let opts = ReadOptions::default();
    let a = TextColumn::offsets("uscc", &[0, 1, 2], b"ab").unwrap();
    let b = TextColumn::offsets("name", &[0, 1], b"a").unwrap();
    let e = read_enterprise_columns(&[a, b], &opts).unwrap_err();
    assert_eq!(
        (e.code().as_str(), e.details().column.as_deref()),
        ("row_too_short", Some("name"))
    );
    let code = uscc(1);
    let u = TextColumn::offsets("uscc", &[0, 18], code.as_bytes()).unwrap();
    let n = TextColumn::offsets("name", &[0, 2], b"\xff\xfe").unwrap();
    let e = read_enterprise_columns(&[u, n], &opts).unwrap_err();
    assert_eq!(
        (
            e.code().as_str(),
            e.details().row,
            e.details().column.as_deref()
        ),
        ("cell_invalid", Some(2), Some("name"))
    );
    // The bytes are UTF-8 as a whole, but an offset cuts a character in two: the
    // cells on either side of the cut are not text.
    let two = format!("{}{}", uscc(1), uscc(2));
    let u = TextColumn::offsets("uscc", &[0, 18, 36], two.as_bytes()).unwrap();
    for (cut, row) in [([0, 4, 6], 2), ([0, 3, 5], 3)] {
        let n = TextColumn::offsets("name", &cut, "甲乙".as_bytes()).unwrap();
        let e = read_enterprise_columns(&[u, n], &opts).unwrap_err();
        assert_eq!(
            (
                e.code().as_str(),
                e.details().row,
                e.details().column.as_deref()
            ),
            ("cell_invalid", Some(row), Some("name")),
            "{cut:?}"
        );
    }
    let e = TextColumn::offsets("uscc", &[0, 3], b"ab").unwrap_err();
    assert_eq!(e.code().as_str(), "cell_invalid");
}
