//! Reading rosters, catalogs and histories from the files data staff have: JSON, CSV
//! (UTF-8, UTF-8 with BOM, GB18030/GBK) with Chinese or English headers, and xlsx.
//!
//! Every table has a reader that returns the first problem (in row order) and nothing
//! partial, and a checker that returns *every* problem for people fixing a sheet:
//!
//! | table | reader | checker |
//! |---|---|---|
//! | enterprises | [`read_enterprises`] → [`Roster`] | [`check_enterprises`] |
//! | inspectors | [`read_inspectors`] → [`InspectorRoster`] | [`check_inspectors`] |
//! | check history | [`read_history`] → `Vec<`[`CheckRecord`]`>` | [`check_history`] |
//! | enterprise events | [`read_events`] → `Vec<`[`ProfileEvent`](crate::profile::ProfileEvent)`>` | [`check_events`] |
//! | outcome sheet (检查结果) | [`read_outcome_records`] → `Vec<`[`OutcomeRecord`](crate::outcomes::OutcomeRecord)`>` | [`check_outcome_records`] |
//! | catalog (JSON only) | [`read_catalog`] → [`Catalog`] | — |
//!
//! The format is taken from [`ReadOptions::format`] or sniffed ([`Format::sniff`]).
//! Every error carries `file` (from the options), `row` (1-based, header = row 1),
//! `column` (the header as written), `value` and a stable code. Header aliases are in
//! [`Table::columns`] and `docs/intake.md`; limits in [`limits`].
//!
//! ```
//! use shuangsuiji::intake::{read_enterprises, ReadOptions};
//! let csv = "统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态\n\
//!            91350100M000100Y43,示例食品有限公司,150581,A类,存续\n";
//! let roster = read_enterprises(csv.as_bytes(), &ReadOptions::named("名录.csv"))?;
//! assert_eq!(roster.len(), 1);
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

mod cells;
mod columns;
mod csv;
mod demands;
mod encoding;
mod events;
mod headers;
mod json;
pub use crate::json::limits;
mod options;
mod outcomes;
mod parts;
mod records;
mod shared_lists;
pub(crate) mod table;
pub(crate) mod xlsx;

pub use columns::{TextColumn, read_enterprise_columns};
pub use encoding::decode;
pub use headers::DEMAND_COLUMNS;
pub use headers::OUTCOME_COLUMNS;
pub use headers::{
    ColumnSpec, ENTERPRISE_COLUMNS, EVENT_COLUMNS, HISTORY_COLUMNS, INSPECTOR_COLUMNS, Table,
};
pub use options::{Encoding, Format, Limits, ReadOptions};
pub use xlsx::zip_uncompressed_size;

/// The library's one reader of JSON text into a typed value: the documented limits and
/// duplicate keys are checked first ([`limits::check_json_text`]), then the text is
/// parsed, a shape error naming the path of the offending value as `field`. The
/// bindings read their JSON arguments through it.
///
/// # Errors
/// `too_many_bytes`, `too_deep`, `json_duplicate_key`, `json_syntax`, `json_shape`, or
/// the code a model type's validation gives.
///
/// ```
/// use shuangsuiji::intake::parse_json;
/// let v: Vec<u32> = parse_json("[1, 2]")?;
/// assert_eq!(v, [1, 2]);
/// let e = parse_json::<serde_json::Value>(r#"{"a": 1, "a": 2}"#).unwrap_err();
/// assert_eq!(e.code().as_str(), "json_duplicate_key");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn parse_json<T: serde::de::DeserializeOwned>(text: &str) -> crate::Result<T> {
    crate::json::parse(text)
}

use crate::model::{Catalog, CheckRecord, Enterprise, Inspector, InspectorRoster, Roster};
use crate::{Error, InputCode, Result};
use table::{Builder, Parsed, Record};

