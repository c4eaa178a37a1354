//! Intake from xlsx workbooks built in the test with rust_xlsxwriter.
#![cfg(feature = "xlsx")]
// Test-only casts of small indices and sizes into the xlsx writer's u16/u32 types.
#![allow(clippy::cast_possible_truncation)]

use rust_xlsxwriter::{ExcelDateTime, Format as XFormat, Formula, Workbook};
use shuangsuiji::Error;
use shuangsuiji::intake::{
    Format, Limits, ReadOptions, check_enterprises, read_enterprises, read_history,
    read_inspectors, zip_uncompressed_size,
};
use shuangsuiji::model::{CreditClass, Uscc, org_code_check_char};

fn uscc(n: u32) -> Uscc {
    let body = format!("MA{n:06}");
    let mut b8 = [0u8; 8];
    b8.copy_from_slice(body.as_bytes());
    let check = char::from(org_code_check_char(&b8).unwrap());
    Uscc::complete(&format!("91150581{body}{check}")).unwrap()
}

fn code(e: &Error) -> &'static str {
    e.code().as_str()
}

fn opts() -> ReadOptions {
    ReadOptions::named("名录.xlsx")
}

/// A workbook with one sheet `名录` of text cells; `edit` may add more.
fn workbook(rows: &[Vec<&str>], edit: impl FnOnce(&mut rust_xlsxwriter::Worksheet)) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.set_name("名录").unwrap();
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(r as u32, c as u16, *v).unwrap();
            }
        }
    }
    edit(ws);
    wb.save_to_buffer().unwrap()
}

fn header() -> Vec<&'static str> {
    vec![
        "统一社会信用代码",
        "企业名称",
        "行政区划",
        "信用风险分类",
        "登记状态",
        "投诉举报数",
    ]
}

#[test]
fn reads_enterprises_with_number_cells() {
    let (a, b) = (uscc(1), uscc(2));
    let bytes = workbook(
        &[
            header(),
            vec![a.as_str(), "示例乳业", "", "A类", "存续", ""],
            vec![b.as_str(), "示例肉业", "", "信用风险高", "在业", ""],
        ],
        |ws| {
            // Division and complaints typed as numbers, as Excel users do.
            ws.write_number(1, 2, 150581).unwrap();
            ws.write_number(2, 2, 150581.0).unwrap();
            ws.write_number(1, 5, 3).unwrap();
        },
    );
    let r = read_enterprises(&bytes, &opts()).unwrap();
    assert_eq!(r.len(), 2);
    assert_eq!(r.get(&a).unwrap().complaints, 3);
    assert_eq!(r.get(&b).unwrap().credit_class, CreditClass::D);
    // Explicit format and a named sheet work too.
    let o = ReadOptions {
        format: Some(Format::Xlsx),
        sheet: Some("名录".into()),
        ..opts()
    };
    assert_eq!(read_enterprises(&bytes, &o).unwrap(), r);
}

#[test]
fn inexact_numbers_are_refused() {
    let a = uscc(1);
    let bytes = workbook(
        &[
            header(),
            vec![a.as_str(), "示例", "150581", "A", "存续", ""],
        ],
        |ws| {
            ws.write_number(1, 5, 2.5).unwrap();
        },
    );
    let e = read_enterprises(&bytes, &opts()).unwrap_err();
    assert_eq!(code(&e), "cell_invalid");
    assert_eq!(e.details().row, Some(2));
    assert_eq!(e.details().column.as_deref(), Some("投诉举报数"));
    assert_eq!(e.details().value.as_deref(), Some("2.5"));
}

#[test]
fn formula_in_uscc_column_is_refused() {
    let a = uscc(1);
    let b = uscc(2);
    let bytes = workbook(
        &[
            header(),
            vec![a.as_str(), "示例", "150581", "A", "存续", ""],
            vec!["", "示例二", "150581", "A", "存续", ""],
        ],
        |ws| {
            ws.write_formula(
                2,
                0,
                Formula::new(format!("=\"{}\"", b.as_str())).set_result(b.as_str()),
            )
            .unwrap();
            // A formula outside id columns is fine.
            ws.write_formula(1, 5, Formula::new("=1+1").set_result("2"))
                .unwrap();
        },
    );
    let e = read_enterprises(&bytes, &opts()).unwrap_err();
    assert_eq!(code(&e), "xlsx_formula");
    assert_eq!(e.details().row, Some(3));
    assert_eq!(e.details().column.as_deref(), Some("统一社会信用代码"));
    assert!(
        e.details()
            .value
            .as_deref()
            .unwrap_or("")
            .contains(b.as_str()),
        "{e}"
    );
    assert_eq!(e.details().file.as_deref(), Some("名录.xlsx"));
}

