//! The draw in parts, for rosters held in pieces (the partitions of a Spark table): each
//! part keeps, per item and stratum, only the `(ticket, uscc)` keys that can matter, and
//! merging the parts' [`Candidates`] gives exactly the one-process [`DrawResult`].
//!
//! Why it is exact: every pick of a `v1` stratum — drawn, expansion or substitute — is a
//! prefix of the stratum's key order (draw spec §7, §9), at most `quota + Σ extra +
//! max_substitutions` long in fixed mode, and in Bernoulli mode every key under the
//! threshold plus at most `Σ extra + max_substitutions` more. A key of that global prefix
//! is within the same prefix of its own part, so the union of the parts' prefixes holds
//! the global one, and drawing from that union takes the same keys in the same order.
//! Only `eligible_count` would differ: the merge writes the parts' summed counts.
//!
//! With the stratum totals known (a first counting pass), a part also drops keys whose
//! ticket is at or above a *limit* set where about `2·k + 4096` of the `N` tickets fall
//! (`k` the prefix length): the parts then send about that many keys instead of `k` each.
//! The merge checks that at least `k` keys of the whole stratum lie under the limit —
//! then the `k`-th smallest key does too and nothing needed was dropped — and otherwise
//! refuses with `candidates_insufficient` (run the parts again without totals). The
//! limit changes how much is sent, never the result.
//!
//! ```
//! use shuangsuiji::draw::{DrawInput, draw, partial};
//! use shuangsuiji::model::Uscc;
//! let input: DrawInput = serde_json::from_str(r#"{
//!   "algorithm": "v1", "task_id": "demo",
//!   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
//!   "mode": "fixed",
//!   "items": [{"item_id": "food.production", "department": "market", "strata": [
//!     {"key": "A", "eligible": ["91350100M000100Y43", "91350100MA00000155", "91350100MA00000230"],
//!      "quota": 1}]}]
//! }"#).unwrap();
//! // Two parts: the first enterprise, then the other two.
//! let mut left = input.clone();
//! left.items[0].strata[0].eligible.truncate(1);
//! let mut right = input.clone();
//! right.items[0].strata[0].eligible.remove(0);
//! let parts = [partial::candidates(&left, &[])?, partial::candidates(&right, &[])?];
//! assert_eq!(partial::merge_candidates(input.clone(), &parts)?, draw(input)?);
//! # Ok::<(), shuangsuiji::Error>(())
//! ```

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::input::{Adjustment, DrawInput};
use super::result::DrawResult;
use super::threshold::Threshold;
use super::ticket::{Ticket, Ticketer, uscc_index};
use super::types::{DrawMode, StratumKey};
use crate::model::{ItemId, Uscc};
use crate::{DrawCode, Error, Result};

/// The eligible count of one stratum of one item (the totals a part's limit rests on).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumCount {
    /// The item.
    pub item_id: ItemId,
    /// The stratum of that item.
    pub stratum: StratumKey,
    /// `N`: eligible enterprises of the stratum in the whole roster.
    pub eligible_count: u64,
}

/// One part's candidates for one stratum of one item.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StratumCandidates {
    /// The item.
    pub item_id: ItemId,
    /// The stratum of that item.
    pub stratum: StratumKey,
    /// Eligible enterprises of the stratum in this part.
    pub count: u64,
    /// The limit the part applied (32 hex digits; absent: none): only tickets below it
    /// were kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub limit: Option<Ticket>,
    /// How many of the part's enterprises have a ticket below `limit` (`count` when no
    /// limit).
    pub below_limit: u64,
    /// The kept enterprises, in `(ticket, uscc)` order.
    pub kept: Vec<Uscc>,
}

/// One part's candidates: one entry per stratum of every item of the draw input, sorted
/// by `(item_id, stratum)`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Candidates {
    /// Per item and stratum.
    pub strata: Vec<StratumCandidates>,
}

