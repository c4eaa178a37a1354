// The page: files in, worker call, verdict out. No verification logic here (verify.js).
import { TEXT, OUTCOME_TEXT } from './i18n.js';
import { outcomesNote, outcomesBlock } from './outcomes-view.js';
import { tagNote, tagReason } from './tags.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
let lang = params.get('lang') === 'en' ? 'en' : 'zh';
const t = () => TEXT[lang];
const el = (tag, props = {}, ...children) => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
};
/** A 「技术细节」 fold: codes, paths, hex tickets and hashes for those who want them. */
const tech = (text) => el('details', { className: 'tech' }, el('summary', { textContent: t().tech }), el('p', { className: 'mono', textContent: text }));
/** What the published-results view needs (outcomes-view.js). */
const outcomeCtx = () => ({ text: OUTCOME_TEXT[lang], el, tech, names: lastReport?.names });

// ---- worker ----------------------------------------------------------------------------
// `?threads=1` verifies on one thread (for measuring the two halves against one call).
const worker = new Worker(new URL(params.get('threads') === '1' ? './worker.js?threads=1' : './worker.js', import.meta.url), { type: 'module' });
// A second thread for the strata table: it parses the result file in parallel.
const strataWorker = new Worker(new URL('./strata-worker.js', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map();
strataWorker.onmessage = worker.onmessage = (event) => {
  const { id, kind } = event.data;
  if (kind === 'engine') {
    document.body.dataset.engine = event.data.state;
    return;
  }
  const p = pending.get(id);
  if (!p) return;
  if (kind === 'progress') p.progress?.(event.data.stage);
  else {
    pending.delete(id);
    if (kind === 'done') p.resolve(event.data.value);
    else p.reject(event.data.error);
  }
};
function call(kind, payload, progress, transfer = []) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, progress });
    worker.postMessage({ id, kind, payload }, transfer);
  });
}
function strataRows(file) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    strataWorker.postMessage({ id, file });
  });
}

// ---- files -----------------------------------------------------------------------------
const files = {}; // slot -> File
// slot -> Promise<ArrayBuffer>: a chosen file's content, read from the moment it is
// chosen (the reader picks the other files meanwhile); used by the next verification.
const contents = {};
// Where the receipts are: {files: {USCC: File}} of a dropped/picked folder, or {base}
// of a folder opened by link (fetched on lookup), or null.
let receipts = null;
function choose(slot, file) {
  files[slot] = file;
  contents[slot] = file.arrayBuffer();
  contents[slot].catch(() => {}); // a failed read is read again (and reported) on verify
}
const SLOTS = ['plan', 'planHash', 'log', 'logHead', 'result', 'eligible', 'catalog', 'roster', 'outcomes', 'disclosure'];
const PUBLISHED = {
  'plan.json': 'plan', 'plan.hash': 'planHash', 'log.json': 'log', 'log.head': 'logHead',
  'result.json': 'result', 'eligible.json': 'eligible', 'catalog.json': 'catalog',
  'outcomes.json': 'outcomes', 'disclosure.json': 'disclosure',
};

/** The slot of a file by its name: the published names exactly first, then patterns. */
function slotOf(path) {
  const n = path.split('/').pop().toLowerCase();
  if (PUBLISHED[n]) return PUBLISHED[n];
  // receipts/<USCC>.json: 18 characters of the GB 32100 alphabet.
  if (/^[0-9a-hj-npqrtuwxy]{18}\.json$/.test(n)) return 'receipt';
  // The published results (the 公示 list's CSV and xlsx copies are for people: not read).
  if (/disclosure|公示/.test(n)) return n.endsWith('.json') ? 'disclosure' : null;
  if (/outcome|检查结果/.test(n) && n.endsWith('.json')) return 'outcomes';
  if (/\.(csv|xlsx)$/.test(n) || /roster|enterprise|名录|企业/.test(n)) return 'roster';
  if (n.endsWith('.hash')) return 'planHash';
  if (n.endsWith('.head')) return 'logHead';
  // catalog before log: "catalog" contains "log".
  if (/catalog|事项/.test(n)) return 'catalog';
  if (/eligible|名单/.test(n)) return 'eligible';
  if (/result|结果/.test(n)) return 'result';
  if (/plan|方案/.test(n)) return 'plan';
  if (/^log|[^a-z]log|日志/.test(n)) return 'log';
  return null;
}

