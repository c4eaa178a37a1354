//! The columnar draw, for large rosters: the enterprises come as two columns (USCC,
//! class) instead of one eligible list per stratum, and the selection can be read
//! back as columns.
//!
//! Both are conveniences around the one draw: [`draw_columns`] is [`join_columns`]
//! then [`super::draw`], so its result is exactly the [`DrawResult`] of the same
//! eligible lists; [`SelectionColumns`] is a view computed from a [`DrawResult`] and
//! adds nothing to it. They exist because a binding pays per object it converts: a
//! million `{uscc, class}` records in, or a result of 100 000 picks out as nested
//! JSON, costs more than the draw itself (bindings-python/bench/bench_draw.py).

use std::cmp::Ordering;

use serde::{Deserialize, Serialize};

use super::input::DrawInput;
use super::result::{Basis, DrawResult};
use super::ticket::Ticket;
use super::types::StratumKey;
use crate::model::{DepartmentCode, ItemId, Uscc};
use crate::{Error, InputCode, Result};

/// Adds the rows of two equally long columns to the eligible lists of `input`.
///
/// Row `r` is the enterprise `usccs[r]` of class `classes[r]`. It joins every stratum
/// (of every item) whose `key` equals its class, after what that stratum already
/// lists; a row whose class names no stratum joins none, and its USCC is not read.
/// USCCs are parsed as [`Uscc::parse`] does (trimmed, full-width and lower case
/// accepted); classes are compared exactly.
///
/// # Errors
/// - the USCC codes of [`Uscc::parse`] (`uscc_length`, `uscc_charset`,
///   `uscc_division`, `uscc_org_code_check`, `uscc_check_character`) with `field` =
///   `usccs[r]` (0-based row) and the USCC as `value`;
/// - `row_too_short` when one column ends first: `field` = `classes[r]` (or
///   `usccs[r]`) names the first missing cell.
///
/// `input` is unchanged on error: the rows are all read before any is added.
///
/// ```
/// use shuangsuiji::draw::{DrawInput, join_columns};
/// let mut input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo",
///   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "A", "eligible": [], "quota": 1}, {"key": "B", "eligible": [], "quota": 1}]}]
/// }"#).unwrap();
/// let usccs = ["91350100M000100Y43", "91350100MA00000155", "91350100MA00000230"];
/// let classes = ["A", "B", "other"];
/// join_columns(&mut input, usccs, classes)?;
/// let strata = &input.items[0].strata;
/// assert_eq!(strata[0].eligible[0].as_str(), "91350100M000100Y43");
/// assert_eq!(strata[1].eligible[0].as_str(), "91350100MA00000155");
/// assert_eq!(strata[0].eligible.len() + strata[1].eligible.len(), 2);
///
/// let err = join_columns(&mut input, ["91350100M000100Y43"], []).unwrap_err();
/// assert_eq!(err.code().as_str(), "row_too_short");
/// assert_eq!(err.details().field.as_deref(), Some("classes[0]"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn join_columns<'a>(
    input: &mut DrawInput,
    usccs: impl IntoIterator<Item = &'a str>,
    classes: impl IntoIterator<Item = &'a str>,
) -> Result<()> {
    let buckets = buckets_of(input);
    let rows = bucket_rows(&buckets, usccs, classes, 0)?;
    distribute(input, buckets, rows);
    Ok(())
}

/// A column as text: its cells joined by `'\n'`, with the number of cells.
///
/// The count makes the text unambiguous — `""` is no cell when `rows` is 0 and one empty
/// cell when it is 1 — and catches a cell that itself holds a line break (it would
/// otherwise be read as two cells, shifting every row after it).
///
/// ```
/// use shuangsuiji::draw::ColumnText;
/// let c = ColumnText::new("usccs", "a\n\nb", 3)?;
/// assert_eq!(c.cells().collect::<Vec<_>>(), ["a", "", "b"]);
/// assert_eq!(ColumnText::new("usccs", "", 1)?.cells().collect::<Vec<_>>(), [""]);
/// assert_eq!(ColumnText::new("usccs", "", 0)?.cells().count(), 0);
/// let err = ColumnText::new("classes", "A\nB", 1).unwrap_err();
/// assert_eq!(err.code().as_str(), "cell_invalid");
/// assert_eq!(err.details().field.as_deref(), Some("classes"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnText<'a> {
    text: &'a str,
    rows: usize,
}

