//! The draw engine: validate and index the input, compute every ticket once, select
//! per stratum, then replay the adjustments.

use std::collections::BTreeMap;

use super::eligible::Eligible;
use super::input::{Adjustment, DrawInput, ItemDraw};
use super::result::{Basis, Cutoff, DrawResult, ItemResult, Pick, StratumResult};
use super::select::{Key, Selector};
use super::sweep;
use super::threshold::Threshold;
use super::ticket::{Ticket, Ticketer, uscc_index};
use super::types::{AlgorithmVersion, DrawMode, Seed, StratumKey, TaskId};
use crate::model::{DepartmentCode, ItemId, Ratio, USCC_ALPHABET, Uscc};
use crate::{DrawCode, Error, ModelCode, Result, RulesCode};

/// A draw in progress: the initial selection plus any adjustments applied so far.
///
/// [`super::draw`] runs a whole [`DrawInput`] at once; `Draw` lets a caller apply
/// adjustments one at a time (each is also recorded in the result).
///
/// ```
/// use shuangsuiji::draw::{Draw, DrawInput};
/// let input: DrawInput = serde_json::from_str(r#"{
///   "algorithm": "v1", "task_id": "demo", "seed": "0000000000000000000000000000000000000000000000000000000000000000",
///   "mode": "fixed",
///   "items": [{"item_id": "food.production", "department": "market", "strata": [
///     {"key": "all", "eligible": ["91350100M000100Y43", "91350100MA00000155"], "quota": 1}
///   ]}]
/// }"#).unwrap();
/// let draw = Draw::new(input)?;
/// let result = draw.result();
/// assert_eq!(result.visits.len(), 1);
/// # Ok::<(), shuangsuiji::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Draw {
    pub(super) algorithm: AlgorithmVersion,
    pub(super) task_id: TaskId,
    pub(super) seed: Seed,
    pub(super) mode: DrawMode,
    pub(super) items: Vec<ItemState>,
    pub(super) ticketer: Ticketer,
    pub(super) overrides: BTreeMap<u128, Ticket>,
    pub(super) expansions: Vec<super::result::ExpansionRecord>,
    pub(super) substitutions: Vec<super::result::SubstitutionRecord>,
    pub(super) steps: u64,
}

#[derive(Debug, Clone)]
pub(super) struct ItemState {
    pub(super) item_id: ItemId,
    pub(super) department: DepartmentCode,
    /// Per stratum (as `strata`), its eligible enterprises in ascending order.
    pub(super) lists: Vec<Eligible>,
    pub(super) strata: Vec<StratumState>,
}

#[derive(Debug, Clone)]
pub(super) struct StratumState {
    pub(super) key: StratumKey,
    pub(super) eligible_count: u64,
    pub(super) quota: Option<u64>,
    pub(super) ratio: Option<Ratio>,
    pub(super) threshold: Option<Threshold>,
    pub(super) drawn_count: u64,
    pub(super) cutoff: Option<Key>,
    pub(super) boundary: Option<Key>,
    pub(super) taken: u64,
    pub(super) max_substitutions: u32,
    pub(super) substitutions_used: u32,
    pub(super) selected: Vec<Pick>,
    pub(super) replaced: Vec<Pick>,
}

const LOW32: u128 = 0xffff_ffff;

/// The USCC with base-31 index `m` (inverse of [`uscc_index`]).
pub(super) fn uscc_from_index(m: u128) -> Result<Uscc> {
    // One 128-bit division into two 9-digit halves (each below 31^9 < 2^45), then
    // 64-bit arithmetic: 128-bit divisions are library calls on 32-bit targets (wasm).
    const HALF: u128 = 31u128.pow(9);
    let mut b = [0u8; 18];
    let halves = [
        u64::try_from(m / HALF).unwrap_or(u64::MAX),
        u64::try_from(m % HALF).unwrap_or(0),
    ];
    for (chunk, half) in b.chunks_exact_mut(9).zip(halves) {
        let mut x = half;
        for slot in chunk.iter_mut().rev() {
            let d = usize::try_from(x % 31).unwrap_or(0);
            *slot = USCC_ALPHABET.get(d).copied().unwrap_or(b'0');
            x /= 31;
        }
    }
    Uscc::parse(std::str::from_utf8(&b).unwrap_or(""))
}

