//! Expansion and substitution after the draw.
//!
//! Everything taken from a stratum is always a prefix of its `(ticket, uscc)` order:
//! the draw takes the first `n`, an expansion the next `extra`, a substitution the next
//! one. So an adjustment never changes an earlier pick, and the stratum's `boundary`
//! (the largest key taken) plus the list of replaced enterprises describe the current
//! selection exactly.
//!
//! Source: 国市监信〔2019〕38号 and the county plan allow replacing an enterprise that
//! cannot be checked (无法联系、已注销) by another from the same list; the reason must be
//! recorded. The per-stratum cap is a plan parameter (`max_substitutions`); beyond it a
//! new attempt with fresh randomness is needed.

use super::engine::{Draw, uscc_from_index};
use super::input::SubstitutionRequest;
use super::result::{Basis, ExpansionRecord, Pick, SubstitutionRecord};
use super::select::{Key, next_after};
use super::types::StratumKey;
use crate::model::ItemId;
use crate::{DrawCode, Error, Result, RulesCode};

impl Draw {
    /// How many substitutions have been applied so far.
    ///
    /// ```
    /// # use shuangsuiji::draw::{Draw, DrawInput};
    /// # let input: DrawInput = serde_json::from_str(r#"{"algorithm": "v1", "task_id": "T-1",
    /// #   "seed": "00000000000000000000000000000000000000000000000000000000000000aa",
    /// #   "mode": "fixed", "items": []}"#).unwrap();
    /// let draw = Draw::new(input)?;
    /// assert_eq!(draw.substitution_count(), 0);
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn substitution_count(&self) -> usize {
        self.substitutions.len()
    }

    /// The `k`-th substitution applied (0-based), as the result records it.
    ///
    /// ```
    /// # use shuangsuiji::draw::{Draw, DrawInput};
    /// # let input: DrawInput = serde_json::from_str(r#"{"algorithm": "v1", "task_id": "T-1",
    /// #   "seed": "00000000000000000000000000000000000000000000000000000000000000aa",
    /// #   "mode": "fixed", "items": []}"#).unwrap();
    /// let draw = Draw::new(input)?;
    /// assert!(draw.substitution_record(0).is_none());
    /// # Ok::<(), shuangsuiji::Error>(())
    /// ```
    #[must_use]
    pub fn substitution_record(&self, k: usize) -> Option<&SubstitutionRecord> {
        self.substitutions.get(k)
    }

    /// Takes `extra` more enterprises from one stratum of one item: the next tickets
    /// after everything already taken. Earlier picks are unchanged.
    ///
    /// # Errors
    /// - `item_unknown`, `stratum_unknown`: no such item or stratum;
    /// - `expansion_invalid`: `extra` is 0 or more than the untaken enterprises left.
    ///
    /// On error nothing is changed.
    pub fn expand(&mut self, item_id: &ItemId, stratum: &StratumKey, extra: u64) -> Result<()> {
        let i = self.find_item(item_id)?;
        let h = self.find_stratum(i, stratum)?;
        let s = &self.items[i].strata[h];
        let left = s.eligible_count.saturating_sub(s.taken);
        if extra == 0 || extra > left {
            return Err(Error::new(
                DrawCode::ExpansionInvalid,
                format!("an expansion must ask for 1 to {left} more enterprises, not {extra}"),
            )
            .with_value(extra.to_string())
            .with_detail("item", item_id.as_str())
            .with_detail("stratum", stratum.as_str()));
        }
        let count = usize::try_from(extra).unwrap_or(usize::MAX);
        let next = self.next_keys(i, h, count);
        let picks = to_picks(&next, Basis::Expansion)?;
        let step = self.steps;
        let s = &mut self.items[i].strata[h];
        s.taken += extra;
        s.boundary = next.last().copied().or(s.boundary);
        self.expansions.push(ExpansionRecord {
            step,
            item_id: item_id.clone(),
            stratum: stratum.clone(),
            added: picks.iter().map(|p| p.uscc).collect(),
        });
        s.selected.extend(picks);
        self.steps += 1;
        Ok(())
    }

