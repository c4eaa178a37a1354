//! Shared row → record mapping for CSV and xlsx: header matching, row shape, cell
//! parsing with precise locations, duplicate detection and error collection.

use std::borrow::Cow;
#[cfg(test)]
use std::collections::HashMap;
#[cfg(test)]
use std::collections::hash_map::Entry;

use chrono::NaiveDate;
use serde::de::DeserializeOwned;

use super::headers::{ColumnSpec, Table, split_multi};
use super::limits;
use super::options::Limits;
use super::shared_lists::SharedLists;
use crate::model::text::normalized_width;
use crate::model::{Categories, Uscc, normalize_width};
use crate::{Error, InputCode, ModelCode, Result};

/// One cell as read from a file.
#[derive(Debug, Clone, PartialEq)]
// Only xlsx produces dates, booleans and invalid cells.
#[cfg_attr(not(feature = "xlsx"), allow(dead_code))]
pub(crate) enum Cell<'t> {
    /// Nothing, or only white space.
    Empty,
    /// Text as written: borrowed from the decoded CSV text, owned when built (a quoted
    /// cell with a doubled quote or a line break, an xlsx cell).
    Text(Cow<'t, str>),
    /// An xlsx date cell.
    Date(NaiveDate),
    /// An xlsx boolean cell.
    Bool(bool),
    /// An xlsx cell that cannot be used (error value, inexact number …), with why.
    Invalid(String, String),
}

impl<'t> Cell<'t> {
    pub(crate) fn from_text(s: String) -> Self {
        if crate::model::text::trim(&s).is_empty() {
            Self::Empty
        } else {
            Self::Text(Cow::Owned(s))
        }
    }

    /// A cell of borrowed text (no copy).
    pub(crate) fn from_slice(s: &'t str) -> Self {
        if crate::model::text::trim(s).is_empty() {
            Self::Empty
        } else {
            Self::Text(Cow::Borrowed(s))
        }
    }

    fn is_empty(&self) -> bool {
        matches!(self, Self::Empty)
    }

    /// The cell as text for error reports.
    fn raw(&self) -> String {
        match self {
            Self::Empty => String::new(),
            Self::Text(s) => String::from(s.as_ref()),
            Self::Date(d) => d.to_string(),
            Self::Bool(b) => b.to_string(),
            Self::Invalid(v, _) => v.clone(),
        }
    }
}

/// One row: its 1-based number in the file, its cells and, for xlsx, the formula of
/// each cell that has one.
#[derive(Debug, Clone)]
pub(crate) struct Row<'t> {
    pub(crate) number: u64,
    pub(crate) cells: Vec<Cell<'t>>,
    pub(crate) formulas: Vec<Option<String>>,
}

impl<'t> Row<'t> {
    pub(crate) fn text(number: u64, cells: Vec<Cell<'t>>) -> Self {
        Self {
            number,
            cells,
            formulas: Vec::new(),
        }
    }

    /// A row without any value; such rows are skipped (they carry no data).
    pub(crate) fn is_blank(&self) -> bool {
        self.cells.iter().all(Cell::is_empty)
    }
}

/// A record type the intake can read.
pub(crate) trait Record: Sized + DeserializeOwned {
    /// The table whose alias table applies.
    const TABLE: Table;
    /// Fields whose xlsx cells must be literal values, not formulas.
    const LITERAL_FIELDS: &'static [&'static str];
    /// The field that must be unique, and the code for a duplicate (none by default:
    /// event tables repeat their keys).
    const UNIQUE: Option<(&'static str, ModelCode)> = None;
    /// The unique key of a record, if the table has one.
    fn key(&self) -> Option<String> {
        None
    }
    /// The unique key as the duplicate check holds it: by default the text of
    /// [`Record::key`]; a table keyed by USCC gives the 18-byte code itself (no string
    /// per row).
    fn unique_key(&self) -> Option<UniqueKey> {
        self.key().map(UniqueKey::Text)
    }
    /// Cross-field checks after deserialisation (JSON path); none by default.
    ///
    /// # Errors
    /// The model's validation codes.
    fn validate(&self) -> Result<()> {
        Ok(())
    }
    /// Builds a record from a row, pushing every problem into the reader.
    fn from_row(r: &mut RowReader<'_>) -> Option<Self>;
}

/// A record's unique key in the duplicate check ([`Builder`] keeps one per row read).
#[derive(Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) enum UniqueKey {
    /// A 统一社会信用代码, held as its 18 bytes.
    Uscc(Uscc),
    /// Any other key, as text.
    Text(String),
}

impl UniqueKey {
    fn as_str(&self) -> &str {
        match self {
            Self::Uscc(u) => u.as_str(),
            Self::Text(s) => s,
        }
    }
}

/// How many rows after a failed header are tried as the header, to name it in the error.
const HEADER_LOOKAHEAD: u64 = 10;