impl ItemState {
    /// The keys of stratum `h`, with tickets.
    pub(super) fn stratum_keys<'a>(
        &'a self,
        h: usize,
        ticket_of: &'a mut impl FnMut(u128) -> Ticket,
    ) -> impl Iterator<Item = Key> + 'a {
        self.lists
            .get(h)
            .into_iter()
            .flat_map(Eligible::indices)
            .map(move |m| (ticket_of(m), m))
    }
}

impl Draw {
    /// Runs the draw of `input` and applies its adjustments.
    ///
    /// # Errors
    /// - `quota_missing`, `ratio_missing`, `mode_field_unexpected`,
    ///   `quota_exceeds_eligible` (see [`DrawInput::validate_modes`]);
    /// - `item_duplicate` (two items with one id), `stratum_duplicate` (two strata
    ///   with one key in an item), `eligible_duplicate` (an enterprise twice in a
    ///   stratum), `stratum_overlap` (an enterprise in two strata of an item);
    /// - the codes of [`Draw::expand`] and [`Draw::substitute`] for the adjustments.
    pub fn new(input: DrawInput) -> Result<Self> {
        Self::build(input, BTreeMap::new(), None)
    }

    /// Test hook: like [`Draw::new`] but the listed enterprises get the given tickets
    /// instead of their computed ones (to force ties and boundary cases in golden
    /// vectors). Never use it for a real draw: its result is not a v1 result.
    ///
    /// # Errors
    /// As [`Draw::new`].
    #[doc(hidden)]
    pub fn with_ticket_overrides(
        input: DrawInput,
        overrides: &BTreeMap<Uscc, Ticket>,
    ) -> Result<Self> {
        let o = overrides.iter().map(|(u, t)| (uscc_index(u), *t)).collect();
        Self::build(input, o, None)
    }

    /// The draw of `input`; `parts` cuts the selection into that many index ranges
    /// (by default one per thread the `parallel` feature gives it).
    fn build(
        input: DrawInput,
        overrides: BTreeMap<u128, Ticket>,
        parts: Option<usize>,
    ) -> Result<Self> {
        input.validate_modes()?;
        let DrawInput {
            algorithm,
            task_id,
            seed,
            mode,
            mut items,
            adjustments,
        } = input;
        items.sort_by(|a, b| a.item_id.cmp(&b.item_id));
        if let Some(w) = items.windows(2).find(|w| w[0].item_id == w[1].item_id) {
            return Err(Error::new(
                ModelCode::ItemDuplicate,
                format!(
                    "item {} appears twice in the draw input",
                    w[0].item_id.as_str()
                ),
            )
            .with_field("items")
            .with_value(w[0].item_id.as_str()));
        }

        let mut states = Vec::with_capacity(items.len());
        let mut selectors: Vec<Vec<Selector>> = Vec::with_capacity(items.len());
        let mut twice = false;
        for item in items {
            match item_state(item, mode) {
                Ok((state, sels, listed_twice)) => {
                    twice |= listed_twice;
                    selectors.push(sels);
                    states.push(state);
                }
                Err(e) => {
                    // An earlier item's enterprise listed twice is refused first, as
                    // when each item was checked in full before the next.
                    first_listed_twice(&states)?;
                    return Err(e);
                }
            }
        }
        if twice {
            first_listed_twice(&states)?;
            return Err(Error::internal("a repeat was flagged but not found"));
        }

        let mut draw = Self {
            algorithm,
            ticketer: Ticketer::new(&seed, &task_id),
            task_id,
            seed,
            mode,
            items: states,
            overrides,
            expansions: Vec::new(),
            substitutions: Vec::new(),
            steps: 0,
        };
        if !draw.select(selectors, parts)? {
            first_listed_twice(&draw.items)?;
            return Err(Error::internal("an overlap was flagged but not found"));
        }
        for adj in adjustments {
            match adj {
                Adjustment::Expand(e) => draw.expand(&e.item_id, &e.stratum, e.extra)?,
                Adjustment::Substitute(s) => draw.substitute(&s)?,
            }
        }
        Ok(draw)
    }