    /// Replaces a selected enterprise by the next untaken ticket of its stratum — in one
    /// item if the request names it, otherwise in every item whose current selection
    /// holds it (the whole visit). Each item's substitute comes from that item's own
    /// stratum; the visit list is then recomputed from the selections, so a substitute
    /// already visited for another item gains the item in the same visit.
    ///
    /// # Errors
    /// - `item_unknown`: the request names an item the draw does not have;
    /// - `substitute_not_selected`: the enterprise is not currently selected (in that
    ///   item, or in any item);
    /// - `substitution_limit`: the stratum has used its `max_substitutions`;
    /// - `substitute_exhausted`: the stratum has no untaken enterprise left.
    ///
    /// Every affected item is checked before any is changed: on error nothing is changed.
    pub fn substitute(&mut self, req: &SubstitutionRequest) -> Result<()> {
        let only = match &req.item_id {
            Some(id) => Some(self.find_item(id)?),
            None => None,
        };
        // (item, stratum, position in `selected`) of every current pick of the enterprise.
        let mut targets = Vec::new();
        for (i, item) in self.items.iter().enumerate() {
            if only.is_some_and(|o| o != i) {
                continue;
            }
            for (h, s) in item.strata.iter().enumerate() {
                if let Some(pos) = s.selected.iter().position(|p| p.uscc == req.uscc) {
                    targets.push((i, h, pos));
                }
            }
        }
        if targets.is_empty() {
            return Err(Error::new(
                DrawCode::SubstituteNotSelected,
                format!("enterprise {} is not currently selected", req.uscc),
            )
            .with_value(req.uscc.as_str()));
        }
        let mut planned = Vec::with_capacity(targets.len());
        for &(i, h, pos) in &targets {
            let (item_name, key_name, used, max) = {
                let s = &self.items[i].strata[h];
                (
                    self.items[i].item_id.as_str().to_owned(),
                    s.key.as_str().to_owned(),
                    s.substitutions_used,
                    s.max_substitutions,
                )
            };
            let ctx = |e: Error| {
                e.with_value(req.uscc.as_str())
                    .with_detail("item", item_name.clone())
                    .with_detail("stratum", key_name.clone())
            };
            if used >= max {
                return Err(ctx(Error::new(
                    DrawCode::SubstitutionLimit,
                    format!(
                        "stratum {key_name} has used all {max} substitutions; a new attempt is needed"
                    ),
                )));
            }
            let next = self.next_keys(i, h, 1);
            let Some(&key) = next.first() else {
                return Err(ctx(Error::new(
                    DrawCode::SubstituteExhausted,
                    format!("stratum {key_name} has no untaken enterprise left"),
                )));
            };
            planned.push((i, h, pos, key));
        }
        let step = self.steps;
        for (i, h, pos, key) in planned {
            let pick = to_picks(&[key], Basis::Substitute)?
                .pop()
                .ok_or_else(|| Error::new(DrawCode::SubstituteExhausted, "no substitute"))?;
            let item_id = self.items[i].item_id.clone();
            let s = &mut self.items[i].strata[h];
            let old = s.selected.remove(pos);
            self.substitutions.push(SubstitutionRecord {
                step,
                item_id,
                stratum: s.key.clone(),
                replaced: old.uscc,
                substitute: pick.uscc,
                substitute_ticket: pick.ticket,
                reason: req.reason,
                evidence: req.evidence.clone(),
            });
            s.replaced.push(old);
            s.selected.push(pick);
            s.boundary = Some(key);
            s.taken += 1;
            s.substitutions_used += 1;
        }
        self.steps += 1;
        Ok(())
    }

    fn find_stratum(&self, i: usize, key: &StratumKey) -> Result<usize> {
        self.items[i]
            .strata
            .binary_search_by(|s| s.key.cmp(key))
            .map_err(|_| {
                Error::new(
                    RulesCode::StratumUnknown,
                    format!(
                        "item {} has no stratum {}",
                        self.items[i].item_id.as_str(),
                        key.as_str()
                    ),
                )
                .with_value(key.as_str())
            })
    }

    /// The `count` smallest keys of stratum `h` of item `i` after its boundary.
    fn next_keys(&mut self, i: usize, h: usize, count: usize) -> Vec<Key> {
        let items = std::mem::take(&mut self.items);
        let boundary = items[i].strata[h].boundary;
        let out = {
            let mut ticket_of = self.ticket_fn();
            next_after(items[i].stratum_keys(h, &mut ticket_of), boundary, count)
        };
        self.items = items;
        out
    }
}

fn to_picks(keys: &[Key], basis: Basis) -> Result<Vec<Pick>> {
    keys.iter()
        .map(|&(ticket, m)| {
            Ok(Pick {
                uscc: uscc_from_index(m)?,
                ticket,
                basis,
            })
        })
        .collect()
}