fn parse_table<T: Record + Send + Sync>(bytes: &[u8], opts: &ReadOptions, all: bool) -> Parsed<T> {
    let fail = |e: Error| Parsed {
        items: Vec::new(),
        errors: vec![e],
        order: None,
    };
    let lim = match opts
        .checked_header_row()
        .and_then(|()| opts.limits.checked())
    {
        Ok(l) => l,
        Err(e) => return fail(opts.locate(e)),
    };
    let mut parsed = if let Err(e) = limits::check_bytes(bytes.len(), lim.max_bytes) {
        fail(e)
    } else {
        match opts.format.unwrap_or_else(|| Format::sniff(bytes)) {
            Format::Json => {
                let mut p = json::json_records::<T>(bytes, &lim, all);
                limits::cap_problems(&mut p.errors, 0);
                p
            }
            Format::Csv => {
                let parts = crate::parallel_rows::parts_for_bytes(bytes.len());
                csv_table::<T>(bytes, opts, &lim, all, parts)
            }
            Format::Xlsx => {
                let mut b = Builder::<T>::new(opts.allow_unknown_columns, &lim, all)
                    .with_header_row(opts.header_row);
                if let Err(e) =
                    xlsx::rows(bytes, opts.sheet.as_deref(), &lim, &mut |row| b.push(row))
                {
                    b.fail(e);
                }
                b.finish()
            }
        }
    };
    parsed.errors = parsed.errors.into_iter().map(|e| opts.locate(e)).collect();
    parsed
}

/// Reads a CSV table, in up to `parts` parts on threads of their own (1: on this
/// thread alone) with the same records and problems.
fn csv_table<T: Record + Send + Sync>(
    bytes: &[u8],
    opts: &ReadOptions,
    lim: &Limits,
    all: bool,
    parts: usize,
) -> Parsed<T> {
    let mut b =
        Builder::<T>::new(opts.allow_unknown_columns, lim, all).with_header_row(opts.header_row);
    if parts > 1 && csv_in_parts(&mut b, bytes, opts.encoding, parts) {
        return b.finish();
    }
    let read = encoding::decode_borrowed(bytes, opts.encoding).and_then(|text| {
        reject_html(&text)?;
        b.reserve_rows(csv::max_records(&text));
        csv::parse(&text, &mut |row| b.push(row))
    });
    if let Err(e) = read {
        b.fail(e);
    }
    b.finish()
}

/// The CSV read of [`csv_table`] in parts: the bytes cut where records start
/// ([`csv::cut`]), the pieces decoded on threads ([`encoding::decode_pieces`]), the
/// header read from the first piece on this thread, then the data rows in parts
/// ([`parts::read_parts`]): the rest of the first piece and each other piece. `false`,
/// with `b` untouched, when the file is better read serially: one piece only, or a
/// piece that does not decode (the serial read then reports the problem).
fn csv_in_parts<T: Record + Send + Sync>(
    b: &mut Builder<T>,
    bytes: &[u8],
    encoding: Encoding,
    parts: usize,
) -> bool {
    let Some(body) = encoding::body(bytes, encoding) else {
        return false;
    };
    let cuts = csv::cut(body, parts);
    if cuts.len() < 2 {
        return false;
    }
    let ranges: Vec<_> = cuts.iter().map(|c| c.range.clone()).collect();
    let Some(texts) = encoding::decode_pieces(bytes, encoding, &ranges) else {
        return false;
    };
    if let Err(e) = reject_html(&head(&texts)) {
        b.fail(e);
        return true;
    }
    let newlines = cuts.iter().map(|c| c.newlines).sum::<usize>();
    b.reserve_rows(newlines.saturating_add(1));
    // The header, from the first piece (rows up to it: blank, or above `header_row`).
    let first = texts.first().map_or("", |t| t.as_ref());
    let end = match csv::parse_lines(first, 1, &mut |row| b.push(row) && !b.reads_data()) {
        Ok(end) => end,
        Err(e) => {
            b.fail(e);
            return true;
        }
    };
    // (text, first line, most records: unused for the first, read by `b` itself)
    let mut pieces: Vec<(&str, u64, usize)> = Vec::with_capacity(texts.len());
    pieces.push((
        first.get(end..).unwrap_or(""),
        csv::line_breaks(&first.as_bytes()[..end]).saturating_add(1),
        0,
    ));
    pieces.extend(
        texts
            .iter()
            .zip(&cuts)
            .skip(1)
            .map(|(t, c)| (t.as_ref(), c.line, c.newlines.saturating_add(1))),
    );
    let feed = |&(text, line, _): &(&str, u64, usize),
                push: &mut dyn FnMut(&table::Row<'_>) -> bool| {
        csv::parse_lines(text, line, &mut |row| push(row)).map(|_| ())
    };
    if b.reads_data() {
        parts::read_parts(b, &pieces, &|p| p.2, &feed);
    } else {
        // No header in the first piece (or reading stopped): the rest on this thread.
        for piece in pieces.iter().skip(1) {
            if b.is_done() {
                break;
            }
            if let Err(e) = feed(piece, &mut |row| b.push(row)) {
                b.fail(e);
            }
        }
    }
    true
}

