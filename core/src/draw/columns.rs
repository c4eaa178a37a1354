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
/// `input` is left partly joined on error.
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
    // One bucket per distinct stratum key, sorted by (short prefix, key): the (item,
    // stratum) slots it feeds and the enterprises of its class. A handful of keys in
    // practice: a binary search on an integer prefix finds a row's class without a
    // string comparison (none at all for keys of up to 7 bytes).
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
                        prefix: prefix(key),
                        key: key.to_owned(),
                        slots: vec![(i, s)],
                        rows: Vec::new(),
                    },
                ),
            }
        }
    }

    let (mut us, mut cs) = (usccs.into_iter(), classes.into_iter());
    let mut row = 0usize;
    loop {
        match (us.next(), cs.next()) {
            (None, None) => break,
            (Some(u), Some(c)) => {
                let p = prefix(c);
                if let Ok(b) = buckets.binary_search_by(|b| b.find(p, c)) {
                    let uscc = Uscc::parse(u).map_err(|e| e.within(&format!("usccs[{row}]")))?;
                    if let Some(bucket) = buckets.get_mut(b) {
                        bucket.rows.push(uscc);
                    }
                }
            }
            (Some(_), None) => return Err(column_ended("classes", "usccs", row)),
            (None, Some(_)) => return Err(column_ended("usccs", "classes", row)),
        }
        row += 1;
    }

    for bucket in buckets {
        let Bucket {
            slots, mut rows, ..
        } = bucket;
        let last = slots.len().saturating_sub(1);
        for (n, (i, s)) in slots.into_iter().enumerate() {
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
    Ok(())
}

struct Bucket {
    prefix: u64,
    key: String,
    slots: Vec<(usize, usize)>,
    rows: Vec<Uscc>,
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
}