impl<'a> ColumnText<'a> {
    /// The column `name` of `rows` cells joined by `'\n'` in `text`.
    ///
    /// # Errors
    /// `cell_invalid` with `field` = `name` when `text` does not hold exactly `rows - 1`
    /// line breaks (or is not empty for 0 rows): a cell holds a line break, or the count
    /// is not the text's.
    pub fn new(name: &str, text: &'a str, rows: usize) -> Result<Self> {
        let breaks = newlines(text.as_bytes());
        let fits = match rows.checked_sub(1) {
            None => text.is_empty(),
            Some(expected) => breaks == expected,
        };
        if fits {
            Ok(Self { text, rows })
        } else {
            Err(Error::new(
                InputCode::CellInvalid,
                format!(
                    "the {name} column has {rows} cells but its text has {breaks} line breaks \
                     between them (expected {}): a cell holds a line break",
                    rows.saturating_sub(1)
                ),
            )
            .with_field(name))
        }
    }

    /// The number of cells.
    #[must_use]
    pub const fn rows(&self) -> usize {
        self.rows
    }

    /// The cells, in order.
    pub fn cells(&self) -> impl Iterator<Item = &'a str> + use<'a> {
        rows_from((self.rows > 0).then_some(self.text))
    }
}

/// [`join_columns`] on two columns given as text ([`ColumnText`]).
///
/// The result and the errors are exactly those of [`join_columns`] over the two
/// columns' [`ColumnText::cells`]. Text can be cut at a row boundary, so with the
/// `parallel` feature large columns are read on several threads.
///
/// # Errors
/// As [`join_columns`].
///
/// ```
/// use shuangsuiji::draw::{ColumnText, DrawInput, join_column_texts};
/// let mut input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo",
///   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "A", "eligible": [], "quota": 1}]}]
/// }"#).unwrap();
/// let usccs = ColumnText::new("usccs", "91350100M000100Y43\n91350100MA00000155", 2)?;
/// join_column_texts(&mut input, usccs, ColumnText::new("classes", "A\nB", 2)?)?;
/// assert_eq!(input.items[0].strata[0].eligible.len(), 1);
/// let usccs = ColumnText::new("usccs", "91350100M000100Y43", 1)?;
/// let err = join_column_texts(&mut input, usccs, ColumnText::new("classes", "A\nA", 2)?)
///     .unwrap_err();
/// assert_eq!(err.details().field.as_deref(), Some("usccs[1]"));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn join_column_texts(
    input: &mut DrawInput,
    usccs: ColumnText<'_>,
    classes: ColumnText<'_>,
) -> Result<()> {
    let parts = crate::parallel::threads_for_bytes(usccs.text.len());
    join_text_parts(input, usccs, classes, parts)
}

/// [`join_column_texts`] with the columns cut into (at most) `parts` pieces.
fn join_text_parts(
    input: &mut DrawInput,
    usccs: ColumnText<'_>,
    classes: ColumnText<'_>,
    parts: usize,
) -> Result<()> {
    let buckets = buckets_of(input);
    if usccs.rows == 0 || classes.rows == 0 {
        // No row on one side (or both): nothing to cut.
        let rows = bucket_rows(&buckets, usccs.cells(), classes.cells(), 0)?;
        distribute(input, buckets, rows);
        return Ok(());
    }
    // Both have rows: each piece is split at every '\n', empty pieces included.
    let parts = split_columns(usccs.text, classes.text, parts);
    let mut results = crate::parallel::map_each(&parts, |&(u, c, row0)| {
        bucket_rows(&buckets, split_rows(u), split_rows(c), row0)
    })
    .into_iter();
    let mut rows = results.next().unwrap_or_else(|| Ok(Vec::new()))?;
    for part in results {
        for (all, mut more) in rows.iter_mut().zip(part?) {
            all.append(&mut more);
        }
    }
    distribute(input, buckets, rows);
    Ok(())
}

