// The JS surface agrees with the core's operation table (shuangsuiji::ops::OPERATION_TABLE):
// every operation the bindings offer (`bound`) is an export under its JS name (the same
// words as the table's snake_case name, in camelCase) taking the table's parameters in
// its order, and a document with several faults reports the same first error through
// the export as through runOperation. bindings-python/tests/test_surfaces.py checks the
// Python functions against the same table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ssj from './load.mjs';

// Operations reached through runOperation only, each with its reason.
const UNBOUND = {
  parse_uscc: 'parseUscc returns the canonical USCC string; the table answers {uscc, division_code}',
  'validate:<kind>': 'one function for every kind: validate(kind, value), a table operation',
  read_enterprises: 'readEnterprises returns the roster; the table answers {records: n}',
  read_inspectors: 'readInspectors returns the inspectors; the table answers {records: n}',
  read_history: 'readHistory returns the records; the table answers {records: n}',
  read_catalog: 'the table answers {items: n}; loadCatalog reads a catalog',
};

// Old names: each now calls the table's function (console.warn once, goes away in 0.3.0).
const DEPRECATED = {
  leniency: 'decide',
  dayStatus: 'calendarStatus',
  assessCreditRepair: 'creditRepairAssess',
  assessListRemoval: 'listRemovalAssess',
  partyCommitment: 'commitment',
  validateBeacon: 'beaconValidate',
  canonicalizeBeacon: 'beaconCanonicalize',
  validateBeaconSpec: 'beaconSpec',
  canonicalPlanJson: 'planCanonicalJson',
};

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());
const caught = (f) => { try { f(); } catch (e) { return [e.code, e.details?.field]; } return undefined; };

test('every bound operation is an export with the table\'s parameters, in order', () => {
  const ops = ssj.operations();
  assert.deepEqual(ops.filter((o) => !o.bound).map((o) => o.name).sort(), Object.keys(UNBOUND).sort());
  const differences = [];
  for (const op of ops.filter((o) => o.bound)) {
    assert.equal(op.jsName, camel(op.name));
    const f = ssj[op.jsName];
    assert.equal(typeof f, 'function', `no export ${op.jsName}`);
    // wasm-bindgen keeps the Rust parameter names, which are the table's.
    const params = String(f).match(/^function \w+\(([^)]*)\)/)[1].split(',').map((p) => p.trim()).filter(Boolean);
    if (JSON.stringify(params) !== JSON.stringify(op.params)) differences.push([op.jsName, params, op.params]);
  }
  assert.deepEqual(differences, []);
});

test('the old names call the new ones', () => {
  for (const [old, now] of Object.entries(DEPRECATED)) {
    assert.equal(typeof ssj[old], 'function', old);
    assert.equal(typeof ssj[now], 'function', now);
  }
  const secret = '11'.repeat(32);
  assert.equal(ssj.partyCommitment('samr.county', secret), ssj.commitment('samr.county', secret));
  assert.deepEqual(caught(() => ssj.leniency(null, '{', null, '2025-05-06')), caught(() => ssj.decide(null, '{', null, '2025-05-06')));
});

test('a document with several faults reports the same first error everywhere', () => {
  const cases = [
    [() => ssj.runOperation('eligibility', { catalog_text: '{', roster_text: '[', request_text: '{' }),
      () => ssj.eligibility('{', '{', '[', '[]')],
    [() => ssj.runOperation('decide', { entry: 'no-such-entry', facts_text: '{', on: 'x' }),
      () => ssj.decide('no-such-entry', '{', null, 'x')],
    [() => ssj.runOperation('verify_log', { plan_text: '{', log_text: '[', expected_head: 'zz' }),
      () => ssj.verifyLog('{', '[', 'zz')],
    [() => ssj.runOperation('publish_draw', { plan_text: '{', log_text: '[', attempt: 0, seed: 'x' }),
      () => ssj.publishDraw('{', '[]', '{', '[', 0, 'x')],
  ];
  for (const [viaOps, viaExport] of cases) {
    assert.deepEqual(caught(viaExport), caught(viaOps));
  }
  assert.deepEqual(caught(() => ssj.eligibility('{', '{', '[', '[]')), ['json_syntax', 'catalog']);
});

test('the generated exports answer as runOperation', () => {
  assert.equal(ssj.parseRatio('3%'), ssj.runOperation('parse_ratio', { text: '3%' }));
  assert.equal(ssj.parseDivision('350100'), '350100');
  assert.deepEqual(ssj.calendarStatus('2026-10-01'), ssj.runOperation('calendar_status', { date: '2026-10-01' }));
  assert.deepEqual(caught(() => ssj.beaconSpec('{')), caught(() => ssj.runOperation('beacon_spec', { spec_text: '{' })));
});
