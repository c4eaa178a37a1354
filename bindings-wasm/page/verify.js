// The page's verification logic, in one module without DOM access (it runs in the
// worker, and in Node for tests). It only calls the binding and arranges the core's
// answers for display: every verdict is the core's (`verifyDraw`, `verifyReceipt`),
// never decided here.

/** A thrown binding error as plain data (it crosses the worker boundary). */
export function errorData(err) {
  if (err && typeof err.code === 'string') {
    // Both languages cross the worker boundary; the page shows the one it speaks.
    return { code: err.code, family: err.family, message: err.message, messageZh: err.messageZh, messageEn: err.messageEn, details: err.details ?? {} };
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
/** The file names under which they are published. */
export const FILE_NAMES = {
  plan: 'plan.json', planHash: 'plan.hash', log: 'log.json', logHead: 'log.head',
  result: 'result.json', eligible: 'eligible.json', catalog: 'catalog.json',
};
/** The sub-checks of `verifyDraw`, in the order the core makes them. */
export const CHECKS = ['plan', 'lists', 'log', 'result'];

const LOG_CODES = new Set(['reveal_mismatch', 'reveal_missing', 'party_unknown', 'party_duplicate', 'beacon_invalid',
  'beacon_missing', 'beacon_duplicate', 'beacon_unknown', 'log_chain_broken', 'log_order', 'redraw_invalid']);

/**
 * Which sub-check and which file a `verifyDraw` error belongs to, and what kind of
 * problem it is (`kind`, for the page's sentence): arrangement of the core's code and
 * field only. `texts` (slot -> text or bytes) lets an unreadable file be named.
 */
export function explain(e, texts = {}) {
  const code = e.code ?? '';
  const field = e.details?.field ?? '';
  const at = (check, file, kind) => ({ check, file, kind });
  if (code === 'plan_hash_mismatch') return at('plan', 'plan', 'plan_changed');
  if (/^plan_hash/.test(field)) return at('plan', 'planHash', 'unreadable');
  if (/^log_head|^head$/.test(field)) return at('log', 'logHead', code === 'hex_invalid' ? 'unreadable' : 'head_changed');
  if (/^catalog/.test(field)) return at('lists', 'catalog', code === 'root_mismatch' ? 'catalog_changed' : 'unreadable');
  if (/^eligible/.test(field)) return at('lists', 'eligible', code === 'root_mismatch' ? 'eligible_changed' : 'unreadable');
  if (/^items\[\d+\]\.strata\[\d+\]\.(population|quota)$/.test(field)) return at('lists', 'eligible', 'counts_changed');
  if (code === 'result_mismatch') {
    if (field === 'result_hash') return at('result', 'result', 'result_hash');
    if (field === 'attempt' || field === 'revision') return at('result', 'result', 'result_stale');
    return at('result', 'result', 'result_changed');
  }
  if (LOG_CODES.has(code) || /^entries/.test(field)) {
    return at('log', 'log', 'log_broken');
  }
  // Not a verification finding: a file the binding could not read. Name the first file
  // that is not JSON or not of its document's shape.
  const shapes = {
    plan: (v) => v && typeof v === 'object' && 'task_id' in v && 'eligible' in v,
    catalog: (v) => v && typeof v === 'object' && Array.isArray(v.items),
    log: (v) => v && typeof v === 'object' && Array.isArray(v.entries),
    eligible: (v) => Array.isArray(v),
    result: (v) => v && typeof v === 'object' && typeof v.draw === 'object',
  };
  for (const [slot, ok] of Object.entries(shapes)) {
    if (texts[slot] === undefined) continue;
    let v;
    try {
      v = JSON.parse(textOf(texts[slot]));
    } catch {
      return at(CHECK_OF[slot], slot, 'unreadable');
    }
    if (!ok(v)) return at(CHECK_OF[slot], slot, 'unreadable');
  }
  return at('result', null, 'other');
}
const CHECK_OF = { plan: 'plan', planHash: 'plan', catalog: 'lists', eligible: 'lists', log: 'log', logHead: 'log', result: 'result' };

/**
 * Reads the optional roster for names only, leniently: columns the reader does not
 * know are ignored; a roster the core cannot read at all gives no names and a note.
 * Never part of the verdict. Returns `{names: Map, count, error}`.
 */
export function readNames(ssj, roster) {
  const names = new Map();
  try {
    const list = ssj.readEnterprises(roster.bytes, { file_name: roster.name, allow_unknown_columns: true });
    for (const e of list) names.set(e.uscc, e.name);
    return { names, count: list.length, error: null };
  } catch (err) {
    // A platform export the core's roster reader refuses (say, without the credit-class
    // column): the names are still read from its code and name columns, when it has them.
    const count = namesFromText(ssj, roster.bytes, names);
    return { names, count, error: count ? null : errorData(err) };
  }
}

const CODE_HEADER = /^(统一社会信用代码|社会信用代码|信用代码|uscc)$/i;
const NAME_HEADER = /^(企业名称|单位名称|市场主体名称|名称|name)$/i;

/** One CSV line's cells (quotes as in RFC 4180; a line break inside quotes is not joined). */
function cells(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i += 1) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i += 1; } else if (c === '"') quoted = false; else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  out.push(cur.trim());
  return out;
}