    /// The ticket of index `m`, honouring the test overrides.
    pub(super) fn ticket_fn(&self) -> impl Fn(u128) -> Ticket + '_ {
        let (ticketer, overrides) = (&self.ticketer, &self.overrides);
        move |m| {
            if overrides.is_empty() {
                ticketer.ticket_at(m)
            } else {
                overrides
                    .get(&m)
                    .copied()
                    .unwrap_or_else(|| ticketer.ticket_at(m))
            }
        }
    }

    /// Sweeps the items' eligible lists ([`sweep::sweep`]) so that each enterprise's
    /// ticket is computed once, however many items list it, and offered to each stratum
    /// that holds it. Returns `false` (selecting nothing) if an enterprise is in two
    /// strata of one item.
    ///
    /// Large draws are cut into ranges of enterprise indices, one per thread (`parallel`
    /// feature), each offering to selectors of its own; each stratum's selectors are
    /// then joined ([`Selector::absorb`]: the `n` smallest keys of a union are the `n`
    /// smallest of the parts' `n` smallest), so the selection does not depend on the
    /// cut, nor on the number of threads.
    fn select(&mut self, selectors: Vec<Vec<Selector>>, parts: Option<usize>) -> Result<bool> {
        let items = std::mem::take(&mut self.items);
        let total: usize = items
            .iter()
            .flat_map(|it| &it.lists)
            .map(Eligible::len)
            .sum();
        let parts = parts.unwrap_or_else(|| crate::parallel::threads_for_len(total));
        let lists: Vec<&[Eligible]> = items.iter().map(|it| it.lists.as_slice()).collect();
        let ranges = sweep::ranges(&lists, parts);
        let (ticketer, overrides) = (&self.ticketer, &self.overrides);
        let swept = crate::parallel::map_each(&ranges, |range| {
            let mut sels: Vec<Vec<Selector>> = selectors
                .iter()
                .map(|s| s.iter().map(Selector::empty_like).collect())
                .collect();
            let ok = sweep::sweep(ticketer, overrides, &lists, range, &mut sels);
            (sels, ok)
        });
        drop(lists);
        if swept.iter().any(|(_, ok)| !ok) {
            self.items = items;
            return Ok(false);
        }
        let mut parts = swept.into_iter().map(|(sels, _)| sels);
        let mut selectors = parts.next().unwrap_or(selectors);
        for part in parts {
            for (sels, more) in selectors.iter_mut().zip(part) {
                for (sel, other) in sels.iter_mut().zip(more) {
                    sel.absorb(other);
                }
            }
        }
        self.items = items;
        // Each stratum's selection sorted and turned into picks; on threads with the
        // `parallel` feature, the strata dealt to them largest first.
        let work: Vec<(usize, usize, Selector)> = selectors
            .into_iter()
            .enumerate()
            .flat_map(|(i, sels)| sels.into_iter().enumerate().map(move |(h, s)| (i, h, s)))
            .collect();
        let groups = crate::parallel::deal(work, |w| w.2.len());
        let done = crate::parallel::map_owned(groups, |group| {
            group
                .into_iter()
                .map(|(i, h, sel)| {
                    let keys = sel.into_sorted();
                    let picks = keys
                        .iter()
                        .map(|&(ticket, m)| {
                            Ok(Pick {
                                uscc: uscc_from_index(m)?,
                                ticket,
                                basis: Basis::Drawn,
                            })
                        })
                        .collect::<Result<Vec<Pick>>>();
                    (i, h, keys.len(), keys.last().copied(), picks)
                })
                .collect::<Vec<_>>()
        })?;
        for (i, h, n, last, picks) in done.into_iter().flatten() {
            let s = self
                .items
                .get_mut(i)
                .and_then(|it| it.strata.get_mut(h))
                .ok_or_else(|| Error::internal("a selection without its stratum"))?;
            s.drawn_count = u64::try_from(n).unwrap_or(u64::MAX);
            s.taken = s.drawn_count;
            s.cutoff = last;
            s.boundary = s.cutoff;
            s.selected = picks?;
        }
        Ok(true)
    }

    /// The published result.
    #[must_use]
    pub fn result(&self) -> DrawResult {
        // Each stratum's result (copies of its selection) built on threads with the
        // `parallel` feature, the strata dealt to them largest first.
        let strata: Vec<(usize, usize, &StratumState)> = self
            .items
            .iter()
            .enumerate()
            .flat_map(|(i, it)| it.strata.iter().enumerate().map(move |(h, s)| (i, h, s)))
            .collect();
        let groups = crate::parallel::deal(strata, |w| w.2.selected.len() + w.2.replaced.len());
        let built = crate::parallel::map_each(&groups, |group| {
            group
                .iter()
                .map(|&(i, h, s)| (i, h, stratum_result(s)))
                .collect::<Vec<_>>()
        });
        let mut strata: Vec<Vec<Option<StratumResult>>> = self
            .items
            .iter()
            .map(|it| it.strata.iter().map(|_| None).collect())
            .collect();
        for (i, h, result) in built.into_iter().flatten() {
            if let Some(slot) = strata.get_mut(i).and_then(|it| it.get_mut(h)) {
                *slot = Some(result);
            }
        }
        let items = self
            .items
            .iter()
            .zip(strata)
            .map(|(it, strata)| ItemResult {
                item_id: it.item_id.clone(),
                department: it.department.clone(),
                strata: strata.into_iter().flatten().collect(),
            })
            .collect::<Vec<_>>();
        let visits = super::visit::visits(&items);
        DrawResult {
            algorithm: self.algorithm,
            task_id: self.task_id.clone(),
            seed: self.seed,
            mode: self.mode,
            items,
            visits,
            expansions: self.expansions.clone(),
            substitutions: self.substitutions.clone(),
        }
    }

    pub(super) fn find_item(&self, item_id: &ItemId) -> Result<usize> {
        self.items
            .binary_search_by(|it| it.item_id.cmp(item_id))
            .map_err(|_| {
                Error::new(
                    RulesCode::ItemUnknown,
                    format!("the draw has no item {}", item_id.as_str()),
                )
                .with_value(item_id.as_str())
            })
    }
}