/// `text.split('\n')`: one row more than `text` has newlines.
fn split_rows(text: &str) -> impl Iterator<Item = &str> {
    rows_from(Some(text))
}

/// The rows of `rest` split at every `'\n'`; none for `None`.
fn rows_from(mut rest: Option<&str>) -> impl Iterator<Item = &str> {
    // A plain byte scan: rows are a few bytes long, where `split`'s memchr call per row
    // costs about twice as much (1 M USCCs and classes: 15 ms against 26 ms).
    std::iter::from_fn(move || {
        let r = rest?;
        match r.bytes().position(|b| b == b'\n') {
            Some(i) => {
                rest = r.get(i + 1..);
                r.get(..i)
            }
            None => {
                rest = None;
                Some(r)
            }
        }
    })
}

/// Cuts two text columns into at most `parts` pieces at the same row boundaries:
/// `(usccs piece, classes piece, first row)`, each piece to be split at every `'\n'`.
/// One piece (the whole texts) when asked for one, or when the classes column ends
/// before a cut (its error is then found by reading the whole columns in order).
fn split_columns<'a>(
    usccs: &'a str,
    classes: &'a str,
    parts: usize,
) -> Vec<(&'a str, &'a str, usize)> {
    let whole = vec![(usccs, classes, 0)];
    if parts < 2 {
        return whole;
    }
    let mut out = Vec::with_capacity(parts);
    let (mut u_rest, mut c_rest, mut row0) = (usccs, classes, 0usize);
    for k in 1..parts {
        // Cut the USCC column after the first newline at or past its k-th share.
        let target = (usccs.len() * k / parts).saturating_sub(usccs.len() - u_rest.len());
        let Some(cut) = u_rest
            .as_bytes()
            .get(target..)
            .and_then(|tail| tail.iter().position(|&b| b == b'\n'))
            .map(|i| target + i)
        else {
            break;
        };
        let rows = u_rest.as_bytes().get(..cut).map_or(0, newlines) + 1;
        // The same number of rows of the classes column.
        let Some(c_cut) = nth_newline(c_rest.as_bytes(), rows - 1) else {
            return whole;
        };
        let (Some(u_part), Some(u_next), Some(c_part), Some(c_next)) = (
            u_rest.get(..cut),
            u_rest.get(cut + 1..),
            c_rest.get(..c_cut),
            c_rest.get(c_cut + 1..),
        ) else {
            return whole;
        };
        out.push((u_part, c_part, row0));
        (u_rest, c_rest, row0) = (u_next, c_next, row0 + rows);
    }
    out.push((u_rest, c_rest, row0));
    out
}

/// The number of `'\n'` bytes in `bytes`. Counted in blocks of at most 255 bytes into a
/// byte-sized sum, the form LLVM vectorises (a `usize` count per byte is several times
/// slower).
fn newlines(bytes: &[u8]) -> usize {
    bytes
        .chunks(255)
        .map(|block| {
            usize::from(
                block
                    .iter()
                    .fold(0u8, |n, &b| n.wrapping_add(u8::from(b == b'\n'))),
            )
        })
        .sum()
}

/// The position of the `'\n'` of index `n` (0-based) in `bytes`, if there is one.
fn nth_newline(bytes: &[u8], mut n: usize) -> Option<usize> {
    let mut start = 0;
    for block in bytes.chunks(4080) {
        let here = newlines(block);
        if n < here {
            return block
                .iter()
                .enumerate()
                .filter(|&(_, &b)| b == b'\n')
                .nth(n)
                .map(|(i, _)| start + i);
        }
        n -= here;
        start += block.len();
    }
    None
}