/// The first 64 characters of the joined texts after leading white space: what
/// [`reject_html`] looks at.
fn head(texts: &[std::borrow::Cow<'_, str>]) -> String {
    let mut head = String::new();
    let mut chars = 0usize;
    for t in texts {
        let t = if chars == 0 { t.trim_start() } else { t };
        for c in t.chars().take(64 - chars) {
            head.push(c);
            chars += 1;
        }
        if chars >= 64 {
            break;
        }
    }
    head
}

/// Some platforms export an HTML table named `.xls`; it is neither CSV nor a workbook.
fn reject_html(text: &str) -> Result<()> {
    let head: String = text
        .trim_start()
        .chars()
        .take(64)
        .collect::<String>()
        .to_ascii_lowercase();
    if head.starts_with("<html")
        || head.starts_with("<!doctype")
        || head.starts_with("<table")
        || head.starts_with("<?xml")
    {
        return Err(Error::new(
            InputCode::XlsxInvalid,
            "an HTML/XML table saved with a spreadsheet name; open it in Excel and save as .xlsx or CSV",
        ));
    }
    Ok(())
}

fn first<T: Record + Send + Sync>(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<T>> {
    first_parsed(parse_table::<T>(bytes, opts, false)).map(|p| p.items)
}

/// The parsed table, or its first problem.
fn first_parsed<T>(mut parsed: Parsed<T>) -> Result<Parsed<T>> {
    match std::mem::take(&mut parsed.errors).into_iter().next() {
        Some(e) => Err(e),
        None => Ok(parsed),
    }
}

/// Reads the enterprise roster (监管对象名录) from JSON, CSV or xlsx bytes.
///
/// # Errors
/// The first problem in row order. Input: `encoding_invalid`, `encoding_mixed`,
/// `encoding_unknown`, `json_syntax`, `json_shape`, `csv_empty`, `csv_malformed`,
/// `column_missing`, `column_unknown`, `column_duplicate`, `row_too_long`,
/// `row_too_short`, `cell_empty`, `cell_invalid`, `xlsx_invalid`,
/// `xlsx_sheet_missing`, `xlsx_formula`, `xlsx_unsupported`. Validation: `uscc_*`,
/// `division_invalid`, `credit_class_unknown`, `risk_grade_unknown`,
/// `status_unknown`, `inspector_id_invalid`, `enterprise_duplicate` (detail
/// `first_row`), `text_empty`. Limits: `too_many_bytes`, `too_many_rows`,
/// `field_too_long`, `too_deep`, `decompressed_too_large`, `too_many_columns`.
///
/// ```
/// use shuangsuiji::intake::{read_enterprises, ReadOptions};
/// let csv = "uscc,name,division,credit_class,status\n91350100M000100Y43,示例,150581,Z,active\n";
/// let e = read_enterprises(csv.as_bytes(), &ReadOptions::named("a.csv")).unwrap_err();
/// assert_eq!(e.code().as_str(), "credit_class_unknown");
/// assert_eq!((e.details().row, e.details().column.as_deref()), (Some(2), Some("credit_class")));
/// ```
pub fn read_enterprises(bytes: &[u8], opts: &ReadOptions) -> Result<Roster> {
    let parsed = first_parsed(parse_table::<Enterprise>(bytes, opts, false))?;
    // Every record kept was validated.
    Roster::from_valid(parsed.items, parsed.order).map_err(|e| opts.locate(e))
}

/// Checks an enterprise file and returns every problem, in row order (empty = fine).
/// At most [`limits::MAX_PROBLEMS`] are listed; then one `too_many_problems` says how
/// many more there were (detail `omitted`). The same holds for every checker.
///
/// ```
/// use shuangsuiji::intake::{check_enterprises, ReadOptions};
/// let csv = "uscc,name,division,credit_class,status\n\
///            91350100M000100Y43,,150581,Z,active\n";
/// let errs = check_enterprises(csv.as_bytes(), &ReadOptions::default());
/// let codes: Vec<&str> = errs.iter().map(|e| e.code().as_str()).collect();
/// assert_eq!(codes, ["cell_empty", "credit_class_unknown"]);
/// ```
#[must_use]
pub fn check_enterprises(bytes: &[u8], opts: &ReadOptions) -> Vec<Error> {
    parse_table::<Enterprise>(bytes, opts, true).errors
}

/// Reads the inspector roster (执法检查人员名录) from JSON, CSV or xlsx bytes.
///
/// # Errors
/// As [`read_enterprises`] for input and limits; validation: `inspector_id_invalid`,
/// `department_invalid`, `uscc_*` (in conflicts), `inspector_duplicate` (detail
/// `first_row`).
///
/// ```
/// use shuangsuiji::intake::{read_inspectors, ReadOptions};
/// let csv = "执法证号,姓名,部门,持证,在岗\n15058120240012,张三,market,是,Y\n";
/// let r = read_inspectors(csv.as_bytes(), &ReadOptions::default())?;
/// assert!(r.inspectors()[0].certified);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn read_inspectors(bytes: &[u8], opts: &ReadOptions) -> Result<InspectorRoster> {
    let items = first::<Inspector>(bytes, opts)?;
    InspectorRoster::new(items).map_err(|e| opts.locate(e))
}

/// Checks an inspector file and returns every problem, in row order.
///
/// ```
/// use shuangsuiji::intake::{check_inspectors, ReadOptions};
/// let csv = "id,department,certified\nA1,market,maybe\n";
/// let errs = check_inspectors(csv.as_bytes(), &ReadOptions::default());
/// assert_eq!(errs[0].code().as_str(), "cell_invalid");
/// ```
#[must_use]
pub fn check_inspectors(bytes: &[u8], opts: &ReadOptions) -> Vec<Error> {
    parse_table::<Inspector>(bytes, opts, true).errors
}

/// Reads check history (检查记录) from JSON, CSV or xlsx bytes, in file order.
///
/// # Errors
/// As [`read_enterprises`] for input and limits; validation: `uscc_*`,
/// `department_invalid`, `level_unknown`, `division_invalid`, `item_id_invalid`,
/// `check_kind_unknown`, `text_empty`; `cell_invalid` for an unreadable date.
///
/// ```
/// use shuangsuiji::intake::{read_history, ReadOptions};
/// let csv = "任务编号,统一社会信用代码,检查日期,检查机关,部门,层级,管辖区划,检查类型\n\
///            T1,91350100M000100Y43,2024年4月12日,hlgl-market,market,县级,150581,双随机\n";
/// let h = read_history(csv.as_bytes(), &ReadOptions::default())?;
/// assert_eq!(h[0].date.to_string(), "2024-04-12");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn read_history(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<CheckRecord>> {
    first::<CheckRecord>(bytes, opts)
}