/// A stratum's published result: its figures, and its selected and replaced
/// enterprises in `(ticket, uscc)` order.
fn stratum_result(s: &StratumState) -> StratumResult {
    let cut = |k: Option<Key>| {
        k.and_then(|(ticket, m)| uscc_from_index(m).ok().map(|uscc| Cutoff { ticket, uscc }))
    };
    let mut selected = s.selected.clone();
    selected.sort_by_key(|a| (a.ticket, a.uscc));
    let mut replaced = s.replaced.clone();
    replaced.sort_by_key(|a| (a.ticket, a.uscc));
    StratumResult {
        key: s.key.clone(),
        eligible_count: s.eligible_count,
        quota: s.quota,
        ratio: s.ratio,
        threshold: s.threshold,
        drawn_count: s.drawn_count,
        cutoff: cut(s.cutoff),
        boundary: cut(s.boundary),
        max_substitutions: s.max_substitutions,
        substitutions_used: s.substitutions_used,
        selected,
        replaced,
    }
}

/// One item's state before selection: its strata sorted by key (each once), each
/// stratum's eligible enterprises in ascending order, and the selector of each
/// stratum. The flag is set if an enterprise is listed twice in one stratum (the
/// sweep finds one listed in two strata).
fn item_state(mut item: ItemDraw, mode: DrawMode) -> Result<(ItemState, Vec<Selector>, bool)> {
    item.strata.sort_by(|a, b| a.key.cmp(&b.key));
    if let Some(w) = item.strata.windows(2).find(|w| w[0].key == w[1].key) {
        return Err(Error::new(
            RulesCode::StratumDuplicate,
            format!(
                "stratum {} appears twice in item {}",
                w[0].key.as_str(),
                item.item_id.as_str()
            ),
        )
        .with_detail("item", item.item_id.as_str())
        .with_value(w[0].key.as_str()));
    }
    if u32::try_from(item.strata.len()).is_err() {
        return Err(Error::internal("an item has more than 2^32 strata"));
    }
    let mut lists = Vec::with_capacity(item.strata.len());
    let mut twice = false;
    let mut strata = Vec::with_capacity(item.strata.len());
    let mut sels = Vec::with_capacity(item.strata.len());
    for s in item.strata {
        let n = u64::try_from(s.eligible.len()).unwrap_or(u64::MAX);
        let (list, repeated) = Eligible::new(s.eligible);
        lists.push(list);
        twice |= repeated;
        let (sel, threshold) = match mode {
            DrawMode::Fixed => {
                let q = s.quota.unwrap_or(0);
                (Selector::smallest(usize::try_from(q).unwrap_or(0)), None)
            }
            DrawMode::Bernoulli => {
                let t = Threshold::of(s.ratio.unwrap_or(Ratio::ZERO));
                (Selector::below(t), Some(t))
            }
        };
        sels.push(sel);
        strata.push(StratumState {
            key: s.key,
            eligible_count: n,
            quota: s.quota,
            ratio: s.ratio,
            threshold,
            drawn_count: 0,
            cutoff: None,
            boundary: None,
            taken: 0,
            max_substitutions: s.max_substitutions,
            substitutions_used: 0,
            selected: Vec::new(),
            replaced: Vec::new(),
        });
    }
    Ok((
        ItemState {
            item_id: item.item_id,
            department: item.department,
            lists,
            strata,
        },
        sels,
        twice,
    ))
}