/// One bucket per distinct stratum key, sorted by (short prefix, key), with the (item,
/// stratum) slots it feeds. A handful of keys in practice: a binary search on an
/// integer prefix finds a row's class without a string comparison (none at all for
/// keys of up to 7 bytes).
fn buckets_of(input: &DrawInput) -> Vec<Bucket> {
    let mut buckets: Vec<Bucket> = Vec::new();
    for (i, item) in input.items.iter().enumerate() {
        for (s, stratum) in item.strata.iter().enumerate() {
            let key = stratum.key.as_str();
            let p = prefix(key);
            match buckets.binary_search_by(|b| b.find(p, key)) {
                Ok(b) => {
                    if let Some(bucket) = buckets.get_mut(b) {
                        bucket.slots.push((i, s));
                    }
                }
                Err(b) => buckets.insert(
                    b,
                    Bucket {
                        prefix: p,
                        key: key.to_owned(),
                        slots: vec![(i, s)],
                    },
                ),
            }
        }
    }
    buckets
}

/// The enterprises of each bucket, in row order; rows are numbered from `row0` in
/// errors.
fn bucket_rows<'a>(
    buckets: &[Bucket],
    usccs: impl IntoIterator<Item = &'a str>,
    classes: impl IntoIterator<Item = &'a str>,
    row0: usize,
) -> Result<Vec<Vec<Uscc>>> {
    let mut rows: Vec<Vec<Uscc>> = buckets.iter().map(|_| Vec::new()).collect();
    let (mut us, mut cs) = (usccs.into_iter(), classes.into_iter());
    let mut row = row0;
    loop {
        match (us.next(), cs.next()) {
            (None, None) => break,
            (Some(u), Some(c)) => {
                let p = prefix(c);
                if let Ok(b) = buckets.binary_search_by(|b| b.find(p, c)) {
                    let uscc = Uscc::parse(u).map_err(|e| e.within(&format!("usccs[{row}]")))?;
                    if let Some(bucket) = rows.get_mut(b) {
                        bucket.push(uscc);
                    }
                }
            }
            (Some(_), None) => return Err(column_ended("classes", "usccs", row)),
            (None, Some(_)) => return Err(column_ended("usccs", "classes", row)),
        }
        row += 1;
    }
    Ok(rows)
}

/// Appends each bucket's enterprises to the strata it feeds.
fn distribute(input: &mut DrawInput, buckets: Vec<Bucket>, rows: Vec<Vec<Uscc>>) {
    for (bucket, mut rows) in buckets.into_iter().zip(rows) {
        let last = bucket.slots.len().saturating_sub(1);
        for (n, (i, s)) in bucket.slots.into_iter().enumerate() {
            if let Some(stratum) = input.items.get_mut(i).and_then(|it| it.strata.get_mut(s)) {
                if n == last && stratum.eligible.is_empty() {
                    // Moved, not copied: the usual case (strata listed no one before).
                    stratum.eligible = std::mem::take(&mut rows);
                } else if n == last {
                    stratum.eligible.append(&mut rows);
                } else {
                    stratum.eligible.extend_from_slice(&rows);
                }
            }
        }
    }
}

struct Bucket {
    prefix: u64,
    key: String,
    slots: Vec<(usize, usize)>,
}

impl Bucket {
    /// The bucket's place relative to class `c` (whose prefix is `p`) in (prefix, key)
    /// order.
    #[inline]
    fn find(&self, p: u64, c: &str) -> Ordering {
        self.prefix.cmp(&p).then_with(|| {
            if c.len() < 8 {
                Ordering::Equal
            } else {
                self.key.as_str().cmp(c)
            }
        })
    }
}

/// The first 7 bytes of `s` and its length (capped at 255) in one integer: equal for
/// equal strings, and for strings shorter than 8 bytes equal only for equal strings.
#[inline]
fn prefix(s: &str) -> u64 {
    let mut b = [0u8; 8];
    for (d, c) in b.iter_mut().zip(s.as_bytes().iter().take(7)) {
        *d = *c;
    }
    b[7] = u8::try_from(s.len()).unwrap_or(u8::MAX);
    u64::from_le_bytes(b)
}

fn column_ended(short: &str, long: &str, row: usize) -> Error {
    Error::new(
        InputCode::RowTooShort,
        format!("the {short} column has {row} rows, the {long} column more; both columns must be equally long"),
    )
    .with_field(format!("{short}[{row}]"))
}