/// Checks a history file and returns every problem, in row order.
///
/// ```
/// use shuangsuiji::intake::{check_history, ReadOptions};
/// assert_eq!(check_history(b"", &ReadOptions::default())[0].code().as_str(), "csv_empty");
/// ```
#[must_use]
pub fn check_history(bytes: &[u8], opts: &ReadOptions) -> Vec<Error> {
    parse_table::<CheckRecord>(bytes, opts, true).errors
}

/// Reads a catalog (JSON only; UTF-8 with optional BOM) via [`Catalog::from_json`].
///
/// # Errors
/// `format_unknown` if the options or the bytes say CSV or xlsx; `too_many_bytes`,
/// `encoding_invalid`, and the codes of [`Catalog::from_json`].
///
/// ```
/// use shuangsuiji::intake::{read_catalog, ReadOptions};
/// let e = read_catalog(b"id,name\n", &ReadOptions::named("catalog.csv")).unwrap_err();
/// assert_eq!(e.code().as_str(), "format_unknown");
/// assert_eq!(e.details().file.as_deref(), Some("catalog.csv"));
/// ```
pub fn read_catalog(bytes: &[u8], opts: &ReadOptions) -> Result<Catalog> {
    let lim = opts.limits.checked().map_err(|e| opts.locate(e))?;
    let run = || -> Result<Catalog> {
        limits::check_bytes(bytes.len(), lim.max_bytes)?;
        let format = opts.format.unwrap_or_else(|| Format::sniff(bytes));
        if format != Format::Json {
            return Err(Error::new(
                InputCode::FormatUnknown,
                format!("a catalog is read from JSON only, not {}", format.as_str()),
            )
            .with_value(format.as_str()));
        }
        Catalog::from_json(&json::json_text(bytes)?)
    };
    run().map_err(|e| opts.locate(e))
}

