// The SIMD build (pkg/web-simd, loaded by the page where the browser has WebAssembly
// SIMD; it hashes four Merkle leaves or nodes at a time) answers exactly as the plain
// build: the publish vectors' ceremony, every tampered case, and the county sample's
// published files (thousands of leaves, every level of the tree) — summaries and error
// codes, fields and details.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import plain from './load.mjs';

/** Canonical JSON text: object keys sorted, no whitespace. */
function canonical(value) {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value).filter((k) => value[k] !== undefined).sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const SIMD_JS = new URL('../pkg/web-simd/shuangsuiji_wasm.js', import.meta.url);
const skip = existsSync(fileURLToPath(SIMD_JS)) ? false : 'no SIMD build (scripts/build-wasm.sh makes it)';
let simd;
if (!skip) {
  simd = await import(SIMD_JS);
  simd.initSync({ module: readFileSync(new URL('../pkg/web-simd/shuangsuiji_wasm_bg.wasm', import.meta.url)) });
}

const PUBLISH = JSON.parse(readFileSync(new URL('../../tests/vectors/publish/ceremony.json', import.meta.url), 'utf8'));
const C = PUBLISH.ceremony;

function outcome(ssj, d) {
  try {
    return { ok: ssj.verifyDraw(d.plan, d.plan_hash, d.catalog, d.log, d.log_head, d.eligible, d.result) };
  } catch (err) {
    return { code: err.code, message: err.message, details: err.details };
  }
}

function applyPatch(d, p) {
  const tokens = p.pointer.split('/').slice(1).map((t) => t.replaceAll('~1', '/').replaceAll('~0', '~'));
  let target = d[p.doc];
  for (const t of tokens.slice(0, -1)) target = target[Array.isArray(target) ? Number(t) : t];
  const last = tokens.at(-1);
  if (p.op === 'replace') target[Array.isArray(target) ? Number(last) : last] = p.value;
  else if (Array.isArray(target)) target.splice(Number(last), 1);
  else delete target[last];
}

test('SIMD build: the publish ceremony and every tampered draw answer as the plain build', { skip }, () => {
  const docs = () => structuredClone({
    plan: C.plan, plan_hash: C.plan_hash, catalog: C.catalog, eligible: C.eligible,
    log: C.log, log_head: C.log_head, result: C.result,
  });
  const ok = outcome(simd, docs());
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.equal(canonical(ok), canonical(outcome(plain, docs())));
  let n = 0;
  for (const c of PUBLISH.tampered.filter((x) => x.verify === 'draw')) {
    const d = docs();
    applyPatch(d, c.patch);
    assert.equal(canonical(outcome(simd, d)), canonical(outcome(plain, d)), c.name);
    n += 1;
  }
  assert.ok(n > 5);
});

const SAMPLE = new URL('../page/sample/', import.meta.url);
const sampleSkip = skip || (existsSync(fileURLToPath(new URL('result.json', SAMPLE))) ? false : 'no page/sample');

test('SIMD build: the county sample verifies as in the plain build, and a reordered or cut list fails alike', { skip: sampleSkip }, () => {
  const text = (f) => readFileSync(new URL(f, SAMPLE), 'utf8');
  const d = {
    plan: text('plan.json'), plan_hash: text('plan.hash').trim(), catalog: text('catalog.json'),
    log: text('log.json'), log_head: text('log.head').trim(), eligible: text('eligible.json'), result: text('result.json'),
  };
  const ok = outcome(simd, d);
  assert.ok(ok.ok, JSON.stringify(ok));
  assert.equal(canonical(ok), canonical(outcome(plain, d)));
  const leaves = JSON.parse(d.eligible);
  assert.ok(leaves.length > 1000);
  for (const change of [
    (l) => l.reverse(),
    (l) => l.splice(l.length - 3, 1),
    (l) => l.splice(7, 1),
    (l) => { l[l.length - 1].stratum_key = `${l[l.length - 1].stratum_key}x`; },
    (l) => l.push(l[5]),
  ]) {
    const changed = structuredClone(leaves);
    change(changed);
    const e = { ...d, eligible: JSON.stringify(changed) };
    assert.equal(canonical(outcome(simd, e)), canonical(outcome(plain, e)), String(change));
  }
});
