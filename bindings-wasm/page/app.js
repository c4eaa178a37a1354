// The page: files in, worker call, verdict out. No verification logic here (verify.js).
import { TEXT } from './i18n.js';

const $ = (id) => document.getElementById(id);
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const t = () => TEXT[lang];

// ---- worker ----------------------------------------------------------------------------
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
// A second thread for the strata table: it parses the result file in parallel.
const strataWorker = new Worker(new URL('./strata-worker.js', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map();
strataWorker.onmessage = worker.onmessage = (event) => {
  const { id, kind } = event.data;
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
function choose(slot, file) {
  files[slot] = file;
  contents[slot] = file.arrayBuffer();
  contents[slot].catch(() => {}); // a failed read is read again (and reported) on verify
}
const SLOTS = ['plan', 'planHash', 'log', 'logHead', 'result', 'eligible', 'catalog', 'roster'];

function slotOf(name) {
  const n = name.toLowerCase();
  if (/\.(csv|xlsx)$/.test(n) || /roster|enterprise|名录|企业/.test(n)) return 'roster';
  if (n.endsWith('.hash')) return 'planHash';
  if (n.endsWith('.head')) return 'logHead';
  if (/log|日志/.test(n)) return 'log';
  if (/plan|方案/.test(n)) return 'plan';
  if (/eligible|名单/.test(n)) return 'eligible';
  if (/catalog|事项/.test(n)) return 'catalog';
  if (/result|结果/.test(n)) return 'result';
  return null;
}

function showLoaded() {
  $('loaded').textContent = SLOTS.filter((s) => files[s]).map((s) => `${s}: ${files[s].name}`).join(' · ');
}

for (const s of SLOTS) {
  $(`f-${s}`).addEventListener('change', (e) => {
    if (e.target.files[0]) choose(s, e.target.files[0]);
    showLoaded();
  });
}
const drop = $('drop');
drop.addEventListener('dragover', (e) => { e.preventDefault(); drop.classList.add('over'); });
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (e) => {
  e.preventDefault();
  drop.classList.remove('over');
  for (const f of e.dataTransfer.files) {
    const s = slotOf(f.name);
    if (s) choose(s, f);
  }
  showLoaded();
});

const SAMPLE = [['plan', 'plan.json'], ['planHash', 'plan.hash'], ['log', 'log.json'], ['logHead', 'log.head'],
  ['result', 'result.json'], ['eligible', 'eligible.json'], ['catalog', 'catalog.json']];
$('sample').addEventListener('click', async () => {
  for (const [slot, name] of SAMPLE) {
    const r = await fetch(`sample/${name}`);
    choose(slot, new File([await r.blob()], name));
  }
  showLoaded();
});

// ---- verify ----------------------------------------------------------------------------
let lastReport = null;

$('verify').addEventListener('click', async () => {
  // The contents go to the worker as bytes, moved rather than copied (the binding
  // decodes them itself); a file whose read has not been started or failed is read now.
  $('progress').hidden = false;
  $('verify').disabled = true;
  const payload = {};
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
});

function renderError(e) {
  lastReport = null;
  $('outcome').hidden = false;
  $('verdict').className = 'bad';
  $('verdict').textContent = t().bad;
  $('detail').textContent = t().error(e);
  $('checks').replaceChildren();
  $('summary').textContent = '';
  document.querySelector('#strata tbody').replaceChildren();
}

function renderReport() {
  const r = lastReport;
  if (!r) return;
  $('outcome').hidden = false;
  $('verdict').className = r.ok ? 'ok' : 'bad';
  $('verdict').textContent = r.ok ? t().ok : t().bad;
  $('detail').textContent = r.error?.step === 'draw' ? `${t().mismatch(r.error)} ${r.error.message}` : r.error ? t().error(r.error) : '';
  $('checks').replaceChildren(...r.checks.map((c) => {
    const li = document.createElement('li');
    li.className = c.ok ? 'ok' : 'bad';
    li.textContent = t().checks[c.id] ?? c.id;
    if (!c.ok && c.error) li.textContent += ` — ${t().error({ message: '', ...c.error })}`;
    return li;
  }));
  $('summary').textContent = r.summary ? t().summary(r.summary, r.millis) : '';
  const head = document.querySelector('#strata thead tr');
  head.replaceChildren(...t().cols.map((c) => Object.assign(document.createElement('th'), { textContent: c })));
  document.querySelector('#strata tbody').replaceChildren(...r.strata.map((s) => {
    const tr = document.createElement('tr');
    const cut = s.cutoff ? `${s.cutoff.ticket}, ${s.cutoff.uscc}` : '—';
    for (const [v, mono] of [[s.item_id], [s.department], [s.key], [s.eligible_count], [s.quota], [cut, true], [s.selected]]) {
      tr.append(Object.assign(document.createElement('td'), { textContent: String(v), className: mono ? 'mono' : '' }));
    }
    return tr;
  }));
}

// ---- lookup ----------------------------------------------------------------------------
let lastLookup = null;

$('find').addEventListener('click', async () => {
  try {
    lastLookup = await call('lookup', $('uscc').value);
    renderLookup();
  } catch (e) {
    lastLookup = null;
    $('enterprise').textContent = e.code === 'page_not_verified' ? t().needVerify : t().error(e);
  }
});
$('uscc').addEventListener('keydown', (e) => { if (e.key === 'Enter') $('find').click(); });

function renderLookup() {
  const l = lastLookup;
  if (!l) return;
  const box = $('enterprise');
  const head = document.createElement('p');
  head.innerHTML = '';
  head.append(`${l.uscc}${l.name ? ` ${l.name}` : ''} — ${t().ticket} `, Object.assign(document.createElement('span'), { className: 'mono', textContent: l.ticket }));
  const list = document.createElement('ul');
  for (const it of l.items) {
    const li = document.createElement('li');
    li.dataset.item = it.item_id;
    const verdict = document.createElement('span');
    verdict.className = 'verdict';
    verdict.dataset.selected = String(it.selected);
    if (!it.eligible) verdict.textContent = t().notEligible;
    else if (it.selected) verdict.textContent = t().selected(it.basis);
    else verdict.textContent = it.replaced ? t().replaced : t().notSelected;
    li.append(`${it.item_id}（${it.department}）: `, verdict);
    if (it.eligible) {
      const cut = it.cutoff ? `${it.cutoff.ticket}, ${it.cutoff.uscc}` : '—';
      li.append(` — ${lang === 'zh' ? '分层' : 'stratum'} ${it.stratum}, N = ${it.eligible_count}, ${lang === 'zh' ? '截止号' : 'cut-off'} `,
        Object.assign(document.createElement('span'), { className: 'mono', textContent: cut }));
    }
    list.append(li);
  }
  box.replaceChildren(head, list);
}

// ---- receipt ---------------------------------------------------------------------------
let lastReceipt = null;

$('check-receipt').addEventListener('click', async () => {
  const file = $('f-receipt').files[0];
  if (!file) return;
  try {
    lastReceipt = await call('receipt', await file.text());
    renderReceipt();
  } catch (e) {
    lastReceipt = null;
    $('receipt-out').textContent = e.code === 'page_not_verified' ? t().needVerify : t().error(e);
  }
});

function renderReceipt() {
  const r = lastReceipt;
  if (!r) return;
  const verdict = document.createElement('p');
  verdict.id = 'receipt-verdict';
  verdict.className = r.ok ? 'ok' : 'bad';
  verdict.textContent = r.ok ? t().receiptOk : `${t().receiptBad}: ${t().error(r.error)}`;
  const head = document.createElement('p');
  head.append(`${r.uscc ?? ''} — ${t().ticket} `, Object.assign(document.createElement('span'), { className: 'mono', textContent: r.ticket ?? '—' }));
  const list = document.createElement('ul');
  for (const it of r.items) {
    const li = document.createElement('li');
    li.dataset.item = it.item_id;
    const v = document.createElement('span');
    v.className = 'verdict';
    v.dataset.selected = String(it.selected);
    v.textContent = it.selected ? t().receiptSelected : t().notSelected;
    const cut = it.cutoff ? `${it.cutoff.ticket}, ${it.cutoff.uscc}` : '—';
    li.append(`${it.item_id}: `, v, ` — ${t().stratum} ${it.stratum}, ${t().cutoff} `,
      Object.assign(document.createElement('span'), { className: 'mono', textContent: cut }));
    list.append(li);
  }
  if (r.excluded.length) list.append(Object.assign(document.createElement('li'), { textContent: `${t().excluded}: ${r.excluded.join(', ')}` }));
  $('receipt-out').replaceChildren(verdict, head, list);
}

// ---- language --------------------------------------------------------------------------
function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t().title;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t()[el.dataset.t];
  $('lang').textContent = t().lang;
  renderReport();
  renderLookup();
  renderReceipt();
}
$('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); });
applyLanguage();
document.body.dataset.ready = 'true';
