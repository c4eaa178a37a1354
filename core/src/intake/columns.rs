//! Reading a table handed over as columns (a pandas DataFrame's or an Arrow table's)
//! instead of as file bytes: no CSV text is written and parsed again.
//!
//! The columns become the rows a CSV file of the same table would give — the headers on
//! row 1, the i-th cell of every column on row i + 2 — and go through the same row
//! reader as CSV, so the records, the errors, their codes, order and details are those
//! of reading the table written as CSV (a cell's `\r\n` or `\r` is read as `\n`, as in a
//! quoted CSV cell). One difference: a row is numbered by its position, even after a
//! cell holding a line break (CSV numbers a record by the line it starts on).

use super::table::{Builder, Cell, Parsed, Record, Row};
use super::{ReadOptions, reject_html};
use super::{limits, parts};
use crate::draw::ColumnText;
use crate::model::{Enterprise, Roster};
use crate::{Error, InputCode, Result};

/// Where a column's cells are.
#[derive(Debug, Clone, Copy)]
enum Cells<'a> {
    /// Joined by `'\n'` ([`ColumnText`]).
    Lines(ColumnText<'a>),
    /// Arrow's layout: cell `i` is `data[offsets[i]..offsets[i + 1]]` (UTF-8).
    Offsets {
        offsets: &'a [usize],
        data: &'a [u8],
    },
}

/// One column of a table: its header as written and its cells, borrowed.
///
/// ```
/// use shuangsuiji::draw::ColumnText;
/// use shuangsuiji::intake::TextColumn;
/// let names = TextColumn::lines("企业名称", ColumnText::new("企业名称", "甲\n乙", 2)?);
/// let codes = TextColumn::offsets("uscc", &[0, 2, 4], b"A1B2")?;
/// assert_eq!((names.rows(), codes.rows()), (2, 2));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TextColumn<'a> {
    header: &'a str,
    cells: Cells<'a>,
}

impl<'a> TextColumn<'a> {
    /// A column whose cells are joined by `'\n'` (none holds a line break).
    #[must_use]
    pub const fn lines(header: &'a str, cells: ColumnText<'a>) -> Self {
        Self {
            header,
            cells: Cells::Lines(cells),
        }
    }

    /// A column in Arrow's layout: `rows + 1` non-decreasing offsets into `data`.
    ///
    /// # Errors
    /// `cell_invalid` (field = the header) when there is no offset, an offset is
    /// smaller than the one before or the last is past `data`.
    pub fn offsets(header: &'a str, offsets: &'a [usize], data: &'a [u8]) -> Result<Self> {
        if offsets.is_empty()
            || offsets.windows(2).any(|w| w[0] > w[1])
            || offsets.last().is_some_and(|&l| l > data.len())
        {
            return Err(Error::new(
                InputCode::CellInvalid,
                format!("the column {header:?}: offsets missing, out of order or past the data"),
            )
            .with_field(header));
        }
        Ok(Self {
            header,
            cells: Cells::Offsets { offsets, data },
        })
    }

    /// The number of cells.
    #[must_use]
    pub fn rows(&self) -> usize {
        match self.cells {
            Cells::Lines(t) => t.rows(),
            Cells::Offsets { offsets, .. } => offsets.len() - 1,
        }
    }

    /// The bytes the cells would take in a CSV file without quoting: every cell and one
    /// separator (or line break) after it, the header included.
    fn csv_bytes(&self) -> usize {
        let cells = match self.cells {
            Cells::Lines(t) => t.cells().map(str::len).sum::<usize>(),
            Cells::Offsets { offsets, .. } => offsets[offsets.len() - 1] - offsets[0],
        };
        self.header.len() + 1 + cells + self.rows()
    }

    /// The cells from index `from` on, in order; a cell that is not UTF-8 is
    /// `cell_invalid` (row and column).
    fn cells(&self, from: usize) -> ColumnCells<'a> {
        match self.cells {
            Cells::Lines(t) => ColumnCells::Lines(Box::new(t.cells().skip(from))),
            Cells::Offsets { offsets, data } => {
                let offsets = offsets.get(from..).unwrap_or_default();
                let (first, last) = (offsets.first(), offsets.last());
                // The cells' bytes checked at once: then a cell is text exactly when
                // both its ends are on character boundaries. Where the bytes are not
                // all UTF-8, each cell is checked alone, to name the first bad one.
                let text = first
                    .zip(last)
                    .and_then(|(&a, &b)| data.get(a..b))
                    .and_then(|bytes| std::str::from_utf8(bytes).ok());
                ColumnCells::Offsets {
                    header: self.header,
                    offsets,
                    data,
                    text,
                    next: 0,
                    from,
                }
            }
        }
    }
}