/// Reads enterprise events (一企一档: licences, checks, sampling, complaints, lists,
/// penalties) from JSON, CSV or xlsx bytes, in file order.
///
/// # Errors
/// As [`read_enterprises`] for input and limits; validation: `uscc_*`; profile:
/// `event_kind_unknown`, `event_field_missing`, `event_field_unexpected`,
/// `event_value_invalid` (each with the row and the column); `cell_invalid` for an
/// unreadable date, number or yes/no.
///
/// ```
/// use shuangsuiji::intake::{read_events, ReadOptions};
/// let csv = "统一社会信用代码,日期,事件类型,来源系统,是否属实\n\
///            91350100M000100Y43,2026年3月2日,投诉举报,12315,是\n\
///            91350100M000100Y43,2026-03-05,列入经营异常名录,公示系统,\n";
/// let e = read_events(csv.as_bytes(), &ReadOptions::named("events.csv")).unwrap_err();
/// assert_eq!(e.code().as_str(), "event_field_missing");
/// assert_eq!((e.details().row, e.details().field.as_deref()), (Some(3), Some("reason")));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn read_events(bytes: &[u8], opts: &ReadOptions) -> Result<Vec<crate::profile::ProfileEvent>> {
    first::<crate::profile::ProfileEvent>(bytes, opts)
}

