// The JS surface agrees with the core's operation table (shuangsuiji::ops::OPERATION_TABLE):
// the same operations under one naming rule (camelCase of the table's snake_case words),
// and the same first error for a document with several faults. What still differs is
// listed with its reason; the test fails when a listed difference is fixed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ssj from './load.mjs';

// Table name -> [the JS function that does it today, why the name differs].
const NAME_DRIFT = {
  'validate:<kind>': ['validate', 'one function for every kind: validate(kind, value)'],
  read_catalog: ['loadCatalog', 'older name (Python: read_catalog)'],
  beacon_canonicalize: ['canonicalizeBeacon', 'older name, verb first'],
  beacon_validate: ['validateBeacon', 'older name, verb first'],
};

const camel = (s) => s.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

test('every operation has its JS function under the camelCase name, or a listed reason', () => {
  const ops = ssj.operations();
  const names = ops.map((o) => o.name);
  assert.equal(new Set(names).size, names.length);
  const missing = [];
  for (const op of ops) {
    assert.equal(op.jsName, camel(op.name));
    if (typeof ssj[op.jsName] === 'function') {
      assert.ok(!(op.name in NAME_DRIFT) || NAME_DRIFT[op.name][0] === op.jsName,
        `${op.name} now exists as ${op.jsName}: remove it from NAME_DRIFT`);
      continue;
    }
    if (op.name in NAME_DRIFT && typeof ssj[NAME_DRIFT[op.name][0]] === 'function') continue;
    missing.push(op.name);
  }
  assert.deepEqual(missing, [], 'operations without a JS function and without a listed reason');
});

test('decide is the table name; leniency stays as a deprecated alias', () => {
  assert.equal(typeof ssj.decide, 'function');
  assert.equal(typeof ssj.leniency, 'function');
  const facts = '{';
  const a = (() => { try { ssj.decide(null, facts, null, '2025-05-06'); } catch (e) { return e; } })();
  const b = (() => { try { ssj.leniency(null, facts, null, '2025-05-06'); } catch (e) { return e; } })();
  assert.deepEqual([a.code, a.details.field], [b.code, b.details.field]);
});

test('eligibility reports the first fault in table order, like runOperation', () => {
  const viaOps = (() => {
    try { ssj.runOperation('eligibility', { catalog_text: '{', roster_text: '[', request_text: '{' }); } catch (e) { return e; }
  })();
  const direct = (() => { try { ssj.eligibility('{', '{', '[', '[]'); } catch (e) { return e; } })();
  assert.deepEqual([direct.code, direct.details.field], [viaOps.code, viaOps.details.field]);
  assert.deepEqual([direct.code, direct.details.field], ['json_syntax', 'catalog']);
});

test('the wrappers generated from the table answer as runOperation', () => {
  assert.equal(ssj.parseRatio('3%'), ssj.runOperation('parse_ratio', { text: '3%' }));
  assert.equal(ssj.parseDivision('350100'), '350100');
  assert.deepEqual(ssj.calendarStatus('2026-10-01'), ssj.runOperation('calendar_status', { date: '2026-10-01' }));
  const secret = '11'.repeat(32);
  assert.equal(ssj.commitment('samr.county', secret), ssj.partyCommitment('samr.county', secret));
  const a = (() => { try { ssj.beaconSpec('{'); } catch (e) { return e; } })();
  const b = (() => { try { ssj.runOperation('beacon_spec', { spec_text: '{' }); } catch (e) { return e; } })();
  assert.deepEqual([a.code, a.details.field], [b.code, b.details.field]);
});
