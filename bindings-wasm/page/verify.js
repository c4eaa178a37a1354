// The page's verification logic, in one module without DOM access (it runs in the
// worker, and in Node for tests). It only calls the binding and arranges the core's
// answers for display: every verdict is the core's (`verifyDraw`, `verifyReceipt`),
// never decided here.

/** A thrown binding error as plain data (it crosses the worker boundary). */
export function errorData(err) {
  if (err && typeof err.code === 'string') {
    return { code: err.code, family: err.family, message: err.message, details: err.details ?? {} };
  }
  return { code: 'page_error', family: 'page', message: String(err?.message ?? err), details: {} };
}

const decoder = new TextDecoder();

/** A file's content as text: given as text, or as its bytes (decoded as `File.text()`). */
export function textOf(content) {
  return typeof content === 'string' ? content : decoder.decode(content);
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

/** The published files of the publish flow; `roster` is optional. */
export const FILES = ['plan', 'planHash', 'log', 'logHead', 'result', 'eligible', 'catalog'];

/**
 * Verifies the published files with the core's `verifyDraw`.
 *
 * files: `{plan, planHash, log, logHead, result, eligible, catalog, roster?: {name, bytes}}`
 * — each a file's text or its bytes (`Uint8Array`, UTF-8; the binding reads those
 * without a detour through a JS string), the roster as bytes. `progress(stage)` is
 * called before each step.
 * Returns `{report, state}`; `state` is what `lookup` and `checkReceipt` need.
 */
export function verifyFiles(ssj, files, progress = () => {}) {
  const checks = [];
  const report = { ok: false, checks, strata: [], summary: null, error: null };
  const state = { verified: false, plan: null, result: null, eligible: null, names: new Map() };
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
  const missing = FILES.filter((f) => !files[f]);
  if (missing.length) {
    const e = { code: 'page_files_missing', family: 'page', message: missing.join(', '), details: { missing } };
    checks.push({ id: 'files', ok: false, error: e });
    report.error ??= { step: 'files', ...e };
    return { report, state };
  }
  const summary = step('draw', () =>
    ssj.verifyDraw(
      files.plan, textOf(files.planHash).trim(), files.catalog, files.log,
      textOf(files.logHead).trim(), files.eligible, files.result,
    ),
  );
  if (summary) {
    // The task id from the (small) plan: the verified result carries the same one.
    const plan = textOf(files.plan);
    report.summary = { ...summary, task_id: parseJson(plan, 'plan.json').task_id };
    state.plan = plan;
    state.verified = true;
    // Parsed on the first lookup or receipt only (tens of MB for a large draw); the
    // page arranges the strata table from its own parse (`strataOf`), in parallel.
    state.resultFile = files.result;
    state.eligibleFile = files.eligible;
  }
  report.ok = checks.every((c) => c.ok);
  return { report, state };
}

/**
 * The per-stratum rows of a result document's text (or bytes) for the page's table:
 * `{item_id, department, key, eligible_count, quota, drawn_count, cutoff, selected}`.
 * Arrangement only; the page shows them once `verifyFiles` confirmed the same file.
 */
export function strataOf(resultContent) {
  const result = parseJson(textOf(resultContent), 'result.json');
  const rows = [];
  for (const item of result.draw.items) {
    for (const s of item.strata) {
      rows.push({
        item_id: item.item_id,
        department: item.department,
        key: s.key,
        eligible_count: s.eligible_count,
        quota: s.quota ?? null,
        drawn_count: s.drawn_count,
        cutoff: s.cutoff ?? null,
        selected: s.selected.length,
      });
    }
  }
  return rows;
}

/** The verified result document, parsed on first use. */
function resultOf(state) {
  state.result ??= parseJson(textOf(state.resultFile), 'result.json');
  return state.result;
}

/**
 * One enterprise in a verified draw: its ticket, and per item the stratum the published
 * eligible list puts it in, the stratum's cut-off and whether the result selected it.
 */
export function lookup(ssj, state, usccText) {
  const uscc = ssj.parseUscc(usccText);
  // Parsed on the first lookup only (a 1 M-enterprise list is tens of MB).
  state.eligible ??= parseJson(textOf(state.eligibleFile), 'eligible.json');
  const result = resultOf(state);
  const { eligible } = state;
  const ticket = ssj.ticket(result.seed, result.draw.task_id, uscc);
  const mine = eligible.filter((l) => l.uscc === uscc);
  const items = result.draw.items.map((item) => {
    const leaf = mine.find((l) => l.item_id === item.item_id);
    const stratum = leaf ? item.strata.find((s) => s.key === leaf.stratum_key) : undefined;
    const pick = stratum?.selected.find((p) => p.uscc === uscc);
    const replaced = stratum?.replaced.find((p) => p.uscc === uscc);
    return {
      item_id: item.item_id,
      department: item.department,
      eligible: Boolean(stratum),
      stratum: stratum?.key ?? null,
      eligible_count: stratum?.eligible_count ?? null,
      cutoff: stratum?.cutoff ?? null,
      selected: Boolean(pick),
      basis: pick?.basis ?? null,
      replaced: Boolean(replaced),
    };
  });
  return { uscc, name: state.names.get(uscc) ?? null, ticket, items };
}

/**
 * One receipt (receipts/<USCC>.json) checked by the core's `verifyReceipt` against the
 * verified plan and result: `{ok, uscc, ticket, items: [{item_id, stratum, cutoff,
 * selected}], excluded, error}`.
 */
export function checkReceipt(ssj, state, receiptText) {
  let receipt;
  try {
    receipt = parseJson(receiptText, 'receipt');
    const verdict = ssj.verifyReceipt(receiptText, state.plan, resultOf(state));
    const items = verdict.items.map((v) => ({
      item_id: v.item_id,
      stratum: v.stratum_key,
      cutoff: receipt.eligible.find((e) => e.item_id === v.item_id)?.cutoff ?? null,
      selected: v.selected,
    }));
    return { ok: true, uscc: verdict.uscc, ticket: receipt.ticket, items, excluded: verdict.excluded, error: null };
  } catch (err) {
    return { ok: false, uscc: receipt?.uscc ?? null, ticket: receipt?.ticket ?? null, items: [], excluded: [], error: errorData(err) };
  }
}