#[test]
fn sheet_missing_and_invalid_workbooks() {
    let bytes = workbook(&[header()], |_| {});
    let o = ReadOptions {
        sheet: Some("Sheet9".into()),
        ..opts()
    };
    let e = read_enterprises(&bytes, &o).unwrap_err();
    assert_eq!(code(&e), "xlsx_sheet_missing");
    assert_eq!(e.details().value.as_deref(), Some("Sheet9"));
    assert_eq!(
        e.details().extra.get("sheets").map(String::as_str),
        Some("名录")
    );

    // Zip magic but garbage.
    let e = read_enterprises(b"PK\x03\x04garbage", &opts()).unwrap_err();
    assert_eq!(code(&e), "xlsx_invalid");
    // An old .xls (OLE compound file) is sniffed as a workbook and refused.
    let ole = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest-of-an-xls";
    let e = read_enterprises(ole, &opts()).unwrap_err();
    assert_eq!(code(&e), "xlsx_invalid");
    assert!(e.message_en().contains(".xls"), "{e}");
    // Declared xlsx but CSV text.
    let o = ReadOptions {
        format: Some(Format::Xlsx),
        ..opts()
    };
    assert_eq!(
        code(&read_enterprises(b"uscc,name\n", &o).unwrap_err()),
        "xlsx_invalid"
    );
    // A valid zip whose entries are not a workbook: cut the sheet out of a real one.
    let mut broken = bytes.clone();
    let n = broken.len();
    broken.truncate(n / 2);
    assert_eq!(
        code(&read_enterprises(&broken, &opts()).unwrap_err()),
        "xlsx_invalid"
    );
    // Header only: an empty roster.
    assert!(read_enterprises(&bytes, &opts()).unwrap().is_empty());
    // No rows at all.
    let empty = workbook(&[], |_| {});
    assert_eq!(
        code(&read_enterprises(&empty, &opts()).unwrap_err()),
        "csv_empty"
    );
}