/// How long a prefix of the stratum's key order the draw can take: in fixed mode
/// `quota + Σ extra + max_substitutions`; in Bernoulli mode `Σ extra +
/// max_substitutions` keys beyond the threshold (`None` for the quota part).
fn depth(input: &DrawInput, item: &ItemId, key: &StratumKey) -> (Option<u64>, u64) {
    let extra: u64 = input
        .adjustments
        .iter()
        .filter_map(|a| match a {
            Adjustment::Expand(e) if &e.item_id == item && &e.stratum == key => Some(e.extra),
            _ => None,
        })
        .fold(0, u64::saturating_add);
    let stratum = input
        .items
        .iter()
        .find(|i| &i.item_id == item)
        .and_then(|i| i.strata.iter().find(|s| &s.key == key));
    let subs = stratum.map_or(0, |s| u64::from(s.max_substitutions));
    let quota = match input.mode {
        DrawMode::Fixed => stratum.and_then(|s| s.quota),
        DrawMode::Bernoulli => None,
    };
    (quota, extra.saturating_add(subs))
}

/// The limit for a prefix of `k` keys out of `n`: the ticket under which about
/// `2·k + 4096` of `n` uniform tickets fall; none when that is most of the stratum.
fn limit_for(k: u64, n: u64) -> Option<Ticket> {
    let want = u128::from(k).saturating_mul(2).saturating_add(4096);
    let n = u128::from(n);
    if n == 0 || want.saturating_mul(2) >= n {
        return None;
    }
    Some(Ticket::from_value((u128::MAX / n) * want))
}

/// The candidates of one part: `input` is the draw input with this part's eligible
/// lists (quotas, modes and adjustments as in the whole draw). `totals` are the whole
/// roster's stratum counts; a stratum listed there gets a limit (module doc), the others
/// none. Only the parts' rows are read: duplicates and overlaps *within* the part are
/// refused as the draw refuses them; across parts the merge sees only the kept keys.
///
/// # Errors
/// `eligible_duplicate` and `stratum_overlap` as the draw reports them for this part's
/// rows. The rest of the input (modes, quotas against the whole count, adjustments) is
/// checked by [`merge_candidates`], which runs the draw on the whole input.
///
/// ```
/// use shuangsuiji::draw::{DrawInput, partial};
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo",
///   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "A", "eligible": ["91350100M000100Y43", "91350100MA00000155"], "quota": 1}]}]
/// }"#).unwrap();
/// let c = partial::candidates(&input, &[])?;
/// assert_eq!((c.strata[0].count, c.strata[0].kept.len()), (2, 1));
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn candidates(input: &DrawInput, totals: &[StratumCount]) -> Result<Candidates> {
    for item in &input.items {
        listed_twice(item)?;
    }
    let totals: BTreeMap<(&ItemId, &StratumKey), u64> = totals
        .iter()
        .map(|t| ((&t.item_id, &t.stratum), t.eligible_count))
        .collect();
    let ticketer = Ticketer::new(&input.seed, &input.task_id);
    let mut out = Vec::new();
    let (mut ms, mut tickets) = (Vec::new(), Vec::new());
    for item in &input.items {
        for s in &item.strata {
            let (quota, more) = depth(input, &item.item_id, &s.key);
            // Four ChaCha20 blocks at a time (threads for large parts with `parallel`).
            ms.clear();
            ms.extend(s.eligible.iter().map(uscc_index));
            tickets.clear();
            ticketer.tickets_at(&ms, &mut tickets);
            let mut keys: Vec<(Ticket, Uscc)> = tickets
                .iter()
                .copied()
                .zip(s.eligible.iter().copied())
                .collect();
            let count = keys.len() as u64;
            let k = match (quota, s.ratio) {
                (Some(q), _) => Some(q.saturating_add(more)),
                (None, Some(ratio)) => {
                    let t = Threshold::of(ratio);
                    let under = keys.iter().filter(|(ticket, _)| t.selects(*ticket)).count();
                    Some((under as u64).saturating_add(more))
                }
                (None, None) => None,
            };
            // A limit only where the whole stratum's prefix is known in advance.
            let limit = match (input.mode, k, totals.get(&(&item.item_id, &s.key))) {
                (DrawMode::Fixed, Some(k), Some(&n)) => limit_for(k, n),
                _ => None,
            };
            if let Some(limit) = limit {
                keys.retain(|(ticket, _)| *ticket < limit);
            }
            let below_limit = keys.len() as u64;
            let k = k.map_or(keys.len(), |k| usize::try_from(k).unwrap_or(usize::MAX));
            if k < keys.len() {
                keys.select_nth_unstable(k);
                keys.truncate(k);
            }
            keys.sort_unstable();
            out.push(StratumCandidates {
                item_id: item.item_id.clone(),
                stratum: s.key.clone(),
                count,
                limit,
                below_limit,
                kept: keys.into_iter().map(|(_, u)| u).collect(),
            });
        }
    }
    out.sort_by(|a, b| (&a.item_id, &a.stratum).cmp(&(&b.item_id, &b.stratum)));
    Ok(Candidates { strata: out })
}