/**
 * Names from a CSV (UTF-8 or GBK) by its code and name columns only; rows whose code
 * the core does not accept are skipped. Returns how many names were read.
 */
function namesFromText(ssj, bytes, names) {
  if (!bytes || (bytes[0] === 0x50 && bytes[1] === 0x4b)) return 0; // xlsx: the core's reader only
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('gb18030').decode(bytes);
  }
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const head = cells(lines[0] ?? '');
  const code = head.findIndex((h) => CODE_HEADER.test(h));
  const name = head.findIndex((h) => NAME_HEADER.test(h));
  if (code < 0 || name < 0) return 0;
  let n = 0;
  for (const line of lines.slice(1)) {
    const row = cells(line);
    try {
      if (row[name]) names.set(ssj.parseUscc(row[code]), row[name]);
      n += row[name] ? 1 : 0;
    } catch {
      // not a code: skipped (names only)
    }
  }
  return n;
}

/**
 * Verifies the published files with the core's `verifyDraw`.
 *
 * files: `{plan, planHash, log, logHead, result, eligible, catalog, roster?: {name, bytes}}`
 * — each a file's text or its bytes (`Uint8Array`, UTF-8; the binding reads those
 * without a detour through a JS string), the roster as bytes. `progress(stage)` is
 * called before each step.
 * Returns `{report, state}`; `state` is what `lookup` and `checkReceipt` need. The
 * report's `checks` are the four sub-checks (`plan`, `lists`, `log`, `result`), each
 * `ok`, `bad` (with `error` and `why` from `explain`) or `skipped` (an earlier one
 * failed: the core checks them in this order); the roster is reported apart
 * (`report.roster`) and never changes `ok`. `roots`, when given, runs the first half
 * of the check on another thread (see `verifyDraw` below).
 */
export async function verifyFiles(ssj, files, progress = () => {}, roots = null) {
  const checks = [];
  const report = { ok: false, checks, strata: [], summary: null, error: null, roster: null, names: null };
  const state = { verified: false, plan: null, result: null, eligible: null, log: null, names: new Map() };

  if (files.roster) {
    progress('roster');
    const r = readNames(ssj, files.roster);
    state.names = r.names;
    report.roster = { name: files.roster.name, count: r.count, error: r.error };
  }
  report.names = namesOf(files);
  const missing = FILES.filter((f) => !files[f]);
  if (missing.length) {
    const e = { code: 'page_files_missing', family: 'page', message: missing.map((m) => FILE_NAMES[m]).join(', '), details: { missing } };
    checks.push({ id: 'files', state: 'bad', error: e, why: { check: 'files', file: null, kind: 'missing' } });
    report.error = { step: 'files', ...e };
    return { report, state };
  }
  progress('draw');
  let summary = null;
  try {
    summary = await verifyDraw(ssj, files, roots);
  } catch (err) {
    const e = errorData(err);
    const why = explain(e, files);
    report.error = { step: why.check, ...e, why };
    let seen = false;
    for (const id of CHECKS) {
      if (id === why.check) {
        checks.push({ id, state: 'bad', error: e, why });
        seen = true;
      } else checks.push({ id, state: seen ? 'skipped' : 'ok' });
    }
    // A file that could not be read: nothing after it was checked either.
    if (why.kind === 'unreadable' || why.kind === 'other') for (const c of checks) if (c.state === 'ok') c.state = 'skipped';
    return { report, state };
  }
  for (const id of CHECKS) checks.push({ id, state: 'ok' });
  // The task id from the (small) plan: the verified result carries the same one.
  const plan = textOf(files.plan);
  const planDoc = parseJson(plan, 'plan.json');
  report.summary = { ...summary, task_id: planDoc.task_id, year: planDoc.year, plan_date: planDoc.plan_date };
  state.plan = plan;
  state.log = textOf(files.log);
  state.verified = true;
  // Parsed on the first lookup or receipt only (tens of MB for a large draw); the
  // page arranges the strata table from its own parse (`strataOf`), in parallel.
  state.resultFile = files.result;
  state.eligibleFile = files.eligible;
  report.ok = true;
  return { report, state };
}

/**
 * The core's `verifyDraw` on the page's files, its summary or its error. With `roots`
 * (`files => Promise<null | error data>`: the core's `verifyDrawRoots` — plan hash,
 * catalog hash, eligible Merkle root, strata — on another thread), the two halves run
 * side by side, this thread recomputing the draw (`verifyDrawRecomputation`); when both
 * pass, that is `verifyDraw`'s answer (the core's `verify_draw_roots`). When either
 * refuses, or the other thread fails, the one-call `verifyDraw` runs and names the
 * error, so that a refusal reads exactly as it does on one thread (which file, which
 * check).
 */