/// Runs the draw of `input` with the enterprises of two columns added by
/// [`join_columns`]: the result equals [`super::draw`] on the joined eligible lists.
///
/// # Errors
/// The codes of [`join_columns`], then those of [`super::draw`].
///
/// ```
/// use shuangsuiji::draw::{DrawInput, draw_columns};
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo",
///   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "A", "eligible": [], "quota": 1}, {"key": "B", "eligible": [], "quota": 1}]}]
/// }"#).unwrap();
/// let usccs = "91350100M000100Y43\n91350100MA00000155\n91350100MA00000230";
/// let classes = "A\nB\nB";
/// let result = draw_columns(input, usccs.split('\n'), classes.split('\n'))?;
/// assert_eq!(result.items[0].strata[1].eligible_count, 2);
/// assert_eq!(result.visits.len(), 2);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn draw_columns<'a>(
    mut input: DrawInput,
    usccs: impl IntoIterator<Item = &'a str>,
    classes: impl IntoIterator<Item = &'a str>,
) -> Result<DrawResult> {
    join_columns(&mut input, usccs, classes)?;
    super::draw(input)
}

/// Runs the draw of `input` with the enterprises of two text columns added by
/// [`join_column_texts`]: the result equals [`draw_columns`] over their cells.
///
/// # Errors
/// The codes of [`join_columns`], then those of [`super::draw`].
///
/// ```
/// use shuangsuiji::draw::{ColumnText, DrawInput, draw_column_texts};
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo",
///   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "A", "eligible": [], "quota": 1}, {"key": "B", "eligible": [], "quota": 1}]}]
/// }"#).unwrap();
/// let usccs = "91350100M000100Y43\n91350100MA00000155\n91350100MA00000230";
/// let result = draw_column_texts(
///     input,
///     ColumnText::new("usccs", usccs, 3)?,
///     ColumnText::new("classes", "A\nB\nB", 3)?,
/// )?;
/// assert_eq!(result.items[0].strata[1].eligible_count, 2);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn draw_column_texts(
    mut input: DrawInput,
    usccs: ColumnText<'_>,
    classes: ColumnText<'_>,
) -> Result<DrawResult> {
    join_column_texts(&mut input, usccs, classes)?;
    super::draw(input)
}

/// The current selection of a draw as columns: per item and stratum, the `uscc`,
/// `ticket` and `basis` of its `selected` picks as three parallel arrays (same order:
/// by `(ticket, uscc)`), and the visit list's `uscc` and `ticket`.
///
/// A view of a [`DrawResult`] ([`DrawResult::selection_columns`]) for callers that want
/// the sample as arrays; it leaves out what only the full result carries (counts,
/// cut-offs, replaced picks, the items of each visit, the adjustment records).
///
/// ```
/// use shuangsuiji::draw::{DrawInput, draw};
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo",
///   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "all", "eligible": ["91350100M000100Y43", "91350100MA00000155"], "quota": 1}]}]
/// }"#).unwrap();
/// let result = draw(input)?;
/// let columns = result.selection_columns();
/// let picked = &result.items[0].strata[0].selected[0];
/// assert_eq!(columns.items[0].strata[0].uscc, vec![picked.uscc]);
/// assert_eq!(columns.visits.ticket, vec![picked.ticket]);
/// let json = serde_json::to_value(&columns).unwrap();
/// assert_eq!(json["items"][0]["strata"][0]["basis"][0], "drawn");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SelectionColumns {
    /// Per item (sorted by `item_id`, as in the result).
    pub items: Vec<ItemColumns>,
    /// The visits, in visit order.
    pub visits: VisitColumns,
}

/// The selection of one item, per stratum.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ItemColumns {
    /// The item.
    pub item_id: ItemId,
    /// Its department.
    pub department: DepartmentCode,
    /// Its strata, sorted by key.
    pub strata: Vec<StratumColumns>,
}

/// The current selection of one stratum: its `selected` picks split into columns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumColumns {
    /// The stratum key.
    pub key: StratumKey,
    /// The selected enterprises.
    pub uscc: Vec<Uscc>,
    /// Their tickets.
    pub ticket: Vec<Ticket>,
    /// How each was selected.
    pub basis: Vec<Basis>,
}