/// The cells of one column from some index on ([`TextColumn::cells`]).
enum ColumnCells<'a> {
    /// Cells joined by line breaks.
    Lines(Box<dyn Iterator<Item = &'a str> + 'a>),
    /// Arrow's layout, cell `from + next` next.
    Offsets {
        header: &'a str,
        offsets: &'a [usize],
        data: &'a [u8],
        /// The bytes from the first cell to the last when they are all UTF-8.
        text: Option<&'a str>,
        next: usize,
        from: usize,
    },
}

impl<'a> Iterator for ColumnCells<'a> {
    type Item = Result<&'a str>;

    fn next(&mut self) -> Option<Self::Item> {
        match self {
            Self::Lines(cells) => cells.next().map(Ok),
            Self::Offsets {
                header,
                offsets,
                data,
                text,
                next,
                from,
            } => {
                let (a, b) = (*offsets.get(*next)?, *offsets.get(*next + 1)?);
                let i = *next + *from;
                *next += 1;
                let base = offsets[0];
                let cell = match text {
                    Some(t) => t.get(a - base..b - base),
                    None => std::str::from_utf8(&data[a..b]).ok(),
                };
                Some(cell.ok_or_else(|| {
                    Error::new(InputCode::CellInvalid, "a cell is not UTF-8")
                        .with_row(u64::try_from(i).map_or(u64::MAX, |i| i.saturating_add(2)))
                        .with_column(*header)
                }))
            }
        }
    }
}

/// A cell as the CSV reader gives it: a line break inside is `\n`.
fn cell(text: &str) -> Cell<'_> {
    if text.contains('\r') {
        Cell::from_text(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cell::from_slice(text)
    }
}