/// The refusal of the first item (in item order) that lists an enterprise twice, in
/// one stratum or in two: the smallest such enterprise, worded by [`refuse_repeat`].
/// Run only once a repeat is known to exist: it packs and sorts every key of the
/// items it looks at.
fn first_listed_twice(items: &[ItemState]) -> Result<()> {
    for item in items {
        let keys = item
            .lists
            .iter()
            .enumerate()
            .flat_map(|(h, l)| l.indices().map(move |m| (m << 32) | h as u128))
            .collect();
        let name = |h: usize| item.strata.get(h).map(|s| s.key.as_str());
        refuse_repeat(keys, name, &item.item_id)?;
    }
    Ok(())
}

/// `eligible_duplicate` or `stratum_overlap` for the smallest enterprise listed twice
/// among one item's keys (`index << 32 | stratum`, in any order): listed twice in one
/// stratum or in two, `name(h)` naming stratum `h`. The engine and the draw in parts
/// ([`super::partial`]) word the refusal alike through it.
pub(super) fn refuse_repeat<'a>(
    mut keys: Vec<u128>,
    name: impl Fn(usize) -> Option<&'a str>,
    item_id: &ItemId,
) -> Result<()> {
    crate::parallel::sort_keys(&mut keys);
    let Some(w) = keys.windows(2).find(|w| w[0] >> 32 == w[1] >> 32) else {
        return Ok(());
    };
    let uscc = uscc_from_index(w[0] >> 32)?;
    let stratum = |k: u128| {
        usize::try_from(k & LOW32)
            .ok()
            .and_then(&name)
            .unwrap_or("")
    };
    let (a, b) = (stratum(w[0]), stratum(w[1]));
    let err = if a == b {
        Error::new(
            DrawCode::EligibleDuplicate,
            format!("enterprise {uscc} is listed twice in stratum {a}"),
        )
    } else {
        Error::new(
            RulesCode::StratumOverlap,
            format!("enterprise {uscc} is listed in strata {a} and {b}"),
        )
    };
    Err(err
        .with_value(uscc.as_str())
        .with_detail("item", item_id.as_str())
        .with_detail("stratum", a))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::draw::uscc_index;
    use proptest::prelude::*;

    /// The digit string by 128-bit arithmetic throughout (the form before the split).
    fn digits_u128(m: u128) -> String {
        let mut b = [0u8; 18];
        let mut x = m;
        for slot in b.iter_mut().rev() {
            let d = usize::try_from(x % 31).unwrap();
            *slot = USCC_ALPHABET[d];
            x /= 31;
        }
        String::from_utf8(b.to_vec()).unwrap()
    }

    proptest! {
        #[test]
        fn uscc_from_index_reads_the_same_digits(m in 0u128..31u128.pow(18)) {
            prop_assert_eq!(uscc_from_index(m), Uscc::parse(&digits_u128(m)));
        }
    }

    /// A random draw: up to 90 enterprises, 1–3 items of 1–3 strata each, every
    /// enterprise in one stratum of an item or in none, fixed quotas or Bernoulli
    /// ratios, tickets forced into ties for some, an expansion and a substitution.
    fn random_draw(
        seed: [u8; 32],
        places: &[Vec<u8>],
        quotas: &[u8],
        bernoulli: bool,
        ties: &[u8],
    ) -> (DrawInput, BTreeMap<u128, Ticket>) {
        let usccs: Vec<Uscc> = (0..places.first().map_or(0, Vec::len))
            .map(|i| {
                let body = format!("MA{:06}", i * 7919 % 1_000_000);
                let b: [u8; 8] = body.as_bytes().try_into().unwrap();
                let org = char::from(crate::model::org_code_check_char(&b).unwrap());
                Uscc::complete(&format!("91150581{body}{org}")).unwrap()
            })
            .collect();
        let items: Vec<ItemDraw> = places
            .iter()
            .enumerate()
            .map(|(i, place)| {
                let strata = 1 + i % 3;
                ItemDraw {
                    item_id: ItemId::parse(&format!("item.{i}")).unwrap(),
                    department: DepartmentCode::parse(["market", "fire"][i % 2]).unwrap(),
                    strata: (0..strata)
                        .map(|h| {
                            let eligible: Vec<Uscc> = usccs
                                .iter()
                                .zip(place)
                                .filter(|&(_, &p)| usize::from(p) % (strata + 1) == h)
                                .map(|(u, _)| *u)
                                .collect();
                            let q = u64::from(quotas[(i * 3 + h) % quotas.len()]);
                            crate::draw::StratumDraw {
                                key: StratumKey::parse(&format!("s{h}")).unwrap(),
                                quota: (!bernoulli).then(|| q.min(eligible.len() as u64)),
                                ratio: bernoulli
                                    .then(|| Ratio::new(u32::try_from(q % 5).unwrap(), 4).unwrap()),
                                eligible,
                                max_substitutions: 2,
                            }
                        })
                        .collect(),
                }
            })
            .collect();
        let overrides = usccs
            .iter()
            .zip(ties)
            .filter(|&(_, &t)| t < 64)
            .map(|(u, &t)| (uscc_index(u), Ticket::from_value(u128::from(t % 4) << 100)))
            .collect();
        let input = DrawInput {
            algorithm: AlgorithmVersion::V1,
            task_id: TaskId::parse("split").unwrap(),
            seed: Seed::from_bytes(seed),
            mode: if bernoulli {
                DrawMode::Bernoulli
            } else {
                DrawMode::Fixed
            },
            items,
            adjustments: Vec::new(),
        };
        (input, overrides)
    }

    /// Every stratum's result lands in its place, also when the strata are built on
    /// two threads (`parallel`: here about 20 000 picks, past two threads' worth).
    #[test]
    fn result_puts_every_stratum_in_its_place() {
        let places: Vec<Vec<u8>> = (0..3u32)
            .map(|i| {
                (0..12_000u32)
                    .map(|e| u8::try_from((e * 7 + i) % 4).unwrap())
                    .collect()
            })
            .collect();
        let (input, _) = random_draw([7; 32], &places, &[4], true, &[]);
        let d = Draw::new(input).unwrap();
        let r = d.result();
        let expected: Vec<Vec<StratumResult>> = d
            .items
            .iter()
            .map(|it| it.strata.iter().map(stratum_result).collect())
            .collect();
        let got: Vec<Vec<StratumResult>> = r.items.iter().map(|it| it.strata.clone()).collect();
        assert_eq!(got, expected);
        let picks: usize = got.iter().flatten().map(|s| s.selected.len()).sum();
        assert!(picks > 2 * 4096, "{picks} picks");
    }

    /// The plain definition: per item and stratum, every eligible enterprise's key
    /// `(ticket, uscc)` sorted, then the first `quota`, or those under the threshold.
    fn reference(input: &DrawInput, overrides: &BTreeMap<u128, Ticket>) -> Vec<Vec<Vec<Pick>>> {
        let ticketer = Ticketer::new(&input.seed, &input.task_id);
        let mut items = input.items.clone();
        items.sort_by(|a, b| a.item_id.cmp(&b.item_id));
        items
            .iter()
            .map(|item| {
                let mut strata = item.strata.clone();
                strata.sort_by(|a, b| a.key.cmp(&b.key));
                strata
                    .iter()
                    .map(|s| {
                        let mut keys: Vec<(Ticket, Uscc)> = s
                            .eligible
                            .iter()
                            .map(|u| {
                                let m = uscc_index(u);
                                let t = overrides.get(&m).copied();
                                (t.unwrap_or_else(|| ticketer.ticket_at(m)), *u)
                            })
                            .collect();
                        keys.sort();
                        match input.mode {
                            DrawMode::Fixed => {
                                keys.truncate(usize::try_from(s.quota.unwrap()).unwrap());
                            }
                            DrawMode::Bernoulli => {
                                let t = Threshold::of(s.ratio.unwrap());
                                keys.retain(|k| t.selects(k.0));
                            }
                        }
                        keys.into_iter()
                            .map(|(ticket, uscc)| Pick {
                                uscc,
                                ticket,
                                basis: Basis::Drawn,
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect()
    }

    proptest! {
        /// The selection cut into 1–5 index ranges (one per thread with the `parallel`
        /// feature) equals the plain definition, and the whole result — expansion and
        /// substitution replayed — is the same for every cut, ties included.
        #[test]
        fn split_selection_equals_the_definition(
            seed in any::<[u8; 32]>(),
            places in (0usize..90).prop_flat_map(|n| proptest::collection::vec(
                proptest::collection::vec(any::<u8>(), n..=n), 1..4)),
            quotas in proptest::collection::vec(0u8..12, 1..10),
            bernoulli in any::<bool>(),
            ties in proptest::collection::vec(any::<u8>(), 0..90),
            parts in 2usize..6,
        ) {
            let (input, overrides) = random_draw(seed, &places, &quotas, bernoulli, &ties);
            let one = Draw::build(input.clone(), overrides.clone(), Some(1)).unwrap();
            let split = Draw::build(input.clone(), overrides.clone(), Some(parts)).unwrap();
            let expected = reference(&input, &overrides);
            let (r1, rs) = (one.result(), split.result());
            for (item, exp) in rs.items.iter().zip(&expected) {
                for (s, e) in item.strata.iter().zip(exp) {
                    prop_assert_eq!(&s.selected, e);
                }
            }
            prop_assert_eq!(&r1, &rs);
            // Adjustments replay on the split selection as on the whole one.
            let mut adjusted = input;
            let victim = rs.visits.first().map(|v| v.uscc);
            adjusted.adjustments.push(Adjustment::Expand(super::super::input::Expansion {
                item_id: rs.items[0].item_id.clone(),
                stratum: rs.items[0].strata[0].key.clone(),
                extra: 1,
            }));
            if let Some(uscc) = victim {
                adjusted.adjustments.push(Adjustment::Substitute(
                    super::super::input::SubstitutionRequest {
                        uscc,
                        item_id: None,
                        reason: super::super::input::SubstitutionReason::Unreachable,
                        evidence: None,
                    },
                ));
            }
            let one = Draw::build(adjusted.clone(), overrides.clone(), Some(1));
            let split = Draw::build(adjusted, overrides, Some(parts));
            prop_assert_eq!(
                one.map(|d| d.result()).map_err(|e| e.code().as_str().to_owned()),
                split.map(|d| d.result()).map_err(|e| e.code().as_str().to_owned())
            );
        }
    }

    /// The refusal as the engine gave it before the sweep (issue #25): item by item in
    /// id order, a repeated stratum key, then the smallest enterprise listed twice
    /// among the item's packed, sorted keys.
    fn reference_refusal(input: &DrawInput) -> Option<Error> {
        let mut items = input.items.clone();
        items.sort_by(|a, b| a.item_id.cmp(&b.item_id));
        for mut item in items {
            item.strata.sort_by(|a, b| a.key.cmp(&b.key));
            if let Some(w) = item.strata.windows(2).find(|w| w[0].key == w[1].key) {
                return Some(
                    Error::new(
                        RulesCode::StratumDuplicate,
                        format!(
                            "stratum {} appears twice in item {}",
                            w[0].key.as_str(),
                            item.item_id.as_str()
                        ),
                    )
                    .with_detail("item", item.item_id.as_str())
                    .with_value(w[0].key.as_str()),
                );
            }
            let keys: Vec<u128> = item
                .strata
                .iter()
                .enumerate()
                .flat_map(|(h, s)| {
                    s.eligible
                        .iter()
                        .map(move |u| (uscc_index(u) << 32) | h as u128)
                })
                .collect();
            let name = |h: usize| item.strata.get(h).map(|s| s.key.as_str());
            if let Err(e) = refuse_repeat(keys, name, &item.item_id) {
                return Some(e);
            }
        }
        None
    }

    proptest! {
        /// Enterprises listed twice (in one stratum or in two of an item) and strata
        /// repeated, anywhere among the items and in any order of the lists: the draw
        /// refuses with the same error as the item-by-item check it replaced, for any
        /// cut into ranges; and selects when there is nothing to refuse.
        #[test]
        fn repeats_are_refused_as_before(
            seed in any::<[u8; 32]>(),
            places in (1usize..60).prop_flat_map(|n| proptest::collection::vec(
                proptest::collection::vec(any::<u8>(), n..=n), 1..4)),
            repeats in proptest::collection::vec((0usize..4, 0usize..3, 0usize..60, 0usize..3), 0..3),
            same_key in proptest::collection::vec(0usize..4, 0..2),
            shuffle in any::<bool>(),
            parts in 1usize..4,
        ) {
            let (mut input, _) = random_draw(seed, &places, &[3, 1, 4], false, &[]);
            let n_items = input.items.len();
            for &(i, h, e, h2) in &repeats {
                let item = &mut input.items[i % n_items];
                let n_strata = item.strata.len();
                let Some(&u) = item.strata[h % n_strata].eligible.get(e % places[0].len().max(1)) else {
                    continue;
                };
                item.strata[h2 % n_strata].eligible.push(u);
            }
            for &i in &same_key {
                let item = &mut input.items[i % n_items];
                if item.strata.len() > 1 {
                    item.strata[1].key = item.strata[0].key.clone();
                }
            }
            for item in &mut input.items {
                for s in &mut item.strata {
                    if shuffle {
                        s.eligible.reverse();
                    }
                    // Quotas within the (possibly longer) lists.
                    s.quota = s.quota.map(|q| q.min(s.eligible.len() as u64));
                }
            }
            let expected = reference_refusal(&input);
            let got = Draw::build(input.clone(), BTreeMap::new(), Some(parts));
            match (expected, got) {
                (Some(e), Err(g)) => {
                    prop_assert_eq!(g.code(), e.code());
                    prop_assert_eq!(g.message_en(), e.message_en());
                    prop_assert_eq!(g.details(), e.details());
                }
                (None, Ok(d)) => {
                    let one = Draw::build(input, BTreeMap::new(), Some(1)).unwrap();
                    prop_assert_eq!(d.result(), one.result());
                }
                (e, g) => prop_assert!(false, "expected {:?}, got {:?}", e.map(|e| e.code()), g.err()),
            }
        }
    }

    #[test]
    fn uscc_from_index_inverts_uscc_index() {
        for code in [
            "91350100M000100Y43",
            "91350100MA00000155",
            "000000000000000000",
        ] {
            if let Ok(u) = Uscc::parse(code) {
                assert_eq!(uscc_from_index(uscc_index(&u)).unwrap(), u);
            }
        }
        assert_eq!(digits_u128(31u128.pow(18) - 1), "Y".repeat(18));
    }
}