/// The result of reading a table: records (only meaningful if `errors` is empty) and
/// every problem found, in row order.
pub(crate) struct Parsed<T> {
    pub(crate) items: Vec<T>,
    pub(crate) errors: Vec<Error>,
    /// The records' positions in ascending order of their unique keys, where the
    /// duplicate check found it on the way (no repeat, one key per record, the rows
    /// consecutive): a roster then need not sort its records again.
    pub(crate) order: Option<Vec<usize>>,
}

/// The cell index of each field the header has: a short list (a table has about a
/// dozen fields) searched by name, the name compared by address first (the field names
/// the records ask for are the specs' own literals). Every cell of every row is found
/// through it, so it is not a map of strings.
#[derive(Default, Clone)]
struct FieldColumns(Vec<(&'static str, usize)>);

impl FieldColumns {
    fn get(&self, field: &str) -> Option<&usize> {
        self.0
            .iter()
            .find(|(f, _)| f.len() == field.len() && (f.as_ptr() == field.as_ptr() || *f == field))
            .map(|(_, i)| i)
    }

    fn contains_key(&self, field: &str) -> bool {
        self.get(field).is_some()
    }

    /// Adds a field not yet present.
    fn insert(&mut self, field: &'static str, i: usize) {
        self.0.push((field, i));
    }
}

#[derive(Clone)]
struct Header {
    /// Per cell index: the column spec and the header as written (None = ignored).
    columns: Vec<Option<(&'static ColumnSpec, String)>>,
    by_field: FieldColumns,
}

impl Header {
    fn text_of(&self, field: &str) -> Option<String> {
        let i = *self.by_field.get(field)?;
        self.columns.get(i)?.as_ref().map(|(_, h)| h.clone())
    }
}

fn map_header(
    table: Table,
    row: &Row<'_>,
    allow_unknown: bool,
    lim: &Limits,
) -> (Header, Vec<Error>) {
    let mut errors = Vec::new();
    let mut width = row.cells.len();
    while width > 0 && row.cells.get(width - 1).is_some_and(Cell::is_empty) {
        width -= 1;
    }
    let mut columns = Vec::with_capacity(width);
    let mut by_field = FieldColumns::default();
    for (i, cell) in row.cells.iter().take(width).enumerate() {
        let text = cell.raw();
        if let Err(e) = limits::check_field(&text, lim.max_field_bytes) {
            errors.push(e.with_row(row.number).with_column(&text));
            columns.push(None);
            continue;
        }
        match table.column_for(&text) {
            Some(spec) => {
                if let Some(&first) = by_field.get(spec.field) {
                    let first_text = row.cells.get(first).map(Cell::raw).unwrap_or_default();
                    errors.push(
                        Error::new(
                            InputCode::ColumnDuplicate,
                            format!(
                                "columns {first_text:?} and {text:?} both mean {}",
                                spec.field
                            ),
                        )
                        .with_row(row.number)
                        .with_column(&text)
                        .with_field(spec.field)
                        .with_value(&text)
                        .with_detail("first_column", first_text),
                    );
                    columns.push(None);
                } else {
                    by_field.insert(spec.field, i);
                    columns.push(Some((spec, text)));
                }
            }
            None => {
                if !allow_unknown {
                    errors.push(
                        Error::new(
                            InputCode::ColumnUnknown,
                            format!(
                                "unknown column {text:?} for table {}; see the alias table in docs/intake.md, or read with the option allow_unknown_columns = true to ignore it{}",
                                table.as_str(),
                                if text.contains(['\t', ';']) {
                                    " (the file seems to be separated by tabs or semicolons; save it as comma-separated CSV)"
                                } else {
                                    ""
                                }
                            ),
                        )
                        .with_row(row.number)
                        .with_column(&text)
                        .with_value(&text),
                    );
                }
                columns.push(None);
            }
        }
    }
    for spec in table.columns() {
        if spec.required && !by_field.contains_key(spec.field) {
            let name = spec.aliases.first().copied().unwrap_or(spec.field);
            errors.push(
                Error::new(
                    InputCode::ColumnMissing,
                    format!("required column {name} ({}) is missing", spec.field),
                )
                .with_row(row.number)
                .with_column(name)
                .with_field(spec.field)
                .with_detail("accepted", {
                    let mut all = vec![spec.field];
                    all.extend(spec.aliases);
                    all.join(" / ")
                }),
            );
        }
    }
    (Header { columns, by_field }, errors)
}

/// Reads the cells of one row by field name and collects located errors.
pub(crate) struct RowReader<'a> {
    row: &'a Row<'a>,
    header: &'a Header,
    errors: Vec<(usize, Error)>,
    /// The reading thread's category lists, shared by rows with the same cell.
    lists: &'a mut SharedLists,
}

fn invalid(msg: impl Into<String>) -> Error {
    Error::new(InputCode::CellInvalid, msg)
}

/// Parses a yes/no cell: 是/否, true/false, 1/0, Y/N, yes/no (any case, full width ok).
fn parse_bool(s: &str) -> Result<bool> {
    // Compared without case (no lower-cased copy of the cell).
    let t = normalized_width(s);
    let is = |words: [&str; 5]| words.iter().any(|w| t.eq_ignore_ascii_case(w));
    if is(["是", "true", "1", "y", "yes"]) {
        Ok(true)
    } else if is(["否", "false", "0", "n", "no"]) {
        Ok(false)
    } else {
        Err(invalid(format!(
            "{s:?} is not a yes/no value (是/否, true/false, 1/0, Y/N)"
        )))
    }
}

/// Parses a non-negative integer cell.
fn parse_count(s: &str) -> Result<u32> {
    let t = normalized_width(s);
    if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
        if let Ok(n) = t.parse::<u32>() {
            return Ok(n);
        }
    }
    Err(invalid(format!("{s:?} is not a non-negative whole number")))
}

/// Parses a date written as `2024-04-12`, `2024/4/12`, `2024.4.12` or `2024年4月12日`;
/// a time part after a space or `T` (`2024-04-12 09:30:00`, `09:30`, `09:30:00.5`, with
/// an optional `Z` or `+08:00`) is checked and then ignored; any other text after the
/// date (`2024-04-12 99:99:99 garbage`) is `cell_invalid`.
pub(crate) fn parse_date(s: &str) -> Result<NaiveDate> {
    let t = normalize_width(s);
    let mut split = t.splitn(2, [' ', 'T']);
    let date_part = split.next().unwrap_or("");
    if let Some(time) = split.next() {
        if !is_time_of_day(time.trim()) {
            return Err(invalid(format!(
                "{s:?}: the part after the date is not a time of day (09:30 or 09:30:00)"
            )));
        }
    }
    let unified: String = date_part
        .trim_end_matches('日')
        .chars()
        .map(|c| match c {
            '年' | '月' | '/' | '.' => '-',
            other => other,
        })
        .collect();
    let parts: Vec<&str> = unified.split('-').collect();
    let ok_digits = |p: &str, lo: usize, hi: usize| {
        p.len() >= lo && p.len() <= hi && p.bytes().all(|b| b.is_ascii_digit())
    };
    if let [y, m, d] = parts.as_slice() {
        if ok_digits(y, 4, 4) && ok_digits(m, 1, 2) && ok_digits(d, 1, 2) {
            if let (Ok(y), Ok(m), Ok(d)) = (y.parse::<i32>(), m.parse::<u32>(), d.parse::<u32>()) {
                if let Some(date) = NaiveDate::from_ymd_opt(y, m, d) {
                    return Ok(date);
                }
            }
        }
    }
    Err(invalid(format!(
        "{s:?} is not a date (2024-04-12, 2024/4/12 or 2024年4月12日)"
    )))
}

/// What is wrong with a USCC cell before the code itself is parsed (the USCC parser is
/// the draw's and does not change): a line break inside the cell (a quoted multi-line
/// CSV cell is not one code, and trimming would hide it), or a number in floating-point
/// form (`9.115058100000001e+17`: a spreadsheet or pandas read the column as numbers
/// and lost digits).
fn uscc_cell_problem(raw: &Cell<'_>, trimmed: &str) -> Option<Error> {
    let broken = match raw {
        Cell::Text(s) => s.contains(['\n', '\r']),
        Cell::Invalid(s, _) => s.contains(['\n', '\r']),
        Cell::Empty | Cell::Date(_) | Cell::Bool(_) => false,
    };
    if broken {
        return Some(invalid(
            "统一社会信用代码单元格内有换行：一个单元格只能是一个代码 (a line break inside the USCC cell)",
        ));
    }
    // ASCII text is its own width-normalised form (and `trimmed` is trimmed).
    let t = normalized_width(trimmed);
    let (mantissa, exponent) = t.split_once(['e', 'E'])?;
    let exponent = exponent.strip_prefix('+').unwrap_or(exponent);
    let digits_dot = |p: &str| {
        !p.is_empty()
            && p.bytes().all(|b| b.is_ascii_digit() || b == b'.')
            && p.matches('.').count() <= 1
    };
    if digits_dot(mantissa) && !exponent.is_empty() && exponent.bytes().all(|b| b.is_ascii_digit())
    {
        return Some(invalid(format!(
            "统一社会信用代码 {trimmed:?} 是浮点数形式：该列被电子表格或 pandas 当作数字读取，位数已丢失；\
             请把该列作为文本读取 (dtype=str) 或在表格中设为文本格式 \
             (the column was read as numbers by a spreadsheet or pandas: read it as text)"
        )));
    }
    None
}

/// `H:MM`, `H:MM:SS` or `H:MM:SS.fff`, optionally followed by `Z` or `±HH:MM`.
fn is_time_of_day(t: &str) -> bool {
    let t = t.strip_suffix(['Z', 'z']).unwrap_or(t);
    let t = match t.rfind(['+', '-']) {
        Some(i) => {
            let offset = &t[i + 1..];
            if chrono::NaiveTime::parse_from_str(offset, "%H:%M").is_err() {
                return false;
            }
            &t[..i]
        }
        None => t,
    };
    ["%H:%M:%S%.f", "%H:%M"]
        .iter()
        .any(|f| chrono::NaiveTime::parse_from_str(t, f).is_ok())
}

/// A cell with text: its index, the cell and its trimmed text.
type CellText<'a> = (usize, &'a Cell<'a>, Cow<'a, str>);