/** Takes a set of files (a dropped or picked folder, or several files). */
function addFiles(list) {
  const found = {};
  let published = false;
  for (const f of list) {
    const s = slotOf(f.webkitRelativePath || f.name);
    if (s === 'receipt') found[f.name.slice(0, 18).toUpperCase()] = f;
    else if (s) choose(s, f);
    published ||= Boolean(s && s !== 'receipt' && s !== 'roster');
  }
  // New published files without receipts: the receipts of an earlier set no longer apply.
  if (Object.keys(found).length) receipts = { files: found };
  else if (published) receipts = null;
  showLoaded();
}

function showLoaded() {
  const n = SLOTS.filter((s) => s !== 'roster' && files[s]).length;
  const r = receipts?.files ? Object.keys(receipts.files).length : 0;
  $('loaded').textContent = t().loaded(n, r, SLOTS.filter((s) => files[s]).map((s) => files[s].name).join(' · '));
}

for (const s of SLOTS) {
  $(`f-${s}`).addEventListener('change', (e) => {
    if (e.target.files[0]) choose(s, e.target.files[0]);
    showLoaded();
  });
}
$('f-folder').addEventListener('change', (e) => addFiles([...e.target.files]));

/** Every file under a dropped entry (a folder is read recursively). */
async function filesOf(entry, out) {
  if (entry.isFile) {
    out.push(await new Promise((resolve, reject) => entry.file(resolve, reject)));
  } else if (entry.isDirectory) {
    const reader = entry.createReader();
    for (;;) {
      const batch = await new Promise((resolve, reject) => reader.readEntries(resolve, reject));
      if (!batch.length) break;
      for (const e of batch) await filesOf(e, out);
    }
  }
}
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', async (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  // Entries must be taken during the event; a dropped folder is read afterwards.
  const entries = [...e.dataTransfer.items].map((i) => i.webkitGetAsEntry?.() ?? null);
  const plain = [...e.dataTransfer.files];
  if (!entries.some((x) => x?.isDirectory)) {
    addFiles(plain);
    return;
  }
  const out = [];
  for (const [k, entry] of entries.entries()) {
    if (entry) await filesOf(entry, out);
    else if (plain[k]) out.push(plain[k]);
  }
  addFiles(out);
});

/**
 * Opens a published folder of the same origin (`?task=<path>`, or the sample): fetches
 * the seven files; the receipts are fetched on lookup. Refuses another origin.
 */
async function openFolder(path) {
  const base = new URL(path.endsWith('/') ? path : `${path}/`, location.href);
  if (base.origin !== location.origin) {
    throw { code: 'page_link_origin', family: 'page', message: base.href, details: { field: 'task' } };
  }
  $('stage').textContent = t().progress.fetch;
  const got = await Promise.all(Object.entries(PUBLISHED).map(async ([name, slot]) => {
    try {
      const r = await fetch(new URL(name, base));
      return r.ok ? [slot, new File([await r.blob()], name)] : [slot, null];
    } catch {
      return [slot, null];
    }
  }));
  for (const s of Object.values(PUBLISHED)) delete files[s];
  for (const [slot, f] of got) if (f) choose(slot, f);
  receipts = { base: base.href };
  showLoaded();
}

$('sample').addEventListener('click', async () => {
  await openFolder('sample/');
  $('stage').textContent = '';
});

// ---- verify ----------------------------------------------------------------------------
let lastReport = null;

async function runVerify() {
  // The contents go to the worker as bytes, moved rather than copied (the binding
  // decodes them itself); a file whose read has not been started or failed is read now.
  $('progress').hidden = false;
  $('verify').disabled = true;
  const payload = { receipts };
  const transfer = [];
  try {
    for (const slot of SLOTS) {
      if (!files[slot]) continue;
      const buffer = await (contents[slot] ?? Promise.reject(new Error('not read'))).catch(() => files[slot].arrayBuffer());
      delete contents[slot]; // moved to the worker below: the next verification reads again
      const bytes = new Uint8Array(buffer);
      payload[slot] = slot === 'roster' ? { name: files[slot].name, bytes } : bytes;
      transfer.push(buffer);
    }
    // The strata table's parse starts once the files are read (not to slow the reading).
    let rows = null;
    lastReport = await call('verify', payload, (stage) => {
      $('stage').textContent = t().progress[stage] ?? stage;
      if (stage !== 'read' && !rows && files.result) rows = strataRows(files.result).catch(() => []);
    }, transfer);
    if (lastReport.summary) lastReport.strata = (await rows) ?? [];
    renderReport();
  } catch (e) {
    renderError(e);
  } finally {
    $('progress').hidden = true;
    $('stage').textContent = '';
    $('verify').disabled = false;
  }
}
$('verify').addEventListener('click', runVerify);