/// Feeds rows `range` (cell indices) of `columns` to `push`, until it returns `false`.
///
/// # Errors
/// `cell_invalid` for a cell that is not UTF-8: the rows before it were fed.
fn feed_rows(
    columns: &[TextColumn<'_>],
    range: std::ops::Range<usize>,
    push: &mut dyn FnMut(&Row<'_>) -> bool,
) -> Result<()> {
    let mut iters: Vec<_> = columns.iter().map(|c| c.cells(range.start)).collect();
    let mut row = Row::text(2, Vec::with_capacity(columns.len()));
    for i in range {
        row.cells.clear();
        row.number = u64::try_from(i).map_or(u64::MAX, |i| i.saturating_add(2));
        for it in &mut iters {
            let text = it.next().unwrap_or(Ok(""))?;
            row.cells.push(cell(text));
        }
        if !push(&row) {
            break;
        }
    }
    Ok(())
}

/// `0..rows` cut into `parts` ranges of about equal length (fewer if there are fewer
/// rows; none without rows).
fn row_ranges(rows: usize, parts: usize) -> Vec<std::ops::Range<usize>> {
    let parts = parts.clamp(1, rows.max(1));
    let mut ranges: Vec<std::ops::Range<usize>> = (0..parts)
        .map(|k| rows / parts * k + (rows % parts).min(k))
        .zip(1..=parts)
        .map(|(start, k)| start..rows / parts * k + (rows % parts).min(k))
        .collect();
    ranges.retain(|r| !r.is_empty());
    ranges
}

/// Reads columns as [`super::parse_table`] reads the same table written as CSV, the
/// data rows in up to `parts` parts on threads of their own (1: on this thread alone;
/// `None`: as many as the size is worth) with the same records and problems.
pub(super) fn parse_columns<T: Record + Send + Sync>(
    columns: &[TextColumn<'_>],
    opts: &ReadOptions,
    parts: Option<usize>,
) -> Parsed<T> {
    let fail = |e: Error| Parsed {
        items: Vec::new(),
        errors: vec![opts.locate(e)],
        order: None,
    };
    let lim = match opts
        .checked_header_row()
        .and_then(|()| opts.limits.checked())
    {
        Ok(l) => l,
        Err(e) => return fail(e),
    };
    let rows = columns.first().map_or(0, TextColumn::rows);
    if let Some(c) = columns.iter().find(|c| c.rows() != rows) {
        return fail(
            Error::new(
                InputCode::RowTooShort,
                format!(
                    "the column {:?} has {} cells, the first column {rows}",
                    c.header,
                    c.rows()
                ),
            )
            .with_column(c.header),
        );
    }
    let bytes = columns.iter().map(TextColumn::csv_bytes).sum::<usize>();
    if let Err(e) = limits::check_bytes(bytes, lim.max_bytes) {
        return fail(e);
    }
    let parts = parts.unwrap_or_else(|| crate::parallel_rows::parts_for_bytes(bytes));
    let mut b =
        Builder::<T>::new(opts.allow_unknown_columns, &lim, false).with_header_row(opts.header_row);
    let header = |b: &mut Builder<T>| -> Result<bool> {
        let first = columns.first().map_or("", |c| c.header);
        reject_html(first.strip_prefix('\u{feff}').unwrap_or(first))?;
        let header: Vec<Cell<'_>> = columns
            .iter()
            .enumerate()
            .map(|(i, c)| match c.header.strip_prefix('\u{feff}') {
                Some(h) if i == 0 => cell(h),
                _ => cell(c.header),
            })
            .collect();
        Ok(b.push(&Row::text(1, header)))
    };
    match header(&mut b) {
        Err(e) => b.fail(e),
        Ok(false) => {}
        Ok(true) => {
            // The data rows: cell i of every column is row i + 2.
            let feed = |range: &std::ops::Range<usize>, push: &mut dyn FnMut(&Row<'_>) -> bool| {
                feed_rows(columns, range.clone(), push)
            };
            let ranges = row_ranges(rows, parts);
            if b.reads_data() && ranges.len() > 1 {
                parts::read_parts(&mut b, &ranges, &|r| r.len(), &feed);
            } else if let Err(e) = feed(&(0..rows), &mut |row| b.push(row)) {
                b.fail(e);
            }
        }
    }
    let mut parsed = b.finish();
    parsed.errors = parsed.errors.into_iter().map(|e| opts.locate(e)).collect();
    parsed
}

/// Reads the enterprise roster from columns (a DataFrame's or an Arrow table's), as
/// [`super::read_enterprises`] reads the same table written as CSV with `opts`: the
/// same roster, or the same first error (row = position + 2, header = row 1).
///
/// # Errors
/// Those of [`super::read_enterprises`] for CSV; `row_too_short` (column = the header)
/// when the columns are not equally long; `cell_invalid` for a cell that is not UTF-8.
///
/// ```
/// use shuangsuiji::draw::ColumnText;
/// use shuangsuiji::intake::{read_enterprise_columns, ReadOptions, TextColumn};
/// let col = |h, text, rows| Ok::<_, shuangsuiji::Error>(TextColumn::lines(h, ColumnText::new(h, text, rows)?));
/// let columns = [
///     col("统一社会信用代码", "91350100M000100Y43", 1)?,
///     col("企业名称", "示例食品有限公司", 1)?,
///     col("行政区划", "150581", 1)?,
///     col("信用风险分类", "A类", 1)?,
///     col("登记状态", "存续", 1)?,
/// ];
/// let roster = read_enterprise_columns(&columns, &ReadOptions::named("<DataFrame>"))?;
/// assert_eq!(roster.len(), 1);
/// let bad = [columns[0], columns[1], columns[2], col("信用风险分类", "Z", 1)?, columns[4]];
/// let e = read_enterprise_columns(&bad, &ReadOptions::default()).unwrap_err();
/// assert_eq!((e.code().as_str(), e.details().row), ("credit_class_unknown", Some(2)));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn read_enterprise_columns(columns: &[TextColumn<'_>], opts: &ReadOptions) -> Result<Roster> {
    let parsed = super::first_parsed(parse_columns::<Enterprise>(columns, opts, None))?;
    // Every record kept was validated.
    Roster::from_valid(parsed.items, parsed.order).map_err(|e| opts.locate(e))
}