#[test]
fn decompression_limit_is_checked_before_inflating() {
    let filler = "x".repeat(1000);
    let rows: Vec<Vec<&str>> = std::iter::once(header())
        .chain((0..200).map(|_| vec![filler.as_str(); 6]))
        .collect();
    let bytes = workbook(&rows, |_| {});
    let declared = zip_uncompressed_size(&bytes, u64::MAX).unwrap();
    assert!(
        declared > bytes.len() as u64,
        "{declared} vs {}",
        bytes.len()
    );
    let o = ReadOptions {
        limits: Limits {
            max_decompressed_bytes: declared - 1,
            ..Limits::default()
        },
        ..opts()
    };
    let e = read_enterprises(&bytes, &o).unwrap_err();
    assert_eq!(code(&e), "decompressed_too_large");
    assert_eq!(e.details().file.as_deref(), Some("名录.xlsx"));

    // A hand-made archive whose directory declares 4 GiB for one entry.
    let mut zip = Vec::new();
    let name = b"xl/workbook.xml";
    // local header
    zip.extend(b"PK\x03\x04");
    zip.extend([20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
    zip.extend(0u32.to_le_bytes()); // crc
    zip.extend(10u32.to_le_bytes()); // compressed
    zip.extend(0xFFFF_FFFEu32.to_le_bytes()); // uncompressed
    zip.extend((name.len() as u16).to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    zip.extend(name);
    zip.extend([0u8; 10]);
    let cd_offset = zip.len() as u32;
    zip.extend(b"PK\x01\x02");
    zip.extend([20, 0, 20, 0, 0, 0, 8, 0, 0, 0, 0, 0]);
    zip.extend(0u32.to_le_bytes());
    zip.extend(10u32.to_le_bytes());
    zip.extend(0xFFFF_FFFEu32.to_le_bytes());
    zip.extend((name.len() as u16).to_le_bytes());
    zip.extend([0u8; 12]); // extra, comment, disk, attrs (int 2 + ext 4)
    zip.extend(0u32.to_le_bytes()); // local header offset
    zip.extend(name);
    let cd_size = zip.len() as u32 - cd_offset;
    zip.extend(b"PK\x05\x06");
    zip.extend([0, 0, 0, 0, 1, 0, 1, 0]);
    zip.extend(cd_size.to_le_bytes());
    zip.extend(cd_offset.to_le_bytes());
    zip.extend(0u16.to_le_bytes());
    assert_eq!(zip_uncompressed_size(&zip, u64::MAX).unwrap(), 0xFFFF_FFFE);
    let e = read_enterprises(&zip, &opts()).unwrap_err();
    assert_eq!(code(&e), "decompressed_too_large");
}

#[test]
fn too_many_rows_and_check_all() {
    let (a, b) = (uscc(1), uscc(2));
    let bytes = workbook(
        &[
            header(),
            vec![a.as_str(), "一", "150581", "A", "存续", ""],
            vec![],
            vec![a.as_str(), "二", "150581", "A", "存续", ""],
            vec![b.as_str(), "三", "150581", "Q", "存续", "", "多余"],
        ],
        |_| {},
    );
    let errs = check_enterprises(&bytes, &opts());
    let got: Vec<_> = errs.iter().map(|e| (code(e), e.details().row)).collect();
    assert_eq!(
        got,
        [("enterprise_duplicate", Some(4)), ("row_too_long", Some(5))]
    );
    assert_eq!(
        errs[0].details().extra.get("first_row").map(String::as_str),
        Some("2")
    );
    let o = ReadOptions {
        limits: Limits {
            max_rows: 2,
            ..Limits::default()
        },
        ..opts()
    };
    assert_eq!(
        code(&read_enterprises(&bytes, &o).unwrap_err()),
        "too_many_rows"
    );
}

#[test]
fn history_date_cells_and_inspector_bools() {
    let u = uscc(1);
    let bytes = {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        let head = [
            "任务编号",
            "统一社会信用代码",
            "检查日期",
            "检查机关",
            "部门",
            "层级",
            "管辖区划",
            "检查类型",
        ];
        for (c, h) in head.iter().enumerate() {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        let date_fmt = XFormat::new().set_num_format("yyyy-mm-dd");
        let vals = [
            "T1",
            u.as_str(),
            "",
            "hlgl-market",
            "market",
            "县级",
            "150581",
            "双随机",
        ];
        for (c, v) in vals.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(1, c as u16, *v).unwrap();
            }
        }
        ws.write_datetime_with_format(
            1,
            2,
            ExcelDateTime::from_ymd(2024, 4, 12).unwrap(),
            &date_fmt,
        )
        .unwrap();
        for (c, v) in vals.iter().enumerate() {
            if !v.is_empty() {
                ws.write_string(2, c as u16, *v).unwrap();
            }
        }
        ws.write_string(2, 2, "2024年5月3日").unwrap();
        wb.save_to_buffer().unwrap()
    };
    let h = read_history(&bytes, &ReadOptions::named("h.xlsx")).unwrap();
    assert_eq!(h[0].date.to_string(), "2024-04-12");
    assert_eq!(h[1].date.to_string(), "2024-05-03");

    let insp = {
        let mut wb = Workbook::new();
        let ws = wb.add_worksheet();
        for (c, h) in ["执法证号", "部门", "持证", "工作量上限"]
            .iter()
            .enumerate()
        {
            ws.write_string(0, c as u16, *h).unwrap();
        }
        ws.write_number(1, 0, 15_058_120_240_012_f64).unwrap();
        ws.write_string(1, 1, "market").unwrap();
        ws.write_boolean(1, 2, true).unwrap();
        ws.write_number(1, 3, 8).unwrap();
        wb.save_to_buffer().unwrap()
    };
    let r = read_inspectors(&insp, &ReadOptions::named("i.xlsx")).unwrap();
    assert_eq!(r.inspectors()[0].id.as_str(), "15058120240012");
    assert!(r.inspectors()[0].certified);
    assert_eq!(r.inspectors()[0].capacity, Some(8));
}

mod mutated {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        /// A real workbook with a few bytes changed or cut never panics; the reader and
        /// the checker agree on the first error.
        #[test]
        fn mutated_workbooks_never_panic(
            edits in prop::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..6),
            cut in prop::option::of(any::<prop::sample::Index>()),
        ) {
            let a = uscc(1);
            let mut bytes = workbook(
                &[header(), vec![a.as_str(), "示例", "150581", "A", "存续", "1"]],
                |_| {},
            );
            for (at, b) in &edits {
                let i = at.index(bytes.len());
                bytes[i] = *b;
            }
            if let Some(c) = cut {
                let n = c.index(bytes.len());
                bytes.truncate(n);
            }
            let read = read_enterprises(&bytes, &opts());
            let all = check_enterprises(&bytes, &opts());
            match read {
                Ok(_) => prop_assert!(all.is_empty()),
                Err(e) => prop_assert_eq!(all.first(), Some(&e)),
            }
        }
    }
}

/// Issue #17 item 9: a sheet is refused at the first row past the limit while its cells
/// are streamed (the error names that row), and a header wider than `MAX_COLUMNS` is
/// refused with `too_many_columns`.
#[test]
fn row_and_column_limits_stop_at_the_crossing() {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in header().iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let u = uscc(1);
    for r in 1..5000u32 {
        ws.write_string(r, 0, u.as_str()).unwrap();
        ws.write_string(r, 1, "企业").unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let o = ReadOptions {
        limits: Limits {
            max_rows: 100,
            ..Limits::default()
        },
        ..opts()
    };
    let e = read_enterprises(&bytes, &o).unwrap_err();
    assert_eq!(code(&e), "too_many_rows");
    assert_eq!(e.details().row, Some(102), "{e}");

    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for c in 0..1001u16 {
        ws.write_string(0, c, format!("列{c}")).unwrap();
    }
    let bytes = wb.save_to_buffer().unwrap();
    let e = read_enterprises(&bytes, &opts()).unwrap_err();
    assert_eq!(code(&e), "too_many_columns");
    assert_eq!(e.details().extra["limit"], "1000");
    // CSV headers have the same limit.
    let csv = (0..1001)
        .map(|c| format!("c{c}"))
        .collect::<Vec<_>>()
        .join(",")
        + "\n";
    let e = read_enterprises(csv.as_bytes(), &ReadOptions::default()).unwrap_err();
    assert_eq!(code(&e), "too_many_columns");
}
