// Every export called with arguments of the wrong type (issue #17 items 4-6): a typed Error
// with a `.code` each time — `argument_type` where a string, an integer or bytes is
// expected — never a wasm trap (`RuntimeError`), and the instance keeps working after.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import ssj from './load.mjs';

const C = JSON.parse(
  readFileSync(new URL('../../tests/vectors/publish/ceremony.json', import.meta.url), 'utf8'),
).ceremony;
const USCC = '91350100M000100Y43';
const SEED = '00'.repeat(32);

const EXPORTS = Object.entries(ssj).filter(
  ([name, f]) => typeof f === 'function' && !/^[A-Z]/.test(name) && !['initSync', 'default'].includes(name),
);

const WRONG = [12345, 10n, new Date(0), {}, [], true, undefined, null, Symbol('s'), () => 1, new Uint16Array(2)];

/** The error `f` throws (or undefined when it returns). */
function thrown(f) {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

function stillAlive() {
  assert.equal(ssj.parseUscc(USCC), USCC, 'the instance still works');
}

test('there are exports to check', () => {
  assert.ok(EXPORTS.length >= 40, `${EXPORTS.length} exports`);
});

for (const [name, f] of EXPORTS) {
  test(`${name}: wrong argument types give typed errors, never a trap`, () => {
    const arity = Math.max(f.length, 1);
    for (const w of WRONG) {
      // All arguments wrong, then each one wrong in turn among strings.
      const calls = [Array(arity).fill(w)];
      for (let i = 0; i < arity; i++) {
        const args = Array(arity).fill('x');
        args[i] = w;
        calls.push(args);
      }
      for (const args of calls) {
        const e = thrown(() => f(...args));
        if (e === undefined) continue; // some exports take anything (options, none)
        assert.ok(e instanceof Error, `${name}: not an Error: ${String(e)}`);
        assert.ok(!(e instanceof WebAssembly.RuntimeError), `${name}(${args.map(String)}): trap ${e.message}`);
        assert.equal(typeof e.code, 'string', `${name}: no .code on ${e.message}`);
      }
    }
    stillAlive();
  });
}

test("the issue's examples: strings", () => {
  const cases = [
    [() => ssj.parseUscc(91350100), 'text'],
    [() => ssj.ticket(SEED, 12345, USCC), 'task_id'],
    [() => ssj.calendarStatus(new Date()), 'date'],
    [() => ssj.completeUscc(10n), 'first17'],
    [() => ssj.verifyPlan(C.plan, undefined), 'plan_hash'],
  ];
  for (const [f, field] of cases) {
    const e = thrown(f);
    assert.equal(e?.code, 'argument_type', String(e));
    assert.equal(e.details.field, field);
  }
  stillAlive();
});

test('integers are checked, never coerced', () => {
  const log = { entries: C.log.entries.slice(0, -1) };
  for (const attempt of [-1, 2 ** 32 + 1, 2 ** 32, 1.9, NaN, undefined, '1', 1n, true, null, Infinity]) {
    const e = thrown(() => ssj.publishDraw(C.plan, C.eligible, C.catalog, log, attempt, C.seed));
    assert.equal(e?.code, 'argument_type', `attempt ${String(attempt)}: ${String(e)}`);
    assert.equal(e.details.field, 'attempt');
  }
  const { log: drawn } = ssj.publishDraw(C.plan, C.eligible, C.catalog, log, 0, C.seed);
  assert.deepEqual(drawn, C.log);
  assert.equal(thrown(() => ssj.deriveSeed(SEED, -1, [], []))?.code, 'argument_type');
});

test('bytes: ArrayBuffer and Uint8Array, nothing else', () => {
  const csv = '统一社会信用代码,名称,行政区划,信用等级,经营状态,类别\n91350100M000100Y43,甲,150581,A,active,food\n';
  const u8 = new TextEncoder().encode(csv);
  const opts = { file_name: 'r.csv', allow_unknown_columns: true };
  const fromU8 = thrown(() => ssj.readEnterprises(u8, opts));
  const fromBuffer = thrown(() => ssj.readEnterprises(u8.buffer, opts));
  assert.deepEqual(fromBuffer?.code, fromU8?.code, 'an ArrayBuffer reads as its bytes');
  if (fromU8 === undefined) {
    assert.deepEqual(ssj.readEnterprises(u8.buffer, opts), ssj.readEnterprises(u8, opts));
  }
  for (const w of [csv, new Uint16Array(u8), Array.from(u8), 7, undefined]) {
    const e = thrown(() => ssj.readEnterprises(w, opts));
    assert.equal(e?.code, 'argument_type', String(w));
    assert.equal(e.details.field, 'bytes');
  }
  stillAlive();
});
