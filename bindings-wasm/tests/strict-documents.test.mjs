// tests/vectors/documents/strict.json: every entry point that reads a published document
// goes through the core's one strict committed reader (issue #17 items 1-2); the Python
// runner (bindings-python/tests/test_strict_documents.py) expects the same codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ssj from './load.mjs';

const load = (rel) =>
  JSON.parse(readFileSync(new URL(`../../tests/vectors/${rel}`, import.meta.url), 'utf8'));
const C = load('publish/ceremony.json').ceremony;
const CASES = load('documents/strict.json').cases;

function call(entry, docs) {
  switch (entry) {
    case 'verify_plan':
      return ssj.verifyPlan(docs.plan, C.plan_hash);
    case 'verify_draw':
      return ssj.verifyDraw(docs.plan, C.plan_hash, C.catalog, docs.log, C.log_head, C.eligible, C.result);
    case 'verify_log':
      return ssj.verifyLog(docs.plan, docs.log, C.log_head);
    case 'verify_receipt':
      return ssj.verifyReceipt(docs.receipt, docs.plan, C.result);
    default:
      throw new Error(entry);
  }
}

function outcome(entry, c) {
  const docs = { plan: C.plan, log: C.log, receipt: C.receipts[0] };
  docs[c.doc] = 'text' in c ? c.text : new Uint8Array(Buffer.from(c.base64, 'base64'));
  try {
    call(entry, docs);
  } catch (e) {
    assert.ok(e instanceof Error, `${entry}: a real Error`);
    return e.code;
  }
  return null;
}

for (const c of CASES) {
  test(`strict documents: ${c.name}`, () => {
    for (const entry of c.entries) assert.equal(outcome(entry, c), c.code, entry);
  });
}

test('the untouched ceremony verifies through every entry point', () => {
  for (const entry of ['verify_plan', 'verify_draw', 'verify_log', 'verify_receipt']) {
    call(entry, { plan: C.plan, log: C.log, receipt: C.receipts[0] });
  }
});

test('publishDraw and logAppend refuse at the source, naming the field', () => {
  const log = { entries: C.log.entries.slice(0, -1) };
  const code = (f) => {
    try {
      f();
    } catch (e) {
      return [e.code, e.details?.field ?? e.field];
    }
    return null;
  };
  assert.deepEqual(code(() => ssj.publishDraw(C.plan, C.eligible, C.catalog, log, 0, '00'.repeat(32))), [
    'result_mismatch',
    'seed',
  ]);
  assert.deepEqual(code(() => ssj.publishDraw(C.plan, C.eligible, C.catalog, log, 1, C.seed)), [
    'log_order',
    'attempt',
  ]);
  assert.equal(code(() => ssj.logAppend(C.log, C.log.entries.at(-1).event))[0], 'log_order');
});
