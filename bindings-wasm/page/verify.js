// The page's verification logic, in one module without DOM access (it runs in the
// worker, and in Node for tests). It only calls the binding and arranges the core's
// answers for display: the verdicts are the core's (a recomputed draw, `verifyLog`,
// `ticket`), never decided here.
//
// When the core gains whole-draw and receipt verification (`verifyDraw`,
// `verifyReceipt`), `verifyFiles` and `lookup` are the two functions to switch over.

/** The first place where two JSON values differ, or null: `{path, published, recomputed}`. */
export function firstDifference(published, recomputed, path = '') {
  const kind = (v) => (Array.isArray(v) ? 'array' : v === null ? 'null' : typeof v);
  if (kind(published) !== kind(recomputed)) return { path: path || '(根)', published, recomputed };
  if (Array.isArray(published)) {
    const n = Math.min(published.length, recomputed.length);
    for (let i = 0; i < n; i += 1) {
      const d = firstDifference(published[i], recomputed[i], `${path}[${i}]`);
      if (d) return d;
    }
    if (published.length !== recomputed.length) {
      return { path: `${path}.length`, published: published.length, recomputed: recomputed.length };
    }
    return null;
  }
  if (kind(published) === 'object') {
    const keys = [...new Set([...Object.keys(recomputed), ...Object.keys(published)])];
    for (const k of keys) {
      const p = path ? `${path}.${k}` : k;
      if (!(k in published)) return { path: p, published: undefined, recomputed: recomputed[k] };
      if (!(k in recomputed)) return { path: p, published: published[k], recomputed: undefined };
      const d = firstDifference(published[k], recomputed[k], p);
      if (d) return d;
    }
    return null;
  }
  return published === recomputed ? null : { path: path || '(根)', published, recomputed };
}

/** A thrown binding error as plain data (it crosses the worker boundary). */
export function errorData(err) {
  if (err && typeof err.code === 'string') {
    return { code: err.code, family: err.family, message: err.message, details: err.details ?? {} };
  }
  return { code: 'page_error', family: 'page', message: String(err?.message ?? err), details: {} };
}

function parseJson(text, file) {
  try {
    return JSON.parse(text);
  } catch (e) {
    const err = new Error(`${file}: ${e.message}`);
    err.code = 'json_syntax';
    err.details = { file };
    throw err;
  }
}

/**
 * Verifies the published files.
 *
 * files: `{input, result, plan?, log?, head?, roster?: {name, bytes}}` — texts, except
 * the roster's bytes. `progress(stage)` is called before each step.
 * Returns `{report, state}`; `state` is what `lookup` needs.
 */
export function verifyFiles(ssj, files, progress = () => {}) {
  const checks = [];
  const report = { ok: false, checks, strata: [], summary: null, mismatch: null, error: null };
  const state = { input: null, inputText: null, result: null, names: new Map() };
  const step = (id, f) => {
    progress(id);
    try {
      const value = f();
      checks.push({ id, ok: true });
      return value;
    } catch (err) {
      const e = errorData(err);
      checks.push({ id, ok: false, error: e });
      report.error ??= { step: id, ...e };
      return undefined;
    }
  };

  if (files.roster) {
    const roster = step('roster', () =>
      ssj.readEnterprises(files.roster.bytes, { file_name: files.roster.name }),
    );
    for (const e of roster ?? []) state.names.set(e.uscc, e.name);
    if (roster) report.rosterCount = roster.length;
  }
  if (files.plan && files.log) {
    const summary = step('log', () => ssj.verifyLog(files.plan, files.log, files.head || undefined));
    if (summary) report.log = summary;
  } else if (files.plan && files.head) {
    step('plan', () => ssj.verifyPlan(files.plan, files.head));
  }

  // The draw: recompute from the published input and compare with the published result.
  progress('parse');
  let published;
  try {
    published = parseJson(files.result, '结果文件 result');
  } catch (err) {
    checks.push({ id: 'draw', ok: false, error: errorData(err) });
    report.error ??= { step: 'draw', ...errorData(err) };
    return { report, state };
  }
  progress('draw');
  const recomputed = step('draw', () => ssj.draw(files.input));
  if (recomputed) {
    progress('compare');
    const mismatch = firstDifference(published, recomputed);
    if (mismatch) {
      report.mismatch = mismatch;
      const last = checks[checks.length - 1];
      last.ok = false;
    }
    // Parsed on the first lookup only (a 1 M-enterprise input is tens of MB).
    state.inputText = files.input;
    state.result = recomputed;
    report.summary = {
      task_id: recomputed.task_id,
      seed: recomputed.seed,
      mode: recomputed.mode,
      visits: recomputed.visits.length,
    };
    if (report.log) {
      // The seed the draw used must be the one the log's ceremony produced.
      const attempts = report.log.attempts;
      const current = attempts[attempts.length - 1];
      const same = current?.seed === recomputed.seed;
      checks.push({ id: 'seed', ok: same, error: same ? undefined : { code: 'result_mismatch', details: { field: 'seed', expected: current?.seed ?? null, actual: recomputed.seed } } });
    }
    for (const item of published.items ?? []) {
      for (const s of item.strata ?? []) {
        report.strata.push({
          item_id: item.item_id,
          department: item.department,
          key: s.key,
          eligible_count: s.eligible_count,
          quota: s.quota ?? null,
          ratio: s.ratio ?? null,
          drawn_count: s.drawn_count,
          cutoff: s.cutoff ?? null,
          selected: s.selected?.length ?? 0,
        });
      }
    }
  }
  report.ok = checks.every((c) => c.ok) && !report.mismatch;
  return { report, state };
}

/**
 * One enterprise in a verified draw: its ticket, and per item the stratum it is
 * eligible in, the stratum's cut-off and whether the (recomputed) draw selected it.
 */
export function lookup(ssj, state, usccText) {
  const uscc = ssj.parseUscc(usccText);
  state.input ??= parseJson(state.inputText, '输入文件 input');
  const { input, result } = state;
  const ticket = ssj.ticket(input.seed, input.task_id, uscc);
  const items = result.items.map((item) => {
    const inItem = input.items.find((i) => i.item_id === item.item_id);
    const stratumIn = inItem?.strata.find((s) => s.eligible.includes(uscc));
    const stratum = stratumIn ? item.strata.find((s) => s.key === stratumIn.key) : undefined;
    const pick = stratum?.selected.find((p) => p.uscc === uscc);
    const replaced = stratum?.replaced.find((p) => p.uscc === uscc);
    return {
      item_id: item.item_id,
      department: item.department,
      eligible: Boolean(stratum),
      stratum: stratum?.key ?? null,
      eligible_count: stratum?.eligible_count ?? null,
      cutoff: stratum?.cutoff ?? null,
      boundary: stratum?.boundary ?? null,
      selected: Boolean(pick),
      basis: pick?.basis ?? null,
      replaced: Boolean(replaced),
    };
  });
  return { uscc, name: state.names.get(uscc) ?? null, ticket, items };
}