function renderError(e) {
  lastReport = { ok: false, checks: [], strata: [], summary: null, error: e, names: null, roster: null };
  renderReport();
}

function renderReport() {
  const r = lastReport;
  if (!r) return;
  $('outcome').hidden = false;
  $('verdict').className = r.ok ? 'ok' : 'bad';
  $('verdict').textContent = r.ok ? t().ok : t().bad;
  $('meaning').replaceChildren(r.ok ? t().okMeaning : t().badMeaning, ' ', el('a', { href: '#how', textContent: t().how }));
  $('checks').replaceChildren(...r.checks.map((c) => {
    const li = el('li', { className: c.state });
    li.dataset.check = c.id;
    li.textContent = (c.state === 'bad' ? t().checksBad : t().checks)[c.id] ?? c.id;
    if (c.state === 'skipped') li.textContent += `（${t().skipped}）`;
    return li;
  }));
  // The first failure as a sentence; its code and path in the technical details.
  const bad = r.checks.find((c) => c.state === 'bad');
  if (bad) $('detail').replaceChildren(el('p', { className: 'why', textContent: t().why(bad.why, bad.error, r.names) }), tech(t().techError(bad.error)));
  else if (r.error && !r.ok) {
    const why = r.error.code === 'page_link_origin' ? t().linkOrigin : `${t().bad}。`;
    $('detail').replaceChildren(el('p', { className: 'why', textContent: why }), tech(t().techError(r.error)));
  }
  else $('detail').replaceChildren();
  $('summary').replaceChildren(...(r.summary ? [el('p', { textContent: t().summary(r.summary, r.names) }), tech(t().summaryTech(r.summary, r.millis))] : []));
  $('roster-note').textContent = r.roster ? t().rosterNote(r.roster) : '';
  $('outcomes-note').replaceChildren(...outcomesNote(r.outcomes, outcomeCtx()));
  // The strata table, folded: on a phone the lookup comes first.
  $('strata-section').hidden = !r.strata.length;
  $('strata-title').textContent = t().strata(r.strata.length);
  $('strata').querySelector('thead tr').replaceChildren(...t().cols.map((c) => el('th', { textContent: c })));
  $('strata').querySelector('tbody').replaceChildren(...r.strata.map((s) => {
    const tr = el('tr');
    tr.dataset.item = s.item_id;
    tr.dataset.stratum = s.key;
    const cut = s.cutoff ? `${s.cutoff.ticket}, ${s.cutoff.uscc}` : '—';
    const cells = [[r.names?.items?.[s.item_id] ?? s.item_id], [r.names?.departments?.[s.department] ?? s.department],
      [t().stratumName(s.key)], [s.eligible_count], [s.quota ?? '—'], [s.selected], [cut, true]];
    for (const [v, mono] of cells) tr.append(el('td', { textContent: String(v), className: mono ? 'mono' : '' }));
    return tr;
  }));
}

// ---- lookup ----------------------------------------------------------------------------
let lastLookup = null;
let lookupError = null;

$('find').addEventListener('click', async () => {
  try {
    // Spaces and dashes people paste with a code are not part of it.
    lastLookup = await call('lookup', $('uscc').value.replace(/[\s-]+/g, ''));
    lookupError = null;
  } catch (e) {
    lastLookup = null;
    lookupError = e;
  }
  renderLookup();
});
$('uscc').addEventListener('keydown', (e) => { if (e.key === 'Enter') $('find').click(); });