/// A USCC of an eligible entry, which must be written canonically (as the published
/// eligible leaves are: a table sorted by its text must be in the core's order).
///
/// # Errors
/// The USCC codes of [`Uscc::parse`]; `value_not_canonical` for a valid USCC written
/// otherwise (lower case, full width, spaces).
///
/// ```
/// use shuangsuiji::draw::partial::canonical_uscc;
/// assert!(canonical_uscc("91350100M000100Y43").is_ok());
/// let err = canonical_uscc("91350100m000100y43").unwrap_err();
/// assert_eq!(err.code().as_str(), "value_not_canonical");
/// ```
pub fn canonical_uscc(text: &str) -> Result<Uscc> {
    let u = Uscc::parse(text)?;
    if u.as_str() == text {
        Ok(u)
    } else {
        Err(crate::proof::published::not_canonical(
            "USCC",
            text,
            u.as_str(),
        ))
    }
}

/// [`candidates`] of a part given as eligible entries `(uscc, item_id, stratum)` — the
/// rows of the eligible-leaf table (one per enterprise and item), as a data-lake table
/// holds them — instead of eligible lists: each row joins the stratum it names, after
/// what `input` already lists there. USCCs must be canonical ([`canonical_uscc`]).
///
/// # Errors
/// The USCC codes and `value_not_canonical` with `field` = `usccs[r]` (0-based row) and
/// the USCC as `value`;
/// `stratum_unknown` (field `strata[r]`, details `item` and `stratum`) for a row naming
/// an item and stratum the input does not list; those of [`candidates`].
///
/// ```
/// use shuangsuiji::draw::{DrawInput, partial};
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo",
///   "seed": "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "A", "eligible": [], "quota": 1}]}]
/// }"#).unwrap();
/// let rows = [("91350100M000100Y43", "food.production", "A"),
///             ("91350100MA00000155", "food.production", "A")];
/// let c = partial::candidates_of_leaves(&input, rows, &[])?;
/// assert_eq!((c.strata[0].count, c.strata[0].kept.len()), (2, 1));
/// let err = partial::candidates_of_leaves(&input, [("91350100M000100Y43", "food.production", "B")], &[])
///     .unwrap_err();
/// assert_eq!(err.code().as_str(), "stratum_unknown");
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
pub fn candidates_of_leaves<'a>(
    input: &DrawInput,
    rows: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>,
    totals: &[StratumCount],
) -> Result<Candidates> {
    let mut part = input.clone();
    let mut index: BTreeMap<(&str, &str), (usize, usize)> = BTreeMap::new();
    for (i, item) in input.items.iter().enumerate() {
        for (j, s) in item.strata.iter().enumerate() {
            index.insert((item.item_id.as_str(), s.key.as_str()), (i, j));
        }
    }
    for (r, (uscc, item, stratum)) in rows.into_iter().enumerate() {
        let &(i, j) = index.get(&(item, stratum)).ok_or_else(|| {
            Error::new(
                crate::RulesCode::StratumUnknown,
                "an eligible entry names an item and stratum the draw input does not list",
            )
            .with_field(format!("strata[{r}]"))
            .with_detail("item", item)
            .with_detail("stratum", stratum)
        })?;
        let uscc = canonical_uscc(uscc).map_err(|e| e.with_field(format!("usccs[{r}]")))?;
        part.items[i].strata[j].eligible.push(uscc);
    }
    candidates(&part, totals)
}