impl<'a> RowReader<'a> {
    fn cell(&self, field: &str) -> Option<(usize, &'a Cell<'a>)> {
        let i = *self.header.by_field.get(field)?;
        Some((i, self.row.cells.get(i).unwrap_or(&Cell::Empty)))
    }

    fn spec(&self, field: &str) -> Option<&'static ColumnSpec> {
        let i = *self.header.by_field.get(field)?;
        self.header.columns.get(i)?.as_ref().map(|(s, _)| *s)
    }

    fn fail(&mut self, i: usize, field: &str, cell: &Cell<'_>, e: Error) {
        let mut e = e.with_row(self.row.number);
        // A record-level check may name a field whose column the file does not have.
        if let Some(column) = self.header.text_of(field) {
            e = e.with_column(column).with_value(cell.raw());
        }
        let e = e.with_field(field);
        self.errors.push((i, e));
    }

    /// The trimmed text of a cell: `Ok(None)` if absent or empty (pushing `cell_empty`
    /// for a required column), `Err(())` after pushing an error.
    fn text(&mut self, field: &str) -> std::result::Result<Option<CellText<'a>>, ()> {
        let Some((i, cell)) = self.cell(field) else {
            return Ok(None);
        };
        let text = match cell {
            Cell::Empty => None,
            Cell::Text(s) => Some(Cow::Borrowed(crate::model::text::trim(s))),
            Cell::Bool(b) => Some(Cow::Owned(b.to_string())),
            Cell::Date(_) => {
                self.fail(
                    i,
                    field,
                    cell,
                    invalid("a date cell where text is expected"),
                );
                return Err(());
            }
            Cell::Invalid(_, why) => {
                let why = why.clone();
                self.fail(i, field, cell, invalid(why));
                return Err(());
            }
        };
        if field == "uscc" {
            if let Some(e) = text.as_deref().and_then(|t| uscc_cell_problem(cell, t)) {
                self.fail(i, field, cell, e);
                return Err(());
            }
        }
        match text {
            Some(t) => Ok(Some((i, cell, t))),
            None => {
                if self.spec(field).is_some_and(|s| s.required) {
                    self.fail(
                        i,
                        field,
                        cell,
                        Error::new(InputCode::CellEmpty, format!("{field} must not be empty")),
                    );
                    return Err(());
                }
                Ok(None)
            }
        }
    }

    /// A required value.
    pub(crate) fn req<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T>,
    ) -> Option<T> {
        match self.opt(field, parse) {
            Some(Some(v)) => Some(v),
            // Absent required columns are reported once by the header check.
            _ => None,
        }
    }

    /// An optional value: `Some(None)` if absent or empty, `None` after an error.
    pub(crate) fn opt<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T>,
    ) -> Option<Option<T>> {
        let (i, cell, t) = match self.text(field) {
            Ok(Some(x)) => x,
            Ok(None) => return Some(None),
            Err(()) => return None,
        };
        match parse(&t) {
            Ok(v) => Some(Some(v)),
            Err(e) => {
                self.fail(i, field, cell, e);
                None
            }
        }
    }

    /// A multi-valued cell (empty → no values).
    pub(crate) fn multi<T>(
        &mut self,
        field: &str,
        parse: impl Fn(&str) -> Result<T>,
    ) -> Option<Vec<T>> {
        let (i, cell, t) = match self.text(field) {
            Ok(Some(x)) => x,
            Ok(None) => return Some(Vec::new()),
            Err(()) => return None,
        };
        let mut out = Vec::new();
        let mut ok = true;
        for piece in split_multi(&t) {
            match parse(&piece) {
                Ok(v) => out.push(v),
                Err(e) => {
                    self.fail(i, field, cell, e.with_detail("item", piece));
                    ok = false;
                }
            }
        }
        ok.then_some(out)
    }

    /// A multi-valued cell of texts (empty → none): [`Self::multi`] of a parse that
    /// takes every piece as it is, without copying the pieces again.
    pub(crate) fn texts(&mut self, field: &str) -> Option<Vec<String>> {
        match self.text(field) {
            Ok(Some((_, _, t))) => Some(split_multi(&t)),
            Ok(None) => Some(Vec::new()),
            Err(()) => None,
        }
    }

    /// A multi-valued cell of categories (empty → none), the same list as every row
    /// before it on this thread whose cell reads the same ([`SharedLists`]).
    pub(crate) fn categories(&mut self, field: &str) -> Option<Categories> {
        match self.text(field) {
            Ok(Some((_, _, t))) => Some(self.lists.categories(&t)),
            Ok(None) => Some(Categories::new()),
            Err(()) => None,
        }
    }

    /// A yes/no cell, `default` if absent or empty.
    pub(crate) fn flag(&mut self, field: &str, default: bool) -> Option<bool> {
        if let Some((_, Cell::Bool(b))) = self.cell(field) {
            return Some(*b);
        }
        self.opt(field, parse_bool).map(|v| v.unwrap_or(default))
    }

    /// A required yes/no cell.
    pub(crate) fn req_flag(&mut self, field: &str) -> Option<bool> {
        if let Some((_, Cell::Bool(b))) = self.cell(field) {
            return Some(*b);
        }
        self.req(field, parse_bool)
    }

    /// An optional count.
    pub(crate) fn count(&mut self, field: &str) -> Option<Option<u32>> {
        self.opt(field, parse_count)
    }

    /// A required date (text in the accepted forms, or an xlsx date cell).
    pub(crate) fn date(&mut self, field: &str) -> Option<NaiveDate> {
        if let Some((_, Cell::Date(d))) = self.cell(field) {
            return Some(*d);
        }
        self.req(field, parse_date)
    }

    /// An optional date (text in the accepted forms, or an xlsx date cell).
    pub(crate) fn opt_date(&mut self, field: &str) -> Option<Option<NaiveDate>> {
        if let Some((_, Cell::Date(d))) = self.cell(field) {
            return Some(Some(*d));
        }
        self.opt(field, parse_date)
    }

    /// An optional yes/no cell (`None` inside when absent or empty).
    pub(crate) fn opt_flag(&mut self, field: &str) -> Option<Option<bool>> {
        if let Some((_, Cell::Bool(b))) = self.cell(field) {
            return Some(Some(*b));
        }
        self.opt(field, parse_bool)
    }

    /// Pushes an error for a record-level check, located at `field`'s column.
    pub(crate) fn record_error(&mut self, field: &str, e: Error) {
        let (i, cell) = self.cell(field).unwrap_or((usize::MAX, &Cell::Empty));
        self.fail(i, field, cell, e);
    }

    /// The row's number and the header of `field`'s column as written, for a problem
    /// found after the row was read (rows that must agree with each other).
    pub(crate) fn location(&self, field: &str) -> (u64, Option<String>) {
        (self.row.number, self.header.text_of(field))
    }
}