/// Reads a demand register (企业诉求台账): one row per [`crate::service::DemandEvent`],
/// Chinese or English headers ([`Table::Demands`]), 事件类型 as 登记 / 当场解答 / 转办 /
/// 联合会商 / 提请上级 / 答复 / 办结 / 评价; JSON as a list of events. The events are read,
/// not applied: [`crate::service::DemandBook::apply`] checks the transitions.
///
/// # Errors
/// The first problem in row order: the input codes of [`read_enterprises`]; `cell_invalid`
/// for an unknown 事件类型 or 答复方式, a cell the row's kind does not use, a bad number;
/// `cell_empty` for a cell the kind needs; `uscc_*` / `department_code_*` for bad codes.
///
/// ```
/// use shuangsuiji::intake::{read_demand_events, ReadOptions};
/// let csv = "诉求编号,日期,事件类型,统一社会信用代码,任务编号,登记部门,牵头部门,诉求类别,诉求内容,责任单位,办理时限（工作日）\n\
///            D1,2026-03-03,登记,91350100M000100Y43,T1,market,market,要素保障,道路照明,,\n\
///            D1,2026年3月4日,转办,,,,,,,housing,5\n";
/// let events = read_demand_events(csv.as_bytes(), &ReadOptions::named("demands.csv"))?;
/// assert_eq!(events[1].kind(), "transferred");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn read_demand_events(
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Vec<crate::service::DemandEvent>> {
    first::<crate::service::DemandEvent>(bytes, opts)
}

/// Checks an events file and returns every problem, in row order.
///
/// ```
/// use shuangsuiji::intake::{check_events, ReadOptions};
/// let csv = "uscc,date,kind,source\n91350100M000100Y43,2026-01-01,party,x\n";
/// let errs = check_events(csv.as_bytes(), &ReadOptions::default());
/// assert_eq!(errs[0].code().as_str(), "event_kind_unknown");
/// ```
#[must_use]
pub fn check_events(bytes: &[u8], opts: &ReadOptions) -> Vec<Error> {
    parse_table::<crate::profile::ProfileEvent>(bytes, opts, true).errors
}

/// Reads a department's inspection outcomes (检查结果) from CSV (UTF-8/GBK), xlsx or JSON
/// bytes. A sheet has one row per item checked, with the headers of
/// [`crate::outcomes::OUTCOME_CSV_HEADERS`] ([`Table::Outcomes`]: 统一社会信用代码, 检查实施部门,
/// 检查日期, 检查人员, 检查事项, 检查结果, 记录日期; 任务编号, 备注, 后续处置 optional), so
/// the table [`crate::outcomes::outcomes_csv`] writes reads back; the rows of one enterprise
/// and department make one record, in the order of their first rows. 检查结果 is the
/// category's code or published term, 后续处置 the follow-ups in words (责令改正（期限
/// 2026-04-10）, 立案, 立案（2026-04-02）, 移送公安机关, 移送 `<department>`) separated by `；`.
/// JSON is a list of records (or an envelope with `records`), read as given. An officer
/// change has no column: give records with changes as JSON. The records are read, not
/// checked against a draw: [`crate::outcomes::record_outcomes`] does that.
///
/// # Errors
/// The first problem in row order: the input codes of [`read_enterprises`]; `cell_invalid`
/// for an unknown 检查结果 term (`finding_category_unknown`), an unreadable follow-up or
/// date, or a row that disagrees with the first row of its enterprise and department on
/// the date, the officers or the recording date (detail `first_row`); `uscc_*`,
/// `department_invalid`, `inspector_id_invalid`, `item_id_invalid` for bad codes.
///
/// ```
/// use shuangsuiji::intake::{read_outcome_records, ReadOptions};
/// let csv = "统一社会信用代码,检查实施部门,检查日期,检查人员,检查事项,检查结果,后续处置,记录日期\n\
///            91350100M000100Y43,market,2026-03-10,A1、A2,market.food_production,未发现问题,,2026-03-12\n\
///            91350100M000100Y43,market,2026-03-10,A1、A2,market.food_label,发现问题已责令改正,责令改正（期限 2026-04-10）,2026-03-12\n";
/// let records = read_outcome_records(csv.as_bytes(), &ReadOptions::named("结果.csv"))?;
/// assert_eq!((records.len(), records[0].findings.len()), (1, 2));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn read_outcome_records(
    bytes: &[u8],
    opts: &ReadOptions,
) -> Result<Vec<crate::outcomes::OutcomeRecord>> {
    let (records, errors) = outcomes::group(first::<outcomes::OutcomeRow>(bytes, opts)?);
    match errors.into_iter().next() {
        Some(e) => Err(opts.locate(e)),
        None => Ok(records),
    }
}

