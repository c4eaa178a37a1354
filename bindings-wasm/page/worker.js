// The verification worker: loads the wasm build once and runs verify.js off the main
// thread, so that the page stays responsive on large rosters.
import { verifyFiles, lookup, checkReceipt, errorData } from './verify.js';
import { warmUp } from './warmup.js';
import { verifyOutcomes, outcomesFor } from './outcomes.js';

// WebAssembly SIMD (a module computing i8x16.popcnt validates): then the build that
// hashes four Merkle nodes at a time, else the plain one. Same exports, same answers.
const SIMD = WebAssembly.validate(new Uint8Array([
  0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11,
]));
const ready = import(SIMD ? './pkg-simd/shuangsuiji_wasm.js' : './pkg/shuangsuiji_wasm.js').then(async (ssj) => {
  await ssj.default();
  try {
    warmUp(ssj);
  } catch {
    // Only a warm-up: a real verification reports its own errors.
  }
  return ssj;
});
// Tells the page once the engine is loaded: from then on verification needs no network
// (the page marks it on <body data-engine="ready">).
ready.then(() => self.postMessage({ kind: 'engine', state: 'ready' }), () => self.postMessage({ kind: 'engine', state: 'failed' }));

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
      const out = verifyFiles(ssj, files, progress);
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