/// Records and their unique keys (with rows) moved out of a builder
/// ([`Builder::take_block`]).
pub(crate) type Block<T> = (Vec<T>, Vec<(UniqueKey, u64)>);

/// Builds records from rows fed one at a time (first non-blank row = header), so that
/// a CSV file is never held as a grid of cells.
pub(crate) struct Builder<T> {
    allow_unknown: bool,
    /// The header's row number when the caller gave it (rows above are skipped).
    header_row: Option<u64>,
    /// A header that failed (its problems), kept while the next rows are looked at for
    /// one that would have been a good header ([`HEADER_LOOKAHEAD`]).
    failed_header: Option<Vec<Error>>,
    /// Rows looked at after a failed header.
    looked_ahead: u64,
    lim: Limits,
    all: bool,
    header: Option<Header>,
    data_rows: u64,
    done: bool,
    items: Vec<T>,
    errors: Vec<Error>,
    /// Problems found after [`limits::MAX_PROBLEMS`] were kept: counted, not stored.
    omitted: u64,
    /// The unique keys of the rows kept, with the row of each; sorted once at the end
    /// to find the duplicates ([`Builder::report_duplicates`]), not looked up per row.
    keys: Vec<(UniqueKey, u64)>,
    /// The category lists made so far, shared by rows whose cell reads the same.
    lists: SharedLists,
    /// Tests only: the per-row hash map check this replaced (issue #25), the reference
    /// the sorted check must agree with.
    #[cfg(test)]
    reference_seen: Option<HashMap<UniqueKey, u64>>,
}

