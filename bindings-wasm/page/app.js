// The page: files in, worker call, verdict out. No verification logic here (verify.js).
import { TEXT } from './i18n.js';

const $ = (id) => document.getElementById(id);
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh';
const t = () => TEXT[lang];

// ---- worker ----------------------------------------------------------------------------
const worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
let nextId = 0;
const pending = new Map();
worker.onmessage = (event) => {
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

// ---- files -----------------------------------------------------------------------------
const files = {}; // slot -> File
const SLOTS = ['input', 'result', 'plan', 'log', 'roster'];

function slotOf(name) {
  const n = name.toLowerCase();
  if (/\.(csv|xlsx)$/.test(n) || /roster|enterprise|名录|企业/.test(n)) return 'roster';
  if (/log|日志/.test(n)) return 'log';
  if (/plan|方案/.test(n)) return 'plan';
  if (/input|输入/.test(n)) return 'input';
  if (/result|结果/.test(n)) return 'result';
  return null;
}

function showLoaded() {
  $('loaded').textContent = SLOTS.filter((s) => files[s]).map((s) => `${s}: ${files[s].name}`).join(' · ');
}

for (const s of SLOTS) {
  $(`f-${s}`).addEventListener('change', (e) => {
    if (e.target.files[0]) files[s] = e.target.files[0];
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
    if (s) files[s] = f;
  }
  showLoaded();
});

$('sample').addEventListener('click', async () => {
  for (const [slot, name] of [['input', 'draw-input.json'], ['result', 'draw-result.json'], ['roster', 'enterprises-gbk.csv']]) {
    const r = await fetch(`sample/${name}`);
    files[slot] = new File([await r.blob()], name);
  }
  showLoaded();
});

// ---- verify ----------------------------------------------------------------------------
let lastReport = null;

$('verify').addEventListener('click', async () => {
  if (!files.input || !files.result) {
    renderError({ code: 'page_files_missing', message: lang === 'zh' ? '请加载抽取输入和抽取结果' : 'Load the draw input and the draw result', details: {} });
    return;
  }
  const payload = {
    input: await files.input.text(),
    result: await files.result.text(),
    plan: files.plan ? await files.plan.text() : undefined,
    log: files.log ? await files.log.text() : undefined,
    head: $('head').value.trim() || undefined,
  };
  const transfer = [];
  if (files.roster) {
    const bytes = new Uint8Array(await files.roster.arrayBuffer());
    payload.roster = { name: files.roster.name, bytes };
    transfer.push(bytes.buffer);
  }
  $('progress').hidden = false;
  $('verify').disabled = true;
  try {
    lastReport = await call('verify', payload, (stage) => { $('stage').textContent = t().progress[stage] ?? stage; }, transfer);
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
  $('detail').textContent = r.mismatch ? t().mismatch(r.mismatch) : r.error ? t().error(r.error) : '';
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
    for (const [v, mono] of [[s.item_id], [s.department], [s.key], [s.eligible_count], [s.quota ?? s.ratio], [cut, true], [s.selected]]) {
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

// ---- language --------------------------------------------------------------------------
function applyLanguage() {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t().title;
  for (const el of document.querySelectorAll('[data-t]')) el.textContent = t()[el.dataset.t];
  $('lang').textContent = t().lang;
  renderReport();
  renderLookup();
}
$('lang').addEventListener('click', () => { lang = lang === 'zh' ? 'en' : 'zh'; applyLanguage(); });
applyLanguage();
document.body.dataset.ready = 'true';