function renderLookup() {
  const box = $('enterprise');
  if (lookupError) {
    const e = lookupError;
    const text = e.code === 'page_not_verified' ? t().needVerify : e.code?.startsWith('uscc_') ? t().badUscc(e) : t().techError(e);
    box.replaceChildren(el('p', { className: 'why', textContent: text }), tech(t().techError(e)));
    return;
  }
  const l = lastLookup;
  if (!l) return;
  const names = lastReport?.names;
  box.dataset.listed = String(l.listed);
  const head = el('p', { className: 'who' }, el('strong', { textContent: l.name ?? l.uscc }), l.name ? ` ${l.uscc}` : '');
  if (!l.listed) {
    const why = l.receipt.state === 'invalid' ? t().receiptBadLookup : l.receipt.state === 'no_source' ? t().noReceiptSource : t().notListed;
    box.replaceChildren(head, el('p', { className: 'verdict not-listed', textContent: why }), tech(t().lookupTech(l)));
    return;
  }
  const list = el('ul', { className: 'findings' });
  let previous = null;
  for (const it of l.items) {
    const li = el('li');
    li.dataset.item = it.item_id;
    li.dataset.finding = it.finding;
    // The same exclusion reasons as the item before: said once ("原因同上").
    const reasons = it.finding === 'excluded' ? it.reasons.join() : null;
    const same = reasons !== null && reasons === previous;
    previous = reasons;
    const moved = tagNote(it, lang); // which tag moved it (tags.js), null if none
    const verdict = el('span', { className: 'verdict', textContent: same ? t().sameReasons : moved?.replacesVerdict ? moved.text : t().finding(it, l) });
    verdict.dataset.selected = String(it.selected);
    const note = moved && !moved.replacesVerdict ? [el('span', { className: 'tag-note', textContent: moved.text })] : [];
    li.append(el('strong', { textContent: t().item(it, names) }), '：', verdict, ...note, tech(t().itemTech(it) + (moved ? `；${moved.tech}` : '')));
    list.append(li);
  }
  box.replaceChildren(head, list, tech(t().lookupTech(l)));
  box.append(...outcomesBlock(l.outcomes, l.items.some((it) => it.selected), outcomeCtx()));
}

// ---- receipt ---------------------------------------------------------------------------
let lastReceipt = null;

$('check-receipt').addEventListener('click', async () => {
  const file = $('f-receipt').files[0];
  if (!file) return;
  try {
    lastReceipt = await call('receipt', await file.text());
  } catch (e) {
    lastReceipt = { ok: false, items: [], excluded: [], error: e };
  }
  renderReceipt();
});

function renderReceipt() {
  const r = lastReceipt;
  if (!r) return;
  const names = lastReport?.names;
  const verdict = el('div', { id: 'receipt-verdict', className: r.ok ? 'ok' : 'bad' });
  if (r.ok) verdict.textContent = t().receiptOk;
  else if (r.error?.code === 'page_not_verified') verdict.textContent = t().needVerify;
  else verdict.append(el('p', { textContent: t().receiptBad }), tech(t().techError(r.error)));
  const out = [verdict];
  if (r.uscc) out.push(el('p', {}, `${r.uscc}`, tech(`${t().ticket} ${r.ticket ?? '—'}`)));
  const list = el('ul');
  for (const it of r.items) {
    const li = el('li');
    li.dataset.item = it.item_id;
    const v = el('span', { className: 'verdict', textContent: it.selected ? t().receiptSelected : t().notSelected });
    v.dataset.selected = String(it.selected);
    const cut = it.cutoff ? `${it.cutoff.ticket}, ${it.cutoff.uscc}` : '—';
    li.append(el('strong', { textContent: names?.items?.[it.item_id] ?? it.item_id }), `（${t().stratumName(it.stratum)}）：`, v,
      tech(`${t().stratum} ${it.stratum}, ${t().cutoff} ${cut}`));
    list.append(li);
  }
  for (const x of r.excluded) {
    const { item, text } = tagReason(x, lang) ?? t().reason(x);
    list.append(el('li', {}, el('strong', { textContent: names?.items?.[item] ?? item }), `：${t().excluded}：${text}`));
  }
  out.push(list);
  $('receipt-out').replaceChildren(...out);
}

// ---- language --------------------------------------------------------------------------
function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t().title;
  for (const e of document.querySelectorAll('[data-t]')) e.textContent = t()[e.dataset.t];
  $('how-text').replaceChildren(...t().howText.map((p) => el('p', { textContent: p })));
  $('lang').textContent = t().lang;
  if (Object.keys(files).length) showLoaded();
  renderReport();
  renderLookup();
  renderReceipt();
}
$('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); });
applyLanguage();

// Opened by link: ?task=<path of a published folder on this origin>, verified at once;
// with &uscc=<code> (the link on an enterprise's service card) its answer is looked up.
const task = params.get('task');
if (task) {
  openFolder(task).then(runVerify, (e) => renderError(e)).then(async () => {
    if (params.get('uscc') && lastReport?.ok) {
      $('uscc').value = params.get('uscc');
      $('find').click();
      await new Promise((resolve) => { new MutationObserver((_, o) => { o.disconnect(); resolve(); }).observe($('enterprise'), { childList: true }); });
      $('lookup').scrollIntoView();
    }
  }).finally(() => { document.body.dataset.task = 'done'; });
}
document.body.dataset.ready = 'true';