/// The problems of a data row's shape, by cell index: a cell over the field size limit,
/// a value beyond the header's width or a row shorter than it, a formula where a literal
/// value is required. The row's values are read only when there are none.
fn shape_errors<T: Record>(row: &Row<'_>, header: &Header, lim: &Limits) -> Vec<(usize, Error)> {
    let width = header.columns.len();
    let mut errors = Vec::new();
    for (i, cell) in row.cells.iter().enumerate() {
        if let Cell::Text(s) = cell {
            if let Err(e) = limits::check_field(s, lim.max_field_bytes) {
                let column = header
                    .columns
                    .get(i)
                    .and_then(|c| c.as_ref().map(|(_, h)| h.clone()))
                    .unwrap_or_default();
                errors.push((i, e.with_row(row.number).with_column(column)));
            }
        }
    }
    if row.cells.len() > width {
        if let Some((i, extra)) = row
            .cells
            .iter()
            .enumerate()
            .skip(width)
            .find(|(_, c)| !c.is_empty())
        {
            errors.push((
                i,
                Error::new(
                    InputCode::RowTooLong,
                    format!(
                        "the row has a value in cell {} but the header has {width} columns",
                        i + 1
                    ),
                )
                .with_row(row.number)
                .with_value(extra.raw())
                .with_detail("expected", width.to_string())
                .with_detail("actual", row.cells.len().to_string()),
            ));
        }
    } else if row.cells.len() < width {
        let i = row.cells.len();
        let column = header
            .columns
            .get(i)
            .and_then(|c| c.as_ref().map(|(_, h)| h.clone()))
            .unwrap_or_default();
        errors.push((
            i,
            Error::new(
                InputCode::RowTooShort,
                format!(
                    "the row has {} cells but the header has {width}",
                    row.cells.len()
                ),
            )
            .with_row(row.number)
            .with_column(column)
            .with_detail("expected", width.to_string())
            .with_detail("actual", row.cells.len().to_string()),
        ));
    }
    for field in T::LITERAL_FIELDS {
        if let Some(&i) = header.by_field.get(field) {
            if let Some(Some(formula)) = row.formulas.get(i) {
                let column = header.text_of(field).unwrap_or_default();
                errors.push((
                    i,
                    Error::new(
                        InputCode::XlsxFormula,
                        format!("{field} must be a literal value, not a formula"),
                    )
                    .with_row(row.number)
                    .with_column(column)
                    .with_field(*field)
                    .with_value(format!("={formula}")),
                ));
            }
        }
    }
    errors
}