/// Merges the parts' candidates into the draw's result: `input` is the whole draw's
/// input (its eligible lists are ignored and replaced by the parts' kept enterprises);
/// the result equals [`super::draw`] on the union of the parts' eligible lists, with
/// `eligible_count` the sum of the parts' counts.
///
/// # Errors
/// `stratum_unknown` (field `parts[p].strata[i]`) for candidates of a stratum the input
/// does not list; `candidates_insufficient` when a stratum's parts used different limits
/// or fewer keys of the whole stratum than its prefix lie under the limit (run the parts
/// again without totals); those of [`super::draw`] on the merged lists
/// (`quota_exceeds_eligible` against the summed count, `eligible_duplicate` and
/// `stratum_overlap` for kept enterprises, the adjustment codes).
///
/// See the [module example](self).
pub fn merge_candidates(mut input: DrawInput, parts: &[Candidates]) -> Result<DrawResult> {
    /// One stratum's parts together.
    struct Merged {
        count: u64,
        below: u64,
        limit: Option<Option<Ticket>>,
        kept: Vec<Uscc>,
    }
    let mut merged: BTreeMap<(ItemId, StratumKey), Merged> = BTreeMap::new();
    for item in &input.items {
        for s in &item.strata {
            merged.insert(
                (item.item_id.clone(), s.key.clone()),
                Merged {
                    count: 0,
                    below: 0,
                    limit: None,
                    kept: Vec::new(),
                },
            );
        }
    }
    for (p, part) in parts.iter().enumerate() {
        for (i, c) in part.strata.iter().enumerate() {
            let m = merged
                .get_mut(&(c.item_id.clone(), c.stratum.clone()))
                .ok_or_else(|| {
                    Error::new(
                        crate::RulesCode::StratumUnknown,
                        "candidates of a stratum the draw input does not list",
                    )
                    .with_field(format!("parts[{p}].strata[{i}]"))
                    .with_detail("item", c.item_id.as_str())
                    .with_detail("stratum", c.stratum.as_str())
                })?;
            if m.limit.is_some_and(|l| l != c.limit) {
                return Err(insufficient(
                    c,
                    "the parts of the stratum used different limits: run them again without totals",
                ));
            }
            m.limit = Some(c.limit);
            m.count = m.count.saturating_add(c.count);
            m.below = m.below.saturating_add(c.below_limit);
            m.kept.extend_from_slice(&c.kept);
        }
    }
    // The limit was safe iff at least the prefix's length of keys lie under it.
    for ((item, key), m) in &merged {
        if let Some(Some(_)) = m.limit {
            let (quota, more) = depth(&input, item, key);
            let k = quota.unwrap_or(0).saturating_add(more);
            if m.below < k.min(m.count) {
                return Err(Error::new(
                    DrawCode::CandidatesInsufficient,
                    format!(
                        "{} of the stratum's {} tickets lie under the limit, fewer than the {k} \
                         the draw may take: run the parts again without totals",
                        m.below, m.count
                    ),
                )
                .with_detail("item", item.as_str())
                .with_detail("stratum", key.as_str()));
            }
        }
    }
    let mut counts = BTreeMap::new();
    for item in &mut input.items {
        for s in &mut item.strata {
            if let Some(m) = merged.remove(&(item.item_id.clone(), s.key.clone())) {
                s.eligible = m.kept;
                counts.insert((item.item_id.clone(), s.key.clone()), m.count);
            }
        }
    }
    let mut result = super::draw(input)?;
    for item in &mut result.items {
        for s in &mut item.strata {
            if let Some(&n) = counts.get(&(item.item_id.clone(), s.key.clone())) {
                s.eligible_count = n;
            }
        }
    }
    Ok(result)
}

/// `eligible_duplicate` / `stratum_overlap` for an enterprise listed twice in one item,
/// worded as the draw words them (the engine's check, over the input's lists).
fn listed_twice(item: &super::input::ItemDraw) -> Result<()> {
    let keys = item
        .strata
        .iter()
        .enumerate()
        .flat_map(|(h, s)| {
            let h = h as u128;
            s.eligible.iter().map(move |u| (uscc_index(u) << 32) | h)
        })
        .collect();
    let name = |h: usize| item.strata.get(h).map(|s| s.key.as_str());
    super::engine::refuse_repeat(keys, name, &item.item_id)
}

fn insufficient(c: &StratumCandidates, message: &str) -> Error {
    Error::new(DrawCode::CandidatesInsufficient, message)
        .with_detail("item", c.item_id.as_str())
        .with_detail("stratum", c.stratum.as_str())
}