/// Checks an outcome sheet and returns every problem, in row order (the rows' own
/// problems first; only when there are none, the rows that disagree with their record).
///
/// ```
/// use shuangsuiji::intake::{check_outcome_records, ReadOptions};
/// let csv = "统一社会信用代码,检查实施部门,检查日期,检查人员,检查事项,检查结果,记录日期\n\
///            91350100M000100Y43,market,2026-03-10,A1、A2,market.food_production,良好,2026-03-12\n";
/// let errs = check_outcome_records(csv.as_bytes(), &ReadOptions::default());
/// assert_eq!(errs[0].code().as_str(), "finding_category_unknown");
/// ```
#[must_use]
pub fn check_outcome_records(bytes: &[u8], opts: &ReadOptions) -> Vec<Error> {
    let parsed = parse_table::<outcomes::OutcomeRow>(bytes, opts, true);
    if !parsed.errors.is_empty() {
        return parsed.errors;
    }
    let mut errors = outcomes::group(parsed.items).1;
    limits::cap_problems(&mut errors, 0);
    errors.into_iter().map(|e| opts.locate(e)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The problems (as debug text, every detail included) and the number of records of
    /// reading `text` as an enterprise CSV, the duplicates found by sorting the keys at
    /// the end or (`reference`) row by row with a hash map as before issue #25.
    fn read(text: &str, all: bool, reference: bool, max_rows: u64) -> (Vec<String>, usize) {
        let lim = Limits {
            max_rows,
            ..Limits::default()
        };
        let mut b = Builder::<Enterprise>::new(false, &lim, all);
        if reference {
            b = b.with_reference_duplicates();
        }
        if let Err(e) = csv::parse(text, &mut |row| b.push(row)) {
            b.fail(e);
        }
        let p = b.finish();
        let items = if p.errors.is_empty() {
            p.items.len()
        } else {
            0
        };
        (p.errors.iter().map(|e| format!("{e:?}")).collect(), items)
    }

    const HEADER: &str = "统一社会信用代码,企业名称,行政区划,信用风险分类,登记状态\n";
    const CODES: [&str; 3] = [
        "91350100M000100Y43",
        " 91350100m000100y43",
        "911505810000000190",
    ];

    fn line(kind: u8, i: usize) -> String {
        match kind {
            0..=2 => format!("{},企业{i},150581,A类,存续\n", CODES[usize::from(kind)]),
            3 => format!("{},企业{i},150581,Z,存续\n", CODES[i % 2]),
            4 => "\n".to_owned(),
            5 => "a\"b,x\n".to_owned(),
            _ => format!("91350100M000100Y44,企业{i},150581,A类,存续\n"),
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        #[test]
        fn sorted_duplicate_check_agrees_with_the_row_by_row_one(
            kinds in prop::collection::vec(0u8..7, 0..12),
            all in any::<bool>(),
            max_rows in 3u64..12,
        ) {
            let mut text = HEADER.to_owned();
            for (i, &k) in kinds.iter().enumerate() {
                text.push_str(&line(k, i));
            }
            prop_assert_eq!(read(&text, all, false, max_rows), read(&text, all, true, max_rows));
        }
    }

    /// Past the problems a checker lists: the same first 1 000 and the same count of
    /// the rest, duplicates interleaved with other problems.
    #[test]
    fn sorted_duplicate_check_lists_the_same_first_problems() {
        let mut text = HEADER.to_owned();
        for i in 0..1500 {
            text.push_str(&line([0, 3, 2, 6, 1][i % 5], i));
        }
        text.push_str("a\"b\n");
        for all in [true, false] {
            let new = read(&text, all, false, 2000);
            assert_eq!(new, read(&text, all, true, 2000));
            if all {
                assert_eq!(new.0.len(), limits::MAX_PROBLEMS + 1);
            }
        }
    }
}