impl<T: Record> Builder<T> {
    pub(crate) fn new(allow_unknown: bool, lim: &Limits, all: bool) -> Self {
        Self {
            allow_unknown,
            header_row: None,
            failed_header: None,
            looked_ahead: 0,
            lim: *lim,
            all,
            header: None,
            data_rows: 0,
            done: false,
            items: Vec::new(),
            errors: Vec::new(),
            omitted: 0,
            keys: Vec::new(),
            lists: SharedLists::default(),
            #[cfg(test)]
            reference_seen: None,
        }
    }

    /// The header's row number (rows above it are skipped); `None`: the first non-blank
    /// row.
    pub(crate) const fn with_header_row(mut self, header_row: Option<u64>) -> Self {
        self.header_row = header_row;
        self
    }

    /// Room for `rows` more records (at most the row limit): the caller's bound on
    /// the rows of the input. A checker keeps no records and reserves nothing.
    pub(crate) fn reserve_rows(&mut self, rows: usize) {
        if self.all {
            return;
        }
        let rows = rows.min(usize::try_from(self.lim.max_rows).unwrap_or(usize::MAX));
        self.items.reserve(rows);
        if T::UNIQUE.is_some() {
            self.keys.reserve(rows);
        }
    }

    /// Whether the header has been read and the data rows are being read: from here
    /// on, the rows can be read in parts ([`Builder::part`]).
    pub(crate) const fn reads_data(&self) -> bool {
        self.header.is_some() && self.failed_header.is_none() && !self.done
    }

    /// Whether reading has stopped (a row fed now would be ignored).
    pub(crate) const fn is_done(&self) -> bool {
        self.done
    }

    /// An empty builder for the data rows of a later part of the input, with this one's
    /// header, limits and mode: it reads its rows as this one would (its row limit
    /// counts its own rows), and [`Builder::join_part`] puts them back in order.
    pub(crate) fn part(&self) -> Self {
        let mut part = Self::new(self.allow_unknown, &self.lim, self.all);
        part.header_row = self.header_row;
        part.looked_ahead = self.looked_ahead;
        part.header.clone_from(&self.header);
        part
    }

    /// Joins a part read by a [`Builder::part`] of this builder after this builder's own
    /// rows (the `blocks` it handed over, then what it holds), with `fatal`, the problem that stopped the part's input (malformed CSV, a
    /// cell that is not UTF-8), as if this builder had been fed the part's rows: its
    /// records and keys are moved, its problems kept up to [`limits::MAX_PROBLEMS`] in
    /// all. The part read every row the serial read would have, up to its first
    /// problem, or to its end, so only the row limit differs: when the part's rows take
    /// the count past it, nothing is joined and `false` says so (the caller then feeds
    /// the part's rows to this builder, which stops at the same row as a serial read).
    pub(crate) fn join_part(
        &mut self,
        part: Self,
        blocks: Vec<Block<T>>,
        fatal: Option<Error>,
    ) -> bool {
        if self.data_rows.saturating_add(part.data_rows) > self.lim.max_rows {
            return false;
        }
        self.data_rows = self.data_rows.saturating_add(part.data_rows);
        let Self {
            items,
            keys,
            errors,
            omitted,
            ..
        } = part;
        // Block by block, each freed once moved: the part's records are never held
        // twice.
        for (mut block_items, mut block_keys) in blocks.into_iter().chain([(items, keys)]) {
            self.items.append(&mut block_items);
            self.keys.append(&mut block_keys);
        }
        for e in errors {
            if self.errors.len() < limits::MAX_PROBLEMS {
                self.errors.push(e);
            } else {
                self.omitted = self.omitted.saturating_add(1);
            }
        }
        self.omitted = self.omitted.saturating_add(omitted);
        if let Some(e) = fatal {
            self.fail(e);
        }
        if !self.all && !self.errors.is_empty() {
            self.done = true;
        }
        true
    }