/// The visit list's enterprises and tickets, in visit order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct VisitColumns {
    /// The enterprises.
    pub uscc: Vec<Uscc>,
    /// Their tickets.
    pub ticket: Vec<Ticket>,
}

impl DrawResult {
    /// The current selection as columns (see [`SelectionColumns`]).
    #[must_use]
    pub fn selection_columns(&self) -> SelectionColumns {
        SelectionColumns {
            items: self
                .items
                .iter()
                .map(|item| ItemColumns {
                    item_id: item.item_id.clone(),
                    department: item.department.clone(),
                    strata: item
                        .strata
                        .iter()
                        .map(|s| StratumColumns {
                            key: s.key.clone(),
                            uscc: s.selected.iter().map(|p| p.uscc).collect(),
                            ticket: s.selected.iter().map(|p| p.ticket).collect(),
                            basis: s.selected.iter().map(|p| p.basis).collect(),
                        })
                        .collect(),
                })
                .collect(),
            visits: VisitColumns {
                uscc: self.visits.iter().map(|v| v.uscc).collect(),
                ticket: self.visits.iter().map(|v| v.ticket).collect(),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::draw;

    fn input(strata: &str) -> DrawInput {
        serde_json::from_str(&format!(
            r#"{{"algorithm": "v1", "task_id": "t",
                "seed": "0000000000000000000000000000000000000000000000000000000000000000",
                "mode": "fixed", "items": [
                {{"item_id": "a.x", "department": "market", "strata": {strata}}},
                {{"item_id": "b.y", "department": "fire", "strata": [{{"key": "B", "eligible": [], "quota": 1}}]}}]}}"#
        ))
        .unwrap()
    }

    const U: [&str; 3] = [
        "91350100M000100Y43",
        "91350100MA00000155",
        "91350100MA00000230",
    ];

    #[test]
    fn a_class_feeds_every_item_and_keeps_listed_enterprises() {
        let mut i = input(
            r#"[{"key": "A", "eligible": ["91350100MA00000230"], "quota": 1},
                {"key": "B", "eligible": [], "quota": 1}]"#,
        );
        join_columns(&mut i, U[..2].iter().copied(), ["A", "B"]).unwrap();
        let e = |it: usize, s: usize| -> Vec<&str> {
            i.items[it].strata[s]
                .eligible
                .iter()
                .map(Uscc::as_str)
                .collect()
        };
        assert_eq!(e(0, 0), [U[2], U[0]]);
        assert_eq!(e(0, 1), [U[1]]);
        assert_eq!(e(1, 0), [U[1]]);
    }

