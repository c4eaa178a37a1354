// The verification worker: loads the wasm build once and runs verify.js off the main
// thread, so that the page stays responsive on large rosters.
import { verifyFiles, lookup, checkReceipt, errorData } from './verify.js';
import { loadEngine } from './engine.js';
import { verifyOutcomes, outcomesFor } from './outcomes.js';

const ready = loadEngine();

// A helper worker for the other half of a verification (roots-worker.js: the Merkle
// root and the strata beside this worker's recomputation of the draw). Where the device
// has one core (the halves together are about a fifth more work than one call), the
// page asks for one thread (`?threads=1`), a worker cannot start workers, or the helper
// fails, this worker verifies alone.
const helper = (() => {
  try {
    const cores = self.navigator?.hardwareConcurrency ?? 2;
    const one = new URL(self.location.href).searchParams.get('threads') === '1';
    return typeof Worker === 'function' && cores >= 2 && !one ? new Worker(new URL('./roots-worker.js', import.meta.url), { type: 'module' }) : null;
  } catch {
    return null;
  }
})();
let helperState = null;
const helperReady = new Promise((resolve) => {
  if (!helper) {
    resolve('failed');
    return;
  }
  helper.addEventListener('error', () => resolve('failed'));
  helper.addEventListener('message', (event) => {
    if (event.data.kind === 'engine') resolve(event.data.state);
  });
}).then((s) => {
  helperState = s;
});
let nextRoots = 0;
const rootsWaiting = new Map();
helper?.addEventListener('message', (event) => {
  const w = rootsWaiting.get(event.data.id);
  if (!w) return;
  rootsWaiting.delete(event.data.id);
  w.resolve(event.data.error);
});
helper?.addEventListener('error', () => {
  for (const w of rootsWaiting.values()) w.reject(new Error('helper failed'));
  rootsWaiting.clear();
});
/** `verifyDrawRoots` on the helper: resolves to `null` or the error's data (see verify.js). */
function roots(files) {
  return new Promise((resolve, reject) => {
    const id = nextRoots++;
    rootsWaiting.set(id, { resolve, reject });
    helper.postMessage({ id, files });
  });
}

// Tells the page once the engine (and the helper's) is loaded: from then on
// verification needs no network (the page marks it on <body data-engine="ready">).
ready.then(async () => {
  await helperReady;
  self.postMessage({ kind: 'engine', state: 'ready' });
}, () => self.postMessage({ kind: 'engine', state: 'failed' }));

let state = null;
// Where the enterprises' receipts are: `{base}` (a published folder opened by link:
// receipts/<USCC>.json fetched from the same origin on lookup), `{files: {USCC: File}}`
// (a dropped or picked folder) or null (single files picked: no receipts).
let receipts = null;

/** The receipt text of one enterprise: a string, null (none published) or undefined (no source). */
async function receiptOf(uscc) {
  if (!receipts) return undefined;
  if (receipts.files) {
    const f = receipts.files[uscc];
    return f ? f.text() : null;
  }
  try {
    const r = await fetch(new URL(`receipts/${uscc}.json`, receipts.base));
    return r.ok ? await r.text() : null;
  } catch {
    return undefined;
  }
}

/**
 * The contents of the page's files as bytes: `{slot: Uint8Array | File}` (the roster
 * `{name, bytes}` or a `File`), `File`s read here, in parallel. The binding decodes the
 * published files itself, so no JS string of a 100 MB list is built.
 */
async function readFiles(files, progress) {
  progress('read');
  const slots = Object.keys(files);
  const bytes = async (v) => (v instanceof Blob ? new Uint8Array(await v.arrayBuffer()) : v);
  const contents = await Promise.all(slots.map(async (slot) => {
    const v = files[slot];
    if (slot !== 'roster') return bytes(v);
    return v instanceof Blob ? { name: v.name, bytes: await bytes(v) } : v;
  }));
  return Object.fromEntries(slots.map((slot, k) => [slot, contents[k]]));
}

self.onmessage = async (event) => {
  const { id, kind, payload } = event.data;
  const progress = (stage) => self.postMessage({ id, kind: 'progress', stage });
  try {
    const ssj = await ready;
    if (kind === 'verify') {
      const t0 = performance.now();
      receipts = payload.receipts ?? null;
      delete payload.receipts;
      const files = await readFiles(payload, progress);
      await helperReady;
      const out = await verifyFiles(ssj, files, progress, helperState === 'ready' ? roots : null);
      state = out.state;
      out.report.outcomes = verifyOutcomes(ssj, state, out.report, files);
      out.report.millis = Math.round(performance.now() - t0);
      self.postMessage({ id, kind: 'done', value: out.report });
    } else if (kind === 'lookup') {
      if (!state?.verified) throw Object.assign(new Error('请先验证抽取结果'), { code: 'page_not_verified' });
      const uscc = ssj.parseUscc(payload);
      const value = lookup(ssj, state, uscc, await receiptOf(uscc));
      value.outcomes = outcomesFor(state, uscc);
      self.postMessage({ id, kind: 'done', value });
    } else if (kind === 'receipt') {
      if (!state?.verified) throw Object.assign(new Error('请先验证抽取结果'), { code: 'page_not_verified' });
      self.postMessage({ id, kind: 'done', value: checkReceipt(ssj, state, payload) });
    } else if (kind === 'version') {
      self.postMessage({ id, kind: 'done', value: ssj.version() });
    }
  } catch (err) {
    self.postMessage({ id, kind: 'error', error: errorData(err) });
  }
};