    /// How many records this builder holds.
    pub(crate) fn held(&self) -> usize {
        self.items.len()
    }

    /// Moves out the records and keys held, leaving room for `rows` more: a part's
    /// reader hands its records over in blocks ([`Builder::join_part`]).
    pub(crate) fn take_block(&mut self, rows: usize) -> Block<T> {
        let block = (
            std::mem::take(&mut self.items),
            std::mem::take(&mut self.keys),
        );
        self.reserve_rows(rows);
        block
    }

    /// Records a problem that stops reading (malformed CSV, a limit …).
    pub(crate) fn fail(&mut self, e: Error) {
        self.errors.push(e);
        self.done = true;
    }

    /// Feeds one row; returns `false` once reading should stop.
    pub(crate) fn push(&mut self, row: &Row<'_>) -> bool {
        if self.done {
            return false;
        }
        if self.failed_header.is_some() {
            return self.look_for_header(row);
        }
        if row.is_blank() || self.header_row.is_some_and(|h| row.number < h) {
            return true;
        }
        if self.header.is_none() {
            return self.push_header(row);
        }
        self.data_rows = self.data_rows.saturating_add(1);
        if let Err(e) = limits::check_rows(self.data_rows, self.lim.max_rows) {
            self.fail(e.with_row(row.number));
            return false;
        }
        let Self {
            header: Some(header),
            lim,
            keys,
            items,
            lists,
            ..
        } = self
        else {
            return false;
        };
        let mut r = RowReader {
            row,
            header,
            errors: shape_errors::<T>(row, header, lim),
            lists,
        };
        if r.errors.is_empty() {
            if let Some(rec) = T::from_row(&mut r) {
                if let Err(e) = rec.validate() {
                    let field = e.details().field.clone().unwrap_or_default();
                    r.record_error(&field, e);
                } else {
                    #[cfg(test)]
                    if let Some(seen) = &mut self.reference_seen {
                        check_unique(&rec, &mut r, seen);
                        if r.errors.is_empty() {
                            items.push(rec);
                        }
                        let row_errors = r.errors;
                        self.keep(row_errors);
                        self.done |= !self.all && !self.errors.is_empty();
                        return !self.done;
                    }
                    // A duplicate is found at the end, when the keys are sorted.
                    if let (Some(_), Some(key)) = (T::UNIQUE, rec.unique_key()) {
                        keys.push((key, row.number));
                    }
                    items.push(rec);
                }
            }
        }
        let row_errors = r.errors;
        self.keep(row_errors);
        if !self.all && !self.errors.is_empty() {
            self.done = true;
        }
        !self.done
    }

    /// The first non-blank row: the header (its width within the column limit, every
    /// column known or allowed).
    fn push_header(&mut self, row: &Row<'_>) -> bool {
        let width = row
            .cells
            .iter()
            .rposition(|c| !c.is_empty())
            .map_or(0, |i| i + 1);
        if let Err(e) = limits::check_columns(u64::try_from(width).unwrap_or(u64::MAX)) {
            self.fail(e.with_row(row.number));
            return false;
        }
        let (header, header_errors) = map_header(T::TABLE, row, self.allow_unknown, &self.lim);
        if header_errors.is_empty() {
            self.header = Some(header);
        } else if self.header_row.is_none() {
            // A title row above the header is common in platform exports: look at the
            // next rows before giving up, to say which one is the header.
            self.failed_header = Some(header_errors);
        } else {
            self.errors.extend(header_errors);
            self.done = true;
        }
        !self.done
    }

    /// After a failed header: the next rows (at most [`HEADER_LOOKAHEAD`]) are tried as
    /// the header; the first that would do is named in the header's errors
    /// (`header_row` detail and a hint to give the `header_row` option). Reading stops
    /// either way: a guessed header is never used.
    fn look_for_header(&mut self, row: &Row<'_>) -> bool {
        let mut found = None;
        if !row.is_blank() {
            self.looked_ahead += 1;
            let (_, errors) = map_header(T::TABLE, row, self.allow_unknown, &self.lim);
            if errors.is_empty() {
                found = Some(row.number);
            }
        }
        if found.is_none() && self.looked_ahead < HEADER_LOOKAHEAD {
            return true;
        }
        self.flush_failed_header(found);
        false
    }

    fn flush_failed_header(&mut self, found: Option<u64>) {
        let Some(errors) = self.failed_header.take() else {
            return;
        };
        self.errors.extend(errors.into_iter().map(|e| match found {
            Some(n) => {
                let message = format!(
                    "{}; row {n} looks like the header (a title row above it?): read with the option header_row = {n}",
                    e.message_en()
                );
                e.with_message(message).with_detail("header_row", n.to_string())
            }
            None => e,
        }));
        self.done = true;
    }