    #[test]
    fn equals_the_draw_of_the_joined_lists() {
        let strata = r#"[{"key": "A", "eligible": [], "quota": 1}, {"key": "B", "eligible": [], "quota": 1}]"#;
        let by_columns = draw_columns(input(strata), U, ["B", "A", "B"]).unwrap();
        let mut listed = input(&format!(
            r#"[{{"key": "A", "eligible": ["{}"], "quota": 1}},
                {{"key": "B", "eligible": ["{}", "{}"], "quota": 1}}]"#,
            U[1], U[0], U[2]
        ));
        // Class B also feeds the second item's stratum B.
        listed.items[1].strata[0].eligible = listed.items[0].strata[1].eligible.clone();
        assert_eq!(by_columns, draw(listed).unwrap());
    }

    #[test]
    fn unknown_classes_are_skipped_unread_and_bad_usccs_name_their_row() {
        let strata = r#"[{"key": "A", "eligible": [], "quota": 0}]"#;
        let mut i = input(strata);
        join_columns(&mut i, ["not a uscc", U[0]], ["Z", "A"]).unwrap();
        assert_eq!(i.items[0].strata[0].eligible.len(), 1);
        let err =
            join_columns(&mut input(strata), [U[0], "91350100M000100Y44"], ["A", "A"]).unwrap_err();
        assert_eq!(err.code().as_str(), "uscc_check_character");
        assert_eq!(err.details().field.as_deref(), Some("usccs[1]"));
        assert_eq!(err.details().value.as_deref(), Some("91350100M000100Y44"));
    }

    #[test]
    fn columns_of_different_length_are_refused() {
        let strata = r#"[{"key": "A", "eligible": [], "quota": 0}]"#;
        let err = join_columns(&mut input(strata), [U[0]], ["A", "A"]).unwrap_err();
        assert_eq!(err.code().as_str(), "row_too_short");
        assert_eq!(err.details().field.as_deref(), Some("usccs[1]"));
        let empty: [&str; 0] = [];
        join_columns(&mut input(strata), empty, empty).unwrap();
    }

    #[test]
    fn selection_columns_follow_the_result() {
        let strata = r#"[{"key": "A", "eligible": [], "quota": 2}]"#;
        let mut i = input(strata);
        i.items[1].strata[0].quota = Some(0);
        let r = draw_columns(i, U, ["A", "A", "A"]).unwrap();
        let c = r.selection_columns();
        let sel = &r.items[0].strata[0].selected;
        assert_eq!(
            c.items[0].strata[0].uscc,
            sel.iter().map(|p| p.uscc).collect::<Vec<_>>()
        );
        assert_eq!(
            c.items[0].strata[0].ticket,
            sel.iter().map(|p| p.ticket).collect::<Vec<_>>()
        );
        assert_eq!(c.items[1].strata[0].uscc, Vec::<Uscc>::new());
        assert_eq!(
            c.visits.uscc,
            r.visits.iter().map(|v| v.uscc).collect::<Vec<_>>()
        );
        let back: SelectionColumns =
            serde_json::from_value(serde_json::to_value(&c).unwrap()).unwrap();
        assert_eq!(back, c);
    }

    /// What a join gives: the joined input's eligible lists, or the error's code,
    /// field and value.
    fn outcome(r: Result<()>, i: &DrawInput) -> std::result::Result<Vec<Vec<Vec<Uscc>>>, String> {
        r.map(|()| {
            i.items
                .iter()
                .map(|it| it.strata.iter().map(|s| s.eligible.clone()).collect())
                .collect()
        })
        .map_err(|e| {
            format!(
                "{} {:?} {:?}",
                e.code().as_str(),
                e.details().field,
                e.details().value
            )
        })
    }

    const STRATA: &str = r#"[{"key": "A", "eligible": [], "quota": 1},
        {"key": "C", "eligible": ["91350100MA00000230"], "quota": 1},
        {"key": "a-long-class-key", "eligible": [], "quota": 1}]"#;

    proptest::proptest! {
        /// Text columns cut into any number of pieces join exactly as their cells do
        /// through `join_columns`: same lists, or the same first error (bad USCCs, empty
        /// cells and classes, columns of different lengths).
        #[test]
        fn text_columns_join_as_their_rows(
            us in proptest::collection::vec(0usize..7, 0..14),
            cs in proptest::collection::vec(0usize..6, 0..14),
            parts in 1usize..6,
        ) {
            let uscc_cells = [U[0], U[1], U[2], "91350100M000100Y44", "", " 91350100m000100y43 ", "X"];
            let class_cells = ["A", "B", "", "C", "a-long-class-key", "a-long-class-kez"];
            let u: Vec<&str> = us.iter().map(|&k| uscc_cells[k]).collect();
            let c: Vec<&str> = cs.iter().map(|&k| class_cells[k]).collect();
            let (ut, ct) = (u.join("\n"), c.join("\n"));
            let uc = ColumnText::new("usccs", &ut, u.len()).unwrap();
            let cc = ColumnText::new("classes", &ct, c.len()).unwrap();
            proptest::prop_assert_eq!(uc.cells().collect::<Vec<_>>(), u.clone());
            let mut by_rows = input(STRATA);
            let expected = join_columns(&mut by_rows, u.iter().copied(), c.iter().copied());
            let expected = outcome(expected, &by_rows);
            let mut by_text = input(STRATA);
            let got = join_text_parts(&mut by_text, uc, cc, parts);
            proptest::prop_assert_eq!(outcome(got, &by_text), expected.clone());
            if expected.is_err() {
                proptest::prop_assert_eq!(&by_rows, &input(STRATA), "unchanged on error");
                proptest::prop_assert_eq!(by_text, input(STRATA), "unchanged on error");
            }
            let mut public = input(STRATA);
            let got = join_column_texts(&mut public, uc, cc);
            proptest::prop_assert_eq!(outcome(got, &public), expected);
        }
    }

    /// The block-wise counters equal the plain ones, across block edges.
    #[test]
    fn newline_counters_equal_the_plain_ones() {
        let text: Vec<u8> = (0..20_000u32)
            .map(|i| {
                if (i * 7919) % 13 < 3 || i % 255 == 254 {
                    b'\n'
                } else {
                    b'x'
                }
            })
            .collect();
        for len in [0, 1, 254, 255, 256, 4079, 4080, 4081, 20_000] {
            let t = &text[..len];
            let plain: Vec<usize> = (0..len).filter(|&i| t[i] == b'\n').collect();
            assert_eq!(newlines(t), plain.len(), "len {len}");
            for n in [
                0,
                1,
                plain.len() / 2,
                plain.len().saturating_sub(1),
                plain.len(),
            ] {
                assert_eq!(nth_newline(t, n), plain.get(n).copied(), "len {len} n {n}");
            }
        }
    }

    /// A cell holding a line break, or a count that is not the text's, is refused.
    #[test]
    fn column_text_counts_its_cells() {
        for (text, rows, ok) in [
            ("", 0, true),
            ("", 1, true),
            ("\n", 2, true),
            ("a", 0, false),
            ("", 2, false),
            ("a\nb", 1, false),
            ("a\nb", 3, false),
        ] {
            let r = ColumnText::new("usccs", text, rows);
            assert_eq!(r.is_ok(), ok, "{text:?} {rows}");
            if let Err(e) = r {
                assert_eq!(e.code().as_str(), "cell_invalid");
                assert_eq!(e.details().field.as_deref(), Some("usccs"));
            }
        }
    }

    /// Large columns (cut for threads with the `parallel` feature) join as their rows.
    #[test]
    fn large_text_columns_join_as_their_rows() {
        let usccs: Vec<String> = (0..20_000u32)
            .map(|i| {
                let body = format!("{:08}", i * 7);
                let mut b = [0u8; 8];
                b.copy_from_slice(body.as_bytes());
                let org = char::from(crate::model::org_code_check_char(&b).unwrap());
                Uscc::complete(&format!("91350100{body}{org}"))
                    .unwrap()
                    .as_str()
                    .to_owned()
            })
            .collect();
        let classes: Vec<&str> = (0..20_000)
            .map(|i| ["A", "B", "", "C", "Z"][i % 5])
            .collect();
        let (ut, ct) = (usccs.join("\n"), classes.join("\n"));
        let text = |t| ColumnText::new("c", t, 20_000).unwrap();
        let mut by_rows = input(STRATA);
        join_columns(
            &mut by_rows,
            usccs.iter().map(String::as_str),
            classes.iter().copied(),
        )
        .unwrap();
        for parts in [1, 2, 3, 8] {
            let mut by_text = input(STRATA);
            join_text_parts(&mut by_text, text(&ut), text(&ct), parts).unwrap();
            assert_eq!(by_text, by_rows, "{parts} parts");
        }
        let mut public = input(STRATA);
        join_column_texts(&mut public, text(&ut), text(&ct)).unwrap();
        assert_eq!(public, by_rows);
        // A bad USCC late in the column is named by its row, whichever piece holds it.
        let mut bad = usccs.clone();
        bad[15_001] = "91350100M000100Y44".to_owned();
        let bt = bad.join("\n");
        for parts in [1, 2, 3] {
            let err = join_text_parts(&mut input(STRATA), text(&bt), text(&ct), parts).unwrap_err();
            assert_eq!(
                err.details().field.as_deref(),
                Some("usccs[15001]"),
                "{parts} parts"
            );
        }
    }
}