async function verifyDraw(ssj, files, roots) {
  const args = [
    files.plan, textOf(files.planHash).trim(), files.catalog, files.log,
    textOf(files.logHead).trim(), files.eligible, files.result,
  ];
  if (!roots) return ssj.verifyDraw(...args);
  // Posted (copied) before the long call below starts.
  const other = roots({ plan: files.plan, planHash: args[1], catalog: files.catalog, eligible: files.eligible });
  let here = null;
  try {
    here = ssj.verifyDrawRecomputation(...args);
  } catch {
    here = null;
  }
  const rootsError = await other.catch(() => 'failed');
  if (here && rootsError === null) return here;
  return ssj.verifyDraw(...args);
}

/**
 * The Chinese names the published catalog gives: `{title, items: {id: name},
 * departments: {code: name}}` (empty when the catalog cannot be read; the verdict
 * says why).
 */
export function namesOf(files) {
  const out = { title: null, items: {}, departments: {} };
  if (!files.catalog) return out;
  try {
    const c = JSON.parse(textOf(files.catalog));
    out.title = typeof c.name === 'string' ? c.name : null;
    for (const d of c.departments ?? []) if (d && typeof d.code === 'string') out.departments[d.code] = String(d.name ?? d.code);
    for (const i of c.items ?? []) if (i && typeof i.id === 'string') out.items[i.id] = String(i.name ?? i.id);
  } catch {
    // The verdict names an unreadable catalog.
  }
  return out;
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
 * One enterprise in a verified draw ("why was I (not) picked?"): its ticket, and per
 * item of the draw one finding — `selected` (with the basis: drawn, expansion,
 * substitute), `not_selected`, `replaced` (with the logged reason and substitute),
 * `excluded` (the reason codes of its exclusion commitment, from its receipt checked
 * by the core's `verifyReceipt`), or `not_listed`. `receiptText` is the enterprise's
 * published receipt when the page has it (`null` when it has none; `undefined` when it
 * has no source of receipts at all). `listed` is false for a code that is in neither
 * the eligible list nor an exclusion commitment.
 */
export function lookup(ssj, state, usccText, receiptText) {
  const uscc = ssj.parseUscc(usccText);
  // Parsed on the first lookup only (a 1 M-enterprise list is tens of MB).
  state.eligible ??= parseJson(textOf(state.eligibleFile), 'eligible.json');
  const result = resultOf(state);
  const { eligible } = state;
  const ticket = ssj.ticket(result.seed, result.draw.task_id, uscc);
  const mine = eligible.filter((l) => l.uscc === uscc);
  let receipt = { state: receiptText === undefined ? 'no_source' : 'missing', excluded: [] };
  if (typeof receiptText === 'string') {
    const r = checkReceipt(ssj, state, receiptText);
    receipt = r.ok && r.uscc === uscc
      ? { state: 'verified', excluded: r.excluded }
      : { state: 'invalid', excluded: [], error: r.error ?? { code: 'receipt_invalid', message: 'another enterprise', details: {} } };
  }
  const log = state.log ? parseJson(state.log, 'log.json') : { entries: [] };
  const substitutions = log.entries.map((e) => e.event).filter((e) => e.kind === 'substitution' && e.attempt === result.attempt);
  const items = result.draw.items.map((item) => {
    const leaf = mine.find((l) => l.item_id === item.item_id);
    const stratum = leaf ? item.strata.find((s) => s.key === leaf.stratum_key) : undefined;
    const pick = stratum?.selected.find((p) => p.uscc === uscc);
    const replaced = stratum?.replaced.find((p) => p.uscc === uscc);
    const reasons = receipt.excluded.filter((r) => r.startsWith(`${item.item_id}:`)).map((r) => r.slice(item.item_id.length + 1));
    const event = (pred) => substitutions.find((e) => e.item_id === item.item_id && pred(e));
    let finding = 'not_listed';
    if (pick) finding = 'selected';
    else if (replaced) finding = 'replaced';
    else if (stratum) finding = 'not_selected';
    else if (reasons.length) finding = 'excluded';
    return {
      item_id: item.item_id,
      department: item.department,
      finding,
      eligible: Boolean(stratum),
      stratum: stratum?.key ?? null,
      eligible_count: stratum?.eligible_count ?? null,
      quota: stratum?.quota ?? null,
      drawn: stratum ? stratum.selected.length : null,
      cutoff: stratum?.cutoff ?? null,
      selected: Boolean(pick),
      basis: pick?.basis ?? null,
      replaced: Boolean(replaced),
      // Why it was replaced, or whom it replaced (the log's substitution event).
      substitution: (replaced && event((e) => e.replaced === uscc)) || (pick?.basis === 'substitute' && event((e) => e.substitute === uscc)) || null,
      reasons,
    };
  });
  const listed = mine.length > 0 || receipt.excluded.length > 0;
  return { uscc, name: state.names.get(uscc) ?? null, ticket, items, listed, receipt };
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