    /// Keeps a row's problems in cell order, up to [`limits::MAX_PROBLEMS`] in all.
    fn keep(&mut self, mut row_errors: Vec<(usize, Error)>) {
        row_errors.sort_by_key(|(i, _)| *i);
        for (_, e) in row_errors {
            if self.errors.len() < limits::MAX_PROBLEMS {
                self.errors.push(e);
            } else {
                self.omitted = self.omitted.saturating_add(1);
            }
        }
    }

    /// The records and problems; `csv_empty` if no header was seen.
    pub(crate) fn finish(mut self) -> Parsed<T> {
        self.flush_failed_header(None);
        if self.header.is_none() && self.errors.is_empty() {
            self.errors.push(Error::new(
                InputCode::CsvEmpty,
                "the file is empty: no header row",
            ));
        }
        let order = self.report_duplicates();
        limits::cap_problems(&mut self.errors, self.omitted);
        Parsed {
            items: self.items,
            errors: self.errors,
            order,
        }
    }
}

impl<T: Record> Builder<T> {
    /// Tests only: checks duplicates row by row with a hash map, as before issue #25.
    #[cfg(test)]
    pub(crate) fn with_reference_duplicates(mut self) -> Self {
        self.reference_seen = Some(HashMap::new());
        self
    }

    /// The duplicate keys among the rows kept: one `UNIQUE` error at every repeat of a
    /// key (naming the first row), merged into the problems in row order as the row by
    /// row check found them. Every row kept was read before any problem that stopped the
    /// reading, and a problem without a row comes after the rows; so the first problem
    /// (what a reader returns) and the first [`limits::MAX_PROBLEMS`] listed are those of
    /// the row by row check.
    ///
    /// Returns the records' positions in key order when there is no repeat and the
    /// keys are one per record from consecutive rows (then a key's row, less the first
    /// row, is its record's position).
    fn report_duplicates(&mut self) -> Option<Vec<usize>> {
        let (Some((field, code)), Some(header)) = (T::UNIQUE, &self.header) else {
            return None;
        };
        let mut keys = std::mem::take(&mut self.keys);
        let first_row = keys.first().map_or(0, |k| k.1);
        // A checker (`all`) lists problems only: no order is asked of it.
        let consecutive = !self.all
            && keys.len() == self.items.len()
            && keys
                .iter()
                .zip(first_row..)
                .all(|(&(_, row), expected)| row == expected);
        // Rows are distinct, so the pairs are: sorted on threads where allowed.
        crate::parallel_rows::sort_distinct(&mut keys);
        let mut repeats: Vec<Error> = Vec::new();
        for run in keys.chunk_by(|a, b| a.0 == b.0) {
            let (key, first) = (run[0].0.as_str(), run[0].1);
            for &(_, row) in &run[1..] {
                let mut e =
                    Error::new(code, format!("{key} appears twice: rows {first} and {row}"))
                        .with_value(key)
                        .with_detail("first_row", first.to_string())
                        .with_row(row);
                if let Some(column) = header.text_of(field) {
                    e = e.with_column(column);
                }
                repeats.push(e.with_field(field));
            }
        }
        if repeats.is_empty() {
            return consecutive.then(|| {
                keys.iter()
                    .map(|&(_, row)| usize::try_from(row - first_row).unwrap_or(usize::MAX))
                    .collect()
            });
        }
        repeats.sort_by_key(|e| e.details().row);
        if !self.all {
            // A reader stops at its first problem: the first repeat, read before any
            // other problem.
            repeats.truncate(1);
            self.errors = repeats;
            return None;
        }
        let found = std::mem::take(&mut self.errors);
        let mut merged = Vec::with_capacity(found.len() + repeats.len());
        let mut repeats = repeats.into_iter().peekable();
        for e in found {
            let row = e.details().row.unwrap_or(u64::MAX);
            while let Some(r) = repeats.next_if(|r| r.details().row < Some(row)) {
                merged.push(r);
            }
            merged.push(e);
        }
        merged.extend(repeats);
        self.errors = merged;
        None
    }
}

#[cfg(test)]
fn check_unique<T: Record>(rec: &T, r: &mut RowReader<'_>, seen: &mut HashMap<UniqueKey, u64>) {
    let (Some((field, code)), Some(key)) = (T::UNIQUE, rec.unique_key()) else {
        return;
    };
    match seen.entry(key) {
        Entry::Occupied(o) => {
            let (first, key) = (*o.get(), o.key().as_str());
            r.record_error(
                field,
                Error::new(
                    code,
                    format!("{key} appears twice: rows {first} and {}", r.row.number),
                )
                .with_value(key)
                .with_detail("first_row", first.to_string()),
            );
        }
        Entry::Vacant(v) => {
            v.insert(r.row.number);
        }
    }
}
