// The page verifies a draw in two halves on two threads (verify.js `verifyDraw` with
// `roots`: the core's verifyDrawRoots beside verifyDrawRecomputation, the one-call
// verifyDraw naming any refusal). Its report must be the one-thread report exactly:
// the publish vectors' ceremonies and every tampered draw (same checks, same error,
// same file and kind), a file that is not JSON, and a helper that fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ssj from './load.mjs';
import { verifyFiles } from '../page/verify.js';

const bytes = (v) => new TextEncoder().encode(JSON.stringify(v));

/** The page's files of a vector's documents (as bytes, as the worker gets them). */
function filesOf(d) {
  return {
    plan: bytes(d.plan), planHash: `${d.plan_hash}\n`, log: bytes(d.log), logHead: `${d.log_head}\n`,
    result: bytes(d.result), eligible: bytes(d.eligible), catalog: bytes(d.catalog),
  };
}

/** Applies a vector's patch `{doc, op, pointer, value}` to a copy of the documents. */
function patched(c, p) {
  const d = structuredClone(c);
  if (p.pointer === '') {
    d[p.doc] = p.value;
    return d;
  }
  const keys = p.pointer.split('/').slice(1);
  const last = keys.pop();
  let target = d[p.doc];
  for (const k of keys) target = target[k];
  if (p.op === 'replace') target[last] = p.value;
  else if (Array.isArray(target)) target.splice(Number(last), 1);
  else delete target[last];
  return d;
}

/** The helper's half run here, asynchronously, as the helper worker answers it. */
const roots = async (f) => {
  try {
    ssj.verifyDrawRoots(f.plan, f.planHash, f.catalog, f.eligible);
    return null;
  } catch (err) {
    return { code: err.code, details: err.details };
  }
};

async function same(files, name) {
  const one = await verifyFiles(ssj, files);
  const two = await verifyFiles(ssj, files, () => {}, roots);
  assert.deepEqual(two.report, one.report, name);
  return one.report;
}

for (const file of ['ceremony.json', 'revision.json']) {
  const v = JSON.parse(readFileSync(new URL(`../../tests/vectors/publish/${file}`, import.meta.url), 'utf8'));
  test(`${file}: two threads report as one`, async () => {
    assert.equal((await same(filesOf(v.ceremony), 'ceremony')).ok, true);
    let refused = 0;
    for (const t of v.tampered.filter((c) => c.verify === 'draw')) {
      const r = await same(filesOf(patched(v.ceremony, t.patch)), t.name);
      assert.equal(r.ok, false, t.name);
      assert.equal(r.error.code, t.code, t.name);
      refused += 1;
    }
    assert.ok(refused >= 8, `${refused} tampered draws`);
  });
}

test('a file that is not JSON, and a helper that fails: the one-thread report', async () => {
  const v = JSON.parse(readFileSync(new URL('../../tests/vectors/publish/ceremony.json', import.meta.url), 'utf8'));
  const files = filesOf(v.ceremony);
  const broken = { ...files, eligible: new TextEncoder().encode('[{"uscc": ') };
  assert.equal((await same(broken, 'eligible not JSON')).ok, false);
  const one = await verifyFiles(ssj, files);
  const failing = await verifyFiles(ssj, files, () => {}, () => Promise.reject(new Error('helper gone')));
  assert.deepEqual(failing.report, one.report);
  assert.equal(one.report.ok, true);
});
