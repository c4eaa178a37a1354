// The published inspection results (检查结果公示) next to the draw: the outcome set
// (outcomes.json) and the 公示 list (disclosure.json) checked by the core's
// `verifyDisclosure` against the verified draw log and result, and one enterprise's
// results arranged for display. No DOM access (it runs in the worker, and in Node for
// tests); every verdict is the core's, arrangement only here.
import { errorData, textOf } from './verify.js';

/** The published file names of the two result files (optional: a draw may be checked before them). */
export const OUTCOME_FILES = { outcomes: 'outcomes.json', disclosure: 'disclosure.json' };

/** Whether the draw log commits an outcome set (an `outcomes` event) for `attempt`. */
function committed(logText, attempt) {
  try {
    return JSON.parse(logText).entries.some((e) => e.event?.kind === 'outcomes' && e.event.attempt === attempt);
  } catch {
    return false;
  }
}

/**
 * Which file a `verifyDisclosure` error points at and what kind of problem it is, from
 * the core's code and field only: `not_committed` (the log has no `outcomes` event for
 * the attempt), `other_revision` (the results answer another revision of the draw),
 * `outcomes_changed` (outcomes.json is not the committed set), `list_changed`
 * (disclosure.json differs from the list recomputed from the committed set; the
 * enterprise in `details.enterprise` when the core names one), `unreadable`.
 */
export function explainOutcomes(e) {
  const field = e.details?.field ?? '';
  if (e.code === 'disclosure_mismatch') {
    if (field === 'log') return { file: 'log', kind: 'not_committed' };
    if (field === 'result') return { file: 'result', kind: 'other_revision' };
    // The set's own hash differs from the log's (expected/actual given) …
    if (field === 'outcomes_hash' && e.details?.expected !== undefined) return { file: 'outcomes', kind: 'outcomes_changed' };
    // … else the list differs from the one recomputed (its hash field, or a record).
    return { file: 'disclosure', kind: 'list_changed', enterprise: e.details?.enterprise ?? null };
  }
  if (/^disclosure/.test(field)) return { file: 'disclosure', kind: 'unreadable' };
  if (/^outcomes/.test(field)) return { file: 'outcomes', kind: 'unreadable' };
  return { file: null, kind: 'unreadable' };
}

/**
 * Checks the published results of a verified draw. `files.outcomes` / `files.disclosure`
 * are the two files' texts or bytes (either may be absent); `state` and `report` are
 * `verifyFiles`'s (the report's summary gives the attempt).
 * Returns the report `{state, as_of, complete, departments, error, why}` — `state`:
 * `verified` (the core's `verifyDisclosure` passed; its completeness report is
 * given), `none` (no results published and none committed in the log), `missing` (the
 * log commits results, or one file is given, but a file is missing: `missing` names
 * them), `mismatch` (the core refused: `error` and `why` from `explainOutcomes`), or
 * `skipped` (the draw itself did not verify). Keeps the verified list in `state` for
 * `outcomesFor`.
 */
export function verifyOutcomes(ssj, state, report, files) {
  state.outcomes = null;
  if (!state.verified) return { state: 'skipped' };
  const given = Object.keys(OUTCOME_FILES).filter((f) => files[f]);
  const logged = committed(state.log, report.summary.attempt);
  let out;
  if (given.length < 2) {
    out = given.length || logged
      ? { state: 'missing', missing: Object.keys(OUTCOME_FILES).filter((f) => !files[f]), logged }
      : { state: 'none' };
  } else {
    try {
      const c = ssj.verifyDisclosure(state.log, state.resultFile, files.outcomes, files.disclosure);
      state.disclosure = JSON.parse(textOf(files.disclosure));
      out = {
        state: 'verified', as_of: c.as_of, complete: c.complete, departments: c.departments,
        substitutions: c.substitutions.length, outcomes_hash: state.disclosure.outcomes_hash,
      };
      state.outcomeSet = JSON.parse(textOf(files.outcomes));
    } catch (err) {
      const e = errorData(err);
      out = { state: 'mismatch', error: e, why: explainOutcomes(e) };
    }
  }
  state.outcomes = out;
  return out;
}

/**
 * One enterprise's published results (检查结果公示) in a verified draw: per department
 * of its visit the day of the check, the day recorded, the deadline and its status, and
 * per item the category (its code and the published Chinese term), the public remark and
 * the follow-ups the committed set records (责令改正 with its deadline, 立案, 移送). The
 * officers are not shown. `{state}` only when the results could not be verified
 * (`none`, `missing`, `mismatch`, `skipped`: the report's state), `not_visited` when the
 * enterprise has no visit in this draw.
 */
export function outcomesFor(state, uscc) {
  const report = state.outcomes;
  if (!report) return { state: 'skipped' };
  if (report.state !== 'verified') {
    const enterprise = report.why?.enterprise ?? null;
    return { state: report.state, named: enterprise === uscc };
  }
  const record = state.disclosure.records.find((r) => r.uscc === uscc);
  if (!record) return { state: 'not_visited', as_of: report.as_of };
  const mine = state.outcomeSet.records.filter((r) => r.uscc === uscc);
  const results = record.results.map((res) => {
    const own = mine.find((r) => r.department === res.department);
    return {
      department: res.department,
      date: res.date ?? null,
      recorded_on: res.recorded_on ?? null,
      deadline: res.deadline,
      status: res.status,
      findings: (res.findings ?? []).map((f) => ({
        item_id: f.item_id,
        category: f.category,
        label: f.label,
        remark: f.remark ?? null,
        follow_ups: own?.findings.find((x) => x.item_id === f.item_id)?.follow_ups ?? [],
      })),
    };
  });
  return {
    state: 'verified',
    as_of: report.as_of,
    check_end: record.check_end,
    deadline: record.deadline,
    status: record.status,
    results,
  };
}
